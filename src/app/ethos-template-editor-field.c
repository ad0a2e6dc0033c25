/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-forms-text.h"
#include "ethos-template-editor-private.h"

/* Fields of the agency's own: the Add a Field dialog (text, several lines,
 * a date, yes or no, or a choice with its choices in every language) and
 * removing one. */

static const char *
field_type_name (EthosFieldType type)
{
  switch (type)
    {
    case ETHOS_FIELD_TEXT:
      return _("Text");
    case ETHOS_FIELD_MULTILINE:
      return _("Several lines of text");
    case ETHOS_FIELD_DATE:
      return _("Date");
    case ETHOS_FIELD_BOOL:
      return _("Yes or no");
    case ETHOS_FIELD_CHOICE:
    default:
      return _("A choice");
    }
}

typedef struct
{
  EthosTemplateEditor *editor;
  GtkWidget           *window;
  GtkWidget           *id;
  GtkWidget           *labels[EDITOR_LANGS];
  GtkWidget           *type;
  GtkWidget           *required;
  GtkWidget           *choices_group;
  GtkWidget           *choices[EDITOR_LANGS];
  GtkWidget           *error;
} FieldDialog;

/* The type as the field's row says it; a choice lists its choices. */
char *
_ethos_editor_field_type_summary (EthosTemplateEditor *self,
                                  const EthosField    *field)
{
  GString *summary;

  if (field->type != ETHOS_FIELD_CHOICE || field->choices->len == 0)
    return g_strdup (field_type_name (field->type));
  /* Translators: followed by the choices, "A choice: In person, By video" */
  summary = g_string_new (_("A choice:"));
  for (guint i = 0; i < field->choices->len; i++)
    {
      const EthosChoice *choice = g_ptr_array_index (field->choices, i);

      /* Translators: between the choices a field's row lists */
      g_string_append (summary, i == 0 ? " " : _(", "));
      g_string_append (summary, ethos_forms_text (self->tmpl, choice->label, self->ui_lang));
    }
  return g_string_free (summary, FALSE);
}

static void
field_dialog_free (FieldDialog *d)
{
  g_free (d);
}

static void
field_dialog_error (FieldDialog *d,
                    const char  *message)
{
  gtk_label_set_label (GTK_LABEL (d->error), message);
  gtk_widget_set_visible (d->error, TRUE);
}

/* The choices as typed, one per line in every language: a table
 * (language → label) per choice, or NULL (and the dialog says why) when
 * the languages do not list as many. Blank lines are dropped. */
static GPtrArray *
field_dialog_choices (FieldDialog *d)
{
  EthosTemplate *tmpl = d->editor->tmpl;
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (
                                   (GDestroyNotify) g_hash_table_unref);
  char **lines[EDITOR_LANGS] = { NULL };
  guint n = 0;

  for (guint l = 0; l < EDITOR_LANGS && tmpl->languages[l] != NULL; l++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (d->choices[l]));
      GtkTextIter start, end;
      g_autofree char *text = NULL;
      g_auto(GStrv) all = NULL;
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      guint count = 0;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      all = g_strsplit (text, "\n", -1);
      for (guint i = 0; all[i] != NULL; i++)
        if (*g_strstrip (all[i]) != '\0')
          {
            g_strv_builder_add (kept, all[i]);
            count++;
          }
      lines[l] = g_strv_builder_end (kept);
      if (l == 0)
        n = count;
      else if (count != n)
        {
          g_autofree char *message = g_strdup_printf (
            /* Translators: the languages and their counts, "(English: 2, Spanish: 1)" */
            _("The languages list different numbers of choices (%s: %u, %s: %u): give each "
              "choice in every language, one per line, in the same order"),
            ethos_template_language_name (tmpl->languages[0]), n,
            ethos_template_language_name (tmpl->languages[l]), count);
          field_dialog_error (d, message);
          for (guint k = 0; k <= l; k++)
            g_strfreev (lines[k]);
          return NULL;
        }
    }
  for (guint c = 0; c < n; c++)
    {
      GHashTable *labels = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

      for (guint l = 0; l < EDITOR_LANGS && tmpl->languages[l] != NULL; l++)
        g_hash_table_insert (labels, tmpl->languages[l], g_strdup (lines[l][c]));
      g_ptr_array_add (choices, labels);
    }
  for (guint l = 0; l < EDITOR_LANGS; l++)
    g_strfreev (lines[l]);
  return g_steal_pointer (&choices);
}

#define TYPE_CHOICE 4

static void
add_field_cb (FieldDialog *d)
{
  EthosTemplateEditor *self = d->editor;
  static const EthosFieldType types[] = { ETHOS_FIELD_TEXT, ETHOS_FIELD_MULTILINE,
                                          ETHOS_FIELD_DATE, ETHOS_FIELD_BOOL };
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(EthosTemplate) before = ethos_template_copy (self->tmpl);
  g_autoptr(GError) error = NULL;
  guint type = adw_combo_row_get_selected (ADW_COMBO_ROW (d->type));
  const char *id = gtk_editable_get_text (GTK_EDITABLE (d->id));
  gboolean required = gtk_switch_get_active (GTK_SWITCH (d->required));
  gboolean added;

  for (guint l = 0; l < EDITOR_LANGS && self->tmpl->languages[l] != NULL; l++)
    g_hash_table_insert (labels, self->tmpl->languages[l],
                         (gpointer) gtk_editable_get_text (GTK_EDITABLE (d->labels[l])));
  if (type == TYPE_CHOICE)
    {
      g_autoptr(GPtrArray) choices = field_dialog_choices (d);

      if (choices == NULL)
        return;
      added = ethos_template_add_choice_field (self->tmpl, id, required, labels, choices,
                                               &error);
    }
  else
    added = ethos_template_add_field (self->tmpl, id, types[MIN (type, G_N_ELEMENTS (types) - 1)],
                                      required, labels, &error);
  if (!added)
    {
      field_dialog_error (d, error->message);
      return;
    }
  ethos_template_history_record (self->history, before, NULL, g_get_monotonic_time ());
  _ethos_template_editor_changed (self, EDIT_STRUCTURE);
  gtk_window_close (GTK_WINDOW (d->window));
}

static void
field_type_changed_cb (GObject     *row,
                       GParamSpec  *pspec,
                       FieldDialog *d)
{
  gtk_widget_set_visible (d->choices_group,
                          adw_combo_row_get_selected (ADW_COMBO_ROW (row)) == TYPE_CHOICE);
}

/* One text view per language, a choice per line. */
static GtkWidget *
choices_group_new (FieldDialog *d)
{
  EthosTemplate *tmpl = d->editor->tmpl;
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Choices"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("One per line, in the same order in every language; "
                                           "the form prints the one chosen"));
  for (guint l = 0; l < EDITOR_LANGS && tmpl->languages[l] != NULL; l++)
    {
      const char *language = ethos_template_language_name (tmpl->languages[l]);
      /* Translators: "Choices in Spanish" */
      g_autofree char *title = g_strdup_printf (_("Choices in %s"), language);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = gtk_label_new (title);
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
      gtk_widget_set_size_request (view, -1, 80);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
      gtk_widget_set_name (view, tmpl->languages[l]);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), frame);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
      d->choices[l] = view;
    }
  gtk_widget_set_visible (group, FALSE);
  return group;
}

static void
new_field_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (widget);
  FieldDialog *d = g_new0 (FieldDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *add = gtk_button_new_with_label (_("Add"));
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *required_row = adw_action_row_new ();
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  d->editor = self;
  d->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (d->window), _("Add a Field"));
  gtk_window_set_transient_for (GTK_WINDOW (d->window), _ethos_template_editor_window (self));
  gtk_window_set_modal (GTK_WINDOW (d->window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (d->window), 460, -1);
  g_object_set_data_full (G_OBJECT (d->window), "dialog", d, (GDestroyNotify) field_dialog_free);

  d->id = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->id), _("Id (like fee_schedule)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->id);
  for (guint l = 0; l < EDITOR_LANGS && self->tmpl->languages[l] != NULL; l++)
    {
      /* Translators: "Label in Spanish" */
      g_autofree char *title = g_strdup_printf (_("Label in %s"),
                                                ethos_template_language_name (
                                                  self->tmpl->languages[l]));
      d->labels[l] = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->labels[l]), title);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->labels[l]);
    }
  gtk_string_list_append (types, field_type_name (ETHOS_FIELD_TEXT));
  gtk_string_list_append (types, field_type_name (ETHOS_FIELD_MULTILINE));
  gtk_string_list_append (types, field_type_name (ETHOS_FIELD_DATE));
  gtk_string_list_append (types, field_type_name (ETHOS_FIELD_BOOL));
  gtk_string_list_append (types, field_type_name (ETHOS_FIELD_CHOICE));
  d->type = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->type), _("Type"));
  adw_combo_row_set_model (ADW_COMBO_ROW (d->type), G_LIST_MODEL (types));
  d->choices_group = choices_group_new (d);
  g_signal_connect (d->type, "notify::selected", G_CALLBACK (field_type_changed_cb), d);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->type);
  d->required = gtk_switch_new ();
  gtk_widget_set_valign (d->required, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->required), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Required"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (required_row), _("Required"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (required_row), d->required);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (required_row), d->required);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), required_row);

  d->error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (d->error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (d->error), 0);
  gtk_widget_add_css_class (d->error, "error");
  gtk_widget_set_visible (d->error, FALSE);

  gtk_widget_add_css_class (add, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), add);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_field_cb), d);
  gtk_widget_set_margin_start (group, 12);
  gtk_widget_set_margin_end (group, 12);
  gtk_widget_set_margin_start (d->error, 12);
  gtk_widget_set_margin_end (d->error, 12);
  gtk_widget_set_margin_bottom (d->error, 12);
  gtk_widget_set_margin_start (d->choices_group, 12);
  gtk_widget_set_margin_end (d->choices_group, 12);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), d->choices_group);
  gtk_box_append (GTK_BOX (box), d->error);
  adw_window_set_content (ADW_WINDOW (d->window), box);
  gtk_window_present (GTK_WINDOW (d->window));
}

static void
remove_field_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (widget);
  g_autoptr(EthosTemplate) before = ethos_template_copy (self->tmpl);
  g_autoptr(GError) error = NULL;

  if (!ethos_template_remove_field (self->tmpl, g_variant_get_string (param, NULL), &error))
    {
      _ethos_template_editor_show_error (self, _("The Field Is in Use"), error);
      return;
    }
  ethos_template_history_record (self->history, before, NULL, g_get_monotonic_time ());
  _ethos_template_editor_changed (self, EDIT_STRUCTURE);
}

void
_ethos_editor_field_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.new-field", NULL, new_field_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-field", "s",
                                   remove_field_action);
}
