/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-user-db"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-error.h"
#include "ethos-file.h"
#include "ethos-json-private.h"
#include "ethos-marks-markdown-private.h"
#include "ethos-user-db-notes.h"
#include "ethos-user-db-private.h"

#define MARKS_KIND      "ethos-bookmarks-and-notes"
#define MAX_FILE_BYTES  (32 * 1024 * 1024)

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
place_key (const char *code,
           const char *ref)
{
  return g_strdup_printf ("%zu:%s%s", strlen (code), code, ref);
}

/* Markdown for reading that also imports back: one place per heading,
 * bookmarked or with a note (ethos-marks-markdown.c). */
static char *
export_markdown (GPtrArray          *bookmarks,
                 GPtrArray          *notes,
                 EthosMarkTitleFunc  title_func,
                 gpointer            data)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) places = NULL;

  places = g_ptr_array_new_with_free_func ((GDestroyNotify) _ethos_mark_place_free);
  for (guint list = 0; list < 2; list++)
    {
      GPtrArray *marks = list == 0 ? bookmarks : notes;

      for (guint i = 0; i < marks->len; i++)
        {
          EthosUserMark *mark = g_ptr_array_index (marks, i);
          g_autofree char *key = place_key (mark->code, mark->ref);
          EthosMarkPlace *place = g_hash_table_lookup (by_key, key);

          if (place == NULL)
            {
              place = _ethos_mark_place_new (mark->code, mark->ref);
              place->title = title_func ? title_func (mark->code, mark->ref, data) : NULL;
              g_ptr_array_add (places, place);
              g_hash_table_insert (by_key, g_steal_pointer (&key), place);
            }
          if (list == 0)
            place->bookmarked = TRUE;
          else
            {
              g_free (place->note);
              place->note = g_strdup (mark->text);
            }
        }
    }
  return _ethos_marks_markdown_write (places);
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
  if (**out == '\0' || strlen (*out) > ETHOS_MARKS_MAX_KEY_BYTES)
    return _ethos_json_fail (error, path, where, "“%s” must be 1 to %d characters", key,
                             ETHOS_MARKS_MAX_KEY_BYTES);
  return TRUE;
}

/* A note is kept as it was typed: white space alone is a note too (the
 * window stores one), so it must import back. */
static gboolean
get_note_text (JsonObject  *object,
               char       **out,
               const char  *path,
               const char  *where,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, "text");

  *out = NULL;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return _ethos_json_fail (error, path, where, "“text” must be a string");
  if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
    return _ethos_json_fail (error, path, where, "“text” is not valid UTF-8");
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static EthosMarkPlace *
read_json_mark (JsonObject  *object,
                gboolean     is_note,
                const char  *path,
                const char  *where,
                GError     **error)
{
  static const char * const bookmark_keys[] = { "code", "ref", "created", NULL };
  static const char * const note_keys[] = { "code", "ref", "text", "updated", NULL };
  g_autofree char *code = NULL, *ref = NULL, *text = NULL, *date = NULL;
  EthosMarkPlace *place;

  if (!_ethos_json_check_keys (object, is_note ? note_keys : bookmark_keys, path, where, error) ||
      !get_key (object, "code", &code, path, where, error) ||
      !get_key (object, "ref", &ref, path, where, error) ||
      !_ethos_json_get_string (object, is_note ? "updated" : "created", TRUE, &date, path, where,
                               error) ||
      (is_note && !get_note_text (object, &text, path, where, error)))
    return NULL;
  place = _ethos_mark_place_new (code, ref);
  place->bookmarked = !is_note;
  place->note = g_steal_pointer (&text);
  return place;
}

/* Adds the places of a JSON export to @places: its bookmarks, then its
 * notes. */
static gboolean
read_json (const char  *path,
           const char  *contents,
           gsize        length,
           GPtrArray   *places,
           GError     **error)
{
  static const char * const keys[] = { "format", "kind", "exported", "bookmarks", "notes", NULL };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *kind = NULL;
  JsonObject *object;

  if (!(root = _ethos_json_load (path, contents, length, error)))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return _ethos_json_fail (error, path, "$", _("the file must hold a JSON object"));
  object = json_node_get_object (root);
  if (!_ethos_json_check_keys (object, keys, path, "$", error) ||
      !_ethos_json_check_format (object, path, error) ||
      !_ethos_json_get_string (object, "kind", FALSE, &kind, path, "kind", error))
    return FALSE;
  if (!g_str_equal (kind, MARKS_KIND))
    return _ethos_json_fail (error, path, "kind", "this is not an export of Ethos bookmarks and "
                             "notes (“kind” is “%s”)", kind);

  for (guint list = 0; list < 2; list++)
    {
      const char *name = list == 0 ? "bookmarks" : "notes";
      JsonArray *array = NULL;

      if (json_object_has_member (object, name) &&
          !(array = _ethos_json_get_array (object, name, path, name, error)))
        return FALSE;
      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          g_autofree char *where = g_strdup_printf ("%s[%u]", name, i);
          EthosMarkPlace *place;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return _ethos_json_fail (error, path, where, "each entry must be an object");
          if (!(place = read_json_mark (json_node_get_object (node), list == 1, path, where,
                                        error)))
            return FALSE;
          g_ptr_array_add (places, place);
        }
    }
  return TRUE;
}

/* JSON starts with its object (after a byte-order mark and white space);
 * anything else is read as the Markdown export, which says so on its first
 * line. */
static gboolean
looks_like_json (const char *contents,
                 gsize       length)
{
  gsize i = length >= 3 && memcmp (contents, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

  while (i < length && g_ascii_isspace (contents[i]))
    i++;
  return i < length && (contents[i] == '{' || contents[i] == '[');
}

static gboolean
add_note (EthosUserDb       *self,
          EthosMarkPlace    *place,
          EthosMarksImport  *counts,
          GError           **error)
{
  g_autofree char *existing = ethos_user_db_get_note (self, place->code, place->ref);

  if (existing == NULL)
    {
      if (!ethos_user_db_set_note (self, place->code, place->ref, place->note, error))
        return FALSE;
      counts->notes_added++;
    }
  else if (strstr (existing, place->note) != NULL)
    counts->unchanged++;
  else
    {
      g_autofree char *merged = g_strconcat (existing, MERGE_SEPARATOR, place->note, NULL);
      if (!ethos_user_db_set_note (self, place->code, place->ref, merged, error))
        return FALSE;
      counts->notes_merged++;
    }
  return TRUE;
}

static gboolean
add_place (EthosUserDb       *self,
           EthosMarkPlace    *place,
           EthosMarksImport  *counts,
           GError           **error)
{
  if (place->bookmarked)
    {
      if (ethos_user_db_is_bookmarked (self, place->code, place->ref))
        counts->unchanged++;
      else if (!ethos_user_db_set_bookmark (self, place->code, place->ref, TRUE, error))
        return FALSE;
      else
        counts->bookmarks_added++;
    }
  if (place->note != NULL && *place->note != '\0')
    return add_note (self, place, counts, error);
  return TRUE;
}

/* One transaction: all the places or none. */
static gboolean
add_places (EthosUserDb       *self,
            GPtrArray         *places,
            const char        *path,
            EthosMarksImport  *counts,
            GError           **error)
{
  if (!_ethos_sqlite_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; i < places->len; i++)
    {
      EthosMarkPlace *place = g_ptr_array_index (places, i);
      g_autoptr(GError) local = NULL;

      if (add_place (self, place, counts, &local))
        continue;
      /* A note too long to keep: say where it is in a Markdown file. */
      if (place->line > 0 && local->domain == ETHOS_ERROR)
        g_set_error (error, ETHOS_ERROR, local->code, _("%s: line %u: %s"), path, place->line,
                     local->message);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      _ethos_sqlite_exec (self->db, "ROLLBACK", NULL);
      return FALSE;
    }
  if (!_ethos_sqlite_exec (self->db, "COMMIT", error))
    {
      _ethos_sqlite_exec (self->db, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
ethos_user_db_import_marks (EthosUserDb       *self,
                            const char        *path,
                            EthosMarksImport  *result,
                            GError           **error)
{
  g_autoptr(GPtrArray) places = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local = NULL;
  EthosMarksImport counts = { 0 };
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
  if (looks_like_json (contents, length))
    {
      places = g_ptr_array_new_with_free_func ((GDestroyNotify) _ethos_mark_place_free);
      if (!read_json (path, contents, length, places, error))
        return FALSE;
    }
  else if (!(places = _ethos_marks_markdown_read (path, contents, length, error)))
    return FALSE;
  if (!add_places (self, places, path, &counts, error))
    return FALSE;
  if (result != NULL)
    *result = counts;
  return TRUE;
}
