/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ethos-coverage.h"
#include "ethos-form-job.h"
#include "ethos-form-preview.h"
#include "ethos-template-edit.h"
#include "ethos-template-editor.h"
#include "ethos-template-history.h"

G_BEGIN_DECLS

/* The editor shows at most two languages side by side: Ethos prints
 * English and Spanish. */
#define EDITOR_LANGS 2
/* A draft is saved this long after the first edit it does not hold yet:
 * a crash loses at most that much (the issue asks for at most 5 s). */
#define ETHOS_EDITOR_DRAFT_MS 2000

typedef enum
{
  EDIT_TEXT,        /* a text changed: labels, coverage, preview */
  EDIT_CLAUSE,      /* something of the shown clause (lock, condition, tags) */
  EDIT_STRUCTURE,   /* clauses, fields, standards or signatures added, removed, moved */
} EditKind;

struct _EthosTemplateEditor
{
  GtkWidget            parent_instance;

  /* template */
  GtkWidget           *root_box;
  GtkWidget           *done_button;
  GtkWidget           *save_button;
  GtkMenuButton       *menu_button;
  AdwWindowTitle      *window_title;
  GtkRevealer         *draft_revealer;
  GtkLabel            *draft_label;
  GtkRevealer         *problems_revealer;
  GtkLabel            *problems_label;
  GtkListBox          *uncovered_list;
  GtkListBox          *clause_list;
  GtkStack            *detail_stack;
  GtkStack            *side_stack;
  GtkLabel            *coverage_summary;
  GtkLabel            *reading_summary;
  GtkListBox          *coverage_list;
  GtkDropDown         *preview_lang;
  GtkDropDown         *preview_values;
  EthosFormPreview    *preview;

  /* the clause page (ethos-template-editor-clause.c) */
  GtkWidget           *clause_page;
  GtkLabel            *clause_title;
  GtkLabel            *lang_labels[EDITOR_LANGS];
  GtkWidget           *headings[EDITOR_LANGS];    /* GtkEntry */
  GtkTextView         *bodies[EDITOR_LANGS];
  GtkMenuButton       *inserts[EDITOR_LANGS];
  GtkLabel            *readings[EDITOR_LANGS];
  GtkWidget           *columns[EDITOR_LANGS];
  GtkLabel            *clause_problems;
  AdwComboRow         *when_row;
  GtkSwitch           *locked_switch;
  GtkSwitch           *hidden_switch;
  AdwPreferencesGroup *tags_group;
  GPtrArray           *tag_rows;
  GPtrArray           *conditions;                /* EthosCondition or NULL, per when_row item */

  /* the template page (ethos-template-editor-details.c) */
  GtkWidget           *details_page;
  GtkWidget           *titles[EDITOR_LANGS];
  GtkWidget           *title_columns[EDITOR_LANGS];
  AdwPreferencesGroup *standards_group;
  AdwPreferencesGroup *fields_group;
  AdwPreferencesGroup *signatures_group;
  GtkLabel            *details_reading;
  GPtrArray           *details_rows;              /* rows rebuilt with the template */

  EthosTemplateStore  *store;                     /* not owned */
  EthosUserDb         *db;                        /* not owned */
  EthosCorpus         *corpus;                    /* not owned */
  EthosAgencyProfile  *profile;                   /* a copy, or NULL */
  GHashTable          *code_labels;               /* the footer's, read once */
  const char          *ui_lang;
  char                *id;
  EthosTemplate       *tmpl;
  EthosTemplateHistory *history;
  char                *saved_json;                /* the version in use */
  EthosFormJob        *job;                       /* the preview's, for @tmpl */
  GPtrArray           *coverage;                  /* EthosCoverageEntry, of @tmpl */
  char                *selected;                  /* clause id, or NULL: the template page */
  guint                refresh_id;
  guint                draft_id;
  gboolean             loading;                   /* widgets being filled from @tmpl */
  gboolean             draft_offered;
};

/* ethos-template-editor.c */
void  _ethos_template_editor_record     (EthosTemplateEditor *self,
                                         const char          *group);
void  _ethos_template_editor_changed    (EthosTemplateEditor *self,
                                         EditKind             kind);
void  _ethos_template_editor_toast      (EthosTemplateEditor *self,
                                         const char          *text,
                                         const char          *action);
GtkWindow *_ethos_template_editor_window (EthosTemplateEditor *self);
/* Undo, redo, a restored draft: @tmpl (owned) is the template now. */
void  _ethos_template_editor_replace    (EthosTemplateEditor *self,
                                         EthosTemplate       *tmpl);
/* "saved" (@saved) or "closed". */
void  _ethos_template_editor_emit       (EthosTemplateEditor *self,
                                         gboolean             saved);
void  _ethos_template_editor_show_error (EthosTemplateEditor *self,
                                         const char          *heading,
                                         const GError        *error);
/* "Only when “Guardian 1 name” is filled in": the condition choices. */
char *_ethos_template_editor_condition_label (EthosTemplateEditor  *self,
                                         const EthosCondition *when);
/* The choices for a condition among the template's fields: a string list
 * and, in @conditions, the EthosCondition of each (NULL: always); @current
 * is added when it is not one of them. Returns the index of @current. */
guint _ethos_template_editor_condition_choices (EthosTemplateEditor  *self,
                                         const EthosCondition *current,
                                         GtkStringList        *names,
                                         GPtrArray            *conditions);

/* ethos-template-editor-list.c */
void  _ethos_editor_list_rebuild        (EthosTemplateEditor *self);
void  _ethos_editor_list_update         (EthosTemplateEditor *self);
void  _ethos_editor_list_select         (EthosTemplateEditor *self);

/* ethos-template-editor-clause.c */
void  _ethos_editor_clause_init         (EthosTemplateEditor *self);
void  _ethos_editor_clause_show         (EthosTemplateEditor *self);
/* @problems: the template's (ethos_template_get_problems), or NULL to
 * find them. */
void  _ethos_editor_clause_refresh      (EthosTemplateEditor *self,
                                         GPtrArray           *problems);
void  _ethos_editor_clause_class_init   (GtkWidgetClass      *widget_class);

/* ethos-template-editor-details.c */
void  _ethos_editor_details_init        (EthosTemplateEditor *self);
void  _ethos_editor_details_show        (EthosTemplateEditor *self);
void  _ethos_editor_details_class_init  (GtkWidgetClass      *widget_class);

/* ethos-template-editor-field.c */
char *_ethos_editor_field_type_summary  (EthosTemplateEditor *self,
                                         const EthosField    *field);
void  _ethos_editor_field_class_init    (GtkWidgetClass      *widget_class);

/* ethos-template-editor-side.c: the coverage panel, the clause list's
 * marks, the preview. */
void  _ethos_editor_side_init           (EthosTemplateEditor *self);
void  _ethos_editor_side_refresh        (EthosTemplateEditor *self,
                                         GPtrArray           *problems);
void  _ethos_editor_side_set_template   (EthosTemplateEditor *self);

/* ethos-template-editor-actions.c */
void  _ethos_editor_actions_class_init  (GtkWidgetClass      *widget_class);
void  _ethos_editor_update_actions      (EthosTemplateEditor *self);

/* ethos-template-editor-versions.c */
void  _ethos_editor_versions_class_init (GtkWidgetClass      *widget_class);
void  _ethos_editor_offer_draft         (EthosTemplateEditor *self);

G_END_DECLS
