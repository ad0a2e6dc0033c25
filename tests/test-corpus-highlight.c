/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ethos-corpus.h"
#include "ethos-error.h"
#include "ethos-paths.h"
#include "ethos-test-utils.h"

static EthosCorpus *corpus;

static char *
visible (const char *marked)
{
  GString *out = g_string_new (marked);

  g_string_replace (out, ETHOS_SNIPPET_OPEN, "[", 0);
  g_string_replace (out, ETHOS_SNIPPET_CLOSE, "]", 0);
  return g_string_free (out, FALSE);
}

static void
test_stems_and_prefixes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosItem) item = ethos_corpus_highlight_item (corpus, "nohs", "5", "dual relat", &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = visible (item->text);
  /* Every occurrence is marked, not only those in a snippet window. */
  g_assert_nonnull (strstr (text, "[dual] or multiple [relationships] with clients"));
  g_assert_nonnull (strstr (text, "If such [relationships] cannot be avoided"));
  g_assert_null (strstr (text, "[multiple]"));
}

static void
test_heading (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosItem) item = ethos_corpus_highlight_item (corpus, "OESC", "i.4.A", "dual relationships",
                                                           &error);
  g_autofree char *heading = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (item->code, ==, "oesc");
  g_assert_cmpstr (item->ref, ==, "I.4.a");
  heading = visible (item->heading);
  g_assert_cmpstr (heading, ==, "[Dual] [Relationships]");
}

static void
test_no_match (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosItem) plain = ethos_corpus_get_item (corpus, "nohs", "3", &error);
  g_autoptr(EthosItem) a = ethos_corpus_highlight_item (corpus, "nohs", "3", "gifts", &error);
  g_autoptr(EthosItem) b = ethos_corpus_highlight_item (corpus, "nohs", "3", "* ( ) \"", &error);
  g_autoptr(EthosItem) c = ethos_corpus_highlight_item (corpus, "nohs", "3", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (a->text, ==, plain->text);
  g_assert_cmpstr (b->text, ==, plain->text);
  g_assert_cmpstr (c->text, ==, plain->text);
  g_assert_null (strchr (a->text, ETHOS_SNIPPET_OPEN[0]));
}

static void
test_unknown_item (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosItem) item = ethos_corpus_highlight_item (corpus, "nohs", "99", "client", &error);

  g_assert_null (item);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND);
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

  g_test_add_func ("/corpus-highlight/stems-and-prefixes", test_stems_and_prefixes);
  g_test_add_func ("/corpus-highlight/heading", test_heading);
  g_test_add_func ("/corpus-highlight/no-match", test_no_match);
  g_test_add_func ("/corpus-highlight/unknown-item", test_unknown_item);
  ret = g_test_run ();
  ethos_corpus_free (corpus);
  return ret;
}
