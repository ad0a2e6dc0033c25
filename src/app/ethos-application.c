/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-application.h"
#include "ethos-paths.h"
#include "ethos-window.h"

struct _EthosApplication
{
  AdwApplication  parent_instance;

  EthosCorpus    *corpus;
  GError         *corpus_error;
  EthosUserDb    *user_db;
  GError         *user_db_error;
  gboolean        recovery_told;
};

G_DEFINE_FINAL_TYPE (EthosApplication, ethos_application, ADW_TYPE_APPLICATION)

static void
open_sources (EthosApplication *self)
{
  if (self->corpus == NULL && self->corpus_error == NULL)
    {
      g_autofree char *path = ethos_paths_get_corpus_file ();
      self->corpus = ethos_corpus_open (path, &self->corpus_error);
    }
  if (self->user_db == NULL && self->user_db_error == NULL)
    {
      g_autofree char *path = ethos_paths_get_user_db_file ();
      /* A damaged database is moved aside and a new one started: the
       * window still opens, and tells what happened (tell_recovery). */
      self->user_db = ethos_user_db_open_full (path, ETHOS_USER_DB_OPEN_RECOVER,
                                               &self->user_db_error);
    }
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (data)));

  /* Closing (not destroying) lets each window save its state and note. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  EthosApplication *self = data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GPtrArray) codes = self->corpus ? ethos_corpus_list_codes (self->corpus, NULL) : NULL;
  const char *developers[] = { _("The Ethos contributors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Ethos"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Ethos contributors"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("The ethics codes of the human-services professions on your "
                                      "desk, offline: browse, search and compare them, and cite "
                                      "them in your case notes."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/ethosapp/ethos",
                        "issue-url", "https://github.com/ethosapp/ethos/issues",
                        "copyright", _("© The Ethos contributors"),
                        "translator-credits", _("translator-credits"),
                        NULL);

  /* Each code's own source and notice: "not stated" where the source is silent. */
  for (guint i = 0; codes != NULL && i < codes->len; i++)
    {
      EthosCodeInfo *info = g_ptr_array_index (codes, i);
      g_autofree char *notice = g_markup_escape_text (info->notice ? info->notice
                                                      : _("Copyright: not stated in the source"),
                                                      -1);
      g_autofree char *details = g_strdup_printf ("%s\n%s: %s\n%s: %s%s%s",
                                                  info->title,
                                                  _("Publisher"),
                                                  info->publisher ? info->publisher
                                                  : _("not stated in the source"),
                                                  _("Edition"),
                                                  info->edition ? info->edition
                                                  : _("not stated in the source"),
                                                  info->website ? "\n" : "",
                                                  info->website ? info->website : "");
      g_autofree char *escaped = g_markup_escape_text (details, -1);

      adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), info->title, notice,
                                          GTK_LICENSE_CUSTOM, escaped);
    }
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  GtkApplication *app = data;
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/ethosapp/Ethos/ui/ethos-shortcuts-window.ui");
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (window, gtk_application_get_active_window (app));
  gtk_window_present (window);
}

static EthosWindow *
present_window (EthosApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!ETHOS_IS_WINDOW (window))
    window = GTK_WINDOW (ethos_window_new (self));
  gtk_window_present (window);
  return ETHOS_WINDOW (window);
}

/* The places GNOME Shell's search provider opens (D-Bus ActivateAction). */
static void
show_place_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       data)
{
  EthosWindow *window = present_window (data);
  const char *name = g_action_get_name (G_ACTION (action));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_equal (name, "show-item"))
    {
      const char *code, *ref;

      g_variant_get (param, "(&s&s)", &code, &ref);
      ok = ethos_window_navigate (window, ETHOS_NODE_ITEM, code, ref, &error);
    }
  else if (g_str_equal (name, "show-compare"))
    ok = ethos_window_navigate (window, ETHOS_NODE_COMPARE, NULL,
                                g_variant_get_string (param, NULL), &error);
  else
    ok = ethos_window_navigate (window, ETHOS_NODE_CODE, g_variant_get_string (param, NULL), NULL,
                                &error);
  if (!ok && error != NULL)
    g_message ("%s", error->message);
}

static void
search_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  ethos_window_search (present_window (data), g_variant_get_string (param, NULL));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
  { "show-item", show_place_action, "(ss)" },
  { "show-compare", show_place_action, "s" },
  { "show-code", show_place_action, "s" },
  { "search", search_action, "s" },
};

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.jump", { "<Control>k", "<Control>l", NULL } },
  { "win.go-back", { "<Alt>Left", "Back", NULL } },
  { "win.go-forward", { "<Alt>Right", "Forward", NULL } },
  { "win.show-bookmarks", { "<Control>b", NULL } },
  { "win.show-compare('')", { "<Control>t", NULL } },
  { "win.view('codes')", { "<Alt>1", NULL } },
  { "win.view('forms')", { "<Alt>2", NULL } },
};

static void
ethos_application_startup (GApplication *app)
{
  EthosApplication *self = ETHOS_APPLICATION (app);

  G_APPLICATION_CLASS (ethos_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
  open_sources (self);

  /* Run from the build tree, the app icon is not installed yet: the About
   * window and the window list find it in the sources. */
  if (ethos_paths_get_icons_dir () != NULL)
    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    ethos_paths_get_icons_dir ());
}

/* Once per run, over the first window: where the damaged database went
 * and how to bring back what could be read of it. */
static void
tell_recovery (EthosApplication *self,
               GtkWindow        *window)
{
  g_autofree char *sentence = NULL;
  GtkWidget *dialog;

  if (self->recovery_told || self->user_db == NULL ||
      !(sentence = ethos_user_db_describe_recovery (self->user_db)))
    return;
  self->recovery_told = TRUE;
  dialog = adw_message_dialog_new (window, _("Your Ethos Database Was Damaged"), sentence);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ethos_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (ethos_window_new (ETHOS_APPLICATION (app)));
  gtk_window_present (window);
  open_sources (ETHOS_APPLICATION (app));
  tell_recovery (ETHOS_APPLICATION (app), window);
}

static void
ethos_application_finalize (GObject *object)
{
  EthosApplication *self = ETHOS_APPLICATION (object);

  g_clear_pointer (&self->corpus, ethos_corpus_free);
  g_clear_pointer (&self->user_db, ethos_user_db_free);
  g_clear_error (&self->corpus_error);
  g_clear_error (&self->user_db_error);

  G_OBJECT_CLASS (ethos_application_parent_class)->finalize (object);
}

static void
ethos_application_class_init (EthosApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ethos_application_finalize;
  app_class->startup = ethos_application_startup;
  app_class->activate = ethos_application_activate;
}

static void
ethos_application_init (EthosApplication *self)
{
}

EthosApplication *
ethos_application_new (void)
{
  return g_object_new (ETHOS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/ethosapp/Ethos",
                       NULL);
}

GSettings *
ethos_application_new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) local = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      local = g_settings_schema_source_new_from_directory (ethos_paths_get_data_dir (), source,
                                                           FALSE, NULL);
      if (local != NULL)
        schema = g_settings_schema_source_lookup (local, APP_ID, FALSE);
    }
  if (schema == NULL)
    g_error ("The settings schema %s is not installed", APP_ID);
  return g_settings_new_full (schema, NULL, NULL);
}

EthosCorpus *
ethos_application_get_corpus (EthosApplication *self)
{
  g_return_val_if_fail (ETHOS_IS_APPLICATION (self), NULL);
  open_sources (self);
  return self->corpus;
}

const GError *
ethos_application_get_corpus_error (EthosApplication *self)
{
  g_return_val_if_fail (ETHOS_IS_APPLICATION (self), NULL);
  return self->corpus_error;
}

EthosUserDb *
ethos_application_get_user_db (EthosApplication *self)
{
  g_return_val_if_fail (ETHOS_IS_APPLICATION (self), NULL);
  open_sources (self);
  return self->user_db;
}

const GError *
ethos_application_get_user_db_error (EthosApplication *self)
{
  g_return_val_if_fail (ETHOS_IS_APPLICATION (self), NULL);
  return self->user_db_error;
}
