/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh private directory for the test, set as XDG_DATA_HOME and
 * XDG_CONFIG_HOME before anything reads them. Removed at exit. */
char     *ethos_test_init           (int          *argc,
                                     char       ***argv);
char     *ethos_test_write_file     (const char   *dir,
                                     const char   *name,
                                     const char   *contents);
/* Runs ethos-cli with @args (NULL-terminated); returns the exit status. */
int       ethos_test_run_cli        (char        **out,
                                     char        **err,
                                     const char   *first_arg,
                                     ...) G_GNUC_NULL_TERMINATED;
/* Runs ethos-cli --db @db @args…; @out and @err may be NULL (then
 * discarded). Returns the exit status. */
int       ethos_test_run_cli_db     (const char   *db,
                                     char        **out,
                                     char        **err,
                                     const char   *first_arg,
                                     ...) G_GNUC_NULL_TERMINATED;
int       ethos_test_run_argv       (const char * const *argv,
                                     char        **out,
                                     char        **err);
/* Collapses runs of white space into one space. */
char     *ethos_test_collapse_space (const char   *text);

G_END_DECLS
