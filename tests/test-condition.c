/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "ethos-condition.h"
#include "ethos-coverage.h"
#include "ethos-error.h"
#include "ethos-form.h"
#include "ethos-paths.h"
#include "ethos-template-store.h"
#include "ethos-test-utils.h"

/* Conditions with any/all lists, the field-level "when", template format 2
 * and the coverage model that sees signatures, fields, locks, checklists
 * and requirement versions (issue 10, issue 8). */

static char *tmp;

static EthosCondition *
parse (const char *json,
       gboolean    lists,
       GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return ethos_condition_from_json (json_parser_get_root (parser), lists, "test", "when", error);
}

typedef struct { const char *minor, *guardian; } Values;

static const char *
lookup (const char *field,
        gpointer    user_data)
{
  Values *v = user_data;

  if (g_str_equal (field, "client_is_minor"))
    return v->minor;
  if (g_str_equal (field, "guardian1_name"))
    return v->guardian;
  return NULL;
}

static void
test_any_all (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosCondition) any = parse ("{\"any\": [\"client_is_minor\", \"guardian1_name\"]}",
                                         TRUE, &error);
  g_autoptr(EthosCondition) all = NULL;
  Values adult = { "false", NULL }, minor = { "true", NULL }, named = { "false", "Ana" };
  Values unknown = { NULL, NULL };

  g_assert_no_error (error);
  g_assert_cmpint (any->kind, ==, ETHOS_CONDITION_ANY);
  g_assert_cmpint (ethos_condition_evaluate (any, lookup, &adult, FALSE), ==, ETHOS_TRUTH_FALSE);
  g_assert_cmpint (ethos_condition_evaluate (any, lookup, &minor, FALSE), ==, ETHOS_TRUTH_TRUE);
  g_assert_cmpint (ethos_condition_evaluate (any, lookup, &named, FALSE), ==, ETHOS_TRUTH_TRUE);
  /* A blank form: it depends on what is written by hand. */
  g_assert_cmpint (ethos_condition_evaluate (any, lookup, &unknown, TRUE), ==,
                   ETHOS_TRUTH_UNKNOWN);
  /* …but one true term settles "any" even then. */
  g_assert_cmpint (ethos_condition_evaluate (any, lookup, &minor, TRUE), ==, ETHOS_TRUTH_TRUE);

  all = parse ("{\"all\": [\"client_is_minor\", \"!guardian1_name\"]}", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ethos_condition_evaluate (all, lookup, &minor, FALSE), ==, ETHOS_TRUTH_TRUE);
  g_assert_cmpint (ethos_condition_evaluate (all, lookup, &named, FALSE), ==, ETHOS_TRUTH_FALSE);

  /* Exact implication over every way the fields can be filled in. */
  {
    g_autoptr(EthosCondition) is_minor = ethos_condition_new_field ("client_is_minor", FALSE);
    g_autoptr(EthosCondition) not_minor = ethos_condition_new_field ("client_is_minor", TRUE);
    g_autoptr(GPtrArray) pair = g_ptr_array_new ();

    g_assert_true (ethos_condition_implies (is_minor, any));
    g_assert_false (ethos_condition_implies (NULL, any));
    g_assert_true (ethos_condition_implies (all, is_minor));
    g_assert_false (ethos_condition_implies (is_minor, all));
    g_ptr_array_add (pair, is_minor);
    g_ptr_array_add (pair, not_minor);
    g_assert_true (ethos_condition_covered_by (NULL, pair));
  }
}

static void
test_refused (void)
{
  struct { const char *json; gboolean lists; const char *expect; } cases[] = {
    { "{\"any\": [\"client_is_minor\"]}", FALSE, "format" },
    { "{\"any\": []}", TRUE, "at least one" },
    { "{\"some\": [\"x\"]}", TRUE, "“any” or “all”" },
    { "{\"any\": [\"a\"], \"all\": [\"b\"]}", TRUE, "exactly one key" },
    { "\"Client Name\"", TRUE, "not a condition" },
    { "{\"any\": [{\"all\": [{\"any\": [{\"all\": [{\"any\": [\"a\"]}]}]}]}]}", TRUE, "nested" },
    { "42", TRUE, "a condition is a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EthosCondition) cond = parse (cases[i].json, cases[i].lists, &error);

      g_assert_null (cond);
      g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
      if (strstr (error->message, cases[i].expect) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, cases[i].expect, error->message);
    }
}

static EthosTemplateStore *
open_store (void)
{
  g_autofree char *dir = ethos_paths_get_templates_dir ();
  g_autoptr(GError) error = NULL;
  EthosTemplateStore *store = ethos_template_store_new (dir, NULL, NULL, &error);

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

/* The window asks the core which fields a form needs for its values. */
static void
test_field_needed (void)
{
  g_autoptr(EthosTemplateStore) store = open_store ();
  const EthosTemplateEntry *entry = ethos_template_store_lookup (store, "informed-consent", NULL);
  g_autoptr(EthosFormValues) values = ethos_form_values_new (entry->tmpl);

  g_assert_true (ethos_form_values_field_needed (values, "client_name"));
  g_assert_true (ethos_form_values_field_needed (values, "guardian1_name"));
  g_assert_false (ethos_form_values_field_needed (values, "guardian2_name"));
  g_assert_false (ethos_form_values_field_needed (values, "guardian2_relationship"));
  g_assert_false (ethos_form_values_field_needed (values, "referring_authority"));
  g_assert_false (ethos_form_values_field_needed (values, "no_such_field"));

  g_assert_true (ethos_form_values_set (values, "guardian1_name", "Rosa Pérez", NULL));
  g_assert_true (ethos_form_values_set (values, "mandated", "yes", NULL));
  g_assert_true (ethos_form_values_field_needed (values, "guardian2_name"));
  g_assert_true (ethos_form_values_field_needed (values, "referring_authority"));
  g_assert_true (ethos_form_values_set (values, "mandated", "no", NULL));
  g_assert_false (ethos_form_values_field_needed (values, "referring_authority"));
}

/* A format-1 file (before lists) still loads and exports as format 1; a
 * file using lists or a field's "when" exports as format 2 and reads back. */
static void
test_formats (void)
{
  g_autoptr(EthosTemplateStore) store = open_store ();
  EthosRequirements *reqs = ethos_template_store_get_requirements (store);
  const char *old =
    "{\"format\": 1, \"id\": \"old-form\", \"version\": \"1.0\", \"languages\": [\"en\"],"
    " \"title\": {\"en\": \"Old\"}, \"requires\": [\"nohs 2\"],"
    " \"fields\": [{\"id\": \"client_name\", \"type\": \"text\", \"required\": true,"
    "   \"label\": {\"en\": \"Client name\"}},"
    "  {\"id\": \"client_is_minor\", \"type\": \"bool\", \"required\": false,"
    "   \"label\": {\"en\": \"Minor\"}}],"
    " \"clauses\": [{\"id\": \"a\", \"locked\": true, \"when\": null, \"satisfies\": [],"
    "   \"heading\": {\"en\": \"A\"}, \"body\": {\"en\": \"Text.\"}}],"
    " \"signatures\": [{\"role\": \"client\", \"when\": \"!client_is_minor\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosTemplate) tmpl = ethos_template_load ("old.json", old, strlen (old), reqs, &error);
  g_autofree char *json = NULL;
  g_autofree char *builtin = NULL;
  g_autoptr(EthosTemplate) again = NULL;
  g_autofree char *json2 = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (tmpl->format, ==, 1);
  g_assert_cmpuint (tmpl->requirements_version, ==, 1);
  json = ethos_template_to_json (tmpl);
  g_assert_nonnull (strstr (json, "\"format\" : 1"));
  g_assert_null (strstr (json, "\"requirements\""));

  /* A list in a format-1 file is refused, naming the format. */
  {
    g_autofree char *listy = g_strdup (old);
    g_autofree char *edited = NULL;
    g_autoptr(GError) e2 = NULL;
    g_autoptr(EthosTemplate) t2 = NULL;
    GString *s = g_string_new (listy);

    g_string_replace (s, "\"when\": \"!client_is_minor\"",
                      "\"when\": {\"any\": [\"client_is_minor\"]}", 1);
    edited = g_string_free (s, FALSE);
    t2 = ethos_template_load ("old.json", edited, strlen (edited), reqs, &e2);
    g_assert_null (t2);
    g_assert_error (e2, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
    g_assert_nonnull (strstr (e2->message, "format"));
  }

  builtin = read_builtin ("informed-consent");
  g_clear_pointer (&tmpl, ethos_template_unref);
  tmpl = ethos_template_load ("informed-consent.json", builtin, strlen (builtin), reqs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tmpl->format, ==, 2);
  g_assert_cmpint (ethos_template_get_field (tmpl, "guardian2_name")->when->kind, ==,
                   ETHOS_CONDITION_FIELD);
  json2 = ethos_template_to_json (tmpl);
  g_assert_nonnull (strstr (json2, "\"format\" : 2"));
  g_assert_nonnull (strstr (json2, "\"any\""));
  again = ethos_template_load ("export.json", json2, strlen (json2), reqs, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tmpl->signatures->len; i++)
    g_assert_true (ethos_condition_equal (
      ((EthosSignatureDef *) tmpl->signatures->pdata[i])->when,
      ((EthosSignatureDef *) again->signatures->pdata[i])->when));
}

/* ethos-cli coverage FILE: its exit status and what it names. */
static int
coverage_of (const char  *name,
             const char  *json,
             char       **out,
             char       **err)
{
  g_autofree char *path = ethos_test_write_file (tmp, name, json);
  g_autofree char *db = g_build_filename (tmp, "user.db", NULL);

  return ethos_test_run_cli_db (db, out, err, "coverage", path, NULL);
}

static char *
edit_json (const char *id,
           void      (*edit) (JsonObject *root))
{
  g_autofree char *text = read_builtin (id);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  edit (json_node_get_object (json_parser_get_root (parser)));
  json_generator_set_root (gen, json_parser_get_root (parser));
  return json_generator_to_data (gen, NULL);
}

static void
remove_clauses (JsonObject  *root,
                const char **ids)
{
  JsonArray *clauses = json_object_get_array_member (root, "clauses");

  for (guint i = json_array_get_length (clauses); i-- > 0;)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (clauses, i),
                                                      "id");
      if (g_strv_contains (ids, id))
        json_array_remove_element (clauses, i);
    }
}

static void
gut_release (JsonObject *root)
{
  const char *ids[] = { "expiry", "revoke", NULL };

  remove_clauses (root, ids);
}

static void
unlock_withdraw (JsonObject *root)
{
  JsonArray *clauses = json_object_get_array_member (root, "clauses");

  for (guint i = 0; i < json_array_get_length (clauses); i++)
    {
      JsonObject *clause = json_array_get_object_element (clauses, i);

      if (g_str_equal (json_object_get_string_member (clause, "id"), "withdraw"))
        json_object_set_boolean_member (clause, "locked", FALSE);
    }
}

static void
drop_guardian_block (JsonObject *root)
{
  JsonArray *sigs = json_object_get_array_member (root, "signatures");

  for (guint i = json_array_get_length (sigs); i-- > 0;)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (sigs, i),
                                                    "role"), "guardian1"))
      json_array_remove_element (sigs, i);
}

/* Version 1 of the requirements had no HIPAA checklist and no "mandated
 * sharing": a copy checked against it is warned, not failed, about them. */
static void
old_agency_copy (JsonObject *root)
{
  const char *ids[] = { "risks-benefits", NULL };

  json_object_set_int_member (root, "requirements", 1);
  remove_clauses (root, ids);
}

static void
old_copy_missing_old_element (JsonObject *root)
{
  const char *ids[] = { "risks-benefits", "withdraw", NULL };

  old_agency_copy (root);
  remove_clauses (root, ids);
}

static void
test_coverage_sees_omissions (void)
{
  g_autofree char *gutted = edit_json ("release-of-information", gut_release);
  g_autofree char *unlocked = edit_json ("informed-consent", unlock_withdraw);
  g_autofree char *no_guardian = edit_json ("informed-consent", drop_guardian_block);
  g_autofree char *old = edit_json ("informed-consent", old_agency_copy);
  g_autofree char *older = edit_json ("informed-consent", old_copy_missing_old_element);
  g_autofree char *out = NULL, *err = NULL;

  /* A release without its expiry and revocation clauses. */
  g_assert_cmpint (coverage_of ("gutted.json", gutted, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "hipaa-164.508#expiry\tUNCOVERED"));
  g_assert_nonnull (strstr (out, "hipaa-164.508#revoke\tUNCOVERED"));
  g_assert_nonnull (strstr (err, "roi_expiry"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* "Your right to stop", unlocked: a counselor could reword it away. */
  g_assert_cmpint (coverage_of ("unlocked.json", unlocked, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "nohs-2#withdraw\tUNLOCKED"));
  g_assert_nonnull (strstr (err, "only unlocked clauses"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A minor's form needs a parent/guardian block. */
  g_assert_cmpint (coverage_of ("no-guardian.json", no_guardian, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "practice-minors#guardian-signature\tUNCOVERED"));
  g_assert_nonnull (strstr (err, "guardian1"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* New since the template was made: a warning, exit 0… */
  g_assert_cmpint (coverage_of ("old.json", old, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "practice#risks\tNEW"));
  g_assert_nonnull (strstr (err, "warning"));
  g_assert_nonnull (strstr (err, "requirements version 1"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* …while what it was checked against stays an error. */
  g_assert_cmpint (coverage_of ("older.json", older, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "nohs-2#withdraw\tUNCOVERED"));
}

/* Every built-in covers every element, in locked clauses, against the
 * current requirements; the HIPAA and Part 2 checklists are regulations. */
static void
test_builtins_current (void)
{
  g_autoptr(EthosTemplateStore) store = open_store ();
  EthosRequirements *reqs = ethos_template_store_get_requirements (store);
  GPtrArray *list = ethos_template_store_list (store);
  const EthosStandard *hipaa = ethos_requirements_get_source (reqs, "hipaa 164.508");
  const EthosStandard *part2 = ethos_requirements_get_source (reqs, "cfr42 2.31");
  const EthosStandard *nohs = ethos_requirements_get_source (reqs, "nohs 2");
  gboolean saw_hipaa = FALSE, saw_part2 = FALSE;

  g_assert_cmpint (hipaa->kind, ==, ETHOS_SOURCE_REGULATION);
  g_assert_cmpint (part2->kind, ==, ETHOS_SOURCE_REGULATION);
  g_assert_cmpint (nohs->kind, ==, ETHOS_SOURCE_CODE);
  g_assert_nonnull (strstr (ethos_standard_get_title (hipaa, "en"), "164.508(c)"));
  g_assert_cmpint (ethos_requirements_get_source (reqs, "practice")->kind, ==,
                   ETHOS_SOURCE_PRACTICE);
  g_assert_cmpuint (ethos_requirements_get_version (reqs), >=, 2);

  for (guint i = 0; i < list->len; i++)
    {
      const EthosTemplate *tmpl = ((EthosTemplateEntry *) list->pdata[i])->tmpl;
      g_autoptr(GPtrArray) coverage = ethos_coverage_check (tmpl, reqs);

      g_assert_cmpuint (tmpl->requirements_version, ==, ethos_requirements_get_version (reqs));
      for (guint e = 0; e < coverage->len; e++)
        {
          const EthosCoverageEntry *entry = coverage->pdata[e];

          if (entry->status != ETHOS_COVERAGE_COVERED)
            g_error ("%s: %s is %s (%s)", tmpl->id, entry->element->id,
                     ethos_coverage_status_to_string (entry->status), entry->problem);
          saw_hipaa |= g_str_has_prefix (entry->element->id, "hipaa-164.508#");
          saw_part2 |= g_str_has_prefix (entry->element->id, "cfr42-2.31#");
        }
      /* The footer stamps code editions only, never a regulation. */
      for (guint c = 0; tmpl->code_ids[c] != NULL; c++)
        g_assert_true (g_strv_contains ((const char *[]) { "nohs", "coaching", "cesp", "oesc",
                                                           NULL }, tmpl->code_ids[c]));
    }
  g_assert_true (saw_hipaa);
  g_assert_true (saw_part2);
}

int
main (int    argc,
      char **argv)
{
  int status;

  tmp = ethos_test_init (&argc, &argv);
  g_test_add_func ("/condition/any-all", test_any_all);
  g_test_add_func ("/condition/refused", test_refused);
  g_test_add_func ("/condition/field-needed", test_field_needed);
  g_test_add_func ("/condition/formats", test_formats);
  g_test_add_func ("/coverage/omissions", test_coverage_sees_omissions);
  g_test_add_func ("/coverage/builtins-current", test_builtins_current);
  status = g_test_run ();
  g_free (tmp);
  return status;
}
