/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ethos-error.h"
#include "ethos-ttf-private.h"
#include "ethos-ttf-subset.h"

/* Reading the font and choosing the glyphs: the directory (a .ttc face by
 * index), the glyph closure, nested composites flattened. */

#define MAX_DEPTH 8

static gboolean
bad_font (GError **error)
{
  g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_UNSUPPORTED,
                       _("A font file is damaged or of a kind Ethos cannot embed."));
  return FALSE;
}

static gboolean
read_directory (Subset        *s,
                const guint8  *data,
                gsize          size,
                guint          index,
                GError       **error)
{
  gsize dir = 0;
  guint n;

  if (size >= 12 && memcmp (data, "ttcf", 4) == 0)
    {
      if (index >= get32 (data + 8) || 12 + 4 * (gsize) index + 4 > size)
        return bad_font (error);
      dir = get32 (data + 12 + 4 * index);
    }
  if (dir + 12 > size || (get32 (data + dir) != 0x00010000 && memcmp (data + dir, "true", 4) != 0))
    return bad_font (error);
  n = get16 (data + dir + 4);
  if (dir + 12 + 16 * (gsize) n > size)
    return bad_font (error);

  for (guint i = 0; i < n; i++)
    {
      const guint8 *rec = data + dir + 12 + 16 * i;
      gsize offset = get32 (rec + 8), length = get32 (rec + 12);

      if (offset > size || length > size - offset)
        return bad_font (error);
      for (guint t = 0; t < N_TABLES; t++)
        if (memcmp (rec, _ethos_ttf_tags[t], 4) == 0)
          {
            s->tables[t].data = data + offset;
            s->tables[t].length = length;
          }
    }

  if (s->tables[T_HEAD].length < 54 || s->tables[T_HHEA].length < 36 ||
      s->tables[T_MAXP].length < 6 || s->tables[T_OS2].length < 78 ||
      s->tables[T_NAME].length < 6 || s->tables[T_GLYF].data == NULL ||
      s->tables[T_LOCA].data == NULL || s->tables[T_HMTX].data == NULL)
    return bad_font (error);

  s->n_glyphs = get16 (s->tables[T_MAXP].data + 4);
  s->n_hmetrics = get16 (s->tables[T_HHEA].data + 34);
  s->long_loca = get16 (s->tables[T_HEAD].data + 50) == 1;
  if (s->n_glyphs == 0 || s->n_hmetrics == 0 || s->n_hmetrics > s->n_glyphs ||
      s->tables[T_HMTX].length < 4 * (gsize) s->n_hmetrics + 2 * (gsize) (s->n_glyphs - s->n_hmetrics) ||
      s->tables[T_LOCA].length < (s->long_loca ? 4 : 2) * ((gsize) s->n_glyphs + 1))
    return bad_font (error);
  return TRUE;
}

gboolean
_ethos_ttf_glyph_data (Subset        *s,
                       guint          glyph,
                       const guint8 **data,
                       gsize         *length)
{
  const guint8 *loca = s->tables[T_LOCA].data;
  gsize start, end;

  if (glyph >= s->n_glyphs)
    return FALSE;
  if (s->long_loca)
    {
      start = get32 (loca + 4 * glyph);
      end = get32 (loca + 4 * glyph + 4);
    }
  else
    {
      start = 2 * (gsize) get16 (loca + 2 * glyph);
      end = 2 * (gsize) get16 (loca + 2 * glyph + 2);
    }
  if (start > end || end > s->tables[T_GLYF].length)
    return FALSE;
  *data = s->tables[T_GLYF].data + start;
  *length = end - start;
  return TRUE;
}

static double
f2dot14 (const guint8 *p)
{
  return (gint16) get16 (p) / 16384.0;
}

/* Appends the components of composite @glyph to @out, nested composites
 * flattened under the transform (@m, @t). */
static gboolean
collect_components (Subset        *s,
                    guint          glyph,
                    const double   m[4],
                    const double   t[2],
                    guint          depth,
                    gboolean      *nested,
                    GArray        *out)
{
  const guint8 *p, *end;
  gsize length;
  guint16 flags;

  if (depth > MAX_DEPTH || !_ethos_ttf_glyph_data (s, glyph, &p, &length) || length < 10)
    return FALSE;
  end = p + length;
  p += 10;
  do
    {
      Component c = { .a = 1, .d = 1 };
      const guint8 *sub;
      gsize sub_length;

      if (p + 4 > end)
        return FALSE;
      c.flags = flags = get16 (p);
      c.glyph = get16 (p + 2);
      p += 4;
      if (flags & ARG_1_AND_2_ARE_WORDS)
        {
          if (p + 4 > end)
            return FALSE;
          c.arg1 = (flags & ARGS_ARE_XY_VALUES) ? (gint16) get16 (p) : get16 (p);
          c.arg2 = (flags & ARGS_ARE_XY_VALUES) ? (gint16) get16 (p + 2) : get16 (p + 2);
          p += 4;
        }
      else
        {
          if (p + 2 > end)
            return FALSE;
          c.arg1 = (flags & ARGS_ARE_XY_VALUES) ? (gint8) p[0] : p[0];
          c.arg2 = (flags & ARGS_ARE_XY_VALUES) ? (gint8) p[1] : p[1];
          p += 2;
        }
      if ((flags & WE_HAVE_A_SCALE) && p + 2 <= end)
        {
          c.a = c.d = f2dot14 (p);
          p += 2;
        }
      else if ((flags & WE_HAVE_AN_X_AND_Y_SCALE) && p + 4 <= end)
        {
          c.a = f2dot14 (p);
          c.d = f2dot14 (p + 2);
          p += 4;
        }
      else if ((flags & WE_HAVE_A_TWO_BY_TWO) && p + 8 <= end)
        {
          c.a = f2dot14 (p);
          c.b = f2dot14 (p + 2);
          c.c = f2dot14 (p + 4);
          c.d = f2dot14 (p + 6);
          p += 8;
        }
      else if (flags & (WE_HAVE_A_SCALE | WE_HAVE_AN_X_AND_Y_SCALE | WE_HAVE_A_TWO_BY_TWO))
        return FALSE;

      c.dx = c.arg1;
      c.dy = c.arg2;
      if (flags & SCALED_COMPONENT_OFFSET)
        {
          c.dx = c.a * c.arg1 + c.c * c.arg2;
          c.dy = c.b * c.arg1 + c.d * c.arg2;
        }
      /* Under the parent: M·(Mc·p + tc) + t. */
      {
        double a = m[0] * c.a + m[2] * c.b, b = m[1] * c.a + m[3] * c.b;
        double cc = m[0] * c.c + m[2] * c.d, d = m[1] * c.c + m[3] * c.d;
        double dx = m[0] * c.dx + m[2] * c.dy + t[0], dy = m[1] * c.dx + m[3] * c.dy + t[1];

        c.a = a;
        c.b = b;
        c.c = cc;
        c.d = d;
        c.dx = dx;
        c.dy = dy;
      }

      if (_ethos_ttf_glyph_data (s, c.glyph, &sub, &sub_length) && sub_length >= 10 &&
          (gint16) get16 (sub) < 0)
        {
          double cm[4] = { c.a, c.b, c.c, c.d }, ct[2] = { c.dx, c.dy };

          /* Point matching cannot be flattened: refuse rather than misprint. */
          if (!(flags & ARGS_ARE_XY_VALUES))
            return FALSE;
          *nested = TRUE;
          if (!collect_components (s, c.glyph, cm, ct, depth + 1, nested, out))
            return FALSE;
        }
      else
        {
          if (depth > 0 && !(flags & ARGS_ARE_XY_VALUES))
            return FALSE;
          g_array_append_val (out, c);
        }
    }
  while (flags & MORE_COMPONENTS);
  return TRUE;
}

static void
components_free (gpointer components)
{
  if (components != NULL)
    g_array_unref (components);
}

static guint16
keep_glyph (Subset *s,
            guint   glyph)
{
  guint16 id = s->new_ids[glyph];

  if (id == 0xFFFF)
    {
      guint16 old = (guint16) glyph;

      id = s->new_ids[glyph] = (guint16) s->order->len;
      g_array_append_val (s->order, old);
      g_ptr_array_add (s->composites, NULL);
    }
  return id;
}

static gboolean
close_glyphs (Subset  *s,
              GError **error)
{
  /* The list grows while it is walked: components are kept too. */
  for (guint i = 0; i < s->order->len; i++)
    {
      guint glyph = g_array_index (s->order, guint16, i);
      const guint8 *p;
      gsize length;

      if (!_ethos_ttf_glyph_data (s, glyph, &p, &length))
        return bad_font (error);
      if (length >= 10 && (gint16) get16 (p) < 0)
        {
          static const double identity[4] = { 1, 0, 0, 1 }, zero[2] = { 0, 0 };
          GArray *components = g_array_new (FALSE, FALSE, sizeof (Component));
          gboolean nested = FALSE;

          if (!collect_components (s, glyph, identity, zero, 0, &nested, components))
            {
              g_array_unref (components);
              return bad_font (error);
            }
          if (nested)
            for (guint k = 0; k < components->len; k++)
              g_array_index (components, Component, k).flags &= ~(USE_MY_METRICS |
                                                                   SCALED_COMPONENT_OFFSET);
          for (guint k = 0; k < components->len; k++)
            keep_glyph (s, g_array_index (components, Component, k).glyph);
          /* Instructions of a flattened glyph no longer fit its components. */
          if (nested)
            g_array_index (components, Component, 0).flags |= FLATTENED;
          g_ptr_array_index (s->composites, i) = components;
        }
    }
  return TRUE;
}

GBytes *
_ethos_ttf_subset (const char      *file,
                   guint            index,
                   const gunichar  *chars,
                   const guint     *glyphs,
                   guint            n_chars,
                   GError         **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (CharGlyph));
  GByteArray *built[N_TABLES] = { NULL };
  Subset s = { 0 };
  guint max_components = 0;
  GBytes *result = NULL;

  g_return_val_if_fail (file != NULL, NULL);

  mapped = g_mapped_file_new (file, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, _("Could not read the font %s: %s"),
                   file, local_error->message);
      return NULL;
    }
  if (!read_directory (&s, (const guint8 *) g_mapped_file_get_contents (mapped),
                       g_mapped_file_get_length (mapped), index, error))
    return NULL;

  s.order = g_array_new (FALSE, FALSE, sizeof (guint16));
  s.composites = g_ptr_array_new_with_free_func (components_free);
  s.new_ids = g_new (guint16, s.n_glyphs);
  memset (s.new_ids, 0xFF, sizeof (guint16) * s.n_glyphs);
  keep_glyph (&s, 0);
  /* Old glyph ids first, in character order: nearby characters get nearby
   * new ids, so the cmap needs fewer segments. */
  for (guint i = 0; i < n_chars; i++)
    if (chars[i] <= 0xFFFF && glyphs[i] != 0 && glyphs[i] < s.n_glyphs)
      {
        CharGlyph cg = { (guint16) chars[i], (guint16) glyphs[i] };

        g_array_append_val (pairs, cg);
      }
  g_array_sort (pairs, _ethos_ttf_compare_chars);
  for (guint i = 0; i < pairs->len; i++)
    {
      CharGlyph *cg = &g_array_index (pairs, CharGlyph, i);

      cg->glyph = keep_glyph (&s, cg->glyph);
    }

  if (close_glyphs (&s, error) && s.order->len < 0xFFFF)
    {
      for (guint t = 0; t < N_TABLES; t++)
        if (t == T_HEAD || t == T_HHEA || t == T_MAXP || t == T_POST || t == T_CMAP ||
            t == T_GLYF || t == T_LOCA || t == T_HMTX)
          built[t] = g_byte_array_new ();

      _ethos_ttf_write_glyf_loca (&s, built[T_GLYF], built[T_LOCA], &max_components);
      _ethos_ttf_write_hmtx (&s, built[T_HMTX]);
      if (!_ethos_ttf_write_cmap (pairs, 32, built[T_CMAP]))
        {
          g_byte_array_set_size (built[T_CMAP], 0);
          if (!_ethos_ttf_write_cmap (pairs, 1, built[T_CMAP]))
            {
              g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_UNSUPPORTED,
                                   _("The document uses too many different characters."));
              goto out;
            }
        }

      g_byte_array_append (built[T_HEAD], s.tables[T_HEAD].data, 54);
      _ethos_ttf_set32 (built[T_HEAD], 8, 0);
      _ethos_ttf_set16 (built[T_HEAD], 50, 1);
      g_byte_array_append (built[T_HHEA], s.tables[T_HHEA].data, 36);
      _ethos_ttf_set16 (built[T_HHEA], 34, s.order->len);
      g_byte_array_append (built[T_MAXP], s.tables[T_MAXP].data,
                           (guint) MIN (s.tables[T_MAXP].length, 32));
      _ethos_ttf_set16 (built[T_MAXP], 4, s.order->len);
      if (built[T_MAXP]->len >= 32)
        {
          _ethos_ttf_set16 (built[T_MAXP], 28, MAX (get16 (built[T_MAXP]->data + 28), max_components));
          _ethos_ttf_set16 (built[T_MAXP], 30, MIN (get16 (built[T_MAXP]->data + 30), 1));
        }
      /* post format 3: no glyph names. */
      _ethos_ttf_put32 (built[T_POST], 0x00030000);
      for (guint k = 4; k < 32; k++)
        g_byte_array_append (built[T_POST],
                             k < s.tables[T_POST].length ? &s.tables[T_POST].data[k]
                                                         : (const guint8 *) "\0", 1);
      result = _ethos_ttf_assemble (&s, built);
    }
  else if (error != NULL && *error == NULL)
    bad_font (error);

out:
  for (guint t = 0; t < N_TABLES; t++)
    if (built[t] != NULL)
      g_byte_array_unref (built[t]);
  g_array_unref (s.order);
  g_ptr_array_unref (s.composites);
  g_free (s.new_ids);
  return result;
}
