/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-preview"

#include "config.h"

#include <cairo.h>
#include <stdio.h>

#include "ethos-cairo-painter.h"
#include "ethos-form-job.h"
#include "ethos-paths.h"
#include "ethos-template-store.h"

/* The live preview's work per keystroke (issue 8; PRODUCT.md §5: ≤ 8 ms
 * median, ≤ 16 ms p99): the informed-consent form laid out whole in preview
 * mode, then its first page painted by the cairo painter at the size the
 * preview shows it (fit width in a 560-pixel pane), for every keystroke of
 * typing a Vietnamese name and a guardian's name, wall-clock time. The
 * window's own cost (GTK uploading and compositing the page) is measured by
 * bench-preview-window. Prints a Markdown table. */

#define ROUNDS 40

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
report (const char *label,
        GArray     *times)
{
  double *t = (double *) (void *) times->data;
  guint n = times->len;

  g_array_sort (times, compare_double);
  printf ("| %s | %u | %.2f | %.2f | %.2f | %.2f |\n", label, n, t[n / 2],
          t[(guint) (n * 0.99) < n ? (guint) (n * 0.99) : n - 1], t[n - 1], t[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = ethos_paths_get_templates_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosTemplateStore) store = ethos_template_store_new (dir, NULL, NULL, &error);
  const EthosTemplateEntry *entry;
  g_autoptr(EthosFormJob) job = NULL;
  g_autoptr(GArray) layout_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total_ms = g_array_new (FALSE, FALSE, sizeof (double));
  const char *typed[][2] = {
    { "client_name", "Nguyễn Thị Minh" },
    { "guardian1_name", "Trần Thị Lan" },
  };
  EthosFormRequest request = { "en", ETHOS_PAPER_LETTER, .preview = TRUE };
  double scale = 560.0 / 612.0;
  cairo_surface_t *surface;

  if (store == NULL)
    g_error ("%s", error->message);
  entry = ethos_template_store_lookup (store, "informed-consent", &error);
  if (entry == NULL || !(job = ethos_form_job_new (entry->tmpl, &error)))
    g_error ("%s", error->message);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 560, (int) (792 * scale + 1));

  for (guint round = 0; round <= ROUNDS; round++)
    {
      g_autoptr(EthosFormValues) values = ethos_form_values_new (entry->tmpl);

      ethos_form_values_set (values, "client_dob", "2012-03-14", NULL);
      for (guint f = 0; f < G_N_ELEMENTS (typed); f++)
        for (const char *p = typed[f][1]; *p != 0;)
          {
            g_autofree char *prefix = NULL;
            g_autoptr(EthosFormPages) pages = NULL;
            gint64 t0, t1, t2;
            cairo_t *cr;
            double ms;

            p = g_utf8_next_char (p);
            prefix = g_strndup (typed[f][1], p - typed[f][1]);
            t0 = g_get_monotonic_time ();
            ethos_form_values_set (values, typed[f][0], prefix, NULL);
            pages = ethos_form_job_lay_out (job, values, &request, &error);
            t1 = g_get_monotonic_time ();
            if (pages == NULL)
              g_error ("%s", error->message);
            cr = cairo_create (surface);
            cairo_set_source_rgb (cr, 1, 1, 1);
            cairo_paint (cr);
            cairo_scale (cr, scale, scale);
            if (!ethos_cairo_paint_page (ethos_form_pages_get_layout (pages), 0, cr, &error))
              g_error ("%s", error->message);
            cairo_destroy (cr);
            cairo_surface_flush (surface);
            t2 = g_get_monotonic_time ();
            /* The first round warms the font caches, as the first keystroke does. */
            if (round == 0)
              continue;
            ms = (t1 - t0) / 1000.0;
            g_array_append_val (layout_ms, ms);
            ms = (t2 - t1) / 1000.0;
            g_array_append_val (paint_ms, ms);
            ms = (t2 - t0) / 1000.0;
            g_array_append_val (total_ms, ms);
          }
    }
  cairo_surface_destroy (surface);

  printf ("| step (informed consent, Vietnamese names) | keystrokes | median ms | p99 ms | max ms | min ms |\n");
  printf ("|---|---|---|---|---|---|\n");
  report ("layout of the whole form (preview mode)", layout_ms);
  report ("paint of the visible page (cairo, 560 px wide)", paint_ms);
  report ("keystroke → layout + paint", total_ms);
  return 0;
}
