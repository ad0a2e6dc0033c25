/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ethos-cli.h"
#include "ethos-error.h"

#define NOT_STATED N_("not stated in the source")

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *key,
          const char * const *values)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/* "NOHS Ethical Standards (2024)": the short title and, when known, edition. */
static char *
code_label (const EthosCodeInfo *code)
{
  if (code->edition != NULL)
    return g_strdup_printf ("%s (%s)", code->short_title, code->edition);
  return g_strdup (code->short_title);
}

/* First line of an item's text, shortened for listings. */
static char *
summary (const EthosItem *item,
         glong            max_chars)
{
  const char *text = item->heading != NULL ? item->heading : item->text;
  g_autofree char *line = g_strndup (text, strcspn (text, "\n"));

  if (g_utf8_strlen (line, -1) <= max_chars)
    return g_steal_pointer (&line);
  *g_utf8_offset_to_pointer (line, max_chars - 1) = '\0';
  return g_strconcat (line, "…", NULL);
}

int
ethos_cli_codes (EthosCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autoptr(EthosCorpus) corpus = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status = ETHOS_EXIT_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!ethos_cli_parse (&argc, &argv, NULL,
                        _("Lists each code: id, title, edition and number of items, "
                          "separated by tabs."), entries, &status))
    return status;
  if (argc > 1)
    return ethos_cli_usage (_("“codes” takes no arguments"));
  if (!(corpus = ethos_cli_open_corpus (cli, &status)))
    return status;
  if (!(codes = ethos_corpus_list_codes (corpus, &error)))
    return ethos_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < codes->len; i++)
        {
          const EthosCodeInfo *code = g_ptr_array_index (codes, i);

          json_builder_begin_object (builder);
          add_string (builder, "id", code->id);
          add_string (builder, "title", code->title);
          add_string (builder, "short_title", code->short_title);
          add_string (builder, "publisher", code->publisher);
          add_string (builder, "edition", code->edition);
          add_string (builder, "notice", code->notice);
          add_string (builder, "numbering_note", code->numbering_note);
          json_builder_set_member_name (builder, "count");
          json_builder_add_int_value (builder, code->n_items);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      ethos_cli_print_json (builder);
      return ETHOS_EXIT_OK;
    }

  for (guint i = 0; i < codes->len; i++)
    {
      const EthosCodeInfo *code = g_ptr_array_index (codes, i);
      g_print ("%s\t%s\t%s\t%u\n", code->id, code->title,
               code->edition != NULL ? code->edition : _(NOT_STATED), code->n_items);
    }
  return ETHOS_EXIT_OK;
}

static int
print_item (EthosCorpus     *corpus,
            const EthosItem *item,
            gboolean         json)
{
  g_autoptr(EthosCodeInfo) code = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autofree char *label = NULL;
  g_autofree char *cite = NULL;
  g_autofree char *full = NULL;
  g_autoptr(GStrvBuilder) child_refs = g_strv_builder_new ();
  g_auto(GStrv) kids = NULL;
  GError *error = NULL;

  if (!(code = ethos_corpus_get_code (corpus, item->code, &error)) ||
      !(children = ethos_corpus_list_items (corpus, item->code, &error)))
    return ethos_cli_fail (error);
  for (guint i = 0; i < children->len; i++)
    {
      const EthosItem *child = g_ptr_array_index (children, i);
      if (g_strcmp0 (child->parent_ref, item->ref) == 0)
        g_strv_builder_add (child_refs, child->ref);
    }
  kids = g_strv_builder_end (child_refs);
  label = code_label (code);
  cite = ethos_item_format_citation (item, code, ETHOS_CITATION_SHORT);
  full = ethos_item_format_citation (item, code, ETHOS_CITATION_FULL);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "code", item->code);
      add_string (builder, "ref", item->ref);
      add_string (builder, "label", code->item_label);
      add_string (builder, "heading", item->heading);
      add_string (builder, "text", item->text);
      add_string (builder, "section", item->section);
      add_string (builder, "parent", item->parent_ref);
      add_strv (builder, "children", (const char * const *) kids);
      add_strv (builder, "topics", (const char * const *) item->topics);
      add_string (builder, "citation", cite);
      add_string (builder, "reference", full);
      json_builder_end_object (builder);
      ethos_cli_print_json (builder);
      return ETHOS_EXIT_OK;
    }

  /* The kind word in the user's language, as in the window ("Norma 3");
   * --json keeps the data's own label. */
  g_print ("%s — %s %s\n", label, ethos_code_info_get_item_label (code), item->ref);
  if (item->heading != NULL)
    g_print ("%s\n", item->heading);
  g_print ("\n%s\n\n", item->text);
  if (kids[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", kids);
      g_print ("%s %s\n", _("Sub-items:"), joined);
    }
  {
    g_autofree char *topics = g_strjoinv (", ", item->topics);
    g_print ("%s %s\n", _("Section:"), item->section);
    g_print ("%s %s\n", _("Topics:"), topics);
    g_print ("%s %s\n", _("Cite as:"), cite);
  }
  return ETHOS_EXIT_OK;
}

int
ethos_cli_show (EthosCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(EthosCorpus) corpus = NULL;
  g_autoptr(EthosItem) item = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status = ETHOS_EXIT_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!ethos_cli_parse (&argc, &argv, _("CODE REF"),
                        _("Prints one standard, clause or item word for word, with its "
                          "topics and citation. A lone REF (“1.11”) is looked up in every "
                          "code."), entries, &status))
    return status;
  if (argc < 2 || argc > 3)
    return ethos_cli_usage (_("usage: ethos-cli show CODE REF (for example “show nohs 3”)"));
  if (!(corpus = ethos_cli_open_corpus (cli, &status)))
    return status;

  if (argc == 3)
    {
      if (!(item = ethos_corpus_get_item (corpus, argv[1], argv[2], &error)))
        return ethos_cli_fail (error);
      return print_item (corpus, item, json);
    }
  else
    {
      g_autoptr(GPtrArray) found = ethos_corpus_find_ref (corpus, argv[1], &error);

      if (found == NULL)
        return ethos_cli_fail (error);
      if (found->len == 1)
        return print_item (corpus, g_ptr_array_index (found, 0), json);
      if (found->len == 0)
        return ethos_cli_usage (_("No code has a reference “%s”; usage: ethos-cli show CODE REF"),
                                argv[1]);
      g_printerr (_("ethos-cli: “%s” exists in several codes; say which:\n"), argv[1]);
      for (guint i = 0; i < found->len; i++)
        {
          const EthosItem *hit = g_ptr_array_index (found, i);
          g_printerr ("  ethos-cli show %s %s\n", hit->code, hit->ref);
        }
      return ETHOS_EXIT_USAGE;
    }
}

int
ethos_cli_search (EthosCli  *cli,
                  int        argc,
                  char     **argv)
{
  static const char * const kinds[] = { "ref", "item", "front", "topic", "on-topic" };
  g_autoptr(EthosCorpus) corpus = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(EthosCodeInfo) code = NULL;
  g_autofree char *code_id = NULL;
  gboolean json = FALSE;
  int limit = 20;
  GError *error = NULL;
  int status = ETHOS_EXIT_OK;
  const GOptionEntry entries[] = {
    { "code", 'c', 0, G_OPTION_ARG_STRING, &code_id, N_("Search only this code"), N_("CODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most N results (default 20)"), "N" },
    { NULL }
  };

  if (!ethos_cli_parse (&argc, &argv, _("QUERY"),
                        _("Searches every code. Words must all match, the last one as a "
                          "prefix; \"quoted phrases\" match as phrases; a reference such as "
                          "“nohs 3” or “1.11” comes first, then the topics the query names, "
                          "the matching texts, and the other items on those topics. Prints "
                          "code, ref, heading and a snippet with matches in [brackets], "
                          "separated by tabs; a topic prints as “topic”, its id, its label "
                          "and its description."),
                        entries, &status))
    return status;
  if (argc < 2)
    return ethos_cli_usage (_("usage: ethos-cli search QUERY [--code CODE] [--json]"));
  if (limit < 1 || limit > 1000)
    return ethos_cli_usage (_("--limit must be between 1 and 1000"));
  if (!(corpus = ethos_cli_open_corpus (cli, &status)))
    return status;
  if (code_id != NULL && !(code = ethos_corpus_get_code (corpus, code_id, &error)))
    return ethos_cli_fail (error);

  {
    g_autofree char *query = g_strjoinv (" ", argv + 1);
    if (!g_utf8_validate (query, -1, NULL))
      {
        g_printerr ("ethos-cli: %s\n", _("The query is not valid UTF-8 text"));
        return ETHOS_EXIT_INVALID_INPUT;
      }
    results = ethos_corpus_search (corpus, query, code ? code->id : NULL, (guint) limit, &error);
    if (results == NULL)
      return ethos_cli_fail (error);

    if (json)
      {
        g_autoptr(JsonBuilder) builder = json_builder_new ();

        json_builder_begin_object (builder);
        add_string (builder, "query", query);
        json_builder_set_member_name (builder, "results");
        json_builder_begin_array (builder);
        for (guint i = 0; i < results->len; i++)
          {
            const EthosSearchResult *r = g_ptr_array_index (results, i);
            g_autofree char *snippet = ethos_search_result_format_snippet (r, "[", "]");

            json_builder_begin_object (builder);
            add_string (builder, "kind", kinds[r->kind]);
            if (r->kind == ETHOS_SEARCH_TOPIC)
              {
                add_string (builder, "topic", r->topic);
                add_string (builder, "label", r->heading);
                add_string (builder, "description", r->snippet);
                json_builder_end_object (builder);
                continue;
              }
            if (r->kind == ETHOS_SEARCH_ON_TOPIC)
              add_string (builder, "topic", r->topic);
            add_string (builder, "code", r->code);
            add_string (builder, "ref", r->ref);
            add_string (builder, "heading", r->heading);
            add_string (builder, "snippet", snippet);
            json_builder_end_object (builder);
          }
        json_builder_end_array (builder);
        json_builder_end_object (builder);
        ethos_cli_print_json (builder);
        return ETHOS_EXIT_OK;
      }
  }

  for (guint i = 0; i < results->len; i++)
    {
      const EthosSearchResult *r = g_ptr_array_index (results, i);
      g_autofree char *snippet = cli->stdout_tty
        ? ethos_search_result_format_snippet (r, "\033[1m", "\033[0m")
        : ethos_search_result_format_snippet (r, "[", "]");

      g_strdelimit (snippet, "\t\n", ' ');
      if (r->kind == ETHOS_SEARCH_TOPIC)
        {
          g_print ("topic\t%s\t%s\t%s\n", r->topic, r->heading, snippet);
          continue;
        }
      g_print ("%s\t%s\t%s\t%s\n", r->code, r->ref != NULL ? r->ref : "-",
               r->heading != NULL ? r->heading : "-", snippet);
    }
  if (results->len == 0 && cli->stdout_tty)
    g_printerr ("%s\n", _("No matches."));
  return ETHOS_EXIT_OK;
}

static int
print_topic (EthosCorpus *corpus,
             const char  *topic_id,
             gboolean     json)
{
  g_autoptr(EthosTopic) topic = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  GError *error = NULL;

  if (!(topic = ethos_corpus_get_topic (corpus, topic_id, &error)) ||
      !(items = ethos_corpus_items_for_topic (corpus, topic->id, &error)) ||
      !(codes = ethos_corpus_list_codes (corpus, &error)))
    return ethos_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "id", topic->id);
      add_string (builder, "label", topic->label);
      add_string (builder, "description", topic->description);
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint i = 0; i < items->len; i++)
        {
          const EthosItem *item = g_ptr_array_index (items, i);
          json_builder_begin_object (builder);
          add_string (builder, "code", item->code);
          add_string (builder, "ref", item->ref);
          add_string (builder, "heading", item->heading);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      ethos_cli_print_json (builder);
      return ETHOS_EXIT_OK;
    }

  g_print ("%s — %s\n", topic->label, topic->description);
  for (guint c = 0; c < codes->len; c++)
    {
      const EthosCodeInfo *code = g_ptr_array_index (codes, c);
      gboolean header = FALSE;

      for (guint i = 0; i < items->len; i++)
        {
          const EthosItem *item = g_ptr_array_index (items, i);
          g_autofree char *line = NULL;

          if (!g_str_equal (item->code, code->id))
            continue;
          if (!header)
            {
              g_autofree char *label = code_label (code);
              g_print ("\n%s\n", label);
              header = TRUE;
            }
          line = summary (item, 90);
          g_print ("  %s %s\t%s\n", code->id, item->ref, line);
        }
    }
  return ETHOS_EXIT_OK;
}

int
ethos_cli_topics (EthosCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(EthosCorpus) corpus = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status = ETHOS_EXIT_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!ethos_cli_parse (&argc, &argv, _("[TOPIC]"),
                        _("Without TOPIC, lists the topics that cross the codes (id, number "
                          "of items, label). With TOPIC, lists every item on it, by code."),
                        entries, &status))
    return status;
  if (argc > 2)
    return ethos_cli_usage (_("usage: ethos-cli topics [TOPIC]"));
  if (!(corpus = ethos_cli_open_corpus (cli, &status)))
    return status;
  if (argc == 2)
    return print_topic (corpus, argv[1], json);

  if (!(topics = ethos_corpus_list_topics (corpus, &error)))
    return ethos_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < topics->len; i++)
        {
          const EthosTopic *topic = g_ptr_array_index (topics, i);
          json_builder_begin_object (builder);
          add_string (builder, "id", topic->id);
          add_string (builder, "label", topic->label);
          add_string (builder, "description", topic->description);
          json_builder_set_member_name (builder, "count");
          json_builder_add_int_value (builder, topic->n_items);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      ethos_cli_print_json (builder);
      return ETHOS_EXIT_OK;
    }
  for (guint i = 0; i < topics->len; i++)
    {
      const EthosTopic *topic = g_ptr_array_index (topics, i);
      g_print ("%s\t%u\t%s\n", topic->id, topic->n_items, topic->label);
    }
  return ETHOS_EXIT_OK;
}
