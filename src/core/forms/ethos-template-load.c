/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-condition.h"
#include "ethos-error.h"
#include "ethos-json-private.h"
#include "ethos-template.h"
#include "ethos-template-private.h"

/* Reading a template file (data/templates/README.md): every key checked,
 * every printed text within the limits and printable, every condition and
 * requirement resolved, before a template is handed out. */

/* Languages the form engine has captions for (signature blocks, dates,
 * "Page N of M"). A template in another language could not be printed. */
static const char * const supported_languages[] = { "en", "es", NULL };

typedef struct
{
  const char         *source;
  EthosRequirements  *reqs;
  EthosTemplate      *tmpl;
  GPtrArray          *field_whens;  /* JsonNode of each field's "when", or NULL */
  gboolean            draft;        /* ethos_template_load_draft() */
} Parser;

/* How long a printed text may be, by its key (ethos-template-limits.h). */
static guint
max_chars_for (const char *key)
{
  if (g_str_equal (key, "body"))
    return ETHOS_TEMPLATE_MAX_BODY_CHARS;
  if (g_str_equal (key, "label"))
    return ETHOS_TEMPLATE_MAX_LABEL_CHARS;
  return ETHOS_TEMPLATE_MAX_TITLE_CHARS;
}

/* A language object: a non-empty string for each of the template's
 * languages, each one printable (the limits and the script policy). */
static EthosLangText *
parse_lang_text (Parser      *p,
                 JsonObject  *object,
                 const char  *key,
                 const char  *where,
                 gboolean     one_line,
                 GError     **error)
{
  g_autoptr(GHashTable) text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *here = g_strdup_printf ("%s.%s", where, key);
  JsonNode *node = json_object_get_member (object, key);
  JsonObject *lang_object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return _ethos_json_fail (error, p->source, here,
                             _("must be an object with a text per language")), NULL;
  lang_object = json_node_get_object (node);
  if (!_ethos_json_check_keys (lang_object, (const char * const *) p->tmpl->languages,
                               p->source, here, error))
    return NULL;

  for (guint i = 0; p->tmpl->languages[i] != NULL; i++)
    {
      char *value = NULL;

      if (p->draft)
        {
          JsonNode *member = json_object_get_member (lang_object, p->tmpl->languages[i]);

          /* A draft keeps what was typed so far, even nothing. */
          if (member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
              json_node_get_value_type (member) == G_TYPE_STRING &&
              g_utf8_validate (json_node_get_string (member), -1, NULL))
            value = g_strdup (json_node_get_string (member));
          else if (member == NULL || JSON_NODE_HOLDS_NULL (member))
            value = g_strdup ("");
        }
      if (value == NULL &&
          !_ethos_json_get_string (lang_object, p->tmpl->languages[i], FALSE, &value,
                                   p->source, here, error))
        return NULL;
      g_hash_table_insert (text, g_strdup (p->tmpl->languages[i]), value);
      if (one_line && strchr (value, '\n') != NULL)
        return _ethos_json_fail (error, p->source, here, _("must be one line")), NULL;
      {
        g_autofree char *problem = ethos_template_text_problem (value, max_chars_for (key));
        if (problem != NULL)
          return _ethos_json_fail (error, p->source, here, "%s", problem), NULL;
      }
    }
  return g_steal_pointer (&text);
}

static gboolean
get_bool (JsonObject  *object,
          const char  *key,
          gboolean    *out,
          const char  *source,
          const char  *where,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return _ethos_json_fail (error, source, where, _("“%s” must be true or false"), key);
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
parse_strings (JsonObject  *object,
               const char  *key,
               GStrv       *out,
               const char  *source,
               const char  *where,
               GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!(array = _ethos_json_get_array (object, key, source, where, error)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return _ethos_json_fail (error, source, where, _("“%s” must hold strings"), key);
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  *out = g_strv_builder_end (builder);
  for (guint i = 0; (*out)[i] != NULL; i++)
    for (guint j = 0; j < i; j++)
      if (g_str_equal ((*out)[i], (*out)[j]))
        return _ethos_json_fail (error, source, where, _("“%s” lists “%s” twice"), key, (*out)[i]);
  return TRUE;
}

static gboolean
parse_field (Parser      *p,
             JsonObject  *object,
             const char  *where,
             GError     **error)
{
  static const char * const keys[] = { "id", "type", "required", "label", "choices", "when",
                                       NULL };
  g_autofree char *type = NULL;
  EthosField *field = g_new0 (EthosField, 1);
  EthosFieldType standard_type;

  field->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) _ethos_choice_free);
  g_ptr_array_add (p->tmpl->fields, field);
  /* Checked once every field is declared: a condition may name a later one. */
  g_ptr_array_add (p->field_whens, json_object_get_member (object, "when"));

  if (p->tmpl->format < 2 && json_object_has_member (object, "when"))
    return _ethos_json_fail (error, p->source, where,
                             _("a field’s “when” needs “format”: 2"));
  if (!_ethos_json_check_keys (object, keys, p->source, where, error) ||
      !_ethos_json_get_string (object, "id", FALSE, &field->id, p->source, where, error) ||
      !_ethos_json_get_string (object, "type", FALSE, &type, p->source, where, error) ||
      !get_bool (object, "required", &field->required, p->source, where, error) ||
      !(field->label = parse_lang_text (p, object, "label", where, TRUE, error)))
    return FALSE;

  if (strlen (field->id) > ETHOS_TEMPLATE_MAX_ID_CHARS)
    return _ethos_json_fail (error, p->source, where, _("a field id is longer than %d characters"),
                             ETHOS_TEMPLATE_MAX_ID_CHARS);
  if (!ethos_condition_is_field_id (field->id))
    return _ethos_json_fail (error, p->source, where, _("field id “%s” must be snake_case"),
                             field->id);
  for (guint i = 0; i + 1 < p->tmpl->fields->len; i++)
    if (g_str_equal (((EthosField *) p->tmpl->fields->pdata[i])->id, field->id))
      return _ethos_json_fail (error, p->source, where, _("field “%s” is declared twice"),
                               field->id);
  for (guint i = 0; ; i++)
    {
      if (i > ETHOS_FIELD_CHOICE)
        return _ethos_json_fail (error, p->source, where,
                                 _("unknown field type “%s” (use text, multiline, date, bool "
                                   "or choice)"), type);
      if (g_str_equal (ethos_field_type_to_string ((EthosFieldType) i), type))
        {
          field->type = (EthosFieldType) i;
          break;
        }
    }
  if (_ethos_template_standard_field_type (field->id, &standard_type) &&
      standard_type != field->type)
    return _ethos_json_fail (error, p->source, where, _("field “%s” must have type “%s”"),
                             field->id, ethos_field_type_to_string (standard_type));

  if (json_object_has_member (object, "choices") != (field->type == ETHOS_FIELD_CHOICE))
    return _ethos_json_fail (error, p->source, where,
                             _("“choices” is needed for, and only for, a choice field"));
  if (field->type == ETHOS_FIELD_CHOICE)
    {
      JsonArray *array = _ethos_json_get_array (object, "choices", p->source, where, error);

      if (array == NULL)
        return FALSE;
      if (json_array_get_length (array) == 0)
        return _ethos_json_fail (error, p->source, where, _("a choice field needs choices"));
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          static const char * const choice_keys[] = { "id", "label", NULL };
          g_autofree char *here = g_strdup_printf ("%s.choices[%u]", where, i);
          JsonNode *node = json_array_get_element (array, i);
          EthosChoice *choice;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return _ethos_json_fail (error, p->source, here, _("must be an object"));
          choice = g_new0 (EthosChoice, 1);
          g_ptr_array_add (field->choices, choice);
          if (!_ethos_json_check_keys (json_node_get_object (node), choice_keys, p->source, here,
                                       error) ||
              !_ethos_json_get_string (json_node_get_object (node), "id", FALSE, &choice->id,
                                       p->source, here, error) ||
              !(choice->label = parse_lang_text (p, json_node_get_object (node), "label", here,
                                                 TRUE, error)))
            return FALSE;
          if (strlen (choice->id) > ETHOS_TEMPLATE_MAX_ID_CHARS)
            return _ethos_json_fail (error, p->source, here,
                                     _("a choice id is longer than %d characters"),
                                     ETHOS_TEMPLATE_MAX_ID_CHARS);
          if (!ethos_condition_is_field_id (choice->id))
            return _ethos_json_fail (error, p->source, here, _("choice id “%s” must be snake_case"),
                                     choice->id);
        }
    }
  return TRUE;
}

static gboolean
check_condition_fields (Parser               *p,
                        const EthosCondition *cond,
                        const char           *where,
                        GError              **error)
{
  if (cond == NULL)
    return TRUE;
  if (cond->kind == ETHOS_CONDITION_FIELD)
    {
      if (ethos_template_get_field (p->tmpl, cond->field) == NULL)
        return _ethos_json_fail (error, p->source, where,
                                 _("condition “%s” names an undeclared field"), cond->field);
      return TRUE;
    }
  for (guint i = 0; i < cond->terms->len; i++)
    if (!check_condition_fields (p, g_ptr_array_index (cond->terms, i), where, error))
      return FALSE;
  return TRUE;
}

/* Reads a "when" (absent or null: always) into @out. */
static gboolean
parse_condition (Parser           *p,
                 JsonNode         *node,
                 EthosCondition  **out,
                 const char       *where,
                 GError          **error)
{
  g_autofree char *here = g_strdup_printf ("%s.when", where);
  GError *local_error = NULL;

  *out = ethos_condition_from_json (node, p->tmpl->format >= 2, p->source, here, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return check_condition_fields (p, *out, where, error);
}

static gboolean
parse_field_conditions (Parser  *p,
                        GError **error)
{
  for (guint i = 0; i < p->tmpl->fields->len; i++)
    {
      EthosField *field = g_ptr_array_index (p->tmpl->fields, i);
      g_autofree char *where = g_strdup_printf ("fields[%u]", i);
      g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);

      if (!parse_condition (p, g_ptr_array_index (p->field_whens, i), &field->when, where, error))
        return FALSE;
      ethos_condition_collect_fields (field->when, named);
      if (g_hash_table_contains (named, field->id))
        return _ethos_json_fail (error, p->source, where,
                                 _("the field “%s” cannot depend on itself"), field->id);
    }
  return TRUE;
}

/* Every {placeholder} names a declared field; no other braces. Returns
 * NULL when @body is fine, else what is wrong with it. */
char *
_ethos_template_body_problem (const EthosTemplate *tmpl,
                              const char          *body)
{
  for (const char *s = body; *s; s++)
    {
      if (*s == '}')
        return g_strdup (_("a “}” without its “{”"));
      if (*s == '{')
        {
          const char *end = strchr (s, '}');
          g_autofree char *name = end ? g_strndup (s + 1, end - s - 1) : NULL;

          if (name == NULL || !ethos_condition_is_field_id (name))
            return g_strdup (_("braces must hold a field id, like {client_name}"));
          if (ethos_template_get_field (tmpl, name) == NULL)
            return g_strdup_printf (_("placeholder {%s} names an undeclared field"), name);
          s = end;
        }
    }
  return NULL;
}

static gboolean
check_body (Parser      *p,
            const char  *body,
            const char  *where,
            GError     **error)
{
  g_autofree char *problem = p->draft ? NULL : _ethos_template_body_problem (p->tmpl, body);

  if (problem != NULL)
    return _ethos_json_fail (error, p->source, where, "%s", problem);
  return TRUE;
}

gboolean
ethos_template_check_text (const EthosTemplate  *tmpl,
                           const char           *clause_id,
                           const char           *text,
                           GError              **error)
{
  g_autofree char *problem = NULL;

  g_return_val_if_fail (tmpl != NULL && clause_id != NULL && text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    problem = g_strdup (_("The text is not valid UTF-8."));
  else if (g_utf8_strlen (text, -1) > ETHOS_TEMPLATE_MAX_BODY_CHARS)
    problem = g_strdup_printf (_("it is longer than %u characters"),
                               ETHOS_TEMPLATE_MAX_BODY_CHARS);
  else
    problem = _ethos_template_body_problem (tmpl, text);
  if (problem == NULL)
    return TRUE;
  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA, _("The clause “%s”: %s"),
               clause_id, problem);
  return FALSE;
}

static gboolean
parse_clause (Parser      *p,
              JsonObject  *object,
              const char  *here,
              GError     **error)
{
  static const char * const keys[] = { "id", "locked", "hidden", "when", "satisfies", "heading",
                                       "body", NULL };
  g_autofree char *where = NULL;
  EthosClause *clause = g_new0 (EthosClause, 1);

  g_ptr_array_add (p->tmpl->clauses, clause);
  if (!_ethos_json_check_keys (object, keys, p->source, here, error) ||
      !_ethos_json_get_string (object, "id", FALSE, &clause->id, p->source, here, error))
    return FALSE;
  if (strlen (clause->id) > ETHOS_TEMPLATE_MAX_ID_CHARS)
    return _ethos_json_fail (error, p->source, here, _("a clause id is longer than %d characters"),
                             ETHOS_TEMPLATE_MAX_ID_CHARS);
  where = g_strdup_printf ("%s (clause %s)", here, clause->id);

  if (!_ethos_is_kebab_id (clause->id))
    return _ethos_json_fail (error, p->source, where, _("clause id must be kebab-case"));
  for (guint i = 0; i + 1 < p->tmpl->clauses->len; i++)
    if (g_str_equal (((EthosClause *) p->tmpl->clauses->pdata[i])->id, clause->id))
      return _ethos_json_fail (error, p->source, where, _("clause id “%s” is used twice"),
                               clause->id);
  if (!json_object_has_member (object, "when"))
    return _ethos_json_fail (error, p->source, where, _("“when” is missing (use null)"));
  if (json_object_has_member (object, "hidden"))
    {
      if (p->tmpl->format < 2)
        return _ethos_json_fail (error, p->source, where, _("“hidden” needs “format”: 2"));
      if (!get_bool (object, "hidden", &clause->hidden, p->source, where, error))
        return FALSE;
    }
  if (!get_bool (object, "locked", &clause->locked, p->source, where, error) ||
      !parse_condition (p, json_object_get_member (object, "when"), &clause->when, where, error) ||
      !parse_strings (object, "satisfies", &clause->satisfies, p->source, where, error) ||
      !(clause->heading = parse_lang_text (p, object, "heading", where, TRUE, error)) ||
      !(clause->body = parse_lang_text (p, object, "body", where, FALSE, error)))
    return FALSE;

  for (guint i = 0; clause->satisfies[i] != NULL; i++)
    if (ethos_requirements_get_element (p->reqs, clause->satisfies[i]) == NULL)
      return _ethos_json_fail (error, p->source, where,
                               _("“%s” is not an element of data/templates/requirements.json"),
                               clause->satisfies[i]);
  for (guint i = 0; p->tmpl->languages[i] != NULL; i++)
    if (!check_body (p, g_hash_table_lookup (clause->body, p->tmpl->languages[i]), where, error))
      return FALSE;
  return TRUE;
}

static gboolean
parse_signature (Parser      *p,
                 JsonObject  *object,
                 const char  *where,
                 GError     **error)
{
  static const char * const keys[] = { "role", "when", NULL };
  EthosSignatureDef *sig = g_new0 (EthosSignatureDef, 1);

  g_ptr_array_add (p->tmpl->signatures, sig);
  if (!_ethos_json_check_keys (object, keys, p->source, where, error) ||
      !_ethos_json_get_string (object, "role", FALSE, &sig->role, p->source, where, error))
    return FALSE;
  if (!parse_condition (p, json_object_get_member (object, "when"), &sig->when, where, error))
    return FALSE;
  if (!g_strv_contains (_ethos_template_signature_roles (), sig->role))
    return _ethos_json_fail (error, p->source, where,
                             _("unknown signature role “%s” (use client, guardian1, guardian2, "
                               "assent, professional, witness or sponsor)"), sig->role);
  if (g_str_equal (sig->role, "sponsor") && p->tmpl->format < 2)
    return _ethos_json_fail (error, p->source, where,
                             _("the “sponsor” signature needs “format”: 2"));
  for (guint i = 0; i + 1 < p->tmpl->signatures->len; i++)
    if (g_str_equal (((EthosSignatureDef *) p->tmpl->signatures->pdata[i])->role, sig->role))
      return _ethos_json_fail (error, p->source, where, _("signature “%s” is listed twice"),
                               sig->role);
  return TRUE;
}

typedef gboolean (*ParseFunc) (Parser *p, JsonObject *object, const char *where, GError **error);

static gboolean
parse_list (Parser      *p,
            JsonObject  *root,
            const char  *key,
            ParseFunc    func,
            GError     **error)
{
  JsonArray *array = _ethos_json_get_array (root, key, p->source, "$", error);

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *here = g_strdup_printf ("%s[%u]", key, i);
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return _ethos_json_fail (error, p->source, here, _("must be an object"));
      if (!func (p, json_node_get_object (node), here, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_header (Parser      *p,
              JsonObject  *root,
              GError     **error)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  EthosTemplate *t = p->tmpl;

  if (!_ethos_json_get_string (root, "id", FALSE, &t->id, p->source, "id", error) ||
      !_ethos_json_get_string (root, "version", FALSE, &t->version, p->source, "version", error) ||
      !parse_strings (root, "languages", &t->languages, p->source, "languages", error))
    return FALSE;
  if (strlen (t->id) > ETHOS_TEMPLATE_MAX_ID_CHARS)
    return _ethos_json_fail (error, p->source, "id", _("the template id is longer than %d "
                                                       "characters"), ETHOS_TEMPLATE_MAX_ID_CHARS);
  if (!ethos_template_check_id (t->id, NULL))
    return _ethos_json_fail (error, p->source, "id", _("template id “%s” must be kebab-case"),
                             t->id);
  if (!g_regex_match_simple ("^[0-9]{1,4}\\.[0-9]{1,4}$", t->version, 0, 0))
    return _ethos_json_fail (error, p->source, "version",
                             _("version “%s” must be MAJOR.MINOR, like 1.0"), t->version);
  if (t->languages[0] == NULL)
    return _ethos_json_fail (error, p->source, "languages", _("at least one language is needed"));
  for (guint i = 0; t->languages[i] != NULL; i++)
    if (!g_strv_contains (supported_languages, t->languages[i]))
      return _ethos_json_fail (error, p->source, "languages",
                               _("Ethos prints forms in English (en) and Spanish (es), not “%s”"),
                               t->languages[i]);

  if (!(t->title = parse_lang_text (p, root, "title", "$", TRUE, error)) ||
      !parse_strings (root, "requires", &t->requires, p->source, "requires", error))
    return FALSE;
  for (guint i = 0; t->requires[i] != NULL; i++)
    {
      const EthosStandard *standard = ethos_requirements_get_source (p->reqs, t->requires[i]);
      g_autofree char *code = NULL;

      if (standard == NULL)
        return _ethos_json_fail (error, p->source, "requires",
                                 _("“%s” is not a standard in data/templates/requirements.json"),
                                 t->requires[i]);
      if (standard->kind != ETHOS_SOURCE_CODE)
        continue;
      code = g_strndup (t->requires[i], strcspn (t->requires[i], " "));
      if (!g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
        g_ptr_array_add (codes, g_steal_pointer (&code));
    }
  g_ptr_array_add (codes, NULL);
  t->code_ids = (GStrv) g_ptr_array_steal (codes, NULL);
  return TRUE;
}

/* "format": 1 (the first format) or 2 (conditions with "any"/"all", a
 * field's "when", the sponsor signature, "requirements"). */
static gboolean
read_format (Parser      *p,
             JsonObject  *root,
             GError     **error)
{
  JsonNode *node = json_object_get_member (root, "format");
  gint64 format;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return _ethos_json_fail (error, p->source, "format", _("“format” must be the number 1 or 2"));
  format = json_node_get_int (node);
  /* json-glib wraps a number too large for 64 bits (to -1): name no such number. */
  if (format < 1 || format > 9999)
    return _ethos_json_fail (error, p->source, "format", _("“format” must be the number 1 or 2"));
  if (format > ETHOS_TEMPLATE_FORMAT)
    return _ethos_json_fail (error, p->source, "format",
                             _("format %lld is not supported (only 1 and 2); was the template "
                               "made by a newer Ethos?"), (long long) format);
  p->tmpl->format = (guint) format;
  return TRUE;
}

/* The requirements version the template was checked against: 1 for a
 * format-1 file, which predates versions. */
static gboolean
read_requirements_version (Parser      *p,
                           JsonObject  *root,
                           GError     **error)
{
  JsonNode *node = json_object_get_member (root, "requirements");
  guint current = ethos_requirements_get_version (p->reqs);
  gint64 version;

  p->tmpl->requirements_version = 1;
  if (node == NULL)
    return TRUE;
  if (p->tmpl->format < 2)
    return _ethos_json_fail (error, p->source, "requirements",
                             _("“requirements” needs “format”: 2"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return _ethos_json_fail (error, p->source, "requirements",
                             _("“requirements” must be a version number, like %u"), current);
  version = json_node_get_int (node);
  if (version < 1 || version > current)
    return _ethos_json_fail (error, p->source, "requirements",
                             _("requirements version %lld is unknown (this Ethos has versions "
                               "1 to %u)"), (long long) version, current);
  p->tmpl->requirements_version = (guint) version;
  return TRUE;
}

static EthosTemplate *
load (const char         *source,
      const char         *data,
      gsize               length,
      EthosRequirements  *reqs,
      gboolean            draft,
      GError            **error)
{
  static const char * const keys[] = { "format", "id", "version", "languages", "title",
                                       "requires", "fields", "clauses", "signatures",
                                       "requirements", NULL };
  g_autoptr(EthosTemplate) tmpl = _ethos_template_new_empty ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) field_whens = g_ptr_array_new ();
  Parser p = { source, reqs, tmpl, field_whens, draft };
  JsonObject *object;

  g_return_val_if_fail (source != NULL && reqs != NULL, NULL);

  if (!(root = _ethos_json_load (source, data, length, error)))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return _ethos_json_fail (error, source, "$", _("the file must hold a JSON object")), NULL;
  object = json_node_get_object (root);
  for (guint i = 0; keys[i] != NULL; i++)
    if (!g_str_equal (keys[i], "requirements") && !json_object_has_member (object, keys[i]))
      return _ethos_json_fail (error, source, "$", _("“%s” is missing"), keys[i]), NULL;

  if (!_ethos_json_check_keys (object, keys, source, "$", error) ||
      !read_format (&p, object, error) ||
      !read_requirements_version (&p, object, error) ||
      !parse_header (&p, object, error) ||
      !parse_list (&p, object, "fields", parse_field, error) ||
      !parse_field_conditions (&p, error) ||
      !parse_list (&p, object, "clauses", parse_clause, error) ||
      !parse_list (&p, object, "signatures", parse_signature, error))
    return NULL;

  if (tmpl->clauses->len == 0 && !draft)
    return _ethos_json_fail (error, source, "clauses", _("a template needs clauses")), NULL;
  return g_steal_pointer (&tmpl);
}

EthosTemplate *
ethos_template_load (const char         *source,
                     const char         *data,
                     gsize               length,
                     EthosRequirements  *reqs,
                     GError            **error)
{
  return load (source, data, length, reqs, FALSE, error);
}

EthosTemplate *
ethos_template_load_draft (const char         *source,
                           const char         *data,
                           gsize               length,
                           EthosRequirements  *reqs,
                           GError            **error)
{
  return load (source, data, length, reqs, TRUE, error);
}
