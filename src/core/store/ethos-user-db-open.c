/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-user-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ethos-error.h"
#include "ethos-sqlite-private.h"
#include "ethos-user-db-private.h"

/* Opening the user database: what is checked before anything is written
 * (a regular file, undamaged, an Ethos database), the migrations, and
 * what happens to a damaged file at the default path. */

/* PRAGMA application_id of every Ethos user database: "Etho". */
#define ETHOS_USER_DB_APPLICATION_ID 0x4574686f
/* Long enough for a window saving a note, or two other first starts. */
#define BUSY_TIMEOUT_MS 10000

/* Each entry migrates from version N to N + 1; all that a file needs run
 * in one transaction. */
static const char * const migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE bookmarks ("
  "  code TEXT NOT NULL, ref TEXT NOT NULL, created INTEGER NOT NULL,"
  "  PRIMARY KEY (code, ref));"
  "CREATE TABLE notes ("
  "  code TEXT NOT NULL, ref TEXT NOT NULL, text TEXT NOT NULL, updated INTEGER NOT NULL,"
  "  PRIMARY KEY (code, ref));",
  /* 1 → 2: the agency profile and agency templates */
  "CREATE TABLE agency (field TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE agency_logo (id INTEGER PRIMARY KEY CHECK (id = 1), data BLOB NOT NULL);"
  "CREATE TABLE templates ("
  "  id TEXT PRIMARY KEY, version TEXT NOT NULL, json TEXT NOT NULL, updated INTEGER NOT NULL);",
  /* 2 → 3: every saved version of an agency template (import, the editor's
   * saves, restores) and the editor's automatic drafts. `templates` keeps
   * the current version of each. */
  "CREATE TABLE template_versions ("
  "  id TEXT NOT NULL, version TEXT NOT NULL, major INTEGER NOT NULL, minor INTEGER NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('minor', 'major')), json TEXT NOT NULL,"
  "  saved INTEGER NOT NULL, note TEXT,"
  "  PRIMARY KEY (id, version), UNIQUE (id, major, minor));"
  "CREATE TABLE template_drafts ("
  "  id TEXT PRIMARY KEY, json TEXT NOT NULL, saved INTEGER NOT NULL);"
  "INSERT INTO template_versions (id, version, major, minor, kind, json, saved, note)"
  "  SELECT id, version, CAST (substr (version, 1, instr (version, '.') - 1) AS INTEGER),"
  "    CAST (substr (version, instr (version, '.') + 1) AS INTEGER),"
  "    CASE WHEN version LIKE '%.0' THEN 'major' ELSE 'minor' END, json, updated, NULL"
  "  FROM templates;",
};


#define N_MIGRATIONS ((int) G_N_ELEMENTS (migrations))

typedef enum
{
  FILE_OURS,       /* stamped, or recognized by its exact schema */
  FILE_NEW,        /* empty: no tables, version 0 */
  FILE_FOREIGN,    /* a valid SQLite file of someone else's */
} FileKind;

typedef struct
{
  FileKind kind;
  int      version;
  gboolean stamped;
} FileState;

static gboolean
is_damage (int rc)
{
  rc &= 0xff;
  return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

/* The error of a failed step: damage is ETHOS_USER_DB_ERROR_DAMAGED (the
 * caller may recover), the rest ETHOS_ERROR_DATABASE with SQLite's own
 * message (a busy file is never taken for a damaged one). */
static gboolean
sqlite_error (EthosUserDb  *self,
              int           rc,
              gboolean     *damaged,
              GError      **error)
{
  rc &= 0xff;
  if (is_damage (rc))
    {
      *damaged = TRUE;
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_DATABASE,
                   _("%s is damaged or is not an Ethos database (%s); it was left untouched"),
                   self->path, sqlite3_errstr (rc));
    }
  else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_DATABASE,
                 _("%s is in use by another program for too long; try again"), self->path);
  else
    g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_DATABASE, _("Could not open %s: %s"),
                 self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

/* One integer from a PRAGMA or query. */
static int
query_int (EthosUserDb *self,
           const char  *sql,
           int         *out)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL)) != SQLITE_OK)
    return rc;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return rc == SQLITE_DONE ? SQLITE_CORRUPT : rc;
  *out = sqlite3_column_int (stmt, 0);
  return SQLITE_OK;
}

/* The schema of a database as one string, to compare two of them. */
static char *
schema_of (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, coalesce (sql, '') FROM sqlite_schema "
                          "ORDER BY type, name", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < 4; c++)
      g_string_append_printf (out, "%s\x1f", (const char *) sqlite3_column_text (stmt, c));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Files written before application_id was set: Ethos's exactly when the
 * schema is what our migrations made at that version. */
static gboolean
schema_is_ours (EthosUserDb *self,
                int          version)
{
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;
  sqlite3 *memory = NULL;
  gboolean ok = TRUE;

  if (version < 1 || version > N_MIGRATIONS)
    return FALSE;
  if (sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      sqlite3_close (memory);
      return FALSE;
    }
  for (int v = 0; v < version && ok; v++)
    ok = sqlite3_exec (memory, migrations[v], NULL, NULL, NULL) == SQLITE_OK;
  if (ok)
    expected = schema_of (memory);
  sqlite3_close (memory);
  found = schema_of (self->db);
  return expected != NULL && found != NULL && g_str_equal (expected, found);
}

/* What the file is; SQLite's error code when it cannot be read. */
static int
read_state (EthosUserDb *self,
            FileState   *state)
{
  int app_id = 0, n_objects = 0;
  int rc;

  if ((rc = query_int (self, "PRAGMA application_id", &app_id)) != SQLITE_OK ||
      (rc = query_int (self, "PRAGMA user_version", &state->version)) != SQLITE_OK ||
      (rc = query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects)) != SQLITE_OK)
    return rc;
  state->stamped = app_id == ETHOS_USER_DB_APPLICATION_ID;
  if (state->stamped)
    state->kind = FILE_OURS;
  else if (app_id == 0 && n_objects == 0 && state->version == 0)
    state->kind = FILE_NEW;
  else if (app_id == 0 && schema_is_ours (self, state->version))
    state->kind = FILE_OURS;
  else
    state->kind = FILE_FOREIGN;
  return SQLITE_OK;
}

/* PRAGMA quick_check: the structure of every page, without the cost of
 * integrity_check's index cross-checks. */
static int
quick_check (EthosUserDb *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc, rows = 0;
  gboolean ok = FALSE;

  if ((rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL)) != SQLITE_OK)
    return rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = rows++ == 0 && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  if (rc != SQLITE_DONE)
    return rc;
  return ok ? SQLITE_OK : SQLITE_CORRUPT;
}

static gboolean
foreign (EthosUserDb  *self,
         GError      **error)
{
  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_DATABASE,
               _("%s is not an Ethos database (it holds other tables); it was left untouched"),
               self->path);
  return FALSE;
}

/* Brings the file to the current version in one transaction, re-reading
 * its state once the write lock is held: another process may have created
 * or migrated it meanwhile. */
static gboolean
migrate (EthosUserDb  *self,
         gboolean     *damaged,
         GError      **error)
{
  FileState state = { 0 };
  g_autofree char *message = NULL;
  int rc;

  if ((rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK)
    return sqlite_error (self, rc, damaged, error);
  if ((rc = read_state (self, &state)) != SQLITE_OK)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return sqlite_error (self, rc, damaged, error);
    }
  if (state.kind == FILE_FOREIGN)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return foreign (self, error);
    }
  for (int v = state.version; v < N_MIGRATIONS && message == NULL; v++)
    if (sqlite3_exec (self->db, migrations[v], NULL, NULL, NULL) != SQLITE_OK)
      message = g_strdup (sqlite3_errmsg (self->db));
  if (message == NULL)
    {
      g_autofree char *stamp = g_strdup_printf ("PRAGMA user_version = %d; "
                                                "PRAGMA application_id = %d; COMMIT",
                                                MAX (state.version, N_MIGRATIONS),
                                                ETHOS_USER_DB_APPLICATION_ID);
      if (sqlite3_exec (self->db, stamp, NULL, NULL, NULL) != SQLITE_OK)
        message = g_strdup (sqlite3_errmsg (self->db));
    }
  if (message == NULL)
    return TRUE;
  /* The message of the failure, not of the rollback (which may find no
   * transaction left: SQLite rolls back by itself on some errors). */
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_DATABASE,
               _("Could not prepare %s for this version of Ethos: %s"), self->path, message);
  return FALSE;
}

/* Checks the open file and brings it up to date. Nothing is written to a
 * file that is damaged, not ours, or newer. */
static gboolean
check_and_migrate (EthosUserDb  *self,
                   gboolean     *damaged,
                   GError      **error)
{
  FileState state = { 0 };
  int rc;

  /* One read transaction: read statement by statement, a first start
   * committing in another process meanwhile would show its tables without
   * its version, which looks like someone else's file. */
  if ((rc = sqlite3_exec (self->db, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK)
    return sqlite_error (self, rc, damaged, error);
  if ((rc = quick_check (self)) == SQLITE_OK)
    rc = read_state (self, &state);
  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return sqlite_error (self, rc, damaged, error);
  if (state.kind == FILE_FOREIGN)
    return foreign (self, error);
  if (state.version > N_MIGRATIONS)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_DATABASE,
                   _("%s was written by a newer version of Ethos; please update Ethos"),
                   self->path);
      return FALSE;
    }
  if (state.version == N_MIGRATIONS && state.stamped)
    return TRUE;
  if (self->read_only)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_DATABASE,
                   _("%s needs an update for this version of Ethos, but it is read-only"),
                   self->path);
      return FALSE;
    }
  return migrate (self, damaged, error);
}

/* Creates the file with mode 0600 before SQLite opens it, so private notes
 * are never world-readable, even for a moment. */
static gboolean
ensure_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, _("Could not create the folder %s: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, _("Could not open %s: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Opens @path as it is. *@damaged tells damage apart from other failures. */
static EthosUserDb *
open_file (const char        *path,
           EthosUserDbFlags   flags,
           gboolean          *damaged,
           GStatBuf          *opened,
           GError           **error)
{
  g_autoptr(EthosUserDb) self = g_new0 (EthosUserDb, 1);
  GStatBuf st;
  int rc;

  self->path = g_strdup (path);
  if (g_stat (path, &st) == 0)
    {
      /* SQLite would write a journal beside a device and read garbage. */
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO,
                       _("%s is not a regular file, so it cannot be an Ethos database; it was "
                         "left untouched"), path);
          return NULL;
        }
      self->read_only = (flags & ETHOS_USER_DB_OPEN_READ_ONLY) && g_access (path, W_OK) != 0;
    }
  else if (errno != ENOENT)
    {
      int saved = errno;
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, _("Could not open %s: %s"),
                   path, g_strerror (saved));
      return NULL;
    }
  else if (!ensure_private_file (path, error))
    return NULL;
  if (opened != NULL && g_stat (path, opened) != 0)
    memset (opened, 0, sizeof *opened);

  rc = sqlite3_open_v2 (path, &self->db,
                        self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite_error (self, rc, damaged, error);
      return NULL;
    }
  /* Before the first read: the check and the creation wait for a writer too. */
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  if (!check_and_migrate (self, damaged, error) ||
      !_ethos_sqlite_exec (self->db, "PRAGMA foreign_keys = ON;", error))
    return NULL;
  return g_steal_pointer (&self);
}

/* "PATH.damaged-YYYYMMDD-HHMMSS", made unique. */
static char *
aside_path (const char *path,
            const char *what)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *candidate = g_strdup_printf ("%s.%s-%s", path, what, stamp);

  for (guint n = 2; g_file_test (candidate, G_FILE_TEST_EXISTS); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s.%s-%s-%u", path, what, stamp, n);
    }
  return candidate;
}

/* A damaged file at the default path: what can be read is saved, the file
 * and its journal are moved aside, never deleted. */
static gboolean
move_aside (const char      *path,
            const GStatBuf  *checked,
            char           **damaged_path,
            char           **rescue_path,
            GError         **error)
{
  g_autofree char *aside = aside_path (path, "damaged");
  g_autofree char *rescue = NULL;
  sqlite3 *db = NULL;
  GStatBuf now;

  /* Another process found it damaged too and already put a new one there:
   * that one is not ours to move. */
  if (g_stat (path, &now) != 0 || now.st_ino != checked->st_ino || now.st_dev != checked->st_dev)
    return TRUE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
    {
      rescue = g_strdup_printf ("%s.json", aside);
      if (!_ethos_user_db_write_rescue (db, rescue, NULL))
        g_clear_pointer (&rescue, g_free);
    }
  sqlite3_close (db);

  if (g_rename (path, aside) != 0)
    {
      int saved = errno;

      /* Another process moved it first. */
      if (saved == ENOENT)
        {
          if (rescue != NULL)
            g_unlink (rescue);
          return TRUE;
        }
      if (rescue != NULL)
        g_unlink (rescue);
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO,
                   _("%s is damaged and could not be moved aside: %s"), path, g_strerror (saved));
      return FALSE;
    }
  for (guint i = 0; i < 3; i++)
    {
      static const char * const suffixes[] = { "-journal", "-wal", "-shm" };
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);
      g_rename (from, to);
    }
  *damaged_path = g_steal_pointer (&aside);
  *rescue_path = g_steal_pointer (&rescue);
  return TRUE;
}

EthosUserDb *
ethos_user_db_open_full (const char        *path,
                         EthosUserDbFlags   flags,
                         GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *damaged_path = NULL;
  g_autofree char *rescue_path = NULL;
  gboolean damaged = FALSE;
  GStatBuf checked = { 0 };
  EthosUserDb *self;

  g_return_val_if_fail (path != NULL, NULL);

  if ((self = open_file (path, flags, &damaged, &checked, &local_error)))
    return self;
  if (!damaged || !(flags & ETHOS_USER_DB_OPEN_RECOVER))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_clear_error (&local_error);
  if (!move_aside (path, &checked, &damaged_path, &rescue_path, error))
    return NULL;
  damaged = FALSE;
  if (!(self = open_file (path, flags & ~ETHOS_USER_DB_OPEN_RECOVER, &damaged, NULL, error)))
    return NULL;
  self->damaged_path = g_steal_pointer (&damaged_path);
  self->rescue_path = g_steal_pointer (&rescue_path);
  return self;
}

EthosUserDb *
ethos_user_db_open (const char  *path,
                    GError     **error)
{
  return ethos_user_db_open_full (path, ETHOS_USER_DB_OPEN_DEFAULT, error);
}

gboolean
ethos_user_db_is_read_only (EthosUserDb *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->read_only;
}

const char *
ethos_user_db_get_damaged_path (EthosUserDb *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->damaged_path;
}

const char *
ethos_user_db_get_rescue_path (EthosUserDb *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->rescue_path;
}

char *
ethos_user_db_describe_recovery (EthosUserDb *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->damaged_path == NULL)
    return NULL;
  if (self->rescue_path == NULL)
    return g_strdup_printf (_("Your Ethos database was damaged, so Ethos started a new one; the "
                              "damaged file was kept as %s, but nothing in it could be read."),
                            self->damaged_path);
  return g_strdup_printf (_("Your Ethos database was damaged, so Ethos started a new one; the "
                            "damaged file was kept as %s, and what could still be read was "
                            "saved to %s (bring it back with “ethos-cli import-rescue %s”)."),
                          self->damaged_path, self->rescue_path, self->rescue_path);
}
