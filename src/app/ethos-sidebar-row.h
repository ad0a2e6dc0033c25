/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ethos-node.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_SIDEBAR_ROW (ethos_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (EthosSidebarRow, ethos_sidebar_row, ETHOS, SIDEBAR_ROW, GtkWidget)

/* One row of the sidebar tree, its labels bound to an EthosNode. */
GtkWidget *ethos_sidebar_row_new      (void);
EthosNode *ethos_sidebar_row_get_node (EthosSidebarRow *self);
void       ethos_sidebar_row_set_node (EthosSidebarRow *self,
                                       EthosNode       *node);

G_END_DECLS
