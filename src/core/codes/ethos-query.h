/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Turns what a user typed into an FTS5 MATCH expression that can never be a
 * syntax error: words are ANDed, "quoted phrases" stay phrases, the last
 * word matches as a prefix unless followed by a space, and every token is
 * quoted so operators (AND, NEAR, *, -, parentheses) are plain words.
 * Returns NULL when the input holds nothing searchable. */
char *ethos_query_to_fts (const char *user_query);

/* Returns the corpus words that start with @prefix (lower case, NFC), or
 * NULL to leave the prefix as it is. */
typedef GStrv (*EthosQueryExpandFunc) (const char *prefix,
                                       gpointer    user_data);

/* As ethos_query_to_fts(), but the word being typed is also matched as
 * each corpus word it begins: the index stems words ("confidentiality" →
 * "confidenti"), so a prefix longer than the stem ("confidentia") would
 * otherwise match nothing halfway through typing. */
char *ethos_query_to_fts_expanded (const char           *user_query,
                                   EthosQueryExpandFunc  expand,
                                   gpointer              user_data);

/* Adds the lower-case words of @text to @words (a set of strings), split
 * as queries split them. The index builder uses it for the vocabulary. */
void  ethos_query_collect_words (const char *text,
                                 GHashTable *words);

/* The same words, split into tokens: used to highlight matches in text. */
GStrv ethos_query_terms  (const char *user_query);

G_END_DECLS
