/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-forms-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-batch-dialog.h"
#include "ethos-error.h"
#include "ethos-form-print.h"
#include "ethos-forms-page-private.h"
#include "ethos-forms-text.h"

/* What a counselor does with the form being filled: print it, export it as
 * a PDF, clear it, write a batch of them, see its coverage. The actions live
 * on the Forms page, which owns the forms; their shortcuts work wherever the
 * focus is inside it. */

typedef void (*ConfirmedFunc) (EthosFormsPage *self);

void
_ethos_forms_page_toast (EthosFormsPage *self,
                         const char     *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GtkWindow *
_ethos_forms_page_parent_window (EthosFormsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_ethos_forms_page_update_actions (EthosFormsPage *self)
{
  gboolean form = self->fill != NULL && !self->showing_agency;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "forms.print", form);
  gtk_widget_action_set_enabled (widget, "forms.export", form);
  gtk_widget_action_set_enabled (widget, "forms.export-html", form);
  gtk_widget_action_set_enabled (widget, "forms.clear", form);
  gtk_widget_action_set_enabled (widget, "forms.batch", form);
  gtk_widget_action_set_enabled (widget, "forms.show-preview", form);
  gtk_widget_action_set_enabled (widget, "forms.show-coverage", self->shown_id != NULL);
  gtk_widget_set_visible (self->print_button, form);
  gtk_widget_set_visible (self->export_button, form);
  gtk_widget_set_visible (self->form_menu_button, self->shown_id != NULL && !self->showing_agency);
  _ethos_forms_page_update_edit_actions (self);
}

/* The fields a printed form needs (all of them unless it is blank). */
static gboolean
check_fields (EthosFormsPage *self)
{
  EthosFormRequest request;

  ethos_form_fill_get_request (self->fill, &request);
  if (ethos_form_fields_validate (ethos_form_fill_get_fields (self->fill), request.blank))
    return TRUE;
  if (ethos_form_fill_is_folded (self->fill))
    ethos_form_fill_show_preview (self->fill, FALSE);
  _ethos_forms_page_toast (self, _("Some fields need your attention first"));
  return FALSE;
}

static void
uncovered_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       EthosFormsPage   *self)
{
  ConfirmedFunc next = g_object_get_data (G_OBJECT (dialog), "next");

  if (g_strcmp0 (response, "continue") != 0 || self->fill == NULL)
    return;
  g_object_set_data (G_OBJECT (self->fill), "uncovered-confirmed", GINT_TO_POINTER (TRUE));
  next (self);
}

/* A form that leaves a required standard uncovered is asked about once. */
static gboolean
confirm_uncovered (EthosFormsPage *self,
                   const char     *heading,
                   const char     *continue_label,
                   ConfirmedFunc   next)
{
  const char * const *uncovered = ethos_form_fill_get_uncovered (self->fill);
  GtkWidget *dialog;

  if (uncovered == NULL || uncovered[0] == NULL ||
      g_object_get_data (G_OBJECT (self->fill), "uncovered-confirmed") != NULL)
    return TRUE;
  dialog = adw_message_dialog_new (_ethos_forms_page_parent_window (self), heading,
                                   _("This form leaves out what a standard it must cover "
                                     "requires. The Coverage Report shows what is missing."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "continue", continue_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "next", next);
  g_signal_connect_object (dialog, "response", G_CALLBACK (uncovered_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

void
_ethos_forms_page_show_error (EthosFormsPage *self,
                              const char     *heading,
                              const GError   *error)
{
  GtkWidget *dialog = adw_message_dialog_new (_ethos_forms_page_parent_window (self), heading,
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Printing */

static void
forget_recent (EthosFormsPage *self,
               const char     *uri);

static void
print_done_cb (GtkPrintOperationResult  result,
               gboolean                 previewed,
               GtkPrintSettings        *settings,
               const GError            *error,
               gpointer                 user_data)
{
  g_autoptr(EthosFormsPage) self = user_data;
  const char *output = settings ? gtk_print_settings_get (settings,
                                                          GTK_PRINT_SETTINGS_OUTPUT_URI) : NULL;

  if (settings != NULL)
    {
      /* The printer and folder chosen are offered next time (in memory only:
       * a file name may be a client's). */
      g_clear_object (&self->print_settings);
      self->print_settings = gtk_print_settings_copy (settings);
      gtk_print_settings_set (self->print_settings, GTK_PRINT_SETTINGS_OUTPUT_URI, NULL);
      gtk_print_settings_set (self->print_settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, NULL);
      gtk_print_settings_set_print_pages (self->print_settings, GTK_PRINT_PAGES_ALL);
    }
  if (previewed)
    _ethos_forms_page_toast (self, _("The preview beside the form shows the pages as they print"));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    _ethos_forms_page_show_error (self, _("The Form Could Not Be Printed"), error);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      if (output != NULL && g_str_has_prefix (output, "file://"))
        {
          g_autoptr(GFile) file = g_file_new_for_uri (output);
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: %s is the file a form was printed to */
          g_autofree char *text = g_strdup_printf (_("Printed to %s"), name);

          forget_recent (self, output);
          _ethos_forms_page_toast (self, text);
        }
      else
        _ethos_forms_page_toast (self, _("The form was sent to the printer"));
    }
}

/* Text that cannot be printed (a right-to-left name) is said before any
 * dialog opens. */
static gboolean
check_printable (EthosFormsPage *self,
                 const char     *heading)
{
  EthosFormRequest request;
  g_autoptr(EthosFormValues) values = NULL;
  g_autoptr(EthosFormPages) pages = NULL;
  g_autoptr(GError) error = NULL;
  EthosTemplate *tmpl = ethos_form_fill_get_template (self->fill);

  ethos_form_fill_get_request (self->fill, &request);
  values = request.blank ? ethos_form_values_new (tmpl)
                         : ethos_form_values_copy (ethos_form_fields_get_values (
                                                     ethos_form_fill_get_fields (self->fill)));
  if ((pages = ethos_form_job_lay_out (ethos_form_fill_get_job (self->fill), values, &request,
                                       &error)))
    return TRUE;
  _ethos_forms_page_show_error (self, heading, error);
  return FALSE;
}

static void
print_now (EthosFormsPage *self)
{
  EthosFormRequest request;
  g_autoptr(EthosFormValues) values = NULL;
  g_autofree char *name = ethos_form_fill_suggest_name (self->fill);
  EthosTemplate *tmpl = ethos_form_fill_get_template (self->fill);

  if (!check_printable (self, _("The Form Could Not Be Printed")))
    return;
  ethos_form_fill_get_request (self->fill, &request);
  values = request.blank ? ethos_form_values_new (tmpl)
                         : ethos_form_values_copy (ethos_form_fields_get_values (
                                                     ethos_form_fill_get_fields (self->fill)));
  /* "informed-consent-2026-12-01.pdf" without its extension: the dialog adds
   * the file format's. */
  if (g_str_has_suffix (name, ".pdf"))
    name[strlen (name) - 4] = '\0';
  ethos_form_print (_ethos_forms_page_parent_window (self), ethos_form_fill_get_job (self->fill), values, &request,
                    ethos_forms_text (tmpl, tmpl->title, self->lang),
                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, self->print_settings, name,
                    (int) ethos_form_preview_get_current_page (
                      ethos_form_fill_get_preview (self->fill)),
                    print_done_cb, g_object_ref (self));
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  EthosFormsPage *self = ETHOS_FORMS_PAGE (widget);

  if (self->fill == NULL || !check_fields (self))
    return;
  if (confirm_uncovered (self, _("Print a Form That Does Not Cover Every Standard?"),
                         _("_Print Anyway"), print_now))
    print_now (self);
}

/* Exporting */

static void
forget_recent (EthosFormsPage *self,
               const char     *uri)
{
  /* The file chooser records what it saved; a form's file is a client's. */
  if (self->settings != NULL && g_settings_get_boolean (self->settings, "remember-exported-files"))
    return;
  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
}

static void
exported_toast (EthosFormsPage *self,
                const char     *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *basename = g_file_get_basename (file);
  /* Translators: %s is the file the form was saved to */
  g_autofree char *text = g_strdup_printf (_("Saved as %s"), basename);
  GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *folder = gtk_button_new_with_label (_("Show in Folder"));
  AdwToast *toast = adw_toast_new ("");

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (folder, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (folder), "forms.show-in-folder");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (folder), "s", uri);
  gtk_box_append (GTK_BOX (title), label);
  gtk_box_append (GTK_BOX (title), folder);
  adw_toast_set_custom_title (toast, title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "forms.open-file");
  adw_toast_set_action_target (toast, "s", uri);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
ethos_forms_page_export_to (EthosFormsPage  *self,
                            GFile           *file,
                            GError         **error)
{
  return ethos_forms_page_export_as (self, file, ETHOS_FORM_PDF, error);
}

gboolean
ethos_forms_page_export_as (EthosFormsPage   *self,
                            GFile            *file,
                            EthosFormFormat   format,
                            GError          **error)
{
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self) && G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->fill != NULL, FALSE);

  path = g_file_get_path (file);
  uri = g_file_get_uri (file);
  if (path == NULL)
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_IO,
                           _("Forms can only be saved to a folder on this computer."));
      return FALSE;
    }
  if (!ethos_form_fill_write (self->fill, path, format, error))
    return FALSE;
  forget_recent (self, uri);
  g_clear_object (&self->last_folder);
  self->last_folder = g_file_get_parent (file);
  g_free (self->last_export_uri);
  self->last_export_uri = g_steal_pointer (&uri);
  exported_toast (self, self->last_export_uri);
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     EthosFormsPage  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  EthosFormFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));

  if (response == GTK_RESPONSE_ACCEPT && self->fill != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      !ethos_forms_page_export_as (self, file, format, &error))
    _ethos_forms_page_show_error (self, _("The Form Could Not Be Saved"), error);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      forget_recent (self, uri);
    }
  g_object_unref (chooser);
}

static void
export_in (EthosFormsPage  *self,
           EthosFormFormat  format)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = ethos_form_fill_suggest_file_name (self->fill, format);
  gboolean html = format == ETHOS_FORM_HTML;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) folder = NULL;

  if (!check_printable (self, _("The Form Could Not Be Saved")))
    return;
  /* The folder of the last export, else Documents, else the home folder. */
  if (self->last_folder != NULL)
    folder = g_object_ref (self->last_folder);
  else if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    folder = g_file_new_for_path (documents);
  else
    folder = g_file_new_for_path (g_get_home_dir ());
  chooser = gtk_file_chooser_native_new (html ? _("Export Form as Accessible HTML")
                                              : _("Export Form as PDF"),
                                         _ethos_forms_page_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  g_object_set_data (G_OBJECT (chooser), "format", GINT_TO_POINTER (format));
  gtk_file_filter_set_name (filter, html ? _("Web pages (HTML)") : _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, html ? "text/html" : "application/pdf");
  gtk_file_filter_add_suffix (filter, html ? "html" : "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_now (EthosFormsPage *self)
{
  export_in (self, ETHOS_FORM_PDF);
}

static void
export_html_now (EthosFormsPage *self)
{
  export_in (self, ETHOS_FORM_HTML);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  EthosFormsPage *self = ETHOS_FORMS_PAGE (widget);
  gboolean html = g_str_equal (name, "forms.export-html");

  if (self->fill == NULL || !check_fields (self))
    return;
  if (confirm_uncovered (self, _("Export a Form That Does Not Cover Every Standard?"),
                         _("_Export Anyway"), html ? export_html_now : export_now))
    export_in (self, html ? ETHOS_FORM_HTML : ETHOS_FORM_PDF);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  const char *uri = g_variant_get_string (param, NULL);
  g_autoptr(GdkAppLaunchContext) context =
    gdk_display_get_app_launch_context (gtk_widget_get_display (widget));

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, NULL, NULL);
}

static void
show_items_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autofree char *folder_uri = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result,
                                                             NULL);

  /* No file manager answers on the bus: open the folder instead. */
  if (reply == NULL)
    g_app_info_launch_default_for_uri_async (folder_uri, NULL, NULL, NULL, NULL);
}

static void
show_in_folder_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  const char *uri = g_variant_get_string (param, NULL);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder_uri = parent ? g_file_get_uri (parent) : g_strdup (uri);
  GDBusConnection *bus = g_application_get_dbus_connection (g_application_get_default ());
  const char *uris[] = { uri, NULL };

  if (bus == NULL)
    {
      g_app_info_launch_default_for_uri_async (folder_uri, NULL, NULL, NULL, NULL);
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, 5000, NULL, show_items_cb,
                          g_steal_pointer (&folder_uri));
}

/* The rest */

static void
clear_now (EthosFormsPage *self)
{
  GHashTableIter iter;
  gpointer fill;

  /* Every form open in the window: what was typed was about one client. */
  g_hash_table_iter_init (&iter, self->fills);
  while (g_hash_table_iter_next (&iter, NULL, &fill))
    ethos_form_fill_clear (fill);
  g_hash_table_remove_all (self->client);
  _ethos_forms_page_toast (self, _("Everything typed about the client was cleared"));
}

static void
clear_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   EthosFormsPage   *self)
{
  if (g_strcmp0 (response, "clear") == 0)
    clear_now (self);
}

/* Clearing cannot be undone (nothing typed is kept anywhere): asked first. */
static void
clear_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  EthosFormsPage *self = ETHOS_FORMS_PAGE (widget);
  GtkWidget *dialog = adw_message_dialog_new (_ethos_forms_page_parent_window (self),
                                              _("Clear Everything Typed?"),
                                              _("The fields and any rewording of every open "
                                                "form are emptied. This cannot be undone."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "clear", _("C_lear"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "clear",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (clear_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ethos_forms_page_clear (EthosFormsPage *self)
{
  g_return_if_fail (ETHOS_IS_FORMS_PAGE (self));
  clear_now (self);
}

static void
batch_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  EthosFormsPage *self = ETHOS_FORMS_PAGE (widget);
  EthosFormRequest request;
  EthosBatchDialog *dialog;

  if (self->fill == NULL)
    return;
  ethos_form_fill_get_request (self->fill, &request);
  dialog = ethos_batch_dialog_new (_ethos_forms_page_parent_window (self), ethos_form_fill_get_job (self->fill),
                                   &request, self->lang);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
zoom_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  EthosFormsPage *self = ETHOS_FORMS_PAGE (widget);
  g_autofree char *preview_action = NULL;

  if (self->fill == NULL)
    return;
  /* forms.zoom-in → preview.zoom-in */
  preview_action = g_strconcat ("preview.", name + strlen ("forms."), NULL);
  gtk_widget_activate_action (GTK_WIDGET (ethos_form_fill_get_preview (self->fill)),
                              preview_action, NULL);
}

void
_ethos_forms_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "forms.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "forms.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "forms.export-html", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "forms.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "forms.batch", NULL, batch_action);
  gtk_widget_class_install_action (widget_class, "forms.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "forms.show-in-folder", "s",
                                   show_in_folder_action);
  gtk_widget_class_install_action (widget_class, "forms.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "forms.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "forms.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "forms.zoom-actual", NULL, zoom_action);
  gtk_widget_class_install_property_action (widget_class, "forms.show-coverage",
                                            "showing-coverage");
  gtk_widget_class_install_property_action (widget_class, "forms.show-preview",
                                            "showing-preview");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "forms.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "forms.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "forms.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "forms.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "forms.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "forms.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "forms.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "forms.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "forms.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "forms.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "forms.zoom-actual", NULL);
}
