/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bench-switches.h"

#include <adwaita.h>
#include <stdlib.h>

/* The baseline of bench-startup: a bare AdwApplicationWindow with an
 * AdwLeaflet of two panes, each with its header bar, that quits once its
 * first frame is drawn.
 *
 * With --switch, the content pane also holds an AdwViewStack of two views
 * of one label each; after the first frame the window switches between
 * them six times, as bench-window-ethos switches between its views, and
 * prints the median time until each switch's frame is drawn
 * ("view-switch-ms N"): what a frame of a new view costs on this machine
 * with next to nothing in it. */

#define N_SWITCHES 6

static GtkWidget *view_stack;
static gint64 switch_start;
static guint n_switches;
static double switch_ms[N_SWITCHES];

static gboolean switch_view_cb (gpointer data);

static void
switched_cb (GdkFrameClock *clock,
             GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, switched_cb, app);
  switch_ms[n_switches++] = (g_get_monotonic_time () - switch_start) / 1000.0;
  if (n_switches < N_SWITCHES)
    {
      g_timeout_add (300, switch_view_cb, app);
      return;
    }
  bench_print_switch_median (switch_ms, N_SWITCHES);
  g_application_quit (app);
}

static gboolean
switch_view_cb (gpointer data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (view_stack);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (view_stack);
  const char *shown = adw_view_stack_get_visible_child_name (stack);

  g_signal_connect (clock, "after-paint", G_CALLBACK (switched_cb), data);
  switch_start = g_get_monotonic_time ();
  adw_view_stack_set_visible_child_name (stack, g_str_equal (shown, "first") ? "second" : "first");
  return G_SOURCE_REMOVE;
}

static void
painted_cb (GdkFrameClock *clock,
            GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, painted_cb, app);
  if (view_stack != NULL)
    g_timeout_add (500, switch_view_cb, app);
  else
    g_application_quit (app);
}

static void
map_cb (GtkWidget    *window,
        GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), app);
  gtk_widget_queue_draw (window);
}

static GtkWidget *
pane (const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  gtk_box_append (GTK_BOX (box), header);
  return box;
}

static void
activate_cb (GApplication *app,
             gpointer      with_views)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *leaflet = adw_leaflet_new ();
  GtkWidget *sidebar = pane ("Sidebar");
  GtkWidget *content = pane ("Content");

  gtk_widget_set_size_request (sidebar, 320, -1);
  gtk_widget_set_hexpand (content, TRUE);
  if (with_views)
    {
      view_stack = adw_view_stack_new ();
      gtk_widget_set_vexpand (view_stack, TRUE);
      adw_view_stack_add_named (ADW_VIEW_STACK (view_stack), gtk_label_new ("First view"), "first");
      adw_view_stack_add_named (ADW_VIEW_STACK (view_stack), gtk_label_new ("Second view"), "second");
      gtk_box_append (GTK_BOX (content), view_stack);
    }
  adw_leaflet_append (ADW_LEAFLET (leaflet), sidebar);
  adw_leaflet_append (ADW_LEAFLET (leaflet), content);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), leaflet);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 740);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.ethosapp.BenchBare",
                                                       G_APPLICATION_NON_UNIQUE);
  gboolean with_views = argc > 1 && g_str_equal (argv[1], "--switch");

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), GINT_TO_POINTER (with_views));
  return g_application_run (G_APPLICATION (app), 1, argv);
}
