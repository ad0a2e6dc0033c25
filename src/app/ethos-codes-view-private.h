/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ethos-bookmarks-page.h"
#include "ethos-code-page.h"
#include "ethos-codes-view.h"
#include "ethos-compare-page.h"
#include "ethos-fonts.h"
#include "ethos-item-page.h"
#include "ethos-section-page.h"

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

struct _EthosCodesView
{
  GtkWidget             parent_instance;

  /* template */
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkMenuButton        *menu_button;
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
  GtkWidget            *citation_button;
  GtkToggleButton      *bookmark_button;
  GtkWidget            *page_menu_button;
  GMenuModel           *page_menu;
  GtkStack             *content_stack;
  /* made on first use; owned by content_stack */
  EthosCodePage        *code_page;
  EthosItemPage        *item_page;
  EthosSectionPage     *section_page;
  EthosComparePage     *compare_page;
  EthosBookmarksPage   *bookmarks_page;
  AdwStatusPage        *error_page;

  GSettings            *settings;
  EthosHistory         *history;       /* the window's */
  EthosCorpus          *corpus;        /* not owned: the application holds it */
  EthosUserDb          *user_db;       /* not owned; NULL when it cannot be opened */
  GPtrArray            *codes;         /* EthosCodeInfo, in display order */
  GtkWidget            *capture_widget;
  GtkEventController   *capture_keys;  /* on capture_widget */

  /* sidebar */
  GListStore           *root;
  GtkTreeListModel     *tree;
  GtkSingleSelection   *tree_selection;
  GHashTable           *nodes;         /* "kind\ncode\nkey" → EthosNode (borrowed) */
  GListStore           *results;
  GtkSingleSelection   *results_selection;
  char                 *query;         /* NULL when not searching */
  gboolean              syncing;       /* selecting rows to match the page shown */
  gboolean              results_browsed; /* a result of this search was opened already */
  GPtrArray            *auto_expanded; /* GtkTreeListRow expanded to reveal a place */
  guint                 reveal_tick;   /* startup: unfold the sidebar after the first frame */
  guint                 reveal_idle;
  guint                 scroll_idle;

  EthosLocation        *current;
  char                 *title;

  EthosFonts           *fonts;         /* made with the first sheet printed */

  gboolean              bookmarked;
  gboolean              citation_include_text;
  gboolean              print_notes;   /* the bookmarks sheet shows the notes */
};

EthosLocation       *_ethos_location_new          (EthosNodeKind         kind,
                                                   const char           *code,
                                                   const char           *key);
void                 _ethos_location_free         (EthosLocation        *location);

const EthosCodeInfo *_ethos_codes_view_find_code  (EthosCodesView       *self,
                                                   const char           *code);
gboolean             _ethos_codes_view_go         (EthosCodesView       *self,
                                                   EthosNodeKind         kind,
                                                   const char           *code,
                                                   const char           *key,
                                                   EthosNavFlags         flags,
                                                   GError              **error);
void                 _ethos_codes_view_toast      (EthosCodesView       *self,
                                                   const char           *message);
void                 _ethos_codes_view_set_bookmarked (EthosCodesView   *self,
                                                   gboolean              bookmarked);

/* ethos-codes-view-sidebar.c */
void                 _ethos_codes_view_sidebar_setup   (EthosCodesView  *self);
void                 _ethos_codes_view_sidebar_reveal  (EthosCodesView  *self);
EthosNode           *_ethos_codes_view_sidebar_find_node (EthosCodesView *self,
                                                   EthosNodeKind         kind,
                                                   const char           *code,
                                                   const char           *key);
void                 _ethos_codes_view_go_from_sidebar (EthosCodesView  *self,
                                                   EthosNodeKind         kind,
                                                   const char           *code,
                                                   const char           *key);
void                 _ethos_codes_view_select_quietly (EthosCodesView   *self,
                                                   GtkSingleSelection   *selection,
                                                   GtkListView          *view,
                                                   guint                 position);
GtkListItemFactory  *_ethos_codes_view_factory_new (GCallback            setup,
                                                   GCallback             bind,
                                                   GCallback             unbind,
                                                   gpointer              data);

/* ethos-codes-view-search.c */
void                 _ethos_codes_view_search_setup    (EthosCodesView  *self);
void                 _ethos_codes_view_search_reveal   (EthosCodesView  *self);
void                 _ethos_codes_view_search_dispose  (EthosCodesView  *self);
gboolean             _ethos_codes_view_is_type_to_search (EthosCodesView *self);

/* ethos-codes-view-state.c */
void                 _ethos_codes_view_state_restore   (EthosCodesView  *self);
void                 _ethos_codes_view_state_cancel    (EthosCodesView  *self);

/* ethos-codes-view-print.c */
void                 _ethos_codes_view_class_add_print_actions (GtkWidgetClass *widget_class);
gboolean             _ethos_codes_view_print      (EthosCodesView       *self,
                                                   const char           *export_to,
                                                   GError              **error);
gboolean             _ethos_codes_view_export_pdf (EthosCodesView       *self,
                                                   const char           *path,
                                                   GError              **error);
gboolean             _ethos_codes_view_import_notes (EthosCodesView     *self,
                                                   const char           *path,
                                                   GError              **error);
char                *_ethos_codes_view_citation_cb (const char          *code,
                                                   const char           *ref,
                                                   gpointer              data);

/* ethos-codes-view-actions.c */
void                 _ethos_codes_view_class_add_actions (GtkWidgetClass *widget_class);
void                 _ethos_codes_view_update_actions  (EthosCodesView  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosLocation, _ethos_location_free)

G_END_DECLS
