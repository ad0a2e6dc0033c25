/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

#include "ethos-fonts.h"

G_BEGIN_DECLS

/* libFuzzer's entry points: each fuzz-*.c defines the first; ethos-fuzz.c
 * defines the second (shared set-up). */
int   LLVMFuzzerTestOneInput (const uint8_t  *data,
                              size_t          size);
int   LLVMFuzzerInitialize   (int            *argc,
                              char         ***argv);

/* Called once before the first input: what a target loads once (the
 * requirements, the fonts, the corpus). Each fuzz-*.c defines it. */
void  ethos_fuzz_setup       (void);

/* A file of the source or build tree, by its path relative to the root. */
char *ethos_fuzz_source_file (const char     *relative);
char *ethos_fuzz_build_file  (const char     *relative);

/* The input as a C string (cut at the first NUL, as a C API sees it). */
char *ethos_fuzz_string      (const uint8_t  *data,
                              size_t          size);

/* The fonts, created once, freed at exit with fontconfig's own state
 * (FcFini), so LeakSanitizer's check at exit sees no leak of fontconfig's
 * configuration. */
EthosFonts *ethos_fuzz_get_fonts (void);

/* A call that failed must have said why, with an ETHOS_ERROR: anything
 * else (no error, a foreign domain) aborts, and libFuzzer keeps the input. */
void  ethos_fuzz_check_error (const GError   *error,
                              const char     *what);

/* Aborts with @what when @condition is false: an invariant of the API. */
#define ethos_fuzz_assert(condition, what) \
  G_STMT_START { if (!(condition)) g_error ("invariant broken: %s (%s)", what, #condition); } G_STMT_END

G_END_DECLS
