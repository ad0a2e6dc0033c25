/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The codes are shipped verbatim: every item's text (and heading) in
 * data/codes/ must appear, word for word, in the seed text it came from,
 * and nothing numbered in a seed may be missing from our files. */
#include "config.h"

#include "ethos-test-codes.h"
#include "ethos-test-utils.h"

static const struct { const char *code, *seed; } seeds[] = {
  { "nohs", "nohs-ethical-standards-2024.txt" },
  { "coaching", "coaching-mentoring-global-code-of-ethics.txt" },
  { "cesp", "espcc-cesp-code-of-conduct.txt" },
  { "oesc", "oesc-employment-training-code-of-conduct.txt" },
};

static char *
read_seed (const char *name)
{
  const char *dir = g_getenv ("ETHOS_SEEDS_DIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : "", name, NULL);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return ethos_test_collapse_space (contents);
}

static void
test_verbatim (gconstpointer data)
{
  guint index = GPOINTER_TO_UINT (data);
  g_autofree char *seed = read_seed (seeds[index].seed);
  g_autofree char *seed_lower = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) fronts = NULL;

  if (seed == NULL)
    {
      g_test_skip ("the seed texts (../shared/seeds) are not beside this checkout");
      return;
    }
  seed_lower = g_utf8_strdown (seed, -1);

  items = ethos_test_read_code_items (seeds[index].code);
  g_assert_cmpuint (items->len, >, 0);
  for (guint i = 0; i < items->len; i++)
    {
      const EthosTestItem *item = items->pdata[i];
      g_autofree char *text = ethos_test_collapse_space (item->text);

      if (strstr (seed, text) == NULL)
        g_error ("%s %s: the text is not word for word in %s: “%s”",
                 item->code, item->ref, seeds[index].seed, text);
      if (item->heading != NULL)
        {
          /* Headings may be title-cased from an all-capitals source. */
          g_autofree char *heading = g_utf8_strdown (item->heading, -1);
          if (strstr (seed_lower, heading) == NULL)
            g_error ("%s %s: heading “%s” is not in the seed", item->code, item->ref,
                     item->heading);
        }
    }

  fronts = ethos_test_read_front_texts (seeds[index].code);
  for (guint i = 0; i < fronts->len; i++)
    {
      g_auto(GStrv) paragraphs = g_strsplit (fronts->pdata[i], "\n\n", -1);
      for (guint p = 0; paragraphs[p] != NULL; p++)
        {
          g_autofree char *text = ethos_test_collapse_space (paragraphs[p]);
          if (strstr (seed, text) == NULL)
            g_error ("%s: front matter not word for word in the seed: “%s”",
                     seeds[index].code, text);
        }
    }
}

static const char *
find_text (GPtrArray  *items,
           const char *ref)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (((EthosTestItem *) items->pdata[i])->ref, ref))
      return ((EthosTestItem *) items->pdata[i])->text;
  return NULL;
}

/* Every "STANDARD n …" of the NOHS seed is item n, complete. */
static void
test_nohs_complete (void)
{
  g_autofree char *seed = read_seed (seeds[0].seed);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  if (seed == NULL)
    {
      g_test_skip ("the seed texts are not beside this checkout");
      return;
    }
  items = ethos_test_read_code_items ("nohs");
  regex = g_regex_new ("STANDARD (\\d+) (.*?) (?=STANDARD \\d|RESPONSIBILITY|Copyright)",
                       0, 0, NULL);
  g_regex_match (regex, seed, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *ref = g_match_info_fetch (match, 1);
      g_autofree char *text = g_match_info_fetch (match, 2);
      const char *ours = find_text (items, ref);
      g_autofree char *collapsed = ours ? ethos_test_collapse_space (ours) : NULL;

      g_assert_cmpstr (collapsed, ==, text);
      n++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (n, ==, 44);
}

/* Every numbered clause line of the coaching seed starts its item's text. */
static void
test_coaching_complete (void)
{
  const char *dir = g_getenv ("ETHOS_SEEDS_DIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : "", seeds[1].seed, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint n = 0;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_test_skip ("the seed texts are not beside this checkout");
      return;
    }
  items = ethos_test_read_code_items ("coaching");
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      const char *ours;

      if (!g_regex_match_simple ("^[123]\\.[0-9]+ ", lines[i], 0, 0))
        continue;
      parts = g_strsplit (lines[i], " ", 2);
      ours = find_text (items, parts[0]);
      if (ours == NULL || !g_str_has_prefix (ours, g_strchomp (parts[1])))
        g_error ("coaching %s differs from the seed", parts[0]);
      n++;
    }
  g_assert_cmpuint (n, ==, 47);
  /* The web page's footer is not part of the code. */
  for (guint i = 0; i < items->len; i++)
    g_assert_null (strstr (((EthosTestItem *) items->pdata[i])->text, "Newsletter"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = ethos_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *name = g_strdup_printf ("/seeds/verbatim/%s", seeds[i].code);
      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_verbatim);
    }
  g_test_add_func ("/seeds/nohs-complete", test_nohs_complete);
  g_test_add_func ("/seeds/coaching-complete", test_coaching_complete);
  return g_test_run ();
}
