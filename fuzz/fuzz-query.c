/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-fuzz"

#include "config.h"

#include "ethos-corpus.h"
#include "ethos-fuzz.h"
#include "ethos-query.h"

/* What a user types in the search box: whatever it is, the search runs
 * without an SQL or FTS5 error (PRODUCT.md: no query is a syntax error). */

static EthosCorpus *corpus;

void
ethos_fuzz_setup (void)
{
  g_autofree char *path = ethos_fuzz_build_file ("data/corpus.db");
  g_autoptr(GError) error = NULL;

  if (!(corpus = ethos_corpus_open (path, &error)))
    g_error ("%s", error->message);
}

static void
search (const char *query,
        const char *code,
        guint       limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = ethos_corpus_search (corpus, query, code, limit, &error);

  if (results == NULL)
    g_error ("the search for a typed query failed: %s",
             error != NULL ? error->message : "(no error)");
  ethos_fuzz_assert (results->len <= (limit > 0 ? limit : 50), "at most @limit results");
  for (guint i = 0; i < results->len; i++)
    {
      const EthosSearchResult *r = g_ptr_array_index (results, i);
      g_autofree char *snippet = NULL;

      /* A topic the query names crosses the codes: no code, its label. */
      if (r->kind == ETHOS_SEARCH_TOPIC)
        {
          ethos_fuzz_assert (r->topic != NULL && r->heading != NULL, "a topic result names it");
          ethos_fuzz_assert (g_utf8_validate (r->heading, -1, NULL), "topic labels are UTF-8");
          continue;
        }
      snippet = ethos_search_result_format_snippet (r, "<b>", "</b>");
      ethos_fuzz_assert (r->code != NULL && r->snippet != NULL, "a result names its code");
      ethos_fuzz_assert (code == NULL || g_ascii_strcasecmp (code, r->code) == 0,
                         "results come from the code searched");
      ethos_fuzz_assert (g_utf8_validate (snippet, -1, NULL), "snippets are UTF-8 text");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *query = ethos_fuzz_string (data, size);
  g_autofree char *fts = ethos_query_to_fts (query);
  g_auto(GStrv) terms = ethos_query_terms (query);
  g_autoptr(EthosItem) item = NULL;
  g_autoptr(GError) error = NULL;

  ethos_fuzz_assert (fts == NULL || g_utf8_validate (fts, -1, NULL), "the FTS query is UTF-8");
  ethos_fuzz_assert ((fts == NULL) == (terms[0] == NULL), "a query has terms when it has an FTS query");

  search (query, NULL, 0);
  search (query, "nohs", 3);

  if (!(item = ethos_corpus_highlight_item (corpus, "nohs", "1", query, &error)))
    g_error ("highlighting a typed query failed: %s",
             error != NULL ? error->message : "(no error)");
  ethos_fuzz_assert (item->text != NULL && g_utf8_validate (item->text, -1, NULL),
                     "the highlighted text is UTF-8");
  return 0;
}
