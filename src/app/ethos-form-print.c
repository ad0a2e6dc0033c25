/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-form-print"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "ethos-cairo-painter.h"
#include "ethos-form-print.h"

typedef struct
{
  EthosFormJob       *job;
  EthosFormValues    *values;
  EthosFormRequest    request;
  char               *lang;
  GHashTable         *reworded;
  EthosFormPages     *pages;
  double              scale;
  double              offset_x, offset_y;
  GError             *error;
  char               *export_path;
  EthosFormPrintDone  done;
  gpointer            user_data;
  gboolean            previewed;
} PrintJob;

static void
print_job_free (PrintJob *pj)
{
  g_clear_pointer (&pj->pages, ethos_form_pages_free);
  g_clear_pointer (&pj->values, ethos_form_values_free);
  g_clear_pointer (&pj->reworded, g_hash_table_unref);
  g_clear_pointer (&pj->job, ethos_form_job_unref);
  g_clear_error (&pj->error);
  g_free (pj->lang);
  g_free (pj->export_path);
  g_free (pj);
}

EthosPaper
ethos_form_print_paper_for_sheet (double  width,
                                  double  height,
                                  double *scale)
{
  const EthosPaper papers[] = { ETHOS_PAPER_LETTER, ETHOS_PAPER_A4, ETHOS_PAPER_LEGAL };
  EthosPaper best = ETHOS_PAPER_LETTER;
  double best_cover = -1, best_scale = 1;

  /* Landscape sheets are printed as portrait pages. */
  if (width > height)
    {
      double t = width;
      width = height;
      height = t;
    }
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      double w, h, fit, cover;

      ethos_paper_get_size (papers[i], &w, &h);
      /* Within 3 pt it is that paper (millimetre sizes round). */
      if (fabs (w - width) <= 3 && fabs (h - height) <= 3)
        {
          best = papers[i], best_scale = 1;
          break;
        }
      /* Else the one that, scaled to fit, covers most of the sheet. */
      fit = MIN (1, MIN (width / w, height / h));
      cover = (w * fit) * (h * fit) / (width * height);
      if (cover > best_cover)
        best_cover = cover, best = papers[i], best_scale = fit;
    }
  if (scale != NULL)
    *scale = best_scale;
  return best;
}

static void
begin_print_cb (GtkPrintOperation *op,
                GtkPrintContext   *context,
                PrintJob          *pj)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  double sheet_w = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  double sheet_h = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
  double w, h;

  pj->request.paper = ethos_form_print_paper_for_sheet (sheet_w, sheet_h, &pj->scale);
  g_clear_pointer (&pj->pages, ethos_form_pages_free);
  pj->pages = ethos_form_job_lay_out (pj->job, pj->values, &pj->request, &pj->error);
  if (pj->pages == NULL)
    {
      gtk_print_operation_cancel (op);
      gtk_print_operation_set_n_pages (op, 1);
      return;
    }
  ethos_paper_get_size (pj->request.paper, &w, &h);
  pj->offset_x = (MIN (sheet_w, sheet_h) - w * pj->scale) / 2;
  pj->offset_y = (MAX (sheet_w, sheet_h) - h * pj->scale) / 2;
  if (pj->scale == 1)
    pj->offset_x = pj->offset_y = 0;
  gtk_print_operation_set_n_pages (op,
                                   (int) ethos_layout_get_n_pages (ethos_form_pages_get_layout (pj->pages)));
}

static void
draw_page_cb (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *pj)
{
  cairo_t *cr;
  EthosLayout *layout;

  if (pj->pages == NULL || pj->previewed)
    return;
  cr = gtk_print_context_get_cairo_context (context);
  layout = ethos_form_pages_get_layout (pj->pages);
  if (page < 0 || (guint) page >= ethos_layout_get_n_pages (layout))
    return;
  cairo_save (cr);
  cairo_translate (cr, pj->offset_x, pj->offset_y);
  cairo_scale (cr, pj->scale, pj->scale);
  if (!ethos_cairo_paint_page (layout, (guint) page, cr, pj->error ? NULL : &pj->error))
    gtk_print_operation_cancel (op);
  cairo_restore (cr);
}

static void
make_private (const char *uri_or_path)
{
  g_autofree char *path = NULL;

  if (uri_or_path == NULL)
    return;
  path = g_str_has_prefix (uri_or_path, "file://")
    ? g_filename_from_uri (uri_or_path, NULL, NULL) : g_strdup (uri_or_path);
  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_chmod (path, 0600);
}

static gboolean
unref_idle (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
finish (GtkPrintOperation       *op,
        PrintJob                *pj,
        GtkPrintOperationResult  result,
        const GError            *op_error)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (op);

      /* A form printed to a file holds a client's name: only its owner reads it. */
      make_private (pj->export_path);
      if (settings != NULL)
        make_private (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI));
    }
  if (pj->previewed && result == GTK_PRINT_OPERATION_RESULT_APPLY)
    result = GTK_PRINT_OPERATION_RESULT_CANCEL;
  if (pj->done != NULL)
    pj->done (pj->error != NULL ? GTK_PRINT_OPERATION_RESULT_ERROR : result, pj->previewed,
              gtk_print_operation_get_print_settings (op),
              pj->error != NULL ? pj->error : op_error, pj->user_data);
  /* The reference taken for the dialog's time goes with the job, once GTK
   * is done with the operation that is calling us. */
  g_signal_handlers_disconnect_by_data (op, pj);
  g_object_set_data (G_OBJECT (op), "ethos-print-job", NULL);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, unref_idle, op, NULL);
}

/* The dialog's Preview: GTK's own would write the client's form to a file
 * in /tmp and open it in a viewer; the preview beside the form is the same
 * pages. Nothing is rendered and the operation ends. */
static void
preview_ready_cb (GtkPrintOperationPreview *preview,
                  GtkPrintContext          *context,
                  PrintJob                 *pj)
{
  gtk_print_operation_preview_end_preview (preview);
}

static gboolean
preview_cb (GtkPrintOperation        *op,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            PrintJob                 *pj)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);

  pj->previewed = TRUE;
  /* GTK paginates on a context of ours; nothing is drawn on it, and once
   * paginated the preview ends without rendering a page. */
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_signal_connect (preview, "ready", G_CALLBACK (preview_ready_cb), pj);
  return TRUE;
}

static void
status_changed_cb (GtkPrintOperation *op,
                   PrintJob          *pj)
{
  if (gtk_print_operation_is_finished (op))
    finish (op, pj, gtk_print_operation_get_status (op) == GTK_PRINT_STATUS_FINISHED
                      ? GTK_PRINT_OPERATION_RESULT_APPLY : GTK_PRINT_OPERATION_RESULT_ERROR,
            NULL);
}

static void
done_cb (GtkPrintOperation       *op,
         GtkPrintOperationResult  result,
         PrintJob                *pj)
{
  g_autoptr(GError) op_error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && pj->error == NULL)
    gtk_print_operation_get_error (op, &op_error);
  /* A job sent to a printer (Print to File too) is written after "done":
   * its file is made private once it is complete. */
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && !gtk_print_operation_is_finished (op))
    {
      g_signal_connect (op, "status-changed", G_CALLBACK (status_changed_cb), pj);
      return;
    }
  finish (op, pj, result, op_error);
}

void
ethos_form_print (GtkWindow               *parent,
                  EthosFormJob            *job,
                  EthosFormValues         *values,
                  const EthosFormRequest  *request,
                  const char              *title,
                  GtkPrintOperationAction  action,
                  const char              *export_path,
                  GtkPrintSettings        *settings,
                  const char              *file_name,
                  int                      current_page,
                  EthosFormPrintDone       done,
                  gpointer                 user_data)
{
  g_autoptr(GtkPrintSettings) own_settings = settings != NULL ? gtk_print_settings_copy (settings)
                                                              : gtk_print_settings_new ();
  g_autoptr(GtkPrintOperation) op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autoptr(GError) error = NULL;
  PrintJob *pj = g_new0 (PrintJob, 1);
  GtkPrintOperationResult result;

  g_return_if_fail (job != NULL && values != NULL && request != NULL);

  pj->job = ethos_form_job_ref (job);
  pj->values = ethos_form_values_copy (values);
  pj->request = *request;
  pj->lang = g_strdup (request->lang);
  pj->request.lang = pj->lang;
  if (request->reworded != NULL)
    {
      pj->reworded = g_hash_table_ref (request->reworded);
      pj->request.reworded = pj->reworded;
    }
  pj->request.preview = FALSE;
  pj->scale = 1;
  pj->export_path = g_strdup (export_path);
  pj->done = done;
  pj->user_data = user_data;
  g_object_set_data_full (G_OBJECT (op), "ethos-print-job", pj, (GDestroyNotify) print_job_free);

  paper = gtk_paper_size_new (request->paper == ETHOS_PAPER_A4 ? GTK_PAPER_NAME_A4
                              : request->paper == ETHOS_PAPER_LEGAL ? GTK_PAPER_NAME_LEGAL
                              : GTK_PAPER_NAME_LETTER);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_print_operation_set_default_page_setup (op, setup);
  /* Print to File offers the form's name (never the client's), in the
   * Documents folder unless the user chose another before. */
  if (file_name != NULL &&
      gtk_print_settings_get (own_settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME) == NULL)
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      gtk_print_settings_set (own_settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, file_name);
      if (documents != NULL && gtk_print_settings_get (own_settings,
                                                       GTK_PRINT_SETTINGS_OUTPUT_DIR) == NULL)
        {
          g_autofree char *uri = g_filename_to_uri (documents, NULL, NULL);
          gtk_print_settings_set (own_settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, uri);
        }
    }
  gtk_print_operation_set_print_settings (op, own_settings);
  if (current_page >= 0)
    gtk_print_operation_set_current_page (op, current_page);
  /* The form's name: what a print queue shows, never a client's. */
  gtk_print_operation_set_job_name (op, title);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  gtk_print_operation_set_track_print_status (op, TRUE);
  gtk_print_operation_set_allow_async (op, action == GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (op, export_path);

  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), pj);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), pj);
  g_signal_connect (op, "done", G_CALLBACK (done_cb), pj);
  g_signal_connect (op, "preview", G_CALLBACK (preview_cb), pj);

  g_object_ref (op);
  result = gtk_print_operation_run (op, action, parent, &error);
  /* finish() frees the job: still attached means it has not run. A run
   * without a dialog (export) has written its file by now. */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS &&
      g_object_get_data (G_OBJECT (op), "ethos-print-job") == pj)
    finish (op, pj, result, error);
}
