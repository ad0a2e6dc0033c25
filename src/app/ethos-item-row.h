/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ethos-corpus.h"

G_BEGIN_DECLS

typedef enum
{
  ETHOS_ITEM_ROW_EXCERPT,   /* a few lines: lists that lead to the item */
  ETHOS_ITEM_ROW_FULL,      /* the whole text: Compare */
} EthosItemRowStyle;

/* A row for a .boxed-list that opens the item (action "win.show-item"). */
GtkWidget *ethos_item_row_new    (const EthosItem     *item,
                                  const EthosCodeInfo *code,
                                  gboolean             name_code,
                                  EthosItemRowStyle    style);
/* "Standard 3" or "Standard 3 · Dual Relationships". */
char      *ethos_item_row_title  (const EthosItem     *item,
                                  const EthosCodeInfo *code);
/* What the code calls its items, in the user's language ("Standard"). */
const char *ethos_item_label     (const EthosCodeInfo *code);
/* An empty .boxed-list that activates rows on Enter and click. */
GtkWidget *ethos_boxed_list_new  (const char          *accessible_label);

G_END_DECLS
