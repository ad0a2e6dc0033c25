/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bench-switches.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "ethos-application.h"
#include "ethos-codes-view-private.h"
#include "ethos-window-private.h"

/* The measured side of bench-startup: Ethos as main.c starts it, with a
 * last item to restore (NOHS Standard 3), quitting at the first frame drawn
 * once the codes are listed and that item is shown. With --forms, it then
 * shows the Forms view and prints how long until the first frame that shows
 * its forms (not the page saying they are being read) is drawn
 * ("forms-first-show-ms N"; with --forms-cold the switch comes in the first
 * frame, before the window makes the page in the background); then, for
 * the floor under it, the same switch
 * to views already made: back to the codes and to Forms again, three
 * times, the median of those six ("view-switch-ms N"). */

#define N_SWITCHES 6

static gboolean measure_forms;
static gboolean forms_cold;
static gint64 switch_start;
static guint n_switches;
static double switch_ms[N_SWITCHES];

static gboolean switch_view_cb (gpointer data);

static void
switched_cb (GdkFrameClock *clock,
             EthosWindow   *window)
{
  const char *shown = adw_view_stack_get_visible_child_name (window->view_stack);
  GtkWidget *view = g_str_equal (shown, "forms") ? GTK_WIDGET (window->forms_page)
                                                 : GTK_WIDGET (window->codes_view);
  double ms;

  /* The Forms view counts once it shows the forms, not "Reading the Forms…". */
  if (view == NULL || !gtk_widget_get_mapped (view) ||
      (view == GTK_WIDGET (window->forms_page) && ethos_forms_page_is_loading (window->forms_page)))
    return;
  g_signal_handlers_disconnect_by_func (clock, switched_cb, window);
  ms = (g_get_monotonic_time () - switch_start) / 1000.0;
  if (n_switches++ == 0)
    g_print ("forms-first-show-ms %.2f\n", ms);
  else
    switch_ms[n_switches - 2] = ms;
  if (n_switches <= N_SWITCHES)
    {
      /* As a person would: the templates read, the page looked at. */
      g_timeout_add (n_switches == 1 ? 700 : 300, switch_view_cb, window);
      return;
    }
  bench_print_switch_median (switch_ms, N_SWITCHES);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

/* Codes → Forms the first time (the page made in the background by then,
 * or, with --forms-cold, made now), then back and forth. */
static gboolean
switch_view_cb (gpointer data)
{
  EthosWindow *window = data;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  const char *shown = adw_view_stack_get_visible_child_name (window->view_stack);

  g_signal_connect (clock, "after-paint", G_CALLBACK (switched_cb), window);
  switch_start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s",
                              g_str_equal (shown, "forms") ? "codes" : "forms");
  return G_SOURCE_REMOVE;
}


static void
painted_cb (GdkFrameClock *clock,
            EthosWindow   *window)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  if (window->codes_view->tree == NULL || g_list_model_get_n_items (G_LIST_MODEL (window->codes_view->tree)) < 4 ||
      window->codes_view->current == NULL || window->codes_view->current->kind != ETHOS_NODE_ITEM)
    return;
  g_signal_handlers_disconnect_by_func (clock, painted_cb, window);
  if (measure_forms)
    {
      /* Once the startup's deferred work (the sidebar, related items, the
       * Forms page made in the background) is done, as when a person
       * reaches for the Forms tab; with --forms-cold, at once, before the
       * window has made the page. */
      if (forms_cold)
        {
          /* This frame may not be the window's first: the idle that makes
           * the page may have run already. */
          if (window->forms_page != NULL)
            {
              g_printerr ("--forms-cold: the Forms page was made before the switch\n");
              exit (1);
            }
          switch_view_cb (window);
        }
      else
        g_timeout_add (500, switch_view_cb, window);
      return;
    }
  g_application_quit (app);
}

static void
map_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), window);
  gtk_widget_queue_draw (window);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  if (ETHOS_IS_WINDOW (window))
    g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EthosApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* GSETTINGS_BACKEND=memory: this is what the window finds on startup. */
  settings = ethos_application_new_settings ();
  g_settings_set_string (settings, "last-code", "nohs");
  g_settings_set_string (settings, "last-ref", "3");

  forms_cold = argc > 1 && g_str_equal (argv[1], "--forms-cold");
  measure_forms = forms_cold || (argc > 1 && g_str_equal (argv[1], "--forms"));
  if (measure_forms)
    argc = 1;
  app = ethos_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
