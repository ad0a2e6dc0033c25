/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-corpus.h"
#include "ethos-user-db.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_ITEM_PAGE (ethos_item_page_get_type ())

G_DECLARE_FINAL_TYPE (EthosItemPage, ethos_item_page, ETHOS, ITEM_PAGE, GtkWidget)

void                 ethos_item_page_set_sources     (EthosItemPage  *self,
                                                      EthosCorpus    *corpus,
                                                      EthosUserDb    *user_db);
gboolean             ethos_item_page_show            (EthosItemPage  *self,
                                                      const char     *code,
                                                      const char     *ref,
                                                      const char     *query,
                                                      GError        **error);
const EthosItem     *ethos_item_page_get_item        (EthosItemPage  *self);
const EthosCodeInfo *ethos_item_page_get_code_info   (EthosItemPage  *self);
gboolean             ethos_item_page_save_note       (EthosItemPage  *self,
                                                      GError        **error);
/* The widgets a test or a screenshot looks at. */
GtkLabel            *ethos_item_page_get_text_label  (EthosItemPage  *self);
GtkTextBuffer       *ethos_item_page_get_note_buffer (EthosItemPage  *self);
/* For tests: the other codes' items on this item's topics, by code. */
GtkWidget           *ethos_item_page_get_related     (EthosItemPage  *self);

G_END_DECLS
