/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-requirements"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-condition.h"
#include "ethos-error.h"
#include "ethos-json-private.h"
#include "ethos-requirements.h"

struct _EthosRequirements
{
  guint       format;
  guint       version;
  GPtrArray  *standards;   /* char *, in file order */
  GHashTable *sources;     /* ref → EthosStandard (owned) */
  GHashTable *by_standard; /* "nohs 2" → GPtrArray of EthosElement (owned) */
  GHashTable *by_id;       /* id → EthosElement (borrowed) */
};

static void
element_free (EthosElement *element)
{
  g_free (element->id);
  g_free (element->standard);
  g_free (element->text);
  g_clear_pointer (&element->when, ethos_condition_free);
  g_clear_pointer (&element->translations, g_hash_table_unref);
  g_strfreev (element->signatures);
  g_strfreev (element->fields);
  g_free (element);
}

static void
standard_free (EthosStandard *standard)
{
  g_free (standard->ref);
  g_free (standard->title);
  g_clear_pointer (&standard->title_translations, g_hash_table_unref);
  g_free (standard);
}

static const char * const source_kinds[] = { "code", "regulation", "practice", NULL };

const char *
ethos_standard_get_title (const EthosStandard *standard,
                          const char          *lang)
{
  const char *title = NULL;

  g_return_val_if_fail (standard != NULL, NULL);

  if (lang != NULL && standard->title_translations != NULL)
    title = g_hash_table_lookup (standard->title_translations, lang);
  return title != NULL ? title : standard->title;
}

const char *
ethos_element_get_text (const EthosElement *element,
                        const char         *lang)
{
  const char *text = NULL;

  g_return_val_if_fail (element != NULL, NULL);

  if (lang != NULL && element->translations != NULL)
    text = g_hash_table_lookup (element->translations, lang);
  return text != NULL ? text : element->text;
}

/* "translations": {"es": "…"}: a text in other languages. */
static gboolean
parse_translations (GHashTable   **out,
                    JsonObject    *e,
                    const char    *path,
                    const char    *where,
                    GError       **error)
{
  g_autofree char *here = g_strconcat (where, ".translations", NULL);
  JsonNode *node = json_object_get_member (e, "translations");
  g_autoptr(GList) langs = NULL;
  JsonObject *object;

  *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _ethos_json_fail (error, path, here, _("must be an object of languages"));
  object = json_node_get_object (node);
  langs = json_object_get_members (object);
  for (const GList *l = langs; l != NULL; l = l->next)
    {
      char *text = NULL;

      if (!g_regex_match_simple ("^[a-z]{2,3}$", l->data, 0, 0))
        return _ethos_json_fail (error, path, here, _("“%s” is not a language code"),
                                 (const char *) l->data);
      if (!_ethos_json_get_string (object, l->data, FALSE, &text, path, here, error))
        return FALSE;
      g_hash_table_insert (*out, g_strdup (l->data), text);
    }
  return TRUE;
}

void
ethos_requirements_free (EthosRequirements *reqs)
{
  if (reqs == NULL)
    return;
  g_clear_pointer (&reqs->standards, g_ptr_array_unref);
  g_clear_pointer (&reqs->sources, g_hash_table_unref);
  g_clear_pointer (&reqs->by_standard, g_hash_table_unref);
  g_clear_pointer (&reqs->by_id, g_hash_table_unref);
  g_free (reqs);
}

/* "nohs 2" → "nohs-2": the prefix every element id of that standard has. */
static char *
element_prefix (const char *standard)
{
  g_autofree char *prefix = g_strdup (standard);

  g_strdelimit (prefix, " ", '-');
  return g_strconcat (prefix, "#", NULL);
}

static gboolean
is_standard_ref (const char *ref)
{
  return g_regex_match_simple ("^[a-z][a-z0-9-]*( [A-Za-z0-9]+(\\.[A-Za-z0-9]+)*)?$", ref, 0, 0);
}

/* A string or an array of strings: roles, fields. */
static gboolean
parse_names (JsonObject  *e,
             const char  *key,
             gboolean     single_ok,
             GStrv       *out,
             const char  *path,
             const char  *where,
             GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (e, key);

  if (node != NULL && single_ok && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    g_strv_builder_add (builder, json_node_get_string (node));
  else if (node != NULL)
    {
      JsonArray *array = _ethos_json_get_array (e, key, path, where, error);

      if (array == NULL)
        return FALSE;
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            return _ethos_json_fail (error, path, where, _("“%s” must hold strings"), key);
          g_strv_builder_add (builder, json_node_get_string (item));
        }
    }
  *out = g_strv_builder_end (builder);
  for (guint i = 0; (*out)[i] != NULL; i++)
    if (!ethos_condition_is_field_id ((*out)[i]))
      return _ethos_json_fail (error, path, where, _("“%s” is not a field id or role"), (*out)[i]);
  return TRUE;
}

static gboolean
parse_element (EthosRequirements  *reqs,
               EthosElement       *element,
               JsonObject         *e,
               const char         *prefix,
               const char         *path,
               const char         *where,
               GError            **error)
{
  static const char * const element_keys[] = { "id", "text", "when", "translations", "since",
                                               "clause", "signature", "fields", NULL };
  JsonNode *node;
  GError *local_error = NULL;

  if (!_ethos_json_check_keys (e, element_keys, path, where, error) ||
      !_ethos_json_get_string (e, "id", FALSE, &element->id, path, where, error) ||
      !_ethos_json_get_string (e, "text", FALSE, &element->text, path, where, error) ||
      !parse_translations (&element->translations, e, path, where, error))
    return FALSE;
  element->when = ethos_condition_from_json (json_object_get_member (e, "when"),
                                             reqs->format >= 2, path, where, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (reqs->format < 2)
    for (guint k = 4; element_keys[k] != NULL; k++)
      if (json_object_has_member (e, element_keys[k]))
        return _ethos_json_fail (error, path, where, _("“%s” needs “format”: 2"),
                                 element_keys[k]);

  element->since = 1;
  if ((node = json_object_get_member (e, "since")) != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 1 || json_node_get_int (node) > reqs->version)
        return _ethos_json_fail (error, path, where,
                                 _("“since” must be a requirements version from 1 to %u"),
                                 reqs->version);
      element->since = (guint) json_node_get_int (node);
    }
  element->needs_clause = TRUE;
  if ((node = json_object_get_member (e, "clause")) != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return _ethos_json_fail (error, path, where, _("“clause” must be true or false"));
      element->needs_clause = json_node_get_boolean (node);
    }
  if (!parse_names (e, "signature", TRUE, &element->signatures, path, where, error) ||
      !parse_names (e, "fields", FALSE, &element->fields, path, where, error))
    return FALSE;
  if (!element->needs_clause && element->signatures[0] == NULL && element->fields[0] == NULL)
    return _ethos_json_fail (error, path, where,
                             _("an element with “clause”: false needs a signature or fields"));

  if (!g_str_has_prefix (element->id, prefix) ||
      !_ethos_is_kebab_id (element->id + strlen (prefix)))
    return _ethos_json_fail (error, path, where,
                             _("element id “%s” must be “%sslug” with a kebab-case slug"),
                             element->id, prefix);
  if (g_hash_table_contains (reqs->by_id, element->id))
    return _ethos_json_fail (error, path, where, _("element id “%s” is used twice"),
                             element->id);
  return TRUE;
}

/* "source": {"kind": "regulation", "title": "…"}; absent: an ethics code. */
static gboolean
parse_source (EthosRequirements  *reqs,
              EthosStandard      *standard,
              JsonObject         *object,
              const char         *path,
              const char         *here,
              GError            **error)
{
  static const char * const keys[] = { "kind", "title", "translations", NULL };
  g_autofree char *where = g_strconcat (here, ".source", NULL);
  g_autofree char *kind = NULL;
  JsonNode *node = json_object_get_member (object, "source");
  JsonObject *source;

  standard->kind = ETHOS_SOURCE_CODE;
  if (node == NULL)
    {
      if (strchr (standard->ref, ' ') == NULL)
        return _ethos_json_fail (error, path, here,
                                 _("“%s” needs a “source”: a code standard is “CODE REF”"),
                                 standard->ref);
      standard->title_translations = g_hash_table_new (g_str_hash, g_str_equal);
      return TRUE;
    }
  if (reqs->format < 2)
    return _ethos_json_fail (error, path, where, _("“source” needs “format”: 2"));
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _ethos_json_fail (error, path, where, _("must be an object"));
  source = json_node_get_object (node);
  if (!_ethos_json_check_keys (source, keys, path, where, error) ||
      !_ethos_json_get_string (source, "kind", FALSE, &kind, path, where, error) ||
      !_ethos_json_get_string (source, "title", FALSE, &standard->title, path, where, error) ||
      !parse_translations (&standard->title_translations, source, path, where, error))
    return FALSE;
  for (guint i = 0; ; i++)
    {
      if (source_kinds[i] == NULL)
        return _ethos_json_fail (error, path, where,
                                 _("unknown source kind “%s” (use code, regulation or practice)"),
                                 kind);
      if (g_str_equal (source_kinds[i], kind))
        {
          standard->kind = (EthosSourceKind) i;
          break;
        }
    }
  return TRUE;
}

static gboolean
parse_standard (EthosRequirements  *reqs,
                JsonObject         *object,
                const char         *path,
                const char         *here,
                GError            **error)
{
  static const char * const keys[] = { "ref", "source", "elements", NULL };
  g_autofree char *ref = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GPtrArray) elements = NULL;
  EthosStandard *standard;
  JsonArray *array;

  if (!_ethos_json_check_keys (object, keys, path, here, error) ||
      !_ethos_json_get_string (object, "ref", FALSE, &ref, path, here, error) ||
      !(array = _ethos_json_get_array (object, "elements", path, here, error)))
    return FALSE;
  if (!is_standard_ref (ref))
    return _ethos_json_fail (error, path, here, _("“%s” is not a reference like “nohs 2”"), ref);
  if (g_hash_table_contains (reqs->by_standard, ref))
    return _ethos_json_fail (error, path, here, _("standard “%s” is listed twice"), ref);
  if (json_array_get_length (array) == 0)
    return _ethos_json_fail (error, path, here, _("standard “%s” has no elements"), ref);

  standard = g_new0 (EthosStandard, 1);
  standard->ref = g_strdup (ref);
  g_hash_table_insert (reqs->sources, standard->ref, standard);
  if (!parse_source (reqs, standard, object, path, here, error))
    return FALSE;

  prefix = element_prefix (ref);
  elements = g_ptr_array_new_with_free_func ((GDestroyNotify) element_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.elements[%u]", here, i);
      JsonNode *node = json_array_get_element (array, i);
      EthosElement *element;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return _ethos_json_fail (error, path, where, _("must be an object"));
      element = g_new0 (EthosElement, 1);
      g_ptr_array_add (elements, element);
      element->standard = g_strdup (ref);
      if (!parse_element (reqs, element, json_node_get_object (node), prefix, path, where, error))
        return FALSE;
      g_hash_table_insert (reqs->by_id, element->id, element);
    }

  g_ptr_array_add (reqs->standards, g_strdup (ref));
  g_hash_table_insert (reqs->by_standard, g_steal_pointer (&ref), g_steal_pointer (&elements));
  return TRUE;
}

/* Format 1: no version (it is 1). Format 2 adds "version", sources,
 * conditions with lists, and elements' "since", "clause", "signature",
 * "fields". */
static gboolean
read_header (EthosRequirements  *reqs,
             JsonObject         *object,
             const char         *path,
             GError            **error)
{
  JsonNode *format = json_object_get_member (object, "format");
  JsonNode *version = json_object_get_member (object, "version");

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_INT64 ||
      json_node_get_int (format) < 1 || json_node_get_int (format) > 2)
    return _ethos_json_fail (error, path, "format", _("“format” must be the number 1 or 2"));
  reqs->format = (guint) json_node_get_int (format);
  reqs->version = 1;
  if (reqs->format == 1 && version != NULL)
    return _ethos_json_fail (error, path, "version", _("“version” needs “format”: 2"));
  if (reqs->format == 2)
    {
      if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
          json_node_get_value_type (version) != G_TYPE_INT64 ||
          json_node_get_int (version) < 1 || json_node_get_int (version) > 1000)
        return _ethos_json_fail (error, path, "version",
                                 _("“version” must be a whole number from 1 to 1000"));
      reqs->version = (guint) json_node_get_int (version);
    }
  return TRUE;
}

EthosRequirements *
ethos_requirements_load (const char  *path,
                         GError     **error)
{
  static const char * const keys[] = { "format", "version", "standards", NULL };
  g_autoptr(EthosRequirements) reqs = g_new0 (EthosRequirements, 1);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *array;

  g_return_val_if_fail (path != NULL, NULL);

  reqs->standards = g_ptr_array_new_with_free_func (g_free);
  reqs->by_standard = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  reqs->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  reqs->sources = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) standard_free);

  if (!(root = _ethos_json_load (path, NULL, 0, error)))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return _ethos_json_fail (error, path, "$", _("the file must hold a JSON object")), NULL;
  object = json_node_get_object (root);
  if (!_ethos_json_check_keys (object, keys, path, "$", error) ||
      !read_header (reqs, object, path, error) ||
      !(array = _ethos_json_get_array (object, "standards", path, "$", error)))
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *here = g_strdup_printf ("standards[%u]", i);
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return _ethos_json_fail (error, path, here, _("must be an object")), NULL;
      if (!parse_standard (reqs, json_node_get_object (node), path, here, error))
        return NULL;
    }
  /* For ethos_requirements_list_standards(). */
  g_ptr_array_add (reqs->standards, NULL);
  return g_steal_pointer (&reqs);
}

GPtrArray *
ethos_requirements_get_standard (EthosRequirements *reqs,
                                 const char        *standard)
{
  g_return_val_if_fail (reqs != NULL && standard != NULL, NULL);
  return g_hash_table_lookup (reqs->by_standard, standard);
}

const EthosElement *
ethos_requirements_get_element (EthosRequirements *reqs,
                                const char        *id)
{
  g_return_val_if_fail (reqs != NULL && id != NULL, NULL);
  return g_hash_table_lookup (reqs->by_id, id);
}

const EthosStandard *
ethos_requirements_get_source (EthosRequirements *reqs,
                               const char        *ref)
{
  g_return_val_if_fail (reqs != NULL && ref != NULL, NULL);
  return g_hash_table_lookup (reqs->sources, ref);
}

const char * const *
ethos_requirements_list_standards (EthosRequirements *reqs)
{
  g_return_val_if_fail (reqs != NULL, NULL);
  return (const char * const *) reqs->standards->pdata;
}

guint
ethos_requirements_get_version (EthosRequirements *reqs)
{
  g_return_val_if_fail (reqs != NULL, 0);
  return reqs->version;
}
