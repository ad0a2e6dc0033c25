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

gboolean
ethos_template_add_field (EthosTemplate   *tmpl,
                          const char      *id,
                          EthosFieldType   type,
                          gboolean         required,
                          GHashTable      *labels,
                          GError         **error)
{
  EthosFieldType standard_type;
  EthosField *field;

  g_return_val_if_fail (tmpl != NULL && id != NULL && labels != NULL, FALSE);

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
  if (type == ETHOS_FIELD_CHOICE || type > ETHOS_FIELD_CHOICE)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("A new field is text, several lines of text, a date or yes/no"));
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
    {
      const char *label = g_hash_table_lookup (labels, tmpl->languages[i]);
      g_autofree char *stripped = g_strstrip (g_strdup (label != NULL ? label : ""));

      if (*stripped == '\0' || !g_utf8_validate (label, -1, NULL) || strchr (label, '\n'))
        {
          g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                       _("The field needs a one-line label in %s"),
                       ethos_template_language_name (tmpl->languages[i]));
          return FALSE;
        }
    }

  field = g_new0 (EthosField, 1);
  field->id = g_strdup (id);
  field->type = type;
  field->required = !!required;
  field->label = _ethos_lang_text_new ();
  for (guint i = 0; tmpl->languages[i] != NULL; i++)
    g_hash_table_insert (field->label, g_strdup (tmpl->languages[i]),
                         g_strdup (g_hash_table_lookup (labels, tmpl->languages[i])));
  field->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) _ethos_choice_free);
  g_ptr_array_add (tmpl->fields, field);
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

