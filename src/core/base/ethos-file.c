/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#define G_LOG_DOMAIN "ethos-file"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "ethos-error.h"
#include "ethos-file.h"

/* A temporary file untouched this long belongs to a writer that died. */
#define STALE_SECONDS 60
#define TEMP_RANDOM_CHARS 6

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
ethos_file_read (const char  *path,
                 gsize        max_bytes,
                 char       **contents,
                 gsize       *length,
                 GError     **error)
{
  g_autofree char *size_text = g_format_size (max_bytes);
  g_autoptr(GByteArray) buffer = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL && contents != NULL, FALSE);

  *contents = NULL;
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, _("Could not read %s: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0)
    st.st_mode = 0;
  else if (S_ISREG (st.st_mode) && (guint64) st.st_size > max_bytes)
    goto too_large;

  /* A regular file's size is known; a device or a pipe grows as it comes. */
  buffer = g_byte_array_sized_new (S_ISREG (st.st_mode) ? (guint) st.st_size + 1 : 4096);
  for (;;)
    {
      guint8 chunk[65536];
      /* One byte past the cap tells "exactly the cap" from "more". */
      gsize want = MIN (sizeof chunk, max_bytes + 1 - buffer->len);
      ssize_t n = read (fd, chunk, want);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, _("Could not read %s: %s"),
                       path, g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      g_byte_array_append (buffer, chunk, (guint) n);
      if (buffer->len > max_bytes)
        goto too_large;
    }
  close (fd);
  if (length != NULL)
    *length = buffer->len;
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);
  return TRUE;

too_large:
  close (fd);
  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA, _("%s is too large (over %s)"),
               path, size_text);
  return FALSE;
}

gboolean
ethos_file_check_output (const char  *path,
                         GError     **error)
{
  struct stat st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (lstat (path, &st) != 0)
    return errno == ENOENT ? TRUE : io_error (error, path, errno);
  if (S_ISREG (st.st_mode) || S_ISLNK (st.st_mode))
    return TRUE;
  if (S_ISDIR (st.st_mode))
    return io_error (error, path, EISDIR);
  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO,
               _("Could not write %s: it is a device, pipe or socket, not a file; choose "
                 "another name"), path);
  return FALSE;
}

static gboolean
is_temp_name (const char *name)
{
  if (!g_str_has_prefix (name, ETHOS_FILE_TEMP_PREFIX) ||
      strlen (name) != strlen (ETHOS_FILE_TEMP_PREFIX) + TEMP_RANDOM_CHARS)
    return FALSE;
  for (const char *p = name + strlen (ETHOS_FILE_TEMP_PREFIX); *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

/* Ethos 0.1.0 wrote through mkstemp names, ".NAME.XXXXXX" beside NAME, and a
 * killed batch left complete forms under them. Only a form's name is taken
 * for one of those: NAME ends in ".pdf", and the six characters (mkstemp's
 * letters and digits) are not all lowercase letters, so that a file like
 * ".intake.pdf.backup" is never taken for ours; the content is checked too. */
static gboolean
is_old_temp_name (const char *name)
{
  size_t len = strlen (name);
  const char *random = name + len - TEMP_RANDOM_CHARS;
  gboolean mixed = FALSE;

  /* ".x.pdf.XXXXXX" at the least. */
  if (name[0] != '.' || len < 1 + 5 + 1 + TEMP_RANDOM_CHARS || random[-1] != '.' ||
      g_ascii_strncasecmp (random - 5, ".pdf", 4) != 0)
    return FALSE;
  for (const char *p = random; *p; p++)
    {
      if (!g_ascii_isalnum (*p))
        return FALSE;
      mixed |= !g_ascii_islower (*p);
    }
  return mixed;
}

static gboolean
holds_pdf (int fd)
{
  char head[5];

  return pread (fd, head, sizeof head, 0) == sizeof head && memcmp (head, "%PDF-", 5) == 0;
}

/* Removes temporary files a killed writer left (they may hold a client's
 * form): ours by name and owner, a minute old, and not locked by a writer
 * still running; and the forms Ethos 0.1.0 left under its older names.
 * Best effort: a failure here never stops the write. */
G_LOCK_DEFINE_STATIC (swept);
static GHashTable *swept;   /* "dev:ino" of a folder → when this process last swept it */

/* A folder swept less than STALE_SECONDS ago has nothing stale yet that the
 * sweep did not see: a batch writing a thousand files into one folder
 * sweeps it once, not a thousand times. */
static gboolean
swept_recently (int    dir_fd,
                gint64 now)
{
  struct stat st;
  g_autofree char *key = NULL;
  gpointer last;
  gboolean recent;

  if (fstat (dir_fd, &st) != 0)
    return FALSE;
  key = g_strdup_printf ("%ju:%ju", (uintmax_t) st.st_dev, (uintmax_t) st.st_ino);
  G_LOCK (swept);
  if (swept == NULL)
    swept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  last = g_hash_table_lookup (swept, key);
  recent = last != NULL && now - GPOINTER_TO_SIZE (last) < STALE_SECONDS;
  if (!recent)
    g_hash_table_insert (swept, g_steal_pointer (&key), GSIZE_TO_POINTER ((gsize) now));
  G_UNLOCK (swept);
  return recent;
}

static void
remove_stale (int dir_fd)
{
  int fd;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  struct dirent *entry;
  DIR *dir;

  if (swept_recently (dir_fd, now))
    return;
  fd = openat (dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || (dir = fdopendir (fd)) == NULL)
    {
      if (fd >= 0)
        close (fd);
      return;
    }
  while ((entry = readdir (dir)) != NULL)
    {
      struct stat st;
      gboolean old_style = FALSE;
      int tmp_fd;

      if ((!is_temp_name (entry->d_name) && !(old_style = is_old_temp_name (entry->d_name))) ||
          fstatat (dir_fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
          !S_ISREG (st.st_mode) || st.st_uid != getuid () || now - st.st_mtime < STALE_SECONDS)
        continue;
      tmp_fd = openat (dir_fd, entry->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
      if (tmp_fd < 0)
        continue;
      if ((!old_style || holds_pdf (tmp_fd)) && flock (tmp_fd, LOCK_EX | LOCK_NB) == 0)
        unlinkat (dir_fd, entry->d_name, 0);
      close (tmp_fd);
    }
  closedir (dir);
}

static void
random_temp_name (char *name)
{
  static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  char *p = name + strlen (ETHOS_FILE_TEMP_PREFIX);

  strcpy (name, ETHOS_FILE_TEMP_PREFIX);
  for (int i = 0; i < TEMP_RANDOM_CHARS; i++)
    *p++ = chars[g_random_int_range (0, sizeof chars - 1)];
  *p = '\0';
}

/* A named temporary file in the folder, created and locked. */
static int
create_named_temp (int   dir_fd,
                   char *name,
                   int   mode)
{
  for (int attempt = 0; attempt < 100; attempt++)
    {
      int fd;

      random_temp_name (name);
      fd = openat (dir_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode & 0600);
      if (fd >= 0)
        return fd;
      if (errno != EEXIST)
        return -1;
    }
  errno = EEXIST;
  return -1;
}

/* Gives the unnamed file @fd a temporary name: linkat cannot replace a
 * file, so it is linked under a fresh name and then renamed. */
static gboolean
link_unnamed_temp (int   dir_fd,
                   int   fd,
                   char *name)
{
  g_autofree char *proc_path = g_strdup_printf ("/proc/self/fd/%d", fd);

  for (int attempt = 0; attempt < 100; attempt++)
    {
      random_temp_name (name);
      if (linkat (AT_FDCWD, proc_path, dir_fd, name, AT_SYMLINK_FOLLOW) == 0)
        return TRUE;
      if (errno != EEXIST)
        return FALSE;
    }
  errno = EEXIST;
  return FALSE;
}

static gboolean
write_all (int            fd,
           const guint8  *p,
           gsize          left)
{
  while (left > 0)
    {
      ssize_t n = write (fd, p, MIN (left, (gsize) G_MAXSSIZE));
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      p += n;
      left -= (gsize) n;
    }
  return TRUE;
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
  char name[sizeof ETHOS_FILE_TEMP_PREFIX + TEMP_RANDOM_CHARS] = "";
  gboolean named = FALSE;     /* the temporary file has a name to remove */
  int dir_fd, fd, saved;

  g_return_val_if_fail (path != NULL && (data != NULL || length == 0), FALSE);

  if (!ethos_file_check_output (path, error))
    return FALSE;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd < 0)
    return io_error (error, path, errno);
  remove_stale (dir_fd);

  /* An unnamed file cannot be left behind by a kill; NFS and CIFS have none. */
  fd = openat (dir_fd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, mode & 0600);
  if (fd < 0)
    {
      if ((fd = create_named_temp (dir_fd, name, mode)) < 0)
        goto fail;
      named = TRUE;
    }
  /* Held until the rename, so that no other writer takes it for stale. */
  flock (fd, LOCK_EX);

  /* The umask applied at creation; the caller's mode (0600 for forms) wins. */
  if (!write_all (fd, data, length) || fchmod (fd, mode) != 0 || fsync (fd) != 0)
    goto fail;
  if (!named)
    {
      if (!link_unnamed_temp (dir_fd, fd, name))
        goto fail;
      named = TRUE;
    }
  if (!ethos_file_check_output (path, error))
    {
      unlinkat (dir_fd, name, 0);
      close (fd);
      close (dir_fd);
      return FALSE;
    }
  if (renameat (dir_fd, name, dir_fd, base) != 0)
    goto fail;
  fsync (dir_fd);
  if (close (fd) != 0)
    {
      saved = errno;
      close (dir_fd);
      return io_error (error, path, saved);
    }
  close (dir_fd);
  return TRUE;

fail:
  saved = errno;
  if (named)
    unlinkat (dir_fd, name, 0);
  if (fd >= 0)
    close (fd);
  close (dir_fd);
  return io_error (error, path, saved);
}
