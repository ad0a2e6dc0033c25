/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-agency-profile.h"
#include "ethos-form-fields.h"
#include "ethos-form-job.h"
#include "ethos-form-preview.h"
#include "ethos-requirements.h"
#include "ethos-template-store.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_FORM_FILL (ethos_form_fill_get_type ())

G_DECLARE_FINAL_TYPE (EthosFormFill, ethos_form_fill, ETHOS, FORM_FILL, GtkWidget)

/* Filling one form for one client: the form's options (language, paper,
 * blank), its fields, the wording of its unlocked clauses for this form,
 * and the live preview beside them (one pane at a time on a narrow window).
 * Print and Export go through the shared pipeline (@job). Everything typed
 * stays in memory and goes with the page (or Clear Form). */
EthosFormFill   *ethos_form_fill_new            (EthosFormJob       *job,
                                                 EthosTemplateSource source,
                                                 EthosRequirements  *reqs,
                                                 GSettings          *settings,
                                                 const char         *ui_lang);
EthosTemplate   *ethos_form_fill_get_template   (EthosFormFill      *self);
EthosFormJob    *ethos_form_fill_get_job        (EthosFormFill      *self);
AdwLeaflet      *ethos_form_fill_get_leaflet    (EthosFormFill      *self);
gboolean         ethos_form_fill_is_showing_preview (EthosFormFill  *self);
EthosFormFields *ethos_form_fill_get_fields     (EthosFormFill      *self);
EthosFormPreview *ethos_form_fill_get_preview   (EthosFormFill      *self);

/* The request Print and Export use now (language, paper, blank, rewording). */
void             ethos_form_fill_get_request    (EthosFormFill      *self,
                                                 EthosFormRequest   *request);
const char      *ethos_form_fill_get_lang       (EthosFormFill      *self);
void             ethos_form_fill_set_lang       (EthosFormFill      *self,
                                                 const char         *lang);
void             ethos_form_fill_set_paper      (EthosFormFill      *self,
                                                 EthosPaper          paper);
void             ethos_form_fill_set_blank      (EthosFormFill      *self,
                                                 gboolean            blank);
void             ethos_form_fill_set_large_print (EthosFormFill     *self,
                                                 gboolean            large_print);
/* This form's own wording of an unlocked clause in the form's language
 * (NULL: the template's). FALSE with @error when the core refuses it. */
gboolean         ethos_form_fill_set_reworded   (EthosFormFill      *self,
                                                 const char         *clause_id,
                                                 const char         *text,
                                                 GError            **error);
/* The agency profile changed: the form's defaults follow (fields still
 * holding the old default take the new one), and the preview. */
void             ethos_form_fill_set_agency     (EthosFormFill            *self,
                                                 const EthosAgencyProfile *profile);
/* Lays the preview out now instead of at the next idle moment. */
void             ethos_form_fill_update_now     (EthosFormFill      *self);

/* Writes the form as a PDF or the accessible HTML file (NOHS 10). */
gboolean         ethos_form_fill_write          (EthosFormFill      *self,
                                                 const char         *path,
                                                 EthosFormFormat     format,
                                                 GError            **error);
/* The file name offered in the save dialog: never client data. */
char            *ethos_form_fill_suggest_name   (EthosFormFill      *self);
char            *ethos_form_fill_suggest_file_name (EthosFormFill   *self,
                                                 EthosFormFormat     format);
/* Forgets everything typed for this client, rewordings included. */
void             ethos_form_fill_clear          (EthosFormFill      *self);
void             ethos_form_fill_focus_first_field (EthosFormFill   *self);
/* Pane shown on a folded window. */
void             ethos_form_fill_show_preview   (EthosFormFill      *self,
                                                 gboolean            preview);
gboolean         ethos_form_fill_is_folded      (EthosFormFill      *self);
/* The elements the template leaves uncovered (empty when none). */
const char * const *ethos_form_fill_get_uncovered (EthosFormFill    *self);
/* For tests: the wording rows' Edit button of a clause (NULL if locked). */
GtkWidget       *ethos_form_fill_get_edit_button (EthosFormFill     *self,
                                                 const char         *clause_id);
GtkWidget       *ethos_form_fill_get_warning    (EthosFormFill      *self);

G_END_DECLS
