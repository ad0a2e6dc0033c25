/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 11: the user database under SIGKILL and under concurrent first
 * starts, driven through tests/ethos-test-db-writer.c. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ethos-test-utils.h"

#define N_KILLS 100
#define N_ROUNDS 20
#define N_PROCESSES 3

static char *tmp;

/* Reads what the child printed until it closed its end (it was killed). */
static char *
read_all (int fd)
{
  GString *out = g_string_new (NULL);
  char buffer[4096];
  ssize_t n;

  while ((n = read (fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (out, buffer, n);
  return g_string_free (out, FALSE);
}

/* Reads one line, byte by byte so nothing after it is lost. */
static gboolean
read_line (int      fd,
           GString *line)
{
  char c;

  g_string_truncate (line, 0);
  while (read (fd, &c, 1) == 1)
    {
      if (c == '\n')
        return TRUE;
      g_string_append_c (line, c);
    }
  return FALSE;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static gboolean
has_template (sqlite3    *db,
              const char *table,
              const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = ?1", table);
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  found = sqlite3_column_int (stmt, 0) == 1;
  sqlite3_finalize (stmt);
  return found;
}

/* A child importing templates in a loop is killed at a random moment of
 * its imports, a hundred times: after each kill the database passes
 * integrity_check and every import reported done is there. */
static void
test_kill_during_imports (void)
{
  g_autofree char *template = g_build_filename (g_getenv ("ETHOS_SOURCE_ROOT"), "fuzz", "corpus",
                                                "template", "minimal.json", NULL);
  guint reported = 0;
  g_auto(GStrv) envp = g_get_environ ();

  /* Under AddressSanitizer (make check's second run) the slow unwinder on
   * every malloc is only needed to match leak suppressions at exit, which a
   * killed child never reaches: the fast one makes the hundred starts
   * seconds, not a minute. */
  if (g_environ_getenv (envp, "ASAN_OPTIONS") != NULL)
    {
      g_autofree char *options = g_strconcat (g_environ_getenv (envp, "ASAN_OPTIONS"),
                                              ":fast_unwind_on_malloc=1", NULL);
      envp = g_environ_setenv (envp, "ASAN_OPTIONS", options, TRUE);
    }

  for (guint k = 0; k < N_KILLS; k++)
    {
      g_autofree char *prefix = g_strdup_printf ("kill%u", k);
      /* Ten kills per file: each start reads every agency template, so one
       * file growing through a hundred kills would make each start slower. */
      g_autofree char *db_name = g_strdup_printf ("killed-%u.db", k / 10);
      g_autofree char *db_path = g_build_filename (tmp, db_name, NULL);
      const char *argv[] = { g_getenv ("ETHOS_TEST_DB_WRITER"), "import", db_path, template,
                             prefix, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) first = g_string_new (NULL);   /* "ready", then the first "done" */
      g_autofree char *rest = NULL;
      g_auto(GStrv) lines = NULL;
      sqlite3 *db = NULL;
      g_autofree char *check = NULL;
      int out_fd = -1, status = 0;
      gint64 started;
      GPid pid;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, envp,
                                               G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, NULL,
                                               &out_fd, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (read_line (out_fd, first));
      g_assert_cmpstr (first->str, ==, "ready");
      /* The first import tells how long one takes (a few milliseconds, more
       * under the sanitizers): the kill falls anywhere in the next two. */
      started = g_get_monotonic_time ();
      g_assert_true (read_line (out_fd, first));
      g_assert_true (g_str_has_prefix (first->str, "done "));
      g_usleep (g_test_rand_int_range (0, (gint32) MAX (2 * (g_get_monotonic_time () - started),
                                                        1000)));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_spawn_close_pid (pid);
      rest = read_all (out_fd);
      close (out_fd);

      g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
      check = query_text (db, "PRAGMA integrity_check");
      g_assert_cmpstr (check, ==, "ok");
      g_assert_true (has_template (db, "templates", first->str + 5));
      reported++;
      lines = g_strsplit (rest, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (!g_str_has_prefix (lines[i], "done "))
            continue;
          g_assert_true (has_template (db, "templates", lines[i] + 5));
          g_assert_true (has_template (db, "template_versions", lines[i] + 5));
          reported++;
        }
      sqlite3_close (db);
    }
  g_test_message ("%u kills, %u imports reported done and found", N_KILLS, reported);
}

/* Three first starts at once, twenty times: all succeed, one schema. */
static void
test_concurrent_first_start (void)
{
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autofree char *dir = g_strdup_printf ("%s/round%u", tmp, round);
      g_autofree char *db_path = g_build_filename (dir, "ethos", "user.db", NULL);
      g_autofree char *go = g_build_filename (dir, "go", NULL);
      g_autofree char *value = NULL;
      GPid pids[N_PROCESSES];
      sqlite3 *db = NULL;

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      for (guint p = 0; p < N_PROCESSES; p++)
        {
          g_autofree char *name = g_strdup_printf ("P%u", p);
          const char *argv[] = { g_getenv ("ETHOS_TEST_DB_WRITER"), "agency", db_path, go, name,
                                 NULL };
          g_autoptr(GError) error = NULL;

          g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                        NULL, NULL, &pids[p], &error));
          g_assert_no_error (error);
        }
      g_assert_true (g_file_set_contents (go, "", 0, NULL));
      for (guint p = 0; p < N_PROCESSES; p++)
        {
          int status = 0;

          g_assert_cmpint (waitpid (pids[p], &status, 0), ==, pids[p]);
          g_spawn_close_pid (pids[p]);
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
        }
      g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      value = query_text (db, "SELECT value FROM agency WHERE field = 'agency_name'");
      g_assert_true (g_str_has_prefix (value, "P"));
      g_free (value);
      value = query_text (db, "PRAGMA user_version");
      g_assert_cmpstr (value, ==, "3");
      sqlite3_close (db);
    }
}

int
main (int   argc,
      char *argv[])
{
  tmp = ethos_test_init (&argc, &argv);

  g_test_add_func ("/user-db-safety/kill-during-imports", test_kill_during_imports);
  g_test_add_func ("/user-db-safety/concurrent-first-start", test_concurrent_first_start);
  return g_test_run ();
}
