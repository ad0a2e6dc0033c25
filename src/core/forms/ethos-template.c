/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template"

#include "config.h"

#include "ethos-template.h"
#include "ethos-template-private.h"

/* The template model: what a loaded template holds and how it is looked
 * up; reading one from JSON is ethos-template-load.c. */

static const char * const signature_roles[] = {
  "client", "guardian1", "guardian2", "assent", "professional", "witness", "sponsor", NULL
};

/* The contract's field ids keep their types in every template. */
static const struct { const char *id; EthosFieldType type; } standard_fields[] = {
  { "client_name", ETHOS_FIELD_TEXT }, { "client_dob", ETHOS_FIELD_DATE },
  { "client_is_minor", ETHOS_FIELD_BOOL }, { "guardian1_name", ETHOS_FIELD_TEXT },
  { "guardian1_relationship", ETHOS_FIELD_TEXT }, { "guardian2_name", ETHOS_FIELD_TEXT },
  { "guardian2_relationship", ETHOS_FIELD_TEXT }, { "professional_name", ETHOS_FIELD_TEXT },
  { "professional_credentials", ETHOS_FIELD_TEXT }, { "agency_name", ETHOS_FIELD_TEXT },
  { "agency_address", ETHOS_FIELD_TEXT }, { "agency_phone", ETHOS_FIELD_TEXT },
  { "mandated", ETHOS_FIELD_BOOL }, { "referring_authority", ETHOS_FIELD_TEXT },
  { "roi_recipient", ETHOS_FIELD_TEXT }, { "roi_expiry", ETHOS_FIELD_DATE },
  { "date", ETHOS_FIELD_DATE },
};

gboolean
_ethos_template_standard_field_type (const char     *id,
                                     EthosFieldType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (standard_fields); i++)
    if (g_str_equal (standard_fields[i].id, id))
      {
        *type = standard_fields[i].type;
        return TRUE;
      }
  return FALSE;
}

const char * const *
_ethos_template_signature_roles (void)
{
  return signature_roles;
}

static const char * const field_types[] = { "text", "multiline", "date", "bool", "choice", NULL };

void
_ethos_field_free (EthosField *field)
{
  g_free (field->id);
  g_clear_pointer (&field->label, g_hash_table_unref);
  g_clear_pointer (&field->choices, g_ptr_array_unref);
  g_clear_pointer (&field->when, ethos_condition_free);
  g_free (field);
}

void
_ethos_choice_free (EthosChoice *choice)
{
  g_free (choice->id);
  g_clear_pointer (&choice->label, g_hash_table_unref);
  g_free (choice);
}

void
_ethos_clause_free (EthosClause *clause)
{
  g_free (clause->id);
  g_clear_pointer (&clause->when, ethos_condition_free);
  g_strfreev (clause->satisfies);
  g_clear_pointer (&clause->heading, g_hash_table_unref);
  g_clear_pointer (&clause->body, g_hash_table_unref);
  g_free (clause);
}

void
_ethos_signature_free (EthosSignatureDef *sig)
{
  g_free (sig->role);
  g_clear_pointer (&sig->when, ethos_condition_free);
  g_free (sig);
}

EthosTemplate *
_ethos_template_new_empty (void)
{
  EthosTemplate *tmpl = g_new0 (EthosTemplate, 1);

  g_atomic_ref_count_init (&tmpl->ref_count);
  tmpl->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) _ethos_field_free);
  tmpl->clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) _ethos_clause_free);
  tmpl->signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) _ethos_signature_free);
  return tmpl;
}

EthosTemplate *
ethos_template_ref (EthosTemplate *tmpl)
{
  g_return_val_if_fail (tmpl != NULL, NULL);
  g_atomic_ref_count_inc (&tmpl->ref_count);
  return tmpl;
}

void
ethos_template_free (EthosTemplate *tmpl)
{
  ethos_template_unref (tmpl);
}

void
ethos_template_unref (EthosTemplate *tmpl)
{
  if (tmpl == NULL || !g_atomic_ref_count_dec (&tmpl->ref_count))
    return;
  g_free (tmpl->id);
  g_free (tmpl->version);
  g_strfreev (tmpl->languages);
  g_clear_pointer (&tmpl->title, g_hash_table_unref);
  g_strfreev (tmpl->requires);
  g_strfreev (tmpl->code_ids);
  g_clear_pointer (&tmpl->fields, g_ptr_array_unref);
  g_clear_pointer (&tmpl->clauses, g_ptr_array_unref);
  g_clear_pointer (&tmpl->signatures, g_ptr_array_unref);
  g_free (tmpl);
}

const char *
ethos_field_type_to_string (EthosFieldType type)
{
  g_return_val_if_fail (type <= ETHOS_FIELD_CHOICE, NULL);
  return field_types[type];
}

const char *
ethos_lang_text_get (EthosLangText *text,
                     const char    *lang)
{
  g_return_val_if_fail (text != NULL && lang != NULL, NULL);
  return g_hash_table_lookup (text, lang);
}

gboolean
ethos_template_has_language (const EthosTemplate *tmpl,
                             const char          *lang)
{
  g_return_val_if_fail (tmpl != NULL && lang != NULL, FALSE);
  return g_strv_contains ((const char * const *) tmpl->languages, lang);
}

const EthosField *
ethos_template_get_field (const EthosTemplate *tmpl,
                          const char          *id)
{
  g_return_val_if_fail (tmpl != NULL && id != NULL, NULL);

  for (guint i = 0; i < tmpl->fields->len; i++)
    {
      const EthosField *field = g_ptr_array_index (tmpl->fields, i);
      if (g_str_equal (field->id, id))
        return field;
    }
  return NULL;
}

const EthosClause *
ethos_template_get_clause (const EthosTemplate *tmpl,
                           const char          *id)
{
  g_return_val_if_fail (tmpl != NULL && id != NULL, NULL);

  for (guint i = 0; i < tmpl->clauses->len; i++)
    {
      const EthosClause *clause = g_ptr_array_index (tmpl->clauses, i);
      if (g_str_equal (clause->id, id))
        return clause;
    }
  return NULL;
}
