/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-corpus-builder"

#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ethos-code-file.h"
#include "ethos-corpus-builder.h"
#include "ethos-corpus-schema.h"
#include "ethos-error.h"
#include "ethos-query.h"
#include "ethos-sqlite-private.h"

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *section;
  sqlite3_stmt *front;
  sqlite3_stmt *item;
  sqlite3_stmt *item_topic;
  sqlite3_stmt *search;
  const char   *code;
  int           position;
  GHashTable   *words;
} Writer;

static gboolean
step_done (Writer       *w,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return _ethos_sqlite_fail (w->db, "Could not write the corpus index", error);
  return TRUE;
}

static gboolean
add_search_row (Writer      *w,
                const char  *heading,
                const char  *body,
                const char  *section,
                const char  *kind,
                gint64       target,
                GError     **error)
{
  if (heading != NULL)
    ethos_query_collect_words (heading, w->words);
  ethos_query_collect_words (body, w->words);
  if (section != NULL)
    ethos_query_collect_words (section, w->words);

  _ethos_sqlite_bind_text (w->search, 1, heading != NULL ? heading : "");
  _ethos_sqlite_bind_text (w->search, 2, body);
  _ethos_sqlite_bind_text (w->search, 3, section != NULL ? section : "");
  _ethos_sqlite_bind_text (w->search, 4, w->code);
  _ethos_sqlite_bind_text (w->search, 5, kind);
  sqlite3_bind_int64 (w->search, 6, target);
  return step_done (w, w->search, error);
}

static gboolean
write_front_matter (Writer      *w,
                    GPtrArray   *front_matter,
                    gint64       section_id,
                    const char  *section_heading,
                    GError     **error)
{
  for (guint i = 0; i < front_matter->len; i++)
    {
      const EthosFrontMatter *fm = g_ptr_array_index (front_matter, i);

      _ethos_sqlite_bind_text (w->front, 1, w->code);
      if (section_id > 0)
        sqlite3_bind_int64 (w->front, 2, section_id);
      sqlite3_bind_int (w->front, 3, w->position++);
      _ethos_sqlite_bind_text (w->front, 4, fm->heading);
      _ethos_sqlite_bind_text (w->front, 5, fm->text);
      if (!step_done (w, w->front, error) ||
          !add_search_row (w, fm->heading, fm->text, section_heading, "front",
                           sqlite3_last_insert_rowid (w->db), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_items (Writer      *w,
             GPtrArray   *items,
             const char  *parent_ref,
             gint64       section_id,
             const char  *section_heading,
             int          depth,
             GError     **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      const EthosCodeItemDef *item = g_ptr_array_index (items, i);
      gint64 item_id;

      _ethos_sqlite_bind_text (w->item, 1, w->code);
      _ethos_sqlite_bind_text (w->item, 2, item->ref);
      _ethos_sqlite_bind_text (w->item, 3, parent_ref);
      sqlite3_bind_int64 (w->item, 4, section_id);
      sqlite3_bind_int (w->item, 5, w->position++);
      sqlite3_bind_int (w->item, 6, depth);
      _ethos_sqlite_bind_text (w->item, 7, item->heading);
      _ethos_sqlite_bind_text (w->item, 8, item->text);
      if (!step_done (w, w->item, error))
        return FALSE;
      item_id = sqlite3_last_insert_rowid (w->db);

      for (guint t = 0; item->topics[t] != NULL; t++)
        {
          sqlite3_bind_int64 (w->item_topic, 1, item_id);
          _ethos_sqlite_bind_text (w->item_topic, 2, item->topics[t]);
          sqlite3_bind_int (w->item_topic, 3, (int) t);
          if (!step_done (w, w->item_topic, error))
            return FALSE;
        }

      if (!add_search_row (w, item->heading, item->text, section_heading, "item", item_id, error) ||
          !write_items (w, item->children, item->ref, section_id, section_heading, depth + 1, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_sections (Writer      *w,
                GPtrArray   *sections,
                gint64       parent,
                int          depth,
                GError     **error)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const EthosCodeSectionDef *section = g_ptr_array_index (sections, i);
      gint64 section_id;

      _ethos_sqlite_bind_text (w->section, 1, w->code);
      if (parent > 0)
        sqlite3_bind_int64 (w->section, 2, parent);
      sqlite3_bind_int (w->section, 3, w->position++);
      sqlite3_bind_int (w->section, 4, depth);
      _ethos_sqlite_bind_text (w->section, 5, section->heading);
      if (!step_done (w, w->section, error))
        return FALSE;
      section_id = sqlite3_last_insert_rowid (w->db);

      if (!write_front_matter (w, section->front_matter, section_id, section->heading, error) ||
          !write_items (w, section->items, NULL, section_id, section->heading, 0, error) ||
          !write_sections (w, section->sections, section_id, depth + 1, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_code (Writer              *w,
            const EthosCodeFile *code,
            int                  position,
            GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _ethos_sqlite_prepare (w->db,
                                "INSERT INTO codes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                "?10, ?11, ?12, ?13, ?14, ?15)", error);
  if (stmt == NULL)
    return FALSE;

  _ethos_sqlite_bind_text (stmt, 1, code->id);
  sqlite3_bind_int (stmt, 2, position);
  _ethos_sqlite_bind_text (stmt, 3, code->title);
  _ethos_sqlite_bind_text (stmt, 4, code->short_title);
  _ethos_sqlite_bind_text (stmt, 5, code->publisher);
  _ethos_sqlite_bind_text (stmt, 6, code->edition);
  if (code->year > 0)
    sqlite3_bind_int (stmt, 7, code->year);
  _ethos_sqlite_bind_text (stmt, 8, code->notice);
  _ethos_sqlite_bind_text (stmt, 9, code->item_label);
  _ethos_sqlite_bind_text (stmt, 10, code->numbering_note);
  _ethos_sqlite_bind_text (stmt, 11, code->citation_short);
  _ethos_sqlite_bind_text (stmt, 12, code->abbreviation);
  _ethos_sqlite_bind_text (stmt, 13, code->website);
  sqlite3_bind_int (stmt, 14, code->whole_only ? 1 : 0);
  sqlite3_bind_int (stmt, 15, (int) ethos_code_file_count_items (code));
  if (!step_done (w, stmt, error))
    return FALSE;

  w->code = code->id;
  w->position = 0;
  return write_front_matter (w, code->front_matter, 0, NULL, error) &&
         write_sections (w, code->sections, 0, 0, error);
}

static gboolean
write_topics (Writer     *w,
              GPtrArray  *topics,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) tr = NULL;

  stmt = _ethos_sqlite_prepare (w->db, "INSERT INTO topics VALUES (?1, ?2, ?3, ?4, ?5)", error);
  tr = _ethos_sqlite_prepare (w->db, "INSERT INTO topic_translations VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL || tr == NULL)
    return FALSE;

  for (guint i = 0; i < topics->len; i++)
    {
      const EthosTopicDef *topic = g_ptr_array_index (topics, i);

      _ethos_sqlite_bind_text (stmt, 1, topic->id);
      sqlite3_bind_int (stmt, 2, (int) i);
      _ethos_sqlite_bind_text (stmt, 3, topic->label);
      _ethos_sqlite_bind_text (stmt, 4, topic->description);
      _ethos_sqlite_bind_text (stmt, 5, topic->reason);
      if (!step_done (w, stmt, error))
        return FALSE;

      if (topic->translations != NULL)
        {
          GHashTableIter iter;
          gpointer lang, value;

          g_hash_table_iter_init (&iter, topic->translations);
          while (g_hash_table_iter_next (&iter, &lang, &value))
            {
              const EthosTopicText *text = value;
              _ethos_sqlite_bind_text (tr, 1, topic->id);
              _ethos_sqlite_bind_text (tr, 2, lang);
              _ethos_sqlite_bind_text (tr, 3, text->label);
              _ethos_sqlite_bind_text (tr, 4, text->description);
              if (!step_done (w, tr, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
write_vocabulary (Writer  *w,
                  GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTableIter iter;
  gpointer word;

  if (!(stmt = _ethos_sqlite_prepare (w->db, "INSERT INTO vocabulary VALUES (?1)", error)))
    return FALSE;
  g_hash_table_iter_init (&iter, w->words);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    {
      _ethos_sqlite_bind_text (stmt, 1, word);
      if (!step_done (w, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_all (Writer     *w,
           GPtrArray  *topics,
           GPtrArray  *codes,
           GError    **error)
{
  g_autofree char *pragma = NULL;

  pragma = g_strdup_printf ("PRAGMA user_version = %d;", ETHOS_CORPUS_SCHEMA_VERSION);
  if (!_ethos_sqlite_exec (w->db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                           "BEGIN;", error) ||
      !_ethos_sqlite_exec (w->db, ETHOS_CORPUS_SCHEMA, error) ||
      !_ethos_sqlite_exec (w->db, pragma, error))
    return FALSE;

  if (!(w->section = _ethos_sqlite_prepare (w->db,
          "INSERT INTO sections (code, parent, position, depth, heading) "
          "VALUES (?1, ?2, ?3, ?4, ?5)", error)) ||
      !(w->front = _ethos_sqlite_prepare (w->db,
          "INSERT INTO front_matter (code, section, position, heading, text) "
          "VALUES (?1, ?2, ?3, ?4, ?5)", error)) ||
      !(w->item = _ethos_sqlite_prepare (w->db,
          "INSERT INTO items (code, ref, parent_ref, section, position, depth, heading, text) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error)) ||
      !(w->item_topic = _ethos_sqlite_prepare (w->db,
          "INSERT INTO item_topics (item, topic, position) VALUES (?1, ?2, ?3)", error)) ||
      !(w->search = _ethos_sqlite_prepare (w->db,
          "INSERT INTO search (heading, body, section, code, kind, target) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
    return FALSE;

  if (!write_topics (w, topics, error))
    return FALSE;
  for (guint i = 0; i < codes->len; i++)
    if (!write_code (w, g_ptr_array_index (codes, i), (int) i, error))
      return FALSE;

  if (!write_vocabulary (w, error))
    return FALSE;
  return _ethos_sqlite_exec (w->db, "INSERT INTO search (search) VALUES ('optimize');"
                             "COMMIT; VACUUM;", error);
}

gboolean
ethos_corpus_write (const char  *out_path,
                    GPtrArray   *topics,
                    GPtrArray   *codes,
                    GError     **error)
{
  g_autofree char *tmp_path = NULL;
  Writer w = { 0 };
  gboolean ok;

  g_return_val_if_fail (out_path != NULL, FALSE);
  g_return_val_if_fail (topics != NULL && codes != NULL, FALSE);

  w.words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  tmp_path = g_strdup_printf ("%s.tmp-%d", out_path, (int) getpid ());
  g_unlink (tmp_path);

  if (sqlite3_open_v2 (tmp_path, &w.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      _ethos_sqlite_fail (w.db, "Could not create the corpus index", error);
      sqlite3_close (w.db);
      return FALSE;
    }

  ok = write_all (&w, topics, codes, error);

  sqlite3_finalize (w.section);
  sqlite3_finalize (w.front);
  sqlite3_finalize (w.item);
  sqlite3_finalize (w.item_topic);
  sqlite3_finalize (w.search);
  g_hash_table_unref (w.words);
  if (sqlite3_close (w.db) != SQLITE_OK && ok)
    ok = _ethos_sqlite_fail (NULL, "Could not close the corpus index", error);

  if (ok && g_rename (tmp_path, out_path) != 0)
    {
      int saved = errno;
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, "Could not write %s: %s",
                   out_path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp_path);
  return ok;
}

gboolean
ethos_corpus_build (const char         *out_path,
                    const char         *topics_path,
                    const char * const *code_paths,
                    GError            **error)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) codes = NULL;

  g_return_val_if_fail (code_paths != NULL, FALSE);

  if (!(topics = ethos_topic_defs_load (topics_path, error)))
    return FALSE;

  codes = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_code_file_free);
  for (guint i = 0; code_paths[i] != NULL; i++)
    {
      EthosCodeFile *code = ethos_code_file_load (code_paths[i], topics, error);

      if (code == NULL)
        return FALSE;
      for (guint j = 0; j < codes->len; j++)
        {
          const EthosCodeFile *other = g_ptr_array_index (codes, j);
          if (g_str_equal (other->id, code->id))
            {
              g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                           "%s: id: code id “%s” is already used by %s",
                           code_paths[i], code->id, other->path);
              ethos_code_file_free (code);
              return FALSE;
            }
        }
      g_ptr_array_add (codes, code);
    }

  return ethos_corpus_write (out_path, topics, codes, error);
}
