/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-clause-editor.h"
#include "ethos-element-picker.h"
#include "ethos-forms-text.h"
#include "ethos-template-editor-private.h"

/* The clause page: heading and text in every language side by side,
 * placeholders from a menu, the condition, lock and hidden switches, and
 * the requirement elements the clause satisfies. */

static EthosClause *
shown_clause (EthosTemplateEditor *self)
{
  if (self->selected == NULL)
    return NULL;
  return (EthosClause *) ethos_template_get_clause (self->tmpl, self->selected);
}

static const char *
lang_at (EthosTemplateEditor *self,
         guint                l)
{
  return l < g_strv_length (self->tmpl->languages) ? self->tmpl->languages[l] : NULL;
}

static char *
body_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
heading_changed_cb (GtkEditable         *editable,
                    EthosTemplateEditor *self)
{
  guint l = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "lang-index"));
  EthosClause *clause = shown_clause (self);
  g_autofree char *group = NULL;

  if (self->loading || clause == NULL || lang_at (self, l) == NULL)
    return;
  group = g_strdup_printf ("heading:%s:%s", clause->id, lang_at (self, l));
  _ethos_template_editor_record (self, group);
  ethos_template_set_clause_text (self->tmpl, clause->id, ETHOS_CLAUSE_HEADING, lang_at (self, l),
                                  gtk_editable_get_text (editable));
  _ethos_template_editor_changed (self, EDIT_TEXT);
}

static void
body_changed_cb (GtkTextBuffer       *buffer,
                 EthosTemplateEditor *self)
{
  guint l = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), "lang-index"));
  EthosClause *clause = shown_clause (self);
  g_autofree char *group = NULL;
  g_autofree char *text = NULL;

  ethos_placeholder_tags_apply (buffer, self->tmpl);
  if (self->loading || clause == NULL || lang_at (self, l) == NULL)
    return;
  group = g_strdup_printf ("body:%s:%s", clause->id, lang_at (self, l));
  text = body_text (self->bodies[l]);
  _ethos_template_editor_record (self, group);
  ethos_template_set_clause_text (self->tmpl, clause->id, ETHOS_CLAUSE_BODY, lang_at (self, l),
                                  text);
  _ethos_template_editor_changed (self, EDIT_TEXT);
}

static void
when_selected_cb (EthosTemplateEditor *self)
{
  EthosClause *clause = shown_clause (self);
  guint selected = adw_combo_row_get_selected (self->when_row);

  if (self->loading || clause == NULL || selected >= self->conditions->len ||
      ethos_condition_equal (clause->when, g_ptr_array_index (self->conditions, selected)))
    return;
  _ethos_template_editor_record (self, NULL);
  ethos_template_set_clause_when (self->tmpl, clause->id,
                                  g_ptr_array_index (self->conditions, selected));
  _ethos_template_editor_changed (self, EDIT_CLAUSE);
}

static void
switch_cb (GtkSwitch           *toggle,
           GParamSpec          *pspec,
           EthosTemplateEditor *self)
{
  EthosClause *clause = shown_clause (self);
  gboolean active = gtk_switch_get_active (toggle);
  gboolean locked = toggle == self->locked_switch;

  if (self->loading || clause == NULL || (locked ? clause->locked : clause->hidden) == active)
    return;
  _ethos_template_editor_record (self, NULL);
  if (locked)
    ethos_template_set_clause_locked (self->tmpl, clause->id, active);
  else
    ethos_template_set_clause_hidden (self->tmpl, clause->id, active);
  _ethos_template_editor_changed (self, EDIT_CLAUSE);
}

static GtkWidget *
switch_row (const char  *title,
            const char  *subtitle,
            GtkSwitch  **out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  /* Named by the row's title (the activatable widget is labelled by it). */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  *out = GTK_SWITCH (toggle);
  return row;
}

static GtkWidget *
language_column (EthosTemplateEditor *self,
                 guint                l)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *lang = gtk_label_new (NULL);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text_label = gtk_label_new (_("Text"));
  GtkWidget *insert = gtk_menu_button_new ();
  GtkWidget *scroller = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *reading = gtk_label_new (NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_widget_set_hexpand (column, TRUE);
  gtk_label_set_xalign (GTK_LABEL (lang), 0);
  gtk_widget_add_css_class (lang, "heading");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Heading"));
  /* Ctrl+Z belongs to the editor's one undo stack. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  g_object_set_data (G_OBJECT (entry), "lang-index", GUINT_TO_POINTER (l));
  g_signal_connect_object (entry, "changed", G_CALLBACK (heading_changed_cb), self, 0);

  gtk_label_set_xalign (GTK_LABEL (text_label), 0);
  gtk_widget_set_hexpand (text_label, TRUE);
  gtk_widget_add_css_class (text_label, "dim-label");
  gtk_menu_button_set_label (GTK_MENU_BUTTON (insert), _("Insert Field"));
  gtk_widget_add_css_class (insert, "flat");
  gtk_box_append (GTK_BOX (bar), text_label);
  gtk_box_append (GTK_BOX (bar), insert);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  ethos_placeholder_tags_create (buffer);
  g_object_set_data (G_OBJECT (buffer), "lang-index", GUINT_TO_POINTER (l));
  g_signal_connect_object (buffer, "changed", G_CALLBACK (body_changed_cb), self, 0);
  /* The whole text in sight, the page scrolling: no scrolled window of its
   * own inside the page. */
  gtk_widget_set_size_request (view, -1, 200);
  gtk_box_append (GTK_BOX (scroller), view);
  gtk_widget_add_css_class (scroller, "editor-text");
  gtk_widget_add_css_class (scroller, "card");

  gtk_label_set_xalign (GTK_LABEL (reading), 0);
  gtk_label_set_wrap (GTK_LABEL (reading), TRUE);
  gtk_widget_add_css_class (reading, "caption");

  gtk_box_append (GTK_BOX (column), lang);
  gtk_box_append (GTK_BOX (column), entry);
  gtk_box_append (GTK_BOX (column), bar);
  gtk_box_append (GTK_BOX (column), scroller);
  gtk_box_append (GTK_BOX (column), reading);

  self->lang_labels[l] = GTK_LABEL (lang);
  self->headings[l] = entry;
  self->inserts[l] = GTK_MENU_BUTTON (insert);
  self->bodies[l] = GTK_TEXT_VIEW (view);
  self->readings[l] = GTK_LABEL (reading);
  self->columns[l] = column;
  return column;
}

void
_ethos_editor_clause_init (EthosTemplateEditor *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *options = adw_preferences_group_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *problems = gtk_label_new (NULL);
  GtkWidget *when = adw_combo_row_new ();
  GtkWidget *add_tag = gtk_button_new_with_label (_("Add…"));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (problems), 0);
  gtk_label_set_wrap (GTK_LABEL (problems), TRUE);
  gtk_widget_add_css_class (problems, "error");
  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  for (guint l = 0; l < EDITOR_LANGS; l++)
    gtk_box_append (GTK_BOX (columns), language_column (self, l));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (options), _("Options"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (when), _("Printed"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (when), FALSE);
  g_signal_connect_object (when, "notify::selected", G_CALLBACK (when_selected_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (options), when);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (options),
                             switch_row (_("Locked"), _("Counselors cannot reword it; only "
                                                        "locked clauses count for coverage"),
                                         &self->locked_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (options),
                             switch_row (_("Hidden"), _("Kept in the template but not printed"),
                                         &self->hidden_switch));
  g_signal_connect_object (self->locked_switch, "notify::active", G_CALLBACK (switch_cb), self, 0);
  g_signal_connect_object (self->hidden_switch, "notify::active", G_CALLBACK (switch_cb), self, 0);

  self->tags_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->tags_group, _("Standards It Satisfies"));
  adw_preferences_group_set_description (self->tags_group,
                                         _("The requirement elements this clause’s wording "
                                           "fulfils"));
  gtk_widget_set_valign (add_tag, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_tag), "editor.tag-elements");
  gtk_accessible_update_property (GTK_ACCESSIBLE (add_tag), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add requirement elements"), -1);
  adw_preferences_group_set_header_suffix (self->tags_group, add_tag);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), problems);
  gtk_box_append (GTK_BOX (box), columns);
  gtk_box_append (GTK_BOX (box), options);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->tags_group));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  self->clause_title = GTK_LABEL (title);
  self->clause_problems = GTK_LABEL (problems);
  self->when_row = ADW_COMBO_ROW (when);
  self->clause_page = scroller;
  gtk_stack_add_named (self->detail_stack, scroller, "clause");
}

/* "Client name ({client_name})" for every field, into this language's text. */
static GMenuModel *
insert_menu (EthosTemplateEditor *self,
             const char          *lang)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < self->tmpl->fields->len; i++)
    {
      const EthosField *field = g_ptr_array_index (self->tmpl->fields, i);
      /* Translators: an item of Insert Field: Client name ({client_name}) */
      g_autofree char *label = g_strdup_printf (_("%s ({%s})"),
                                                ethos_forms_text (self->tmpl, field->label,
                                                                  self->ui_lang), field->id);
      g_autofree char *target = g_strdup_printf ("%s:%s", lang, field->id);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "editor.insert-field", "s", target);
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static void
untag_row (EthosTemplateEditor *self,
           const char          *element_id)
{
  const EthosElement *element = ethos_requirements_get_element (
    ethos_template_store_get_requirements (self->store), element_id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  /* Translators: the button that takes a requirement element off a clause */
  g_autofree char *label = g_strdup_printf (_("Remove %s"), element_id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), element_id);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  if (element != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 ethos_element_get_text (element, self->ui_lang));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "editor.untag");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", element_id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_preferences_group_add (self->tags_group, row);
  g_ptr_array_add (self->tag_rows, row);
}

static void
show_tags (EthosTemplateEditor *self,
           const EthosClause   *clause)
{
  for (guint i = 0; i < self->tag_rows->len; i++)
    adw_preferences_group_remove (self->tags_group, g_ptr_array_index (self->tag_rows, i));
  g_ptr_array_set_size (self->tag_rows, 0);
  for (guint i = 0; clause->satisfies[i] != NULL; i++)
    untag_row (self, clause->satisfies[i]);
  if (clause->satisfies[0] == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("None yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add the elements its wording really fulfils"));
      adw_preferences_group_add (self->tags_group, row);
      g_ptr_array_add (self->tag_rows, row);
    }
}

static void
show_condition (EthosTemplateEditor *self,
                const EthosClause   *clause)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected;

  g_ptr_array_set_size (self->conditions, 0);
  selected = _ethos_template_editor_condition_choices (self, clause->when, names,
                                                      self->conditions);
  adw_combo_row_set_model (self->when_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->when_row, selected);
}

void
_ethos_editor_clause_show (EthosTemplateEditor *self)
{
  EthosClause *clause = shown_clause (self);

  if (clause == NULL)
    return;
  self->loading = TRUE;
  for (guint l = 0; l < EDITOR_LANGS; l++)
    {
      const char *lang = lang_at (self, l);
      g_autoptr(GMenuModel) menu = NULL;
      g_autofree char *heading_label = NULL, *body_label = NULL, *insert_label = NULL;

      gtk_widget_set_visible (self->columns[l], lang != NULL);
      if (lang == NULL)
        continue;
      gtk_label_set_label (self->lang_labels[l], ethos_template_language_name (lang));
      gtk_editable_set_text (GTK_EDITABLE (self->headings[l]),
                             ethos_lang_text_get (clause->heading, lang) ?: "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->bodies[l]),
                                ethos_lang_text_get (clause->body, lang) ?: "", -1);
      ethos_placeholder_tags_apply (gtk_text_view_get_buffer (self->bodies[l]), self->tmpl);
      menu = insert_menu (self, lang);
      gtk_menu_button_set_menu_model (self->inserts[l], menu);
      /* Translators: accessible names: "Heading in Spanish", "Text in Spanish" */
      heading_label = g_strdup_printf (_("Heading in %s"), ethos_template_language_name (lang));
      body_label = g_strdup_printf (_("Text in %s"), ethos_template_language_name (lang));
      insert_label = g_strdup_printf (_("Insert a field into the text in %s"),
                                      ethos_template_language_name (lang));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->headings[l]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, heading_label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->bodies[l]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, body_label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->inserts[l]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, insert_label, -1);
    }
  gtk_switch_set_active (self->locked_switch, clause->locked);
  gtk_switch_set_active (self->hidden_switch, clause->hidden);
  show_condition (self, clause);
  show_tags (self, clause);
  self->loading = FALSE;
  _ethos_editor_clause_refresh (self, NULL);
}

/* "Reading level: grade 7.2" / "INFLESZ 62 (normal)", flagged when hard. */
static void
show_reading (EthosTemplateEditor *self,
              const EthosClause   *clause,
              guint                l)
{
  const char *lang = lang_at (self, l);
  EthosReadability r = { 0 };
  gboolean measured = ethos_template_reading_level (self->tmpl, clause->id, lang, &r);
  g_autofree char *text = NULL;

  if (!measured)
    text = g_strdup (_("Reading level: no text yet"));
  else if (g_str_equal (lang, "es"))
    text = r.hard
      /* Translators: INFLESZ is a Spanish readability scale; 55 is "algo difícil" */
      ? g_strdup_printf (_("Reading level: INFLESZ %.0f, below 55 (“algo difícil”): hard for "
                           "many clients"), r.score)
      : g_strdup_printf (_("Reading level: INFLESZ %.0f (55 and above reads well)"), r.score);
  else
    text = r.hard
      ? g_strdup_printf (_("Reading level: grade %.1f, above grade 8: hard for many clients"),
                         r.score)
      : g_strdup_printf (_("Reading level: grade %.1f (grade 8 or below reads well)"), r.score);
  gtk_label_set_label (self->readings[l], text);
  if (measured && r.hard)
    gtk_widget_add_css_class (GTK_WIDGET (self->readings[l]), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->readings[l]), "warning");
}

/* What can change without reloading the texts being typed: the title,
 * problems, marks, reading levels. */
void
_ethos_editor_clause_refresh (EthosTemplateEditor *self,
                              GPtrArray           *problems)
{
  EthosClause *clause = shown_clause (self);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *heading;

  if (clause == NULL)
    return;
  heading = ethos_forms_text (self->tmpl, clause->heading, self->ui_lang);
  gtk_label_set_label (self->clause_title, heading != NULL && *heading ? heading
                                                                        : _("New clause"));
  if (problems == NULL)
    problems = found = ethos_template_get_problems (self->tmpl);
  for (guint l = 0; l < EDITOR_LANGS && lang_at (self, l) != NULL; l++)
    {
      const char *lang = lang_at (self, l);
      const char *h = ethos_lang_text_get (clause->heading, lang);
      const char *b = ethos_lang_text_get (clause->body, lang);
      g_autofree char *hs = g_strstrip (g_strdup (h ? h : ""));
      g_autofree char *bs = g_strstrip (g_strdup (b ? b : ""));

      if (*hs == '\0')
        gtk_widget_add_css_class (self->headings[l], "error");
      else
        gtk_widget_remove_css_class (self->headings[l], "error");
      if (*bs == '\0')
        gtk_widget_add_css_class (gtk_widget_get_parent (GTK_WIDGET (self->bodies[l])), "error");
      else
        gtk_widget_remove_css_class (gtk_widget_get_parent (GTK_WIDGET (self->bodies[l])),
                                     "error");
      show_reading (self, clause, l);
    }
  for (guint i = 0; i < problems->len; i++)
    {
      const EthosTemplateProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->clause_id, clause->id) == 0)
        g_string_append_printf (text, "%s%s", text->len ? "\n" : "", problem->message);
    }
  gtk_label_set_label (self->clause_problems, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->clause_problems), text->len > 0);
}

static void
insert_field_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (widget);
  g_auto(GStrv) parts = g_strsplit (g_variant_get_string (param, NULL), ":", 2);
  g_autofree char *placeholder = NULL;

  if (parts[1] == NULL || ethos_template_get_field (self->tmpl, parts[1]) == NULL)
    return;
  placeholder = g_strdup_printf ("{%s}", parts[1]);
  for (guint l = 0; l < EDITOR_LANGS && lang_at (self, l) != NULL; l++)
    if (g_str_equal (lang_at (self, l), parts[0]))
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->bodies[l]);

        /* One step of its own: never merged with the typing around it. */
        ethos_template_history_break (self->history);
        gtk_text_buffer_insert_at_cursor (buffer, placeholder, -1);
        ethos_template_history_break (self->history);
        gtk_widget_grab_focus (GTK_WIDGET (self->bodies[l]));
      }
}

static void
untag_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (widget);
  EthosClause *clause = shown_clause (self);

  if (clause == NULL)
    return;
  _ethos_template_editor_record (self, NULL);
  ethos_template_set_clause_tag (self->tmpl, ethos_template_store_get_requirements (self->store),
                                 clause->id, g_variant_get_string (param, NULL), FALSE);
  show_tags (self, clause);
  _ethos_template_editor_changed (self, EDIT_CLAUSE);
}

static void
picked_cb (EthosElementPicker  *picker,
           EthosTemplateEditor *self)
{
  g_auto(GStrv) chosen = ethos_element_picker_get_chosen (picker);
  const char *clause_id = g_object_get_data (G_OBJECT (picker), "clause-id");
  EthosClause *clause = (EthosClause *) ethos_template_get_clause (self->tmpl, clause_id);
  EthosRequirements *reqs = ethos_template_store_get_requirements (self->store);
  g_auto(GStrv) before = NULL;

  if (clause == NULL)
    return;
  before = g_strdupv (clause->satisfies);
  if (g_strv_equal ((const char * const *) before, (const char * const *) chosen))
    return;
  _ethos_template_editor_record (self, NULL);
  for (guint i = 0; before[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) chosen, before[i]))
      ethos_template_set_clause_tag (self->tmpl, reqs, clause->id, before[i], FALSE);
  for (guint i = 0; chosen[i] != NULL; i++)
    ethos_template_set_clause_tag (self->tmpl, reqs, clause->id, chosen[i], TRUE);
  if (shown_clause (self) == clause)
    show_tags (self, clause);
  _ethos_template_editor_changed (self, EDIT_CLAUSE);
}

static void
tag_elements_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (widget);
  EthosClause *clause = shown_clause (self);
  EthosElementPicker *picker;

  if (clause == NULL)
    return;
  picker = ethos_element_picker_new (_ethos_template_editor_window (self), self->tmpl,
                                     ethos_template_store_get_requirements (self->store),
                                     self->corpus, clause, self->ui_lang);
  g_object_set_data_full (G_OBJECT (picker), "clause-id", g_strdup (clause->id), g_free);
  g_signal_connect_object (picker, "chosen", G_CALLBACK (picked_cb), self, 0);
  gtk_window_present (GTK_WINDOW (picker));
}

void
_ethos_editor_clause_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.insert-field", "s", insert_field_action);
  gtk_widget_class_install_action (widget_class, "editor.untag", "s", untag_action);
  gtk_widget_class_install_action (widget_class, "editor.tag-elements", NULL,
                                   tag_elements_action);
}
