/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ethos-form-job.h"

G_BEGIN_DECLS

/* Writing forms as PDF files: one (ethos-cli generate, the window's Export)
 * or one per CSV row (ethos-cli batch, the window's Batch). */

/* Lays out and writes one form (atomically, mode 0600): a PDF, or the
 * accessible HTML form when @request's format says so. */
gboolean  ethos_pdf_write_form  (EthosFormJob            *job,
                                 EthosFormValues         *values,
                                 const EthosFormRequest  *request,
                                 const char              *path,
                                 GError                 **error);

typedef struct
{
  const EthosFormRequest *request;
  const char             *csv_name;     /* the CSV file, as messages name it */
  const char             *out_dir;      /* created (0700) when missing */
  const char             *name_column;  /* NULL: files are NNNN-TEMPLATE.pdf (.html) */
  gboolean                overwrite;    /* replace files of an earlier run */
  guint                   threads;      /* rows written at once; 0: one per processor, at most 4 */
} EthosBatchOptions;

/* One data row done: @error is NULL when @file_name (in out_dir) was
 * written. Messages name fields, never a client's values. */
typedef struct
{
  guint          row;        /* 1-based, the header not counted */
  guint          n_rows;
  guint          line;       /* where the row starts in the CSV file */
  const char    *file_name;
  const GError  *error;
  /* What to check on this written form before it is given to the client
   * (ethos_form_get_warnings: a minor's form naming no parent or
   * guardian); NULL-terminated, empty when nothing. Never a value. */
  const char * const *warnings;
} EthosBatchRow;

typedef void (*EthosBatchRowFunc) (const EthosBatchRow *row,
                                   gpointer             user_data);

typedef struct
{
  guint     written;
  guint     failed;          /* rows with invalid data */
  guint     io_failed;       /* rows whose file could not be written */
  guint     warned;          /* forms written with something to check */
  gboolean  cancelled;       /* stopped between two rows; what was written stays */
  guint     threads;         /* how many threads wrote rows */
} EthosBatchSummary;

/* @records is ethos_csv_load_file()'s result: a header row of field ids,
 * then one row per form. Before writing anything it checks that every
 * column is a field of the template and that @name_column is one
 * (ETHOS_ERROR_NOT_FOUND), that no column is given twice
 * (ETHOS_ERROR_INVALID_DATA), that unless @overwrite none of the files it
 * would write exists (ETHOS_ERROR_EXISTS, giving row numbers), and creates
 * @out_dir (ETHOS_ERROR_IO); those are the only errors. Then every row is
 * written, or reported through @row_func: in the calling thread, in row
 * order, once for every row done, though with several threads the rows
 * after it may be done already. Cancelled, it takes no new row; the rows
 * under way are finished and reported. */
gboolean  ethos_pdf_write_batch (EthosFormJob             *job,
                                 GPtrArray                *records,
                                 const EthosBatchOptions  *options,
                                 EthosBatchRowFunc         row_func,
                                 gpointer                  user_data,
                                 GCancellable             *cancellable,
                                 EthosBatchSummary        *summary,
                                 GError                  **error);

G_END_DECLS
