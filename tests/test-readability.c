/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ethos-paths.h"
#include "ethos-readability.h"
#include "ethos-template-store.h"

/* Reading levels: English grades agree with GNU style (Debian's diction)
 * within half a grade; Spanish syllables and INFLESZ as the formula says. */

/* GNU style's Flesch–Kincaid grade of @text. Placeholders become "Person"
 * (two syllables, as Ethos counts them; capitalized because style skips
 * text that does not start a sentence with a capital). */
static double
style_grade (const char *text)
{
  g_autoptr(GRegex) placeholder = g_regex_new ("\\{[a-z0-9_]+\\}", 0, 0, NULL);
  g_autofree char *input = g_regex_replace_literal (placeholder, text, -1, 0, "Person", 0, NULL);
  g_autofree char *dir = g_dir_make_tmp ("ethos-style-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "text", NULL);
  g_autofree char *command = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *kincaid;
  int status;

  g_assert_true (g_file_set_contents (path, input, -1, NULL));
  command = g_strdup_printf ("style %s", path);
  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  kincaid = strstr (out, "Kincaid:");
  g_assert_nonnull (kincaid);
  return g_ascii_strtod (kincaid + strlen ("Kincaid:"), NULL);
}

static void
assert_like_style (const char *label,
                   const char *text)
{
  EthosReadability r;
  double theirs = style_grade (text);

  g_assert_true (ethos_readability_measure (text, "en", &r));
  g_test_message ("%s: Ethos %.2f, style %.1f (%u words, %u sentences)", label, r.score, theirs,
                  r.words, r.sentences);
  g_assert_cmpfloat_with_epsilon (r.score, theirs, 0.5);
}

static void
test_english_like_style (void)
{
  g_autofree char *style = g_find_program_in_path ("style");
  g_autofree char *dir = ethos_paths_get_templates_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosTemplateStore) store = NULL;
  GPtrArray *list;

  /* build-aux/install-deps.sh installs diction. */
  g_assert_nonnull (style);

  assert_like_style ("short", "You may stop at any time. Just tell us. We will not be upset.");
  assert_like_style ("long",
                     "Confidentiality protects the information you disclose during counseling "
                     "sessions, although professional obligations occasionally necessitate "
                     "disclosure to appropriate authorities. Administrative documentation is "
                     "maintained electronically.");
  assert_like_style ("placeholders", "Your counselor is {professional_name}. You can call "
                     "{agency_phone} to change an appointment. Sessions last {session_length}.");

  store = ethos_template_store_new (dir, NULL, NULL, &error);
  g_assert_no_error (error);
  list = ethos_template_store_list (store);
  for (guint i = 0; i < list->len; i++)
    {
      const EthosTemplate *tmpl = ((EthosTemplateEntry *) list->pdata[i])->tmpl;
      g_autoptr(GString) all = g_string_new (NULL);

      for (guint c = 0; c < tmpl->clauses->len; c++)
        {
          const EthosClause *clause = tmpl->clauses->pdata[c];
          const char *body = ethos_lang_text_get (clause->body, "en");

          if (body != NULL)
            g_string_append_printf (all, "%s\n\n", body);
        }
      assert_like_style (tmpl->id, all->str);
    }
}

static void
test_english_words (void)
{
  struct { const char *word; guint syllables; } words[] = {
    { "agency", 2 }, { "confidentiality", 5 }, { "needed", 1 }, { "files", 2 },
    { "agreed", 1 }, { "the", 1 }, { "technology", 3 }, { "people's", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_assert_cmpuint (ethos_readability_syllables (words[i].word, -1, "en"), ==,
                      words[i].syllables);
}

static void
test_spanish (void)
{
  struct { const char *word; guint syllables; } words[] = {
    { "consentimiento", 5 }, { "guardia", 2 }, { "país", 2 }, { "queso", 2 },
    { "pingüino", 3 }, { "leer", 2 }, { "hoy", 1 }, { "y", 1 }, { "ciudad", 2 },
    { "reíste", 3 }, { "aéreo", 4 }, { "poeta", 3 }, { "ahí", 2 }, { "cuidado", 3 },
    { "Información", 4 }, { "guion", 1 },
  };
  EthosReadability easy, hard;
  const char *text = "Puede dejar los servicios. Solo dígalo.";

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (ethos_readability_syllables (words[i].word, -1, "es") != words[i].syllables)
      g_error ("%s: %u syllables, not %u", words[i].word,
               ethos_readability_syllables (words[i].word, -1, "es"), words[i].syllables);

  /* Pue-de de-jar los ser-vi-cios. So-lo dí-ga-lo: 6 words, 13 syllables,
   * 2 sentences → 206.835 − 62.3 × 13/6 − 6/2 = 68.85. */
  g_assert_true (ethos_readability_measure (text, "es", &easy));
  g_assert_cmpuint (easy.words, ==, 6);
  g_assert_cmpuint (easy.syllables, ==, 13);
  g_assert_cmpuint (easy.sentences, ==, 2);
  g_assert_cmpfloat_with_epsilon (easy.score, 206.835 - 62.3 * 13 / 6.0 - 3, 0.001);
  g_assert_false (easy.hard);

  g_assert_true (ethos_readability_measure ("La confidencialidad de la información proporcionada "
                                            "durante las intervenciones profesionales constituye "
                                            "una obligación deontológica fundamental, salvo "
                                            "excepciones legalmente establecidas.", "es", &hard));
  g_assert_true (hard.hard);
  g_assert_cmpfloat (hard.score, <, 40);
}

static void
test_placeholders_and_edges (void)
{
  EthosReadability r;

  g_assert_true (ethos_readability_measure ("Call {agency_phone}.", "en", &r));
  g_assert_cmpuint (r.words, ==, 2);
  g_assert_cmpuint (r.syllables, ==, 3);
  g_assert_cmpuint (r.sentences, ==, 1);
  g_assert_false (ethos_readability_measure ("", "en", &r));
  g_assert_false (ethos_readability_measure ("Bonjour.", "fr", &r));
  g_assert_false (ethos_readability_measure ("\xff\xfe", "en", &r));
  /* A list item without a full stop is a sentence of its own. */
  g_assert_true (ethos_readability_measure ("- one thing\n- another thing\n", "en", &r));
  g_assert_cmpuint (r.sentences, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/readability/english-like-style", test_english_like_style);
  g_test_add_func ("/readability/english-words", test_english_words);
  g_test_add_func ("/readability/spanish", test_spanish);
  g_test_add_func ("/readability/placeholders-and-edges", test_placeholders_and_edges);
  return g_test_run ();
}
