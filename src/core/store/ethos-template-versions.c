/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template-versions"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ethos-error.h"
#include "ethos-template-versions.h"
#include "ethos-user-db-private.h"

static gboolean
parse_version (const char *version,
               gint64     *major,
               gint64     *minor)
{
  const char *dot = version != NULL ? strchr (version, '.') : NULL;
  char *end = NULL;

  if (dot == NULL || dot == version)
    return FALSE;
  *major = g_ascii_strtoll (version, &end, 10);
  if (end != dot)
    return FALSE;
  *minor = g_ascii_strtoll (dot + 1, &end, 10);
  return *end == '\0' && dot[1] != '\0' && *major >= 0 && *minor >= 0;
}

int
ethos_template_version_compare (const char *a,
                                const char *b)
{
  gint64 a_major = 0, a_minor = 0, b_major = 0, b_minor = 0;

  parse_version (a, &a_major, &a_minor);
  parse_version (b, &b_major, &b_minor);
  if (a_major != b_major)
    return a_major < b_major ? -1 : 1;
  if (a_minor != b_minor)
    return a_minor < b_minor ? -1 : 1;
  return 0;
}

char *
ethos_template_version_next (const char       *latest,
                             EthosVersionKind  kind)
{
  gint64 major, minor;

  if (latest == NULL || !parse_version (latest, &major, &minor))
    return g_strdup ("1.0");
  if (kind == ETHOS_VERSION_MAJOR)
    return g_strdup_printf ("%" G_GINT64_FORMAT ".0", major + 1);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, major, minor + 1);
}

const char *
ethos_version_kind_to_string (EthosVersionKind kind)
{
  return kind == ETHOS_VERSION_MAJOR ? "major" : "minor";
}

void
ethos_template_version_free (EthosTemplateVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->id);
  g_free (version->version);
  g_free (version->json);
  g_free (version->note);
  g_free (version);
}

static EthosTemplateVersion *
version_from_row (sqlite3_stmt *stmt)
{
  EthosTemplateVersion *v = g_new0 (EthosTemplateVersion, 1);

  v->id = _ethos_sqlite_dup_text (stmt, 0);
  v->version = _ethos_sqlite_dup_text (stmt, 1);
  v->kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "major") == 0
              ? ETHOS_VERSION_MAJOR : ETHOS_VERSION_MINOR;
  v->json = _ethos_sqlite_dup_text (stmt, 3);
  v->saved = sqlite3_column_int64 (stmt, 4);
  v->note = _ethos_sqlite_dup_text (stmt, 5);
  return v;
}

#define VERSION_COLUMNS "id, version, kind, json, saved, note"

/* Inside the transaction: may @version be added after what is stored? */
static gboolean
check_order (EthosUserDb  *self,
             const char   *id,
             const char   *version,
             const char   *json,
             gboolean     *same,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *latest_json = NULL;
  int rc;

  *same = FALSE;
  if (!(stmt = _ethos_sqlite_prepare (self->db, "SELECT version, json FROM template_versions "
                                      "WHERE id = ?1 ORDER BY major DESC, minor DESC LIMIT 1",
                                      error)))
    return FALSE;
  _ethos_sqlite_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _ethos_sqlite_fail (self->db, _("Could not read the agency templates"), error);
  latest = _ethos_sqlite_dup_text (stmt, 0);
  latest_json = _ethos_sqlite_dup_text (stmt, 1);

  rc = ethos_template_version_compare (version, latest);
  if (rc > 0)
    return TRUE;
  if (rc == 0 && g_strcmp0 (json, latest_json) == 0)
    {
      *same = TRUE;
      return TRUE;
    }
  if (rc == 0)
    g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                 _("The template “%s” %s is already stored with different content; give the "
                   "new one a higher version than %s"), id, version, latest);
  else
    g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                 _("The template “%s” is at version %s; %s would go backwards (versions only go "
                   "up: see “ethos-cli template versions %s”)"), id, latest, version, id);
  return FALSE;
}

/* @v->saved: when it was saved (Unix time), or 0 for now. */
static gboolean
insert_version (EthosUserDb                 *self,
                const EthosTemplateVersion  *v,
                GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) current = NULL;
  gint64 major = 0, minor = 0;
  gint64 now = v->saved > 0 ? v->saved : g_get_real_time () / G_USEC_PER_SEC;

  if (!parse_version (v->version, &major, &minor))
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("version “%s” must be MAJOR.MINOR, like 1.0"), v->version);
      return FALSE;
    }
  if (!(stmt = _ethos_sqlite_prepare (self->db, "INSERT INTO template_versions (id, version, "
                                      "major, minor, kind, json, saved, note) VALUES "
                                      "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error)) ||
      !(current = _ethos_sqlite_prepare (self->db, "INSERT INTO templates (id, version, json, "
                                         "updated) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (id) DO "
                                         "UPDATE SET version = excluded.version, json = "
                                         "excluded.json, updated = excluded.updated", error)))
    return FALSE;
  _ethos_sqlite_bind_text (stmt, 1, v->id);
  _ethos_sqlite_bind_text (stmt, 2, v->version);
  sqlite3_bind_int64 (stmt, 3, major);
  sqlite3_bind_int64 (stmt, 4, minor);
  _ethos_sqlite_bind_text (stmt, 5, ethos_version_kind_to_string (v->kind));
  _ethos_sqlite_bind_text (stmt, 6, v->json);
  sqlite3_bind_int64 (stmt, 7, now);
  _ethos_sqlite_bind_text (stmt, 8, v->note);
  _ethos_sqlite_bind_text (current, 1, v->id);
  _ethos_sqlite_bind_text (current, 2, v->version);
  _ethos_sqlite_bind_text (current, 3, v->json);
  sqlite3_bind_int64 (current, 4, now);
  if (sqlite3_step (stmt) != SQLITE_DONE || sqlite3_step (current) != SQLITE_DONE)
    return _ethos_sqlite_fail (self->db, _("Could not save to your Ethos database"), error);
  /* The editor's draft was of the version before: a save replaces it. */
  return _ethos_user_db_run (self, "DELETE FROM template_drafts WHERE id = ?1", error, v->id,
                             NULL, NULL);
}

/* Checks @v's order against the stored versions and stores it, in one
 * transaction; *@added FALSE when the same version and JSON were there. */
static gboolean
add_version (EthosUserDb                 *self,
             const EthosTemplateVersion  *v,
             gboolean                    *added,
             GError                     **error)
{
  gboolean same = FALSE;

  if (added != NULL)
    *added = FALSE;
  /* IMMEDIATE: the order is checked and the row added under one write lock. */
  if (!_ethos_sqlite_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!check_order (self, v->id, v->version, v->json, &same, error) ||
      (!same && !insert_version (self, v, error)) ||
      !_ethos_sqlite_exec (self->db, "COMMIT", error))
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  if (added != NULL)
    *added = !same;
  return TRUE;
}

gboolean
ethos_user_db_add_template_version (EthosUserDb       *self,
                                    const char        *id,
                                    const char        *version,
                                    EthosVersionKind   kind,
                                    const char        *json,
                                    const char        *note,
                                    gboolean          *added,
                                    GError           **error)
{
  g_return_val_if_fail (self != NULL && id != NULL && version != NULL && json != NULL, FALSE);
  return add_version (self, &(EthosTemplateVersion) { (char *) id, (char *) version, kind,
                                                      (char *) json, 0, (char *) note },
                      added, error);
}

gboolean
ethos_user_db_restore_template_version (EthosUserDb                 *self,
                                        const EthosTemplateVersion  *version,
                                        gboolean                    *added,
                                        GError                     **error)
{
  g_return_val_if_fail (self != NULL && version != NULL, FALSE);
  g_return_val_if_fail (version->id != NULL && version->version != NULL, FALSE);
  g_return_val_if_fail (version->json != NULL, FALSE);
  return add_version (self, version, added, error);
}

GPtrArray *
ethos_user_db_list_template_versions (EthosUserDb  *self,
                                      const char   *id,
                                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (self != NULL && id != NULL, NULL);

  if (!(stmt = _ethos_sqlite_prepare (self->db, "SELECT " VERSION_COLUMNS " FROM "
                                      "template_versions WHERE id = ?1 "
                                      "ORDER BY major DESC, minor DESC", error)))
    return NULL;
  _ethos_sqlite_bind_text (stmt, 1, id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_template_version_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, version_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _ethos_sqlite_fail (self->db, _("Could not read the agency templates"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

EthosTemplateVersion *
ethos_user_db_get_template_version (EthosUserDb  *self,
                                    const char   *id,
                                    const char   *version,
                                    GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL && id != NULL && version != NULL, NULL);

  if (!(stmt = _ethos_sqlite_prepare (self->db, "SELECT " VERSION_COLUMNS " FROM "
                                      "template_versions WHERE id = ?1 AND version = ?2", error)))
    return NULL;
  _ethos_sqlite_bind_text (stmt, 1, id);
  _ethos_sqlite_bind_text (stmt, 2, version);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return version_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                 _("The template “%s” has no version %s; see “ethos-cli template versions %s”"),
                 id, version, id);
  else
    _ethos_sqlite_fail (self->db, _("Could not read the agency templates"), error);
  return NULL;
}

gboolean
ethos_user_db_save_template_draft (EthosUserDb  *self,
                                   const char   *id,
                                   const char   *json,
                                   GError      **error)
{
  g_return_val_if_fail (self != NULL && id != NULL && json != NULL, FALSE);
  return _ethos_user_db_run (self, "INSERT INTO template_drafts (id, json, saved) "
                             "VALUES (?1, ?4, ?3) ON CONFLICT (id) DO UPDATE SET "
                             "json = excluded.json, saved = excluded.saved",
                             error, id, NULL, json);
}

char *
ethos_user_db_get_template_draft (EthosUserDb *self,
                                  const char  *id,
                                  gint64      *saved)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (self != NULL && id != NULL, NULL);

  if (!(stmt = _ethos_sqlite_prepare (self->db, "SELECT json, saved FROM template_drafts "
                                      "WHERE id = ?1", NULL)))
    return NULL;
  _ethos_sqlite_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  if (saved != NULL)
    *saved = sqlite3_column_int64 (stmt, 1);
  return _ethos_sqlite_dup_text (stmt, 0);
}

gboolean
ethos_user_db_delete_template_draft (EthosUserDb  *self,
                                     const char   *id,
                                     GError      **error)
{
  g_return_val_if_fail (self != NULL && id != NULL, FALSE);
  return _ethos_user_db_run (self, "DELETE FROM template_drafts WHERE id = ?1", error, id, NULL,
                             NULL);
}
