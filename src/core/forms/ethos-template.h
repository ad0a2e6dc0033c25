/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-condition.h"
#include "ethos-requirements.h"
#include "ethos-template-limits.h"

G_BEGIN_DECLS

/* Consent-form templates. One format
 * for built-in, agency, imported and exported templates: see
 * data/templates/README.md. */

typedef enum
{
  ETHOS_FIELD_TEXT,
  ETHOS_FIELD_MULTILINE,
  ETHOS_FIELD_DATE,
  ETHOS_FIELD_BOOL,
  ETHOS_FIELD_CHOICE,
} EthosFieldType;

/* Language objects map a language code ("en") to text. */
typedef GHashTable EthosLangText;

typedef struct
{
  char          *id;
  EthosLangText *label;
} EthosChoice;

typedef struct
{
  char           *id;
  EthosFieldType  type;
  gboolean        required;
  EthosLangText  *label;
  GPtrArray      *choices;   /* EthosChoice; empty unless type is CHOICE */
  EthosCondition *when;      /* NULL: always needed; else needed only when it holds */
} EthosField;

typedef struct
{
  char          *id;
  gboolean       locked;
  gboolean       hidden;     /* kept in the template, never printed (format 2) */
  EthosCondition *when;      /* NULL: always printed */
  GStrv          satisfies;  /* element ids */
  EthosLangText *heading;
  EthosLangText *body;
} EthosClause;

typedef struct
{
  char           *role;      /* client, guardian1, guardian2, assent, professional, witness,
                              * sponsor */
  EthosCondition *when;      /* NULL: always printed */
} EthosSignatureDef;

typedef struct
{
  gatomicrefcount ref_count;
  guint          format;     /* 1 or 2, as read; exported as the lowest that can hold it */
  guint          requirements_version; /* requirements.json version it was checked against */
  char          *id;
  char          *version;    /* "MAJOR.MINOR" */
  GStrv          languages;
  EthosLangText *title;
  GStrv          requires;   /* "nohs 2", "coaching 1.11", "hipaa 164.508" */
  GStrv          code_ids;   /* the ethics codes among them, in order: "nohs", "coaching" */
  GPtrArray     *fields;     /* EthosField */
  GPtrArray     *clauses;    /* EthosClause */
  GPtrArray     *signatures; /* EthosSignatureDef */
} EthosTemplate;

/* The newest template format Ethos reads and writes. */
#define ETHOS_TEMPLATE_FORMAT 2

/* Parses and validates a template. @source names it in errors (a path, or
 * "import"). @data may be NULL to read @source as a file. */
EthosTemplate     *ethos_template_load            (const char         *source,
                                                   const char         *data,
                                                   gsize               length,
                                                   EthosRequirements  *reqs,
                                                   GError            **error);
/* The template editor's automatic draft (ethos_template_to_json of a
 * template being edited): the same checks, except that a text may still be
 * empty, a placeholder may still be wrong and there may be no clause yet —
 * what the editor marks and Save refuses. */
EthosTemplate     *ethos_template_load_draft      (const char         *source,
                                                   const char         *data,
                                                   gsize               length,
                                                   EthosRequirements  *reqs,
                                                   GError            **error);
char              *ethos_template_to_json         (const EthosTemplate *tmpl);
/* Templates are reference counted, so that a form being filled or a batch
 * in a thread keeps its template while the store reloads. _free is _unref. */
EthosTemplate     *ethos_template_ref             (EthosTemplate      *tmpl);
void               ethos_template_unref           (EthosTemplate      *tmpl);
void               ethos_template_free            (EthosTemplate      *tmpl);

const EthosField  *ethos_template_get_field       (const EthosTemplate *tmpl,
                                                   const char         *id);
const EthosClause *ethos_template_get_clause      (const EthosTemplate *tmpl,
                                                   const char         *id);
gboolean           ethos_template_has_language    (const EthosTemplate *tmpl,
                                                   const char         *lang);
/* Checks a clause body written outside a template file (a per-form
 * rewording, the editor): valid UTF-8, at most ETHOS_TEMPLATE_MAX_BODY_CHARS,
 * placeholders naming fields of @tmpl. ETHOS_ERROR_INVALID_DATA otherwise. */
gboolean           ethos_template_check_text      (const EthosTemplate *tmpl,
                                                   const char         *clause_id,
                                                   const char         *text,
                                                   GError            **error);
const char        *ethos_lang_text_get            (EthosLangText      *text,
                                                   const char         *lang);
const char        *ethos_field_type_to_string     (EthosFieldType      type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosTemplate, ethos_template_free)

G_END_DECLS
