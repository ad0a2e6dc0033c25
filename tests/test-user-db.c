/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "ethos-error.h"
#include "ethos-paths.h"
#include "ethos-test-utils.h"
#include "ethos-user-db.h"

static char *tmp;

static void
test_default_path (void)
{
  g_autofree char *path = ethos_paths_get_user_db_file ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "ethos", "user.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_persist (void)
{
  g_autofree char *path = g_build_filename (tmp, "deep", "dir", "user.db", NULL);
  g_autoptr(GError) error = NULL;
  struct stat st;

  {
    g_autoptr(EthosUserDb) db = ethos_user_db_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (ethos_user_db_get_version (db), ==, 3);
    g_assert_true (ethos_user_db_set_bookmark (db, "nohs", "3", TRUE, &error));
    g_assert_true (ethos_user_db_set_bookmark (db, "nohs", "3", TRUE, &error));
    g_assert_true (ethos_user_db_set_bookmark (db, "oesc", "I.4.a", TRUE, &error));
    g_assert_true (ethos_user_db_set_note (db, "coaching", "1.11", "Ask about — Nguyễn's case",
                                           &error));
    g_assert_no_error (error);
  }

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  {
    g_autoptr(EthosUserDb) db = ethos_user_db_open (path, &error);
    g_autoptr(GPtrArray) bookmarks = NULL;
    g_autoptr(GPtrArray) notes = NULL;
    g_autofree char *note = NULL;

    g_assert_no_error (error);
    g_assert_true (ethos_user_db_is_bookmarked (db, "nohs", "3"));
    g_assert_false (ethos_user_db_is_bookmarked (db, "nohs", "4"));
    bookmarks = ethos_user_db_list_bookmarks (db, &error);
    g_assert_cmpuint (bookmarks->len, ==, 2);
    note = ethos_user_db_get_note (db, "coaching", "1.11");
    g_assert_cmpstr (note, ==, "Ask about — Nguyễn's case");

    g_assert_true (ethos_user_db_set_bookmark (db, "nohs", "3", FALSE, &error));
    g_assert_false (ethos_user_db_is_bookmarked (db, "nohs", "3"));
    g_assert_true (ethos_user_db_set_note (db, "coaching", "1.11", "", &error));
    notes = ethos_user_db_list_notes (db, &error);
    g_assert_cmpuint (notes->len, ==, 0);
  }
}

static void
test_bad_note (void)
{
  g_autofree char *path = g_build_filename (tmp, "notes.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosUserDb) db = ethos_user_db_open (path, &error);
  g_autofree char *huge = g_strnfill (100 * 1024, 'x');

  g_assert_no_error (error);
  g_assert_false (ethos_user_db_set_note (db, "nohs", "1", "bad \xff utf8", &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (ethos_user_db_set_note (db, "nohs", "1", huge, &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (ethos_user_db_get_note (db, "nohs", "1"));
}

static void
test_corrupt_left_untouched (void)
{
  const char *junk = "This is someone's document, not a database. It must survive.";
  g_autofree char *path = ethos_test_write_file (tmp, "corrupt.db", junk);
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosUserDb) db = ethos_user_db_open (path, &error);
  g_autofree char *after = NULL;

  g_assert_null (db);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_DATABASE);
  g_assert_true (strstr (error->message, "untouched") != NULL);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, junk);
}

static void
test_newer_version_refused (void)
{
  g_autofree char *path = g_build_filename (tmp, "newer.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *cmd = NULL;
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");

  {
    g_autoptr(EthosUserDb) db = ethos_user_db_open (path, &error);
    g_assert_no_error (error);
  }
  /* Simulate a future schema with the sqlite3 shell when present. */
  if (sqlite3 == NULL)
    {
      g_test_skip ("sqlite3 shell not installed");
      return;
    }
  cmd = g_strdup_printf ("sqlite3 '%s' 'PRAGMA user_version = 99'", path);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
  {
    g_autoptr(EthosUserDb) db = ethos_user_db_open (path, &error);
    g_assert_null (db);
    g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_DATABASE);
    g_assert_true (strstr (error->message, "newer version") != NULL);
  }
}

static void
test_unwritable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosUserDb) db = ethos_user_db_open ("/proc/ethos/user.db", &error);

  g_assert_null (db);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_IO);
}

int
main (int   argc,
      char *argv[])
{
  tmp = ethos_test_init (&argc, &argv);

  g_test_add_func ("/user-db/default-path", test_default_path);
  g_test_add_func ("/user-db/persist", test_persist);
  g_test_add_func ("/user-db/bad-note", test_bad_note);
  g_test_add_func ("/user-db/corrupt-left-untouched", test_corrupt_left_untouched);
  g_test_add_func ("/user-db/newer-version-refused", test_newer_version_refused);
  g_test_add_func ("/user-db/unwritable", test_unwritable);
  return g_test_run ();
}
