/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-preview"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "ethos-form-fill.h"
#include "ethos-paths.h"
#include "ethos-preview-page.h"
#include "ethos-template-store.h"

/* The preview in the window (issue 8), two ways:
 * - the work a keystroke in "Client name" causes (the entry's text
 *   changing, as typing does): the values stored, the whole form laid out,
 *   and the visible page repainted — its widget snapshot and rendered to a
 *   texture by the window's renderer;
 * - from the keystroke to the end of the frame that shows the new page,
 *   which adds the wait for the next frame (up to 1/60 s) and GTK drawing
 *   the whole window (in software under Xvfb).
 * Run under Xvfb: `GSK_RENDERER=cairo xvfb-run -a bench/bench-preview-window`.
 * Prints Markdown rows. */

#define KEYSTROKES 300

typedef struct
{
  EthosPreviewPage *page;
  guint             paints_before;
  gint64            start;
  gint64            end;
} Probe;

static void
after_paint_cb (GdkFrameClock *clock,
                Probe         *probe)
{
  if (probe->end == 0 && probe->start != 0 &&
      ethos_preview_page_get_paints (probe->page) > probe->paints_before)
    probe->end = g_get_monotonic_time ();
}

static int compare_double (gconstpointer a, gconstpointer b);

static void
report (const char *label,
        GArray     *times)
{
  double *t;
  guint n;

  g_array_sort (times, compare_double);
  t = (double *) (void *) times->data;
  n = times->len;
  printf ("| %s | %u | %.2f | %.2f | %.2f | %.2f |\n", label, n, t[n / 2],
          t[(guint) (n * 0.99)], t[n - 1], t[0]);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosTemplateStore) store = NULL;
  g_autoptr(EthosFormJob) job = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  const EthosTemplateEntry *entry;
  const char *name = "Nguyễn Thị Minh";
  EthosFormFill *fill;
  GtkWidget *window;
  Probe probe = { NULL };

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();
  dir = ethos_paths_get_templates_dir ();
  if (!(store = ethos_template_store_new (dir, NULL, NULL, &error)) ||
      !(entry = ethos_template_store_lookup (store, "informed-consent", &error)) ||
      !(job = ethos_form_job_new (entry->tmpl, &error)))
    g_error ("%s", error->message);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  fill = ethos_form_fill_new (job, entry->source, ethos_template_store_get_requirements (store),
                              NULL, "en");
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (fill));
  gtk_window_present (GTK_WINDOW (window));
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);

  probe.page = ETHOS_PREVIEW_PAGE (ethos_form_preview_get_page (ethos_form_fill_get_preview (fill), 0));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), &probe);

  /* The work: keystroke, layout, repaint of the visible page. */
  for (guint k = 0; k < KEYSTROKES + 15; k++)
    {
      guint len = k % 15 + 1;
      g_autofree char *prefix = g_utf8_substring (name, 0, len);
      GtkWidget *page = ethos_form_preview_get_page (ethos_form_fill_get_preview (fill), 0);
      g_autoptr(GdkPaintable) paintable = NULL;
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      ethos_form_fields_set_text (ethos_form_fill_get_fields (fill), "client_name", prefix);
      ethos_form_fill_update_now (fill);
      paintable = gtk_widget_paintable_new (page);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (page),
                              gtk_widget_get_height (page));
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node != NULL)
        texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                               node, NULL);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      if (k >= 15)
        g_array_append_val (work, ms);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  for (guint k = 0; k < KEYSTROKES + 15; k++)
    {
      guint len = k % 15 + 1;
      g_autofree char *prefix = g_utf8_substring (name, 0, len);
      double ms;

      probe.page = ETHOS_PREVIEW_PAGE (ethos_form_preview_get_page (ethos_form_fill_get_preview (fill), 0));
      probe.paints_before = ethos_preview_page_get_paints (probe.page);
      probe.end = 0;
      probe.start = g_get_monotonic_time ();
      ethos_form_fields_set_text (ethos_form_fill_get_fields (fill), "client_name", prefix);
      while (probe.end == 0)
        g_main_context_iteration (NULL, TRUE);
      ms = (probe.end - probe.start) / 1000.0;
      /* The first word warms the caches. */
      if (k >= 15)
        g_array_append_val (times, ms);
    }

  report ("keystroke → layout + repaint of the visible page (window)", work);
  report ("keystroke → end of the frame showing it (window, Xvfb)", times);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
