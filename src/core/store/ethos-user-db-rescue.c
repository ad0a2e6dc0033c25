/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-user-db"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ethos-error.h"
#include "ethos-file.h"
#include "ethos-form.h"
#include "ethos-image.h"
#include "ethos-json-private.h"
#include "ethos-template-versions.h"
#include "ethos-user-db-private.h"

/* The rescue file: what a damaged database still let read, as JSON
 * ({"ethos-rescue": 1, "bookmarks": […], "notes": […], "agency": {…},
 * "logo": "BASE64", "templates": […], "template_versions": […]}: every
 * stored version of the agency templates, their history), brought back by
 * `ethos-cli import-rescue FILE`. Each table is read on its own and up to
 * the first damaged page, so one bad table loses only itself. */

typedef struct
{
  const char *table;
  const char *sql;
  const char *columns[6];   /* JSON names, up to the first NULL */
  gboolean    integers[6];
} RescueTable;

static const RescueTable tables[] = {
  { "bookmarks", "SELECT code, ref, created FROM bookmarks",
    { "code", "ref", "created", NULL }, { FALSE, FALSE, TRUE, FALSE } },
  { "notes", "SELECT code, ref, text, updated FROM notes",
    { "code", "ref", "text", "updated" }, { FALSE, FALSE, FALSE, TRUE } },
  { "templates", "SELECT id, version, json FROM templates",
    { "id", "version", "json", NULL }, { FALSE, FALSE, FALSE, FALSE } },
  { "template_versions", "SELECT id, version, kind, json, saved, note FROM template_versions",
    { "id", "version", "kind", "json", "saved", "note" },
    { FALSE, FALSE, FALSE, FALSE, TRUE, FALSE } },
};

static guint
rescue_table (sqlite3            *db,
              const RescueTable  *table,
              JsonBuilder        *b)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint rows = 0;

  json_builder_set_member_name (b, table->table);
  json_builder_begin_array (b);
  if (sqlite3_prepare_v2 (db, table->sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        json_builder_begin_object (b);
        for (int c = 0; c < 6 && table->columns[c] != NULL; c++)
          {
            const char *text = (const char *) sqlite3_column_text (stmt, c);

            json_builder_set_member_name (b, table->columns[c]);
            if (table->integers[c])
              json_builder_add_int_value (b, sqlite3_column_int64 (stmt, c));
            else if (text != NULL && g_utf8_validate (text, -1, NULL))
              json_builder_add_string_value (b, text);
            else
              json_builder_add_null_value (b);
          }
        json_builder_end_object (b);
        rows++;
      }
  json_builder_end_array (b);
  return rows;
}

gboolean
_ethos_user_db_write_rescue (sqlite3     *db,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = NULL;
  guint rows = 0;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "ethos-rescue");
  json_builder_add_int_value (b, 1);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    rows += rescue_table (db, &tables[t], b);

  json_builder_set_member_name (b, "agency");
  json_builder_begin_object (b);
  if (sqlite3_prepare_v2 (db, "SELECT field, value FROM agency", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *field = (const char *) sqlite3_column_text (stmt, 0);
        const char *value = (const char *) sqlite3_column_text (stmt, 1);

        if (field == NULL || value == NULL || !g_utf8_validate (field, -1, NULL) ||
            !g_utf8_validate (value, -1, NULL))
          continue;
        json_builder_set_member_name (b, field);
        json_builder_add_string_value (b, value);
        rows++;
      }
  json_builder_end_object (b);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (sqlite3_prepare_v2 (db, "SELECT data FROM agency_logo", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) > 0)
    {
      g_autofree char *logo = g_base64_encode (sqlite3_column_blob (stmt, 0),
                                               (gsize) sqlite3_column_bytes (stmt, 0));
      json_builder_set_member_name (b, "logo");
      json_builder_add_string_value (b, logo);
      rows++;
    }
  json_builder_end_object (b);

  if (rows == 0)
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_DATABASE,
                           _("Nothing could be read from the damaged database"));
      return FALSE;
    }
  root = json_builder_get_root (b);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  /* Notes are private: owner only, like the database. */
  return ethos_file_write_atomic (path, text, strlen (text), 0600, error);
}

static const char *
member_string (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *object,
            const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return g_get_real_time () / G_USEC_PER_SEC;
  return json_node_get_int (node);
}

/* Runs @sql with text ?1 ?2 ?4 and integer ?3; TRUE when a row was added. */
static gboolean
insert (EthosUserDb  *self,
        const char   *sql,
        const char   *a,
        const char   *b,
        gint64        when,
        const char   *c,
        gboolean     *added,
        GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _ethos_sqlite_prepare (self->db, sql, error)))
    return FALSE;
  _ethos_sqlite_bind_text (stmt, 1, a);
  _ethos_sqlite_bind_text (stmt, 2, b);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, when);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    _ethos_sqlite_bind_text (stmt, 4, c);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _ethos_sqlite_fail (self->db, _("Could not save to your Ethos database"), error);
  *added = sqlite3_changes (self->db) > 0;
  return TRUE;
}

static gboolean
restore_rows (EthosUserDb  *self,
              JsonObject   *root,
              const char   *path,
              guint        *n_restored,
              GError      **error)
{
  JsonNode *node;
  gboolean added;

  for (guint t = 0; t < 2; t++)
    {
      JsonArray *array;

      node = json_object_get_member (root, tables[t].table);
      if (node == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return _ethos_json_fail (error, path, tables[t].table, _("must be an array"));
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *row = json_array_get_element (array, i);
          JsonObject *o = JSON_NODE_HOLDS_OBJECT (row) ? json_node_get_object (row) : NULL;
          const char *code = o ? member_string (o, "code") : NULL;
          const char *ref = o ? member_string (o, "ref") : NULL;

          if (code == NULL || ref == NULL)
            continue;
          if (t == 0 && !insert (self, "INSERT OR IGNORE INTO bookmarks (code, ref, created) "
                                 "VALUES (?1, ?2, ?3)", code, ref, member_int (o, "created"),
                                 NULL, &added, error))
            return FALSE;
          if (t == 1 && member_string (o, "text") != NULL &&
              !insert (self, "INSERT OR IGNORE INTO notes (code, ref, updated, text) "
                       "VALUES (?1, ?2, ?3, ?4)", code, ref, member_int (o, "updated"),
                       member_string (o, "text"), &added, error))
            return FALSE;
          *n_restored += added;
        }
    }

  node = json_object_get_member (root, "agency");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *agency = json_node_get_object (node);
      g_autoptr(GList) fields = json_object_get_members (agency);

      for (const GList *l = fields; l != NULL; l = l->next)
        {
          const char *value = member_string (agency, l->data);
          /* "FIELD" or a language variant, "FIELD:LANG" (ethos-user-db-agency.c). */
          g_autofree char *field = g_strndup (l->data, strcspn (l->data, ":"));

          if (value == NULL || !g_strv_contains (ethos_agency_fields, field))
            continue;
          if (!insert (self, "INSERT OR IGNORE INTO agency (field, value) VALUES (?1, ?2)",
                       l->data, value, 0, NULL, &added, error))
            return FALSE;
          *n_restored += added;
        }
    }
  if (member_string (root, "logo") != NULL && ethos_user_db_get_agency_logo (self) == NULL)
    {
      gsize size = 0;
      g_autofree guchar *data = g_base64_decode (member_string (root, "logo"), &size);
      g_autoptr(GBytes) bytes = g_bytes_new (data, size);
      g_autoptr(EthosImage) image = size > 0 ? ethos_image_new_from_bytes (bytes, NULL) : NULL;

      /* A logo that no longer decodes would break every form: left out. */
      if (image != NULL && !ethos_user_db_set_agency_logo (self, bytes, error))
        return FALSE;
      *n_restored += image != NULL;
    }
  return TRUE;
}

/* The rescue file's template versions (EthosTemplateVersion), those
 * complete enough to store. */
static GPtrArray *
rescued_versions (JsonObject *root)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_template_version_free);
  JsonNode *list = json_object_get_member (root, "template_versions");

  for (guint i = 0; list != NULL && JSON_NODE_HOLDS_ARRAY (list) &&
       i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *row = json_array_get_element (json_node_get_array (list), i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (row) ? json_node_get_object (row) : NULL;
      const char *kind = o ? member_string (o, "kind") : NULL;
      EthosTemplateVersion *v;

      if (o == NULL || member_string (o, "id") == NULL || member_string (o, "version") == NULL ||
          member_string (o, "json") == NULL || kind == NULL ||
          !(g_str_equal (kind, "minor") || g_str_equal (kind, "major")))
        continue;
      v = g_new0 (EthosTemplateVersion, 1);
      v->id = g_strdup (member_string (o, "id"));
      v->version = g_strdup (member_string (o, "version"));
      v->kind = g_str_equal (kind, "major") ? ETHOS_VERSION_MAJOR : ETHOS_VERSION_MINOR;
      v->json = g_strdup (member_string (o, "json"));
      v->saved = member_int (o, "saved");
      v->note = g_strdup (member_string (o, "note"));
      g_ptr_array_add (found, v);
    }
  return found;
}

gboolean
ethos_user_db_import_rescue (EthosUserDb  *self,
                             const char   *path,
                             guint        *n_restored,
                             GPtrArray   **templates,
                             GPtrArray   **versions,
                             GError      **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) found = NULL;
  JsonObject *root;
  JsonNode *list;

  g_return_val_if_fail (self != NULL && path != NULL && n_restored != NULL, FALSE);
  g_return_val_if_fail (templates != NULL && versions != NULL, FALSE);

  *n_restored = 0;
  if (!(node = _ethos_json_load (path, NULL, 0, error)))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node) ||
      !json_object_has_member ((root = json_node_get_object (node)), "ethos-rescue"))
    return _ethos_json_fail (error, path, "$", _("this is not an Ethos rescue file"));

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_stored_template_free);
  list = json_object_get_member (root, "templates");
  for (guint i = 0; list != NULL && JSON_NODE_HOLDS_ARRAY (list) &&
       i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *row = json_array_get_element (json_node_get_array (list), i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (row) ? json_node_get_object (row) : NULL;
      EthosStoredTemplate *stored;

      if (o == NULL || member_string (o, "id") == NULL || member_string (o, "json") == NULL)
        continue;
      stored = g_new0 (EthosStoredTemplate, 1);
      stored->id = g_strdup (member_string (o, "id"));
      stored->version = g_strdup (member_string (o, "version"));
      stored->json = g_strdup (member_string (o, "json"));
      g_ptr_array_add (found, stored);
    }

  if (!_ethos_sqlite_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!restore_rows (self, root, path, n_restored, error) ||
      !_ethos_sqlite_exec (self->db, "COMMIT", error))
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      *n_restored = 0;
      return FALSE;
    }
  *templates = g_steal_pointer (&found);
  *versions = rescued_versions (root);
  return TRUE;
}
