/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-fuzz"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <locale.h>
#include <stdlib.h>

#include "ethos-error.h"
#include "ethos-fuzz.h"

/* Every error, critical or warning is a finding (a g_return_if_fail that
 * fired means the code under test called an API wrongly). GLib ends the
 * process with SIGTRAP, which libFuzzer does not catch; abort() it is, so
 * libFuzzer saves the input. */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  GLogWriterOutput result = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL |
                   G_LOG_LEVEL_WARNING))
    abort ();
  return result;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_writer_func (log_writer, NULL, NULL);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
  ethos_fuzz_setup ();
  return 0;
}

char *
ethos_fuzz_source_file (const char *relative)
{
  return g_build_filename (ETHOS_SOURCE_ROOT, relative, NULL);
}

char *
ethos_fuzz_build_file (const char *relative)
{
  return g_build_filename (ETHOS_BUILD_ROOT, relative, NULL);
}

char *
ethos_fuzz_string (const uint8_t *data,
                   size_t         size)
{
  return g_strndup ((const char *) data, size);
}

void
ethos_fuzz_check_error (const GError *error,
                        const char   *what)
{
  if (error == NULL)
    g_error ("%s failed without saying why", what);
  if (error->domain != ETHOS_ERROR)
    g_error ("%s failed with a foreign error (%s %d): %s", what,
             g_quark_to_string (error->domain), error->code, error->message);
  if (error->message == NULL || !g_utf8_validate (error->message, -1, NULL))
    g_error ("%s failed with a message that is not UTF-8 text", what);
}

static EthosFonts *fonts;

static void
free_fonts (void)
{
  g_clear_pointer (&fonts, ethos_fonts_free);
  FcFini ();
}

EthosFonts *
ethos_fuzz_get_fonts (void)
{
  g_autoptr(GError) error = NULL;

  if (fonts != NULL)
    return fonts;
  if (!(fonts = ethos_fonts_new (&error)))
    g_error ("%s", error->message);
  atexit (free_fonts);
  return fonts;
}
