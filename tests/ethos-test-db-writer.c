/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small writer of the user database for test-user-db-safety: cheaper to
 * start than ethos-cli, so that a hundred kills and sixty first starts fit
 * in a few seconds.
 *   ethos-test-db-writer import DB TEMPLATE PREFIX
 *     prints "ready", then imports TEMPLATE as PREFIX-1, PREFIX-2, … until
 *     killed, printing "done ID" once each import is committed;
 *   ethos-test-db-writer agency DB GO VALUE
 *     waits for the file GO to exist (so that several start together),
 *     then opens DB (a first start when it does not exist) and sets
 *     agency_name to VALUE. */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "ethos-template-store.h"
#include "ethos-user-db.h"

static int
import_loop (const char *db_path,
             const char *template_path,
             const char *prefix)
{
  g_autofree char *builtin = g_build_filename (g_getenv ("ETHOS_SOURCE_ROOT"), "data",
                                               "templates", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosUserDb) db = ethos_user_db_open (db_path, &error);
  g_autoptr(EthosTemplateStore) store = NULL;

  if (db == NULL || !(store = ethos_template_store_new (builtin, db, NULL, &error)))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("ready\n");
  fflush (stdout);
  for (guint i = 1; i < 100000; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", prefix, i);

      if (!ethos_template_store_import_full (store, template_path, id, NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      printf ("done %s\n", id);
      fflush (stdout);
    }
  return 0;
}

static int
set_agency (const char *db_path,
            const char *go,
            const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosUserDb) db = NULL;

  for (guint waited = 0; !g_file_test (go, G_FILE_TEST_EXISTS); waited++)
    {
      if (waited > 10000)
        return 2;
      g_usleep (500);
    }
  if (!(db = ethos_user_db_open (db_path, &error)) ||
      !ethos_user_db_set_agency_field (db, "agency_name", value, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "import"))
    return import_loop (argv[2], argv[3], argv[4]);
  if (argc == 5 && g_str_equal (argv[1], "agency"))
    return set_agency (argv[2], argv[3], argv[4]);
  fprintf (stderr, "usage: ethos-test-db-writer import DB TEMPLATE PREFIX | agency DB GO VALUE\n");
  return 2;
}
