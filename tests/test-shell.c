/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ethos-test-window.h"

/* The window as a shell: its history across the Codes and Forms views, its
 * title, and the Codes view in a narrow (folded) window. */

static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action,
                 GVariant   *target)
{
  g_autoptr(GVariant) owned = g_variant_take_ref (target);

  if (GTK_IS_ACTIONABLE (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0 &&
      gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)) != NULL &&
      g_variant_equal (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)), owned))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action, g_variant_ref (owned));
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
report_has_read_button (gpointer data)
{
  EthosWindow *window = data;

  return window->forms_page != NULL &&
         find_actionable (ethos_forms_page_get_report (window->forms_page), "win.show-item",
                          g_variant_new ("(ss)", "nohs", "2")) != NULL;
}

static void
back_across_views_body (EthosApplication *app,
                        EthosWindow      *window)
{
  EthosFormsPage *page;
  GtkWidget *button;
  g_autoptr(GError) error = NULL;

  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_ITEM, "nohs", "3", &error));
  g_assert_no_error (error);

  /* The Forms report of the informed-consent form, then its "Read" link
   * to NOHS Standard 2. */
  adw_view_stack_set_visible_child_name (window->view_stack, "forms");
  page = window->forms_page;
  g_assert_nonnull (page);
  g_assert_true (ethos_forms_page_show_template (page, "informed-consent", &error));
  g_assert_no_error (error);
  ethos_test_wait_until (report_has_read_button, window, "the report's links");
  button = find_actionable (ethos_forms_page_get_report (page), "win.show-item",
                            g_variant_new ("(ss)", "nohs", "2"));
  g_signal_emit_by_name (button, "clicked");
  ethos_test_spin (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "codes");
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "nohs", "2");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "NOHS Standard 2 — Ethos");

  /* Back returns to the report it came from, in the Forms view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  ethos_test_spin (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "forms");
  g_assert_cmpstr (ethos_forms_page_get_template_id (page), ==, "informed-consent");

  /* Forward goes to the standard again; Back twice more to NOHS 3 first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-forward", NULL));
  ethos_test_spin (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "codes");
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "nohs", "2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  ethos_test_spin (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  ethos_test_spin (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "codes");
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "nohs", "3");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "NOHS Standard 3 — Ethos");
}

static void
test_back_across_views (void)
{
  ethos_test_run_app (back_across_views_body);
}

/* A view that records what it is asked to restore. */
typedef struct
{
  char *name;
  char *place;
  char *visible;  /* not owned: the "window's" visible view */
} FakeView;

static GVariant *
fake_capture (gpointer data)
{
  FakeView *view = data;

  return view->place ? g_variant_new_string (view->place) : NULL;
}

static gboolean
fake_restore (gpointer   data,
              GVariant  *state,
              GError   **error)
{
  FakeView *view = data;
  const char *place = g_variant_get_string (state, NULL);

  if (g_str_equal (place, "gone"))
    return FALSE;
  g_free (view->place);
  view->place = g_strdup (place);
  return TRUE;
}

static char *visible_name;

static char *
fake_visible (gpointer data)
{
  return g_strdup (visible_name);
}

static void
go (FakeView     *view,
    EthosHistory *history,
    const char   *place)
{
  ethos_history_push (history);
  g_free (visible_name);
  visible_name = g_strdup (view->name);
  g_free (view->place);
  view->place = g_strdup (place);
}

static void
test_history (void)
{
  g_autoptr(EthosHistory) history = ethos_history_new (fake_visible, NULL);
  FakeView a = { "a", NULL, NULL }, b = { "b", NULL, NULL };

  ethos_history_add_view (history, "a", &a, fake_capture, fake_restore);
  ethos_history_add_view (history, "b", &b, fake_capture, fake_restore);
  g_assert_false (ethos_history_can_go_back (history));

  visible_name = g_strdup ("a");
  a.place = g_strdup ("a1");
  go (&b, history, "b1");
  go (&a, history, "a2");
  go (&a, history, "gone");   /* "a2" is pushed; "gone" cannot be restored later */
  g_free (a.place);
  a.place = g_strdup ("a3");
  g_assert_true (ethos_history_can_go_back (history));

  /* Back: a2 (in a), then b1 (in b), then a1. */
  g_assert_true (ethos_history_go_back (history));
  g_assert_cmpstr (a.place, ==, "a2");
  g_assert_true (ethos_history_can_go_forward (history));
  g_free (visible_name);
  visible_name = g_strdup ("a");
  g_assert_true (ethos_history_go_back (history));
  g_assert_cmpstr (b.place, ==, "b1");
  g_free (visible_name);
  visible_name = g_strdup ("b");
  g_assert_true (ethos_history_go_back (history));
  g_assert_cmpstr (a.place, ==, "a1");
  g_assert_false (ethos_history_can_go_back (history));
  g_assert_false (ethos_history_go_back (history));

  /* A new place clears Forward. */
  g_free (visible_name);
  visible_name = g_strdup ("a");
  go (&a, history, "a9");
  g_assert_false (ethos_history_can_go_forward (history));

  /* A place that can no longer be shown is skipped. */
  ethos_history_clear (history);
  go (&a, history, "gone");
  go (&a, history, "a10");
  g_assert_true (ethos_history_go_back (history));
  g_assert_cmpstr (a.place, ==, "a9");
  g_assert_false (ethos_history_can_go_back (history));

  g_clear_pointer (&visible_name, g_free);
  g_free (a.place);
  g_free (b.place);
}

int
main (int   argc,
      char *argv[])
{
  ethos_test_window_init (&argc, &argv);

  g_test_add_func ("/shell/history", test_history);
  g_test_add_func ("/shell/back-across-views", test_back_across_views);

  return ethos_test_window_run ();
}
