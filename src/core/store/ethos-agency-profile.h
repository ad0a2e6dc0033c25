/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-form-job.h"
#include "ethos-user-db.h"

G_BEGIN_DECLS

/* The agency profile as a whole: the values every form starts from (with
 * their per-language variants), the logo, the form language and paper the
 * agency prefers, and which of them a deployed profile locks.
 *
 * It comes from two places: the user database (what this user set, through
 * the profile page or `ethos-cli agency set`) and a deployed, read-only
 * `agency.json` (written by `ethos-cli agency export`, put by IT in the
 * shared folder or in `$XDG_DATA_DIRS/ethos/`). Forms use the two merged:
 * a field the deployed file locks is always the deployed one; any other is
 * the user's when set, else the deployed one. */

/* The settings beside the fields ("language", "paper") and the logo are
 * locked by these names too. */
#define ETHOS_AGENCY_LOGO     "logo"
#define ETHOS_AGENCY_LANGUAGE "language"
#define ETHOS_AGENCY_PAPER    "paper"

/* The format of agency.json (data/templates/README.md, "The agency
 * profile file"). */
#define ETHOS_AGENCY_FORMAT 1

typedef struct
{
  GHashTable *values;    /* field → value for every language */
  GHashTable *variants;  /* language → (field → value) */
  GBytes     *logo;      /* PNG or JPEG, validated; or NULL */
  char       *language;  /* "en", "es" or NULL */
  char       *paper;     /* "letter", "a4" or NULL */
  GHashTable *locked;    /* set of field ids, "logo", "language", "paper" */
  char       *origin;    /* the deployed file it was read from, or NULL */
} EthosAgencyProfile;

EthosAgencyProfile *ethos_agency_profile_new          (void);
void                ethos_agency_profile_free         (EthosAgencyProfile *profile);
/* Reads and validates a deployed agency.json completely (fields the
 * profile has, UTF-8 values of at most 16 KB, a logo that decodes, a
 * regular file of at most 16 MB). Errors name the file and the JSON path;
 * ETHOS_ERROR_INVALID_DATA, or ETHOS_ERROR_IO when it cannot be read. */
EthosAgencyProfile *ethos_agency_profile_load         (const char         *path,
                                                       GError            **error);
char               *ethos_agency_profile_to_json      (const EthosAgencyProfile *profile);
/* The deployed file this machine uses: @shared_dir/agency.json, else the
 * first $XDG_DATA_DIRS/ethos/agency.json; NULL when there is none. */
char               *ethos_agency_profile_find_deployed (const char        *shared_dir);
/* What @profile gives @field in @lang (a variant, else the value). */
const char         *ethos_agency_profile_get          (const EthosAgencyProfile *profile,
                                                       const char         *field,
                                                       const char         *lang);
gboolean            ethos_agency_profile_is_locked    (const EthosAgencyProfile *profile,
                                                       const char         *field);
/* @local with @deployed under it (either may be NULL): see above. */
EthosAgencyProfile *ethos_agency_profile_merge        (const EthosAgencyProfile *local,
                                                       const EthosAgencyProfile *deployed);
/* The job's defaults, per-language defaults, logo (when @with_logo) and
 * preferred language and paper. */
gboolean            ethos_agency_profile_apply        (const EthosAgencyProfile *profile,
                                                       EthosFormJob       *job,
                                                       gboolean            with_logo,
                                                       GError            **error);

/* The user's own profile in the database. */
EthosAgencyProfile *ethos_user_db_get_agency_profile  (EthosUserDb        *db,
                                                       GError            **error);
/* "language" (en, es), "paper" (letter, a4) or "locked" (a comma-separated
 * list of what an export marks locked); NULL or "" clears it. */
gboolean            ethos_user_db_set_agency_setting  (EthosUserDb        *db,
                                                       const char         *setting,
                                                       const char         *value,
                                                       GError            **error);
/* Several changes made as one (the profile page saves what was typed
 * together): each a field with its language (NULL: every language), or a
 * setting ("language", "paper", "locked"); an empty value clears. All are
 * saved in one transaction, or none. */
typedef struct
{
  const char *field;
  const char *lang;
  const char *value;
} EthosAgencyChange;

gboolean            ethos_user_db_save_agency_changes (EthosUserDb        *db,
                                                       const EthosAgencyChange *changes,
                                                       guint               n_changes,
                                                       GError            **error);
/* What forms on this machine use: the user's profile merged over the
 * deployed one. A deployed file that cannot be used is skipped and said in
 * *@problem (when not NULL), never a reason to print nothing. */
EthosAgencyProfile *ethos_agency_profile_load_effective (EthosUserDb      *db,
                                                       const char         *shared_dir,
                                                       char              **problem,
                                                       GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosAgencyProfile, ethos_agency_profile_free)

G_END_DECLS
