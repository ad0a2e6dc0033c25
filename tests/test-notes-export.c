/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "ethos-error.h"
#include "ethos-test-utils.h"
#include "ethos-user-db-notes.h"

/* Bookmarks and notes to a file and back (store/ethos-user-db-notes.c) and
 * through ethos-cli notes. */

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

static char *
title_cb (const char *code,
          const char *ref,
          gpointer    data)
{
  return g_str_equal (code, "nohs") ? g_strdup_printf ("NOHS (2024), Standard %s", ref) : NULL;
}

static void
fill (EthosUserDb *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ethos_user_db_set_bookmark (db, "nohs", "3", TRUE, &error));
  g_assert_true (ethos_user_db_set_bookmark (db, "oesc", "I.5.b", TRUE, &error));
  g_assert_true (ethos_user_db_set_note (db, "nohs", "3", "Ask the supervisor about “duty to "
                                         "warn”.\nSecond line: Nguyễn Thị Minh's case.", &error));
  g_assert_true (ethos_user_db_set_note (db, "coaching", "1.11", "Agreement > limits", &error));
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  g_autoptr(EthosUserDb) a = open_db ("a.db");
  g_autoptr(EthosUserDb) b = open_db ("b.db");
  g_autofree char *path = g_build_filename (tmp, "marks.json", NULL);
  g_autofree char *note = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  g_autoptr(GError) error = NULL;
  EthosMarksImport result = { 0 };
  GStatBuf st;

  fill (a);
  g_assert_true (ethos_user_db_write_marks (a, ETHOS_MARKS_JSON, NULL, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (ethos_user_db_import_marks (b, path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.bookmarks_added, ==, 2);
  g_assert_cmpuint (result.notes_added, ==, 2);
  g_assert_cmpuint (result.notes_merged, ==, 0);
  g_assert_true (ethos_user_db_is_bookmarked (b, "oesc", "I.5.b"));
  note = ethos_user_db_get_note (b, "nohs", "3");
  g_assert_cmpstr (note, ==, "Ask the supervisor about “duty to warn”.\nSecond line: Nguyễn Thị "
                   "Minh's case.");

  /* Again: nothing changes. */
  memset (&result, 0, sizeof result);
  g_assert_true (ethos_user_db_import_marks (b, path, &result, &error));
  g_assert_cmpuint (result.bookmarks_added + result.notes_added + result.notes_merged, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 4);
  marks = ethos_user_db_list_notes (b, &error);
  g_assert_cmpuint (marks->len, ==, 2);
}

static void
test_kept_beside (void)
{
  g_autoptr(EthosUserDb) a = open_db ("c.db");
  g_autoptr(EthosUserDb) b = open_db ("d.db");
  g_autofree char *path = g_build_filename (tmp, "marks2.json", NULL);
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;
  EthosMarksImport result = { 0 };

  fill (a);
  g_assert_true (ethos_user_db_set_note (b, "nohs", "3", "My own note on this machine.", &error));
  g_assert_true (ethos_user_db_write_marks (a, ETHOS_MARKS_JSON, NULL, NULL, path, &error));
  g_assert_true (ethos_user_db_import_marks (b, path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.notes_merged, ==, 1);
  note = ethos_user_db_get_note (b, "nohs", "3");
  g_assert_true (g_str_has_prefix (note, "My own note on this machine."));
  g_assert_nonnull (strstr (note, "Ask the supervisor about “duty to warn”."));

  /* Importing once more keeps one copy. */
  g_clear_pointer (&note, g_free);
  g_assert_true (ethos_user_db_import_marks (b, path, &result, &error));
  note = ethos_user_db_get_note (b, "nohs", "3");
  g_assert_null (strstr (strstr (note, "duty to warn") + 1, "duty to warn"));
}

static void
test_markdown (void)
{
  g_autoptr(EthosUserDb) a = open_db ("e.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *md = NULL;

  fill (a);
  md = ethos_user_db_export_marks (a, ETHOS_MARKS_MARKDOWN, title_cb, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (md, "# Ethos: Bookmarks and Notes\n"));
  g_assert_nonnull (strstr (md, "\n## NOHS (2024), Standard 3\n\nBookmarked.\n\n> Ask the "
                            "supervisor about “duty to warn”.\n> Second line:"));
  /* A place the callback does not name: code and ref. */
  g_assert_nonnull (strstr (md, "\n## coaching 1.11\n\n> Agreement > limits\n"));
  g_assert_nonnull (strstr (md, "\n## oesc I.5.b\n\nBookmarked.\n"));
}

/* Bad input: a clear error naming the problem, and nothing imported. */
static void
test_bad_files (void)
{
  struct { const char *contents, *expect; int code; } cases[] = {
    { "{\"format\": 1, \"kind\": \"ethos-bookmarks-and-notes\", \"bookmarks\": [", NULL,
      ETHOS_ERROR_INVALID_DATA },
    { "{\"format\": 1, \"kind\": \"ethos-template\"}", "not an export", ETHOS_ERROR_INVALID_DATA },
    { "{\"format\": 9, \"kind\": \"ethos-bookmarks-and-notes\"}", "format 9",
      ETHOS_ERROR_INVALID_DATA },
    { "{\"format\": 1, \"kind\": \"ethos-bookmarks-and-notes\", \"notes\": [{\"code\": \"nohs\", "
      "\"ref\": \"3\", \"text\": 7}]}", "notes[0]", ETHOS_ERROR_INVALID_DATA },
    { "{\"format\": 1, \"kind\": \"ethos-bookmarks-and-notes\", \"bookmarks\": [{\"code\": "
      "\"nohs\", \"ref\": \"4\"}], \"notes\": [{\"code\": \"\", \"ref\": \"3\", \"text\": \"x\"}]}",
      "notes[0]", ETHOS_ERROR_INVALID_DATA },
    { "{\"format\": 1, \"kind\": \"ethos-bookmarks-and-notes\", \"bookmarks\": [{\"code\": "
      "\"nohs\", \"ref\": \"4\", \"colour\": \"red\"}]}", "colour", ETHOS_ERROR_INVALID_DATA },
    { "{\"format\": 1, \"kind\": \"ethos-bookmarks-and-notes\", \"notes\": [{\"code\": \"nohs\", "
      "\"ref\": \"3\", \"text\": \"\xff\xfe\"}]}", NULL, ETHOS_ERROR_INVALID_DATA },
  };
  g_autoptr(EthosUserDb) db = open_db ("f.db");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad%u.json", i);
      g_autofree char *path = ethos_test_write_file (tmp, name, cases[i].contents);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) bookmarks = NULL;

      g_assert_false (ethos_user_db_import_marks (db, path, NULL, &error));
      g_assert_error (error, ETHOS_ERROR, cases[i].code);
      if (cases[i].expect != NULL && strstr (error->message, cases[i].expect) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].expect);
      bookmarks = ethos_user_db_list_bookmarks (db, NULL);
      g_assert_cmpuint (bookmarks->len, ==, 0);
    }

  /* A huge note: refused as too long, nothing half-imported. */
  {
    GString *big = g_string_new ("{\"format\": 1, \"kind\": \"ethos-bookmarks-and-notes\", "
                                 "\"bookmarks\": [{\"code\": \"nohs\", \"ref\": \"1\"}], "
                                 "\"notes\": [{\"code\": \"nohs\", \"ref\": \"3\", \"text\": \"");
    g_autofree char *path = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) bookmarks = NULL;

    for (guint i = 0; i < 70000; i++)
      g_string_append_c (big, 'x');
    g_string_append (big, "\"}]}");
    path = ethos_test_write_file (tmp, "big.json", big->str);
    g_string_free (big, TRUE);
    g_assert_false (ethos_user_db_import_marks (db, path, NULL, &error));
    g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
    bookmarks = ethos_user_db_list_bookmarks (db, NULL);
    g_assert_cmpuint (bookmarks->len, ==, 0);
  }

  /* Missing file; unwritable export path. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (ethos_user_db_import_marks (db, "/nonexistent/marks.json", NULL, &error));
    g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_IO);
    g_clear_error (&error);
    g_assert_false (ethos_user_db_write_marks (db, ETHOS_MARKS_JSON, NULL, NULL,
                                               "/proc/ethos/marks.json", &error));
    g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_IO);
  }
}

static void
test_cli (void)
{
  g_autofree char *db_a = g_build_filename (tmp, "cli-a.db", NULL);
  g_autofree char *db_b = g_build_filename (tmp, "cli-b.db", NULL);
  g_autofree char *json = g_build_filename (tmp, "cli.json", NULL);
  g_autofree char *md = g_build_filename (tmp, "cli.md", NULL);
  g_autofree char *out = NULL, *err = NULL, *text = NULL;

  {
    g_autoptr(EthosUserDb) a = ethos_user_db_open (db_a, NULL);
    fill (a);
  }
  g_assert_cmpint (ethos_test_run_cli_db (db_a, NULL, NULL, "notes", "export", "-o", json, NULL),
                   ==, 0);
  g_assert_cmpint (ethos_test_run_cli_db (db_a, NULL, NULL, "notes", "export", "-o", md,
                                          "--format", "markdown", NULL), ==, 0);
  g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "## NOHS (2024), Standard 3\n"));
  g_assert_nonnull (strstr (text, "## Global Code of Ethics, Clause 1.11\n"));

  g_assert_cmpint (ethos_test_run_cli_db (db_b, &out, &err, "notes", "import", json, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2 bookmarks and 2 notes added"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ethos_test_run_cli_db (db_b, &out, &err, "notes", "import", md, NULL), ==, 3);
  g_assert_nonnull (strstr (err, md));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ethos_test_run_cli_db (db_b, NULL, NULL, "notes", "export", NULL), ==, 2);
  g_assert_cmpint (ethos_test_run_cli_db (db_b, NULL, NULL, "notes", "export", "-o", json,
                                          "--format", "pdf", NULL), ==, 2);
  g_assert_cmpint (ethos_test_run_cli_db (db_b, NULL, &err, "notes", "export", "-o",
                                          "/proc/ethos/x.json", NULL), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  tmp = ethos_test_init (&argc, &argv);

  g_test_add_func ("/notes-export/round-trip", test_round_trip);
  g_test_add_func ("/notes-export/kept-beside", test_kept_beside);
  g_test_add_func ("/notes-export/markdown", test_markdown);
  g_test_add_func ("/notes-export/bad-files", test_bad_files);
  g_test_add_func ("/notes-export/cli", test_cli);

  return g_test_run ();
}
