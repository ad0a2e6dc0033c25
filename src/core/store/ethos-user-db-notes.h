/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ethos-user-db.h"

G_BEGIN_DECLS

/* Bookmarks and private notes to a file and back, so that a practitioner
 * keeps them when changing machines. Both formats import back: JSON, and
 * Markdown for reading, whose hidden comments name each place. Files are
 * written atomically, owner-only (0600). Both formats are documented in
 * README.md. */

typedef enum
{
  ETHOS_MARKS_JSON,
  ETHOS_MARKS_MARKDOWN,
} EthosMarksFormat;

/* How a place is named in the Markdown ("NOHS Standard 3"); the store
 * does not know the codes. NULL, or returning NULL: "code ref". */
typedef char *(*EthosMarkTitleFunc) (const char *code,
                                     const char *ref,
                                     gpointer    data);

typedef struct
{
  guint bookmarks_added;
  guint notes_added;
  guint notes_merged;   /* kept beside a different note already there */
  guint unchanged;      /* already there as they are */
} EthosMarksImport;

char     *ethos_user_db_export_marks (EthosUserDb         *db,
                                      EthosMarksFormat     format,
                                      EthosMarkTitleFunc   title_func,
                                      gpointer             data,
                                      GError             **error);
gboolean  ethos_user_db_write_marks  (EthosUserDb         *db,
                                      EthosMarksFormat     format,
                                      EthosMarkTitleFunc   title_func,
                                      gpointer             data,
                                      const char          *path,
                                      GError             **error);
/* Adds the bookmarks and notes of an export, JSON or Markdown (told apart
 * by their content), all or nothing. A note for an item that already has
 * a different one is added after it, below a line saying so: nothing the
 * user wrote is overwritten. Importing the same file twice changes nothing
 * the second time. */
gboolean  ethos_user_db_import_marks (EthosUserDb         *db,
                                      const char          *path,
                                      EthosMarksImport    *result,
                                      GError             **error);

G_END_DECLS
