/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-paths"

#include "config.h"

#include <gio/gio.h>

#include "ethos-paths.h"

typedef enum { FROM_ENV, FROM_BUILD_TREE, INSTALLED } Origin;

static Origin
get_origin (void)
{
  static gsize initialized = 0;
  static Origin origin = INSTALLED;

  if (g_once_init_enter (&initialized))
    {
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
      const char *env = g_getenv ("ETHOS_DATA_DIR");

      if (env != NULL && *env != '\0')
        origin = FROM_ENV;
      else if (exe != NULL && g_str_has_prefix (exe, ETHOS_BUILD_ROOT "/"))
        origin = FROM_BUILD_TREE;
      g_once_init_leave (&initialized, 1);
    }
  return origin;
}

const char *
ethos_paths_get_data_dir (void)
{
  switch (get_origin ())
    {
    case FROM_ENV:
      return g_getenv ("ETHOS_DATA_DIR");
    case FROM_BUILD_TREE:
      return ETHOS_BUILD_ROOT "/data";
    case INSTALLED:
    default:
      return ETHOS_PKGDATADIR;
    }
}

const char *
ethos_paths_get_locale_dir (void)
{
  /* The build compiles po/LANG.po into po/LANG/LC_MESSAGES/ethos.mo. */
  if (get_origin () == FROM_BUILD_TREE)
    return ETHOS_BUILD_ROOT "/po";
  return LOCALEDIR;
}

const char *
ethos_paths_get_icons_dir (void)
{
  return get_origin () == FROM_BUILD_TREE ? ETHOS_SOURCE_ROOT "/data/icons" : NULL;
}

char *
ethos_paths_get_corpus_file (void)
{
  return g_build_filename (ethos_paths_get_data_dir (), "corpus.db", NULL);
}

char *
ethos_paths_get_templates_dir (void)
{
  /* Built-in templates are source files: the build tree reads them in place. */
  if (get_origin () == FROM_BUILD_TREE)
    return g_build_filename (ETHOS_SOURCE_ROOT, "data", "templates", NULL);
  return g_build_filename (ethos_paths_get_data_dir (), "templates", NULL);
}

char *
ethos_paths_get_user_db_file (void)
{
  return g_build_filename (g_get_user_data_dir (), "ethos", "user.db", NULL);
}

char *
ethos_paths_get_shared_templates_dir (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *dir = NULL;

  /* The CLI runs where the app's schema may not be installed: no schema,
   * no setting. */
  if (source == NULL ||
      !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) ||
      !g_settings_schema_has_key (schema, "agency-templates-directory"))
    return NULL;

  settings = g_settings_new_full (schema, NULL, NULL);
  dir = g_settings_get_string (settings, "agency-templates-directory");
  return *dir != '\0' ? g_steal_pointer (&dir) : NULL;
}

GStrv
ethos_paths_get_deployed_dirs (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_addv (builder, (const char **) g_get_system_data_dirs ());
  /* Inside a Flatpak, XDG_DATA_DIRS is the runtime's: IT's deployment on
   * the host is under /run/host. */
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_strv_builder_add (builder, "/run/host/usr/local/share");
      g_strv_builder_add (builder, "/run/host/usr/share");
    }
  return g_strv_builder_end (builder);
}
