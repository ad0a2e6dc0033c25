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

typedef enum
{
  ETHOS_FORM_PDF,    /* src/pdf: ethos_pdf_write_form() */
  ETHOS_FORM_HTML,   /* one self-contained, accessible HTML file (ethos-form-html.h) */
} EthosFormFormat;

/* What varies from one form to the next. */
typedef struct
{
  const char  *lang;          /* NULL: "en" */
  EthosPaper   paper;
  gboolean     blank;         /* see EthosFormOptions */
  gboolean     preview;
  GHashTable  *reworded;
  GDate       *today;         /* NULL: the current local date */
  gboolean     large_print;   /* body 18 pt: see EthosFormOptions */
  EthosFormFormat format;     /* what ethos_pdf_write_form() and _batch() write */
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
/* Default values for forms in @lang (the agency's Spanish fees); copied. A
 * form takes its language's, then the plain defaults, then another
 * language's, then ethos_agency_builtin_defaults(). */
void                 ethos_form_job_set_lang_defaults (EthosFormJob      *job,
                                                    const char           *lang,
                                                    GHashTable           *defaults);
/* The letterhead's logo; copied. NULL for none. */
void                 ethos_form_job_set_logo       (EthosFormJob         *job,
                                                    const EthosImage     *logo);
/* The form language and paper the agency prefers ("es", "a4"; NULL for
 * none, and anything else is ignored). A counselor's own choice wins. */
void                 ethos_form_job_set_preferred  (EthosFormJob         *job,
                                                    const char           *lang,
                                                    const char           *paper);
const char          *ethos_form_job_get_preferred_language (EthosFormJob *job);
gboolean             ethos_form_job_get_preferred_paper (EthosFormJob    *job,
                                                    EthosPaper           *paper);
/* "nohs" → "NOHS 2024" for the footer; copied. */
void                 ethos_form_job_set_code_labels (EthosFormJob        *job,
                                                    GHashTable           *labels);

/* Fills a copy of @values with the defaults and builds the document, with
 * no layout (the HTML writer needs none). */
EthosDocument       *ethos_form_job_build          (EthosFormJob           *job,
                                                    EthosFormValues        *values,
                                                    const EthosFormRequest *request,
                                                    GError                **error);

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
