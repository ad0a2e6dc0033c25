/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @data to @path so that the file is either the old one or the
 * complete new one: a temporary file in the same directory, written,
 * fsync'd, given @mode, then renamed over @path. Nothing is left behind on
 * failure. Errors are ETHOS_ERROR_IO and name the path. */
gboolean ethos_file_write_atomic (const char    *path,
                                  gconstpointer  data,
                                  gsize          length,
                                  int            mode,
                                  GError       **error);

G_END_DECLS
