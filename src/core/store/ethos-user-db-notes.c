/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-user-db"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-error.h"
#include "ethos-file.h"
#include "ethos-json-private.h"
#include "ethos-user-db-notes.h"
#include "ethos-user-db-private.h"

#define MARKS_KIND      "ethos-bookmarks-and-notes"
#define MAX_FILE_BYTES  (32 * 1024 * 1024)
#define MAX_KEY_BYTES   64

/* The line an imported note is kept below, when the item had one. */
#define MERGE_SEPARATOR "\n\n———\n"

static char *
iso_date (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  return time ? g_date_time_format_iso8601 (time) : g_strdup ("");
}

static char *
export_json (GPtrArray *bookmarks,
             GPtrArray *notes)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *now = iso_date (g_get_real_time () / G_USEC_PER_SEC);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, MARKS_KIND);
  json_builder_set_member_name (b, "exported");
  json_builder_add_string_value (b, now);
  for (guint list = 0; list < 2; list++)
    {
      GPtrArray *marks = list == 0 ? bookmarks : notes;

      json_builder_set_member_name (b, list == 0 ? "bookmarks" : "notes");
      json_builder_begin_array (b);
      for (guint i = 0; i < marks->len; i++)
        {
          EthosUserMark *mark = g_ptr_array_index (marks, i);
          g_autofree char *date = iso_date (mark->updated);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "code");
          json_builder_add_string_value (b, mark->code);
          json_builder_set_member_name (b, "ref");
          json_builder_add_string_value (b, mark->ref);
          if (list == 1)
            {
              json_builder_set_member_name (b, "text");
              json_builder_add_string_value (b, mark->text);
            }
          json_builder_set_member_name (b, list == 0 ? "created" : "updated");
          json_builder_add_string_value (b, date);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

static char *
title_of (EthosMarkTitleFunc  title_func,
          gpointer            data,
          const char         *code,
          const char         *ref)
{
  char *title = title_func ? title_func (code, ref, data) : NULL;

  return title ? title : g_strdup_printf ("%s %s", code, ref);
}

/* Markdown for reading: one heading per place, bookmarked or with a note,
 * the note quoted below it. */
static char *
export_markdown (GPtrArray          *bookmarks,
                 GPtrArray          *notes,
                 EthosMarkTitleFunc  title_func,
                 gpointer            data)
{
  g_autoptr(GHashTable) noted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) marked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "# %s\n", _("Ethos: Bookmarks and Notes"));
  for (guint i = 0; i < bookmarks->len; i++)
    {
      EthosUserMark *mark = g_ptr_array_index (bookmarks, i);
      g_hash_table_add (marked, g_strdup_printf ("%s\n%s", mark->code, mark->ref));
      g_ptr_array_add (places, mark);
    }
  for (guint i = 0; i < notes->len; i++)
    {
      EthosUserMark *mark = g_ptr_array_index (notes, i);
      g_autofree char *key = g_strdup_printf ("%s\n%s", mark->code, mark->ref);

      g_hash_table_insert (noted, g_strdup (key), mark);
      if (!g_hash_table_contains (marked, key))
        g_ptr_array_add (places, mark);
    }
  for (guint i = 0; i < places->len; i++)
    {
      EthosUserMark *mark = g_ptr_array_index (places, i);
      g_autofree char *key = g_strdup_printf ("%s\n%s", mark->code, mark->ref);
      g_autofree char *title = title_of (title_func, data, mark->code, mark->ref);
      EthosUserMark *note = g_hash_table_lookup (noted, key);

      g_string_append_printf (out, "\n## %s\n\n", title);
      if (g_hash_table_contains (marked, key))
        g_string_append_printf (out, "%s\n\n", _("Bookmarked."));
      if (note != NULL)
        {
          g_auto(GStrv) lines = g_strsplit (note->text, "\n", -1);

          for (guint l = 0; lines[l] != NULL; l++)
            g_string_append_printf (out, *lines[l] ? "> %s\n" : ">\n", lines[l]);
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

char *
ethos_user_db_export_marks (EthosUserDb         *self,
                            EthosMarksFormat     format,
                            EthosMarkTitleFunc   title_func,
                            gpointer             data,
                            GError             **error)
{
  g_autoptr(GPtrArray) bookmarks = NULL;
  g_autoptr(GPtrArray) notes = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(bookmarks = ethos_user_db_list_bookmarks (self, error)) ||
      !(notes = ethos_user_db_list_notes (self, error)))
    return NULL;
  if (format == ETHOS_MARKS_MARKDOWN)
    return export_markdown (bookmarks, notes, title_func, data);
  return export_json (bookmarks, notes);
}

gboolean
ethos_user_db_write_marks (EthosUserDb         *self,
                           EthosMarksFormat     format,
                           EthosMarkTitleFunc   title_func,
                           gpointer             data,
                           const char          *path,
                           GError             **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  if (!(text = ethos_user_db_export_marks (self, format, title_func, data, error)))
    return FALSE;
  return ethos_file_write_atomic (path, text, strlen (text), 0600, error);
}

static gboolean
get_key (JsonObject  *object,
         const char  *key,
         char       **out,
         const char  *path,
         const char  *where,
         GError     **error)
{
  if (!_ethos_json_get_string (object, key, FALSE, out, path, where, error))
    return FALSE;
  if (**out == '\0' || strlen (*out) > MAX_KEY_BYTES)
    return _ethos_json_fail (error, path, where, "“%s” must be 1 to %d characters", key,
                             MAX_KEY_BYTES);
  return TRUE;
}

static gboolean
import_one (EthosUserDb       *self,
            JsonObject        *object,
            gboolean           is_note,
            const char        *path,
            const char        *where,
            EthosMarksImport  *result,
            GError           **error)
{
  static const char * const bookmark_keys[] = { "code", "ref", "created", NULL };
  static const char * const note_keys[] = { "code", "ref", "text", "updated", NULL };
  g_autofree char *code = NULL, *ref = NULL, *text = NULL, *date = NULL;
  g_autofree char *existing = NULL;

  if (!_ethos_json_check_keys (object, is_note ? note_keys : bookmark_keys, path, where, error) ||
      !get_key (object, "code", &code, path, where, error) ||
      !get_key (object, "ref", &ref, path, where, error) ||
      !_ethos_json_get_string (object, is_note ? "updated" : "created", TRUE, &date, path, where,
                               error) ||
      (is_note && !_ethos_json_get_string (object, "text", FALSE, &text, path, where, error)))
    return FALSE;

  if (!is_note)
    {
      if (ethos_user_db_is_bookmarked (self, code, ref))
        result->unchanged++;
      else if (!ethos_user_db_set_bookmark (self, code, ref, TRUE, error))
        return FALSE;
      else
        result->bookmarks_added++;
      return TRUE;
    }

  if (*text == '\0')
    return TRUE;
  existing = ethos_user_db_get_note (self, code, ref);
  if (existing == NULL)
    {
      if (!ethos_user_db_set_note (self, code, ref, text, error))
        return FALSE;
      result->notes_added++;
    }
  else if (strstr (existing, text) != NULL)
    result->unchanged++;
  else
    {
      g_autofree char *merged = g_strconcat (existing, MERGE_SEPARATOR, text, NULL);
      if (!ethos_user_db_set_note (self, code, ref, merged, error))
        return FALSE;
      result->notes_merged++;
    }
  return TRUE;
}

gboolean
ethos_user_db_import_marks (EthosUserDb       *self,
                            const char        *path,
                            EthosMarksImport  *result,
                            GError           **error)
{
  static const char * const keys[] = { "format", "kind", "exported", "bookmarks", "notes", NULL };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *kind = NULL;
  g_autoptr(GError) local = NULL;
  EthosMarksImport counts = { 0 };
  JsonObject *object;
  gsize length = 0;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, _("Could not read %s: %s"), path,
                   local->message);
      return FALSE;
    }
  if (length > MAX_FILE_BYTES)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("%s is too large to be an export of bookmarks and notes"), path);
      return FALSE;
    }
  if (!(root = _ethos_json_load (path, contents, length, error)))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return _ethos_json_fail (error, path, "$", "the file must hold a JSON object");
  object = json_node_get_object (root);
  if (!_ethos_json_check_keys (object, keys, path, "$", error) ||
      !_ethos_json_check_format (object, path, error) ||
      !_ethos_json_get_string (object, "kind", FALSE, &kind, path, "kind", error))
    return FALSE;
  if (!g_str_equal (kind, MARKS_KIND))
    return _ethos_json_fail (error, path, "kind", "this is not an export of Ethos bookmarks and "
                             "notes (“kind” is “%s”)", kind);

  if (!_ethos_sqlite_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint list = 0; list < 2; list++)
    {
      const char *name = list == 0 ? "bookmarks" : "notes";
      JsonArray *array = NULL;

      if (json_object_has_member (object, name) &&
          !(array = _ethos_json_get_array (object, name, path, name, error)))
        goto fail;
      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          g_autofree char *where = g_strdup_printf ("%s[%u]", name, i);

          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              _ethos_json_fail (error, path, where, "each entry must be an object");
              goto fail;
            }
          if (!import_one (self, json_node_get_object (node), list == 1, path, where, &counts,
                           error))
            goto fail;
        }
    }
  if (!_ethos_sqlite_exec (self->db, "COMMIT", error))
    goto fail;
  if (result != NULL)
    *result = counts;
  return TRUE;

fail:
  _ethos_sqlite_exec (self->db, "ROLLBACK", NULL);
  return FALSE;
}
