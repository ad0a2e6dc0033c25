/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-image"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <jpeglib.h>

#include "ethos-error.h"
#include "ethos-image.h"

static const guchar png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

static EthosImage *
image_new (EthosImageFormat  format,
           guint             width,
           guint             height,
           GBytes           *data)
{
  EthosImage *image = g_new0 (EthosImage, 1);

  image->format = format;
  image->width = width;
  image->height = height;
  image->data = data;
  return image;
}

static gboolean
check_pixels (guint     width,
              guint     height,
              GError  **error)
{
  if (width == 0 || height == 0)
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                           _("The image is empty (zero width or height)."));
      return FALSE;
    }
  if ((guint64) width * height > ETHOS_IMAGE_MAX_PIXELS)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("The image is too large (%u × %u pixels); a logo may have at most 20 "
                     "megapixels."), width, height);
      return FALSE;
    }
  return TRUE;
}

/* Drops the alpha channel of an image that is fully opaque: no soft mask. */
static GBytes *
maybe_drop_alpha (guchar           *pixels,
                  gsize             n_pixels,
                  EthosImageFormat *format)
{
  for (gsize i = 0; i < n_pixels; i++)
    if (pixels[i * 4 + 3] != 0xFF)
      return g_bytes_new_take (pixels, n_pixels * 4);

  for (gsize i = 0; i < n_pixels; i++)
    {
      pixels[i * 3] = pixels[i * 4];
      pixels[i * 3 + 1] = pixels[i * 4 + 1];
      pixels[i * 3 + 2] = pixels[i * 4 + 2];
    }
  *format = ETHOS_IMAGE_RGB8;
  return g_bytes_new_take (g_realloc (pixels, n_pixels * 3), n_pixels * 3);
}

static EthosImage *
load_png (const guchar  *data,
          gsize          size,
          GError       **error)
{
  png_image png = { .version = PNG_IMAGE_VERSION };
  g_autofree guchar *pixels = NULL;
  EthosImageFormat format;
  GBytes *bytes;

  if (!png_image_begin_read_from_memory (&png, data, size))
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("The PNG image is damaged or truncated (%s)."), png.message);
      png_image_free (&png);
      return NULL;
    }
  if (!check_pixels (png.width, png.height, error))
    {
      png_image_free (&png);
      return NULL;
    }

  format = (png.format & PNG_FORMAT_FLAG_ALPHA) ? ETHOS_IMAGE_RGBA8 : ETHOS_IMAGE_RGB8;
  png.format = format == ETHOS_IMAGE_RGBA8 ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
  pixels = g_try_malloc (PNG_IMAGE_SIZE (png));
  if (pixels == NULL)
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                           _("The image is too large to load."));
      png_image_free (&png);
      return NULL;
    }
  if (!png_image_finish_read (&png, NULL, pixels, 0, NULL))
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("The PNG image is damaged or truncated (%s)."), png.message);
      png_image_free (&png);
      return NULL;
    }

  if (format == ETHOS_IMAGE_RGBA8)
    bytes = maybe_drop_alpha (g_steal_pointer (&pixels), (gsize) png.width * png.height, &format);
  else
    bytes = g_bytes_new_take (g_steal_pointer (&pixels), (gsize) png.width * png.height * 3);
  return image_new (format, png.width, png.height, bytes);
}

typedef struct
{
  struct jpeg_error_mgr pub;
  jmp_buf               jump;
  char                  message[JMSG_LENGTH_MAX];
  gboolean              too_large;
} JpegError;

static void
jpeg_error_exit_cb (j_common_ptr cinfo)
{
  JpegError *err = (JpegError *) cinfo->err;

  if (err->message[0] == 0)
    cinfo->err->format_message (cinfo, err->message);
  longjmp (err->jump, 1);
}

/* Warnings (premature end of data, corrupt segments) count as errors: a logo
 * that decodes with a grey band is not one to print. */
static void
jpeg_emit_message_cb (j_common_ptr cinfo,
                      int          level)
{
  JpegError *err = (JpegError *) cinfo->err;

  if (level < 0)
    {
      if (err->message[0] == 0)
        cinfo->err->format_message (cinfo, err->message);
      cinfo->err->num_warnings++;
    }
}

typedef struct
{
  guint width;
  guint height;
  int   components;
  long  warnings;
} JpegInfo;

/* The whole decode lives in this function so that nothing the longjmp could
 * clobber is read after it. */
static gboolean
decode_jpeg (const guchar *data,
             gsize         size,
             JpegError    *err,
             JpegInfo     *info,
             guchar      **rgb_out)
{
  struct jpeg_decompress_struct cinfo;

  cinfo.err = jpeg_std_error (&err->pub);
  err->pub.error_exit = jpeg_error_exit_cb;
  err->pub.emit_message = jpeg_emit_message_cb;
  if (setjmp (err->jump) != 0)
    {
      jpeg_destroy_decompress (&cinfo);
      return FALSE;
    }

  jpeg_create_decompress (&cinfo);
  jpeg_mem_src (&cinfo, data, size);
  jpeg_read_header (&cinfo, TRUE);
  info->width = cinfo.image_width;
  info->height = cinfo.image_height;
  info->components = cinfo.num_components;
  if ((guint64) cinfo.image_width * cinfo.image_height > ETHOS_IMAGE_MAX_PIXELS ||
      cinfo.image_width == 0 || cinfo.image_height == 0)
    {
      err->too_large = TRUE;
      jpeg_destroy_decompress (&cinfo);
      return FALSE;
    }
  if (rgb_out != NULL)
    cinfo.out_color_space = JCS_RGB;
  jpeg_start_decompress (&cinfo);
  {
    JSAMPARRAY row = cinfo.mem->alloc_sarray ((j_common_ptr) &cinfo, JPOOL_IMAGE,
                                              cinfo.output_width * cinfo.output_components, 1);
    gsize stride = (gsize) cinfo.output_width * 3;

    if (rgb_out != NULL)
      *rgb_out = g_malloc ((gsize) cinfo.output_height * stride);
    while (cinfo.output_scanline < cinfo.output_height)
      {
        JDIMENSION y = cinfo.output_scanline;

        jpeg_read_scanlines (&cinfo, row, 1);
        if (rgb_out != NULL && cinfo.output_components == 3)
          memcpy (*rgb_out + y * stride, row[0], stride);
      }
  }
  jpeg_finish_decompress (&cinfo);
  info->warnings = err->pub.num_warnings;
  jpeg_destroy_decompress (&cinfo);
  return TRUE;
}

/* libharu reads the JPEG header itself (hpdf_image.c, LoadJpegHeader) and
 * not as libjpeg does: from just after SOI it takes two bytes of marker and
 * two of length at a time (no 0xFF fill bytes, no resync) up to the first
 * SOF0, 1, 2 or 9 (baseline, extended, progressive, arithmetic), and prints
 * the image with that frame's size and components. TRUE only when that walk
 * finds the frame libjpeg decoded: anything else fails in the painter or
 * prints a picture of the wrong shape. */
static gboolean
jpeg_frame_is_supported (const guchar   *data,
                         gsize           size,
                         const JpegInfo *info)
{
  gsize pos = 2;

  while (pos + 4 <= size)
    {
      guint marker = (guint) data[pos] << 8 | data[pos + 1];
      gsize length = (gsize) data[pos + 2] << 8 | data[pos + 3];

      if (marker == 0xFFC0 || marker == 0xFFC1 || marker == 0xFFC2 || marker == 0xFFC9)
        {
          /* length, precision, height, width, components */
          if (pos + 10 > size)
            return FALSE;
          return ((guint) data[pos + 5] << 8 | data[pos + 6]) == info->height &&
                 ((guint) data[pos + 7] << 8 | data[pos + 8]) == info->width &&
                 data[pos + 9] == info->components;
        }
      /* Other frame types (lossless, hierarchical), a scan or the end
       * before any frame, and what libharu takes for a lost marker. */
      if ((marker & 0xFF00) != 0xFF00 || (marker >= 0xFFC3 && marker <= 0xFFCF &&
                                          marker != 0xFFC4 && marker != 0xFFC8 &&
                                          marker != 0xFFCC) ||
          marker == 0xFFDA || marker == 0xFFD9 || length < 2)
        return FALSE;
      pos += 2 + length;
    }
  return FALSE;
}

static EthosImage *
load_jpeg (GBytes  *bytes,
           GError **error)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  JpegError err = { 0 };
  JpegInfo info = { 0 };

  if (!decode_jpeg (data, size, &err, &info, NULL))
    {
      if (err.too_large)
        check_pixels (info.width, info.height, error);
      else
        g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                     _("The JPEG image is damaged or truncated (%s)."), err.message);
      return NULL;
    }
  if (info.warnings > 0)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("The JPEG image is damaged or truncated (%s)."), err.message);
      return NULL;
    }
  if (!jpeg_frame_is_supported (data, size, &info))
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                           _("This kind of JPEG image is not supported; save it as a baseline "
                             "JPEG or a PNG."));
      return NULL;
    }
  if (info.components != 1 && info.components != 3)
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                           _("The JPEG image uses CMYK colours; save it as an RGB JPEG or a "
                             "PNG."));
      return NULL;
    }
  return image_new (ETHOS_IMAGE_JPEG, info.width, info.height, g_bytes_ref (bytes));
}

EthosImage *
ethos_image_new_from_bytes (GBytes  *bytes,
                            GError **error)
{
  gsize size;
  const guchar *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                           _("The image file is empty."));
      return NULL;
    }
  if (size > ETHOS_IMAGE_MAX_BYTES)
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                           _("The image file is larger than 10 MB; use a smaller logo."));
      return NULL;
    }
  if (size >= sizeof png_signature && memcmp (data, png_signature, sizeof png_signature) == 0)
    return load_png (data, size, error);
  if (size >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
    return load_jpeg (bytes, error);

  g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                       _("The image is neither a PNG nor a JPEG file."));
  return NULL;
}

EthosImage *
ethos_image_new_from_file (const char  *path,
                           GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > ETHOS_IMAGE_MAX_BYTES)
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                           _("The image file is larger than 10 MB; use a smaller logo."));
      return NULL;
    }
  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, _("Could not read the image: %s"),
                   local_error->message);
      return NULL;
    }
  /* Copied: a JPEG keeps its bytes, and the file may change under a mapping. */
  bytes = g_bytes_new (g_mapped_file_get_contents (file), g_mapped_file_get_length (file));
  return ethos_image_new_from_bytes (bytes, error);
}

EthosImage *
ethos_image_copy (const EthosImage *image)
{
  g_return_val_if_fail (image != NULL, NULL);
  return image_new (image->format, image->width, image->height, g_bytes_ref (image->data));
}

EthosImage *
ethos_image_decode (const EthosImage  *image,
                    GError           **error)
{
  gsize size;
  const guchar *data;
  JpegError err = { 0 };
  JpegInfo info = { 0 };
  guchar *rgb = NULL;

  g_return_val_if_fail (image != NULL, NULL);

  if (image->format != ETHOS_IMAGE_JPEG)
    return ethos_image_copy (image);
  data = g_bytes_get_data (image->data, &size);
  /* The jump may leave @rgb allocated: freed below in every case. */
  if (!decode_jpeg (data, size, &err, &info, &rgb) || info.width != image->width ||
      info.height != image->height)
    {
      g_free (rgb);
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("The JPEG image is damaged or truncated (%s)."), err.message);
      return NULL;
    }
  return image_new (ETHOS_IMAGE_RGB8, info.width, info.height,
                    g_bytes_new_take (rgb, (gsize) info.width * info.height * 3));
}
