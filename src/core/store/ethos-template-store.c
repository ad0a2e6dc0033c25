/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ethos-error.h"
#include "ethos-file.h"
#include "ethos-template-store.h"

struct _EthosTemplateStore
{
  EthosRequirements *reqs;
  EthosUserDb       *db;
  GPtrArray         *entries;   /* EthosTemplateEntry, sorted by id */
  GPtrArray         *problems;  /* char *, NULL-terminated */
};

static void
entry_free (EthosTemplateEntry *entry)
{
  ethos_template_free (entry->tmpl);
  g_free (entry->origin);
  g_free (entry);
}

const char *
ethos_template_source_to_string (EthosTemplateSource source)
{
  switch (source)
    {
    case ETHOS_TEMPLATE_BUILTIN:
      return "built-in";
    case ETHOS_TEMPLATE_SYSTEM:
      return "system";
    case ETHOS_TEMPLATE_SHARED:
      return "shared";
    case ETHOS_TEMPLATE_AGENCY:
      return "agency";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
add_problem (EthosTemplateStore *self,
             const char         *message)
{
  /* Keep the array NULL-terminated for get_problems(). */
  g_ptr_array_insert (self->problems, (int) self->problems->len - 1, g_strdup (message));
}

static const EthosTemplateEntry *
put (EthosTemplateStore  *self,
     EthosTemplate       *tmpl,
     EthosTemplateSource  source,
     const char          *origin)
{
  EthosTemplateEntry *entry = g_new0 (EthosTemplateEntry, 1);
  guint i;

  entry->tmpl = tmpl;
  entry->source = source;
  entry->origin = g_strdup (origin);

  for (i = 0; i < self->entries->len; i++)
    {
      EthosTemplateEntry *other = g_ptr_array_index (self->entries, i);
      int cmp = strcmp (other->tmpl->id, tmpl->id);

      if (cmp == 0)
        {
          entry_free (other);
          self->entries->pdata[i] = entry;
          return entry;
        }
      if (cmp > 0)
        break;
    }
  g_ptr_array_insert (self->entries, (int) i, entry);
  return entry;
}

struct _EthosTemplateDir
{
  char                *path;
  EthosTemplateSource  source;
  GPtrArray           *templates;  /* EthosTemplate, with their files in @files */
  GPtrArray           *files;
  GPtrArray           *problems;   /* char * */
  gboolean             unreachable;
};

void
ethos_template_dir_free (EthosTemplateDir *dir)
{
  if (dir == NULL)
    return;
  g_free (dir->path);
  g_ptr_array_unref (dir->templates);
  g_ptr_array_unref (dir->files);
  g_ptr_array_unref (dir->problems);
  g_free (dir);
}

gboolean
ethos_template_dir_is_unreachable (EthosTemplateDir *dir)
{
  g_return_val_if_fail (dir != NULL, FALSE);
  return dir->unreachable;
}

EthosTemplateDir *
ethos_template_dir_read (const char          *path,
                         EthosTemplateSource  source,
                         EthosRequirements   *reqs,
                         gboolean             report_missing)
{
  EthosTemplateDir *result = g_new0 (EthosTemplateDir, 1);
  g_autoptr(GError) dir_error = NULL;
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_val_if_fail (path != NULL && reqs != NULL, NULL);

  result->path = g_strdup (path);
  result->source = source;
  result->templates = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_template_unref);
  result->files = g_ptr_array_new_with_free_func (g_free);
  result->problems = g_ptr_array_new_with_free_func (g_free);

  if (!(handle = g_dir_open (path, 0, &dir_error)))
    {
      result->unreachable = TRUE;
      if (report_missing)
        g_ptr_array_add (result->problems,
                         g_strdup_printf (_("The shared folder %s cannot be reached: %s"), path,
                                          dir_error->message));
      return result;
    }
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".json") && !g_str_equal (name, "requirements.json") &&
        !g_str_equal (name, "agency.json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, names->pdata[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = NULL;
      EthosTemplate *tmpl;
      GStatBuf st;

      /* A FIFO or a device would block the reader or never end. */
      if (g_stat (file, &st) != 0 || !S_ISREG (st.st_mode))
        {
          g_ptr_array_add (result->problems,
                           g_strdup_printf (_("%s is not a regular file; it was skipped"), file));
          continue;
        }
      if (!(tmpl = ethos_template_load (file, NULL, 0, reqs, &error)))
        {
          g_ptr_array_add (result->problems, g_strdup (error->message));
          continue;
        }
      expected = g_strconcat (tmpl->id, ".json", NULL);
      if (!g_str_equal (expected, names->pdata[i]))
        {
          g_ptr_array_add (result->problems,
                           g_strdup_printf (_("%s: the file of template “%s” must be named %s"),
                                            file, tmpl->id, expected));
          ethos_template_unref (tmpl);
          continue;
        }
      g_ptr_array_add (result->templates, tmpl);
      g_ptr_array_add (result->files, g_steal_pointer (&file));
    }
  return result;
}

void
ethos_template_store_add_dir (EthosTemplateStore *self,
                              EthosTemplateDir   *dir)
{
  g_return_if_fail (self != NULL && dir != NULL);

  for (guint i = 0; i < dir->problems->len; i++)
    add_problem (self, dir->problems->pdata[i]);
  for (guint i = 0; i < dir->templates->len; i++)
    put (self, ethos_template_ref (dir->templates->pdata[i]), dir->source, dir->files->pdata[i]);
}

static void
load_dir (EthosTemplateStore  *self,
          const char          *path,
          EthosTemplateSource  source)
{
  g_autoptr(EthosTemplateDir) dir = ethos_template_dir_read (path, source, self->reqs,
                                                             source == ETHOS_TEMPLATE_SHARED);

  ethos_template_store_add_dir (self, dir);
}

EthosTemplateStore *
ethos_template_store_new (const char   *builtin_dir,
                          EthosUserDb  *db,
                          const char   *shared_dir,
                          GError      **error)
{
  g_autoptr(EthosTemplateStore) self = g_new0 (EthosTemplateStore, 1);
  g_autofree char *reqs_path = NULL;
  const char * const *system_dirs = g_get_system_data_dirs ();

  g_return_val_if_fail (builtin_dir != NULL, NULL);

  self->db = db;
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->problems, NULL);

  reqs_path = g_build_filename (builtin_dir, "requirements.json", NULL);
  if (!(self->reqs = ethos_requirements_load (reqs_path, error)))
    return NULL;

  load_dir (self, builtin_dir, ETHOS_TEMPLATE_BUILTIN);
  /* XDG_DATA_DIRS lists the most important directory first. */
  for (int i = (int) g_strv_length ((GStrv) system_dirs) - 1; i >= 0; i--)
    {
      g_autofree char *dir = g_build_filename (system_dirs[i], "ethos", "templates", NULL);
      load_dir (self, dir, ETHOS_TEMPLATE_SYSTEM);
    }
  if (shared_dir != NULL && *shared_dir != '\0')
    load_dir (self, shared_dir, ETHOS_TEMPLATE_SHARED);

  if (db != NULL)
    {
      g_autoptr(GPtrArray) stored = ethos_user_db_list_templates (db, error);

      if (stored == NULL)
        return NULL;
      for (guint i = 0; i < stored->len; i++)
        {
          const EthosStoredTemplate *s = g_ptr_array_index (stored, i);
          g_autoptr(GError) local_error = NULL;
          g_autofree char *origin = g_strdup_printf (_("agency template “%s”"), s->id);
          EthosTemplate *tmpl = ethos_template_load (origin, s->json, strlen (s->json),
                                                     self->reqs, &local_error);
          if (tmpl == NULL)
            add_problem (self, local_error->message);
          else
            put (self, tmpl, ETHOS_TEMPLATE_AGENCY, _("user database"));
        }
    }
  return g_steal_pointer (&self);
}

void
ethos_template_store_set_user_db (EthosTemplateStore *self,
                                  EthosUserDb        *db)
{
  g_return_if_fail (self != NULL);
  self->db = db;
}

void
ethos_template_store_free (EthosTemplateStore *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->reqs, ethos_requirements_free);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self);
}

GPtrArray *
ethos_template_store_list (EthosTemplateStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->entries;
}

EthosRequirements *
ethos_template_store_get_requirements (EthosTemplateStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->reqs;
}

const char * const *
ethos_template_store_get_problems (EthosTemplateStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->problems->pdata;
}

const EthosTemplateEntry *
ethos_template_store_lookup (EthosTemplateStore  *self,
                             const char          *id,
                             GError             **error)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  g_return_val_if_fail (self != NULL && id != NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const EthosTemplateEntry *entry = g_ptr_array_index (self->entries, i);
      if (g_str_equal (entry->tmpl->id, id))
        return entry;
      g_string_append_printf (ids, "%s%s", i ? ", " : "", entry->tmpl->id);
    }
  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
               _("There is no template “%s”; the templates are %s"), id, ids->str);
  return NULL;
}

const EthosTemplateEntry *
ethos_template_store_import (EthosTemplateStore  *self,
                             const char          *path,
                             GError             **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  EthosTemplate *tmpl;
  g_autofree char *json = NULL;

  g_return_val_if_fail (self != NULL && path != NULL, NULL);

  if (self->db == NULL)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO,
                   _("There is no user database to import the template into"));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, "%s", local_error->message);
      return NULL;
    }
  if (!(tmpl = ethos_template_load (path, contents, length, self->reqs, error)))
    return NULL;

  /* Store the canonical form: what export writes back. */
  json = ethos_template_to_json (tmpl);
  if (!ethos_user_db_save_template (self->db, tmpl->id, tmpl->version, json, error))
    {
      ethos_template_free (tmpl);
      return NULL;
    }
  return put (self, tmpl, ETHOS_TEMPLATE_AGENCY, _("user database"));
}

gboolean
ethos_template_store_export (EthosTemplateStore  *self,
                             const char          *id,
                             const char          *path,
                             GError             **error)
{
  const EthosTemplateEntry *entry;
  g_autofree char *json = NULL;

  g_return_val_if_fail (self != NULL && id != NULL && path != NULL, FALSE);

  if (!(entry = ethos_template_store_lookup (self, id, error)))
    return FALSE;
  json = ethos_template_to_json (entry->tmpl);
  return ethos_file_write_atomic (path, json, strlen (json), 0644, error);
}
