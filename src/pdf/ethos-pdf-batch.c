/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-pdf"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ethos-csv.h"
#include "ethos-error.h"
#include "ethos-form-html.h"
#include "ethos-pdf-batch.h"
#include "ethos-pdf-painter.h"

gboolean
ethos_pdf_write_form (EthosFormJob            *job,
                      EthosFormValues         *values,
                      const EthosFormRequest  *request,
                      const char              *path,
                      GError                 **error)
{
  g_autoptr(EthosFormPages) pages = NULL;

  g_return_val_if_fail (job != NULL && values != NULL && request != NULL && path != NULL, FALSE);

  if (request->format == ETHOS_FORM_HTML)
    return ethos_form_write_html (job, values, request, path, error);
  if (!(pages = ethos_form_job_lay_out (job, values, request, error)))
    return FALSE;
  return ethos_pdf_write_file (ethos_form_pages_get_layout (pages),
                               ethos_form_pages_get_document (pages), path, error);
}

/* A file name from a column value: no directories, no control characters,
 * nothing hidden. */
static char *
safe_file_name (const char *value)
{
  GString *name = g_string_new (NULL);

  for (const char *p = value; *p && name->len < 120; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '/' || c == '\\' || g_unichar_iscntrl (c) || (name->len == 0 && c == '.'))
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  return g_string_free (name, FALSE);
}

/* Every column must be a field of the template before anything is written. */
static gboolean
check_header (EthosTemplate            *tmpl,
              GStrv                     header,
              const EthosBatchOptions  *options,
              int                      *name_index,
              GError                  **error)
{
  *name_index = -1;
  for (guint c = 0; header[c] != NULL; c++)
    {
      g_strstrip (header[c]);
      if (ethos_template_get_field (tmpl, header[c]) == NULL)
        {
          g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                       _("%s: column “%s” is not a field of the form “%s”"),
                       options->csv_name, header[c], tmpl->id);
          return FALSE;
        }
      if (options->name_column != NULL && g_str_equal (header[c], options->name_column))
        *name_index = (int) c;
    }
  if (options->name_column != NULL && *name_index < 0)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND, _("%s has no column “%s”"),
                   options->csv_name, options->name_column);
      return FALSE;
    }
  return TRUE;
}

/* The row's values and file name, or FALSE with @error. */
static gboolean
prepare_row (EthosTemplate         *tmpl,
             GStrv                  header,
             const EthosCsvRecord  *record,
             guint                  row,
             int                    name_index,
             const char            *name_column,
             GHashTable            *used_names,
             EthosFormValues       *values,
             const char            *ext,
             char                 **name,
             GError               **error)
{
  if (record->error != NULL)
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA, record->error);
      return FALSE;
    }
  if (g_strv_length (record->fields) != g_strv_length (header))
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("has %u columns, the header has %u"),
                   g_strv_length (record->fields), g_strv_length (header));
      return FALSE;
    }
  for (guint c = 0; header[c] != NULL; c++)
    if (!ethos_form_values_set (values, header[c], record->fields[c], error))
      return FALSE;

  if (name_index < 0)
    {
      *name = g_strdup_printf ("%04u-%s.%s", row, tmpl->id, ext);
      return TRUE;
    }
  {
    g_autofree char *base = safe_file_name (record->fields[name_index]);

    if (*base == '\0')
      {
        g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                     _("column “%s” is empty: no file name"), name_column);
        return FALSE;
      }
    *name = g_strdup_printf ("%s.%s", base, ext);
    for (guint n = 2; g_hash_table_contains (used_names, *name); n++)
      {
        g_free (*name);
        *name = g_strdup_printf ("%s-%u.%s", base, n, ext);
      }
  }
  return TRUE;
}

gboolean
ethos_pdf_write_batch (EthosFormJob             *job,
                       GPtrArray                *records,
                       const EthosBatchOptions  *options,
                       EthosBatchRowFunc         row_func,
                       gpointer                  user_data,
                       GCancellable             *cancellable,
                       EthosBatchSummary        *summary,
                       GError                  **error)
{
  g_autoptr(GHashTable) used_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  EthosTemplate *tmpl;
  GStrv header;
  int name_index;
  guint n_rows;

  g_return_val_if_fail (job != NULL && records != NULL && records->len > 0, FALSE);
  g_return_val_if_fail (options != NULL && options->request != NULL, FALSE);
  g_return_val_if_fail (options->out_dir != NULL && options->csv_name != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  *summary = (EthosBatchSummary) { 0 };
  tmpl = ethos_form_job_get_template (job);
  header = ((EthosCsvRecord *) records->pdata[0])->fields;
  if (!check_header (tmpl, header, options, &name_index, error))
    return FALSE;
  if (g_mkdir_with_parents (options->out_dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, _("could not create %s: %s"),
                   options->out_dir, g_strerror (saved));
      return FALSE;
    }

  n_rows = records->len - 1;
  for (guint r = 1; r < records->len; r++)
    {
      const EthosCsvRecord *record = g_ptr_array_index (records, r);
      g_autoptr(EthosFormValues) values = ethos_form_values_new (tmpl);
      g_autoptr(GError) row_error = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      EthosBatchRow done = { r, n_rows, record->line, NULL, NULL };

      if (g_cancellable_is_cancelled (cancellable))
        {
          summary->cancelled = TRUE;
          break;
        }
      if (prepare_row (tmpl, header, record, r, name_index, options->name_column, used_names,
                       values, options->request->format == ETHOS_FORM_HTML ? "html" : "pdf",
                       &name, &row_error))
        {
          path = g_build_filename (options->out_dir, name, NULL);
          if (ethos_pdf_write_form (job, values, options->request, path, &row_error))
            {
              done.file_name = name;
              g_hash_table_add (used_names, g_strdup (name));
            }
        }

      if (row_error == NULL)
        summary->written++;
      else if (g_error_matches (row_error, ETHOS_ERROR, ETHOS_ERROR_IO))
        summary->io_failed++;
      else
        summary->failed++;
      done.error = row_error;
      if (row_func != NULL)
        row_func (&done, user_data);
    }
  return TRUE;
}
