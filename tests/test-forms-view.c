/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "ethos-forms-text.h"
#include "ethos-paths.h"
#include "ethos-template-store.h"
#include "ethos-test-window.h"

/* The Forms view: the list of form templates from every place they come
 * from, each one's coverage report, and its links into the Codes view; in
 * the window and as a page on its own over directories the test makes. */

static const char *test_dir;

/* The mapped widget under @widget that activates @action with @target. */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action,
                 GVariant   *target)
{
  g_autoptr(GVariant) owned = g_variant_take_ref (target);

  if (GTK_IS_ACTIONABLE (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0 &&
      gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)) != NULL &&
      g_variant_equal (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)), owned))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action, g_variant_ref (owned));
      if (found != NULL)
        return found;
    }
  return NULL;
}

#define AGENCY_ID "agency-intake"
#define AGENCY_TITLE "Agency Intake Consent"
#define SHARED_ID "shared-consent"
#define SHARED_TITLE "Consent (Agency Network Copy)"

static EthosRequirements *
load_requirements (void)
{
  g_autofree char *dir = ethos_paths_get_templates_dir ();
  g_autofree char *path = g_build_filename (dir, "requirements.json", NULL);
  g_autoptr(GError) error = NULL;
  EthosRequirements *reqs = ethos_requirements_load (path, &error);

  g_assert_no_error (error);
  return reqs;
}

/* Writes a copy of the informed-consent template under another id and
 * title, without the clause @drop (unless NULL). */
static void
write_template_copy (const char *path,
                     const char *id,
                     const char *title_en,
                     const char *drop)
{
  g_autofree char *builtin = ethos_paths_get_templates_dir ();
  g_autofree char *source = g_build_filename (builtin, "informed-consent.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *kept = json_array_new ();
  JsonObject *root, *title;
  JsonArray *clauses;

  g_assert_true (json_parser_load_from_file (parser, source, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "id", id);
  title = json_object_get_object_member (root, "title");
  json_object_set_string_member (title, "en", title_en);
  json_object_set_string_member (title, "es", "Consentimiento de la agencia");
  clauses = json_object_get_array_member (root, "clauses");
  for (guint i = 0; i < json_array_get_length (clauses); i++)
    {
      JsonObject *clause = json_array_get_object_element (clauses, i);
      if (g_strcmp0 (json_object_get_string_member (clause, "id"), drop) != 0)
        json_array_add_element (kept, json_node_copy (json_array_get_element (clauses, i)));
    }
  g_assert_cmpuint (json_array_get_length (kept), ==,
                    json_array_get_length (clauses) - (drop != NULL));
  json_object_set_array_member (root, "clauses", kept);
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, path, &error));
}

/* An agency's copy of the informed-consent template without its clause on
 * withdrawing consent, imported into the user database the window opens
 * (as `ethos-cli template --import` does); and another copy in the shared
 * templates folder the setting names. */
static void
add_agency_templates (void)
{
  g_autofree char *builtin = ethos_paths_get_templates_dir ();
  g_autofree char *copy = g_build_filename (test_dir, AGENCY_ID ".json", NULL);
  g_autofree char *shared = g_build_filename (test_dir, "agency-share", NULL);
  g_autofree char *shared_copy = g_build_filename (shared, SHARED_ID ".json", NULL);
  g_autofree char *db_path = ethos_paths_get_user_db_file ();
  g_autoptr(GSettings) settings = ethos_application_new_settings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosUserDb) db = NULL;
  g_autoptr(EthosTemplateStore) store = NULL;

  write_template_copy (copy, AGENCY_ID, AGENCY_TITLE, "withdraw");
  db = ethos_user_db_open (db_path, &error);
  g_assert_no_error (error);
  store = ethos_template_store_new (builtin, db, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ethos_template_store_import (store, copy, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir_with_parents (shared, 0700), ==, 0);
  write_template_copy (shared_copy, SHARED_ID, SHARED_TITLE, NULL);
  g_settings_set_string (settings, "agency-templates-directory", shared);
}

static void
assert_row_status (GtkWidget  *row,
                   const char *status,
                   const char *style)
{
  GtkWidget *label = ethos_test_find_label_widget (row, status);

  if (label == NULL)
    g_error ("The row has no status “%s”", status);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (label), style));
}

static void
test_forms_body (EthosApplication *app,
                 EthosWindow      *window)
{
  const char *builtin[][2] = {
    { "coaching-agreement", "Coaching / Mentoring Agreement" },
    { "confidentiality-limits", "Limits of Confidentiality" },
    { "informed-consent", "Informed Consent for Services" },
    { "release-of-information", "Release of Information" },
    { "sud-records-consent", "Consent to Disclose Substance Use Disorder Records" },
    { "telehealth-consent", "Technology and Telehealth Consent" },
  };
  const char *consent_standards[] = { "nohs 2", "nohs 3", "nohs 8", "nohs 9", "practice",
                                      "practice minors" };
  g_autoptr(EthosRequirements) reqs = load_requirements ();
  const EthosElement *withdraw = ethos_requirements_get_element (reqs, "nohs-2#withdraw");
  g_autofree char *all_covered = NULL;
  EthosFormsPage *page;
  GtkWidget *row, *report, *label, *button;
  guint n_consent_elements = 0;

  /* Startup reads no template: the page is made after the first frame,
   * from an idle that has not run yet when the window is shown. */
  g_assert_null (window->forms_page);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "codes");
  adw_view_stack_set_visible_child_name (window->view_stack, "forms");
  ethos_test_wait_until (ethos_test_forms_shown, window, "the Forms view");
  page = window->forms_page;
  /* Choosing a form opens it to fill in; this test reads the reports. */
  ethos_forms_page_show_coverage (page, TRUE);
  ethos_test_spin (50);

  /* Every built-in template, by its English title, from where it comes. */
  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    {
      row = ethos_forms_page_get_row (page, builtin[i][0]);
      g_assert_nonnull (row);
      g_assert_true (ethos_test_find_label (row, builtin[i][1]));
      g_assert_true (ethos_test_find_label (row, "English, Spanish · Built-in"));
    }
  row = ethos_forms_page_get_row (page, "informed-consent");
  g_assert_true (ethos_test_find_label (row, "Version 1.0"));
  g_assert_true (ethos_test_find_label (row, "Standards: NOHS 2, 3, 8, 9"));

  /* Informed consent covers every element of NOHS 2, 3, 8 and 9. */
  for (guint i = 0; i < G_N_ELEMENTS (consent_standards); i++)
    n_consent_elements += ethos_requirements_get_standard (reqs, consent_standards[i])->len;
  g_assert_cmpuint (n_consent_elements, >, 10);
  all_covered = g_strdup_printf ("All %u required elements covered", n_consent_elements);
  assert_row_status (row, all_covered, "success");

  /* The agency's copy lacks the clause on withdrawing consent. */
  row = ethos_forms_page_get_row (page, AGENCY_ID);
  g_assert_nonnull (row);
  g_assert_true (ethos_test_find_label (row, AGENCY_TITLE));
  g_assert_true (ethos_test_find_label (row, "English, Spanish · Agency"));
  assert_row_status (row, "1 element not covered", "error");

  /* The shared folder's copy, complete, comes from the folder the setting
   * names; its report says which file. */
  row = ethos_forms_page_get_row (page, SHARED_ID);
  g_assert_nonnull (row);
  g_assert_true (ethos_test_find_label (row, SHARED_TITLE));
  g_assert_true (ethos_test_find_label (row, "English, Spanish · Shared folder"));
  assert_row_status (row, all_covered, "success");
  gtk_widget_activate (row);
  ethos_test_spin (50);
  {
    g_autofree char *path = g_build_filename (test_dir, "agency-share", SHARED_ID ".json", NULL);
    g_autofree char *from = g_strdup_printf ("From %s", path);
    g_assert_true (ethos_test_find_label (ethos_forms_page_get_report (page), from));
  }
  row = ethos_forms_page_get_row (page, AGENCY_ID);

  /* Its report names the element not covered. */
  gtk_widget_activate (row);
  ethos_test_spin (50);
  g_assert_cmpstr (ethos_forms_page_get_template_id (page), ==, AGENCY_ID);
  report = ethos_forms_page_get_report (page);
  ethos_test_wait_for_label (report, withdraw->text);
  label = ethos_test_find_label_widget (report, withdraw->text);
  g_assert_nonnull (ethos_test_find_label_widget (gtk_widget_get_parent (label),
                                                  "Not covered: no clause carries it "
                                                  "whenever it applies"));
  g_assert_true (ethos_test_find_label (report, AGENCY_TITLE));
  g_assert_true (ethos_test_find_label (report, "1 element not covered"));
  g_assert_true (ethos_test_find_label (report, "NOHS Standard 2"));
  /* Clauses: headings, conditions in words, the others still covering. */
  g_assert_true (ethos_test_find_label (report, "Covered by: Your questions · Your consent"));
  g_assert_true (ethos_test_find_label (report, "If your services are required"));
  g_assert_true (ethos_test_find_label (report, "Only when: Services are mandated"));
  g_assert_true (ethos_test_find_label (report, "Only when filled in: Parent or guardian 1: name"));
  g_assert_false (ethos_test_find_label (report, "Your right to stop"));

  /* The standard's button opens it in the Codes view. */
  button = find_actionable (report, "win.show-item", g_variant_new ("(ss)", "nohs", "2"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ethos_test_spin (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "codes");
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "nohs", "2");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->codes_view->item_page)));

  /* Back in Forms, the report is where it was left. */
  adw_view_stack_set_visible_child_name (window->view_stack, "forms");
  ethos_test_wait_until (ethos_test_forms_shown, window, "the Forms view again");
  g_assert_cmpstr (ethos_forms_page_get_template_id (page), ==, AGENCY_ID);
  /* Typing there does not search the codes; Ctrl+F goes to their search. */
  g_assert_false (_ethos_codes_view_is_type_to_search (window->codes_view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "codes");
  g_assert_true (_ethos_codes_view_is_type_to_search (window->codes_view));
}

static void
test_forms (void)
{
  g_autoptr(GSettings) settings = ethos_application_new_settings ();

  add_agency_templates ();
  ethos_test_run_app (test_forms_body);
  g_settings_reset (settings, "agency-templates-directory");
}

static gboolean
forms_page_prepared (gpointer data)
{
  EthosWindow *window = data;

  /* The view shown stays the codes all along. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "codes");
  return window->forms_page != NULL && !ethos_forms_page_is_loading (window->forms_page);
}

static void
forms_mapped_cb (GtkWidget *page,
                 gboolean  *showed_forms)
{
  GtkWidget *row = ethos_forms_page_get_row (ETHOS_FORMS_PAGE (page), "informed-consent");

  /* Its first frame: the forms, not "Reading the Forms…". */
  *showed_forms = !ethos_forms_page_is_loading (ETHOS_FORMS_PAGE (page)) && row != NULL &&
                  gtk_widget_get_visible (row);
}

static void
test_forms_prepared_body (EthosApplication *app,
                          EthosWindow      *window)
{
  gboolean showed_forms = FALSE;

  /* Nothing of the Forms view before the first frame (the body runs once
   * the window is shown, before the idle that makes the page)... */
  g_assert_null (window->forms_page);
  /* ... then, the window idle, it is made and its templates read while
   * the codes are shown, so that the first switch to it shows them. */
  ethos_test_wait_until (forms_page_prepared, window, "the Forms view made in the background");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (window->forms_page)));
  g_signal_connect (window->forms_page, "map", G_CALLBACK (forms_mapped_cb), &showed_forms);
  adw_view_stack_set_visible_child_name (window->view_stack, "forms");
  ethos_test_wait_until (ethos_test_is_mapped, window->forms_page, "the Forms view shown");
  g_assert_true (showed_forms);
  g_signal_handlers_disconnect_by_func (window->forms_page, forms_mapped_cb, &showed_forms);
}

static void
test_forms_prepared (void)
{
  ethos_test_run_app (test_forms_prepared_body);
}

static void
test_forms_problems (void)
{
  g_autofree char *builtin = ethos_paths_get_templates_dir ();
  g_autofree char *shared = g_build_filename (test_dir, "shared-templates", NULL);
  g_autofree char *broken = g_build_filename (shared, "broken.json", NULL);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  EthosFormsPage *page;
  GtkWidget *problems;

  g_assert_cmpint (g_mkdir_with_parents (shared, 0700), ==, 0);
  g_assert_true (g_file_set_contents (broken, "{ \"format\": 1, \"id\": ", -1, NULL));
  page = ethos_test_forms_page_in_window (&window);

  /* The other templates are listed; the broken file is named above them. */
  g_assert_true (ethos_forms_page_load (page, builtin, NULL, shared, NULL, &error));
  g_assert_no_error (error);
  ethos_test_wait_forms (page);
  ethos_forms_page_show_coverage (page, TRUE);
  ethos_test_spin (50);
  problems = ethos_forms_page_get_problems (page);
  g_assert_true (gtk_widget_get_mapped (problems));
  g_assert_true (ethos_test_find_label (problems, "1 form template could not be read"));
  g_assert_nonnull (ethos_forms_page_get_row (page, "informed-consent"));
  /* Nothing opens by itself: the counselor chooses. */
  g_assert_null (ethos_forms_page_get_template_id (page));
  g_assert_true (ethos_test_find_label (GTK_WIDGET (page), "Choose a Form"));
  g_assert_true (ethos_forms_page_show_template (page, "coaching-agreement", &error));
  g_assert_no_error (error);
  ethos_test_spin (50);
  /* Without the codes, a standard is named but has no link. */
  g_assert_true (ethos_test_find_label (ethos_forms_page_get_report (page), "coaching 1.2"));
  g_assert_null (find_actionable (ethos_forms_page_get_report (page), "win.show-item",
                                  g_variant_new ("(ss)", "coaching", "1.2")));

  ethos_test_close_forms_window (window, page);
}

static void
test_forms_error (void)
{
  g_autofree char *empty = g_build_filename (test_dir, "no-templates", NULL);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  EthosFormsPage *page;
  AdwStatusPage *status;

  g_assert_cmpint (g_mkdir_with_parents (empty, 0700), ==, 0);
  page = ethos_test_forms_page_in_window (&window);

  /* No requirements file: nothing can be checked, and the page says so. */
  g_assert_true (ethos_forms_page_load (page, empty, NULL, NULL, NULL, &error));
  ethos_test_wait_forms (page);
  ethos_test_spin (50);
  status = ethos_forms_page_get_error_page (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "The Forms Cannot Be Opened");
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "Reinstalling Ethos"));
  g_assert_null (ethos_forms_page_get_row (page, "informed-consent"));

  ethos_test_close_forms_window (window, page);
}

/* A Spanish speaker's coverage report: the elements in Spanish, from their
 * translations in requirements.json, not in English. */
static void
assert_report_in_spanish (EthosTemplateStore *store,
                          const char         *builtin)
{
  EthosRequirements *reqs = ethos_template_store_get_requirements (store);
  const char *ids[][2] = {
    { "coaching-agreement", "coaching-1.2#complaints" },
    { "informed-consent", "nohs-2#withdraw" },
  };
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  EthosFormsPage *page = ethos_test_forms_page_in_window (&window);

  g_assert_true (ethos_forms_page_load (page, builtin, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  ethos_test_wait_forms (page);
  ethos_forms_page_show_coverage (page, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const EthosElement *element = ethos_requirements_get_element (reqs, ids[i][1]);
      const char *es = ethos_element_get_text (element, "es");
      GtkWidget *report;

      g_assert_cmpstr (es, !=, element->text);
      gtk_widget_activate (ethos_forms_page_get_row (page, ids[i][0]));
      ethos_test_spin (50);
      g_assert_cmpstr (ethos_forms_page_get_template_id (page), ==, ids[i][0]);
      report = ethos_forms_page_get_report (page);
      ethos_test_wait_for_label (report, es);
      g_assert_false (ethos_test_find_label (report, element->text));
    }
  g_assert_true (ethos_test_find_label (ethos_forms_page_get_report (page),
                                        "Se informa al cliente de que puede retirar su "
                                        "consentimiento en cualquier momento."));
  ethos_test_close_forms_window (window, page);
}

static void
test_forms_text (void)
{
  g_autofree char *builtin = ethos_paths_get_templates_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosTemplateStore) store = ethos_template_store_new (builtin, NULL, NULL, &error);
  const EthosTemplateEntry *consent, *limits;
  g_autofree char *requires = NULL;
  g_autofree char *condition = NULL;
  g_autofree char *negated = NULL;
  g_autofree char *none = NULL;
  g_autofree char *one = NULL;

  g_assert_no_error (error);
  consent = ethos_template_store_lookup (store, "informed-consent", &error);
  limits = ethos_template_store_lookup (store, "confidentiality-limits", &error);
  g_assert_no_error (error);

  requires = ethos_forms_requires_label (limits->tmpl);
  g_assert_cmpstr (requires, ==, "NOHS 3, 4, 8, 21 · Coaching 1.11 · OESC I.5, I.5.a, I.5.b");
  /* Regulations by their usual names; practice checklists are not listed. */
  {
    const EthosTemplateEntry *roi = ethos_template_store_lookup (store, "release-of-information",
                                                                 NULL);
    const EthosTemplateEntry *sud = ethos_template_store_lookup (store, "sud-records-consent",
                                                                 NULL);
    g_autofree char *roi_label = ethos_forms_requires_label (roi->tmpl);
    g_autofree char *sud_label = ethos_forms_requires_label (sud->tmpl);

    g_assert_cmpstr (roi_label, ==, "NOHS 8, 18, 21 · HIPAA 164.508");
    g_assert_cmpstr (sud_label, ==, "42 CFR 2.31");
  }
  {
    g_autoptr(EthosCondition) mandated = ethos_condition_new_field ("mandated", FALSE);
    condition = ethos_forms_condition_label (consent->tmpl, mandated, "en");
  }
  g_assert_cmpstr (condition, ==, "Only when: Services are mandated");
  {
    g_autoptr(EthosCondition) adult = ethos_condition_new_field ("client_is_minor", TRUE);
    negated = ethos_forms_condition_label (consent->tmpl, adult, "es");
  }
  g_assert_cmpstr (negated, ==, "Unless: El cliente es menor de edad");
  g_assert_null (ethos_forms_condition_label (consent->tmpl, NULL, "en"));
  none = ethos_forms_coverage_label (3, 0);
  one = ethos_forms_coverage_label (3, 1);
  g_assert_cmpstr (none, ==, "All 3 required elements covered");
  g_assert_cmpstr (one, ==, "1 element not covered");

  /* The title in the user's language: Spanish for a Spanish speaker. */
  g_assert_cmpstr (ethos_forms_ui_language (), ==, "en");
  g_setenv ("LANGUAGE", "es_MX:en", TRUE);
  g_assert_cmpstr (ethos_forms_ui_language (), ==, "es");
  g_assert_cmpstr (ethos_forms_text (consent->tmpl, consent->tmpl->title, "es"), ==,
                   "Consentimiento informado para servicios");
  assert_report_in_spanish (store, builtin);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (ethos_forms_ui_language (), ==, "en");
  /* A language the template lacks falls back to English. */
  g_assert_cmpstr (ethos_forms_text (consent->tmpl, consent->tmpl->title, "fr"), ==,
                   "Informed Consent for Services");
}

int
main (int   argc,
      char *argv[])
{
  test_dir = ethos_test_window_init (&argc, &argv);

  g_test_add_func ("/window/forms-text", test_forms_text);
  g_test_add_func ("/window/forms-problems", test_forms_problems);
  g_test_add_func ("/window/forms-error", test_forms_error);
  g_test_add_func ("/window/forms-prepared", test_forms_prepared);
  /* Last: it leaves an agency template in the user database. */
  g_test_add_func ("/window/forms", test_forms);
  return ethos_test_window_run ();
}
