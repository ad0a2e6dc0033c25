/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes the corpus index from parsed code files (EthosCodeFile, in display
 * order) and topics (EthosTopicDef). The file appears atomically: it is
 * built under a temporary name beside @out_path and renamed when complete. */
gboolean ethos_corpus_write (const char  *out_path,
                             GPtrArray   *topics,
                             GPtrArray   *codes,
                             GError     **error);

/* Loads topics.json and the code files, validates them (including that
 * code ids are unique) and writes the index. */
gboolean ethos_corpus_build (const char         *out_path,
                             const char         *topics_path,
                             const char * const *code_paths,
                             GError            **error);

G_END_DECLS
