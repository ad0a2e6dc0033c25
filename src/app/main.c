/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>

#include "ethos-application.h"
#include "ethos-paths.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EthosApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, ethos_paths_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* Past a file size limit a write fails with EFBIG and is reported. */
  signal (SIGXFSZ, SIG_IGN);

  app = ethos_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
