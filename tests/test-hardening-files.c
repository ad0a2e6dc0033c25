/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 11, the files ethos-cli reads and writes, through ethos-cli as a
 * script would run it: exit codes, the message's key words, and that
 * nothing is left behind or changed (file hashes). Every input here is also
 * in the matching fuzzer's seed corpus (fuzz/corpus/). */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "ethos-test-utils.h"

static char *tmp;

#define cli(out, err, ...) run_cli (out, err, __VA_ARGS__, NULL)

/* ethos_test_run_cli(), showing stderr in the test log. */
static int
run_cli (char       **out,
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

  /* The test's own isolated folders (G_TEST_OPTION_ISOLATE_DIRS), for the child too. */
  g_setenv ("XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  g_ptr_array_add (argv, (char *) g_getenv ("ETHOS_CLI"));
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
path_in (const char *name)
{
  return g_build_filename (tmp, name, NULL);
}

static char *
hash_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static char *
source_file (const char *relative)
{
  return g_build_filename (g_getenv ("ETHOS_SOURCE_ROOT"), relative, NULL);
}

static char *
read_source (const char *relative)
{
  g_autofree char *path = source_file (relative);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

#define write_literal(path, literal) write_bytes (path, literal, sizeof literal - 1)

static void
write_bytes (const char *path,
             const char *data,
             gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* The names in @dir that start with @prefix. */
static guint
count_prefixed (const char *dir,
                const char *prefix)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    n += g_str_has_prefix (name, prefix);
  return n;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in “%s”", needle, haystack ? haystack : "(null)");
}

/* Item 1: json-glib skips comments, so a comment hiding a quote hid the
 * nesting from the pre-scan: stack overflow in every command that read it. */
static void
test_hidden_nesting (void)
{
  g_autofree char *bad = path_in ("d.json");
  g_autoptr(GString) text = g_string_new ("[/*\"*/");
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *deployed = g_build_filename (g_get_system_data_dirs ()[0], "ethos",
                                                "templates", NULL);
  g_autofree char *minimal = read_source ("fuzz/corpus/template/minimal.json");
  g_autofree char *good = g_build_filename (deployed, "my-agency-consent.json", NULL);
  g_autofree char *hidden = g_build_filename (deployed, "hidden.json", NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  g_string_append (text, "\"]");
  write_bytes (bad, text->str, (gssize) text->len);

  g_assert_cmpint (cli (NULL, &err, "coverage", bad), ==, 3);
  assert_contains (err, "comments are not allowed");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (NULL, &err, "template", "import", bad), ==, 3);
  assert_contains (err, "comments are not allowed");
  g_clear_pointer (&err, g_free);

  /* Single quotes and "//" comments hide brackets the same way. */
  write_bytes (bad, "{\"a\": ['\"', [[[[\"]}", -1);
  g_assert_cmpint (cli (NULL, &err, "coverage", bad), ==, 3);
  assert_contains (err, "double quotes");
  g_clear_pointer (&err, g_free);

  /* One bad deployed file is reported; the others still work. */
  g_assert_cmpint (g_mkdir_with_parents (deployed, 0755), ==, 0);
  write_bytes (hidden, text->str, (gssize) text->len);
  write_bytes (good, minimal, -1);
  g_assert_cmpint (cli (&out, &err, "templates"), ==, 0);
  assert_contains (out, "my-agency-consent");
  assert_contains (out, "informed-consent");
  assert_contains (err, "hidden.json");
  g_unlink (hidden);
  g_unlink (good);
}

/* Item 5 and the symlink case: an output path that is a FIFO or a device
 * is refused and stays what it was; a symlink is replaced, not followed. */
static void
test_output_not_a_file (void)
{
  g_autofree char *fifo = path_in ("out-fifo.pdf");
  g_autofree char *target = path_in ("target.txt");
  g_autofree char *link = path_in ("link.pdf");
  g_autofree char *target_hash = NULL;
  g_autofree char *target_hash_after = NULL;
  g_autofree char *err = NULL;
  struct stat st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (cli (NULL, &err, "generate", "informed-consent", "--blank", "-o", fifo), ==, 4);
  assert_contains (err, "not a file");
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (NULL, &err, "template", "export", "informed-consent", "-o", "/dev/null"),
                   ==, 4);
  assert_contains (err, "not a file");
  g_assert_cmpint (lstat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  write_bytes (target, "someone else's file", -1);
  target_hash = hash_file (target);
  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_cmpint (cli (NULL, NULL, "generate", "informed-consent", "--blank", "-o", link), ==, 0);
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_clear_pointer (&target_hash_after, g_free);
  target_hash_after = hash_file (target);
  g_assert_cmpstr (target_hash_after, ==, target_hash);
  g_assert_cmpuint (count_prefixed (tmp, "."), ==, 0);
}

/* Item 6: a sign or a space where a digit belongs. */
static void
test_strict_dates (void)
{
  const char *dates[] = { "client_dob=2026-+2-03", "client_dob=2026- 2-03",
                          "client_dob=2026-02-+3", "client_dob=+2026-02-03",
                          "client_dob=2026-02-03 " "x" };
  g_autofree char *pdf = path_in ("date.pdf");

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (cli (NULL, &err, "generate", "informed-consent", "-o", pdf,
                            "--set", "client_name=Ana", "--set", dates[i]), ==, 3);
      assert_contains (err, "YYYY-MM-DD");
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpint (cli (NULL, NULL, "generate", "informed-consent", "-o", pdf,
                        "--set", "client_name=Ana", "--set", "client_dob=1990-05-17"), ==, 0);
}

/* Item 7 and the duplicate header: a NUL cut "Ana\0Evil" to "Ana". */
static void
test_csv_nul (void)
{
  g_autofree char *csv = path_in ("nul.csv");
  g_autofree char *out_dir = path_in ("nul-out");
  g_autofree char *other_dir = path_in ("nul-other");
  g_autofree char *err = NULL;

  write_literal (csv, "client_name,client_dob\nAna\0Evil,1990-01-02\nBo,1991-02-03\n");
  g_assert_cmpint (cli (NULL, &err, "batch", "informed-consent", "--csv", csv, "--out-dir",
                        out_dir), ==, 3);
  assert_contains (err, "line 2: column 1 holds a NUL byte");
  g_assert_null (strstr (err, "line 2: line 2"));
  g_assert_null (strstr (err, "Ana"));
  g_assert_cmpuint (count_prefixed (out_dir, "0001"), ==, 0);
  g_assert_cmpuint (count_prefixed (out_dir, "0002"), ==, 1);
  g_clear_pointer (&err, g_free);

  write_literal (csv, "client_name\0junk,client_dob\nAna,1990-01-02\n");
  g_assert_cmpint (cli (NULL, &err, "batch", "informed-consent", "--csv", csv, "--out-dir",
                        other_dir), ==, 3);
  assert_contains (err, "header row");
  assert_contains (err, "NUL");
  g_assert_false (g_file_test (other_dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  write_literal (csv, "client_name,client_name\nAna,Evil\n");
  g_assert_cmpint (cli (NULL, &err, "batch", "informed-consent", "--csv", csv, "--out-dir",
                        other_dir), ==, 3);
  assert_contains (err, "twice");
  g_assert_false (g_file_test (other_dir, G_FILE_TEST_EXISTS));
}

/* Item 8: an input that never ends stops at the cap, exit 3 "too large". */
static void
test_endless_input (void)
{
  g_autofree char *zero_csv = path_in ("z.csv");
  g_autofree char *zero_json = path_in ("z.json");
  g_autofree char *out_dir = path_in ("z-out");
  const char *cases[][8] = {
    { "batch", "informed-consent", "--csv", zero_csv, "--out-dir", out_dir, NULL },
    { "template", "import", zero_json, NULL },
    { "coverage", zero_json, NULL },
    { "generate", "informed-consent", "--blank", "--logo", "/dev/zero", "-o", out_dir, NULL },
    { "agency", "set", "logo", "/dev/zero", NULL },
  };

  g_assert_cmpint (symlink ("/dev/zero", zero_csv), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero_json), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *err = NULL;
      g_autofree char *out = NULL;

      g_ptr_array_add (argv, (char *) g_getenv ("ETHOS_CLI"));
      for (guint a = 0; cases[i][a] != NULL; a++)
        g_ptr_array_add (argv, (char *) cases[i][a]);
      g_ptr_array_add (argv, NULL);
      g_assert_cmpint (ethos_test_run_argv ((const char * const *) argv->pdata, &out, &err), ==, 3);
      if (strstr (err, "too large") == NULL && strstr (err, "larger than") == NULL)
        g_error ("%s: %s", cases[i][0], err);
      g_assert_null (strstr (err, "Failed to map"));
    }
  g_assert_false (g_file_test (out_dir, G_FILE_TEST_EXISTS));
}

/* A template with one title replaced by @title. */
static char *
template_with_title (const char *id,
                     const char *title)
{
  g_autofree char *minimal = read_source ("fuzz/corpus/template/minimal.json");
  g_autoptr(GString) text = g_string_new (minimal);
  g_autofree char *id_text = g_strdup_printf ("\"id\": \"%s\"", id);
  g_autofree char *title_text = g_strdup_printf ("\"en\": \"%s\"", title);

  g_string_replace (text, "\"id\": \"my-agency-consent\"", id_text, 1);
  g_string_replace (text, "\"en\": \"Consent for Services\"", title_text, 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Item 9: what the layout would refuse at print time is refused at import. */
static void
test_unprintable_template (void)
{
  g_autofree char *long_title = g_strnfill (201, 'T');
  g_autofree char *long_id = g_strnfill (65, 'a');
  const char *titles[] = { "\xd9\x85\xd9\x88\xd8\xa7\xd9\x81\xd9\x82\xd8\xa9", "Consent \xe2\x80\xae",
                           "Consent \xee\x80\x80", long_title };
  const char *words[] = { "right to left", "right to left", "private-use", "200 characters" };
  g_autofree char *file = path_in ("title.json");
  g_autofree char *list_before = NULL;
  g_autofree char *list_after = NULL;

  g_assert_cmpint (cli (&list_before, NULL, "templates"), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *json = template_with_title ("title-test", titles[i]);
      g_autofree char *err = NULL;

      write_bytes (file, json, -1);
      g_assert_cmpint (cli (NULL, &err, "template", "import", file), ==, 3);
      assert_contains (err, words[i]);
    }
  {
    g_autofree char *json = template_with_title (long_id, "Consent");
    g_autofree char *err = NULL;

    write_bytes (file, json, -1);
    g_assert_cmpint (cli (NULL, &err, "template", "import", file), ==, 3);
    assert_contains (err, "longer than 64");
    g_assert_null (strstr (err, long_id));
  }
  g_assert_cmpint (cli (&list_after, NULL, "templates"), ==, 0);
  g_assert_cmpstr (list_before, ==, list_after);
}

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { 4096, 4096 };

  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Item 11: no temporary file is left by a kill or a file size limit, and a
 * stale one of ours is removed by the next write into the folder. */
static void
test_temp_files (void)
{
  g_autofree char *dir = path_in ("temps");
  g_autofree char *pdf = g_build_filename (dir, "form.pdf", NULL);
  g_autofree char *stale = g_build_filename (dir, ".ethos-AbC123", NULL);
  g_autofree char *fresh = g_build_filename (dir, ".ethos-XyZ789", NULL);
  g_autofree char *locked = g_build_filename (dir, ".ethos-LoCk42", NULL);
  g_autofree char *other = g_build_filename (dir, ".ethos-notours", NULL);
  /* As Ethos 0.1.0 named them (mkstemp beside the form), and look-alikes. */
  g_autofree char *old_form = g_build_filename (dir, ".0007-informed-consent.pdf.Qx7bZ2", NULL);
  g_autofree char *old_fresh = g_build_filename (dir, ".0008-informed-consent.pdf.k3JdPq", NULL);
  g_autofree char *backup = g_build_filename (dir, ".intake.pdf.backup", NULL);
  g_autofree char *not_pdf = g_build_filename (dir, ".notes.pdf.Zz9Yy8", NULL);
  g_autofree char *not_form = g_build_filename (dir, ".notes.json.Zz9Yy8", NULL);
  const char *argv[] = { g_getenv ("ETHOS_CLI"), "generate", "informed-consent", "--blank",
                         "-o", pdf, NULL };
  struct timeval old[2] = { { time (NULL) - 120, 0 }, { time (NULL) - 120, 0 } };
  g_autofree char *err = NULL;
  int wait_status = 0, lock_fd;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  /* The database exists first: only the PDF meets the limit. */
  g_assert_cmpint (cli (NULL, NULL, "agency", "show"), ==, 0);
  /* ulimit -f 4: SIGXFSZ killed the process (exit 153) and left its temp file. */
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, limit_file_size, NULL,
                               NULL, &err, &wait_status, NULL));
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 4);
  assert_contains (err, "too large");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_prefixed (dir, "."), ==, 0);

  /* Stale (two minutes old), fresh, locked by a running writer, not ours by name. */
  write_bytes (stale, "a client's form", -1);
  write_bytes (fresh, "being written", -1);
  write_bytes (locked, "being written slowly", -1);
  write_bytes (other, "someone's", -1);
  g_assert_cmpint (utimes (stale, old), ==, 0);
  g_assert_cmpint (utimes (locked, old), ==, 0);
  g_assert_cmpint (utimes (other, old), ==, 0);
  write_bytes (old_form, "%PDF-1.7 a client's form", -1);
  write_bytes (old_fresh, "%PDF-1.7 being written", -1);
  write_bytes (backup, "%PDF-1.7 the user's own copy", -1);
  write_bytes (not_pdf, "the user's own notes", -1);
  write_bytes (not_form, "%PDF-1.7 not named as a form", -1);
  g_assert_cmpint (utimes (old_form, old), ==, 0);
  g_assert_cmpint (utimes (backup, old), ==, 0);
  g_assert_cmpint (utimes (not_pdf, old), ==, 0);
  g_assert_cmpint (utimes (not_form, old), ==, 0);
  lock_fd = open (locked, O_RDONLY);
  g_assert_cmpint (flock (lock_fd, LOCK_EX), ==, 0);

  g_assert_cmpint (cli (NULL, NULL, "generate", "informed-consent", "--blank", "-o", pdf), ==, 0);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (locked, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_prefixed (dir, ".ethos-"), ==, 3);
  g_assert_false (g_file_test (old_form, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (old_fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (not_pdf, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (not_form, G_FILE_TEST_EXISTS));
  close (lock_fd);
}

/* Item 11: SIGKILL during a batch left hidden, complete PDFs with a
 * client's name. Forms are written through unnamed files now. */
static void
test_killed_batch (void)
{
  g_autofree char *csv = path_in ("kill.csv");
  g_autofree char *out_dir = path_in ("kill-out");
  g_autoptr(GString) rows = g_string_new ("client_name,client_dob\n");
  guint written = 0;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (rows, "Client Number %u,1990-01-%02u\n", i, i % 28 + 1);
  write_bytes (csv, rows->str, -1);
  for (guint k = 0; k < 5; k++)
    {
      const char *argv[] = { g_getenv ("ETHOS_CLI"), "batch", "informed-consent", "--csv", csv,
                             "--out-dir", out_dir, "--name-column", "client_name", "--overwrite",
                             NULL };
      g_autoptr(GError) error = NULL;
      int status = 0;
      GPid pid;

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                    NULL, &pid, &error));
      g_assert_no_error (error);
      g_usleep (g_test_rand_int_range (150000, 600000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_cmpuint (count_prefixed (out_dir, "."), ==, 0);
    }
  written = count_prefixed (out_dir, "Client Number");
  g_test_message ("%u forms written in five killed runs", written);
}

/* A 255-byte output name: the temporary name must not be longer. */
static void
test_long_output_name (void)
{
  g_autofree char *base = g_strnfill (251, 'n');
  g_autofree char *name = g_strconcat (base, ".pdf", NULL);
  g_autofree char *pdf = path_in (name);
  struct stat st;

  g_assert_cmpuint (strlen (name), ==, 255);
  g_assert_cmpint (cli (NULL, NULL, "generate", "informed-consent", "--blank", "-o", pdf), ==, 0);
  g_assert_cmpint (stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (cli (NULL, NULL, "template", "export", "informed-consent", "-o", pdf), ==, 0);
  g_assert_cmpuint (count_prefixed (tmp, ".ethos-"), ==, 0);
}

/* "Also": a second run into the same folder; a right-to-left value. */
static void
test_batch_refusals (void)
{
  g_autofree char *csv = path_in ("clients.csv");
  g_autofree char *out_dir = path_in ("batch-out");
  g_autofree char *first = g_build_filename (out_dir, "Ana Lopez.pdf", NULL);
  g_autofree char *first_hash = NULL;
  g_autofree char *second_hash = NULL;
  g_autofree char *rtl_dir = path_in ("rtl-out");
  g_autofree char *err = NULL;

  write_bytes (csv, "client_name,client_dob\nAna Lopez,1990-01-02\nBo Chen,1991-02-03\n"
                    "Cy Diaz,1992-03-04\n", -1);
  g_assert_cmpint (cli (NULL, NULL, "batch", "informed-consent", "--csv", csv, "--out-dir",
                        out_dir, "--name-column", "client_name"), ==, 0);
  first_hash = hash_file (first);
  g_assert_cmpint (cli (NULL, &err, "batch", "informed-consent", "--csv", csv, "--out-dir",
                        out_dir, "--name-column", "client_name"), ==, 4);
  assert_contains (err, "3 of the files");
  assert_contains (err, "rows 1, 2, 3");
  assert_contains (err, "--overwrite");
  g_assert_null (strstr (err, "Ana"));
  second_hash = hash_file (first);
  g_assert_cmpstr (second_hash, ==, first_hash);
  g_assert_cmpint (cli (NULL, NULL, "batch", "informed-consent", "--csv", csv, "--out-dir",
                        out_dir, "--name-column", "client_name", "--overwrite"), ==, 0);
  g_clear_pointer (&err, g_free);

  /* The refusal names the column and code points, never the client's characters. */
  write_bytes (csv, "client_name\n\xd8\xb3\xd8\xa7\xd8\xb1\xd8\xa9\n", -1);
  g_assert_cmpint (cli (NULL, &err, "batch", "informed-consent", "--csv", csv, "--out-dir",
                        rtl_dir), ==, 3);
  assert_contains (err, "client_name");
  assert_contains (err, "U+0633");
  g_assert_null (strstr (err, "\xd8\xb3"));
}

/* "Also": unclear messages. */
static void
test_messages (void)
{
  g_autofree char *minimal = read_source ("fuzz/corpus/template/minimal.json");
  g_autoptr(GString) text = g_string_new (minimal);
  g_autofree char *file = path_in ("format.json");
  g_autofree char *pdf = path_in ("pu.pdf");
  g_autofree char *err = NULL;

  g_string_replace (text, "\"format\": 1", "\"format\": 99999999999999999999999999", 1);
  write_bytes (file, text->str, -1);
  g_assert_cmpint (cli (NULL, &err, "template", "import", file), ==, 3);
  assert_contains (err, "must be the number 1");
  /* Not the overflowed "-1" (the file's name, random, may hold one). */
  {
    g_autoptr(GString) said = g_string_new (err);

    g_string_replace (said, file, "FILE", 0);
    g_assert_null (strstr (said->str, "-1"));
  }
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (NULL, &err, "generate", "informed-consent", "-o", pdf,
                        "--set", "client_name=Ana \xee\x80\x80"), ==, 3);
  assert_contains (err, "private-use");
  g_assert_null (strstr (err, "shaping"));

  /* A byte-order mark (Windows editors) is not "data after the value". */
  {
    g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", minimal, NULL);

    write_bytes (file, with_bom, -1);
    g_assert_cmpint (cli (NULL, NULL, "coverage", file), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  tmp = ethos_test_init (&argc, &argv);

  g_test_add_func ("/hardening-files/hidden-nesting", test_hidden_nesting);
  g_test_add_func ("/hardening-files/output-not-a-file", test_output_not_a_file);
  g_test_add_func ("/hardening-files/strict-dates", test_strict_dates);
  g_test_add_func ("/hardening-files/csv-nul", test_csv_nul);
  g_test_add_func ("/hardening-files/endless-input", test_endless_input);
  g_test_add_func ("/hardening-files/unprintable-template", test_unprintable_template);
  g_test_add_func ("/hardening-files/temp-files", test_temp_files);
  g_test_add_func ("/hardening-files/killed-batch", test_killed_batch);
  g_test_add_func ("/hardening-files/long-output-name", test_long_output_name);
  g_test_add_func ("/hardening-files/batch-refusals", test_batch_refusals);
  g_test_add_func ("/hardening-files/messages", test_messages);
  return g_test_run ();
}
