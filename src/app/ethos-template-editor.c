/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-a11y.h"
#include "ethos-error.h"
#include "ethos-forms-text.h"
#include "ethos-template-editor-private.h"

/* The coverage and the preview follow an edit after this pause: typing
 * stays smooth, and what is shown is never more than a moment old. */
#define REFRESH_DELAY_MS 120
/* The undo stack's depth. */
#define HISTORY_STEPS 200

enum { CLOSED, SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EthosTemplateEditor, ethos_template_editor, GTK_TYPE_WIDGET)

GtkWindow *
_ethos_template_editor_window (EthosTemplateEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_ethos_template_editor_toast (EthosTemplateEditor *self,
                              const char          *text,
                              const char          *action)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 6);
  if (action != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, action);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
_ethos_template_editor_show_error (EthosTemplateEditor *self,
                                   const char          *heading,
                                   const GError        *error)
{
  GtkWidget *dialog = adw_message_dialog_new (_ethos_template_editor_window (self), heading,
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
field_label (EthosTemplateEditor *self,
             const char          *id)
{
  const EthosField *field = ethos_template_get_field (self->tmpl, id);

  return field != NULL ? ethos_forms_text (self->tmpl, field->label, self->ui_lang) : id;
}

char *
_ethos_template_editor_condition_label (EthosTemplateEditor  *self,
                                        const EthosCondition *when)
{
  const EthosField *field;

  if (when == NULL)
    return g_strdup (_("Always"));
  if (!ethos_condition_is_simple (when))
    {
      g_autofree char *label = ethos_forms_condition_label (self->tmpl, when, self->ui_lang);
      return g_steal_pointer (&label);
    }
  field = ethos_template_get_field (self->tmpl, when->field);
  if (field != NULL && field->type == ETHOS_FIELD_BOOL)
    /* Translators: a clause's condition on a yes/no field: Only when “Services are mandated” */
    return g_strdup_printf (when->negate ? _("Only when not “%s”") : _("Only when “%s”"),
                            field_label (self, when->field));
  /* Translators: a clause's condition on a field: Only when “Guardian 1 name” is filled in */
  return g_strdup_printf (when->negate ? _("Only when “%s” is left empty")
                                       : _("Only when “%s” is filled in"),
                          field_label (self, when->field));
}

guint
_ethos_template_editor_condition_choices (EthosTemplateEditor  *self,
                                          const EthosCondition *current,
                                          GtkStringList        *names,
                                          GPtrArray            *conditions)
{
  guint selected = G_MAXUINT;

  gtk_string_list_append (names, _("Always"));
  g_ptr_array_add (conditions, NULL);
  if (current == NULL)
    selected = 0;
  for (guint i = 0; i < self->tmpl->fields->len; i++)
    {
      const EthosField *field = g_ptr_array_index (self->tmpl->fields, i);

      for (guint negate = 0; negate < 2; negate++)
        {
          EthosCondition *cond = ethos_condition_new_field (field->id, negate);
          g_autofree char *label = _ethos_template_editor_condition_label (self, cond);

          if (current != NULL && ethos_condition_equal (cond, current))
            selected = conditions->len;
          gtk_string_list_append (names, label);
          g_ptr_array_add (conditions, cond);
        }
    }
  if (selected == G_MAXUINT)
    {
      g_autofree char *label = _ethos_template_editor_condition_label (self, current);

      selected = conditions->len;
      gtk_string_list_append (names, label);
      g_ptr_array_add (conditions, ethos_condition_copy (current));
    }
  return selected;
}

/* Shows the selected clause (or the template page) in the detail pane. */
static void
show_selected (EthosTemplateEditor *self)
{
  if (self->selected != NULL && ethos_template_get_clause (self->tmpl, self->selected) == NULL)
    g_clear_pointer (&self->selected, g_free);
  if (self->selected == NULL)
    {
      _ethos_editor_details_show (self);
      gtk_stack_set_visible_child (self->detail_stack, self->details_page);
    }
  else
    {
      _ethos_editor_clause_show (self);
      gtk_stack_set_visible_child (self->detail_stack, self->clause_page);
    }
  _ethos_editor_update_actions (self);
}

static void
row_selected_cb (EthosTemplateEditor *self,
                 GtkListBoxRow       *row)
{
  const char *id;

  if (self->loading || row == NULL)
    return;
  id = g_object_get_data (G_OBJECT (row), "clause-id");
  if (g_strcmp0 (id, self->selected) == 0)
    return;
  ethos_template_history_break (self->history);
  g_free (self->selected);
  self->selected = g_strdup (id);
  show_selected (self);
}

/* Editing */

void
_ethos_template_editor_record (EthosTemplateEditor *self,
                               const char          *group)
{
  ethos_template_history_record (self->history, self->tmpl, group, g_get_monotonic_time ());
}

static void
update_title (EthosTemplateEditor *self)
{
  g_autofree char *subtitle = NULL;
  const char *title = ethos_forms_text (self->tmpl, self->tmpl->title, self->ui_lang);

  /* Translators: the editor's subtitle: "Version 1.1 · edited" */
  subtitle = ethos_template_editor_is_modified (self)
               ? g_strdup_printf (_("Version %s · edited, not saved"), self->tmpl->version)
               : g_strdup_printf (_("Version %s · saved"), self->tmpl->version);
  adw_window_title_set_title (self->window_title, title != NULL && *title ? title : self->id);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static gboolean
refresh_cb (gpointer data)
{
  EthosTemplateEditor *self = data;
  g_autoptr(GPtrArray) problems = ethos_template_get_problems (self->tmpl);

  self->refresh_id = 0;
  _ethos_editor_side_refresh (self, problems);
  _ethos_editor_clause_refresh (self, problems);
  update_title (self);
  _ethos_editor_update_actions (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (EthosTemplateEditor *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

static gboolean
draft_cb (gpointer data)
{
  EthosTemplateEditor *self = data;
  g_autoptr(GError) error = NULL;

  self->draft_id = 0;
  if (!ethos_template_editor_save_draft (self, &error))
    g_warning ("The draft of %s could not be saved: %s", self->id, error->message);
  return G_SOURCE_REMOVE;
}

void
_ethos_template_editor_changed (EthosTemplateEditor *self,
                                EditKind             kind)
{
  if (kind == EDIT_STRUCTURE)
    {
      _ethos_editor_list_rebuild (self);
      show_selected (self);
    }
  else
    _ethos_editor_list_update (self);
  queue_refresh (self);
  /* A draft a few seconds after the first edit not yet in one, so that at
   * most that much typing is lost in a crash (ETHOS_EDITOR_DRAFT_MS). */
  if (self->draft_id == 0 && self->db != NULL)
    self->draft_id = g_timeout_add (ETHOS_EDITOR_DRAFT_MS, draft_cb, self);
  _ethos_editor_update_actions (self);
}

/* After undo, redo or a restored draft: @tmpl (owned) is the state now. */
void
_ethos_template_editor_replace (EthosTemplateEditor *self,
                                EthosTemplate       *tmpl)
{
  g_clear_pointer (&self->tmpl, ethos_template_unref);
  self->tmpl = tmpl;
  _ethos_editor_side_set_template (self);
  _ethos_template_editor_changed (self, EDIT_STRUCTURE);
}

void
ethos_template_editor_refresh_now (EthosTemplateEditor *self)
{
  g_return_if_fail (ETHOS_IS_TEMPLATE_EDITOR (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh_cb (self);
}

static void
ethos_template_editor_dispose (GObject *object)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (object);

  /* The last edits are kept in the draft even when the window goes. */
  if (self->draft_id != 0)
    ethos_template_editor_save_draft (self, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->draft_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ETHOS_TYPE_TEMPLATE_EDITOR);
  g_clear_pointer (&self->tmpl, ethos_template_unref);
  g_clear_pointer (&self->history, ethos_template_history_free);
  g_clear_pointer (&self->job, ethos_form_job_unref);
  g_clear_pointer (&self->coverage, g_ptr_array_unref);
  g_clear_pointer (&self->profile, ethos_agency_profile_free);
  g_clear_pointer (&self->code_labels, g_hash_table_unref);
  g_clear_pointer (&self->tag_rows, g_ptr_array_unref);
  g_clear_pointer (&self->details_rows, g_ptr_array_unref);
  g_clear_pointer (&self->conditions, g_ptr_array_unref);
  self->store = NULL;
  self->db = NULL;
  self->corpus = NULL;

  G_OBJECT_CLASS (ethos_template_editor_parent_class)->dispose (object);
}

static void
ethos_template_editor_finalize (GObject *object)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (object);

  g_free (self->id);
  g_free (self->saved_json);
  g_free (self->selected);

  G_OBJECT_CLASS (ethos_template_editor_parent_class)->finalize (object);
}

static void
ethos_template_editor_class_init (EthosTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_template_editor_dispose;
  object_class->finalize = ethos_template_editor_finalize;

  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ETHOS_TYPE_FORM_PREVIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* A landmark for screen readers: the editor, by its title. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/"
                                               "ethos-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, root_box);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, done_button);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, draft_label);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, problems_label);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, uncovered_list);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, clause_list);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, side_stack);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, coverage_summary);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, reading_summary);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, coverage_list);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, preview_lang);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, preview_values);
  gtk_widget_class_bind_template_child (widget_class, EthosTemplateEditor, preview);

  _ethos_editor_actions_class_init (widget_class);
  _ethos_editor_clause_class_init (widget_class);
  _ethos_editor_details_class_init (widget_class);
  _ethos_editor_field_class_init (widget_class);
}

/* Ctrl+Z and Ctrl+Shift+Z belong to the editor's one stack wherever the
 * focus is: taken before a text widget sees them (their own undo is off). */
static gboolean
undo_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             EthosTemplateEditor   *self)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK);
  guint key = gdk_keyval_to_lower (keyval);

  if (mods == GDK_CONTROL_MASK && key == GDK_KEY_z)
    return gtk_widget_activate_action (GTK_WIDGET (self), "editor.undo", NULL);
  if ((mods == (GDK_CONTROL_MASK | GDK_SHIFT_MASK) && key == GDK_KEY_z) ||
      (mods == GDK_CONTROL_MASK && key == GDK_KEY_y))
    return gtk_widget_activate_action (GTK_WIDGET (self), "editor.redo", NULL);
  return FALSE;
}

static void
ethos_template_editor_init (EthosTemplateEditor *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  ethos_a11y_name_drop_down (self->preview_lang, _("Language of the preview"));
  ethos_a11y_name_drop_down (self->preview_values, _("Values in the preview"));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (undo_key_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  self->history = ethos_template_history_new (HISTORY_STEPS);
  self->tag_rows = g_ptr_array_new ();
  self->details_rows = g_ptr_array_new ();
  self->conditions = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_condition_free);
  g_signal_connect_object (self->clause_list, "row-selected", G_CALLBACK (row_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

EthosTemplateEditor *
ethos_template_editor_new (EthosTemplateStore        *store,
                           EthosUserDb               *db,
                           EthosCorpus               *corpus,
                           const EthosAgencyProfile  *profile,
                           const char                *id,
                           const char                *ui_lang,
                           GError                   **error)
{
  const EthosTemplateEntry *entry;
  EthosTemplateEditor *self;

  g_return_val_if_fail (store != NULL && id != NULL, NULL);

  if (!(entry = ethos_template_store_lookup (store, id, error)))
    return NULL;
  if (entry->source != ETHOS_TEMPLATE_AGENCY)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("“%s” is a built-in or deployed template, which cannot be changed: "
                     "duplicate it to edit it"), id);
      return NULL;
    }
  self = g_object_new (ETHOS_TYPE_TEMPLATE_EDITOR, NULL);
  self->store = store;
  self->db = db;
  self->corpus = corpus;
  self->ui_lang = ui_lang != NULL ? ui_lang : "en";
  if (profile != NULL)
    self->profile = ethos_agency_profile_merge (profile, NULL);
  self->id = g_strdup (id);
  self->tmpl = ethos_template_copy (entry->tmpl);
  self->saved_json = ethos_template_to_json (entry->tmpl);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Template editor"), -1);

  _ethos_editor_clause_init (self);
  _ethos_editor_details_init (self);
  _ethos_editor_side_init (self);
  _ethos_editor_side_set_template (self);
  _ethos_editor_list_rebuild (self);
  show_selected (self);
  ethos_template_editor_refresh_now (self);
  _ethos_editor_offer_draft (self);
  return self;
}

const char *
ethos_template_editor_get_id (EthosTemplateEditor *self)
{
  g_return_val_if_fail (ETHOS_IS_TEMPLATE_EDITOR (self), NULL);
  return self->id;
}

EthosTemplate *
ethos_template_editor_get_template (EthosTemplateEditor *self)
{
  g_return_val_if_fail (ETHOS_IS_TEMPLATE_EDITOR (self), NULL);
  return self->tmpl;
}

gboolean
ethos_template_editor_is_modified (EthosTemplateEditor *self)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (ETHOS_IS_TEMPLATE_EDITOR (self), FALSE);

  json = ethos_template_to_json (self->tmpl);
  return g_strcmp0 (json, self->saved_json) != 0;
}

gboolean
ethos_template_editor_select (EthosTemplateEditor *self,
                              const char          *clause_id)
{
  g_return_val_if_fail (ETHOS_IS_TEMPLATE_EDITOR (self), FALSE);

  if (clause_id != NULL && ethos_template_get_clause (self->tmpl, clause_id) == NULL)
    return FALSE;
  ethos_template_history_break (self->history);
  g_free (self->selected);
  self->selected = g_strdup (clause_id);
  _ethos_editor_list_select (self);
  show_selected (self);
  return TRUE;
}

GtkWidget *
ethos_template_editor_get_row (EthosTemplateEditor *self,
                               const char          *clause_id)
{
  g_return_val_if_fail (ETHOS_IS_TEMPLATE_EDITOR (self) && clause_id != NULL, NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->clause_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "clause-id"), clause_id) == 0)
      return row;
  return NULL;
}

GtkWidget *
ethos_template_editor_get_widget (EthosTemplateEditor *self,
                                  const char          *name)
{
  g_return_val_if_fail (ETHOS_IS_TEMPLATE_EDITOR (self) && name != NULL, NULL);

  for (guint l = 0; l < EDITOR_LANGS && self->tmpl->languages[l] != NULL; l++)
    {
      g_autofree char *heading = g_strconcat ("heading-", self->tmpl->languages[l], NULL);
      g_autofree char *body = g_strconcat ("body-", self->tmpl->languages[l], NULL);
      g_autofree char *title = g_strconcat ("title-", self->tmpl->languages[l], NULL);
      g_autofree char *reading = g_strconcat ("reading-", self->tmpl->languages[l], NULL);

      if (g_str_equal (name, heading))
        return self->headings[l];
      if (g_str_equal (name, body))
        return GTK_WIDGET (self->bodies[l]);
      if (g_str_equal (name, title))
        return self->titles[l];
      if (g_str_equal (name, reading))
        return GTK_WIDGET (self->readings[l]);
    }
  if (g_str_equal (name, "locked"))
    return GTK_WIDGET (self->locked_switch);
  if (g_str_equal (name, "hidden"))
    return GTK_WIDGET (self->hidden_switch);
  if (g_str_equal (name, "when"))
    return GTK_WIDGET (self->when_row);
  if (g_str_equal (name, "coverage"))
    return GTK_WIDGET (self->coverage_list);
  if (g_str_equal (name, "uncovered"))
    return GTK_WIDGET (self->uncovered_list);
  if (g_str_equal (name, "preview"))
    return GTK_WIDGET (self->preview);
  if (g_str_equal (name, "problems"))
    return GTK_WIDGET (self->problems_revealer);
  if (g_str_equal (name, "draft"))
    return GTK_WIDGET (self->draft_revealer);
  if (g_str_equal (name, "clauses"))
    return GTK_WIDGET (self->clause_list);
  if (g_str_equal (name, "tags"))
    return GTK_WIDGET (self->tags_group);
  if (g_str_equal (name, "standards"))
    return GTK_WIDGET (self->standards_group);
  if (g_str_equal (name, "signatures"))
    return GTK_WIDGET (self->signatures_group);
  if (g_str_equal (name, "fields"))
    return GTK_WIDGET (self->fields_group);
  return NULL;
}

void
_ethos_template_editor_emit (EthosTemplateEditor *self,
                             gboolean             saved)
{
  g_signal_emit (self, signals[saved ? SAVED : CLOSED], 0);
}
