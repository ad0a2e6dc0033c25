/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The layout of the read-only corpus index, shared by the builder and the
 * reader. Bump ETHOS_CORPUS_SCHEMA_VERSION whenever it changes: the reader
 * refuses an index of another version instead of misreading it. */

#define ETHOS_CORPUS_SCHEMA_VERSION 4

#define ETHOS_CORPUS_SCHEMA \
  "CREATE TABLE codes (" \
  "  id TEXT PRIMARY KEY, position INTEGER NOT NULL, title TEXT NOT NULL," \
  "  short_title TEXT NOT NULL, publisher TEXT, edition TEXT, year INTEGER," \
  "  notice TEXT, item_label TEXT NOT NULL, numbering_note TEXT," \
  "  citation_short TEXT NOT NULL, abbreviation TEXT NOT NULL, website TEXT," \
  "  whole_only INTEGER NOT NULL, n_items INTEGER NOT NULL);" \
  "CREATE TABLE sections (" \
  "  id INTEGER PRIMARY KEY, code TEXT NOT NULL REFERENCES codes(id)," \
  "  parent INTEGER REFERENCES sections(id), position INTEGER NOT NULL," \
  "  depth INTEGER NOT NULL, heading TEXT NOT NULL);" \
  "CREATE TABLE front_matter (" \
  "  id INTEGER PRIMARY KEY, code TEXT NOT NULL REFERENCES codes(id)," \
  "  section INTEGER REFERENCES sections(id), position INTEGER NOT NULL," \
  "  heading TEXT, text TEXT NOT NULL);" \
  "CREATE TABLE items (" \
  "  id INTEGER PRIMARY KEY, code TEXT NOT NULL REFERENCES codes(id)," \
  "  ref TEXT NOT NULL, parent_ref TEXT, section INTEGER NOT NULL REFERENCES sections(id)," \
  "  position INTEGER NOT NULL, depth INTEGER NOT NULL, heading TEXT, text TEXT NOT NULL," \
  "  UNIQUE (code, ref));" \
  "CREATE INDEX items_ref ON items (ref COLLATE NOCASE);" \
  "CREATE TABLE topics (" \
  "  id TEXT PRIMARY KEY, position INTEGER NOT NULL, label TEXT NOT NULL," \
  "  description TEXT NOT NULL, reason TEXT);" \
  "CREATE TABLE topic_translations (" \
  "  topic TEXT NOT NULL REFERENCES topics(id), lang TEXT NOT NULL, label TEXT NOT NULL," \
  "  description TEXT NOT NULL, PRIMARY KEY (topic, lang)) WITHOUT ROWID;" \
  "CREATE TABLE item_topics (" \
  "  item INTEGER NOT NULL REFERENCES items(id), topic TEXT NOT NULL REFERENCES topics(id)," \
  "  position INTEGER NOT NULL, PRIMARY KEY (item, topic)) WITHOUT ROWID;" \
  "CREATE INDEX item_topics_topic ON item_topics (topic);" \
  /* kind: 'item' or 'front'; target: items.id or front_matter.id. The
   * prefix indexes serve the first keystrokes of search-as-you-type ("c",
   * "co"); they change no result, so they need no version of their own
   * (bench/README.md). */ \
  /* Every word of the indexed texts, unstemmed: the word being typed is
   * expanded to the words it begins (ethos_query_to_fts_expanded). */ \
  "CREATE TABLE vocabulary (word TEXT PRIMARY KEY) WITHOUT ROWID;" \
  "CREATE VIRTUAL TABLE search USING fts5 (" \
  "  heading, body, section, code UNINDEXED, kind UNINDEXED, target UNINDEXED," \
  "  tokenize = 'porter unicode61 remove_diacritics 2', prefix = '1 2');"
