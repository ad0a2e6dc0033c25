/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-csv"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-csv.h"
#include "ethos-error.h"

void
ethos_csv_record_free (EthosCsvRecord *record)
{
  g_strfreev (record->fields);
  g_free (record->error);
  g_free (record);
}

static void
finish_record (GPtrArray *records,
               GPtrArray *fields,
               guint      line)
{
  EthosCsvRecord *record = g_new0 (EthosCsvRecord, 1);

  record->line = line;
  g_ptr_array_add (fields, NULL);
  record->fields = (GStrv) g_ptr_array_steal (fields, NULL);
  for (guint i = 0; record->fields[i] != NULL && record->error == NULL; i++)
    if (!g_utf8_validate (record->fields[i], -1, NULL))
      record->error = g_strdup_printf (_("line %u: column %u is not valid UTF-8 text"),
                                       line, i + 1);
  g_ptr_array_add (records, record);
}

GPtrArray *
ethos_csv_parse (const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = data;
  const char *end = data + length;
  guint line = 1;
  guint record_line = 1;
  gboolean in_record = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_csv_record_free);
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      if (!in_record)
        {
          record_line = line;
          in_record = TRUE;
        }

      if (*p == '"' && field->len == 0)
        {
          guint quote_line = line;

          /* A quoted field: "" is a quote; commas and newlines are text. */
          for (p++; ; p++)
            {
              if (p >= end)
                {
                  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                               _("line %u: a quoted value is never closed"), quote_line);
                  return NULL;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p++;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\n')
                line++;
              g_string_append_c (field, *p);
            }
          /* Anything between the closing quote and the separator is kept
           * as text rather than refused: spreadsheets write such files. */
          continue;
        }

      if (*p == ',')
        {
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          p++;
        }
      else if (*p == '\r' || *p == '\n')
        {
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          finish_record (records, fields, record_line);
          in_record = FALSE;
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          line++;
        }
      else
        {
          g_string_append_c (field, *p);
          p++;
        }
    }

  if (in_record)
    {
      g_ptr_array_add (fields, g_strndup (field->str, field->len));
      finish_record (records, fields, record_line);
    }

  /* Blank lines are not records. */
  for (guint i = 0; i < records->len; i++)
    {
      EthosCsvRecord *r = g_ptr_array_index (records, i);
      if (r->fields[0] != NULL && r->fields[1] == NULL && r->fields[0][0] == '\0')
        g_ptr_array_remove_index (records, i--);
    }
  return g_steal_pointer (&records);
}

GPtrArray *
ethos_csv_load_file (const char  *path,
                     GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) local = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA, local->message);
      return NULL;
    }
  if (length > ETHOS_CSV_MAX_BYTES)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("%s is too large (over 256 MB)"), path);
      return NULL;
    }
  if (!(records = ethos_csv_parse (contents, length, &local)))
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA, "%s: %s", path, local->message);
      return NULL;
    }
  if (records->len == 0)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA, _("%s has no header row"), path);
      return NULL;
    }
  return g_steal_pointer (&records);
}
