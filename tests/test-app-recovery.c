/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 11, item 2, in the window: a damaged user database at the default
 * path is moved aside, a new one started, and a dialog says where the old
 * one and the rescue file went. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ethos-test-window.h"
#include "ethos-user-db.h"

static GtkWidget *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static void
check_dialog (EthosApplication *app,
              EthosWindow      *window)
{
  EthosUserDb *db = ethos_application_get_user_db (app);
  GtkWidget *dialog;
  const char *body;

  ethos_test_wait_until (dialog_shown, NULL, "the damaged-database dialog");
  dialog = find_dialog ();
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (db);
  g_assert_nonnull (ethos_user_db_get_damaged_path (db));
  g_assert_nonnull (strstr (body, "was damaged"));
  g_assert_nonnull (strstr (body, ethos_user_db_get_damaged_path (db)));
  g_assert_nonnull (ethos_user_db_get_rescue_path (db));
  g_assert_nonnull (strstr (body, ethos_user_db_get_rescue_path (db)));
  g_assert_nonnull (strstr (body, "import-rescue"));
  if (g_getenv ("ETHOS_TEST_SCREENSHOT") != NULL)
    ethos_test_spin (1500);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (g_file_test (ethos_user_db_get_damaged_path (db), G_FILE_TEST_IS_REGULAR));
  /* The new database works. */
  g_assert_true (ethos_user_db_set_bookmark (db, "nohs", "1", TRUE, NULL));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_damaged_dialog (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("XDG_DATA_HOME"), "ethos", NULL);
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autofree char *big = g_strnfill (3000, 'n');
  char junk[2048];
  FILE *f;

  /* A database worth rescuing, then 2 KB of junk at offset 32768. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EthosUserDb) db = ethos_user_db_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (ethos_user_db_set_agency_field (db, "agency_name", "Riverside", &error));
    for (guint i = 0; i < 40; i++)
      {
        g_autofree char *ref = g_strdup_printf ("9.%u", i);
        g_assert_true (ethos_user_db_set_note (db, "cesp", ref, big, &error));
      }
  }
  memset (junk, 0xab, sizeof junk);
  g_assert_nonnull ((f = fopen (path, "r+b")));
  g_assert_cmpint (fseek (f, 32768, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (junk, 1, sizeof junk, f), ==, sizeof junk);
  fclose (f);
  ethos_test_run_app (check_dialog);
}

int
main (int   argc,
      char *argv[])
{
  ethos_test_window_init (&argc, &argv);
  g_test_add_func ("/app-recovery/damaged-dialog", test_damaged_dialog);
  return ethos_test_window_run ();
}
