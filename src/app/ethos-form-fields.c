/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-form-fields"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>

#include "ethos-form-fields-private.h"
#include "ethos-forms-text.h"

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

const char *
_ethos_form_fields_label_of (Field *f)
{
  return ethos_forms_text (f->self->tmpl, f->field->label, f->self->ui_lang);
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
  const char *label = _ethos_form_fields_label_of (f);

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
    case ETHOS_VALUE_NO_SUCH_DATE:
      /* Translators: %s is a field's label */
      return g_strdup_printf (_("“%s” is not a day of the calendar: check the day and the month"),
                              label);
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

/* Shows what is wrong now: a bad value once the user has left the field (a
 * date written out in full that the calendar does not have, at once: it
 * is not half typed), a required one only when asked (validate) or after
 * leaving it empty. */
void
_ethos_form_fields_refresh_message (Field *f)
{
  g_autofree char *text = NULL;
  gboolean empty = ethos_form_values_get (f->self->values, f->field->id) == NULL;

  if (f->problem != ETHOS_VALUE_OK && (f->left || f->problem == ETHOS_VALUE_NO_SUCH_DATE))
    text = problem_text (f, f->problem);
  else if (f->problem == ETHOS_VALUE_OK && f->field->required && empty && f->missing_shown)
    /* Translators: %s is a field's label */
    text = g_strdup_printf (_("%s is required"), _ethos_form_fields_label_of (f));
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
void
_ethos_form_fields_store_value (Field      *f,
                                const char *text)
{
  EthosFormFields *self = f->self;
  g_autofree char *typed_date = NULL;
  EthosValueProblem problem = ETHOS_VALUE_OK;
  g_autoptr(GError) error = NULL;

  if (f->field->type == ETHOS_FIELD_DATE && *text != '\0')
    typed_date = ethos_form_date_from_input_full (text, &problem);
  if (problem == ETHOS_VALUE_OK)
    ethos_form_values_set_full (self->values, f->field->id, typed_date ? typed_date : text,
                                &problem, &error);
  if (problem != ETHOS_VALUE_OK)
    /* What cannot be stored is not printed: the preview shows a blank. */
    ethos_form_values_set (self->values, f->field->id, "", NULL);
  f->problem = problem;
  _ethos_form_fields_refresh_message (f);

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
        _ethos_form_fields_store_value (f, active ? "true" : "");
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
  _ethos_form_fields_build (self);
  for (guint i = 0; i < self->fields->len; i++)
    _ethos_form_fields_refresh_message (g_ptr_array_index (self->fields, i));
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
      _ethos_form_fields_refresh_message (f);
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
      _ethos_form_fields_refresh_message (f);
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
