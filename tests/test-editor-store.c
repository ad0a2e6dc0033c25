/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ethos-error.h"
#include "ethos-paths.h"
#include "ethos-template-diff.h"
#include "ethos-template-edit.h"
#include "ethos-template-store.h"
#include "ethos-template-versions.h"
#include "ethos-test-utils.h"

/* What the template editor asks of the store (issue 9, Versions): Duplicate
 * to Edit, saving minor and major versions that never go backwards, every
 * version kept and restorable, the draft dropped by a save, a delete that
 * can be undone, an import over an agency template. All on the one
 * versions table of ethos-template-versions.h. */

static char *tmp;

typedef struct
{
  EthosUserDb        *db;
  EthosTemplateStore *store;
} Fixture;

static void
fixture_open (Fixture    *f,
              const char *name)
{
  g_autofree char *path = g_build_filename (tmp, name, NULL);
  g_autofree char *builtin = ethos_paths_get_templates_dir ();
  g_autoptr(GError) error = NULL;

  f->db = ethos_user_db_open (path, &error);
  g_assert_no_error (error);
  f->store = ethos_template_store_new (builtin, f->db, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_close (Fixture *f)
{
  ethos_template_store_free (f->store);
  ethos_user_db_free (f->db);
}

static GStrv
stored_versions (Fixture    *f,
                 const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = ethos_user_db_list_template_versions (f->db, id, &error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < versions->len; i++)
    g_strv_builder_add (builder, ((EthosTemplateVersion *) versions->pdata[i])->version);
  return g_strv_builder_end (builder);
}

static void
test_duplicate_and_versions (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  const EthosTemplateEntry *entry;
  g_autoptr(EthosTemplate) edited = NULL;
  g_autofree char *id = NULL;
  g_auto(GStrv) versions = NULL;
  const char *body;

  fixture_open (&f, "versions.db");

  /* Duplicate to Edit: saved at once, new id and title, version 1.0. */
  entry = ethos_template_store_duplicate (f.store, "informed-consent", "Riverbend", &error);
  g_assert_no_error (error);
  id = g_strdup (entry->tmpl->id);
  g_assert_cmpstr (id, ==, "informed-consent-riverbend");
  g_assert_cmpint (entry->source, ==, ETHOS_TEMPLATE_AGENCY);
  g_assert_cmpstr (entry->tmpl->version, ==, "1.0");
  g_assert_cmpstr (ethos_lang_text_get (entry->tmpl->title, "en"), ==,
                   "Informed Consent for Services (Riverbend)");
  /* The built-in one is still there, read-only. */
  g_assert_cmpint (ethos_template_store_lookup (f.store, "informed-consent", NULL)->source, ==,
                   ETHOS_TEMPLATE_BUILTIN);
  /* A second copy takes the next free id. */
  g_assert_cmpstr (ethos_template_store_duplicate (f.store, "informed-consent", "Riverbend",
                                                   &error)->tmpl->id, ==,
                   "informed-consent-riverbend-2");

  /* Reworded: minor, 1.1; fees changed: major, 2.0. */
  edited = ethos_template_copy (entry->tmpl);
  body = ethos_lang_text_get (ethos_template_get_clause (edited, "concerns")->body, "en");
  {
    g_autofree char *more = g_strconcat (body, " You may also write to the board.", NULL);
    ethos_template_set_clause_text (edited, "concerns", ETHOS_CLAUSE_BODY, "en", more);
  }
  ethos_user_db_save_template_draft (f.db, id, "{\"a draft\": 1}", &error);
  g_assert_no_error (error);
  entry = ethos_template_store_save_version (f.store, edited, ETHOS_VERSION_MINOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->tmpl->version, ==, "1.1");
  /* The save replaced the draft, in its transaction. */
  g_assert_null (ethos_user_db_get_template_draft (f.db, id, NULL));

  ethos_template_set_clause_text (edited, "appointments", ETHOS_CLAUSE_BODY, "en",
                                  "The fee is {fees}.");
  entry = ethos_template_store_save_version (f.store, edited, ETHOS_VERSION_MAJOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->tmpl->version, ==, "2.0");
  g_assert_cmpstr (ethos_template_store_lookup (f.store, id, NULL)->tmpl->version, ==, "2.0");
  versions = stored_versions (&f, id);
  g_assert_cmpstrv (versions, ((const char *[]) { "2.0", "1.1", "1.0", NULL }));

  /* What cannot be loaded is never saved, and says why. */
  ethos_template_set_clause_text (edited, "appointments", ETHOS_CLAUSE_BODY, "es", "");
  g_assert_null (ethos_template_store_save_version (f.store, edited, ETHOS_VERSION_MINOR, NULL,
                                                    &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "appointments"));
  g_clear_error (&error);
  g_clear_pointer (&versions, g_strfreev);
  versions = stored_versions (&f, id);
  g_assert_cmpuint (g_strv_length (versions), ==, 3);

  /* A built-in id cannot be saved over. */
  g_free (edited->id);
  edited->id = g_strdup ("informed-consent");
  g_assert_null (ethos_template_store_save_version (f.store, edited, ETHOS_VERSION_MINOR, NULL,
                                                    &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* Restoring 1.0 saves 2.1 with 1.0's content; nothing goes backwards. */
  entry = ethos_template_store_restore_version (f.store, id, "1.0", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->tmpl->version, ==, "2.1");
  g_assert_true (g_str_has_suffix (ethos_lang_text_get (ethos_template_get_clause (
                                                          entry->tmpl, "appointments")->body,
                                                        "en"), ".") &&
                 strstr (ethos_lang_text_get (ethos_template_get_clause (entry->tmpl,
                                                                        "appointments")->body,
                                              "en"), "The fee is {fees}.") == NULL);
  g_clear_pointer (&versions, g_strfreev);
  versions = stored_versions (&f, id);
  g_assert_cmpstrv (versions, ((const char *[]) { "2.1", "2.0", "1.1", "1.0", NULL }));

  fixture_close (&f);
  /* Kept: another store on the same database sees them. */
  fixture_open (&f, "versions.db");
  g_assert_cmpstr (ethos_template_store_lookup (f.store, id, NULL)->tmpl->version, ==, "2.1");
  fixture_close (&f);
}

static void
test_delete_and_undo (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(EthosTemplate) edited = NULL;
  g_auto(GStrv) back = NULL;
  const EthosTemplateEntry *entry;

  fixture_open (&f, "delete.db");
  entry = ethos_template_store_duplicate (f.store, "telehealth-consent", "North", &error);
  g_assert_no_error (error);
  edited = ethos_template_copy (entry->tmpl);
  ethos_template_set_clause_locked (edited, ((EthosClause *) edited->clauses->pdata[0])->id,
                                    FALSE);
  g_assert_nonnull (ethos_template_store_save_version (f.store, edited, ETHOS_VERSION_MAJOR,
                                                       NULL, &error));

  versions = ethos_user_db_list_template_versions (f.db, "telehealth-consent-north", &error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_true (ethos_template_store_delete (f.store, "telehealth-consent-north", &error));
  g_assert_null (ethos_template_store_lookup (f.store, "telehealth-consent-north", NULL));
  /* Built-in ones cannot be deleted. */
  g_assert_false (ethos_template_store_delete (f.store, "telehealth-consent", &error));
  g_clear_error (&error);

  g_assert_true (ethos_template_store_bring_back (f.store, versions, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ethos_template_store_lookup (f.store, "telehealth-consent-north",
                                                NULL)->tmpl->version, ==, "2.0");
  back = stored_versions (&f, "telehealth-consent-north");
  g_assert_cmpstrv (back, ((const char *[]) { "2.0", "1.0", NULL }));
  fixture_close (&f);
}

static void
test_import_replacing (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (tmp, "exported.json", NULL);
  const EthosTemplateEntry *entry;
  g_auto(GStrv) versions = NULL;

  fixture_open (&f, "import.db");
  entry = ethos_template_store_duplicate (f.store, "coaching-agreement", "Acme", &error);
  g_assert_no_error (error);
  g_assert_true (ethos_template_store_export (f.store, entry->tmpl->id, file, &error));
  /* The file has the stored version's number: the stored one stays a
   * version, the file's becomes the next. */
  g_assert_nonnull (ethos_template_store_import_replacing (f.store, file, &error));
  g_assert_no_error (error);
  versions = stored_versions (&f, "coaching-agreement-acme");
  g_assert_cmpstrv (versions, ((const char *[]) { "1.1", "1.0", NULL }));
  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  tmp = ethos_test_init (&argc, &argv);

  g_test_add_func ("/editor-store/duplicate-and-versions", test_duplicate_and_versions);
  g_test_add_func ("/editor-store/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/editor-store/import-replacing", test_import_replacing);
  return g_test_run ();
}
