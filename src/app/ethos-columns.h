/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ETHOS_TYPE_COLUMNS (ethos_columns_get_type ())

G_DECLARE_FINAL_TYPE (EthosColumns, ethos_columns, ETHOS, COLUMNS, GtkWidget)

/* Lays its children out side by side, one column each (at least 280 px
 * wide: wider than its parent, it asks to scroll sideways), or stacked one
 * below the other. Its owner decides which by its own width. */
void       ethos_columns_append      (EthosColumns *self,
                                      GtkWidget    *child);
void       ethos_columns_remove_all  (EthosColumns *self);
void       ethos_columns_set_stacked (EthosColumns *self,
                                      gboolean      stacked);
gboolean   ethos_columns_get_stacked (EthosColumns *self);

G_END_DECLS
