/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-coverage-report.h"
#include "ethos-forms-text.h"
#include "ethos-template-editor-private.h"

/* The template page: its title in every language, the standards it must
 * cover, its fields and its signature blocks. */

static const struct { const char *role; const char *name; } role_names[] = {
  { "client", N_("Client") },
  { "guardian1", N_("Parent or guardian") },
  { "guardian2", N_("Second parent or guardian") },
  { "assent", N_("Minor’s assent") },
  { "professional", N_("Professional") },
  { "witness", N_("Witness") },
  { "sponsor", N_("Sponsor") },
};

static const char *
role_name (const char *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_str_equal (role_names[i].role, role))
      return _(role_names[i].name);
  return role;
}

static void
title_changed_cb (GtkEditable         *editable,
                  EthosTemplateEditor *self)
{
  guint l = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "lang-index"));
  g_autofree char *group = NULL;

  if (self->loading || l >= g_strv_length (self->tmpl->languages))
    return;
  group = g_strdup_printf ("title:%s", self->tmpl->languages[l]);
  _ethos_template_editor_record (self, group);
  ethos_template_set_title (self->tmpl, self->tmpl->languages[l],
                            gtk_editable_get_text (editable));
  _ethos_template_editor_changed (self, EDIT_TEXT);
}

void
_ethos_editor_details_init (EthosTemplateEditor *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *titles = adw_preferences_group_new ();
  GtkWidget *heading = gtk_label_new (_("Title, Standards, Fields and Signatures"));
  GtkWidget *reading = gtk_label_new (NULL);
  GtkWidget *add_standard = gtk_button_new_with_label (_("Add…"));
  GtkWidget *add_field = gtk_button_new_with_label (_("Add…"));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "title-2");
  gtk_label_set_xalign (GTK_LABEL (reading), 0);
  gtk_label_set_wrap (GTK_LABEL (reading), TRUE);
  gtk_widget_add_css_class (reading, "caption");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (titles), _("Title"));
  for (guint l = 0; l < EDITOR_LANGS; l++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
      g_object_set_data (G_OBJECT (row), "lang-index", GUINT_TO_POINTER (l));
      g_signal_connect_object (row, "changed", G_CALLBACK (title_changed_cb), self, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (titles), row);
      self->titles[l] = row;
    }

  self->standards_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->standards_group, _("Required Standards"));
  adw_preferences_group_set_description (self->standards_group,
                                         _("Each is split into elements the clauses must "
                                           "cover"));
  gtk_widget_set_valign (add_standard, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_standard), "editor.choose-standard");
  gtk_accessible_update_property (GTK_ACCESSIBLE (add_standard), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a required standard"), -1);
  adw_preferences_group_set_header_suffix (self->standards_group, add_standard);

  self->fields_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->fields_group, _("Fields"));
  adw_preferences_group_set_description (self->fields_group,
                                         _("What the counselor fills in; clauses print them "
                                           "through Insert Field"));
  gtk_widget_set_valign (add_field, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_field), "editor.new-field");
  gtk_accessible_update_property (GTK_ACCESSIBLE (add_field), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a field"), -1);
  adw_preferences_group_set_header_suffix (self->fields_group, add_field);

  self->signatures_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->signatures_group, _("Signature Blocks"));
  adw_preferences_group_set_description (self->signatures_group,
                                         _("Which blocks the form prints, and when"));

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), reading);
  gtk_box_append (GTK_BOX (box), titles);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->standards_group));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->fields_group));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->signatures_group));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  self->details_reading = GTK_LABEL (reading);
  self->details_page = scroller;
  gtk_stack_add_named (self->detail_stack, scroller, "template");
}

static void
add_row (EthosTemplateEditor *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->details_rows, row);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             const char *action,
             GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static void
show_standards (EthosTemplateEditor *self)
{
  EthosRequirements *reqs = ethos_template_store_get_requirements (self->store);

  for (guint i = 0; self->tmpl->requires[i] != NULL; i++)
    {
      const char *ref = self->tmpl->requires[i];
      GPtrArray *elements = ethos_requirements_get_standard (reqs, ref);
      GtkWidget *read = NULL;
      g_autofree char *title = ethos_coverage_standard_title (reqs, self->corpus, ref,
                                                              self->ui_lang, &read);
      /* Translators: a required standard's row: "nohs 2 · 9 elements" */
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%s · %u element",
                                                                "%s · %u elements",
                                                                elements ? elements->len : 0),
                                                   ref, elements ? elements->len : 0);
      /* Translators: a button that stops requiring a standard: "Remove NOHS Standard 9" */
      g_autofree char *remove = g_strdup_printf (_("Remove %s"), title);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (read != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), read);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("list-remove-symbolic", remove,
                                              "editor.remove-standard",
                                              g_variant_new_string (ref)));
      add_row (self, self->standards_group, row);
    }
}

static void
show_fields (EthosTemplateEditor *self)
{
  for (guint i = 0; i < self->tmpl->fields->len; i++)
    {
      const EthosField *field = g_ptr_array_index (self->tmpl->fields, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *type = _ethos_editor_field_type_summary (self, field);
      /* Translators: a field's row: "client_name · Text · required" */
      g_autofree char *subtitle = g_strdup_printf (field->required ? _("{%s} · %s · required")
                                                                   : _("{%s} · %s"),
                                                   field->id, type);
      g_autofree char *remove = g_strdup_printf (_("Remove %s"), field->id);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ethos_forms_text (self->tmpl, field->label, self->ui_lang));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("list-remove-symbolic", remove,
                                              "editor.remove-field",
                                              g_variant_new_string (field->id)));
      add_row (self, self->fields_group, row);
    }
}

static void
signature_selected_cb (AdwComboRow         *row,
                       GParamSpec          *pspec,
                       EthosTemplateEditor *self)
{
  const char *role = g_object_get_data (G_OBJECT (row), "role");
  GPtrArray *conditions = g_object_get_data (G_OBJECT (row), "conditions");
  guint selected = adw_combo_row_get_selected (row);
  const EthosSignatureDef *sig = ethos_template_get_signature (self->tmpl, role);
  const EthosCondition *when;

  if (self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;
  /* Item 0: not printed; then always and each condition. */
  if (selected == 0 ? sig == NULL
                    : sig != NULL && ethos_condition_equal (sig->when,
                                                            conditions->pdata[selected - 1]))
    return;
  when = selected > 0 ? conditions->pdata[selected - 1] : NULL;
  _ethos_template_editor_record (self, NULL);
  ethos_template_set_signature (self->tmpl, role, selected > 0, when);
  _ethos_template_editor_changed (self, EDIT_CLAUSE);
}

static void
show_signatures (EthosTemplateEditor *self)
{
  const char * const *roles = ethos_template_signature_roles ();

  for (guint i = 0; roles[i] != NULL; i++)
    {
      const EthosSignatureDef *sig = ethos_template_get_signature (self->tmpl, roles[i]);
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      GPtrArray *conditions = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                              ethos_condition_free);
      GtkWidget *row = adw_combo_row_new ();
      guint selected;

      gtk_string_list_append (names, _("Not on this form"));
      selected = _ethos_template_editor_condition_choices (self, sig ? sig->when : NULL, names,
                                                          conditions);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), role_name (roles[i]));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), sig != NULL ? selected + 1 : 0);
      g_object_set_data (G_OBJECT (row), "role", (gpointer) roles[i]);
      g_object_set_data_full (G_OBJECT (row), "conditions", conditions,
                              (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (signature_selected_cb), self,
                               0);
      add_row (self, self->signatures_group, row);
    }
}

void
_ethos_editor_details_show (EthosTemplateEditor *self)
{
  EthosReadability en = { 0 }, es = { 0 };
  g_autoptr(GString) reading = g_string_new (NULL);

  self->loading = TRUE;
  for (guint i = 0; i < self->details_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->details_rows, i);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (
                                      row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->details_rows, 0);
  for (guint l = 0; l < EDITOR_LANGS; l++)
    {
      const char *lang = l < g_strv_length (self->tmpl->languages) ? self->tmpl->languages[l]
                                                                   : NULL;
      g_autofree char *title = NULL;

      gtk_widget_set_visible (self->titles[l], lang != NULL);
      if (lang == NULL)
        continue;
      /* Translators: "Title in English" */
      title = g_strdup_printf (_("Title in %s"), ethos_template_language_name (lang));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->titles[l]), title);
      gtk_editable_set_text (GTK_EDITABLE (self->titles[l]),
                             ethos_lang_text_get (self->tmpl->title, lang) ?: "");
    }
  show_standards (self);
  show_fields (self);
  show_signatures (self);
  self->loading = FALSE;

  if (ethos_template_reading_level (self->tmpl, NULL, "en", &en))
    g_string_append_printf (reading, _("The whole form reads at grade %.1f%s."), en.score,
                            en.hard ? _(", above grade 8") : "");
  if (ethos_template_has_language (self->tmpl, "es") &&
      ethos_template_reading_level (self->tmpl, NULL, "es", &es))
    g_string_append_printf (reading, _("%sIn Spanish, INFLESZ %.0f%s."), reading->len ? " " : "",
                            es.score, es.hard ? _(" (“algo difícil”)") : "");
  gtk_label_set_label (self->details_reading, reading->str);
}

/* Adding and removing standards */

static void
standard_chosen_cb (GtkListBox          *list,
                    GtkListBoxRow       *row,
                    EthosTemplateEditor *self)
{
  const char *ref = g_object_get_data (G_OBJECT (row), "ref");
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosTemplate) before = ethos_template_copy (self->tmpl);

  gtk_window_close (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (list))));
  if (!ethos_template_add_requirement (self->tmpl,
                                       ethos_template_store_get_requirements (self->store), ref,
                                       &error))
    {
      _ethos_template_editor_show_error (self, _("The Standard Was Not Added"), error);
      return;
    }
  ethos_template_history_record (self->history, before, NULL, g_get_monotonic_time ());
  _ethos_template_editor_changed (self, EDIT_STRUCTURE);
}

static void
choose_standard_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (widget);
  EthosRequirements *reqs = ethos_template_store_get_requirements (self->store);
  const char * const *refs = ethos_requirements_list_standards (reqs);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Add a Required Standard"));
  gtk_window_set_transient_for (GTK_WINDOW (window), _ethos_template_editor_window (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 560);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_top (list, 12);
  gtk_widget_set_margin_bottom (list, 12);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Standards and checklists"), -1);
  for (guint i = 0; refs[i] != NULL; i++)
    {
      GPtrArray *elements = ethos_requirements_get_standard (reqs, refs[i]);
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (g_strv_contains ((const char * const *) self->tmpl->requires, refs[i]))
        continue;
      title = ethos_coverage_standard_title (reqs, self->corpus, refs[i], self->ui_lang, NULL);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (elements != NULL && elements->len > 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ethos_element_get_text (
                                       g_ptr_array_index (elements, 0), self->ui_lang));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "ref", g_strdup (refs[i]), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect_object (list, "row-activated", G_CALLBACK (standard_chosen_cb), self, 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static void
remove_standard_response_cb (AdwMessageDialog    *dialog,
                             const char          *response,
                             EthosTemplateEditor *self)
{
  const char *ref = g_object_get_data (G_OBJECT (dialog), "ref");

  if (g_strcmp0 (response, "remove") != 0)
    return;
  _ethos_template_editor_record (self, NULL);
  if (ethos_template_remove_requirement (self->tmpl,
                                         ethos_template_store_get_requirements (self->store), ref))
    _ethos_template_editor_changed (self, EDIT_STRUCTURE);
}

/* Removing a standard drops what the clauses were tagged with: asked
 * first, naming those elements. */
static void
remove_standard_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (widget);
  const char *ref = g_variant_get_string (param, NULL);
  EthosRequirements *reqs = ethos_template_store_get_requirements (self->store);
  g_auto(GStrv) tags = ethos_template_requirement_tags (self->tmpl, reqs, ref);
  g_autofree char *title = ethos_coverage_standard_title (reqs, self->corpus, ref, self->ui_lang,
                                                          NULL);
  g_autofree char *heading = g_strdup_printf (_("Stop Requiring %s?"), title);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (tags[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", tags);
      body = g_strdup_printf (_("The form will no longer be checked against it, and the clauses "
                                "lose these elements: %s. Compare Versions will show it."), list);
    }
  else
    body = g_strdup (_("The form will no longer be checked against it. No clause is tagged "
                       "with its elements. Compare Versions will show it."));
  dialog = adw_message_dialog_new (_ethos_template_editor_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ref", g_strdup (ref), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_standard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_ethos_editor_details_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.choose-standard", NULL,
                                   choose_standard_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-standard", "s",
                                   remove_standard_action);
}
