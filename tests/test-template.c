/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ethos-coverage.h"
#include "ethos-error.h"
#include "ethos-form.h"
#include "ethos-paths.h"
#include "ethos-template-store.h"
#include "ethos-test-utils.h"

static const char * const builtin_ids[] = {
  "coaching-agreement", "confidentiality-limits", "informed-consent", "release-of-information",
  "sud-records-consent", "telehealth-consent",
};

static char *tmp;

static EthosTemplateStore *
open_store (EthosUserDb *db)
{
  g_autofree char *dir = ethos_paths_get_templates_dir ();
  g_autoptr(GError) error = NULL;
  EthosTemplateStore *store = ethos_template_store_new (dir, db, NULL, &error);

  g_assert_no_error (error);
  return store;
}

static char *
read_builtin (const char *id)
{
  g_autofree char *dir = ethos_paths_get_templates_dir ();
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_builtins_load (void)
{
  g_autoptr(EthosTemplateStore) store = open_store (NULL);
  GPtrArray *list = ethos_template_store_list (store);

  g_assert_null (ethos_template_store_get_problems (store)[0]);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (builtin_ids));
  for (guint i = 0; i < list->len; i++)
    {
      const EthosTemplateEntry *entry = list->pdata[i];
      g_assert_cmpstr (entry->tmpl->id, ==, builtin_ids[i]);
      g_assert_cmpint (entry->source, ==, ETHOS_TEMPLATE_BUILTIN);
      g_assert_true (ethos_template_has_language (entry->tmpl, "en"));
      g_assert_true (ethos_template_has_language (entry->tmpl, "es"));
      g_assert_cmpstr (entry->tmpl->version, ==, "1.0");
    }
}

/* Every element of every standard each built-in template requires is
 * covered; and the table of PRODUCT.md §2 is what they require. */
static void
test_builtins_covered (void)
{
  struct { const char *id; const char *requires[9]; } expected[] = {
    { "informed-consent", { "nohs 2", "nohs 3", "nohs 8", "nohs 9" } },
    { "confidentiality-limits", { "nohs 3", "nohs 4", "nohs 8", "nohs 21", "coaching 1.11",
                                  "oesc I.5" } },
    { "coaching-agreement", { "coaching 1.2", "coaching 1.3", "coaching 1.4", "coaching 1.5",
                              "coaching 1.6", "coaching 1.7", "coaching 1.8", "coaching 1.9" } },
    { "release-of-information", { "nohs 8", "nohs 18", "nohs 21" } },
    { "telehealth-consent", { "nohs 9", "coaching 1.10" } },
    { "release-of-information", { "hipaa 164.508" } },
    { "sud-records-consent", { "cfr42 2.31" } },
    { "informed-consent", { "practice", "practice minors" } },
  };
  g_autoptr(EthosTemplateStore) store = open_store (NULL);
  EthosRequirements *reqs = ethos_template_store_get_requirements (store);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const EthosTemplateEntry *entry = ethos_template_store_lookup (store, expected[i].id, NULL);
      g_autoptr(GPtrArray) coverage = ethos_coverage_check (entry->tmpl, reqs);
      g_auto(GStrv) uncovered = ethos_coverage_uncovered (coverage);

      for (guint r = 0; expected[i].requires[r] != NULL; r++)
        if (!g_strv_contains ((const char * const *) entry->tmpl->requires,
                              expected[i].requires[r]))
          g_error ("%s does not require %s", expected[i].id, expected[i].requires[r]);
      g_assert_cmpuint (coverage->len, >=, 5);
      if (uncovered[0] != NULL)
        g_error ("%s leaves %s uncovered", expected[i].id, uncovered[0]);
    }

  /* The coaching agreement covers every clause 1.2–1.13. */
  {
    const EthosTemplateEntry *coaching = ethos_template_store_lookup (store, "coaching-agreement",
                                                                      NULL);
    for (int n = 2; n <= 13; n++)
      {
        g_autofree char *ref = g_strdup_printf ("coaching 1.%d", n);
        g_assert_true (g_strv_contains ((const char * const *) coaching->tmpl->requires, ref));
      }
  }
}

static EthosTemplate *
load_edited (EthosTemplateStore *store,
             const char         *id,
             const char         *from,
             const char         *to,
             GError            **error)
{
  g_autofree char *json = read_builtin (id);
  g_autoptr(GString) edited = g_string_new (json);

  if (from != NULL)
    g_assert_cmpuint (g_string_replace (edited, from, to, 1), ==, 1);
  return ethos_template_load ("edited.json", edited->str, edited->len,
                              ethos_template_store_get_requirements (store), error);
}

/* Dropping the "right to withdraw" clause leaves nohs-2#withdraw uncovered. */
static void
test_withdraw_dropped (void)
{
  g_autoptr(EthosTemplateStore) store = open_store (NULL);
  EthosRequirements *reqs = ethos_template_store_get_requirements (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosTemplate) tmpl = load_edited (store, "informed-consent", NULL, NULL, &error);
  g_autoptr(GPtrArray) coverage = NULL;
  g_auto(GStrv) uncovered = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < tmpl->clauses->len; i++)
    if (g_str_equal (((EthosClause *) tmpl->clauses->pdata[i])->id, "withdraw"))
      g_ptr_array_remove_index (tmpl->clauses, i--);
  g_assert_null (ethos_template_get_clause (tmpl, "withdraw"));

  coverage = ethos_coverage_check (tmpl, reqs);
  uncovered = ethos_coverage_uncovered (coverage);
  g_assert_cmpstrv (uncovered, ((const char *[]) { "nohs-2#withdraw", NULL }));
}

/* A condition covers only its own case: making the withdraw clause apply
 * only to mandated clients uncovers it for everyone else. */
static void
test_conditional_does_not_cover (void)
{
  g_autoptr(EthosTemplateStore) store = open_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosTemplate) tmpl = NULL;
  g_autoptr(GPtrArray) coverage = NULL;
  g_auto(GStrv) uncovered = NULL;
  EthosClause *withdraw;

  tmpl = load_edited (store, "informed-consent", NULL, NULL, &error);
  g_assert_no_error (error);
  withdraw = (EthosClause *) ethos_template_get_clause (tmpl, "withdraw");
  withdraw->when = ethos_condition_new_field ("mandated", FALSE);
  coverage = ethos_coverage_check (tmpl, ethos_template_store_get_requirements (store));
  uncovered = ethos_coverage_uncovered (coverage);
  g_assert_true (g_strv_contains ((const char * const *) uncovered, "nohs-2#withdraw"));

  /* …and a complementary "!mandated" clause covers it again. */
  {
    g_autoptr(GPtrArray) again = NULL;
    g_auto(GStrv) none = NULL;
    EthosClause *other = (EthosClause *) ethos_template_get_clause (tmpl, "questions");
    g_auto(GStrv) old = other->satisfies;

    other->when = ethos_condition_new_field ("mandated", TRUE);
    other->satisfies = g_strdupv ((GStrv) (const char *[]) { "nohs-2#withdraw",
                                                             "nohs-2#questions", NULL });
    again = ethos_coverage_check (tmpl, ethos_template_store_get_requirements (store));
    none = ethos_coverage_uncovered (again);
    g_assert_false (g_strv_contains ((const char * const *) none, "nohs-2#withdraw"));
  }
}

static void
test_malformed (void)
{
  struct { const char *from, *to, *expect; } cases[] = {
    { "\"version\": \"1.0\"", "\"version\": \"one\"", "MAJOR.MINOR" },
    { "\"id\": \"withdraw\"", "\"id\": \"welcome\"", "used twice" },
    { "\"nohs-2#withdraw\"", "\"nohs-2#withdrawal\"", "nohs-2#withdrawal" },
    { "\"nohs 9\"", "\"nohs 99\"", "nohs 99" },
    { "{client_name}", "{client_nam}", "{client_nam}" },
    { "{client_name}", "{client name}", "braces" },
    { "\"when\": \"mandated\"", "\"when\": \"mandatory\"", "undeclared field" },
    { "\"type\": \"date\"", "\"type\": \"datetime\"", "datetime" },
    { "\"es\": \"Su derecho a dejar los servicios\"", "\"fr\": \"x\"", "unknown key “fr”" },
    { "\"role\": \"professional\"", "\"role\": \"counselor\"", "counselor" },
    { "\"locked\": true", "\"locked\": \"yes\"", "true or false" },
    { "\"format\": 2", "\"format\": 3", "format 3 is not supported" },
    { "\"requires\"", "\"require\"", "“requires” is missing" },
    { "\"id\": \"client_dob\",\n      \"type\": \"date\"",
      "\"id\": \"client_dob\",\n      \"type\": \"text\"", "must have type “date”" },
  };
  g_autoptr(EthosTemplateStore) store = open_store (NULL);
  g_autofree char *json = read_builtin ("informed-consent");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) edited = g_string_new (json);
      g_autoptr(GError) error = NULL;
      g_autoptr(EthosTemplate) tmpl = NULL;

      if (g_string_replace (edited, cases[i].from, cases[i].to, 1) != 1)
        {
          /* The JSON may be laid out differently: compact both sides. */
          g_error ("case %u: “%s” not found in informed-consent.json", i, cases[i].from);
        }
      tmpl = ethos_template_load ("edited.json", edited->str, edited->len,
                                  ethos_template_store_get_requirements (store), &error);
      g_assert_null (tmpl);
      g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
      if (strstr (error->message, cases[i].expect) == NULL ||
          !g_str_has_prefix (error->message, "edited.json"))
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].expect);
    }
}

static void
test_hostile_files (void)
{
  const char *inputs[] = { "", "{", "[]", "null", "{\"format\": 1}", "\xff\xfe{}",
                           "{\"format\": 1, \"id\": \"x\"\0}" };
  g_autoptr(EthosTemplateStore) store = open_store (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EthosTemplate) tmpl = ethos_template_load ("bad.json", inputs[i],
                                                           i == 6 ? 25 : strlen (inputs[i]),
                                                           ethos_template_store_get_requirements (store),
                                                           &error);
      g_assert_null (tmpl);
      g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
    }
}

/* Inputs the fuzzer (fuzz/fuzz-template.c) found. */
static void
test_fuzz_inputs (void)
{
  struct { const char *json; const char *expect; } cases[] = {
    /* json-glib quoted the bad token cut inside "ó": not UTF-8. */
    { "{\"\":\"La otra persona u organizació\"", "Parse error" },
    /* Two top-level values: json-glib kept the last and leaked the first. */
    { "9{}", "fuzz.json:1: unexpected data after the end of the JSON value" },
    { "{\"format\": 1}\n {\"format\": 1}", "fuzz.json:2: unexpected data" },
    { "\"a}\" []", "fuzz.json:1: unexpected data" },
    /* A lone surrogate: json-glib made it bytes that are not UTF-8, which
     * reached the message through the key. */
    { "{\"format\": 1,\n\"\\ud800x\": 1}", "fuzz.json:2: a string has an invalid escape" },
    /* A broken one: json-glib leaked. */
    { "\"\\ud8u\\u", "fuzz.json:1: a string has an invalid escape" },
    { "[\"\\u0000\"]", "invalid escape" },
    { "[\"\\udc00\"]", "invalid escape" },
    { "[\"\\ud83d\\u0041\"]", "invalid escape" },
    /* Valid escapes pass the check and fail later, as a template. */
    { "[\"\\ud83d\\ude00 \\u00e9 \\n \\\" \\/\"]", "must hold a JSON object" },
  };
  g_autoptr(EthosTemplateStore) store = open_store (NULL);
  EthosRequirements *reqs = ethos_template_store_get_requirements (store);
  const guint depths[] = { 64, 65, 100000 };
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EthosTemplate) tmpl = ethos_template_load ("fuzz.json", cases[i].json,
                                                           strlen (cases[i].json), reqs, &error);
      g_assert_null (tmpl);
      g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (strstr (error->message, cases[i].expect) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].expect);
    }

  /* Nested 100,000 deep, json-glib overflowed the stack. 64 levels pass
   * the structure check (and fail as a template); 65 do not. */
  for (guint d = 0; d < G_N_ELEMENTS (depths); d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EthosTemplate) tmpl = NULL;

      g_string_truncate (deep, 0);
      for (guint i = 0; i < depths[d]; i++)
        g_string_append_c (deep, '[');
      for (guint i = 0; i < depths[d]; i++)
        g_string_append_c (deep, ']');
      tmpl = ethos_template_load ("deep.json", deep->str, deep->len, reqs, &error);
      g_assert_null (tmpl);
      g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
      g_assert_true ((strstr (error->message, "nested more than 64 levels") != NULL) ==
                     (depths[d] > 64));
    }
}

static void
test_import_export (void)
{
  g_autofree char *db_path = g_build_filename (tmp, "import.db", NULL);
  g_autoptr(EthosUserDb) db = ethos_user_db_open (db_path, NULL);
  g_autoptr(EthosTemplateStore) store = open_store (db);
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = g_build_filename (tmp, "ic.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) renamed = NULL;
  g_autofree char *renamed_path = NULL;
  const EthosTemplateEntry *entry;

  g_assert_true (ethos_template_store_export (store, "informed-consent", exported, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (exported, &text, NULL, NULL));

  /* A manager's edit: new id, new version, new wording. */
  renamed = g_string_new (text);
  g_string_replace (renamed, "\"id\" : \"informed-consent\"", "\"id\" : \"acme-consent\"", 1);
  g_string_replace (renamed, "\"version\" : \"1.0\"", "\"version\" : \"2.1\"", 1);
  g_assert_true (strstr (renamed->str, "acme-consent") != NULL);
  renamed_path = ethos_test_write_file (tmp, "acme-consent.json", renamed->str);

  entry = ethos_template_store_import (store, renamed_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->tmpl->id, ==, "acme-consent");
  g_assert_cmpint (entry->source, ==, ETHOS_TEMPLATE_AGENCY);

  /* It survives reopening, and exports back to the same text. */
  {
    g_autoptr(EthosTemplateStore) again = open_store (db);
    g_autofree char *out = g_build_filename (tmp, "out.json", NULL);
    g_autofree char *round = NULL;
    const EthosTemplateEntry *e = ethos_template_store_lookup (again, "acme-consent", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (e->tmpl->version, ==, "2.1");
    g_assert_true (ethos_template_store_export (again, "acme-consent", out, &error));
    g_assert_true (g_file_get_contents (out, &round, NULL, NULL));
    g_assert_cmpstr (round, ==, renamed->str);
  }

  /* A broken file imports nothing. */
  {
    g_autoptr(GString) broken = g_string_new (renamed->str);
    g_autofree char *broken_path = NULL;
    g_autoptr(GPtrArray) stored = NULL;

    g_string_replace (broken, "\"id\" : \"acme-consent\"", "\"id\" : \"acme-broken\"", 1);
    g_string_replace (broken, "\"nohs-2#withdraw\"", "\"nohs-2#nope\"", 1);
    broken_path = ethos_test_write_file (tmp, "acme-broken.json", broken->str);
    g_assert_null (ethos_template_store_import (store, broken_path, &error));
    g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
    g_clear_error (&error);
    stored = ethos_user_db_list_templates (db, NULL);
    g_assert_cmpuint (stored->len, ==, 1);
  }

  /* Unwritable export target. */
  g_assert_false (ethos_template_store_export (store, "informed-consent", "/proc/nope/x.json",
                                               &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_IO);
}

/* Templates deployed under $XDG_DATA_DIRS/ethos/templates override built-ins;
 * broken files there are reported, not fatal. (G_TEST_OPTION_ISOLATE_DIRS
 * gives each test its own XDG_DATA_DIRS.) */
static void
test_system_dir (void)
{
  const char *sys = g_get_system_data_dirs ()[0];
  g_autofree char *dir = g_build_filename (sys, "ethos", "templates", NULL);
  g_autofree char *json = read_builtin ("telehealth-consent");
  g_autoptr(GString) edited = g_string_new (json);
  g_autofree char *path = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(EthosTemplateStore) store = NULL;
  const EthosTemplateEntry *entry;

  g_assert_true (g_str_has_prefix (sys, g_get_tmp_dir ()) || strstr (sys, "test") != NULL);
  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpuint (g_string_replace (edited, "\"version\": \"1.0\"", "\"version\": \"1.7\"", 1),
                    ==, 1);
  path = ethos_test_write_file (dir, "telehealth-consent.json", edited->str);
  bad = ethos_test_write_file (dir, "broken.json", "{ not json");

  store = open_store (NULL);
  entry = ethos_template_store_lookup (store, "telehealth-consent", NULL);
  g_assert_cmpint (entry->source, ==, ETHOS_TEMPLATE_SYSTEM);
  g_assert_cmpstr (entry->tmpl->version, ==, "1.7");
  g_assert_cmpstr (entry->origin, ==, path);
  g_assert_nonnull (ethos_template_store_get_problems (store)[0]);
  g_assert_true (strstr (ethos_template_store_get_problems (store)[0], "broken.json") != NULL);
}

/* Every element shipped in requirements.json has a Spanish text of its own,
 * and a language it lacks falls back to the English text. The element ids
 * are read from the file itself, apart from the loader under test. */
static void
test_element_translations (void)
{
  g_autofree char *dir = ethos_paths_get_templates_dir ();
  g_autofree char *path = g_build_filename (dir, "requirements.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(EthosTemplateStore) store = open_store (NULL);
  EthosRequirements *reqs = ethos_template_store_get_requirements (store);
  g_autoptr(GError) error = NULL;
  const EthosElement *withdraw;
  JsonArray *standards;
  guint n_elements = 0;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  standards = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "standards");
  for (guint s = 0; s < json_array_get_length (standards); s++)
    {
      JsonObject *standard = json_array_get_object_element (standards, s);
      JsonArray *elements = json_object_get_array_member (standard, "elements");
      GPtrArray *loaded = ethos_requirements_get_standard (
        reqs, json_object_get_string_member (standard, "ref"));

      g_assert_nonnull (loaded);
      g_assert_cmpuint (loaded->len, ==, json_array_get_length (elements));
      for (guint i = 0; i < json_array_get_length (elements); i++)
        {
          const char *id = json_object_get_string_member (
            json_array_get_object_element (elements, i), "id");
          const EthosElement *element = ethos_requirements_get_element (reqs, id);
          const char *es;

          g_assert_nonnull (element);
          g_assert_true (element == loaded->pdata[i]);
          es = ethos_element_get_text (element, "es");
          if (es == NULL || g_strcmp0 (es, element->text) == 0)
            g_error ("%s has no Spanish text of its own", id);
          g_assert_cmpstr (es, ==, g_hash_table_lookup (element->translations, "es"));
          g_assert_true (g_utf8_validate (es, -1, NULL));
          /* A sentence, like the English one. */
          g_assert_true (g_str_has_suffix (es, "."));
          /* No French text: the English one, unchanged. */
          g_assert_true (ethos_element_get_text (element, "fr") == element->text);
          g_assert_true (ethos_element_get_text (element, NULL) == element->text);
          g_assert_cmpstr (ethos_element_get_text (element, "en"), ==, element->text);
          n_elements++;
        }
    }
  g_assert_cmpuint (n_elements, >=, 64);

  /* The sentence data/templates/README.md quotes. */
  withdraw = ethos_requirements_get_element (reqs, "nohs-2#withdraw");
  g_assert_cmpstr (ethos_element_get_text (withdraw, "es"), ==,
                   "Se informa al cliente de que puede retirar su consentimiento en cualquier "
                   "momento.");
  g_assert_cmpstr (ethos_element_get_text (withdraw, "fr"), ==,
                   "The client is told they may withdraw consent at any time.");
}

/* "translations" must map language codes to non-empty strings. */
static void
test_element_translations_malformed (void)
{
  struct { const char *translations, *expect; } cases[] = {
    { "\"es\"", "must be an object of languages" },
    { "{\"ES\": \"Hola.\"}", "“ES” is not a language code" },
    { "{\"es-MX\": \"Hola.\"}", "“es-MX” is not a language code" },
    { "{\"es\": 3}", "must be a string" },
    { "{\"es\": \"  \"}", "is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"format\": 1, \"standards\": [{\"ref\": \"nohs 2\", \"elements\": ["
        "{\"id\": \"nohs-2#withdraw\", \"text\": \"The client may withdraw.\", "
        "\"translations\": %s}]}]}", cases[i].translations);
      g_autofree char *path = ethos_test_write_file (tmp, "requirements-bad.json", json);
      g_autoptr(GError) error = NULL;
      g_autoptr(EthosRequirements) reqs = ethos_requirements_load (path, &error);

      g_assert_null (reqs);
      g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
      if (strstr (error->message, cases[i].expect) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].expect);
    }

  /* A well-formed one, in a language the shipped file does not use. */
  {
    g_autofree char *path = ethos_test_write_file (tmp, "requirements-de.json",
      "{\"format\": 1, \"standards\": [{\"ref\": \"nohs 2\", \"elements\": ["
      "{\"id\": \"nohs-2#withdraw\", \"text\": \"The client may withdraw.\", "
      "\"translations\": {\"de\": \"Der Klient darf widerrufen.\"}}]}]}");
    g_autoptr(GError) error = NULL;
    g_autoptr(EthosRequirements) reqs = ethos_requirements_load (path, &error);
    const EthosElement *element;

    g_assert_no_error (error);
    element = ethos_requirements_get_element (reqs, "nohs-2#withdraw");
    g_assert_cmpstr (ethos_element_get_text (element, "de"), ==, "Der Klient darf widerrufen.");
    g_assert_cmpstr (ethos_element_get_text (element, "es"), ==, "The client may withdraw.");
  }
}

int
main (int   argc,
      char *argv[])
{
  tmp = ethos_test_init (&argc, &argv);

  g_test_add_func ("/template/builtins-load", test_builtins_load);
  g_test_add_func ("/template/builtins-covered", test_builtins_covered);
  g_test_add_func ("/template/withdraw-dropped", test_withdraw_dropped);
  g_test_add_func ("/template/conditional-does-not-cover", test_conditional_does_not_cover);
  g_test_add_func ("/template/malformed", test_malformed);
  g_test_add_func ("/template/hostile-files", test_hostile_files);
  g_test_add_func ("/template/fuzz-inputs", test_fuzz_inputs);
  g_test_add_func ("/template/import-export", test_import_export);
  g_test_add_func ("/template/system-dir", test_system_dir);
  g_test_add_func ("/template/element-translations", test_element_translations);
  g_test_add_func ("/template/element-translations-malformed",
                   test_element_translations_malformed);
  return g_test_run ();
}
