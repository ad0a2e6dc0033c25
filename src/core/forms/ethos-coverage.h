/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-requirements.h"
#include "ethos-template.h"

G_BEGIN_DECLS

/* Coverage: for each element of each required standard, the clauses that
 * cover it. */
typedef struct
{
  const EthosElement *element;
  GStrv               clauses;   /* covering clause ids; empty when uncovered */
} EthosCoverageEntry;

GPtrArray         *ethos_coverage_check           (const EthosTemplate *tmpl,
                                                   EthosRequirements  *reqs);
void               ethos_coverage_entry_free      (EthosCoverageEntry *entry);
/* The uncovered element ids, NULL-terminated (empty when fully covered). */
GStrv              ethos_coverage_uncovered       (GPtrArray          *coverage);

G_END_DECLS
