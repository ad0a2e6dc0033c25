/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-condition"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-condition.h"
#include "ethos-json-private.h"

/* The coverage questions ("does this clause print whenever the element
 * applies?") are answered exactly, by trying every way the fields a
 * condition names can be filled in. Templates name a handful of fields in
 * their conditions; past this many the answer is "no" (not proven). */
#define MAX_TRUTH_TABLE_FIELDS 16

gboolean
ethos_condition_is_field_id (const char *id)
{
  g_return_val_if_fail (id != NULL, FALSE);
  return g_regex_match_simple ("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", id, 0, 0);
}

gboolean
ethos_condition_is_valid (const char *when)
{
  g_return_val_if_fail (when != NULL, FALSE);
  return ethos_condition_is_field_id (when[0] == '!' ? when + 1 : when);
}

EthosCondition *
ethos_condition_new_field (const char *field,
                           gboolean    negate)
{
  EthosCondition *cond;

  g_return_val_if_fail (field != NULL, NULL);

  cond = g_new0 (EthosCondition, 1);
  cond->kind = ETHOS_CONDITION_FIELD;
  cond->field = g_strdup (field);
  cond->negate = negate;
  return cond;
}

void
ethos_condition_free (EthosCondition *cond)
{
  if (cond == NULL)
    return;
  g_free (cond->field);
  g_clear_pointer (&cond->terms, g_ptr_array_unref);
  g_free (cond);
}

EthosCondition *
ethos_condition_copy (const EthosCondition *cond)
{
  EthosCondition *copy;

  if (cond == NULL)
    return NULL;
  copy = g_new0 (EthosCondition, 1);
  copy->kind = cond->kind;
  copy->field = g_strdup (cond->field);
  copy->negate = cond->negate;
  if (cond->terms != NULL)
    {
      copy->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_condition_free);
      for (guint i = 0; i < cond->terms->len; i++)
        g_ptr_array_add (copy->terms, ethos_condition_copy (g_ptr_array_index (cond->terms, i)));
    }
  return copy;
}

static EthosCondition *
parse (JsonNode    *node,
       gboolean     allow_lists,
       guint        depth,
       const char  *source,
       const char  *where,
       GError     **error)
{
  g_autoptr(EthosCondition) cond = NULL;
  JsonObject *object;
  JsonArray *array;
  const char *key;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *when = json_node_get_string (node);

      if (!ethos_condition_is_valid (when))
        return _ethos_json_fail (error, source, where,
                                 allow_lists
                                 ? _("“%s” is not a condition (use FIELD, !FIELD, "
                                     "{\"any\": […]} or {\"all\": […]})")
                                 : _("“%s” is not a condition (use FIELD or !FIELD)"),
                                 when), NULL;
      return ethos_condition_new_field (when[0] == '!' ? when + 1 : when, when[0] == '!');
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _ethos_json_fail (error, source, where,
                             _("a condition is a string like “client_is_minor” or "
                               "“!guardian1_name”")), NULL;
  if (!allow_lists)
    return _ethos_json_fail (error, source, where,
                             _("“any” and “all” conditions need “format”: 2")), NULL;
  if (depth >= ETHOS_CONDITION_MAX_DEPTH)
    return _ethos_json_fail (error, source, where,
                             _("conditions may be nested at most %u deep"),
                             ETHOS_CONDITION_MAX_DEPTH), NULL;

  object = json_node_get_object (node);
  if (json_object_get_size (object) != 1 ||
      (!json_object_has_member (object, "any") && !json_object_has_member (object, "all")))
    return _ethos_json_fail (error, source, where,
                             _("a condition object has exactly one key, “any” or “all”")), NULL;
  key = json_object_has_member (object, "any") ? "any" : "all";
  if (!(array = _ethos_json_get_array (object, key, source, where, error)))
    return NULL;
  if (json_array_get_length (array) == 0)
    return _ethos_json_fail (error, source, where, _("“%s” needs at least one condition"),
                             key), NULL;

  cond = g_new0 (EthosCondition, 1);
  cond->kind = g_str_equal (key, "any") ? ETHOS_CONDITION_ANY : ETHOS_CONDITION_ALL;
  cond->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_condition_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *here = g_strdup_printf ("%s.%s[%u]", where, key, i);
      EthosCondition *term = parse (json_array_get_element (array, i), allow_lists, depth + 1,
                                    source, here, error);

      if (term == NULL)
        return NULL;
      g_ptr_array_add (cond->terms, term);
    }
  return g_steal_pointer (&cond);
}

EthosCondition *
ethos_condition_from_json (JsonNode    *node,
                           gboolean     allow_lists,
                           const char  *source,
                           const char  *where,
                           GError     **error)
{
  g_return_val_if_fail (source != NULL && where != NULL, NULL);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return parse (node, allow_lists, 0, source, where, error);
}

void
ethos_condition_to_json (const EthosCondition *cond,
                         JsonBuilder          *builder)
{
  g_return_if_fail (builder != NULL);

  if (cond == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  if (cond->kind == ETHOS_CONDITION_FIELD)
    {
      g_autofree char *text = g_strconcat (cond->negate ? "!" : "", cond->field, NULL);
      json_builder_add_string_value (builder, text);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, cond->kind == ETHOS_CONDITION_ANY ? "any" : "all");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cond->terms->len; i++)
    ethos_condition_to_json (g_ptr_array_index (cond->terms, i), builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

gboolean
ethos_condition_is_simple (const EthosCondition *cond)
{
  return cond == NULL || cond->kind == ETHOS_CONDITION_FIELD;
}

gboolean
ethos_condition_equal (const EthosCondition *a,
                       const EthosCondition *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->kind != b->kind)
    return FALSE;
  if (a->kind == ETHOS_CONDITION_FIELD)
    return a->negate == b->negate && g_str_equal (a->field, b->field);
  if (a->terms->len != b->terms->len)
    return FALSE;
  for (guint i = 0; i < a->terms->len; i++)
    if (!ethos_condition_equal (g_ptr_array_index (a->terms, i), g_ptr_array_index (b->terms, i)))
      return FALSE;
  return TRUE;
}

void
ethos_condition_collect_fields (const EthosCondition *cond,
                                GHashTable           *fields)
{
  g_return_if_fail (fields != NULL);

  if (cond == NULL)
    return;
  if (cond->kind == ETHOS_CONDITION_FIELD)
    {
      g_hash_table_add (fields, cond->field);
      return;
    }
  for (guint i = 0; i < cond->terms->len; i++)
    ethos_condition_collect_fields (g_ptr_array_index (cond->terms, i), fields);
}

EthosTruth
ethos_condition_evaluate (const EthosCondition *cond,
                          EthosConditionLookup  lookup,
                          gpointer              user_data,
                          gboolean              blank)
{
  gboolean unknown = FALSE;

  g_return_val_if_fail (lookup != NULL, ETHOS_TRUTH_FALSE);

  if (cond == NULL)
    return ETHOS_TRUTH_TRUE;
  if (cond->kind == ETHOS_CONDITION_FIELD)
    {
      const char *value = lookup (cond->field, user_data);
      gboolean truth;

      if (value == NULL && blank)
        return ETHOS_TRUTH_UNKNOWN;
      truth = value != NULL && !g_str_equal (value, "false");
      return truth != cond->negate ? ETHOS_TRUTH_TRUE : ETHOS_TRUTH_FALSE;
    }
  for (guint i = 0; i < cond->terms->len; i++)
    {
      EthosTruth t = ethos_condition_evaluate (g_ptr_array_index (cond->terms, i), lookup,
                                               user_data, blank);

      if (t == ETHOS_TRUTH_UNKNOWN)
        unknown = TRUE;
      else if ((t == ETHOS_TRUTH_TRUE) == (cond->kind == ETHOS_CONDITION_ANY))
        return t;
    }
  if (unknown)
    return ETHOS_TRUTH_UNKNOWN;
  return cond->kind == ETHOS_CONDITION_ANY ? ETHOS_TRUTH_FALSE : ETHOS_TRUTH_TRUE;
}

/* One row of the truth table: the fields in @names that are set in @bits. */
typedef struct
{
  GPtrArray *names;
  guint32    bits;
} Row;

static const char *
row_lookup (const char *field,
            gpointer    user_data)
{
  Row *row = user_data;

  for (guint i = 0; i < row->names->len; i++)
    if (g_str_equal (g_ptr_array_index (row->names, i), field))
      return (row->bits & (1u << i)) ? "true" : NULL;
  return NULL;
}

static gboolean
holds (const EthosCondition *cond,
       Row                  *row)
{
  return ethos_condition_evaluate (cond, row_lookup, row, FALSE) == ETHOS_TRUTH_TRUE;
}

gboolean
ethos_condition_covered_by (const EthosCondition *given,
                            GPtrArray            *conds)
{
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = NULL;
  Row row;

  g_return_val_if_fail (conds != NULL, FALSE);

  for (guint i = 0; i < conds->len; i++)
    if (g_ptr_array_index (conds, i) == NULL)
      return TRUE;
  if (conds->len == 0)
    return FALSE;

  ethos_condition_collect_fields (given, fields);
  for (guint i = 0; i < conds->len; i++)
    ethos_condition_collect_fields (g_ptr_array_index (conds, i), fields);
  if (g_hash_table_size (fields) > MAX_TRUTH_TABLE_FIELDS)
    return FALSE;
  names = g_ptr_array_new ();
  {
    g_autoptr(GList) keys = g_hash_table_get_keys (fields);
    for (GList *l = keys; l != NULL; l = l->next)
      g_ptr_array_add (names, l->data);
  }
  row.names = names;
  for (row.bits = 0; row.bits < (1u << names->len); row.bits++)
    {
      gboolean any = FALSE;

      if (!holds (given, &row))
        continue;
      for (guint i = 0; i < conds->len && !any; i++)
        any = holds (g_ptr_array_index (conds, i), &row);
      if (!any)
        return FALSE;
    }
  return TRUE;
}

gboolean
ethos_condition_implies (const EthosCondition *given,
                         const EthosCondition *cond)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_ptr_array_add (one, (gpointer) cond);
  return ethos_condition_covered_by (given, one);
}
