/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-pdf"
#define _GNU_SOURCE   /* memfd_create */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <hpdf.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ethos-error.h"
#include "ethos-file.h"
#include "ethos-pdf-painter.h"
#include "ethos-ttf-subset.h"
#include "ethos-unicode.h"

/* libharu reports errors through a callback and keeps them until
 * HPDF_ResetError: the first one is recorded here and turned into a GError
 * at the next check. No setjmp, no exit. */
typedef struct
{
  HPDF_STATUS  error_no;
  HPDF_STATUS  detail_no;
} PdfErrors;

typedef struct
{
  EthosLayout    *layout;
  EthosDocument  *doc;
  HPDF_Doc        pdf;
  PdfErrors       errors;
  gboolean        standard14;
  HPDF_Font       helvetica[2];
  GHashTable     *fonts;      /* EthosFontFace → HPDF_Font */
  HPDF_Image      logo;
  GString        *winansi;
  double          page_height;
  /* Graphics state of the current page, to skip redundant operators. */
  HPDF_Font       cur_font;
  double          cur_size;
  double          cur_fill;
  double          cur_stroke;
  double          cur_line_width;
  gboolean        in_text;
} Painter;

static void
error_cb (HPDF_STATUS  error_no,
          HPDF_STATUS  detail_no,
          void        *user_data)
{
  PdfErrors *errors = user_data;

  if (errors->error_no == 0)
    {
      errors->error_no = error_no;
      errors->detail_no = detail_no;
    }
}

/* libharu errors that the form's content causes (a text or name too long
 * for PDF, a number out of range, an image it cannot embed), as opposed to
 * memory or its own state. */
static gboolean
caused_by_input (HPDF_STATUS error_no)
{
  switch (error_no)
    {
    case HPDF_STRING_OUT_OF_RANGE:
    case HPDF_NAME_OUT_OF_RANGE:
    case HPDF_REAL_OUT_OF_RANGE:
    case HPDF_PAGE_OUT_OF_RANGE:
    case HPDF_PAGE_INVALID_SIZE:
    case HPDF_INVALID_IMAGE:
    case HPDF_INVALID_JPEG_DATA:
    case HPDF_INVALID_PNG_IMAGE:
    case HPDF_LIBPNG_ERROR:
    case HPDF_UNSUPPORTED_JPEG_FORMAT:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
check (Painter  *self,
       GError  **error)
{
  if (self->errors.error_no == 0)
    return TRUE;
  if (caused_by_input (self->errors.error_no))
    g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                 _("The form holds a text or an image too large or malformed for a PDF "
                   "(libharu error 0x%04X, detail %u); shorten the text or use another image."),
                 (guint) self->errors.error_no, (guint) self->errors.detail_no);
  else
    g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO,
                 _("The PDF could not be created (libharu error 0x%04X, detail %u)."),
                 (guint) self->errors.error_no, (guint) self->errors.detail_no);
  HPDF_ResetError (self->pdf);
  self->errors.error_no = 0;
  return FALSE;
}

/* libharu 2.3 loads fonts only from a path: the subset goes to an anonymous
 * memory file, opened by its /proc path; a private temporary file where
 * memfd_create is missing. */
static const char *
load_font_bytes (Painter  *self,
                 GBytes   *bytes,
                 GError  **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autofree char *path = NULL;
  const char *name;
  gboolean temp = FALSE;
  int fd = memfd_create ("ethos-font", MFD_CLOEXEC);

  if (fd >= 0)
    path = g_strdup_printf ("/proc/self/fd/%d", fd);
  else
    {
      fd = g_file_open_tmp ("ethos-font-XXXXXX.ttf", &path, error);
      if (fd < 0)
        return NULL;
      temp = TRUE;
    }
  for (gsize done = 0; done < size;)
    {
      ssize_t n = write (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, _("Could not prepare a font: %s"),
                       g_strerror (errno));
          close (fd);
          if (temp)
            g_unlink (path);
          return NULL;
        }
      done += (gsize) n;
    }
  name = HPDF_LoadTTFontFromFile (self->pdf, path, HPDF_TRUE);
  /* libharu keeps its own open file until the document is freed. */
  close (fd);
  if (temp)
    g_unlink (path);
  if (name == NULL || !check (self, error))
    return NULL;
  return name;
}

static gboolean
load_fonts (Painter  *self,
            GError  **error)
{
  g_autoptr(GHashTable) chars = g_hash_table_new_full (NULL, NULL, NULL,
                                                       (GDestroyNotify) g_hash_table_unref);
  GHashTableIter iter;
  gpointer key, value;

  for (guint p = 0; p < ethos_layout_get_n_pages (self->layout); p++)
    {
      guint n_ops;
      const EthosOp *ops = ethos_layout_get_ops (self->layout, p, &n_ops);

      for (guint i = 0; i < n_ops; i++)
        {
          GHashTable *set;

          if (ops[i].kind != ETHOS_OP_TEXT)
            continue;
          set = g_hash_table_lookup (chars, ops[i].face);
          if (set == NULL)
            {
              set = g_hash_table_new (NULL, NULL);
              g_hash_table_insert (chars, ops[i].face, set);
            }
          for (const char *c = ops[i].text; *c != 0; c = g_utf8_next_char (c))
            g_hash_table_add (set, GUINT_TO_POINTER (g_utf8_get_char (c)));
        }
    }

  g_hash_table_iter_init (&iter, chars);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      EthosFontFace *face = key;
      guint n = g_hash_table_size (value), i = 0;
      g_autofree gunichar *list = g_new (gunichar, n);
      g_autofree guint *glyphs = g_new (guint, n);
      g_autoptr(GBytes) subset = NULL;
      GHashTableIter chars_iter;
      gpointer ch;
      const char *name;
      HPDF_Font font;

      g_hash_table_iter_init (&chars_iter, value);
      while (g_hash_table_iter_next (&chars_iter, &ch, NULL))
        {
          list[i] = GPOINTER_TO_UINT (ch);
          glyphs[i] = ethos_font_face_get_glyph (face, list[i]);
          i++;
        }
      subset = _ethos_ttf_subset (ethos_font_face_get_file (face),
                                  ethos_font_face_get_index (face), list, glyphs, n, error);
      if (subset == NULL)
        return FALSE;
      name = load_font_bytes (self, subset, error);
      if (name == NULL)
        return FALSE;
      font = HPDF_GetFont (self->pdf, name, "UTF-8");
      if (font == NULL || !check (self, error))
        return FALSE;
      g_hash_table_insert (self->fonts, face, font);
    }
  return TRUE;
}

static HPDF_Image
load_logo (Painter           *self,
           const EthosImage  *image)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (image->data, &size);
  HPDF_Image result, mask;
  g_autofree guint8 *rgb = NULL;
  g_autofree guint8 *alpha = NULL;
  gsize n = (gsize) image->width * image->height;

  switch (image->format)
    {
    case ETHOS_IMAGE_JPEG:
      return HPDF_LoadJpegImageFromMem (self->pdf, data, (HPDF_UINT) size);
    case ETHOS_IMAGE_RGB8:
      g_assert (size == n * 3);
      return HPDF_LoadRawImageFromMem (self->pdf, data, image->width, image->height,
                                       HPDF_CS_DEVICE_RGB, 8);
    case ETHOS_IMAGE_RGBA8:
    default:
      g_assert (size == n * 4);
      rgb = g_malloc (n * 3);
      alpha = g_malloc (n);
      for (gsize i = 0; i < n; i++)
        {
          memcpy (rgb + 3 * i, data + 4 * i, 3);
          alpha[i] = data[4 * i + 3];
        }
      result = HPDF_LoadRawImageFromMem (self->pdf, rgb, image->width, image->height,
                                         HPDF_CS_DEVICE_RGB, 8);
      mask = HPDF_LoadRawImageFromMem (self->pdf, alpha, image->width, image->height,
                                       HPDF_CS_DEVICE_GRAY, 8);
      if (result != NULL && mask != NULL)
        HPDF_Image_AddSMask (result, mask);
      return result;
    }
}

static void
end_text (Painter    *self,
          HPDF_Page   page)
{
  if (self->in_text)
    HPDF_Page_EndText (page);
  self->in_text = FALSE;
}

static void
set_stroke (Painter   *self,
            HPDF_Page  page,
            double     gray,
            double     width)
{
  if (gray != self->cur_stroke)
    HPDF_Page_SetGrayStroke (page, (HPDF_REAL) gray);
  if (width != self->cur_line_width)
    HPDF_Page_SetLineWidth (page, (HPDF_REAL) width);
  self->cur_stroke = gray;
  self->cur_line_width = width;
}

static const char *
to_winansi (Painter    *self,
            const char *text)
{
  g_string_truncate (self->winansi, 0);
  for (const char *p = text; *p != 0; p = g_utf8_next_char (p))
    {
      guint8 byte = ethos_unicode_winansi_byte (g_utf8_get_char (p));

      /* The layout only chooses standard fonts when every character fits. */
      g_string_append_c (self->winansi, byte != 0 ? (char) byte : '?');
    }
  return self->winansi->str;
}

static void
draw_text (Painter        *self,
           HPDF_Page       page,
           const EthosOp  *op)
{
  HPDF_Font font;
  const char *text = op->text;

  if (self->standard14)
    {
      gboolean bold = ethos_font_face_is_bold (op->face);

      if (self->helvetica[bold] == NULL)
        self->helvetica[bold] = HPDF_GetFont (self->pdf, bold ? "Helvetica-Bold" : "Helvetica",
                                              "WinAnsiEncoding");
      font = self->helvetica[bold];
      text = to_winansi (self, op->text);
    }
  else
    font = g_hash_table_lookup (self->fonts, op->face);
  if (font == NULL)
    return;

  if (!self->in_text)
    HPDF_Page_BeginText (page);
  self->in_text = TRUE;
  if (font != self->cur_font || op->size != self->cur_size)
    HPDF_Page_SetFontAndSize (page, font, (HPDF_REAL) op->size);
  if (op->gray != self->cur_fill)
    HPDF_Page_SetGrayFill (page, (HPDF_REAL) op->gray);
  self->cur_font = font;
  self->cur_size = op->size;
  self->cur_fill = op->gray;
  HPDF_Page_TextOut (page, (HPDF_REAL) op->x, (HPDF_REAL) (self->page_height - op->y), text);
}

static void
draw_op (Painter        *self,
         HPDF_Page       page,
         const EthosOp  *op)
{
  double h = self->page_height;

  if (op->kind == ETHOS_OP_TEXT)
    {
      draw_text (self, page, op);
      return;
    }
  end_text (self, page);
  switch (op->kind)
    {
    case ETHOS_OP_LINE:
      set_stroke (self, page, op->gray, op->line_width);
      HPDF_Page_MoveTo (page, (HPDF_REAL) op->x, (HPDF_REAL) (h - op->y));
      HPDF_Page_LineTo (page, (HPDF_REAL) op->x2, (HPDF_REAL) (h - op->y2));
      HPDF_Page_Stroke (page);
      break;
    case ETHOS_OP_RECT:
      set_stroke (self, page, op->gray, op->line_width);
      HPDF_Page_Rectangle (page, (HPDF_REAL) op->x, (HPDF_REAL) (h - op->y - op->height),
                           (HPDF_REAL) op->width, (HPDF_REAL) op->height);
      HPDF_Page_Stroke (page);
      break;
    case ETHOS_OP_IMAGE:
      if (self->logo == NULL && op->image != NULL)
        self->logo = load_logo (self, op->image);
      if (self->logo != NULL)
        HPDF_Page_DrawImage (page, self->logo, (HPDF_REAL) op->x,
                             (HPDF_REAL) (h - op->y - op->height), (HPDF_REAL) op->width,
                             (HPDF_REAL) op->height);
      break;
    case ETHOS_OP_TEXT:
    default:
      break;
    }
}

static gboolean
paint_pages (Painter  *self,
             GError  **error)
{
  double width, height;

  ethos_layout_get_page_size (self->layout, &width, &height);
  self->page_height = height;
  for (guint p = 0; p < ethos_layout_get_n_pages (self->layout); p++)
    {
      HPDF_Page page = HPDF_AddPage (self->pdf);
      guint n_ops;
      const EthosOp *ops = ethos_layout_get_ops (self->layout, p, &n_ops);

      if (page == NULL || !check (self, error))
        return FALSE;
      HPDF_Page_SetWidth (page, (HPDF_REAL) width);
      HPDF_Page_SetHeight (page, (HPDF_REAL) height);
      /* A new page starts with the default graphics state. */
      self->cur_font = NULL;
      self->cur_size = -1;
      self->cur_fill = 0;
      self->cur_stroke = 0;
      self->cur_line_width = 1;
      self->in_text = FALSE;
      for (guint i = 0; i < n_ops; i++)
        draw_op (self, page, &ops[i]);
      end_text (self, page);
      if (!check (self, error))
        return FALSE;
    }
  return TRUE;
}

static GBytes *
save (Painter  *self,
      GError  **error)
{
  HPDF_UINT32 size;
  guint8 *buffer;
  HPDF_UINT32 done = 0;

  HPDF_SaveToStream (self->pdf);
  if (!check (self, error))
    return NULL;
  size = HPDF_GetStreamSize (self->pdf);
  buffer = g_malloc (size > 0 ? size : 1);
  while (done < size)
    {
      HPDF_UINT32 len = size - done;
      HPDF_STATUS status = HPDF_ReadFromStream (self->pdf, buffer + done, &len);

      done += len;
      if (status == HPDF_STREAM_EOF || len == 0)
        break;
    }
  /* Reading to the end reports HPDF_STREAM_EOF as an error: expected. */
  HPDF_ResetError (self->pdf);
  self->errors.error_no = 0;
  if (done != size)
    {
      g_free (buffer);
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_IO,
                           _("The PDF could not be read back from memory."));
      return NULL;
    }
  return g_bytes_new_take (buffer, size);
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != 0; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

GBytes *
ethos_pdf_render (EthosLayout    *layout,
                  EthosDocument  *doc,
                  GError        **error)
{
  Painter self = { .layout = layout, .doc = doc };
  GBytes *bytes = NULL;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self.standard14 = ethos_layout_uses_standard_fonts (layout);
  self.pdf = HPDF_New (error_cb, &self.errors);
  if (self.pdf == NULL)
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_IO,
                           _("The PDF could not be created (out of memory)."));
      return NULL;
    }
  self.fonts = g_hash_table_new (NULL, NULL);
  self.winansi = g_string_new (NULL);

  HPDF_SetCompressionMode (self.pdf, HPDF_COMP_ALL);
  /* The UTF-8 encoder costs a tenth of a WinAnsi form: set up only when the
   * text or the title needs it. */
  if (!self.standard14 || !is_ascii (doc->title))
    {
      HPDF_UseUTFEncodings (self.pdf);
      HPDF_SetCurrentEncoder (self.pdf, "UTF-8");
    }
  /* The form's name only: no client data in the metadata. */
  HPDF_SetInfoAttr (self.pdf, HPDF_INFO_TITLE, doc->title != NULL ? doc->title : "");
  HPDF_SetInfoAttr (self.pdf, HPDF_INFO_CREATOR, "Ethos");

  if (check (&self, error) &&
      (self.standard14 || load_fonts (&self, error)) &&
      paint_pages (&self, error))
    bytes = save (&self, error);

  HPDF_ResetError (self.pdf);
  HPDF_Free (self.pdf);
  g_hash_table_unref (self.fonts);
  g_string_free (self.winansi, TRUE);
  return bytes;
}

gboolean
ethos_pdf_write_file (EthosLayout    *layout,
                      EthosDocument  *doc,
                      const char     *path,
                      GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  gconstpointer data;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = ethos_pdf_render (layout, doc, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  return ethos_file_write_atomic (path, data, size, 0600, error);
}
