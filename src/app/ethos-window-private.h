/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ethos-bookmarks-page.h"
#include "ethos-code-page.h"
#include "ethos-compare-page.h"
#include "ethos-corpus.h"
#include "ethos-forms-page.h"
#include "ethos-item-page.h"
#include "ethos-section-page.h"
#include "ethos-user-db.h"
#include "ethos-window.h"

G_BEGIN_DECLS

typedef struct
{
  EthosNodeKind  kind;
  char          *code;
  char          *key;
} EthosLocation;

typedef enum
{
  ETHOS_NAV_HISTORY      = 1 << 0,  /* record the place left in the history */
  ETHOS_NAV_FROM_SIDEBAR = 1 << 1,  /* the sidebar already shows it selected */
  ETHOS_NAV_SHOW_CONTENT = 1 << 2,  /* on a folded window, show the content pane */
} EthosNavFlags;

struct _EthosWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkSearchEntry       *search_entry;
  GtkRevealer          *scope_revealer;
  GtkDropDown          *scope_dropdown;  /* made with the first search */
  GtkStack             *sidebar_stack;
  GtkListView          *tree_view;
  GtkListView          *results_view;
  AdwStatusPage        *empty_page;
  GtkWidget            *leaflet_back_button;
  GtkWidget            *history_box;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkWidget            *citation_button;
  GtkToggleButton      *bookmark_button;
  GtkStack             *content_stack;
  AdwBin               *forms_bin;
  GMenuModel           *primary_menu;
  /* made on first use; owned by content_stack */
  EthosCodePage        *code_page;
  EthosItemPage        *item_page;
  EthosSectionPage     *section_page;
  EthosComparePage     *compare_page;
  EthosBookmarksPage   *bookmarks_page;
  AdwStatusPage        *error_page;
  EthosFormsPage       *forms_page;    /* made on first use; owned by forms_bin */

  GSettings            *settings;
  EthosCorpus          *corpus;        /* not owned: the application holds it */
  EthosUserDb          *user_db;       /* not owned; NULL when it cannot be opened */
  GPtrArray            *codes;         /* EthosCodeInfo, in display order */

  /* sidebar */
  GListStore           *root;
  GtkTreeListModel     *tree;
  GtkSingleSelection   *tree_selection;
  GHashTable           *nodes;         /* "kind\ncode\nkey" → EthosNode (borrowed) */
  GListStore           *results;
  GtkSingleSelection   *results_selection;
  char                 *query;         /* NULL when not searching */
  gboolean              syncing;       /* selecting rows to match the page shown */
  guint                 reveal_tick;   /* startup: unfold the sidebar after the first frame */
  guint                 reveal_idle;

  /* navigation */
  EthosLocation        *current;
  GPtrArray            *back;
  GPtrArray            *forward;

  gboolean              bookmarked;
  gboolean              citation_include_text;
};

EthosLocation *_ethos_location_new              (EthosNodeKind         kind,
                                                 const char           *code,
                                                 const char           *key);
void           _ethos_location_free             (EthosLocation        *location);

gboolean       _ethos_window_go                 (EthosWindow          *self,
                                                 EthosNodeKind         kind,
                                                 const char           *code,
                                                 const char           *key,
                                                 EthosNavFlags         flags,
                                                 GError              **error);
void           _ethos_window_toast              (EthosWindow          *self,
                                                 const char           *message);
void           _ethos_window_set_bookmarked     (EthosWindow          *self,
                                                 gboolean              bookmarked);

/* ethos-window-sidebar.c */
void           _ethos_window_sidebar_setup      (EthosWindow          *self);
void           _ethos_window_sidebar_reveal     (EthosWindow          *self);
void           _ethos_window_sidebar_focus_search (EthosWindow        *self);
EthosNode     *_ethos_window_sidebar_find_node  (EthosWindow          *self,
                                                 EthosNodeKind         kind,
                                                 const char           *code,
                                                 const char           *key);
void           _ethos_window_go_from_sidebar    (EthosWindow          *self,
                                                 EthosNodeKind         kind,
                                                 const char           *code,
                                                 const char           *key);
void           _ethos_window_select_quietly     (EthosWindow          *self,
                                                 GtkSingleSelection   *selection,
                                                 GtkListView          *view,
                                                 guint                 position);
GtkListItemFactory *_ethos_window_factory_new   (GCallback             setup,
                                                 GCallback             bind,
                                                 GCallback             unbind,
                                                 gpointer              data);

/* ethos-window-search.c */
void           _ethos_window_search_setup       (EthosWindow          *self);
void           _ethos_window_search_reveal      (EthosWindow          *self);

/* ethos-window-forms.c */
void           _ethos_window_forms_setup        (EthosWindow          *self);
void           _ethos_window_forms_dispose      (EthosWindow          *self);
EthosFormsPage *_ethos_window_show_forms        (EthosWindow          *self);

/* ethos-window-state.c */
void           _ethos_window_state_restore_size (EthosWindow          *self);
void           _ethos_window_state_restore_place (EthosWindow         *self);
void           _ethos_window_state_cancel       (EthosWindow          *self);
void           _ethos_window_state_save         (EthosWindow          *self);

/* ethos-window-actions.c */
void           _ethos_window_class_add_actions  (GtkWidgetClass       *widget_class);
void           _ethos_window_update_actions     (EthosWindow          *self);
void           _ethos_window_open_jump_dialog   (EthosWindow          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosLocation, _ethos_location_free)

G_END_DECLS
