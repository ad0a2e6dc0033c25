/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-form-job.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_FORM_PREVIEW (ethos_form_preview_get_type ())

G_DECLARE_FINAL_TYPE (EthosFormPreview, ethos_form_preview, ETHOS, FORM_PREVIEW, GtkWidget)

/* The live preview of a form: its pages at the layout's exact positions,
 * scrollable, zoomable (fit width, 100 %, in and out: the "preview.zoom-*"
 * actions), with the page shown ("Page 2 of 3"). Only pages in sight are
 * painted. */
EthosFormPreview *ethos_form_preview_new        (void);
/* Shows @pages (transfer full; NULL for none). */
void              ethos_form_preview_set_pages  (EthosFormPreview *self,
                                                 EthosFormPages   *pages);
EthosFormPages   *ethos_form_preview_get_pages  (EthosFormPreview *self);
/* Instead of pages: why the form cannot be laid out (the core's message). */
void              ethos_form_preview_show_error (EthosFormPreview *self,
                                                 const char       *message);
guint             ethos_form_preview_get_n_pages (EthosFormPreview *self);
/* For tests: page @index's widget, or NULL. */
GtkWidget        *ethos_form_preview_get_page   (EthosFormPreview *self,
                                                 guint             index);
double            ethos_form_preview_get_scale  (EthosFormPreview *self);
/* The page most in sight, from 0. */
guint             ethos_form_preview_get_current_page (EthosFormPreview *self);

G_END_DECLS
