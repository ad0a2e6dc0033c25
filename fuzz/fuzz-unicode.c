/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-fuzz"

#include "config.h"

#include "ethos-error.h"
#include "ethos-fuzz.h"
#include "ethos-unicode.h"

/* The Unicode rules of what may be printed (layout/ethos-unicode.c), without
 * fonts: whatever the bytes, a refusal names its reason and an accepted text
 * holds only characters the layout can place. */

void
ethos_fuzz_setup (void)
{
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = ethos_fuzz_string (data, size);
  g_autoptr(GError) error = NULL;
  gboolean winansi;

  winansi = ethos_unicode_fits_winansi (text);
  if (!ethos_unicode_check_printable (text, &error))
    {
      ethos_fuzz_check_error (error, "ethos_unicode_check_printable");
      ethos_fuzz_assert (g_utf8_validate (error->message, -1, NULL), "messages are UTF-8");
      return 0;
    }

  ethos_fuzz_assert (g_utf8_validate (text, -1, NULL), "accepted text is UTF-8");
  for (const char *p = text; *p != 0; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      EthosCharClass cls = ethos_unicode_classify (ch);

      ethos_fuzz_assert (cls == ETHOS_CHAR_PRINTABLE || cls == ETHOS_CHAR_IGNORABLE ||
                         cls == ETHOS_CHAR_BREAK_HINT || cls == ETHOS_CHAR_LINE_BREAK,
                         "accepted text holds only printable, invisible or break characters");
      if (winansi && ch >= 0x80)
        ethos_fuzz_assert (ethos_unicode_winansi_byte (ch) != 0,
                           "text that fits WinAnsi has a WinAnsi byte for every character");
    }
  return 0;
}
