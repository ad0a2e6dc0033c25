/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-corpus"

#include "config.h"

#include "ethos-corpus-private.h"

/* Which topics a search names: "dual relationships", "duty to warn",
 * "consent". A topic matches when every word of the query (small words
 * aside) begins a word of its label, in English or in the language shown,
 * or of its id; the last word may be unfinished. The labels are Ethos's
 * own short phrases, so this is a match on names, not on prose: the items'
 * text is the full-text index's. */

static const char * const small_words[] = {
  "a", "an", "and", "de", "del", "el", "for", "in", "la", "las", "los", "of", "on", "or",
  "the", "to", "y", NULL
};

/* Folded to lower-case ASCII letters and digits, split on anything else. */
static GStrv
words_of (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *ascii = g_str_to_ascii (folded, "C");

  for (char *p = ascii; *p; p++)
    if (!g_ascii_isalnum (*p))
      *p = ' ';
  return g_strsplit_set (g_strstrip (ascii), " ", -1);
}

static gboolean
word_matches (const char * const *words,
              const char         *query_word)
{
  gsize qlen = strlen (query_word);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize wlen = strlen (words[i]);

      if (wlen == 0)
        continue;
      /* One or two letters name a word only when they are the whole word. */
      if (qlen < 3)
        {
          if (g_str_equal (words[i], query_word))
            return TRUE;
          continue;
        }
      /* "relation" begins "relationships"; "warning" is a form of "warn". */
      if (g_str_has_prefix (words[i], query_word) ||
          (wlen >= 4 && qlen > wlen && g_str_has_prefix (query_word, words[i])))
        return TRUE;
    }
  return FALSE;
}

static gboolean
phrase_matches (const char *label,
                GStrv       query)
{
  g_auto(GStrv) words = NULL;
  guint matched = 0;

  if (label == NULL)
    return FALSE;
  words = words_of (label);
  for (guint i = 0; query[i] != NULL; i++)
    {
      if (*query[i] == '\0' || g_strv_contains (small_words, query[i]))
        continue;
      if (!word_matches ((const char * const *) words, query[i]))
        return FALSE;
      matched++;
    }
  return matched > 0;
}

static EthosTopic *
topic_row (sqlite3_stmt *stmt)
{
  EthosTopic *topic = g_new0 (EthosTopic, 1);

  topic->id = _ethos_sqlite_dup_text (stmt, 0);
  topic->label = _ethos_sqlite_dup_text (stmt, 1);
  topic->description = _ethos_sqlite_dup_text (stmt, 2);
  /* The English label, kept here only for matching. */
  topic->reason = _ethos_sqlite_dup_text (stmt, 3);
  topic->n_items = (guint) sqlite3_column_int (stmt, 4);
  return topic;
}

GPtrArray *
_ethos_corpus_match_topics (EthosCorpus  *self,
                            const char   *query,
                            GError      **error)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_auto(GStrv) words = NULL;
  GPtrArray *matches;

  if (self->topics == NULL)
    {
      self->topics = _ethos_corpus_collect (self,
          "SELECT t.id, COALESCE (tr.label, t.label), COALESCE (tr.description, t.description), "
          "  t.label, (SELECT count(*) FROM item_topics WHERE topic = t.id) FROM topics t "
          "LEFT JOIN topic_translations tr ON tr.topic = t.id AND tr.lang = ?1 "
          "ORDER BY t.position",
          (RowFunc) topic_row, (GDestroyNotify) ethos_topic_free, error, self->lang);
      if (self->topics == NULL)
        return NULL;
    }

  matches = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_topic_free);
  if (strlen (query) > 200)
    return matches;
  words = words_of (query);
  for (guint i = 0; i < self->topics->len; i++)
    {
      const EthosTopic *topic = g_ptr_array_index (self->topics, i);
      g_autofree char *id_words = g_strdelimit (g_strdup (topic->id), "-", ' ');

      if (phrase_matches (topic->label, words) || phrase_matches (topic->reason, words) ||
          phrase_matches (id_words, words))
        {
          EthosTopic *copy = g_new0 (EthosTopic, 1);

          copy->id = g_strdup (topic->id);
          copy->label = g_strdup (topic->label);
          copy->description = g_strdup (topic->description);
          copy->n_items = topic->n_items;
          g_ptr_array_add (matches, copy);
        }
    }
  return matches;
}
