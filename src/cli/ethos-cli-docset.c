/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-cli.h"
#include "ethos-docset.h"

int
ethos_cli_docset (EthosCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(EthosCorpus) corpus = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *target = NULL;
  GError *error = NULL;
  int status = ETHOS_EXIT_OK;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir,
      N_("Write Ethos.docset into DIR (created if missing)"), N_("DIR") },
    { NULL }
  };

  if (!ethos_cli_parse (&argc, &argv, NULL,
                        _("Exports the codes as a Dash/Zeal docset, DIR/Ethos.docset, "
                          "replacing an older one."), entries, &status))
    return status;
  if (argc > 1)
    return ethos_cli_usage (_("“docset” takes no arguments; use -o DIR"));
  if (out_dir == NULL || *out_dir == '\0')
    return ethos_cli_usage (_("Name the output folder with -o DIR"));
  if (!(corpus = ethos_cli_open_corpus (cli, &status)))
    return status;
  if (!ethos_docset_export (corpus, out_dir, &error))
    return ethos_cli_fail (error);

  target = g_build_filename (out_dir, ETHOS_DOCSET_NAME, NULL);
  g_print ("%s\n", target);
  return ETHOS_EXIT_OK;
}
