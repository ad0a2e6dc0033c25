/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads @path whole, stopping at @max_bytes while reading, so a file that
 * never ends (/dev/zero, a FIFO fed forever) costs at most the cap.
 * *@contents is NUL-terminated. Too large: ETHOS_ERROR_INVALID_DATA
 * ("too large"); unreadable: ETHOS_ERROR_IO. Both name the path. */
gboolean ethos_file_read         (const char    *path,
                                  gsize          max_bytes,
                                  char         **contents,
                                  gsize         *length,
                                  GError       **error);

/* Refuses an existing @path that is not a regular file or a symbolic link
 * (a device, a FIFO, a socket, a folder): writing would replace it.
 * ETHOS_ERROR_IO, naming the path. */
gboolean ethos_file_check_output (const char    *path,
                                  GError       **error);

/* Writes @data to @path so that the file is either the old one or the
 * complete new one. The data goes to an unnamed temporary file (O_TMPFILE)
 * where the filesystem has them, else to a named one, ".ethos-XXXXXX" in the
 * same folder (fixed length, so any valid name works), locked while it is
 * written; it is fsync'd, given @mode, then renamed over @path (a symbolic
 * link at @path is replaced, its target left alone). Stale temporary files
 * of a killed writer (older than a minute, unlocked) are removed from the
 * folder first, and so are the forms Ethos 0.1.0 left under its older
 * temporary names (".NAME.pdf.XXXXXX", holding a PDF). Nothing is left behind on failure. Errors are
 * ETHOS_ERROR_IO and name the path (EFBIG included: callers ignore
 * SIGXFSZ). */
gboolean ethos_file_write_atomic (const char    *path,
                                  gconstpointer  data,
                                  gsize          length,
                                  int            mode,
                                  GError       **error);

/* The prefix of our temporary files, for tests. */
#define ETHOS_FILE_TEMP_PREFIX ".ethos-"

G_END_DECLS
