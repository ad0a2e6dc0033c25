/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-pdf"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ethos-ttf-private.h"

/* Writing the subset: glyf/loca, hmtx, cmap and the table directory. */

const char _ethos_ttf_tags[N_TABLES][5] = {
  "OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name",
  "post", "prep",
};

static void
put16 (GByteArray *out,
       guint       v)
{
  guint8 b[2] = { (guint8) (v >> 8), (guint8) v };

  g_byte_array_append (out, b, 2);
}

void
_ethos_ttf_put32 (GByteArray *out,
                  guint32     v)
{
  guint8 b[4] = { (guint8) (v >> 24), (guint8) (v >> 16), (guint8) (v >> 8), (guint8) v };

  g_byte_array_append (out, b, 4);
}

void
_ethos_ttf_set16 (GByteArray *out,
                  gsize       at,
                  guint       v)
{
  out->data[at] = (guint8) (v >> 8);
  out->data[at + 1] = (guint8) v;
}

void
_ethos_ttf_set32 (GByteArray *out,
                  gsize       at,
                  guint32     v)
{
  _ethos_ttf_set16 (out, at, v >> 16);
  _ethos_ttf_set16 (out, at + 2, v & 0xFFFF);
}

static void
put_f2dot14 (GByteArray *out,
             double      v)
{
  put16 (out, (guint16) (gint16) CLAMP (lround (v * 16384.0), -32768, 32767));
}

/* A composite glyph, one level deep, with new glyph ids. */
static void
write_composite (Subset       *s,
                 const guint8 *original,
                 gsize         length,
                 GArray       *components,
                 GByteArray   *out)
{
  gboolean flattened = (g_array_index (components, Component, 0).flags & FLATTENED) != 0;
  const guint8 *instructions = NULL;
  guint n_instructions = 0;

  g_byte_array_append (out, original, 10);
  if (!flattened)
    {
      /* Find the instructions after the last component. */
      const guint8 *p = original + 10, *end = original + length;
      guint16 flags;

      do
        {
          flags = get16 (p);
          p += 4 + ((flags & ARG_1_AND_2_ARE_WORDS) ? 4 : 2);
          p += (flags & WE_HAVE_A_SCALE) ? 2 : (flags & WE_HAVE_AN_X_AND_Y_SCALE) ? 4
               : (flags & WE_HAVE_A_TWO_BY_TWO) ? 8 : 0;
        }
      while ((flags & MORE_COMPONENTS) && p < end);
      if ((flags & WE_HAVE_INSTRUCTIONS) && p + 2 <= end)
        {
          n_instructions = get16 (p);
          instructions = p + 2;
          if (instructions + n_instructions > end)
            instructions = NULL;
        }
    }

  for (guint k = 0; k < components->len; k++)
    {
      const Component *c = &g_array_index (components, Component, k);
      gboolean last = k + 1 == components->len;
      guint16 flags = c->flags & (ARGS_ARE_XY_VALUES | ROUND_XY_TO_GRID | USE_MY_METRICS |
                                  OVERLAP_COMPOUND);
      long a1, a2;
      gboolean words;

      if (!last)
        flags |= MORE_COMPONENTS;
      if (last && instructions != NULL)
        flags |= WE_HAVE_INSTRUCTIONS;
      if (flags & ARGS_ARE_XY_VALUES)
        {
          a1 = lround (c->dx);
          a2 = lround (c->dy);
          words = a1 < -128 || a1 > 127 || a2 < -128 || a2 > 127;
        }
      else
        {
          a1 = c->arg1;
          a2 = c->arg2;
          words = a1 > 255 || a2 > 255;
        }
      if (words)
        flags |= ARG_1_AND_2_ARE_WORDS;
      if (c->b != 0 || c->c != 0)
        flags |= WE_HAVE_A_TWO_BY_TWO;
      else if (c->a != c->d)
        flags |= WE_HAVE_AN_X_AND_Y_SCALE;
      else if (c->a != 1)
        flags |= WE_HAVE_A_SCALE;

      put16 (out, flags);
      put16 (out, s->new_ids[c->glyph]);
      if (words)
        {
          put16 (out, (guint16) (gint16) a1);
          put16 (out, (guint16) (gint16) a2);
        }
      else
        {
          guint8 b[2] = { (guint8) (gint8) a1, (guint8) (gint8) a2 };

          if (!(flags & ARGS_ARE_XY_VALUES))
            {
              b[0] = (guint8) a1;
              b[1] = (guint8) a2;
            }
          g_byte_array_append (out, b, 2);
        }
      if (flags & WE_HAVE_A_TWO_BY_TWO)
        {
          put_f2dot14 (out, c->a);
          put_f2dot14 (out, c->b);
          put_f2dot14 (out, c->c);
          put_f2dot14 (out, c->d);
        }
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE)
        {
          put_f2dot14 (out, c->a);
          put_f2dot14 (out, c->d);
        }
      else if (flags & WE_HAVE_A_SCALE)
        put_f2dot14 (out, c->a);
    }
  if (instructions != NULL)
    {
      put16 (out, n_instructions);
      g_byte_array_append (out, instructions, n_instructions);
    }
}

static void
pad4 (GByteArray *out)
{
  static const guint8 zeros[4] = { 0 };

  if (out->len % 4 != 0)
    g_byte_array_append (out, zeros, 4 - out->len % 4);
}

void
_ethos_ttf_write_glyf_loca (Subset     *s,
                            GByteArray *glyf,
                            GByteArray *loca,
                            guint      *max_components)
{
  for (guint i = 0; i < s->order->len; i++)
    {
      guint glyph = g_array_index (s->order, guint16, i);
      GArray *components = g_ptr_array_index (s->composites, i);
      const guint8 *p = NULL;
      gsize length = 0;

      _ethos_ttf_put32 (loca, glyf->len);
      _ethos_ttf_glyph_data (s, glyph, &p, &length);
      if (components != NULL)
        {
          write_composite (s, p, length, components, glyf);
          *max_components = MAX (*max_components, components->len);
        }
      else
        g_byte_array_append (glyf, p, (guint) length);
      pad4 (glyf);
    }
  _ethos_ttf_put32 (loca, glyf->len);
}

void
_ethos_ttf_write_hmtx (Subset     *s,
                       GByteArray *hmtx)
{
  const guint8 *src = s->tables[T_HMTX].data;

  for (guint i = 0; i < s->order->len; i++)
    {
      guint glyph = g_array_index (s->order, guint16, i);
      guint advance, lsb;

      if (glyph < s->n_hmetrics)
        {
          advance = get16 (src + 4 * glyph);
          lsb = get16 (src + 4 * glyph + 2);
        }
      else
        {
          advance = get16 (src + 4 * (s->n_hmetrics - 1));
          lsb = get16 (src + 4 * s->n_hmetrics + 2 * (glyph - s->n_hmetrics));
        }
      put16 (hmtx, advance);
      put16 (hmtx, lsb);
    }
}

int
_ethos_ttf_compare_chars (gconstpointer a,
                          gconstpointer b)
{
  return (int) ((const CharGlyph *) a)->ch - (int) ((const CharGlyph *) b)->ch;
}

typedef struct
{
  guint16  start;
  guint16  end;
  gboolean delta;       /* consecutive glyphs: idDelta, else glyphIdArray */
  guint    array_at;    /* first glyphIdArray entry */
} Segment;

/* Format 4 with few segments: libharu 2.3 looks up every code point from 0
 * to 0xFFFF through the segments (linearly) when it writes the font, so
 * nearby characters share a segment, gaps mapped to glyph 0. */
gboolean
_ethos_ttf_write_cmap (GArray     *pairs,
                       guint       max_gap,
                       GByteArray *cmap)
{
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  g_autoptr(GArray) ids = g_array_new (FALSE, TRUE, sizeof (guint16));
  guint seg_count, search = 1, selector = 0, n = 0;
  CharGlyph *cg;

  g_array_sort (pairs, _ethos_ttf_compare_chars);
  cg = (CharGlyph *) (void *) pairs->data;
  for (guint i = 0; i < pairs->len; i++)
    if (cg[i].ch != 0xFFFF && (n == 0 || cg[n - 1].ch != cg[i].ch))
      cg[n++] = cg[i];

  for (guint i = 0; i < n;)
    {
      Segment seg = { .start = cg[i].ch, .end = cg[i].ch, .delta = TRUE };
      guint j = i + 1;

      while (j < n && (guint) (cg[j].ch - cg[j - 1].ch) <= max_gap)
        {
          if (cg[j].ch != cg[j - 1].ch + 1 || cg[j].glyph != cg[j - 1].glyph + 1)
            seg.delta = FALSE;
          seg.end = cg[j].ch;
          j++;
        }
      if (!seg.delta)
        {
          seg.array_at = ids->len;
          g_array_set_size (ids, ids->len + (seg.end - seg.start + 1));
          for (guint k = i; k < j; k++)
            g_array_index (ids, guint16, seg.array_at + cg[k].ch - seg.start) = cg[k].glyph;
        }
      else
        seg.array_at = cg[i].glyph;   /* the first glyph, for idDelta */
      g_array_append_val (segments, seg);
      i = j;
    }
  {
    Segment last = { .start = 0xFFFF, .end = 0xFFFF, .delta = TRUE, .array_at = 0 };

    g_array_append_val (segments, last);
  }
  seg_count = segments->len;
  if (16 + 8 * seg_count + 2 * ids->len > G_MAXUINT16)
    return FALSE;
  while (search * 2 <= seg_count)
    {
      search *= 2;
      selector++;
    }

  put16 (cmap, 0);            /* version */
  put16 (cmap, 1);            /* one encoding record */
  put16 (cmap, 3);            /* Windows */
  put16 (cmap, 1);            /* Unicode BMP */
  _ethos_ttf_put32 (cmap, 12);
  put16 (cmap, 4);
  put16 (cmap, 16 + 8 * seg_count + 2 * ids->len);
  put16 (cmap, 0);
  put16 (cmap, 2 * seg_count);
  put16 (cmap, 2 * search);
  put16 (cmap, selector);
  put16 (cmap, 2 * seg_count - 2 * search);
  for (guint i = 0; i < seg_count; i++)
    put16 (cmap, g_array_index (segments, Segment, i).end);
  put16 (cmap, 0);
  for (guint i = 0; i < seg_count; i++)
    put16 (cmap, g_array_index (segments, Segment, i).start);
  for (guint i = 0; i < seg_count; i++)
    {
      const Segment *seg = &g_array_index (segments, Segment, i);

      if (seg->start == 0xFFFF)
        put16 (cmap, 1);
      else
        put16 (cmap, seg->delta ? (guint16) (seg->array_at - seg->start) : 0);
    }
  for (guint i = 0; i < seg_count; i++)
    {
      const Segment *seg = &g_array_index (segments, Segment, i);

      /* Offset in bytes from this idRangeOffset entry to the glyph ids. */
      put16 (cmap, seg->delta ? 0 : 2 * (seg_count - i + seg->array_at));
    }
  for (guint i = 0; i < ids->len; i++)
    put16 (cmap, g_array_index (ids, guint16, i));
  return TRUE;
}

static guint32
checksum (const guint8 *data,
          gsize         length)
{
  guint32 sum = 0;

  for (gsize i = 0; i < length; i += 4)
    {
      guint8 word[4] = { 0 };

      memcpy (word, data + i, MIN (4, length - i));
      sum += get32 (word);
    }
  return sum;
}

GBytes *
_ethos_ttf_assemble (Subset      *s,
                     GByteArray **built)
{
  GByteArray *out = g_byte_array_new ();
  gsize dir_at, head_at = 0;
  guint32 total;

  _ethos_ttf_put32 (out, 0x00010000);
  put16 (out, N_TABLES);
  put16 (out, 128);                /* searchRange: 16 · 8 */
  put16 (out, 3);                  /* entrySelector */
  put16 (out, N_TABLES * 16 - 128);
  dir_at = out->len;
  for (guint t = 0; t < N_TABLES * 4; t++)
    _ethos_ttf_put32 (out, 0);

  for (guint t = 0; t < N_TABLES; t++)
    {
      gsize at = out->len;
      const guint8 *data = built[t] != NULL ? built[t]->data : s->tables[t].data;
      gsize length = built[t] != NULL ? built[t]->len : s->tables[t].length;

      if (length > 0)
        g_byte_array_append (out, data, (guint) length);
      pad4 (out);
      if (t == T_HEAD)
        head_at = at;
      memcpy (out->data + dir_at + 16 * t, _ethos_ttf_tags[t], 4);
      _ethos_ttf_set32 (out, dir_at + 16 * t + 4, checksum (out->data + at, length));
      _ethos_ttf_set32 (out, dir_at + 16 * t + 8, (guint32) at);
      _ethos_ttf_set32 (out, dir_at + 16 * t + 12, (guint32) length);
    }
  total = checksum (out->data, out->len);
  _ethos_ttf_set32 (out, head_at + 8, 0xB1B0AFBAu - total);
  return g_byte_array_free_to_bytes (out);
}
