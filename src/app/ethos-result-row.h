/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ethos-result.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_RESULT_ROW (ethos_result_row_get_type ())

G_DECLARE_FINAL_TYPE (EthosResultRow, ethos_result_row, ETHOS, RESULT_ROW, GtkWidget)

/* One search result in the sidebar, its labels bound to an EthosResult. */
GtkWidget   *ethos_result_row_new        (void);
void         ethos_result_row_set_result (EthosResultRow *self,
                                          EthosResult    *result);

G_END_DECLS
