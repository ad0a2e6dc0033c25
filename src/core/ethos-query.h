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

/* The same words, split into tokens: used to highlight matches in text. */
GStrv ethos_query_terms  (const char *user_query);

G_END_DECLS
