/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* RFC 4180 CSV, UTF-8 with or without a byte-order mark, CRLF or LF. */

typedef struct
{
  guint  line;      /* line on which the record starts (1-based) */
  GStrv  fields;
  char  *error;     /* why this record is unusable (invalid UTF-8), or NULL */
} EthosCsvRecord;

/* Splits @data into records. Only a structural problem that makes the rest
 * unreadable (a quote never closed) is an error; it names the line. */
GPtrArray *ethos_csv_parse       (const char  *data,
                                  gsize        length,
                                  GError     **error);
void       ethos_csv_record_free (EthosCsvRecord *record);
/* Reads and parses a CSV file of at most ETHOS_CSV_MAX_BYTES that has at
 * least a header row. Every error is ETHOS_ERROR_INVALID_DATA and names
 * @path. */
#define ETHOS_CSV_MAX_BYTES (256 * 1024 * 1024)
GPtrArray *ethos_csv_load_file   (const char  *path,
                                  GError     **error);

G_END_DECLS
