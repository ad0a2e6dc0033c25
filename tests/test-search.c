/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ethos-corpus.h"
#include "ethos-paths.h"
#include "ethos-query.h"
#include "ethos-test-utils.h"

static EthosCorpus *corpus;

static GPtrArray *
search_all (const char *query,
            const char *code)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = ethos_corpus_search (corpus, query, code, 50, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

/* The references and text matches only, without the topics the query
 * names and their items (test_topics). */
static GPtrArray *
search (const char *query,
        const char *code)
{
  GPtrArray *results = search_all (query, code);

  for (guint i = results->len; i > 0; i--)
    {
      const EthosSearchResult *r = results->pdata[i - 1];
      if (r->kind == ETHOS_SEARCH_TOPIC || r->kind == ETHOS_SEARCH_ON_TOPIC)
        g_ptr_array_remove_index (results, i - 1);
    }
  return results;
}

static int
position_of (GPtrArray  *results,
             const char *code,
             const char *ref)
{
  for (guint i = 0; i < results->len; i++)
    {
      const EthosSearchResult *r = results->pdata[i];
      if (g_strcmp0 (r->code, code) == 0 && g_strcmp0 (r->ref, ref) == 0)
        return (int) i;
    }
  return -1;
}

static void
test_query_to_fts (void)
{
  struct { const char *in, *out; } cases[] = {
    { "dual relationships", "\"dual\" AND \"relationships\"*" },
    { "dual relationships ", "\"dual\" AND \"relationships\"" },
    { "confid", "\"confid\"*" },
    { "\"limits of confidentiality\"", "\"limits of confidentiality\"" },
    { "\"duty to warn", "\"duty to warn\"" },
    { "client's", "\"client s\"*" },
    { "AND OR NOT", "\"and\" AND \"or\" AND \"not\"*" },
    { "NEAR(a b)", "\"near a\" AND \"b\"*" },
    { "\"AND (", "\"and\"" },
    { "* - ( ) \" ^ :", NULL },
    { "", NULL },
    { "😀😀", NULL },
    { "Núñez", "\"núñez\"*" },
    { "Nu\xcc\x81n\xcc\x83""ez", "\"núñez\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = ethos_query_to_fts (cases[i].in);
      if (g_strcmp0 (got, cases[i].out) != 0)
        g_error ("query “%s” → “%s”, expected “%s”", cases[i].in, got, cases[i].out);
    }
}

/* Search as you type: no prefix of a word comes up empty, and from four
 * letters on each still finds the whole word's best match, even where the typed prefix is longer
 * than the word's stem ("confidentia" vs the stem "confidenti"). */
static void
test_every_prefix (void)
{
  const char *words[] = { "confidentiality", "supervision", "competence", "referral",
                          "relationships", "discrimination" };

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      g_autoptr(GPtrArray) full = search (words[w], NULL);

      g_assert_cmpuint (full->len, >, 0);
      for (glong n = 1; n <= g_utf8_strlen (words[w], -1); n++)
        {
          g_autofree char *prefix = g_utf8_substring (words[w], 0, n);
          g_autoptr(GPtrArray) results = search (prefix, NULL);

          const EthosSearchResult *best = full->pdata[0];

          g_assert_cmpuint (results->len, >, 0);
          /* One to three letters match too much for one word to be on top. */
          if (n >= 4 && position_of (results, best->code, best->ref) < 0)
            g_error ("“%s” does not find %s %s, the best match for “%s”", prefix, best->code,
                     best->ref, words[w]);
        }
    }
  {
    g_autoptr(GPtrArray) r = search ("dual relationsh", NULL);
    g_assert_cmpint (position_of (r, "nohs", "5"), >=, 0);
    g_assert_cmpint (position_of (r, "oesc", "I.4.a"), >=, 0);
  }
}

static void
test_dual_relationships (void)
{
  const char *queries[] = { "dual relationships", "dual relat", "Dual Relationships " };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) results = search (queries[q], NULL);
      int nohs5 = position_of (results, "nohs", "5");
      int oesc4a = position_of (results, "oesc", "I.4.a");

      g_assert_cmpint (nohs5, >=, 0);
      g_assert_cmpint (oesc4a, >=, 0);
      /* Both are among the best hits, not somewhere down the list. */
      g_assert_cmpint (nohs5, <, 3);
      g_assert_cmpint (oesc4a, <, 3);
    }
}

/* A query that names a topic lists the topic first, then the texts that
 * match, then every other item on that topic. */
static void
test_topics (void)
{
  struct { const char *query, *topic; } cases[] = {
    { "dual relationships", "dual-relationships" },
    { "duty to warn", "limits-of-confidentiality" },
    { "consent", "informed-consent" },
    { "Dual relat", "dual-relationships" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GPtrArray) results = search_all (cases[c].query, NULL);
      g_autoptr(EthosTopic) topic = ethos_corpus_get_topic (corpus, cases[c].topic, NULL);
      g_autoptr(GPtrArray) items = ethos_corpus_items_for_topic (corpus, cases[c].topic, NULL);
      const EthosSearchResult *first = results->pdata[0];
      gboolean on_topic_seen = FALSE;

      g_assert_cmpint (first->kind, ==, ETHOS_SEARCH_TOPIC);
      g_assert_cmpstr (first->topic, ==, cases[c].topic);
      g_assert_cmpstr (first->heading, ==, topic->label);
      g_assert_null (first->code);
      /* Every item the topic holds is found. */
      for (guint i = 0; i < items->len; i++)
        {
          EthosItem *item = items->pdata[i];
          if (position_of (results, item->code, item->ref) < 0)
            g_error ("“%s” does not find %s %s (on %s)", cases[c].query, item->code, item->ref,
                     cases[c].topic);
        }
      /* Text matches first, the items found through the topic after them. */
      for (guint i = 1; i < results->len; i++)
        {
          const EthosSearchResult *r = results->pdata[i];

          if (r->kind == ETHOS_SEARCH_ON_TOPIC)
            {
              on_topic_seen = TRUE;
              g_assert_nonnull (r->topic);
            }
          else if (r->kind != ETHOS_SEARCH_TOPIC)
            g_assert_false (on_topic_seen);
        }
      g_assert_true (on_topic_seen);
    }

  /* Within one code, the topic's items of that code only. */
  {
    g_autoptr(GPtrArray) results = search_all ("duty to warn", "nohs");

    g_assert_cmpint (((EthosSearchResult *) results->pdata[0])->kind, ==, ETHOS_SEARCH_TOPIC);
    for (guint i = 1; i < results->len; i++)
      g_assert_cmpstr (((EthosSearchResult *) results->pdata[i])->code, ==, "nohs");
    g_assert_cmpint (position_of (results, "nohs", "4"), >, 0);
  }
  /* One letter, a reference or words no topic carries name no topic. */
  {
    const char *none[] = { "c", "co", "1.11", "nohs 3", "romantic", "zzzz" };

    for (guint i = 0; i < G_N_ELEMENTS (none); i++)
      {
        g_autoptr(GPtrArray) results = search_all (none[i], NULL);
        for (guint r = 0; r < results->len; r++)
          if (((EthosSearchResult *) results->pdata[r])->kind == ETHOS_SEARCH_TOPIC)
            g_error ("“%s” lists the topic %s", none[i],
                     ((EthosSearchResult *) results->pdata[r])->topic);
      }
  }
  /* The limit holds, topics included. */
  {
    g_autoptr(GPtrArray) results = ethos_corpus_search (corpus, "consent", NULL, 5, NULL);
    g_assert_cmpuint (results->len, ==, 5);
  }
}

static void
test_prefix (void)
{
  g_autoptr(GPtrArray) results = search ("confid", NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  g_assert_cmpuint (results->len, >=, 10);
  g_assert_cmpint (position_of (results, "nohs", "3"), >=, 0);
  g_assert_cmpint (position_of (results, "coaching", "1.9"), >=, 0);
  g_assert_cmpint (position_of (results, "cesp", "3.6"), >=, 0);
  g_assert_cmpint (position_of (results, "oesc", "I.5"), >=, 0);
}

static void
test_snippet_highlight (void)
{
  g_autoptr(GPtrArray) results = search ("supervision", "nohs");
  const EthosSearchResult *r;
  g_autofree char *html = NULL;

  g_assert_cmpuint (results->len, >, 0);
  r = results->pdata[0];
  g_assert_true (strstr (r->snippet, ETHOS_SNIPPET_OPEN) != NULL);
  html = ethos_search_result_format_snippet (r, "<b>", "</b>");
  g_assert_true (strstr (html, "<b>supervision</b>") != NULL ||
                 strstr (html, "<b>Supervision</b>") != NULL);
}

static void
test_diacritics (void)
{
  /* remove_diacritics: accented input finds plain text. */
  g_autoptr(GPtrArray) a = search ("cónfidentiality", NULL);
  g_autoptr(GPtrArray) b = search ("confidentiality", NULL);

  g_assert_cmpuint (a->len, >, 0);
  g_assert_cmpuint (a->len, ==, b->len);
}

static void
test_phrase (void)
{
  g_autoptr(GPtrArray) phrase = search ("\"limits of confidentiality\"", NULL);
  g_autoptr(GPtrArray) words = search ("limits confidentiality", NULL);

  g_assert_cmpint (position_of (phrase, "nohs", "3"), >=, 0);
  g_assert_cmpuint (phrase->len, <, words->len);
  for (guint i = 0; i < phrase->len; i++)
    {
      const EthosSearchResult *r = phrase->pdata[i];
      g_autofree char *plain = ethos_search_result_format_snippet (r, "", "");
      g_autofree char *lower = g_utf8_strdown (plain, -1);
      /* porter stems "limits"/"limitations": the phrase is still adjacent words */
      g_assert_true (strstr (lower, "confidentiality") != NULL);
    }
}

static void
test_code_filter (void)
{
  g_autoptr(GPtrArray) results = search ("confidentiality", "coaching");

  g_assert_cmpuint (results->len, >, 0);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpstr (((EthosSearchResult *) results->pdata[i])->code, ==, "coaching");
}

static void
test_ref_jump (void)
{
  g_autoptr(GPtrArray) a = search ("nohs 3", NULL);
  g_autoptr(GPtrArray) b = search ("1.11", NULL);
  g_autoptr(GPtrArray) c = search ("1.1", NULL);
  const EthosSearchResult *r = a->pdata[0];

  g_assert_cmpint (r->kind, ==, ETHOS_SEARCH_REF);
  g_assert_cmpstr (r->code, ==, "nohs");
  g_assert_cmpstr (r->ref, ==, "3");
  g_assert_cmpstr (((EthosSearchResult *) b->pdata[0])->ref, ==, "1.11");
  g_assert_cmpint (((EthosSearchResult *) c->pdata[0])->kind, ==, ETHOS_SEARCH_REF);
  g_assert_cmpint (((EthosSearchResult *) c->pdata[1])->kind, ==, ETHOS_SEARCH_REF);
  g_assert_cmpint (position_of (c, "cesp", "1.1"), ==, 1);
}

static void
test_front_matter_searchable (void)
{
  g_autoptr(GPtrArray) results = search ("interdisciplinary knowledge base", NULL);
  const EthosSearchResult *r;

  g_assert_cmpuint (results->len, >=, 1);
  r = results->pdata[0];
  g_assert_cmpint (r->kind, ==, ETHOS_SEARCH_FRONT);
  g_assert_cmpstr (r->code, ==, "nohs");
  g_assert_null (r->ref);
  g_assert_cmpstr (r->heading, ==, "Preamble");
}

static void
test_hostile (void)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autofree char *invalid = g_strdup ("confid\xff\xfe\xc3");
  const char *queries[] = {
    "AND", "OR", "NOT", "\"", "\"\"", "(", ")", "*", "-", "NEAR", "NEAR(", "a NEAR/2 b",
    "\"AND (", "col:val", "heading:dual", "^start", "{a b}", "a + b", "'; DROP TABLE items; --",
    "😀", "🧑‍⚕️ confid", "\\", "%", "_", "\x01\x02", "\t\n", "I.5.a)", "nohs 3 AND",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    g_ptr_array_unref (search (queries[i], NULL));

  for (guint i = 0; big->len < 10 * 1024; i++)
    g_string_append (big, i % 3 == 0 ? "\"AND ( " : i % 3 == 1 ? "NEAR* " : "confidentiality ");
  g_ptr_array_unref (search (big->str, NULL));
  g_ptr_array_unref (search (invalid, NULL));

  {
    g_autoptr(GPtrArray) r = search ("\"", NULL);
    g_assert_cmpuint (r->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = ethos_test_init (&argc, &argv);
  g_autofree char *path = ethos_paths_get_corpus_file ();
  g_autoptr(GError) error = NULL;
  int ret;

  corpus = ethos_corpus_open (path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/search/query-to-fts", test_query_to_fts);
  g_test_add_func ("/search/dual-relationships", test_dual_relationships);
  g_test_add_func ("/search/prefix", test_prefix);
  g_test_add_func ("/search/topics", test_topics);
  g_test_add_func ("/search/every-prefix", test_every_prefix);
  g_test_add_func ("/search/snippet-highlight", test_snippet_highlight);
  g_test_add_func ("/search/diacritics", test_diacritics);
  g_test_add_func ("/search/phrase", test_phrase);
  g_test_add_func ("/search/code-filter", test_code_filter);
  g_test_add_func ("/search/ref-jump", test_ref_jump);
  g_test_add_func ("/search/front-matter", test_front_matter_searchable);
  g_test_add_func ("/search/hostile", test_hostile);
  ret = g_test_run ();
  ethos_corpus_free (corpus);
  return ret;
}
