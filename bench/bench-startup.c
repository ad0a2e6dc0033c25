/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

/* Startup of the Ethos window against a bare libadwaita window (header bars
 * and an AdwLeaflet), run alternately in one session on one display: wall
 * time from exec to the first frame drawn (then exit), and peak resident
 * memory. Needs a display: `make bench` runs it under xvfb-run.
 * Usage: bench-startup [ROUNDS] */

#define DEFAULT_ROUNDS 15

typedef struct
{
  const char *name;
  const char *path;
  GArray     *ms;
  GArray     *rss_kib;
} Program;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static gboolean
run_once (const Program *program,
          double        *ms,
          long          *rss_kib)
{
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  int status;
  pid_t pid = fork ();

  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      execl (program->path, program->path, (char *) NULL);
      _exit (127);
    }
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s failed (status %d)\n", program->path, status);
      return FALSE;
    }
  *ms = (g_get_monotonic_time () - start) / 1000.0;
  *rss_kib = usage.ru_maxrss;
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);

  g_array_sort (sorted, compare_doubles);
  if (sorted->len % 2 == 1)
    return g_array_index (sorted, double, sorted->len / 2);
  return (g_array_index (sorted, double, sorted->len / 2 - 1) +
          g_array_index (sorted, double, sorted->len / 2)) / 2;
}

/* Runs @path @mode @rounds times; the medians of its first show of Forms
 * (bench-window-ethos; @first_ms NULL for bench-window-bare --switch, which
 * has none) and of its switches between views already made. */
static gboolean
measure_forms (const char *path,
               const char *mode,
               const char *renderer,
               int         rounds,
               double     *first_ms,
               double     *switch_ms)
{
  g_autoptr(GArray) forms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) switches = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) envp = g_get_environ ();

  if (renderer != NULL)
    envp = g_environ_setenv (envp, "GSK_RENDERER", renderer, TRUE);
  for (int r = 0; r < rounds; r++)
    {
      const char *argv[] = { path, mode, NULL };
      g_autofree char *out = NULL;
      int status;
      double ms, floor_ms;

      if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                         &status, NULL) || !g_spawn_check_wait_status (status, NULL) ||
          out == NULL ||
          (first_ms != NULL && sscanf (strstr (out, "forms-first-show-ms ") ?: "",
                                       "forms-first-show-ms %lf", &ms) != 1) ||
          sscanf (strstr (out, "view-switch-ms ") ?: "", "view-switch-ms %lf", &floor_ms) != 1)
        {
          g_printerr ("%s %s failed\n", path, mode);
          return FALSE;
        }
      if (first_ms != NULL)
        g_array_append_val (forms, ms);
      g_array_append_val (switches, floor_ms);
    }
  if (first_ms != NULL)
    *first_ms = median (forms);
  *switch_ms = median (switches);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  int rounds = argc > 1 ? atoi (argv[1]) : DEFAULT_ROUNDS;
  g_autofree char *home = g_dir_make_tmp ("ethos-bench-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  Program programs[] = {
    { "bare libadwaita window", ETHOS_BUILD_ROOT "/bench/bench-window-bare", NULL, NULL },
    { "Ethos window", ETHOS_BUILD_ROOT "/bench/bench-window-ethos", NULL, NULL },
  };

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-startup needs a display: run it under xvfb-run -a\n");
      return 2;
    }
  if (rounds < 1)
    rounds = DEFAULT_ROUNDS;

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", ETHOS_BUILD_ROOT "/data", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_unsetenv ("ETHOS_DATA_DIR");

  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      double ms;
      long rss;

      programs[p].ms = g_array_new (FALSE, FALSE, sizeof (double));
      programs[p].rss_kib = g_array_new (FALSE, FALSE, sizeof (double));
      /* One unmeasured run each: disk cache, fontconfig cache, the user db. */
      if (!run_once (&programs[p], &ms, &rss))
        return 1;
    }

  /* Alternate, so that drift on the machine hits both alike. */
  for (int r = 0; r < rounds; r++)
    for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
      {
        double ms, kib;
        long rss;

        if (!run_once (&programs[p], &ms, &rss))
          return 1;
        kib = rss;
        g_array_append_val (programs[p].ms, ms);
        g_array_append_val (programs[p].rss_kib, kib);
      }

  g_print ("Startup to the first frame, %d rounds (medians):\n", rounds);
  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    g_print ("  %-24s %7.1f ms   peak RSS %6.1f MiB\n", programs[p].name,
             median (programs[p].ms), median (programs[p].rss_kib) / 1024.0);
  g_print ("  ratio (Ethos / bare)     time %.2fx (target <= 1.20x)   memory %.2fx (target <= 1.10x)\n",
           median (programs[1].ms) / median (programs[0].ms),
           median (programs[1].rss_kib) / median (programs[0].rss_kib));

  /* The first show of the Forms view, in a started window: with the page
   * made in the background (as a person reaching for the tab finds it),
   * made at once (a switch in the first frame), and with the cairo
   * renderer instead of GL, which here runs on llvmpipe, in software. */
  {
    double first, floor;

    if (!measure_forms (programs[1].path, "--forms", NULL, MIN (rounds, 11), &first, &floor))
      return 1;
    g_print ("  first show of Forms      %7.1f ms median of %d (target <= 16 ms)\n", first,
             MIN (rounds, 11));
    /* The same switch between views already made: what a frame of a new
     * view costs on this machine, whatever Ethos does. */
    g_print ("  switch to a view made    %7.1f ms (the floor under the above)\n", floor);
    if (!measure_forms (programs[1].path, "--forms-cold", NULL, MIN (rounds, 11), &first, &floor))
      return 1;
    g_print ("    switched at once       %7.1f ms (before the page is made in the background)\n",
             first);
    if (!measure_forms (programs[1].path, "--forms", "cairo", MIN (rounds, 11), &first, &floor))
      return 1;
    g_print ("    GSK_RENDERER=cairo     %7.1f ms, a switch to a view made %.1f ms\n", first, floor);
    /* And under all of it, the same switch in the bare window between two
     * views of one label each: the least a new view's frame costs here. */
    if (!measure_forms (programs[0].path, "--switch", NULL, MIN (rounds, 11), NULL, &floor))
      return 1;
    g_print ("  switch in the bare window %6.1f ms (two views of one label each)\n", floor);
    if (!measure_forms (programs[0].path, "--switch", "cairo", MIN (rounds, 11), NULL, &floor))
      return 1;
    g_print ("    GSK_RENDERER=cairo     %7.1f ms\n", floor);
  }

  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      g_array_unref (programs[p].ms);
      g_array_unref (programs[p].rss_kib);
    }
  remove_tree (home);
  return 0;
}
