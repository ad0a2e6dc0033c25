/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-docset"

/* syncfs() */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "ethos-docset.h"
#include "ethos-docset-private.h"
#include "ethos-error.h"
#include "ethos-file.h"
#include "ethos-paths.h"
#include "ethos-sqlite-private.h"

/* The docset layout Dash and Zeal read (https://kapeli.com/docsets):
 *   Ethos.docset/Contents/Info.plist
 *   Ethos.docset/Contents/Resources/docSet.dsidx      searchIndex(name, type, path)
 *   Ethos.docset/Contents/Resources/Documents/CODE.html, index.html, topics.html */

static const char info_plist[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
  "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
  "<plist version=\"1.0\">\n"
  "<dict>\n"
  "\t<key>CFBundleIdentifier</key>\n\t<string>ethos</string>\n"
  "\t<key>CFBundleName</key>\n\t<string>Ethos</string>\n"
  "\t<key>DocSetPlatformFamily</key>\n\t<string>ethos</string>\n"
  "\t<key>isDashDocset</key>\n\t<true/>\n"
  "\t<key>dashIndexFilePath</key>\n\t<string>index.html</string>\n"
  "\t<key>DashDocSetFamily</key>\n\t<string>dashtoc</string>\n"
  "\t<key>isJavaScriptEnabled</key>\n\t<false/>\n"
  "</dict>\n"
  "</plist>\n";

static void
docset_entry_free (EthosDocsetEntry *entry)
{
  g_free (entry->name);
  g_free (entry->path);
  g_free (entry);
}

static void
builder_clear (EthosDocsetBuilder *builder)
{
  g_clear_pointer (&builder->entries, g_ptr_array_unref);
  g_clear_pointer (&builder->topic_labels, g_hash_table_unref);
  g_clear_pointer (&builder->code_infos, g_hash_table_unref);
  g_clear_pointer (&builder->topics, g_ptr_array_unref);
  g_clear_pointer (&builder->codes, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EthosDocsetBuilder, builder_clear)

static gboolean
builder_init (EthosDocsetBuilder  *builder,
              EthosCorpus         *corpus,
              GError             **error)
{
  builder->corpus = corpus;
  builder->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) docset_entry_free);
  builder->topic_labels = g_hash_table_new (g_str_hash, g_str_equal);
  builder->code_infos = g_hash_table_new (g_str_hash, g_str_equal);
  if (!(builder->codes = ethos_corpus_list_codes (corpus, error)) ||
      !(builder->topics = ethos_corpus_list_topics (corpus, error)))
    return FALSE;

  for (guint i = 0; i < builder->topics->len; i++)
    {
      EthosTopic *topic = builder->topics->pdata[i];
      g_hash_table_insert (builder->topic_labels, topic->id, topic->label);
    }
  for (guint i = 0; i < builder->codes->len; i++)
    {
      EthosCodeInfo *code = builder->codes->pdata[i];
      g_hash_table_insert (builder->code_infos, code->id, code);
    }
  return TRUE;
}

static gboolean
io_error (GError     **error,
          const char  *path,
          int          saved_errno)
{
  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, _("Could not write “%s”: %s"),
               path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_file (const char  *dir,
            const char  *name,
            const char  *contents,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  /* The writer every output shares (temporary file, checks, cleanup). */
  return ethos_file_write_atomic (path, contents, strlen (contents), 0644, error);
}

/* Dash and Zeal show a docset's icon.png (16 px) and icon@2x.png (32 px),
 * rendered from the app icon by the build (data/meson.build). */
static gboolean
copy_icons (const char  *root,
            GError     **error)
{
  static const char * const icons[][2] = {
    { "docset-icon.png", "icon.png" },
    { "docset-icon@2x.png", "icon@2x.png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    {
      g_autofree char *from = g_build_filename (ethos_paths_get_data_dir (), icons[i][0], NULL);
      g_autofree char *to = g_build_filename (root, icons[i][1], NULL);
      g_autofree char *data = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize length;

      /* An icon is not worth failing the export for when it was not built. */
      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (!g_file_get_contents (from, &data, &length, &local_error) ||
          !g_file_set_contents_full (to, data, length, G_FILE_SET_CONTENTS_NONE, 0644,
                                     &local_error))
        {
          g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, "%s", local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_index (EthosDocsetBuilder  *builder,
             const char          *path,
             GError             **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  sqlite3 *db = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, _("Could not write “%s”: %s"),
                   path, db != NULL ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
      goto out;
    }
  if (!_ethos_sqlite_exec (db,
                           "BEGIN;"
                           "CREATE TABLE searchIndex (id INTEGER PRIMARY KEY, name TEXT, "
                           "  type TEXT, path TEXT);"
                           "CREATE UNIQUE INDEX anchor ON searchIndex (name, type, path);",
                           error) ||
      !(insert = _ethos_sqlite_prepare (db, "INSERT OR IGNORE INTO searchIndex (name, type, path) "
                                        "VALUES (?1, ?2, ?3)", error)))
    goto out;

  for (guint i = 0; i < builder->entries->len; i++)
    {
      const EthosDocsetEntry *entry = builder->entries->pdata[i];

      sqlite3_reset (insert);
      _ethos_sqlite_bind_text (insert, 1, entry->name);
      _ethos_sqlite_bind_text (insert, 2, entry->type);
      _ethos_sqlite_bind_text (insert, 3, entry->path);
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          _ethos_sqlite_fail (db, _("Could not write the docset index"), error);
          goto out;
        }
    }
  g_clear_pointer (&insert, sqlite3_finalize);
  ok = _ethos_sqlite_exec (db, "COMMIT", error);

out:
  g_clear_pointer (&insert, sqlite3_finalize);
  if (db != NULL && sqlite3_close (db) != SQLITE_OK && ok)
    ok = _ethos_sqlite_fail (db, _("Could not write the docset index"), error);
  return ok;
}

static gboolean
write_tree (EthosDocsetBuilder  *builder,
            const char          *root,
            GError             **error)
{
  g_autofree char *contents = g_build_filename (root, "Contents", NULL);
  g_autofree char *resources = g_build_filename (contents, "Resources", NULL);
  g_autofree char *documents = g_build_filename (resources, "Documents", NULL);
  g_autofree char *index_path = g_build_filename (resources, "docSet.dsidx", NULL);
  g_autofree char *index = NULL;
  g_autofree char *topics = NULL;

  if (g_mkdir_with_parents (documents, 0755) != 0)
    return io_error (error, documents, errno);
  if (!write_file (contents, "Info.plist", info_plist, error) || !copy_icons (root, error))
    return FALSE;

  for (guint c = 0; c < builder->codes->len; c++)
    {
      const EthosCodeInfo *code = builder->codes->pdata[c];
      g_autofree char *page = _ethos_docset_page_name (code->id);
      g_autofree char *html = _ethos_docset_render_code (builder, code, error);

      if (html == NULL || !write_file (documents, page, html, error))
        return FALSE;
    }
  if (!(topics = _ethos_docset_render_topics (builder, error)) ||
      !write_file (documents, "topics.html", topics, error))
    return FALSE;
  index = _ethos_docset_render_index (builder);
  if (!write_file (documents, "index.html", index, error))
    return FALSE;

  return write_index (builder, index_path, error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && (dir = g_dir_open (path, 0, NULL)) != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }
  if (g_remove (path) != 0 && errno != ENOENT)
    g_warning ("Could not remove %s: %s", path, g_strerror (errno));
}

/* Flushes the new tree (one syncfs() instead of an fsync() per file). */
static gboolean
sync_dir (const char  *path,
          gboolean     whole_fs,
          GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  int rc;

  if (fd < 0)
    return io_error (error, path, errno);
  rc = whole_fs ? syncfs (fd) : fsync (fd);
  if (rc != 0)
    {
      int saved_errno = errno;
      g_close (fd, NULL);
      return io_error (error, path, saved_errno);
    }
  return g_close (fd, error);
}

/* Puts @built in the place of @target. An older docset is moved aside first
 * and restored if the second rename fails, then removed. */
static gboolean
replace_tree (const char  *out_dir,
              const char  *built,
              const char  *target,
              GError     **error)
{
  g_autofree char *old = NULL;

  if (g_file_test (target, G_FILE_TEST_EXISTS) || g_file_test (target, G_FILE_TEST_IS_SYMLINK))
    {
      old = g_build_filename (out_dir, ".Ethos.docset-old-XXXXXX", NULL);
      if (g_mkdtemp (old) == NULL || g_rmdir (old) != 0 || g_rename (target, old) != 0)
        {
          int saved_errno = errno;
          return io_error (error, target, saved_errno);
        }
    }
  if (g_rename (built, target) != 0)
    {
      int saved_errno = errno;
      if (old != NULL && g_rename (old, target) != 0)
        g_warning ("Could not restore %s from %s: %s", target, old, g_strerror (errno));
      return io_error (error, target, saved_errno);
    }
  if (old != NULL)
    remove_tree (old);
  return sync_dir (out_dir, FALSE, error);
}

gboolean
ethos_docset_export (EthosCorpus  *corpus,
                     const char   *out_dir,
                     GError      **error)
{
  g_auto(EthosDocsetBuilder) builder = { 0 };
  g_autofree char *target = NULL;
  g_autofree char *built = NULL;

  g_return_val_if_fail (corpus != NULL, FALSE);
  g_return_val_if_fail (out_dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!builder_init (&builder, corpus, error))
    return FALSE;
  if (g_mkdir_with_parents (out_dir, 0755) != 0)
    return io_error (error, out_dir, errno);

  target = g_build_filename (out_dir, ETHOS_DOCSET_NAME, NULL);
  built = g_build_filename (out_dir, ".Ethos.docset-XXXXXX", NULL);
  if (g_mkdtemp_full (built, 0755) == NULL)
    return io_error (error, out_dir, errno);

  if (!write_tree (&builder, built, error) ||
      !sync_dir (built, TRUE, error) ||
      !replace_tree (out_dir, built, target, error))
    {
      remove_tree (built);
      return FALSE;
    }
  return TRUE;
}
