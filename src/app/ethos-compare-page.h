/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-corpus.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_COMPARE_PAGE (ethos_compare_page_get_type ())

G_DECLARE_FINAL_TYPE (EthosComparePage, ethos_compare_page, ETHOS, COMPARE_PAGE, GtkWidget)

/* One topic across every code: side by side when the window is wide,
 * stacked when it is narrow. Choosing another topic activates
 * "win.show-compare" so that it enters the history. */
gboolean    ethos_compare_page_show      (EthosComparePage  *self,
                                          EthosCorpus       *corpus,
                                          const char        *topic,
                                          GError           **error);
const char *ethos_compare_page_get_topic_label (EthosComparePage *self);
const char *ethos_compare_page_get_topic (EthosComparePage  *self);
/* For tests: the widget holding one column per code. */
GtkWidget  *ethos_compare_page_get_columns (EthosComparePage *self);

G_END_DECLS
