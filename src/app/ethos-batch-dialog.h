/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-form-job.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_BATCH_DIALOG (ethos_batch_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EthosBatchDialog, ethos_batch_dialog, ETHOS, BATCH_DIALOG, AdwWindow)

/* One PDF per row of a CSV file, from the window: the same batch function
 * as `ethos-cli batch`, in a thread (with fonts of its own), with progress,
 * Cancel between rows and the rows that failed listed by line. Files are
 * named by row number, never by a client's name. */
EthosBatchDialog *ethos_batch_dialog_new      (GtkWindow              *parent,
                                               EthosFormJob           *job,
                                               const EthosFormRequest *request,
                                               const char             *ui_lang);
void              ethos_batch_dialog_set_csv  (EthosBatchDialog       *self,
                                               GFile                  *csv);
void              ethos_batch_dialog_set_folder (EthosBatchDialog     *self,
                                               GFile                  *folder);
/* Starts (the "Write Forms" button); FALSE when the CSV or folder is missing. */
gboolean          ethos_batch_dialog_start    (EthosBatchDialog       *self);
void              ethos_batch_dialog_cancel   (EthosBatchDialog       *self);
/* Replace the forms of an earlier run in the folder (asked when found). */
void              ethos_batch_dialog_set_overwrite (EthosBatchDialog  *self,
                                               gboolean                overwrite);
gboolean          ethos_batch_dialog_is_running (EthosBatchDialog     *self);
/* For tests: rows done, forms written, lines reported as failed, lines
 * whose form was written with something to check. */
guint             ethos_batch_dialog_get_done (EthosBatchDialog       *self);
guint             ethos_batch_dialog_get_written (EthosBatchDialog    *self);
GArray           *ethos_batch_dialog_get_failed_lines (EthosBatchDialog *self);
GArray           *ethos_batch_dialog_get_checked_lines (EthosBatchDialog *self);
const char       *ethos_batch_dialog_get_summary (EthosBatchDialog    *self);

G_END_DECLS
