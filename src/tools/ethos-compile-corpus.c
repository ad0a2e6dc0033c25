/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-compile-corpus"

#include "config.h"

#include <locale.h>

#include "ethos-corpus-builder.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *topics = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Index to write", "FILE" },
    { "topics", 't', 0, G_OPTION_ARG_FILENAME, &topics, "The topics file", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "CODE.json…" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("CODE.json… — compile the codes into the search index");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      output == NULL || topics == NULL || files == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message
                  : "usage: ethos-compile-corpus -t topics.json -o corpus.db CODE.json…");
      return 2;
    }

  if (!ethos_corpus_build (output, topics, (const char * const *) files, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
