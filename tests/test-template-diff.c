/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ethos-paths.h"
#include "ethos-template-diff.h"
#include "ethos-template-edit.h"
#include "ethos-template-store.h"
#include "ethos-test-utils.h"

/* "Compare Versions": the clause-level difference between two versions
 * of a template (ethos-template-diff.h) and its text for a staff memo. */

static EthosTemplateStore *store;

static EthosRequirements *
reqs (void)
{
  return ethos_template_store_get_requirements (store);
}

static EthosTemplate *
informed_consent (void)
{
  return ethos_template_copy (ethos_template_store_lookup (store, "informed-consent",
                                                           NULL)->tmpl);
}

static char *
words_text (GPtrArray *words)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const EthosWords *w = g_ptr_array_index (words, i);
      const char *open = w->op == ETHOS_WORDS_SAME ? "" : w->op == ETHOS_WORDS_ADDED ? "+(" : "-(";

      g_string_append_printf (out, "%s%s%s%s", i ? " " : "", open, w->text,
                              w->op == ETHOS_WORDS_SAME ? "" : ")");
    }
  return g_string_free (out, FALSE);
}

static void
test_words (void)
{
  struct { const char *before, *after, *expected; } cases[] = {
    { "You may stop at any time.", "You may stop whenever you wish.",
      "You may stop -(at any time.) +(whenever you wish.)" },
    { "a b c", "a b c", "a b c" },
    { "", "new words", "+(new words)" },
    { "old words", "", "-(old words)" },
    { "one two three four", "one three four five", "one -(two) three four +(five)" },
    { "Call   us\nat {agency_phone}.", "Call us at {agency_phone}.", "Call us at {agency_phone}." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) words = ethos_words_diff (cases[i].before, cases[i].after);
      g_autofree char *text = words_text (words);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Very long texts are compared as one replacement, not slowly. */
static void
test_words_long (void)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(GPtrArray) words = NULL;

  for (guint i = 0; i < 5000; i++)
    {
      g_string_append_printf (a, "w%u ", i);
      g_string_append_printf (b, "w%u ", i % 7 == 0 ? i + 1 : i);
    }
  words = ethos_words_diff (a->str, b->str);
  g_assert_cmpuint (words->len, <=, 4);
}

static void
test_same (void)
{
  g_autoptr(EthosTemplate) a = informed_consent ();
  g_autoptr(EthosTemplate) b = informed_consent ();
  g_autoptr(EthosTemplateDiff) diff = ethos_template_diff (a, b, reqs ());
  g_autofree char *text = ethos_template_diff_to_text (diff, "en");

  g_assert_cmpuint (diff->changes->len, ==, 0);
  g_assert_nonnull (strstr (text, "The two versions are the same."));
}

/* A new user replaced "Your right to stop" with "Please keep coming to every
 * session" and saw it still covered: the Save dialog now lists the locked
 * clauses carrying elements whose text changed, with the languages that
 * changed (English alone: the Spanish may now say something else).
 * Headings, unlocked clauses and untagged ones are not listed. */
static void
test_reworded_carriers (void)
{
  g_autoptr(EthosTemplate) v1 = informed_consent ();
  g_autoptr(EthosTemplate) v2 = ethos_template_copy (v1);
  g_autoptr(EthosTemplateDiff) diff = NULL;
  g_autoptr(GPtrArray) langs = NULL;
  g_auto(GStrv) ids = NULL;

  g_assert_true (ethos_template_set_clause_text (v2, "withdraw", ETHOS_CLAUSE_BODY, "en",
                                                 "Please keep coming to every session."));
  g_assert_true (ethos_template_set_clause_text (v2, "privacy", ETHOS_CLAUSE_BODY, "en",
                                                 "We keep what you say private."));
  g_assert_true (ethos_template_set_clause_text (v2, "privacy", ETHOS_CLAUSE_BODY, "es",
                                                 "Guardamos en reserva lo que nos dice."));
  /* Not listed: a heading, an unlocked clause, a clause that carries nothing. */
  g_assert_true (ethos_template_set_clause_text (v2, "questions", ETHOS_CLAUSE_HEADING, "en",
                                                 "Ask us anything"));
  g_assert_true (ethos_template_set_clause_text (v2, "services", ETHOS_CLAUSE_BODY, "en",
                                                 "We offer counseling."));
  g_assert_true (ethos_template_set_clause_locked (v2, "concerns", TRUE));
  g_assert_true (ethos_template_set_clause_text (v2, "concerns", ETHOS_CLAUSE_BODY, "en",
                                                 "Tell us if something is wrong."));

  diff = ethos_template_diff (v1, v2, reqs ());
  ids = ethos_template_diff_reworded_carriers (diff, &langs);
  g_assert_cmpstrv (ids, ((const char *[]) { "withdraw", "privacy", NULL }));
  g_assert_cmpuint (langs->len, ==, 2);
  g_assert_cmpstrv (langs->pdata[0], ((const char *[]) { "en", NULL }));
  g_assert_cmpstrv (langs->pdata[1], ((const char *[]) { "en", "es", NULL }));

  /* Only spacing changed: not reworded. */
  {
    g_autoptr(EthosTemplate) v3 = ethos_template_copy (v1);
    g_autoptr(EthosTemplateDiff) same = NULL;
    g_autofree char *spaced = g_strconcat (ethos_lang_text_get (
      ethos_template_get_clause (v1, "withdraw")->body, "en"), "  ", NULL);
    g_auto(GStrv) none = NULL;

    g_assert_true (ethos_template_set_clause_text (v3, "withdraw", ETHOS_CLAUSE_BODY, "en",
                                                   spaced));
    same = ethos_template_diff (v1, v3, reqs ());
    none = ethos_template_diff_reworded_carriers (same, NULL);
    g_assert_cmpuint (g_strv_length (none), ==, 0);
  }
}

/* The manager's 1.0 → 2.0: the complaints clause reworded, the fees
 * changed, the right to stop deleted, a clause locked, one added, NOHS 9
 * dropped, a witness signature. */
static void
test_versions (void)
{
  g_autoptr(EthosTemplate) v1 = informed_consent ();
  g_autoptr(EthosTemplate) v2 = ethos_template_copy (v1);
  g_autoptr(EthosTemplateDiff) diff = NULL;
  g_autoptr(EthosCondition) mandated = ethos_condition_new_field ("mandated", FALSE);
  g_autofree char *text = NULL;
  g_autofree char *es = NULL;
  g_autofree char *reworded = NULL;
  const EthosChange *change;
  EthosClause *added;
  const char *body = ethos_lang_text_get (ethos_template_get_clause (v1, "concerns")->body, "en");
  g_autofree char *new_body = g_strconcat (body, " You may also write to the state board.", NULL);

  g_free (v2->version);
  v2->version = g_strdup ("2.0");
  g_assert_true (ethos_template_set_clause_text (v2, "concerns", ETHOS_CLAUSE_BODY, "en",
                                                 new_body));
  g_assert_true (ethos_template_remove_clause (v2, "withdraw"));
  g_assert_true (ethos_template_set_clause_locked (v2, "appointments", TRUE));
  g_assert_true (ethos_template_set_clause_when (v2, "services", mandated));
  g_assert_true (ethos_template_move_clause (v2, "agreement", 0));
  added = ethos_template_add_clause (v2, -1);
  ethos_template_set_clause_text (v2, added->id, ETHOS_CLAUSE_HEADING, "en", "Late cancellations");
  g_assert_true (ethos_template_remove_requirement (v2, reqs (), "nohs 9"));
  g_assert_true (ethos_template_set_signature (v2, "witness", TRUE, NULL));
  g_assert_true (ethos_template_set_title (v2, "en", "Consent (Riverbend)"));

  diff = ethos_template_diff (v1, v2, reqs ());
  g_assert_cmpuint (ethos_template_diff_count (diff, ETHOS_CHANGE_CLAUSE_REMOVED), ==, 1);
  g_assert_nonnull (ethos_template_diff_find (diff, ETHOS_CHANGE_CLAUSE_REMOVED, "withdraw"));
  g_assert_nonnull (ethos_template_diff_find (diff, ETHOS_CHANGE_CLAUSE_ADDED, added->id));
  g_assert_nonnull (ethos_template_diff_find (diff, ETHOS_CHANGE_CLAUSE_LOCKED, "appointments"));
  g_assert_nonnull (ethos_template_diff_find (diff, ETHOS_CHANGE_CLAUSE_CONDITION, "services"));
  g_assert_nonnull (ethos_template_diff_find (diff, ETHOS_CHANGE_CLAUSE_MOVED, "agreement"));
  /* Only the clause that moved, not every clause after it. */
  g_assert_cmpuint (ethos_template_diff_count (diff, ETHOS_CHANGE_CLAUSE_MOVED), ==, 1);
  g_assert_nonnull (ethos_template_diff_find (diff, ETHOS_CHANGE_SIGNATURE_ADDED, "witness"));
  g_assert_cmpuint (ethos_template_diff_count (diff, ETHOS_CHANGE_TITLE), ==, 1);

  /* Reworded: the English text only, with the words added. */
  change = ethos_template_diff_find (diff, ETHOS_CHANGE_CLAUSE_REWORDED, "concerns");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->lang, ==, "en");
  g_assert_cmpint (change->part, ==, ETHOS_CLAUSE_BODY);
  reworded = words_text (change->words);
  g_assert_true (g_str_has_suffix (reworded, "+(You may also write to the state board.)"));
  g_assert_cmpuint (ethos_template_diff_count (diff, ETHOS_CHANGE_CLAUSE_REWORDED), ==, 1);

  /* NOHS 9's tags went with it. */
  change = ethos_template_diff_find (diff, ETHOS_CHANGE_STANDARD_REMOVED, "nohs 9");
  g_assert_nonnull (change);
  g_assert_true (g_strv_contains ((const char * const *) change->removed, "nohs-9#precautions"));

  /* Coverage: the right to withdraw is no longer covered; NOHS 9 is not
   * required any more; the fees clause, now locked, changes nothing. */
  change = ethos_template_diff_find (diff, ETHOS_CHANGE_COVERAGE, "nohs-2#withdraw");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->before, ==, "covered");
  g_assert_cmpstr (change->after, ==, "UNCOVERED");
  change = ethos_template_diff_find (diff, ETHOS_CHANGE_COVERAGE, "nohs-9#precautions");
  g_assert_nonnull (change);
  g_assert_cmpstr (change->after, ==, "");
  g_assert_null (ethos_template_diff_find (diff, ETHOS_CHANGE_COVERAGE, "nohs-3#privacy"));

  text = ethos_template_diff_to_text (diff, "en");
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Changes to “Consent (Riverbend)” (informed-consent) "
                                         "from version 1.0 to 2.0\n"));
  g_assert_nonnull (strstr (text, "\nClauses removed\n  − “Your right to stop” (withdraw)\n"));
  g_assert_nonnull (strstr (text, "  “If you have a concern” (concerns), text in English:\n"));
  g_assert_nonnull (strstr (text, "{+You may also write to the state board.+}"));
  /* Context is cut down: not the whole clause. */
  g_assert_null (strstr (text, body));
  g_assert_nonnull (strstr (text, "“Appointments and fees” (appointments): now locked"));
  g_assert_nonnull (strstr (text, "  nohs-2#withdraw: covered → UNCOVERED\n"));
  g_assert_nonnull (strstr (text, "  nohs-9#precautions: covered → not required\n"));
  g_assert_nonnull (strstr (text, "no longer required: nohs 9"));
  g_assert_nonnull (strstr (text, "printed when “Services are mandated” (was: always)"));
  g_assert_nonnull (strstr (text, "moved from position 16 to 1"));
  g_assert_nonnull (strstr (text, "\nSignatures\n  + witness\n"));

  /* Clause names follow the memo's language. */
  es = ethos_template_diff_to_text (diff, "es");
  g_assert_nonnull (strstr (es, "(withdraw)"));
  g_assert_null (strstr (es, "“Your right to stop”"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = ethos_test_init (&argc, &argv);
  g_autofree char *dir = ethos_paths_get_templates_dir ();
  g_autoptr(GError) error = NULL;
  int status;

  store = ethos_template_store_new (dir, NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/template-diff/words", test_words);
  g_test_add_func ("/template-diff/words-long", test_words_long);
  g_test_add_func ("/template-diff/same", test_same);
  g_test_add_func ("/template-diff/versions", test_versions);
  g_test_add_func ("/template-diff/reworded-carriers", test_reworded_carriers);
  status = g_test_run ();
  ethos_template_store_free (store);
  return status;
}
