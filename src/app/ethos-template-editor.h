/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-agency-profile.h"
#include "ethos-corpus.h"
#include "ethos-template-store.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_TEMPLATE_EDITOR (ethos_template_editor_get_type ())

G_DECLARE_FINAL_TYPE (EthosTemplateEditor, ethos_template_editor, ETHOS, TEMPLATE_EDITOR, GtkWidget)

/* The agency manager's template editor: the clauses (add, delete,
 * duplicate, reorder by drag and drop or Alt+Up/Down, hide, lock, heading
 * and text in every language side by side, placeholders from a menu, a
 * condition from the template's fields, the requirement elements each
 * satisfies), the title, required standards, fields and signature blocks;
 * beside them the coverage, updated on every edit, and the live preview.
 * It edits a copy of an agency template through the core
 * (ethos-template-edit.h), with one undo stack (Ctrl+Z, Ctrl+Shift+Z), an
 * automatic draft and versioned saves. "closed" when Done is chosen;
 * "saved" after each save (the store has the new version). */
EthosTemplateEditor *ethos_template_editor_new          (EthosTemplateStore       *store,
                                                         EthosUserDb              *db,
                                                         EthosCorpus              *corpus,
                                                         const EthosAgencyProfile *profile,
                                                         const char               *id,
                                                         const char               *ui_lang,
                                                         GError                  **error);
const char          *ethos_template_editor_get_id       (EthosTemplateEditor      *self);
/* The template as edited now (not a copy: read it, do not change it). */
EthosTemplate       *ethos_template_editor_get_template (EthosTemplateEditor      *self);
/* Edits not yet saved as a version. */
gboolean             ethos_template_editor_is_modified  (EthosTemplateEditor      *self);
/* Shows a clause (NULL: the template's title, standards, fields and
 * signatures). */
gboolean             ethos_template_editor_select       (EthosTemplateEditor      *self,
                                                         const char               *clause_id);
/* Asks about unsaved edits (Save / Discard / Cancel), then calls @then with
 * TRUE when the editor may go (saved or discarded), FALSE on Cancel. */
typedef void (*EthosEditorDoneFunc) (EthosTemplateEditor *editor,
                                     gboolean             may_close,
                                     gpointer             user_data);
void                 ethos_template_editor_confirm_close (EthosTemplateEditor     *self,
                                                         EthosEditorDoneFunc       then,
                                                         gpointer                 user_data);
/* Saves the draft now (it is saved by itself a few seconds after an edit). */
gboolean             ethos_template_editor_save_draft   (EthosTemplateEditor      *self,
                                                         GError                  **error);
/* Save's last step, without asking: a minor or major version. FALSE with
 * @error naming what is missing when the template cannot be saved. */
gboolean             ethos_template_editor_save         (EthosTemplateEditor      *self,
                                                         gboolean                  major,
                                                         GError                  **error);
/* Export's last step, without the file chooser. */
gboolean             ethos_template_editor_export_to    (EthosTemplateEditor      *self,
                                                         GFile                    *file,
                                                         GError                  **error);
/* Lays out the preview and the coverage now, instead of after a pause. */
void                 ethos_template_editor_refresh_now  (EthosTemplateEditor      *self);
/* For tests: widgets by name ("heading-en", "body-es", "locked", "hidden",
 * "when", "coverage", "preview", "problems", "draft", "clauses") and a
 * clause's row in the list. */
GtkWidget           *ethos_template_editor_get_widget   (EthosTemplateEditor      *self,
                                                         const char               *name);
GtkWidget           *ethos_template_editor_get_row      (EthosTemplateEditor      *self,
                                                         const char               *clause_id);

G_END_DECLS
