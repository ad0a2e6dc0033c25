/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ethos-layout.h"

G_BEGIN_DECLS

/* The cairo painter of the layout's ops: the live preview and printing.
 * It draws what the libharu painter (src/pdf) writes, op for op: each glyph
 * from the same font file the layout measured, at the layout's own advances
 * (Helvetica's metrics when the PDF uses the standard-14 fonts; Liberation
 * Sans draws them, as a PDF viewer substitutes it for Helvetica), no
 * hinting, no kerning, no shaping. No GTK here, so tests paint without a
 * display.
 *
 * Coordinates are the layout's: points, origin at the top-left corner of
 * the page, y growing downwards; scale @cr for a zoom or a printer. The
 * page is not filled: paint the paper first. Thread-safe: font faces are
 * cairo's, shared through a cache. */

gboolean ethos_cairo_paint_page (EthosLayout  *layout,
                                 guint         page,
                                 cairo_t      *cr,
                                 GError      **error);

G_END_DECLS
