/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ethos-form-job.h"

G_BEGIN_DECLS

/* Prints a form with GtkPrintOperation and the cairo painter. The paper
 * chosen in the print dialog lays the form out again: Letter, A4 and Legal
 * natively, any other size as the nearest of them scaled to fit. The job
 * name and the suggested file name carry no client data; a PDF printed to a
 * file is made private (0600) when the operation is done. */

/* The nearest paper Ethos lays out for a sheet of @width × @height points,
 * and the scale that fits it (1 when it is that paper). */
EthosPaper ethos_form_print_paper_for_sheet (double                   width,
                                             double                   height,
                                             double                  *scale);

/* @settings: what the dialog was left at (printer, file, ranges), to offer
 * next time; NULL when it never opened. @previewed: the dialog's Preview was
 * chosen — Ethos shows none of its own (the window's preview is the print,
 * and GTK's would leave a copy of the client's form in /tmp). */
typedef void (*EthosFormPrintDone) (GtkPrintOperationResult  result,
                                    gboolean                 previewed,
                                    GtkPrintSettings        *settings,
                                    const GError            *error,
                                    gpointer                 user_data);

/* @values and @request are copied. @action GTK_PRINT_OPERATION_ACTION_EXPORT
 * writes @export_path without a dialog (tests); @settings (copied) preset
 * the printer, a page range, the file; @file_name (no client data) is the
 * name offered for Print to File; @current_page the page the preview
 * shows. @done is called once, on the main thread. */
void       ethos_form_print                 (GtkWindow               *parent,
                                             EthosFormJob            *job,
                                             EthosFormValues         *values,
                                             const EthosFormRequest  *request,
                                             const char              *title,
                                             GtkPrintOperationAction  action,
                                             const char              *export_path,
                                             GtkPrintSettings        *settings,
                                             const char              *file_name,
                                             int                      current_page,
                                             EthosFormPrintDone       done,
                                             gpointer                 user_data);

G_END_DECLS
