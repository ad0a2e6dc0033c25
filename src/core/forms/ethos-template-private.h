/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ethos-template.h"

G_BEGIN_DECLS

gboolean _ethos_condition_is_valid    (const char         *when);
void     _ethos_coverage_entry_free   (EthosCoverageEntry *entry);

G_END_DECLS
