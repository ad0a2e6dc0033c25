/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-form-job.h"

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

EthosUserDb *ethos_user_db_open           (const char   *path,
                                           GError      **error);
void         ethos_user_db_free           (EthosUserDb  *db);
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
/* Gives @job the agency profile as its default values and, when
 * @with_logo, the stored logo (a stored logo that no longer decodes is an
 * error, never a form without it). */
gboolean     ethos_user_db_apply_agency   (EthosUserDb  *db,
                                           EthosFormJob *job,
                                           gboolean      with_logo,
                                           GError      **error);

/* Agency templates (imported or edited): stored as their JSON text, which
 * the caller has validated. */
typedef struct
{
  char *id;
  char *version;
  char *json;
} EthosStoredTemplate;

gboolean     ethos_user_db_save_template  (EthosUserDb  *db,
                                           const char   *id,
                                           const char   *version,
                                           const char   *json,
                                           GError      **error);
gboolean     ethos_user_db_delete_template (EthosUserDb *db,
                                           const char   *id,
                                           GError      **error);
GPtrArray   *ethos_user_db_list_templates (EthosUserDb  *db,
                                           GError      **error);

void         ethos_user_mark_free         (EthosUserMark *mark);
void         ethos_stored_template_free   (EthosStoredTemplate *stored);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosUserDb, ethos_user_db_free)

G_END_DECLS
