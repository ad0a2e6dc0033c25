/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-corpus.h"
#include "ethos-history.h"
#include "ethos-node.h"
#include "ethos-user-db.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_CODES_VIEW (ethos_codes_view_get_type ())

G_DECLARE_FINAL_TYPE (EthosCodesView, ethos_codes_view, ETHOS, CODES_VIEW, GtkWidget)

/* The Codes view: the sidebar (codes → sections → items, and the search),
 * the page of the place shown, and the actions on it ("codes.*"). Its
 * places go in the window's history under the view name "codes". */
EthosCodesView       *ethos_codes_view_new                (void);
/* @corpus NULL: the view shows @corpus_error. Neither source is owned. */
void                  ethos_codes_view_load               (EthosCodesView  *self,
                                                           EthosCorpus     *corpus,
                                                           const GError    *corpus_error,
                                                           EthosUserDb     *user_db);
void                  ethos_codes_view_set_history        (EthosCodesView  *self,
                                                           EthosHistory    *history);
/* The stack its header's view switcher switches; NULL before the stack
 * goes away (the switcher holds a reference on it). */
void                  ethos_codes_view_set_view_stack     (EthosCodesView  *self,
                                                           AdwViewStack    *stack);
void                  ethos_codes_view_set_menu_model     (EthosCodesView  *self,
                                                           GMenuModel      *menu);
AdwViewSwitcherTitle *ethos_codes_view_get_switcher_title (EthosCodesView  *self);
gboolean              ethos_codes_view_get_folded         (EthosCodesView  *self);
/* Typing in @widget (the window), where nothing takes text, searches the
 * codes; NULL stops it. */
void                  ethos_codes_view_set_type_to_search (EthosCodesView  *self,
                                                           GtkWidget       *widget);
/* Shows a place (an item: @key is its ref; a section: its heading; a
 * topic to compare: its id) and records the place left in the history. */
gboolean              ethos_codes_view_navigate           (EthosCodesView  *self,
                                                           EthosNodeKind    kind,
                                                           const char      *code,
                                                           const char      *key,
                                                           GError         **error);
void                  ethos_codes_view_focus_search       (EthosCodesView  *self);
void                  ethos_codes_view_search             (EthosCodesView  *self,
                                                           const char      *text);
void                  ethos_codes_view_open_jump_dialog   (EthosCodesView  *self);
/* The title of the place shown ("NOHS Standard 3"), for the window's. */
const char           *ethos_codes_view_get_title          (EthosCodesView  *self);
/* Remembers the place shown for the next run. */
void                  ethos_codes_view_save_state         (EthosCodesView  *self);

G_END_DECLS
