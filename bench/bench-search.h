/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-corpus.h"

G_BEGIN_DECLS

/* The pieces of bench-search: the realistic query set
 * (bench-search-queries.c) and the synthetic corpus 100× larger
 * (bench-search-synthetic.c). */

typedef enum
{
  BENCH_QUERY_WORD,       /* "confidentiality" */
  BENCH_QUERY_WORDS,      /* "duty to warn", "informed consent minors" */
  BENCH_QUERY_KEYSTROKE,  /* "c", "co", "con", … as typed */
  BENCH_QUERY_PHRASE,     /* "\"limits of confidentiality\"" */
  BENCH_QUERY_REF,        /* "nohs 3", "1.11", "I.5.a" */
  BENCH_QUERY_NO_MATCH,   /* "blockchain", "qzvxkt" */
  BENCH_QUERY_N_KINDS
} BenchQueryKind;

typedef struct
{
  BenchQueryKind  kind;
  char           *text;
} BenchQuery;

const char *bench_query_kind_name     (BenchQueryKind  kind);
void        bench_query_free          (BenchQuery     *query);

/* Lower-case words (letters and digits) of @text, in order. */
GStrv       bench_split_words         (const char     *text);

/* Builds the query set from @corpus's own vocabulary and a list of typical
 * practitioner searches; the same @seed gives the same queries. */
GPtrArray  *bench_queries_build       (EthosCorpus    *corpus,
                                       guint32         seed,
                                       GError        **error);

/* Loads topics.json and the code files from @codes_dir, keeps them and adds
 * @copies - 1 perturbed copies of each code (ids "nohs-s1" …), so the
 * index holds @copies times the text, and writes it to @out_path. */
gboolean    bench_synthetic_write     (const char     *codes_dir,
                                       const char     *out_path,
                                       guint           copies,
                                       guint32         seed,
                                       GError        **error);

G_END_DECLS
