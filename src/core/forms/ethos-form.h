/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-document.h"
#include "ethos-template.h"

G_BEGIN_DECLS

/* Filling a template: validated, normalized values, and the document they
 * make. Values never go anywhere but the document (no logs, no metadata). */

typedef struct _EthosFormValues EthosFormValues;

/* The agency profile's fields: default values for every form. */
extern const char * const ethos_agency_fields[];
/* Defaults for agency fields no profile has set (crisis line 988,
 * emergency number 911, reconnect time), in @lang: a new table. */
GHashTable      *ethos_agency_builtin_defaults (const char     *lang);
/* TRUE for the languages forms can be printed in ("en", "es"). */
gboolean         ethos_form_language_is_supported (const char  *lang);

EthosFormValues *ethos_form_values_new       (const EthosTemplate *tmpl);
void             ethos_form_values_free      (EthosFormValues     *values);
/* Checks @value against the field's type and stores it normalized (NFC;
 * booleans as "true"/"false"; dates as YYYY-MM-DD). An empty value unsets.
 * Unknown field: ETHOS_ERROR_NOT_FOUND; bad value: ETHOS_ERROR_INVALID_DATA. */
gboolean         ethos_form_values_set       (EthosFormValues     *values,
                                              const char          *field,
                                              const char          *value,
                                              GError             **error);
/* What is wrong with a value, for a window to say it in the field's words. */
typedef enum
{
  ETHOS_VALUE_OK,
  ETHOS_VALUE_UNKNOWN_FIELD,
  ETHOS_VALUE_NOT_TEXT,              /* not UTF-8 */
  ETHOS_VALUE_TOO_LONG,
  ETHOS_VALUE_NOT_ONE_LINE,
  ETHOS_VALUE_INVISIBLE_CHARACTER,   /* control or format characters */
  ETHOS_VALUE_NOT_A_DATE,
  ETHOS_VALUE_NO_SUCH_DATE,          /* written as a date, not on the calendar (1991-02-31) */
  ETHOS_VALUE_NOT_A_BOOLEAN,
  ETHOS_VALUE_NOT_A_CHOICE,
} EthosValueProblem;

/* ethos_form_values_set(), also saying what kind of problem it refused. */
gboolean         ethos_form_values_set_full  (EthosFormValues     *values,
                                              const char          *field,
                                              const char          *value,
                                              EthosValueProblem   *problem,
                                              GError             **error);
const char      *ethos_form_values_get       (EthosFormValues     *values,
                                              const char          *field);
/* The required fields without a value, in the template's order. */
GStrv            ethos_form_values_get_missing (EthosFormValues   *values);
/* A date as a person types it — ISO "2014-05-05" or the locale's own order
 * ("05/05/2014" in the US, "5/5/2014" in Spain), year written out — as
 * YYYY-MM-DD; NULL when it is not a date. */
char            *ethos_form_date_from_input  (const char          *text);
/* The same, saying why not: ETHOS_VALUE_NO_SUCH_DATE when @text is written
 * as a date but names a day the calendar does not have ("31/02/2012"),
 * else ETHOS_VALUE_NOT_A_DATE; ETHOS_VALUE_OK with a date. */
char            *ethos_form_date_from_input_full (const char        *text,
                                                  EthosValueProblem *problem);
/* Whether someone born on @dob (YYYY-MM-DD) is under 18 on @today; FALSE
 * when @dob is not a date. */
gboolean         ethos_form_is_minor         (const char          *dob,
                                              GDate               *today,
                                              gboolean            *minor);
/* Forgets every value. */
void             ethos_form_values_clear     (EthosFormValues     *values);
/* Sets each field the template declares and @values lacks from @defaults
 * (e.g. the agency profile); invalid defaults are an error too. */
gboolean         ethos_form_values_set_defaults (EthosFormValues  *values,
                                              GHashTable          *defaults,
                                              GError             **error);

typedef struct
{
  const char  *lang;          /* NULL: "en" */
  EthosPaper   paper;
  gboolean     blank;         /* fill-in lines for everything not from defaults */
  GDate       *today;         /* NULL: the current local date */
  GHashTable  *code_labels;   /* "nohs" → "NOHS 2024", for the footer; may be NULL */
  EthosImage  *logo;          /* borrowed; may be NULL */
  /* The window's live preview: like a filled form, but required fields still
   * empty get fill-in lines instead of an error. Print and Export never set it. */
  gboolean     preview;
  /* Clause id → body in the form's language: this one form's wording of an
   * unlocked clause (the template is not changed). A locked clause cannot be
   * reworded (ETHOS_ERROR_INVALID_DATA); the footer then says "adapted". */
  GHashTable  *reworded;
  /* Every type size scaled so that the body is 18 pt (footer at least 12 pt),
   * same page rules: for a client who needs large print. */
  gboolean     large_print;
} EthosFormOptions;

/* Builds the document. Fills in derived values first: "date" (today) on a
 * filled form, "client_is_minor" from "client_dob". */
EthosDocument   *ethos_form_build            (const EthosTemplate    *tmpl,
                                              EthosFormValues        *values,
                                              const EthosFormOptions *options,
                                              GError                **error);

/* What a person should know before printing, translated sentences (a
 * minor's form with no parent or guardian named; a release whose
 * "roi_expiry" is before the form's "date", or today). Empty when
 * nothing, and always for a blank form. */
GStrv            ethos_form_get_warnings     (const EthosTemplate    *tmpl,
                                              EthosFormValues        *values,
                                              const EthosFormOptions *options);

/* Whether the form needs @field for these values: the field's "when"
 * holds (a field without one is always needed). The window collapses the
 * fields a form does not need (guardian 2 until guardian 1 is named).
 * "client_is_minor" follows "client_dob" here as on the printed form. */
gboolean         ethos_form_values_field_needed (EthosFormValues  *values,
                                              const char          *field);

/* The footer's version stamp: "informed-consent 1.0 · NOHS 2024 · en". */
char            *ethos_form_footer_text      (const EthosTemplate *tmpl,
                                              const char          *lang,
                                              GHashTable          *code_labels,
                                              gboolean             adapted);

/* ETHOS_ERROR_NOT_FOUND, naming the template's languages, unless forms of
 * @tmpl can be printed in @lang. */
gboolean         ethos_form_check_language   (const EthosTemplate *tmpl,
                                              const char          *lang,
                                              GError             **error);

/* A copy of @values (same template). */
EthosFormValues *ethos_form_values_copy      (EthosFormValues     *values);

/* "November 23, 2026" / "23 de noviembre de 2026" from "2026-11-23". */
char            *ethos_format_date           (const char          *iso,
                                              const char          *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosFormValues, ethos_form_values_free)

G_END_DECLS
