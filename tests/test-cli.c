/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ethos-test-codes.h"
#include "ethos-test-utils.h"

static void
test_codes (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (ethos_test_run_cli (&out, &err, "codes", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "nohs\tEthical Standards for Human Services Professionals\t2024\t44\n"
                   "coaching\tGlobal Code of Ethics\tnot stated in the source\t47\n"
                   "cesp\tCESP™ Code of Conduct\tnot stated in the source\t16\n"
                   "oesc\tCode of Conduct for Employment and Training Professionals\t"
                   "not stated in the source\t28\n");
}

static void
test_show_nohs_3 (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (ethos_test_run_cli (&out, &err, "show", "nohs", "3", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "NOHS Ethical Standards (2024) — Standard 3\n\n"
    "Human service professionals protect the client's right to privacy and confidentiality "
    "except when such confidentiality would cause serious harm to the client or others, when "
    "agency guidelines state otherwise, or under other stated conditions (e.g., local, state, "
    "or federal laws). Human service professionals inform clients of the limits of "
    "confidentiality prior to the onset of the helping relationship.\n\n"));
  g_assert_true (strstr (out, "Topics: ") != NULL);
  g_assert_true (strstr (out, "confidentiality") != NULL);
  g_assert_true (strstr (out, "Cite as: NOHS (2024), Standard 3\n") != NULL);

  /* In Spanish the kind word is Spanish too, as in the window (a new user
   * saw "Standard 3" above "Sección:"); --json keeps the data's label. */
  {
    g_autofree char *es = NULL, *json = NULL;

    g_setenv ("LANGUAGE", "es", TRUE);
    g_assert_cmpint (ethos_test_run_cli (&es, NULL, "show", "nohs", "3", NULL), ==, 0);
    g_assert_cmpint (ethos_test_run_cli (&json, NULL, "show", "nohs", "3", "--json", NULL), ==, 0);
    g_setenv ("LANGUAGE", "en", TRUE);
    g_assert_true (g_str_has_prefix (es, "NOHS Ethical Standards (2024) — Norma 3\n"));
    g_assert_nonnull (strstr (es, "Sección: "));
    g_assert_nonnull (strstr (json, "\"label\" : \"Standard\""));
  }
}

/* Every item of every code prints word for word (compared with the data
 * files read independently of the index). */
static void
test_show_every_item (void)
{
  const char *codes[] = { "nohs", "coaching", "cesp", "oesc" };
  guint total = 0;

  for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
    {
      g_autoptr(GPtrArray) items = ethos_test_read_code_items (codes[c]);

      for (guint i = 0; i < items->len; i++, total++)
        {
          const EthosTestItem *item = items->pdata[i];
          g_autofree char *out = NULL, *err = NULL;
          g_autofree char *block = g_strconcat ("\n\n", item->text, "\n\n", NULL);

          g_assert_cmpint (ethos_test_run_cli (&out, &err, "show", item->code, item->ref, NULL),
                           ==, 0);
          if (strstr (out, block) == NULL)
            g_error ("show %s %s did not print the text verbatim:\n%s", item->code, item->ref, out);
          if (item->heading != NULL)
            g_assert_true (strstr (out, item->heading) != NULL);
        }
    }
  g_assert_cmpuint (total, ==, 44 + 47 + 16 + 28);
}

static void
test_show_json (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *o;

  g_assert_cmpint (ethos_test_run_cli (&out, &err, "show", "oesc", "I.4", "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (o, "heading"), ==, "Conflicts of Interest");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "children")), ==, 3);
}

static void
test_show_errors (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (ethos_test_run_cli (&out, &err, "show", "nohs", "45", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (strstr (err, "1 to 44") != NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ethos_test_run_cli (&out, &err, "show", "aca", "1", NULL), ==, 2);
  g_assert_true (strstr (err, "nohs, coaching, cesp, oesc") != NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A bare ref in two codes lists both and asks. */
  g_assert_cmpint (ethos_test_run_cli (&out, &err, "show", "1.1", NULL), ==, 2);
  g_assert_true (strstr (err, "show coaching 1.1") != NULL);
  g_assert_true (strstr (err, "show cesp 1.1") != NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ethos_test_run_cli (&out, &err, "show", "1.11", NULL), ==, 0);
  g_assert_true (strstr (out, "Clause 1.11") != NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ethos_test_run_cli (&out, &err, "show", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ethos_test_run_cli (&out, &err, "frobnicate", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ethos_test_run_cli (&out, &err, "--db", "/dev/null/x", NULL), ==, 2);
}

static void
test_search (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (ethos_test_run_cli (&out, &err, "search", "dual", "relationships", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  /* The topic the words name, then the best text matches. */
  g_assert_true (g_str_has_prefix (lines[0], "topic\tdual-relationships\tDual relationships"));
  g_assert_true (g_str_has_prefix (lines[1], "oesc\tI.4.a\t") ||
                 g_str_has_prefix (lines[1], "nohs\t5\t"));
  g_assert_true (strstr (out, "nohs\t5\t-\t") != NULL);
  g_assert_true (strstr (out, "[dual]") != NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ethos_test_run_cli (&out, &err, "search", "confidentiality", "--code", "cesp",
                                       NULL), ==, 0);
  g_assert_true (strstr (out, "cesp\t3.6\t") != NULL);
  g_assert_null (strstr (out, "nohs\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ethos_test_run_cli (&out, &err, "search", "x", "--code", "apa", NULL), ==, 2);
}

static void
test_search_hostile (void)
{
  const char *queries[] = { "\"AND (", "NEAR(", "*", "-", "\"", "😀", ")", "a OR", NULL };
  g_autofree char *big = g_strnfill (10 * 1024, '(');

  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_assert_cmpint (ethos_test_run_cli (&out, &err, "search", queries[i], NULL), ==, 0);
      g_assert_cmpstr (err, ==, "");
    }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (ethos_test_run_cli (&out, &err, "search", big, NULL), ==, 0);
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (ethos_test_run_cli (&out, &err, "search", "confid\xff", NULL), ==, 3);
    g_assert_true (strstr (err, "UTF-8") != NULL);
  }
}

static void
test_search_json (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *results;
  JsonObject *first;

  g_assert_cmpint (ethos_test_run_cli (&out, &err, "search", "nohs 3", "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  results = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "results");
  first = json_array_get_object_element (results, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "ref");
  g_assert_cmpstr (json_object_get_string_member (first, "code"), ==, "nohs");
  g_assert_cmpstr (json_object_get_string_member (first, "ref"), ==, "3");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A topic the query names: its own kind, id and label; items keep their
   * members, those found through the topic say which. */
  g_assert_cmpint (ethos_test_run_cli (&out, &err, "search", "duty", "to", "warn", "--json",
                                       "-n", "100", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  results = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "results");
  first = json_array_get_object_element (results, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "topic");
  g_assert_cmpstr (json_object_get_string_member (first, "topic"), ==,
                   "limits-of-confidentiality");
  g_assert_cmpstr (json_object_get_string_member (first, "label"), ==,
                   "Limits of confidentiality / duty to warn");
  g_assert_false (json_object_has_member (first, "code"));
  {
    gboolean found_nohs4 = FALSE;

    for (guint i = 1; i < json_array_get_length (results); i++)
      {
        JsonObject *r = json_array_get_object_element (results, i);

        g_assert_true (json_object_has_member (r, "code"));
        g_assert_true (json_object_has_member (r, "ref"));
        g_assert_true (json_object_has_member (r, "snippet"));
        if (g_str_equal (json_object_get_string_member (r, "code"), "nohs") &&
            g_str_equal (json_object_get_string_member (r, "ref"), "4"))
          {
            found_nohs4 = TRUE;
            g_assert_cmpstr (json_object_get_string_member (r, "kind"), ==, "on-topic");
            g_assert_cmpstr (json_object_get_string_member (r, "topic"), ==,
                             "limits-of-confidentiality");
          }
      }
    g_assert_true (found_nohs4);
  }
}

static void
test_topics (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (ethos_test_run_cli (&out, &err, "topics", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "informed-consent\t"));
  g_assert_true (strstr (out, "\nlimits-of-confidentiality\t") != NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ethos_test_run_cli (&out, &err, "topics", "dual-relationships", NULL), ==, 0);
  g_assert_true (strstr (out, "\n  nohs 5\t") != NULL);
  g_assert_true (strstr (out, "\n  oesc I.4.a\t") != NULL);
  /* grouped by code, in code order */
  g_assert_true (strstr (out, "NOHS Ethical Standards (2024)") <
                 strstr (out, "OESC Code of Conduct"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ethos_test_run_cli (&out, &err, "topics", "astrology", NULL), ==, 2);
  g_assert_true (strstr (err, "astrology") != NULL);
}

static void
test_help (void)
{
  const char *commands[] = { "codes", "show", "search", "topics" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_assert_cmpint (ethos_test_run_cli (&out, &err, commands[i], "--help", NULL), ==, 0);
      g_assert_true (strstr (out, "Usage:") != NULL);
    }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (ethos_test_run_cli (&out, &err, "--help", NULL), ==, 0);
    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      g_assert_true (strstr (out, commands[i]) != NULL);
  }
}

static void
test_missing_index (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ethos-noindex-XXXXXX", NULL);

  g_setenv ("ETHOS_DATA_DIR", dir, TRUE);
  g_assert_cmpint (ethos_test_run_cli (&out, &err, "codes", NULL), ==, 4);
  g_assert_true (strstr (err, "does not exist") != NULL);
  g_unsetenv ("ETHOS_DATA_DIR");
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = ethos_test_init (&argc, &argv);

  g_test_add_func ("/cli/codes", test_codes);
  g_test_add_func ("/cli/show-nohs-3", test_show_nohs_3);
  g_test_add_func ("/cli/show-every-item", test_show_every_item);
  g_test_add_func ("/cli/show-json", test_show_json);
  g_test_add_func ("/cli/show-errors", test_show_errors);
  g_test_add_func ("/cli/search", test_search);
  g_test_add_func ("/cli/search-hostile", test_search_hostile);
  g_test_add_func ("/cli/search-json", test_search_json);
  g_test_add_func ("/cli/topics", test_topics);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/missing-index", test_missing_index);
  return g_test_run ();
}
