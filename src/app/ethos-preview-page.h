/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-layout.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_PREVIEW_PAGE (ethos_preview_page_get_type ())

G_DECLARE_FINAL_TYPE (EthosPreviewPage, ethos_preview_page, ETHOS, PREVIEW_PAGE, GtkWidget)

/* One sheet of the form preview: the page of a layout painted by the cairo
 * painter at @scale pixels per point, on white paper. Screen readers hear
 * "Page 2 of 3". */
EthosPreviewPage *ethos_preview_page_new        (void);
/* @layout is borrowed: set it again (or NULL) before it goes away. */
void              ethos_preview_page_set_layout (EthosPreviewPage *self,
                                                 EthosLayout      *layout,
                                                 guint             page);
void              ethos_preview_page_set_scale  (EthosPreviewPage *self,
                                                 double            scale);
/* Pages scrolled out of sight keep their size but skip painting. */
void              ethos_preview_page_set_shown  (EthosPreviewPage *self,
                                                 gboolean          shown);
guint             ethos_preview_page_get_paints (EthosPreviewPage *self);

G_END_DECLS
