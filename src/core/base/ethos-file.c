/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ethos-error.h"
#include "ethos-file.h"

static gboolean
io_error (GError     **error,
          const char  *path,
          int          saved_errno)
{
  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, _("Could not write %s: %s"),
               path, g_strerror (saved_errno));
  return FALSE;
}

gboolean
ethos_file_write_atomic (const char    *path,
                         gconstpointer  data,
                         gsize          length,
                         int            mode,
                         GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  const guint8 *p = data;
  gsize left = length;
  int fd;

  g_return_val_if_fail (path != NULL && (data != NULL || length == 0), FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return io_error (error, path, EISDIR);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0)
    return io_error (error, path, errno);

  while (left > 0)
    {
      ssize_t n = write (fd, p, left);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : ENOSPC;
          close (fd);
          g_unlink (tmp);
          return io_error (error, path, saved);
        }
      p += n;
      left -= (gsize) n;
    }

  /* mkstemp applies the umask; the caller's mode (0600 for forms) wins. */
  if (fchmod (fd, mode) != 0 || fsync (fd) != 0)
    {
      int saved = errno;
      close (fd);
      g_unlink (tmp);
      return io_error (error, path, saved);
    }
  if (close (fd) != 0 || g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      return io_error (error, path, saved);
    }
  return TRUE;
}
