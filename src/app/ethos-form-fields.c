/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-form-fields"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>

#include "ethos-form-fields.h"
#include "ethos-forms-text.h"

/* Client fields carry a client's data: input methods are asked not to
 * learn or remember them. */
#define PRIVATE_HINTS (GTK_INPUT_HINT_PRIVATE | GTK_INPUT_HINT_NO_SPELLCHECK)

typedef struct
{
  EthosFormFields   *self;
  const EthosField  *field;
  GtkWidget         *row;
  GtkWidget         *editable;
  GtkWidget         *message_row;
  GtkLabel          *message;
  GtkWidget         *required_label;
  EthosValueProblem  problem;
  gboolean           missing_shown;   /* "is required" is on show */
  gboolean           left;            /* the user has left the field once */
  gboolean           showing_calendar;
} Field;

struct _EthosFormFields
{
  GtkWidget        parent_instance;

  GtkBox          *box;
  EthosTemplate   *tmpl;
  const char      *ui_lang;
  EthosFormValues *values;
  GHashTable      *defaults;   /* field → value */
  GPtrArray       *fields;     /* Field, in the template's order */
  gboolean         filling;    /* setting texts from code: no "changed" per field */
};

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EthosFormFields, ethos_form_fields, GTK_TYPE_WIDGET)

static Field *
find_field (EthosFormFields *self,
            const char      *id)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = g_ptr_array_index (self->fields, i);
      if (g_str_equal (f->field->id, id))
        return f;
    }
  return NULL;
}

static const char *
label_of (Field *f)
{
  return ethos_forms_text (f->self->tmpl, f->field->label, f->self->ui_lang);
}

static gboolean
is_client_field (const char *id)
{
  return g_str_has_prefix (id, "client_") || g_str_has_prefix (id, "guardian") ||
         g_str_has_prefix (id, "roi_") || g_str_has_prefix (id, "sponsor_") ||
         g_str_equal (id, "referring_authority");
}

/* 23 May 2014 the locale's way, with the year written out ("05/23/2014",
 * "23/05/2014"): an example that cannot be misread. */
static char *
example_date (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (2014, 5, 23, 0, 0, 0);
  g_autofree char *format = g_strdup (nl_langinfo (D_FMT));
  char *y = strstr (format, "%y");

  if (y != NULL)
    y[1] = 'Y';
  return g_date_time_format (date, format);
}

/* The message for a problem, in the UI's words, naming the field. */
static char *
problem_text (Field             *f,
              EthosValueProblem  problem)
{
  const char *label = label_of (f);

  switch (problem)
    {
    case ETHOS_VALUE_NOT_A_DATE:
      {
        g_autofree char *example = example_date ();
        /* Translators: %s is a field's label, then one date written the
         * locale's way and the same date as YYYY-MM-DD */
        return g_strdup_printf (_("“%s” needs a date, such as %s or %s"), label, example,
                                "2014-05-23");
      }
    case ETHOS_VALUE_NOT_ONE_LINE:
      /* Translators: %s is a field's label */
      return g_strdup_printf (_("%s must fit on one line"), label);
    case ETHOS_VALUE_INVISIBLE_CHARACTER:
      return g_strdup_printf (_("%s contains an invisible or control character: type it again"),
                              label);
    case ETHOS_VALUE_TOO_LONG:
      return g_strdup_printf (_("%s is too long"), label);
    case ETHOS_VALUE_NOT_TEXT:
      return g_strdup_printf (_("%s is not valid text"), label);
    case ETHOS_VALUE_NOT_A_BOOLEAN:
    case ETHOS_VALUE_NOT_A_CHOICE:
    case ETHOS_VALUE_UNKNOWN_FIELD:
      return g_strdup_printf (_("%s has a value this form does not accept"), label);
    case ETHOS_VALUE_OK:
    default:
      return NULL;
    }
}

static void
show_message (Field      *f,
              const char *text)
{
  gtk_label_set_label (f->message, text != NULL ? text : "");
  gtk_widget_set_visible (f->message_row, text != NULL);
  if (text != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (f->editable),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (f->editable),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (f->editable),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (f->editable), GTK_ACCESSIBLE_STATE_INVALID);
    }
  if (ADW_IS_ENTRY_ROW (f->row))
    {
      if (text != NULL)
        gtk_widget_add_css_class (f->row, "error");
      else
        gtk_widget_remove_css_class (f->row, "error");
    }
}

/* Shows what is wrong now: a bad value once the user has left the field,
 * a required one only when asked (validate) or after leaving it empty. */
static void
refresh_message (Field *f)
{
  g_autofree char *text = NULL;
  gboolean empty = ethos_form_values_get (f->self->values, f->field->id) == NULL;

  if (f->problem != ETHOS_VALUE_OK && f->left)
    text = problem_text (f, f->problem);
  else if (f->problem == ETHOS_VALUE_OK && f->field->required && empty && f->missing_shown)
    /* Translators: %s is a field's label */
    text = g_strdup_printf (_("%s is required"), label_of (f));
  if (f->problem == ETHOS_VALUE_OK && !empty)
    f->missing_shown = FALSE;
  show_message (f, text);
  if (f->required_label != NULL)
    gtk_widget_set_visible (f->required_label, empty);
}

/* Fields the form does not need for its values (guardian 2 until guardian
 * 1 is named): collapsed, unless they hold something. The core decides. */
static void
refresh_needed (EthosFormFields *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = g_ptr_array_index (self->fields, i);
      gboolean needed = ethos_form_values_field_needed (self->values, f->field->id) ||
                        ethos_form_values_get (self->values, f->field->id) != NULL ||
                        f->problem != ETHOS_VALUE_OK;

      gtk_widget_set_visible (f->row, needed);
      if (!needed)
        gtk_widget_set_visible (f->message_row, FALSE);
    }
}

/* A value changed in a widget: the core checks and stores it. */
static void
store_value (Field      *f,
             const char *text)
{
  EthosFormFields *self = f->self;
  g_autofree char *typed_date = NULL;
  EthosValueProblem problem = ETHOS_VALUE_OK;
  g_autoptr(GError) error = NULL;

  if (f->field->type == ETHOS_FIELD_DATE && *text != '\0')
    {
      typed_date = ethos_form_date_from_input (text);
      if (typed_date == NULL)
        problem = ETHOS_VALUE_NOT_A_DATE;
    }
  if (problem == ETHOS_VALUE_OK)
    ethos_form_values_set_full (self->values, f->field->id, typed_date ? typed_date : text,
                                &problem, &error);
  if (problem != ETHOS_VALUE_OK)
    /* What cannot be stored is not printed: the preview shows a blank. */
    ethos_form_values_set (self->values, f->field->id, "", NULL);
  f->problem = problem;
  refresh_message (f);

  /* A date of birth answers "is the client a minor?" (until it is set by hand). */
  if (g_str_equal (f->field->id, "client_dob") && typed_date != NULL)
    {
      Field *minor = find_field (self, "client_is_minor");
      g_autoptr(GDate) today = g_date_new ();
      gboolean is_minor;

      g_date_set_time_t (today, time (NULL));
      if (minor != NULL && GTK_IS_SWITCH (minor->editable) &&
          ethos_form_is_minor (typed_date, today, &is_minor))
        gtk_switch_set_active (GTK_SWITCH (minor->editable), is_minor);
    }
  if (!self->filling)
    {
      refresh_needed (self);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

static void
editable_changed_cb (GtkEditable *editable,
                     Field       *f)
{
  store_value (f, gtk_editable_get_text (editable));
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   Field         *f)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  store_value (f, text);
}

/* Off is "not said": a blank form still asks (its check box), a filled one
 * reads it as no, and a date of birth still decides "minor". */
static void
switch_cb (GtkSwitch  *sw,
           GParamSpec *pspec,
           Field      *f)
{
  store_value (f, gtk_switch_get_active (sw) ? "true" : "");
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
      store_value (f, "");
      return;
    }
  choice = g_ptr_array_index (f->field->choices, selected - 1);
  store_value (f, choice->id);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                Field                   *f)
{
  f->left = TRUE;
  if (f->field->required && ethos_form_values_get (f->self->values, f->field->id) == NULL)
    f->missing_shown = TRUE;
  refresh_message (f);
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
  g_autofree char *name = g_strdup_printf (_("Choose %s from a calendar"), label_of (f));

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

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label_of (f));
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
  GtkWidget *title = gtk_label_new (label_of (f));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label_of (f));
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
                                  label_of (f), -1);
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

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label_of (f));
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
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label_of (f));
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

static void
build (EthosFormFields *self)
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

static void
set_widget_text (Field      *f,
                 const char *text)
{
  if (GTK_IS_TEXT_VIEW (f->editable))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->editable)), text, -1);
  else if (GTK_IS_SWITCH (f->editable))
    {
      gboolean active = g_str_equal (text, "true") || g_str_equal (text, "yes") ||
                        g_str_equal (text, "1");
      if (gtk_switch_get_active (GTK_SWITCH (f->editable)) != active)
        gtk_switch_set_active (GTK_SWITCH (f->editable), active);
      else
        store_value (f, active ? "true" : "");
    }
  else if (ADW_IS_COMBO_ROW (f->editable))
    {
      guint position = 0;

      for (guint i = 0; i < f->field->choices->len; i++)
        if (g_str_equal (((EthosChoice *) f->field->choices->pdata[i])->id, text))
          position = i + 1;
      adw_combo_row_set_selected (ADW_COMBO_ROW (f->editable), position);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (f->editable), text);
}

static void
fill_defaults (EthosFormFields *self)
{
  GHashTableIter iter;
  gpointer key, value;

  if (self->defaults == NULL)
    return;
  self->filling = TRUE;
  g_hash_table_iter_init (&iter, self->defaults);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Field *f = find_field (self, key);

      if (f != NULL && ethos_form_values_get (self->values, key) == NULL)
        set_widget_text (f, value);
    }
  self->filling = FALSE;
  refresh_needed (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ethos_form_fields_dispose (GObject *object)
{
  EthosFormFields *self = ETHOS_FORM_FIELDS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->box = NULL;
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  /* Typed values are forgotten with the page. */
  g_clear_pointer (&self->values, ethos_form_values_free);
  g_clear_pointer (&self->defaults, g_hash_table_unref);
  g_clear_pointer (&self->tmpl, ethos_template_unref);

  G_OBJECT_CLASS (ethos_form_fields_parent_class)->dispose (object);
}

static void
ethos_form_fields_class_init (EthosFormFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_form_fields_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ethos_form_fields_init (EthosFormFields *self)
{
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_parent (GTK_WIDGET (self->box), GTK_WIDGET (self));
  self->fields = g_ptr_array_new_with_free_func (g_free);
}

EthosFormFields *
ethos_form_fields_new (EthosTemplate *tmpl,
                       const char    *ui_lang)
{
  EthosFormFields *self;

  g_return_val_if_fail (tmpl != NULL && ui_lang != NULL, NULL);

  self = g_object_new (ETHOS_TYPE_FORM_FIELDS, NULL);
  self->tmpl = ethos_template_ref (tmpl);
  self->ui_lang = ui_lang;
  self->values = ethos_form_values_new (tmpl);
  build (self);
  for (guint i = 0; i < self->fields->len; i++)
    refresh_message (g_ptr_array_index (self->fields, i));
  refresh_needed (self);
  return self;
}

EthosFormValues *
ethos_form_fields_get_values (EthosFormFields *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_FIELDS (self), NULL);
  return self->values;
}

void
ethos_form_fields_set_defaults (EthosFormFields *self,
                                GHashTable      *defaults)
{
  g_return_if_fail (ETHOS_IS_FORM_FIELDS (self));

  g_clear_pointer (&self->defaults, g_hash_table_unref);
  self->defaults = defaults != NULL ? g_hash_table_ref (defaults) : NULL;
  fill_defaults (self);
}

gboolean
ethos_form_fields_validate (EthosFormFields *self,
                            gboolean         allow_missing)
{
  Field *first = NULL;

  g_return_val_if_fail (ETHOS_IS_FORM_FIELDS (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = g_ptr_array_index (self->fields, i);
      gboolean missing = f->field->required &&
                         ethos_form_values_get (self->values, f->field->id) == NULL;

      f->left = TRUE;
      f->missing_shown = missing && !allow_missing;
      refresh_message (f);
      if (first == NULL && (f->problem != ETHOS_VALUE_OK || f->missing_shown))
        first = f;
    }
  if (first != NULL)
    gtk_widget_grab_focus (first->editable);
  return first == NULL;
}

void
ethos_form_fields_clear (EthosFormFields *self)
{
  g_return_if_fail (ETHOS_IS_FORM_FIELDS (self));

  self->filling = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = g_ptr_array_index (self->fields, i);

      set_widget_text (f, GTK_IS_SWITCH (f->editable) ? "false" : "");
      f->left = FALSE;
      f->missing_shown = FALSE;
    }
  ethos_form_values_clear (self->values);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = g_ptr_array_index (self->fields, i);
      f->problem = ETHOS_VALUE_OK;
      refresh_message (f);
    }
  self->filling = FALSE;
  fill_defaults (self);
}

GtkWidget *
ethos_form_fields_get_editable (EthosFormFields *self,
                                const char      *field)
{
  Field *f;

  g_return_val_if_fail (ETHOS_IS_FORM_FIELDS (self), NULL);
  f = find_field (self, field);
  return f != NULL ? f->editable : NULL;
}

GtkWidget *
ethos_form_fields_get_row (EthosFormFields *self,
                           const char      *field)
{
  Field *f;

  g_return_val_if_fail (ETHOS_IS_FORM_FIELDS (self), NULL);
  f = find_field (self, field);
  return f != NULL ? f->row : NULL;
}

const char *
ethos_form_fields_get_message (EthosFormFields *self,
                               const char      *field)
{
  Field *f;

  g_return_val_if_fail (ETHOS_IS_FORM_FIELDS (self), NULL);
  f = find_field (self, field);
  if (f == NULL || !gtk_widget_get_visible (f->message_row))
    return NULL;
  return gtk_label_get_label (f->message);
}

void
ethos_form_fields_set_text (EthosFormFields *self,
                            const char      *field,
                            const char      *text)
{
  Field *f;

  g_return_if_fail (ETHOS_IS_FORM_FIELDS (self));
  g_return_if_fail ((f = find_field (self, field)) != NULL);
  set_widget_text (f, text);
}
