/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ethos-template-store.h"
#include "ethos-template.h"

G_BEGIN_DECLS

/* The words the Forms view shows about a template: in which language,
 * where it comes from, which standards it answers to and how well. */

/* "es" when the user's first language is Spanish, else "en". */
const char *ethos_forms_ui_language     (void);
/* @text in @lang, else English, else the template's first language. */
const char *ethos_forms_text            (const EthosTemplate *tmpl,
                                         EthosLangText       *text,
                                         const char          *lang);
/* "Built-in", "System", "Shared folder", "Agency". */
const char *ethos_forms_source_label    (EthosTemplateSource  source);
/* "English, Spanish". */
char       *ethos_forms_languages_label (const EthosTemplate *tmpl);
/* "NOHS" for "nohs", "Coaching" for "coaching". */
char       *ethos_forms_code_label      (const char          *code);
/* Splits "nohs 2" into "nohs" and "2". */
gboolean    ethos_forms_split_standard  (const char          *standard,
                                         char               **code,
                                         char               **ref);
/* "NOHS 2, 3, 8, 9 · Coaching 1.11". */
char       *ethos_forms_requires_label  (const EthosTemplate *tmpl);
/* "All 23 required elements covered" or "2 elements not covered". */
char       *ethos_forms_coverage_label  (guint                n_elements,
                                         guint                n_uncovered);
/* "Only when: Services are mandated", with the field's label. */
char       *ethos_forms_condition_label (const EthosTemplate  *tmpl,
                                         const EthosCondition *when,
                                         const char           *lang);

/* Where a save dialog opens: the user's Documents folder, else home. */
GFile      *ethos_forms_documents_folder (void);

G_END_DECLS
