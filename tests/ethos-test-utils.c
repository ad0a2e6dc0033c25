/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "ethos-test-utils.h"

static char *test_dir;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
cleanup (void)
{
  if (test_dir != NULL && g_getenv ("ETHOS_TEST_KEEP") == NULL)
    remove_tree (test_dir);
}

char *
ethos_test_init (int    *argc,
                 char ***argv)
{
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;

  setlocale (LC_ALL, "");
  /* Tests use the build tree's data unless a test says otherwise. */
  g_unsetenv ("ETHOS_DATA_DIR");
  test_dir = g_dir_make_tmp ("ethos-test-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  data = g_build_filename (test_dir, "data", NULL);
  config = g_build_filename (test_dir, "config", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  atexit (cleanup);

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  return g_strdup (test_dir);
}

char *
ethos_test_write_file (const char *dir,
                       const char *name,
                       const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

int
ethos_test_run_argv (const char * const *argv,
                     char              **out,
                     char              **err)
{
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

int
ethos_test_run_cli_db (const char  *db,
                       char       **out,
                       char       **err,
                       const char  *first_arg,
                       ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *ignored_out = NULL;
  g_autofree char *ignored_err = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("ETHOS_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  va_start (args, first_arg);
  for (const char *a = first_arg; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return ethos_test_run_argv ((const char * const *) argv->pdata,
                              out != NULL ? out : &ignored_out,
                              err != NULL ? err : &ignored_err);
}

int
ethos_test_run_cli (char       **out,
                    char       **err,
                    const char  *first_arg,
                    ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("ETHOS_CLI"));
  va_start (args, first_arg);
  for (const char *a = first_arg; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (argv->pdata[0]);

  return ethos_test_run_argv ((const char * const *) argv->pdata, out, err);
}

char *
ethos_test_collapse_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}
