/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ethos-error.h"
#include "ethos-paths.h"
#include "ethos-file.h"
#include "ethos-template-edit.h"
#include "ethos-template-limits.h"
#include "ethos-template-store-private.h"
#include "ethos-template-versions.h"


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

const EthosTemplateEntry *
_ethos_template_store_put (EthosTemplateStore  *self,
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
    {
      EthosTemplate *tmpl = dir->templates->pdata[i];

      g_hash_table_replace (self->protected, g_strdup (tmpl->id),
                            (gpointer) _ethos_template_store_put (self, ethos_template_ref (tmpl), dir->source,
                                            dir->files->pdata[i]));
    }
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

/* The agency templates of the user database. One that cannot be read is
 * reported, never a reason to lose the built-in templates. */
static void
load_agency (EthosTemplateStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stored = ethos_user_db_list_templates (self->db, &error);

  if (stored == NULL)
    {
      add_problem (self, error->message);
      return;
    }
  for (guint i = 0; i < stored->len; i++)
    {
      const EthosStoredTemplate *s = g_ptr_array_index (stored, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *origin = g_strdup_printf (_("agency template “%s”"), s->id);
      EthosTemplate *tmpl;

      /* Stored by an Ethos that let an import take a built-in's id. */
      if (ethos_template_store_is_protected (self, s->id, NULL))
        {
          g_autofree char *msg = g_strdup_printf (_("The agency template “%s” has the id of a "
                                                    "built-in or deployed template, which is used "
                                                    "instead; remove it with “ethos-cli template "
                                                    "delete %s”"), s->id, s->id);
          add_problem (self, msg);
          continue;
        }
      tmpl = ethos_template_load (origin, s->json, strlen (s->json), self->reqs, &local_error);
      if (tmpl == NULL)
        add_problem (self, local_error->message);
      else
        _ethos_template_store_put (self, tmpl, ETHOS_TEMPLATE_AGENCY, _("user database"));
    }
}

EthosTemplateStore *
ethos_template_store_new (const char   *builtin_dir,
                          EthosUserDb  *db,
                          const char   *shared_dir,
                          GError      **error)
{
  g_autoptr(EthosTemplateStore) self = g_new0 (EthosTemplateStore, 1);
  g_autofree char *reqs_path = NULL;
  g_auto(GStrv) system_dirs = ethos_paths_get_deployed_dirs ();

  g_return_val_if_fail (builtin_dir != NULL, NULL);

  self->db = db;
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->problems, NULL);
  self->protected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

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
    load_agency (self);
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
  g_clear_pointer (&self->protected, g_hash_table_unref);
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

gboolean
ethos_template_store_is_protected (EthosTemplateStore   *self,
                                   const char           *id,
                                   EthosTemplateSource  *source)
{
  const EthosTemplateEntry *entry;

  g_return_val_if_fail (self != NULL && id != NULL, FALSE);

  if (!(entry = g_hash_table_lookup (self->protected, id)))
    return FALSE;
  if (source != NULL)
    *source = entry->source;
  return TRUE;
}

gboolean
_ethos_template_store_refuse_protected (EthosTemplateStore  *self,
                                        const char          *id,
                                        GError             **error)
{
  EthosTemplateSource source;

  if (!ethos_template_store_is_protected (self, id, &source))
    return TRUE;
  if (source == ETHOS_TEMPLATE_BUILTIN)
    g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                 _("“%s” is the id of a built-in template, which an agency template cannot "
                   "replace; import it under another id with “--as NEW-ID”"), id);
  else
    g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                 _("“%s” is the id of a template deployed on this computer, which an agency "
                   "template cannot replace; import it under another id with “--as NEW-ID”"), id);
  return FALSE;
}

gboolean
_ethos_template_store_no_db (EthosTemplateStore  *self,
                             GError             **error)
{
  if (self->db != NULL)
    return FALSE;
  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO,
               _("There is no user database to keep agency templates in"));
  return TRUE;
}

/* Validates @tmpl (owned) under @as_id, stores it as the next version and
 * makes it the agency template in use. */
const EthosTemplateEntry *
_ethos_template_store_store (EthosTemplateStore  *self,
                             EthosTemplate       *tmpl,
                             const char          *as_id,
                             const char          *note,
                             gboolean            *added,
                             GError             **error)
{
  g_autoptr(EthosTemplate) owned = tmpl;
  g_autofree char *json = NULL;
  gboolean is_new = FALSE;

  if (as_id != NULL)
    {
      if (!ethos_template_check_id (as_id, error))
        return NULL;
      g_free (owned->id);
      owned->id = g_strdup (as_id);
    }
  if (!_ethos_template_store_refuse_protected (self, owned->id, error))
    return NULL;

  /* Store the canonical form: what export writes back. */
  json = ethos_template_to_json (owned);
  if (!ethos_user_db_add_template_version (self->db, owned->id, owned->version,
                                           g_str_has_suffix (owned->version, ".0")
                                             ? ETHOS_VERSION_MAJOR : ETHOS_VERSION_MINOR,
                                           json, note, &is_new, error))
    return NULL;
  if (added != NULL)
    *added = is_new;
  if (!is_new)
    return ethos_template_store_lookup (self, owned->id, error);
  return _ethos_template_store_put (self, g_steal_pointer (&owned), ETHOS_TEMPLATE_AGENCY, _("user database"));
}

/* The highest stored version of an agency template, or NULL. */
static char *
latest_version (EthosTemplateStore  *self,
                const char          *id,
                GError             **error)
{
  g_autoptr(GPtrArray) versions = ethos_user_db_list_template_versions (self->db, id, error);

  if (versions == NULL || versions->len == 0)
    return NULL;
  return g_strdup (((EthosTemplateVersion *) versions->pdata[0])->version);
}

const EthosTemplateEntry *
ethos_template_store_save_version (EthosTemplateStore   *self,
                                   const EthosTemplate  *tmpl,
                                   EthosVersionKind      kind,
                                   const char           *note,
                                   GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(EthosTemplate) checked = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *json = NULL;
  g_autofree char *next = NULL;
  EthosTemplate *copy;

  g_return_val_if_fail (self != NULL && tmpl != NULL, NULL);

  if (_ethos_template_store_no_db (self, error) || !_ethos_template_store_refuse_protected (self, tmpl->id, error))
    return NULL;
  latest = latest_version (self, tmpl->id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  next = ethos_template_version_next (latest, kind);
  copy = ethos_template_copy (tmpl);
  g_free (copy->version);
  copy->version = g_strdup (next);
  /* Saved only as the loader would read it back: what is stored always
   * loads and prints. */
  json = ethos_template_to_json (copy);
  if (!(checked = ethos_template_load (tmpl->id, json, strlen (json), self->reqs, error)))
    {
      ethos_template_unref (copy);
      return NULL;
    }
  return _ethos_template_store_store (self, copy, NULL, note, NULL, error);
}

static gboolean
id_taken_cb (const char *id,
             gpointer    user_data)
{
  return ethos_template_store_lookup (user_data, id, NULL) != NULL;
}

const EthosTemplateEntry *
ethos_template_store_duplicate (EthosTemplateStore  *self,
                                const char          *id,
                                const char          *suffix,
                                GError             **error)
{
  const EthosTemplateEntry *entry;
  g_autofree char *new_id = NULL;
  EthosTemplate *copy;

  g_return_val_if_fail (self != NULL && id != NULL && suffix != NULL, NULL);

  if (_ethos_template_store_no_db (self, error) || !(entry = ethos_template_store_lookup (self, id, error)))
    return NULL;
  new_id = ethos_template_make_id (id, suffix, id_taken_cb, self);
  copy = ethos_template_duplicate (entry->tmpl, new_id, suffix, self->reqs);
  return _ethos_template_store_store (self, copy, NULL, NULL, NULL, error);
}

gboolean
ethos_template_store_bring_back (EthosTemplateStore  *self,
                                 GPtrArray           *versions,
                                 GError             **error)
{
  const EthosTemplateVersion *newest;
  EthosTemplate *tmpl;

  g_return_val_if_fail (self != NULL && versions != NULL, FALSE);

  if (_ethos_template_store_no_db (self, error))
    return FALSE;
  if (versions->len == 0)
    return TRUE;
  newest = g_ptr_array_index (versions, 0);
  if (!_ethos_template_store_refuse_protected (self, newest->id, error) ||
      !(tmpl = ethos_template_load (newest->id, newest->json, strlen (newest->json), self->reqs,
                                    error)))
    return FALSE;
  /* Oldest first: each version is higher than the last. */
  for (guint i = versions->len; i > 0; i--)
    {
      const EthosTemplateVersion *v = g_ptr_array_index (versions, i - 1);

      if (!ethos_user_db_add_template_version (self->db, v->id, v->version, v->kind, v->json,
                                               v->note, NULL, error))
        {
          ethos_template_unref (tmpl);
          return FALSE;
        }
    }
  _ethos_template_store_put (self, tmpl, ETHOS_TEMPLATE_AGENCY, _("user database"));
  return TRUE;
}

const EthosTemplateEntry *
ethos_template_store_import_replacing (EthosTemplateStore  *self,
                                       const char          *path,
                                       GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *latest = NULL;
  EthosTemplate *tmpl;

  g_return_val_if_fail (self != NULL && path != NULL, NULL);

  if (_ethos_template_store_no_db (self, error) ||
      !(tmpl = ethos_template_load (path, NULL, 0, self->reqs, error)))
    return NULL;
  latest = latest_version (self, tmpl->id, &local_error);
  if (local_error != NULL)
    {
      ethos_template_unref (tmpl);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* The one stored stays as a version; the file's becomes the next. */
  if (latest != NULL && ethos_template_version_compare (tmpl->version, latest) <= 0)
    {
      g_free (tmpl->version);
      tmpl->version = ethos_template_version_next (latest, ETHOS_VERSION_MINOR);
    }
  return _ethos_template_store_store (self, tmpl, NULL, _("imported over the version before"), NULL, error);
}

const EthosTemplateEntry *
ethos_template_store_import_full (EthosTemplateStore  *self,
                                  const char          *path,
                                  const char          *as_id,
                                  gboolean            *added,
                                  GError             **error)
{
  EthosTemplate *tmpl;

  g_return_val_if_fail (self != NULL && path != NULL, NULL);

  if (_ethos_template_store_no_db (self, error))
    return NULL;
  /* Read bounded and checked whole (ethos_template_load) before anything is stored. */
  if (!(tmpl = ethos_template_load (path, NULL, 0, self->reqs, error)))
    return NULL;
  return _ethos_template_store_store (self, tmpl, as_id, NULL, added, error);
}

const EthosTemplateEntry *
ethos_template_store_import (EthosTemplateStore  *self,
                             const char          *path,
                             GError             **error)
{
  return ethos_template_store_import_full (self, path, NULL, NULL, error);
}

gboolean
ethos_template_store_delete (EthosTemplateStore  *self,
                             const char          *id,
                             GError             **error)
{
  g_autoptr(GPtrArray) versions = NULL;

  g_return_val_if_fail (self != NULL && id != NULL, FALSE);

  if (_ethos_template_store_no_db (self, error) ||
      !(versions = ethos_user_db_list_template_versions (self->db, id, error)))
    return FALSE;
  if (versions->len == 0)
    {
      g_autoptr(GPtrArray) stored = ethos_user_db_list_templates (self->db, error);
      gboolean found = FALSE;

      if (stored == NULL)
        return FALSE;
      for (guint i = 0; i < stored->len && !found; i++)
        found = g_str_equal (((EthosStoredTemplate *) stored->pdata[i])->id, id);
      if (!found)
        {
          if (ethos_template_store_is_protected (self, id, NULL))
            g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                         _("“%s” is not an agency template (it is built in or deployed on this "
                           "computer); only agency templates can be deleted"), id);
          else
            ethos_template_store_lookup (self, id, error);
          return FALSE;
        }
    }
  if (!ethos_user_db_delete_template (self->db, id, error))
    return FALSE;
  for (guint i = 0; i < self->entries->len; i++)
    {
      EthosTemplateEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->source == ETHOS_TEMPLATE_AGENCY && g_str_equal (entry->tmpl->id, id))
        {
          g_ptr_array_remove_index (self->entries, i);
          break;
        }
    }
  return TRUE;
}

const EthosTemplateEntry *
ethos_template_store_restore_version (EthosTemplateStore  *self,
                                      const char          *id,
                                      const char          *version,
                                      GError             **error)
{
  g_autoptr(EthosTemplateVersion) old = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autofree char *note = NULL;
  EthosTemplate *tmpl;

  g_return_val_if_fail (self != NULL && id != NULL && version != NULL, NULL);

  if (_ethos_template_store_no_db (self, error) ||
      !(old = ethos_user_db_get_template_version (self->db, id, version, error)) ||
      !(versions = ethos_user_db_list_template_versions (self->db, id, error)))
    return NULL;
  if (!(tmpl = ethos_template_load (id, old->json, strlen (old->json), self->reqs, error)))
    return NULL;
  /* Restoring never goes back: X's content becomes the next version. */
  g_free (tmpl->version);
  tmpl->version = ethos_template_version_next (((EthosTemplateVersion *) versions->pdata[0])->version,
                                               ETHOS_VERSION_MINOR);
  note = g_strdup_printf (_("restored from %s"), version);
  return _ethos_template_store_store (self, tmpl, NULL, note, NULL, error);
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
