/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ethos-agency-page.h"
#include "ethos-coverage-report.h"
#include "ethos-form-fill.h"
#include "ethos-forms-page.h"
#include "ethos-template-editor.h"
#include "ethos-template-store.h"

G_BEGIN_DECLS

struct _EthosFormsPage
{
  GtkWidget             parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *mode_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *separator;
  GtkWidget            *content;
  GtkMenuButton        *menu_button;
  GtkWidget            *back_button;
  GtkWidget            *preview_toggle;
  GtkWidget            *print_button;
  GtkWidget            *export_button;
  GtkWidget            *form_menu_button;
  GtkWidget            *edit_button;
  GtkWidget            *import_button;
  GtkWidget            *agency_button;
  GtkLabel             *agency_subtitle;
  EthosAgencyPage      *agency_page;    /* made when first wanted; content_stack holds it */
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *problems_box;
  GtkLabel             *problems_title;
  GtkLabel             *problems_label;
  GtkListBox           *list;
  GListStore           *forms;          /* EthosFormItem, the list's model */
  GtkStack             *content_stack;
  GtkStack             *fill_stack;
  EthosCoverageReport  *report;
  AdwStatusPage        *error_page;

  EthosTemplateStore   *store;
  EthosCorpus          *corpus;       /* not owned: the application holds it */
  EthosUserDb          *db;           /* not owned */
  GSettings            *settings;
  GHashTable           *code_labels;  /* for the footer */
  GHashTable           *fills;        /* template id → EthosFormFill (owned by fill_stack) */
  EthosFormFill        *fill;         /* the one shown, or NULL */
  /* The client the open forms are about (field id → value), in memory only:
   * a form opened after another starts with the same client. */
  GHashTable           *client;
  gboolean              syncing_client;
  const char           *lang;
  char                 *shown_id;
  gboolean              showing_coverage;
  guint                 sync_id;
  char                 *last_export_uri;
  GFile                *last_folder;    /* where the last form was exported */
  GtkPrintSettings     *print_settings; /* the print dialog as it was last left */

  /* ethos-forms-page-load.c: the store read in threads */
  GCancellable         *cancellable;
  guint                 generation;     /* of the load in progress */
  char                 *builtin_dir;
  char                 *shared_dir;
  gboolean              loading;        /* built-in, system and agency templates */
  gboolean              shared_loading; /* the shared folder */
  EthosAgencyProfile   *deployed;       /* the deployed agency.json, or NULL */
  char                 *deployed_problem;
  EthosAgencyProfile   *profile;        /* what forms use: the user's over the deployed one */
  char                 *pending_id;     /* to show once the templates are read */
  gboolean              showing_agency;
  gboolean              rebuilding;     /* lists being filled: selections are not the user's */

  /* ethos-forms-page-edit.c: the template editor */
  EthosTemplateEditor  *editor;
  GtkWindow            *watched_window; /* whose closing asks about unsaved edits */
  gboolean              closing;
  char                 *deleted_id;     /* for Undo after a delete */
  GPtrArray            *deleted_versions;
};

/* ethos-forms-page.c */
/* Every form opened so far goes, with what was typed in it. */
void _ethos_forms_page_drop_fills         (EthosFormsPage *self);
/* The header's title, and the "title" property the window follows. */
void _ethos_forms_page_set_title          (EthosFormsPage *self,
                                           const char     *title);

/* ethos-forms-page-list.c */
void _ethos_forms_page_list_init          (EthosFormsPage *self);
void _ethos_forms_page_show_list          (EthosFormsPage *self);
void _ethos_forms_page_show_problems      (EthosFormsPage *self);
void _ethos_forms_page_show_load_error    (EthosFormsPage *self,
                                           const GError   *error);

/* ethos-forms-page-load.c */
void _ethos_forms_page_load_start         (EthosFormsPage *self);
void _ethos_forms_page_profile_changed    (EthosFormsPage *self);
void _ethos_forms_page_load_dispose       (EthosFormsPage *self);

/* ethos-forms-page-edit.c */
void _ethos_forms_page_class_init_edit    (GtkWidgetClass *widget_class);
void _ethos_forms_page_edit_dispose       (EthosFormsPage *self);
void _ethos_forms_page_update_edit_actions (EthosFormsPage *self);

/* ethos-forms-page-actions.c */
void _ethos_forms_page_class_init_actions (GtkWidgetClass *widget_class);
void _ethos_forms_page_update_actions     (EthosFormsPage *self);
void _ethos_forms_page_toast              (EthosFormsPage *self,
                                           const char     *text);
/* The window the page is in, or NULL. */
GtkWindow *_ethos_forms_page_parent_window (EthosFormsPage *self);
/* A message dialog: @heading, then @error's message. */
void _ethos_forms_page_show_error         (EthosFormsPage *self,
                                           const char     *heading,
                                           const GError   *error);

G_END_DECLS
