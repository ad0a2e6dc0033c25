/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-corpus.h"
#include "ethos-template-store.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_COVERAGE_REPORT (ethos_coverage_report_get_type ())

G_DECLARE_FINAL_TYPE (EthosCoverageReport, ethos_coverage_report, ETHOS, COVERAGE_REPORT, GtkWidget)

/* What a template covers: for each standard it requires, each element with
 * the clauses that cover it, then its clauses. A standard's button activates
 * "win.show-item" on it when @corpus has it; @corpus may be NULL. */
void ethos_coverage_report_show (EthosCoverageReport      *self,
                                 const EthosTemplateEntry *entry,
                                 EthosRequirements        *reqs,
                                 EthosCorpus              *corpus,
                                 const char               *lang);

/* A required standard's title ("NOHS Standard 2", "Regulation: HIPAA…")
 * and, for a standard of the codes that @corpus has, a Read button that
 * opens it in the Codes view (else NULL). */
char *ethos_coverage_standard_title (EthosRequirements  *reqs,
                                     EthosCorpus        *corpus,
                                     const char         *standard,
                                     const char         *lang,
                                     GtkWidget         **read);

G_END_DECLS
