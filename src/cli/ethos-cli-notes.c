/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-cli.h"
#include "ethos-user-db-notes.h"

/* ethos-cli notes export|import: the bookmarks and private notes, to a file
 * and back. */

/* "NOHS (2024), Standard 3", as a case note cites it. */
static char *
citation_cb (const char *code,
             const char *ref,
             gpointer    data)
{
  EthosCorpus *corpus = data;
  g_autoptr(EthosCodeInfo) info = corpus ? ethos_corpus_get_code (corpus, code, NULL) : NULL;
  g_autoptr(EthosItem) item = info ? ethos_corpus_get_item (corpus, info->id, ref, NULL) : NULL;

  return item ? ethos_item_format_citation (item, info, ETHOS_CITATION_SHORT) : NULL;
}

int
ethos_cli_notes (EthosCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autoptr(EthosUserDb) db = NULL;
  g_autoptr(EthosCorpus) corpus = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  GError *error = NULL;
  int status = ETHOS_EXIT_OK;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("json (the default) or markdown (easier to read); both import back"), N_("FORMAT") },
    { NULL }
  };

  if (!ethos_cli_parse (&argc, &argv, _("export -o FILE [--format json|markdown] | import FILE"),
                        _("Exports your bookmarks and private notes to a file only you can read "
                          "(mode 0600), or imports such a file back, JSON or Markdown. Importing "
                          "never overwrites a note: one for an item that already has a different "
                          "note is kept after it."),
                        entries, &status))
    return status;

  if (argc == 2 && g_str_equal (argv[1], "export"))
    {
      EthosMarksFormat fmt = ETHOS_MARKS_JSON;

      if (output == NULL)
        return ethos_cli_usage (_("usage: ethos-cli notes export -o FILE [--format json|markdown]"));
      if (format != NULL && g_str_equal (format, "markdown"))
        fmt = ETHOS_MARKS_MARKDOWN;
      else if (format != NULL && !g_str_equal (format, "json"))
        return ethos_cli_usage (_("--format must be json or markdown"));
      if (!(db = ethos_cli_open_user_db (cli, TRUE, &status)))
        return status;
      /* Without the codes, Markdown names places by code and ref. */
      if (fmt == ETHOS_MARKS_MARKDOWN)
        corpus = ethos_cli_open_corpus (cli, &status);
      if (!ethos_user_db_write_marks (db, fmt, citation_cb, corpus, output, &error))
        return ethos_cli_fail (error);
      return ETHOS_EXIT_OK;
    }
  if (argc == 3 && g_str_equal (argv[1], "import"))
    {
      EthosMarksImport result = { 0 };

      if (!(db = ethos_cli_open_user_db (cli, FALSE, &status)))
        return status;
      if (!ethos_user_db_import_marks (db, argv[2], &result, &error))
        return ethos_cli_fail (error);
      {
        g_autofree char *bookmarks = g_strdup_printf (
          ngettext ("%u bookmark", "%u bookmarks", result.bookmarks_added), result.bookmarks_added);
        g_autofree char *notes = g_strdup_printf (
          ngettext ("%u note", "%u notes", result.notes_added), result.notes_added);
        g_autofree char *kept = g_strdup_printf (
          ngettext ("%u note kept beside your own", "%u notes kept beside your own",
                    result.notes_merged), result.notes_merged);

        /* Translators: the counts after importing: "2 bookmarks and 1 note
         * added, 0 notes kept beside your own, 3 already here" */
        g_print (_("%s and %s added, %s, %u already here\n"), bookmarks, notes, kept,
                 result.unchanged);
      }
      return ETHOS_EXIT_OK;
    }
  return ethos_cli_usage (_("usage: ethos-cli notes export -o FILE [--format json|markdown] | "
                            "notes import FILE"));
}
