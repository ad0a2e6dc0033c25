/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-fuzz"

#include "config.h"

#include <string.h>

#include "ethos-fuzz.h"
#include "ethos-marks-markdown-private.h"

/* The Markdown export of bookmarks and notes, read back
 * (store/ethos-marks-markdown.c), without a database: whatever the bytes,
 * a refusal names its reason, and what is read writes out as Markdown that
 * reads back to the same places. */

void
ethos_fuzz_setup (void)
{
}

static void
check_place (const EthosMarkPlace *place)
{
  ethos_fuzz_assert (place->code != NULL && place->ref != NULL, "a place has a code and a ref");
  ethos_fuzz_assert (*place->code != '\0' && strlen (place->code) <= ETHOS_MARKS_MAX_KEY_BYTES &&
                     *place->ref != '\0' && strlen (place->ref) <= ETHOS_MARKS_MAX_KEY_BYTES,
                     "codes and refs are 1 to 64 bytes");
  ethos_fuzz_assert (g_utf8_validate (place->code, -1, NULL) &&
                     g_utf8_validate (place->ref, -1, NULL), "codes and refs are UTF-8 text");
  ethos_fuzz_assert (place->note == NULL || (*place->note != '\0' &&
                                             g_utf8_validate (place->note, -1, NULL)),
                     "a note is UTF-8 text, never empty");
  ethos_fuzz_assert (place->line >= 2, "a place has the line of its heading");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *markdown = NULL;

  places = _ethos_marks_markdown_read ("fuzz.md", size > 0 ? (const char *) data : "", size,
                                       &error);
  if (places == NULL)
    {
      ethos_fuzz_check_error (error, "_ethos_marks_markdown_read");
      ethos_fuzz_assert (g_str_has_prefix (error->message, "fuzz.md: line "),
                         "a refusal names the file and the line");
      return 0;
    }

  for (guint i = 0; i < places->len; i++)
    check_place (g_ptr_array_index (places, i));

  markdown = _ethos_marks_markdown_write (places);
  again = _ethos_marks_markdown_read ("again.md", markdown, strlen (markdown), &error);
  if (again == NULL)
    g_error ("what was read does not read back once written: %s", error->message);
  ethos_fuzz_assert (again->len == places->len, "the places read back, as many");
  for (guint i = 0; i < places->len; i++)
    {
      const EthosMarkPlace *a = g_ptr_array_index (places, i);
      const EthosMarkPlace *b = g_ptr_array_index (again, i);

      ethos_fuzz_assert (g_str_equal (a->code, b->code) && g_str_equal (a->ref, b->ref) &&
                         a->bookmarked == b->bookmarked && g_strcmp0 (a->note, b->note) == 0,
                         "a place reads back as it was");
    }
  return 0;
}
