/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <gtk/gtk.h>
#include <gtk/gtkunixprint.h>
#include <poppler.h>

#include "ethos-batch-dialog.h"
#include "ethos-clause-editor.h"
#include "ethos-form-print.h"
#include "ethos-paths.h"
#include "ethos-preview-page.h"
#include "ethos-template-store.h"
#include "ethos-test-window.h"

/* A counselor fills a form in the window: the preview, Export, Print to
 * File, the wording of unlocked clauses, the warning for a form with a gap,
 * the batch, and what is left on disk afterwards. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)

#define CLIENT "Nguyễn Thị Minh"
#define MOTHER "Trần Thị Lan"

static const char *test_dir;

static EthosFormFill *
open_form (EthosWindow *window,
           const char  *id)
{
  g_autoptr(GError) error = NULL;
  EthosFormsPage *page = ethos_test_show_forms (window);
  EthosFormFill *fill;

  g_assert_true (ethos_forms_page_show_template (page, id, &error));
  g_assert_no_error (error);
  fill = ethos_forms_page_get_fill (page);
  g_assert_nonnull (fill);
  ethos_test_wait_until (ethos_test_is_shown, fill, "the form to fill");
  return fill;
}

static void
set (EthosFormFill *fill,
     const char    *field,
     const char    *text)
{
  ethos_form_fields_set_text (ethos_form_fill_get_fields (fill), field, text);
}

static char *
pdf_text (const char *path,
          int        *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(PopplerDocument) pdf = poppler_document_new_from_file (uri, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  if (n_pages != NULL)
    *n_pages = poppler_document_get_n_pages (pdf);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append_printf (text, "%s\f", page_text);
      g_object_unref (page);
    }
  return g_string_free (text, FALSE);
}

static char *
cli_generate (const char  *out,
              const char  *lang,
              const char **sets)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("ETHOS_CLI"));
  g_ptr_array_add (argv, "generate");
  g_ptr_array_add (argv, "informed-consent");
  g_ptr_array_add (argv, "-o");
  g_ptr_array_add (argv, (gpointer) out);
  g_ptr_array_add (argv, "--lang");
  g_ptr_array_add (argv, (gpointer) lang);
  g_ptr_array_add (argv, "--paper");
  g_ptr_array_add (argv, "a4");
  for (guint i = 0; sets[i] != NULL; i++)
    {
      g_ptr_array_add (argv, "--set");
      g_ptr_array_add (argv, (gpointer) sets[i]);
    }
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("ethos-cli generate failed: %s", err);
  return pdf_text (out, NULL);
}

static gboolean
preview_shows (gpointer data)
{
  EthosFormFill *fill = data;
  EthosFormPages *pages = ethos_form_preview_get_pages (ethos_form_fill_get_preview (fill));
  g_autofree char *text = NULL;

  if (pages == NULL)
    return FALSE;
  text = ethos_document_get_all_text (ethos_form_pages_get_document (pages));
  return strstr (text, CLIENT) != NULL && strstr (text, MOTHER) != NULL;
}

static void
assert_private_file (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* Nguyễn Thị Minh, a minor, with her mother as guardian: the preview shows
 * it as it is typed, and Export writes the PDF ethos-cli writes, in
 * English and in Spanish. */
static void
test_consent_body (EthosApplication *app,
                   EthosWindow      *window)
{
  EthosFormFill *fill = open_form (window, "informed-consent");
  EthosFormsPage *page = window->forms_page;
  const char *sets[] = { "client_name=" CLIENT, "client_dob=2012-03-14",
                         "guardian1_name=" MOTHER, "guardian1_relationship=mother", NULL };
  const char *sets_es[] = { "client_name=" CLIENT, "client_dob=2012-03-14",
                            "guardian1_name=" MOTHER, "guardian1_relationship=madre", NULL };
  const char *langs[] = { "en", "es" };
  GtkWidget *page_widget;

  ethos_form_fill_set_paper (fill, ETHOS_PAPER_A4);
  set (fill, "client_name", CLIENT);
  set (fill, "client_dob", "2012-03-14");
  set (fill, "guardian1_name", MOTHER);
  set (fill, "guardian1_relationship", "mother");
  /* The date of birth answered "minor". */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (ethos_form_fields_get_editable (
                   ethos_form_fill_get_fields (fill), "client_is_minor"))));
  /* Laid out off the keystroke, at the next idle moment. */
  ethos_test_wait_until (preview_shows, fill, "the preview to show the client and her mother");
  page_widget = ethos_form_preview_get_page (ethos_form_fill_get_preview (fill), 0);
  ethos_test_wait_until (ethos_test_is_shown, page_widget, "the first page");
  ethos_test_spin (100);
  g_assert_cmpuint (ethos_preview_page_get_paints (ETHOS_PREVIEW_PAGE (page_widget)), >, 0);

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autofree char *ours = g_strdup_printf ("%s/window-%s.pdf", test_dir, langs[l]);
      g_autofree char *theirs = g_strdup_printf ("%s/cli-%s.pdf", test_dir, langs[l]);
      g_autoptr(GFile) file = g_file_new_for_path (ours);
      g_autoptr(GError) error = NULL;
      g_autofree char *window_text = NULL;
      g_autofree char *cli_text = NULL;

      ethos_form_fill_set_lang (fill, langs[l]);
      if (l == 1)
        set (fill, "guardian1_relationship", "madre");
      g_assert_true (ethos_forms_page_export_to (page, file, &error));
      g_assert_no_error (error);
      assert_private_file (ours);
      window_text = pdf_text (ours, NULL);
      cli_text = cli_generate (theirs, langs[l], l == 0 ? sets : sets_es);
      g_assert_cmpstr (window_text, ==, cli_text);
      g_assert_nonnull (strstr (window_text, CLIENT));
      g_assert_nonnull (strstr (window_text, l == 0 ? "Minor's assent" : "Asentimiento del menor"));
    }
}

static void
test_consent (void)
{
  ethos_test_run_app (test_consent_body);
}

/* Print to File: the pages of the form; a page range prints only those. */
typedef struct
{
  gboolean                done;
  gboolean                previewed;
  GtkPrintOperationResult result;
} PrintWait;

static void
print_done_cb (GtkPrintOperationResult  result,
               gboolean                 previewed,
               GtkPrintSettings        *settings,
               const GError            *error,
               gpointer                 data)
{
  PrintWait *wait = data;

  g_assert_no_error ((GError *) error);
  wait->result = result;
  wait->previewed = previewed;
  wait->done = TRUE;
}

static gboolean
print_finished (gpointer data)
{
  return ((PrintWait *) data)->done;
}

/* GTK 4.8's print dialog looks its printer up in a list store that is not
 * one yet when only the file backend is loaded (a critical, harmless); any
 * other warning stays fatal. */
static gboolean
ignore_print_dialog_critical (const char     *domain,
                              GLogLevelFlags  level,
                              const char     *message,
                              gpointer        data)
{
  return !(g_strcmp0 (domain, "GLib-GIO") == 0 &&
           strstr (message, "g_list_store_find_with_equal_func_full") != NULL);
}

/* The print dialog, once it has picked the printer the settings name. */
static gboolean
print_dialog_ready (gpointer data)
{
  GtkWidget **found = data;
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_PRINT_UNIX_DIALOG (window) &&
          gtk_print_unix_dialog_get_selected_printer (GTK_PRINT_UNIX_DIALOG (window)) != NULL)
        {
          *found = GTK_WIDGET (window);
          return TRUE;
        }
    }
  return FALSE;
}

static int
print_to_file (EthosFormFill           *fill,
               GtkPrintOperationAction  action,
               const char              *path,
               GtkPrintSettings        *settings)
{
  g_autoptr(EthosFormValues) values =
    ethos_form_values_copy (ethos_form_fields_get_values (ethos_form_fill_get_fields (fill)));
  EthosFormRequest request;
  PrintWait wait = { FALSE };
  int n_pages = 0;
  g_autofree char *text = NULL;

  ethos_form_fill_get_request (fill, &request);
  ethos_form_print (NULL, ethos_form_fill_get_job (fill), values, &request, "Informed Consent",
                    action, action == GTK_PRINT_OPERATION_ACTION_EXPORT ? path : NULL, settings,
                    "informed-consent-test", -1, print_done_cb, &wait);
  if (action == GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG)
    {
      GtkWidget *dialog = NULL;

      /* As a user would: the dialog, its printer, Print. */
      g_test_log_set_fatal_handler (ignore_print_dialog_critical, NULL);
      ethos_test_wait_until (print_dialog_ready, &dialog, "the print dialog");
      g_assert_cmpstr (gtk_printer_get_name (gtk_print_unix_dialog_get_selected_printer (
                         GTK_PRINT_UNIX_DIALOG (dialog))), ==, "Print to File");
      gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
    }
  ethos_test_wait_until (print_finished, &wait, "the print operation");
  g_assert_cmpint (wait.result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  assert_private_file (path);
  text = pdf_text (path, &n_pages);
  g_assert_nonnull (strstr (text, "informed-consent 1.0"));
  return n_pages;
}

static void
test_print_body (EthosApplication *app,
                 EthosWindow      *window)
{
  EthosFormFill *fill = open_form (window, "informed-consent");
  g_autofree char *all = g_build_filename (test_dir, "printed.pdf", NULL);
  g_autofree char *first = g_build_filename (test_dir, "printed-page-2.pdf", NULL);
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  GtkPageRange range = { 1, 1 };   /* the second page, counted from 0 */
  EthosFormPages *pages;
  int n;

  set (fill, "client_name", CLIENT);
  ethos_form_fill_update_now (fill);
  pages = ethos_form_preview_get_pages (ethos_form_fill_get_preview (fill));
  n = (int) ethos_layout_get_n_pages (ethos_form_pages_get_layout (pages));
  g_assert_cmpint (n, >=, 2);
  g_assert_cmpint (print_to_file (fill, GTK_PRINT_OPERATION_ACTION_EXPORT, all, NULL), ==, n);

  /* The print dialog with GTK's own "Print to File" printer and a page
   * range. No CUPS here: only the file backend is asked. */
  g_object_set (gtk_settings_get_default (), "gtk-print-backends", "file", NULL);
  {
    g_autofree char *uri = g_filename_to_uri (first, NULL, NULL);

    gtk_print_settings_set_printer (settings, "Print to File");
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  }
  gtk_print_settings_set_print_pages (settings, GTK_PRINT_PAGES_RANGES);
  gtk_print_settings_set_page_ranges (settings, &range, 1);
  g_assert_cmpint (print_to_file (fill, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, first, settings),
                   ==, 1);
  {
    g_autofree char *text = pdf_text (first, NULL);
    g_autofree char *label = g_strdup_printf ("Page 2 of %d", n);
    g_assert_nonnull (strstr (text, label));
  }
}

static guint
count_previews (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, "preview") && g_str_has_suffix (name, ".pdf");
  return n;
}

/* The print dialog's Preview writes nothing: GTK's own would leave the
 * client's form in /tmp. */
static void
test_print_preview_body (EthosApplication *app,
                         EthosWindow      *window)
{
  EthosFormFill *fill = open_form (window, "informed-consent");
  g_autoptr(EthosFormValues) values = NULL;
  EthosFormRequest request;
  PrintWait wait = { FALSE };
  GtkWidget *dialog = NULL;
  guint before = count_previews ();
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();

  gtk_print_settings_set_printer (settings, "Print to File");
  set (fill, "client_name", CLIENT);
  values = ethos_form_values_copy (ethos_form_fields_get_values (ethos_form_fill_get_fields (fill)));
  ethos_form_fill_get_request (fill, &request);
  g_object_set (gtk_settings_get_default (), "gtk-print-backends", "file", NULL);
  g_test_log_set_fatal_handler (ignore_print_dialog_critical, NULL);
  ethos_form_print (NULL, ethos_form_fill_get_job (fill), values, &request, "Informed Consent",
                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, settings,
                    "informed-consent-test", 0, print_done_cb, &wait);
  ethos_test_wait_until (print_dialog_ready, &dialog, "the print dialog");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_APPLY);
  ethos_test_wait_until (print_finished, &wait, "the preview to end");
  g_assert_true (wait.previewed);
  g_assert_cmpint (wait.result, ==, GTK_PRINT_OPERATION_RESULT_CANCEL);
  ethos_test_spin (200);
  g_assert_cmpuint (count_previews (), ==, before);
}

static void
test_print_preview (void)
{
  ethos_test_run_app (test_print_preview_body);
}

static void
test_print (void)
{
  ethos_test_run_app (test_print_body);
}

static void
test_paper_for_sheet (void)
{
  double scale;

  g_assert_cmpint (ethos_form_print_paper_for_sheet (612, 792, &scale), ==, ETHOS_PAPER_LETTER);
  g_assert_cmpfloat (scale, ==, 1);
  g_assert_cmpint (ethos_form_print_paper_for_sheet (595.3, 841.9, &scale), ==, ETHOS_PAPER_A4);
  g_assert_cmpfloat (scale, ==, 1);
  g_assert_cmpint (ethos_form_print_paper_for_sheet (612, 1008, &scale), ==, ETHOS_PAPER_LEGAL);
  /* A5 prints as A4 scaled to fit; landscape Letter as Letter. */
  g_assert_cmpint (ethos_form_print_paper_for_sheet (419.5, 595.3, &scale), ==, ETHOS_PAPER_A4);
  g_assert_cmpfloat_with_epsilon (scale, 0.705, 0.01);
  g_assert_cmpint (ethos_form_print_paper_for_sheet (792, 612, &scale), ==, ETHOS_PAPER_LETTER);
}

/* Locked clauses offer no Edit; an unlocked one reworded for this client
 * prints its new wording, the footer says "adapted", the template keeps its
 * own, and a blank form carries nothing typed. */
static void
test_wording_body (EthosApplication *app,
                   EthosWindow      *window)
{
  EthosFormFill *fill = open_form (window, "informed-consent");
  EthosTemplate *tmpl = ethos_form_fill_get_template (fill);
  const char *before = ethos_lang_text_get (ethos_template_get_clause (tmpl, "appointments")->body,
                                            "en");
  g_autofree char *original = g_strdup (before);
  g_autofree char *path = g_build_filename (test_dir, "reworded.pdf", NULL);
  g_autofree char *blank = g_build_filename (test_dir, "blank.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) blank_file = g_file_new_for_path (blank);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *blank_text = NULL;
  GtkWidget *edit;
  GList *toplevels;
  EthosClauseEditor *editor = NULL;

  g_assert_null (ethos_form_fill_get_edit_button (fill, "withdraw"));
  g_assert_null (ethos_form_fill_get_edit_button (fill, "privacy-limits"));
  edit = ethos_form_fill_get_edit_button (fill, "appointments");
  g_assert_nonnull (edit);

  g_signal_emit_by_name (edit, "clicked");
  ethos_test_spin (50);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ETHOS_IS_CLAUSE_EDITOR (l->data))
      editor = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (editor);
  gtk_text_buffer_set_text (ethos_clause_editor_get_buffer (editor),
                            "We meet on Tuesday evenings at the library. Fees: {fees}.", -1);
  g_assert_true (ethos_clause_editor_apply (editor));
  ethos_test_spin (50);

  set (fill, "client_name", CLIENT);
  g_assert_true (ethos_forms_page_export_to (window->forms_page, file, &error));
  g_assert_no_error (error);
  text = pdf_text (path, NULL);
  g_assert_nonnull (strstr (text, "Tuesday evenings at the library"));
  g_assert_nonnull (strstr (text, "informed-consent 1.0 (adapted)"));
  g_assert_cmpstr (ethos_lang_text_get (ethos_template_get_clause (tmpl, "appointments")->body,
                                        "en"), ==, original);

  /* The editor refuses a placeholder the form does not have. */
  g_assert_false (ethos_form_fill_set_reworded (fill, "appointments", "Hi {shoe_size}", &error));
  g_assert_nonnull (strstr (error->message, "shoe_size"));
  g_clear_error (&error);

  ethos_form_fill_set_blank (fill, TRUE);
  g_assert_true (ethos_forms_page_export_to (window->forms_page, blank_file, &error));
  g_assert_no_error (error);
  blank_text = pdf_text (blank, NULL);
  g_assert_null (strstr (blank_text, CLIENT));
  g_assert_nonnull (strstr (blank_text, "Applies"));
}

static void
test_wording (void)
{
  ethos_test_run_app (test_wording_body);
}

/* The required name is asked for, in words, before a form is exported. */
static void
test_required_body (EthosApplication *app,
                    EthosWindow      *window)
{
  EthosFormFill *fill = open_form (window, "informed-consent");
  EthosFormFields *fields = ethos_form_fill_get_fields (fill);
  g_autofree char *path = g_build_filename (test_dir, "never.pdf", NULL);

  g_assert_null (ethos_form_fields_get_message (fields, "client_name"));
  set (fill, "client_dob", "12/01/201");
  g_assert_null (ethos_form_fields_get_message (fields, "client_dob"));   /* still typing */
  set (fill, "client_dob", "31/02/2012");
  /* Written out in full, not on the calendar: said at once, not at export. */
  g_assert_cmpstr (ethos_form_fields_get_message (fields, "client_dob"), ==,
                   "“Client date of birth” is not a day of the calendar: check the day and the "
                   "month");
  gtk_widget_activate_action (GTK_WIDGET (window->forms_page), "forms.export", NULL);
  ethos_test_spin (50);
  g_assert_cmpstr (ethos_form_fields_get_message (fields, "client_name"), ==,
                   "Client name is required");
  g_assert_cmpstr (ethos_form_fields_get_message (fields, "client_dob"), ==,
                   "“Client date of birth” is not a day of the calendar: check the day and the "
                   "month");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  set (fill, "client_dob", "next spring");
  g_assert_nonnull (strstr (ethos_form_fields_get_message (fields, "client_dob"),
                            "“Client date of birth” needs a date, such as 05/23/2014 or 2014-05-23"));
  set (fill, "client_name", "Ana");
  set (fill, "client_dob", "2012-02-28");
  g_assert_null (ethos_form_fields_get_message (fields, "client_name"));
  g_assert_null (ethos_form_fields_get_message (fields, "client_dob"));
}

static void
test_required (void)
{
  ethos_test_run_app (test_required_body);
}

/* Batch: N files written, a bad row listed by its line; Cancel stops
 * between rows and what was written is whole. */
typedef struct
{
  EthosBatchDialog *dialog;
  gboolean          finished;
  guint             cancel_at;
} BatchWait;

static void
batch_finished_cb (EthosBatchDialog *dialog,
                   BatchWait        *wait)
{
  wait->finished = TRUE;
}

static gboolean
batch_progress (gpointer data)
{
  BatchWait *wait = data;

  if (wait->cancel_at > 0 && ethos_batch_dialog_get_done (wait->dialog) >= wait->cancel_at)
    {
      ethos_batch_dialog_cancel (wait->dialog);
      wait->cancel_at = 0;
    }
  return wait->finished;
}

static void
run_batch (EthosFormFill *fill,
           const char    *csv,
           const char    *out,
           BatchWait     *wait)
{
  EthosFormRequest request;
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GFile) out_file = g_file_new_for_path (out);

  ethos_form_fill_get_request (fill, &request);
  wait->dialog = ethos_batch_dialog_new (NULL, ethos_form_fill_get_job (fill), &request, "en");
  g_signal_connect (wait->dialog, "finished", G_CALLBACK (batch_finished_cb), wait);
  gtk_window_present (GTK_WINDOW (wait->dialog));
  ethos_batch_dialog_set_csv (wait->dialog, csv_file);
  ethos_batch_dialog_set_folder (wait->dialog, out_file);
  g_assert_true (ethos_batch_dialog_start (wait->dialog));
  /* The window keeps answering while it runs. */
  g_assert_true (ethos_batch_dialog_is_running (wait->dialog));
  ethos_test_wait_until (batch_progress, wait, "the batch");
  ethos_test_spin (50);
}

static void
test_batch_body (EthosApplication *app,
                 EthosWindow      *window)
{
  EthosFormFill *fill = open_form (window, "informed-consent");
  g_autofree char *csv = g_build_filename (test_dir, "clients.csv", NULL);
  g_autofree char *big = g_build_filename (test_dir, "many.csv", NULL);
  g_autofree char *out = g_build_filename (test_dir, "batch", NULL);
  g_autofree char *out2 = g_build_filename (test_dir, "batch-cancelled", NULL);
  g_autoptr(GString) rows = g_string_new ("client_name,client_dob\n");
  g_autoptr(GString) many = g_string_new ("client_name\n");
  BatchWait wait = { NULL };
  BatchWait cancelled = { NULL, FALSE, 3 };
  GArray *failed, *checked;
  guint n_files = 0;

  /* Row 3 (line 5) cannot be read; row 1 (line 3) is a minor's form
   * naming no guardian: written, and listed to check. */
  for (guint i = 0; i < 6; i++)
    g_string_append_printf (rows, "%s %u,%s\n", CLIENT, i,
                            i == 3 ? "1990-13-40" : i == 1 ? "2015-01-01" : "1990-01-01");
  g_assert_true (g_file_set_contents (csv, rows->str, -1, NULL));
  run_batch (fill, csv, out, &wait);
  g_assert_cmpuint (ethos_batch_dialog_get_written (wait.dialog), ==, 5);
  failed = ethos_batch_dialog_get_failed_lines (wait.dialog);
  g_assert_cmpuint (failed->len, ==, 1);
  g_assert_cmpuint (g_array_index (failed, guint, 0), ==, 5);
  checked = ethos_batch_dialog_get_checked_lines (wait.dialog);
  g_assert_cmpuint (checked->len, ==, 1);
  g_assert_cmpuint (g_array_index (checked, guint, 0), ==, 3);
  g_assert_cmpstr (ethos_batch_dialog_get_summary (wait.dialog), ==,
                   "5 forms written, 1 to check; 1 row failed");
  gtk_window_destroy (GTK_WINDOW (wait.dialog));

  /* The same batch again: the earlier forms are not replaced unasked. */
  {
    BatchWait again = { NULL };
    AdwMessageDialog *ask = NULL;
    GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

    run_batch (fill, csv, out, &again);
    g_assert_cmpuint (ethos_batch_dialog_get_written (again.dialog), ==, 0);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) top = g_list_model_get_item (toplevels, i);
        if (ADW_IS_MESSAGE_DIALOG (top))
          ask = ADW_MESSAGE_DIALOG (top);
      }
    g_assert_nonnull (ask);
    g_assert_cmpstr (adw_message_dialog_get_heading (ask), ==,
                     "Replace Forms Already in This Folder?");
    again.finished = FALSE;
    adw_message_dialog_response (ask, "replace");
    ethos_test_wait_until (batch_progress, &again, "the batch, replacing");
    ethos_test_spin (50);
    g_assert_cmpuint (ethos_batch_dialog_get_written (again.dialog), ==, 5);
    gtk_window_destroy (GTK_WINDOW (again.dialog));
  }

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (many, "%s %u\n", CLIENT, i);
  g_assert_true (g_file_set_contents (big, many->str, -1, NULL));
  run_batch (fill, big, out2, &cancelled);
  g_test_message ("cancelled batch: %s", ethos_batch_dialog_get_summary (cancelled.dialog));
  g_assert_nonnull (strstr (ethos_batch_dialog_get_summary (cancelled.dialog), "Stopped"));
  {
    g_autoptr(GDir) dir = g_dir_open (out2, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (out2, name, NULL);
        g_autofree char *text = NULL;

        /* Only whole PDFs: no temporary files, nothing half-written. */
        g_assert_true (g_str_has_suffix (name, "-informed-consent.pdf"));
        text = pdf_text (path, NULL);
        g_assert_nonnull (strstr (text, CLIENT));
        n_files++;
      }
  }
  g_assert_cmpuint (n_files, >=, 3);
  g_assert_cmpuint (n_files, <, 300);
  gtk_window_destroy (GTK_WINDOW (cancelled.dialog));
}

static void
test_batch (void)
{
  ethos_test_run_app (test_batch_body);
}

/* The client's name is in no file the application keeps, after an export
 * and Clear Form. */
static gboolean
tree_contains (const char *path,
               const char *needle)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          if (tree_contains (child, needle))
            return TRUE;
        }
      else if (g_file_get_contents (child, &contents, &length, NULL) &&
               g_strstr_len (contents, length, needle) != NULL)
        {
          g_test_message ("%s holds the client's name", child);
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_privacy_body (EthosApplication *app,
                   EthosWindow      *window)
{
  EthosFormFill *fill = open_form (window, "informed-consent");
  g_autofree char *out_dir = g_build_filename (test_dir, "exports", NULL);
  g_autofree char *path = g_build_filename (out_dir, "informed-consent.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *entry;

  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  set (fill, "client_name", "Zyxwvut Privatename");
  entry = ethos_form_fields_get_editable (ethos_form_fill_get_fields (fill), "client_name");
  g_assert_true (adw_entry_row_get_input_hints (ADW_ENTRY_ROW (entry)) & GTK_INPUT_HINT_PRIVATE);
  set (fill, "professional_name", "Dana Whitfield");
  g_assert_true (ethos_forms_page_export_to (window->forms_page, file, &error));
  g_assert_no_error (error);
  ethos_forms_page_clear (window->forms_page);
  ethos_test_spin (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_null (ethos_form_values_get (ethos_form_fields_get_values (
                   ethos_form_fill_get_fields (fill)), "client_name"));
  /* Not client data: the professional's name is remembered. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ethos_form_fields_get_editable (
                     ethos_form_fill_get_fields (fill), "professional_name"))), ==,
                   "Dana Whitfield");
}

static void
test_privacy (void)
{
  g_autofree char *data = g_build_filename (test_dir, "data", NULL);
  g_autofree char *config = g_build_filename (test_dir, "config", NULL);
  g_autofree char *cache = g_build_filename (test_dir, "cache", NULL);

  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  ethos_test_run_app (test_privacy_body);
  g_assert_false (tree_contains (data, "Zyxwvut"));
  g_assert_false (tree_contains (config, "Zyxwvut"));
  g_assert_false (tree_contains (cache, "Zyxwvut"));
}

/* A label holding @needle in @widget; with @shown_only, only one on screen
 * (not in a menu that is not open). */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *needle,
            gboolean    shown_only)
{
  if (shown_only && !gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, needle, shown_only);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the notice above the preview shows @needle. */
static gboolean
notice_shows (EthosFormFill *fill,
              const char    *needle)
{
  GtkWidget *label = find_label (GTK_WIDGET (fill), needle, FALSE);
  GtkWidget *revealer = label ? gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER) : NULL;

  return revealer != NULL && gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

/* A new user exported a release that had ended in 2020 without a word: the
 * notice above the preview says so while it is so. */
static void
test_expired_release_body (EthosApplication *app,
                           EthosWindow      *window)
{
  EthosFormFill *fill = open_form (window, "release-of-information");
  const char *sentence = "The permission ends before the date of the form";

  set (fill, "client_name", "Ana");
  set (fill, "roi_expiry", "2027-06-30");
  ethos_test_spin (50);
  g_assert_false (notice_shows (fill, sentence));
  set (fill, "roi_expiry", "2020-01-01");
  ethos_test_spin (50);
  g_assert_true (notice_shows (fill, sentence));
  set (fill, "roi_expiry", "2099-01-01");
  ethos_test_spin (50);
  g_assert_false (notice_shows (fill, sentence));
}

static void
test_expired_release (void)
{
  ethos_test_run_app (test_expired_release_body);
}

static const char *
value_of (EthosFormFill *fill,
          const char    *field)
{
  return ethos_form_values_get (ethos_form_fields_get_values (ethos_form_fill_get_fields (fill)),
                                field);
}

/* One client across the forms open in the window (Clear already empties
 * them all): a new user typed the client's name into Informed Consent and
 * had to type it again into the Release of Information. Who the client is
 * follows; what one form asks (the release's recipient) stays with it. */
static void
test_same_client_body (EthosApplication *app,
                       EthosWindow      *window)
{
  EthosFormFill *consent = open_form (window, "informed-consent");
  EthosFormFill *release;

  set (consent, "client_name", "Ana Ruiz");
  set (consent, "client_dob", "2012-03-14");
  set (consent, "guardian1_name", "Lan Ruiz");
  release = open_form (window, "release-of-information");
  g_assert_cmpstr (value_of (release, "client_name"), ==, "Ana Ruiz");
  g_assert_cmpstr (value_of (release, "client_dob"), ==, "2012-03-14");
  g_assert_cmpstr (value_of (release, "client_is_minor"), ==, "true");
  g_assert_cmpstr (value_of (release, "guardian1_name"), ==, "Lan Ruiz");
  ethos_test_spin (50);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "filled in from the other forms", FALSE));

  /* Corrected in the release: the consent takes it when shown again; the
   * release's own fields stay its own. */
  set (release, "client_name", "Ana María Ruiz");
  set (release, "roi_recipient", "Dr. Lee");
  set (release, "guardian1_name", "");
  g_assert_true (open_form (window, "informed-consent") == consent);
  g_assert_cmpstr (value_of (consent, "client_name"), ==, "Ana María Ruiz");
  g_assert_null (value_of (consent, "guardian1_name"));
  g_assert_cmpstr (value_of (release, "roi_recipient"), ==, "Dr. Lee");

  /* Clear empties every form; the next one opened starts empty. */
  ethos_forms_page_clear (ethos_test_show_forms (window));
  g_assert_null (value_of (consent, "client_name"));
  g_assert_null (value_of (open_form (window, "telehealth-consent"), "client_name"));
  g_assert_null (value_of (open_form (window, "release-of-information"), "client_name"));
}

static void
test_same_client (void)
{
  ethos_test_run_app (test_same_client_body);
}

/* The preview's floating bar shows the zoom as a number in every mode: the
 * words "Fit Width" ("Ajustar al ancho") made it wider than a narrow
 * preview, over the fields and past the window's edge. */
static void
test_zoom_label_body (EthosApplication *app,
                      EthosWindow      *window)
{
  EthosFormFill *fill = open_form (window, "informed-consent");
  GtkWidget *preview = GTK_WIDGET (ethos_form_fill_get_preview (fill));
  double fit;

  ethos_test_spin (100);
  fit = ethos_form_preview_get_scale (ETHOS_FORM_PREVIEW (preview));
  g_assert_null (find_label (preview, "Fit Width", TRUE));
  g_assert_nonnull (find_label (preview, " %", TRUE));
  gtk_widget_activate_action (preview, "preview.zoom-in", NULL);
  ethos_test_spin (50);
  g_assert_cmpfloat (ethos_form_preview_get_scale (ETHOS_FORM_PREVIEW (preview)), >, fit);
  g_assert_nonnull (find_label (preview, " %", TRUE));
  gtk_widget_activate_action (preview, "preview.zoom-fit", NULL);
  ethos_test_spin (50);
  g_assert_cmpfloat (fabs (ethos_form_preview_get_scale (ETHOS_FORM_PREVIEW (preview)) - fit), <,
                     0.001);
  g_assert_null (find_label (preview, "Fit Width", TRUE));
}

static void
test_zoom_label (void)
{
  ethos_test_run_app (test_zoom_label_body);
}

/* An agency's copy without the clause on withdrawing consent: a warning
 * above the preview names what is missing. */
static void
test_warning_body (EthosApplication *app,
                   EthosWindow      *window)
{
  EthosFormFill *fill = open_form (window, "gap-consent");
  GtkWidget *warning = ethos_form_fill_get_warning (fill);

  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (warning)));
  g_assert_true (g_strv_contains (ethos_form_fill_get_uncovered (fill), "nohs-2#withdraw"));
  ethos_test_spin (50);
  g_assert_nonnull (find_label (warning, "NOHS 2: ", FALSE));
  g_assert_nonnull (find_label (warning, "withdraw", FALSE));
}

static void
test_warning (void)
{
  g_autofree char *builtin = ethos_paths_get_templates_dir ();
  g_autofree char *source = g_build_filename (builtin, "informed-consent.json", NULL);
  g_autofree char *copy = g_build_filename (test_dir, "gap-consent.json", NULL);
  g_autofree char *db_path = ethos_paths_get_user_db_file ();
  g_autofree char *json = NULL;
  g_autoptr(GRegex) drop = g_regex_new ("\"nohs-2#withdraw\"", 0, 0, NULL);
  g_autofree char *gutted = NULL;
  g_autofree char *renamed = NULL;
  g_autoptr(EthosUserDb) db = NULL;
  g_autoptr(EthosTemplateStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (source, &json, NULL, NULL));
  gutted = g_regex_replace_literal (drop, json, -1, 0, "", 0, NULL);
  renamed = g_strjoinv ("\"id\": \"gap-consent\"", g_strsplit (gutted, "\"id\": \"informed-consent\"", 2));
  g_assert_true (g_file_set_contents (copy, renamed, -1, NULL));
  db = ethos_user_db_open (db_path, &error);
  g_assert_no_error (error);
  store = ethos_template_store_new (builtin, db, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ethos_template_store_import (store, copy, &error));
  g_assert_no_error (error);
  g_clear_pointer (&store, ethos_template_store_free);
  g_clear_pointer (&db, ethos_user_db_free);
  ethos_test_run_app (test_warning_body);
}

/* Fields a form does not need for its values are collapsed (the core's
 * field-level "when"); a minor's form with nobody named says so; large
 * print and the accessible HTML come from the same form. */
static void
test_needed_and_output_body (EthosApplication *app,
                             EthosWindow      *window)
{
  EthosFormFill *fill = open_form (window, "informed-consent");
  EthosFormFields *fields = ethos_form_fill_get_fields (fill);
  g_autofree char *html = g_build_filename (test_dir, "accessible.html", NULL);
  g_autoptr(GFile) html_file = g_file_new_for_path (html);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  EthosFormPages *pages;
  guint n_ops, large = 0;
  const EthosOp *ops;

  g_assert_false (gtk_widget_get_visible (ethos_form_fields_get_row (fields, "guardian2_name")));
  g_assert_false (gtk_widget_get_visible (ethos_form_fields_get_row (fields,
                                                                     "referring_authority")));
  set (fill, "guardian1_name", MOTHER);
  g_assert_true (gtk_widget_get_visible (ethos_form_fields_get_row (fields, "guardian2_name")));
  set (fill, "mandated", "true");
  g_assert_true (gtk_widget_get_visible (ethos_form_fields_get_row (fields,
                                                                    "referring_authority")));
  set (fill, "guardian1_name", "");
  g_assert_false (gtk_widget_get_visible (ethos_form_fields_get_row (fields, "guardian2_name")));

  /* A minor, and nobody named to consent for her. */
  set (fill, "client_name", CLIENT);
  set (fill, "client_dob", "2012-03-14");
  ethos_form_fill_update_now (fill);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (
                   gtk_widget_get_next_sibling (ethos_form_fill_get_warning (fill)))));

  ethos_form_fill_set_large_print (fill, TRUE);
  ethos_form_fill_update_now (fill);
  pages = ethos_form_preview_get_pages (ethos_form_fill_get_preview (fill));
  ops = ethos_layout_get_ops (ethos_form_pages_get_layout (pages), 0, &n_ops);
  for (guint i = 0; i < n_ops; i++)
    large += ops[i].kind == ETHOS_OP_TEXT && ops[i].role == ETHOS_ROLE_BODY && ops[i].size >= 18;
  g_assert_cmpuint (large, >, 0);

  ethos_form_fill_set_lang (fill, "es");
  g_assert_true (ethos_forms_page_export_as (window->forms_page, html_file, ETHOS_FORM_HTML,
                                            &error));
  g_assert_no_error (error);
  assert_private_file (html);
  g_assert_true (g_file_get_contents (html, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "lang=\"es\""));
  g_assert_nonnull (strstr (contents, CLIENT));
  g_assert_null (strstr (contents, "<script"));
}

static void
test_needed_and_output (void)
{
  ethos_test_run_app (test_needed_and_output_body);
}

static gboolean
focus_in (GtkWindow *window,
          GtkWidget *row)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

static gboolean
dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

/* Keyboard only, with real key events (xdotool, through the X server):
 * Tab to the client name, type, Ctrl+Shift+S, Enter in the save dialog. */
static void
test_keyboard_body (EthosApplication *app,
                    EthosWindow      *window)
{
  EthosFormFill *fill = open_form (window, "informed-consent");
  GtkWidget *row = ethos_form_fields_get_row (ethos_form_fill_get_fields (fill), "client_name");
  g_autofree char *documents = g_build_filename (test_dir, "Documents", NULL);
  g_autofree char *name = ethos_form_fill_suggest_name (fill);
  g_autofree char *expected = g_build_filename (documents, name, NULL);
  g_autofree char *recent = g_build_filename (test_dir, "data", "recently-used.xbel", NULL);
  g_autofree char *recent_text = NULL;
  g_autofree char *text = NULL;
  guint tabs = 0;

  /* The X window, focused as a window manager would. */
  ethos_test_focus_window (GTK_WINDOW (window));
  /* Start from the list of forms, where choosing one leaves the focus. */
  gtk_widget_grab_focus (ethos_forms_page_get_row (window->forms_page, "informed-consent"));
  ethos_test_spin (50);

  while (!focus_in (GTK_WINDOW (window), row) && tabs < 40)
    {
      ethos_test_xdotool ("key", "Tab", NULL);
      tabs++;
    }
  g_test_message ("%u presses of Tab to the client name", tabs);
  g_assert_true (focus_in (GTK_WINDOW (window), row));
  ethos_test_xdotool ("type", "--delay", "15", "Ana Keyboard", NULL);
  g_assert_cmpstr (ethos_form_values_get (ethos_form_fields_get_values (
                     ethos_form_fill_get_fields (fill)), "client_name"), ==, "Ana Keyboard");

  ethos_test_xdotool ("key", "ctrl+shift+s", NULL);
  ethos_test_wait_until (dialog_shown, NULL, "the save dialog");
  ethos_test_spin (300);
  ethos_test_xdotool ("key", "Return", NULL);
  ethos_test_wait_until (file_written, expected, "the exported form in Documents");
  ethos_test_spin (500);
  text = pdf_text (expected, NULL);
  g_assert_nonnull (strstr (text, "Ana Keyboard"));
  assert_private_file (expected);
  /* The file chooser's own record of the file is gone. */
  if (g_file_get_contents (recent, &recent_text, NULL, NULL))
    g_assert_null (strstr (recent_text, name));
}

static void
test_keyboard (void)
{
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");

  if (xdotool_path == NULL)
    {
      g_test_skip ("xdotool is not installed (build-aux/install-deps.sh installs it)");
      return;
    }
  ethos_test_run_app (test_keyboard_body);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *documents = NULL;
  g_autofree char *user_dirs = NULL;
  g_autofree char *config = NULL;

  test_dir = ethos_test_window_init (&argc, &argv);
  /* Export offers the Documents folder: this test's own. */
  documents = g_build_filename (test_dir, "Documents", NULL);
  config = g_build_filename (test_dir, "config", NULL);
  user_dirs = g_build_filename (config, "user-dirs.dirs", NULL);
  g_assert_cmpint (g_mkdir_with_parents (documents, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  {
    g_autofree char *line = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", documents);
    g_assert_true (g_file_set_contents (user_dirs, line, -1, NULL));
  }

  g_test_add_func ("/forms-fill/paper-for-sheet", test_paper_for_sheet);
  g_test_add_func ("/forms-fill/consent", test_consent);
  g_test_add_func ("/forms-fill/print", test_print);
  g_test_add_func ("/forms-fill/print-preview", test_print_preview);
  g_test_add_func ("/forms-fill/wording", test_wording);
  g_test_add_func ("/forms-fill/required", test_required);
  g_test_add_func ("/forms-fill/expired-release", test_expired_release);
  g_test_add_func ("/forms-fill/zoom-label", test_zoom_label);
  g_test_add_func ("/forms-fill/same-client", test_same_client);
  g_test_add_func ("/forms-fill/batch", test_batch);
  g_test_add_func ("/forms-fill/privacy", test_privacy);
  g_test_add_func ("/forms-fill/needed-and-output", test_needed_and_output);
  g_test_add_func ("/forms-fill/keyboard", test_keyboard);
  /* Last: it leaves an agency template in the user database. */
  g_test_add_func ("/forms-fill/warning", test_warning);
  return ethos_test_window_run ();
}
