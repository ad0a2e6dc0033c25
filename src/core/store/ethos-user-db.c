/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-user-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ethos-error.h"
#include "ethos-sqlite-private.h"
#include "ethos-user-db-private.h"

/* Notes are private text; keep them to a size a person writes. */
#define MAX_NOTE_BYTES (64 * 1024)

void
ethos_user_mark_free (EthosUserMark *mark)
{
  g_free (mark->code);
  g_free (mark->ref);
  g_free (mark->text);
  g_free (mark);
}

void
ethos_user_db_free (EthosUserDb *self)
{
  if (self == NULL)
    return;
  sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->damaged_path);
  g_free (self->rescue_path);
  g_free (self);
}

const char *
ethos_user_db_get_path (EthosUserDb *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

int
ethos_user_db_get_version (EthosUserDb *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (self != NULL, -1);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

gboolean
_ethos_user_db_run (EthosUserDb  *self,
                    const char   *sql,
                    GError      **error,
                    const char   *code,
                    const char   *ref,
                    const char   *text)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _ethos_sqlite_prepare (self->db, sql, error)))
    return FALSE;
  _ethos_sqlite_bind_text (stmt, 1, code);
  _ethos_sqlite_bind_text (stmt, 2, ref);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    _ethos_sqlite_bind_text (stmt, 4, text);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _ethos_sqlite_fail (self->db, _("Could not save to your Ethos database"), error);
  return TRUE;
}

gboolean
ethos_user_db_set_bookmark (EthosUserDb  *self,
                            const char   *code,
                            const char   *ref,
                            gboolean      bookmarked,
                            GError      **error)
{
  g_return_val_if_fail (self != NULL && code != NULL && ref != NULL, FALSE);

  if (bookmarked)
    return _ethos_user_db_run (self, "INSERT OR IGNORE INTO bookmarks (code, ref, created) VALUES (?1, ?2, ?3)",
                error, code, ref, NULL);
  return _ethos_user_db_run (self, "DELETE FROM bookmarks WHERE code = ?1 AND ref = ?2", error, code, ref, NULL);
}

static char *
lookup (EthosUserDb *self,
        const char  *sql,
        const char  *code,
        const char  *ref)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _ethos_sqlite_prepare (self->db, sql, NULL)))
    return NULL;
  _ethos_sqlite_bind_text (stmt, 1, code);
  _ethos_sqlite_bind_text (stmt, 2, ref);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return _ethos_sqlite_dup_text (stmt, 0);
}

gboolean
ethos_user_db_is_bookmarked (EthosUserDb *self,
                             const char  *code,
                             const char  *ref)
{
  g_autofree char *found = NULL;

  g_return_val_if_fail (self != NULL && code != NULL && ref != NULL, FALSE);

  found = lookup (self, "SELECT ref FROM bookmarks WHERE code = ?1 AND ref = ?2", code, ref);
  return found != NULL;
}

gboolean
ethos_user_db_set_note (EthosUserDb  *self,
                        const char   *code,
                        const char   *ref,
                        const char   *text,
                        GError      **error)
{
  g_return_val_if_fail (self != NULL && code != NULL && ref != NULL, FALSE);

  if (text == NULL || *text == '\0')
    return _ethos_user_db_run (self, "DELETE FROM notes WHERE code = ?1 AND ref = ?2", error, code, ref, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("The note is not valid UTF-8 text"));
      return FALSE;
    }
  if (strlen (text) > MAX_NOTE_BYTES)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("The note is too long (more than %d KB)"), MAX_NOTE_BYTES / 1024);
      return FALSE;
    }
  return _ethos_user_db_run (self, "INSERT INTO notes (code, ref, updated, text) VALUES (?1, ?2, ?3, ?4) "
              "ON CONFLICT (code, ref) DO UPDATE SET text = excluded.text, "
              "updated = excluded.updated", error, code, ref, text);
}

char *
ethos_user_db_get_note (EthosUserDb *self,
                        const char  *code,
                        const char  *ref)
{
  g_return_val_if_fail (self != NULL && code != NULL && ref != NULL, NULL);
  return lookup (self, "SELECT text FROM notes WHERE code = ?1 AND ref = ?2", code, ref);
}

static GPtrArray *
list_marks (EthosUserDb  *self,
            const char   *sql,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  int rc;

  if (!(stmt = _ethos_sqlite_prepare (self->db, sql, error)))
    return NULL;

  marks = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_user_mark_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EthosUserMark *mark = g_new0 (EthosUserMark, 1);
      mark->code = _ethos_sqlite_dup_text (stmt, 0);
      mark->ref = _ethos_sqlite_dup_text (stmt, 1);
      mark->updated = sqlite3_column_int64 (stmt, 2);
      mark->text = _ethos_sqlite_dup_text (stmt, 3);
      g_ptr_array_add (marks, mark);
    }
  if (rc != SQLITE_DONE)
    {
      _ethos_sqlite_fail (self->db, _("Could not read your Ethos database"), error);
      return NULL;
    }
  return g_steal_pointer (&marks);
}

GPtrArray *
ethos_user_db_list_bookmarks (EthosUserDb  *self,
                              GError      **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  return list_marks (self, "SELECT code, ref, created, NULL FROM bookmarks "
                     "ORDER BY created DESC, code, ref", error);
}

GPtrArray *
ethos_user_db_list_notes (EthosUserDb  *self,
                          GError      **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  return list_marks (self, "SELECT code, ref, updated, text FROM notes "
                     "ORDER BY updated DESC, code, ref", error);
}
