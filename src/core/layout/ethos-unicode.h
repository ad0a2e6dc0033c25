/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Unicode classification for printing, without fonts: what the layout does
 * with a character before any font is asked, and what Ethos refuses to print
 * (scripts that need shaping or right-to-left order, characters above U+FFFF,
 * control characters). Whether an installed font has a glyph is the fonts
 * module's question (ethos_fonts_check_text). */

typedef enum
{
  ETHOS_CHAR_PRINTABLE,
  ETHOS_CHAR_IGNORABLE,     /* invisible format characters: ZWJ, BOM, variation selectors… */
  ETHOS_CHAR_BREAK_HINT,    /* U+200B ZERO WIDTH SPACE, U+00AD SOFT HYPHEN: invisible break points */
  ETHOS_CHAR_LINE_BREAK,    /* \n, U+2028, U+2029 */
  ETHOS_CHAR_CONTROL,       /* other control characters, unassigned and private-use code points */
  ETHOS_CHAR_NEEDS_SHAPING, /* right-to-left or shaped scripts, bidi controls */
  ETHOS_CHAR_ASTRAL,        /* above U+FFFF: libharu 2.3 prints them as spaces */
} EthosCharClass;

EthosCharClass ethos_unicode_classify         (gunichar     ch);

/* Checks that @text is valid UTF-8 and holds no character Ethos refuses to
 * print, with a message naming them (ETHOS_ERROR_UNSUPPORTED for shaping and
 * astral characters, ETHOS_ERROR_INVALID_DATA for control characters and
 * invalid UTF-8). Fonts are not consulted. */
gboolean       ethos_unicode_check_printable  (const char  *text,
                                               GError     **error);

/* TRUE when @text only has characters of the WinAnsi (cp1252) encoding. */
gboolean       ethos_unicode_fits_winansi     (const char  *text);
/* The WinAnsi byte for @ch, or 0. */
guint8         ethos_unicode_winansi_byte     (gunichar     ch);

/* Appends “c” (U+XXXX) (or only (U+XXXX) without @show_glyph) to @out. */
void           ethos_unicode_append_codepoint (GString     *out,
                                               gunichar     ch,
                                               gboolean     show_glyph);

G_END_DECLS
