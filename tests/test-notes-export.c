/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

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
  g_assert_true (g_str_has_prefix (md, "<!-- ethos-notes 1 -->\n# Ethos: Bookmarks and Notes\n"));
  g_assert_nonnull (strstr (md, "\n## NOHS (2024), Standard 3\n"
                            "<!-- ethos: code=nohs ref=3 bookmarked -->\n\nBookmarked.\n\n"
                            "> Ask the supervisor about “duty to warn”.\n> Second line:"));
  /* A place the callback does not name: code and ref. */
  g_assert_nonnull (strstr (md, "\n## coaching 1.11\n<!-- ethos: code=coaching ref=1.11 -->\n\n"
                            "> Agreement > limits\n"));
  g_assert_nonnull (strstr (md, "\n## oesc I.5.b\n<!-- ethos: code=oesc ref=I.5.b bookmarked -->\n"
                            "\nBookmarked.\n"));
}

/* Notes that look like the Markdown's own structure, or that a careless
 * quoting would change. */
static const struct { const char *ref, *text; } tricky_notes[] = {
  { "1", "First paragraph.\n\nSecond, after a blank line." },
  { "2", "  two leading spaces\n\tand a tab, trailing spaces   " },
  { "4", "> starts with “>”\n>\n>> twice" },
  { "5", "# not a heading\n## nor this\n<!-- ethos: code=nohs ref=9 bookmarked -->\n<!-- -->" },
  { "6", "Nguyễn Thị Minh — 日本語 😀 עברית" },
  { "7", "\nnewlines around\n\n" },
  { "8", "carriage\rreturns\r\nkept\r" },
  { "9", " " },
};

static void
fill_tricky (EthosUserDb *db)
{
  g_autoptr(GError) error = NULL;

  fill (db);
  for (guint i = 0; i < G_N_ELEMENTS (tricky_notes); i++)
    g_assert_true (ethos_user_db_set_note (db, "nohs", tricky_notes[i].ref, tricky_notes[i].text,
                                           &error));
  /* Keys a comment could not hold as they are: escaped. */
  g_assert_true (ethos_user_db_set_bookmark (db, "my code", "a-->b %é=", TRUE, &error));
  g_assert_true (ethos_user_db_set_note (db, "my code", "a-->b %é=", "Odd keys.", &error));
  g_assert_no_error (error);
}

/* Every bookmark and note of @a is in @b, the notes byte for byte. */
static void
assert_same_marks (EthosUserDb *a,
                   EthosUserDb *b)
{
  g_autoptr(GPtrArray) bookmarks = ethos_user_db_list_bookmarks (a, NULL);
  g_autoptr(GPtrArray) notes = ethos_user_db_list_notes (a, NULL);
  g_autoptr(GPtrArray) b_bookmarks = ethos_user_db_list_bookmarks (b, NULL);
  g_autoptr(GPtrArray) b_notes = ethos_user_db_list_notes (b, NULL);

  g_assert_cmpuint (b_bookmarks->len, ==, bookmarks->len);
  g_assert_cmpuint (b_notes->len, ==, notes->len);
  for (guint i = 0; i < bookmarks->len; i++)
    {
      EthosUserMark *mark = g_ptr_array_index (bookmarks, i);
      g_assert_true (ethos_user_db_is_bookmarked (b, mark->code, mark->ref));
    }
  for (guint i = 0; i < notes->len; i++)
    {
      EthosUserMark *mark = g_ptr_array_index (notes, i);
      g_autofree char *text = ethos_user_db_get_note (b, mark->code, mark->ref);
      g_assert_cmpstr (text, ==, mark->text);
    }
}

static void
test_markdown_round_trip (void)
{
  g_autoptr(EthosUserDb) a = open_db ("md-a.db");
  g_autoptr(EthosUserDb) b = open_db ("md-b.db");
  g_autofree char *path = g_build_filename (tmp, "marks.md", NULL);
  g_autoptr(GError) error = NULL;
  EthosMarksImport result = { 0 };
  GStatBuf st;

  fill_tricky (a);
  g_assert_true (ethos_user_db_write_marks (a, ETHOS_MARKS_MARKDOWN, title_cb, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (ethos_user_db_import_marks (b, path, &result, &error));
  g_assert_no_error (error);
  /* nohs 3, oesc I.5.b, the odd keys; nohs 3, coaching 1.11, the odd keys
   * and the tricky ones. */
  g_assert_cmpuint (result.bookmarks_added, ==, 3);
  g_assert_cmpuint (result.notes_added, ==, 3 + G_N_ELEMENTS (tricky_notes));
  g_assert_cmpuint (result.notes_merged, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 0);
  assert_same_marks (a, b);
  g_assert_false (ethos_user_db_is_bookmarked (b, "coaching", "1.11"));
  g_assert_false (ethos_user_db_is_bookmarked (b, "nohs", "9"));

  /* Again: nothing changes. */
  memset (&result, 0, sizeof result);
  g_assert_true (ethos_user_db_import_marks (b, path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.bookmarks_added + result.notes_added + result.notes_merged, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 6 + G_N_ELEMENTS (tricky_notes));
  assert_same_marks (a, b);
}

/* The format is told by the content, not by the file's name. */
static void
test_detect_format (void)
{
  g_autoptr(EthosUserDb) a = open_db ("det-a.db");
  g_autofree char *json_as_md = g_build_filename (tmp, "json-export.md", NULL);
  g_autofree char *md_as_json = g_build_filename (tmp, "md-export.json", NULL);
  g_autoptr(GError) error = NULL;

  /* Every tricky note, a note of one space among them, goes through
   * both formats. */
  fill_tricky (a);
  g_assert_true (ethos_user_db_write_marks (a, ETHOS_MARKS_JSON, NULL, NULL, json_as_md, &error));
  g_assert_true (ethos_user_db_write_marks (a, ETHOS_MARKS_MARKDOWN, NULL, NULL, md_as_json,
                                            &error));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("det-%u.db", i);
      g_autoptr(EthosUserDb) b = open_db (name);
      EthosMarksImport result = { 0 };

      g_assert_true (ethos_user_db_import_marks (b, i == 0 ? json_as_md : md_as_json, &result,
                                                 &error));
      g_assert_no_error (error);
      g_assert_cmpuint (result.bookmarks_added, ==, 3);
      assert_same_marks (a, b);
    }
}

static void
test_markdown_kept_beside (void)
{
  g_autoptr(EthosUserDb) a = open_db ("md-c.db");
  g_autoptr(EthosUserDb) b = open_db ("md-d.db");
  g_autofree char *path = g_build_filename (tmp, "marks2.md", NULL);
  g_autofree char *note = NULL, *same = NULL;
  g_autoptr(GError) error = NULL;
  EthosMarksImport result = { 0 };

  fill (a);
  g_assert_true (ethos_user_db_set_note (b, "nohs", "3", "My own note on this machine.", &error));
  g_assert_true (ethos_user_db_set_note (b, "coaching", "1.11", "Agreement > limits", &error));
  g_assert_true (ethos_user_db_write_marks (a, ETHOS_MARKS_MARKDOWN, title_cb, NULL, path, &error));
  g_assert_true (ethos_user_db_import_marks (b, path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.bookmarks_added, ==, 2);
  g_assert_cmpuint (result.notes_added, ==, 0);
  g_assert_cmpuint (result.notes_merged, ==, 1);
  g_assert_cmpuint (result.unchanged, ==, 1);
  note = ethos_user_db_get_note (b, "nohs", "3");
  g_assert_cmpstr (note, ==, "My own note on this machine.\n\n———\nAsk the supervisor about “duty "
                   "to warn”.\nSecond line: Nguyễn Thị Minh's case.");
  same = ethos_user_db_get_note (b, "coaching", "1.11");
  g_assert_cmpstr (same, ==, "Agreement > limits");

  /* Importing once more keeps one copy. */
  g_clear_pointer (&note, g_free);
  memset (&result, 0, sizeof result);
  g_assert_true (ethos_user_db_import_marks (b, path, &result, &error));
  g_assert_cmpuint (result.bookmarks_added + result.notes_added + result.notes_merged, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 4);
  note = ethos_user_db_get_note (b, "nohs", "3");
  g_assert_null (strstr (strstr (note, "duty to warn") + 1, "duty to warn"));
}

/* What a reader may do to the file: add a section of their own, comments,
 * blank lines; save it with CRLF line ends and a byte-order mark. */
static void
test_markdown_hand_edited (void)
{
  const char *md =
    "<!-- ethos-notes 1 -->\n"
    "# My notes from the old laptop\n"
    "\n"
    "Some words of my own, and a comment: <!-- ethos: not a place -->\n"
    "\n"
    "## To ask my supervisor\n"
    "\n"
    "> A quoted line under a heading I added.\n"
    "<!-- my own comment -->\n"
    "\n"
    "## NOHS Standard 3\n"
    "\n"
    "<!-- ethos: code=nohs  ref=3   bookmarked -->\n"
    "Bookmarked (I typed this myself).\n"
    "\n"
    "> The note.\n"
    ">\n"
    ">  Indented.\n"
    "\n"
    "### A sub-heading of mine\n"
    "\n"
    "## coaching 1.11\n"
    "<!-- ethos: code=coaching ref=1.11 -->\n"
    "> Another note.";
  g_autoptr(GString) crlf = g_string_new ("\xef\xbb\xbf");
  g_autoptr(GError) error = NULL;

  for (const char *p = md; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append_c (crlf, '\r');
      g_string_append_c (crlf, *p);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("hand-%u", i);
      g_autofree char *db_name = g_strconcat (name, ".db", NULL);
      g_autofree char *path = ethos_test_write_file (tmp, name, i == 0 ? md : crlf->str);
      g_autoptr(EthosUserDb) db = open_db (db_name);
      g_autoptr(GPtrArray) notes = NULL;
      g_autofree char *note = NULL, *other = NULL;
      EthosMarksImport result = { 0 };

      g_assert_true (ethos_user_db_import_marks (db, path, &result, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (result.bookmarks_added, ==, 1);
      g_assert_cmpuint (result.notes_added, ==, 2);
      notes = ethos_user_db_list_notes (db, NULL);
      g_assert_cmpuint (notes->len, ==, 2);
      note = ethos_user_db_get_note (db, "nohs", "3");
      g_assert_cmpstr (note, ==, "The note.\n\n Indented.");
      other = ethos_user_db_get_note (db, "coaching", "1.11");
      g_assert_cmpstr (other, ==, "Another note.");
    }
}

/* A Markdown file the export cannot have written: the file and line, and
 * nothing imported, not even the place before the fault. */
static void
test_markdown_bad_files (void)
{
  const char *head = "<!-- ethos-notes 1 -->\n# Ethos: Bookmarks and Notes\n\n"
                     "## oesc I.5.b\n<!-- ethos: code=oesc ref=I.5.b bookmarked -->\n\n";
  struct { const char *contents, *expect; } cases[] = {
    { "# Ethos: Bookmarks and Notes\n\n## NOHS 3\n\n> A note.\n", "line 1: this is not" },
    { "<!-- ethos-notes 2 -->\n", "line 1: this export is in a format" },
    { "## a\n<!-- ethos: code=nohs -->\n", "line 8: the place comment must give a code and a ref" },
    { "## a\n<!-- ethos: code=nohs ref=3\n", "line 8: the place comment does not end" },
    { "## a\n<!-- ethos: code=nohs ref=3 colour=red -->\n", "line 8: the place comment has an "
      "unknown word “colour=red”" },
    { "## a\n<!-- ethos: code=nohs ref=%zz -->\n", "line 8: the “ref” of the place comment" },
    { "## a\n<!-- ethos: code=nohs ref=%00 -->\n", "line 8: the “ref” of the place comment" },
    { "## a\n<!-- ethos: code=nohs ref=%FF -->\n", "line 8: the “ref” of the place comment" },
    { "## a\n<!-- ethos: code=nohs code=oesc ref=3 -->\n", "line 8: the place comment gives "
      "“code” twice" },
    { "## a\n<!-- ethos: code= ref=3 -->\n", "line 8: the “code” of the place comment must be" },
    { "## a\n<!-- ethos: code=nohs ref=3 -->\n> caf\xc3\n", "line 9: the line is not valid UTF-8" },
    { "## a\n<!-- ethos: code=nohs ref=3 -->\n> one\n\n> two\n", "line 11: a note must be one "
      "quoted block" },
    { "## a\n\nText.\n<!-- ethos: code=nohs ref=3 -->\n", "line 10: a place comment must be the "
      "first line" },
  };
  g_autoptr(EthosUserDb) db = open_db ("md-bad.db");

  /* The control: the head alone imports. */
  {
    g_autoptr(EthosUserDb) control = open_db ("md-control.db");
    g_autofree char *path = ethos_test_write_file (tmp, "control.md", head);
    g_autoptr(GError) error = NULL;

    g_assert_true (ethos_user_db_import_marks (control, path, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (ethos_user_db_is_bookmarked (control, "oesc", "I.5.b"));
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad%u.md", i);
      g_autofree char *contents = g_str_has_prefix (cases[i].contents, "## ")
                                  ? g_strconcat (head, cases[i].contents, NULL)
                                  : g_strdup (cases[i].contents);
      g_autofree char *path = ethos_test_write_file (tmp, name, contents);
      g_autofree char *expect = g_strdup_printf ("%s: %s", path, cases[i].expect);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) bookmarks = NULL;

      g_assert_false (ethos_user_db_import_marks (db, path, NULL, &error));
      g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
      if (!g_str_has_prefix (error->message, expect))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, expect);
      bookmarks = ethos_user_db_list_bookmarks (db, NULL);
      g_assert_cmpuint (bookmarks->len, ==, 0);
    }

  /* A note too long to keep, after a place that could be: refused at its
   * heading, the place before it rolled back. */
  {
    g_autoptr(GString) big = g_string_new (head);
    g_autofree char *path = NULL, *expect = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) bookmarks = NULL;

    g_string_append (big, "## NOHS 3\n<!-- ethos: code=nohs ref=3 -->\n\n> ");
    for (guint i = 0; i < 70000; i++)
      g_string_append_c (big, 'x');
    g_string_append_c (big, '\n');
    path = ethos_test_write_file (tmp, "big.md", big->str);
    g_assert_false (ethos_user_db_import_marks (db, path, NULL, &error));
    g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
    expect = g_strdup_printf ("%s: line 7: The note is too long", path);
    g_assert_true (g_str_has_prefix (error->message, expect));
    bookmarks = ethos_user_db_list_bookmarks (db, NULL);
    g_assert_cmpuint (bookmarks->len, ==, 0);
  }

  /* A file over the size limit, sparse so the test stays cheap. */
  {
    g_autofree char *path = ethos_test_write_file (tmp, "huge.md", head);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (truncate (path, 32 * 1024 * 1024 + 1), ==, 0);
    g_assert_false (ethos_user_db_import_marks (db, path, NULL, &error));
    g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
    g_assert_nonnull (strstr (error->message, "too large"));
    g_assert_false (ethos_user_db_is_bookmarked (db, "oesc", "I.5.b"));
  }
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
  g_autofree char *db_c = g_build_filename (tmp, "cli-c.db", NULL);
  g_autofree char *bad = ethos_test_write_file (tmp, "cli-bad.md", "# My notes\n\n> a note\n");
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

  /* The Markdown export imports back too: nothing new here, all of it into
   * an empty database. */
  g_assert_cmpint (ethos_test_run_cli_db (db_b, &out, &err, "notes", "import", md, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "0 bookmarks and 0 notes added, 0 notes kept beside your own, 4 "
                            "already here"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ethos_test_run_cli_db (db_c, &out, &err, "notes", "import", md, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2 bookmarks and 2 notes added, 0 notes kept beside your own, 0 "
                            "already here"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    g_autoptr(EthosUserDb) c = ethos_user_db_open (db_c, NULL);
    g_autofree char *note = ethos_user_db_get_note (c, "nohs", "3");

    g_assert_cmpstr (note, ==, "Ask the supervisor about “duty to warn”.\nSecond line: Nguyễn Thị "
                     "Minh's case.");
    g_assert_true (ethos_user_db_is_bookmarked (c, "oesc", "I.5.b"));
  }

  /* One of each is said in the singular ("1 bookmarks and 1 notes added"
   * before). */
  {
    g_autofree char *db_d = g_build_filename (tmp, "cli-d.db", NULL);
    g_autofree char *db_e = g_build_filename (tmp, "cli-e.db", NULL);
    g_autofree char *one = g_build_filename (tmp, "cli-one.json", NULL);
    g_autofree char *said = NULL;

    {
      g_autoptr(EthosUserDb) d = ethos_user_db_open (db_d, NULL);

      g_assert_true (ethos_user_db_set_bookmark (d, "nohs", "3", TRUE, NULL));
      g_assert_true (ethos_user_db_set_note (d, "nohs", "3", "One note.", NULL));
    }
    g_assert_cmpint (ethos_test_run_cli_db (db_d, NULL, NULL, "notes", "export", "-o", one,
                                            NULL), ==, 0);
    g_assert_cmpint (ethos_test_run_cli_db (db_e, &said, NULL, "notes", "import", one, NULL), ==,
                     0);
    g_assert_nonnull (strstr (said, "1 bookmark and 1 note added, 0 notes kept beside your own, "
                                    "0 already here"));
  }

  /* A JSON file with a key the format does not have: exit 3, named by the
   * file (it read "bad.json: $: unknown key “bad”"). */
  {
    g_autofree char *bad_json = ethos_test_write_file (tmp, "cli-bad.json", "{\"bad\": 1}");
    g_autofree char *said = NULL;

    g_assert_cmpint (ethos_test_run_cli_db (db_b, NULL, &said, "notes", "import", bad_json,
                                            NULL), ==, 3);
    g_assert_nonnull (strstr (said, "cli-bad.json: unknown key “bad”"));
    g_assert_null (strstr (said, "$:"));
  }

  /* A Markdown file that is not an export: exit 3, the file and line. */
  g_assert_cmpint (ethos_test_run_cli_db (db_b, &out, &err, "notes", "import", bad, NULL), ==, 3);
  g_assert_nonnull (strstr (err, bad));
  g_assert_nonnull (strstr (err, "line 1"));
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
  g_test_add_func ("/notes-export/markdown-round-trip", test_markdown_round_trip);
  g_test_add_func ("/notes-export/detect-format", test_detect_format);
  g_test_add_func ("/notes-export/markdown-kept-beside", test_markdown_kept_beside);
  g_test_add_func ("/notes-export/markdown-hand-edited", test_markdown_hand_edited);
  g_test_add_func ("/notes-export/bad-files", test_bad_files);
  g_test_add_func ("/notes-export/markdown-bad-files", test_markdown_bad_files);
  g_test_add_func ("/notes-export/cli", test_cli);

  return g_test_run ();
}
