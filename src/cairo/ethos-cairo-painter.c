/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-cairo"

#include "config.h"

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <glib/gi18n.h>

#include "ethos-cairo-painter.h"
#include "ethos-error.h"
#include "ethos-image.h"

/* cairo font faces by font file and face index, created once for the
 * process: a face is cairo's own object, safe to share between threads. */
G_LOCK_DEFINE_STATIC (faces);
static GHashTable *faces;

/* The logo, decoded once: the preview repaints on every keystroke. */
G_LOCK_DEFINE_STATIC (logo);
static GBytes *logo_bytes;
static cairo_surface_t *logo_surface;

static cairo_font_face_t *
face_for (EthosFontFace *face)
{
  g_autofree char *key = g_strdup_printf ("%s\n%u", ethos_font_face_get_file (face),
                                          ethos_font_face_get_index (face));
  cairo_font_face_t *result;

  G_LOCK (faces);
  if (faces == NULL)
    faces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) cairo_font_face_destroy);
  result = g_hash_table_lookup (faces, key);
  if (result == NULL)
    {
      FcPattern *pattern = FcPatternCreate ();

      FcPatternAddString (pattern, FC_FILE, (const FcChar8 *) ethos_font_face_get_file (face));
      FcPatternAddInteger (pattern, FC_INDEX, (int) ethos_font_face_get_index (face));
      /* Outlines as designed: no hinting moves a glyph off the PDF's place. */
      FcPatternAddBool (pattern, FC_HINTING, FcFalse);
      FcPatternAddBool (pattern, FC_EMBEDDED_BITMAP, FcFalse);
      result = cairo_ft_font_face_create_for_pattern (pattern);
      FcPatternDestroy (pattern);
      g_hash_table_insert (faces, g_steal_pointer (&key), result);
    }
  G_UNLOCK (faces);
  return result;
}

static cairo_surface_t *
surface_for_image (const EthosImage  *image,
                   GError           **error)
{
  g_autoptr(EthosImage) pixels = NULL;
  cairo_surface_t *surface;
  const guint8 *src;
  guint8 *dst;
  int stride;
  gboolean alpha;

  G_LOCK (logo);
  if (logo_bytes != NULL && g_bytes_equal (logo_bytes, image->data))
    {
      surface = cairo_surface_reference (logo_surface);
      G_UNLOCK (logo);
      return surface;
    }
  G_UNLOCK (logo);

  if (!(pixels = ethos_image_decode (image, error)))
    return NULL;
  alpha = pixels->format == ETHOS_IMAGE_RGBA8;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) pixels->width,
                                        (int) pixels->height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, _("The logo could not be drawn (%s)."),
                   cairo_status_to_string (cairo_surface_status (surface)));
      return NULL;
    }
  cairo_surface_flush (surface);
  src = g_bytes_get_data (pixels->data, NULL);
  dst = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (guint y = 0; y < pixels->height; y++)
    {
      guint32 *row = (guint32 *) (void *) (dst + (gsize) y * stride);

      for (guint x = 0; x < pixels->width; x++)
        {
          const guint8 *p = src + ((gsize) y * pixels->width + x) * (alpha ? 4 : 3);
          guint a = alpha ? p[3] : 255;
          /* cairo wants premultiplied alpha. */
          guint r = (p[0] * a + 127) / 255, g = (p[1] * a + 127) / 255, b = (p[2] * a + 127) / 255;

          row[x] = (guint32) a << 24 | r << 16 | g << 8 | b;
        }
    }
  cairo_surface_mark_dirty (surface);

  G_LOCK (logo);
  g_clear_pointer (&logo_bytes, g_bytes_unref);
  g_clear_pointer (&logo_surface, cairo_surface_destroy);
  logo_bytes = g_bytes_ref (image->data);
  logo_surface = cairo_surface_reference (surface);
  G_UNLOCK (logo);
  return surface;
}

static void
draw_text (cairo_t        *cr,
           const EthosOp  *op,
           gboolean        standard14,
           GArray         *glyphs)
{
  double x = op->x;

  g_array_set_size (glyphs, 0);
  for (const char *p = op->text; *p != 0; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      cairo_glyph_t glyph = {
        .index = ethos_font_face_get_glyph (op->face, ch),
        .x = x,
        .y = op->y,
      };

      g_array_append_val (glyphs, glyph);
      x += ethos_font_face_get_advance (op->face, ch, standard14) * op->size;
    }
  cairo_set_font_face (cr, face_for (op->face));
  cairo_set_font_size (cr, op->size);
  cairo_set_source_rgb (cr, op->gray, op->gray, op->gray);
  cairo_show_glyphs (cr, (cairo_glyph_t *) (void *) glyphs->data, (int) glyphs->len);
}

static gboolean
draw_image (cairo_t        *cr,
            const EthosOp  *op,
            GError        **error)
{
  cairo_surface_t *surface;
  int w, h;

  if (op->image == NULL || op->width <= 0 || op->height <= 0)
    return TRUE;
  if (!(surface = surface_for_image (op->image, error)))
    return FALSE;
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  cairo_save (cr);
  cairo_rectangle (cr, op->x, op->y, op->width, op->height);
  cairo_clip (cr);
  cairo_translate (cr, op->x, op->y);
  cairo_scale (cr, op->width / w, op->height / h);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
  return TRUE;
}

gboolean
ethos_cairo_paint_page (EthosLayout  *layout,
                        guint         page,
                        cairo_t      *cr,
                        GError      **error)
{
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  cairo_font_options_t *options;
  const EthosOp *ops;
  gboolean standard14;
  guint n_ops;
  cairo_status_t status;

  g_return_val_if_fail (layout != NULL && cr != NULL, FALSE);
  g_return_val_if_fail (page < ethos_layout_get_n_pages (layout), FALSE);

  standard14 = ethos_layout_uses_standard_fonts (layout);
  ops = ethos_layout_get_ops (layout, page, &n_ops);

  cairo_save (cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options (cr, options);
  cairo_font_options_destroy (options);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  for (guint i = 0; i < n_ops; i++)
    {
      const EthosOp *op = &ops[i];

      switch (op->kind)
        {
        case ETHOS_OP_TEXT:
          draw_text (cr, op, standard14, glyphs);
          break;
        case ETHOS_OP_LINE:
          cairo_set_source_rgb (cr, op->gray, op->gray, op->gray);
          cairo_set_line_width (cr, op->line_width);
          cairo_move_to (cr, op->x, op->y);
          cairo_line_to (cr, op->x2, op->y2);
          cairo_stroke (cr);
          break;
        case ETHOS_OP_RECT:
          cairo_set_source_rgb (cr, op->gray, op->gray, op->gray);
          cairo_set_line_width (cr, op->line_width);
          cairo_rectangle (cr, op->x, op->y, op->width, op->height);
          cairo_stroke (cr);
          break;
        case ETHOS_OP_IMAGE:
          if (!draw_image (cr, op, error))
            {
              cairo_restore (cr);
              return FALSE;
            }
          break;
        default:
          break;
        }
    }
  cairo_restore (cr);

  status = cairo_status (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, _("The page could not be drawn (%s)."),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
