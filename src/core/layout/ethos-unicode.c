/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-fonts"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-error.h"
#include "ethos-fonts-private.h"

/* WinAnsiEncoding (cp1252) bytes 0x80–0x9F; 0 where the byte is unused. */
static const guint16 winansi_high[32] = {
  0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000, 0x017D, 0x0000,
  0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0000, 0x017E, 0x0178,
};

/* The standard-14 metrics (Adobe AFM), by WinAnsi byte 0x20–0xFF. */
static const guint16 helvetica[224] = {
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584,
  278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722,
  722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278,
  278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
  556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,
  556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333,
  1000, 0, 611, 0, 0, 222, 222, 333, 333, 350, 556, 1000,
  333, 1000, 500, 333, 944, 0, 500, 667, 278, 333, 556, 556,
  556, 556, 260, 556, 333, 737, 370, 556, 584, 278, 737, 333,
  400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556,
  834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722,
  667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778,
  778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
  556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556,
  278, 278, 278, 278, 556, 556, 556, 556, 556, 556, 556, 584,
  611, 556, 556, 556, 556, 500, 556, 500,
};

static const guint16 helvetica_bold[224] = {
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584,
  278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722,
  722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333,
  278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
  611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556,
  333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,
  556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333,
  1000, 0, 611, 0, 0, 278, 278, 500, 500, 350, 556, 1000,
  333, 1000, 556, 333, 944, 0, 500, 667, 278, 333, 556, 556,
  556, 556, 280, 556, 333, 737, 370, 556, 584, 278, 737, 333,
  400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556,
  834, 834, 834, 611, 722, 722, 722, 722, 722, 722, 1000, 722,
  667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778,
  778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
  556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556,
  278, 278, 278, 278, 611, 611, 611, 611, 611, 611, 611, 584,
  611, 611, 611, 611, 611, 556, 611, 556,
};

guint8
ethos_fonts_winansi_byte (gunichar ch)
{
  if ((ch >= 0x20 && ch < 0x7F) || (ch >= 0xA0 && ch <= 0xFF))
    return (guint8) ch;
  if (ch < 0x152)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (winansi_high); i++)
    if (winansi_high[i] == ch)
      return (guint8) (0x80 + i);
  return 0;
}

gboolean
ethos_fonts_text_fits_winansi (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const guchar *p = (const guchar *) text; *p != 0; p++)
    {
      gunichar ch;

      if (*p < 0x80)
        {
          if (*p < 0x20 && *p != '\n' && *p != '\t' && *p != '\r')
            return FALSE;
          continue;
        }
      ch = g_utf8_get_char ((const char *) p);
      if (ethos_fonts_winansi_byte (ch) == 0)
        return FALSE;
      p = (const guchar *) g_utf8_next_char ((const char *) p) - 1;
    }
  return TRUE;
}

int
_ethos_helvetica_width (gunichar ch,
                        gboolean bold)
{
  guint8 byte = ethos_fonts_winansi_byte (ch);

  if (byte == 0)
    return -1;
  return bold ? helvetica_bold[byte - 0x20] : helvetica[byte - 0x20];
}

static gboolean
script_is_supported (GUnicodeScript script)
{
  switch (script)
    {
    case G_UNICODE_SCRIPT_COMMON:
    case G_UNICODE_SCRIPT_INHERITED:
    case G_UNICODE_SCRIPT_LATIN:
    case G_UNICODE_SCRIPT_GREEK:
    case G_UNICODE_SCRIPT_CYRILLIC:
    case G_UNICODE_SCRIPT_ARMENIAN:
    case G_UNICODE_SCRIPT_GEORGIAN:
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
    case G_UNICODE_SCRIPT_ETHIOPIC:
    case G_UNICODE_SCRIPT_CHEROKEE:
    case G_UNICODE_SCRIPT_CANADIAN_ABORIGINAL:
    case G_UNICODE_SCRIPT_YI:
    case G_UNICODE_SCRIPT_BRAILLE:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_bidi_control (gunichar ch)
{
  return ch == 0x061C || ch == 0x200E || ch == 0x200F ||
         (ch >= 0x202A && ch <= 0x202E) || (ch >= 0x2066 && ch <= 0x2069);
}

static gboolean
is_conjoining_jamo (gunichar ch)
{
  /* Modern jamo compose into syllables under NFC; what is left needs shaping. */
  return (ch >= 0x1100 && ch <= 0x11FF) || (ch >= 0xA960 && ch <= 0xA97F) ||
         (ch >= 0xD7B0 && ch <= 0xD7FF);
}

EthosCharClass
_ethos_char_classify (gunichar ch)
{
  GUnicodeScript script;

  if (ch < 0x80)
    {
      if (ch >= 0x20 && ch < 0x7F)
        return ETHOS_CHAR_PRINTABLE;
      if (ch == '\t')
        return ETHOS_CHAR_PRINTABLE;
      if (ch == '\n')
        return ETHOS_CHAR_LINE_BREAK;
      if (ch == '\r')
        return ETHOS_CHAR_IGNORABLE;
      return ETHOS_CHAR_CONTROL;
    }
  if (ch > 0xFFFF)
    return ETHOS_CHAR_ASTRAL;
  if (ch == 0x2028 || ch == 0x2029)
    return ETHOS_CHAR_LINE_BREAK;
  if (ch == 0x200B || ch == 0x00AD)
    return ETHOS_CHAR_BREAK_HINT;
  if (is_bidi_control (ch) || is_conjoining_jamo (ch))
    return ETHOS_CHAR_NEEDS_SHAPING;
  if (ch == 0x200C || ch == 0x200D || ch == 0x2060 || ch == 0xFEFF ||
      (ch >= 0xFE00 && ch <= 0xFE0F))
    return ETHOS_CHAR_IGNORABLE;

  switch (g_unichar_type (ch))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_SURROGATE:
      return ETHOS_CHAR_CONTROL;
    case G_UNICODE_FORMAT:
      /* Other format characters (invisible operators, tags…) are invisible. */
      return ETHOS_CHAR_IGNORABLE;
    default:
      break;
    }

  script = g_unichar_get_script (ch);
  /* Arabic and Hebrew marks are "Inherited" but belong to shaped text. */
  if (script == G_UNICODE_SCRIPT_INHERITED && ch >= 0x0591 && ch <= 0x08FF)
    return ETHOS_CHAR_NEEDS_SHAPING;
  if (!script_is_supported (script))
    return ETHOS_CHAR_NEEDS_SHAPING;
  return ETHOS_CHAR_PRINTABLE;
}

static const char *
script_name (gunichar ch)
{
  if (is_bidi_control (ch))
    return _("right-to-left control characters");
  if (is_conjoining_jamo (ch))
    return _("Hangul jamo");
  if (ch >= 0x0591 && ch <= 0x05FF)
    return _("Hebrew");
  if (ch >= 0x0600 && ch <= 0x08FF)
    return _("Arabic");

  switch (g_unichar_get_script (ch))
    {
    case G_UNICODE_SCRIPT_ARABIC: return _("Arabic");
    case G_UNICODE_SCRIPT_HEBREW: return _("Hebrew");
    case G_UNICODE_SCRIPT_SYRIAC: return _("Syriac");
    case G_UNICODE_SCRIPT_THAANA: return _("Thaana");
    case G_UNICODE_SCRIPT_NKO: return _("N’Ko");
    case G_UNICODE_SCRIPT_DEVANAGARI: return _("Devanagari");
    case G_UNICODE_SCRIPT_BENGALI: return _("Bengali");
    case G_UNICODE_SCRIPT_GURMUKHI: return _("Gurmukhi");
    case G_UNICODE_SCRIPT_GUJARATI: return _("Gujarati");
    case G_UNICODE_SCRIPT_ORIYA: return _("Odia");
    case G_UNICODE_SCRIPT_TAMIL: return _("Tamil");
    case G_UNICODE_SCRIPT_TELUGU: return _("Telugu");
    case G_UNICODE_SCRIPT_KANNADA: return _("Kannada");
    case G_UNICODE_SCRIPT_MALAYALAM: return _("Malayalam");
    case G_UNICODE_SCRIPT_SINHALA: return _("Sinhala");
    case G_UNICODE_SCRIPT_THAI: return _("Thai");
    case G_UNICODE_SCRIPT_LAO: return _("Lao");
    case G_UNICODE_SCRIPT_TIBETAN: return _("Tibetan");
    case G_UNICODE_SCRIPT_MYANMAR: return _("Myanmar");
    case G_UNICODE_SCRIPT_KHMER: return _("Khmer");
    case G_UNICODE_SCRIPT_MONGOLIAN: return _("Mongolian");
    case G_UNICODE_SCRIPT_SAMARITAN: return _("Samaritan");
    case G_UNICODE_SCRIPT_MANDAIC: return _("Mandaic");
    case G_UNICODE_SCRIPT_JAVANESE: return _("Javanese");
    case G_UNICODE_SCRIPT_BALINESE: return _("Balinese");
    case G_UNICODE_SCRIPT_TAI_THAM: return _("Tai Tham");
    default: return _("a script that needs letter shaping");
    }
}

/* The maximal stretch of @text around offending characters of one script,
 * spaces and punctuation between them included. */
static void
append_quoted_run (GString    *out,
                   const char *start,
                   const char *end)
{
  glong n = g_utf8_strlen (start, end - start);

  g_string_append (out, "“");
  if (n > 24)
    {
      g_string_append_len (out, start, g_utf8_offset_to_pointer (start, 24) - start);
      g_string_append (out, "…");
    }
  else
    g_string_append_len (out, start, end - start);
  g_string_append (out, "”");
}

static void
describe_shaping (const char *text,
                  GString    *out)
{
  const char *p = text;
  guint runs = 0;

  while (*p != 0 && runs < 3)
    {
      gunichar ch = g_utf8_get_char (p);
      const char *start, *last_end, *q;
      const char *name;

      if (_ethos_char_classify (ch) != ETHOS_CHAR_NEEDS_SHAPING)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      name = script_name (ch);
      start = p;
      last_end = q = g_utf8_next_char (p);
      while (*q != 0)
        {
          gunichar c = g_utf8_get_char (q);
          EthosCharClass cls = _ethos_char_classify (c);

          if (cls == ETHOS_CHAR_NEEDS_SHAPING && g_strcmp0 (script_name (c), name) == 0)
            last_end = g_utf8_next_char (q);
          else if (cls == ETHOS_CHAR_LINE_BREAK ||
                   (g_unichar_get_script (c) != G_UNICODE_SCRIPT_COMMON &&
                    g_unichar_get_script (c) != G_UNICODE_SCRIPT_INHERITED))
            break;
          q = g_utf8_next_char (q);
        }
      if (runs > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s: ", name);
      append_quoted_run (out, start, last_end);
      runs++;
      p = last_end;
    }
}

static void
append_codepoint (GString  *out,
                  gunichar  ch,
                  gboolean  show_glyph)
{
  if (show_glyph)
    {
      g_string_append (out, "“");
      g_string_append_unichar (out, ch);
      g_string_append (out, "” ");
    }
  g_string_append_printf (out, "(U+%04X)", ch);
}

gboolean
_ethos_fonts_check_text_unlocked (EthosFonts  *fonts,
                                  const char  *text,
                                  GError     **error)
{
  g_autoptr(GString) astral = g_string_new (NULL);
  g_autoptr(GString) control = g_string_new (NULL);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  gboolean shaping = FALSE;
  EthosFontHint hint = ETHOS_FONT_HINT_NONE;
  gboolean hint_known = FALSE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                           _("The text is not valid UTF-8."));
      return FALSE;
    }

  for (const char *p = text; *p != 0; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      EthosCharClass cls = _ethos_char_classify (ch);
      gboolean no_font = FALSE;

      if (cls == ETHOS_CHAR_PRINTABLE && ch >= 0x80)
        {
          if (!hint_known)
            hint = ethos_fonts_hint_for_text (text);
          hint_known = TRUE;
          no_font = _ethos_fonts_face_for_char_unlocked (fonts, ch, FALSE, hint) == NULL;
        }
      if (!no_font && (cls == ETHOS_CHAR_PRINTABLE || cls == ETHOS_CHAR_IGNORABLE ||
                       cls == ETHOS_CHAR_BREAK_HINT || cls == ETHOS_CHAR_LINE_BREAK))
        continue;
      if (g_hash_table_contains (seen, GUINT_TO_POINTER (ch)))
        continue;
      g_hash_table_add (seen, GUINT_TO_POINTER (ch));

      if (no_font)
        {
          if (g_hash_table_size (seen) <= 8)
            {
              if (missing->len > 0)
                g_string_append (missing, ", ");
              append_codepoint (missing, ch, TRUE);
            }
        }
      else if (cls == ETHOS_CHAR_NEEDS_SHAPING)
        shaping = TRUE;
      else if (cls == ETHOS_CHAR_ASTRAL)
        {
          if (g_hash_table_size (seen) <= 8)
            {
              if (astral->len > 0)
                g_string_append (astral, ", ");
              append_codepoint (astral, ch, TRUE);
            }
        }
      else if (control->len == 0)
        append_codepoint (control, ch, FALSE);
    }

  if (shaping)
    {
      g_autoptr(GString) runs = g_string_new (NULL);

      describe_shaping (text, runs);
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_UNSUPPORTED,
                   _("The text contains characters Ethos cannot print correctly yet (%s). "
                     "Scripts written right to left or that need letter shaping are not "
                     "supported yet."), runs->str);
      return FALSE;
    }
  if (astral->len > 0)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_UNSUPPORTED,
                   _("The text contains characters Ethos cannot print yet: %s. Emoji and "
                     "other characters above U+FFFF are not supported."), astral->str);
      return FALSE;
    }
  if (control->len > 0)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("The text contains a control character %s that cannot be printed."),
                   control->str);
      return FALSE;
    }
  if (missing->len > 0)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_UNSUPPORTED,
                   _("No installed font can print these characters: %s."), missing->str);
      return FALSE;
    }
  return TRUE;
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
