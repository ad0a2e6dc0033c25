/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-pdf"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <time.h>

#include "ethos-fonts.h"
#include "ethos-layout.h"
#include "ethos-pdf-painter.h"
#include "ethos-test-document.h"

/* CPU time per filled consent form (about three Letter pages: letterhead,
 * fields, eight clauses, three signatures), layout and PDF separately, and
 * the PDF's size, for names in several scripts. One EthosFonts for the whole
 * run, as in a batch. Prints a Markdown table. */

typedef struct
{
  const char *label;
  const char *name;
  guint       iterations;
} Case;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
run_case (EthosFonts *fonts,
          const Case *c)
{
  g_autoptr(EthosDocument) doc = ethos_test_document_new_form (c->name, ETHOS_PAPER_LETTER);
  g_autoptr(GError) error = NULL;
  double layout_ms = 0, pdf_ms = 0;
  gsize size = 0;
  guint pages = 0;
  gboolean standard = FALSE;

  /* One warm-up form: fallback fonts are found and opened once per process. */
  for (guint i = 0; i < c->iterations + 1; i++)
    {
      double t0 = cpu_ms (), t1, t2;
      g_autoptr(EthosLayout) layout = ethos_layout_new (doc, fonts, &error);
      g_autoptr(GBytes) pdf = NULL;

      t1 = cpu_ms ();
      if (layout == NULL)
        g_error ("%s", error->message);
      pdf = ethos_pdf_render (layout, doc, &error);
      t2 = cpu_ms ();
      if (pdf == NULL)
        g_error ("%s", error->message);
      if (i == 0)
        continue;
      layout_ms += t1 - t0;
      pdf_ms += t2 - t1;
      size = g_bytes_get_size (pdf);
      pages = ethos_layout_get_n_pages (layout);
      standard = ethos_layout_uses_standard_fonts (layout);
    }
  printf ("| %s | %s | %u | %.3f | %.3f | **%.3f** | %.1f |\n", c->label,
           standard ? "Helvetica (standard 14)" : "embedded subsets", pages,
           layout_ms / c->iterations, pdf_ms / c->iterations,
           (layout_ms + pdf_ms) / c->iterations, size / 1024.0);
}

static void
run_batch (EthosFonts *fonts,
           guint       n)
{
  g_autofree char *dir = g_dir_make_tmp ("ethos-bench-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  double t0 = cpu_ms ();
  gint64 w0 = g_get_monotonic_time ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client Number %u", i);
      g_autofree char *path = g_strdup_printf ("%s/%04u-informed-consent.pdf", dir, i + 1);
      g_autoptr(EthosDocument) doc = ethos_test_document_new_form (name, ETHOS_PAPER_LETTER);
      g_autoptr(EthosLayout) layout = ethos_layout_new (doc, fonts, &error);

      if (layout == NULL || !ethos_pdf_write_file (layout, doc, path, &error))
        g_error ("%s", error->message);
    }
  printf ("\n%u forms built, laid out, rendered and written (fsync'd) one by one: "
           "%.0f ms CPU, %.0f ms wall.\n", n, cpu_ms () - t0,
           (g_get_monotonic_time () - w0) / 1000.0);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%04u-informed-consent.pdf", dir, i + 1);
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  static const Case cases[] = {
    { "WinAnsi (José Núñez)", "José Núñez", 500 },
    { "Vietnamese (Nguyễn Thị Minh)", "Nguyễn Thị Minh", 100 },
    { "Polish (Łukasz Żółć)", "Łukasz Żółć", 100 },
    { "Greek (Ελένη Παπαδοπούλου)", "Ελένη Παπαδοπούλου", 100 },
    { "Chinese (王芳)", "王芳", 100 },
    { "Japanese (山田はなこ)", "山田はなこ", 100 },
    { "Korean (김민준)", "김민준", 100 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosFonts) fonts = NULL;
  double t0 = cpu_ms ();

  fonts = ethos_fonts_new (&error);
  if (fonts == NULL)
    g_error ("%s", error->message);
  printf ("Fonts located once per process: %.1f ms CPU.\n\n", cpu_ms () - t0);
  printf ("| name | fonts | pages | layout ms | PDF ms | total ms CPU | PDF KB |\n");
  printf ("|---|---|---:|---:|---:|---:|---:|\n");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    run_case (fonts, &cases[i]);
  run_batch (fonts, argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000);
  return 0;
}
