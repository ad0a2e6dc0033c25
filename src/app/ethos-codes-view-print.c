/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-codes-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-cairo-painter.h"
#include "ethos-codes-view-private.h"
#include "ethos-error.h"
#include "ethos-fonts.h"
#include "ethos-pdf-painter.h"
#include "ethos-sheet.h"
#include "ethos-user-db-notes.h"

/* Print or export what the Codes view shows: the item, the Compare sheet,
 * the bookmarks (their private notes only when asked for), or a whole
 * code from its overview. The sheets come from the core (ethos-sheet.h),
 * laid out once and drawn by the cairo painter for the print dialog and by
 * the libharu painter for a PDF: the same pages. */

typedef struct
{
  EthosDocument *doc;
  EthosLayout   *layout;
} Printable;

static void
printable_free (Printable *p)
{
  g_clear_pointer (&p->layout, ethos_layout_free);
  g_clear_pointer (&p->doc, ethos_document_free);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Printable, printable_free)

static const char *
ui_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], "es"))
      return "es";
  return "en";
}

static GArray *
bookmark_entries (EthosCodesView  *self,
                  GPtrArray      **keep,
                  GError         **error)
{
  g_autoptr(GPtrArray) bookmarks = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (EthosSheetEntry));

  if (self->user_db == NULL)
    return entries;
  if (!(bookmarks = ethos_user_db_list_bookmarks (self->user_db, error)) ||
      !(notes = ethos_user_db_list_notes (self->user_db, error)))
    {
      g_array_unref (entries);
      return NULL;
    }
  for (guint i = 0; i < bookmarks->len; i++)
    {
      EthosUserMark *mark = g_ptr_array_index (bookmarks, i);
      EthosSheetEntry entry = { mark->code, mark->ref, NULL, TRUE };

      g_hash_table_insert (index, g_strdup_printf ("%s\n%s", mark->code, mark->ref),
                           GUINT_TO_POINTER (entries->len + 1));
      g_array_append_val (entries, entry);
    }
  for (guint i = 0; i < notes->len; i++)
    {
      EthosUserMark *mark = g_ptr_array_index (notes, i);
      g_autofree char *key = g_strdup_printf ("%s\n%s", mark->code, mark->ref);
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index, key));

      if (at > 0)
        g_array_index (entries, EthosSheetEntry, at - 1).note = mark->text;
      else
        {
          EthosSheetEntry entry = { mark->code, mark->ref, mark->text, FALSE };
          g_array_append_val (entries, entry);
        }
    }
  /* The entries point into the marks: they live as long as the caller's. */
  *keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_ptr_array_add (*keep, g_steal_pointer (&bookmarks));
  g_ptr_array_add (*keep, g_steal_pointer (&notes));
  return entries;
}

/* The sheet for the place shown: on a code's overview, the whole code. */
static EthosDocument *
make_document (EthosCodesView  *self,
               GError         **error)
{
  EthosSheetOptions options = { ethos_paper_for_locale (), ui_language (), self->print_notes };
  EthosLocation *at = self->current;

  if (at == NULL || self->corpus == NULL)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND, _("There is nothing to print here"));
      return NULL;
    }
  {
    g_autofree char *paper = g_settings_get_string (self->settings, "paper-size");
    EthosPaper chosen;

    if (ethos_paper_from_name (paper, &chosen))
      options.paper = chosen;
  }
  switch (at->kind)
    {
    case ETHOS_NODE_ITEM:
      return ethos_sheet_new_item (self->corpus, at->code, at->key, &options, error);
    case ETHOS_NODE_COMPARE:
      return ethos_sheet_new_compare (self->corpus, at->key, &options, error);
    case ETHOS_NODE_CODE:
      return ethos_sheet_new_code (self->corpus, at->code, &options, error);
    case ETHOS_NODE_BOOKMARKS:
      {
        g_autoptr(GPtrArray) keep = NULL;
        g_autoptr(GArray) entries = bookmark_entries (self, &keep, error);

        if (entries == NULL)
          return NULL;
        return ethos_sheet_new_bookmarks (self->corpus, entries, &options, error);
      }
    default:
      break;
    }
  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND, _("There is nothing to print here"));
  return NULL;
}

static Printable *
make_printable (EthosCodesView  *self,
                GError         **error)
{
  g_autoptr(Printable) p = g_new0 (Printable, 1);

  if (self->fonts == NULL && !(self->fonts = ethos_fonts_new (error)))
    return NULL;
  if (!(p->doc = make_document (self, error)) ||
      !(p->layout = ethos_layout_new (p->doc, self->fonts, error)))
    return NULL;
  return g_steal_pointer (&p);
}

/* A file name that says what the sheet is: "nohs-standard-3.pdf". */
static char *
suggested_name (EthosCodesView *self)
{
  EthosLocation *at = self->current;
  g_autofree char *raw = NULL;
  GString *name;

  switch (at ? at->kind : ETHOS_NODE_BOOKMARKS)
    {
    case ETHOS_NODE_ITEM:
      {
        const EthosCodeInfo *info = _ethos_codes_view_find_code (self, at->code);
        raw = g_strdup_printf ("%s %s %s", at->code, info ? info->item_label : "", at->key);
        break;
      }
    case ETHOS_NODE_COMPARE:
      /* Translators: the start of a Compare sheet's file name, "compare-informed-consent.pdf" */
      raw = g_strdup_printf ("%s %s", C_("file name", "compare"), at->key);
      break;
    case ETHOS_NODE_CODE:
      raw = g_strdup (at->code);
      break;
    case ETHOS_NODE_BOOKMARKS:
    default:
      raw = g_strdup (C_("file name", "bookmarks"));
      break;
    }
  name = g_string_new (NULL);
  for (const char *p = raw; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (name, g_ascii_tolower (*p));
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  g_string_append (name, ".pdf");
  return g_string_free (name, FALSE);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Printable         *p)
{
  gtk_print_operation_set_n_pages (operation, (int) ethos_layout_get_n_pages (p->layout));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Printable         *p)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(GError) error = NULL;

  /* The layout is in points from the paper's corner; so is the context. */
  if (!ethos_cairo_paint_page (p->layout, (guint) page, cr, &error))
    g_warning ("Page %d could not be drawn: %s", page + 1, error->message);
}

static GtkPageSetup *
page_setup_for (EthosLayout *layout)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = NULL;
  double width, height;

  ethos_layout_get_page_size (layout, &width, &height);
  size = gtk_paper_size_new_custom ("ethos", "Ethos", width, height, GTK_UNIT_POINTS);
  /* Named sizes, so printers pick the right tray. */
  if (ABS (width - 612) < 1 && ABS (height - 792) < 1)
    {
      gtk_paper_size_free (size);
      size = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
    }
  else if (ABS (width - 595.276) < 1 && ABS (height - 841.89) < 1)
    {
      gtk_paper_size_free (size);
      size = gtk_paper_size_new (GTK_PAPER_NAME_A4);
    }
  gtk_page_setup_set_paper_size (setup, size);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  return setup;
}

/* Runs the print dialog on the sheet of the place shown; with @export_to,
 * prints to that PDF file without a dialog (the tests' way in). */
gboolean
_ethos_codes_view_print (EthosCodesView  *self,
                         const char      *export_to,
                         GError         **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  Printable *p;
  GtkPrintOperationResult result;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!(p = make_printable (self, error)))
    return FALSE;
  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "ethos-printable", p,
                          (GDestroyNotify) printable_free);
  setup = page_setup_for (p->layout);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, p->doc->title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), p);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), p);
  if (export_to != NULL)
    gtk_print_operation_set_export_filename (operation, export_to);
  result = gtk_print_operation_run (operation,
                                    export_to ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                              : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

gboolean
_ethos_codes_view_export_pdf (EthosCodesView  *self,
                              const char      *path,
                              GError         **error)
{
  g_autoptr(Printable) p = make_printable (self, error);

  return p != NULL && ethos_pdf_write_file (p->layout, p->doc, path, error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  EthosCodesView *self = ETHOS_CODES_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!_ethos_codes_view_print (self, NULL, &error))
    _ethos_codes_view_toast (self, error->message);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    EthosCodesView  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *mode = g_object_get_data (G_OBJECT (dialog), "ethos-mode");

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *done = NULL;
      gboolean ok = FALSE;

      if (path == NULL)
        g_set_error (&error, ETHOS_ERROR, ETHOS_ERROR_IO, _("Ethos can only save to a local folder"));
      else if (g_strcmp0 (mode, "pdf") == 0)
        ok = _ethos_codes_view_export_pdf (self, path, &error);
      else
        ok = ethos_user_db_write_marks (self->user_db,
                                        g_strcmp0 (mode, "markdown") == 0 ? ETHOS_MARKS_MARKDOWN
                                                                          : ETHOS_MARKS_JSON,
                                        _ethos_codes_view_citation_cb, self->corpus, path, &error);
      if (ok)
        {
          /* Translators: a toast after saving, "Saved “nohs-standard-3.pdf”" */
          done = g_strdup_printf (_("Saved “%s”"), base);
          _ethos_codes_view_toast (self, done);
        }
      else
        _ethos_codes_view_toast (self, error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
run_save_dialog (EthosCodesView *self,
                 const char     *title,
                 const char     *mode,
                 const char     *name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "ethos-mode", g_strdup (mode), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  EthosCodesView *self = ETHOS_CODES_VIEW (widget);
  g_autofree char *name = suggested_name (self);

  run_save_dialog (self, _("Export as PDF"), "pdf", name);
}

static void
export_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  EthosCodesView *self = ETHOS_CODES_VIEW (widget);
  gboolean markdown = g_strcmp0 (g_variant_get_string (param, NULL), "markdown") == 0;

  run_save_dialog (self, _("Export Bookmarks and Notes"), markdown ? "markdown" : "json",
                   markdown ? C_("file name", "ethos-notes.md")
                            : C_("file name", "ethos-notes.json"));
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    EthosCodesView  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        _ethos_codes_view_toast (self, _("Ethos can only open a file in a local folder"));
      else if (!_ethos_codes_view_import_notes (self, path, &error))
        _ethos_codes_view_toast (self, error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* Imports and says what changed; the bookmarks page shows it at once. */
gboolean
_ethos_codes_view_import_notes (EthosCodesView  *self,
                                const char      *path,
                                GError         **error)
{
  EthosMarksImport result = { 0 };
  g_autofree char *done = NULL;

  if (self->user_db == NULL)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_DATABASE,
                   _("Your Ethos database could not be opened, so nothing can be imported"));
      return FALSE;
    }
  if (!ethos_user_db_import_marks (self->user_db, path, &result, error))
    return FALSE;
  {
    guint n_notes = result.notes_added + result.notes_merged;
    g_autofree char *bookmarks = g_strdup_printf (
      ngettext ("%u bookmark", "%u bookmarks", result.bookmarks_added), result.bookmarks_added);
    g_autofree char *notes = g_strdup_printf (ngettext ("%u note", "%u notes", n_notes), n_notes);

    /* Translators: after importing, "3 bookmarks and 1 note added" */
    done = g_strdup_printf (_("%s and %s added"), bookmarks, notes);
  }
  _ethos_codes_view_toast (self, done);
  if (self->current != NULL && self->current->kind == ETHOS_NODE_BOOKMARKS)
    _ethos_codes_view_go (self, ETHOS_NODE_BOOKMARKS, NULL, NULL, 0, NULL);
  else if (self->current != NULL && self->current->kind == ETHOS_NODE_ITEM)
    _ethos_codes_view_go (self, ETHOS_NODE_ITEM, self->current->code, self->current->key, 0, NULL);
  return TRUE;
}

static void
import_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  EthosCodesView *self = ETHOS_CODES_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Import Bookmarks and Notes"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Ethos exports (JSON or Markdown)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
print_code_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  EthosCodesView *self = ETHOS_CODES_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = self->current ? g_strdup (self->current->code) : NULL;

  /* From an item of a code printed whole only: go to the code's overview,
   * whose sheet is the whole code. */
  if (code == NULL)
    return;
  if (!_ethos_codes_view_go (self, ETHOS_NODE_CODE, code, NULL,
                             ETHOS_NAV_HISTORY | ETHOS_NAV_SHOW_CONTENT, &error) ||
      !_ethos_codes_view_print (self, NULL, &error))
    _ethos_codes_view_toast (self, error->message);
}

/* "NOHS (2024), Standard 3" for the Markdown export. */
char *
_ethos_codes_view_citation_cb (const char *code,
                               const char *ref,
                               gpointer    data)
{
  EthosCorpus *corpus = data;
  g_autoptr(EthosCodeInfo) info = corpus ? ethos_corpus_get_code (corpus, code, NULL) : NULL;
  g_autoptr(EthosItem) item = info ? ethos_corpus_get_item (corpus, info->id, ref, NULL) : NULL;

  return item ? ethos_item_format_citation (item, info, ETHOS_CITATION_SHORT) : NULL;
}

void
_ethos_codes_view_class_add_print_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "codes.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "codes.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "codes.print-code", NULL, print_code_action);
  gtk_widget_class_install_action (widget_class, "codes.export-notes", "s", export_notes_action);
  gtk_widget_class_install_action (widget_class, "codes.import-notes", NULL, import_notes_action);
  gtk_widget_class_install_property_action (widget_class, "codes.print-notes", "print-notes");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "codes.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "codes.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "codes.export-pdf", NULL);
}
