/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-forms-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-error.h"
#include "ethos-forms-page-private.h"
#include "ethos-forms-text.h"
#include "ethos-template-edit.h"

/* What an agency manager does with templates from the Forms view: edit an
 * agency template, duplicate a built-in or deployed one to edit it, import
 * and export template files, delete (with Undo). The editor takes the
 * whole page while it is open; closing the window asks about its unsaved
 * edits. */

static void
toast (EthosFormsPage *self,
       const char     *text,
       const char     *undo_action)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 8);
  if (undo_action != NULL)
    {
      adw_toast_set_button_label (t, _("_Undo"));
      adw_toast_set_action_name (t, undo_action);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static const EthosTemplateEntry *
shown_entry (EthosFormsPage *self)
{
  if (self->store == NULL || self->shown_id == NULL || self->showing_agency)
    return NULL;
  return ethos_template_store_lookup (self->store, self->shown_id, NULL);
}

void
_ethos_forms_page_update_edit_actions (EthosFormsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const EthosTemplateEntry *entry = shown_entry (self);
  gboolean agency = entry != NULL && entry->source == ETHOS_TEMPLATE_AGENCY;
  gboolean can_store = self->db != NULL && self->store != NULL;

  gtk_widget_action_set_enabled (widget, "forms.edit", entry != NULL && can_store);
  gtk_widget_action_set_enabled (widget, "forms.duplicate", entry != NULL && can_store);
  gtk_widget_action_set_enabled (widget, "forms.export-template", entry != NULL);
  gtk_widget_action_set_enabled (widget, "forms.delete-template", agency && can_store);
  gtk_widget_action_set_enabled (widget, "forms.import", can_store);
  gtk_widget_set_visible (self->edit_button, entry != NULL && can_store);
  if (entry != NULL)
    {
      /* Built-in and deployed templates are read-only: their copy is edited. */
      const char *label = agency ? _("Edit") : _("Duplicate to Edit");

      gtk_button_set_label (GTK_BUTTON (self->edit_button), label);
      gtk_widget_set_tooltip_text (self->edit_button,
                                   agency ? _("Edit this agency template")
                                          : _("This template is read-only: save an agency copy "
                                              "of it and edit that"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      agency ? _("Edit the template")
                                             : _("Duplicate the template to edit it"), -1);
    }
}

/* Closing the window with unsaved edits asks first. */
static void
window_may_close_cb (EthosTemplateEditor *editor,
                     gboolean             may_close,
                     gpointer             user_data)
{
  EthosFormsPage *self = user_data;

  if (!may_close || self->watched_window == NULL)
    return;
  self->closing = TRUE;
  gtk_window_close (self->watched_window);
}

static gboolean
close_request_cb (GtkWindow      *window,
                  EthosFormsPage *self)
{
  if (self->closing || self->editor == NULL || !ethos_template_editor_is_modified (self->editor))
    return FALSE;
  ethos_template_editor_confirm_close (self->editor, window_may_close_cb, self);
  return TRUE;
}

static void
watch_window (EthosFormsPage *self)
{
  GtkWindow *window = _ethos_forms_page_parent_window (self);

  if (window == self->watched_window)
    return;
  if (self->watched_window != NULL)
    g_signal_handlers_disconnect_by_func (self->watched_window, close_request_cb, self);
  self->watched_window = window;
  if (window != NULL)
    g_signal_connect_object (window, "close-request", G_CALLBACK (close_request_cb), self, 0);
}

void
ethos_forms_page_close_editor (EthosFormsPage *self)
{
  g_return_if_fail (ETHOS_IS_FORMS_PAGE (self));

  if (self->editor == NULL)
    return;
  gtk_stack_set_visible_child_name (self->mode_stack, "browse");
  gtk_stack_remove (self->mode_stack, GTK_WIDGET (self->editor));
  self->editor = NULL;
}

static void
editor_closed_cb (EthosFormsPage      *self,
                  EthosTemplateEditor *editor)
{
  g_autofree char *id = g_strdup (ethos_template_editor_get_id (editor));

  ethos_forms_page_close_editor (self);
  /* The list shows again the form shown: most often the one edited. */
  _ethos_forms_page_show_list (self);
  if (self->showing_agency || g_strcmp0 (self->shown_id, id) != 0)
    ethos_forms_page_show_template (self, id, NULL);
}

static void
editor_saved_cb (EthosFormsPage      *self,
                 EthosTemplateEditor *editor)
{
  /* The list and the form follow the new version. */
  _ethos_forms_page_show_list (self);
}

EthosTemplateEditor *
ethos_forms_page_get_editor (EthosFormsPage *self)
{
  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self), NULL);
  return self->editor;
}

static EthosTemplateEditor *
open_editor (EthosFormsPage  *self,
             const char      *id,
             GError         **error)
{
  EthosTemplateEditor *editor;

  ethos_forms_page_close_editor (self);
  if (!(editor = ethos_template_editor_new (self->store, self->db, self->corpus, self->profile,
                                            id, self->lang, error)))
    return NULL;
  self->editor = editor;
  gtk_stack_add_named (self->mode_stack, GTK_WIDGET (editor), "editor");
  gtk_stack_set_visible_child (self->mode_stack, GTK_WIDGET (editor));
  g_signal_connect_object (editor, "closed", G_CALLBACK (editor_closed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  watch_window (self);
  return editor;
}

EthosTemplateEditor *
ethos_forms_page_edit_template (EthosFormsPage  *self,
                                const char      *id,
                                GError         **error)
{
  const EthosTemplateEntry *entry;
  const char *suffix;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self) && id != NULL, NULL);

  if (self->store == NULL)
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                           _("The forms are still being read"));
      return NULL;
    }
  if (!(entry = ethos_template_store_lookup (self->store, id, error)))
    return NULL;
  if (entry->source == ETHOS_TEMPLATE_AGENCY)
    return open_editor (self, id, error);

  /* Duplicate to Edit: the copy is saved at once, named after the agency. */
  suffix = self->profile ? ethos_agency_profile_get (self->profile, "agency_name", self->lang)
                         : NULL;
  if (suffix == NULL || *suffix == '\0')
    /* Translators: a noun, added to a template's title: "Informed Consent (Copy)" */
    suffix = C_("template title", "Copy");
  if (!(entry = ethos_template_store_duplicate (self->store, id, suffix, error)))
    return NULL;
  id = entry->tmpl->id;
  /* Short: a toast is one line, and the editor opening now shows the
   * copy's title (with the agency's name, the toast was cut mid-sentence). */
  text = g_strdup (_("Saved an editable copy for your agency"));
  g_free (self->shown_id);
  self->shown_id = g_strdup (id);
  _ethos_forms_page_show_list (self);
  toast (self, text, NULL);
  return open_editor (self, self->shown_id, error);
}

static void
edit_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  EthosFormsPage *self = ETHOS_FORMS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const EthosTemplateEntry *entry = shown_entry (self);
  g_autofree char *id = entry ? g_strdup (entry->tmpl->id) : NULL;

  if (id == NULL)
    return;
  /* Duplicate: a copy even of an agency template. */
  if (g_str_equal (name, "forms.duplicate") && entry->source == ETHOS_TEMPLATE_AGENCY)
    {
      const char *suffix = C_("template title", "Copy");
      const EthosTemplateEntry *copy = ethos_template_store_duplicate (self->store, id, suffix,
                                                                       &error);
      if (copy == NULL)
        {
          _ethos_forms_page_show_error (self, _("The Template Could Not Be Duplicated"), error);
          return;
        }
      g_free (id);
      id = g_strdup (copy->tmpl->id);
      _ethos_forms_page_show_list (self);
    }
  if (!ethos_forms_page_edit_template (self, id, &error))
    _ethos_forms_page_show_error (self, _("The Template Cannot Be Edited"), error);
}

/* Deleting */

gboolean
ethos_forms_page_delete_template (EthosFormsPage  *self,
                                  const char      *id,
                                  GError         **error)
{
  g_autoptr(GPtrArray) versions = NULL;

  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self) && id != NULL, FALSE);

  if (self->db == NULL || self->store == NULL)
    return FALSE;
  if (!(versions = ethos_user_db_list_template_versions (self->db, id, error)) ||
      !ethos_template_store_delete (self->store, id, error))
    return FALSE;
  if (self->editor != NULL && g_str_equal (ethos_template_editor_get_id (self->editor), id))
    ethos_forms_page_close_editor (self);
  g_free (self->deleted_id);
  self->deleted_id = g_strdup (id);
  g_clear_pointer (&self->deleted_versions, g_ptr_array_unref);
  self->deleted_versions = g_steal_pointer (&versions);
  _ethos_forms_page_show_list (self);
  return TRUE;
}

gboolean
ethos_forms_page_undo_delete (EthosFormsPage  *self,
                              GError         **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self), FALSE);

  if (self->deleted_versions == NULL || self->store == NULL)
    return FALSE;
  if (!ethos_template_store_bring_back (self->store, self->deleted_versions, error))
    return FALSE;
  id = g_steal_pointer (&self->deleted_id);
  g_clear_pointer (&self->deleted_versions, g_ptr_array_unref);
  g_free (self->shown_id);
  self->shown_id = g_steal_pointer (&id);
  _ethos_forms_page_show_list (self);
  return TRUE;
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    EthosFormsPage   *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "id");
  const char *title = g_object_get_data (G_OBJECT (dialog), "title");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!ethos_forms_page_delete_template (self, id, &error))
    {
      _ethos_forms_page_show_error (self, _("The Template Was Not Deleted"), error);
      return;
    }
  /* Translators: after deleting a template: Deleted “Informed Consent (Riverbend)” */
  text = g_strdup_printf (_("Deleted “%s”"), title);
  toast (self, text, "forms.undo-delete");
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  EthosFormsPage *self = ETHOS_FORMS_PAGE (widget);
  const char *id = g_variant_get_string (param, NULL);
  const EthosTemplateEntry *entry;
  g_autofree char *heading = NULL;
  const char *title;
  GtkWidget *dialog;

  if (*id == '\0')
    id = self->shown_id;
  if (id == NULL || self->store == NULL ||
      !(entry = ethos_template_store_lookup (self->store, id, NULL)))
    return;
  if (entry->source != ETHOS_TEMPLATE_AGENCY)
    {
      toast (self, _("Built-in and deployed templates cannot be deleted"), NULL);
      return;
    }
  title = ethos_forms_text (entry->tmpl, entry->tmpl->title, self->lang);
  heading = g_strdup_printf (_("Delete “%s”?"), title);
  dialog = adw_message_dialog_new (_ethos_forms_page_parent_window (self), heading,
                                   _("The template and all its saved versions are deleted from "
                                     "this computer. You can undo it just after."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("Cancel"),
                                    "delete", _("Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "title", g_strdup (title), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_agency_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  ethos_forms_page_show_agency (ETHOS_FORMS_PAGE (widget));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  EthosFormsPage *self = ETHOS_FORMS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!ethos_forms_page_undo_delete (self, &error) && error != NULL)
    _ethos_forms_page_show_error (self, _("The Template Could Not Be Brought Back"), error);
}

/* Importing and exporting */

static gboolean
id_taken_cb (const char *id,
             gpointer    user_data)
{
  return ethos_template_store_lookup (user_data, id, NULL) != NULL;
}

const EthosTemplateEntry *
ethos_forms_page_import_file (EthosFormsPage  *self,
                              const char      *path,
                              gboolean         as_copy,
                              gboolean         replace,
                              GError         **error)
{
  const EthosTemplateEntry *entry;
  g_autoptr(EthosTemplate) tmpl = NULL;
  g_autofree char *as_id = NULL;

  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self) && path != NULL, NULL);

  if (self->store == NULL)
    return NULL;
  if (as_copy)
    {
      if (!(tmpl = ethos_template_load (path, NULL, 0,
                                        ethos_template_store_get_requirements (self->store),
                                        error)))
        return NULL;
      as_id = ethos_template_make_id (tmpl->id, _("import"), id_taken_cb, self->store);
      entry = ethos_template_store_import_full (self->store, path, as_id, NULL, error);
    }
  else if (replace)
    entry = ethos_template_store_import_replacing (self->store, path, error);
  else
    entry = ethos_template_store_import_full (self->store, path, NULL, NULL, error);
  if (entry == NULL)
    return NULL;
  g_free (self->shown_id);
  self->shown_id = g_strdup (entry->tmpl->id);
  _ethos_forms_page_show_list (self);
  return entry;
}

static void
imported (EthosFormsPage *self,
          const char     *path,
          gboolean        as_copy,
          gboolean        replace)
{
  g_autoptr(GError) error = NULL;
  const EthosTemplateEntry *entry = ethos_forms_page_import_file (self, path, as_copy, replace,
                                                                  &error);
  g_autofree char *text = NULL;

  if (entry == NULL)
    {
      _ethos_forms_page_show_error (self, _("The Template Was Not Imported"), error);
      return;
    }
  /* Translators: Imported “Consent (Riverbend)”, version 2.0 */
  text = g_strdup_printf (_("Imported “%s”, version %s"),
                          ethos_forms_text (entry->tmpl, entry->tmpl->title, self->lang),
                          entry->tmpl->version);
  toast (self, text, NULL);
}

static void
import_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    EthosFormsPage   *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_strcmp0 (response, "copy") == 0)
    imported (self, path, TRUE, FALSE);
  else if (g_strcmp0 (response, "replace") == 0)
    imported (self, path, FALSE, TRUE);
}

/* An invalid file is said, naming the file, the place and the problem,
 * and changes nothing; an id in use asks whether to replace or copy. */
void
ethos_forms_page_import (EthosFormsPage *self,
                         const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosTemplate) tmpl = NULL;
  const EthosTemplateEntry *existing;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  gboolean agency;

  g_return_if_fail (ETHOS_IS_FORMS_PAGE (self) && path != NULL);

  if (self->store == NULL)
    return;
  tmpl = ethos_template_load (path, NULL, 0, ethos_template_store_get_requirements (self->store),
                              &error);
  if (tmpl == NULL)
    {
      _ethos_forms_page_show_error (self, _("This File Is Not a Template Ethos Can Use"), error);
      return;
    }
  if (!(existing = ethos_template_store_lookup (self->store, tmpl->id, NULL)))
    {
      imported (self, path, FALSE, FALSE);
      return;
    }
  agency = existing->source == ETHOS_TEMPLATE_AGENCY;
  heading = g_strdup_printf (_("“%s” Is Already There"),
                             ethos_forms_text (existing->tmpl, existing->tmpl->title, self->lang));
  dialog = adw_message_dialog_new (_ethos_forms_page_parent_window (self), heading,
                                   agency ? _("Replace it with the file (the template there "
                                              "now is kept as a version), or import the file as "
                                              "a copy with a new id?")
                                          : _("Its id is a built-in or deployed template’s, "
                                              "which cannot be replaced. Import the file as a "
                                              "copy with a new id?"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "copy", _("Import as a Copy"));
  if (agency)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "replace", _("Replace"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_chooser_cb (GtkNativeDialog *chooser,
                   int              response,
                   EthosFormsPage  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    ethos_forms_page_import (self, path);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  EthosFormsPage *self = ETHOS_FORMS_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import a Template"), _ethos_forms_page_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Ethos templates (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_chooser_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_chooser_cb (GtkNativeDialog *chooser,
                   int              response,
                   EthosFormsPage  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = g_object_get_data (G_OBJECT (chooser), "id");

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      self->store != NULL)
    {
      if (!(path = g_file_get_path (file)))
        g_set_error_literal (&error, ETHOS_ERROR, ETHOS_ERROR_IO,
                             _("Templates can only be saved to a folder on this computer."));
      if (error != NULL || !ethos_template_store_export (self->store, id, path, &error))
        _ethos_forms_page_show_error (self, _("The Template Was Not Exported"), error);
      else
        toast (self, _("Exported: give the file to whoever deploys Ethos"), NULL);
    }
  g_object_unref (chooser);
}

static void
export_template_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  EthosFormsPage *self = ETHOS_FORMS_PAGE (widget);
  const EthosTemplateEntry *entry = shown_entry (self);
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *chooser;

  if (entry == NULL)
    return;
  file_name = g_strconcat (entry->tmpl->id, ".json", NULL);
  chooser = gtk_file_chooser_native_new (_("Export the Template"), _ethos_forms_page_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  {
    g_autoptr(GFile) folder = ethos_forms_documents_folder ();
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "id", g_strdup (entry->tmpl->id), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_chooser_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_ethos_forms_page_edit_dispose (EthosFormsPage *self)
{
  if (self->watched_window != NULL)
    g_signal_handlers_disconnect_by_func (self->watched_window, close_request_cb, self);
  self->watched_window = NULL;
  self->editor = NULL;
  g_clear_pointer (&self->deleted_id, g_free);
  g_clear_pointer (&self->deleted_versions, g_ptr_array_unref);
}

void
_ethos_forms_page_class_init_edit (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "forms.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "forms.duplicate", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "forms.delete-template", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "forms.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "forms.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "forms.show-agency", NULL, show_agency_action);
  gtk_widget_class_install_action (widget_class, "forms.export-template", NULL,
                                   export_template_action);
}
