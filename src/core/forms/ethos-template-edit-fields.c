/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-error.h"
#include "ethos-template-edit.h"
#include "ethos-template-limits.h"
#include "ethos-template-private.h"

/* The editor's operations on fields and signature blocks. */

#define MAX_ID ETHOS_TEMPLATE_MAX_ID_CHARS

/* The label of the field (@choice 0) or of its choice number @choice. */
static gboolean
check_label (const EthosTemplate *tmpl,
             const char          *label,
             const char          *lang,
             guint                choice,
             GError             **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (label != NULL ? label : ""));
  g_autofree char *problem = NULL;
  const char *language = ethos_template_language_name (lang);

  if (*stripped == '\0' || strchr (stripped, '\n') != NULL)
    {
      if (choice == 0)
        g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                     /* Translators: %s is a language, "Spanish" */
                     _("The field needs a one-line label in %s"), language);
      else
        g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                     /* Translators: "Choice 2 needs a one-line label in Spanish" */
                     _("Choice %u needs a one-line label in %s"), choice, language);
      return FALSE;
    }
  problem = ethos_template_text_problem (stripped, ETHOS_TEMPLATE_MAX_LABEL_CHARS);
  if (problem != NULL)
    {
      if (choice == 0)
        g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                     /* Translators: "The field’s label in Spanish: <what is wrong with it>" */
                     _("The field’s label in %s: %s"), language, problem);
      else
        g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                     /* Translators: "Choice 2 in Spanish: <what is wrong with it>" */
                     _("Choice %u in %s: %s"), choice, language, problem);
      return FALSE;
    }
  return TRUE;
}

static GHashTable *
copy_labels (const EthosTemplate *tmpl,
             GHashTable          *labels)
{
  GHashTable *copy = _ethos_lang_text_new ();

  for (guint i = 0; tmpl->languages[i] != NULL; i++)
    g_hash_table_insert (copy, g_strdup (tmpl->languages[i]),
                         g_strstrip (g_strdup (g_hash_table_lookup (labels,
                                                                    tmpl->languages[i]))));
  return copy;
}

static gboolean
check_new_field (EthosTemplate   *tmpl,
                 const char      *id,
                 EthosFieldType   type,
                 GHashTable      *labels,
                 GError         **error)
{
  EthosFieldType standard_type;

  if (!ethos_condition_is_field_id (id) || strlen (id) > MAX_ID)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("A field id is 1 to %d characters of a–z, 0–9 and “_”, starting with a "
                     "letter, like fee_schedule"), MAX_ID);
      return FALSE;
    }
  if (ethos_template_get_field (tmpl, id) != NULL)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("The template already has a field “%s”"), id);
      return FALSE;
    }
  if (_ethos_template_standard_field_type (id, &standard_type) && standard_type != type)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("The field “%s” must have type “%s”"), id,
                   ethos_field_type_to_string (standard_type));
      return FALSE;
    }
  for (guint i = 0; tmpl->languages[i] != NULL; i++)
    if (!check_label (tmpl, g_hash_table_lookup (labels, tmpl->languages[i]),
                      tmpl->languages[i], 0, error))
      return FALSE;
  return TRUE;
}

static EthosField *
append_field (EthosTemplate   *tmpl,
              const char      *id,
              EthosFieldType   type,
              gboolean         required,
              GHashTable      *labels)
{
  EthosField *field = g_new0 (EthosField, 1);

  field->id = g_strdup (id);
  field->type = type;
  field->required = !!required;
  field->label = copy_labels (tmpl, labels);
  field->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) _ethos_choice_free);
  g_ptr_array_add (tmpl->fields, field);
  return field;
}

gboolean
ethos_template_add_field (EthosTemplate   *tmpl,
                          const char      *id,
                          EthosFieldType   type,
                          gboolean         required,
                          GHashTable      *labels,
                          GError         **error)
{
  g_return_val_if_fail (tmpl != NULL && id != NULL && labels != NULL, FALSE);

  if (type == ETHOS_FIELD_CHOICE || type > ETHOS_FIELD_CHOICE)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("A new field is text, several lines of text, a date or yes/no; a choice "
                     "comes with its choices"));
      return FALSE;
    }
  if (!check_new_field (tmpl, id, type, labels, error))
    return FALSE;
  append_field (tmpl, id, type, required, labels);
  return TRUE;
}

/* A choice's id from its label: lower-case ASCII letters and digits, "_"
 * for what lies between; NULL when nothing is left (a label in another
 * script). */
static char *
choice_id_from_label (const char *label)
{
  g_autofree char *ascii = g_str_to_ascii (label, "C");
  GString *id = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && id->len < MAX_ID - 4; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '_')
        g_string_append_c (id, '_');
    }
  while (id->len > 0 && id->str[id->len - 1] == '_')
    g_string_truncate (id, id->len - 1);
  if (id->len > 0 && !g_ascii_isalpha (id->str[0]))
    g_string_prepend (id, "n");
  return id->len > 0 ? g_string_free (id, FALSE) : (g_string_free (id, TRUE), NULL);
}

gboolean
ethos_template_add_choice_field (EthosTemplate  *tmpl,
                                 const char     *id,
                                 gboolean        required,
                                 GHashTable     *labels,
                                 GPtrArray      *choices,
                                 GError        **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  EthosField *field;

  g_return_val_if_fail (tmpl != NULL && id != NULL && labels != NULL && choices != NULL, FALSE);

  if (!check_new_field (tmpl, id, ETHOS_FIELD_CHOICE, labels, error))
    return FALSE;
  if (choices->len < 2)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("A choice field needs at least two choices"));
      return FALSE;
    }
  if (choices->len > ETHOS_TEMPLATE_MAX_CHOICES)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("A choice field has at most %d choices"), ETHOS_TEMPLATE_MAX_CHOICES);
      return FALSE;
    }
  for (guint c = 0; c < choices->len; c++)
    for (guint i = 0; tmpl->languages[i] != NULL; i++)
      if (!check_label (tmpl, g_hash_table_lookup (choices->pdata[c], tmpl->languages[i]),
                        tmpl->languages[i], c + 1, error))
        return FALSE;

  field = append_field (tmpl, id, ETHOS_FIELD_CHOICE, required, labels);
  for (guint c = 0; c < choices->len; c++)
    {
      EthosChoice *choice = g_new0 (EthosChoice, 1);
      g_autofree char *base = choice_id_from_label (g_hash_table_lookup (choices->pdata[c],
                                                                         tmpl->languages[0]));
      char *choice_id = base != NULL ? g_strdup (base) : g_strdup_printf ("choice_%u", c + 1);

      for (guint n = 2; g_hash_table_contains (seen, choice_id); n++)
        {
          g_free (choice_id);
          choice_id = g_strdup_printf ("%s_%u", base != NULL ? base : "choice", n);
        }
      g_hash_table_add (seen, g_strdup (choice_id));
      choice->id = choice_id;
      choice->label = copy_labels (tmpl, choices->pdata[c]);
      g_ptr_array_add (field->choices, choice);
    }
  return TRUE;
}

static gboolean
condition_names (const EthosCondition *when,
                 const char           *field)
{
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);

  ethos_condition_collect_fields (when, named);
  return g_hash_table_contains (named, field);
}

gboolean
ethos_template_remove_field (EthosTemplate  *tmpl,
                             const char     *id,
                             GError        **error)
{
  g_autofree char *placeholder = NULL;

  g_return_val_if_fail (tmpl != NULL && id != NULL, FALSE);

  if (ethos_template_get_field (tmpl, id) == NULL)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                   _("The template has no field “%s”"), id);
      return FALSE;
    }
  placeholder = g_strdup_printf ("{%s}", id);
  for (guint c = 0; c < tmpl->clauses->len; c++)
    {
      const EthosClause *clause = g_ptr_array_index (tmpl->clauses, c);
      gboolean printed = FALSE;

      for (guint l = 0; tmpl->languages[l] != NULL; l++)
        {
          const char *body = g_hash_table_lookup (clause->body, tmpl->languages[l]);
          printed |= body != NULL && strstr (body, placeholder) != NULL;
        }
      if (printed || condition_names (clause->when, id))
        {
          g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                       _("The clause “%s” uses the field “%s”: change it first"), clause->id, id);
          return FALSE;
        }
    }
  for (guint i = 0; i < tmpl->fields->len; i++)
    {
      const EthosField *field = g_ptr_array_index (tmpl->fields, i);

      if (!g_str_equal (field->id, id) && condition_names (field->when, id))
        {
          g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                       _("The field “%s” depends on “%s”: change it first"), field->id, id);
          return FALSE;
        }
    }
  for (guint i = 0; i < tmpl->signatures->len; i++)
    {
      const EthosSignatureDef *sig = g_ptr_array_index (tmpl->signatures, i);

      if (condition_names (sig->when, id))
        {
          g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                       _("The “%s” signature depends on “%s”: change it first"), sig->role, id);
          return FALSE;
        }
    }
  for (guint i = 0; i < tmpl->fields->len; i++)
    if (g_str_equal (((EthosField *) g_ptr_array_index (tmpl->fields, i))->id, id))
      {
        g_ptr_array_remove_index (tmpl->fields, i);
        break;
      }
  return TRUE;
}

const char * const *
ethos_template_signature_roles (void)
{
  return _ethos_template_signature_roles ();
}

const EthosSignatureDef *
ethos_template_get_signature (const EthosTemplate *tmpl,
                              const char          *role)
{
  g_return_val_if_fail (tmpl != NULL && role != NULL, NULL);

  for (guint i = 0; i < tmpl->signatures->len; i++)
    {
      const EthosSignatureDef *sig = g_ptr_array_index (tmpl->signatures, i);

      if (g_str_equal (sig->role, role))
        return sig;
    }
  return NULL;
}

static guint
role_rank (const char *role)
{
  const char * const *roles = _ethos_template_signature_roles ();

  for (guint i = 0; roles[i] != NULL; i++)
    if (g_str_equal (roles[i], role))
      return i;
  return G_MAXUINT;
}

gboolean
ethos_template_set_signature (EthosTemplate        *tmpl,
                              const char           *role,
                              gboolean              present,
                              const EthosCondition *when)
{
  EthosSignatureDef *sig;
  guint rank, i;

  g_return_val_if_fail (tmpl != NULL && role != NULL, FALSE);

  if ((rank = role_rank (role)) == G_MAXUINT || !_ethos_template_condition_declared (tmpl, when))
    return FALSE;
  sig = (EthosSignatureDef *) ethos_template_get_signature (tmpl, role);
  if (!present)
    {
      if (sig != NULL)
        g_ptr_array_remove (tmpl->signatures, sig);
      return TRUE;
    }
  if (sig == NULL)
    {
      sig = g_new0 (EthosSignatureDef, 1);
      sig->role = g_strdup (role);
      for (i = 0; i < tmpl->signatures->len; i++)
        if (role_rank (((EthosSignatureDef *) g_ptr_array_index (tmpl->signatures, i))->role) > rank)
          break;
      g_ptr_array_insert (tmpl->signatures, (int) i, sig);
    }
  g_clear_pointer (&sig->when, ethos_condition_free);
  sig->when = ethos_condition_copy (when);
  if (!ethos_condition_is_simple (when) || g_str_equal (role, "sponsor"))
    _ethos_template_raise_format (tmpl);
  return TRUE;
}

