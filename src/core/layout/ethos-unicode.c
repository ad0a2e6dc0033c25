/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-unicode"

#include "config.h"

/* What the layout does with each character before any font is asked: which
 * scripts print, what is invisible, what breaks a line, what is refused and
 * why, and the WinAnsi (cp1252) test for the standard-14 fonts. No fontconfig
 * or FreeType here, so it can be tested and fuzzed without fonts; the font
 * lookup is ethos-fonts.c. */

#include <glib/gi18n.h>

#include "ethos-error.h"
#include "ethos-unicode.h"

/* WinAnsiEncoding (cp1252) bytes 0x80–0x9F; 0 where the byte is unused. */
static const guint16 winansi_high[32] = {
  0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000, 0x017D, 0x0000,
  0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0000, 0x017E, 0x0178,
};

guint8
ethos_unicode_winansi_byte (gunichar ch)
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
ethos_unicode_fits_winansi (const char *text)
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
      if (ethos_unicode_winansi_byte (ch) == 0)
        return FALSE;
      p = (const guchar *) g_utf8_next_char ((const char *) p) - 1;
    }
  return TRUE;
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
ethos_unicode_classify (gunichar ch)
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
    case G_UNICODE_PRIVATE_USE:
      /* Private use has no script to shape: it has no meaning to print. */
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

      if (ethos_unicode_classify (ch) != ETHOS_CHAR_NEEDS_SHAPING)
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
          EthosCharClass cls = ethos_unicode_classify (c);

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

void
ethos_unicode_append_codepoint (GString  *out,
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
ethos_unicode_check_printable (const char  *text,
                               GError     **error)
{
  g_autoptr(GString) astral = g_string_new (NULL);
  g_autoptr(GString) control = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  gboolean shaping = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                           _("The text is not valid UTF-8."));
      return FALSE;
    }

  for (const char *p = text; *p != 0; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      EthosCharClass cls = ethos_unicode_classify (ch);

      if (cls == ETHOS_CHAR_PRINTABLE || cls == ETHOS_CHAR_IGNORABLE ||
          cls == ETHOS_CHAR_BREAK_HINT || cls == ETHOS_CHAR_LINE_BREAK)
        continue;
      if (g_hash_table_contains (seen, GUINT_TO_POINTER (ch)))
        continue;
      g_hash_table_add (seen, GUINT_TO_POINTER (ch));

      if (cls == ETHOS_CHAR_NEEDS_SHAPING)
        shaping = TRUE;
      else if (cls == ETHOS_CHAR_ASTRAL)
        {
          if (g_hash_table_size (seen) <= 8)
            {
              if (astral->len > 0)
                g_string_append (astral, ", ");
              ethos_unicode_append_codepoint (astral, ch, TRUE);
            }
        }
      else if (control->len == 0)
        ethos_unicode_append_codepoint (control, ch, FALSE);
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
                   _("The text contains a character that cannot be printed %s: a control, "
                     "private-use or unassigned character."),
                   control->str);
      return FALSE;
    }
  return TRUE;
}
