/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ethos-form-item.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_FORM_ROW (ethos_form_row_get_type ())

G_DECLARE_FINAL_TYPE (EthosFormRow, ethos_form_row, ETHOS, FORM_ROW, GtkListBoxRow)

/* One form template in the Forms list, its labels bound to an
 * EthosFormItem (ui/ethos-form-row.ui). */
GtkWidget     *ethos_form_row_new      (EthosFormItem *item);
EthosFormItem *ethos_form_row_get_item (EthosFormRow  *self);

G_END_DECLS
