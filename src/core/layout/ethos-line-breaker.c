/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pango.h>

#include "ethos-error.h"
#include "ethos-layout-private.h"

/* Line breaking, measured with the fonts the painters embed. Where a line
 * may break comes from Pango's UAX #14 rules (pango_get_log_attrs: no fonts,
 * no shaping): at spaces, after hyphens but never between a hyphen and a
 * digit, after "/" in URLs, between CJK ideographs but not before closing
 * punctuation, at U+200B and U+00AD. On top of them: a fill-in line breaks
 * like a word; the kinsoku characters below never start or end a line; a
 * phone number is kept whole. The fitting is a greedy first fit here — when
 * a word is wider than the line, it breaks inside the word. Every line takes
 * at least one character, so any input finishes. */

enum
{
  UNIT_BREAK_AFTER = 1 << 0,
  UNIT_SPACE       = 1 << 1,
  UNIT_INVISIBLE   = 1 << 2,
  UNIT_FORCED      = 1 << 3,
  UNIT_BLANK       = 1 << 4,
  UNIT_MARK        = 1 << 5,
  UNIT_SHY         = 1 << 6,
};

typedef struct
{
  gunichar        ch;
  EthosFontFace  *face;
  double          adv;
  double          hyphen;   /* SHY: width of the hyphen drawn when the line breaks here */
  const char     *src;
  guint16         src_len;
  guint8          flags;
  guint16         seg;
} Unit;

typedef struct
{
  const char     *text;
  gboolean        known;
  EthosFontHint   hint;
} HintState;

#define BLANK_MIN_WIDTH ETHOS_SCALED (96.0)
#define BLANK_RULE_OFFSET ETHOS_SCALED (2.5)
#define BLANK_CAPTION_OFFSET ETHOS_SCALED (10.0)
#define BLANK_EXTRA_HEIGHT ETHOS_SCALED (9.0)
#define caption_style ETHOS_STYLE (caption)

static const EthosTextStyle caption_base = {
  .size = 6.5, .leading = 8, .bold = FALSE, .gray = 0.35, .role = ETHOS_ROLE_CAPTION,
};

GArray *
_ethos_layout_units_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (Unit));
}

static gboolean
text_error (EthosLayout  *self,
            const char   *text,
            GError      **error)
{
  if (!_ethos_fonts_check_text_unlocked (self->fonts, text, error))
    return FALSE;
  g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_UNSUPPORTED,
                       _("The text contains characters Ethos cannot print."));
  return FALSE;
}

/* Values should arrive valid and NFC-normalized; checking here costs little:
 * only text with combining marks or jamo needs composing. */
static const char *
prepare_text (EthosLayout  *self,
              const char   *text,
              GError      **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                           _("The text is not valid UTF-8."));
      return NULL;
    }
  for (const guchar *p = (const guchar *) text; *p != 0; p++)
    {
      gunichar ch;

      if (*p < 0xCC)
        continue;
      ch = g_utf8_get_char ((const char *) p);
      if (g_unichar_combining_class (ch) != 0 || (ch >= 0x1100 && ch <= 0x11FF))
        {
          char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

          if (nfc == NULL)
            return text;
          g_ptr_array_add (self->temps, nfc);
          return nfc;
        }
      p = (const guchar *) g_utf8_next_char ((const char *) p) - 1;
    }
  return text;
}

static gboolean
is_mark (gunichar ch)
{
  GUnicodeType type;

  if (ch < 0x300)
    return FALSE;
  type = g_unichar_type (ch);
  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK ||
         type == G_UNICODE_SPACING_MARK;
}

/* Resolves one character: class, face and advance. Returns FALSE with
 * @error set when it cannot be printed. */
static gboolean
resolve_char (EthosLayout          *self,
              const char           *p,
              const EthosTextStyle *style,
              HintState            *hints,
              EthosFontFace        *prev_face,
              Unit                 *unit,
              GError              **error)
{
  EthosFontFace *primary = ethos_fonts_get_primary (self->fonts, style->bold);
  gunichar ch = (guchar) *p < 0x80 ? (gunichar) (guchar) *p : g_utf8_get_char (p);
  EthosFontFace *face = NULL;

  unit->ch = ch;
  unit->src = p;
  unit->src_len = (guint16) (g_utf8_next_char (p) - p);
  unit->flags = 0;
  unit->adv = 0;
  unit->hyphen = 0;
  unit->face = primary;

  switch (ethos_unicode_classify (ch))
    {
    case ETHOS_CHAR_PRINTABLE:
      break;
    case ETHOS_CHAR_IGNORABLE:
      unit->flags = UNIT_INVISIBLE;
      return TRUE;
    case ETHOS_CHAR_BREAK_HINT:
      unit->flags = UNIT_INVISIBLE | UNIT_BREAK_AFTER | (ch == 0xAD ? UNIT_SHY : 0);
      if (ch == 0xAD)
        unit->hyphen = _ethos_font_face_advance_unlocked (primary, '-', self->standard14) *
                       style->size / 1000.0;
      return TRUE;
    case ETHOS_CHAR_LINE_BREAK:
      unit->flags = UNIT_FORCED | UNIT_INVISIBLE;
      return TRUE;
    case ETHOS_CHAR_CONTROL:
    case ETHOS_CHAR_NEEDS_SHAPING:
    case ETHOS_CHAR_ASTRAL:
    default:
      return text_error (self, hints->text, error);
    }

  if (ch == '\t')
    {
      unit->ch = ch = ' ';
      unit->src = " ";
    }
  if (ch == ' ' || ch == 0x3000)
    unit->flags |= UNIT_SPACE;

  if (is_mark (ch))
    {
      unit->flags |= UNIT_MARK;
      /* A mark is drawn over its base: same font when that font has it. */
      if (prev_face != NULL && _ethos_font_face_glyph_unlocked (prev_face, ch) != 0)
        face = prev_face;
    }
  if (face == NULL)
    {
      if (self->standard14 || ch < 0x80 || _ethos_font_face_glyph_unlocked (primary, ch) != 0)
        face = primary;
      else
        {
          if (!hints->known)
            hints->hint = ethos_fonts_hint_for_text (hints->text);
          hints->known = TRUE;
          face = _ethos_fonts_face_for_char_unlocked (self->fonts, ch, style->bold, hints->hint);
          if (face == NULL)
            return text_error (self, hints->text, error);
        }
    }
  unit->face = face;
  unit->adv = _ethos_font_face_advance_unlocked (face, ch, self->standard14) * style->size / 1000.0;
  return TRUE;
}

gboolean
_ethos_layout_measure (EthosLayout           *self,
                       const char            *text,
                       const EthosTextStyle  *style,
                       double                *width,
                       GError               **error)
{
  HintState hints = { .text = prepare_text (self, text, error) };
  EthosFontFace *prev = NULL;
  double w = 0;

  if (hints.text == NULL)
    return FALSE;
  for (const char *p = hints.text; *p != 0; p = g_utf8_next_char (p))
    {
      Unit unit;

      if (!resolve_char (self, p, style, &hints, prev, &unit, error))
        return FALSE;
      w += unit.adv;
      prev = unit.face;
    }
  *width = w;
  return TRUE;
}

static void
add_text_op (EthosLayout          *self,
             GArray               *out,
             const EthosTextStyle *style,
             EthosFontFace        *face,
             double                x,
             double                baseline,
             double                width)
{
  EthosOp op = {
    .kind = ETHOS_OP_TEXT,
    .role = style->role,
    .block = self->block,
    .x = x,
    .y = baseline,
    .width = width,
    .gray = style->gray,
    .face = face,
    .size = style->size,
    .text = g_string_chunk_insert_len (self->strings, self->scratch->str,
                                       (gssize) self->scratch->len),
  };

  g_array_append_val (out, op);
  g_string_truncate (self->scratch, 0);
}

gboolean
_ethos_layout_single_line (EthosLayout           *self,
                           const char            *text,
                           const EthosTextStyle  *style,
                           double                 x,
                           double                 baseline,
                           GArray                *out,
                           GError               **error)
{
  HintState hints = { .text = prepare_text (self, text, error) };
  EthosFontFace *run_face = NULL;
  double run_x = x, run_w = 0;

  if (hints.text == NULL)
    return FALSE;
  g_string_truncate (self->scratch, 0);
  for (const char *p = hints.text; *p != 0; p = g_utf8_next_char (p))
    {
      Unit unit;

      if (!resolve_char (self, p, style, &hints, run_face, &unit, error))
        return FALSE;
      if (unit.flags & UNIT_INVISIBLE)
        continue;
      if (run_face != NULL && unit.face != run_face)
        {
          add_text_op (self, out, style, run_face, run_x, baseline, run_w);
          run_x += run_w;
          run_w = 0;
        }
      run_face = unit.face;
      g_string_append_len (self->scratch, unit.src, unit.src_len);
      run_w += unit.adv;
    }
  if (run_face != NULL)
    add_text_op (self, out, style, run_face, run_x, baseline, run_w);
  return TRUE;
}

static gboolean
add_units (EthosLayout         *self,
           const EthosSegment  *seg,
           guint                index,
           GError             **error)
{
  HintState hints = { .text = prepare_text (self, seg->text, error) };
  EthosFontFace *prev = NULL;

  if (hints.text == NULL)
    return FALSE;
  if (seg->blank)
    {
      Unit unit = { .flags = UNIT_BLANK, .seg = (guint16) index, .src = hints.text };
      double caption = 0;

      if (!_ethos_layout_measure (self, hints.text, &caption_style, &caption, error))
        return FALSE;
      unit.adv = MIN (MAX (caption + 6, BLANK_MIN_WIDTH), self->content_width);
      g_array_append_val (self->units, unit);
      return TRUE;
    }

  for (const char *p = hints.text; *p != 0; p = g_utf8_next_char (p))
    {
      Unit unit;

      if (!resolve_char (self, p, &seg->style, &hints, prev, &unit, error))
        return FALSE;
      unit.seg = (guint16) index;
      prev = unit.face;
      g_array_append_val (self->units, unit);
    }
  return TRUE;
}

static gboolean
is_cjk (gunichar ch)
{
  return (ch >= 0x2E80 && ch <= 0x9FFF) || (ch >= 0xAC00 && ch <= 0xD7AF) ||
         (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0xFF00 && ch <= 0xFFEF);
}

/* Kinsoku: characters that must not start a line… */
static gboolean
no_break_before (gunichar ch)
{
  static const char closing[] = "、。，．・：；？！ー」』）〕】〉》〙〗ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ"
                                "）］｝，．：；？！";

  if (ch < 0x80)
    return ch == ',' || ch == '.' || ch == ')' || ch == ']' || ch == '}' || ch == ':' ||
           ch == ';' || ch == '!' || ch == '?';
  for (const char *p = closing; *p != 0; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == ch)
      return TRUE;
  return FALSE;
}

/* …or end one. */
static gboolean
no_break_after (gunichar ch)
{
  static const char opening[] = "「『（〔【〈《〘〖（［｛";

  if (ch < 0x80)
    return ch == '(' || ch == '[' || ch == '{';
  for (const char *p = opening; *p != 0; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == ch)
      return TRUE;
  return FALSE;
}

/* A phone number stays on one line: a run of at most 24 digits, spaces,
 * hyphens, dots and parentheses, with an optional leading "+", that holds
 * at least 7 digits, starts with a digit, "(" or "+" and ends with a digit.
 * "(305) 555-0110", "+1 305.555.0110". */
#define PHONE_MAX_CHARS 24
#define PHONE_MIN_DIGITS 7

static gboolean
phone_char (gunichar ch)
{
  return g_ascii_isdigit (ch) || ch == ' ' || ch == '-' || ch == '.' || ch == '(' || ch == ')';
}

static void
keep_phone_numbers (Unit  *u,
                    guint  n)
{
  for (guint i = 0; i < n; i++)
    {
      guint end = i, last_digit = G_MAXUINT, digits = 0;

      if (!(g_ascii_isdigit (u[i].ch) || u[i].ch == '(' || u[i].ch == '+') ||
          (i > 0 && (g_unichar_isalnum (u[i - 1].ch) || u[i - 1].ch == '+')))
        continue;
      for (end = i + (u[i].ch == '+'); end < n && end - i < PHONE_MAX_CHARS &&
                                       phone_char (u[end].ch) && !(u[end].flags & UNIT_BLANK);
           end++)
        if (g_ascii_isdigit (u[end].ch))
          {
            digits++;
            last_digit = end;
          }
      if (digits < PHONE_MIN_DIGITS || last_digit == G_MAXUINT ||
          (last_digit + 1 < n && g_unichar_isalnum (u[last_digit + 1].ch)))
        continue;
      for (guint k = i; k < last_digit; k++)
        u[k].flags &= ~UNIT_BREAK_AFTER;
      i = last_digit;
    }
}

static void
set_break_flags (EthosLayout *self)
{
  Unit *u = (Unit *) (void *) self->units->data;
  guint n = self->units->len;
  PangoLogAttr *attrs;

  g_string_truncate (self->break_text, 0);
  for (guint i = 0; i < n; i++)
    /* A fill-in line is an object in the text: U+FFFC. */
    g_string_append_unichar (self->break_text, (u[i].flags & UNIT_BLANK) ? 0xFFFC : u[i].ch);
  g_array_set_size (self->log_attrs, n + 1);
  attrs = (PangoLogAttr *) (void *) self->log_attrs->data;
  pango_get_log_attrs (self->break_text->str, (int) self->break_text->len, -1, self->language,
                       attrs, (int) n + 1);

  for (guint i = 0; i < n; i++)
    {
      Unit *next = i + 1 < n ? &u[i + 1] : NULL;
      gboolean brk;

      if (next == NULL || (u[i].flags & UNIT_FORCED))
        continue;
      brk = attrs[i + 1].is_line_break;
      if ((u[i].flags | next->flags) & UNIT_BLANK)
        brk = !(next->flags & UNIT_SPACE) && !no_break_before (next->ch);
      else if (is_cjk (u[i].ch) || is_cjk (next->ch))
        brk = brk && !no_break_before (next->ch) && !no_break_after (u[i].ch);
      if (next->flags & UNIT_MARK)
        brk = FALSE;
      if (brk)
        u[i].flags |= UNIT_BREAK_AFTER;
      else if (!(u[i].flags & UNIT_SHY))
        u[i].flags &= ~UNIT_BREAK_AFTER;
    }
  keep_phone_numbers (u, n);
}

/* Greedy first fit. Appends (start, end) pairs to @lines. */
static void
break_lines (EthosLayout *self,
             double       width,
             GArray      *lines)
{
  const Unit *u = (const Unit *) (const void *) self->units->data;
  guint n = self->units->len;
  guint start = 0, last_break = G_MAXUINT;
  double w = 0;
  guint i = 0;

  while (i < n)
    {
      if (u[i].flags & UNIT_FORCED)
        {
          guint pair[2] = { start, i + 1 };

          g_array_append_vals (lines, pair, 2);
          start = i + 1;
          last_break = G_MAXUINT;
          w = 0;
          i++;
          continue;
        }
      if (w + u[i].adv > width && i > start && !(u[i].flags & UNIT_SPACE))
        {
          guint end;

          if (last_break != G_MAXUINT && last_break >= start)
            end = last_break + 1;
          else
            {
              /* Inside a word: never separate a mark from its base. */
              end = i;
              while (end > start + 1 && (u[end].flags & UNIT_MARK))
                end--;
            }
          {
            guint pair[2] = { start, end };
            g_array_append_vals (lines, pair, 2);
          }
          start = end;
          last_break = G_MAXUINT;
          w = 0;
          for (guint k = start; k < i; k++)
            {
              w += u[k].adv;
              if ((u[k].flags & UNIT_BREAK_AFTER) && w + u[k].hyphen <= width)
                last_break = k;
            }
          continue;
        }
      w += u[i].adv;
      if ((u[i].flags & UNIT_BREAK_AFTER) && w + u[i].hyphen <= width)
        last_break = i;
      i++;
    }
  if (start < n || n == 0)
    {
      guint pair[2] = { start, n };
      g_array_append_vals (lines, pair, 2);
    }
}

static gboolean
style_equal (const EthosTextStyle *a,
             const EthosTextStyle *b)
{
  return a->size == b->size && a->bold == b->bold && a->gray == b->gray && a->role == b->role;
}

static void
emit_blank (EthosLayout *self,
            const Unit  *unit,
            double       x,
            double       baseline)
{
  EthosOp line = {
    .kind = ETHOS_OP_LINE, .role = ETHOS_ROLE_BLANK, .block = self->block,
    .x = x, .y = baseline + BLANK_RULE_OFFSET,
    .x2 = x + unit->adv, .y2 = baseline + BLANK_RULE_OFFSET,
    .line_width = 0.6, .gray = 0,
  };
  double caption = 0;

  g_array_append_val (self->pending_ops, line);
  /* Measured already when the unit was built: cannot fail here. */
  _ethos_layout_measure (self, unit->src, &caption_style, &caption, NULL);
  _ethos_layout_single_line (self, unit->src, &caption_style, x + (unit->adv - caption) / 2,
                             baseline + BLANK_CAPTION_OFFSET, self->pending_ops, NULL);
}

static void
emit_line (EthosLayout         *self,
           const EthosSegment  *segs,
           const EthosTextBox  *box,
           guint                start,
           guint                end,
           gboolean             first)
{
  const Unit *u = (const Unit *) (const void *) self->units->data;
  const EthosTextStyle *style = &segs[start < self->units->len ? u[start].seg : 0].style;
  double leading = style->leading, baseline = 0, width = 0, x, run_x = 0, run_w = 0;
  gboolean blank = FALSE, shy;
  guint draw_end = end, run_seg = G_MAXUINT;
  EthosFontFace *run_face = NULL;

  shy = end > start && (u[end - 1].flags & UNIT_SHY) && end < self->units->len;
  while (draw_end > start && (u[draw_end - 1].flags & (UNIT_SPACE | UNIT_INVISIBLE)))
    draw_end--;

  for (guint i = start; i < end; i++)
    {
      const EthosTextStyle *s = &segs[u[i].seg].style;

      leading = MAX (leading, s->leading);
      blank |= (u[i].flags & UNIT_BLANK) != 0;
    }
  for (guint i = start; i < end; i++)
    baseline = MAX (baseline, segs[u[i].seg].style.leading * 0.5 + segs[u[i].seg].style.size * 0.35);
  if (baseline == 0)
    baseline = style->leading * 0.5 + style->size * 0.35;
  for (guint i = start; i < draw_end; i++)
    width += u[i].adv;
  /* A soft hyphen shows only where the line breaks, and only if it fits. */
  shy = shy && width + u[end - 1].hyphen <= box->width + 1e-9;
  if (shy)
    width += u[end - 1].hyphen;

  x = box->x;
  if (box->align == ETHOS_ALIGN_CENTER)
    x += (box->width - width) / 2;
  else if (box->align == ETHOS_ALIGN_RIGHT)
    x += box->width - width;

  _ethos_layout_add_slice (self, first ? box->space_before : 0,
                          leading + (blank ? BLANK_EXTRA_HEIGHT : 0));

  g_string_truncate (self->scratch, 0);
  for (guint i = start; i < draw_end; i++)
    {
      if (u[i].flags & (UNIT_INVISIBLE | UNIT_BLANK) ||
          (run_face != NULL && (u[i].face != run_face ||
                                !style_equal (&segs[u[i].seg].style, &segs[run_seg].style))))
        {
          if (run_face != NULL)
            add_text_op (self, self->pending_ops, &segs[run_seg].style, run_face, run_x, baseline,
                         run_w);
          run_face = NULL;
        }
      if (u[i].flags & UNIT_BLANK)
        emit_blank (self, &u[i], x, baseline);
      else if (!(u[i].flags & UNIT_INVISIBLE))
        {
          if (run_face == NULL)
            {
              run_face = u[i].face;
              run_seg = u[i].seg;
              run_x = x;
              run_w = 0;
            }
          g_string_append_len (self->scratch, u[i].src, u[i].src_len);
          run_w += u[i].adv;
        }
      x += u[i].adv;
    }
  if (shy)
    {
      /* The hyphen is measured in the primary face: drawn in it too. */
      EthosFontFace *primary = ethos_fonts_get_primary (self->fonts,
                                                        segs[u[end - 1].seg].style.bold);

      if (run_face != NULL && (run_face != primary ||
                               !style_equal (&segs[run_seg].style, &segs[u[end - 1].seg].style)))
        {
          add_text_op (self, self->pending_ops, &segs[run_seg].style, run_face, run_x, baseline,
                       run_w);
          run_face = NULL;
        }
      if (run_face == NULL)
        {
          run_face = primary;
          run_seg = u[end - 1].seg;
          run_x = x;
          run_w = 0;
        }
      g_string_append_c (self->scratch, '-');
      run_w += u[end - 1].hyphen;
    }
  if (run_face != NULL)
    add_text_op (self, self->pending_ops, &segs[run_seg].style, run_face, run_x, baseline, run_w);

  if (first)
    for (guint k = 0; k < box->n_first_line_ops; k++)
      {
        EthosOp op = box->first_line_ops[k];

        op.y += baseline;
        op.y2 += baseline;
        op.block = self->block;
        g_array_append_val (self->pending_ops, op);
      }
}

gboolean
_ethos_layout_text (EthosLayout         *self,
                    const EthosSegment  *segments,
                    guint                n_segments,
                    const EthosTextBox  *box,
                    GError             **error)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));

  g_assert (n_segments > 0 && n_segments < G_MAXUINT16);

  g_array_set_size (self->units, 0);
  for (guint s = 0; s < n_segments; s++)
    if (!add_units (self, &segments[s], s, error))
      return FALSE;
  set_break_flags (self);
  break_lines (self, box->width, lines);

  for (guint l = 0; l < lines->len; l += 2)
    emit_line (self, segments, box, g_array_index (lines, guint, l),
               g_array_index (lines, guint, l + 1), l == 0);
  return TRUE;
}
