/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-document.h"
#include "ethos-fonts.h"

G_BEGIN_DECLS

/* Device-independent pages: positioned text runs, lines, rectangles and
 * images, in points, origin at the TOP-LEFT corner of the page, y growing
 * downwards (a PDF painter flips y). Every painter draws these ops as they
 * are, so the preview is the PDF. */

typedef struct _EthosLayout EthosLayout;

typedef enum
{
  ETHOS_OP_TEXT,    /* @text in @face at @size, baseline origin (@x, @y) */
  ETHOS_OP_LINE,    /* from (@x, @y) to (@x2, @y2), @line_width */
  ETHOS_OP_RECT,    /* stroked rectangle: top-left (@x, @y), @width × @height */
  ETHOS_OP_IMAGE,   /* @image scaled into top-left (@x, @y), @width × @height */
} EthosOpKind;

/* What an op shows: for tests, the preview's hit testing and accessibility. */
typedef enum
{
  ETHOS_ROLE_HEADER,      /* letterhead text, logo and rule */
  ETHOS_ROLE_TITLE,
  ETHOS_ROLE_HEADING,
  ETHOS_ROLE_BODY,        /* template text */
  ETHOS_ROLE_VALUE,       /* a value the user typed (ETHOS_SPAN_VALUE, field and
                           * signature values) */
  ETHOS_ROLE_LABEL,       /* field labels */
  ETHOS_ROLE_CAPTION,     /* small type under fill-in and signature lines */
  ETHOS_ROLE_BLANK,       /* fill-in lines */
  ETHOS_ROLE_CHECKBOX,    /* boxes and their crosses */
  ETHOS_ROLE_SIGNATURE,   /* signature and date lines */
  ETHOS_ROLE_BULLET,
  ETHOS_ROLE_RULE,        /* decorative rules */
  ETHOS_ROLE_FOOTER,      /* footer text and "Page N of M" */
} EthosOpRole;

#define ETHOS_LAYOUT_NO_BLOCK G_MAXUINT

typedef struct
{
  EthosOpKind        kind;
  EthosOpRole        role;
  guint              block;        /* index in doc->blocks, or ETHOS_LAYOUT_NO_BLOCK */
  double             x, y;
  double             x2, y2;       /* LINE: end point */
  double             width;        /* TEXT: advance width; RECT, IMAGE */
  double             height;       /* RECT, IMAGE */
  double             line_width;   /* LINE, RECT */
  double             gray;         /* colour: 0 black … 1 white (text fill, strokes) */
  EthosFontFace     *face;         /* TEXT */
  double             size;         /* TEXT: points */
  const char        *text;         /* TEXT: UTF-8, every character drawn with @face */
  const EthosImage  *image;        /* IMAGE: the document's logo */
} EthosOp;

/* Lays @doc out. The layout points into @doc (the logo) and @fonts (faces):
 * it must not outlive either. Text that cannot be printed correctly fails
 * with the message of ethos_fonts_check_text(). */
EthosLayout    *ethos_layout_new                (EthosDocument  *doc,
                                                 EthosFonts     *fonts,
                                                 GError        **error);
void            ethos_layout_free               (EthosLayout    *layout);

guint           ethos_layout_get_n_pages        (EthosLayout    *layout);
void            ethos_layout_get_page_size      (EthosLayout    *layout,
                                                 double         *width,
                                                 double         *height);
const EthosOp  *ethos_layout_get_ops            (EthosLayout    *layout,
                                                 guint           page,
                                                 guint          *n_ops);
/* TRUE when every character fits WinAnsi: the PDF uses the standard-14
 * Helvetica (no embedding) and advances are Helvetica's; pass this to
 * ethos_font_face_get_advance() to place glyphs. */
gboolean        ethos_layout_uses_standard_fonts (EthosLayout   *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosLayout, ethos_layout_free)

G_END_DECLS
