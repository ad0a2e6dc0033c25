/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-user-db.h"

G_BEGIN_DECLS

/* Every saved version of an agency template, and the template editor's
 * automatic drafts, in the user database. A version is "MAJOR.MINOR";
 * versions of one template only go up: a save, an import and a restore each
 * add the next one, and the newest is the template in use. */

typedef enum
{
  ETHOS_VERSION_MINOR,   /* wording, a fix: 1.4 → 1.5 */
  ETHOS_VERSION_MAJOR,   /* a new form: 1.5 → 2.0 */
} EthosVersionKind;

typedef struct
{
  char             *id;
  char             *version;
  EthosVersionKind  kind;
  char             *json;      /* the template's full JSON, as saved */
  gint64            saved;     /* Unix time */
  char             *note;      /* or NULL */
} EthosTemplateVersion;

/* Compares two "MAJOR.MINOR" versions by number (1.10 > 1.9). */
int                    ethos_template_version_compare (const char          *a,
                                                       const char          *b);
/* The version after @latest (NULL: none yet) of @kind: 1.4 → 1.5 or 2.0;
 * the first is 1.0. */
char                  *ethos_template_version_next    (const char          *latest,
                                                       EthosVersionKind     kind);
const char            *ethos_version_kind_to_string   (EthosVersionKind     kind);

/* Adds a version and makes it the current template, in one transaction
 * that also drops the editor's draft of @id (the draft was of the version
 * before).
 * @version must be higher than every stored version of @id; the same
 * version with the same JSON is accepted and changes nothing (*@added
 * FALSE); anything else is ETHOS_ERROR_INVALID_DATA. The JSON is the
 * caller's validated template. */
gboolean               ethos_user_db_add_template_version (EthosUserDb     *db,
                                                       const char          *id,
                                                       const char          *version,
                                                       EthosVersionKind     kind,
                                                       const char          *json,
                                                       const char          *note,
                                                       gboolean            *added,
                                                       GError             **error);
/* The same for a version brought back from elsewhere (a rescue file),
 * keeping its kind, note and when it was saved. */
gboolean               ethos_user_db_restore_template_version (EthosUserDb *db,
                                                       const EthosTemplateVersion *version,
                                                       gboolean            *added,
                                                       GError             **error);
/* The versions of @id, newest first; empty when it has none. */
GPtrArray             *ethos_user_db_list_template_versions (EthosUserDb   *db,
                                                       const char          *id,
                                                       GError             **error);
/* One version, or NULL with ETHOS_ERROR_NOT_FOUND. */
EthosTemplateVersion  *ethos_user_db_get_template_version (EthosUserDb     *db,
                                                       const char          *id,
                                                       const char          *version,
                                                       GError             **error);
void                   ethos_template_version_free    (EthosTemplateVersion *version);

/* The editor's automatic draft of @id (at most one: a save replaces it). */
gboolean               ethos_user_db_save_template_draft (EthosUserDb      *db,
                                                       const char          *id,
                                                       const char          *json,
                                                       GError             **error);
/* The draft's JSON and when it was saved, or NULL when there is none. */
char                  *ethos_user_db_get_template_draft (EthosUserDb       *db,
                                                       const char          *id,
                                                       gint64              *saved);
gboolean               ethos_user_db_delete_template_draft (EthosUserDb    *db,
                                                       const char          *id,
                                                       GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosTemplateVersion, ethos_template_version_free)

G_END_DECLS
