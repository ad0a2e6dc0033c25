/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-sqlite"

#include "config.h"

#include "ethos-error.h"
#include "ethos-sqlite-private.h"

gboolean
_ethos_sqlite_fail (sqlite3     *db,
                    const char  *what,
                    GError     **error)
{
  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_DATABASE, "%s: %s", what,
               db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

gboolean
_ethos_sqlite_exec (sqlite3     *db,
                    const char  *sql,
                    GError     **error)
{
  char *errmsg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_DATABASE, "%s",
                   errmsg != NULL ? errmsg : sqlite3_errmsg (db));
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
_ethos_sqlite_prepare (sqlite3     *db,
                       const char  *sql,
                       GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _ethos_sqlite_fail (db, "Could not prepare a query", error);
      return NULL;
    }
  return stmt;
}

void
_ethos_sqlite_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
_ethos_sqlite_dup_text (sqlite3_stmt *stmt,
                        int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}
