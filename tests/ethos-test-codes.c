/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "ethos-test-codes.h"

static void
test_item_free (EthosTestItem *item)
{
  g_free (item->code);
  g_free (item->ref);
  g_free (item->heading);
  g_free (item->text);
  g_free (item);
}

static const char *
opt_string (JsonObject *o,
            const char *key)
{
  JsonNode *n = json_object_get_member (o, key);
  return n != NULL && !JSON_NODE_HOLDS_NULL (n) ? json_node_get_string (n) : NULL;
}

static void
walk_items (const char *code,
            JsonArray  *items,
            GPtrArray  *out)
{
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *o = json_array_get_object_element (items, i);
      EthosTestItem *item = g_new0 (EthosTestItem, 1);

      item->code = g_strdup (code);
      item->ref = g_strdup (opt_string (o, "ref"));
      item->heading = g_strdup (opt_string (o, "heading"));
      item->text = g_strdup (opt_string (o, "text"));
      g_ptr_array_add (out, item);
      if (json_object_has_member (o, "items"))
        walk_items (code, json_object_get_array_member (o, "items"), out);
    }
}

static void
walk_sections (const char *code,
               JsonArray  *sections,
               GPtrArray  *items,
               GPtrArray  *fronts)
{
  for (guint i = 0; sections != NULL && i < json_array_get_length (sections); i++)
    {
      JsonObject *o = json_array_get_object_element (sections, i);

      if (json_object_has_member (o, "front_matter"))
        {
          JsonArray *fm = json_object_get_array_member (o, "front_matter");
          for (guint f = 0; f < json_array_get_length (fm); f++)
            g_ptr_array_add (fronts, g_strdup (opt_string (json_array_get_object_element (fm, f),
                                                           "text")));
        }
      if (json_object_has_member (o, "items"))
        walk_items (code, json_object_get_array_member (o, "items"), items);
      if (json_object_has_member (o, "sections"))
        walk_sections (code, json_object_get_array_member (o, "sections"), items, fronts);
    }
}

static void
read_code (const char *code,
           GPtrArray  *items,
           GPtrArray  *fronts)
{
  g_autofree char *name = g_strconcat (code, ".json", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("ETHOS_SOURCE_ROOT"), "data", "codes",
                                            name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *fm;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  fm = json_object_get_array_member (root, "front_matter");
  for (guint f = 0; fm != NULL && f < json_array_get_length (fm); f++)
    g_ptr_array_add (fronts, g_strdup (opt_string (json_array_get_object_element (fm, f),
                                                   "text")));
  walk_sections (code, json_object_get_array_member (root, "sections"), items, fronts);
}

GPtrArray *
ethos_test_read_code_items (const char *code)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) test_item_free);
  g_autoptr(GPtrArray) fronts = g_ptr_array_new_with_free_func (g_free);

  read_code (code, items, fronts);
  return items;
}

GPtrArray *
ethos_test_read_front_texts (const char *code)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) test_item_free);
  GPtrArray *fronts = g_ptr_array_new_with_free_func (g_free);

  read_code (code, items, fronts);
  return fronts;
}
