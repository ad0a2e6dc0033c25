/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-markup"

#include "config.h"

#include <string.h>

#include "ethos-corpus.h"
#include "ethos-markup.h"

#define HIGHLIGHT_OPEN  "<span weight=\"bold\" bgcolor=\"#f6d32d\" bgalpha=\"50%\">"
#define HIGHLIGHT_CLOSE "</span>"

char *
ethos_markup_from_marked (const char *marked)
{
  GString *out;
  const char *p;
  gboolean open = FALSE;

  if (marked == NULL)
    return g_strdup ("");

  out = g_string_new (NULL);
  p = marked;
  while (*p)
    {
      gsize run = strcspn (p, ETHOS_SNIPPET_OPEN ETHOS_SNIPPET_CLOSE);

      if (run > 0)
        {
          g_autofree char *escaped = g_markup_escape_text (p, run);
          g_string_append (out, escaped);
          p += run;
          continue;
        }
      /* A marker: ignore unbalanced ones so the markup always parses. */
      if (*p == ETHOS_SNIPPET_OPEN[0] && !open)
        {
          g_string_append (out, HIGHLIGHT_OPEN);
          open = TRUE;
        }
      else if (*p == ETHOS_SNIPPET_CLOSE[0] && open)
        {
          g_string_append (out, HIGHLIGHT_CLOSE);
          open = FALSE;
        }
      p++;
    }
  if (open)
    g_string_append (out, HIGHLIGHT_CLOSE);
  return g_string_free (out, FALSE);
}

char *
ethos_markup_strip_marks (const char *marked)
{
  GString *out;

  if (marked == NULL)
    return NULL;
  out = g_string_new (marked);
  g_string_replace (out, ETHOS_SNIPPET_OPEN, "", 0);
  g_string_replace (out, ETHOS_SNIPPET_CLOSE, "", 0);
  return g_string_free (out, FALSE);
}
