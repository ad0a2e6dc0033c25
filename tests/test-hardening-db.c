/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 11, the user database and agency templates, through ethos-cli as a
 * script would run it: a damaged, foreign, old, read-only or non-file
 * database, and the rules of agency template ids and versions. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ethos-template-versions.h"
#include "ethos-test-utils.h"
#include "ethos-user-db.h"

static char *tmp;

#define cli(out, err, ...) run_cli (NULL, out, err, __VA_ARGS__, NULL)
#define cli_db(db, out, err, ...) run_cli (db, out, err, __VA_ARGS__, NULL)

/* ethos-cli [--db DB] …, in the test's own isolated folders, with stderr
 * in the test log. */
static int
run_cli (const char  *db,
         char       **out,
         char       **err,
         const char  *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *own_out = NULL;
  g_autofree char *own_err = NULL;
  g_autofree char *data_dirs = g_strjoinv (":", (GStrv) g_get_system_data_dirs ());
  va_list args;
  int status;

  g_setenv ("XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  g_ptr_array_add (argv, (char *) g_getenv ("ETHOS_CLI"));
  if (db != NULL)
    {
      g_ptr_array_add (argv, (char *) "--db");
      g_ptr_array_add (argv, (char *) db);
    }
  va_start (args, first_arg);
  for (const char *a = first_arg; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  status = ethos_test_run_argv ((const char * const *) argv->pdata,
                                out != NULL ? out : &own_out, err != NULL ? err : &own_err);
  g_test_message ("%s → %d: %s", first_arg, status, err != NULL ? *err : own_err);
  return status;
}

static char *
hash_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in “%s”", needle, haystack ? haystack : "(null)");
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static int
pragma_int (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A template file: minimal.json with another id and version. */
static char *
write_template (const char *name,
                const char *id,
                const char *version,
                const char *title)
{
  g_autofree char *source = g_build_filename (g_getenv ("ETHOS_SOURCE_ROOT"), "fuzz", "corpus",
                                              "template", "minimal.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *id_text = g_strdup_printf ("\"id\": \"%s\"", id);
  g_autofree char *version_text = g_strdup_printf ("\"version\": \"%s\"", version);
  g_autofree char *title_text = g_strdup_printf ("\"en\": \"%s\"", title);
  char *path = g_build_filename (tmp, name, NULL);

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_string_replace (text, "\"id\": \"my-agency-consent\"", id_text, 1);
  g_string_replace (text, "\"version\": \"1.0\"", version_text, 1);
  g_string_replace (text, "\"en\": \"Consent for Services\"", title_text, 1);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  return path;
}

static char *write_template (const char *name, const char *id, const char *version,
                             const char *title);

/* A user database worth saving (with an agency template's two versions,
 * stored after the notes so that the junk misses them), then 2 KB of junk
 * at offset 32768. */
static void
make_damaged (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (3000, 'n');
  g_autofree char *v10 = write_template ("rescue-1.0.json", "our-intake", "1.0", "Intake 1.0");
  g_autofree char *v11 = write_template ("rescue-1.1.json", "our-intake", "1.1", "Intake 1.1");
  g_autofree char *json10 = NULL, *json11 = NULL;

  g_assert_true (g_file_get_contents (v10, &json10, NULL, NULL));
  g_assert_true (g_file_get_contents (v11, &json11, NULL, NULL));

  {
    g_autoptr(EthosUserDb) db = ethos_user_db_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (ethos_user_db_set_bookmark (db, "nohs", "3", TRUE, &error));
    g_assert_true (ethos_user_db_set_note (db, "nohs", "3", "Ask about the waiver", &error));
    g_assert_true (ethos_user_db_set_agency_field (db, "agency_name", "Riverside Counseling",
                                                   &error));
    /* Enough rows for the file to pass 34 KB. */
    for (guint i = 0; i < 40; i++)
      {
        g_autofree char *ref = g_strdup_printf ("9.%u", i);
        g_assert_true (ethos_user_db_set_note (db, "cesp", ref, big, &error));
      }
    g_assert_true (ethos_user_db_add_template_version (db, "our-intake", "1.0",
                                                       ETHOS_VERSION_MAJOR, json10,
                                                       "first intake form", NULL, &error));
    g_assert_true (ethos_user_db_add_template_version (db, "our-intake", "1.1",
                                                       ETHOS_VERSION_MINOR, json11,
                                                       "title reworded", NULL, &error));
    g_assert_no_error (error);
  }
  {
    FILE *f = fopen (path, "r+b");
    char junk[2048];

    memset (junk, 0xab, sizeof junk);
    g_assert_nonnull (f);
    g_assert_cmpint (fseek (f, 32768, SEEK_SET), ==, 0);
    g_assert_cmpuint (fwrite (junk, 1, sizeof junk, f), ==, sizeof junk);
    fclose (f);
  }
}

/* Item 2, a file named by --db: refused, exit 4, left exactly as it was. */
static void
test_damaged_named (void)
{
  g_autofree char *path = g_build_filename (tmp, "damaged.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *err = NULL;

  make_damaged (path);
  before = hash_file (path);
  g_assert_cmpint (cli_db (path, NULL, &err, "agency", "show"), ==, 4);
  assert_contains (err, "damaged");
  assert_contains (err, "untouched");
  g_assert_cmpint (cli_db (path, NULL, NULL, "agency", "set", "agency_name", "X"), ==, 4);
  g_assert_cmpint (cli_db (path, NULL, NULL, "templates"), ==, 4);
  after = hash_file (path);
  g_assert_cmpstr (before, ==, after);
  journal = g_strconcat (path, "-journal", NULL);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* Item 2, the default path: moved aside, a rescue file, a fresh database,
 * one sentence, and built-in forms keep working. */
static void
test_damaged_default (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "ethos", NULL);
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autofree char *pdf = g_build_filename (tmp, "after-damage.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *rescue = NULL;
  g_autofree char *moved_hash = NULL;
  g_autoptr(GDir) handle = NULL;
  const char *name;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  make_damaged (path);
  before = hash_file (path);

  g_assert_cmpint (cli (NULL, &err, "generate", "informed-consent", "-o", pdf,
                        "--set", "client_name=Ana"), ==, 0);
  assert_contains (err, "was damaged");
  assert_contains (err, "import-rescue");
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  handle = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      if (g_str_has_prefix (name, "user.db.damaged-") && g_str_has_suffix (name, ".json"))
        rescue = g_build_filename (dir, name, NULL);
      else if (g_str_has_prefix (name, "user.db.damaged-"))
        damaged = g_build_filename (dir, name, NULL);
    }
  g_assert_nonnull (damaged);
  g_assert_nonnull (rescue);
  moved_hash = hash_file (damaged);
  g_assert_cmpstr (moved_hash, ==, before);
  assert_contains (err, rescue);
  g_clear_pointer (&err, g_free);

  /* The new database is healthy and empty; the rescue file brings back
   * what could be read. */
  g_assert_cmpint (cli (&out, &err, "agency", "show"), ==, 0);
  g_assert_null (strstr (out, "Riverside"));
  g_assert_null (strstr (err, "damaged"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&out, NULL, "import-rescue", rescue), ==, 0);
  assert_contains (out, "Restored");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&out, NULL, "agency", "show"), ==, 0);
  assert_contains (out, "Riverside Counseling");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (pragma_int (path, "SELECT count(*) FROM bookmarks"), ==, 1);
  /* The agency template comes back with its history: both versions, their
   * kinds and notes, the newer in use. */
  g_assert_cmpint (cli (&out, NULL, "template", "versions", "our-intake"), ==, 0);
  g_assert_true (g_str_has_prefix (out, "1.1\tminor\t"));
  assert_contains (out, "\ttitle reworded\n1.0\tmajor\t");
  assert_contains (out, "\tfirst intake form\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&out, NULL, "templates"), ==, 0);
  assert_contains (out, "our-intake\t1.1\t");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&out, NULL, "template", "diff", "our-intake", "1.0"), ==, 0);
  assert_contains (out, "“Intake 1.0” → “Intake 1.1”");
  g_clear_pointer (&out, g_free);
  /* Imported again: nothing new, nothing refused. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, &err, "import-rescue", rescue), ==, 0);
  g_assert_null (strstr (err, "our-intake"));
  assert_contains (out, "Restored 0 items");
  g_assert_cmpint (pragma_int (path, "SELECT count(*) FROM template_versions "
                               "WHERE id = 'our-intake'"), ==, 2);
  g_clear_pointer (&out, g_free);
  /* A restore that stopped after the first version is taken up again:
   * the second comes back. */
  exec_sql (path, "DELETE FROM template_versions WHERE id = 'our-intake' AND version = '1.1';"
                  "UPDATE templates SET version = '1.0' WHERE id = 'our-intake';");
  g_assert_cmpint (cli (&out, NULL, "import-rescue", rescue), ==, 0);
  assert_contains (out, "Restored 1 item");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&out, NULL, "template", "versions", "our-intake"), ==, 0);
  g_assert_true (g_str_has_prefix (out, "1.1\tminor\t"));
}

/* Item 3: someone else's SQLite file is not changed. */
static void
test_foreign_untouched (void)
{
  g_autofree char *path = g_build_filename (tmp, "foreign.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;

  exec_sql (path, "CREATE TABLE agency (x); INSERT INTO agency VALUES (1);");
  before = hash_file (path);
  g_assert_cmpint (cli_db (path, NULL, &err, "agency", "show"), ==, 4);
  assert_contains (err, "not an Ethos database");
  assert_contains (err, "untouched");
  g_assert_cmpint (cli_db (path, NULL, NULL, "agency", "set", "agency_name", "X"), ==, 4);
  after = hash_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (pragma_int (path, "PRAGMA user_version"), ==, 0);
}

/* Item 3: a database an older Ethos wrote (no application_id) is known by
 * its exact schema, migrated and stamped. */
static void
test_old_recognized (void)
{
  g_autofree char *path = g_build_filename (tmp, "old.db", NULL);
  g_autofree char *out = NULL;

  exec_sql (path,
            "CREATE TABLE bookmarks ("
            "  code TEXT NOT NULL, ref TEXT NOT NULL, created INTEGER NOT NULL,"
            "  PRIMARY KEY (code, ref));"
            "CREATE TABLE notes ("
            "  code TEXT NOT NULL, ref TEXT NOT NULL, text TEXT NOT NULL, updated INTEGER NOT NULL,"
            "  PRIMARY KEY (code, ref));"
            "INSERT INTO bookmarks VALUES ('nohs', '3', 1);"
            "PRAGMA user_version = 1;");
  g_assert_cmpint (cli_db (path, NULL, NULL, "agency", "set", "agency_name", "Old Agency"), ==, 0);
  g_assert_cmpint (pragma_int (path, "PRAGMA application_id"), ==, 0x4574686f);
  g_assert_cmpint (pragma_int (path, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (pragma_int (path, "SELECT count(*) FROM bookmarks"), ==, 1);
  g_assert_cmpint (cli_db (path, &out, NULL, "agency", "show"), ==, 0);
  assert_contains (out, "Old Agency");
}

/* "Also": --db on a character device; a read-only (0400) database. */
static void
test_not_a_file_and_read_only (void)
{
  g_autofree char *err = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *journal_before = NULL;
  gboolean had_journal = g_file_test ("/dev/null-journal", G_FILE_TEST_EXISTS);

  g_assert_cmpint (cli_db ("/dev/null", NULL, &err, "agency", "show"), ==, 4);
  assert_contains (err, "not a regular file");
  if (!had_journal)
    g_assert_false (g_file_test ("/dev/null-journal", G_FILE_TEST_EXISTS));

  dir = g_dir_make_tmp ("ethos-ro-XXXXXX", NULL);
  g_assert_cmpint (chmod (dir, 0755), ==, 0);
  path = g_build_filename (dir, "user.db", NULL);
  g_assert_cmpint (cli_db (path, NULL, NULL, "agency", "set", "agency_name", "Read Only"), ==, 0);
  g_assert_cmpint (chmod (path, 0400), ==, 0);
  if (getuid () == 0)
    {
      /* root writes anyway: show it as the owner of the file, nobody. */
      g_autofree char *setpriv = g_find_program_in_path ("setpriv");
      const char *argv[] = { setpriv, "--reuid=65534", "--regid=65534", "--clear-groups",
                             g_getenv ("ETHOS_CLI"), "--db", path, "agency", "show", NULL };

      if (setpriv == NULL)
        {
          g_test_skip ("running as root without setpriv");
          return;
        }
      g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (ethos_test_run_argv (argv, &out, &err), ==, 0);
    }
  else
    g_assert_cmpint (cli_db (path, &out, NULL, "agency", "show"), ==, 0);
  assert_contains (out, "Read Only");
  g_unlink (path);
  g_rmdir (dir);
}

/* Item 10: built-in ids, duplicate keys, versions that go backwards,
 * delete, versions and restore. */
static void
test_template_ids_and_versions (void)
{
  g_autofree char *builtin = g_build_filename (g_getenv ("ETHOS_SOURCE_ROOT"), "data",
                                               "templates", "informed-consent.json", NULL);
  g_autofree char *v15 = write_template ("v15.json", "my-consent", "1.5", "Consent 1.5");
  g_autofree char *v01 = write_template ("v01.json", "my-consent", "0.1", "Consent 0.1");
  g_autofree char *v15b = write_template ("v15b.json", "my-consent", "1.5", "Other text");
  g_autofree char *dup = g_build_filename (tmp, "dup.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) dup_text = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpint (cli (NULL, &err, "template", "import", builtin), ==, 3);
  assert_contains (err, "built-in");
  assert_contains (err, "--as");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (NULL, NULL, "template", "import", builtin, "--as", "our-consent"), ==, 0);
  g_assert_cmpint (cli (&out, NULL, "templates"), ==, 0);
  assert_contains (out, "informed-consent\t1.0\ten,es\tbuilt-in");
  assert_contains (out, "our-consent\t1.0\ten,es\tagency");
  g_clear_pointer (&out, g_free);

  /* "my-consent" to a reader, "informed-consent" to json-glib (the last wins). */
  g_assert_true (g_file_get_contents (builtin, &contents, NULL, NULL));
  dup_text = g_string_new (contents);
  g_string_replace (dup_text, "\"id\": \"informed-consent\"",
                    "\"id\": \"my-consent\", \"id\": \"informed-consent\"", 1);
  g_assert_true (g_file_set_contents (dup, dup_text->str, -1, NULL));
  g_assert_cmpint (cli (NULL, &err, "template", "import", dup), ==, 3);
  assert_contains (err, "twice");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (NULL, NULL, "template", "import", v15), ==, 0);
  g_assert_cmpint (cli (NULL, &err, "template", "import", v01), ==, 3);
  assert_contains (err, "backwards");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (NULL, &err, "template", "import", v15b), ==, 3);
  assert_contains (err, "different content");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (&out, NULL, "template", "import", v15), ==, 0);
  assert_contains (out, "already imported");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cli (NULL, NULL, "template", "restore", "my-consent", "1.5"), ==, 0);
  g_assert_cmpint (cli (&out, NULL, "template", "versions", "my-consent"), ==, 0);
  g_assert_true (g_str_has_prefix (out, "1.6\tminor\t"));
  assert_contains (out, "restored from 1.5");
  assert_contains (out, "\n1.5\tminor\t");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (NULL, NULL, "template", "restore", "my-consent", "0.9"), ==, 2);

  /* diff: what changed from one version to another (by default the one in
   * use), as the window's Compare Versions says it. */
  {
    g_autofree char *v17 = write_template ("v17.json", "my-consent", "1.7", "Consent 1.7");
    g_autofree char *text = NULL;
    g_autoptr(GString) reworded = NULL;

    g_assert_true (g_file_get_contents (v17, &text, NULL, NULL));
    reworded = g_string_new (text);
    g_string_replace (reworded, "may stop services at any time", "may stop services whenever "
                      "you wish", 1);
    g_assert_true (g_file_set_contents (v17, reworded->str, -1, NULL));
    g_assert_cmpint (cli (NULL, NULL, "template", "import", v17), ==, 0);
    g_assert_cmpint (cli (&out, NULL, "template", "diff", "my-consent", "1.5"), ==, 0);
    assert_contains (out, "from version 1.5 to 1.7");
    assert_contains (out, "“Consent 1.5” → “Consent 1.7”");
    assert_contains (out, "may stop services [-at any time.-] {+whenever you wish.+}");
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (cli (&out, NULL, "template", "diff", "my-consent", "1.5", "1.6"), ==, 0);
    g_assert_null (strstr (out, "reworded"));
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (cli (NULL, &err, "template", "diff", "my-consent", "1.4"), ==, 2);
    assert_contains (err, "no version 1.4");
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli (NULL, &err, "template", "diff", "informed-consent", "1.0"), ==, 2);
    assert_contains (err, "only agency templates");
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli (NULL, &err, "template", "diff", "no-such-form", "1.0"), ==, 2);
    assert_contains (err, "no-such-form");
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli (&out, NULL, "template", "diff", "my-consent", "1.7", "1.7"), ==, 0);
    assert_contains (out, "The two versions are the same.");
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (cli (&out, NULL, "template", "diff", "my-consent", "1.5", "--lang", "es"),
                     ==, 0);
    assert_contains (out, "“Su derecho a dejar los servicios”");
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (cli (NULL, &err, "template", "diff", "my-consent", "1.5", "--lang", "fr"),
                     ==, 2);
    assert_contains (err, "--lang");
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli (NULL, NULL, "template", "versions", "my-consent", "--lang", "es"),
                     ==, 2);
  }

  g_assert_cmpint (cli (NULL, &err, "template", "delete", "informed-consent"), ==, 2);
  assert_contains (err, "only agency templates");
  g_assert_cmpint (cli (NULL, NULL, "template", "delete", "my-consent"), ==, 0);
  g_assert_cmpint (cli (&out, NULL, "templates"), ==, 0);
  g_assert_null (strstr (out, "my-consent"));
  g_assert_cmpint (cli (NULL, NULL, "template", "delete", "my-consent"), ==, 2);
}

/* Item 10: a database where an earlier Ethos let an import take a
 * built-in's id: the built-in is used, and the agency one can be deleted. */
static void
test_legacy_taken_id (void)
{
  g_autofree char *path = g_build_filename (tmp, "legacy.db", NULL);
  g_autofree char *file = write_template ("legacy.json", "informed-consent", "9.0", "Taken");
  g_autofree char *json = NULL;
  char *sql;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_db (path, NULL, NULL, "agency", "show"), ==, 0);
  g_assert_true (g_file_get_contents (file, &json, NULL, NULL));
  sql = sqlite3_mprintf ("INSERT INTO templates VALUES ('informed-consent', '9.0', %Q, 1);"
                         "INSERT INTO template_versions VALUES ('informed-consent', '9.0', 9, 0, "
                         "'major', %Q, 1, NULL);", json, json);
  exec_sql (path, sql);
  sqlite3_free (sql);
  g_assert_cmpint (cli_db (path, &out, &err, "templates"), ==, 0);
  assert_contains (out, "informed-consent\t1.0\ten,es\tbuilt-in");
  assert_contains (err, "template delete informed-consent");
  g_assert_cmpint (cli_db (path, NULL, NULL, "template", "delete", "informed-consent"), ==, 0);
  g_assert_cmpint (pragma_int (path, "SELECT count(*) FROM templates"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  tmp = ethos_test_init (&argc, &argv);

  g_test_add_func ("/hardening-db/damaged-named", test_damaged_named);
  g_test_add_func ("/hardening-db/damaged-default", test_damaged_default);
  g_test_add_func ("/hardening-db/foreign-untouched", test_foreign_untouched);
  g_test_add_func ("/hardening-db/old-recognized", test_old_recognized);
  g_test_add_func ("/hardening-db/not-a-file-and-read-only", test_not_a_file_and_read_only);
  g_test_add_func ("/hardening-db/template-ids-and-versions", test_template_ids_and_versions);
  g_test_add_func ("/hardening-db/legacy-taken-id", test_legacy_taken_id);
  return g_test_run ();
}
