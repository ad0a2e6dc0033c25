/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

/* The baseline of bench-startup: a bare AdwApplicationWindow with an
 * AdwLeaflet of two panes, each with its header bar, that quits once its
 * first frame is drawn. */

static void
painted_cb (GdkFrameClock *clock,
            GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, painted_cb, app);
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
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *leaflet = adw_leaflet_new ();
  GtkWidget *sidebar = pane ("Sidebar");
  GtkWidget *content = pane ("Content");

  gtk_widget_set_size_request (sidebar, 320, -1);
  gtk_widget_set_hexpand (content, TRUE);
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

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
