/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The seed corpora through the fuzz targets without libFuzzer: the smoke
 * pass of `make check` (and of its sanitizer run), on builds made with gcc.
 *   fuzz-replay-TARGET FILE_OR_DIR…
 * Runs every file once, as `fuzz-TARGET -runs=0 DIR` does. A finding
 * aborts, naming the input. */
#define G_LOG_DOMAIN "ethos-fuzz"

#include "config.h"

#include <stdio.h>

#include "ethos-fuzz.h"

static guint
replay (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint n = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        n += replay (names->pdata[i]);
      return n;
    }
  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  fprintf (stderr, "replaying %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    n += replay (argv[i]);
  printf ("replayed %u inputs\n", n);
  return n > 0 ? 0 : 1;
}
