/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-layout"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-error.h"
#include "ethos-layout-private.h"

#define MARGIN_X 54.0
#define MARGIN_TOP 50.0
#define FOOTER_BASELINE 34.0   /* from the bottom edge to the last footer line */
#define FOOTER_GAP 16.0        /* between the content and the footer rule */

static const EthosTextStyle footer_base = { 7.5, 9.5, FALSE, 0.35, ETHOS_ROLE_FOOTER };
#define footer_style ETHOS_STYLE (footer)
/* Large print keeps the footer readable too. */
#define FOOTER_MIN_LARGE 12.0

const EthosTextStyle *
_ethos_layout_style (EthosLayout          *self,
                     const EthosTextStyle *base)
{
  EthosTextStyle *style;

  for (guint i = 0; i < self->n_styles; i++)
    if (self->style_bases[i] == base)
      return &self->styles[i];
  g_assert (self->n_styles < G_N_ELEMENTS (self->styles));
  style = &self->styles[self->n_styles];
  self->style_bases[self->n_styles++] = base;
  *style = *base;
  style->size *= self->scale;
  style->leading *= self->scale;
  if (self->scale > 1 && base == &footer_base && style->size < FOOTER_MIN_LARGE)
    {
      style->leading *= FOOTER_MIN_LARGE / style->size;
      style->size = FOOTER_MIN_LARGE;
    }
  return style;
}

EthosLayoutSlice *
_ethos_layout_add_slice (EthosLayout *self,
                         double       space_before,
                         double       height)
{
  EthosLayoutSlice slice = {
    .space_before = space_before,
    .height = height,
    .op_start = self->pending_ops->len,
    .op_end = G_MAXUINT,
  };

  if (self->slices->len > 0)
    {
      EthosLayoutSlice *prev = &g_array_index (self->slices, EthosLayoutSlice,
                                               self->slices->len - 1);

      prev->op_end = self->pending_ops->len;
      if (self->keep_after > 0)
        {
          prev->keep_next = TRUE;
          self->keep_after--;
        }
    }
  g_array_append_val (self->slices, slice);
  return &g_array_index (self->slices, EthosLayoutSlice, self->slices->len - 1);
}

void
_ethos_layout_add_op (EthosLayout   *self,
                      const EthosOp *op)
{
  EthosOp copy = *op;

  copy.block = self->block;
  g_array_append_val (self->pending_ops, copy);
}

/* "Page %u of %u" comes from a translation or a template: substituted by
 * hand, never used as a printf format. */
static char *
format_page_label (const char *format,
                   guint       page,
                   guint       n_pages)
{
  GString *out = g_string_new (NULL);
  guint seen = 0;

  for (const char *p = format; *p != 0; p++)
    {
      if (p[0] == '%' && (p[1] == 'u' || p[1] == 'd'))
        {
          g_string_append_printf (out, "%u", seen++ == 0 ? page : n_pages);
          p++;
        }
      else if (p[0] == '%' && p[1] == '%')
        {
          g_string_append_c (out, '%');
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static const char *
page_format (EthosLayout *self)
{
  return self->doc->page_format != NULL ? self->doc->page_format : "Page %u of %u";
}

static gboolean
fits (const char *text)
{
  return text == NULL || ethos_unicode_fits_winansi (text);
}

/* Standard-14 fonts only when every character the pages will show fits. */
static gboolean
document_fits_winansi (EthosDocument *doc,
                       const char    *page_label)
{
  if (!fits (doc->footer) || !fits (page_label) || !fits (doc->running_title) ||
      !fits (doc->running_label) || !fits (doc->running_value))
    return FALSE;
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const EthosBlock *block = g_ptr_array_index (doc->blocks, i);

      for (guint s = 0; s < block->spans->len; s++)
        if (!fits (((EthosSpan *) g_ptr_array_index (block->spans, s))->text))
          return FALSE;
      for (guint l = 0; block->lines != NULL && block->lines[l] != NULL; l++)
        if (!fits (block->lines[l]))
          return FALSE;
      if (!fits (block->label) || !fits (block->value) || !fits (block->note) ||
          !fits (block->name_caption) || !fits (block->date_caption))
        return FALSE;
    }
  return TRUE;
}

/* Slices from @first on → ops in @out with y from the first line's top;
 * returns the height. The slices and their pending ops are dropped. */
static double
take_slices (EthosLayout *self,
             guint        first,
             guint        op_first,
             GArray      *out)
{
  double y = 0;

  for (guint i = first; i < self->slices->len; i++)
    {
      EthosLayoutSlice *slice = &g_array_index (self->slices, EthosLayoutSlice, i);
      guint end = i + 1 < self->slices->len
                    ? g_array_index (self->slices, EthosLayoutSlice, i + 1).op_start
                    : self->pending_ops->len;

      for (guint k = slice->op_start; k < end; k++)
        {
          EthosOp op = g_array_index (self->pending_ops, EthosOp, k);

          op.y += y;
          op.y2 += y;
          op.block = ETHOS_LAYOUT_NO_BLOCK;
          g_array_append_val (out, op);
        }
      y += slice->height;
    }
  g_array_set_size (self->slices, first);
  g_array_set_size (self->pending_ops, op_first);
  return y;
}

/* The line at the top of every page but the first: "Informed Consent for
 * Services · Client name: Lucía Pérez" (or a fill-in line), so that a page
 * with signatures names the form and the client even when it comes loose.
 * @out gets ops with y from the top of the header; @height its height. */
static gboolean
layout_running_header (EthosLayout  *self,
                       GArray       *out,
                       double       *height,
                       GError      **error)
{
  EthosDocument *doc = self->doc;
  g_autofree char *lead = NULL;
  EthosSegment segs[2] = { { 0 } };
  EthosTextBox box = { .x = self->margin_x, .width = self->content_width };
  guint first = self->slices->len, op_first = self->pending_ops->len;

  *height = 0;
  if (doc->running_title == NULL)
    return TRUE;
  lead = doc->running_label != NULL
    ? g_strdup_printf ("%s · %s: ", doc->running_title, doc->running_label)
    : g_strdup (doc->running_title);
  segs[0].text = lead;
  segs[0].style = footer_style;
  segs[1].text = doc->running_value != NULL ? doc->running_value
                                             : (doc->running_label ? doc->running_label : "");
  segs[1].style = footer_style;
  segs[1].style.role = doc->running_value != NULL ? ETHOS_ROLE_VALUE : ETHOS_ROLE_FOOTER;
  segs[1].blank = doc->running_value == NULL;
  if (!_ethos_layout_text (self, segs, doc->running_label != NULL ? 2 : 1, &box, error))
    return FALSE;
  *height = take_slices (self, first, op_first, out);
  return TRUE;
}

/* Lays out the footer once (the same on every page) into @footer, with y
 * relative to the last line's baseline; returns the height above it. */
static gboolean
layout_footer (EthosLayout  *self,
               GArray       *footer,
               double       *height,
               GError      **error)
{
  g_autofree char *widest = format_page_label (page_format (self), 8888, 8888);
  double label_w = 0;
  guint first = self->slices->len, op_first = self->pending_ops->len;
  double y = 0, last_baseline = 0;

  if (!_ethos_layout_measure (self, widest, &footer_style, &label_w, error))
    return FALSE;
  if (self->doc->footer != NULL && self->doc->footer[0] != 0)
    {
      EthosSegment seg = { .text = self->doc->footer, .style = footer_style };
      EthosTextBox box = { .x = self->margin_x, .width = self->content_width - label_w - 18 };

      if (!_ethos_layout_text (self, &seg, 1, &box, error))
        return FALSE;
    }

  /* Slices → ops with absolute offsets from the first line's top. */
  for (guint i = first; i < self->slices->len; i++)
    {
      EthosLayoutSlice *slice = &g_array_index (self->slices, EthosLayoutSlice, i);
      guint end = i + 1 < self->slices->len
                    ? g_array_index (self->slices, EthosLayoutSlice, i + 1).op_start
                    : self->pending_ops->len;

      for (guint k = slice->op_start; k < end; k++)
        {
          EthosOp op = g_array_index (self->pending_ops, EthosOp, k);

          op.y += y;
          op.y2 += y;
          op.block = ETHOS_LAYOUT_NO_BLOCK;
          g_array_append_val (footer, op);
        }
      last_baseline = y + footer_style.leading * 0.5 + footer_style.size * 0.35;
      y += slice->height;
    }
  g_array_set_size (self->slices, first);
  g_array_set_size (self->pending_ops, op_first);

  for (guint k = 0; k < footer->len; k++)
    {
      g_array_index (footer, EthosOp, k).y -= last_baseline;
      g_array_index (footer, EthosOp, k).y2 -= last_baseline;
    }
  *height = last_baseline + footer_style.size;
  return TRUE;
}

static GArray *
new_page (EthosLayout *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (EthosOp));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
place_slice (EthosLayout            *self,
             GArray                 *page,
             const EthosLayoutSlice *slice,
             double                  top)
{
  for (guint k = slice->op_start; k < slice->op_end; k++)
    {
      EthosOp op = g_array_index (self->pending_ops, EthosOp, k);

      op.y += top;
      op.y2 += top;
      g_array_append_val (page, op);
    }
}

/* Slices → pages. A chain of slices joined by keep_next moves to a new page
 * when it does not fit; a chain taller than a page flows line by line. */
static void
paginate (EthosLayout *self)
{
  EthosLayoutSlice *slices = (EthosLayoutSlice *) (void *) self->slices->data;
  guint n = self->slices->len;
  double top = self->margin_top, bottom = self->content_bottom;
  double page_h = bottom - top;
  GArray *page = new_page (self);
  gboolean empty = TRUE;
  double y = top;
  guint flow_until = 0;
  gboolean flowing = FALSE;

  if (n > 0)
    slices[n - 1].op_end = self->pending_ops->len;

  for (guint i = 0; i < n; i++)
    {
      double before = empty ? 0 : slices[i].space_before;

      if (flowing && i > flow_until)
        flowing = FALSE;
      if (!flowing)
        {
          double h = before + slices[i].height;
          guint j = i;

          while (slices[j].keep_next && j + 1 < n && h <= page_h)
            {
              j++;
              h += slices[j].space_before + slices[j].height;
            }
          if (y + h > bottom && !empty)
            {
              page = new_page (self);
              y = top;
              h -= before;
              before = 0;
              empty = TRUE;
            }
          if (h > page_h)
            {
              flowing = TRUE;
              flow_until = j;
            }
        }
      if (!empty && y + before + slices[i].height > bottom)
        {
          page = new_page (self);
          y = top;
          before = 0;
          empty = TRUE;
        }
      /* Space and empty slices vanish at the top of a page. */
      if (empty && slices[i].op_start == slices[i].op_end)
        continue;
      place_slice (self, page, &slices[i], y + before);
      y += before + slices[i].height;
      empty = FALSE;
    }
}

static gboolean
add_footers (EthosLayout  *self,
             GArray       *footer,
             GArray       *header,
             double        header_h,
             GError      **error)
{
  guint n_pages = self->pages->len;
  double baseline = self->page_height - FOOTER_BASELINE;
  /* In the top margin, clear of the content; a header that would not fit
   * there (a name of thousands of characters) is left out. */
  double header_top = self->margin_top - header_h - 6;

  for (guint p = 0; p < n_pages; p++)
    {
      GArray *page = g_ptr_array_index (self->pages, p);
      g_autofree char *label = format_page_label (page_format (self), p + 1, n_pages);
      double label_w = 0;
      guint first = page->len;

      for (guint k = 0; p > 0 && header_top >= 8 && k < header->len; k++)
        {
          EthosOp op = g_array_index (header, EthosOp, k);

          op.y += header_top;
          op.y2 += header_top;
          g_array_append_val (page, op);
        }

      for (guint k = 0; k < footer->len; k++)
        {
          EthosOp op = g_array_index (footer, EthosOp, k);

          op.y += baseline;
          op.y2 += baseline;
          g_array_append_val (page, op);
        }
      if (!_ethos_layout_measure (self, label, &footer_style, &label_w, error) ||
          !_ethos_layout_single_line (self, label, &footer_style,
                                      self->margin_x + self->content_width - label_w, baseline,
                                      page, error))
        return FALSE;
      for (guint k = first; k < page->len; k++)
        g_array_index (page, EthosOp, k).block = ETHOS_LAYOUT_NO_BLOCK;
    }
  return TRUE;
}

EthosLayout *
ethos_layout_new (EthosDocument  *doc,
                  EthosFonts     *fonts,
                  GError        **error)
{
  g_autoptr(EthosLayout) self = NULL;
  g_autoptr(GArray) footer = NULL;
  g_autoptr(GArray) header = NULL;
  g_autofree char *sample_label = NULL;
  double footer_h = 0, header_h = 0;
  gboolean ok;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (fonts != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (EthosLayout, 1);
  self->doc = doc;
  self->fonts = fonts;
  self->strings = g_string_chunk_new (4096);
  self->pending_ops = g_array_new (FALSE, FALSE, sizeof (EthosOp));
  self->slices = g_array_new (FALSE, FALSE, sizeof (EthosLayoutSlice));
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->temps = g_ptr_array_new_with_free_func (g_free);
  self->units = _ethos_layout_units_new ();
  self->scratch = g_string_new (NULL);
  self->break_text = g_string_new (NULL);
  self->log_attrs = g_array_new (FALSE, TRUE, sizeof (PangoLogAttr));
  self->language = pango_language_from_string (doc->lang != NULL ? doc->lang : "en");
  self->block = ETHOS_LAYOUT_NO_BLOCK;
  self->scale = doc->scale >= 1 && doc->scale <= 3 ? doc->scale : 1;

  ethos_paper_get_size (doc->paper, &self->page_width, &self->page_height);
  self->margin_x = MARGIN_X;
  self->margin_top = MARGIN_TOP;
  self->content_width = self->page_width - 2 * MARGIN_X;

  sample_label = format_page_label (page_format (self), 1, 1);
  self->standard14 = document_fits_winansi (doc, sample_label);

  footer = g_array_new (FALSE, FALSE, sizeof (EthosOp));
  header = g_array_new (FALSE, FALSE, sizeof (EthosOp));
  _ethos_fonts_lock (fonts);
  ok = layout_footer (self, footer, &footer_h, error) &&
       layout_running_header (self, header, &header_h, error);
  if (ok)
    {
      EthosOp rule = {
        .kind = ETHOS_OP_LINE, .role = ETHOS_ROLE_RULE, .block = ETHOS_LAYOUT_NO_BLOCK,
        .x = self->margin_x, .x2 = self->margin_x + self->content_width,
        .y = -footer_h - 4, .y2 = -footer_h - 4, .line_width = 0.5, .gray = 0.6,
      };

      g_array_append_val (footer, rule);
      self->content_bottom = self->page_height - FOOTER_BASELINE - footer_h - 4 - FOOTER_GAP;
      ok = _ethos_layout_blocks (self, error);
    }
  if (ok)
    {
      paginate (self);
      ok = add_footers (self, footer, header, header_h, error);
    }
  _ethos_fonts_unlock (fonts);
  if (!ok)
    return NULL;

  /* Only the pages are kept. */
  g_clear_pointer (&self->pending_ops, g_array_unref);
  g_clear_pointer (&self->slices, g_array_unref);
  g_clear_pointer (&self->units, g_array_unref);
  g_clear_pointer (&self->log_attrs, g_array_unref);
  return g_steal_pointer (&self);
}

void
ethos_layout_free (EthosLayout *layout)
{
  if (layout == NULL)
    return;
  g_clear_pointer (&layout->strings, g_string_chunk_free);
  g_clear_pointer (&layout->pending_ops, g_array_unref);
  g_clear_pointer (&layout->slices, g_array_unref);
  g_clear_pointer (&layout->pages, g_ptr_array_unref);
  g_clear_pointer (&layout->temps, g_ptr_array_unref);
  g_clear_pointer (&layout->units, g_array_unref);
  g_clear_pointer (&layout->log_attrs, g_array_unref);
  if (layout->scratch != NULL)
    g_string_free (layout->scratch, TRUE);
  if (layout->break_text != NULL)
    g_string_free (layout->break_text, TRUE);
  g_free (layout);
}

guint
ethos_layout_get_n_pages (EthosLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->pages->len;
}

void
ethos_layout_get_page_size (EthosLayout *layout,
                            double      *width,
                            double      *height)
{
  g_return_if_fail (layout != NULL);
  if (width != NULL)
    *width = layout->page_width;
  if (height != NULL)
    *height = layout->page_height;
}

const EthosOp *
ethos_layout_get_ops (EthosLayout *layout,
                      guint        page,
                      guint       *n_ops)
{
  GArray *ops;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (page < layout->pages->len, NULL);

  ops = g_ptr_array_index (layout->pages, page);
  if (n_ops != NULL)
    *n_ops = ops->len;
  return (const EthosOp *) (const void *) ops->data;
}

gboolean
ethos_layout_uses_standard_fonts (EthosLayout *layout)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  return layout->standard14;
}

