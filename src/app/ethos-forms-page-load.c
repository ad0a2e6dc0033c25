/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-forms-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-error.h"
#include "ethos-forms-page-private.h"

/* The templates are read off the main loop, in two steps: first the
 * built-in, system and agency templates (a thread with its own connection
 * to the user database), then the shared folder, which may be a network
 * share that is slow, absent or holds something that is not a file. The
 * window stays responsive; the share's templates appear when read, and an
 * unreachable share is said in the list's problems. A thread holds only a
 * weak reference to the page: one stuck on a dead share never keeps the
 * window alive. */

typedef struct
{
  GWeakRef             page;
  guint                generation;
  char                *builtin_dir;
  char                *shared_dir;
  char                *db_path;
  /* results */
  EthosTemplateStore  *store;
  EthosTemplateDir    *dir;
  EthosAgencyProfile  *deployed;
  char                *deployed_problem;
} Load;

static void
load_free (Load *load)
{
  g_weak_ref_clear (&load->page);
  g_free (load->builtin_dir);
  g_free (load->shared_dir);
  g_free (load->db_path);
  g_clear_pointer (&load->store, ethos_template_store_free);
  g_clear_pointer (&load->dir, ethos_template_dir_free);
  g_clear_pointer (&load->deployed, ethos_agency_profile_free);
  g_free (load->deployed_problem);
  g_free (load);
}

static Load *
load_new (EthosFormsPage *self)
{
  Load *load = g_new0 (Load, 1);

  g_weak_ref_init (&load->page, self);
  load->generation = self->generation;
  load->builtin_dir = g_strdup (self->builtin_dir);
  load->shared_dir = g_strdup (self->shared_dir);
  load->db_path = self->db ? g_strdup (ethos_user_db_get_path (self->db)) : NULL;
  return load;
}

static void
read_deployed (Load       *load,
               const char *path)
{
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  if (!(load->deployed = ethos_agency_profile_load (path, &error)))
    load->deployed_problem = g_strdup (error->message);
}

static void
local_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  Load *load = data;
  g_autoptr(EthosUserDb) db = NULL;
  g_autofree char *deployed = NULL;
  GError *error = NULL;

  if (load->db_path != NULL &&
      !(db = ethos_user_db_open_full (load->db_path, ETHOS_USER_DB_OPEN_READ_ONLY, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!(load->store = ethos_template_store_new (load->builtin_dir, db, NULL, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The window's own connection saves; this one closes with the thread. */
  ethos_template_store_set_user_db (load->store, NULL);
  /* The shared folder's agency.json is read with the shared folder. */
  deployed = ethos_agency_profile_find_deployed (NULL);
  read_deployed (load, deployed);
  g_task_return_boolean (task, TRUE);
}

static void
shared_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Load *load = data;
  g_autofree char *reqs_path = g_build_filename (load->builtin_dir, "requirements.json", NULL);
  g_autofree char *agency = g_build_filename (load->shared_dir, "agency.json", NULL);
  g_autoptr(EthosRequirements) reqs = NULL;
  GError *error = NULL;

  /* Requirements of its own: the page's may go while this thread waits on
   * the share. */
  if (!(reqs = ethos_requirements_load (reqs_path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  load->dir = ethos_template_dir_read (load->shared_dir, ETHOS_TEMPLATE_SHARED, reqs, TRUE);
  if (!ethos_template_dir_is_unreachable (load->dir) &&
      g_file_test (agency, G_FILE_TEST_EXISTS))
    read_deployed (load, agency);
  g_task_return_boolean (task, TRUE);
}

static EthosFormsPage *
page_of (Load         *load,
         GAsyncResult *result)
{
  EthosFormsPage *self = g_weak_ref_get (&load->page);

  if (self != NULL && load->generation != self->generation)
    g_clear_object (&self);
  return self;
}

/* The profile forms use: the user's over the deployed one. */
static void
update_profile (EthosFormsPage *self)
{
  g_autoptr(EthosAgencyProfile) local = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  if (self->db != NULL && !(local = ethos_user_db_get_agency_profile (self->db, &error)))
    g_warning ("The agency profile could not be read: %s", error->message);
  g_clear_pointer (&self->profile, ethos_agency_profile_free);
  self->profile = ethos_agency_profile_merge (local, self->deployed);
  name = ethos_agency_profile_get (self->profile, "agency_name", self->lang);
  gtk_label_set_label (self->agency_subtitle, name != NULL && *name ? name
                                                                    : _("Not set up yet"));
}

/* The deployed profile (or why it could not be read) @load found. */
static void
take_deployed (EthosFormsPage *self,
               Load           *load)
{
  g_clear_pointer (&self->deployed, ethos_agency_profile_free);
  g_clear_pointer (&self->deployed_problem, g_free);
  self->deployed = g_steal_pointer (&load->deployed);
  self->deployed_problem = g_steal_pointer (&load->deployed_problem);
  update_profile (self);
  if (self->agency_page != NULL)
    ethos_agency_page_set_profile (self->agency_page, self->db, self->deployed);
}

static void
shared_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(EthosFormsPage) self = page_of (load, result);
  g_autoptr(GError) error = NULL;

  if (self == NULL || !g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (self != NULL)
        {
          self->shared_loading = FALSE;
          g_clear_pointer (&self->deployed_problem, g_free);
          self->deployed_problem = g_strdup (error->message);
          _ethos_forms_page_show_problems (self);
        }
      return;
    }
  self->shared_loading = FALSE;
  ethos_template_store_add_dir (self->store, load->dir);
  /* The shared folder's profile comes before XDG_DATA_DIRS's. */
  if (load->deployed != NULL || load->deployed_problem != NULL)
    {
      take_deployed (self, load);
      /* New defaults: the forms open so far are made again with them. */
      _ethos_forms_page_drop_fills (self);
    }
  _ethos_forms_page_show_list (self);
}

static void
local_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(EthosFormsPage) self = page_of (load, result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) shared = NULL;

  if (self == NULL)
    return;
  self->loading = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_debug ("The templates could not be read: %s", error->message);
      _ethos_forms_page_show_load_error (self, error);
      return;
    }
  self->store = g_steal_pointer (&load->store);
  ethos_template_store_set_user_db (self->store, self->db);
  take_deployed (self, load);

  if (self->shared_dir != NULL)
    {
      Load *next = load_new (self);

      self->shared_loading = TRUE;
      shared = g_task_new (NULL, self->cancellable, shared_done_cb, NULL);
      g_task_set_task_data (shared, next, (GDestroyNotify) load_free);
      g_task_run_in_thread (shared, shared_thread);
    }
  _ethos_forms_page_show_list (self);
}

void
_ethos_forms_page_load_start (EthosFormsPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->loading = TRUE;
  self->shared_loading = FALSE;
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
  gtk_widget_set_visible (self->problems_box, FALSE);

  task = g_task_new (NULL, self->cancellable, local_done_cb, NULL);
  g_task_set_task_data (task, load_new (self), (GDestroyNotify) load_free);
  g_task_run_in_thread (task, local_thread);
}

/* The profile page saved a change: forms and the editor's preview follow. */
void
_ethos_forms_page_profile_changed (EthosFormsPage *self)
{
  GHashTableIter iter;
  gpointer fill;

  update_profile (self);
  g_hash_table_iter_init (&iter, self->fills);
  while (g_hash_table_iter_next (&iter, NULL, &fill))
    ethos_form_fill_set_agency (fill, self->profile);
}

void
_ethos_forms_page_load_dispose (EthosFormsPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* A thread still running finds no page when it is done. */
  self->generation++;
  g_clear_pointer (&self->deployed, ethos_agency_profile_free);
  g_clear_pointer (&self->deployed_problem, g_free);
  g_clear_pointer (&self->profile, ethos_agency_profile_free);
}
