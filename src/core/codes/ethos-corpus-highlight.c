/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-corpus"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-corpus-private.h"
#include "ethos-query.h"

/* The whole heading and text of one item with the words a search matched
 * marked, as FTS5 itself matched them (stems, prefixes, diacritics), so the
 * detail view highlights exactly what the results list found. */
EthosItem *
ethos_corpus_highlight_item (EthosCorpus  *self,
                             const char   *code,
                             const char   *ref,
                             const char   *query,
                             GError      **error)
{
  g_autoptr(EthosItem) item = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *fts = NULL;
  int rc;

  g_return_val_if_fail (self != NULL && code != NULL && ref != NULL, NULL);

  if (!(item = ethos_corpus_get_item (self, code, ref, error)))
    return NULL;
  if (query == NULL || (fts = ethos_query_to_fts (query)) == NULL)
    return g_steal_pointer (&item);

  stmt = _ethos_sqlite_prepare (self->db,
      "SELECT highlight (search, 0, char (2), char (3)), "
      "       highlight (search, 1, char (2), char (3)) "
      "FROM search JOIN items i ON search.kind = 'item' AND i.id = search.target "
      "WHERE search MATCH ?1 AND i.code = ?2 AND i.ref = ?3", error);
  if (stmt == NULL)
    return NULL;
  _ethos_sqlite_bind_text (stmt, 1, fts);
  _ethos_sqlite_bind_text (stmt, 2, item->code);
  _ethos_sqlite_bind_text (stmt, 3, item->ref);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (item->heading != NULL && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          g_free (item->heading);
          item->heading = _ethos_sqlite_dup_text (stmt, 0);
        }
      g_free (item->text);
      item->text = _ethos_sqlite_dup_text (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    {
      _ethos_sqlite_fail (self->db, _("Search failed"), error);
      return NULL;
    }
  return g_steal_pointer (&item);
}
