/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-form-fields"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-form-fields-private.h"
#include "ethos-forms-text.h"

/* The fields' rows: one per field, by its type, in groups by what the field
 * is about. Each row hands what is typed or chosen to
 * _ethos_form_fields_store_value (ethos-form-fields.c), which has the core
 * check and store it. */

/* Client fields carry a client's data: input methods are asked not to
 * learn or remember them. */
#define PRIVATE_HINTS (GTK_INPUT_HINT_PRIVATE | GTK_INPUT_HINT_NO_SPELLCHECK)

static gboolean
is_client_field (const char *id)
{
  return g_str_has_prefix (id, "client_") || g_str_has_prefix (id, "guardian") ||
         g_str_has_prefix (id, "roi_") || g_str_has_prefix (id, "sponsor_") ||
         g_str_equal (id, "referring_authority");
}

static void
editable_changed_cb (GtkEditable *editable,
                     Field       *f)
{
  _ethos_form_fields_store_value (f, gtk_editable_get_text (editable));
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   Field         *f)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  _ethos_form_fields_store_value (f, text);
}

/* Off is "not said": a blank form still asks (its check box), a filled one
 * reads it as no, and a date of birth still decides "minor". */
static void
switch_cb (GtkSwitch  *sw,
           GParamSpec *pspec,
           Field      *f)
{
  _ethos_form_fields_store_value (f, gtk_switch_get_active (sw) ? "true" : "");
}

static void
combo_cb (AdwComboRow *row,
          GParamSpec  *pspec,
          Field       *f)
{
  guint selected = adw_combo_row_get_selected (row);
  const EthosChoice *choice;

  /* Position 0 is "not chosen". */
  if (selected == GTK_INVALID_LIST_POSITION || selected == 0)
    {
      _ethos_form_fields_store_value (f, "");
      return;
    }
  choice = g_ptr_array_index (f->field->choices, selected - 1);
  _ethos_form_fields_store_value (f, choice->id);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                Field                   *f)
{
  f->left = TRUE;
  if (f->field->required && ethos_form_values_get (f->self->values, f->field->id) == NULL)
    f->missing_shown = TRUE;
  _ethos_form_fields_refresh_message (f);
}

static void
watch_focus (Field     *f,
             GtkWidget *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), f);
  gtk_widget_add_controller (widget, focus);
}

static void
calendar_day_cb (GtkCalendar *calendar,
                 Field       *f)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%x");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  if (f->showing_calendar)
    return;
  gtk_editable_set_text (GTK_EDITABLE (f->editable), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The calendar opens on the date typed, if there is one. */
static void
calendar_show_cb (GtkPopover *popover,
                  Field      *f)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_autofree char *iso = ethos_form_date_from_input (gtk_editable_get_text (GTK_EDITABLE (f->editable)));
  unsigned y, m, d;

  if (iso != NULL && sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) == 3)
    {
      g_autoptr(GDateTime) date = g_date_time_new_local ((int) y, (int) m, (int) d, 0, 0, 0);
      f->showing_calendar = TRUE;
      if (date != NULL)
        gtk_calendar_select_day (calendar, date);
      f->showing_calendar = FALSE;
    }
}

static GtkWidget *
calendar_button (Field *f)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  /* Translators: a button beside a date field; %s is the field's label */
  g_autofree char *name = g_strdup_printf (_("Choose %s from a calendar"), _ethos_form_fields_label_of (f));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_cb), f);
  g_signal_connect (popover, "show", G_CALLBACK (calendar_show_cb), f);
  return button;
}

static GtkWidget *
required_suffix (void)
{
  GtkWidget *label = gtk_label_new (_("Required"));

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  return label;
}

static void
make_entry_row (Field *f)
{
  GtkWidget *row = adw_entry_row_new ();
  const char *id = f->field->id;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ethos_form_fields_label_of (f));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  if (is_client_field (id))
    adw_entry_row_set_input_hints (ADW_ENTRY_ROW (row), PRIVATE_HINTS);
  if (f->field->type == ETHOS_FIELD_DATE)
    {
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_FREE_FORM);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), calendar_button (f));
    }
  if (g_str_has_suffix (id, "_phone"))
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_PHONE);
  if (f->field->required)
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), f->required_label = required_suffix ());
  g_signal_connect (row, "changed", G_CALLBACK (editable_changed_cb), f);
  watch_focus (f, row);
  f->row = f->editable = row;
}

static void
make_text_view_row (Field *f)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_ethos_form_fields_label_of (f));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ethos_form_fields_label_of (f));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 72);
  if (is_client_field (f->field->id))
    gtk_text_view_set_input_hints (GTK_TEXT_VIEW (view), PRIVATE_HINTS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ethos_form_fields_label_of (f), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (buffer_changed_cb), f);
  watch_focus (f, view);
  f->row = row;
  f->editable = view;
}

static void
make_switch_row (Field *f)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ethos_form_fields_label_of (f));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  /* One stop for Tab: the row, which toggles the switch. */
  gtk_widget_set_focusable (sw, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  g_signal_connect (sw, "notify::active", G_CALLBACK (switch_cb), f);
  f->row = row;
  f->editable = sw;
}

static void
make_combo_row (Field *f)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *list = gtk_string_list_new (NULL);

  /* Translators: a choice field with nothing chosen yet */
  gtk_string_list_append (list, _("Not chosen"));
  for (guint i = 0; i < f->field->choices->len; i++)
    {
      const EthosChoice *choice = g_ptr_array_index (f->field->choices, i);
      gtk_string_list_append (list, ethos_forms_text (f->self->tmpl, choice->label,
                                                      f->self->ui_lang));
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ethos_form_fields_label_of (f));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  g_object_unref (list);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_cb), f);
  f->row = f->editable = row;
}

static GtkWidget *
message_row_new (Field *f)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_can_focus (row, FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_visible (row, FALSE);
  f->message = GTK_LABEL (label);
  return row;
}

/* Groups for the reader, by what a field is about. */
static const char *
group_of (const char *id)
{
  if (g_str_has_prefix (id, "client_") || g_str_equal (id, "date"))
    return "client";
  if (g_str_has_prefix (id, "guardian"))
    return "guardian";
  if (g_str_has_prefix (id, "professional_"))
    return "professional";
  if (g_str_has_prefix (id, "agency_") || g_str_equal (id, "complaints_contact"))
    return "agency";
  if (g_str_has_prefix (id, "roi_"))
    return "release";
  if (g_str_has_prefix (id, "sponsor_"))
    return "sponsor";
  return "services";
}

static const char *
group_title (const char *group)
{
  static const struct { const char *id; const char *title; } titles[] = {
    { "client", N_("Client") },
    { "guardian", N_("Parents or Guardians") },
    { "release", N_("What Is Shared, With Whom") },
    { "sponsor", N_("Sponsor") },
    { "services", N_("Services") },
    { "professional", N_("Professional") },
    { "agency", N_("Agency") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (titles[i].id, group))
      return _(titles[i].title);
  return group;
}

void
_ethos_form_fields_build (EthosFormFields *self)
{
  static const char * const order[] = {
    "client", "guardian", "release", "sponsor", "services", "professional", "agency"
  };

  for (guint g = 0; g < G_N_ELEMENTS (order); g++)
    {
      GtkWidget *group = NULL;

      for (guint i = 0; i < self->tmpl->fields->len; i++)
        {
          const EthosField *field = g_ptr_array_index (self->tmpl->fields, i);
          Field *f;

          if (!g_str_equal (group_of (field->id), order[g]))
            continue;
          if (group == NULL)
            {
              group = adw_preferences_group_new ();
              adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                               group_title (order[g]));
              gtk_box_append (self->box, group);
            }
          f = g_new0 (Field, 1);
          f->self = self;
          f->field = field;
          switch (field->type)
            {
            case ETHOS_FIELD_MULTILINE:
              make_text_view_row (f);
              break;
            case ETHOS_FIELD_BOOL:
              make_switch_row (f);
              break;
            case ETHOS_FIELD_CHOICE:
              make_combo_row (f);
              break;
            case ETHOS_FIELD_TEXT:
            case ETHOS_FIELD_DATE:
            default:
              make_entry_row (f);
              break;
            }
          if (field->required)
            gtk_accessible_update_property (GTK_ACCESSIBLE (f->editable),
                                            GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE, -1);
          f->message_row = message_row_new (f);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), f->row);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), f->message_row);
          g_ptr_array_add (self->fields, f);
        }
    }
}
