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
#include "ethos-unicode.h"

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
      /* Two columns for one field: which value would the form print? */
      for (guint d = 0; d < c; d++)
        if (g_str_equal (header[d], header[c]))
          {
            g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                         _("%s: the header has the column “%s” twice (columns %u and %u)"),
                         options->csv_name, header[c], d + 1, c + 1);
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

/* The file name of every row, worked out before anything is written so
 * that a name never depends on which rows failed. NULL for a row that
 * cannot be named (unreadable, or an empty name column). */
static GPtrArray *
row_file_names (EthosTemplate *tmpl,
                GPtrArray     *records,
                int            name_index,
                const char    *ext)
{
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (names, NULL);   /* the header */
  for (guint r = 1; r < records->len; r++)
    {
      const EthosCsvRecord *record = g_ptr_array_index (records, r);
      g_autofree char *base = NULL;
      char *name;

      if (name_index < 0)
        {
          g_ptr_array_add (names, g_strdup_printf ("%04u-%s.%s", r, tmpl->id, ext));
          continue;
        }
      if (record->error != NULL || g_strv_length (record->fields) <= (guint) name_index ||
          *(base = safe_file_name (record->fields[name_index])) == '\0')
        {
          g_ptr_array_add (names, NULL);
          continue;
        }
      name = g_strdup_printf ("%s.%s", base, ext);
      for (guint n = 2; g_hash_table_contains (used, name); n++)
        {
          g_free (name);
          name = g_strdup_printf ("%s-%u.%s", base, n, ext);
        }
      g_hash_table_add (used, name);
      g_ptr_array_add (names, name);
    }
  return names;
}

/* Refuses before writing anything when files of this batch already exist:
 * earlier clients' forms are not replaced unless asked. The message gives
 * row numbers, never names (they may be clients' names). */
static gboolean
check_conflicts (GPtrArray                *names,
                 const EthosBatchOptions  *options,
                 GError                  **error)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  guint conflicts = 0;

  if (options->overwrite)
    return TRUE;
  for (guint r = 1; r < names->len; r++)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (names->pdata[r] == NULL)
        continue;
      path = g_build_filename (options->out_dir, names->pdata[r], NULL);
      if (g_lstat (path, &st) != 0)
        continue;
      if (++conflicts <= 5)
        g_string_append_printf (rows, "%s%u", conflicts > 1 ? ", " : "", r);
    }
  if (conflicts == 0)
    return TRUE;
  if (conflicts > 5)
    g_string_append (rows, "…");
  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_EXISTS,
               g_dngettext (GETTEXT_PACKAGE,
                            "%s already holds %u of the files this batch would write (row %s), "
                            "so nothing was written; choose another folder",
                            "%s already holds %u of the files this batch would write (rows %s), "
                            "so nothing was written; choose another folder", conflicts),
               options->out_dir, conflicts, rows->str);
  return FALSE;
}

/* A value the layout would refuse, refused here with the column and the
 * code points: the layout's message quotes the text, which is a client's. */
static gboolean
check_printable (const char  *column,
                 const char  *value,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) points = NULL;
  g_autoptr(GHashTable) seen = NULL;
  guint n = 0;

  if (ethos_unicode_check_printable (value, &local_error))
    return TRUE;
  points = g_string_new (NULL);
  seen = g_hash_table_new (NULL, NULL);
  for (const char *p = value; *p != '\0' && n <= 8; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      EthosCharClass cls = ethos_unicode_classify (ch);

      if (cls == ETHOS_CHAR_PRINTABLE || cls == ETHOS_CHAR_IGNORABLE ||
          cls == ETHOS_CHAR_BREAK_HINT || cls == ETHOS_CHAR_LINE_BREAK ||
          !g_hash_table_add (seen, GUINT_TO_POINTER (ch)))
        continue;
      if (n++ == 8)
        {
          g_string_append (points, ", …");
          break;
        }
      g_string_append_printf (points, "%sU+%04X", points->len > 0 ? ", " : "", ch);
    }
  g_set_error (error, ETHOS_ERROR, local_error->code,
               _("column “%s” has characters Ethos cannot print yet (%s): scripts written right "
                 "to left or that need letter shaping, control characters and characters "
                 "above U+FFFF are not supported"), column, points->str);
  return FALSE;
}

/* The row's values, or FALSE with @error. */
static gboolean
prepare_row (EthosTemplate         *tmpl,
             GStrv                  header,
             const EthosCsvRecord  *record,
             const char            *name,
             const char            *name_column,
             EthosFormValues       *values,
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
    if (!check_printable (header[c], record->fields[c], error) ||
        !ethos_form_values_set (values, header[c], record->fields[c], error))
      return FALSE;
  if (name == NULL)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("column “%s” is empty: no file name"), name_column);
      return FALSE;
    }
  return TRUE;
}

/* A batch under way: rows are taken in order by the calling thread and
 * its helpers, and reported in order by the calling thread. */
typedef struct
{
  EthosFormJob            *job;          /* the caller's; each helper has a copy */
  GPtrArray               *records;
  GPtrArray               *names;
  GStrv                    header;
  const EthosBatchOptions *options;
  GCancellable            *cancellable;

  GMutex                   lock;
  GCond                    done_cond;
  guint                    next;         /* the next record to take */
  guint                    end;          /* past the last record to take */
  guint                    threads;      /* how many took a row */
  gboolean                *done;         /* by record */
  GError                 **errors;       /* by record, until reported */
  GStrv                   *warnings;     /* by record, until reported */
} Batch;

/* Lays out and writes record @r with @job; the error, if any, in @error;
 * what to check on the form written, in @warnings. */
static void
write_row (Batch         *batch,
           EthosFormJob  *job,
           guint          r,
           GStrv         *warnings,
           GError       **error)
{
  EthosTemplate *tmpl = ethos_form_job_get_template (job);
  const EthosFormRequest *request = batch->options->request;
  const EthosCsvRecord *record = g_ptr_array_index (batch->records, r);
  g_autoptr(EthosFormValues) values = ethos_form_values_new (tmpl);
  const char *name = batch->names->pdata[r];
  g_autofree char *path = NULL;

  if (!prepare_row (tmpl, batch->header, record, name, batch->options->name_column, values,
                    error))
    return;
  path = g_build_filename (batch->options->out_dir, name, NULL);
  if (ethos_pdf_write_form (job, values, request, path, error))
    *warnings = ethos_form_get_warnings (tmpl, values, &(EthosFormOptions) {
                                           .lang = request->lang, .blank = request->blank,
                                           .today = request->today });
}

/* Takes the next row and writes it; FALSE when there is none to take, or
 * the batch is cancelled (checked under the lock, so that no row is taken
 * after one was refused). @first: this thread has taken none yet. */
static gboolean
take_row (Batch        *batch,
          EthosFormJob *job,
          gboolean      first)
{
  GError *row_error = NULL;
  GStrv row_warnings = NULL;
  guint r;

  g_mutex_lock (&batch->lock);
  if (batch->next < batch->end && g_cancellable_is_cancelled (batch->cancellable))
    batch->end = batch->next;
  if (batch->next >= batch->end)
    {
      g_mutex_unlock (&batch->lock);
      return FALSE;
    }
  r = batch->next++;
  if (first)
    batch->threads++;
  g_mutex_unlock (&batch->lock);

  write_row (batch, job, r, &row_warnings, &row_error);

  g_mutex_lock (&batch->lock);
  batch->errors[r] = row_error;
  batch->warnings[r] = row_warnings;
  batch->done[r] = TRUE;
  g_cond_broadcast (&batch->done_cond);
  g_mutex_unlock (&batch->lock);
  return TRUE;
}

static gpointer
helper_thread (gpointer data)
{
  Batch *batch = data;
  g_autoptr(GError) error = NULL;
  /* FreeType faces are not shared across threads: fonts of its own. The
   * caller's job is only read, here as in the calling thread. A helper
   * that cannot have fonts leaves its rows to the others. */
  g_autoptr(EthosFormJob) job = ethos_form_job_dup (batch->job, &error);

  if (job == NULL)
    {
      g_warning ("A batch thread could not load its fonts, the others write its rows: %s",
                 error->message);
      return NULL;
    }
  for (gboolean first = TRUE; take_row (batch, job, first); first = FALSE)
    ;
  return NULL;
}

/* Reports record @r (done) and counts it. */
static void
report_row (Batch              *batch,
            guint               r,
            EthosBatchRowFunc   row_func,
            gpointer            user_data,
            EthosBatchSummary  *summary)
{
  const EthosCsvRecord *record = g_ptr_array_index (batch->records, r);
  g_autoptr(GError) row_error = g_steal_pointer (&batch->errors[r]);
  g_auto(GStrv) warnings = g_steal_pointer (&batch->warnings[r]);
  const char * const nothing[] = { NULL };
  EthosBatchRow done = { r, batch->records->len - 1, record->line, NULL, row_error,
                         warnings != NULL ? (const char * const *) warnings : nothing };

  if (row_error == NULL)
    {
      summary->written++;
      done.file_name = batch->names->pdata[r];
      if (warnings != NULL && warnings[0] != NULL)
        summary->warned++;
    }
  else if (g_error_matches (row_error, ETHOS_ERROR, ETHOS_ERROR_IO))
    summary->io_failed++;
  else
    summary->failed++;
  if (row_func != NULL)
    row_func (&done, user_data);
}

/* Helpers for a batch of @n_rows: one thread per processor (or as asked),
 * at most four, the calling thread counted. */
static guint
n_helpers (const EthosBatchOptions *options,
           guint                    n_rows)
{
  guint threads = options->threads != 0 ? options->threads : MIN (g_get_num_processors (), 4);

  return MIN (threads, n_rows) - 1;
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
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) helpers = NULL;
  EthosTemplate *tmpl;
  GStrv header;
  int name_index;
  Batch batch;
  guint reported = 1;

  g_return_val_if_fail (job != NULL && records != NULL && records->len > 0, FALSE);
  g_return_val_if_fail (options != NULL && options->request != NULL, FALSE);
  g_return_val_if_fail (options->out_dir != NULL && options->csv_name != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  *summary = (EthosBatchSummary) { 0 };
  tmpl = ethos_form_job_get_template (job);
  header = ((EthosCsvRecord *) records->pdata[0])->fields;
  if (!check_header (tmpl, header, options, &name_index, error))
    return FALSE;
  names = row_file_names (tmpl, records, name_index,
                          options->request->format == ETHOS_FORM_HTML ? "html" : "pdf");
  if (!check_conflicts (names, options, error))
    return FALSE;
  if (g_mkdir_with_parents (options->out_dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, _("could not create %s: %s"),
                   options->out_dir, g_strerror (saved));
      return FALSE;
    }
  if (records->len == 1)
    return TRUE;

  batch = (Batch) { job, records, names, header, options, cancellable };
  g_mutex_init (&batch.lock);
  g_cond_init (&batch.done_cond);
  batch.next = 1;
  batch.end = records->len;
  batch.done = g_new0 (gboolean, records->len);
  batch.errors = g_new0 (GError *, records->len);
  batch.warnings = g_new0 (GStrv, records->len);

  /* A GDate works out its other form the first time it is asked, in
   * place: done here, before the threads share it. */
  if (options->request->today != NULL && g_date_valid (options->request->today))
    g_date_get_julian (options->request->today);

  helpers = g_ptr_array_new ();
  for (guint i = n_helpers (options, records->len - 1); i > 0; i--)
    {
      GThread *thread = g_thread_try_new ("ethos-batch", helper_thread, &batch, NULL);
      if (thread != NULL)
        g_ptr_array_add (helpers, thread);
    }

  /* The calling thread writes rows too, and reports each row once every
   * row before it is done; then it waits for the helpers' last rows. */
  for (gboolean taking = TRUE, first = TRUE; ; first = FALSE)
    {
      if (taking)
        taking = take_row (&batch, job, first);
      g_mutex_lock (&batch.lock);
      while (!taking && reported < batch.end && !batch.done[reported])
        g_cond_wait (&batch.done_cond, &batch.lock);
      if (reported >= batch.end)
        {
          g_mutex_unlock (&batch.lock);
          break;
        }
      while (reported < batch.end && batch.done[reported])
        {
          g_mutex_unlock (&batch.lock);
          report_row (&batch, reported++, row_func, user_data, summary);
          g_mutex_lock (&batch.lock);
        }
      g_mutex_unlock (&batch.lock);
    }

  for (guint i = 0; i < helpers->len; i++)
    g_thread_join (helpers->pdata[i]);
  summary->cancelled = batch.end < records->len;
  summary->threads = batch.threads;
  g_free (batch.done);
  g_free (batch.errors);
  g_free (batch.warnings);
  g_cond_clear (&batch.done_cond);
  g_mutex_clear (&batch.lock);
  return TRUE;
}
