/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-corpus"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-corpus-private.h"
#include "ethos-error.h"
#include "ethos-query.h"

/* Words a user may put between a code and a ref: "nohs standard 3". */
static const char * const ref_words[] = {
  "standard", "standards", "clause", "item", "bullet", "principle", "§", NULL
};

#define REF_SNIPPET_CHARS 160

static EthosTopic *
topic_from_row (sqlite3_stmt *stmt)
{
  EthosTopic *topic = g_new0 (EthosTopic, 1);

  topic->id = _ethos_sqlite_dup_text (stmt, 0);
  topic->label = _ethos_sqlite_dup_text (stmt, 1);
  topic->description = _ethos_sqlite_dup_text (stmt, 2);
  topic->reason = _ethos_sqlite_dup_text (stmt, 3);
  topic->n_items = (guint) sqlite3_column_int (stmt, 4);
  return topic;
}

/* ?1 is the display language: topic labels are Ethos's own words, translated. */
#define TOPIC_SELECT \
  "SELECT t.id, COALESCE (tr.label, t.label), COALESCE (tr.description, t.description), " \
  "  t.reason, (SELECT count(*) FROM item_topics WHERE topic = t.id) FROM topics t " \
  "LEFT JOIN topic_translations tr ON tr.topic = t.id AND tr.lang = ?1 "

GPtrArray *
ethos_corpus_list_topics (EthosCorpus  *self,
                          GError      **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  return _ethos_corpus_collect (self, TOPIC_SELECT "ORDER BY t.position",
                                (RowFunc) topic_from_row, (GDestroyNotify) ethos_topic_free,
                                error, self->lang);
}

EthosTopic *
ethos_corpus_get_topic (EthosCorpus  *self,
                        const char   *topic,
                        GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (self != NULL && topic != NULL, NULL);

  rows = _ethos_corpus_collect (self, TOPIC_SELECT "WHERE t.id = ?2 COLLATE NOCASE",
                                (RowFunc) topic_from_row, (GDestroyNotify) ethos_topic_free,
                                error, self->lang, topic);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                   _("There is no topic “%s”; run “ethos-cli topics” to list them"), topic);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

GPtrArray *
ethos_corpus_items_for_topic (EthosCorpus  *self,
                              const char   *topic,
                              GError      **error)
{
  g_autoptr(EthosTopic) info = NULL;

  g_return_val_if_fail (self != NULL && topic != NULL, NULL);

  if (!(info = ethos_corpus_get_topic (self, topic, error)))
    return NULL;
  return _ethos_corpus_collect (self, "SELECT " ITEM_COLUMNS
                                "JOIN item_topics t ON t.item = i.id WHERE t.topic = ?1 "
                                "ORDER BY c.position, i.position",
                                (RowFunc) _ethos_item_from_row, (GDestroyNotify) ethos_item_free,
                                error, info->id);
}

static char *
first_column (sqlite3_stmt *stmt)
{
  return _ethos_sqlite_dup_text (stmt, 0);
}

/* Recognises "nohs 3", "NOHS Standard 3", "standard 3", "1.11", "I.5.a" and
 * "coaching 1.11". Returns the items the reference names: a bare ref that
 * exists in several codes gives each of them. */
GPtrArray *
ethos_corpus_find_ref (EthosCorpus  *self,
                       const char   *text,
                       GError      **error)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_item_free);
  const char *code = NULL;
  const char *ref;
  guint n, i = 0;

  g_return_val_if_fail (self != NULL && text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL) || strlen (text) > 64)
    return g_steal_pointer (&none);

  copy = g_strstrip (g_strdup (text));
  words = g_regex_split_simple ("\\s+", copy, 0, 0);
  n = g_strv_length (words);
  if (n == 0 || n > 3)
    return g_steal_pointer (&none);

  if (n > 1)
    {
      /* Not ethos_corpus_get_code(): on a miss ("dual relationships") it
       * lists every code for its error message, on every keystroke. */
      g_autoptr(GPtrArray) found = _ethos_corpus_collect (self, "SELECT id FROM codes "
                                                          "WHERE id = ?1 COLLATE NOCASE",
                                                          (RowFunc) first_column,
                                                          g_free, NULL, words[0]);
      if (found != NULL && found->len > 0)
        {
          code = words[0];
          i++;
        }
    }
  if (i < n && n - i > 1)
    {
      g_autofree char *lower = g_utf8_strdown (words[i], -1);
      if (g_strv_contains (ref_words, lower))
        i++;
    }
  if (n - i != 1)
    return g_steal_pointer (&none);

  ref = words[i];
  {
    /* "3." and "3," as typed in prose */
    gsize len = strlen (ref);
    if (len > 1 && (ref[len - 1] == '.' || ref[len - 1] == ','))
      words[i][len - 1] = '\0';
  }
  if (strpbrk (ref, "0123456789") == NULL)
    return g_steal_pointer (&none);

  return _ethos_corpus_collect (self, "SELECT " ITEM_COLUMNS
                                "WHERE i.ref = ?1 COLLATE NOCASE "
                                "AND (?2 IS NULL OR i.code = ?2 COLLATE NOCASE) "
                                "ORDER BY c.position, i.position",
                                (RowFunc) _ethos_item_from_row, (GDestroyNotify) ethos_item_free,
                                error, ref, code);
}

static char *
lead_snippet (const char *text)
{
  const char *end = text;
  glong n = 0;

  while (*end && n < REF_SNIPPET_CHARS)
    {
      end = g_utf8_next_char (end);
      n++;
    }
  if (*end == '\0')
    return g_strdup (text);
  {
    g_autofree char *head = g_strndup (text, end - text);
    return g_strconcat (head, "…", NULL);
  }
}

/* The corpus words a typed prefix begins, when there are few enough to
 * list: short prefixes ("c") already match every stem they begin. */
#define MIN_EXPAND_CHARS 4
#define MAX_EXPANSIONS   24

static GStrv
expand_prefix (const char *prefix,
               gpointer    user_data)
{
  EthosCorpus *self = user_data;
  g_autoptr(GStrvBuilder) words = NULL;
  g_autofree char *upper = NULL;
  guint n = 0;

  if (g_utf8_strlen (prefix, -1) < MIN_EXPAND_CHARS)
    return NULL;

  /* Every word starting with @prefix sorts between it and prefix + U+10FFFF. */
  upper = g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);
  words = g_strv_builder_new ();
  sqlite3_reset (self->vocabulary);
  _ethos_sqlite_bind_text (self->vocabulary, 1, prefix);
  _ethos_sqlite_bind_text (self->vocabulary, 2, upper);
  sqlite3_bind_int (self->vocabulary, 3, MAX_EXPANSIONS + 1);
  while (sqlite3_step (self->vocabulary) == SQLITE_ROW)
    {
      g_strv_builder_add (words, (const char *) sqlite3_column_text (self->vocabulary, 0));
      n++;
    }
  sqlite3_reset (self->vocabulary);
  if (n > MAX_EXPANSIONS)
    return NULL;
  return g_strv_builder_end (words);
}

/* The items on the topics found that the text search left out, in the
 * codes' order. */
static gboolean
add_topic_items (EthosCorpus  *self,
                 GPtrArray    *topics,
                 const char   *code,
                 guint         limit,
                 GHashTable   *seen,
                 GPtrArray    *results,
                 GError      **error)
{
  for (guint t = 0; t < topics->len && results->len < limit; t++)
    {
      const EthosTopic *topic = g_ptr_array_index (topics, t);
      g_autoptr(GPtrArray) items = _ethos_corpus_collect (self, "SELECT " ITEM_COLUMNS
                                     "JOIN item_topics t ON t.item = i.id WHERE t.topic = ?1 "
                                     "AND (?2 IS NULL OR i.code = ?2) "
                                     "ORDER BY c.position, i.position",
                                     (RowFunc) _ethos_item_from_row,
                                     (GDestroyNotify) ethos_item_free, error, topic->id, code);

      if (items == NULL)
        return FALSE;
      for (guint i = 0; i < items->len && results->len < limit; i++)
        {
          EthosItem *item = g_ptr_array_index (items, i);
          char *key = g_strdup_printf ("%s %s", item->code, item->ref);
          EthosSearchResult *r;

          if (!g_hash_table_add (seen, key))
            continue;
          r = g_new0 (EthosSearchResult, 1);
          r->kind = ETHOS_SEARCH_ON_TOPIC;
          r->code = g_strdup (item->code);
          r->ref = g_strdup (item->ref);
          r->topic = g_strdup (topic->id);
          r->heading = g_strdup (item->heading);
          r->snippet = lead_snippet (item->text);
          g_ptr_array_add (results, r);
        }
    }
  return TRUE;
}

GPtrArray *
ethos_corpus_search (EthosCorpus  *self,
                     const char   *query,
                     const char   *code,
                     guint         limit,
                     GError      **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autofree char *fts = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (limit == 0)
    limit = 50;

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_search_result_free);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!(refs = ethos_corpus_find_ref (self, query, error)))
    return NULL;
  for (guint i = 0; i < refs->len && results->len < limit; i++)
    {
      EthosItem *item = g_ptr_array_index (refs, i);
      EthosSearchResult *r;

      if (code != NULL && g_ascii_strcasecmp (code, item->code) != 0)
        continue;
      r = g_new0 (EthosSearchResult, 1);
      r->kind = ETHOS_SEARCH_REF;
      r->code = g_strdup (item->code);
      r->ref = g_strdup (item->ref);
      r->heading = g_strdup (item->heading);
      r->snippet = lead_snippet (item->text);
      g_ptr_array_add (results, r);
      g_hash_table_add (seen, g_strdup_printf ("%s %s", item->code, item->ref));
    }

  /* A reference names an item, not a topic ("1.11"). */
  if (refs->len == 0)
    {
      if (!(topics = _ethos_corpus_match_topics (self, query, error)))
        return NULL;
      for (guint i = 0; i < topics->len && results->len < limit; i++)
        {
          const EthosTopic *topic = g_ptr_array_index (topics, i);
          EthosSearchResult *r = g_new0 (EthosSearchResult, 1);

          r->kind = ETHOS_SEARCH_TOPIC;
          r->topic = g_strdup (topic->id);
          r->heading = g_strdup (topic->label);
          r->snippet = g_strdup (topic->description);
          g_ptr_array_add (results, r);
        }
    }

  if ((fts = ethos_query_to_fts_expanded (query, expand_prefix, self)) == NULL)
    {
      if (topics != NULL && !add_topic_items (self, topics, code, limit, seen, results, error))
        return NULL;
      return g_steal_pointer (&results);
    }

  sqlite3_reset (self->search);
  _ethos_sqlite_bind_text (self->search, 1, fts);
  _ethos_sqlite_bind_text (self->search, 2, code);
  sqlite3_bind_int (self->search, 3, (int) limit);

  while (results->len < limit && (rc = sqlite3_step (self->search)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (self->search, 0);
      const char *ref = (const char *) sqlite3_column_text (self->search, 2);
      EthosSearchResult *r;

      if (ref != NULL)
        {
          g_autofree char *key = g_strdup_printf ("%s %s",
                                                  sqlite3_column_text (self->search, 1), ref);
          if (g_hash_table_contains (seen, key))
            continue;
        }

      if (ref != NULL)
        g_hash_table_add (seen, g_strdup_printf ("%s %s", sqlite3_column_text (self->search, 1),
                                                 ref));
      r = g_new0 (EthosSearchResult, 1);
      r->kind = g_strcmp0 (kind, "front") == 0 ? ETHOS_SEARCH_FRONT : ETHOS_SEARCH_ITEM;
      r->code = _ethos_sqlite_dup_text (self->search, 1);
      r->ref = g_strdup (ref);
      r->heading = _ethos_sqlite_dup_text (self->search, 3);
      r->snippet = _ethos_sqlite_dup_text (self->search, 4);
      r->score = sqlite3_column_double (self->search, 5);
      g_ptr_array_add (results, r);
    }
  if (results->len < limit && rc != SQLITE_DONE)
    {
      sqlite3_reset (self->search);
      _ethos_sqlite_fail (self->db, _("Search failed"), error);
      return NULL;
    }
  sqlite3_reset (self->search);
  sqlite3_clear_bindings (self->search);

  if (topics != NULL && !add_topic_items (self, topics, code, limit, seen, results, error))
    return NULL;
  return g_steal_pointer (&results);
}

char *
ethos_search_result_format_snippet (const EthosSearchResult *result,
                                    const char              *open,
                                    const char              *close)
{
  GString *out;

  g_return_val_if_fail (result != NULL && open != NULL && close != NULL, NULL);

  out = g_string_new (result->snippet);
  g_string_replace (out, ETHOS_SNIPPET_OPEN, open, 0);
  g_string_replace (out, ETHOS_SNIPPET_CLOSE, close, 0);
  return g_string_free (out, FALSE);
}

char *
ethos_item_format_citation (const EthosItem     *item,
                            const EthosCodeInfo *code,
                            EthosCitationStyle   style)
{
  g_autofree char *year = NULL;

  g_return_val_if_fail (item != NULL && code != NULL, NULL);

  if (style == ETHOS_CITATION_SHORT)
    return g_strdup_printf ("%s, %s %s", code->citation_short, code->item_label, item->ref);

  /* A reference-list entry (APA style): author. (year). title, item. When the
   * source names no publisher the title takes the author's place. */
  year = code->year > 0 ? g_strdup_printf ("%d", code->year) : g_strdup ("n.d.");
  if (code->publisher != NULL)
    return g_strdup_printf ("%s. (%s). %s, %s %s.", code->publisher, year, code->title,
                            code->item_label, item->ref);
  return g_strdup_printf ("%s. (%s). %s %s.", code->title, year, code->item_label, item->ref);
}
