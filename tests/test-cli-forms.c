/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ethos-cli's forms half: templates, coverage, template export/import and
 * the agency profile. (generate and batch: test-cli-generate.c) */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ethos-test-utils.h"

static char *tmp;
static char *db;

#define cli(out, err, ...) ethos_test_run_cli_db (db, out, err, __VA_ARGS__)

static void
test_templates (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (&out, &err, "templates", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
    "coaching-agreement\t1.0\ten,es\tbuilt-in\tCoaching / Mentoring Agreement\n"
    "confidentiality-limits\t1.0\ten,es\tbuilt-in\tLimits of Confidentiality\n"
    "informed-consent\t1.0\ten,es\tbuilt-in\tInformed Consent for Services\n"
    "release-of-information\t1.0\ten,es\tbuilt-in\tRelease of Information\n"
    "sud-records-consent\t1.0\ten,es\tbuilt-in\tConsent to Disclose Substance Use Disorder "
    "Records\n"
    "telehealth-consent\t1.0\ten,es\tbuilt-in\tTechnology and Telehealth Consent\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, "templates", "--json", NULL), ==, 0);
  g_assert_true (strstr (out, "\"Consentimiento informado para servicios\"") != NULL);
}

static void
test_coverage (void)
{
  const char *ids[] = { "informed-consent", "confidentiality-limits", "coaching-agreement",
                        "release-of-information", "sud-records-consent",
                        "telehealth-consent" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_assert_cmpint (cli (&out, &err, "coverage", ids[i], NULL), ==, 0);
      g_assert_null (strstr (out, "UNCOVERED"));
      g_assert_true (strstr (out, "\tcovered\t") != NULL);
    }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (cli (&out, &err, "coverage", "informed-consent", NULL), ==, 0);
    g_assert_true (strstr (out, "nohs-2#withdraw\tcovered\twithdraw\n") != NULL);
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (cli (&out, &err, "coverage", "no-such-form", NULL), ==, 2);
    g_assert_true (strstr (err, "informed-consent") != NULL);
  }
}

/* A manager drops the "right to withdraw" clause: coverage fails, naming it. */
static void
test_coverage_fails (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *exported = g_build_filename (tmp, "ic.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *edited_text = NULL;
  g_autofree char *edited = NULL;
  JsonArray *clauses;

  g_assert_cmpint (cli (&out, &err, "template", "export", "informed-consent", "-o", exported,
                        NULL), ==, 0);
  g_assert_true (json_parser_load_from_file (parser, exported, NULL));
  clauses = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "clauses");
  for (guint i = 0; i < json_array_get_length (clauses); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (clauses, i),
                                                    "id"), "withdraw"))
      json_array_remove_element (clauses, i--);
  json_generator_set_root (generator, json_parser_get_root (parser));
  edited_text = json_generator_to_data (generator, NULL);
  edited = ethos_test_write_file (tmp, "no-withdraw.json", edited_text);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "coverage", edited, NULL), ==, 1);
  g_assert_true (strstr (out, "nohs-2#withdraw\tUNCOVERED\t-\n") != NULL);
  g_assert_true (strstr (err, "nohs-2#withdraw") != NULL);
  g_assert_true (strstr (err, "withdraw consent at any time") != NULL);

  /* Importing it works, but says what it leaves uncovered; so does generate. */
  {
    g_autoptr(GString) renamed = g_string_new (edited_text);
    g_autofree char *renamed_path = NULL;
    g_autofree char *pdf = g_build_filename (tmp, "nw.pdf", NULL);

    g_assert_cmpuint (g_string_replace (renamed, "\"informed-consent\"", "\"no-withdraw\"", 1),
                      ==, 1);
    renamed_path = ethos_test_write_file (tmp, "no-withdraw.json", renamed->str);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli (&out, &err, "template", "import", renamed_path, NULL), ==, 0);
    g_assert_true (strstr (err, "does not cover nohs-2#withdraw") != NULL);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli (&out, &err, "generate", "no-withdraw", "--blank", "-o", pdf, NULL),
                     ==, 0);
    g_assert_true (strstr (err, "does not cover nohs-2#withdraw") != NULL);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli (&out, &err, "coverage", "no-withdraw", NULL), ==, 1);
  }
}

static void
test_import_export (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *exported = g_build_filename (tmp, "tele.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  g_autofree char *agency_file = NULL;
  g_autofree char *again = g_build_filename (tmp, "again.json", NULL);
  g_autofree char *again_text = NULL;
  g_autofree char *broken = NULL;

  g_assert_cmpint (cli (&out, &err, "template", "export", "telehealth-consent", "-o", exported,
                        NULL), ==, 0);
  g_assert_true (g_file_get_contents (exported, &text, NULL, NULL));
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "\"telehealth-consent\"", "\"acme-telehealth\"", 1),
                    ==, 1);
  agency_file = ethos_test_write_file (tmp, "acme-telehealth.json", edited->str);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "template", "import", agency_file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported acme-telehealth 1.0\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "templates", NULL), ==, 0);
  g_assert_true (strstr (out, "acme-telehealth\t1.0\ten,es\tagency\t") != NULL);

  /* Round trip: exporting the imported template gives the same file. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "template", "export", "acme-telehealth", "-o", again, NULL),
                   ==, 0);
  g_assert_true (g_file_get_contents (again, &again_text, NULL, NULL));
  g_assert_cmpstr (again_text, ==, edited->str);

  /* Malformed files are refused with the problem named, exit 3. */
  broken = ethos_test_write_file (tmp, "broken.json", "{\"format\": 1, \"id\": \"x\",");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "template", "import", broken, NULL), ==, 3);
  g_assert_true (strstr (err, "broken.json:") != NULL);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "template", "export", "informed-consent", "-o",
                        "/proc/no/such/dir.json", NULL), ==, 4);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "template", "frob", NULL), ==, 2);
}

static void
test_agency (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (&out, &err, "agency", "set", "agency_name", "Harbor Family Services",
                        NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "agency", "set", "complaints_contact",
                        "Quality Office\n555-0100", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "agency", "show", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "agency_name\tHarbor Family Services\n"
                            "agency_address\t\n"
                            "agency_phone\t\n"
                            "complaints_contact\tQuality Office 555-0100\n"
                            "complaints_procedure\t\n"
                            "professional_body\t\n"
                            "crisis_line\t\n"
                            "emergency_number\t\n"
                            "reconnect_time\t\n"
                            "fees\t\n"
                            "session_length\t\n"
                            "logo\t\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "agency", "set", "client_name", "x", NULL), ==, 2);
  g_assert_true (strstr (err, "agency_name") != NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "agency", "set", "agency_name", "", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "agency", "show", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "agency_name\t\n"));
}

/* Values a client reads, per form language (issue 10, item 7). */
static void
test_agency_languages (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *en_pdf = g_build_filename (tmp, "fees-en.pdf", NULL);
  g_autofree char *es_pdf = g_build_filename (tmp, "fees-es.pdf", NULL);
  g_autofree char *en_text = NULL, *es_text = NULL;

  g_assert_cmpint (cli (&out, &err, "agency", "set", "fees", "$40 per session", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "agency", "set", "fees", "40 dólares por sesión", "--lang",
                        "es", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "agency", "set", "fees", "x", "--lang", "fr", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "agency", "show", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "fees\t$40 per session\nfees\t40 dólares por sesión\tes\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, "generate", "informed-consent", "-o", en_pdf, "--set",
                        "client_name=Ana", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "generate", "informed-consent", "-o", es_pdf, "--lang", "es",
                        "--set", "client_name=Ana", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *argv_en[] = { "/usr/bin/pdftotext", en_pdf, "-", NULL };
    const char *argv_es[] = { "/usr/bin/pdftotext", es_pdf, "-", NULL };

    g_assert_cmpint (ethos_test_run_argv (argv_en, &en_text, NULL), ==, 0);
    g_assert_cmpint (ethos_test_run_argv (argv_es, &es_text, NULL), ==, 0);
  }
  g_assert_nonnull (strstr (en_text, "$40 per session"));
  g_assert_nonnull (strstr (es_text, "40 dólares por sesión"));
  g_assert_null (strstr (es_text, "per session"));
  g_assert_cmpint (cli (&out, &err, "agency", "set", "fees", "", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "agency", "set", "fees", "", "--lang", "es", NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  tmp = ethos_test_init (&argc, &argv);
  db = g_build_filename (tmp, "user.db", NULL);

  g_test_add_func ("/cli-forms/templates", test_templates);
  g_test_add_func ("/cli-forms/coverage", test_coverage);
  g_test_add_func ("/cli-forms/coverage-fails", test_coverage_fails);
  g_test_add_func ("/cli-forms/import-export", test_import_export);
  g_test_add_func ("/cli-forms/agency", test_agency);
  g_test_add_func ("/cli-forms/agency-languages", test_agency_languages);
  return g_test_run ();
}
