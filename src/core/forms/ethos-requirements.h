/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-condition.h"

G_BEGIN_DECLS

/* The requirements a template must cover (data/templates/requirements.json):
 * each required standard split into elements with ids ("nohs-2#withdraw")
 * and a one-line text. */

/* Where a group of elements comes from: one of the ethics codes, a
 * regulation (HIPAA, 42 CFR Part 2) or a practice guideline. Only code
 * standards are linked into the codes. */
typedef enum
{
  ETHOS_SOURCE_CODE,
  ETHOS_SOURCE_REGULATION,
  ETHOS_SOURCE_PRACTICE,
} EthosSourceKind;

typedef struct
{
  char            *ref;      /* "nohs 2", "hipaa 164.508", "practice" */
  EthosSourceKind  kind;
  char            *title;    /* NULL for a code standard (the corpus names it) */
  GHashTable      *title_translations; /* language → title; may be empty */
} EthosStandard;

typedef struct
{
  char           *id;            /* "nohs-2#withdraw" */
  char           *standard;      /* "nohs 2" */
  char           *text;          /* English */
  EthosCondition *when;          /* NULL: always applies */
  GHashTable     *translations;  /* language → text */
  guint           since;         /* the requirements version that added it */
  gboolean        needs_clause;  /* a locked clause must satisfy it (default) */
  GStrv           signatures;    /* roles of which one must sign whenever it applies; may be empty */
  GStrv           fields;        /* fields a locked clause must print whenever it applies */
} EthosElement;

/* The element's text in @lang when translated, else the English text. */
const char        *ethos_element_get_text         (const EthosElement *element,
                                                   const char         *lang);

typedef struct _EthosRequirements EthosRequirements;

EthosRequirements *ethos_requirements_load        (const char         *path,
                                                   GError            **error);
void               ethos_requirements_free        (EthosRequirements  *reqs);
/* Elements of one standard ("nohs 2"), in file order; NULL if unknown. */
GPtrArray         *ethos_requirements_get_standard (EthosRequirements *reqs,
                                                   const char         *standard);
const EthosElement *ethos_requirements_get_element (EthosRequirements *reqs,
                                                   const char         *id);
/* The standard or checklist @ref ("nohs 2", "hipaa 164.508"); NULL if unknown. */
const EthosStandard *ethos_requirements_get_source (EthosRequirements *reqs,
                                                   const char         *ref);
/* Every standard and checklist ref, in file order, NULL-terminated. */
const char * const *ethos_requirements_list_standards (EthosRequirements *reqs);
/* The file's "version": raised whenever elements are added. */
guint              ethos_requirements_get_version (EthosRequirements *reqs);
/* The standard's title in @lang (else English); NULL for a code standard. */
const char        *ethos_standard_get_title       (const EthosStandard *standard,
                                                   const char         *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosRequirements, ethos_requirements_free)

G_END_DECLS
