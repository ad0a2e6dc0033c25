/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Form generation benchmark (issue 3): CPU time per filled form with
 * WinAnsi, Unicode-Latin and CJK names; PDF sizes; `ethos-cli batch` of
 * 1,000 rows end to end; LibreOffice converting the same form, when
 * installed, in the same run. Prints Markdown for bench/README.md. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <time.h>

#include "ethos-fonts.h"
#include "ethos-form.h"
#include "ethos-layout.h"
#include "ethos-paths.h"
#include "ethos-pdf-painter.h"
#include "ethos-template-store.h"

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double last_libreoffice_one, last_libreoffice_per_form, last_batch_per_form;

static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1e3;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* One complete form: fill, lay out, write the PDF to memory. */
static GBytes *
make_form (const EthosTemplate *tmpl,
           EthosFonts          *fonts,
           const char          *name,
           int                 *n_pages)
{
  g_autoptr(EthosFormValues) values = ethos_form_values_new (tmpl);
  g_autoptr(GDate) today = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
  EthosFormOptions options = { "en", ETHOS_PAPER_LETTER, FALSE, today, NULL, NULL };
  g_autoptr(EthosDocument) doc = NULL;
  g_autoptr(EthosLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *pdf;

  ethos_form_values_set (values, "client_name", name, NULL);
  ethos_form_values_set (values, "client_dob", "1990-05-01", NULL);
  ethos_form_values_set (values, "professional_name", "Dana Reyes", NULL);
  ethos_form_values_set (values, "professional_credentials", "LPC", NULL);
  ethos_form_values_set (values, "agency_name", "Harbor Family Services", NULL);
  ethos_form_values_set (values, "agency_address", "12 Harbor Street, Springfield", NULL);
  ethos_form_values_set (values, "agency_phone", "555-0100", NULL);
  ethos_form_values_set (values, "fees", "$40 per session, sliding scale", NULL);
  ethos_form_values_set (values, "session_length", "50 minutes", NULL);

  doc = ethos_form_build (tmpl, values, &options, &error);
  g_assert_no_error (error);
  layout = ethos_layout_new (doc, fonts, &error);
  g_assert_no_error (error);
  pdf = ethos_pdf_render (layout, doc, &error);
  g_assert_no_error (error);
  if (n_pages != NULL)
    *n_pages = (int) ethos_layout_get_n_pages (layout);
  return pdf;
}

static void
bench_name (const EthosTemplate *tmpl,
            EthosFonts          *fonts,
            const char          *label,
            const char          *name,
            int                  iterations)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  gsize size = 0;
  int n_pages = 0;

  /* Warm-up: fonts and caches, as in a running app or a batch. */
  g_bytes_unref (make_form (tmpl, fonts, name, &n_pages));
  for (int i = 0; i < iterations; i++)
    {
      double start = cpu_ms ();
      GBytes *pdf = make_form (tmpl, fonts, name, NULL);
      double t = cpu_ms () - start;

      g_array_append_val (times, t);
      size = g_bytes_get_size (pdf);
      g_bytes_unref (pdf);
    }
  g_array_sort (times, compare_doubles);
  g_print ("| %s | %d | %.3f | %.3f | %.1f |\n", label, n_pages,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len * 99 / 100), size / 1024.0);
}

/* The same filled form as a word-processor document (flat ODT), for the
 * usual alternative: a template exported to PDF by LibreOffice. */
static char *
document_to_fodt (EthosDocument *doc)
{
  GString *x = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "office:version=\"1.2\" office:mimetype=\"application/vnd.oasis.opendocument.text\">"
    "<office:body><office:text>\n");

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const EthosBlock *b = doc->blocks->pdata[i];
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *escaped = NULL;

      for (guint s = 0; s < b->spans->len; s++)
        {
          const EthosSpan *span = b->spans->pdata[s];
          g_string_append (line, span->kind == ETHOS_SPAN_BLANK ? "________" : span->text);
        }
      if (b->label != NULL)
        g_string_append_printf (line, "%s: %s", b->label, b->value ? b->value : "________");
      for (guint l = 0; b->lines != NULL && b->lines[l] != NULL; l++)
        g_string_append_printf (line, "%s%s", l ? " · " : "", b->lines[l]);
      escaped = g_markup_escape_text (line->str, -1);
      if (b->kind == ETHOS_BLOCK_HEADING || b->kind == ETHOS_BLOCK_TITLE)
        g_string_append_printf (x, "<text:h text:outline-level=\"%d\">%s</text:h>\n",
                                b->kind == ETHOS_BLOCK_TITLE ? 1 : 2, escaped);
      else
        g_string_append_printf (x, "<text:p>%s</text:p>\n", escaped);
    }
  g_string_append (x, "</office:text></office:body></office:document>\n");
  return g_string_free (x, FALSE);
}

static EthosDocument *
filled_document (const EthosTemplate *tmpl,
                 const char          *name)
{
  g_autoptr(EthosFormValues) values = ethos_form_values_new (tmpl);
  g_autoptr(GDate) today = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
  EthosFormOptions options = { "en", ETHOS_PAPER_LETTER, FALSE, today, NULL, NULL };

  ethos_form_values_set (values, "client_name", name, NULL);
  ethos_form_values_set (values, "professional_name", "Dana Reyes", NULL);
  ethos_form_values_set (values, "agency_name", "Harbor Family Services", NULL);
  return ethos_form_build (tmpl, values, &options, NULL);
}

/* soffice converting the form alone, then @n forms in one run. */
static void
bench_libreoffice (const EthosTemplate *tmpl,
                   int                  n)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *dir = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *profile_arg = NULL;
  g_autoptr(GPtrArray) argv = NULL;
  double one, many, start;
  int status;

  if (soffice == NULL)
    {
      g_print ("\n(LibreOffice is not installed: no comparison. `apt-get install "
               "libreoffice-writer-nogui` to add it.)\n");
      return;
    }
  dir = g_dir_make_tmp ("ethos-lo-XXXXXX", NULL);
  profile = g_build_filename (dir, "profile", NULL);
  profile_arg = g_strdup_printf ("-env:UserInstallation=file://%s", profile);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %d Example", i);
      g_autoptr(EthosDocument) doc = filled_document (tmpl, name);
      g_autofree char *fodt = document_to_fodt (doc);
      g_autofree char *path = g_strdup_printf ("%s/form-%04d.fodt", dir, i);
      g_file_set_contents (path, fodt, -1, NULL);
    }

  /* A first run creates the profile; it is not what a user waits for each time. */
  argv = g_ptr_array_new_with_free_func (g_free);
#define RESET_ARGV() G_STMT_START { \
    g_ptr_array_set_size (argv, 0); \
    g_ptr_array_add (argv, g_strdup (soffice)); \
    g_ptr_array_add (argv, g_strdup (profile_arg)); \
    g_ptr_array_add (argv, g_strdup ("--headless")); \
    g_ptr_array_add (argv, g_strdup ("--convert-to")); \
    g_ptr_array_add (argv, g_strdup ("pdf")); \
    g_ptr_array_add (argv, g_strdup ("--outdir")); \
    g_ptr_array_add (argv, g_strdup (dir)); \
  } G_STMT_END
  RESET_ARGV ();
  g_ptr_array_add (argv, g_strdup_printf ("%s/form-0000.fodt", dir));
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL);

  RESET_ARGV ();
  g_ptr_array_add (argv, g_strdup_printf ("%s/form-0000.fodt", dir));
  g_ptr_array_add (argv, NULL);
  start = wall_ms ();
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL);
  one = wall_ms () - start;

  RESET_ARGV ();
  for (int i = 0; i < n; i++)
    g_ptr_array_add (argv, g_strdup_printf ("%s/form-%04d.fodt", dir, i));
  g_ptr_array_add (argv, NULL);
  start = wall_ms ();
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL);
  many = wall_ms () - start;
#undef RESET_ARGV

  g_print ("| LibreOffice (`soffice --headless --convert-to pdf`), one form | %.0f ms | |\n", one);
  g_print ("| LibreOffice, %d forms in one run | %.0f ms total, %.1f ms per form | |\n", n, many,
           many / n);
  last_libreoffice_one = one;
  last_libreoffice_per_form = many / n;
}

static void
bench_batch (const char *cli,
             int         rows)
{
  g_autofree char *dir = g_dir_make_tmp ("ethos-bench-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "clients.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *db = g_build_filename (dir, "user.db", NULL);
  g_autoptr(GString) text = g_string_new ("client_name,client_dob,professional_name\n");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { cli, "--db", db, "batch", "informed-consent", "--csv", csv,
                         "--out-dir", out, NULL };
  int status = 0;
  double start;

  for (int i = 0; i < rows; i++)
    g_string_append_printf (text, "Client %d Example,1980-01-%02d,Dana Reyes\n", i,
                            1 + i % 28);
  g_file_set_contents (csv, text->str, -1, &error);
  g_assert_no_error (error);

  start = wall_ms ();
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  last_batch_per_form = (wall_ms () - start) / rows;
  g_print ("| `ethos-cli batch informed-consent`, %d rows (WinAnsi names) | %.0f ms total, "
           "%.2f ms per form | exit %d |\n", rows, wall_ms () - start,
           last_batch_per_form, WEXITSTATUS (status));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = ethos_paths_get_templates_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosTemplateStore) store = ethos_template_store_new (dir, NULL, NULL, &error);
  g_autoptr(EthosFonts) fonts = NULL;
  const EthosTemplate *tmpl;
  int iterations = argc > 1 ? atoi (argv[1]) : 200;
  const char *cli = argc > 2 ? argv[2] : NULL;

  setlocale (LC_ALL, "");
  g_assert_no_error (error);
  tmpl = ethos_template_store_lookup (store, "informed-consent", &error)->tmpl;
  fonts = ethos_fonts_new (&error);
  g_assert_no_error (error);

  g_print ("### One filled form (informed-consent, Letter, %d runs each)\n\n", iterations);
  g_print ("| client name | pages | CPU median (ms) | CPU p99 (ms) | PDF size (KB) |\n");
  g_print ("|---|---|---|---|---|\n");
  bench_name (tmpl, fonts, "WinAnsi: José Núñez", "José Núñez", iterations);
  bench_name (tmpl, fonts, "Unicode Latin: Nguyễn Thị Minh", "Nguyễn Thị Minh", iterations);
  bench_name (tmpl, fonts, "Polish + Greek: Łukasz Ελένη", "Łukasz Ελένη", iterations);
  bench_name (tmpl, fonts, "Chinese: 王芳", "王芳", MAX (iterations / 10, 5));
  bench_name (tmpl, fonts, "Korean: 김민준", "김민준", MAX (iterations / 10, 5));
  bench_name (tmpl, fonts, "Japanese: 山田太郎", "山田太郎", MAX (iterations / 10, 5));

  if (cli != NULL)
    {
      g_print ("\n### Batch, end to end (wall time)\n\n");
      g_print ("| run | time | status |\n|---|---|---|\n");
      bench_batch (cli, 1000);
      bench_libreoffice (tmpl, 50);
      if (last_libreoffice_per_form > 0)
        g_print ("\nIn a batch Ethos is %.0f× faster per form than LibreOffice.\n",
                 last_libreoffice_per_form / last_batch_per_form);
    }
  return 0;
}
