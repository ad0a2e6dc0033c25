/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where Ethos finds its read-only data (the codes index, built-in
 * templates): $ETHOS_DATA_DIR when set; the build tree when the program runs
 * from it; otherwise the installed data directory. */
const char *ethos_paths_get_data_dir        (void);
/* Where the translations are: the build tree's po/ when run from it. */
const char *ethos_paths_get_locale_dir      (void);
/* The sources' data/icons when run from the build tree, else NULL (the
 * installed icon theme has them). */
const char *ethos_paths_get_icons_dir       (void);
char       *ethos_paths_get_corpus_file     (void);
char       *ethos_paths_get_templates_dir   (void);

/* The shared agency-template directory (a network share) named by the
 * GSettings key "agency-templates-directory", or NULL when unset or when
 * the schema is not installed. */
char       *ethos_paths_get_shared_templates_dir (void);

/* The data directories deployed templates and agency profiles are looked
 * for in (under ethos/), most important first: $XDG_DATA_DIRS, and in a
 * Flatpak sandbox the host's /usr/local/share and /usr/share as the
 * sandbox sees them (/run/host/…, with --filesystem=host-os:ro). */
GStrv       ethos_paths_get_deployed_dirs (void);

/* The per-user database: $XDG_DATA_HOME/ethos/user.db. */
char       *ethos_paths_get_user_db_file    (void);

G_END_DECLS
