/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-fonts"

#include "config.h"

#include <glib/gi18n.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H

#include "ethos-error.h"
#include "ethos-fonts-private.h"
#include "ethos-unicode.h"

#define PRIMARY_FAMILY "Liberation Sans"
#define ADVANCE_UNKNOWN G_MININT16

typedef struct
{
  guint16 glyph;
  gint16  advance;   /* 1/1000 em, ADVANCE_UNKNOWN until asked */
} GlyphInfo;

struct _EthosFontFace
{
  EthosFonts *owner;
  char       *file;
  guint       index;
  char       *family;
  gboolean    bold;
  gboolean    primary;
  gboolean    usable;
  FT_Face     ft;
  GlyphInfo  *pages[256];   /* BMP only, 256 characters a page, allocated on demand */
};

typedef struct
{
  FcFontSet *set;
  GArray    *accepted;      /* indices into set->fonts */
} Candidates;

struct _EthosFonts
{
  GMutex          lock;
  FT_Library      ft;
  EthosFontFace  *primary[2];
  GHashTable     *faces;          /* "file\nindex" → EthosFontFace, owned */
  Candidates     *candidates[4][2];
  GHashTable     *fallback;       /* key → EthosFontFace or &no_face */
};

static int no_face;

/* Known to print wrongly (DejaVu Sans through libharu 2.3 alone: nested
 * composite glyphs): never chosen as fallbacks. The PDF painter embeds every
 * face through Ethos's own subsetter, which flattens nested composites; with
 * it, WenQuanYi Micro Hei (fonts-wqy-microhei) prints Chinese correctly —
 * test-font-render proves each preferred face glyph by glyph against
 * FreeType. Droid Sans Fallback stays out: a fallback of last resort with
 * uneven coverage, not needed once WenQuanYi is there. */
static const char * const excluded_families[] = {
  "DejaVu", "Droid Sans Fallback",
};

/* Fallbacks verified to print correctly, preferred in this order for each
 * hint: sans faces that match the sans body — IPAGothic for text with kana,
 * NanumGothic for hangul, WenQuanYi Micro Hei for Han without either — and
 * AR PL UMing (serif) only where no sans Chinese face is installed. */
static const char * const preferred_families[4][4] = {
  [ETHOS_FONT_HINT_NONE] = { "Liberation Serif", "NanumGothic", "IPAGothic", NULL },
  [ETHOS_FONT_HINT_ZH] = { "WenQuanYi Micro Hei", "AR PL UMing CN", "AR PL UMing TW",
                           "IPAGothic" },
  [ETHOS_FONT_HINT_JA] = { "IPAGothic", "IPAPGothic", "AR PL UMing CN", NULL },
  [ETHOS_FONT_HINT_KO] = { "NanumGothic", "NanumBarunGothic", "AR PL UMing CN", NULL },
};

static const char * const hint_langs[4] = { "en", "zh-cn", "ja", "ko" };

static void
face_free (EthosFontFace *face)
{
  for (guint i = 0; i < G_N_ELEMENTS (face->pages); i++)
    g_free (face->pages[i]);
  if (face->ft != NULL)
    FT_Done_Face (face->ft);
  g_free (face->file);
  g_free (face->family);
  g_free (face);
}

static void
candidates_free (Candidates *c)
{
  if (c == NULL)
    return;
  FcFontSetDestroy (c->set);
  g_array_unref (c->accepted);
  g_free (c);
}

static gboolean
face_has_glyf_table (FT_Face ft)
{
  FT_ULong length = 0;

  return FT_IS_SFNT (ft) && FT_Load_Sfnt_Table (ft, TTAG_glyf, 0, NULL, &length) == 0 &&
         length > 0;
}

/* Opens (once) the face at @file:@index. Faces libharu cannot embed are kept
 * too, marked unusable, so they are not opened again. */
static EthosFontFace *
get_face (EthosFonts *fonts,
          const char *file,
          guint       index,
          const char *family,
          gboolean    bold)
{
  g_autofree char *key = g_strdup_printf ("%s\n%u", file, index);
  EthosFontFace *face = g_hash_table_lookup (fonts->faces, key);

  if (face != NULL)
    return face;

  face = g_new0 (EthosFontFace, 1);
  face->owner = fonts;
  face->file = g_strdup (file);
  face->index = index;
  face->family = g_strdup (family);
  face->bold = bold;
  if (FT_New_Face (fonts->ft, file, index, &face->ft) != 0)
    face->ft = NULL;
  else
    {
      FT_UShort fs_type = FT_Get_FSType_Flags (face->ft);

      /* libharu refuses restricted, bitmap-only and no-subsetting fonts. */
      face->usable = face_has_glyf_table (face->ft) && face->ft->units_per_EM > 0 &&
                     (fs_type & (FT_FSTYPE_RESTRICTED_LICENSE_EMBEDDING |
                                 FT_FSTYPE_NO_SUBSETTING |
                                 FT_FSTYPE_BITMAP_EMBEDDING_ONLY)) == 0;
    }
  g_hash_table_insert (fonts->faces, g_steal_pointer (&key), face);
  return face;
}

static GlyphInfo *
glyph_info (EthosFontFace *face,
            gunichar       ch)
{
  GlyphInfo *page;

  if (ch > 0xFFFF || face->ft == NULL)
    return NULL;
  page = face->pages[ch >> 8];
  if (page == NULL)
    {
      page = face->pages[ch >> 8] = g_new (GlyphInfo, 256);
      for (guint i = 0; i < 256; i++)
        {
          page[i].glyph = 0;
          page[i].advance = ADVANCE_UNKNOWN;
        }
    }
  return &page[ch & 0xFF];
}

static GlyphInfo *
glyph_info_loaded (EthosFontFace *face,
                   gunichar       ch)
{
  GlyphInfo *info = glyph_info (face, ch);

  if (info != NULL && info->advance == ADVANCE_UNKNOWN)
    {
      FT_UInt glyph = FT_Get_Char_Index (face->ft, ch);
      FT_Fixed advance = 0;

      if (glyph > G_MAXUINT16 || FT_Get_Advance (face->ft, glyph, FT_LOAD_NO_SCALE, &advance) != 0)
        glyph = 0;
      info->glyph = (guint16) glyph;
      /* Truncated like libharu's /W array, so positions match the PDF exactly. */
      info->advance = (gint16) CLAMP ((advance * 1000) / face->ft->units_per_EM, 0, G_MAXINT16);
    }
  return info;
}

guint
_ethos_font_face_glyph_unlocked (EthosFontFace *face,
                                 gunichar       ch)
{
  GlyphInfo *info = glyph_info_loaded (face, ch);

  return info != NULL ? info->glyph : 0;
}

int
_ethos_font_face_advance_unlocked (EthosFontFace *face,
                                   gunichar       ch,
                                   gboolean       standard14)
{
  GlyphInfo *info;

  if (standard14 && face->primary)
    {
      int width = _ethos_helvetica_width (ch, face->bold);

      if (width >= 0)
        return width;
    }
  info = glyph_info_loaded (face, ch);
  return info != NULL ? info->advance : 0;
}

static gboolean
family_is_excluded (const char *family)
{
  for (guint i = 0; i < G_N_ELEMENTS (excluded_families); i++)
    if (g_ascii_strncasecmp (family, excluded_families[i], strlen (excluded_families[i])) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
pattern_is_candidate (FcPattern *pattern)
{
  FcChar8 *format = NULL, *family = NULL, *file = NULL;
  FcBool outline = FcFalse, color = FcFalse, variable = FcFalse;
  int index = 0;

  if (FcPatternGetString (pattern, FC_FONTFORMAT, 0, &format) != FcResultMatch ||
      g_strcmp0 ((const char *) format, "TrueType") != 0 ||
      FcPatternGetString (pattern, FC_FAMILY, 0, &family) != FcResultMatch ||
      FcPatternGetString (pattern, FC_FILE, 0, &file) != FcResultMatch ||
      FcPatternGetBool (pattern, FC_OUTLINE, 0, &outline) != FcResultMatch || !outline)
    return FALSE;
  if (FcPatternGetBool (pattern, FC_COLOR, 0, &color) == FcResultMatch && color)
    return FALSE;
  if (FcPatternGetBool (pattern, FC_VARIABLE, 0, &variable) == FcResultMatch && variable)
    return FALSE;
  /* Named instances of variable fonts have their instance in the high bits. */
  if (FcPatternGetInteger (pattern, FC_INDEX, 0, &index) == FcResultMatch && (index >> 16) != 0)
    return FALSE;
  return !family_is_excluded ((const char *) family);
}

static Candidates *
get_candidates (EthosFonts    *fonts,
                EthosFontHint  hint,
                gboolean       bold)
{
  Candidates *c = fonts->candidates[hint][bold];
  FcPattern *pattern;
  FcResult result;

  if (c != NULL)
    return c;

  pattern = FcPatternCreate ();
  for (guint i = 0; i < G_N_ELEMENTS (preferred_families[hint]) && preferred_families[hint][i];
       i++)
    FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) preferred_families[hint][i]);
  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) "sans-serif");
  FcPatternAddString (pattern, FC_LANG, (const FcChar8 *) hint_langs[hint]);
  FcPatternAddInteger (pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger (pattern, FC_SLANT, FC_SLANT_ROMAN);
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);

  c = g_new0 (Candidates, 1);
  c->accepted = g_array_new (FALSE, FALSE, sizeof (int));
  c->set = FcFontSort (NULL, pattern, FcFalse, NULL, &result);
  FcPatternDestroy (pattern);
  if (c->set == NULL)
    c->set = FcFontSetCreate ();
  for (int i = 0; i < c->set->nfont; i++)
    if (pattern_is_candidate (c->set->fonts[i]))
      g_array_append_val (c->accepted, i);

  fonts->candidates[hint][bold] = c;
  return c;
}

static EthosFontFace *
find_fallback (EthosFonts    *fonts,
               gunichar       ch,
               gboolean       bold,
               EthosFontHint  hint)
{
  Candidates *c = get_candidates (fonts, hint, bold);

  for (guint i = 0; i < c->accepted->len; i++)
    {
      FcPattern *pattern = c->set->fonts[g_array_index (c->accepted, int, i)];
      FcCharSet *charset = NULL;
      FcChar8 *file = NULL, *family = NULL;
      int index = 0, weight = FC_WEIGHT_REGULAR;
      EthosFontFace *face;

      if (FcPatternGetCharSet (pattern, FC_CHARSET, 0, &charset) != FcResultMatch ||
          !FcCharSetHasChar (charset, ch))
        continue;
      FcPatternGetString (pattern, FC_FILE, 0, &file);
      FcPatternGetString (pattern, FC_FAMILY, 0, &family);
      FcPatternGetInteger (pattern, FC_INDEX, 0, &index);
      FcPatternGetInteger (pattern, FC_WEIGHT, 0, &weight);
      face = get_face (fonts, (const char *) file, (guint) index, (const char *) family,
                       weight >= FC_WEIGHT_DEMIBOLD);
      if (face->usable && _ethos_font_face_glyph_unlocked (face, ch) != 0)
        return face;
    }
  return NULL;
}

EthosFontFace *
_ethos_fonts_face_for_char_unlocked (EthosFonts    *fonts,
                                     gunichar       ch,
                                     gboolean       bold,
                                     EthosFontHint  hint)
{
  EthosFontFace *primary = fonts->primary[bold ? 1 : 0];
  gpointer key, value;

  if (ch > 0xFFFF)
    return NULL;
  if (_ethos_font_face_glyph_unlocked (primary, ch) != 0)
    return primary;

  key = GUINT_TO_POINTER (ch | (bold ? 1u << 16 : 0) | ((guint) hint << 17));
  if (g_hash_table_lookup_extended (fonts->fallback, key, NULL, &value))
    return value == &no_face ? NULL : value;

  value = find_fallback (fonts, ch, bold, hint);
  if (value == NULL && bold)
    value = _ethos_fonts_face_for_char_unlocked (fonts, ch, FALSE, hint);
  g_hash_table_insert (fonts->fallback, key, value != NULL ? value : &no_face);
  return value;
}

static EthosFontFace *
find_primary (EthosFonts  *fonts,
              gboolean     bold,
              GError     **error)
{
  FcPattern *pattern = FcPatternCreate ();
  FcPattern *match;
  FcResult result;
  FcChar8 *family = NULL, *file = NULL, *format = NULL;
  int index = 0;
  EthosFontFace *face = NULL;

  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) PRIMARY_FAMILY);
  FcPatternAddInteger (pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger (pattern, FC_SLANT, FC_SLANT_ROMAN);
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  FcPatternDestroy (pattern);

  if (match != NULL &&
      FcPatternGetString (match, FC_FAMILY, 0, &family) == FcResultMatch &&
      g_strcmp0 ((const char *) family, PRIMARY_FAMILY) == 0 &&
      FcPatternGetString (match, FC_FILE, 0, &file) == FcResultMatch &&
      FcPatternGetString (match, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
      g_strcmp0 ((const char *) format, "TrueType") == 0)
    {
      FcPatternGetInteger (match, FC_INDEX, 0, &index);
      face = get_face (fonts, (const char *) file, (guint) index, PRIMARY_FAMILY, bold);
      if (!face->usable)
        face = NULL;
    }
  if (match != NULL)
    FcPatternDestroy (match);

  if (face == NULL)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                   bold ? _("The font Liberation Sans Bold is not installed (Debian package "
                            "fonts-liberation2).")
                        : _("The font Liberation Sans is not installed (Debian package "
                            "fonts-liberation2)."));
      return NULL;
    }
  face->primary = TRUE;
  return face;
}

EthosFonts *
ethos_fonts_new (GError **error)
{
  g_autoptr(EthosFonts) fonts = g_new0 (EthosFonts, 1);

  g_mutex_init (&fonts->lock);
  fonts->faces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) face_free);
  fonts->fallback = g_hash_table_new (NULL, NULL);

  if (!FcInit ())
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                           _("Fontconfig could not be initialised."));
      return NULL;
    }
  if (FT_Init_FreeType (&fonts->ft) != 0)
    {
      fonts->ft = NULL;
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                           _("FreeType could not be initialised."));
      return NULL;
    }
  fonts->primary[0] = find_primary (fonts, FALSE, error);
  if (fonts->primary[0] == NULL)
    return NULL;
  fonts->primary[1] = find_primary (fonts, TRUE, error);
  if (fonts->primary[1] == NULL)
    return NULL;
  return g_steal_pointer (&fonts);
}

void
ethos_fonts_free (EthosFonts *fonts)
{
  if (fonts == NULL)
    return;
  g_clear_pointer (&fonts->fallback, g_hash_table_unref);
  g_clear_pointer (&fonts->faces, g_hash_table_unref);
  for (guint h = 0; h < 4; h++)
    for (guint b = 0; b < 2; b++)
      candidates_free (fonts->candidates[h][b]);
  if (fonts->ft != NULL)
    FT_Done_FreeType (fonts->ft);
  g_mutex_clear (&fonts->lock);
  g_free (fonts);
}

void
_ethos_fonts_lock (EthosFonts *fonts)
{
  g_mutex_lock (&fonts->lock);
}

void
_ethos_fonts_unlock (EthosFonts *fonts)
{
  g_mutex_unlock (&fonts->lock);
}

EthosFontFace *
ethos_fonts_get_primary (EthosFonts *fonts,
                         gboolean    bold)
{
  g_return_val_if_fail (fonts != NULL, NULL);
  return fonts->primary[bold ? 1 : 0];
}

EthosFontHint
ethos_fonts_hint_for_text (const char *text)
{
  gboolean han = FALSE, hangul = FALSE;

  g_return_val_if_fail (text != NULL, ETHOS_FONT_HINT_NONE);

  if (!g_utf8_validate (text, -1, NULL))
    return ETHOS_FONT_HINT_NONE;

  for (const guchar *p = (const guchar *) text; *p != 0; p++)
    {
      gunichar ch;

      /* CJK characters are all three-byte sequences starting at 0xE1 or above. */
      if (*p < 0xE1)
        continue;
      ch = g_utf8_get_char ((const char *) p);
      if ((ch >= 0x3040 && ch <= 0x30FF) || (ch >= 0x31F0 && ch <= 0x31FF) ||
          (ch >= 0xFF66 && ch <= 0xFF9F))
        return ETHOS_FONT_HINT_JA;
      if ((ch >= 0xAC00 && ch <= 0xD7AF) || (ch >= 0x3130 && ch <= 0x318F))
        hangul = TRUE;
      else if ((ch >= 0x3400 && ch <= 0x9FFF) || (ch >= 0xF900 && ch <= 0xFAFF) ||
               (ch >= 0x3000 && ch <= 0x303F) || (ch >= 0x3100 && ch <= 0x312F) ||
               (ch >= 0xFF00 && ch <= 0xFF65))
        han = TRUE;
    }
  if (hangul)
    return ETHOS_FONT_HINT_KO;
  if (han)
    return ETHOS_FONT_HINT_ZH;
  return ETHOS_FONT_HINT_NONE;
}

gboolean
_ethos_fonts_check_text_unlocked (EthosFonts  *fonts,
                                  const char  *text,
                                  GError     **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  EthosFontHint hint = ETHOS_FONT_HINT_NONE;
  gboolean hint_known = FALSE;

  if (!ethos_unicode_check_printable (text, error))
    return FALSE;

  for (const char *p = text; *p != 0; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch < 0x80 || ethos_unicode_classify (ch) != ETHOS_CHAR_PRINTABLE)
        continue;
      if (!hint_known)
        hint = ethos_fonts_hint_for_text (text);
      hint_known = TRUE;
      if (_ethos_fonts_face_for_char_unlocked (fonts, ch, FALSE, hint) != NULL ||
          g_hash_table_contains (seen, GUINT_TO_POINTER (ch)))
        continue;
      g_hash_table_add (seen, GUINT_TO_POINTER (ch));
      if (g_hash_table_size (seen) <= 8)
        {
          if (missing->len > 0)
            g_string_append (missing, ", ");
          ethos_unicode_append_codepoint (missing, ch, TRUE);
        }
    }

  if (missing->len > 0)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_UNSUPPORTED,
                   _("No installed font can print these characters: %s."), missing->str);
      return FALSE;
    }
  return TRUE;
}

gboolean
ethos_fonts_check_text (EthosFonts  *fonts,
                        const char  *text,
                        GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (fonts != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  g_mutex_lock (&fonts->lock);
  ok = _ethos_fonts_check_text_unlocked (fonts, text, error);
  g_mutex_unlock (&fonts->lock);
  return ok;
}

const char *
ethos_font_face_get_file (const EthosFontFace *face)
{
  g_return_val_if_fail (face != NULL, NULL);
  return face->file;
}

guint
ethos_font_face_get_index (const EthosFontFace *face)
{
  g_return_val_if_fail (face != NULL, 0);
  return face->index;
}

const char *
ethos_font_face_get_family (const EthosFontFace *face)
{
  g_return_val_if_fail (face != NULL, NULL);
  return face->family;
}

gboolean
ethos_font_face_is_bold (const EthosFontFace *face)
{
  g_return_val_if_fail (face != NULL, FALSE);
  return face->bold;
}

guint
ethos_font_face_get_glyph (EthosFontFace *face,
                           gunichar       ch)
{
  guint glyph;

  g_return_val_if_fail (face != NULL, 0);
  g_mutex_lock (&face->owner->lock);
  glyph = _ethos_font_face_glyph_unlocked (face, ch);
  g_mutex_unlock (&face->owner->lock);
  return glyph;
}

double
ethos_font_face_get_advance (EthosFontFace *face,
                             gunichar       ch,
                             gboolean       standard14)
{
  int advance;

  g_return_val_if_fail (face != NULL, 0);
  g_mutex_lock (&face->owner->lock);
  advance = _ethos_font_face_advance_unlocked (face, ch, standard14);
  g_mutex_unlock (&face->owner->lock);
  return advance / 1000.0;
}
