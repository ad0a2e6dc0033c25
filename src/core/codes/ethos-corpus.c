/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-corpus"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-corpus-private.h"
#include "ethos-corpus-schema.h"
#include "ethos-error.h"
#include "ethos-query.h"
#include "ethos-sqlite-private.h"


#define CODE_COLUMNS \
  "id, title, short_title, publisher, edition, year, notice, item_label, numbering_note, " \
  "citation_short, abbreviation, website, whole_only, n_items FROM codes "

static const char * const item_labels[] = {
  N_("Standard"), N_("Clause"), N_("Item"),
};

const char *
ethos_code_info_get_item_label (const EthosCodeInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (item_labels); i++)
    if (g_strcmp0 (info->item_label, item_labels[i]) == 0)
      return _(item_labels[i]);
  return info->item_label;
}

const EthosCodeInfo *
ethos_code_info_find (GPtrArray  *codes,
                      const char *code)
{
  for (guint i = 0; codes != NULL && code != NULL && i < codes->len; i++)
    {
      const EthosCodeInfo *info = g_ptr_array_index (codes, i);

      if (g_ascii_strcasecmp (info->id, code) == 0)
        return info;
    }
  return NULL;
}

void
ethos_code_info_free (EthosCodeInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->title);
  g_free (info->short_title);
  g_free (info->publisher);
  g_free (info->edition);
  g_free (info->notice);
  g_free (info->item_label);
  g_free (info->numbering_note);
  g_free (info->citation_short);
  g_free (info->abbreviation);
  g_free (info->website);
  g_free (info);
}

void
ethos_item_free (EthosItem *item)
{
  if (item == NULL)
    return;
  g_free (item->code);
  g_free (item->ref);
  g_free (item->parent_ref);
  g_free (item->section);
  g_free (item->heading);
  g_free (item->text);
  g_strfreev (item->topics);
  g_free (item);
}

void
ethos_front_matter_entry_free (EthosFrontMatterEntry *entry)
{
  g_free (entry->code);
  g_free (entry->section);
  g_free (entry->heading);
  g_free (entry->text);
  g_free (entry);
}

void
ethos_section_free (EthosSection *section)
{
  g_free (section->code);
  g_free (section->heading);
  g_free (section);
}

void
ethos_topic_free (EthosTopic *topic)
{
  if (topic == NULL)
    return;
  g_free (topic->id);
  g_free (topic->label);
  g_free (topic->description);
  g_free (topic->reason);
  g_free (topic);
}

void
ethos_search_result_free (EthosSearchResult *result)
{
  g_free (result->code);
  g_free (result->ref);
  g_free (result->topic);
  g_free (result->heading);
  g_free (result->snippet);
  g_free (result);
}

static EthosCodeInfo *
code_from_row (sqlite3_stmt *stmt)
{
  EthosCodeInfo *info = g_new0 (EthosCodeInfo, 1);

  info->id = _ethos_sqlite_dup_text (stmt, 0);
  info->title = _ethos_sqlite_dup_text (stmt, 1);
  info->short_title = _ethos_sqlite_dup_text (stmt, 2);
  info->publisher = _ethos_sqlite_dup_text (stmt, 3);
  info->edition = _ethos_sqlite_dup_text (stmt, 4);
  info->year = sqlite3_column_int (stmt, 5);
  info->notice = _ethos_sqlite_dup_text (stmt, 6);
  info->item_label = _ethos_sqlite_dup_text (stmt, 7);
  info->numbering_note = _ethos_sqlite_dup_text (stmt, 8);
  info->citation_short = _ethos_sqlite_dup_text (stmt, 9);
  info->abbreviation = _ethos_sqlite_dup_text (stmt, 10);
  info->website = _ethos_sqlite_dup_text (stmt, 11);
  info->whole_only = sqlite3_column_int (stmt, 12) != 0;
  info->n_items = (guint) sqlite3_column_int (stmt, 13);
  return info;
}

EthosItem *
_ethos_item_from_row (sqlite3_stmt *stmt)
{
  EthosItem *item = g_new0 (EthosItem, 1);
  const char *topics;

  item->code = _ethos_sqlite_dup_text (stmt, 0);
  item->ref = _ethos_sqlite_dup_text (stmt, 1);
  item->parent_ref = _ethos_sqlite_dup_text (stmt, 2);
  item->section = _ethos_sqlite_dup_text (stmt, 3);
  item->heading = _ethos_sqlite_dup_text (stmt, 4);
  item->text = _ethos_sqlite_dup_text (stmt, 5);
  item->depth = sqlite3_column_int (stmt, 6);
  topics = (const char *) sqlite3_column_text (stmt, 7);
  item->topics = topics != NULL ? g_strsplit (topics, " ", -1) : g_new0 (char *, 1);
  return item;
}

/* Runs a prepared statement whose parameters are all text and collects its
 * rows through @func. */
GPtrArray *
_ethos_corpus_collect (EthosCorpus     *self,
                       const char      *sql,
                       RowFunc          func,
                       GDestroyNotify   free_func,
                       GError         **error,
                       ...)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  va_list args;
  int rc;

  if (!(stmt = _ethos_sqlite_prepare (self->db, sql, error)))
    return NULL;

  va_start (args, error);
  for (int i = 1; i <= sqlite3_bind_parameter_count (stmt); i++)
    _ethos_sqlite_bind_text (stmt, i, va_arg (args, const char *));
  va_end (args);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, func (stmt));
  if (rc != SQLITE_DONE)
    {
      _ethos_sqlite_fail (self->db, _("Could not read the codes index"), error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* The first of the user's languages that topic labels are translated into. */
static char *
pick_language (EthosCorpus *self)
{
  const char * const *names = g_get_language_names ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _ethos_sqlite_prepare (self->db, "SELECT 1 FROM topic_translations "
                                      "WHERE lang = ?1 LIMIT 1", NULL)))
    return NULL;
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strchr (names[i], '.') != NULL || strchr (names[i], '@') != NULL)
        continue;
      sqlite3_reset (stmt);
      _ethos_sqlite_bind_text (stmt, 1, names[i]);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return g_strdup (names[i]);
    }
  return NULL;
}

EthosCorpus *
ethos_corpus_open (const char  *path,
                   GError     **error)
{
  g_autoptr(EthosCorpus) self = g_new0 (EthosCorpus, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int version = -1;

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO,
                   _("The codes index %s does not exist; build Ethos or set ETHOS_DATA_DIR"),
                   path);
      return NULL;
    }
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      _ethos_sqlite_fail (self->db, path, error);
      return NULL;
    }

  stmt = _ethos_sqlite_prepare (self->db, "PRAGMA user_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (version != ETHOS_CORPUS_SCHEMA_VERSION ||
      !(stmt = _ethos_sqlite_prepare (self->db, "SELECT count(*) FROM codes", NULL)) ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_DATABASE,
                   _("%s is not a codes index of this version of Ethos, or it is damaged"),
                   path);
      return NULL;
    }

  /* Ranking through FTS5's own rank column (bm25 with the same weights)
   * lets FTS5 sort the matches itself, so the joins, the snippet and the
   * stored columns are read for the rows returned only, not for every match:
   * twice as fast on a large index (bench/README.md). */
  self->search = _ethos_sqlite_prepare (self->db,
      "SELECT search.kind, search.code, i.ref, COALESCE (i.heading, f.heading), "
      "       snippet (search, -1, char (2), char (3), '…', 24), "
      "       search.rank "
      "FROM search "
      "LEFT JOIN items i ON search.kind = 'item' AND i.id = search.target "
      "LEFT JOIN front_matter f ON search.kind = 'front' AND f.id = search.target "
      "WHERE search MATCH ?1 AND search.rank MATCH 'bm25(4.0, 1.0, 0.5)' "
      "  AND (?2 IS NULL OR search.code = ?2) "
      "ORDER BY search.rank LIMIT ?3", error);
  if (self->search == NULL)
    return NULL;
  self->vocabulary = _ethos_sqlite_prepare (self->db,
      "SELECT word FROM vocabulary WHERE word > ?1 AND word < ?2 ORDER BY word LIMIT ?3", error);
  if (self->vocabulary == NULL)
    return NULL;
  self->lang = pick_language (self);

  return g_steal_pointer (&self);
}

void
ethos_corpus_set_language (EthosCorpus *self,
                           const char  *lang)
{
  g_return_if_fail (self != NULL);
  g_free (self->lang);
  self->lang = g_strdup (lang);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
}

void
ethos_corpus_free (EthosCorpus *self)
{
  if (self == NULL)
    return;
  g_free (self->lang);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  sqlite3_finalize (self->search);
  sqlite3_finalize (self->vocabulary);
  sqlite3_close (self->db);
  g_free (self->path);
  g_free (self);
}

GPtrArray *
ethos_corpus_list_codes (EthosCorpus  *self,
                         GError      **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  return _ethos_corpus_collect (self, "SELECT " CODE_COLUMNS "ORDER BY position",
                  (RowFunc) code_from_row, (GDestroyNotify) ethos_code_info_free, error);
}

EthosCodeInfo *
ethos_corpus_get_code (EthosCorpus  *self,
                       const char   *code,
                       GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (self != NULL && code != NULL, NULL);

  rows = _ethos_corpus_collect (self, "SELECT " CODE_COLUMNS "WHERE id = ?1 COLLATE NOCASE",
                  (RowFunc) code_from_row, (GDestroyNotify) ethos_code_info_free, error, code);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_autoptr(GPtrArray) all = ethos_corpus_list_codes (self, NULL);
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; all != NULL && i < all->len; i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                                ((EthosCodeInfo *) g_ptr_array_index (all, i))->id);
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                   _("There is no code “%s”; the codes are %s"), code, ids->str);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

static EthosSection *
section_from_row (sqlite3_stmt *stmt)
{
  EthosSection *section = g_new0 (EthosSection, 1);

  section->code = _ethos_sqlite_dup_text (stmt, 0);
  section->heading = _ethos_sqlite_dup_text (stmt, 1);
  section->depth = sqlite3_column_int (stmt, 2);
  section->position = sqlite3_column_int (stmt, 3);
  return section;
}

GPtrArray *
ethos_corpus_list_sections (EthosCorpus  *self,
                            const char   *code,
                            GError      **error)
{
  g_return_val_if_fail (self != NULL && code != NULL, NULL);
  return _ethos_corpus_collect (self, "SELECT code, heading, depth, position FROM sections "
                  "WHERE code = ?1 ORDER BY position",
                  (RowFunc) section_from_row, (GDestroyNotify) ethos_section_free, error, code);
}

static EthosFrontMatterEntry *
front_matter_from_row (sqlite3_stmt *stmt)
{
  EthosFrontMatterEntry *entry = g_new0 (EthosFrontMatterEntry, 1);

  entry->code = _ethos_sqlite_dup_text (stmt, 0);
  entry->section = _ethos_sqlite_dup_text (stmt, 1);
  entry->heading = _ethos_sqlite_dup_text (stmt, 2);
  entry->text = _ethos_sqlite_dup_text (stmt, 3);
  return entry;
}

GPtrArray *
ethos_corpus_list_front_matter (EthosCorpus  *self,
                                const char   *code,
                                GError      **error)
{
  g_return_val_if_fail (self != NULL && code != NULL, NULL);
  return _ethos_corpus_collect (self, "SELECT f.code, s.heading, f.heading, f.text FROM front_matter f "
                  "LEFT JOIN sections s ON s.id = f.section "
                  "WHERE f.code = ?1 ORDER BY f.position",
                  (RowFunc) front_matter_from_row,
                  (GDestroyNotify) ethos_front_matter_entry_free, error, code);
}

GPtrArray *
ethos_corpus_list_items (EthosCorpus  *self,
                         const char   *code,
                         GError      **error)
{
  g_return_val_if_fail (self != NULL && code != NULL, NULL);
  return _ethos_corpus_collect (self, "SELECT " ITEM_COLUMNS "WHERE i.code = ?1 ORDER BY i.position",
                  (RowFunc) _ethos_item_from_row, (GDestroyNotify) ethos_item_free, error, code);
}

EthosItem *
ethos_corpus_get_item (EthosCorpus  *self,
                       const char   *code,
                       const char   *ref,
                       GError      **error)
{
  g_autoptr(EthosCodeInfo) info = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (self != NULL && code != NULL && ref != NULL, NULL);

  if (!(info = ethos_corpus_get_code (self, code, error)))
    return NULL;
  rows = _ethos_corpus_collect (self, "SELECT " ITEM_COLUMNS "WHERE i.code = ?1 AND i.ref = ?2 COLLATE NOCASE",
                  (RowFunc) _ethos_item_from_row, (GDestroyNotify) ethos_item_free, error,
                  info->id, ref);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_autoptr(GPtrArray) items = ethos_corpus_list_items (self, info->id, NULL);
      const char *first = items && items->len ? ((EthosItem *) items->pdata[0])->ref : "";
      const char *last = items && items->len ? ((EthosItem *) items->pdata[items->len - 1])->ref : "";

      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                   _("%s has no %s “%s”; its references run from %s to %s"),
                   info->short_title, info->item_label, ref, first, last);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

GHashTable *
ethos_corpus_get_code_labels (EthosCorpus  *corpus,
                              GError      **error)
{
  g_autoptr(GHashTable) labels = NULL;
  g_autoptr(GPtrArray) codes = NULL;

  g_return_val_if_fail (corpus != NULL, NULL);

  if (!(codes = ethos_corpus_list_codes (corpus, error)))
    return NULL;
  labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < codes->len; i++)
    {
      const EthosCodeInfo *code = g_ptr_array_index (codes, i);
      g_autofree char *upper = g_ascii_strup (code->id, -1);

      g_hash_table_insert (labels, g_strdup (code->id),
                           code->edition != NULL
                             ? g_strdup_printf ("%s %s", upper, code->edition)
                             : g_strdup (code->citation_short));
    }
  return g_steal_pointer (&labels);
}
