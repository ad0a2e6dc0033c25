/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ethos-form-fill.h"

G_BEGIN_DECLS

/* The fill page's state, shared by ethos-form-fill.c (fields, options,
 * preview, writing) and ethos-form-fill-wording.c (the clauses' wording
 * reworded for one form). */
struct _EthosFormFill
{
  GtkWidget            parent_instance;

  /* template */
  AdwLeaflet          *leaflet;
  GtkWidget           *fields_pane;
  GtkBox              *fields_box;
  GtkWidget           *preview_pane;
  AdwComboRow         *lang_row;
  AdwComboRow         *paper_row;
  GtkSwitch           *blank_switch;
  GtkSwitch           *large_switch;
  GtkRevealer         *notice_revealer;
  GtkLabel            *notice_label;
  AdwPreferencesGroup *wording_group;
  GtkRevealer         *warning_revealer;
  GtkLabel            *warning_label;
  EthosFormPreview    *preview;

  EthosFormJob        *job;
  EthosTemplateSource  source;
  EthosFormFields     *fields;
  GSettings           *settings;
  const char          *ui_lang;
  GStrv                uncovered;
  GHashTable          *reworded;     /* lang → (clause id → text) */
  GHashTable          *edit_buttons; /* clause id → GtkWidget (borrowed) */
  GHashTable          *clause_rows;  /* clause id → AdwActionRow (borrowed) */
  char                *lang;
  EthosPaper           paper;
  gboolean             blank;
  gboolean             large_print;
  gboolean             clearing;
  guint                relayout_id;
};

/* ethos-form-fill.c */
/* Lays the form out again once the main loop is idle. */
void        _ethos_form_fill_queue_relayout     (EthosFormFill *self);

/* ethos-form-fill-wording.c */
/* The clauses reworded for this form in @lang (clause id → text); made
 * when @create, else NULL while none is. */
GHashTable *_ethos_form_fill_reworded_for       (EthosFormFill *self,
                                                 const char    *lang,
                                                 gboolean       create);
/* The "Wording" group: a row per clause shown, with its Edit button. */
void        _ethos_form_fill_build_wording      (EthosFormFill *self);
void        _ethos_form_fill_update_clause_rows (EthosFormFill *self);

G_END_DECLS
