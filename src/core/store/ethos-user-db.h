/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The per-user database: bookmarks and private notes (and, with the form
 * engine, the agency profile and agency templates). It never leaves the
 * machine. Created on first use with owner-only permissions. */

typedef struct _EthosUserDb EthosUserDb;

typedef struct
{
  char   *code;
  char   *ref;
  char   *text;      /* the note; NULL for a bookmark */
  gint64  updated;   /* Unix time */
} EthosUserMark;

typedef enum
{
  ETHOS_USER_DB_OPEN_DEFAULT   = 0,
  /* The caller only reads: a file it may not write (mode 0400) is opened
   * read-only instead of refused. */
  ETHOS_USER_DB_OPEN_READ_ONLY = 1 << 0,
  /* For the default path only: a damaged file is moved aside
   * (PATH.damaged-YYYYMMDD-HHMMSS), what can be read of it saved beside it
   * as a rescue file (ethos_user_db_import_rescue), and a new one started;
   * see ethos_user_db_describe_recovery(). */
  ETHOS_USER_DB_OPEN_RECOVER   = 1 << 1,
} EthosUserDbFlags;

/* Opens or creates the database. Before anything is written it checks that
 * the file is a regular file, passes PRAGMA quick_check and is an Ethos
 * database (application_id, or the exact schema of an older Ethos); then
 * it is brought to the current version in one transaction. A damaged,
 * foreign or newer file is refused (ETHOS_ERROR_DATABASE) and left exactly
 * as it was, unless ETHOS_USER_DB_OPEN_RECOVER applies. A file busy in
 * another process is waited for, never taken for a damaged one. */
EthosUserDb *ethos_user_db_open_full      (const char   *path,
                                           EthosUserDbFlags flags,
                                           GError      **error);
/* ethos_user_db_open_full() with no flags. */
EthosUserDb *ethos_user_db_open           (const char   *path,
                                           GError      **error);
gboolean     ethos_user_db_is_read_only   (EthosUserDb  *db);
/* After a recovery: where the damaged file and the rescue file went (the
 * latter NULL when nothing could be read), and one sentence saying so for
 * the user. All NULL when nothing happened. */
const char  *ethos_user_db_get_damaged_path (EthosUserDb *db);
const char  *ethos_user_db_get_rescue_path  (EthosUserDb *db);
char        *ethos_user_db_describe_recovery (EthosUserDb *db);
/* Brings back a rescue file's bookmarks, notes and agency profile (what the
 * database already has is kept), in one transaction. Its agency templates
 * are returned in *@templates (EthosStoredTemplate), and every stored
 * version of them in *@versions (EthosTemplateVersion), for the template
 * store to validate and import. */
gboolean     ethos_user_db_import_rescue  (EthosUserDb  *db,
                                           const char   *path,
                                           guint        *n_restored,
                                           GPtrArray   **templates,
                                           GPtrArray   **versions,
                                           GError      **error);
void         ethos_user_db_free           (EthosUserDb  *db);
/* The file, so that another thread can open its own connection to it. */
const char  *ethos_user_db_get_path       (EthosUserDb  *db);
int          ethos_user_db_get_version    (EthosUserDb  *db);

gboolean     ethos_user_db_set_bookmark   (EthosUserDb  *db,
                                           const char   *code,
                                           const char   *ref,
                                           gboolean      bookmarked,
                                           GError      **error);
gboolean     ethos_user_db_is_bookmarked  (EthosUserDb  *db,
                                           const char   *code,
                                           const char   *ref);
GPtrArray   *ethos_user_db_list_bookmarks (EthosUserDb  *db,
                                           GError      **error);

gboolean     ethos_user_db_set_note       (EthosUserDb  *db,
                                           const char   *code,
                                           const char   *ref,
                                           const char   *text,
                                           GError      **error);
char        *ethos_user_db_get_note       (EthosUserDb  *db,
                                           const char   *code,
                                           const char   *ref);
GPtrArray   *ethos_user_db_list_notes     (EthosUserDb  *db,
                                           GError      **error);

/* The agency profile: ethos_agency_fields (agency_name, …) and a logo.
 * A text value may also have variants per form language ("fees" in
 * Spanish): a form uses its language's variant, else the value without a
 * language, else another language's variant. */
GHashTable  *ethos_user_db_get_agency     (EthosUserDb  *db,
                                           GError      **error);
gboolean     ethos_user_db_set_agency_field (EthosUserDb *db,
                                           const char   *field,
                                           const char   *value,
                                           GError      **error);
/* The variants: language → (field → value). */
GHashTable  *ethos_user_db_get_agency_variants (EthosUserDb *db,
                                           GError      **error);
/* @lang NULL sets the value without a language. */
gboolean     ethos_user_db_set_agency_variant (EthosUserDb *db,
                                           const char   *field,
                                           const char   *lang,
                                           const char   *value,
                                           GError      **error);
GBytes      *ethos_user_db_get_agency_logo (EthosUserDb *db);
gboolean     ethos_user_db_set_agency_logo (EthosUserDb *db,
                                           GBytes       *data,
                                           GError      **error);
/* Agency templates (imported or edited): stored as their JSON text, which
 * the caller has validated; saved through ethos-template-versions.h. */
typedef struct
{
  char *id;
  char *version;
  char *json;
} EthosStoredTemplate;

/* Deletes the template with all its versions and its draft. */
gboolean     ethos_user_db_delete_template (EthosUserDb *db,
                                           const char   *id,
                                           GError      **error);
GPtrArray   *ethos_user_db_list_templates (EthosUserDb  *db,
                                           GError      **error);

void         ethos_user_mark_free         (EthosUserMark *mark);
void         ethos_stored_template_free   (EthosStoredTemplate *stored);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosUserDb, ethos_user_db_free)

G_END_DECLS
