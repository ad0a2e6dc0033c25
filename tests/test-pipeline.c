/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>

#include "ethos-csv.h"
#include "ethos-error.h"
#include "ethos-form-job.h"
#include "ethos-paths.h"
#include "ethos-pdf-batch.h"
#include "ethos-template-store.h"
#include "ethos-test-utils.h"

/* The pipeline shared by ethos-cli and the window: job → pages → PDF, and
 * the batch over CSV rows. */

static char *tmp_dir;

static EthosTemplateStore *
open_store (void)
{
  g_autofree char *dir = ethos_paths_get_templates_dir ();
  g_autoptr(GError) error = NULL;
  EthosTemplateStore *store = ethos_template_store_new (dir, NULL, NULL, &error);

  g_assert_no_error (error);
  return store;
}

static EthosFormJob *
new_job (const char *id)
{
  g_autoptr(EthosTemplateStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  const EthosTemplateEntry *entry = ethos_template_store_lookup (store, id, &error);
  EthosFormJob *job;

  g_assert_no_error (error);
  /* The store goes away here: the job holds its own reference. */
  job = ethos_form_job_new (entry->tmpl, &error);
  g_assert_no_error (error);
  return job;
}

static void
set (EthosFormValues *values,
     const char      *field,
     const char      *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ethos_form_values_set (values, field, value, &error));
  g_assert_no_error (error);
}

static char *
document_text (EthosFormPages *pages)
{
  g_autofree char *text = ethos_document_get_all_text (ethos_form_pages_get_document (pages));

  return ethos_test_collapse_space (text);
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
      g_object_unref (page);
    }
  g_object_unref (pdf);
  return g_string_free (text, FALSE);
}

/* The template outlives the store it came from, and each dup has its own fonts. */
static void
test_job_holds_template (void)
{
  g_autoptr(EthosFormJob) job = new_job ("informed-consent");
  g_autoptr(EthosFormJob) copy = NULL;
  g_autoptr(EthosFormValues) values = NULL;
  g_autoptr(EthosFormPages) pages = NULL;
  g_autoptr(GError) error = NULL;
  EthosFormRequest request = { "en", ETHOS_PAPER_LETTER };

  copy = ethos_form_job_dup (job, &error);
  g_assert_no_error (error);
  g_assert_true (ethos_form_job_get_template (copy) == ethos_form_job_get_template (job));
  g_assert_true (ethos_form_job_get_fonts (copy) != ethos_form_job_get_fonts (job));

  g_clear_pointer (&job, ethos_form_job_unref);
  values = ethos_form_values_new (ethos_form_job_get_template (copy));
  set (values, "client_name", "Nguyễn Thị Minh");
  pages = ethos_form_job_lay_out (copy, values, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ethos_layout_get_n_pages (ethos_form_pages_get_layout (pages)), >=, 2);
}

/* Defaults fill a copy: the values typed stay as typed. */
static void
test_values_untouched (void)
{
  g_autoptr(EthosFormJob) job = new_job ("informed-consent");
  g_autoptr(EthosFormValues) values = NULL;
  g_autoptr(EthosFormPages) pages = NULL;
  g_autoptr(GHashTable) agency = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  EthosFormRequest request = { "en", ETHOS_PAPER_A4 };

  g_hash_table_insert (agency, "agency_name", "Riverbend Community Services");
  ethos_form_job_set_defaults (job, agency);
  values = ethos_form_values_new (ethos_form_job_get_template (job));
  set (values, "client_name", "Ana");
  pages = ethos_form_job_lay_out (job, values, &request, &error);
  g_assert_no_error (error);
  text = document_text (pages);
  g_assert_nonnull (strstr (text, "Riverbend Community Services"));
  g_assert_null (ethos_form_values_get (values, "agency_name"));
  g_assert_null (ethos_form_values_get (values, "date"));
}

/* Preview: a required field still empty is a fill-in line; the same form
 * filled for real is refused. */
static void
test_preview (void)
{
  g_autoptr(EthosFormJob) job = new_job ("informed-consent");
  g_autoptr(EthosFormValues) values = ethos_form_values_new (ethos_form_job_get_template (job));
  g_autoptr(EthosFormPages) pages = NULL;
  g_autoptr(GError) error = NULL;
  EthosFormRequest request = { "en", ETHOS_PAPER_LETTER };
  EthosDocument *doc;
  gboolean blank_name = FALSE;

  pages = ethos_form_job_lay_out (job, values, &request, &error);
  g_assert_null (pages);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "client_name"));
  g_clear_error (&error);

  request.preview = TRUE;
  pages = ethos_form_job_lay_out (job, values, &request, &error);
  g_assert_no_error (error);
  doc = ethos_form_pages_get_document (pages);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const EthosBlock *block = doc->blocks->pdata[i];
      if (block->kind == ETHOS_BLOCK_FIELD && g_str_equal (block->label, "Client name"))
        blank_name = block->value == NULL;
    }
  g_assert_true (blank_name);
  /* A preview is of a filled form: no "Applies" boxes, today's date. */
  for (guint i = 0; i < doc->blocks->len; i++)
    g_assert_null (((EthosBlock *) doc->blocks->pdata[i])->kind == ETHOS_BLOCK_HEADING
                   ? ((EthosBlock *) doc->blocks->pdata[i])->note : NULL);
}

/* An unlocked clause reworded for one client prints its new wording and the
 * footer says "adapted"; the template keeps its own; a locked clause refuses. */
static void
test_reworded (void)
{
  g_autoptr(EthosFormJob) job = new_job ("informed-consent");
  EthosTemplate *tmpl = ethos_form_job_get_template (job);
  g_autoptr(EthosFormValues) values = ethos_form_values_new (tmpl);
  g_autoptr(GHashTable) reworded = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(EthosFormPages) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "reworded.pdf", NULL);
  g_autofree char *printed = NULL;
  g_autofree char *plain_path = g_build_filename (tmp_dir, "plain.pdf", NULL);
  g_autofree char *plain = NULL;
  EthosFormRequest request = { "en", ETHOS_PAPER_LETTER, .reworded = reworded };
  const char *original = ethos_lang_text_get (ethos_template_get_clause (tmpl, "appointments")->body,
                                              "en");
  g_autofree char *before = g_strdup (original);

  set (values, "client_name", "Ana");
  g_hash_table_insert (reworded, "appointments",
                       "We meet on Tuesday evenings at the library, for {session_length}.");
  g_assert_true (ethos_pdf_write_form (job, values, &request, path, &error));
  g_assert_no_error (error);
  printed = pdf_text (path);
  g_assert_nonnull (strstr (printed, "Tuesday evenings at the library"));
  g_assert_nonnull (strstr (printed, "informed-consent 1.0 (adapted)"));
  g_assert_cmpstr (ethos_lang_text_get (ethos_template_get_clause (tmpl, "appointments")->body,
                                        "en"), ==, before);

  /* The same form without the rewording: no "adapted". */
  request.reworded = NULL;
  g_assert_true (ethos_pdf_write_form (job, values, &request, plain_path, &error));
  plain = pdf_text (plain_path);
  g_assert_null (strstr (plain, "adapted"));
  g_assert_null (strstr (plain, "Tuesday evenings"));

  request.lang = "es";
  request.reworded = reworded;
  g_hash_table_insert (reworded, "appointments", "Nos vemos los martes.");
  pages = ethos_form_job_lay_out (job, values, &request, &error);
  g_assert_no_error (error);
  text = document_text (pages);
  g_assert_nonnull (strstr (text, "(adaptado)"));
  g_clear_pointer (&pages, ethos_form_pages_free);

  g_hash_table_insert (reworded, "withdraw", "You may never stop.");
  pages = ethos_form_job_lay_out (job, values, &request, &error);
  g_assert_null (pages);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "locked"));
  g_clear_error (&error);

  g_hash_table_remove (reworded, "withdraw");
  g_hash_table_insert (reworded, "appointments", "Fees: {no_such_field}");
  pages = ethos_form_job_lay_out (job, values, &request, &error);
  g_assert_null (pages);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "no_such_field"));
}

typedef struct
{
  GCancellable *cancellable;
  guint         cancel_after;
  GPtrArray    *lines_failed;
  guint         calls;
} BatchWatch;

static void
batch_row_cb (const EthosBatchRow *row,
              gpointer             user_data)
{
  BatchWatch *watch = user_data;

  watch->calls++;
  g_assert_cmpuint (row->row, ==, watch->calls);
  if (row->error != NULL)
    {
      /* Messages name the field, never the value. */
      g_assert_null (strstr (row->error->message, "Evil"));
      g_ptr_array_add (watch->lines_failed, GUINT_TO_POINTER (row->line));
    }
  else
    g_assert_nonnull (row->file_name);
  if (watch->cancel_after > 0 && row->row == watch->cancel_after)
    g_cancellable_cancel (watch->cancellable);
}

static GPtrArray *
parse_csv (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = ethos_csv_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  return records;
}

static void
test_batch_cancel_and_bad_row (void)
{
  g_autoptr(EthosFormJob) job = new_job ("informed-consent");
  g_autoptr(GPtrArray) records = parse_csv ("client_name,client_dob\n"
                                            "Ana,1990-01-01\n"
                                            "Evil,1990-13-45\n"
                                            "Bob,\n"
                                            "Chen,1980-02-02\n"
                                            "Dana,1970-03-03\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autofree char *out = g_build_filename (tmp_dir, "batch", NULL);
  g_autofree char *first = g_build_filename (out, "0001-informed-consent.pdf", NULL);
  g_autofree char *third = g_build_filename (out, "0003-informed-consent.pdf", NULL);
  g_autofree char *fourth = g_build_filename (out, "0004-informed-consent.pdf", NULL);
  g_autofree char *first_text = NULL;
  g_autoptr(GError) error = NULL;
  EthosFormRequest request = { "en", ETHOS_PAPER_LETTER };
  /* One thread: the rows after the cancelled one are never begun. */
  EthosBatchOptions options = { &request, "clients.csv", out, NULL, .threads = 1 };
  BatchWatch watch = { cancellable, 3, lines, 0 };
  EthosBatchSummary summary;

  g_assert_true (ethos_pdf_write_batch (job, records, &options, batch_row_cb, &watch,
                                        cancellable, &summary, &error));
  g_assert_no_error (error);
  g_assert_true (summary.cancelled);
  g_assert_cmpuint (summary.written, ==, 2);
  g_assert_cmpuint (summary.failed, ==, 1);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (lines->pdata[0]), ==, 3);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (third, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (fourth, G_FILE_TEST_EXISTS));
  first_text = pdf_text (first);
  g_assert_nonnull (strstr (first_text, "Ana"));
}

#define N_CLIENTS 48

/* N_CLIENTS rows, rows 5 and 17 invalid: "Client N" on line N + 1. */
static GPtrArray *
numbered_clients (void)
{
  g_autoptr(GString) csv = g_string_new ("client_name,client_dob\n");

  for (guint r = 1; r <= N_CLIENTS; r++)
    g_string_append_printf (csv, "Client %u,%s\n", r,
                            r == 5 || r == 17 ? "1990-13-45" : "1980-02-02");
  return parse_csv (csv->str);
}

static void
test_batch_threads (void)
{
  g_autoptr(EthosFormJob) job = new_job ("informed-consent");
  g_autoptr(GPtrArray) records = numbered_clients ();
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autofree char *one = g_build_filename (tmp_dir, "batch-one-thread", NULL);
  g_autofree char *three = g_build_filename (tmp_dir, "batch-three-threads", NULL);
  g_autoptr(GError) error = NULL;
  EthosFormRequest request = { "en", ETHOS_PAPER_LETTER };
  EthosBatchOptions options = { &request, "clients.csv", three, NULL, .threads = 3 };
  BatchWatch watch = { NULL, 0, lines, 0 };
  EthosBatchSummary summary;
  /* The two runs print the same date, whenever they run; the threads share it. */
  g_autoptr(GDate) today = g_date_new_dmy (2, G_DATE_DECEMBER, 2026);

  request.today = today;

  /* Three threads: every row reported once, in order (batch_row_cb), and
   * more than one thread wrote rows. */
  g_assert_true (ethos_pdf_write_batch (job, records, &options, batch_row_cb, &watch, NULL,
                                        &summary, &error));
  g_assert_no_error (error);
  g_assert_false (summary.cancelled);
  g_assert_cmpuint (summary.threads, >=, 2);
  g_assert_cmpuint (summary.threads, <=, 3);
  g_assert_cmpuint (watch.calls, ==, N_CLIENTS);
  g_assert_cmpuint (summary.written, ==, N_CLIENTS - 2);
  g_assert_cmpuint (summary.failed, ==, 2);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (lines->pdata[0]), ==, 6);
  g_assert_cmpuint (GPOINTER_TO_UINT (lines->pdata[1]), ==, 18);

  /* The same files, byte for byte, as one thread writes them. */
  options.out_dir = one;
  options.threads = 1;
  g_assert_true (ethos_pdf_write_batch (job, records, &options, NULL, NULL, NULL, &summary,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.written, ==, N_CLIENTS - 2);
  g_assert_cmpuint (summary.threads, ==, 1);
  for (guint r = 1; r <= N_CLIENTS; r++)
    {
      g_autofree char *name = g_strdup_printf ("%04u-informed-consent.pdf", r);
      g_autofree char *path = g_build_filename (three, name, NULL);
      g_autofree char *other = g_build_filename (one, name, NULL);
      g_autofree char *bytes = NULL, *other_bytes = NULL;
      g_autofree char *text = NULL, *client = NULL;
      gsize length, other_length;

      if (r == 5 || r == 17)
        {
          g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
          continue;
        }
      g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
      g_assert_true (g_file_get_contents (other, &other_bytes, &other_length, NULL));
      g_assert_cmpmem (bytes, length, other_bytes, other_length);
      text = pdf_text (path);
      client = g_strdup_printf ("Client %u\n", r);
      g_assert_nonnull (strstr (text, client));
    }
}

/* Cancelled with helpers at work: what was done is all reported, and
 * nothing else was written. */
static void
test_batch_threads_cancelled (void)
{
  g_autoptr(EthosFormJob) job = new_job ("informed-consent");
  g_autoptr(GPtrArray) records = numbered_clients ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autofree char *out = g_build_filename (tmp_dir, "batch-cancelled", NULL);
  g_autoptr(GError) error = NULL;
  EthosFormRequest request = { "en", ETHOS_PAPER_LETTER };
  EthosBatchOptions options = { &request, "clients.csv", out, NULL, .threads = 3 };
  BatchWatch watch = { cancellable, 1, lines, 0 };
  EthosBatchSummary summary;
  guint files = 0;

  g_assert_true (ethos_pdf_write_batch (job, records, &options, batch_row_cb, &watch,
                                        cancellable, &summary, &error));
  g_assert_no_error (error);
  g_assert_true (summary.cancelled);
  g_assert_cmpuint (watch.calls, >=, 1);
  g_assert_cmpuint (watch.calls, <, N_CLIENTS);
  g_assert_cmpuint (summary.written + summary.failed, ==, watch.calls);
  for (guint r = 1; r <= N_CLIENTS; r++)
    {
      g_autofree char *name = g_strdup_printf ("%04u-informed-consent.pdf", r);
      g_autofree char *path = g_build_filename (out, name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_assert_cmpuint (r, <=, watch.calls);
          files++;
        }
    }
  g_assert_cmpuint (files, ==, summary.written);
}

static void
warnings_row_cb (const EthosBatchRow *row,
                 gpointer             user_data)
{
  GPtrArray *warned = user_data;

  g_assert_nonnull (row->warnings);
  if (row->warnings[0] != NULL)
    {
      g_assert_nonnull (strstr (row->warnings[0], "minor"));
      g_assert_null (strstr (row->warnings[0], "Kim"));
      g_ptr_array_add (warned, GUINT_TO_POINTER (row->line));
    }
}

/* What generate warns of, the batch tells per row: a minor's form that
 * names no parent or guardian (rows 2 and 4), not one that does (row 3). */
static void
test_batch_warnings (void)
{
  g_autoptr(EthosFormJob) job = new_job ("informed-consent");
  g_autoptr(GPtrArray) records = parse_csv ("client_name,client_dob,guardian1_name\n"
                                            "Ana,1990-01-01,\n"
                                            "Kim,2015-05-05,\n"
                                            "Lee,2014-04-04,Pat Lee\n"
                                            "Max,2016-06-06,\n"
                                            "Bad,2016-13-45,\n");
  g_autoptr(GPtrArray) warned = g_ptr_array_new ();
  g_autofree char *out = g_build_filename (tmp_dir, "batch-warnings", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (2, G_DATE_DECEMBER, 2026);
  EthosFormRequest request = { "en", ETHOS_PAPER_LETTER, .today = today };
  EthosBatchOptions options = { &request, "clients.csv", out, NULL, .threads = 2 };
  EthosBatchSummary summary;

  g_assert_true (ethos_pdf_write_batch (job, records, &options, warnings_row_cb, warned, NULL,
                                        &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.written, ==, 4);
  g_assert_cmpuint (summary.failed, ==, 1);
  g_assert_cmpuint (summary.warned, ==, 2);
  g_assert_cmpuint (warned->len, ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (warned->pdata[0]), ==, 3);
  g_assert_cmpuint (GPOINTER_TO_UINT (warned->pdata[1]), ==, 5);
}

static void
test_batch_header_checked_first (void)
{
  g_autoptr(EthosFormJob) job = new_job ("informed-consent");
  g_autoptr(GPtrArray) records = parse_csv ("client_name,shoe_size\nAna,9\n");
  g_autofree char *out = g_build_filename (tmp_dir, "never-made", NULL);
  g_autoptr(GError) error = NULL;
  EthosFormRequest request = { "en", ETHOS_PAPER_LETTER };
  EthosBatchOptions options = { &request, "clients.csv", out, NULL };
  EthosBatchSummary summary;

  g_assert_false (ethos_pdf_write_batch (job, records, &options, NULL, NULL, NULL, &summary,
                                         &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "shoe_size"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_paper (void)
{
  EthosPaper paper;
  double w, h;

  g_assert_true (ethos_paper_from_name ("Legal", &paper));
  g_assert_cmpint (paper, ==, ETHOS_PAPER_LEGAL);
  ethos_paper_get_size (paper, &w, &h);
  g_assert_cmpfloat (w, ==, 612);
  g_assert_cmpfloat (h, ==, 1008);
  g_assert_false (ethos_paper_from_name ("tabloid", &paper));
  g_assert_cmpstr (ethos_paper_to_name (ETHOS_PAPER_A4), ==, "a4");
}

/* Letter where the locale's paper is Letter: glibc's answer for LC_PAPER is
 * in the low 32 bits of a pointer-sized value (the rest is garbage). The
 * locales are compiled for the test (localedef, Debian's locales). */
static void
test_paper_for_locale (void)
{
  g_autofree char *dir = g_build_filename (tmp_dir, "locales", NULL);
  const char *cases[][2] = { { "en_US", "letter" }, { "es_MX", "letter" }, { "de_DE", "a4" },
                             { "es_ES", "a4" } };
  g_autofree char *saved = g_strdup (setlocale (LC_PAPER, NULL));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_setenv ("LOCPATH", dir, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.UTF-8", cases[i][0]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      const char *argv[] = { "localedef", "-i", cases[i][0], "-f", "UTF-8", path, NULL };
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                                   G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                                   G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                                   &status, NULL));
      g_assert_nonnull (setlocale (LC_PAPER, name));
      g_assert_cmpstr (ethos_paper_to_name (ethos_paper_for_locale ()), ==, cases[i][1]);
    }
  setlocale (LC_PAPER, saved);
  g_unsetenv ("LOCPATH");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tmp_dir = ethos_test_init (&argc, &argv);
  g_test_add_func ("/pipeline/job-holds-template", test_job_holds_template);
  g_test_add_func ("/pipeline/values-untouched", test_values_untouched);
  g_test_add_func ("/pipeline/preview", test_preview);
  g_test_add_func ("/pipeline/reworded", test_reworded);
  g_test_add_func ("/pipeline/batch-cancel-and-bad-row", test_batch_cancel_and_bad_row);
  g_test_add_func ("/pipeline/batch-threads", test_batch_threads);
  g_test_add_func ("/pipeline/batch-threads-cancelled", test_batch_threads_cancelled);
  g_test_add_func ("/pipeline/batch-warnings", test_batch_warnings);
  g_test_add_func ("/pipeline/batch-header-checked-first", test_batch_header_checked_first);
  g_test_add_func ("/pipeline/paper", test_paper);
  g_test_add_func ("/pipeline/paper-for-locale", test_paper_for_locale);
  ret = g_test_run ();
  g_free (tmp_dir);
  return ret;
}
