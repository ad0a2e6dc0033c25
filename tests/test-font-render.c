/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include <hpdf.h>
#include <poppler.h>

#include "ethos-fonts.h"
#include "ethos-pdf-painter.h"
#include "ethos-test-document.h"
#include "ethos-test-utils.h"
#include "ethos-ttf-subset.h"

/* Rendering proof: the PDF page rendered by poppler is compared, glyph by
 * glyph, with an independent rendering of the same string made by cairo
 * and FreeType from the same font file. Text extraction alone would not see
 * "Nguyễn" printed as "Nguyen". */

#define SCALE 10.0          /* pixels per point */
#define MISMATCH 0.04       /* fraction of ink that may differ in a glyph's box */
#define DEJAVU "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

static EthosFonts *fonts;
static FT_Library ft;
static char *tmp_dir;
static const cairo_user_data_key_t ft_face_key;

typedef struct
{
  double x0, y0;        /* page point at the surface's top-left corner */
  int    width, height; /* pixels */
} Region;

/* A string drawn at a known place: what both renderings draw. */
typedef struct
{
  const char *file;
  guint       index;
  double      size;
  double      x, baseline;  /* points, top-left origin */
  const char *text;
} Line;

static void
line_region (const Line *line,
             double      advance,
             Region     *region)
{
  region->x0 = line->x - line->size;
  region->y0 = line->baseline - 1.4 * line->size;
  region->width = (int) ((advance + 2 * line->size) * SCALE);
  region->height = (int) (2.0 * line->size * SCALE);
}

static cairo_surface_t *
new_canvas (const Region  *region,
            cairo_t      **cr)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, region->width,
                                                         region->height);

  *cr = cairo_create (surface);
  cairo_set_source_rgb (*cr, 1, 1, 1);
  cairo_paint (*cr);
  cairo_scale (*cr, SCALE, SCALE);
  cairo_translate (*cr, -region->x0, -region->y0);
  return surface;
}

/* poppler's rendering of @page_index of @pdf over @region. */
static cairo_surface_t *
render_pdf (GBytes       *pdf,
            int           page_index,
            const Region *region)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_no_error (error);
  page = poppler_document_get_page (doc, page_index);
  surface = new_canvas (region, &cr);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_object_unref (page);
  g_object_unref (doc);
  return surface;
}

static void
done_face (void *face)
{
  FT_Done_Face (face);
}

/* The reference: FreeType's glyphs and advances, placed by cairo. Returns
 * the glyph boxes (x, width in points) in @boxes. */
static cairo_surface_t *
render_reference (const Line   *line,
                  const Region *region,
                  GArray       *boxes)
{
  FT_Face face;
  cairo_font_face_t *font_face;
  cairo_font_options_t *options;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  double x = line->x;

  g_assert_cmpint (FT_New_Face (ft, line->file, line->index, &face), ==, 0);
  for (const char *p = line->text; *p != 0; p = g_utf8_next_char (p))
    {
      FT_UInt index = FT_Get_Char_Index (face, g_utf8_get_char (p));
      FT_Fixed advance = 0;
      cairo_glyph_t glyph = { index, x, line->baseline };
      double box[2];

      g_assert_cmpuint (index, !=, 0);
      FT_Get_Advance (face, index, FT_LOAD_NO_SCALE, &advance);
      box[0] = x;
      box[1] = (double) advance * line->size / face->units_per_EM;
      g_array_append_vals (boxes, box, 2);
      g_array_append_val (glyphs, glyph);
      x += box[1];
    }

  surface = new_canvas (region, &cr);
  font_face = cairo_ft_font_face_create_for_ft_face (face, 0);
  /* cairo caches font faces past their destruction: the FT_Face must live
   * as long as cairo's, or a later face at the same address gets its glyphs. */
  cairo_font_face_set_user_data (font_face, &ft_face_key, face, done_face);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_set_font_options (cr, options);
  cairo_set_font_face (cr, font_face);
  cairo_set_font_size (cr, line->size);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_show_glyphs (cr, (cairo_glyph_t *) (void *) glyphs->data, (int) glyphs->len);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_font_options_destroy (options);
  cairo_font_face_destroy (font_face);
  return surface;
}

static gboolean
ink (cairo_surface_t *s,
     int              x,
     int              y)
{
  const guint8 *row;
  guint32 px;

  if (x < 0 || y < 0 || x >= cairo_image_surface_get_width (s) ||
      y >= cairo_image_surface_get_height (s))
    return FALSE;
  row = cairo_image_surface_get_data (s) + y * cairo_image_surface_get_stride (s);
  px = ((const guint32 *) (const void *) row)[x];
  return ((px >> 16 & 0xFF) + (px >> 8 & 0xFF) + (px & 0xFF)) < 3 * 128;
}

static gboolean
ink_near (cairo_surface_t *s,
          int              x,
          int              y)
{
  for (int dy = -2; dy <= 2; dy++)
    for (int dx = -2; dx <= 2; dx++)
      if (ink (s, x + dx, y + dy))
        return TRUE;
  return FALSE;
}

/* Fraction of the ink in the box [x, x + w] (points) that has no
 * counterpart within 2 pixels in the other image. */
static double
glyph_difference (cairo_surface_t *a,
                  cairo_surface_t *b,
                  const Region    *region,
                  const Line      *line,
                  double           x,
                  double           w,
                  guint           *ink_b)
{
  int px0 = (int) ((x - region->x0) * SCALE), px1 = (int) ((x + w - region->x0) * SCALE);
  int py0 = (int) ((line->baseline - 1.2 * line->size - region->y0) * SCALE);
  int py1 = (int) ((line->baseline + 0.35 * line->size - region->y0) * SCALE);
  guint bad = 0, total = 0;

  *ink_b = 0;
  for (int y = py0; y < py1; y++)
    for (int xx = px0; xx < px1; xx++)
      {
        gboolean ia = ink (a, xx, y), ib = ink (b, xx, y);

        total += ia + ib;
        *ink_b += ib;
        if ((ia && !ink_near (b, xx, y)) || (ib && !ink_near (a, xx, y)))
          bad++;
      }
  return total == 0 ? 0 : (double) bad / total;
}

/* Compares poppler's rendering of @pdf with the reference for @line;
 * returns the index of the first glyph that differs, or -1. */
static int
compare (GBytes     *pdf,
         const Line *line)
{
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (double));
  Region region;
  cairo_surface_t *reference, *rendered;
  int first_bad = -1;
  double advance = 0;
  FT_Face face;

  /* The region must be known before the reference is drawn. */
  g_assert_cmpint (FT_New_Face (ft, line->file, line->index, &face), ==, 0);
  for (const char *p = line->text; *p != 0; p = g_utf8_next_char (p))
    {
      FT_Fixed a = 0;
      FT_Get_Advance (face, FT_Get_Char_Index (face, g_utf8_get_char (p)), FT_LOAD_NO_SCALE, &a);
      advance += (double) a * line->size / face->units_per_EM;
    }
  FT_Done_Face (face);
  line_region (line, advance, &region);

  reference = render_reference (line, &region, boxes);
  rendered = render_pdf (pdf, 0, &region);
  for (guint i = 0; i < boxes->len; i += 2)
    {
      guint ref_ink;
      double diff = glyph_difference (rendered, reference, &region, line,
                                      g_array_index (boxes, double, i),
                                      g_array_index (boxes, double, i + 1), &ref_ink);
      const char *ch = g_utf8_offset_to_pointer (line->text, i / 2);
      gunichar c = g_utf8_get_char (ch);

      g_test_message ("%s: glyph %u U+%04X: %.3f of %u reference pixels differ",
                      line->text, i / 2, c, diff, ref_ink);
      if (!g_unichar_isspace (c))
        g_assert_cmpuint (ref_ink, >, 0);
      if (diff > MISMATCH && first_bad < 0)
        first_bad = (int) i / 2;
    }
  cairo_surface_destroy (reference);
  cairo_surface_destroy (rendered);
  return first_bad;
}

/* Through the whole pipeline: document → layout → libharu → poppler. The
 * reference draws at the position the layout chose, with the font it chose. */
static void
assert_pipeline_renders (const char *name)
{
  g_autoptr(EthosDocument) doc = ethos_document_new ("Test", "en", ETHOS_PAPER_LETTER);
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosLayout) layout = NULL;
  g_autoptr(GBytes) pdf = NULL;
  EthosBlock *block = ethos_document_add_block (doc, ETHOS_BLOCK_PARAGRAPH);
  guint n, checked = 0;
  const EthosOp *ops;

  ethos_block_add_span (block, ETHOS_SPAN_VALUE, name);
  layout = ethos_layout_new (doc, fonts, &error);
  g_assert_no_error (error);
  g_assert_false (ethos_layout_uses_standard_fonts (layout));
  pdf = ethos_pdf_render (layout, doc, &error);
  g_assert_no_error (error);

  ops = ethos_layout_get_ops (layout, 0, &n);
  for (guint i = 0; i < n; i++)
    if (ops[i].kind == ETHOS_OP_TEXT && ops[i].role == ETHOS_ROLE_VALUE)
      {
        Line line = {
          .file = ethos_font_face_get_file (ops[i].face),
          .index = ethos_font_face_get_index (ops[i].face),
          .size = ops[i].size, .x = ops[i].x, .baseline = ops[i].y, .text = ops[i].text,
        };

        g_assert_cmpint (compare (pdf, &line), ==, -1);
        checked++;
      }
  g_assert_cmpuint (checked, >=, 1);
}

/* libharu used directly: @font_path embedded as libharu embeds it. */
static GBytes *
libharu_pdf (const char *font_path,
             const Line *line)
{
  HPDF_Doc pdf = HPDF_New (NULL, NULL);
  HPDF_Page page;
  HPDF_Font font;
  const char *name;
  HPDF_UINT32 size;
  guint8 *buffer;

  HPDF_UseUTFEncodings (pdf);
  name = HPDF_LoadTTFontFromFile (pdf, font_path, HPDF_TRUE);
  g_assert_nonnull (name);
  font = HPDF_GetFont (pdf, name, "UTF-8");
  page = HPDF_AddPage (pdf);
  HPDF_Page_SetWidth (page, 612);
  HPDF_Page_SetHeight (page, 792);
  HPDF_Page_BeginText (page);
  HPDF_Page_SetFontAndSize (page, font, (HPDF_REAL) line->size);
  HPDF_Page_TextOut (page, (HPDF_REAL) line->x, (HPDF_REAL) (792 - line->baseline), line->text);
  HPDF_Page_EndText (page);
  HPDF_SaveToStream (pdf);
  size = HPDF_GetStreamSize (pdf);
  buffer = g_malloc (size);
  HPDF_ReadFromStream (pdf, buffer, &size);
  HPDF_Free (pdf);
  return g_bytes_new_take (buffer, size);
}

static void
test_liberation_vietnamese (void)
{
  assert_pipeline_renders ("Nguyễn");
  assert_pipeline_renders ("Nguyễn Thị Minh");
}

static void
test_negative_control (void)
{
  Line line = { .file = DEJAVU, .size = 10, .x = 100, .baseline = 100, .text = "Nguyễn" };
  g_autoptr(GBytes) pdf = NULL;

  if (!g_file_test (DEJAVU, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("DejaVu Sans is not installed (fonts-dejavu-core)");
      return;
    }
  /* libharu 2.3 drops the nested composite parts: "Nguyen" is printed, and
   * the comparator must see it at "ễ", and only there. */
  pdf = libharu_pdf (DEJAVU, &line);
  g_assert_cmpint (compare (pdf, &line), ==, 4);
}

static void
test_subset_flattens_nested_composites (void)
{
  Line line = { .file = DEJAVU, .size = 10, .x = 100, .baseline = 100, .text = "Nguyễn" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) subset = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;
  gunichar chars[6];
  guint glyphs[6], n = 0;
  FT_Face face;

  if (!g_file_test (DEJAVU, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("DejaVu Sans is not installed (fonts-dejavu-core)");
      return;
    }
  /* The same font through Ethos's subsetter prints correctly. */
  g_assert_cmpint (FT_New_Face (ft, DEJAVU, 0, &face), ==, 0);
  for (const char *p = line.text; *p != 0; p = g_utf8_next_char (p), n++)
    {
      chars[n] = g_utf8_get_char (p);
      glyphs[n] = FT_Get_Char_Index (face, chars[n]);
    }
  FT_Done_Face (face);
  subset = _ethos_ttf_subset (DEJAVU, 0, chars, glyphs, n, &error);
  g_assert_no_error (error);
  path = g_build_filename (tmp_dir, "dejavu-subset.ttf", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (subset, NULL),
                                      (gssize) g_bytes_get_size (subset), NULL));
  g_assert_cmpuint (g_bytes_get_size (subset), <, 20 * 1024);
  pdf = libharu_pdf (path, &line);
  g_assert_cmpint (compare (pdf, &line), ==, -1);
}

/* The family the layout chose for @name, after proving its rendering. */
static char *
family_for (const char *name)
{
  g_autoptr(EthosDocument) doc = ethos_document_new ("Test", "en", ETHOS_PAPER_LETTER);
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosLayout) layout = NULL;
  EthosBlock *block = ethos_document_add_block (doc, ETHOS_BLOCK_PARAGRAPH);
  const EthosOp *ops;
  guint n;

  assert_pipeline_renders (name);
  ethos_block_add_span (block, ETHOS_SPAN_VALUE, name);
  layout = ethos_layout_new (doc, fonts, &error);
  g_assert_no_error (error);
  ops = ethos_layout_get_ops (layout, 0, &n);
  for (guint i = 0; i < n; i++)
    if (ops[i].kind == ETHOS_OP_TEXT && ops[i].role == ETHOS_ROLE_VALUE)
      return g_strdup (ethos_font_face_get_family (ops[i].face));
  g_assert_not_reached ();
}

/* CJK names in sans faces that match the sans body (issue 10, item 8):
 * IPAGothic with kana, NanumGothic with hangul, a sans Chinese face for
 * Han alone — each kept only because the comparison above proves it. */
static void
test_cjk_sans (void)
{
  g_autofree char *kana = family_for ("山田はなこ");
  g_autofree char *hangul = family_for ("김민준");
  g_autofree char *han = NULL;
  g_autofree char *han_ja = NULL;

  g_assert_cmpstr (kana, ==, "IPAGothic");
  g_assert_cmpstr (hangul, ==, "NanumGothic");
  if (!g_file_test ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("WenQuanYi Micro Hei is not installed (fonts-wqy-microhei)");
      return;
    }
  han = family_for ("王芳");
  han_ja = family_for ("山田太郎");
  g_assert_cmpstr (han, ==, "WenQuanYi Micro Hei");
  g_assert_cmpstr (han_ja, ==, "WenQuanYi Micro Hei");
}

static void
test_scripts (void)
{
  const char *names[] = {
    "Łukasz Żółć", "Ελένη", "Сергей Иванов", "王芳", "山田はなこ", "김민준", "Trần Đức Anh",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    assert_pipeline_renders (names[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_dir = ethos_test_init (&argc, &argv);
  fonts = ethos_fonts_new (&error);
  g_assert_no_error (error);
  g_assert_cmpint (FT_Init_FreeType (&ft), ==, 0);

  g_test_add_func ("/font-render/liberation-vietnamese", test_liberation_vietnamese);
  g_test_add_func ("/font-render/negative-control", test_negative_control);
  g_test_add_func ("/font-render/subset-flattens", test_subset_flattens_nested_composites);
  g_test_add_func ("/font-render/scripts", test_scripts);
  g_test_add_func ("/font-render/cjk-sans", test_cjk_sans);
  status = g_test_run ();
  FT_Done_FreeType (ft);
  ethos_fonts_free (fonts);
  return status;
}
