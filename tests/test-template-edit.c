/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ethos-coverage.h"
#include "ethos-error.h"
#include "ethos-form.h"
#include "ethos-paths.h"
#include "ethos-template-edit.h"
#include "ethos-template-history.h"
#include "ethos-template-store.h"
#include "ethos-test-utils.h"

/* The template editor's operations (ethos-template-edit.h) and its undo
 * stack (ethos-template-history.h), without a window. */

static EthosTemplateStore *store;

static EthosRequirements *
reqs (void)
{
  return ethos_template_store_get_requirements (store);
}

static EthosTemplate *
informed_consent (void)
{
  const EthosTemplateEntry *entry = ethos_template_store_lookup (store, "informed-consent", NULL);

  g_assert_nonnull (entry);
  return ethos_template_copy (entry->tmpl);
}

/* The template as a file, then read back: what Save would store. */
static EthosTemplate *
round_trip (const EthosTemplate *tmpl,
            GError             **error)
{
  g_autofree char *json = ethos_template_to_json (tmpl);

  return ethos_template_load ("edited", json, strlen (json), reqs (), error);
}

static gboolean
is_uncovered (const EthosTemplate *tmpl,
              const char          *element)
{
  g_autoptr(GPtrArray) coverage = ethos_coverage_check (tmpl, reqs ());
  g_auto(GStrv) uncovered = ethos_coverage_uncovered (coverage);

  return g_strv_contains ((const char * const *) uncovered, element);
}

static void
test_copy (void)
{
  const EthosTemplateEntry *entry = ethos_template_store_lookup (store, "informed-consent", NULL);
  g_autoptr(EthosTemplate) copy = ethos_template_copy (entry->tmpl);
  g_autofree char *a = ethos_template_to_json (entry->tmpl);
  g_autofree char *b = ethos_template_to_json (copy);

  g_assert_cmpstr (a, ==, b);
  /* A deep copy: changing it leaves the store's template alone. */
  g_assert_true (ethos_template_set_clause_text (copy, "withdraw", ETHOS_CLAUSE_BODY, "en",
                                                 "Changed."));
  g_assert_cmpstr (ethos_lang_text_get (ethos_template_get_clause (entry->tmpl,
                                                                   "withdraw")->body, "en"),
                   !=, "Changed.");
}

static gboolean
taken_cb (const char *id,
          gpointer    user_data)
{
  return g_strv_contains (user_data, id);
}

static void
test_duplicate (void)
{
  g_autoptr(EthosTemplate) original = informed_consent ();
  g_autoptr(EthosTemplate) copy = NULL;
  g_autoptr(EthosTemplate) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *taken[] = { "informed-consent-riverbend", NULL };
  g_autofree char *id = ethos_template_make_id ("informed-consent", "Riverbend", taken_cb,
                                                (gpointer) taken);
  g_autofree char *accented = ethos_template_make_id ("informed-consent", "Niños Ávila, Inc.",
                                                      NULL, NULL);
  g_autofree char *blank = ethos_template_make_id ("informed-consent", "", NULL, NULL);
  g_autofree char *huge = ethos_template_make_id ("informed-consent",
                                                  "a very long agency name that goes on "
                                                  "and on and on and on and on", NULL, NULL);

  g_assert_cmpstr (id, ==, "informed-consent-riverbend-2");
  g_assert_cmpstr (accented, ==, "informed-consent-ninos-avila-inc");
  g_assert_cmpstr (blank, ==, "informed-consent-copy");
  g_assert_cmpuint (strlen (huge), <=, 64);
  g_assert_false (g_str_has_suffix (huge, "-"));

  original->version[0] = '3';
  copy = ethos_template_duplicate (original, "informed-consent-riverbend", "Riverbend", reqs ());
  g_assert_cmpstr (copy->id, ==, "informed-consent-riverbend");
  g_assert_cmpstr (copy->version, ==, "1.0");
  g_assert_cmpstr (ethos_lang_text_get (copy->title, "en"), ==,
                   "Informed Consent for Services (Riverbend)");
  g_assert_true (g_str_has_suffix (ethos_lang_text_get (copy->title, "es"), " (Riverbend)"));
  loaded = round_trip (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->clauses->len, ==, original->clauses->len);
}

static void
test_clauses (void)
{
  g_autoptr(EthosTemplate) tmpl = informed_consent ();
  g_autoptr(EthosTemplate) loaded = NULL;
  g_autoptr(GError) error = NULL;
  guint n = tmpl->clauses->len;
  EthosClause *added, *copy;

  /* Delete "Your right to stop": the element it carries is uncovered. */
  g_assert_false (is_uncovered (tmpl, "nohs-2#withdraw"));
  g_assert_true (ethos_template_remove_clause (tmpl, "withdraw"));
  g_assert_false (ethos_template_remove_clause (tmpl, "withdraw"));
  g_assert_true (is_uncovered (tmpl, "nohs-2#withdraw"));
  g_assert_cmpuint (tmpl->clauses->len, ==, n - 1);

  /* A new clause, written and tagged, covers it again. */
  added = ethos_template_add_clause (tmpl, 2);
  g_assert_cmpstr (added->id, ==, "clause");
  g_assert_cmpint (ethos_template_clause_index (tmpl, "clause"), ==, 2);
  g_assert_cmpstr (ethos_template_add_clause (tmpl, -1)->id, ==, "clause-2");
  g_assert_true (ethos_template_remove_clause (tmpl, "clause-2"));
  g_assert_true (ethos_template_set_clause_text (tmpl, "clause", ETHOS_CLAUSE_HEADING, "en",
                                                 "Stopping\nservices"));
  g_assert_cmpstr (ethos_lang_text_get (added->heading, "en"), ==, "Stopping services");
  g_assert_true (ethos_template_set_clause_text (tmpl, "clause", ETHOS_CLAUSE_BODY, "en",
                                                 "You, {client_name}, may stop at any time."));
  g_assert_false (ethos_template_set_clause_text (tmpl, "clause", ETHOS_CLAUSE_BODY, "fr", "x"));
  g_assert_false (ethos_template_set_clause_text (tmpl, "nope", ETHOS_CLAUSE_BODY, "en", "x"));
  g_assert_true (ethos_template_set_clause_tag (tmpl, reqs (), "clause", "nohs-2#withdraw", TRUE));
  /* Only elements of the standards the template requires. */
  g_assert_false (ethos_template_set_clause_tag (tmpl, reqs (), "clause", "coaching-1.3#fees",
                                                 TRUE));
  g_assert_false (ethos_template_set_clause_tag (tmpl, reqs (), "clause", "nope#x", TRUE));
  /* Unlocked, it does not count yet. */
  g_assert_true (is_uncovered (tmpl, "nohs-2#withdraw"));
  g_assert_true (ethos_template_set_clause_locked (tmpl, "clause", TRUE));
  g_assert_false (is_uncovered (tmpl, "nohs-2#withdraw"));

  /* Without its Spanish text it cannot be saved; the loader agrees. */
  loaded = round_trip (tmpl, &error);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_assert_null (loaded);
  g_clear_error (&error);
  g_assert_true (ethos_template_set_clause_text (tmpl, "clause", ETHOS_CLAUSE_HEADING, "es",
                                                 "Dejar los servicios"));
  g_assert_true (ethos_template_set_clause_text (tmpl, "clause", ETHOS_CLAUSE_BODY, "es",
                                                 "Usted, {client_name}, puede dejarlos."));
  loaded = round_trip (tmpl, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ethos_template_clause_index (loaded, "clause"), ==, 2);

  /* Duplicate (unlocked, just after), move, hide. */
  copy = ethos_template_duplicate_clause (tmpl, "clause");
  g_assert_cmpstr (copy->id, ==, "clause-copy");
  g_assert_false (copy->locked);
  g_assert_cmpint (ethos_template_clause_index (tmpl, "clause-copy"), ==, 3);
  g_assert_cmpstr (ethos_template_duplicate_clause (tmpl, "clause")->id, ==, "clause-copy-2");
  g_assert_true (ethos_template_move_clause (tmpl, "clause-copy", 0));
  g_assert_cmpint (ethos_template_clause_index (tmpl, "clause-copy"), ==, 0);
  g_assert_true (ethos_template_move_clause (tmpl, "clause-copy", -1));
  g_assert_cmpint (ethos_template_clause_index (tmpl, "clause-copy"), ==,
                   (int) tmpl->clauses->len - 1);
  g_assert_false (ethos_template_move_clause (tmpl, "nope", 0));
}

/* A hidden clause stays in the template but is neither printed nor
 * counted by the coverage check. */
static void
test_hidden (void)
{
  g_autoptr(EthosTemplate) tmpl = informed_consent ();
  g_autoptr(EthosTemplate) loaded = NULL;
  g_autoptr(EthosFormValues) values = NULL;
  g_autoptr(EthosDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  EthosFormOptions options = { .lang = "en", .blank = TRUE };

  g_assert_true (ethos_template_set_clause_hidden (tmpl, "withdraw", TRUE));
  g_assert_true (is_uncovered (tmpl, "nohs-2#withdraw"));
  json = ethos_template_to_json (tmpl);
  g_assert_nonnull (strstr (json, "\"hidden\" : true"));
  loaded = ethos_template_load ("hidden", json, strlen (json), reqs (), &error);
  g_assert_no_error (error);
  g_assert_true (ethos_template_get_clause (loaded, "withdraw")->hidden);
  g_assert_false (ethos_template_get_clause (loaded, "privacy")->hidden);

  values = ethos_form_values_new (loaded);
  doc = ethos_form_build (loaded, values, &options, &error);
  g_assert_no_error (error);
  text = ethos_document_get_all_text (doc);
  g_assert_null (strstr (text, "Your right to stop"));
  g_assert_nonnull (strstr (text, "Your privacy"));

  /* A format-1 file cannot say it. */
  {
    static const char v1[] =
      "{\"format\": 1, \"id\": \"small\", \"version\": \"1.0\", \"languages\": [\"en\"],"
      " \"title\": {\"en\": \"Small\"}, \"requires\": [], \"fields\": [],"
      " \"clauses\": [{\"id\": \"one\", \"locked\": false, \"hidden\": true, \"when\": null,"
      " \"satisfies\": [], \"heading\": {\"en\": \"One\"}, \"body\": {\"en\": \"Text.\"}}],"
      " \"signatures\": []}";
    g_autoptr(EthosTemplate) old = ethos_template_load ("v1", v1, strlen (v1), reqs (), &error);

    g_assert_null (old);
    g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
    g_assert_nonnull (strstr (error->message, "“hidden” needs “format”: 2"));
  }
}

static void
test_conditions_and_signatures (void)
{
  g_autoptr(EthosTemplate) tmpl = informed_consent ();
  g_autoptr(EthosTemplate) loaded = NULL;
  g_autoptr(EthosCondition) guardian = ethos_condition_new_field ("guardian1_name", FALSE);
  g_autoptr(EthosCondition) unknown = ethos_condition_new_field ("no_such_field", FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_true (ethos_template_set_clause_when (tmpl, "questions", guardian));
  g_assert_true (ethos_condition_equal (ethos_template_get_clause (tmpl, "questions")->when,
                                        guardian));
  g_assert_false (ethos_template_set_clause_when (tmpl, "questions", unknown));
  g_assert_true (ethos_template_set_clause_when (tmpl, "questions", NULL));
  g_assert_null (ethos_template_get_clause (tmpl, "questions")->when);

  g_assert_null (ethos_template_get_signature (tmpl, "witness"));
  g_assert_true (ethos_template_set_signature (tmpl, "witness", TRUE, guardian));
  g_assert_false (ethos_template_set_signature (tmpl, "judge", TRUE, NULL));
  g_assert_false (ethos_template_set_signature (tmpl, "witness", TRUE, unknown));
  /* Signature blocks keep the roles' order: the witness after the professional. */
  g_assert_cmpstr (((EthosSignatureDef *) g_ptr_array_index (tmpl->signatures,
                                                              tmpl->signatures->len - 1))->role,
                   ==, "witness");
  g_assert_true (ethos_template_set_signature (tmpl, "guardian1", FALSE, NULL));
  g_assert_null (ethos_template_get_signature (tmpl, "guardian1"));
  /* The minors' checklist needs a guardian's block. */
  g_assert_true (is_uncovered (tmpl, "practice-minors#guardian-signature"));
  g_assert_false (is_uncovered (tmpl, "practice-minors#assent"));
  loaded = round_trip (tmpl, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ethos_template_get_signature (loaded, "witness"));
}

static void
test_requirements (void)
{
  g_autoptr(EthosTemplate) tmpl = informed_consent ();
  g_autoptr(EthosTemplate) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;

  g_assert_false (ethos_template_add_requirement (tmpl, reqs (), "nohs 2", &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (ethos_template_add_requirement (tmpl, reqs (), "nohs 999", &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (ethos_template_add_requirement (tmpl, reqs (), "coaching 1.11", &error));
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) tmpl->code_ids, "coaching"));
  g_assert_true (ethos_template_set_clause_tag (tmpl, reqs (), "privacy",
                                               "coaching-1.11#conditions", TRUE));
  g_assert_true (is_uncovered (tmpl, "coaching-1.11#agreement"));
  g_assert_false (is_uncovered (tmpl, "coaching-1.11#conditions"));

  /* Removing NOHS 9 names the elements its clauses lose, and drops them. */
  tags = ethos_template_requirement_tags (tmpl, reqs (), "nohs 9");
  g_assert_cmpuint (g_strv_length (tags), ==, 5);
  g_assert_cmpstr (tags[0], ==, "nohs-9#precautions");
  g_assert_true (ethos_template_remove_requirement (tmpl, reqs (), "nohs 9"));
  g_assert_false (g_strv_contains ((const char * const *) tmpl->requires, "nohs 9"));
  g_assert_cmpuint (g_strv_length (ethos_template_get_clause (tmpl, "technology")->satisfies),
                    ==, 0);
  g_assert_false (ethos_template_remove_requirement (tmpl, reqs (), "nohs 9"));
  loaded = round_trip (tmpl, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) loaded->requires, "coaching 1.11"));
}

static void
test_fields (void)
{
  g_autoptr(EthosTemplate) tmpl = informed_consent ();
  g_autoptr(EthosTemplate) loaded = NULL;
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (labels, "en", "Fee schedule");
  g_assert_false (ethos_template_add_field (tmpl, "fee_schedule", ETHOS_FIELD_TEXT, FALSE,
                                            labels, &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Spanish"));
  g_clear_error (&error);
  g_hash_table_insert (labels, "es", "Tarifas");
  g_assert_false (ethos_template_add_field (tmpl, "Fee Schedule", ETHOS_FIELD_TEXT, FALSE,
                                            labels, &error));
  g_clear_error (&error);
  g_assert_false (ethos_template_add_field (tmpl, "fees", ETHOS_FIELD_TEXT, FALSE, labels,
                                            &error));
  g_clear_error (&error);
  /* A field of the contract keeps its type. */
  g_assert_false (ethos_template_add_field (tmpl, "roi_expiry", ETHOS_FIELD_TEXT, FALSE, labels,
                                            &error));
  g_assert_nonnull (strstr (error->message, "date"));
  g_clear_error (&error);
  g_assert_true (ethos_template_add_field (tmpl, "fee_schedule", ETHOS_FIELD_MULTILINE, TRUE,
                                           labels, &error));
  g_assert_no_error (error);

  /* A placeholder of it keeps it. */
  g_assert_true (ethos_template_set_clause_text (tmpl, "appointments", ETHOS_CLAUSE_BODY, "en",
                                                 "Fees: {fee_schedule}."));
  g_assert_false (ethos_template_remove_field (tmpl, "fee_schedule", &error));
  g_assert_nonnull (strstr (error->message, "appointments"));
  g_clear_error (&error);
  loaded = round_trip (tmpl, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ethos_template_get_field (loaded, "fee_schedule")->type, ==,
                   ETHOS_FIELD_MULTILINE);
  g_assert_true (ethos_template_set_clause_text (tmpl, "appointments", ETHOS_CLAUSE_BODY, "en",
                                                 "No fees."));
  g_assert_true (ethos_template_remove_field (tmpl, "fee_schedule", &error));
  g_assert_null (ethos_template_get_field (tmpl, "fee_schedule"));
  /* A condition on it keeps it too. */
  g_assert_false (ethos_template_remove_field (tmpl, "guardian1_name", &error));
  g_clear_error (&error);
}

static GHashTable *
en_es (const char *en,
       const char *es)
{
  GHashTable *labels = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (labels, "en", (gpointer) en);
  g_hash_table_insert (labels, "es", (gpointer) es);
  return labels;
}

static void
test_choice_fields (void)
{
  g_autoptr(EthosTemplate) tmpl = informed_consent ();
  g_autoptr(EthosTemplate) loaded = NULL;
  g_autoptr(GHashTable) labels = en_es ("Where we meet", "Dónde nos reunimos");
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (
                                   (GDestroyNotify) g_hash_table_unref);
  g_autoptr(EthosFormValues) values = NULL;
  g_autoptr(EthosDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const EthosField *field;
  EthosFormOptions options = { .lang = "es" };

  /* Not through the plain call; and not with one choice. */
  g_assert_false (ethos_template_add_field (tmpl, "meeting_place", ETHOS_FIELD_CHOICE, FALSE,
                                            labels, &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_ptr_array_add (choices, en_es ("In person, at the office", "En persona, en la oficina"));
  g_assert_false (ethos_template_add_choice_field (tmpl, "meeting_place", FALSE, labels, choices,
                                                   &error));
  g_assert_nonnull (strstr (error->message, "two"));
  g_clear_error (&error);
  /* A choice without its Spanish label is refused, naming it. */
  g_ptr_array_add (choices, en_es ("By video", ""));
  g_assert_false (ethos_template_add_choice_field (tmpl, "meeting_place", FALSE, labels, choices,
                                                   &error));
  g_assert_nonnull (strstr (error->message, "Choice 2"));
  g_assert_nonnull (strstr (error->message, "Spanish"));
  g_assert_null (ethos_template_get_field (tmpl, "meeting_place"));
  g_clear_error (&error);
  g_hash_table_insert (choices->pdata[1], "es", "Por vídeo");
  /* Labels that give the same id, or none (another script), still get one each. */
  g_ptr_array_add (choices, en_es ("By video!", "Por vídeo (2)"));
  g_ptr_array_add (choices, en_es ("電話", "Por teléfono"));
  g_assert_true (ethos_template_add_choice_field (tmpl, "meeting_place", TRUE, labels, choices,
                                                  &error));
  g_assert_no_error (error);
  field = ethos_template_get_field (tmpl, "meeting_place");
  g_assert_nonnull (field);
  g_assert_cmpint (field->type, ==, ETHOS_FIELD_CHOICE);
  g_assert_cmpuint (field->choices->len, ==, 4);
  g_assert_cmpstr (((EthosChoice *) field->choices->pdata[0])->id, ==, "in_person_at_the_office");
  g_assert_cmpstr (((EthosChoice *) field->choices->pdata[1])->id, ==, "by_video");
  g_assert_cmpstr (((EthosChoice *) field->choices->pdata[2])->id, ==, "by_video_2");
  g_assert_cmpstr (((EthosChoice *) field->choices->pdata[3])->id, ==, "choice_4");
  /* A second field of that id is refused. */
  g_assert_false (ethos_template_add_choice_field (tmpl, "meeting_place", FALSE, labels, choices,
                                                   &error));
  g_clear_error (&error);

  /* It saves, loads, and the form prints the label chosen in the form's language. */
  g_assert_true (ethos_template_set_clause_text (tmpl, "appointments", ETHOS_CLAUSE_BODY, "es",
                                                 "Nos reunimos así: {meeting_place}."));
  loaded = round_trip (tmpl, &error);
  g_assert_no_error (error);
  field = ethos_template_get_field (loaded, "meeting_place");
  g_assert_cmpuint (field->choices->len, ==, 4);
  g_assert_cmpstr (ethos_lang_text_get (((EthosChoice *) field->choices->pdata[1])->label, "es"),
                   ==, "Por vídeo");
  values = ethos_form_values_new (loaded);
  g_assert_false (ethos_form_values_set (values, "meeting_place", "by_phone", &error));
  g_clear_error (&error);
  g_assert_true (ethos_form_values_set (values, "meeting_place", "by_video", &error));
  g_assert_no_error (error);
  options.blank = TRUE;
  doc = ethos_form_build (loaded, values, &options, &error);
  g_assert_no_error (error);
  text = ethos_document_get_all_text (doc);
  /* The value is a run of its own. */
  g_assert_nonnull (strstr (text, "Nos reunimos así: \nPor vídeo\n."));
  g_assert_null (strstr (text, "by_video"));

  /* Long lists are choices too (the 50 states and DC, and more): the
   * editor takes up to its limit, and a file with them loads back. */
  {
    g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
    g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(EthosTemplate) reloaded = NULL;

    for (guint i = 0; i < ETHOS_TEMPLATE_MAX_CHOICES + 1; i++)
      {
        char *en = g_strdup_printf ("Place %u", i + 1);
        char *es = g_strdup_printf ("Lugar %u", i + 1);

        g_ptr_array_add (keep, en);
        g_ptr_array_add (keep, es);
        g_ptr_array_add (many, en_es (en, es));
      }
    g_assert_false (ethos_template_add_choice_field (loaded, "state", FALSE, labels, many,
                                                     &error));
    g_assert_nonnull (strstr (error->message, "at most"));
    g_clear_error (&error);
    g_ptr_array_set_size (many, 51);
    g_assert_true (ethos_template_add_choice_field (loaded, "state", FALSE, labels, many,
                                                    &error));
    g_assert_no_error (error);
    reloaded = round_trip (loaded, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ethos_template_get_field (reloaded, "state")->choices->len, ==, 51);
  }
}

static void
test_problems (void)
{
  g_autoptr(EthosTemplate) tmpl = informed_consent ();
  g_autoptr(GPtrArray) problems = ethos_template_get_problems (tmpl);
  EthosClause *clause;
  const EthosTemplateProblem *problem;

  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  clause = ethos_template_add_clause (tmpl, -1);
  ethos_template_set_clause_text (tmpl, clause->id, ETHOS_CLAUSE_HEADING, "en", "Fees");
  ethos_template_set_clause_text (tmpl, clause->id, ETHOS_CLAUSE_BODY, "en",
                                  "You pay {fee_amount}.");
  problems = ethos_template_get_problems (tmpl);
  /* No Spanish heading or text; a placeholder naming no field. */
  g_assert_cmpuint (problems->len, ==, 2);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->clause_id, ==, clause->id);
  g_assert_cmpstr (problem->lang, ==, "en");
  g_assert_nonnull (strstr (problem->message, "{fee_amount}"));
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpstr (problem->lang, ==, "es");
  g_assert_cmpstr (problem->message, ==, "“Fees” has no heading and no text in Spanish");
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* What the loader would refuse at print time is said here first. */
  ethos_template_set_clause_text (tmpl, clause->id, ETHOS_CLAUSE_BODY, "en", "Fees apply.");
  ethos_template_set_clause_text (tmpl, clause->id, ETHOS_CLAUSE_HEADING, "es", "رسوم");
  ethos_template_set_clause_text (tmpl, clause->id, ETHOS_CLAUSE_BODY, "es", "Hay tarifas.");
  problems = ethos_template_get_problems (tmpl);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->lang, ==, "es");
  g_assert_true (g_str_has_prefix (problem->message, "“Fees”, heading in Spanish: "));
}

/* A draft keeps what is half written; the strict loader would refuse it. */
static void
test_draft (void)
{
  g_autoptr(EthosTemplate) tmpl = informed_consent ();
  g_autoptr(EthosTemplate) draft = NULL;
  g_autoptr(EthosTemplate) strict = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;

  ethos_template_add_clause (tmpl, 0);
  ethos_template_set_clause_text (tmpl, "clause", ETHOS_CLAUSE_BODY, "en", "Half {writ");
  json = ethos_template_to_json (tmpl);
  strict = ethos_template_load ("draft", json, strlen (json), reqs (), &error);
  g_assert_null (strict);
  g_clear_error (&error);
  draft = ethos_template_load_draft ("draft", json, strlen (json), reqs (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ethos_lang_text_get (ethos_template_get_clause (draft, "clause")->body, "en"),
                   ==, "Half {writ");
  g_assert_cmpstr (ethos_lang_text_get (ethos_template_get_clause (draft, "clause")->body, "es"),
                   ==, "");
  again = ethos_template_to_json (draft);
  g_assert_cmpstr (again, ==, json);
  /* Structure is still checked. */
  g_clear_pointer (&draft, ethos_template_unref);
  draft = ethos_template_load_draft ("draft", "{\"format\": 2}", 13, reqs (), &error);
  g_assert_null (draft);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
}

static void
test_reading_level (void)
{
  g_autoptr(EthosTemplate) tmpl = informed_consent ();
  EthosReadability clause, whole, es;

  g_assert_true (ethos_template_reading_level (tmpl, "withdraw", "en", &clause));
  g_assert_true (ethos_template_reading_level (tmpl, NULL, "en", &whole));
  g_assert_true (ethos_template_reading_level (tmpl, NULL, "es", &es));
  g_assert_cmpuint (whole.words, >, clause.words * 5);
  g_assert_cmpfloat (es.score, >, 0);
  /* A grade-14 sentence is flagged. */
  ethos_template_set_clause_text (tmpl, "withdraw", ETHOS_CLAUSE_BODY, "en",
                                  "Notwithstanding contractual obligations, discontinuation "
                                  "necessitates comprehensive documentation, organizational "
                                  "notification and administrative authorization.");
  g_assert_true (ethos_template_reading_level (tmpl, "withdraw", "en", &clause));
  g_assert_true (clause.hard);
  g_assert_cmpfloat (clause.score, >, ETHOS_READABILITY_MAX_GRADE);
  ethos_template_set_clause_text (tmpl, "withdraw", ETHOS_CLAUSE_BODY, "en", "");
  g_assert_false (ethos_template_reading_level (tmpl, "withdraw", "en", &clause));
}

static void
test_history (void)
{
  g_autoptr(EthosTemplateHistory) history = ethos_template_history_new (3);
  g_autoptr(EthosTemplate) tmpl = informed_consent ();
  g_autoptr(EthosTemplate) back = NULL;
  g_autoptr(EthosTemplate) forward = NULL;
  gint64 t = 1000000;

  g_assert_false (ethos_template_history_can_undo (history));
  g_assert_null (ethos_template_history_undo (history, tmpl));

  /* Delete a clause; undo brings it back; redo deletes it again. */
  ethos_template_history_record (history, tmpl, NULL, t);
  ethos_template_remove_clause (tmpl, "withdraw");
  g_assert_true (is_uncovered (tmpl, "nohs-2#withdraw"));
  back = ethos_template_history_undo (history, tmpl);
  g_assert_false (is_uncovered (back, "nohs-2#withdraw"));
  g_assert_true (ethos_template_history_can_redo (history));
  forward = ethos_template_history_redo (history, back);
  g_assert_null (ethos_template_get_clause (forward, "withdraw"));
  g_clear_pointer (&back, ethos_template_unref);

  /* Typing in one place is one step; typing elsewhere is another. */
  ethos_template_history_record (history, forward, "body:privacy:en", t += 100000);
  ethos_template_set_clause_text (forward, "privacy", ETHOS_CLAUSE_BODY, "en", "a");
  ethos_template_history_record (history, forward, "body:privacy:en", t += 100000);
  ethos_template_set_clause_text (forward, "privacy", ETHOS_CLAUSE_BODY, "en", "ab");
  ethos_template_history_record (history, forward, "body:privacy:es", t += 100000);
  ethos_template_set_clause_text (forward, "privacy", ETHOS_CLAUSE_BODY, "es", "b");
  back = ethos_template_history_undo (history, forward);
  g_assert_cmpstr (ethos_lang_text_get (ethos_template_get_clause (back, "privacy")->body, "en"),
                   ==, "ab");
  g_clear_pointer (&forward, ethos_template_unref);
  forward = ethos_template_history_undo (history, back);
  g_assert_cmpstr (ethos_lang_text_get (ethos_template_get_clause (forward, "privacy")->body,
                                        "en"), !=, "a");
  /* A record after undoing forgets the redo. */
  ethos_template_history_record (history, forward, NULL, t += 100000);
  g_assert_false (ethos_template_history_can_redo (history));

  /* A pause ends a step too; the oldest steps go past the limit. */
  for (guint i = 0; i < 5; i++)
    ethos_template_history_record (history, forward, "title", t += 2 * G_USEC_PER_SEC);
  for (guint i = 0; i < 3; i++)
    {
      EthosTemplate *step = ethos_template_history_undo (history, forward);

      g_assert_nonnull (step);
      ethos_template_unref (forward);
      forward = step;
    }
  g_assert_false (ethos_template_history_can_undo (history));
  ethos_template_history_clear (history);
  g_assert_false (ethos_template_history_can_redo (history));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = ethos_test_init (&argc, &argv);
  g_autofree char *dir = ethos_paths_get_templates_dir ();
  g_autoptr(GError) error = NULL;
  int status;

  store = ethos_template_store_new (dir, NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/template-edit/copy", test_copy);
  g_test_add_func ("/template-edit/duplicate", test_duplicate);
  g_test_add_func ("/template-edit/clauses", test_clauses);
  g_test_add_func ("/template-edit/hidden", test_hidden);
  g_test_add_func ("/template-edit/conditions-and-signatures", test_conditions_and_signatures);
  g_test_add_func ("/template-edit/requirements", test_requirements);
  g_test_add_func ("/template-edit/fields", test_fields);
  g_test_add_func ("/template-edit/choice-fields", test_choice_fields);
  g_test_add_func ("/template-edit/problems", test_problems);
  g_test_add_func ("/template-edit/draft", test_draft);
  g_test_add_func ("/template-edit/reading-level", test_reading_level);
  g_test_add_func ("/template-edit/history", test_history);
  status = g_test_run ();
  ethos_template_store_free (store);
  return status;
}
