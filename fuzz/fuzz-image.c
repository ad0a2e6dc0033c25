/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-fuzz"

#include "config.h"

#include "ethos-fonts.h"
#include "ethos-fuzz.h"
#include "ethos-image.h"
#include "ethos-layout.h"
#include "ethos-pdf-painter.h"

/* Agency logos (PNG, JPEG): decoded and validated before libharu, which
 * aborts on a bad PNG, ever sees them; a logo that passes is painted. */


void
ethos_fuzz_setup (void)
{
  ethos_fuzz_get_fonts ();
}

static void
paint (const EthosImage *image)
{
  g_autoptr(EthosDocument) doc = ethos_document_new ("Logo", "en", ETHOS_PAPER_LETTER);
  g_autoptr(EthosLayout) layout = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  EthosBlock *header;

  doc->logo = ethos_image_copy (image);
  doc->footer = g_strdup ("fuzz");
  doc->page_format = g_strdup ("Page %u of %u");
  header = ethos_document_add_block (doc, ETHOS_BLOCK_HEADER);
  header->lines = g_strdupv ((char *[]) { "Harbor Counseling", NULL });

  if (!(layout = ethos_layout_new (doc, ethos_fuzz_get_fonts (), &error)))
    g_error ("a document with a valid logo fails to lay out: %s", error->message);
  if (!(pdf = ethos_pdf_render (layout, doc, &error)))
    g_error ("a valid logo fails to paint: %s", error->message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosImage) image = ethos_image_new_from_bytes (bytes, &error);
  gsize expected;

  if (image == NULL)
    {
      ethos_fuzz_check_error (error, "ethos_image_new_from_bytes");
      return 0;
    }

  ethos_fuzz_assert (image->width > 0 && image->height > 0 &&
                     (guint64) image->width * image->height <= ETHOS_IMAGE_MAX_PIXELS,
                     "a logo has pixels, not too many");
  switch (image->format)
    {
    case ETHOS_IMAGE_RGB8:
      expected = (gsize) image->width * image->height * 3;
      ethos_fuzz_assert (g_bytes_get_size (image->data) == expected, "RGB8: 3 bytes a pixel");
      break;
    case ETHOS_IMAGE_RGBA8:
      expected = (gsize) image->width * image->height * 4;
      ethos_fuzz_assert (g_bytes_get_size (image->data) == expected, "RGBA8: 4 bytes a pixel");
      break;
    case ETHOS_IMAGE_JPEG:
      ethos_fuzz_assert (g_bytes_equal (image->data, bytes), "a JPEG passes through as it is");
      break;
    default:
      g_error ("unknown image format %d", image->format);
    }

  paint (image);
  return 0;
}
