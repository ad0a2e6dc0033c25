/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The requirements a template must cover (data/templates/requirements.json):
 * each required standard split into elements with ids ("nohs-2#withdraw")
 * and a one-line text. */

typedef struct
{
  char       *id;            /* "nohs-2#withdraw" */
  char       *standard;      /* "nohs 2" */
  char       *text;          /* English */
  char       *when;          /* NULL or a condition */
  GHashTable *translations;  /* language → text */
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosRequirements, ethos_requirements_free)

G_END_DECLS
