/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ethos-code-file.h"
#include "ethos-corpus-builder.h"
#include "ethos-error.h"
#include "ethos-test-utils.h"

static char *tmp;

static const char *topics_json =
  "{\"format\": 1, \"topics\": ["
  "{\"id\": \"consent\", \"label\": \"Consent\", \"description\": \"Agreeing.\"}]}";

static const char *good_code =
  "{\n"
  "  \"format\": 1, \"id\": \"demo\", \"title\": \"Demo Code\", \"short_title\": \"Demo\",\n"
  "  \"publisher\": null, \"edition\": null, \"year\": null, \"notice\": null,\n"
  "  \"item_label\": \"Standard\", \"numbering_note\": null, \"citation_short\": \"Demo\",\n"
  "  \"abbreviation\": \"Demo\", \"website\": null, \"reproduction\": \"excerpts\",\n"
  "  \"front_matter\": [{\"heading\": \"Preamble\", \"text\": \"Intro.\"}],\n"
  "  \"sections\": [{\"heading\": \"One\", \"items\": [\n"
  "    {\"ref\": \"1\", \"heading\": null, \"text\": \"First.\", \"topics\": [\"consent\"],\n"
  "     \"items\": [{\"ref\": \"1.a\", \"heading\": \"Sub\", \"text\": \"Sub text.\","
  "                  \"topics\": [\"consent\"]}]},\n"
  "    {\"ref\": \"2\", \"heading\": null, \"text\": \"Second.\", \"topics\": [\"consent\"]}\n"
  "  ]}]\n"
  "}\n";

static GPtrArray *
load_topics (void)
{
  g_autofree char *path = ethos_test_write_file (tmp, "topics.json", topics_json);
  g_autoptr(GError) error = NULL;
  GPtrArray *topics = ethos_topic_defs_load (path, &error);

  g_assert_no_error (error);
  return topics;
}

/* Loads @contents as a code file and returns the error message (NULL if it loaded). */
static char *
load_error (const char *contents)
{
  g_autoptr(GPtrArray) topics = load_topics ();
  g_autofree char *path = ethos_test_write_file (tmp, "code.json", contents);
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosCodeFile) file = ethos_code_file_load (path, topics, &error);

  if (file != NULL)
    return NULL;
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_assert_true (strstr (error->message, path) != NULL);
  return g_strdup (error->message);
}

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  GString *s = g_string_new (text);
  g_assert_cmpuint (g_string_replace (s, from, to, 1), ==, 1);
  return g_string_free (s, FALSE);
}

static void
test_good (void)
{
  g_autoptr(GPtrArray) topics = load_topics ();
  g_autofree char *path = ethos_test_write_file (tmp, "good.json", good_code);
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosCodeFile) file = ethos_code_file_load (path, topics, &error);
  EthosCodeSectionDef *section;
  EthosCodeItemDef *item;

  g_assert_no_error (error);
  g_assert_cmpstr (file->id, ==, "demo");
  g_assert_null (file->publisher);
  g_assert_cmpint (file->year, ==, 0);
  g_assert_cmpuint (ethos_code_file_count_items (file), ==, 3);
  section = g_ptr_array_index (file->sections, 0);
  item = g_ptr_array_index (section->items, 0);
  g_assert_cmpstr (item->ref, ==, "1");
  g_assert_cmpuint (item->children->len, ==, 1);
  g_assert_cmpstr (((EthosCodeItemDef *) item->children->pdata[0])->heading, ==, "Sub");
}

static void
test_syntax_error_names_line (void)
{
  g_autofree char *bad = replace (good_code, "\"reproduction\": \"excerpts\",", "\"reproduction\": \"excerpts\"");
  g_autofree char *msg = load_error (bad);

  g_assert_nonnull (msg);
  /* The missing comma is on line 5: the error names file:line. */
  g_assert_true (strstr (msg, "code.json:5:") != NULL || strstr (msg, "code.json:6:") != NULL);
}

static void
test_duplicate_ref (void)
{
  g_autofree char *bad = replace (good_code, "\"ref\": \"2\"", "\"ref\": \"1\"");
  g_autofree char *msg = load_error (bad);

  g_assert_nonnull (msg);
  g_assert_true (strstr (msg, "duplicate ref “1”") != NULL);
  g_assert_true (strstr (msg, "sections[0].items[1]") != NULL);
}

static void
test_unknown_topic (void)
{
  g_autofree char *bad = replace (good_code, "\"Second.\", \"topics\": [\"consent\"]",
                                  "\"Second.\", \"topics\": [\"consnet\"]");
  g_autofree char *msg = load_error (bad);

  g_assert_nonnull (msg);
  g_assert_true (strstr (msg, "unknown topic “consnet”") != NULL);
  g_assert_true (strstr (msg, "(ref 2)") != NULL);
}

static void
test_empty_text (void)
{
  g_autofree char *bad = replace (good_code, "\"First.\"", "\"  \"");
  g_autofree char *msg = load_error (bad);

  g_assert_nonnull (msg);
  g_assert_true (strstr (msg, "(ref 1)") != NULL);
  g_assert_true (strstr (msg, "“text” is empty") != NULL);
}

static void
test_other_errors (void)
{
  struct { const char *from, *to, *expect; } cases[] = {
    { "\"topics\": [\"consent\"]}\n  ]", "\"topics\": []}\n  ]", "at least one topic" },
    { "\"ref\": \"1.a\"", "\"ref\": \"2.a\"", "must start with “1.”" },
    { "\"format\": 1", "\"format\": 2", "format 2 is not supported" },
    { "\"abbreviation\": \"Demo\"", "\"sauce\": \"Demo\"", "unknown key “sauce”" },
    { "\"reproduction\": \"excerpts\"", "\"reproduction\": \"some\"", "“reproduction” must be" },
    { "\"website\": null", "\"website\": \"http://x\"", "“website” must be an https" },
    { "\"year\": null", "\"year\": \"2024\"", "“year” must be a year" },
    { "\"id\": \"demo\"", "\"id\": \"Demo Code\"", "must be lower-case" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = replace (good_code, cases[i].from, cases[i].to);
      g_autofree char *msg = load_error (bad);

      g_assert_nonnull (msg);
      if (strstr (msg, cases[i].expect) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, msg, cases[i].expect);
    }
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *bad = replace (good_code, "First.", "Fi\xff\xfe.");
  g_autofree char *msg = load_error (bad);

  g_assert_nonnull (msg);
  g_assert_true (strstr (msg, "UTF-8") != NULL);
}

/* The build runs ethos-compile-corpus: a bad file must fail it, by name. */
static void
test_compiler_fails_build (void)
{
  g_autofree char *topics = ethos_test_write_file (tmp, "topics.json", topics_json);
  g_autofree char *good = ethos_test_write_file (tmp, "a.json", good_code);
  g_autofree char *bad_text = replace (good_code, "\"topics\": [\"consent\"],\n     \"items\"",
                                       "\"topics\": [\"nope\"],\n     \"items\"");
  g_autofree char *bad = ethos_test_write_file (tmp, "b.json", bad_text);
  g_autofree char *out_db = g_build_filename (tmp, "out.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv_ok[] = { g_getenv ("ETHOS_COMPILE_CORPUS"), "-t", topics, "-o", out_db,
                            good, NULL };
  const char *argv_bad[] = { g_getenv ("ETHOS_COMPILE_CORPUS"), "-t", topics, "-o", out_db,
                             good, bad, NULL };

  g_assert_cmpint (ethos_test_run_argv (argv_ok, &out, &err), ==, 0);
  g_assert_true (g_file_test (out_db, G_FILE_TEST_EXISTS));
  g_unlink (out_db);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (ethos_test_run_argv (argv_bad, &out, &err), ==, 1);
  g_assert_true (strstr (err, "b.json") != NULL);
  g_assert_true (strstr (err, "unknown topic “nope”") != NULL);
  g_assert_false (g_file_test (out_db, G_FILE_TEST_EXISTS));

  /* Two files with one id. */
  {
    const char *argv_dup[] = { g_getenv ("ETHOS_COMPILE_CORPUS"), "-t", topics, "-o", out_db,
                               good, good, NULL };
    g_clear_pointer (&err, g_free);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (ethos_test_run_argv (argv_dup, &out, &err), ==, 1);
    g_assert_true (strstr (err, "already used") != NULL);
  }
}

static void
test_topics_file (void)
{
  g_autofree char *path = ethos_test_write_file (tmp, "t2.json",
    "{\"format\": 1, \"topics\": [{\"id\": \"a\", \"label\": \"A\", \"description\": \"x\"},"
    "{\"id\": \"a\", \"label\": \"B\", \"description\": \"y\"}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) topics = ethos_topic_defs_load (path, &error);

  g_assert_null (topics);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_assert_true (strstr (error->message, "duplicate topic id “a”") != NULL);
}

/* The shipped topics file has every topic of the product brief. */
static void
test_shipped_topics (void)
{
  static const char * const required[] = {
    "informed-consent", "confidentiality", "limits-of-confidentiality", "records-technology",
    "dual-relationships", "conflicts-of-interest", "competence", "supervision",
    "non-discrimination", "termination-referral", "honesty", "colleagues-reporting",
    "self-care", "research", "students", "legal-compliance", "advocacy",
    "employer-relations", "professional-development", "safety",
  };
  g_autofree char *path = g_build_filename (g_getenv ("ETHOS_SOURCE_ROOT"), "data", "codes",
                                            "topics.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) topics = ethos_topic_defs_load (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < topics->len; j++)
        found |= g_str_equal (((EthosTopicDef *) topics->pdata[j])->id, required[i]);
      if (!found)
        g_error ("topic %s missing", required[i]);
    }
  /* Topics beyond the brief's list must say why they were added. */
  for (guint j = 0; j < topics->len; j++)
    {
      EthosTopicDef *t = topics->pdata[j];
      if (!g_strv_contains (required, t->id))
        g_assert_nonnull (t->reason);
    }
}

int
main (int   argc,
      char *argv[])
{
  tmp = ethos_test_init (&argc, &argv);

  g_test_add_func ("/code-file/good", test_good);
  g_test_add_func ("/code-file/syntax-error-names-line", test_syntax_error_names_line);
  g_test_add_func ("/code-file/duplicate-ref", test_duplicate_ref);
  g_test_add_func ("/code-file/unknown-topic", test_unknown_topic);
  g_test_add_func ("/code-file/empty-text", test_empty_text);
  g_test_add_func ("/code-file/other-errors", test_other_errors);
  g_test_add_func ("/code-file/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/code-file/compiler-fails-build", test_compiler_fails_build);
  g_test_add_func ("/code-file/topics-file", test_topics_file);
  g_test_add_func ("/code-file/shipped-topics", test_shipped_topics);
  return g_test_run ();
}
