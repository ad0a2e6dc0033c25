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

typedef void (*EthosFormPrintDone) (GtkPrintOperationResult  result,
                                    const GError            *error,
                                    gpointer                 user_data);

/* @values and @request are copied. @action GTK_PRINT_OPERATION_ACTION_EXPORT
 * writes @export_path without a dialog (tests); @settings may preset page
 * ranges. @done is called once, on the main thread. */
void       ethos_form_print                 (GtkWindow               *parent,
                                             EthosFormJob            *job,
                                             EthosFormValues         *values,
                                             const EthosFormRequest  *request,
                                             const char              *title,
                                             GtkPrintOperationAction  action,
                                             const char              *export_path,
                                             GtkPrintSettings        *settings,
                                             EthosFormPrintDone       done,
                                             gpointer                 user_data);

G_END_DECLS
