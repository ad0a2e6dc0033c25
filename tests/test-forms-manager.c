/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <poppler.h>
#include <sys/stat.h>

#include "ethos-agency-page.h"
#include "ethos-paths.h"
#include "ethos-template-versions.h"
#include "ethos-test-window.h"

/* The agency manager's side of the Forms view (issue 9): the profile page
 * (saved as typed, per language, a logo checked by the core, a deployed
 * profile's locks, export), the store read in threads (a FIFO in the share,
 * a share that does not exist), import and delete with Undo. */

static const char *test_dir;

static void
write_in (const char *dir,
          const char *name,
          const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static char *
agency_value (EthosUserDb *db,
              const char  *field,
              const char  *lang)
{
  g_autoptr(EthosAgencyProfile) profile = ethos_user_db_get_agency_profile (db, NULL);
  GHashTable *table = lang ? g_hash_table_lookup (profile->variants, lang) : profile->values;

  return table != NULL ? g_strdup (g_hash_table_lookup (table, field)) : NULL;
}

/* A built-in template under another id, as a manager's export would be. */
static void
copy_builtin (const char *dir,
              const char *id,
              const char *new_id)
{
  g_autofree char *builtin = ethos_paths_get_templates_dir ();
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *source = g_build_filename (builtin, name, NULL);
  g_autofree char *json = NULL;
  g_autofree char *pattern = g_strdup_printf ("\"id\": \"%s\"", id);
  g_autofree char *replacement = g_strdup_printf ("\"id\": \"%s\"", new_id);
  g_autofree char *file = g_strconcat (new_id, ".json", NULL);
  g_auto(GStrv) parts = NULL;
  g_autofree char *copy = NULL;

  g_assert_true (g_file_get_contents (source, &json, NULL, NULL));
  parts = g_strsplit (json, pattern, 2);
  g_assert_nonnull (parts[1]);
  copy = g_strjoinv (replacement, parts);
  g_assert_cmpstr (copy, !=, json);
  write_in (dir, file, copy);
}

/* The drop target of @type on @widget or below it. */
static GtkDropTarget *
find_drop_target (GtkWidget *widget,
                  GType      type)
{
  GtkEventController *target = ethos_test_find_controller (widget, GTK_TYPE_DROP_TARGET);

  if (target != NULL)
    {
      gsize n = 0;
      const GType *types = gtk_drop_target_get_gtypes (GTK_DROP_TARGET (target), &n);

      for (gsize t = 0; t < n; t++)
        if (types[t] == type)
          return GTK_DROP_TARGET (target);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropTarget *found = find_drop_target (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A file dropped on @target, as the drag and drop machinery delivers it. */
static gboolean
drop_file (GtkDropTarget *target,
           GFile         *file)
{
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  return accepted;
}

static void
agency_body (EthosApplication *app,
             EthosWindow      *window)
{
  EthosUserDb *db = ethos_application_get_user_db (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *logo = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data",
                                            "screenshots", "forms.png", NULL);
  g_autofree char *broken = g_build_filename (test_dir, "broken.png", NULL);
  g_autofree char *exported = g_build_filename (test_dir, "agency.json", NULL);
  g_autoptr(GFile) logo_file = g_file_new_for_path (logo);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr(GFile) exported_file = g_file_new_for_path (exported);
  g_autoptr(EthosAgencyProfile) reread = NULL;
  g_autofree char *value = NULL;
  EthosFormsPage *page;
  EthosAgencyPage *agency;
  EthosFormFill *fill;
  GtkWidget *row;

  /* Set with ethos-cli before: a value for every language. */
  g_assert_true (ethos_user_db_set_agency_field (db, "fees", "$40 per session", &error));
  page = ethos_test_show_forms (window);
  g_assert_true (ethos_forms_page_show_template (page, "informed-consent", &error));
  fill = ethos_forms_page_get_fill (page);

  ethos_forms_page_show_agency (page);
  agency = ethos_forms_page_get_agency_page (page);
  ethos_test_wait_until (ethos_test_is_shown, agency, "the agency page");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ethos_agency_page_get_row (
                     agency, "fees", "en"))), ==, "$40 per session");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ethos_agency_page_get_row (
                     agency, "fees", "es"))), ==, "$40 per session");
  /* The language leads the row's title, so that a long title cut at the
   * end still tells the two rows apart. */
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                   ethos_agency_page_get_row (agency, "reconnect_time", "en"))), "English: Time"));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                   ethos_agency_page_get_row (agency, "reconnect_time", "es"))), "Spanish: Time"));

  /* Typed: saved after a pause, in one transaction. */
  row = ethos_agency_page_get_row (agency, "agency_name", NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), "Harbor Center");
  g_assert_null (agency_value (db, "agency_name", NULL));
  ethos_test_spin (600);
  value = agency_value (db, "agency_name", NULL);
  g_assert_cmpstr (value, ==, "Harbor Center");
  /* The form open already takes it. */
  g_assert_cmpstr (ethos_form_values_get (ethos_form_fields_get_values (
                     ethos_form_fill_get_fields (fill)), "agency_name"), ==, "Harbor Center");

  /* The Spanish fees: each language its own, the English kept. */
  gtk_editable_set_text (GTK_EDITABLE (ethos_agency_page_get_row (agency, "fees", "es")),
                         "40 dólares por sesión");
  g_assert_true (ethos_agency_page_flush (agency, &error));
  g_clear_pointer (&value, g_free);
  value = agency_value (db, "fees", "es");
  g_assert_cmpstr (value, ==, "40 dólares por sesión");
  g_clear_pointer (&value, g_free);
  value = agency_value (db, "fees", "en");
  g_assert_cmpstr (value, ==, "$40 per session");
  g_clear_pointer (&value, g_free);
  g_assert_null (agency_value (db, "fees", NULL));

  /* A bad image is refused, the old logo kept; a good one is stored. */
  g_assert_true (g_file_set_contents (broken, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18, NULL));
  g_assert_false (ethos_agency_page_set_logo_file (agency, broken_file, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_null (ethos_user_db_get_agency_logo (db));
  g_assert_true (ethos_agency_page_set_logo_file (agency, logo_file, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) stored = ethos_user_db_get_agency_logo (db);
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_nonnull (stored);
    g_assert_true (g_file_get_contents (logo, &contents, &length, NULL));
    g_assert_cmpuint (g_bytes_get_size (stored), ==, length);
  }
  g_assert_nonnull (gtk_picture_get_paintable (GTK_PICTURE (ethos_agency_page_get_logo (agency))));
  g_assert_false (ethos_agency_page_set_logo_file (agency, broken_file, &error));
  g_clear_error (&error);
  {
    g_autoptr(GBytes) stored = ethos_user_db_get_agency_logo (db);
    g_assert_nonnull (stored);
  }

  /* Dropped on the logo group, as from a file manager: a bad image is
   * said in a dialog and the logo kept; a good one is stored. */
  {
    GtkDropTarget *target = find_drop_target (GTK_WIDGET (agency), G_TYPE_FILE);
    AdwMessageDialog *dialog;

    g_assert_nonnull (target);
    g_assert_true (drop_file (target, broken_file));
    dialog = ethos_test_wait_message ("This Image Cannot Be the Logo");
    ethos_test_answer (dialog, "close");
    {
      g_autoptr(GBytes) stored = ethos_user_db_get_agency_logo (db);
      g_autofree char *contents = NULL;
      gsize length;

      /* The good logo, byte for byte. */
      g_assert_nonnull (stored);
      g_assert_true (g_file_get_contents (logo, &contents, &length, NULL));
      g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored), contents,
                       length);
    }
    g_assert_true (ethos_user_db_set_agency_logo (db, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (drop_file (target, logo_file));
    g_assert_null (ethos_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    {
      g_autoptr(GBytes) stored = ethos_user_db_get_agency_logo (db);
      g_assert_nonnull (stored);
    }
  }

  /* Export: a deployable agency.json with what was set. */
  g_assert_true (ethos_agency_page_export_to (agency, exported_file, &error));
  g_assert_no_error (error);
  reread = ethos_agency_profile_load (exported, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ethos_agency_profile_get (reread, "agency_name", "en"), ==, "Harbor Center");
  g_assert_cmpstr (ethos_agency_profile_get (reread, "fees", "es"), ==, "40 dólares por sesión");
  g_assert_nonnull (reread->logo);

  /* Clean up for the other tests. */
  ethos_user_db_set_agency_logo (db, NULL, NULL);
  ethos_user_db_set_agency_field (db, "agency_name", "", NULL);
  ethos_user_db_set_agency_variant (db, "fees", "en", "", NULL);
  ethos_user_db_set_agency_variant (db, "fees", "es", "", NULL);
}

static void
test_agency_page (void)
{
  ethos_test_run_app (agency_body);
}

/* Typed, then the window closed at once (before the pause after which
 * a profile edit is saved): the edit is saved as the page goes, and its
 * news reaches no half-gone Forms page. */
static void
close_typing_body (EthosApplication *app,
                   EthosWindow      *window)
{
  EthosFormsPage *page = ethos_test_show_forms (window);
  EthosAgencyPage *agency;

  ethos_forms_page_show_agency (page);
  agency = ethos_forms_page_get_agency_page (page);
  ethos_test_wait_until (ethos_test_is_shown, agency, "the agency page");
  gtk_editable_set_text (GTK_EDITABLE (ethos_agency_page_get_row (agency, "agency_name", NULL)),
                         "Closing Time Services");
  /* The harness closes the window now. */
}

static void
test_close_while_typing (void)
{
  g_autofree char *path = ethos_paths_get_user_db_file ();
  g_autoptr(EthosUserDb) db = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;

  ethos_test_run_app (close_typing_body);
  db = ethos_user_db_open (path, &error);
  g_assert_no_error (error);
  value = agency_value (db, "agency_name", NULL);
  g_assert_cmpstr (value, ==, "Closing Time Services");
  g_assert_true (ethos_user_db_set_agency_field (db, "agency_name", "", NULL));
}

/* A deployed profile in the shared folder: its locked fees cannot be
 * changed here, and forms use them. */
static void
deployed_body (EthosApplication *app,
               EthosWindow      *window)
{
  EthosFormsPage *page = ethos_test_show_forms (window);
  EthosAgencyPage *agency = ethos_forms_page_get_agency_page (page);
  EthosFormFill *fill;
  GtkWidget *fees;

  ethos_forms_page_show_agency (page);
  fees = ethos_agency_page_get_row (agency, "fees", "en");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fees)), ==, "$45 per session");
  g_assert_false (gtk_widget_get_sensitive (fees));
  g_assert_true (gtk_widget_get_sensitive (ethos_agency_page_get_row (agency, "agency_name",
                                                                      NULL)));
  /* The manager's template, deployed beside it: read-only here. */
  g_assert_true (ethos_forms_page_show_template (page, "riverbend-consent", NULL));
  g_assert_cmpint (ethos_template_store_lookup (ethos_forms_page_get_store (page),
                                                "riverbend-consent", NULL)->source, ==,
                   ETHOS_TEMPLATE_SHARED);
  fill = ethos_forms_page_get_fill (page);
  g_assert_cmpstr (ethos_form_values_get (ethos_form_fields_get_values (
                     ethos_form_fill_get_fields (fill)), "agency_name"), ==, "Riverbend");
  /* Printed with the agency's letterhead and fees. */
  {
    g_autofree char *pdf = g_build_filename (test_dir, "deployed.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (pdf);
    g_autoptr(GError) error = NULL;
    g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
    PopplerDocument *doc;
    GString *text = g_string_new (NULL);

    ethos_form_fields_set_text (ethos_form_fill_get_fields (fill), "client_name", "Ana Ruiz");
    ethos_form_fields_set_text (ethos_form_fill_get_fields (fill), "professional_name",
                                "Dana Whitfield");
    ethos_form_fill_update_now (fill);
    g_assert_true (ethos_forms_page_export_to (page, file, &error));
    g_assert_no_error (error);
    doc = poppler_document_new_from_file (uri, NULL, &error);
    g_assert_no_error (error);
    for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
      {
        PopplerPage *p = poppler_document_get_page (doc, i);
        g_autofree char *page_text = poppler_page_get_text (p);

        g_string_append (text, page_text);
        g_object_unref (p);
      }
    g_object_unref (doc);
    g_assert_nonnull (strstr (text->str, "Riverbend"));
    g_assert_nonnull (strstr (text->str, "$45 per session"));
    g_assert_nonnull (strstr (text->str, "riverbend-consent 1.0"));
    g_string_free (text, TRUE);
  }
}

static void
test_deployed_profile (void)
{
  g_autofree char *shared = g_build_filename (test_dir, "deployed-share", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.ethosapp.Ethos");

  g_assert_cmpint (g_mkdir_with_parents (shared, 0700), ==, 0);
  copy_builtin (shared, "informed-consent", "riverbend-consent");
  write_in (shared, "agency.json",
            "{\"format\": 1, \"values\": {\"agency_name\": \"Riverbend\","
            " \"fees\": \"$45 per session\"}, \"locked\": [\"fees\"]}");
  g_settings_set_string (settings, "agency-templates-directory", shared);
  ethos_test_run_app (deployed_body);
  g_settings_reset (settings, "agency-templates-directory");
}

static const char *
problems_text (EthosFormsPage *page)
{
  GtkWidget *box = ethos_forms_page_get_problems (page);
  GtkWidget *label = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));

  return gtk_label_get_label (GTK_LABEL (label));
}

/* A FIFO named x.json in the share blocks a naive reader forever; a share
 * that does not exist. Neither freezes the window; the share's templates
 * appear once read, and an unreachable share is said. */
static void
test_slow_share (void)
{
  g_autofree char *builtin = ethos_paths_get_templates_dir ();
  g_autofree char *share = g_build_filename (test_dir, "share", NULL);
  g_autofree char *fifo = g_build_filename (share, "x.json", NULL);
  g_autofree char *missing = g_build_filename (test_dir, "no-such-share", NULL);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  EthosFormsPage *page;

  g_assert_cmpint (g_mkdir_with_parents (share, 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  copy_builtin (share, "telehealth-consent", "shared-telehealth");

  page = ethos_test_forms_page_in_window (&window);
  g_assert_true (ethos_forms_page_load (page, builtin, NULL, share, NULL, &error));
  /* It returned at once: the reading is in threads. */
  g_assert_true (ethos_forms_page_is_loading (page));
  g_assert_null (ethos_forms_page_get_row (page, "informed-consent"));
  ethos_test_wait_forms (page);
  g_assert_nonnull (ethos_forms_page_get_row (page, "informed-consent"));
  g_assert_nonnull (ethos_forms_page_get_row (page, "shared-telehealth"));
  g_assert_cmpint (ethos_template_store_lookup (ethos_forms_page_get_store (page),
                                                "shared-telehealth", NULL)->source, ==,
                   ETHOS_TEMPLATE_SHARED);
  g_assert_true (gtk_widget_get_visible (ethos_forms_page_get_problems (page)));
  g_assert_nonnull (strstr (problems_text (page), "x.json is not a regular file"));

  /* A share that is not there: said, the rest listed. */
  g_assert_true (ethos_forms_page_load (page, builtin, NULL, missing, NULL, &error));
  ethos_test_wait_forms (page);
  g_assert_nonnull (ethos_forms_page_get_row (page, "informed-consent"));
  g_assert_null (ethos_forms_page_get_row (page, "shared-telehealth"));
  g_assert_nonnull (strstr (problems_text (page), "cannot be reached"));
  g_assert_nonnull (strstr (problems_text (page), missing));
  ethos_test_close_forms_window (window, page);
}

/* Import as the window does it, dialogs answered: an invalid file is
 * said; a built-in's id offers only a copy; an agency template's offers
 * replacing it (the old one kept as a version), and Cancel changes
 * nothing. */
static void
import_dialogs_body (EthosApplication *app,
                     EthosWindow      *window)
{
  EthosUserDb *db = ethos_application_get_user_db (app);
  EthosFormsPage *page = ethos_test_show_forms (window);
  EthosTemplateStore *store = ethos_forms_page_get_store (page);
  g_autofree char *bad = g_build_filename (test_dir, "dialog-bad.json", NULL);
  g_autofree char *good = g_build_filename (test_dir, "dialog-good.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (bad, "{\"format\": 2, \"id\": \"x\"", -1, NULL));
  ethos_forms_page_import (page, bad);
  dialog = ethos_test_wait_message ("This File Is Not a Template Ethos Can Use");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), bad));
  ethos_test_answer (dialog, "close");
  g_assert_null (ethos_template_store_lookup (store, "x", NULL));

  /* A built-in's id: a copy or nothing. */
  g_assert_true (ethos_template_store_export (store, "confidentiality-limits", good, &error));
  ethos_forms_page_import (page, good);
  dialog = ethos_test_wait_message ("“Limits of Confidentiality” Is Already There");
  g_assert_false (adw_message_dialog_has_response (dialog, "replace"));
  ethos_test_answer (dialog, "copy");
  g_assert_nonnull (ethos_template_store_lookup (store, "confidentiality-limits-import", NULL));
  g_assert_nonnull (ethos_forms_page_get_row (page, "confidentiality-limits-import"));
  g_assert_cmpint (ethos_template_store_lookup (store, "confidentiality-limits", NULL)->source,
                   ==, ETHOS_TEMPLATE_BUILTIN);

  /* The agency's own: Cancel changes nothing; Replace keeps 1.0. */
  g_assert_true (ethos_template_store_export (store, "confidentiality-limits-import", good,
                                              &error));
  ethos_forms_page_import (page, good);
  dialog = ethos_test_wait_message ("“Limits of Confidentiality” Is Already There");
  ethos_test_answer (dialog, "cancel");
  versions = ethos_user_db_list_template_versions (db, "confidentiality-limits-import", &error);
  g_assert_cmpuint (versions->len, ==, 1);
  g_clear_pointer (&versions, g_ptr_array_unref);
  g_assert_null (ethos_template_store_lookup (store, "confidentiality-limits-import-2", NULL));

  ethos_forms_page_import (page, good);
  dialog = ethos_test_wait_message ("“Limits of Confidentiality” Is Already There");
  ethos_test_answer (dialog, "replace");
  g_assert_cmpstr (ethos_template_store_lookup (store, "confidentiality-limits-import",
                                                NULL)->tmpl->version, ==, "1.1");
  versions = ethos_user_db_list_template_versions (db, "confidentiality-limits-import", &error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_null (ethos_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_import_dialogs (void)
{
  ethos_test_run_app (import_dialogs_body);
}

/* Import: an invalid file changes nothing; an id in use asks; a copy or a
 * replacement that keeps the old version. Delete, then Undo. */
static void
import_body (EthosApplication *app,
             EthosWindow      *window)
{
  EthosUserDb *db = ethos_application_get_user_db (app);
  EthosFormsPage *page = ethos_test_show_forms (window);
  g_autofree char *bad = g_build_filename (test_dir, "bad.json", NULL);
  g_autofree char *good = g_build_filename (test_dir, "good.json", NULL);
  g_autoptr(GError) error = NULL;
  const EthosTemplateEntry *entry;
  g_autoptr(GPtrArray) versions = NULL;
  EthosTemplateStore *store = ethos_forms_page_get_store (page);

  g_assert_true (g_file_set_contents (bad, "{\"format\": 2, \"id\": \"x\"}", -1, NULL));
  g_assert_null (ethos_forms_page_import_file (page, bad, FALSE, FALSE, &error));
  g_assert_nonnull (strstr (error->message, bad));
  g_clear_error (&error);
  g_assert_null (ethos_template_store_lookup (store, "x", NULL));

  /* A built-in's file: only as a copy. */
  g_assert_true (ethos_template_store_export (store, "release-of-information", good, &error));
  g_assert_null (ethos_forms_page_import_file (page, good, FALSE, FALSE, &error));
  g_assert_nonnull (strstr (error->message, "--as"));
  g_clear_error (&error);
  entry = ethos_forms_page_import_file (page, good, TRUE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->tmpl->id, ==, "release-of-information-import");
  g_assert_cmpint (entry->source, ==, ETHOS_TEMPLATE_AGENCY);
  /* Replacing an agency template keeps its version before. */
  g_assert_true (ethos_template_store_export (store, "release-of-information-import", good,
                                              &error));
  entry = ethos_forms_page_import_file (page, good, FALSE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->tmpl->version, ==, "1.1");
  versions = ethos_user_db_list_template_versions (db, "release-of-information-import", &error);
  g_assert_cmpuint (versions->len, ==, 2);

  /* Delete, then Undo from the toast. */
  g_assert_true (ethos_forms_page_delete_template (page, "release-of-information-import",
                                                   &error));
  g_assert_null (ethos_forms_page_get_row (page, "release-of-information-import"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "forms.undo-delete", NULL));
  g_assert_nonnull (ethos_forms_page_get_row (page, "release-of-information-import"));
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = ethos_user_db_list_template_versions (db, "release-of-information-import", &error);
  g_assert_cmpuint (versions->len, ==, 2);
  /* Built-in ones cannot be deleted. */
  g_assert_false (ethos_forms_page_delete_template (page, "release-of-information", &error));
  g_clear_error (&error);
}

static void
test_import_delete (void)
{
  ethos_test_run_app (import_body);
}

int
main (int   argc,
      char *argv[])
{
  test_dir = ethos_test_window_init (&argc, &argv);
  g_test_add_func ("/forms-manager/agency-page", test_agency_page);
  g_test_add_func ("/forms-manager/deployed-profile", test_deployed_profile);
  g_test_add_func ("/forms-manager/slow-share", test_slow_share);
  g_test_add_func ("/forms-manager/import-delete", test_import_delete);
  g_test_add_func ("/forms-manager/import-dialogs", test_import_dialogs);
  g_test_add_func ("/forms-manager/close-while-typing", test_close_while_typing);
  return ethos_test_window_run ();
}
