/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-readability"

#include "config.h"

#include <string.h>

#include "ethos-readability.h"

/* English syllables are counted as GNU style (diction) counts them, so that
 * the grade agrees with that widely used tool: groups of lowercase vowels
 * (y included), a group ending the word silent, and the "e" of a final
 * "-ed". Spanish syllables are vowel nuclei: strong vowels (a, e, o, and an
 * accented í or ú) in a row are a hiatus, a weak vowel (i, u, ü, final y)
 * beside another vowel forms a diphthong; the u of que, qui, gue, gui is
 * silent. */

static gboolean
is_en_vowel (gunichar c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

static guint
syllables_en (const char *word,
              gsize       length)
{
  guint groups = 0;
  gboolean in_group = FALSE;
  gsize last_group_end = 0;

  for (gsize i = 0; i < length; i++)
    {
      gboolean vowel = is_en_vowel ((guchar) word[i]);

      if (vowel && !in_group)
        groups++;
      if (vowel)
        last_group_end = i + 1;
      in_group = vowel;
    }
  if (groups > 0 && last_group_end == length)
    groups--;
  else if (groups > 0 && length >= 2 && word[length - 2] == 'e' && word[length - 1] == 'd' &&
           last_group_end == length - 1)
    groups--;
  return MAX (groups, 1);
}

typedef enum { NOT_VOWEL, WEAK, STRONG } SpanishVowel;

static SpanishVowel
es_vowel (gunichar c,
          gboolean at_end)
{
  switch (c)
    {
    case 'a': case 'e': case 'o':
    case 0xE1: case 0xE9: case 0xF3:         /* á é ó */
    case 0xED: case 0xFA:                    /* í ú: an accent breaks the diphthong */
      return STRONG;
    case 'i': case 'u': case 0xFC:           /* ü */
      return WEAK;
    case 'y':
      return at_end ? WEAK : NOT_VOWEL;
    default:
      return NOT_VOWEL;
    }
}

static guint
syllables_es (const char *word,
              gsize       length)
{
  g_autofree char *lower = g_utf8_strdown (word, (gssize) length);
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (lower, -1, NULL);
  glong n = 0;
  guint nuclei = 0;
  SpanishVowel prev = NOT_VOWEL;

  while (chars[n] != 0)
    n++;
  if (n == 1 && chars[0] == 'y')
    return 1;
  for (glong i = 0; i < n; i++)
    {
      gunichar c = chars[i];
      SpanishVowel v = es_vowel (c, i == n - 1);

      /* que, qui, gue, gui: the u is not pronounced. */
      if (c == 'u' && i > 0 && (chars[i - 1] == 'q' || chars[i - 1] == 'g') && i + 1 < n &&
          (chars[i + 1] == 'e' || chars[i + 1] == 'i' || chars[i + 1] == 0xE9 ||
           chars[i + 1] == 0xED))
        v = NOT_VOWEL;
      if (v == NOT_VOWEL)
        {
          prev = NOT_VOWEL;
          continue;
        }
      if (prev == NOT_VOWEL || (prev == STRONG && v == STRONG))
        nuclei++;
      /* A diphthong's second part adds nothing; its nucleus counts as strong. */
      prev = (prev != NOT_VOWEL && v == WEAK) ? STRONG : v;
    }
  return MAX (nuclei, 1);
}

guint
ethos_readability_syllables (const char *word,
                             gssize      length,
                             const char *lang)
{
  g_return_val_if_fail (word != NULL && lang != NULL, 0);

  if (length < 0)
    length = (gssize) strlen (word);
  if (g_str_equal (lang, "es"))
    return syllables_es (word, (gsize) length);
  return syllables_en (word, (gsize) length);
}

static gboolean
ends_sentence (gunichar c)
{
  /* A colon or semicolon closes a clause a reader takes as one sentence,
   * as GNU style does. */
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x2026;
}

gboolean
ethos_readability_measure (const char       *text,
                           const char       *lang,
                           EthosReadability *result)
{
  gboolean spanish;
  gboolean in_sentence = FALSE;
  const char *p;

  g_return_val_if_fail (text != NULL && lang != NULL && result != NULL, FALSE);

  *result = (EthosReadability) { 0 };
  if (!g_str_equal (lang, "en") && !g_str_equal (lang, "es"))
    return FALSE;
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  spanish = g_str_equal (lang, "es");

  for (p = text; *p != 0;)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '{')
        {
          const char *close = strchr (p, '}');

          if (close != NULL)
            {
              /* A value to be filled in: one word of two syllables. */
              result->words++;
              result->syllables += 2;
              in_sentence = TRUE;
              p = close + 1;
              continue;
            }
        }
      if (g_unichar_isalnum (c))
        {
          const char *start = p;

          while (*p != 0)
            {
              gunichar d = g_utf8_get_char (p);
              /* Apostrophes inside words: "client's", "don’t". */
              if (!g_unichar_isalnum (d) && !((d == '\'' || d == 0x2019) && p > start &&
                                              g_unichar_isalpha (g_utf8_get_char (g_utf8_next_char (p)))))
                break;
              p = g_utf8_next_char (p);
            }
          result->words++;
          if (g_unichar_isalpha (c))
            result->syllables += ethos_readability_syllables (start, p - start, lang);
          else
            result->syllables += 1;
          in_sentence = TRUE;
          continue;
        }
      /* A sentence ends at its punctuation, or at the end of a line or list
       * item that has none. */
      if (in_sentence && (ends_sentence (c) || c == '\n'))
        {
          result->sentences++;
          in_sentence = FALSE;
        }
      p = g_utf8_next_char (p);
    }
  if (in_sentence)
    result->sentences++;
  if (result->words == 0)
    return FALSE;

  if (spanish)
    {
      result->score = 206.835 - 62.3 * result->syllables / (double) result->words -
                      (double) result->words / result->sentences;
      result->hard = result->score < ETHOS_READABILITY_MIN_INFLESZ;
    }
  else
    {
      result->score = 0.39 * result->words / (double) result->sentences +
                      11.8 * result->syllables / (double) result->words - 15.59;
      result->hard = result->score > ETHOS_READABILITY_MAX_GRADE;
    }
  return TRUE;
}
