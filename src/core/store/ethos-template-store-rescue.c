/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ethos-template-store-private.h"
#include "ethos-template-versions.h"

/* Agency templates brought back from a rescue file (ethos-user-db-rescue.c
 * reads it): the templates in use, and the history of each. */

static int
compare_versions_cb (gconstpointer a,
                     gconstpointer b)
{
  const EthosTemplateVersion *x = *(EthosTemplateVersion * const *) a;
  const EthosTemplateVersion *y = *(EthosTemplateVersion * const *) b;
  int by_id = strcmp (x->id, y->id);

  return by_id != 0 ? by_id : ethos_template_version_compare (x->version, y->version);
}

/* Whether the versions stored of a template (newest first) are the first
 * ones of its rescued history (@first to @end, oldest first): a restore
 * that stopped part way, to be taken up again. */
static gboolean
stored_begin_history (GPtrArray *stored,
                      GPtrArray *versions,
                      guint      first,
                      guint      end)
{
  if (stored->len > end - first)
    return FALSE;
  for (guint k = 0; k < stored->len; k++)
    if (!g_str_equal (((EthosTemplateVersion *) stored->pdata[stored->len - 1 - k])->version,
                      ((EthosTemplateVersion *) versions->pdata[first + k])->version))
      return FALSE;
  return TRUE;
}

static gboolean
has_current (GPtrArray  *templates,
             const char *id)
{
  for (guint i = 0; i < templates->len; i++)
    if (g_str_equal (((EthosStoredTemplate *) templates->pdata[i])->id, id))
      return TRUE;
  return FALSE;
}

/* The rescued history of each agency template the database has no version
 * of (or only the first ones of that history: a restore taken up again),
 * oldest first, each version validated and stored as export writes it; the
 * newest stored becomes the one in use. A template with a history of its
 * own keeps it. A built-in's id is refused, once (with the template in use
 * when the file has it, later). Refusals go to @problems. Returns id → the
 * newest version the database now has from the rescue file. */
static GHashTable *
restore_versions (EthosTemplateStore *self,
                  const char         *path,
                  GPtrArray          *versions,
                  GPtrArray          *templates,
                  guint              *n_restored,
                  GPtrArray          *problems)
{
  GHashTable *restored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_ptr_array_sort (versions, compare_versions_cb);
  for (guint i = 0; i < versions->len; )
    {
      const char *id = ((EthosTemplateVersion *) versions->pdata[i])->id;
      g_autoptr(GPtrArray) stored = NULL;
      g_autoptr(EthosTemplate) newest = NULL;
      g_autoptr(GError) local_error = NULL;
      guint end = i;

      while (end < versions->len &&
             g_str_equal (((EthosTemplateVersion *) versions->pdata[end])->id, id))
        end++;
      if (!_ethos_template_store_refuse_protected (self, id, &local_error))
        {
          if (!has_current (templates, id))
            g_ptr_array_add (problems, g_strdup (local_error->message));
          i = end;
          continue;
        }
      if (!(stored = ethos_user_db_list_template_versions (self->db, id, &local_error)))
        {
          g_ptr_array_add (problems, g_strdup (local_error->message));
          i = end;
          continue;
        }
      if (!stored_begin_history (stored, versions, i, end))
        {
          i = end;
          continue;
        }
      for (i += stored->len; i < end; i++)
        {
          EthosTemplateVersion *v = versions->pdata[i];
          g_autofree char *origin = g_strdup_printf ("%s: %s %s", path, v->id, v->version);
          g_autoptr(EthosTemplate) tmpl = ethos_template_load (origin, v->json, strlen (v->json),
                                                               self->reqs, &local_error);
          EthosTemplateVersion canonical;
          g_autofree char *json = NULL;
          gboolean added = FALSE;

          if (tmpl == NULL || !g_str_equal (tmpl->id, v->id) ||
              !g_str_equal (tmpl->version, v->version))
            {
              g_ptr_array_add (problems, local_error != NULL
                                           ? g_strdup (local_error->message)
                                           : g_strdup_printf (_("%s: the template inside is "
                                                                "another one"), origin));
              g_clear_error (&local_error);
              continue;
            }
          /* Stored as export writes it, as every import is. */
          canonical = *v;
          canonical.json = json = ethos_template_to_json (tmpl);
          if (!ethos_user_db_restore_template_version (self->db, &canonical, &added,
                                                       &local_error))
            {
              g_ptr_array_add (problems, g_strdup (local_error->message));
              g_clear_error (&local_error);
              continue;
            }
          *n_restored += added;
          g_clear_pointer (&newest, ethos_template_unref);
          newest = g_steal_pointer (&tmpl);
        }
      if (newest == NULL && stored->len > 0)
        /* All there already: an import done before. */
        g_hash_table_insert (restored, g_strdup (id),
                             g_strdup (((EthosTemplateVersion *) stored->pdata[0])->version));
      if (newest != NULL)
        {
          g_hash_table_insert (restored, g_strdup (id), g_strdup (newest->version));
          _ethos_template_store_put (self, g_steal_pointer (&newest), ETHOS_TEMPLATE_AGENCY, _("user database"));
        }
      i = end;
    }
  return restored;
}

gboolean
ethos_template_store_import_rescue (EthosTemplateStore  *self,
                                    const char          *path,
                                    guint               *n_restored,
                                    GPtrArray          **skipped,
                                    GError             **error)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GHashTable) restored = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (self != NULL && path != NULL && n_restored != NULL, FALSE);

  if (_ethos_template_store_no_db (self, error) ||
      !ethos_user_db_import_rescue (self->db, path, n_restored, &templates, &versions, error))
    return FALSE;
  restored = restore_versions (self, path, versions, templates, n_restored, problems);
  for (guint i = 0; i < templates->len; i++)
    {
      const EthosStoredTemplate *stored = g_ptr_array_index (templates, i);
      const char *newest = g_hash_table_lookup (restored, stored->id);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *origin = NULL;
      EthosTemplate *tmpl;
      gboolean added = FALSE;

      /* In use already, with its history. */
      if (newest != NULL && stored->version != NULL &&
          ethos_template_version_compare (stored->version, newest) <= 0)
        continue;
      origin = g_strdup_printf ("%s: %s", path, stored->id);
      tmpl = ethos_template_load (origin, stored->json, strlen (stored->json), self->reqs,
                                  &local_error);

      if (tmpl == NULL ||
          !_ethos_template_store_store (self, tmpl, NULL, _("from a rescue file"), &added, &local_error))
        g_ptr_array_add (problems, g_strdup (local_error->message));
      *n_restored += added;
    }
  if (skipped != NULL)
    {
      g_ptr_array_add (problems, NULL);
      *skipped = g_steal_pointer (&problems);
    }
  return TRUE;
}

