/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "ethos-test-utils.h"
#include "ethos-user-db.h"

/* GNOME Shell's search provider (src/search-provider), started by a private
 * session bus from a service file as GNOME Shell would start it, and
 * called through its D-Bus methods. A stand-in for Ethos on the same bus
 * records what choosing a result asks it to show. */

#define PROVIDER_NAME "io.github.ethosapp.Ethos.SearchProvider"
#define PROVIDER_PATH "/io/github/ethosapp/Ethos/SearchProvider"
#define PROVIDER_IFACE "org.gnome.Shell.SearchProvider2"

static char *tmp;
static GDBusConnection *bus;
static GPtrArray *app_calls;   /* "action parameter" as printed GVariants */

static const char app_xml[] =
  "<node><interface name='org.freedesktop.Application'>"
  "  <method name='ActivateAction'>"
  "    <arg type='s' direction='in'/><arg type='av' direction='in'/>"
  "    <arg type='a{sv}' direction='in'/>"
  "  </method>"
  "  <method name='Activate'><arg type='a{sv}' direction='in'/></method>"
  "  <method name='Open'><arg type='as' direction='in'/><arg type='a{sv}' direction='in'/></method>"
  "</interface></node>";

static void
app_call_cb (GDBusConnection       *connection,
             const char            *sender,
             const char            *path,
             const char            *iface,
             const char            *method,
             GVariant              *params,
             GDBusMethodInvocation *invocation,
             gpointer               data)
{
  if (g_str_equal (method, "ActivateAction"))
    {
      const char *action;
      g_autoptr(GVariant) args = NULL;
      g_autofree char *printed = NULL;

      g_variant_get (params, "(&s@av@a{sv})", &action, &args, NULL);
      printed = g_variant_print (args, FALSE);
      g_ptr_array_add (app_calls, g_strdup_printf ("%s %s", action, printed));
    }
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable app_vtable = { app_call_cb, NULL, NULL, { 0 } };

static GVariant *
call (const char *method,
      GVariant   *params)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply = g_dbus_connection_call_sync (bus, PROVIDER_NAME, PROVIDER_PATH,
                                                 PROVIDER_IFACE, method, params, NULL,
                                                 G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);

  g_assert_no_error (error);
  return reply;
}

static GStrv
initial (const char * const *terms)
{
  g_autoptr(GVariant) reply = call ("GetInitialResultSet",
                                    g_variant_new ("(^as)", (char **) terms));
  GStrv ids = NULL;

  g_variant_get (reply, "(^as)", &ids);
  return ids;
}

static void
test_results (void)
{
  const char *terms[] = { "duty", "to", "warn", NULL };
  g_auto(GStrv) ids = initial (terms);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariantIter) metas = NULL;
  GVariant *meta;
  gboolean saw_item = FALSE, saw_topic = FALSE;

  g_assert_true (g_strv_contains ((const char * const *) ids, "topic/limits-of-confidentiality"));
  g_assert_true (g_strv_contains ((const char * const *) ids, "item/oesc/I.5.b"));
  g_assert_cmpuint (g_strv_length (ids), <=, 12);

  reply = call ("GetResultMetas", g_variant_new ("(^as)", ids));
  g_variant_get (reply, "(aa{sv})", &metas);
  while ((meta = g_variant_iter_next_value (metas)) != NULL)
    {
      g_autoptr(GVariant) owned = meta;
      const char *id = NULL, *name = NULL, *description = NULL;

      g_assert_true (g_variant_lookup (meta, "id", "&s", &id));
      g_assert_true (g_variant_lookup (meta, "name", "&s", &name));
      g_assert_true (g_variant_lookup (meta, "description", "&s", &description));
      g_assert_cmpstr (description, !=, "");
      if (g_str_equal (id, "item/oesc/I.5.b"))
        {
          saw_item = TRUE;
          g_assert_cmpstr (name, ==, "OESC Item I.5.b");
          g_assert_cmpstr (description, ==, "Duty to Warn");
        }
      if (g_str_equal (id, "topic/limits-of-confidentiality"))
        {
          saw_topic = TRUE;
          g_assert_cmpstr (name, ==, "Topic: Limits of confidentiality / duty to warn");
        }
    }
  g_assert_true (saw_item && saw_topic);

  /* A narrower search within the first; ids it does not know are left out
   * of the metas. */
  {
    const char *more[] = { "duty", "to", "warn", "oesc", NULL };
    g_autoptr(GVariant) sub = call ("GetSubsearchResultSet",
                                    g_variant_new ("(^as^as)", ids, (char **) more));
    const char *unknown[] = { "item/nohs/99", "nonsense", "topic/astrology", NULL };
    g_autoptr(GVariant) none = call ("GetResultMetas", g_variant_new ("(^as)", (char **) unknown));
    g_autoptr(GVariant) list = g_variant_get_child_value (none, 0);

    g_assert_true (g_variant_is_of_type (sub, G_VARIANT_TYPE ("(as)")));
    g_assert_cmpuint (g_variant_n_children (list), ==, 0);
  }
  /* A subsearch refines: only ids of the previous results come back (a new
   * user got nohs/2 and nohs/4 back from a set of three without them). */
  {
    const char *previous[] = { "topic/limits-of-confidentiality", "item/nohs/3",
                               "item/oesc/I.5.b", NULL };
    const char *same[] = { "duty", "to", "warn", NULL };
    g_autoptr(GVariant) sub = call ("GetSubsearchResultSet",
                                    g_variant_new ("(^as^as)", (char **) previous,
                                                   (char **) same));
    g_autofree const char **got = NULL;

    g_variant_get (sub, "(^a&s)", &got);
    g_assert_cmpuint (g_strv_length ((char **) got), ==, 3);
    for (guint i = 0; got[i] != NULL; i++)
      g_assert_true (g_strv_contains (previous, got[i]));
  }

  /* Nothing for nothing. */
  {
    const char *blank[] = { " ", NULL };
    g_auto(GStrv) empty = initial (blank);
    g_assert_cmpuint (g_strv_length (empty), ==, 0);
  }
}

static gboolean
calls_reach (gpointer data)
{
  return app_calls->len >= GPOINTER_TO_UINT (data);
}

static void
wait_for_calls (guint n)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!calls_reach (GUINT_TO_POINTER (n)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (app_calls->len, >=, n);
}

static void
test_activate (void)
{
  const char *terms[] = { "nohs", "3", NULL };
  g_autoptr(GVariant) a = NULL, b = NULL, c = NULL;

  g_ptr_array_set_size (app_calls, 0);
  a = call ("ActivateResult", g_variant_new ("(s^asu)", "item/nohs/3", (char **) terms, 0));
  wait_for_calls (1);
  g_assert_cmpstr (app_calls->pdata[0], ==, "show-item [<('nohs', '3')>]");

  b = call ("ActivateResult", g_variant_new ("(s^asu)", "topic/informed-consent",
                                             (char **) terms, 0));
  wait_for_calls (2);
  g_assert_cmpstr (app_calls->pdata[1], ==, "show-compare [<'informed-consent'>]");

  c = call ("LaunchSearch", g_variant_new ("(^asu)", (char **) terms, 0));
  wait_for_calls (3);
  g_assert_cmpstr (app_calls->pdata[2], ==, "search [<'nohs 3'>]");
}

/* Private notes never reach GNOME Shell: the provider does not read the
 * user's database at all. */
static void
test_no_private_notes (void)
{
  g_autofree char *db_path = g_build_filename (g_get_user_data_dir (), "ethos", "user.db", NULL);
  g_autoptr(EthosUserDb) db = ethos_user_db_open (db_path, NULL);
  const char *terms[] = { "zebracornish", NULL };
  g_auto(GStrv) ids = NULL;

  g_assert_nonnull (db);
  g_assert_true (ethos_user_db_set_note (db, "nohs", "3", "zebracornish supervision note", NULL));
  ids = initial (terms);
  g_assert_cmpuint (g_strv_length (ids), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTestDBus) test_bus = NULL;
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autofree char *services = NULL;
  g_autofree char *service = NULL;
  g_autoptr(GError) error = NULL;
  const char *provider = g_getenv ("ETHOS_SEARCH_PROVIDER");
  int status;

  tmp = ethos_test_init (&argc, &argv);
  app_calls = g_ptr_array_new_with_free_func (g_free);
  g_assert_nonnull (provider);

  services = g_build_filename (tmp, "services", NULL);
  g_assert_cmpint (g_mkdir_with_parents (services, 0700), ==, 0);
  service = g_strdup_printf ("[D-BUS Service]\nName=%s\nExec=%s\n", PROVIDER_NAME, provider);
  g_free (ethos_test_write_file (services, PROVIDER_NAME ".service", service));

  test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_add_service_dir (test_bus, services);
  g_test_dbus_up (test_bus);
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  /* The stand-in for Ethos itself. */
  info = g_dbus_node_info_new_for_xml (app_xml, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (bus, "/io/github/ethosapp/Ethos", info->interfaces[0],
                                     &app_vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (bus, "io.github.ethosapp.Ethos", G_BUS_NAME_OWNER_FLAGS_NONE,
                                NULL, NULL, NULL, NULL);

  g_test_add_func ("/search-provider/results", test_results);
  g_test_add_func ("/search-provider/activate", test_activate);
  g_test_add_func ("/search-provider/no-private-notes", test_no_private_notes);

  status = g_test_run ();
  g_clear_object (&bus);
  g_test_dbus_down (test_bus);
  g_ptr_array_unref (app_calls);
  return status;
}
