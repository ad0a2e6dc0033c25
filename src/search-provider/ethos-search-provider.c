/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-search-provider"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "ethos-corpus.h"
#include "ethos-paths.h"

/* GNOME Shell's search provider for the codes (org.gnome.Shell.SearchProvider2):
 * a small D-Bus service started on demand, linking only the core. It reads
 * the codes index and nothing else: never the user's database, so private
 * notes can never show in the Activities overview. Choosing a result asks
 * Ethos (io.github.ethosapp.Ethos, D-Bus activated) to show it. */

#define PROVIDER_ID   APP_ID ".SearchProvider"
#define PROVIDER_PATH "/io/github/ethosapp/Ethos/SearchProvider"
#define APP_PATH      "/io/github/ethosapp/Ethos"
#define MAX_RESULTS   12
#define DESCRIPTION_CHARS 140
#define IDLE_TIMEOUT_MS 20000

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

typedef struct
{
  GMainLoop    *loop;
  guint         idle;
  EthosCorpus  *corpus;
  GPtrArray    *codes;
  GError       *open_error;
} Provider;

static gboolean
ensure_corpus (Provider *self)
{
  if (self->corpus == NULL && self->open_error == NULL)
    {
      g_autofree char *path = ethos_paths_get_corpus_file ();

      self->corpus = ethos_corpus_open (path, &self->open_error);
      if (self->corpus != NULL)
        self->codes = ethos_corpus_list_codes (self->corpus, &self->open_error);
      if (self->open_error != NULL)
        g_warning ("The codes cannot be searched: %s", self->open_error->message);
    }
  return self->codes != NULL;
}

/* Result ids: "item/CODE/REF", "topic/ID", "code/CODE". */
static GStrv
search (Provider            *self,
        const char * const  *terms)
{
  g_autofree char *query = g_strjoinv (" ", (char **) terms);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!ensure_corpus (self) || *g_strstrip (query) == '\0')
    return g_strv_builder_end (ids);
  results = ethos_corpus_search (self->corpus, query, NULL, MAX_RESULTS, NULL);
  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      const EthosSearchResult *r = g_ptr_array_index (results, i);
      char *id;

      if (r->kind == ETHOS_SEARCH_TOPIC)
        id = g_strdup_printf ("topic/%s", r->topic);
      else if (r->ref != NULL)
        id = g_strdup_printf ("item/%s/%s", r->code, r->ref);
      else
        id = g_strdup_printf ("code/%s", r->code);
      if (g_hash_table_add (seen, id))
        g_strv_builder_add (ids, id);
    }
  return g_strv_builder_end (ids);
}

static char *
shorten (const char *text)
{
  g_autofree char *flat = g_strdup (text);
  const char *end;
  glong n = 0;

  g_strdelimit (flat, "\n\t", ' ');
  for (end = flat; *end && n < DESCRIPTION_CHARS; end = g_utf8_next_char (end))
    n++;
  if (*end == '\0')
    return g_steal_pointer (&flat);
  flat[end - flat] = '\0';
  return g_strconcat (flat, "…", NULL);
}

static GVariant *
meta_for (Provider   *self,
          const char *id)
{
  g_auto(GStrv) parts = g_strsplit (id, "/", 3);
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  GVariantBuilder meta;

  if (g_strv_length (parts) == 3 && g_str_equal (parts[0], "item"))
    {
      const EthosCodeInfo *info = ethos_code_info_find (self->codes, parts[1]);
      g_autoptr(EthosItem) item = info ? ethos_corpus_get_item (self->corpus, info->id, parts[2],
                                                                NULL) : NULL;
      if (item == NULL)
        return NULL;
      /* Translators: a result in GNOME Shell's search, "NOHS Standard 3" */
      name = g_strdup_printf (_("%s %s %s"), info->abbreviation,
                              ethos_code_info_get_item_label (info), item->ref);
      description = shorten (item->heading && *item->heading ? item->heading : item->text);
    }
  else if (g_strv_length (parts) == 2 && g_str_equal (parts[0], "topic"))
    {
      g_autoptr(EthosTopic) topic = ethos_corpus_get_topic (self->corpus, parts[1], NULL);

      if (topic == NULL)
        return NULL;
      /* Translators: a topic in GNOME Shell's search, "Topic: Informed consent" */
      name = g_strdup_printf (_("Topic: %s"), topic->label);
      description = shorten (topic->description);
    }
  else if (g_strv_length (parts) == 2 && g_str_equal (parts[0], "code"))
    {
      const EthosCodeInfo *info = ethos_code_info_find (self->codes, parts[1]);

      if (info == NULL)
        return NULL;
      name = g_strdup (info->short_title);
      description = g_strdup (info->title);
    }
  else
    return NULL;

  g_variant_builder_init (&meta, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (id));
  g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (name));
  g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
  return g_variant_builder_end (&meta);
}

static gboolean
idle_cb (gpointer data)
{
  Provider *self = data;

  self->idle = 0;
  g_main_loop_quit (self->loop);
  return G_SOURCE_REMOVE;
}

/* Started on demand, it stays while GNOME Shell asks, then goes. */
static void
restart_idle (Provider *self)
{
  g_clear_handle_id (&self->idle, g_source_remove);
  self->idle = g_timeout_add (IDLE_TIMEOUT_MS, idle_cb, self);
}

static void
activated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Provider *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result,
                                                             &error);

  if (reply == NULL)
    g_warning ("Ethos could not be asked to show the result: %s", error->message);
  restart_idle (self);
}

/* Asks Ethos, through its GApplication D-Bus interface, to run an action:
 * the bus starts it when it is not running. GNOME Shell does not wait. */
static void
activate_app (Provider        *self,
              GDBusConnection *connection,
              const char      *action,
              GVariant        *parameter,
              guint32          timestamp)
{
  GVariantBuilder params, platform;

  g_variant_builder_init (&params, G_VARIANT_TYPE ("av"));
  if (parameter != NULL)
    g_variant_builder_add (&params, "v", parameter);
  g_variant_builder_init (&platform, G_VARIANT_TYPE ("a{sv}"));
  if (timestamp != 0)
    {
      g_autofree char *startup = g_strdup_printf ("_TIME%u", timestamp);
      g_variant_builder_add (&platform, "{sv}", "desktop-startup-id",
                             g_variant_new_string (startup));
    }
  g_dbus_connection_call (connection, APP_ID, APP_PATH, "org.freedesktop.Application",
                          "ActivateAction",
                          g_variant_new ("(sav@a{sv})", action, &params,
                                         g_variant_builder_end (&platform)),
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, activated_cb, self);
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               data)
{
  Provider *self = data;

  restart_idle (self);

  if (g_str_equal (method_name, "GetInitialResultSet") ||
      g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autofree const char **terms = NULL;
      g_autofree const char **previous = NULL;
      g_auto(GStrv) ids = NULL;

      /* The index answers a narrower search as fast as a filter would; a
       * subsearch then keeps only what the Shell already had (the
       * interface's contract: it refines, it does not widen). */
      if (g_str_equal (method_name, "GetInitialResultSet"))
        g_variant_get (parameters, "(^a&s)", &terms);
      else
        g_variant_get (parameters, "(^a&s^a&s)", &previous, &terms);
      ids = search (self, terms);
      if (previous != NULL)
        {
          guint kept = 0;

          for (guint i = 0; ids[i] != NULL; i++)
            {
              if (g_strv_contains (previous, ids[i]))
                ids[kept++] = ids[i];
              else
                g_free (ids[i]);
            }
          ids[kept] = NULL;
        }
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", ids));
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autofree const char **ids = NULL;
      GVariantBuilder metas;

      g_variant_get (parameters, "(^a&s)", &ids);
      g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
      for (guint i = 0; ids[i] != NULL; i++)
        {
          GVariant *meta = ensure_corpus (self) ? meta_for (self, ids[i]) : NULL;
          if (meta != NULL)
            g_variant_builder_add_value (&metas, meta);
        }
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(aa{sv})", &metas));
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id;
      guint32 timestamp;
      g_auto(GStrv) parts = NULL;

      g_variant_get (parameters, "(&sasu)", &id, NULL, &timestamp);
      parts = g_strsplit (id, "/", 3);
      if (g_strv_length (parts) == 3 && g_str_equal (parts[0], "item"))
        activate_app (self, connection, "show-item", g_variant_new ("(ss)", parts[1], parts[2]),
                      timestamp);
      else if (g_strv_length (parts) == 2 && g_str_equal (parts[0], "topic"))
        activate_app (self, connection, "show-compare", g_variant_new_string (parts[1]), timestamp);
      else if (g_strv_length (parts) == 2 && g_str_equal (parts[0], "code"))
        activate_app (self, connection, "show-code", g_variant_new_string (parts[1]), timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autofree const char **terms = NULL;
      g_autofree char *query = NULL;
      guint32 timestamp;

      g_variant_get (parameters, "(^a&su)", &terms, &timestamp);
      query = g_strjoinv (" ", (char **) terms);
      activate_app (self, connection, "search", g_variant_new_string (query), timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);
}

static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL, { 0 } };

static void
bus_acquired_cb (GDBusConnection *connection,
                 const char      *name,
                 gpointer         data)
{
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection_xml, NULL);
  g_autoptr(GError) error = NULL;

  if (g_dbus_connection_register_object (connection, PROVIDER_PATH, info->interfaces[0], &vtable,
                                         data, NULL, &error) == 0)
    {
      g_warning ("The search provider cannot be offered: %s", error->message);
      g_main_loop_quit (((Provider *) data)->loop);
    }
}

static void
name_lost_cb (GDBusConnection *connection,
              const char      *name,
              gpointer         data)
{
  g_main_loop_quit (((Provider *) data)->loop);
}

int
main (int   argc,
      char *argv[])
{
  Provider self = { 0 };
  guint owner;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, ethos_paths_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  self.loop = g_main_loop_new (NULL, FALSE);
  owner = g_bus_own_name (G_BUS_TYPE_SESSION, PROVIDER_ID, G_BUS_NAME_OWNER_FLAGS_NONE,
                          bus_acquired_cb, NULL, name_lost_cb, &self, NULL);
  restart_idle (&self);
  g_main_loop_run (self.loop);

  g_bus_unown_name (owner);
  g_clear_handle_id (&self.idle, g_source_remove);
  g_main_loop_unref (self.loop);
  g_clear_pointer (&self.codes, g_ptr_array_unref);
  g_clear_pointer (&self.corpus, ethos_corpus_free);
  g_clear_error (&self.open_error);
  return 0;
}
