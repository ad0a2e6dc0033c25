/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-corpus.h"
#include "ethos-document.h"

G_BEGIN_DECLS

/* What a reader prints or exports from the codes, as documents for the
 * layout engine and its painters (the PDF and the print dialog): one item,
 * one topic across all the codes (a Compare sheet, stacked by code), the
 * bookmarks with or without their private notes, or a whole code.
 *
 * Each code's notice is respected: a code whose notice permits reproducing
 * only the whole document (EthosCodeInfo.whole_only: NOHS) is never
 * excerpted. Its items appear by reference and citation, with a line
 * saying why and that the whole code can be printed from its page. The
 * words are in the user's language; the codes' texts stay as published. */

typedef struct
{
  EthosPaper  paper;
  const char *lang;        /* the document's language tag, "en" or "es" */
  gboolean    with_notes;  /* bookmarks: print the private notes too */
} EthosSheetOptions;

/* One place for the bookmarks sheet: @note NULL when there is none. */
typedef struct
{
  const char *code;
  const char *ref;
  const char *note;
  gboolean    bookmarked;
} EthosSheetEntry;

EthosDocument *ethos_sheet_new_item      (EthosCorpus              *corpus,
                                          const char               *code,
                                          const char               *ref,
                                          const EthosSheetOptions  *options,
                                          GError                  **error);
EthosDocument *ethos_sheet_new_compare   (EthosCorpus              *corpus,
                                          const char               *topic,
                                          const EthosSheetOptions  *options,
                                          GError                  **error);
/* @entries: EthosSheetEntry, in the order to print. */
EthosDocument *ethos_sheet_new_bookmarks (EthosCorpus              *corpus,
                                          GArray                   *entries,
                                          const EthosSheetOptions  *options,
                                          GError                  **error);
/* The whole code: title, publisher, edition, notice, front matter, every
 * section and item, unaltered. */
EthosDocument *ethos_sheet_new_code      (EthosCorpus              *corpus,
                                          const char               *code,
                                          const EthosSheetOptions  *options,
                                          GError                  **error);

G_END_DECLS
