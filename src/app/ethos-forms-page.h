/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-agency-page.h"
#include "ethos-corpus.h"
#include "ethos-form-fill.h"
#include "ethos-template-editor.h"
#include "ethos-template-store.h"
#include "ethos-user-db.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_FORMS_PAGE (ethos_forms_page_get_type ())

G_DECLARE_FINAL_TYPE (EthosFormsPage, ethos_forms_page, ETHOS, FORMS_PAGE, GtkWidget)

/* The Forms view: every consent-form template, with how well it covers the
 * standards it requires, and the coverage report of the one chosen. */
EthosFormsPage       *ethos_forms_page_new                (void);
/* The stack its header's view switcher switches; NULL before the stack
 * goes away (the switcher holds a reference on it). */
void                  ethos_forms_page_set_view_stack     (EthosFormsPage  *self,
                                                           AdwViewStack    *stack);
void                  ethos_forms_page_set_menu_model     (EthosFormsPage  *self,
                                                           GMenuModel      *menu);
AdwViewSwitcherTitle *ethos_forms_page_get_switcher_title (EthosFormsPage  *self);
/* Reads the templates and lists them; @db, @shared_dir and @corpus may be
 * NULL. Reading takes place in threads (the store with its own connection
 * to @db, then the shared folder, which may be a slow or absent network
 * share): the page shows "loading", then the templates as they are read,
 * and an unreachable share as such; when nothing can be read it says why.
 * This returns at once; it is FALSE only for bad arguments. */
gboolean              ethos_forms_page_load               (EthosFormsPage  *self,
                                                           const char      *builtin_dir,
                                                           EthosUserDb     *db,
                                                           const char      *shared_dir,
                                                           EthosCorpus     *corpus,
                                                           GError         **error);
/* Still reading (ethos_forms_page_load). */
gboolean              ethos_forms_page_is_loading         (EthosFormsPage  *self);
EthosTemplateStore   *ethos_forms_page_get_store          (EthosFormsPage  *self);
/* Forms → Agency. */
void                  ethos_forms_page_show_agency        (EthosFormsPage  *self);
EthosAgencyPage      *ethos_forms_page_get_agency_page    (EthosFormsPage  *self);
/* The template editor (NULL when none is open). Agency templates open in
 * it; built-in and deployed ones are duplicated first ("Duplicate to
 * Edit": an agency copy saved at once, version 1.0). */
EthosTemplateEditor  *ethos_forms_page_get_editor         (EthosFormsPage  *self);
EthosTemplateEditor  *ethos_forms_page_edit_template      (EthosFormsPage  *self,
                                                           const char      *id,
                                                           GError         **error);
/* Closes the editor without asking (its draft stays). */
void                  ethos_forms_page_close_editor       (EthosFormsPage  *self);
/* What Import does with the file chosen: an invalid file is said in a
 * dialog; an id in use asks (replace or import as a copy); else imported. */
void                  ethos_forms_page_import             (EthosFormsPage  *self,
                                                           const char      *path);
/* Import's steps, without the file chooser and dialogs: @as_copy imports
 * under a new id, @replace over the agency template of the same id (which
 * stays as a version). */
const EthosTemplateEntry *ethos_forms_page_import_file    (EthosFormsPage  *self,
                                                           const char      *path,
                                                           gboolean         as_copy,
                                                           gboolean         replace,
                                                           GError         **error);
/* Deletes an agency template (and can be undone from the toast). */
gboolean              ethos_forms_page_delete_template    (EthosFormsPage  *self,
                                                           const char      *id,
                                                           GError         **error);
gboolean              ethos_forms_page_undo_delete        (EthosFormsPage  *self,
                                                           GError         **error);
/* Opens a template's coverage report, as activating its row does. */
gboolean              ethos_forms_page_show_template      (EthosFormsPage  *self,
                                                           const char      *id,
                                                           GError         **error);
const char           *ethos_forms_page_get_template_id    (EthosFormsPage  *self);
/* The coverage report instead of the form ("forms.show-coverage"). */
void                  ethos_forms_page_show_coverage      (EthosFormsPage  *self,
                                                           gboolean         show);
/* Export's last step, without the file chooser (tests): writes the form
 * shown to @file and says so in a toast. */
gboolean              ethos_forms_page_export_to          (EthosFormsPage  *self,
                                                           GFile           *file,
                                                           GError         **error);
gboolean              ethos_forms_page_export_as          (EthosFormsPage  *self,
                                                           GFile           *file,
                                                           EthosFormFormat  format,
                                                           GError         **error);
/* Clear Form without asking (the action asks first). */
void                  ethos_forms_page_clear              (EthosFormsPage  *self);
/* Where the professional's name and the paper are remembered; NULL: none. */
void                  ethos_forms_page_set_settings       (EthosFormsPage  *self,
                                                           GSettings       *settings);
/* For tests: the list's row of a template, the report, the error page. */
GtkWidget            *ethos_forms_page_get_row            (EthosFormsPage  *self,
                                                           const char      *id);
GtkWidget            *ethos_forms_page_get_report         (EthosFormsPage  *self);
AdwStatusPage        *ethos_forms_page_get_error_page     (EthosFormsPage  *self);
EthosFormFill        *ethos_forms_page_get_fill           (EthosFormsPage  *self);
GtkWidget            *ethos_forms_page_get_problems       (EthosFormsPage  *self);

G_END_DECLS
