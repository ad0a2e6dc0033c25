/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-corpus.h"
#include "ethos-user-db.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_BOOKMARKS_PAGE (ethos_bookmarks_page_get_type ())

G_DECLARE_FINAL_TYPE (EthosBookmarksPage, ethos_bookmarks_page, ETHOS, BOOKMARKS_PAGE, GtkWidget)

/* Re-reads the bookmarks and notes; returns how many items it lists, or -1
 * with @error set. */
int ethos_bookmarks_page_refresh (EthosBookmarksPage  *self,
                                  EthosCorpus         *corpus,
                                  EthosUserDb         *user_db,
                                  GError             **error);

G_END_DECLS
