/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-code-file"

#include "config.h"

#include <json-glib/json-glib.h>

#include "ethos-code-file.h"
#include "ethos-error.h"
#include "ethos-json-private.h"

/* Every error names the file and the place: the line for a syntax error
 * (from json-glib), otherwise the JSON path and, for items, the ref. */

typedef struct
{
  const char *path;
  GPtrArray  *topics;
  GHashTable *refs;
} LoadContext;

static gboolean parse_items (LoadContext *ctx, JsonNode *node, const char *where,
                             const char *parent_ref, GPtrArray *out, GError **error);

static void
front_matter_free (EthosFrontMatter *fm)
{
  g_free (fm->heading);
  g_free (fm->text);
  g_free (fm);
}

static void
item_def_free (EthosCodeItemDef *item)
{
  g_free (item->ref);
  g_free (item->heading);
  g_free (item->text);
  g_strfreev (item->topics);
  g_clear_pointer (&item->children, g_ptr_array_unref);
  g_free (item);
}

static void
section_def_free (EthosCodeSectionDef *section)
{
  g_free (section->heading);
  g_clear_pointer (&section->front_matter, g_ptr_array_unref);
  g_clear_pointer (&section->sections, g_ptr_array_unref);
  g_clear_pointer (&section->items, g_ptr_array_unref);
  g_free (section);
}

void
ethos_topic_def_free (EthosTopicDef *topic)
{
  g_free (topic->id);
  g_free (topic->label);
  g_free (topic->description);
  g_free (topic->reason);
  g_clear_pointer (&topic->translations, g_hash_table_unref);
  g_free (topic);
}

void
ethos_code_file_free (EthosCodeFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file->id);
  g_free (file->title);
  g_free (file->short_title);
  g_free (file->publisher);
  g_free (file->edition);
  g_free (file->notice);
  g_free (file->item_label);
  g_free (file->numbering_note);
  g_free (file->citation_short);
  g_free (file->abbreviation);
  g_free (file->website);
  g_clear_pointer (&file->front_matter, g_ptr_array_unref);
  g_clear_pointer (&file->sections, g_ptr_array_unref);
  g_free (file);
}

static gboolean
topic_exists (GPtrArray  *topics,
              const char *id)
{
  for (guint i = 0; i < topics->len; i++)
    {
      const EthosTopicDef *topic = g_ptr_array_index (topics, i);
      if (g_strcmp0 (topic->id, id) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_ref (const char *ref)
{
  if (*ref == '\0' || *ref == '.')
    return FALSE;
  for (const char *p = ref; *p; p++)
    if (!(g_ascii_isalnum (*p) || (*p == '.' && p[1] != '.' && p[1] != '\0')))
      return FALSE;
  return TRUE;
}

static gboolean
parse_front_matter (LoadContext *ctx,
                    JsonNode    *node,
                    const char  *where,
                    GPtrArray   *out,
                    GError     **error)
{
  static const char * const keys[] = { "heading", "text", NULL };
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _ethos_json_fail (error, ctx->path, where, "must be an array");

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *here = g_strdup_printf ("%s[%u]", where, i);
      JsonNode *element = json_array_get_element (array, i);
      EthosFrontMatter *fm;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return _ethos_json_fail (error, ctx->path, here, "must be an object");
      object = json_node_get_object (element);
      if (!_ethos_json_check_keys (object, keys, ctx->path, here, error))
        return FALSE;

      fm = g_new0 (EthosFrontMatter, 1);
      g_ptr_array_add (out, fm);
      if (!_ethos_json_get_string (object, "heading", TRUE, &fm->heading, ctx->path, here, error) ||
          !_ethos_json_get_string (object, "text", FALSE, &fm->text, ctx->path, here, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_item (LoadContext *ctx,
            JsonObject  *object,
            const char  *here,
            const char  *parent_ref,
            GPtrArray   *out,
            GError     **error)
{
  static const char * const keys[] = { "ref", "heading", "text", "topics", "items", NULL };
  g_autofree char *where = NULL;
  EthosCodeItemDef *item;
  JsonArray *topics;
  GStrvBuilder *builder;

  if (!_ethos_json_check_keys (object, keys, ctx->path, here, error))
    return FALSE;

  item = g_new0 (EthosCodeItemDef, 1);
  item->children = g_ptr_array_new_with_free_func ((GDestroyNotify) item_def_free);
  g_ptr_array_add (out, item);

  if (!_ethos_json_get_string (object, "ref", FALSE, &item->ref, ctx->path, here, error))
    return FALSE;

  where = g_strdup_printf ("%s (ref %s)", here, item->ref);
  if (!is_ref (item->ref))
    return _ethos_json_fail (error, ctx->path, where, "a ref is letters and digits separated by dots");
  if (parent_ref != NULL &&
      !(g_str_has_prefix (item->ref, parent_ref) &&
        item->ref[strlen (parent_ref)] == '.'))
    return _ethos_json_fail (error, ctx->path, where, "a sub-item's ref must start with “%s.”", parent_ref);
  if (g_hash_table_contains (ctx->refs, item->ref))
    return _ethos_json_fail (error, ctx->path, where, "duplicate ref “%s”", item->ref);
  g_hash_table_add (ctx->refs, g_strdup (item->ref));

  if (!_ethos_json_get_string (object, "heading", TRUE, &item->heading, ctx->path, where, error) ||
      !_ethos_json_get_string (object, "text", FALSE, &item->text, ctx->path, where, error))
    return FALSE;

  if (!(topics = _ethos_json_get_array (object, "topics", ctx->path, where, error)))
    return FALSE;
  if (json_array_get_length (topics) == 0)
    return _ethos_json_fail (error, ctx->path, where, "every item needs at least one topic");

  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (topics); i++)
    {
      JsonNode *t = json_array_get_element (topics, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (t) || json_node_get_value_type (t) != G_TYPE_STRING)
        {
          g_strv_builder_unref (builder);
          return _ethos_json_fail (error, ctx->path, where, "topics must be strings");
        }
      id = json_node_get_string (t);
      if (!topic_exists (ctx->topics, id))
        {
          g_strv_builder_unref (builder);
          return _ethos_json_fail (error, ctx->path, where, "unknown topic “%s”", id);
        }
      g_strv_builder_add (builder, id);
    }
  item->topics = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return parse_items (ctx, json_object_get_member (object, "items"),
                      where, item->ref, item->children, error);
}

static gboolean
parse_items (LoadContext *ctx,
             JsonNode    *node,
             const char  *where,
             const char  *parent_ref,
             GPtrArray   *out,
             GError     **error)
{
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _ethos_json_fail (error, ctx->path, where, "“items” must be an array");

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *here = g_strdup_printf ("%s.items[%u]", where, i);
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return _ethos_json_fail (error, ctx->path, here, "must be an object");
      if (!parse_item (ctx, json_node_get_object (element), here, parent_ref, out, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_sections (LoadContext *ctx,
                JsonNode    *node,
                const char  *where,
                GPtrArray   *out,
                GError     **error)
{
  static const char * const keys[] = { "heading", "front_matter", "sections", "items", NULL };
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _ethos_json_fail (error, ctx->path, where, "“sections” must be an array");

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *here = g_strdup_printf ("%s.sections[%u]", where, i);
      g_autofree char *fm_where = NULL;
      JsonNode *element = json_array_get_element (array, i);
      EthosCodeSectionDef *section;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return _ethos_json_fail (error, ctx->path, here, "must be an object");
      object = json_node_get_object (element);
      if (!_ethos_json_check_keys (object, keys, ctx->path, here, error))
        return FALSE;

      section = g_new0 (EthosCodeSectionDef, 1);
      section->front_matter = g_ptr_array_new_with_free_func ((GDestroyNotify) front_matter_free);
      section->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_def_free);
      section->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_def_free);
      g_ptr_array_add (out, section);

      fm_where = g_strconcat (here, ".front_matter", NULL);
      if (!_ethos_json_get_string (object, "heading", FALSE, &section->heading, ctx->path, here, error) ||
          !parse_front_matter (ctx, json_object_get_member (object, "front_matter"),
                               fm_where, section->front_matter, error) ||
          !parse_sections (ctx, json_object_get_member (object, "sections"),
                           here, section->sections, error) ||
          !parse_items (ctx, json_object_get_member (object, "items"),
                        here, NULL, section->items, error))
        return FALSE;

      if (section->sections->len == 0 && section->items->len == 0)
        return _ethos_json_fail (error, ctx->path, here, "section “%s” has no items", section->heading);
    }
  return TRUE;
}

static void
topic_text_free (EthosTopicText *text)
{
  g_free (text->label);
  g_free (text->description);
  g_free (text);
}

/* "translations": {"es": {"label": …, "description": …}} */
static gboolean
parse_translations (JsonObject     *t,
                    EthosTopicDef  *topic,
                    const char     *path,
                    const char     *here,
                    GError        **error)
{
  static const char * const keys[] = { "label", "description", NULL };
  g_autofree char *where = g_strconcat (here, ".translations", NULL);
  JsonNode *node = json_object_get_member (t, "translations");
  JsonObject *object;
  g_autoptr(GList) langs = NULL;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _ethos_json_fail (error, path, where, "must be an object of languages");
  object = json_node_get_object (node);
  langs = json_object_get_members (object);
  for (const GList *l = langs; l != NULL; l = l->next)
    {
      g_autofree char *lang_where = g_strdup_printf ("%s.%s", where, (const char *) l->data);
      JsonNode *lang = json_object_get_member (object, l->data);
      EthosTopicText *text;

      if (!g_regex_match_simple ("^[a-z]{2,3}$", l->data, 0, 0))
        return _ethos_json_fail (error, path, where, "“%s” is not a language code",
                                 (const char *) l->data);
      if (!JSON_NODE_HOLDS_OBJECT (lang) ||
          !_ethos_json_check_keys (json_node_get_object (lang), keys, path, lang_where, error))
        return JSON_NODE_HOLDS_OBJECT (lang) ? FALSE
               : _ethos_json_fail (error, path, lang_where, "must be an object");
      text = g_new0 (EthosTopicText, 1);
      g_hash_table_insert (topic->translations, g_strdup (l->data), text);
      if (!_ethos_json_get_string (json_node_get_object (lang), "label", FALSE, &text->label,
                                   path, lang_where, error) ||
          !_ethos_json_get_string (json_node_get_object (lang), "description", FALSE,
                                   &text->description, path, lang_where, error))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
ethos_topic_defs_load (const char  *path,
                       GError     **error)
{
  static const char * const root_keys[] = { "format", "topics", NULL };
  static const char * const keys[] = { "id", "label", "description", "reason", "translations",
                                       NULL };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  JsonObject *object;
  JsonArray *array;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(root = _ethos_json_load (path, NULL, 0, error)))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return _ethos_json_fail (error, path, "$", "the file must hold a JSON object"), NULL;
  object = json_node_get_object (root);
  if (!_ethos_json_check_keys (object, root_keys, path, "$", error) ||
      !_ethos_json_check_format (object, path, error) ||
      !(array = _ethos_json_get_array (object, "topics", path, "$", error)))
    return NULL;

  topics = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_topic_def_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *here = g_strdup_printf ("topics[%u]", i);
      JsonNode *element = json_array_get_element (array, i);
      EthosTopicDef *topic;
      JsonObject *t;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return _ethos_json_fail (error, path, here, "must be an object"), NULL;
      t = json_node_get_object (element);
      if (!_ethos_json_check_keys (t, keys, path, here, error))
        return NULL;

      topic = g_new0 (EthosTopicDef, 1);
      topic->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   (GDestroyNotify) topic_text_free);
      g_ptr_array_add (topics, topic);
      if (!_ethos_json_get_string (t, "id", FALSE, &topic->id, path, here, error) ||
          !_ethos_json_get_string (t, "label", FALSE, &topic->label, path, here, error) ||
          !_ethos_json_get_string (t, "description", FALSE, &topic->description, path, here, error) ||
          !_ethos_json_get_string (t, "reason", TRUE, &topic->reason, path, here, error))
        return NULL;
      if (!_ethos_is_kebab_id (topic->id))
        return _ethos_json_fail (error, path, here, "topic id “%s” must be kebab-case", topic->id), NULL;
      if (!parse_translations (t, topic, path, here, error))
        return NULL;
      for (guint j = 0; j + 1 < topics->len; j++)
        if (g_str_equal (((EthosTopicDef *) g_ptr_array_index (topics, j))->id, topic->id))
          return _ethos_json_fail (error, path, here, "duplicate topic id “%s”", topic->id), NULL;
    }

  if (topics->len == 0)
    return _ethos_json_fail (error, path, "topics", "no topics defined"), NULL;

  return g_steal_pointer (&topics);
}

static guint
count_items (GPtrArray *items)
{
  guint n = items->len;

  for (guint i = 0; i < items->len; i++)
    n += count_items (((EthosCodeItemDef *) g_ptr_array_index (items, i))->children);
  return n;
}

static guint
count_section_items (GPtrArray *sections)
{
  guint n = 0;

  for (guint i = 0; i < sections->len; i++)
    {
      EthosCodeSectionDef *section = g_ptr_array_index (sections, i);
      n += count_items (section->items) + count_section_items (section->sections);
    }
  return n;
}

guint
ethos_code_file_count_items (const EthosCodeFile *file)
{
  g_return_val_if_fail (file != NULL, 0);
  return count_section_items (file->sections);
}

EthosCodeFile *
ethos_code_file_load (const char  *path,
                      GPtrArray   *topics,
                      GError     **error)
{
  static const char * const keys[] = {
    "format", "id", "title", "short_title", "publisher", "edition", "year", "notice",
    "item_label", "numbering_note", "citation_short", "abbreviation", "website", "reproduction", "front_matter", "sections",
    NULL
  };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(EthosCodeFile) file = NULL;
  g_autoptr(GHashTable) refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  LoadContext ctx = { path, topics, refs };
  JsonObject *object;
  JsonNode *year;
  g_autofree char *reproduction = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (topics != NULL, NULL);

  if (!(root = _ethos_json_load (path, NULL, 0, error)))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return _ethos_json_fail (error, path, "$", "the file must hold a JSON object"), NULL;
  object = json_node_get_object (root);
  if (!_ethos_json_check_keys (object, keys, path, "$", error) || !_ethos_json_check_format (object, path, error))
    return NULL;

  file = g_new0 (EthosCodeFile, 1);
  file->path = g_strdup (path);
  file->front_matter = g_ptr_array_new_with_free_func ((GDestroyNotify) front_matter_free);
  file->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_def_free);

  if (!_ethos_json_get_string (object, "id", FALSE, &file->id, path, "id", error) ||
      !_ethos_json_get_string (object, "title", FALSE, &file->title, path, "title", error) ||
      !_ethos_json_get_string (object, "short_title", FALSE, &file->short_title, path, "short_title", error) ||
      !_ethos_json_get_string (object, "publisher", TRUE, &file->publisher, path, "publisher", error) ||
      !_ethos_json_get_string (object, "edition", TRUE, &file->edition, path, "edition", error) ||
      !_ethos_json_get_string (object, "notice", TRUE, &file->notice, path, "notice", error) ||
      !_ethos_json_get_string (object, "item_label", FALSE, &file->item_label, path, "item_label", error) ||
      !_ethos_json_get_string (object, "numbering_note", TRUE, &file->numbering_note, path,
                   "numbering_note", error) ||
      !_ethos_json_get_string (object, "citation_short", FALSE, &file->citation_short, path,
                   "citation_short", error) ||
      !_ethos_json_get_string (object, "abbreviation", FALSE, &file->abbreviation, path,
                               "abbreviation", error) ||
      !_ethos_json_get_string (object, "website", TRUE, &file->website, path, "website", error) ||
      !_ethos_json_get_string (object, "reproduction", FALSE, &reproduction, path,
                               "reproduction", error))
    return NULL;

  if (g_strcmp0 (reproduction, "whole") == 0)
    file->whole_only = TRUE;
  else if (g_strcmp0 (reproduction, "excerpts") != 0)
    return _ethos_json_fail (error, path, "reproduction",
                             "“reproduction” must be \"whole\" or \"excerpts\""), NULL;
  if (file->website != NULL && !g_str_has_prefix (file->website, "https://"))
    return _ethos_json_fail (error, path, "website", "“website” must be an https:// address, or null"),
           NULL;

  if (!_ethos_is_kebab_id (file->id))
    return _ethos_json_fail (error, path, "id", "code id “%s” must be lower-case letters, digits and dashes",
                 file->id), NULL;

  year = json_object_get_member (object, "year");
  if (year != NULL && !JSON_NODE_HOLDS_NULL (year))
    {
      if (!JSON_NODE_HOLDS_VALUE (year) || json_node_get_value_type (year) != G_TYPE_INT64 ||
          json_node_get_int (year) < 1800 || json_node_get_int (year) > 2200)
        return _ethos_json_fail (error, path, "year", "“year” must be a year such as 2024, or null"), NULL;
      file->year = (int) json_node_get_int (year);
    }

  if (!parse_front_matter (&ctx, json_object_get_member (object, "front_matter"),
                           "front_matter", file->front_matter, error) ||
      !parse_sections (&ctx, json_object_get_member (object, "sections"), "$",
                       file->sections, error))
    return NULL;

  if (ethos_code_file_count_items (file) == 0)
    return _ethos_json_fail (error, path, "sections", "the code has no items"), NULL;

  return g_steal_pointer (&file);
}
