/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-form"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ethos-error.h"
#include "ethos-form.h"

/* A 10,000-character name must still print; nothing typed is larger. */
#define MAX_VALUE_CHARS 100000

const char * const ethos_agency_fields[] = {
  "agency_name", "agency_address", "agency_phone", "complaints_contact", "complaints_procedure",
  "professional_body", "crisis_line", "emergency_number", "reconnect_time", "fees",
  "session_length", NULL
};

/* What the built-in wording said before these became the agency's: US
 * numbers. A profile value (or one typed on the form) wins. */
static const struct { const char *field, *lang, *value; } builtin_defaults[] = {
  { "crisis_line", NULL, "988" },
  { "emergency_number", NULL, "911" },
  { "reconnect_time", "en", "5 minutes" },
  { "reconnect_time", "es", "5 minutos" },
};

GHashTable *
ethos_agency_builtin_defaults (const char *lang)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_defaults); i++)
    if (builtin_defaults[i].lang == NULL || g_strcmp0 (builtin_defaults[i].lang, lang) == 0)
      g_hash_table_insert (table, g_strdup (builtin_defaults[i].field),
                           g_strdup (builtin_defaults[i].value));
  return table;
}

struct _EthosFormValues
{
  const EthosTemplate *tmpl;
  GHashTable          *values;
};

EthosFormValues *
ethos_form_values_new (const EthosTemplate *tmpl)
{
  EthosFormValues *self = g_new0 (EthosFormValues, 1);

  g_return_val_if_fail (tmpl != NULL, NULL);

  self->tmpl = tmpl;
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

EthosFormValues *
ethos_form_values_copy (EthosFormValues *values)
{
  EthosFormValues *self;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (values != NULL, NULL);

  self = ethos_form_values_new (values->tmpl);
  g_hash_table_iter_init (&iter, values->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->values, g_strdup (key), g_strdup (value));
  return self;
}

void
ethos_form_values_free (EthosFormValues *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_free (self);
}

const char *
ethos_form_values_get (EthosFormValues *self,
                       const char      *field)
{
  g_return_val_if_fail (self != NULL && field != NULL, NULL);
  return g_hash_table_lookup (self->values, field);
}

static gboolean
invalid (GError             **error,
         EthosValueProblem   *kind,
         EthosValueProblem    what,
         const char          *field,
         const char          *problem)
{
  if (kind != NULL)
    *kind = what;
  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA, _("The value of “%s” %s"),
               field, problem);
  return FALSE;
}

/* NFC text; one line unless @multiline; no control characters. */
static char *
normalize_text (const char         *field,
                const char         *value,
                gboolean            multiline,
                EthosValueProblem  *kind,
                GError            **error)
{
  g_autofree char *nfc = NULL;
  GString *out;

  if (!g_utf8_validate (value, -1, NULL))
    return invalid (error, kind, ETHOS_VALUE_NOT_TEXT, field, _("is not valid UTF-8 text")), NULL;
  if (g_utf8_strlen (value, -1) > MAX_VALUE_CHARS)
    return invalid (error, kind, ETHOS_VALUE_TOO_LONG, field,
                    _("is too long (more than 100,000 characters)")), NULL;

  nfc = g_utf8_normalize (value, -1, G_NORMALIZE_NFC);
  out = g_string_sized_new (strlen (nfc));
  for (const char *p = nfc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\n' || c == '\r')
        {
          if (!multiline)
            {
              g_string_free (out, TRUE);
              return invalid (error, kind, ETHOS_VALUE_NOT_ONE_LINE, field,
                              _("must be a single line")), NULL;
            }
          g_string_append_c (out, '\n');
        }
      else if (c == '\t')
        g_string_append_c (out, ' ');
      else if (g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_FORMAT ||
               g_unichar_type (c) == G_UNICODE_UNASSIGNED)
        {
          /* Format characters (bidi overrides, zero-width joiners …) change how
           * text looks without being seen: refuse rather than print wrong. */
          g_autofree char *msg = g_strdup_printf (_("contains an invisible or control character "
                                                    "(U+%04X)"), c);
          g_string_free (out, TRUE);
          return invalid (error, kind, ETHOS_VALUE_INVISIBLE_CHARACTER, field, msg), NULL;
        }
      else
        g_string_append_unichar (out, c);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

static char *
normalize_date (const char         *field,
                const char         *value,
                EthosValueProblem  *kind,
                GError            **error)
{
  unsigned year, month, day;

  /* Exactly four ASCII digits, "-", two, "-", two: sscanf would take a
   * sign or a space in place of a digit ("2026-+2-03"). */
  for (guint i = 0; i < 10; i++)
    if (value[i] == '\0' || ((i == 4 || i == 7) ? value[i] != '-' : !g_ascii_isdigit (value[i])))
      return invalid (error, kind, ETHOS_VALUE_NOT_A_DATE, field,
                      _("is not a date of the form YYYY-MM-DD")), NULL;
  if (value[10] != '\0' || sscanf (value, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return invalid (error, kind, ETHOS_VALUE_NOT_A_DATE, field,
                    _("is not a date of the form YYYY-MM-DD")), NULL;
  /* The form is right: say what is wrong with the date, never the date
   * (it may be a client's birthday). */
  if (year < 1900 || year > 2200)
    return invalid (error, kind, ETHOS_VALUE_NOT_A_DATE, field,
                    _("has a year outside 1900 to 2200")), NULL;
  if (month < 1 || month > 12)
    return invalid (error, kind, ETHOS_VALUE_NO_SUCH_DATE, field,
                    _("has no such month (months are 01 to 12)")), NULL;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return invalid (error, kind, ETHOS_VALUE_NO_SUCH_DATE, field,
                    _("has no such day in that month")), NULL;
  return g_strdup (value);
}

static char *
normalize_bool (const char         *field,
                const char         *value,
                EthosValueProblem  *kind,
                GError            **error)
{
  static const char * const yes[] = { "true", "yes", "1", NULL };
  static const char * const no[] = { "false", "no", "0", NULL };
  g_autofree char *lower = g_ascii_strdown (value, -1);

  if (g_strv_contains (yes, lower))
    return g_strdup ("true");
  if (g_strv_contains (no, lower))
    return g_strdup ("false");
  return invalid (error, kind, ETHOS_VALUE_NOT_A_BOOLEAN, field,
                  _("must be true or false (or yes/no, 1/0)")), NULL;
}

gboolean
ethos_form_values_set (EthosFormValues  *self,
                       const char       *field,
                       const char       *value,
                       GError          **error)
{
  return ethos_form_values_set_full (self, field, value, NULL, error);
}

gboolean
ethos_form_values_set_full (EthosFormValues    *self,
                            const char         *field,
                            const char         *value,
                            EthosValueProblem  *kind,
                            GError            **error)
{
  const EthosField *def;
  g_autofree char *trimmed = NULL;
  char *normalized = NULL;

  g_return_val_if_fail (self != NULL && field != NULL && value != NULL, FALSE);

  if (kind != NULL)
    *kind = ETHOS_VALUE_OK;
  if (!(def = ethos_template_get_field (self->tmpl, field)))
    {
      if (kind != NULL)
        *kind = ETHOS_VALUE_UNKNOWN_FIELD;
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                   _("The form “%s” has no field “%s”"), self->tmpl->id, field);
      return FALSE;
    }

  if (!g_utf8_validate (value, -1, NULL))
    return invalid (error, kind, ETHOS_VALUE_NOT_TEXT, field, _("is not valid UTF-8 text"));
  trimmed = g_strstrip (g_strdup (value));
  if (*trimmed == '\0')
    {
      g_hash_table_remove (self->values, field);
      return TRUE;
    }

  switch (def->type)
    {
    case ETHOS_FIELD_TEXT:
    case ETHOS_FIELD_MULTILINE:
      normalized = normalize_text (field, trimmed, def->type == ETHOS_FIELD_MULTILINE, kind,
                                   error);
      break;
    case ETHOS_FIELD_DATE:
      normalized = normalize_date (field, trimmed, kind, error);
      break;
    case ETHOS_FIELD_BOOL:
      normalized = normalize_bool (field, trimmed, kind, error);
      break;
    case ETHOS_FIELD_CHOICE:
      for (guint i = 0; i < def->choices->len && normalized == NULL; i++)
        if (g_str_equal (((EthosChoice *) def->choices->pdata[i])->id, trimmed))
          normalized = g_strdup (trimmed);
      if (normalized == NULL)
        invalid (error, kind, ETHOS_VALUE_NOT_A_CHOICE, field,
                 _("is not one of the field's choices"));
      break;
    default:
      g_assert_not_reached ();
    }

  if (normalized == NULL)
    return FALSE;
  g_hash_table_replace (self->values, g_strdup (field), normalized);
  return TRUE;
}

gboolean
ethos_form_values_set_defaults (EthosFormValues  *self,
                                GHashTable       *defaults,
                                GError          **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, FALSE);

  if (defaults == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, defaults);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const EthosField *field = ethos_template_get_field (self->tmpl, key);
      g_autofree char *one_line = NULL;

      if (field == NULL || g_hash_table_contains (self->values, key))
        continue;
      /* A profile's address may span lines; a one-line field reads it as
       * "12 Harbor Street, Springfield". */
      if (field->type == ETHOS_FIELD_TEXT && strchr (value, '\n') != NULL)
        {
          g_auto(GStrv) lines = g_strsplit (value, "\n", -1);
          one_line = g_strjoinv (", ", lines);
          value = one_line;
        }
      if (!ethos_form_values_set (self, key, value, error))
        return FALSE;
    }
  return TRUE;
}

GStrv
ethos_form_values_get_missing (EthosFormValues *self)
{
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->tmpl->fields->len; i++)
    {
      const EthosField *field = g_ptr_array_index (self->tmpl->fields, i);

      if (field->required && !g_hash_table_contains (self->values, field->id))
        g_strv_builder_add (missing, field->id);
    }
  return g_strv_builder_end (missing);
}

void
ethos_form_values_clear (EthosFormValues *self)
{
  g_return_if_fail (self != NULL);
  g_hash_table_remove_all (self->values);
}

char *
ethos_form_date_from_input (const char *text)
{
  return ethos_form_date_from_input_full (text, NULL);
}

static char *
date_problem (EthosValueProblem *problem,
              EthosValueProblem  what)
{
  if (problem != NULL)
    *problem = what;
  return NULL;
}

char *
ethos_form_date_from_input_full (const char        *text,
                                 EthosValueProblem *problem)
{
  g_autoptr(GDate) date = NULL;
  guint groups = 0, longest = 0, run = 0;
  gboolean letters = FALSE;
  unsigned y, m, d;
  char tail;

  g_return_val_if_fail (text != NULL, NULL);

  if (problem != NULL)
    *problem = ETHOS_VALUE_OK;
  if (!g_utf8_validate (text, -1, NULL))
    return date_problem (problem, ETHOS_VALUE_NOT_A_DATE);
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3 && strlen (text) == 10)
    return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y)
             ? g_strdup (text) : date_problem (problem, ETHOS_VALUE_NO_SUCH_DATE);

  /* The locale's way (g_date_set_parse reads the locale's order), but only
   * with the year written out: "3/4" alone could be any year. */
  for (const char *p = text; ; p++)
    {
      if (g_ascii_isdigit (*p))
        run++;
      else
        {
          if (run > 0)
            groups++;
          longest = MAX (longest, run);
          run = 0;
          if (g_ascii_isalpha (*p) || (guchar) *p >= 0x80)
            letters = TRUE;
        }
      if (*p == '\0')
        break;
    }
  if (longest != 4 || !(groups == 3 || (groups == 2 && letters)))
    return date_problem (problem, ETHOS_VALUE_NOT_A_DATE);
  date = g_date_new ();
  g_date_set_parse (date, text);
  /* Three numbers, one a year, that make no date in the locale's order:
   * a day or a month the calendar does not have. */
  if (!g_date_valid (date))
    return date_problem (problem, groups == 3 && !letters ? ETHOS_VALUE_NO_SUCH_DATE
                                                          : ETHOS_VALUE_NOT_A_DATE);
  if (g_date_get_year (date) < 1900 || g_date_get_year (date) > 2200)
    return date_problem (problem, ETHOS_VALUE_NOT_A_DATE);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
ethos_form_is_minor (const char  *dob,
                     GDate       *today,
                     gboolean    *minor)
{
  g_autoptr(GDate) adult = NULL;
  unsigned y, m, d;

  g_return_val_if_fail (dob != NULL && today != NULL && minor != NULL, FALSE);

  if (sscanf (dob, "%4u-%2u-%2u", &y, &m, &d) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  adult = g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
  /* 18 years after the birth date; 29 February becomes 1 March. */
  g_date_add_years (adult, 18);
  if (m == 2 && d == 29)
    g_date_add_days (adult, 1);
  *minor = g_date_compare (today, adult) < 0;
  return TRUE;
}

static const char *
needed_lookup_cb (const char *field,
                  gpointer    user_data)
{
  EthosFormValues *self = user_data;
  const char *value = ethos_form_values_get (self, field);
  const char *dob;
  g_autoptr(GDate) today = NULL;
  gboolean minor;

  if (value != NULL || !g_str_equal (field, "client_is_minor") ||
      !(dob = ethos_form_values_get (self, "client_dob")))
    return value;
  today = g_date_new ();
  g_date_set_time_t (today, time (NULL));
  if (!ethos_form_is_minor (dob, today, &minor))
    return NULL;
  return minor ? "true" : "false";
}

gboolean
ethos_form_values_field_needed (EthosFormValues *self,
                                const char      *field)
{
  const EthosField *def;

  g_return_val_if_fail (self != NULL && field != NULL, FALSE);

  if (!(def = ethos_template_get_field (self->tmpl, field)))
    return FALSE;
  return ethos_condition_evaluate (def->when, needed_lookup_cb, self, FALSE) == ETHOS_TRUTH_TRUE;
}
