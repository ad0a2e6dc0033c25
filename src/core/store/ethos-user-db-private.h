/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ethos-sqlite-private.h"
#include "ethos-user-db.h"

G_BEGIN_DECLS

struct _EthosUserDb
{
  sqlite3  *db;
  char     *path;
  gboolean  read_only;
  char     *damaged_path;   /* where a damaged file was moved, or NULL */
  char     *rescue_path;    /* what could be read of it (JSON), or NULL */
};

/* Saves what @db still lets read (bookmarks, notes, agency profile and
 * logo, agency templates) as a rescue file at @path (mode 0600). FALSE
 * when nothing could be read. */
gboolean _ethos_user_db_write_rescue (sqlite3      *db,
                                      const char   *path,
                                      GError      **error);

/* Runs @sql binding ?1 @code, ?2 @ref, ?3 the current time, ?4 @text (as
 * many as the statement has). */
gboolean _ethos_user_db_run (EthosUserDb  *self,
                             const char   *sql,
                             GError      **error,
                             const char   *code,
                             const char   *ref,
                             const char   *text);

G_END_DECLS
