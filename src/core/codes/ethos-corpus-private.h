/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ethos-corpus.h"
#include "ethos-sqlite-private.h"

G_BEGIN_DECLS

struct _EthosCorpus
{
  sqlite3      *db;
  char         *path;
  sqlite3_stmt *search;
  sqlite3_stmt *vocabulary;
  char         *lang;     /* language of topic labels, NULL for the original */
  GPtrArray    *topics;   /* EthosTopic for matching (reason: the English label) */
};

#define ITEM_COLUMNS \
  "i.code, i.ref, i.parent_ref, s.heading, i.heading, i.text, i.depth, " \
  "(SELECT group_concat (topic, ' ') FROM " \
  "   (SELECT topic FROM item_topics WHERE item = i.id ORDER BY position)) " \
  "FROM items i JOIN sections s ON s.id = i.section JOIN codes c ON c.id = i.code "

typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

EthosItem *_ethos_item_from_row  (sqlite3_stmt   *stmt);
GPtrArray *_ethos_corpus_collect (EthosCorpus    *self,
                                  const char     *sql,
                                  RowFunc         func,
                                  GDestroyNotify  free_func,
                                  GError        **error,
                                  ...);

/* ethos-corpus-topic-search.c: the topics whose names a query gives. */
GPtrArray *_ethos_corpus_match_topics (EthosCorpus   *self,
                                       const char    *query,
                                       GError       **error);

G_END_DECLS
