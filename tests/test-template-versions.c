/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The versions table and the drafts table (store/ethos-template-versions.c)
 * that import, restore and the template editor share. */
#include "config.h"

#include <sqlite3.h>

#include "ethos-error.h"
#include "ethos-template-versions.h"
#include "ethos-test-utils.h"

static char *tmp;

static EthosUserDb *
open_db (const char *name)
{
  g_autofree char *path = g_build_filename (tmp, name, NULL);
  g_autoptr(GError) error = NULL;
  EthosUserDb *db = ethos_user_db_open (path, &error);

  g_assert_no_error (error);
  return db;
}

static void
test_numbers (void)
{
  g_autofree char *first = ethos_template_version_next (NULL, ETHOS_VERSION_MINOR);
  g_autofree char *minor = ethos_template_version_next ("1.9", ETHOS_VERSION_MINOR);
  g_autofree char *major = ethos_template_version_next ("1.9", ETHOS_VERSION_MAJOR);

  g_assert_cmpstr (first, ==, "1.0");
  g_assert_cmpstr (minor, ==, "1.10");
  g_assert_cmpstr (major, ==, "2.0");
  g_assert_cmpint (ethos_template_version_compare ("1.10", "1.9"), >, 0);
  g_assert_cmpint (ethos_template_version_compare ("0.1", "1.5"), <, 0);
  g_assert_cmpint (ethos_template_version_compare ("2.0", "2.0"), ==, 0);
}

static void
test_only_up (void)
{
  g_autoptr(EthosUserDb) db = open_db ("up.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(EthosTemplateVersion) one = NULL;
  gboolean added = FALSE;

  g_assert_true (ethos_user_db_add_template_version (db, "t", "1.0", ETHOS_VERSION_MAJOR, "{1}",
                                                     NULL, &added, &error));
  g_assert_true (added);
  g_assert_true (ethos_user_db_add_template_version (db, "t", "1.1", ETHOS_VERSION_MINOR, "{2}",
                                                     "fixed a typo", &added, &error));
  /* The same version and content again: nothing changes. */
  g_assert_true (ethos_user_db_add_template_version (db, "t", "1.1", ETHOS_VERSION_MINOR, "{2}",
                                                     NULL, &added, &error));
  g_assert_false (added);
  g_assert_false (ethos_user_db_add_template_version (db, "t", "1.1", ETHOS_VERSION_MINOR, "{3}",
                                                      NULL, &added, &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (ethos_user_db_add_template_version (db, "t", "0.9", ETHOS_VERSION_MINOR, "{4}",
                                                      NULL, &added, &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_clear_error (&error);

  versions = ethos_user_db_list_template_versions (db, "t", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpstr (((EthosTemplateVersion *) versions->pdata[0])->version, ==, "1.1");
  g_assert_cmpstr (((EthosTemplateVersion *) versions->pdata[0])->note, ==, "fixed a typo");
  g_assert_cmpint (((EthosTemplateVersion *) versions->pdata[1])->kind, ==, ETHOS_VERSION_MAJOR);
  g_assert_cmpint (((EthosTemplateVersion *) versions->pdata[1])->saved, >, 0);

  /* The newest is the template in use. */
  current = ethos_user_db_list_templates (db, &error);
  g_assert_cmpuint (current->len, ==, 1);
  g_assert_cmpstr (((EthosStoredTemplate *) current->pdata[0])->version, ==, "1.1");
  g_assert_cmpstr (((EthosStoredTemplate *) current->pdata[0])->json, ==, "{2}");

  one = ethos_user_db_get_template_version (db, "t", "1.0", &error);
  g_assert_cmpstr (one->json, ==, "{1}");
  g_assert_null (ethos_user_db_get_template_version (db, "t", "7.0", &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND);
}

static void
test_drafts_and_delete (void)
{
  g_autoptr(EthosUserDb) db = open_db ("drafts.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autofree char *draft = NULL;
  gint64 saved = 0;

  g_assert_true (ethos_user_db_add_template_version (db, "t", "1.0", ETHOS_VERSION_MAJOR, "{1}",
                                                     NULL, NULL, &error));
  g_assert_true (ethos_user_db_save_template_draft (db, "t", "{draft 1}", &error));
  g_assert_true (ethos_user_db_save_template_draft (db, "t", "{draft 2}", &error));
  draft = ethos_user_db_get_template_draft (db, "t", &saved);
  g_assert_cmpstr (draft, ==, "{draft 2}");
  g_assert_cmpint (saved, >, 0);
  g_assert_true (ethos_user_db_delete_template (db, "t", &error));
  g_assert_null (ethos_user_db_get_template_draft (db, "t", NULL));
  versions = ethos_user_db_list_template_versions (db, "t", &error);
  g_assert_cmpuint (versions->len, ==, 0);
}

/* A version 2 database (no application_id yet): its templates become
 * their first stored versions. */
static void
test_migration_keeps_templates (void)
{
  g_autofree char *path = g_build_filename (tmp, "v2.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosUserDb) db = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
    "CREATE TABLE bookmarks ("
    "  code TEXT NOT NULL, ref TEXT NOT NULL, created INTEGER NOT NULL,"
    "  PRIMARY KEY (code, ref));"
    "CREATE TABLE notes ("
    "  code TEXT NOT NULL, ref TEXT NOT NULL, text TEXT NOT NULL, updated INTEGER NOT NULL,"
    "  PRIMARY KEY (code, ref));"
    "CREATE TABLE agency (field TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE agency_logo (id INTEGER PRIMARY KEY CHECK (id = 1), data BLOB NOT NULL);"
    "CREATE TABLE templates ("
    "  id TEXT PRIMARY KEY, version TEXT NOT NULL, json TEXT NOT NULL, updated INTEGER NOT NULL);"
    "INSERT INTO templates VALUES ('a', '1.4', '{a}', 5), ('b', '2.0', '{b}', 6);"
    "PRAGMA user_version = 2;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = ethos_user_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ethos_user_db_get_version (db), ==, 3);
  versions = ethos_user_db_list_template_versions (db, "a", &error);
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_cmpstr (((EthosTemplateVersion *) versions->pdata[0])->version, ==, "1.4");
  g_assert_cmpint (((EthosTemplateVersion *) versions->pdata[0])->kind, ==, ETHOS_VERSION_MINOR);
  g_assert_cmpint (((EthosTemplateVersion *) versions->pdata[0])->saved, ==, 5);
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = ethos_user_db_list_template_versions (db, "b", &error);
  g_assert_cmpint (((EthosTemplateVersion *) versions->pdata[0])->kind, ==, ETHOS_VERSION_MAJOR);
  /* And the order holds for what was there before. */
  g_assert_false (ethos_user_db_add_template_version (db, "a", "1.3", ETHOS_VERSION_MINOR, "{x}",
                                                      NULL, NULL, &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
}

int
main (int   argc,
      char *argv[])
{
  tmp = ethos_test_init (&argc, &argv);

  g_test_add_func ("/template-versions/numbers", test_numbers);
  g_test_add_func ("/template-versions/only-up", test_only_up);
  g_test_add_func ("/template-versions/drafts-and-delete", test_drafts_and_delete);
  g_test_add_func ("/template-versions/migration-keeps-templates", test_migration_keeps_templates);
  return g_test_run ();
}
