/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reading level of consent-form text, which guidance puts at the 6th–8th
 * grade: Flesch–Kincaid grade for English, INFLESZ (Szigriszt-Pazos
 * perspicuity, 0–100, higher is easier) for Spanish. A {placeholder} counts
 * as one word of two syllables. */

typedef struct
{
  guint    sentences;
  guint    words;
  guint    syllables;
  double   score;      /* en: grade; es: INFLESZ */
  gboolean hard;       /* en: above grade 8; es: below 55 ("algo difícil") */
} EthosReadability;

#define ETHOS_READABILITY_MAX_GRADE   8.0
#define ETHOS_READABILITY_MIN_INFLESZ 55.0

/* FALSE when @lang is neither "en" nor "es", or @text has no word. */
gboolean ethos_readability_measure (const char       *text,
                                    const char       *lang,
                                    EthosReadability *result);

/* The syllables of one word (lowercase or not), in @lang. */
guint    ethos_readability_syllables (const char     *word,
                                      gssize          length,
                                      const char     *lang);

G_END_DECLS
