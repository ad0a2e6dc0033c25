/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ethos-error.h"
#include "ethos-unicode.h"

/* The Unicode classification needs no font: nothing here creates an
 * EthosFonts or asks fontconfig. */

static void
assert_refused (const char *text,
                int         code,
                const char *needle)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ethos_unicode_check_printable (text, &error));
  g_assert_error (error, ETHOS_ERROR, code);
  g_assert_nonnull (strstr (error->message, needle));
}

static void
test_classify (void)
{
  g_assert_cmpint (ethos_unicode_classify ('A'), ==, ETHOS_CHAR_PRINTABLE);
  g_assert_cmpint (ethos_unicode_classify (0x1EC5), ==, ETHOS_CHAR_PRINTABLE);  /* ễ */
  g_assert_cmpint (ethos_unicode_classify (0x738B), ==, ETHOS_CHAR_PRINTABLE);  /* 王 */
  g_assert_cmpint (ethos_unicode_classify ('\n'), ==, ETHOS_CHAR_LINE_BREAK);
  g_assert_cmpint (ethos_unicode_classify (0x2028), ==, ETHOS_CHAR_LINE_BREAK);
  g_assert_cmpint (ethos_unicode_classify (0x00AD), ==, ETHOS_CHAR_BREAK_HINT);
  g_assert_cmpint (ethos_unicode_classify (0x200D), ==, ETHOS_CHAR_IGNORABLE);
  g_assert_cmpint (ethos_unicode_classify (0x0007), ==, ETHOS_CHAR_CONTROL);
  g_assert_cmpint (ethos_unicode_classify (0x0627), ==, ETHOS_CHAR_NEEDS_SHAPING); /* ا */
  g_assert_cmpint (ethos_unicode_classify (0x202E), ==, ETHOS_CHAR_NEEDS_SHAPING);
  g_assert_cmpint (ethos_unicode_classify (0x1F600), ==, ETHOS_CHAR_ASTRAL);
}

static void
test_check_printable (void)
{
  g_assert_true (ethos_unicode_check_printable ("Nguyễn Thị Minh, 王芳, Łukasz O'Brien", NULL));
  g_assert_true (ethos_unicode_check_printable ("", NULL));
  assert_refused ("Ana مرحبا بكم", ETHOS_ERROR_UNSUPPORTED, "Arabic: “مرحبا بكم”");
  assert_refused ("שלום", ETHOS_ERROR_UNSUPPORTED, "Hebrew");
  assert_refused ("Ana\u202EBob", ETHOS_ERROR_UNSUPPORTED, "right-to-left");
  assert_refused ("Ana 😀", ETHOS_ERROR_UNSUPPORTED, "U+1F600");
  assert_refused ("Ana\aBob", ETHOS_ERROR_INVALID_DATA, "U+0007");
  assert_refused ("Ana \xff", ETHOS_ERROR_INVALID_DATA, "UTF-8");
}

static void
test_winansi (void)
{
  g_assert_true (ethos_unicode_fits_winansi ("José Núñez — “quoted” € œ"));
  g_assert_false (ethos_unicode_fits_winansi ("Łukasz"));
  g_assert_false (ethos_unicode_fits_winansi ("Ana\x01"));
  g_assert_cmpuint (ethos_unicode_winansi_byte (0x20AC), ==, 0x80);
  g_assert_cmpuint (ethos_unicode_winansi_byte (0x141), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/unicode/classify", test_classify);
  g_test_add_func ("/unicode/check-printable", test_check_printable);
  g_test_add_func ("/unicode/winansi", test_winansi);
  return g_test_run ();
}
