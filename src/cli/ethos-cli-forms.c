/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ethos-agency-profile.h"
#include "ethos-cli.h"
#include "ethos-coverage.h"
#include "ethos-error.h"
#include "ethos-file.h"
#include "ethos-form.h"
#include "ethos-template-diff.h"
#include "ethos-paths.h"
#include "ethos-template-versions.h"

int
ethos_cli_templates (EthosCli  *cli,
                     int        argc,
                     char     **argv)
{
  g_autoptr(EthosUserDb) db = NULL;
  g_autoptr(EthosTemplateStore) store = NULL;
  gboolean json = FALSE;
  int status = ETHOS_EXIT_OK;
  GPtrArray *list;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!ethos_cli_parse (&argc, &argv, NULL,
                        _("Lists the consent-form templates: id, version, languages, where it "
                          "comes from (built-in, system, shared, agency) and title, separated by "
                          "tabs."), entries, &status))
    return status;
  if (argc > 1)
    return ethos_cli_usage (_("“templates” takes no arguments"));
  if (!(store = ethos_cli_open_store (cli, TRUE, &db, &status)))
    return status;
  list = ethos_template_store_list (store);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        {
          const EthosTemplateEntry *entry = g_ptr_array_index (list, i);
          const EthosTemplate *t = entry->tmpl;

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, t->id);
          json_builder_set_member_name (b, "version");
          json_builder_add_string_value (b, t->version);
          json_builder_set_member_name (b, "source");
          json_builder_add_string_value (b, ethos_template_source_to_string (entry->source));
          json_builder_set_member_name (b, "title");
          json_builder_begin_object (b);
          for (guint l = 0; t->languages[l] != NULL; l++)
            {
              json_builder_set_member_name (b, t->languages[l]);
              json_builder_add_string_value (b, ethos_lang_text_get (t->title, t->languages[l]));
            }
          json_builder_end_object (b);
          json_builder_set_member_name (b, "requires");
          json_builder_begin_array (b);
          for (guint r = 0; t->requires[r] != NULL; r++)
            json_builder_add_string_value (b, t->requires[r]);
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      ethos_cli_print_json (b);
      return ETHOS_EXIT_OK;
    }

  for (guint i = 0; i < list->len; i++)
    {
      const EthosTemplateEntry *entry = g_ptr_array_index (list, i);
      g_autofree char *langs = g_strjoinv (",", entry->tmpl->languages);
      const char *title = ethos_lang_text_get (entry->tmpl->title, "en");

      g_print ("%s\t%s\t%s\t%s\t%s\n", entry->tmpl->id, entry->tmpl->version, langs,
               ethos_template_source_to_string (entry->source),
               title != NULL ? title : ethos_lang_text_get (entry->tmpl->title,
                                                            entry->tmpl->languages[0]));
    }
  return ETHOS_EXIT_OK;
}

/* "  nohs-2#withdraw: The client is told … (no clause carries it …)" */
static void
print_problems (GPtrArray           *coverage,
                EthosCoverageStatus  first,
                EthosCoverageStatus  last)
{
  for (guint i = 0; i < coverage->len; i++)
    {
      const EthosCoverageEntry *entry = g_ptr_array_index (coverage, i);

      if (entry->status >= first && entry->status <= last)
        g_printerr ("  %s: %s (%s)\n", entry->element->id,
                    entry->element->text,
                    entry->problem);
    }
}

int
ethos_cli_coverage (EthosCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autoptr(EthosUserDb) db = NULL;
  g_autoptr(EthosTemplateStore) store = NULL;
  g_autoptr(EthosTemplate) from_file = NULL;
  g_autoptr(GPtrArray) coverage = NULL;
  g_auto(GStrv) uncovered = NULL;
  g_auto(GStrv) added = NULL;
  const EthosTemplate *tmpl;
  EthosRequirements *reqs;
  GError *error = NULL;
  int status = ETHOS_EXIT_OK;

  if (!ethos_cli_parse (&argc, &argv, _("TEMPLATE"),
                        _("Checks that the template covers every element of every standard it "
                          "requires. Prints each element, “covered” or “UNCOVERED”, and the "
                          "clauses covering it. Exits 1 when an element is uncovered. TEMPLATE "
                          "is a template id or a template file (FILE.json)."), NULL, &status))
    return status;
  if (argc != 2)
    return ethos_cli_usage (_("usage: ethos-cli coverage TEMPLATE"));
  if (!(store = ethos_cli_open_store (cli, TRUE, &db, &status)))
    return status;
  reqs = ethos_template_store_get_requirements (store);

  if (g_str_has_suffix (argv[1], ".json") && g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      if (!(from_file = ethos_template_load (argv[1], NULL, 0, reqs, &error)))
        return ethos_cli_fail (error);
      tmpl = from_file;
    }
  else
    {
      const EthosTemplateEntry *entry = ethos_template_store_lookup (store, argv[1], &error);
      if (entry == NULL)
        return ethos_cli_fail (error);
      tmpl = entry->tmpl;
    }

  coverage = ethos_coverage_check (tmpl, reqs);
  for (guint i = 0; i < coverage->len; i++)
    {
      const EthosCoverageEntry *entry = g_ptr_array_index (coverage, i);
      g_autofree char *clauses = g_strjoinv (",", entry->clauses);

      g_print ("%s\t%s\t%s\n", entry->element->id,
               ethos_coverage_status_to_string (entry->status),
               entry->clauses[0] != NULL ? clauses : "-");
    }

  uncovered = ethos_coverage_uncovered (coverage);
  added = ethos_coverage_new_elements (coverage);
  if (added[0] != NULL)
    {
      guint n = g_strv_length (added);

      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "ethos-cli: warning: %u required element is new since %s %s was "
                               "made (requirements version %u); adopt it when you next edit the "
                               "template:\n",
                               "ethos-cli: warning: %u required elements are new since %s %s was "
                               "made (requirements version %u); adopt them when you next edit the "
                               "template:\n", n),
                  n, tmpl->id, tmpl->version, tmpl->requirements_version);
      print_problems (coverage, ETHOS_COVERAGE_NEW, ETHOS_COVERAGE_NEW);
    }
  if (uncovered[0] != NULL)
    {
      guint n = g_strv_length (uncovered);

      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "ethos-cli: %s %s leaves %u required element uncovered:\n",
                               "ethos-cli: %s %s leaves %u required elements uncovered:\n", n),
                  tmpl->id, tmpl->version, n);
      print_problems (coverage, ETHOS_COVERAGE_UNCOVERED, ETHOS_COVERAGE_UNLOCKED);
      return ETHOS_EXIT_CHECK_FAILED;
    }
  return ETHOS_EXIT_OK;
}

/* Why @id has no stored versions, as an exit status. */
static int
no_versions (EthosTemplateStore *store,
             const char         *id)
{
  GError *error = NULL;

  if (ethos_template_store_is_protected (store, id, NULL))
    return ethos_cli_usage (_("“%s” is built in or deployed on this computer: only agency "
                              "templates have stored versions"), id);
  if (!ethos_template_store_lookup (store, id, &error))
    return ethos_cli_fail (error);
  return ethos_cli_usage (_("“%s” has no stored versions"), id);
}

static int
template_versions (EthosTemplateStore *store,
                   EthosUserDb        *db,
                   const char         *id)
{
  g_autoptr(GPtrArray) versions = NULL;
  GError *error = NULL;

  if (!(versions = ethos_user_db_list_template_versions (db, id, &error)))
    return ethos_cli_fail (error);
  if (versions->len == 0)
    return no_versions (store, id);
  for (guint i = 0; i < versions->len; i++)
    {
      const EthosTemplateVersion *v = g_ptr_array_index (versions, i);
      g_autoptr(GDateTime) saved = g_date_time_new_from_unix_local (v->saved);
      g_autofree char *when = saved ? g_date_time_format (saved, "%Y-%m-%d %H:%M") : g_strdup ("");
      g_autofree char *note = g_strdup (v->note != NULL ? v->note : "");

      g_strdelimit (note, "\n\t", ' ');
      g_print ("%s\t%s\t%s\t%s\n", v->version, ethos_version_kind_to_string (v->kind), when,
               note);
    }
  return ETHOS_EXIT_OK;
}

/* The language of these messages among those Ethos is translated into:
 * the first of the user's that is English or Spanish. */
static const char *
messages_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "es"))
        return "es";
      if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C"))
        return "en";
    }
  return "en";
}

/* Stored version @version of @id (NULL: the newest, the one in use) as a
 * template, or NULL with the exit status in @status. */
static EthosTemplate *
load_version (EthosTemplateStore *store,
              GPtrArray          *versions,
              const char         *id,
              const char         *version,
              int                *status)
{
  GError *error = NULL;

  for (guint i = 0; i < versions->len; i++)
    {
      const EthosTemplateVersion *v = g_ptr_array_index (versions, i);
      EthosTemplate *tmpl;

      if (version != NULL && !g_str_equal (v->version, version))
        continue;
      if (!(tmpl = ethos_template_load (v->id, v->json, strlen (v->json),
                                        ethos_template_store_get_requirements (store), &error)))
        *status = ethos_cli_fail (error);
      return tmpl;
    }
  *status = ethos_cli_usage (_("“%s” has no version %s (ethos-cli template versions %s lists "
                               "them)"), id, version, id);
  return NULL;
}

/* What changed from version @from of @id to @to (NULL: the one in use),
 * as the window's Compare Versions says it, clause names in @lang. */
static int
template_diff (EthosTemplateStore *store,
               EthosUserDb        *db,
               const char         *id,
               const char         *from,
               const char         *to,
               const char         *lang)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(EthosTemplate) before = NULL;
  g_autoptr(EthosTemplate) after = NULL;
  g_autoptr(EthosTemplateDiff) diff = NULL;
  g_autofree char *text = NULL;
  GError *error = NULL;
  int status = ETHOS_EXIT_OK;

  if (!(versions = ethos_user_db_list_template_versions (db, id, &error)))
    return ethos_cli_fail (error);
  if (versions->len == 0)
    return no_versions (store, id);
  if (!(before = load_version (store, versions, id, from, &status)) ||
      !(after = load_version (store, versions, id, to, &status)))
    return status;
  diff = ethos_template_diff (before, after, ethos_template_store_get_requirements (store));
  text = ethos_template_diff_to_text (diff, lang);
  g_print ("%s%s", text, g_str_has_suffix (text, "\n") ? "" : "\n");
  return ETHOS_EXIT_OK;
}

int
ethos_cli_template (EthosCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autoptr(EthosUserDb) db = NULL;
  g_autoptr(EthosTemplateStore) store = NULL;
  g_autofree char *output = NULL;
  g_autofree char *as_id = NULL;
  g_autofree char *lang = NULL;
  const EthosTemplateEntry *entry;
  GError *error = NULL;
  int status = ETHOS_EXIT_OK;
  gboolean reads;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("File to write (export)"),
      N_("FILE") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &as_id, N_("Import under this id (import)"),
      N_("NEW-ID") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of the clause names (diff; default that of these messages, en or es)"),
      N_("LANG") },
    { NULL }
  };

  if (!ethos_cli_parse (&argc, &argv, _("export ID -o FILE | import FILE [--as NEW-ID] | "
                                        "delete ID | versions ID | restore ID VERSION | "
                                        "diff ID FROM [TO]"),
                        _("Exports a template to a file in the documented format; imports a "
                          "template file as an agency template after validating all of it "
                          "(a built-in or deployed template's id is refused: give --as NEW-ID; "
                          "a version lower than the stored one, or the same version with other "
                          "content, is refused); deletes an agency template with all its "
                          "versions; lists an agency template's versions (version, minor or major, when saved, note), newest "
                          "first: the one in use; restores a version by saving its content as the next "
                          "version; shows what changed from version FROM to TO (default the "
                          "one in use), as Compare Versions does."), entries, &status))
    return status;
  if (argc < 3 || (as_id != NULL && !g_str_equal (argv[1], "import")) ||
      (lang != NULL && !g_str_equal (argv[1], "diff")))
    return ethos_cli_usage (_("usage: ethos-cli template export ID -o FILE | import FILE "
                              "[--as NEW-ID] | delete ID | versions ID | restore ID VERSION | "
                              "diff ID FROM [TO]"));

  reads = g_str_equal (argv[1], "export") || g_str_equal (argv[1], "versions") ||
          g_str_equal (argv[1], "diff");
  if ((argc == 4 || argc == 5) && g_str_equal (argv[1], "diff"))
    {
      if (lang != NULL && !g_str_equal (lang, "en") && !g_str_equal (lang, "es"))
        return ethos_cli_usage (_("--lang takes en or es, not “%s”"), lang);
      if (!(store = ethos_cli_open_store (cli, reads, &db, &status)))
        return status;
      return template_diff (store, db, argv[2], argv[3], argc == 5 ? argv[4] : NULL,
                            lang != NULL ? lang : messages_language ());
    }
  if (argc == 3 && g_str_equal (argv[1], "export"))
    {
      if (output == NULL)
        return ethos_cli_usage (_("usage: ethos-cli template export ID -o FILE"));
      if (!(store = ethos_cli_open_store (cli, reads, &db, &status)))
        return status;
      if (!ethos_template_store_export (store, argv[2], output, &error))
        return ethos_cli_fail (error);
      return ETHOS_EXIT_OK;
    }
  if (argc == 3 && g_str_equal (argv[1], "import"))
    {
      gboolean added = FALSE;

      if (!(store = ethos_cli_open_store (cli, reads, &db, &status)))
        return status;
      if (!(entry = ethos_template_store_import_full (store, argv[2], as_id, &added, &error)))
        return ethos_cli_fail (error);
      if (added)
        g_print (_("Imported %s %s\n"), entry->tmpl->id, entry->tmpl->version);
      else
        g_print (_("%s %s is already imported; nothing changed\n"), entry->tmpl->id,
                 entry->tmpl->version);
      ethos_cli_warn_uncovered (store, entry->tmpl);
      return ETHOS_EXIT_OK;
    }
  if (argc == 3 && (g_str_equal (argv[1], "delete") || g_str_equal (argv[1], "versions")))
    {
      if (!(store = ethos_cli_open_store (cli, reads, &db, &status)))
        return status;
      if (g_str_equal (argv[1], "versions"))
        return template_versions (store, db, argv[2]);
      if (!ethos_template_store_delete (store, argv[2], &error))
        return ethos_cli_fail (error);
      g_print (_("Deleted %s\n"), argv[2]);
      return ETHOS_EXIT_OK;
    }
  if (argc == 4 && g_str_equal (argv[1], "restore"))
    {
      if (!(store = ethos_cli_open_store (cli, reads, &db, &status)))
        return status;
      if (!(entry = ethos_template_store_restore_version (store, argv[2], argv[3], &error)))
        return ethos_cli_fail (error);
      g_print (_("Restored %s %s as %s\n"), entry->tmpl->id, argv[3], entry->tmpl->version);
      return ETHOS_EXIT_OK;
    }
  return ethos_cli_usage (_("usage: ethos-cli template export ID -o FILE | import FILE "
                            "[--as NEW-ID] | delete ID | versions ID | restore ID VERSION | "
                            "diff ID FROM [TO]"));
}

int
ethos_cli_import_rescue (EthosCli  *cli,
                         int        argc,
                         char     **argv)
{
  g_autoptr(EthosUserDb) db = NULL;
  g_autoptr(EthosTemplateStore) store = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  GError *error = NULL;
  int status = ETHOS_EXIT_OK;
  guint restored = 0;

  if (!ethos_cli_parse (&argc, &argv, _("FILE"),
                        _("Brings back the bookmarks, notes, agency profile and agency "
                          "templates, with every stored version of each, saved from a damaged "
                          "user database (the FILE named when it was found damaged). What the "
                          "database already has is kept."),
                        NULL, &status))
    return status;
  if (argc != 2)
    return ethos_cli_usage (_("usage: ethos-cli import-rescue FILE"));
  if (!(store = ethos_cli_open_store (cli, FALSE, &db, &status)))
    return status;
  if (!ethos_template_store_import_rescue (store, argv[1], &restored, &skipped, &error))
    return ethos_cli_fail (error);
  for (guint i = 0; skipped->pdata[i] != NULL; i++)
    g_printerr (_("ethos-cli: warning: skipped a template: %s\n"),
                (const char *) skipped->pdata[i]);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Restored %u item\n", "Restored %u items\n", restored),
           restored);
  return ETHOS_EXIT_OK;
}

static void
print_agency_value (const char *field,
                    const char *lang,
                    const char *value)
{
  g_autofree char *one_line = g_strdup (value != NULL ? value : "");

  g_strdelimit (one_line, "\n\t", ' ');
  if (lang != NULL)
    g_print ("%s\t%s\t%s\n", field, one_line, lang);
  else
    g_print ("%s\t%s\n", field, one_line);
}

/* The profile forms use on this machine: the user's over the deployed one. */
static EthosAgencyProfile *
effective_profile (EthosUserDb  *db,
                   GError      **error)
{
  g_autofree char *shared = ethos_paths_get_shared_templates_dir ();
  g_autofree char *problem = NULL;
  EthosAgencyProfile *profile = ethos_agency_profile_load_effective (db, shared, &problem, error);

  if (problem != NULL)
    g_printerr (_("ethos-cli: warning: skipped the deployed agency profile: %s\n"), problem);
  return profile;
}

static int
agency_show (EthosUserDb *db)
{
  g_autoptr(EthosAgencyProfile) profile = NULL;
  g_autoptr(GList) langs = NULL;
  g_autoptr(GList) locked = NULL;
  GError *error = NULL;

  if (!(profile = effective_profile (db, &error)))
    return ethos_cli_fail (error);
  langs = g_list_sort (g_hash_table_get_keys (profile->variants), (GCompareFunc) g_strcmp0);
  for (guint i = 0; ethos_agency_fields[i] != NULL; i++)
    {
      print_agency_value (ethos_agency_fields[i], NULL,
                          g_hash_table_lookup (profile->values, ethos_agency_fields[i]));
      for (GList *l = langs; l != NULL; l = l->next)
        {
          const char *value = g_hash_table_lookup (g_hash_table_lookup (profile->variants,
                                                                        l->data),
                                                   ethos_agency_fields[i]);
          if (value != NULL)
            print_agency_value (ethos_agency_fields[i], l->data, value);
        }
    }
  g_print ("logo\t%s\n", profile->logo != NULL ? _("set") : "");
  /* Printed only when set, so the lines above stay as scripts know them. */
  if (profile->language != NULL)
    g_print ("language\t%s\n", profile->language);
  if (profile->paper != NULL)
    g_print ("paper\t%s\n", profile->paper);
  locked = g_list_sort (g_hash_table_get_keys (profile->locked), (GCompareFunc) g_strcmp0);
  if (locked != NULL)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (GList *l = locked; l != NULL; l = l->next)
        g_string_append_printf (list, "%s%s", list->len ? "," : "", (char *) l->data);
      g_print ("locked\t%s\n", list->str);
    }
  if (profile->origin != NULL)
    g_print ("deployed\t%s\n", profile->origin);
  return ETHOS_EXIT_OK;
}

static int
agency_export (EthosUserDb *db,
               const char  *output)
{
  g_autoptr(EthosAgencyProfile) profile = NULL;
  g_autofree char *json = NULL;
  GError *error = NULL;

  if (!(profile = effective_profile (db, &error)))
    return ethos_cli_fail (error);
  json = ethos_agency_profile_to_json (profile);
  if (!ethos_file_write_atomic (output, json, strlen (json), 0644, &error))
    return ethos_cli_fail (error);
  return ETHOS_EXIT_OK;
}

/* A value the deployed profile locks cannot be set here: say whose it is. */
static gboolean
check_not_locked (EthosUserDb  *db,
                  const char   *name,
                  GError      **error)
{
  g_autofree char *shared = ethos_paths_get_shared_templates_dir ();
  g_autofree char *path = ethos_agency_profile_find_deployed (shared);
  g_autoptr(EthosAgencyProfile) deployed = NULL;

  if (path == NULL || !(deployed = ethos_agency_profile_load (path, NULL)) ||
      !ethos_agency_profile_is_locked (deployed, name))
    return TRUE;
  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
               _("“%s” is locked by the agency profile deployed in %s and cannot be changed on "
                 "this computer"), name, path);
  return FALSE;
}

static int
agency_lock (EthosUserDb  *db,
             const char   *name,
             gboolean      lock)
{
  g_autoptr(EthosAgencyProfile) profile = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GList) names = NULL;
  GError *error = NULL;

  if (!(profile = ethos_user_db_get_agency_profile (db, &error)))
    return ethos_cli_fail (error);
  if (lock)
    g_hash_table_add (profile->locked, g_strdup (name));
  else
    g_hash_table_remove (profile->locked, name);
  names = g_list_sort (g_hash_table_get_keys (profile->locked), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (list, "%s%s", list->len ? "," : "", (char *) l->data);
  if (!ethos_user_db_set_agency_setting (db, "locked", list->str, &error))
    return ethos_cli_fail (error);
  return ETHOS_EXIT_OK;
}

int
ethos_cli_agency (EthosCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(EthosUserDb) db = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *output = NULL;
  GError *error = NULL;
  int status = ETHOS_EXIT_OK;
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_("Set the value for forms in this language (en or es)"), N_("LANG") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("File to write (export)"),
      N_("FILE") },
    { NULL }
  };

  if (!ethos_cli_parse (&argc, &argv,
                        _("show | set FIELD VALUE [--lang LANG] | lock FIELD | unlock FIELD | "
                          "export -o FILE"),
                        _("Shows or sets the agency profile every form starts from: agency_name, "
                          "agency_address, agency_phone, complaints_contact, "
                          "complaints_procedure, professional_body, crisis_line (988 when "
                          "unset), emergency_number (911), reconnect_time (5 minutes), fees, "
                          "session_length, and logo (VALUE is a PNG or JPEG file); language "
                          "(en or es) and paper (letter or a4) are the form language and paper "
                          "forms start with. An empty VALUE clears the field. With --lang the "
                          "value is used for forms in that language (a form uses its "
                          "language's value, else the other); “show” prints such values with "
                          "the language in a third column. “export” writes the profile as an "
                          "agency.json file for IT to deploy (in the shared folder or "
                          "$XDG_DATA_DIRS/ethos/), where it serves every user without a profile "
                          "of their own; what “lock” marks (a field, logo, language or paper) "
                          "cannot be changed on a computer the file is deployed to."),
                        entries, &status))
    return status;

  if (lang != NULL && !(argc == 4 && g_str_equal (argv[1], "set")))
    return ethos_cli_usage (_("--lang goes with “agency set”"));
  if (output != NULL && !(argc == 2 && g_str_equal (argv[1], "export")))
    return ethos_cli_usage (_("-o goes with “agency export”"));
  if (argc == 2 && g_str_equal (argv[1], "show"))
    {
      if (!(db = ethos_cli_open_user_db (cli, TRUE, &status)))
        return status;
      return agency_show (db);
    }
  if (argc == 2 && g_str_equal (argv[1], "export"))
    {
      if (output == NULL)
        return ethos_cli_usage (_("usage: ethos-cli agency export -o FILE"));
      if (!(db = ethos_cli_open_user_db (cli, TRUE, &status)))
        return status;
      return agency_export (db, output);
    }
  if (argc == 3 && (g_str_equal (argv[1], "lock") || g_str_equal (argv[1], "unlock")))
    {
      if (!g_strv_contains (ethos_agency_fields, argv[2]) &&
          !g_str_equal (argv[2], ETHOS_AGENCY_LOGO) &&
          !g_str_equal (argv[2], ETHOS_AGENCY_LANGUAGE) &&
          !g_str_equal (argv[2], ETHOS_AGENCY_PAPER))
        return ethos_cli_usage (_("“%s” is not an agency field, logo, language or paper"),
                                argv[2]);
      if (!(db = ethos_cli_open_user_db (cli, FALSE, &status)))
        return status;
      return agency_lock (db, argv[2], g_str_equal (argv[1], "lock"));
    }
  if (argc == 4 && g_str_equal (argv[1], "set"))
    {
      gboolean setting = g_str_equal (argv[2], ETHOS_AGENCY_LANGUAGE) ||
                         g_str_equal (argv[2], ETHOS_AGENCY_PAPER);

      if (!(db = ethos_cli_open_user_db (cli, FALSE, &status)))
        return status;
      if (!check_not_locked (db, argv[2], &error))
        return ethos_cli_fail (error);
      if (g_str_equal (argv[2], "logo") || setting)
        {
          if (lang != NULL)
            return ethos_cli_usage (_("The logo, language and paper are the same in every "
                                      "language: leave out --lang"));
          if (setting)
            {
              if (!ethos_user_db_set_agency_setting (db, argv[2], argv[3], &error))
                return ethos_cli_fail (error);
              return ETHOS_EXIT_OK;
            }
          return ethos_cli_set_logo (db, argv[3]);
        }
      if (!g_utf8_validate (argv[3], -1, NULL))
        {
          g_printerr ("ethos-cli: %s\n", _("The value is not valid UTF-8 text"));
          return ETHOS_EXIT_INVALID_INPUT;
        }
      if (!ethos_user_db_set_agency_variant (db, argv[2], lang, argv[3], &error))
        return ethos_cli_fail (error);
      return ETHOS_EXIT_OK;
    }
  return ethos_cli_usage (_("usage: ethos-cli agency show | agency set FIELD VALUE [--lang LANG] "
                            "| agency lock FIELD | agency unlock FIELD | agency export -o FILE"));
}
