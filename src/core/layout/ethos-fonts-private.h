/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ethos-fonts.h"
#include "ethos-unicode.h"

G_BEGIN_DECLS

/* The layout holds the lock for a whole document and calls the _unlocked
 * variants: one lock per document instead of one per character. */
void            _ethos_fonts_lock                (EthosFonts      *fonts);
void            _ethos_fonts_unlock              (EthosFonts      *fonts);
EthosFontFace  *_ethos_fonts_face_for_char_unlocked (EthosFonts   *fonts,
                                                  gunichar         ch,
                                                  gboolean         bold,
                                                  EthosFontHint    hint);
/* Advance in 1/1000 em (what the PDF declares). */
int             _ethos_font_face_advance_unlocked (EthosFontFace  *face,
                                                  gunichar         ch,
                                                  gboolean         standard14);
guint           _ethos_font_face_glyph_unlocked  (EthosFontFace   *face,
                                                  gunichar         ch);
/* Sets @error for the first kind of problem found in @text (a string that
 * failed a per-character check), naming the characters. Returns FALSE when it
 * set an error. */
gboolean        _ethos_fonts_check_text_unlocked (EthosFonts      *fonts,
                                                  const char      *text,
                                                  GError         **error);
/* Helvetica (@bold FALSE) or Helvetica-Bold width of a WinAnsi character in
 * 1/1000 em, or -1 when @ch is not in WinAnsi. */
int             _ethos_helvetica_width           (gunichar         ch,
                                                  gboolean         bold);

G_END_DECLS
