/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-document.h"
#include "ethos-fonts.h"
#include "ethos-form.h"
#include "ethos-layout.h"
#include "ethos-template.h"

G_BEGIN_DECLS

/* The pipeline every way of producing a form goes through — ethos-cli
 * generate and batch, the window's preview, Print and Export:
 *
 *   values + agency defaults → document (ethos_form_build) → layout
 *
 * and then a painter (libharu: src/pdf; cairo: src/cairo). A job holds what
 * is loaded once for many forms: a reference to the template, the fonts,
 * the agency's default values and logo, the footer's code labels.
 *
 * A job is used by one thread at a time. Work in another thread takes
 * ethos_form_job_dup(): the same settings with fonts of its own (FreeType
 * faces are not shared across threads) and its own reference to the
 * template, so a store reloading in the meantime cannot pull it away. */

typedef struct _EthosFormJob EthosFormJob;

/* What varies from one form to the next. */
typedef struct
{
  const char  *lang;          /* NULL: "en" */
  EthosPaper   paper;
  gboolean     blank;         /* see EthosFormOptions */
  gboolean     preview;
  GHashTable  *reworded;
  GDate       *today;         /* NULL: the current local date */
} EthosFormRequest;

EthosFormJob        *ethos_form_job_new            (EthosTemplate        *tmpl,
                                                    GError              **error);
EthosFormJob        *ethos_form_job_dup            (EthosFormJob         *job,
                                                    GError              **error);
EthosFormJob        *ethos_form_job_ref            (EthosFormJob         *job);
void                 ethos_form_job_unref          (EthosFormJob         *job);

EthosTemplate       *ethos_form_job_get_template   (EthosFormJob         *job);
EthosFonts          *ethos_form_job_get_fonts      (EthosFormJob         *job);
/* Field values every form starts from (the agency profile); copied. */
void                 ethos_form_job_set_defaults   (EthosFormJob         *job,
                                                    GHashTable           *defaults);
GHashTable          *ethos_form_job_get_defaults   (EthosFormJob         *job);
/* The letterhead's logo; copied. NULL for none. */
void                 ethos_form_job_set_logo       (EthosFormJob         *job,
                                                    const EthosImage     *logo);
/* "nohs" → "NOHS 2024" for the footer; copied. */
void                 ethos_form_job_set_code_labels (EthosFormJob        *job,
                                                    GHashTable           *labels);

/* A laid-out form: the document and its pages. It keeps the job (and so
 * the fonts its ops point into) alive. */
typedef struct _EthosFormPages EthosFormPages;

/* Fills a copy of @values with the defaults (a value typed wins), builds
 * the document and lays it out. @values itself is not changed. Errors are
 * those of ethos_form_values_set_defaults, ethos_form_build and
 * ethos_layout_new. */
EthosFormPages      *ethos_form_job_lay_out        (EthosFormJob           *job,
                                                    EthosFormValues        *values,
                                                    const EthosFormRequest *request,
                                                    GError                **error);

EthosDocument       *ethos_form_pages_get_document (EthosFormPages       *pages);
EthosLayout         *ethos_form_pages_get_layout   (EthosFormPages       *pages);
void                 ethos_form_pages_free         (EthosFormPages       *pages);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosFormJob, ethos_form_job_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosFormPages, ethos_form_pages_free)

G_END_DECLS
