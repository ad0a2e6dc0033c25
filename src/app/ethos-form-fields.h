/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-form.h"
#include "ethos-template.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_FORM_FIELDS (ethos_form_fields_get_type ())

G_DECLARE_FINAL_TYPE (EthosFormFields, ethos_form_fields, ETHOS, FORM_FIELDS, GtkWidget)

/* The fields of one form, made from its template: a row per field in the
 * UI's language (the form's language governs only the printed form), grouped
 * for the reader, checked by the core as they are typed and worded here when
 * the user leaves a field. Values live in memory only (ethos_form_fields_clear
 * forgets them). "changed" is emitted on every change of a value. */
EthosFormFields *ethos_form_fields_new          (EthosTemplate   *tmpl,
                                                 const char      *ui_lang);
EthosFormValues *ethos_form_fields_get_values   (EthosFormFields *self);
/* Fills the fields that are empty from @defaults (agency profile, the
 * professional's remembered name); they stay editable. */
void             ethos_form_fields_set_defaults (EthosFormFields *self,
                                                 GHashTable      *defaults);
/* Shows every problem (and every required field still empty unless
 * @allow_missing); TRUE when there is none. Focuses the first field with a
 * problem. */
gboolean         ethos_form_fields_validate     (EthosFormFields *self,
                                                 gboolean         allow_missing);
/* Forgets every value typed and fills the defaults again. */
void             ethos_form_fields_clear        (EthosFormFields *self);
/* For tests and the window: the editable widget of a field (an AdwEntryRow,
 * GtkTextView, GtkSwitch or AdwComboRow), its row and its message. */
GtkWidget       *ethos_form_fields_get_editable (EthosFormFields *self,
                                                 const char      *field);
GtkWidget       *ethos_form_fields_get_row      (EthosFormFields *self,
                                                 const char      *field);
const char      *ethos_form_fields_get_message  (EthosFormFields *self,
                                                 const char      *field);
/* Sets a field as if typed (the text of an entry, "true" for a switch…). */
void             ethos_form_fields_set_text     (EthosFormFields *self,
                                                 const char      *field,
                                                 const char      *text);

G_END_DECLS
