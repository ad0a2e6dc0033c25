/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-template-versions.h"
#include "ethos-template.h"
#include "ethos-user-db.h"

G_BEGIN_DECLS

/* Where templates come from, lowest precedence first: a template with the
 * same id in a later source replaces the earlier one. */
typedef enum
{
  ETHOS_TEMPLATE_BUILTIN,   /* shipped with Ethos */
  ETHOS_TEMPLATE_SYSTEM,    /* $XDG_DATA_DIRS/ethos/templates/: deployed by IT */
  ETHOS_TEMPLATE_SHARED,    /* the directory a setting names (a network share) */
  ETHOS_TEMPLATE_AGENCY,    /* imported or edited, in the user database */
} EthosTemplateSource;

typedef struct
{
  EthosTemplate       *tmpl;
  EthosTemplateSource  source;
  char                *origin;   /* file path, or "user database" */
} EthosTemplateEntry;

typedef struct _EthosTemplateStore EthosTemplateStore;

/* Reads every source. A broken file in a deployment directory is skipped
 * and reported by ethos_template_store_get_problems(); only a missing or
 * broken requirements file is an error. @db and @shared_dir may be NULL. */
EthosTemplateStore *ethos_template_store_new          (const char          *builtin_dir,
                                                       EthosUserDb         *db,
                                                       const char          *shared_dir,
                                                       GError             **error);
void                ethos_template_store_free         (EthosTemplateStore  *store);
GPtrArray          *ethos_template_store_list         (EthosTemplateStore  *store);
const EthosTemplateEntry *
                    ethos_template_store_lookup       (EthosTemplateStore  *store,
                                                       const char          *id,
                                                       GError             **error);
EthosRequirements  *ethos_template_store_get_requirements (EthosTemplateStore *store);
const char * const *ethos_template_store_get_problems (EthosTemplateStore  *store);

/* Built-in and deployed templates (XDG_DATA_DIRS, the shared folder) keep
 * their ids: no agency template (import, the editor) may take one. */
gboolean            ethos_template_store_is_protected (EthosTemplateStore  *store,
                                                       const char          *id,
                                                       EthosTemplateSource *source);

/* Validates the file completely (read bounded), then stores it in the user
 * database as the next version of an agency template, under @as_id when it
 * is not NULL. Refused (ETHOS_ERROR_INVALID_DATA, nothing stored): anything
 * invalid, a protected id (the message names --as), a version lower than
 * the stored one, or the same version with other content. The same version
 * with the same content stores nothing and sets *@added FALSE. */
const EthosTemplateEntry *
                    ethos_template_store_import_full  (EthosTemplateStore  *store,
                                                       const char          *path,
                                                       const char          *as_id,
                                                       gboolean            *added,
                                                       GError             **error);
const EthosTemplateEntry *
                    ethos_template_store_import       (EthosTemplateStore  *store,
                                                       const char          *path,
                                                       GError             **error);
/* Saves @tmpl (an agency template being edited; borrowed) as its next
 * version of @kind (1.0 → 1.1 → 2.0), checked as the loader checks a file
 * first, in one transaction that also drops the editor's draft. */
const EthosTemplateEntry *
                    ethos_template_store_save_version (EthosTemplateStore *store,
                                                       const EthosTemplate *tmpl,
                                                       EthosVersionKind     kind,
                                                       const char          *note,
                                                       GError             **error);
/* "Duplicate to Edit": a copy of any template saved at once as an agency
 * template with a new id and title ("… (@suffix)"), version 1.0. */
const EthosTemplateEntry *
                    ethos_template_store_duplicate    (EthosTemplateStore  *store,
                                                       const char          *id,
                                                       const char          *suffix,
                                                       GError             **error);
/* Undoes a delete: stores again @versions (EthosTemplateVersion of one
 * template, newest first, as listed before it was deleted). */
gboolean            ethos_template_store_bring_back   (EthosTemplateStore  *store,
                                                       GPtrArray           *versions,
                                                       GError             **error);
/* Imports a file whose id is an agency template's: the stored one stays as
 * a version, the file's content becomes the next (its own version if that
 * is higher). */
const EthosTemplateEntry *
                    ethos_template_store_import_replacing (EthosTemplateStore *store,
                                                       const char          *path,
                                                       GError             **error);
/* Deletes an agency template and its versions; a built-in or deployed one
 * is refused (ETHOS_ERROR_NOT_FOUND), as is an unknown id. */
gboolean            ethos_template_store_delete       (EthosTemplateStore  *store,
                                                       const char          *id,
                                                       GError             **error);
/* Stores the content of @version of an agency template as its next (minor)
 * version, which becomes the one in use. */
const EthosTemplateEntry *
                    ethos_template_store_restore_version (EthosTemplateStore *store,
                                                       const char          *id,
                                                       const char          *version,
                                                       GError             **error);
/* ethos_user_db_import_rescue(), then each template of the rescue file
 * imported as above; those refused are described in *@skipped
 * (NULL-terminated strings) rather than failing the rest. */
gboolean            ethos_template_store_import_rescue (EthosTemplateStore *store,
                                                       const char          *path,
                                                       guint               *n_restored,
                                                       GPtrArray          **skipped,
                                                       GError             **error);
gboolean            ethos_template_store_export       (EthosTemplateStore  *store,
                                                       const char          *id,
                                                       const char          *path,
                                                       GError             **error);
const char         *ethos_template_source_to_string   (EthosTemplateSource  source);
/* The user database imports and saves go to (a store read in another
 * thread, with a connection of its own, is handed the window's). */
void                ethos_template_store_set_user_db  (EthosTemplateStore  *store,
                                                       EthosUserDb         *db);

/* One deployment folder read on its own (the window reads a network share
 * in a thread, then adds what it found). Only regular files named ID.json
 * are read, so a FIFO or a device never blocks. A folder that cannot be
 * opened is "unreachable", and a problem when @report_missing. */
typedef struct _EthosTemplateDir EthosTemplateDir;

EthosTemplateDir   *ethos_template_dir_read           (const char          *path,
                                                       EthosTemplateSource  source,
                                                       EthosRequirements   *reqs,
                                                       gboolean             report_missing);
gboolean            ethos_template_dir_is_unreachable (EthosTemplateDir    *dir);
void                ethos_template_dir_free           (EthosTemplateDir    *dir);
/* Its templates replace those of the same id; its problems are added. */
void                ethos_template_store_add_dir      (EthosTemplateStore  *store,
                                                       EthosTemplateDir    *dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosTemplateStore, ethos_template_store_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosTemplateDir, ethos_template_dir_free)

G_END_DECLS
