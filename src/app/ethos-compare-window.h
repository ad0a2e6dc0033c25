/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-requirements.h"
#include "ethos-template.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_COMPARE_WINDOW (ethos_compare_window_get_type ())

G_DECLARE_FINAL_TYPE (EthosCompareWindow, ethos_compare_window, ETHOS, COMPARE_WINDOW, AdwWindow)

/* Compare Versions: what changed between two versions of a template,
 * clause by clause (ethos-template-diff.h): clauses added, removed and
 * reworded with the words changed, locks, conditions, standards, fields,
 * signatures and coverage. Copy puts the text on the clipboard; Export
 * writes it to a file, for a staff memo. */
EthosCompareWindow *ethos_compare_window_new     (GtkWindow          *parent,
                                                  EthosRequirements  *reqs,
                                                  const char         *ui_lang);
/* Adds a version to choose from (@tmpl is referenced), newest first;
 * @label names it ("2.0 · major change · 3 December 2026"). */
void                ethos_compare_window_add     (EthosCompareWindow *self,
                                                  EthosTemplate      *tmpl,
                                                  const char         *label);
/* Compares version @from with version @to (indices in the order added). */
void                ethos_compare_window_compare (EthosCompareWindow *self,
                                                  guint               from,
                                                  guint               to);
/* The difference shown, as the text Copy and Export give. */
const char         *ethos_compare_window_get_text (EthosCompareWindow *self);
gboolean            ethos_compare_window_export_to (EthosCompareWindow *self,
                                                  GFile              *file,
                                                  GError            **error);

G_END_DECLS
