/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ethos-cli.h"
#include "ethos-coverage.h"
#include "ethos-error.h"
#include "ethos-form.h"
#include "ethos-paths.h"

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
  if (!(store = ethos_cli_open_store (cli, &db, &status)))
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
  if (!(store = ethos_cli_open_store (cli, &db, &status)))
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

int
ethos_cli_template (EthosCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autoptr(EthosUserDb) db = NULL;
  g_autoptr(EthosTemplateStore) store = NULL;
  g_autofree char *output = NULL;
  GError *error = NULL;
  int status = ETHOS_EXIT_OK;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("File to write (export)"),
      N_("FILE") },
    { NULL }
  };

  if (!ethos_cli_parse (&argc, &argv, _("export ID -o FILE | import FILE"),
                        _("Exports a template to a file in the documented format, or imports a "
                          "template file as an agency template after validating all of it."),
                        entries, &status))
    return status;

  if (argc == 3 && g_str_equal (argv[1], "export"))
    {
      if (output == NULL)
        return ethos_cli_usage (_("usage: ethos-cli template export ID -o FILE"));
      if (!(store = ethos_cli_open_store (cli, &db, &status)))
        return status;
      if (!ethos_template_store_export (store, argv[2], output, &error))
        return ethos_cli_fail (error);
      return ETHOS_EXIT_OK;
    }
  if (argc == 3 && g_str_equal (argv[1], "import"))
    {
      const EthosTemplateEntry *entry;

      if (!(store = ethos_cli_open_store (cli, &db, &status)))
        return status;
      if (!(entry = ethos_template_store_import (store, argv[2], &error)))
        return ethos_cli_fail (error);
      g_print (_("Imported %s %s\n"), entry->tmpl->id, entry->tmpl->version);
      ethos_cli_warn_uncovered (store, entry->tmpl);
      return ETHOS_EXIT_OK;
    }
  return ethos_cli_usage (_("usage: ethos-cli template export ID -o FILE | template import FILE"));
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

int
ethos_cli_agency (EthosCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(EthosUserDb) db = NULL;
  g_autofree char *lang = NULL;
  GError *error = NULL;
  int status = ETHOS_EXIT_OK;
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_("Set the value for forms in this language (en or es)"), N_("LANG") },
    { NULL }
  };

  if (!ethos_cli_parse (&argc, &argv, _("show | set FIELD VALUE [--lang LANG]"),
                        _("Shows or sets the agency profile every form starts from: agency_name, "
                          "agency_address, agency_phone, complaints_contact, "
                          "complaints_procedure, professional_body, crisis_line (988 when "
                          "unset), emergency_number (911), reconnect_time (5 minutes), fees, "
                          "session_length, and logo (VALUE is a PNG or JPEG file). An empty "
                          "VALUE clears the field. With --lang the value is used for forms in "
                          "that language (a form uses its language's value, else the other); "
                          "“show” prints such values with the language in a third column."),
                        entries, &status))
    return status;

  if (argc == 2 && g_str_equal (argv[1], "show"))
    {
      g_autoptr(GHashTable) agency = NULL;
      g_autoptr(GHashTable) variants = NULL;
      g_autoptr(GBytes) logo = NULL;
      g_autoptr(GList) langs = NULL;

      if (lang != NULL)
        return ethos_cli_usage (_("--lang goes with “agency set”"));
      if (!(db = ethos_cli_open_user_db (cli, &status)))
        return status;
      if (!(agency = ethos_user_db_get_agency (db, &error)) ||
          !(variants = ethos_user_db_get_agency_variants (db, &error)))
        return ethos_cli_fail (error);
      langs = g_list_sort (g_hash_table_get_keys (variants), (GCompareFunc) g_strcmp0);
      for (guint i = 0; ethos_agency_fields[i] != NULL; i++)
        {
          print_agency_value (ethos_agency_fields[i], NULL,
                              g_hash_table_lookup (agency, ethos_agency_fields[i]));
          for (GList *l = langs; l != NULL; l = l->next)
            {
              const char *value = g_hash_table_lookup (g_hash_table_lookup (variants, l->data),
                                                       ethos_agency_fields[i]);
              if (value != NULL)
                print_agency_value (ethos_agency_fields[i], l->data, value);
            }
        }
      logo = ethos_user_db_get_agency_logo (db);
      if (logo != NULL)
        g_print ("logo\t%s\n", _("set"));
      else
        g_print ("logo\t\n");
      return ETHOS_EXIT_OK;
    }
  if (argc == 4 && g_str_equal (argv[1], "set"))
    {
      if (!(db = ethos_cli_open_user_db (cli, &status)))
        return status;
      if (g_str_equal (argv[2], "logo"))
        {
          if (lang != NULL)
            return ethos_cli_usage (_("The logo is the same in every language: leave out --lang"));
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
  return ethos_cli_usage (_("usage: ethos-cli agency show | agency set FIELD VALUE [--lang LANG]"));
}
