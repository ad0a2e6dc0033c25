/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-layout"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-error.h"
#include "ethos-layout-private.h"

/* Blocks → slices: the typography of a form. */

static const EthosTextStyle body_base = { 10, 14, FALSE, 0, ETHOS_ROLE_BODY };
static const EthosTextStyle value_base = { 10, 14, FALSE, 0, ETHOS_ROLE_VALUE };
static const EthosTextStyle title_base = { 17, 21, TRUE, 0, ETHOS_ROLE_TITLE };
static const EthosTextStyle heading_base = { 11.5, 15, TRUE, 0, ETHOS_ROLE_HEADING };
static const EthosTextStyle header_name_base = { 13, 16, TRUE, 0, ETHOS_ROLE_HEADER };
static const EthosTextStyle header_line_base = { 8.5, 11, FALSE, 0.3, ETHOS_ROLE_HEADER };
static const EthosTextStyle label_base = { 10, 14, TRUE, 0, ETHOS_ROLE_LABEL };
static const EthosTextStyle caption_base = { 7.5, 10, FALSE, 0.35, ETHOS_ROLE_CAPTION };
static const EthosTextStyle note_base = { 9, 15, FALSE, 0.2, ETHOS_ROLE_BODY };
static const EthosTextStyle bullet_base = { 10, 14, FALSE, 0, ETHOS_ROLE_BULLET };

#define body_style ETHOS_STYLE (body)
#define value_style ETHOS_STYLE (value)
#define title_style ETHOS_STYLE (title)
#define heading_style ETHOS_STYLE (heading)
#define header_name_style ETHOS_STYLE (header_name)
#define header_line_style ETHOS_STYLE (header_line)
#define label_style ETHOS_STYLE (label)
#define caption_style ETHOS_STYLE (caption)
#define note_style ETHOS_STYLE (note)
#define bullet_style ETHOS_STYLE (bullet)

#define LOGO_MAX_HEIGHT 54.0
#define LOGO_MAX_WIDTH 180.0
#define INDENT ETHOS_SCALED (18.0)
#define BOX_SIZE ETHOS_SCALED (8.5)
#define SIGN_SPACE ETHOS_SCALED (30.0)
#define SIGN_LINE_FRACTION 0.58
#define DATE_FRACTION 0.64

static double
baseline_of (const EthosTextStyle *style)
{
  return style->leading * 0.5 + style->size * 0.35;
}

static EthosLayoutSlice *
slice_at (EthosLayout *self,
          guint        index)
{
  return &g_array_index (self->slices, EthosLayoutSlice, index);
}

/* Slices [first, end) stay on one page. */
static void
keep_together (EthosLayout *self,
               guint        first)
{
  for (guint i = first; i + 1 < self->slices->len; i++)
    slice_at (self, i)->keep_next = TRUE;
}

/* No first line alone at a page bottom, no last line alone at a page top. */
static void
keep_orphans (EthosLayout *self,
              guint        first)
{
  guint n = self->slices->len - first;

  if (n >= 2)
    slice_at (self, first)->keep_next = TRUE;
  if (n >= 3)
    slice_at (self, self->slices->len - 2)->keep_next = TRUE;
}

static void
add_segments (GArray               *segs,
              const EthosBlock     *block,
              guint                 start,
              guint                 end,
              const EthosTextStyle *text_style,
              const EthosTextStyle *value)
{
  for (guint i = start; i < end; i++)
    {
      const EthosSpan *span = g_ptr_array_index (block->spans, i);
      EthosSegment seg = { .text = span->text, .style = *text_style };

      if (span->kind == ETHOS_SPAN_VALUE)
        seg.style = *value;
      else if (span->kind == ETHOS_SPAN_BLANK)
        seg.blank = TRUE;
      g_array_append_val (segs, seg);
    }
}

static gboolean layout_plain_caption (EthosLayout         *self,
                                      const char          *text,
                                      const EthosTextBox  *box,
                                      GError             **error);

/* @rows full-width writing lines for a multi-line field left blank, the
 * field's label small under the last one. */
static gboolean
layout_rows (EthosLayout      *self,
             const EthosSpan  *span,
             double            x,
             double            width,
             double            space_before,
             GError          **error)
{
  const double row = ETHOS_SCALED (22);
  guint first = self->slices->len;
  EthosOp line = {
    .kind = ETHOS_OP_LINE, .role = ETHOS_ROLE_BLANK, .x = x, .x2 = x + width,
    .y = row - ETHOS_SCALED (3), .y2 = row - ETHOS_SCALED (3), .line_width = 0.6,
  };

  for (guint r = 0; r < span->rows; r++)
    {
      _ethos_layout_add_slice (self, r == 0 ? space_before : 0, row);
      _ethos_layout_add_op (self, &line);
    }
  {
    EthosTextBox box = { .x = x, .width = width };

    if (!layout_plain_caption (self, span->text, &box, error))
      return FALSE;
  }
  keep_together (self, first);
  return TRUE;
}

static gboolean
spans_have_words (const EthosBlock *block,
                  guint             start,
                  guint             end)
{
  for (guint i = start; i < end; i++)
    {
      const EthosSpan *span = g_ptr_array_index (block->spans, i);

      if (span->kind != ETHOS_SPAN_TEXT)
        return TRUE;
      for (const char *p = span->text; *p != 0; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          return TRUE;
    }
  return FALSE;
}

static gboolean
layout_spans (EthosLayout          *self,
              const EthosBlock     *block,
              const EthosTextStyle *style,
              const EthosTextBox   *box,
              GError              **error)
{
  g_autoptr(GArray) segs = g_array_new (FALSE, FALSE, sizeof (EthosSegment));
  const EthosTextStyle *value = style->role == ETHOS_ROLE_BODY ? &value_style : style;
  EthosTextBox rest = *box;
  guint start = 0;

  for (guint i = 0; i <= block->spans->len; i++)
    {
      const EthosSpan *span = i < block->spans->len ? g_ptr_array_index (block->spans, i) : NULL;

      if (span != NULL && !(span->kind == ETHOS_SPAN_BLANK && span->rows > 0))
        continue;
      /* The text before a block of writing lines, then the lines; what the
       * sentence had after the blank ("contact: {field}.") is only its
       * punctuation, and would stand alone under the lines. */
      if (start > 0 && !spans_have_words (block, start, i))
        start = i;
      add_segments (segs, block, start, i, style, value);
      if (segs->len > 0 &&
          !_ethos_layout_text (self, (EthosSegment *) (void *) segs->data, segs->len, &rest,
                               error))
        return FALSE;
      if (segs->len > 0)
        {
          rest.space_before = ETHOS_SCALED (2);
          rest.first_line_ops = NULL;
          rest.n_first_line_ops = 0;
        }
      g_array_set_size (segs, 0);
      if (span != NULL &&
          !layout_rows (self, span, self->margin_x, self->content_width, rest.space_before, error))
        return FALSE;
      if (span != NULL)
        rest.space_before = ETHOS_SCALED (4);
      start = i + 1;
    }
  return TRUE;
}

static gboolean
layout_plain (EthosLayout          *self,
              const char           *text,
              const EthosTextStyle *style,
              const EthosTextBox   *box,
              GError              **error)
{
  EthosSegment seg = { .text = text, .style = *style };

  return _ethos_layout_text (self, &seg, 1, box, error);
}

static gboolean
layout_plain_caption (EthosLayout         *self,
                      const char          *text,
                      const EthosTextBox  *box,
                      GError             **error)
{
  return layout_plain (self, text, &caption_style, box, error);
}

static gboolean
layout_header (EthosLayout       *self,
               const EthosBlock  *block,
               GError           **error)
{
  const EthosImage *logo = self->doc->logo;
  guint first = self->slices->len;
  double text_x = self->margin_x, logo_h = 0, text_h = 0, rule_pad;
  EthosOp logo_op = { .kind = ETHOS_OP_IMAGE, .role = ETHOS_ROLE_HEADER };
  gboolean logo_pending = FALSE;

  if (logo != NULL && logo->width > 0 && logo->height > 0)
    {
      double scale = MIN (LOGO_MAX_HEIGHT / logo->height, LOGO_MAX_WIDTH / logo->width);

      logo_op.x = self->margin_x;
      logo_op.width = logo->width * scale;
      logo_op.height = logo_h = logo->height * scale;
      logo_op.image = logo;
      text_x += logo_op.width + 14;
      logo_pending = TRUE;
    }

  for (guint i = 0; block->lines != NULL && block->lines[i] != NULL; i++)
    {
      const EthosTextStyle *style = i == 0 ? &header_name_style : &header_line_style;
      EthosTextBox box = {
        .x = text_x, .width = self->margin_x + self->content_width - text_x,
        .space_before = i == 1 ? 2 : 0,
      };

      if (logo_pending)
        {
          logo_op.y = -baseline_of (style);
          box.first_line_ops = &logo_op;
          box.n_first_line_ops = 1;
          logo_pending = FALSE;
        }
      if (!layout_plain (self, block->lines[i], style, &box, error))
        return FALSE;
    }
  if (logo_pending)
    {
      _ethos_layout_add_slice (self, 0, 0);
      logo_op.y = 0;
      _ethos_layout_add_op (self, &logo_op);
    }

  for (guint i = first; i < self->slices->len; i++)
    text_h += slice_at (self, i)->space_before + slice_at (self, i)->height;
  rule_pad = MAX (0, logo_h - text_h) + 8;
  _ethos_layout_add_slice (self, 0, rule_pad + 4);
  {
    EthosOp rule = {
      .kind = ETHOS_OP_LINE, .role = ETHOS_ROLE_RULE,
      .x = self->margin_x, .y = rule_pad, .x2 = self->margin_x + self->content_width,
      .y2 = rule_pad, .line_width = 0.75, .gray = 0.55,
    };
    _ethos_layout_add_op (self, &rule);
  }
  keep_together (self, first);
  return TRUE;
}

/* Boxes are drawn, never printed as "☐": box glyphs are not in every font. */
static void
add_box_ops (EthosLayout *self,
             GArray      *out,
             double       x,
             double       y_top,
             gboolean     checked)
{
  EthosOp box = {
    .kind = ETHOS_OP_RECT, .role = ETHOS_ROLE_CHECKBOX, .x = x, .y = y_top,
    .width = BOX_SIZE, .height = BOX_SIZE, .line_width = 0.7 * self->scale, .gray = 0,
  };

  g_array_append_val (out, box);
  if (checked)
    {
      EthosOp a = {
        .kind = ETHOS_OP_LINE, .role = ETHOS_ROLE_CHECKBOX, .x = x + 1.6, .y = y_top + 1.6,
        .x2 = x + BOX_SIZE - 1.6, .y2 = y_top + BOX_SIZE - 1.6, .line_width = 0.9 * self->scale,
      };
      EthosOp b = a;

      b.y = a.y2;
      b.y2 = a.y;
      g_array_append_val (out, a);
      g_array_append_val (out, b);
    }
}

static gboolean
layout_heading (EthosLayout       *self,
                const EthosBlock  *block,
                double             space_before,
                GError           **error)
{
  g_autoptr(GArray) extra = g_array_new (FALSE, FALSE, sizeof (EthosOp));
  EthosTextBox box = { .x = self->margin_x, .width = self->content_width,
                       .space_before = space_before };
  guint first = self->slices->len;

  if (block->note != NULL && block->note[0] != 0)
    {
      const char *note = block->note;
      double note_w = 0, x;

      if (!_ethos_layout_measure (self, note, &note_style, &note_w, error))
        return FALSE;
      note_w = MIN (note_w, self->content_width * 0.4);
      x = self->margin_x + self->content_width - note_w;
      if (!_ethos_layout_single_line (self, note, &note_style, x, 0, extra, error))
        return FALSE;
      if (block->has_box)
        {
          x -= BOX_SIZE + ETHOS_SCALED (4);
          add_box_ops (self, extra, x, -BOX_SIZE + 0.5, FALSE);
        }
      box.width = x - 12 - self->margin_x;
      box.first_line_ops = (const EthosOp *) (const void *) extra->data;
      box.n_first_line_ops = extra->len;
    }
  if (!layout_spans (self, block, &heading_style, &box, error))
    return FALSE;
  keep_together (self, first);
  if (self->slices->len > first)
    {
      slice_at (self, self->slices->len - 1)->keep_next = TRUE;
      self->keep_after = 2;
    }
  return TRUE;
}

static gboolean
layout_marked (EthosLayout       *self,
               const EthosBlock  *block,
               double             space_before,
               GError           **error)
{
  g_autoptr(GArray) extra = g_array_new (FALSE, FALSE, sizeof (EthosOp));
  EthosTextBox box = {
    .x = self->margin_x + INDENT, .width = self->content_width - INDENT,
    .space_before = space_before,
  };
  guint first = self->slices->len;

  if (block->kind == ETHOS_BLOCK_BULLET)
    {
      if (!_ethos_layout_single_line (self, "•", &bullet_style, self->margin_x + ETHOS_SCALED (6), 0, extra,
                                      error))
        return FALSE;
    }
  else
    add_box_ops (self, extra, self->margin_x + 2, -BOX_SIZE + 0.5, block->checked);
  box.first_line_ops = (const EthosOp *) (const void *) extra->data;
  box.n_first_line_ops = extra->len;

  if (block->spans->len == 0)
    {
      EthosSegment seg = { .text = "", .style = body_style };

      if (!_ethos_layout_text (self, &seg, 1, &box, error))
        return FALSE;
    }
  else if (!layout_spans (self, block, &body_style, &box, error))
    return FALSE;
  keep_orphans (self, first);
  return TRUE;
}

static char *
label_text (const char *label)
{
  gsize len = strlen (label);

  if (len == 0 || label[len - 1] == ':' || label[len - 1] == '?')
    return g_strdup (label);
  return g_strconcat (label, ":", NULL);
}

static gboolean
layout_field (EthosLayout       *self,
              const EthosBlock  *block,
              double             space_before,
              GError           **error)
{
  g_autofree char *label = label_text (block->label != NULL ? block->label : "");
  g_autoptr(GArray) extra = g_array_new (FALSE, FALSE, sizeof (EthosOp));
  EthosTextBox box = { .x = self->margin_x, .width = self->content_width,
                       .space_before = space_before };
  guint first = self->slices->len;
  double label_w = 0;
  double right = self->margin_x + self->content_width;

  if (!_ethos_layout_measure (self, label, &label_style, &label_w, error))
    return FALSE;

  if (label_w + 6 > self->content_width * 0.45)
    {
      /* A long label gets its own lines; the value goes under it. */
      if (!layout_plain (self, label, &label_style, &box, error))
        return FALSE;
      box.x += INDENT;
      box.width -= INDENT;
      box.space_before = 2;
    }
  else
    {
      if (!_ethos_layout_single_line (self, label, &label_style, self->margin_x, 0, extra, error))
        return FALSE;
      box.x += label_w + ETHOS_SCALED (6);
      box.width -= label_w + ETHOS_SCALED (6);
    }

  if (block->value != NULL && block->value[0] != 0)
    {
      box.first_line_ops = (const EthosOp *) (const void *) extra->data;
      box.n_first_line_ops = extra->len;
      if (!layout_plain (self, block->value, &value_style, &box, error))
        return FALSE;
    }
  else
    {
      /* A fill-in line with room to write above it. */
      EthosOp line = {
        .kind = ETHOS_OP_LINE, .role = ETHOS_ROLE_BLANK, .block = self->block,
        .x = box.x, .x2 = right, .line_width = 0.6,
      };
      double baseline = ETHOS_SCALED (6) + baseline_of (&label_style);

      _ethos_layout_add_slice (self, box.space_before, ETHOS_SCALED (22));
      line.y = line.y2 = baseline + ETHOS_SCALED (2.5);
      _ethos_layout_add_op (self, &line);
      for (guint k = 0; k < extra->len; k++)
        {
          EthosOp op = g_array_index (extra, EthosOp, k);

          op.y += baseline;
          op.block = self->block;
          _ethos_layout_add_op (self, &op);
        }
    }
  keep_orphans (self, first);
  return TRUE;
}

static gboolean
layout_signature (EthosLayout       *self,
                  const EthosBlock  *block,
                  double             space_before,
                  GError           **error)
{
  g_autoptr(GArray) extra = g_array_new (FALSE, FALSE, sizeof (EthosOp));
  g_autofree char *caption = NULL;
  double sign_w = self->content_width * SIGN_LINE_FRACTION;
  double date_x = self->margin_x + self->content_width * DATE_FRACTION;
  double right = self->margin_x + self->content_width;
  guint first = self->slices->len;
  EthosOp line = { .kind = ETHOS_OP_LINE, .role = ETHOS_ROLE_SIGNATURE, .line_width = 0.8 };
  EthosTextBox box = { .x = self->margin_x, .width = sign_w };

  /* Room to sign, then the signature and date lines. */
  _ethos_layout_add_slice (self, space_before, SIGN_SPACE + 2);
  line.x = self->margin_x;
  line.x2 = self->margin_x + sign_w;
  line.y = line.y2 = SIGN_SPACE;
  _ethos_layout_add_op (self, &line);
  line.x = date_x;
  line.x2 = right;
  _ethos_layout_add_op (self, &line);

  /* Captions: role (and "if applicable") under the signature, "Date" under the date. */
  if (block->note != NULL && block->note[0] != 0)
    caption = g_strdup_printf ("%s (%s)", block->label != NULL ? block->label : "", block->note);
  else
    caption = g_strdup (block->label != NULL ? block->label : "");
  if (block->date_caption != NULL &&
      !_ethos_layout_single_line (self, block->date_caption, &caption_style, date_x, 0, extra,
                                  error))
    return FALSE;
  box.first_line_ops = (const EthosOp *) (const void *) extra->data;
  box.n_first_line_ops = extra->len;
  if (!layout_plain (self, caption, &caption_style, &box, error))
    return FALSE;

  /* Printed name: the value above a line, or an empty line to print on. */
  box.first_line_ops = NULL;
  box.n_first_line_ops = 0;
  if (block->value != NULL && block->value[0] != 0)
    {
      box.space_before = ETHOS_SCALED (10);
      if (!layout_plain (self, block->value, &value_style, &box, error))
        return FALSE;
    }
  else
    _ethos_layout_add_slice (self, 0, ETHOS_SCALED (24));
  _ethos_layout_add_slice (self, 0, ETHOS_SCALED (2));
  line.role = ETHOS_ROLE_BLANK;
  line.line_width = 0.6;
  line.x = self->margin_x;
  line.x2 = self->margin_x + sign_w;
  line.y = line.y2 = 0;
  _ethos_layout_add_op (self, &line);
  box.space_before = 0;
  if (block->name_caption != NULL &&
      !layout_plain (self, block->name_caption, &caption_style, &box, error))
    return FALSE;

  keep_together (self, first);
  return TRUE;
}

static double
space_between (const EthosBlock *prev,
               const EthosBlock *block)
{
  EthosBlockKind before = prev != NULL ? prev->kind : ETHOS_BLOCK_SPACER;

  if (prev == NULL)
    return 0;
  switch (block->kind)
    {
    case ETHOS_BLOCK_TITLE:
      return 10;
    case ETHOS_BLOCK_HEADING:
      return before == ETHOS_BLOCK_TITLE ? 10 : 14;
    case ETHOS_BLOCK_PARAGRAPH:
      return before == ETHOS_BLOCK_HEADING ? 3 : 7;
    case ETHOS_BLOCK_BULLET:
    case ETHOS_BLOCK_CHECKBOX:
      return before == block->kind ? 3 : (before == ETHOS_BLOCK_HEADING ? 3 : 6);
    case ETHOS_BLOCK_FIELD:
      return before == ETHOS_BLOCK_FIELD ? 2 : 6;
    case ETHOS_BLOCK_SIGNATURE:
      return 16;
    case ETHOS_BLOCK_HEADER:
    case ETHOS_BLOCK_SPACER:
    default:
      return 0;
    }
}

gboolean
_ethos_layout_blocks (EthosLayout  *self,
                      GError      **error)
{
  const EthosBlock *prev = NULL;

  for (guint i = 0; i < self->doc->blocks->len; i++)
    {
      const EthosBlock *block = g_ptr_array_index (self->doc->blocks, i);
      double space = ETHOS_SCALED (space_between (prev, block));
      EthosTextBox box = { .x = self->margin_x, .width = self->content_width,
                           .space_before = space };
      guint first = self->slices->len;
      gboolean ok = TRUE;

      self->block = i;
      switch (block->kind)
        {
        case ETHOS_BLOCK_HEADER:
          ok = layout_header (self, block, error);
          break;
        case ETHOS_BLOCK_TITLE:
          box.align = ETHOS_ALIGN_CENTER;
          ok = layout_spans (self, block, &title_style, &box, error);
          keep_together (self, first);
          if (self->slices->len > first)
            self->keep_after = 1;
          break;
        case ETHOS_BLOCK_HEADING:
          ok = layout_heading (self, block, space, error);
          break;
        case ETHOS_BLOCK_PARAGRAPH:
          ok = layout_spans (self, block, &body_style, &box, error);
          keep_orphans (self, first);
          break;
        case ETHOS_BLOCK_BULLET:
        case ETHOS_BLOCK_CHECKBOX:
          ok = layout_marked (self, block, space, error);
          break;
        case ETHOS_BLOCK_FIELD:
          ok = layout_field (self, block, space, error);
          break;
        case ETHOS_BLOCK_SIGNATURE:
          ok = layout_signature (self, block, space, error);
          break;
        case ETHOS_BLOCK_SPACER:
          if (block->points > 0)
            _ethos_layout_add_slice (self, ETHOS_SCALED (MIN (block->points, 200)), 0);
          break;
        default:
          break;
        }
      if (!ok)
        return FALSE;
      /* The whole block goes with the next one (an empty spacer passes the
       * rule on); a chain taller than a page still flows. */
      if (block->keep_with_next)
        for (guint k = first; k < self->slices->len; k++)
          slice_at (self, k)->keep_next = TRUE;
      prev = block;
    }
  self->block = ETHOS_LAYOUT_NO_BLOCK;
  return TRUE;
}
