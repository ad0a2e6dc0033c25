/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A standalone TrueType font holding only the glyphs a document uses, for
 * libharu to embed: libharu 2.3 parses and writes a whole font per document
 * (tens of milliseconds, hundreds of KB for CJK fonts), and drops components
 * of nested composite glyphs ("Nguyễn" → "Nguyen" in DejaVu Sans). The
 * subset keeps every outline and advance, flattens nested composites into
 * one level, and maps @chars to their glyphs with a format 4 cmap.
 *
 * @file/@index: the font (a .ttc face by index); @glyphs[i] is the glyph of
 * @chars[i] in that font (from FreeType). */
GBytes *_ethos_ttf_subset (const char      *file,
                           guint            index,
                           const gunichar  *chars,
                           const guint     *glyphs,
                           guint            n_chars,
                           GError         **error);

G_END_DECLS
