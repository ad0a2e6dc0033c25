/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-compare-window.h"
#include "ethos-error.h"
#include "ethos-file.h"
#include "ethos-forms-text.h"
#include "ethos-template-diff.h"
#include "ethos-template-editor-private.h"
#include "ethos-template-versions.h"
#include "ethos-versions-window.h"

/* Never losing a manager's work: the automatic draft (in the user
 * database's one drafts table), saving minor or major versions (its one
 * versions table, through the template store), asking before unsaved edits
 * go, and the versions: compared, viewed, exported, restored. */

gboolean
ethos_template_editor_save_draft (EthosTemplateEditor  *self,
                                  GError              **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (ETHOS_IS_TEMPLATE_EDITOR (self), FALSE);

  g_clear_handle_id (&self->draft_id, g_source_remove);
  if (self->db == NULL)
    return TRUE;
  json = ethos_template_to_json (self->tmpl);
  /* Back where the saved version is: nothing to keep. */
  if (g_strcmp0 (json, self->saved_json) == 0)
    return ethos_user_db_delete_template_draft (self->db, self->id, error);
  return ethos_user_db_save_template_draft (self->db, self->id, json, error);
}

void
_ethos_editor_offer_draft (EthosTemplateEditor *self)
{
  g_autofree char *draft = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date = NULL;
  gint64 saved = 0;

  if (self->db == NULL ||
      !(draft = ethos_user_db_get_template_draft (self->db, self->id, &saved)) ||
      g_strcmp0 (draft, self->saved_json) == 0)
    return;
  when = g_date_time_new_from_unix_local (saved);
  date = when ? g_date_time_format (when, "%-d %B %Y, %H:%M") : g_strdup ("");
  g_strstrip (date);
  /* Translators: %s is when the draft was saved: "3 December 2026, 14:32" */
  text = g_strdup_printf (_("Edits made on %s were never saved (Ethos closed before). Restore "
                            "them?"), date);
  gtk_label_set_label (self->draft_label, text);
  gtk_revealer_set_reveal_child (self->draft_revealer, TRUE);
  self->draft_offered = TRUE;
}

static void
restore_draft_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (widget);
  g_autofree char *draft = NULL;
  g_autoptr(GError) error = NULL;
  EthosTemplate *tmpl;
  g_autofree char *source = NULL;

  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  if (self->db == NULL || !(draft = ethos_user_db_get_template_draft (self->db, self->id, NULL)))
    return;
  /* Translators: where a damaged draft is said to come from */
  source = g_strdup_printf (_("the draft of %s"), self->id);
  if (!(tmpl = ethos_template_load_draft (source, draft, strlen (draft),
                                          ethos_template_store_get_requirements (self->store),
                                          &error)) ||
      !g_str_equal (tmpl->id, self->id))
    {
      if (error == NULL)
        g_set_error (&error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                     _("The draft is of another template"));
      _ethos_template_editor_show_error (self, _("The Draft Cannot Be Restored"), error);
      g_clear_pointer (&tmpl, ethos_template_unref);
      return;
    }
  /* Undo goes back to the saved version. */
  _ethos_template_editor_record (self, NULL);
  _ethos_template_editor_replace (self, tmpl);
  _ethos_template_editor_toast (self, _("Your unsaved edits are back"), NULL);
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  if (self->db != NULL && !ethos_user_db_delete_template_draft (self->db, self->id, &error))
    _ethos_template_editor_show_error (self, _("The Draft Could Not Be Discarded"), error);
}

static char *
problems_text (GPtrArray *problems)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "%s%s", i ? "\n" : "",
                            ((EthosTemplateProblem *) g_ptr_array_index (problems, i))->message);
  return g_string_free (text, FALSE);
}

gboolean
ethos_template_editor_save (EthosTemplateEditor  *self,
                            gboolean              major,
                            GError              **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  const EthosTemplateEntry *entry;

  g_return_val_if_fail (ETHOS_IS_TEMPLATE_EDITOR (self), FALSE);

  problems = ethos_template_get_problems (self->tmpl);
  if (problems->len > 0)
    {
      g_autofree char *text = problems_text (problems);

      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("The template cannot be saved yet:\n%s"), text);
      return FALSE;
    }
  if (!(entry = ethos_template_store_save_version (self->store, self->tmpl,
                                                   major ? ETHOS_VERSION_MAJOR
                                                         : ETHOS_VERSION_MINOR,
                                                   NULL, error)))
    return FALSE;
  g_free (self->tmpl->version);
  self->tmpl->version = g_strdup (entry->tmpl->version);
  g_free (self->saved_json);
  self->saved_json = ethos_template_to_json (entry->tmpl);
  g_clear_handle_id (&self->draft_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  ethos_template_editor_refresh_now (self);
  _ethos_template_editor_emit (self, TRUE);
  return TRUE;
}

typedef struct
{
  EthosEditorDoneFunc then;
  gpointer            user_data;
} After;

static void
saved_toast (EthosTemplateEditor *self,
             gboolean             major)
{
  g_autofree char *text = major
    /* Translators: after a major save */
    ? g_strdup_printf (_("Saved as version %s: clients who signed an earlier version should "
                         "consent again"), self->tmpl->version)
    : g_strdup_printf (_("Saved as version %s"), self->tmpl->version);

  _ethos_template_editor_toast (self, text, NULL);
}

static void
kind_response_cb (AdwMessageDialog    *dialog,
                  const char          *response,
                  EthosTemplateEditor *self)
{
  After *after = g_object_get_data (G_OBJECT (dialog), "after");
  g_autoptr(GError) error = NULL;
  gboolean major = g_strcmp0 (response, "major") == 0;
  gboolean saved = FALSE;

  if (major || g_strcmp0 (response, "minor") == 0)
    {
      if (!(saved = ethos_template_editor_save (self, major, &error)))
        _ethos_template_editor_show_error (self, _("The Template Was Not Saved"), error);
      else
        saved_toast (self, major);
    }
  if (after != NULL && after->then != NULL)
    after->then (self, saved, after->user_data);
}

/* The locked clauses carrying required elements whose text changed since
 * the version in use, each with what it must still say (and the languages
 * reworded, when not all were): no program can tell whether new words
 * still say it, so the manager reads them again. NULL when there are none. */
static char *
reworded_note (EthosTemplateEditor *self)
{
  EthosRequirements *reqs = ethos_template_store_get_requirements (self->store);
  g_autoptr(EthosTemplate) saved = NULL;
  g_autoptr(EthosTemplateDiff) diff = NULL;
  g_autoptr(GPtrArray) langs = NULL;
  g_auto(GStrv) ids = NULL;
  GString *note;

  if (self->saved_json == NULL ||
      !(saved = ethos_template_load_draft ("saved", self->saved_json, strlen (self->saved_json),
                                           reqs, NULL)))
    return NULL;
  diff = ethos_template_diff (saved, self->tmpl, reqs);
  ids = ethos_template_diff_reworded_carriers (diff, &langs);
  if (ids[0] == NULL)
    return NULL;
  note = g_string_new (_("Reworded clauses that carry required elements: check that each still "
                         "says what is required."));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const EthosClause *clause = ethos_template_get_clause (self->tmpl, ids[i]);
      const char * const *changed = langs->pdata[i];
      const char *heading = ethos_forms_text (self->tmpl, clause->heading, self->ui_lang);

      if (g_strv_length ((char **) changed) < g_strv_length (self->tmpl->languages))
        {
          g_autofree char *names = NULL;
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) list = NULL;

          for (guint l = 0; changed[l] != NULL; l++)
            g_strv_builder_add (builder, ethos_template_language_name (changed[l]));
          list = g_strv_builder_end (builder);
          names = g_strjoinv (", ", list);
          /* Translators: a clause reworded in some of the template's
           * languages: “Your right to stop”, in English only */
          g_string_append_printf (note, _("\n\n“%s”, in %s only (the other languages may now "
                                          "say something else):"), heading, names);
        }
      else
        /* Translators: a clause reworded in every language */
        g_string_append_printf (note, _("\n\n“%s”:"), heading);
      for (guint e = 0; clause->satisfies[e] != NULL; e++)
        {
          const EthosElement *element = ethos_requirements_get_element (reqs,
                                                                        clause->satisfies[e]);

          if (element != NULL)
            g_string_append_printf (note, "\n• %s", ethos_element_get_text (element,
                                                                             self->ui_lang));
        }
    }
  return g_string_free (note, FALSE);
}

/* Save asks what kind of change it is; @after (owned, may be NULL) follows. */
static void
ask_kind (EthosTemplateEditor *self,
          After               *after)
{
  g_autoptr(GPtrArray) problems = ethos_template_get_problems (self->tmpl);
  g_autoptr(GPtrArray) versions = NULL;
  const char *latest = self->tmpl->version;
  g_autofree char *minor = NULL, *major = NULL;
  g_autofree char *minor_label = NULL, *major_label = NULL;
  g_autofree char *reworded = NULL;
  g_autofree char *uncovered_note = NULL;
  g_autofree char *explained = NULL;
  GtkWidget *dialog;

  if (problems->len > 0)
    {
      g_autofree char *text = problems_text (problems);
      g_autofree char *body = g_strdup_printf (_("%s\n\nThe automatic draft keeps your work "
                                                 "until then."), text);

      dialog = adw_message_dialog_new (_ethos_template_editor_window (self),
                                       _("The Template Cannot Be Saved Yet"), body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      if (after != NULL && after->then != NULL)
        after->then (self, FALSE, after->user_data);
      g_free (after);
      return;
    }
  if (self->db != NULL &&
      (versions = ethos_user_db_list_template_versions (self->db, self->id, NULL)) != NULL &&
      versions->len > 0)
    latest = ((EthosTemplateVersion *) versions->pdata[0])->version;
  minor = ethos_template_version_next (latest, ETHOS_VERSION_MINOR);
  major = ethos_template_version_next (latest, ETHOS_VERSION_MAJOR);
  /* Translators: the Save dialog's choices; no mnemonics (screen readers) */
  minor_label = g_strdup_printf (_("Minor Change (%s)"), minor);
  major_label = g_strdup_printf (_("Major Change (%s)"), major);
  reworded = reworded_note (self);
  {
    /* Checked now: the panel's check waits for a pause in the typing. */
    g_autoptr(GPtrArray) coverage = ethos_coverage_check (
      self->tmpl, ethos_template_store_get_requirements (self->store));
    g_auto(GStrv) uncovered = ethos_coverage_uncovered (coverage);
    guint n = g_strv_length (uncovered);

    if (n > 0)
      uncovered_note = g_strdup_printf (ngettext ("This version leaves %u required element "
                                                  "uncovered: every form made from it will "
                                                  "say so.",
                                                  "This version leaves %u required elements "
                                                  "uncovered: every form made from it will "
                                                  "say so.", n), n);
  }
  explained = g_strconcat (_("A minor change is one of wording. A major change is to what the "
                             "client agrees to, fees included: clients who signed an earlier "
                             "version should be asked to consent again."),
                           uncovered_note != NULL ? "\n\n" : "",
                           uncovered_note != NULL ? uncovered_note : "",
                           reworded != NULL ? "\n\n" : NULL, reworded, NULL);
  dialog = adw_message_dialog_new (_ethos_template_editor_window (self),
                                   _("Save a New Version"), explained);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("Cancel"),
                                    "minor", minor_label, "major", major_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "minor",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "minor");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "after", after, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (kind_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  ask_kind (ETHOS_TEMPLATE_EDITOR (widget), NULL);
}

static void
close_response_cb (AdwMessageDialog    *dialog,
                   const char          *response,
                   EthosTemplateEditor *self)
{
  After *after = g_object_steal_data (G_OBJECT (dialog), "after");
  if (g_strcmp0 (response, "save") == 0)
    {
      ask_kind (self, after);
      return;
    }
  if (g_strcmp0 (response, "discard") == 0)
    {
      g_autoptr(GError) error = NULL;

      g_clear_handle_id (&self->draft_id, g_source_remove);
      if (self->db != NULL && !ethos_user_db_delete_template_draft (self->db, self->id, &error))
        g_warning ("The draft of %s could not be removed: %s", self->id, error->message);
      /* Back to the saved version, so that nothing saves the edits again. */
      ethos_template_history_clear (self->history);
      {
        EthosTemplate *saved = ethos_template_load (self->id, self->saved_json,
                                                    strlen (self->saved_json),
                                                    ethos_template_store_get_requirements (
                                                      self->store), NULL);
        if (saved != NULL)
          {
            g_clear_pointer (&self->tmpl, ethos_template_unref);
            self->tmpl = saved;
          }
      }
    }
  if (after->then != NULL)
    after->then (self, g_strcmp0 (response, "discard") == 0, after->user_data);
  g_free (after);
}

void
ethos_template_editor_confirm_close (EthosTemplateEditor *self,
                                     EthosEditorDoneFunc  then,
                                     gpointer             user_data)
{
  After *after;
  GtkWidget *dialog;
  /* Translators: Save the Changes to “Informed Consent (Riverbend)”? */
  g_autofree char *heading = NULL;

  g_return_if_fail (ETHOS_IS_TEMPLATE_EDITOR (self));

  if (!ethos_template_editor_is_modified (self))
    {
      if (then != NULL)
        then (self, TRUE, user_data);
      return;
    }
  after = g_new0 (After, 1);
  after->then = then;
  after->user_data = user_data;
  heading = g_strdup_printf (_("Save the Changes to “%s”?"),
                             ethos_forms_text (self->tmpl, self->tmpl->title, self->ui_lang));
  dialog = adw_message_dialog_new (_ethos_template_editor_window (self), heading,
                                   _("They are not in a version yet. Discarded, they are "
                                     "gone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("Cancel"),
                                    "discard", _("Discard"), "save", _("Save…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "after", after);
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
ethos_template_editor_export_to (EthosTemplateEditor  *self,
                                 GFile                *file,
                                 GError              **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (ETHOS_IS_TEMPLATE_EDITOR (self) && G_IS_FILE (file), FALSE);

  if (!(path = g_file_get_path (file)))
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_IO,
                           _("Templates can only be saved to a folder on this computer."));
      return FALSE;
    }
  /* The saved version: what counselors print (unsaved edits have no
   * version of their own yet). */
  return ethos_template_store_export (self->store, self->id, path, error);
}

static void
export_response_cb (GtkNativeDialog     *chooser,
                    int                  response,
                    EthosTemplateEditor *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      if (!ethos_template_editor_export_to (self, file, &error))
        _ethos_template_editor_show_error (self, _("The Template Was Not Exported"), error);
      else
        {
          g_autofree char *text = ethos_template_editor_is_modified (self)
            /* Translators: exported while edits are not saved */
            ? g_strdup_printf (_("Exported version %s; your unsaved edits are not in it"),
                               self->tmpl->version)
            : g_strdup_printf (_("Exported version %s"), self->tmpl->version);
          _ethos_template_editor_toast (self, text, NULL);
        }
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (widget);
  g_autofree char *file_name = g_strconcat (self->id, ".json", NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Template"),
                                         _ethos_template_editor_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Ethos templates (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  {
    g_autoptr(GFile) folder = ethos_forms_documents_folder ();
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static char *
version_label (const EthosTemplateVersion *v)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (v->saved);
  g_autofree char *date = when ? g_date_time_format (when, "%-d %b %Y") : g_strdup ("");

  g_strstrip (date);
  /* Translators: a version in Compare Versions: "2.0 · major · 3 Dec 2026" */
  return g_strdup_printf (_("%s · %s · %s"), v->version,
                          v->kind == ETHOS_VERSION_MAJOR ? _("major") : _("minor"), date);
}

static void
compare_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (widget);
  EthosRequirements *reqs = ethos_template_store_get_requirements (self->store);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  EthosCompareWindow *window;
  guint n = 0;

  if (self->db == NULL ||
      !(versions = ethos_user_db_list_template_versions (self->db, self->id, &error)))
    {
      if (error != NULL)
        _ethos_template_editor_show_error (self, _("The Versions Cannot Be Read"), error);
      return;
    }
  window = ethos_compare_window_new (_ethos_template_editor_window (self), reqs, self->ui_lang);
  if (ethos_template_editor_is_modified (self))
    {
      ethos_compare_window_add (window, self->tmpl, _("Unsaved edits"));
      n++;
    }
  for (guint i = 0; i < versions->len; i++)
    {
      const EthosTemplateVersion *v = g_ptr_array_index (versions, i);
      g_autoptr(EthosTemplate) tmpl = ethos_template_load (v->id, v->json, strlen (v->json),
                                                           reqs, NULL);
      g_autofree char *label = version_label (v);

      if (tmpl == NULL)
        continue;
      ethos_compare_window_add (window, tmpl, label);
      n++;
    }
  /* The oldest against the newest: what changed since the first version. */
  ethos_compare_window_compare (window, n > 0 ? n - 1 : 0, 0);
  gtk_window_present (GTK_WINDOW (window));
}

static void
restored_cb (EthosVersionsWindow *window,
             EthosTemplateEditor *self)
{
  const EthosTemplateEntry *entry = ethos_template_store_lookup (self->store, self->id, NULL);

  if (entry == NULL)
    return;
  /* The restored content is the version in use; undo goes back to the
   * edits before it. */
  _ethos_template_editor_record (self, NULL);
  g_free (self->saved_json);
  self->saved_json = ethos_template_to_json (entry->tmpl);
  _ethos_template_editor_replace (self, ethos_template_copy (entry->tmpl));
  _ethos_template_editor_emit (self, TRUE);
}

static void
versions_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  EthosVersionsWindow *window;

  if (self->db == NULL)
    return;
  if (!(window = ethos_versions_window_new (_ethos_template_editor_window (self), self->store,
                                            self->db, self->id, self->profile, self->ui_lang,
                                            &error)))
    {
      _ethos_template_editor_show_error (self, _("The Versions Cannot Be Read"), error);
      return;
    }
  g_signal_connect_object (window, "restored", G_CALLBACK (restored_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
}

static void
delete_template_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (widget);

  /* The Forms page owns the list, and the toast that undoes it. */
  gtk_widget_activate_action (widget, "forms.delete-template", "s", self->id);
}

void
_ethos_editor_versions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.restore-draft", NULL,
                                   restore_draft_action);
  gtk_widget_class_install_action (widget_class, "editor.discard-draft", NULL,
                                   discard_draft_action);
  gtk_widget_class_install_action (widget_class, "editor.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "editor.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "editor.versions", NULL, versions_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-template", NULL,
                                   delete_template_action);
}
