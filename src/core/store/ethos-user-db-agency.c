/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-user-db"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-agency-profile.h"
#include "ethos-error.h"
#include "ethos-form.h"
#include "ethos-user-db-private.h"

/* Agency values are short texts (a complaints procedure at most). */
#define MAX_AGENCY_VALUE_BYTES (16 * 1024)
#define MAX_LOGO_BYTES (10 * 1024 * 1024)

/* A language variant is stored in the agency table as "FIELD:LANG" (field
 * ids are snake_case and never hold a colon), so that the profile needs no
 * new table. Only this file knows it. */
#define VARIANT_SEPARATOR ':'

static char *
variant_key (const char *field,
             const char *lang)
{
  return lang != NULL ? g_strdup_printf ("%s%c%s", field, VARIANT_SEPARATOR, lang)
                      : g_strdup (field);
}

void
ethos_stored_template_free (EthosStoredTemplate *stored)
{
  g_free (stored->id);
  g_free (stored->version);
  g_free (stored->json);
  g_free (stored);
}

GHashTable *
ethos_user_db_get_agency (EthosUserDb  *self,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) agency = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _ethos_sqlite_prepare (self->db, "SELECT field, value FROM agency", error)))
    return NULL;
  agency = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *field = _ethos_sqlite_dup_text (stmt, 0);

      /* Variants ("FIELD:LANG") and the profile's settings ("_paper") apart. */
      if (strchr (field, VARIANT_SEPARATOR) == NULL && g_ascii_isalpha (*field))
        g_hash_table_insert (agency, g_steal_pointer (&field), _ethos_sqlite_dup_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      _ethos_sqlite_fail (self->db, _("Could not read the agency profile"), error);
      return NULL;
    }
  return g_steal_pointer (&agency);
}

GHashTable *
ethos_user_db_get_agency_variants (EthosUserDb  *self,
                                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) variants = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _ethos_sqlite_prepare (self->db, "SELECT field, value FROM agency", error)))
    return NULL;
  variants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_hash_table_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = _ethos_sqlite_dup_text (stmt, 0);
      char *sep = strchr (key, VARIANT_SEPARATOR);
      GHashTable *lang;

      if (sep == NULL)
        continue;
      *sep = '\0';
      if (!(lang = g_hash_table_lookup (variants, sep + 1)))
        {
          lang = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          g_hash_table_insert (variants, g_strdup (sep + 1), lang);
        }
      g_hash_table_insert (lang, g_strdup (key), _ethos_sqlite_dup_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      _ethos_sqlite_fail (self->db, _("Could not read the agency profile"), error);
      return NULL;
    }
  return g_steal_pointer (&variants);
}

gboolean
ethos_user_db_set_agency_field (EthosUserDb  *self,
                                const char   *field,
                                const char   *value,
                                GError      **error)
{
  return ethos_user_db_set_agency_variant (self, field, NULL, value, error);
}

gboolean
ethos_user_db_set_agency_variant (EthosUserDb  *self,
                                  const char   *field,
                                  const char   *lang,
                                  const char   *value,
                                  GError      **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL && field != NULL, FALSE);

  if (lang != NULL && !ethos_form_language_is_supported (lang))
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                   _("Forms are printed in English (en) and Spanish (es), not “%s”"), lang);
      return FALSE;
    }
  key = variant_key (field, lang);

  if (!g_strv_contains (ethos_agency_fields, field))
    {
      g_autofree char *fields = g_strjoinv (", ", (GStrv) ethos_agency_fields);
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                   _("The agency profile has no field “%s”; its fields are %s and logo"),
                   field, fields);
      return FALSE;
    }
  if (value == NULL || *value == '\0')
    return _ethos_user_db_run (self, "DELETE FROM agency WHERE field = ?1", error,
                               key, NULL, NULL);
  if (!g_utf8_validate (value, -1, NULL) || strlen (value) > MAX_AGENCY_VALUE_BYTES)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("The value of “%s” must be UTF-8 text of at most 16 KB"), field);
      return FALSE;
    }
  return _ethos_user_db_run (self, "INSERT INTO agency (field, value) VALUES (?1, ?2) "
                             "ON CONFLICT (field) DO UPDATE SET value = excluded.value",
                             error, key, value, NULL);
}

GBytes *
ethos_user_db_get_agency_logo (EthosUserDb *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _ethos_sqlite_prepare (self->db, "SELECT data FROM agency_logo", NULL)) ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

gboolean
ethos_user_db_set_agency_logo (EthosUserDb  *self,
                               GBytes       *data,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gsize size;
  gconstpointer bytes;

  g_return_val_if_fail (self != NULL, FALSE);

  if (data == NULL)
    return _ethos_user_db_run (self, "DELETE FROM agency_logo", error, NULL, NULL, NULL);

  bytes = g_bytes_get_data (data, &size);
  if (size == 0 || size > MAX_LOGO_BYTES)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("A logo must be an image file of at most 10 MB"));
      return FALSE;
    }
  if (!(stmt = _ethos_sqlite_prepare (self->db, "INSERT OR REPLACE INTO agency_logo (id, data) "
                                      "VALUES (1, ?1)", error)))
    return FALSE;
  sqlite3_bind_blob (stmt, 1, bytes, (int) size, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _ethos_sqlite_fail (self->db, _("Could not save the logo"), error);
  return TRUE;
}

gboolean
ethos_user_db_delete_template (EthosUserDb  *self,
                               const char   *id,
                               GError      **error)
{
  g_return_val_if_fail (self != NULL && id != NULL, FALSE);

  /* The template, its versions and its draft go together or not at all. */
  if (!_ethos_sqlite_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!_ethos_user_db_run (self, "DELETE FROM templates WHERE id = ?1", error, id, NULL, NULL) ||
      !_ethos_user_db_run (self, "DELETE FROM template_versions WHERE id = ?1", error, id, NULL,
                           NULL) ||
      !_ethos_user_db_run (self, "DELETE FROM template_drafts WHERE id = ?1", error, id, NULL,
                           NULL) ||
      !_ethos_sqlite_exec (self->db, "COMMIT", error))
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
ethos_user_db_list_templates (EthosUserDb  *self,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(stmt = _ethos_sqlite_prepare (self->db, "SELECT id, version, json FROM templates "
                                      "ORDER BY id", error)))
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_stored_template_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EthosStoredTemplate *stored = g_new0 (EthosStoredTemplate, 1);
      stored->id = _ethos_sqlite_dup_text (stmt, 0);
      stored->version = _ethos_sqlite_dup_text (stmt, 1);
      stored->json = _ethos_sqlite_dup_text (stmt, 2);
      g_ptr_array_add (list, stored);
    }
  if (rc != SQLITE_DONE)
    {
      _ethos_sqlite_fail (self->db, _("Could not read the agency templates"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

