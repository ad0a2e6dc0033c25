/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-requirements.h"
#include "ethos-template.h"

G_BEGIN_DECLS

/* Coverage: for each element of each required standard (or checklist),
 * what in the template carries it — clauses, signature blocks, fields. */

typedef enum
{
  ETHOS_COVERAGE_COVERED,    /* locked clauses (and blocks, fields) carry it whenever it applies */
  ETHOS_COVERAGE_UNCOVERED,  /* something it needs is missing: an error */
  ETHOS_COVERAGE_UNLOCKED,   /* only unlocked clauses carry it: a counselor could reword it
                              * away; an error */
  ETHOS_COVERAGE_NEW,        /* uncovered or unlocked, but added to requirements.json after
                              * the version the template was checked against: a warning */
} EthosCoverageStatus;

typedef struct
{
  const EthosElement  *element;
  EthosCoverageStatus  status;
  GStrv                clauses;   /* covering clause ids; empty unless COVERED */
  GStrv                unlocked;  /* UNLOCKED (or NEW): the unlocked clauses that carry it */
  char                *problem;   /* NULL when COVERED; else what is missing, translated */
} EthosCoverageEntry;

GPtrArray         *ethos_coverage_check           (const EthosTemplate *tmpl,
                                                   EthosRequirements  *reqs);
void               ethos_coverage_entry_free      (EthosCoverageEntry *entry);
/* The element ids that are errors (UNCOVERED, UNLOCKED), NULL-terminated
 * (empty when the template passes). */
GStrv              ethos_coverage_uncovered       (GPtrArray          *coverage);
/* The element ids new since the template's requirements version (NEW). */
GStrv              ethos_coverage_new_elements    (GPtrArray          *coverage);
const char        *ethos_coverage_status_to_string (EthosCoverageStatus status);

G_END_DECLS
