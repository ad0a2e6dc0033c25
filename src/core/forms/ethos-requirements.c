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
  GPtrArray  *standards;   /* char *, in file order */
  GHashTable *by_standard; /* "nohs 2" → GPtrArray of EthosElement (owned) */
  GHashTable *by_id;       /* id → EthosElement (borrowed) */
};

static void
element_free (EthosElement *element)
{
  g_free (element->id);
  g_free (element->standard);
  g_free (element->text);
  g_free (element->when);
  g_clear_pointer (&element->translations, g_hash_table_unref);
  g_free (element);
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

/* "translations": {"es": "…"}: the element's text in other languages. */
static gboolean
parse_element_translations (EthosElement  *element,
                            JsonObject    *e,
                            const char    *path,
                            const char    *where,
                            GError       **error)
{
  g_autofree char *here = g_strconcat (where, ".translations", NULL);
  JsonNode *node = json_object_get_member (e, "translations");
  g_autoptr(GList) langs = NULL;
  JsonObject *object;

  element->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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
      g_hash_table_insert (element->translations, g_strdup (l->data), text);
    }
  return TRUE;
}

void
ethos_requirements_free (EthosRequirements *reqs)
{
  if (reqs == NULL)
    return;
  g_clear_pointer (&reqs->standards, g_ptr_array_unref);
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
  return g_regex_match_simple ("^[a-z][a-z0-9-]* [A-Za-z0-9]+(\\.[A-Za-z0-9]+)*$", ref, 0, 0);
}

static gboolean
parse_standard (EthosRequirements  *reqs,
                JsonObject         *object,
                const char         *path,
                const char         *here,
                GError            **error)
{
  static const char * const keys[] = { "ref", "elements", NULL };
  static const char * const element_keys[] = { "id", "text", "when", "translations", NULL };
  g_autofree char *ref = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GPtrArray) elements = NULL;
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

  prefix = element_prefix (ref);
  elements = g_ptr_array_new_with_free_func ((GDestroyNotify) element_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.elements[%u]", here, i);
      JsonNode *node = json_array_get_element (array, i);
      EthosElement *element;
      JsonObject *e;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return _ethos_json_fail (error, path, where, _("must be an object"));
      e = json_node_get_object (node);
      element = g_new0 (EthosElement, 1);
      g_ptr_array_add (elements, element);
      element->standard = g_strdup (ref);
      if (!_ethos_json_check_keys (e, element_keys, path, where, error) ||
          !_ethos_json_get_string (e, "id", FALSE, &element->id, path, where, error) ||
          !_ethos_json_get_string (e, "text", FALSE, &element->text, path, where, error) ||
          !_ethos_json_get_string (e, "when", TRUE, &element->when, path, where, error) ||
          !parse_element_translations (element, e, path, where, error))
        return FALSE;
      if (!g_str_has_prefix (element->id, prefix) ||
          !_ethos_is_kebab_id (element->id + strlen (prefix)))
        return _ethos_json_fail (error, path, where,
                                 _("element id “%s” must be “%sslug” with a kebab-case slug"),
                                 element->id, prefix);
      if (element->when != NULL && !ethos_condition_is_valid (element->when))
        return _ethos_json_fail (error, path, where, _("“%s” is not a condition"), element->when);
      if (g_hash_table_contains (reqs->by_id, element->id))
        return _ethos_json_fail (error, path, where, _("element id “%s” is used twice"),
                                 element->id);
      g_hash_table_insert (reqs->by_id, element->id, element);
    }

  g_ptr_array_add (reqs->standards, g_strdup (ref));
  g_hash_table_insert (reqs->by_standard, g_steal_pointer (&ref), g_steal_pointer (&elements));
  return TRUE;
}

EthosRequirements *
ethos_requirements_load (const char  *path,
                         GError     **error)
{
  static const char * const keys[] = { "format", "standards", NULL };
  g_autoptr(EthosRequirements) reqs = g_new0 (EthosRequirements, 1);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *array;

  g_return_val_if_fail (path != NULL, NULL);

  reqs->standards = g_ptr_array_new_with_free_func (g_free);
  reqs->by_standard = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  reqs->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (!(root = _ethos_json_load (path, NULL, 0, error)))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return _ethos_json_fail (error, path, "$", _("the file must hold a JSON object")), NULL;
  object = json_node_get_object (root);
  if (!_ethos_json_check_keys (object, keys, path, "$", error) ||
      !_ethos_json_check_format (object, path, error) ||
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
