/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ethos-codes-view.h"
#include "ethos-forms-page.h"
#include "ethos-history.h"
#include "ethos-window.h"

G_BEGIN_DECLS

/* The window is a shell: a view stack holding the Codes view and the Forms
 * view, the toasts, and the history that covers both. */
struct _EthosWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  EthosCodesView       *codes_view;
  AdwBin               *forms_bin;
  AdwViewSwitcherBar   *switcher_bar;
  GMenuModel           *primary_menu;
  EthosFormsPage       *forms_page;    /* made after the first frame; owned by forms_bin */
  guint                 prepare_tick;  /* the first frame, then ... */
  guint                 prepare_idle;  /* ... the Forms view made once the window is idle */

  GSettings            *settings;
  EthosCorpus          *corpus;        /* not owned: the application holds it */
  EthosUserDb          *user_db;       /* not owned; NULL when it cannot be opened */
  EthosHistory         *history;
  char                 *view_name;     /* the view shown, to record it when left */
};

void            _ethos_window_toast          (EthosWindow *self,
                                              const char  *message);

/* ethos-window-forms.c */
void            _ethos_window_forms_setup    (EthosWindow *self);
/* "NOHS Standard 3 — Ethos", "Informed Consent for Services — Ethos". */
void            _ethos_window_update_title   (EthosWindow *self);
void            _ethos_window_forms_dispose  (EthosWindow *self);
EthosFormsPage *_ethos_window_show_forms     (EthosWindow *self);

G_END_DECLS
