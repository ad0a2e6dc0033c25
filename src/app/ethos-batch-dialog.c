/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-batch"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-batch-dialog.h"
#include "ethos-csv.h"
#include "ethos-error.h"
#include "ethos-forms-text.h"
#include "ethos-pdf-batch.h"

struct _EthosBatchDialog
{
  AdwWindow        parent_instance;

  /* template */
  AdwActionRow    *csv_row;
  AdwActionRow    *folder_row;
  GtkWidget       *start_button;
  GtkWidget       *cancel_button;
  GtkProgressBar  *progress;
  GtkLabel        *summary_label;
  GtkListBox      *failures;
  GtkWidget       *failures_group;
  GtkListBox      *checks;
  GtkWidget       *checks_group;
  GtkLabel        *form_label;
  GtkWidget       *folder_button_done;

  EthosFormJob    *job;
  EthosFormRequest request;
  char            *lang;
  GHashTable      *reworded;
  GFile           *csv;
  GFile           *folder;
  GCancellable    *cancellable;
  GArray          *failed_lines;
  GArray          *checked_lines;
  guint            done;
  guint            written;
  gboolean         running;
  gboolean         overwrite;   /* the user chose to replace an earlier run's forms */
};

enum { FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EthosBatchDialog, ethos_batch_dialog, ADW_TYPE_WINDOW)

/* What the worker thread has, all its own. */
typedef struct
{
  EthosFormJob     *job;
  EthosFormRequest  request;
  char             *lang;
  GHashTable       *reworded;
  char             *csv_path;
  char             *csv_name;
  char             *out_dir;
  EthosBatchDialog *dialog;     /* a reference, touched on the main thread only */
  gboolean          overwrite;
  GMainContext     *main;
  EthosBatchSummary summary;
} Work;

static void
work_free (Work *work)
{
  g_clear_pointer (&work->job, ethos_form_job_unref);
  g_clear_pointer (&work->reworded, g_hash_table_unref);
  g_clear_pointer (&work->main, g_main_context_unref);
  g_clear_object (&work->dialog);
  g_free (work->lang);
  g_free (work->csv_path);
  g_free (work->csv_name);
  g_free (work->out_dir);
  g_free (work);
}

typedef struct
{
  EthosBatchDialog *dialog;
  guint             row, n_rows, line;
  gboolean          ok;
  char             *message;
  GStrv             warnings;
} RowReport;

static void
row_report_free (RowReport *report)
{
  g_object_unref (report->dialog);
  g_free (report->message);
  g_strfreev (report->warnings);
  g_free (report);
}

/* A row of "Forms to Check" or "Rows Not Written": its CSV line, and why. */
static void
add_line_row (GtkListBox *list,
              guint       line,
              const char *why)
{
  GtkWidget *row = adw_action_row_new ();
  /* Translators: a CSV row that could not be made into a form, or whose form needs checking */
  g_autofree char *title = g_strdup_printf (_("Line %u"), line);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), why);
  gtk_list_box_append (list, row);
}

static gboolean
row_done_main (gpointer data)
{
  RowReport *report = data;
  EthosBatchDialog *self = report->dialog;

  self->done = report->row;
  if (report->ok)
    self->written++;
  else
    {
      add_line_row (self->failures, report->line, report->message);
      gtk_widget_set_visible (self->failures_group, TRUE);
      g_array_append_val (self->failed_lines, report->line);
    }
  if (report->warnings != NULL && report->warnings[0] != NULL)
    {
      g_autofree char *why = g_strjoinv ("\n", report->warnings);

      add_line_row (self->checks, report->line, why);
      gtk_widget_set_visible (self->checks_group, TRUE);
      g_array_append_val (self->checked_lines, report->line);
    }
  gtk_progress_bar_set_fraction (self->progress,
                                 report->n_rows > 0 ? (double) report->row / report->n_rows : 1);
  {
    /* Translators: progress of a batch: "12 of 40 rows" */
    g_autofree char *text = g_strdup_printf (_("%u of %u rows"), report->row, report->n_rows);
    gtk_progress_bar_set_text (self->progress, text);
  }
  return G_SOURCE_REMOVE;
}

static void
row_cb (const EthosBatchRow *row,
        gpointer             user_data)
{
  Work *work = user_data;
  RowReport *report = g_new0 (RowReport, 1);

  report->dialog = g_object_ref (work->dialog);
  report->row = row->row;
  report->n_rows = row->n_rows;
  report->line = row->line;
  report->ok = row->error == NULL;
  report->message = row->error ? g_strdup (row->error->message) : NULL;
  report->warnings = g_strdupv ((char **) row->warnings);
  g_main_context_invoke_full (work->main, G_PRIORITY_DEFAULT, row_done_main, report,
                              (GDestroyNotify) row_report_free);
}

static void
work_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(EthosFormJob) job = NULL;
  GError *error = NULL;
  EthosBatchOptions options = { &work->request, work->csv_name, work->out_dir, NULL,
                                .overwrite = work->overwrite };

  /* FreeType faces are not shared across threads: fonts of its own. */
  if (!(job = ethos_form_job_dup (work->job, &error)) ||
      !(records = ethos_csv_load_file (work->csv_path, &error)) ||
      !ethos_pdf_write_batch (job, records, &options, row_cb, work, cancellable, &work->summary,
                              &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
set_running (EthosBatchDialog *self,
             gboolean          running)
{
  self->running = running;
  gtk_widget_set_visible (self->cancel_button, running);
  gtk_widget_set_sensitive (self->start_button, !running && self->csv && self->folder);
  gtk_widget_set_sensitive (GTK_WIDGET (self->csv_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->folder_row), !running);
}

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       EthosBatchDialog *self)
{
  if (g_strcmp0 (response, "replace") != 0)
    return;
  self->overwrite = TRUE;
  ethos_batch_dialog_start (self);
}

static void
ask_overwrite (EthosBatchDialog *self,
               const char       *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("Replace Forms Already in This Folder?"),
                                              message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (overwrite_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
work_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  EthosBatchDialog *self = ETHOS_BATCH_DIALOG (source);
  Work *work = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, ETHOS_ERROR, ETHOS_ERROR_EXISTS))
    {
      /* An earlier run's forms are there: nothing was written; asked. */
      g_clear_object (&self->cancellable);
      set_running (self, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
      ask_overwrite (self, error->message);
      return;
    }
  if (error != NULL)
    summary = g_strdup (error->message);
  else
    {
      guint failed = work->summary.failed + work->summary.io_failed;
      g_autofree char *written = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u form written",
                                                               "%u forms written",
                                                               work->summary.written),
                                                  work->summary.written);

      if (work->summary.warned > 0)
        {
          /* Translators: %s is "12 forms written" */
          char *checked = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u to check",
                                                        "%s, %u to check",
                                                        work->summary.warned),
                                           written, work->summary.warned);
          g_free (written);
          written = checked;
        }
      if (work->summary.cancelled)
        /* Translators: %s is "12 forms written" */
        summary = g_strdup_printf (_("Stopped: %s; the files written are complete"), written);
      else if (failed > 0)
        summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u row failed",
                                                "%s; %u rows failed", failed),
                                   written, failed);
      else
        summary = g_steal_pointer (&written);
    }
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), TRUE);
  gtk_widget_set_visible (self->folder_button_done, work->summary.written > 0);
  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
file_chosen_cb (GtkNativeDialog  *chooser,
                int               response,
                EthosBatchDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      /* A client list and its forms' folder are nobody's recent files. */
      gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
      if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) ==
          GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER)
        ethos_batch_dialog_set_folder (self, file);
      else
        ethos_batch_dialog_set_csv (self, file);
    }
  g_object_unref (chooser);
}

static void
choose (EthosBatchDialog     *self,
        GtkFileChooserAction  action)
{
  gboolean folder = action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (folder ? _("Folder for the Forms") : _("Spreadsheet of Clients"),
                                 GTK_WINDOW (self), action, _("_Choose"), _("_Cancel"));

  if (!folder)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
choose_csv_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  choose (ETHOS_BATCH_DIALOG (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  choose (ETHOS_BATCH_DIALOG (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
start_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  ethos_batch_dialog_start (ETHOS_BATCH_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  ethos_batch_dialog_cancel (ETHOS_BATCH_DIALOG (widget));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  EthosBatchDialog *self = ETHOS_BATCH_DIALOG (widget);
  g_autofree char *uri = NULL;

  if (self->folder == NULL)
    return;
  uri = g_file_get_uri (self->folder);
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static gboolean
close_request_cb (EthosBatchDialog *self)
{
  /* Closing stops the batch between two rows; written files stay whole. */
  ethos_batch_dialog_cancel (self);
  return FALSE;
}

static void
ethos_batch_dialog_dispose (GObject *object)
{
  EthosBatchDialog *self = ETHOS_BATCH_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->job, ethos_form_job_unref);
  g_clear_pointer (&self->reworded, g_hash_table_unref);
  g_clear_object (&self->csv);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->failed_lines, g_array_unref);
  g_clear_pointer (&self->checked_lines, g_array_unref);

  G_OBJECT_CLASS (ethos_batch_dialog_parent_class)->dispose (object);
}

static void
ethos_batch_dialog_finalize (GObject *object)
{
  EthosBatchDialog *self = ETHOS_BATCH_DIALOG (object);

  g_free (self->lang);

  G_OBJECT_CLASS (ethos_batch_dialog_parent_class)->finalize (object);
}

static void
ethos_batch_dialog_class_init (EthosBatchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_batch_dialog_dispose;
  object_class->finalize = ethos_batch_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-batch-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosBatchDialog, csv_row);
  gtk_widget_class_bind_template_child (widget_class, EthosBatchDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, EthosBatchDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, EthosBatchDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, EthosBatchDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, EthosBatchDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EthosBatchDialog, failures);
  gtk_widget_class_bind_template_child (widget_class, EthosBatchDialog, failures_group);
  gtk_widget_class_bind_template_child (widget_class, EthosBatchDialog, checks);
  gtk_widget_class_bind_template_child (widget_class, EthosBatchDialog, checks_group);
  gtk_widget_class_bind_template_child (widget_class, EthosBatchDialog, form_label);
  gtk_widget_class_bind_template_child (widget_class, EthosBatchDialog, folder_button_done);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);

  gtk_widget_class_install_action (widget_class, "batch.choose-csv", NULL, choose_csv_action);
  gtk_widget_class_install_action (widget_class, "batch.choose-folder", NULL,
                                   choose_folder_action);
  gtk_widget_class_install_action (widget_class, "batch.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "batch.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "batch.open-folder", NULL, open_folder_action);

  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ethos_batch_dialog_init (EthosBatchDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->failed_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->checked_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  set_running (self, FALSE);
}

EthosBatchDialog *
ethos_batch_dialog_new (GtkWindow              *parent,
                        EthosFormJob           *job,
                        const EthosFormRequest *request,
                        const char             *ui_lang)
{
  EthosBatchDialog *self;

  g_return_val_if_fail (job != NULL && request != NULL, NULL);

  self = g_object_new (ETHOS_TYPE_BATCH_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->job = ethos_form_job_ref (job);
  self->request = *request;
  self->lang = g_strdup (request->lang);
  self->request.lang = self->lang;
  self->request.preview = FALSE;
  self->request.blank = FALSE;
  if (request->reworded != NULL)
    self->reworded = g_hash_table_ref (request->reworded);
  self->request.reworded = self->reworded;
  {
    EthosTemplate *tmpl = ethos_form_job_get_template (job);
    /* Translators: what a batch writes: the form, its language, its paper,
     * e.g. "Informed Consent for Services · Español · Letter" */
    g_autofree char *text = g_strdup_printf (_("%s · %s · %s"),
                                             ethos_forms_text (tmpl, tmpl->title, ui_lang),
                                             g_str_equal (self->lang, "es") ? "Español"
                                                                            : "English",
                                             self->request.paper == ETHOS_PAPER_A4 ? _("A4")
                                                                                  : _("Letter"));
    gtk_label_set_label (self->form_label, text);
  }
  return self;
}

static void
set_file_subtitle (AdwActionRow *row,
                   GFile        *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  adw_action_row_set_subtitle (row, name);
}

void
ethos_batch_dialog_set_csv (EthosBatchDialog *self,
                            GFile            *csv)
{
  g_return_if_fail (ETHOS_IS_BATCH_DIALOG (self) && G_IS_FILE (csv));

  g_set_object (&self->csv, csv);
  self->overwrite = FALSE;
  set_file_subtitle (self->csv_row, csv);
  set_running (self, self->running);
}

void
ethos_batch_dialog_set_folder (EthosBatchDialog *self,
                               GFile            *folder)
{
  g_return_if_fail (ETHOS_IS_BATCH_DIALOG (self) && G_IS_FILE (folder));

  g_set_object (&self->folder, folder);
  self->overwrite = FALSE;
  set_file_subtitle (self->folder_row, folder);
  set_running (self, self->running);
}

gboolean
ethos_batch_dialog_start (EthosBatchDialog *self)
{
  g_autoptr(GTask) task = NULL;
  Work *work;
  GtkWidget *child;

  g_return_val_if_fail (ETHOS_IS_BATCH_DIALOG (self), FALSE);

  if (self->running || self->csv == NULL || self->folder == NULL ||
      g_file_get_path (self->csv) == NULL || g_file_get_path (self->folder) == NULL)
    return FALSE;

  work = g_new0 (Work, 1);
  work->job = ethos_form_job_ref (self->job);
  work->lang = g_strdup (self->lang);
  work->request = self->request;
  work->request.lang = work->lang;
  if (self->reworded != NULL)
    work->reworded = g_hash_table_ref (self->reworded);
  work->request.reworded = work->reworded;
  work->csv_path = g_file_get_path (self->csv);
  work->csv_name = g_file_get_basename (self->csv);
  work->out_dir = g_file_get_path (self->folder);
  work->dialog = g_object_ref (self);
  work->overwrite = self->overwrite;
  work->main = g_main_context_ref_thread_default ();

  self->done = self->written = 0;
  g_array_set_size (self->failed_lines, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->failures))) != NULL)
    gtk_list_box_remove (self->failures, child);
  gtk_widget_set_visible (self->failures_group, FALSE);
  g_array_set_size (self->checked_lines, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checks))) != NULL)
    gtk_list_box_remove (self->checks, child);
  gtk_widget_set_visible (self->checks_group, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_progress_bar_set_text (self->progress, _("Reading the spreadsheet…"));

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, work_done_cb, NULL);
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);
  g_task_set_return_on_cancel (task, FALSE);
  /* Cancel stops between rows: the summary, not an error, says so. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, work_thread);
  set_running (self, TRUE);
  return TRUE;
}

void
ethos_batch_dialog_cancel (EthosBatchDialog *self)
{
  g_return_if_fail (ETHOS_IS_BATCH_DIALOG (self));
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
ethos_batch_dialog_is_running (EthosBatchDialog *self)
{
  g_return_val_if_fail (ETHOS_IS_BATCH_DIALOG (self), FALSE);
  return self->running;
}

guint
ethos_batch_dialog_get_done (EthosBatchDialog *self)
{
  g_return_val_if_fail (ETHOS_IS_BATCH_DIALOG (self), 0);
  return self->done;
}

guint
ethos_batch_dialog_get_written (EthosBatchDialog *self)
{
  g_return_val_if_fail (ETHOS_IS_BATCH_DIALOG (self), 0);
  return self->written;
}

GArray *
ethos_batch_dialog_get_failed_lines (EthosBatchDialog *self)
{
  g_return_val_if_fail (ETHOS_IS_BATCH_DIALOG (self), NULL);
  return self->failed_lines;
}

GArray *
ethos_batch_dialog_get_checked_lines (EthosBatchDialog *self)
{
  g_return_val_if_fail (ETHOS_IS_BATCH_DIALOG (self), NULL);
  return self->checked_lines;
}

const char *
ethos_batch_dialog_get_summary (EthosBatchDialog *self)
{
  g_return_val_if_fail (ETHOS_IS_BATCH_DIALOG (self), NULL);
  return gtk_label_get_label (self->summary_label);
}

void
ethos_batch_dialog_set_overwrite (EthosBatchDialog *self,
                                  gboolean          overwrite)
{
  g_return_if_fail (ETHOS_IS_BATCH_DIALOG (self));
  self->overwrite = overwrite;
}
