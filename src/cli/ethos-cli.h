/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "ethos-corpus.h"
#include "ethos-template-store.h"
#include "ethos-user-db.h"

G_BEGIN_DECLS

/* Exit statuses: a contract (PRODUCT.md §4, man page). */
typedef enum
{
  ETHOS_EXIT_OK = 0,
  ETHOS_EXIT_CHECK_FAILED = 1,
  ETHOS_EXIT_USAGE = 2,
  ETHOS_EXIT_INVALID_INPUT = 3,
  ETHOS_EXIT_IO = 4,
} EthosExit;

typedef struct
{
  const char *db_path;     /* --db, or NULL for the default */
  gboolean    stdout_tty;
} EthosCli;

typedef int (*EthosCliCommand) (EthosCli *cli, int argc, char **argv);

int          ethos_cli_fail          (GError        *error);
void         ethos_cli_print_json    (JsonBuilder   *builder);
int          ethos_cli_usage         (const char    *format,
                                      ...) G_GNUC_PRINTF (1, 2);
gboolean     ethos_cli_parse         (int           *argc,
                                      char        ***argv,
                                      const char    *parameter,
                                      const char    *summary,
                                      const GOptionEntry *entries,
                                      int           *status);
EthosCorpus *ethos_cli_open_corpus   (EthosCli      *cli,
                                      int           *status);
/* @read_only: the command only reads (a 0400 file can still be read). */
EthosUserDb *ethos_cli_open_user_db  (EthosCli      *cli,
                                      gboolean       read_only,
                                      int           *status);

EthosTemplateStore *ethos_cli_open_store (EthosCli     *cli,
                                          gboolean      read_only,
                                          EthosUserDb **db_out,
                                          int          *status);
int                 ethos_cli_set_logo   (EthosUserDb  *db,
                                          const char   *path);
void                ethos_cli_warn_uncovered (EthosTemplateStore  *store,
                                          const EthosTemplate *tmpl);

int ethos_cli_codes  (EthosCli *cli, int argc, char **argv);
int ethos_cli_templates (EthosCli *cli, int argc, char **argv);
int ethos_cli_coverage  (EthosCli *cli, int argc, char **argv);
int ethos_cli_template  (EthosCli *cli, int argc, char **argv);
int ethos_cli_agency    (EthosCli *cli, int argc, char **argv);
int ethos_cli_import_rescue (EthosCli *cli, int argc, char **argv);
int ethos_cli_generate  (EthosCli *cli, int argc, char **argv);
int ethos_cli_batch     (EthosCli *cli, int argc, char **argv);
int ethos_cli_show   (EthosCli *cli, int argc, char **argv);
int ethos_cli_search (EthosCli *cli, int argc, char **argv);
int ethos_cli_topics (EthosCli *cli, int argc, char **argv);
int ethos_cli_docset (EthosCli *cli, int argc, char **argv);
int ethos_cli_notes  (EthosCli *cli, int argc, char **argv);

G_END_DECLS
