/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ethos-coverage-report.h"
#include "ethos-form-fill.h"
#include "ethos-forms-page.h"
#include "ethos-template-store.h"

G_BEGIN_DECLS

struct _EthosFormsPage
{
  GtkWidget             parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
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
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *problems_box;
  GtkLabel             *problems_title;
  GtkLabel             *problems_label;
  GtkListBox           *list;
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
  const char           *lang;
  char                 *shown_id;
  gboolean              showing_coverage;
  guint                 sync_id;
  char                 *last_export_uri;
  GFile                *last_folder;    /* where the last form was exported */
  GtkPrintSettings     *print_settings; /* the print dialog as it was last left */
};

/* ethos-forms-page-actions.c */
void _ethos_forms_page_class_init_actions (GtkWidgetClass *widget_class);
void _ethos_forms_page_update_actions     (EthosFormsPage *self);
void _ethos_forms_page_toast              (EthosFormsPage *self,
                                           const char     *text);

G_END_DECLS
