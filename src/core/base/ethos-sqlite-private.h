/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

gboolean      _ethos_sqlite_fail      (sqlite3       *db,
                                       const char    *what,
                                       GError       **error);
gboolean      _ethos_sqlite_exec      (sqlite3       *db,
                                       const char    *sql,
                                       GError       **error);
sqlite3_stmt *_ethos_sqlite_prepare   (sqlite3       *db,
                                       const char    *sql,
                                       GError       **error);
void          _ethos_sqlite_bind_text (sqlite3_stmt  *stmt,
                                       int            index,
                                       const char    *text);
char         *_ethos_sqlite_dup_text  (sqlite3_stmt  *stmt,
                                       int            column);

G_END_DECLS
