/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template"

#include "config.h"

#include <json-glib/json-glib.h>

#include "ethos-template.h"

/* Writes a template in the documented file format, keys in the documented
 * order, so exported files diff cleanly against hand-written ones. */

static void
add_lang_text (JsonBuilder         *b,
               const char          *key,
               const EthosTemplate *tmpl,
               EthosLangText       *text)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_object (b);
  for (guint i = 0; tmpl->languages[i] != NULL; i++)
    {
      const char *value = g_hash_table_lookup (text, tmpl->languages[i]);

      json_builder_set_member_name (b, tmpl->languages[i]);
      json_builder_add_string_value (b, value != NULL ? value : "");
    }
  json_builder_end_object (b);
}

static void
add_strv (JsonBuilder *b,
          const char  *key,
          GStrv        values)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

static void
add_fields (JsonBuilder         *b,
            const EthosTemplate *tmpl)
{
  json_builder_set_member_name (b, "fields");
  json_builder_begin_array (b);
  for (guint i = 0; i < tmpl->fields->len; i++)
    {
      const EthosField *field = g_ptr_array_index (tmpl->fields, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, field->id);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, ethos_field_type_to_string (field->type));
      json_builder_set_member_name (b, "required");
      json_builder_add_boolean_value (b, field->required);
      add_lang_text (b, "label", tmpl, field->label);
      if (field->type == ETHOS_FIELD_CHOICE)
        {
          json_builder_set_member_name (b, "choices");
          json_builder_begin_array (b);
          for (guint c = 0; c < field->choices->len; c++)
            {
              const EthosChoice *choice = g_ptr_array_index (field->choices, c);
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "id");
              json_builder_add_string_value (b, choice->id);
              add_lang_text (b, "label", tmpl, choice->label);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
        }
      if (field->when != NULL)
        {
          json_builder_set_member_name (b, "when");
          ethos_condition_to_json (field->when, b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_clauses (JsonBuilder         *b,
             const EthosTemplate *tmpl)
{
  json_builder_set_member_name (b, "clauses");
  json_builder_begin_array (b);
  for (guint i = 0; i < tmpl->clauses->len; i++)
    {
      const EthosClause *clause = g_ptr_array_index (tmpl->clauses, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, clause->id);
      json_builder_set_member_name (b, "locked");
      json_builder_add_boolean_value (b, clause->locked);
      if (clause->hidden)
        {
          json_builder_set_member_name (b, "hidden");
          json_builder_add_boolean_value (b, TRUE);
        }
      json_builder_set_member_name (b, "when");
      ethos_condition_to_json (clause->when, b);
      add_strv (b, "satisfies", clause->satisfies);
      add_lang_text (b, "heading", tmpl, clause->heading);
      add_lang_text (b, "body", tmpl, clause->body);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* The lowest format that holds the template, so that a template using
 * nothing new still opens in an Ethos that reads only format 1. */
static gboolean
needs_format_2 (const EthosTemplate *tmpl)
{
  if (tmpl->requirements_version > 1)
    return TRUE;
  for (guint i = 0; i < tmpl->fields->len; i++)
    if (((EthosField *) g_ptr_array_index (tmpl->fields, i))->when != NULL)
      return TRUE;
  for (guint i = 0; i < tmpl->clauses->len; i++)
    {
      const EthosClause *clause = g_ptr_array_index (tmpl->clauses, i);

      if (!ethos_condition_is_simple (clause->when) || clause->hidden)
        return TRUE;
    }
  for (guint i = 0; i < tmpl->signatures->len; i++)
    {
      const EthosSignatureDef *sig = g_ptr_array_index (tmpl->signatures, i);

      if (!ethos_condition_is_simple (sig->when) || g_str_equal (sig->role, "sponsor"))
        return TRUE;
    }
  return FALSE;
}

char *
ethos_template_to_json (const EthosTemplate *tmpl)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  guint format;

  g_return_val_if_fail (tmpl != NULL, NULL);

  format = needs_format_2 (tmpl) ? 2 : 1;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_int_value (b, format);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, tmpl->id);
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, tmpl->version);
  add_strv (b, "languages", tmpl->languages);
  add_lang_text (b, "title", tmpl, tmpl->title);
  add_strv (b, "requires", tmpl->requires);
  if (format >= 2)
    {
      json_builder_set_member_name (b, "requirements");
      json_builder_add_int_value (b, tmpl->requirements_version);
    }
  add_fields (b, tmpl);
  add_clauses (b, tmpl);

  json_builder_set_member_name (b, "signatures");
  json_builder_begin_array (b);
  for (guint i = 0; i < tmpl->signatures->len; i++)
    {
      const EthosSignatureDef *sig = g_ptr_array_index (tmpl->signatures, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "role");
      json_builder_add_string_value (b, sig->role);
      if (sig->when != NULL)
        {
          json_builder_set_member_name (b, "when");
          ethos_condition_to_json (sig->when, b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}
