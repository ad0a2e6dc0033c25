/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ETHOS_TYPE_COLUMNS (ethos_columns_get_type ())

G_DECLARE_FINAL_TYPE (EthosColumns, ethos_columns, ETHOS, COLUMNS, GtkWidget)

/* Lays its children out side by side in as many equal columns as fit at
 * @column_width each, and stacks them when the window is narrow. Rows are
 * as tall as their tallest child; children keep their own height. */
GtkWidget *ethos_columns_new        (void);
void       ethos_columns_append     (EthosColumns *self,
                                     GtkWidget    *child);
void       ethos_columns_remove_all (EthosColumns *self);
guint      ethos_columns_get_n_columns (EthosColumns *self);

G_END_DECLS
