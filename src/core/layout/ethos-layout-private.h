/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "ethos-fonts-private.h"
#include "ethos-layout.h"

G_BEGIN_DECLS

typedef struct
{
  double       size;
  double       leading;     /* line height */
  gboolean     bold;
  double       gray;
  EthosOpRole  role;
} EthosTextStyle;

typedef enum
{
  ETHOS_ALIGN_LEFT,
  ETHOS_ALIGN_CENTER,
  ETHOS_ALIGN_RIGHT,
} EthosAlign;

/* A piece of text to set: a span, a label, a value. @blank makes it an inline
 * fill-in line with @text as its caption. */
typedef struct
{
  const char      *text;
  EthosTextStyle   style;
  gboolean         blank;
} EthosSegment;

/* Where a paragraph goes, and ops to add to its first line (bullet, check
 * box, field label) with y relative to that line's baseline. */
typedef struct
{
  double          x;
  double          width;
  EthosAlign      align;
  double          space_before;
  const EthosOp  *first_line_ops;
  guint           n_first_line_ops;
} EthosTextBox;

/* A vertical slice of the flow: one line of text, a rule, a signature line.
 * Its ops (pending_ops[op_start, op_end)) have y relative to the slice top. */
typedef struct
{
  double    space_before;   /* dropped at the top of a page */
  double    height;
  guint     op_start;
  guint     op_end;
  gboolean  keep_next;      /* must be on the same page as the next slice */
} EthosLayoutSlice;

struct _EthosLayout
{
  EthosDocument  *doc;
  EthosFonts     *fonts;
  gboolean        standard14;
  double          page_width;
  double          page_height;
  double          margin_x;
  double          margin_top;
  double          content_bottom;
  double          content_width;

  GStringChunk   *strings;
  GArray         *pending_ops;  /* EthosOp */
  GArray         *slices;        /* EthosLayoutSlice */
  GPtrArray      *pages;        /* GArray of EthosOp */
  GPtrArray      *temps;        /* normalized strings */
  GArray         *units;        /* scratch for line breaking */
  GString        *scratch;
  GString        *break_text;   /* the units' text, for Pango's break rules */
  GArray         *log_attrs;    /* PangoLogAttr, one more than units */
  PangoLanguage  *language;
  guint           block;
  guint           keep_after;   /* slices still to keep with the previous one */

  /* Large print: every type size and the space that goes with it. */
  double          scale;
  const EthosTextStyle *style_bases[24];
  EthosTextStyle  styles[24];
  guint           n_styles;
};

/* @base scaled for this document (ethos-layout.c). The file-level styles
 * are written at normal size as "NAME_base"; NAME_style is the scaled one. */
const EthosTextStyle *_ethos_layout_style (EthosLayout          *self,
                                           const EthosTextStyle *base);
#define ETHOS_STYLE(name) (*_ethos_layout_style (self, &name##_base))
#define ETHOS_SCALED(points) ((points) * self->scale)

/* ethos-line-breaker.c */
GArray    *_ethos_layout_units_new    (void);
gboolean   _ethos_layout_text         (EthosLayout         *self,
                                       const EthosSegment  *segments,
                                       guint                n_segments,
                                       const EthosTextBox  *box,
                                       GError             **error);
/* One line, no wrapping, appended to @out with the baseline at @baseline. */
gboolean   _ethos_layout_single_line  (EthosLayout         *self,
                                       const char          *text,
                                       const EthosTextStyle *style,
                                       double               x,
                                       double               baseline,
                                       GArray              *out,
                                       GError             **error);
gboolean   _ethos_layout_measure      (EthosLayout         *self,
                                       const char          *text,
                                       const EthosTextStyle *style,
                                       double              *width,
                                       GError             **error);
EthosLayoutSlice *_ethos_layout_add_slice (EthosLayout       *self,
                                           double             space_before,
                                           double             height);
void       _ethos_layout_add_op       (EthosLayout         *self,
                                       const EthosOp       *op);

/* ethos-layout-blocks.c */
gboolean   _ethos_layout_blocks       (EthosLayout         *self,
                                       GError             **error);

G_END_DECLS
