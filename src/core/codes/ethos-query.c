/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-query"

#include "config.h"

#include "ethos-query.h"

/* Longer input is cut: nobody types more, and the index stays fast. */
#define MAX_QUERY_BYTES 1024
#define MAX_TERMS       16

typedef struct
{
  GString  *tokens;   /* space-separated tokens of the current term */
  gboolean  phrase;   /* the term came from "quotes" */
} Term;

static gboolean
is_token_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return g_unichar_isalnum (c);
    }
}

/* Splits the query into terms. Each term is one or more tokens made of
 * letters, digits and marks only, so no FTS5 syntax survives. */
static GArray *
split_terms (const char *user_query,
             gboolean   *ends_open)
{
  g_autofree char *normalized = NULL;
  g_autofree char *input = NULL;
  GArray *terms = g_array_new (FALSE, TRUE, sizeof (Term));
  GString *word = g_string_new (NULL);
  GString *current = NULL;
  gboolean in_phrase = FALSE;
  const char *end;

  *ends_open = FALSE;

  /* Invalid UTF-8 keeps its valid prefix. */
  g_utf8_validate (user_query, -1, &end);
  input = g_strndup (user_query, MIN ((gsize) (end - user_query), MAX_QUERY_BYTES));
  g_utf8_validate (input, -1, &end);
  input[end - input] = '\0';
  normalized = g_utf8_normalize (input, -1, G_NORMALIZE_NFC);
  if (normalized == NULL)
    normalized = g_strdup ("");

#define FLUSH_WORD() G_STMT_START {                        \
    if (word->len > 0) {                                    \
      if (current == NULL) current = g_string_new (NULL);   \
      if (current->len > 0) g_string_append_c (current, ' ');\
      g_string_append (current, word->str);                 \
      g_string_truncate (word, 0);                          \
    }                                                       \
  } G_STMT_END
#define FLUSH_TERM(is_phrase) G_STMT_START {                \
    if (current != NULL && terms->len < MAX_TERMS) {        \
      Term t = { current, is_phrase };                      \
      g_array_append_val (terms, t);                        \
    } else if (current != NULL) {                           \
      g_string_free (current, TRUE);                        \
    }                                                       \
    current = NULL;                                         \
  } G_STMT_END

  for (const char *p = normalized; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"')
        {
          FLUSH_WORD ();
          FLUSH_TERM (in_phrase);
          in_phrase = !in_phrase;
        }
      else if (is_token_char (c))
        {
          g_string_append_unichar (word, g_unichar_tolower (c));
        }
      else
        {
          FLUSH_WORD ();
          /* Inside quotes only the quote ends a term; outside, whitespace
           * does, while other punctuation ("client's", "e-mail") splits
           * tokens but keeps them together as a phrase. */
          if (!in_phrase && g_unichar_isspace (c))
            FLUSH_TERM (FALSE);
        }
    }
  FLUSH_WORD ();
  *ends_open = !in_phrase && current != NULL;
  FLUSH_TERM (in_phrase);

#undef FLUSH_WORD
#undef FLUSH_TERM

  g_string_free (word, TRUE);
  return terms;
}

static void
free_terms (GArray *terms)
{
  for (guint i = 0; i < terms->len; i++)
    g_string_free (g_array_index (terms, Term, i).tokens, TRUE);
  g_array_unref (terms);
}

char *
ethos_query_to_fts (const char *user_query)
{
  return ethos_query_to_fts_expanded (user_query, NULL, NULL);
}

char *
ethos_query_to_fts_expanded (const char           *user_query,
                             EthosQueryExpandFunc  expand,
                             gpointer              user_data)
{
  GString *fts;
  GArray *terms;
  gboolean ends_open;

  g_return_val_if_fail (user_query != NULL, NULL);

  terms = split_terms (user_query, &ends_open);
  if (terms->len == 0)
    {
      free_terms (terms);
      return NULL;
    }

  fts = g_string_new (NULL);
  for (guint i = 0; i < terms->len; i++)
    {
      const Term *t = &g_array_index (terms, Term, i);

      gboolean prefix = i == terms->len - 1 && ends_open;
      g_auto(GStrv) words = NULL;

      /* Explicit AND: FTS5 does not accept an implicit AND before "( … OR … )". */
      if (i > 0)
        g_string_append (fts, " AND ");
      /* A single word being typed: also each whole word it begins. */
      if (prefix && expand != NULL && strchr (t->tokens->str, ' ') == NULL)
        words = expand (t->tokens->str, user_data);
      if (words != NULL && words[0] != NULL)
        g_string_append_c (fts, '(');
      /* Tokens hold only letters, digits and marks: quoting is safe. */
      g_string_append_printf (fts, "\"%s\"", t->tokens->str);
      if (prefix)
        g_string_append_c (fts, '*');
      for (guint w = 0; words != NULL && words[w] != NULL; w++)
        g_string_append_printf (fts, " OR \"%s\"", words[w]);
      if (words != NULL && words[0] != NULL)
        g_string_append_c (fts, ')');
    }

  free_terms (terms);
  return g_string_free (fts, FALSE);
}

GStrv
ethos_query_terms (const char *user_query)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GArray *terms;
  gboolean ends_open;

  g_return_val_if_fail (user_query != NULL, NULL);

  terms = split_terms (user_query, &ends_open);
  for (guint i = 0; i < terms->len; i++)
    {
      g_auto(GStrv) tokens = g_strsplit (g_array_index (terms, Term, i).tokens->str, " ", -1);
      g_strv_builder_addv (builder, (const char **) tokens);
    }
  free_terms (terms);
  return g_strv_builder_end (builder);
}

void
ethos_query_collect_words (const char *text,
                           GHashTable *words)
{
  g_autofree char *nfc = NULL;
  GString *word = g_string_new (NULL);

  g_return_if_fail (text != NULL && words != NULL);

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  for (const char *p = nfc ? nfc : ""; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && is_token_char (c))
        {
          g_string_append_unichar (word, g_unichar_tolower (c));
          continue;
        }
      if (word->len > 0 && !g_hash_table_contains (words, word->str))
        g_hash_table_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
}
