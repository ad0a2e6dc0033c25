/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "ethos-cairo-painter.h"
#include "ethos-form-job.h"
#include "ethos-layout-private.h"
#include "ethos-paths.h"
#include "ethos-pdf-painter.h"
#include "ethos-template-store.h"
#include "ethos-test-utils.h"

/* Proof that the preview is the PDF: each page of the PDF libharu writes,
 * rasterized by poppler, against the same page painted by the cairo
 * painter, at 150 dpi. Whole pages are mostly white paper, so the measure is
 * the ink: intersection over union of the dark pixels, ≥ 0.98 per page. A
 * paragraph moved by 2 pt must fail it (the negative control). Poppler draws
 * the standard-14 Helvetica with a substitute: FONTCONFIG_FILE pins it to
 * Liberation Sans, the face the layout measures and the painter draws. */

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define DPI 150.0
#define MIN_IOU 0.98

static char *tmp_dir;
static EthosTemplateStore *store;

static void
pin_helvetica (void)
{
  g_autofree char *conf = g_build_filename (tmp_dir, "fonts.conf", NULL);
  const char *xml =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n"
    "  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n"
    "  <match target=\"pattern\">\n"
    "    <test qual=\"any\" name=\"family\"><string>Helvetica</string></test>\n"
    "    <edit name=\"family\" mode=\"assign\" binding=\"strong\">"
    "<string>Liberation Sans</string></edit>\n"
    "  </match>\n</fontconfig>\n";

  g_assert_true (g_file_set_contents (conf, xml, -1, NULL));
  g_setenv ("FONTCONFIG_FILE", conf, TRUE);
}

static cairo_surface_t *
new_page_surface (double   width,
                  double   height,
                  cairo_t **cr)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         (int) (width * DPI / 72 + 0.5),
                                                         (int) (height * DPI / 72 + 0.5));

  *cr = cairo_create (surface);
  cairo_set_source_rgb (*cr, 1, 1, 1);
  cairo_paint (*cr);
  cairo_scale (*cr, DPI / 72, DPI / 72);
  return surface;
}

/* Intersection over union of the pixels darker than mid-grey. */
static double
ink_iou (cairo_surface_t *a,
         cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  const guint8 *da, *db;
  guint64 both = 0, either = 0;

  g_assert_cmpint (w, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  da = cairo_image_surface_get_data (a);
  db = cairo_image_surface_get_data (b);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 pa = *(const guint32 *) (const void *) (da + y * sa + 4 * x);
        guint32 pb = *(const guint32 *) (const void *) (db + y * sb + 4 * x);
        gboolean ink_a = ((pa >> 16 & 0xff) + (pa >> 8 & 0xff) + (pa & 0xff)) < 3 * 128;
        gboolean ink_b = ((pb >> 16 & 0xff) + (pb >> 8 & 0xff) + (pb & 0xff)) < 3 * 128;

        both += ink_a && ink_b;
        either += ink_a || ink_b;
      }
  return either == 0 ? 1.0 : (double) both / (double) either;
}

static EthosFormPages *
lay_out (const char *name,
         EthosPaper  paper)
{
  g_autoptr(GError) error = NULL;
  const EthosTemplateEntry *entry = ethos_template_store_lookup (store, "informed-consent",
                                                                 &error);
  g_autoptr(EthosFormJob) job = NULL;
  g_autoptr(EthosFormValues) values = NULL;
  g_autoptr(GHashTable) agency = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_DECEMBER, 2026);
  EthosFormRequest request = { "en", paper, .today = today };
  EthosFormPages *pages;

  g_assert_no_error (error);
  job = ethos_form_job_new (entry->tmpl, &error);
  g_assert_no_error (error);
  g_hash_table_insert (agency, "agency_name", "Riverbend Community Services");
  g_hash_table_insert (agency, "agency_phone", "(305) 555-0110");
  ethos_form_job_set_defaults (job, agency);
  values = ethos_form_values_new (entry->tmpl);
  g_assert_true (ethos_form_values_set (values, "client_name", name, NULL));
  g_assert_true (ethos_form_values_set (values, "professional_name", "Dana Whitfield", NULL));
  pages = ethos_form_job_lay_out (job, values, &request, &error);
  g_assert_no_error (error);
  return pages;
}

/* The IoU of every page; with @shift_block set, that block's ops are moved
 * down by 2 pt in the cairo painting only. */
static GArray *
compare_pages (EthosFormPages *pages,
               guint           shift_block)
{
  EthosLayout *layout = ethos_form_pages_get_layout (pages);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf_bytes = ethos_pdf_render (layout, ethos_form_pages_get_document (pages),
                                                  &error);
  g_autoptr(PopplerDocument) pdf = NULL;
  GArray *ious = g_array_new (FALSE, FALSE, sizeof (double));
  double width, height;

  g_assert_no_error (error);
  pdf = poppler_document_new_from_bytes (pdf_bytes, NULL, &error);
  g_assert_no_error (error);
  ethos_layout_get_page_size (layout, &width, &height);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, ethos_layout_get_n_pages (layout));

  for (guint p = 0; p < ethos_layout_get_n_pages (layout); p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, (int) p);
      cairo_t *cr_pdf, *cr_ours;
      cairo_surface_t *from_pdf = new_page_surface (width, height, &cr_pdf);
      cairo_surface_t *ours = new_page_surface (width, height, &cr_ours);
      GArray *ops = g_ptr_array_index (layout->pages, p);
      double iou;

      poppler_page_render (page, cr_pdf);
      if (shift_block != ETHOS_LAYOUT_NO_BLOCK)
        for (guint i = 0; i < ops->len; i++)
          if (g_array_index (ops, EthosOp, i).block == shift_block)
            {
              g_array_index (ops, EthosOp, i).y += 2;
              g_array_index (ops, EthosOp, i).y2 += 2;
            }
      g_assert_true (ethos_cairo_paint_page (layout, p, cr_ours, &error));
      g_assert_no_error (error);
      if (shift_block != ETHOS_LAYOUT_NO_BLOCK)
        for (guint i = 0; i < ops->len; i++)
          if (g_array_index (ops, EthosOp, i).block == shift_block)
            {
              g_array_index (ops, EthosOp, i).y -= 2;
              g_array_index (ops, EthosOp, i).y2 -= 2;
            }

      iou = ink_iou (from_pdf, ours);
      /* ETHOS_TEST_SAVE_RASTERS=DIR keeps the images to look at. */
      if (g_getenv ("ETHOS_TEST_SAVE_RASTERS") != NULL)
        {
          const char *keep = g_getenv ("ETHOS_TEST_SAVE_RASTERS");
          g_autofree char *a = g_strdup_printf ("%s/%.0f-%u-pdf.png", keep, width, p + 1);
          g_autofree char *b = g_strdup_printf ("%s/%.0f-%u-cairo.png", keep, width, p + 1);
          cairo_surface_write_to_png (from_pdf, a);
          cairo_surface_write_to_png (ours, b);
          g_test_message ("page %u: %s %s", p + 1, a, b);
        }
      g_array_append_val (ious, iou);
      cairo_destroy (cr_pdf);
      cairo_destroy (cr_ours);
      cairo_surface_destroy (from_pdf);
      cairo_surface_destroy (ours);
    }
  return ious;
}

static void
check_name (gconstpointer data)
{
  const char *name = data;
  EthosPaper papers[] = { ETHOS_PAPER_LETTER, ETHOS_PAPER_A4 };

  for (guint k = 0; k < G_N_ELEMENTS (papers); k++)
    {
      g_autoptr(EthosFormPages) pages = lay_out (name, papers[k]);
      g_autoptr(GArray) ious = compare_pages (pages, ETHOS_LAYOUT_NO_BLOCK);

      for (guint p = 0; p < ious->len; p++)
        {
          double iou = g_array_index (ious, double, p);

          g_test_message ("%s, %s, page %u: ink IoU %.4f", name,
                          ethos_paper_to_name (papers[k]), p + 1, iou);
          g_assert_cmpfloat (iou, >=, MIN_IOU);
        }
    }
}

/* One paragraph 2 pt lower in the cairo painting: the comparison must see it. */
static void
test_negative_control (void)
{
  g_autoptr(EthosFormPages) pages = lay_out ("Nguyễn Thị Minh", ETHOS_PAPER_LETTER);
  EthosDocument *doc = ethos_form_pages_get_document (pages);
  EthosLayout *layout = ethos_form_pages_get_layout (pages);
  g_autoptr(GArray) ious = NULL;
  guint block = ETHOS_LAYOUT_NO_BLOCK, page_of_block = 0, longest = 0;

  /* The longest paragraph on the first page. */
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const EthosBlock *b = doc->blocks->pdata[i];
      guint n_ops, count = 0;
      const EthosOp *ops = ethos_layout_get_ops (layout, 0, &n_ops);

      if (b->kind != ETHOS_BLOCK_PARAGRAPH)
        continue;
      for (guint k = 0; k < n_ops; k++)
        count += ops[k].block == i && ops[k].kind == ETHOS_OP_TEXT;
      if (count > longest)
        longest = count, block = i;
    }
  g_assert_cmpuint (block, !=, ETHOS_LAYOUT_NO_BLOCK);

  ious = compare_pages (pages, block);
  g_test_message ("shifted paragraph: page %u IoU %.4f", page_of_block + 1,
                  g_array_index (ious, double, page_of_block));
  g_assert_cmpfloat (g_array_index (ious, double, page_of_block), <, MIN_IOU);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  int ret;

  tmp_dir = ethos_test_init (&argc, &argv);
  pin_helvetica ();
  dir = ethos_paths_get_templates_dir ();
  store = ethos_template_store_new (dir, NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add_data_func ("/preview-raster/winansi", "José Núñez", check_name);
  g_test_add_data_func ("/preview-raster/vietnamese", "Nguyễn Thị Minh", check_name);
  g_test_add_data_func ("/preview-raster/cjk", "王芳", check_name);
  g_test_add_func ("/preview-raster/negative-control", test_negative_control);
  ret = g_test_run ();
  ethos_template_store_free (store);
  g_free (tmp_dir);
  return ret;
}
