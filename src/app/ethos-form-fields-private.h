/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ethos-form-fields.h"

G_BEGIN_DECLS

/* Shared by ethos-form-fields.c (values, messages, defaults) and
 * ethos-form-fields-rows.c (the rows and their widgets). */
typedef struct
{
  EthosFormFields   *self;
  const EthosField  *field;
  GtkWidget         *row;
  GtkWidget         *editable;
  GtkWidget         *message_row;
  GtkLabel          *message;
  GtkWidget         *required_label;
  EthosValueProblem  problem;
  gboolean           missing_shown;   /* "is required" is on show */
  gboolean           left;            /* the user has left the field once */
  gboolean           showing_calendar;
} Field;

struct _EthosFormFields
{
  GtkWidget        parent_instance;

  GtkBox          *box;
  EthosTemplate   *tmpl;
  const char      *ui_lang;
  EthosFormValues *values;
  GHashTable      *defaults;   /* field → value */
  GPtrArray       *fields;     /* Field, in the template's order */
  gboolean         filling;    /* setting texts from code: no "changed" per field */
};

const char *_ethos_form_fields_label_of        (Field           *f);
/* A value typed or chosen in a row: the core checks and stores it. */
void        _ethos_form_fields_store_value     (Field           *f,
                                                const char      *text);
void        _ethos_form_fields_refresh_message (Field           *f);
/* One row per field of the template, in groups, into self->box. */
void        _ethos_form_fields_build           (EthosFormFields *self);

G_END_DECLS
