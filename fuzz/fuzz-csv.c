/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-fuzz"

#include "config.h"

#include "ethos-csv.h"
#include "ethos-fuzz.h"

/* CSV files of ethos-cli batch. */

void
ethos_fuzz_setup (void)
{
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  guint n_lines = 1;
  guint last_line = 0;

  for (size_t i = 0; i < size; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n')))
      n_lines++;

  records = ethos_csv_parse (size > 0 ? (const char *) data : "", size, &error);
  if (records == NULL)
    {
      ethos_fuzz_check_error (error, "ethos_csv_parse");
      return 0;
    }

  for (guint i = 0; i < records->len; i++)
    {
      const EthosCsvRecord *record = g_ptr_array_index (records, i);

      ethos_fuzz_assert (record->line > last_line && record->line <= n_lines,
                         "records start on increasing lines of the input");
      ethos_fuzz_assert (record->fields != NULL && record->fields[0] != NULL,
                         "a record has a field");
      for (guint f = 0; record->error == NULL && record->fields[f] != NULL; f++)
        ethos_fuzz_assert (g_utf8_validate (record->fields[f], -1, NULL),
                           "a record without an error holds UTF-8 text");
      ethos_fuzz_assert (record->error == NULL || g_utf8_validate (record->error, -1, NULL),
                         "errors are UTF-8 text");
      last_line = record->line;
    }
  return 0;
}
