/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-versions-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-forms-text.h"

#include "ethos-error.h"
#include "ethos-file.h"
#include "ethos-form-preview.h"
#include "ethos-template-versions.h"
#include "ethos-versions-window.h"

struct _EthosVersionsWindow
{
  AdwWindow           parent_instance;

  GtkListBox         *list;
  EthosFormPreview   *preview;
  AdwToastOverlay    *toasts;

  EthosTemplateStore *store;     /* not owned */
  EthosUserDb        *db;        /* not owned */
  EthosAgencyProfile *profile;   /* a copy, or NULL */
  const char         *ui_lang;
  char               *id;
  GPtrArray          *versions;  /* EthosTemplateVersion, newest first */
};

enum { RESTORED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EthosVersionsWindow, ethos_versions_window, ADW_TYPE_WINDOW)

static const EthosTemplateVersion *
find (EthosVersionsWindow *self,
      const char          *version)
{
  for (guint i = 0; i < self->versions->len; i++)
    {
      const EthosTemplateVersion *v = g_ptr_array_index (self->versions, i);

      if (g_str_equal (v->version, version))
        return v;
    }
  return NULL;
}

static EthosTemplate *
load_version (EthosVersionsWindow         *self,
              const EthosTemplateVersion  *v,
              GError                     **error)
{
  g_autofree char *source = g_strdup_printf ("%s %s", v->id, v->version);

  return ethos_template_load (source, v->json, strlen (v->json),
                              ethos_template_store_get_requirements (self->store), error);
}

gboolean
ethos_versions_window_view (EthosVersionsWindow *self,
                            const char          *version)
{
  const EthosTemplateVersion *v;
  g_autoptr(EthosTemplate) tmpl = NULL;
  g_autoptr(EthosFormJob) job = NULL;
  g_autoptr(EthosFormValues) values = NULL;
  g_autoptr(GError) error = NULL;
  EthosFormRequest request = { .blank = TRUE, .preview = TRUE };
  EthosFormPages *pages;

  g_return_val_if_fail (ETHOS_IS_VERSIONS_WINDOW (self) && version != NULL, FALSE);

  if (!(v = find (self, version)))
    return FALSE;
  if (!(tmpl = load_version (self, v, &error)) || !(job = ethos_form_job_new (tmpl, &error)) ||
      (self->profile != NULL && !ethos_agency_profile_apply (self->profile, job, TRUE, &error)))
    {
      ethos_form_preview_show_error (self->preview, error->message);
      return FALSE;
    }
  request.lang = ethos_template_has_language (tmpl, self->ui_lang) ? self->ui_lang
                                                                  : tmpl->languages[0];
  if (!ethos_form_job_get_preferred_paper (job, &request.paper))
    request.paper = ethos_paper_for_locale ();
  values = ethos_form_values_new (tmpl);
  if (!(pages = ethos_form_job_lay_out (job, values, &request, &error)))
    {
      ethos_form_preview_show_error (self->preview, error->message);
      return FALSE;
    }
  ethos_form_preview_set_pages (self->preview, pages);
  return TRUE;
}

gboolean
ethos_versions_window_export_to (EthosVersionsWindow  *self,
                                 const char           *version,
                                 GFile                *file,
                                 GError              **error)
{
  const EthosTemplateVersion *v;
  g_autofree char *path = NULL;

  g_return_val_if_fail (ETHOS_IS_VERSIONS_WINDOW (self) && version != NULL, FALSE);

  if (!(v = find (self, version)))
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND, _("There is no version %s"),
                   version);
      return FALSE;
    }
  if (!(path = g_file_get_path (file)))
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_IO,
                           _("Templates can only be saved to a folder on this computer."));
      return FALSE;
    }
  return ethos_file_write_atomic (path, v->json, strlen (v->json), 0644, error);
}

static void rebuild (EthosVersionsWindow *self,
                     GPtrArray           *versions);

gboolean
ethos_versions_window_restore (EthosVersionsWindow  *self,
                               const char           *version,
                               GError              **error)
{
  const EthosTemplateEntry *entry;

  g_return_val_if_fail (ETHOS_IS_VERSIONS_WINDOW (self) && version != NULL, FALSE);

  if (!(entry = ethos_template_store_restore_version (self->store, self->id, version, error)))
    return FALSE;
  rebuild (self, NULL);
  g_signal_emit (self, signals[RESTORED], 0);
  {
    /* Translators: Version 1.0 was restored as version 2.1 */
    g_autofree char *text = g_strdup_printf (_("Version %s was restored as version %s"), version,
                                             entry->tmpl->version);
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
  }
  return TRUE;
}

static void
restore_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     EthosVersionsWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *version = g_object_get_data (G_OBJECT (dialog), "version");

  if (g_strcmp0 (response, "restore") == 0 &&
      !ethos_versions_window_restore (self, version, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

static void
restore_clicked_cb (GtkButton           *button,
                    EthosVersionsWindow *self)
{
  const char *version = g_object_get_data (G_OBJECT (button), "version");
  /* Translators: Restore Version 1.0? */
  g_autofree char *heading = g_strdup_printf (_("Restore Version %s?"), version);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                              _("Its content is saved as the next version, "
                                                "which counselors then use. The versions in "
                                                "between are kept."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "version", g_strdup (version), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_response_cb (GtkNativeDialog     *chooser,
                    int                  response,
                    EthosVersionsWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *version = g_object_get_data (G_OBJECT (chooser), "version");

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      if (ethos_versions_window_export_to (self, version, file, &error))
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Exported")));
      else
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
    }
  g_object_unref (chooser);
}

static void
export_clicked_cb (GtkButton           *button,
                   EthosVersionsWindow *self)
{
  const char *version = g_object_get_data (G_OBJECT (button), "version");
  g_autofree char *name = g_strdup_printf ("%s-%s.json", self->id, version);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Version"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  {
    g_autoptr(GFile) folder = ethos_forms_documents_folder ();
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "version", g_strdup (version), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
row_button (EthosVersionsWindow *self,
            const char          *icon,
            const char          *label,
            const char          *version,
            GCallback            callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "version", g_strdup (version), g_free);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static void
row_selected_cb (GtkListBox          *list,
                 GtkListBoxRow       *row,
                 EthosVersionsWindow *self)
{
  if (row != NULL)
    ethos_versions_window_view (self, g_object_get_data (G_OBJECT (row), "version"));
}

/* The list of versions: @versions when the caller has just read them
 * (taken), else read now. */
static void
rebuild (EthosVersionsWindow *self,
         GPtrArray           *versions)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  if (versions == NULL &&
      !(versions = ethos_user_db_list_template_versions (self->db, self->id, &error)))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  self->versions = versions;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < versions->len; i++)
    {
      const EthosTemplateVersion *v = g_ptr_array_index (versions, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (v->saved);
      g_autofree char *date = when ? g_date_time_format (when, "%-d %B %Y, %H:%M") : g_strdup ("");
      /* Translators: a saved version: "Version 2.0" */
      g_autofree char *title = g_strdup_printf (_("Version %s"), v->version);
      g_autofree char *subtitle = NULL;
      g_autofree char *restore = g_strdup_printf (_("Restore version %s"), v->version);
      g_autofree char *export = g_strdup_printf (_("Export version %s"), v->version);
      GtkWidget *row = adw_action_row_new ();

      g_strstrip (date);
      /* Translators: a version's kind, when it was saved and its note */
      subtitle = g_strdup_printf ("%s · %s%s%s",
                                  v->kind == ETHOS_VERSION_MAJOR ? _("Major change")
                                                                 : _("Minor change"),
                                  date, v->note ? " · " : "", v->note ? v->note : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "document-save-as-symbolic", export,
                                             v->version, G_CALLBACK (export_clicked_cb)));
      if (i > 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   row_button (self, "edit-undo-symbolic", restore, v->version,
                                               G_CALLBACK (restore_clicked_cb)));
      g_object_set_data_full (G_OBJECT (row), "version", g_strdup (v->version), g_free);
      gtk_list_box_append (self->list, row);
    }
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
}

static void
ethos_versions_window_dispose (GObject *object)
{
  EthosVersionsWindow *self = ETHOS_VERSIONS_WINDOW (object);

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->profile, ethos_agency_profile_free);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (ethos_versions_window_parent_class)->dispose (object);
}

static void
ethos_versions_window_class_init (EthosVersionsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_versions_window_dispose;
  signals[RESTORED] = g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  g_type_ensure (ETHOS_TYPE_FORM_PREVIEW);
}

static void
ethos_versions_window_init (EthosVersionsWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Versions"));
  gtk_window_set_default_size (GTK_WINDOW (self), 980, 680);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Saved versions"), -1);
  g_signal_connect_object (list, "row-selected", G_CALLBACK (row_selected_cb), self, 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, 360, -1);
  self->list = GTK_LIST_BOX (list);
  self->preview = ethos_form_preview_new ();
  gtk_paned_set_start_child (GTK_PANED (paned), scroller);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (self->preview));
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, paned);
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
}

EthosVersionsWindow *
ethos_versions_window_new (GtkWindow                 *parent,
                           EthosTemplateStore        *store,
                           EthosUserDb               *db,
                           const char                *id,
                           const EthosAgencyProfile  *profile,
                           const char                *ui_lang,
                           GError                   **error)
{
  EthosVersionsWindow *self;
  g_autoptr(GPtrArray) versions = NULL;

  g_return_val_if_fail (store != NULL && db != NULL && id != NULL, NULL);

  if (!(versions = ethos_user_db_list_template_versions (db, id, error)))
    return NULL;
  /* Modal: it works on the editor's store and template. */
  self = g_object_new (ETHOS_TYPE_VERSIONS_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
  self->store = store;
  self->db = db;
  self->id = g_strdup (id);
  self->ui_lang = ui_lang;
  if (profile != NULL)
    self->profile = ethos_agency_profile_merge (profile, NULL);
  rebuild (self, g_steal_pointer (&versions));
  return self;
}

GtkWidget *
ethos_versions_window_get_row (EthosVersionsWindow *self,
                               const char          *version)
{
  g_return_val_if_fail (ETHOS_IS_VERSIONS_WINDOW (self) && version != NULL, NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "version"), version) == 0)
      return row;
  return NULL;
}
