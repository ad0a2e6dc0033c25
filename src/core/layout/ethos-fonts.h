/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The fonts the layout measures with and the painters draw with: Liberation
 * Sans Regular/Bold, plus per-character fallbacks found through fontconfig
 * among fonts libharu 2.3 can embed correctly (TrueType outlines). Create one
 * EthosFonts and reuse it for every document: faces and advances are cached.
 * All functions lock the object, so several threads may share it. */

typedef struct _EthosFonts    EthosFonts;
typedef struct _EthosFontFace EthosFontFace;

/* Which CJK font a Han character falls back to: set from the other characters
 * of the same text (kana → Japanese, Hangul → Korean, else Chinese). */
typedef enum
{
  ETHOS_FONT_HINT_NONE,
  ETHOS_FONT_HINT_ZH,
  ETHOS_FONT_HINT_JA,
  ETHOS_FONT_HINT_KO,
} EthosFontHint;

EthosFonts    *ethos_fonts_new                (GError         **error);
void           ethos_fonts_free               (EthosFonts      *fonts);

/* Liberation Sans Regular (@bold FALSE) or Bold. */
EthosFontFace *ethos_fonts_get_primary        (EthosFonts      *fonts,
                                               gboolean         bold);
EthosFontHint  ethos_fonts_hint_for_text      (const char      *text);

/* Checks that every character of @text (valid UTF-8) can be printed
 * correctly: refuses scripts that need shaping or right-to-left order,
 * characters above U+FFFF, control characters and characters no embeddable
 * font has, with a message naming them (ETHOS_ERROR_UNSUPPORTED or
 * ETHOS_ERROR_INVALID_DATA). */
gboolean       ethos_fonts_check_text         (EthosFonts      *fonts,
                                               const char      *text,
                                               GError         **error);

const char    *ethos_font_face_get_file       (const EthosFontFace *face);
guint          ethos_font_face_get_index      (const EthosFontFace *face);
const char    *ethos_font_face_get_family     (const EthosFontFace *face);
gboolean       ethos_font_face_is_bold        (const EthosFontFace *face);
/* The glyph index of @ch in the font file, 0 when missing. */
guint          ethos_font_face_get_glyph      (EthosFontFace   *face,
                                               gunichar         ch);
/* Advance of @ch in em (multiply by the size in points), exactly as the PDF
 * declares it: the embedded font's width in 1/1000 em, or with @standard14
 * the Helvetica metrics (primary faces, WinAnsi characters only). A painter
 * places glyph after glyph with these advances, without kerning. */
double         ethos_font_face_get_advance    (EthosFontFace   *face,
                                               gunichar         ch,
                                               gboolean         standard14);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosFonts, ethos_fonts_free)

G_END_DECLS
