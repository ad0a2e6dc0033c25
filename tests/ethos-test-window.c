/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "ethos-test-window.h"

static char *test_dir;

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

const char *
ethos_test_window_init (int    *argc,
                        char ***argv)
{
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;

  g_assert_null (test_dir);
  test_dir = g_dir_make_tmp ("ethos-window-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  data = g_build_filename (test_dir, "data", NULL);
  config = g_build_filename (test_dir, "config", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_unsetenv ("ETHOS_DATA_DIR");

  gtk_test_init (argc, argv, NULL);
  return test_dir;
}

int
ethos_test_window_run (void)
{
  int ret = g_test_run ();

  if (g_getenv ("ETHOS_TEST_KEEP") == NULL)
    remove_tree (test_dir);
  g_clear_pointer (&test_dir, g_free);
  return ret;
}

void
ethos_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

void
ethos_test_wait_until (EthosTestCondition  condition,
                       gpointer            data,
                       const char         *what)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("Timed out waiting for %s", what);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

gboolean
ethos_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

gboolean
ethos_test_is_shown (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static void
window_close (EthosWindow *window)
{
  gpointer pages[] = {
    window->codes_view->item_page, window->codes_view->code_page, window->codes_view->section_page, window->codes_view->compare_page,
    window->codes_view->bookmarks_page, window->codes_view->tree_view, window->codes_view->results_view, window->forms_page,
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (pages[i] != NULL)
      g_object_add_weak_pointer (pages[i], &pages[i]);
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  ethos_test_spin (50);
  /* Nothing else holds the window or any of its children. */
  g_assert_finalize_object (window);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_assert_null (pages[i]);
}

static void
activated_cb (EthosApplication *app,
              EthosTestBody     body)
{
  EthosWindow *window = ETHOS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_assert_nonnull (ethos_application_get_corpus (app));
  g_assert_nonnull (ethos_application_get_user_db (app));
  g_assert_true (ETHOS_IS_WINDOW (window));
  ethos_test_wait_until (ethos_test_is_shown, window, "the window to show");

  g_application_hold (G_APPLICATION (app));
  body (app, window);
  window_close (window);
  g_application_release (G_APPLICATION (app));
}

void
ethos_test_run_app (EthosTestBody body)
{
  EthosApplication *app = ethos_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), body);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_finalize_object (app);
}

GtkWidget *
ethos_test_find_label_widget (GtkWidget  *widget,
                              const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ethos_test_find_label_widget (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
ethos_test_find_label (GtkWidget  *widget,
                       const char *text)
{
  return ethos_test_find_label_widget (widget, text) != NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;
  return ethos_test_find_label (wait->root, wait->text);
}

gboolean
ethos_test_wait_for_label (gpointer    root,
                           const char *text)
{
  LabelWait wait = { root, text };

  ethos_test_wait_until (label_shown, &wait, text);
  return TRUE;
}

void
ethos_test_assert_at (EthosWindow   *window,
                      EthosNodeKind  kind,
                      const char    *code,
                      const char    *key)
{
  g_assert_nonnull (window->codes_view->current);
  g_assert_cmpint (window->codes_view->current->kind, ==, kind);
  g_assert_cmpstr (window->codes_view->current->code, ==, code);
  g_assert_cmpstr (window->codes_view->current->key, ==, key);
}

gboolean
ethos_test_has_shortcut (GtkWidget  *widget,
                         const char *action,
                         const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint want_key;
  GdkModifierType want_mods;

  g_assert_true (gtk_accelerator_parse (accel, &want_key, &want_mods));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && GTK_IS_NAMED_ACTION (named) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == want_key &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == want_mods)
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
forms_loaded (gpointer data)
{
  return !ethos_forms_page_is_loading (data);
}

void
ethos_test_wait_forms (EthosFormsPage *page)
{
  ethos_test_wait_until (forms_loaded, page, "the forms to be read");
}

gboolean
ethos_test_forms_shown (gpointer data)
{
  EthosWindow *window = data;

  return window->forms_page != NULL && ethos_test_is_shown (window->forms_page) &&
         !ethos_forms_page_is_loading (window->forms_page);
}

EthosFormsPage *
ethos_test_show_forms (EthosWindow *window)
{
  EthosFormsPage *page = _ethos_window_show_forms (window);

  ethos_test_wait_until (ethos_test_forms_shown, window, "the Forms view");
  return page;
}

EthosFormsPage *
ethos_test_forms_page_in_window (GtkWindow **window)
{
  EthosFormsPage *page = ethos_forms_page_new ();

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 1000, 700);
  gtk_window_set_child (*window, GTK_WIDGET (page));
  gtk_window_present (*window);
  ethos_test_wait_until (ethos_test_is_shown, page, "the Forms page");
  return page;
}

void
ethos_test_close_forms_window (GtkWindow      *window,
                               EthosFormsPage *page)
{
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  gtk_window_destroy (window);
  ethos_test_spin (20);
  g_assert_null (page);
}

typedef struct
{
  gboolean done;
  int      status;
} Spawned;

static void
child_done_cb (GPid     pid,
               int      status,
               gpointer data)
{
  Spawned *spawned = data;

  spawned->status = status;
  spawned->done = TRUE;
  g_spawn_close_pid (pid);
}

static gboolean
spawned_done (gpointer data)
{
  return ((Spawned *) data)->done;
}

void
ethos_test_xdotool (const char *first,
                    ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Spawned spawned = { FALSE, 0 };
  va_list args;
  GPid pid;

  g_ptr_array_add (argv, "xdotool");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_async (NULL, (char **) argv->pdata, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, &error));
  g_assert_no_error (error);
  g_child_watch_add (pid, child_done_cb, &spawned);
  ethos_test_wait_until (spawned_done, &spawned, "xdotool");
  g_assert_true (g_spawn_check_wait_status (spawned.status, NULL));
  ethos_test_spin (30);
}

void
ethos_test_focus_window (GtkWindow *window)
{
  /* By the X window itself: the title names what is shown ("Informed
   * Consent for Services — Ethos"), which xdotool's name search does not
   * match reliably. */
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *wid = NULL;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  wid = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface));
  ethos_test_xdotool ("windowfocus", "--sync", wid, NULL);
}

GtkWindow *
ethos_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
message_shown (gpointer data)
{
  return ethos_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

AdwMessageDialog *
ethos_test_wait_message (const char *heading)
{
  AdwMessageDialog *dialog;

  ethos_test_wait_until (message_shown, NULL, heading != NULL ? heading : "a dialog");
  dialog = ADW_MESSAGE_DIALOG (ethos_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  if (heading != NULL)
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  return dialog;
}

void
ethos_test_answer (AdwMessageDialog *dialog,
                   const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ethos_test_spin (50);
}

GtkEventController *
ethos_test_find_controller (GtkWidget *widget,
                            GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}
