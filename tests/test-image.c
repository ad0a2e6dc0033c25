/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <png.h>
#include <stdio.h>
#include <jpeglib.h>

#include "ethos-error.h"
#include "ethos-image.h"
#include "ethos-layout.h"
#include "ethos-pdf-painter.h"
#include "ethos-test-utils.h"

#define W 17
#define H 9

static char *tmp_dir;

/* A test pattern: pixel (x, y) = (x·15, y·28, 200), alpha 255 or x·15. */
static GBytes *
make_png (png_uint_32 format,
          gboolean    transparent)
{
  png_image image = { .version = PNG_IMAGE_VERSION, .width = W, .height = H, .format = format };
  guint channels = PNG_IMAGE_PIXEL_CHANNELS (format);
  guint8 pixels[W * H * 4];
  guint8 colormap[256 * 4];
  png_alloc_size_t size = 0;
  void *buffer;

  for (guint y = 0; y < H; y++)
    for (guint x = 0; x < W; x++)
      {
        guint8 *p = pixels + (y * W + x) * channels;
        guint8 v[4] = { (guint8) (x * 15), (guint8) (y * 28), 200,
                        transparent ? (guint8) (x * 15) : 255 };

        if (format & PNG_FORMAT_FLAG_COLORMAP)
          p[0] = (guint8) ((y * W + x) % 64);
        else if (channels == 1)
          p[0] = v[0];
        else if (channels == 2)
          {
            p[0] = v[0];
            p[1] = v[3];
          }
        else
          memcpy (p, v, channels);
      }
  if (format & PNG_FORMAT_FLAG_COLORMAP)
    {
      /* Entries in the format without the colormap flag: RGB or RGBA. */
      guint entry = (format & PNG_FORMAT_FLAG_ALPHA) ? 4 : 3;

      image.colormap_entries = 64;
      for (guint i = 0; i < 64; i++)
        {
          colormap[i * entry] = (guint8) (i * 4);
          colormap[i * entry + 1] = 10;
          colormap[i * entry + 2] = 250;
          if (entry == 4)
            colormap[i * entry + 3] = transparent && i == 0 ? 0 : 255;
        }
    }
  if (!png_image_write_get_memory_size (image, size, 0, pixels, 0, colormap))
    g_error ("libpng: %s", image.message);
  buffer = g_malloc (size);
  g_assert_true (png_image_write_to_memory (&image, buffer, &size, 0, pixels, 0, colormap));
  return g_bytes_new_take (buffer, size);
}

static GBytes *
make_jpeg (int components)
{
  struct jpeg_compress_struct cinfo;
  struct jpeg_error_mgr jerr;
  unsigned char *out = NULL;
  unsigned long size = 0;
  guint8 row[W * 3];
  GBytes *bytes;

  cinfo.err = jpeg_std_error (&jerr);
  jpeg_create_compress (&cinfo);
  jpeg_mem_dest (&cinfo, &out, &size);
  cinfo.image_width = W;
  cinfo.image_height = H;
  cinfo.input_components = components;
  cinfo.in_color_space = components == 3 ? JCS_RGB : JCS_GRAYSCALE;
  jpeg_set_defaults (&cinfo);
  jpeg_start_compress (&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height)
    {
      JSAMPROW rows[1] = { row };

      for (guint i = 0; i < sizeof row; i++)
        row[i] = (guint8) (i * 5 + cinfo.next_scanline * 20);
      jpeg_write_scanlines (&cinfo, rows, 1);
    }
  jpeg_finish_compress (&cinfo);
  jpeg_destroy_compress (&cinfo);
  bytes = g_bytes_new (out, size);
  free (out);
  return bytes;
}

static EthosImage *
load_ok (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  EthosImage *image = ethos_image_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (image);
  g_assert_cmpuint (image->width, ==, W);
  g_assert_cmpuint (image->height, ==, H);
  return image;
}

static void
assert_invalid (GBytes     *bytes,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosImage) image = ethos_image_new_from_bytes (bytes, &error);

  g_assert_null (image);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
}

static const guint8 *
pixel (EthosImage *image,
       guint       x,
       guint       y)
{
  guint bpp = image->format == ETHOS_IMAGE_RGBA8 ? 4 : 3;

  g_assert_cmpuint (g_bytes_get_size (image->data), ==, (gsize) W * H * bpp);
  return (const guint8 *) g_bytes_get_data (image->data, NULL) + (y * W + x) * bpp;
}

static void
test_png_rgb (void)
{
  g_autoptr(GBytes) bytes = make_png (PNG_FORMAT_RGB, FALSE);
  g_autoptr(EthosImage) image = load_ok (bytes);
  const guint8 *p = pixel (image, 3, 2);

  g_assert_cmpint (image->format, ==, ETHOS_IMAGE_RGB8);
  g_assert_cmpuint (p[0], ==, 45);
  g_assert_cmpuint (p[1], ==, 56);
  g_assert_cmpuint (p[2], ==, 200);
}

static void
test_png_rgba (void)
{
  g_autoptr(GBytes) bytes = make_png (PNG_FORMAT_RGBA, TRUE);
  g_autoptr(GBytes) opaque_bytes = make_png (PNG_FORMAT_RGBA, FALSE);
  g_autoptr(EthosImage) image = load_ok (bytes);
  g_autoptr(EthosImage) opaque = load_ok (opaque_bytes);
  const guint8 *p = pixel (image, 4, 1);

  g_assert_cmpint (image->format, ==, ETHOS_IMAGE_RGBA8);
  g_assert_cmpuint (p[0], ==, 60);
  g_assert_cmpuint (p[1], ==, 28);
  g_assert_cmpuint (p[3], ==, 60);
  /* Fully opaque: the alpha channel is dropped, no soft mask needed. */
  g_assert_cmpint (opaque->format, ==, ETHOS_IMAGE_RGB8);
  g_assert_cmpuint (pixel (opaque, 4, 1)[0], ==, 60);
}

static void
test_png_palette_gray (void)
{
  g_autoptr(GBytes) palette = make_png (PNG_FORMAT_RGB_COLORMAP, FALSE);
  g_autoptr(GBytes) palette_alpha = make_png (PNG_FORMAT_RGBA_COLORMAP, TRUE);
  g_autoptr(GBytes) gray = make_png (PNG_FORMAT_GRAY, FALSE);
  g_autoptr(GBytes) gray_alpha = make_png (PNG_FORMAT_GA, TRUE);
  g_autoptr(EthosImage) a = load_ok (palette);
  g_autoptr(EthosImage) b = load_ok (palette_alpha);
  g_autoptr(EthosImage) c = load_ok (gray);
  g_autoptr(EthosImage) d = load_ok (gray_alpha);

  g_assert_cmpint (a->format, ==, ETHOS_IMAGE_RGB8);
  /* Pixel (5, 0) uses palette entry 5: (20, 10, 250). */
  g_assert_cmpuint (pixel (a, 5, 0)[0], ==, 20);
  g_assert_cmpuint (pixel (a, 5, 0)[2], ==, 250);
  g_assert_cmpint (b->format, ==, ETHOS_IMAGE_RGBA8);
  g_assert_cmpuint (pixel (b, 0, 0)[3], ==, 0);
  g_assert_cmpint (c->format, ==, ETHOS_IMAGE_RGB8);
  g_assert_cmpuint (pixel (c, 2, 0)[0], ==, 30);
  g_assert_cmpuint (pixel (c, 2, 0)[1], ==, 30);
  g_assert_cmpint (d->format, ==, ETHOS_IMAGE_RGBA8);
}

static void
test_jpeg (void)
{
  g_autoptr(GBytes) rgb = make_jpeg (3);
  g_autoptr(GBytes) gray = make_jpeg (1);
  g_autoptr(EthosImage) a = load_ok (rgb);
  g_autoptr(EthosImage) b = load_ok (gray);

  /* Passed through untouched. */
  g_assert_cmpint (a->format, ==, ETHOS_IMAGE_JPEG);
  g_assert_true (g_bytes_equal (a->data, rgb));
  g_assert_cmpint (b->format, ==, ETHOS_IMAGE_JPEG);
}

/* A one-page document with @image as the letterhead's logo, painted. */
static GBytes *
paint_logo (const EthosImage  *image,
            GError           **error)
{
  g_autoptr(EthosFonts) fonts = ethos_fonts_new (error);
  g_autoptr(EthosDocument) doc = ethos_document_new ("Logo", "en", ETHOS_PAPER_LETTER);
  g_autoptr(EthosLayout) layout = NULL;

  g_assert_nonnull (fonts);
  doc->logo = ethos_image_copy (image);
  doc->footer = g_strdup ("test");
  doc->page_format = g_strdup ("Page %u of %u");
  ethos_document_add_block (doc, ETHOS_BLOCK_HEADER)->lines =
    g_strdupv ((char *[]) { "Harbor Counseling", NULL });
  if (!(layout = ethos_layout_new (doc, fonts, error)))
    return NULL;
  return ethos_pdf_render (layout, doc, error);
}

/* Found by fuzz/fuzz-image.c: 0xFF fill bytes after SOI are valid JPEG
 * (libjpeg skips them) but libharu reads its own way, takes them for a
 * marker and fails to paint. A logo that passes must paint. */
static void
test_jpeg_fill_bytes (void)
{
  g_autoptr(GBytes) jpeg = make_jpeg (3);
  gsize size;
  const guint8 *data = g_bytes_get_data (jpeg, &size);
  g_autoptr(GByteArray) filled = g_byte_array_new ();
  g_autoptr(GBytes) filled_bytes = NULL;
  g_autoptr(EthosImage) good = load_ok (jpeg);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  EthosImage forced = { ETHOS_IMAGE_JPEG, W, H, NULL };

  g_byte_array_append (filled, data, 2);
  for (guint i = 0; i < 16; i++)
    g_byte_array_append (filled, (const guint8 *) "\xff", 1);
  g_byte_array_append (filled, data + 2, size - 2);
  filled_bytes = g_bytes_new (filled->data, filled->len);

  assert_invalid (filled_bytes, "not supported");

  /* Why: painted anyway, libharu refuses it; the same JPEG without the fill
   * bytes paints. */
  forced.data = filled_bytes;
  g_assert_null (paint_logo (&forced, &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_IO);
  g_clear_error (&error);
  pdf = paint_logo (good, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
}

static void
test_truncated (void)
{
  g_autoptr(GBytes) png = make_png (PNG_FORMAT_RGBA, TRUE);
  g_autoptr(GBytes) jpeg = make_jpeg (3);
  gsize png_size = g_bytes_get_size (png), jpeg_size = g_bytes_get_size (jpeg);

  /* Every prefix fails cleanly: never a crash, never a partial image. */
  for (gsize len = 1; len < png_size - 12; len++)
    {
      g_autoptr(GBytes) cut = g_bytes_new_from_bytes (png, 0, len);
      assert_invalid (cut, NULL);
    }
  for (gsize len = 1; len < jpeg_size - 2; len++)
    {
      g_autoptr(GBytes) cut = g_bytes_new_from_bytes (jpeg, 0, len);
      assert_invalid (cut, NULL);
    }
  {
    g_autoptr(GBytes) cut = g_bytes_new_from_bytes (png, 0, png_size / 2);
    assert_invalid (cut, "PNG");
  }
}

static void
test_corrupt (void)
{
  g_autoptr(GBytes) png = make_png (PNG_FORMAT_RGB, FALSE);
  gsize size;
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (png, &size), g_bytes_get_size (png));
  g_autoptr(GBytes) flipped = NULL;
  g_autoptr(GBytes) huge = NULL;
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("GIF89a not really an image", 26);
  g_autoptr(GBytes) big = g_bytes_new_take (g_malloc0 (ETHOS_IMAGE_MAX_BYTES + 1),
                                            ETHOS_IMAGE_MAX_BYTES + 1);

  /* A flipped bit in the pixel data breaks the chunk CRC. */
  data[size - 20] ^= 0x40;
  flipped = g_bytes_new (data, size);
  assert_invalid (flipped, "PNG");

  /* A header claiming 30000 × 30000 pixels is refused before decoding. */
  g_free (g_steal_pointer (&data));
  data = g_memdup2 (g_bytes_get_data (png, NULL), size);
  data[16] = 0; data[17] = 0; data[18] = 0x75; data[19] = 0x30;
  data[20] = 0; data[21] = 0; data[22] = 0x75; data[23] = 0x30;
  huge = g_bytes_new (data, size);
  assert_invalid (huge, NULL);

  assert_invalid (empty, "empty");
  assert_invalid (garbage, "neither a PNG nor a JPEG");
  assert_invalid (big, "10 MB");
}

static void
test_files (void)
{
  g_autoptr(GBytes) png = make_png (PNG_FORMAT_RGB, FALSE);
  g_autofree char *path = g_build_filename (tmp_dir, "logo.png", NULL);
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.png", NULL);
  g_autofree char *empty = g_build_filename (tmp_dir, "empty.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosImage) image = NULL;
  g_autoptr(EthosImage) copy = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL),
                                      (gssize) g_bytes_get_size (png), NULL));
  image = ethos_image_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (image->width, ==, W);
  copy = ethos_image_copy (image);
  g_assert_true (g_bytes_equal (copy->data, image->data));

  g_assert_null (ethos_image_new_from_file (missing, &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_IO);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_null (ethos_image_new_from_file (empty, &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
}

int
main (int   argc,
      char *argv[])
{
  tmp_dir = ethos_test_init (&argc, &argv);

  g_test_add_func ("/image/png/rgb", test_png_rgb);
  g_test_add_func ("/image/png/rgba", test_png_rgba);
  g_test_add_func ("/image/png/palette-gray", test_png_palette_gray);
  g_test_add_func ("/image/jpeg", test_jpeg);
  g_test_add_func ("/image/jpeg-fill-bytes", test_jpeg_fill_bytes);
  g_test_add_func ("/image/truncated", test_truncated);
  g_test_add_func ("/image/corrupt", test_corrupt);
  g_test_add_func ("/image/files", test_files);
  return g_test_run ();
}
