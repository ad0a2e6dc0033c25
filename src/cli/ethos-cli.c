/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <unistd.h>

#include "ethos-cli.h"
#include "ethos-coverage.h"
#include "ethos-error.h"
#include "ethos-file.h"
#include "ethos-image.h"
#include "ethos-paths.h"

typedef struct
{
  const char      *name;
  EthosCliCommand  run;
  const char      *summary;
} Command;

static const Command commands[] = {
  { "codes",  ethos_cli_codes,  N_("List the codes: id, title, edition, number of items") },
  { "show",   ethos_cli_show,   N_("Print one standard or clause word for word") },
  { "search", ethos_cli_search, N_("Full-text search across the codes") },
  { "topics", ethos_cli_topics, N_("List the topics, or every item on one topic") },
  { "templates", ethos_cli_templates, N_("List the consent-form templates") },
  { "generate", ethos_cli_generate, N_("Fill a template and write it as a PDF") },
  { "batch", ethos_cli_batch, N_("Write one PDF per row of a CSV file") },
  { "coverage", ethos_cli_coverage, N_("Check a template covers the standards it requires") },
  { "template", ethos_cli_template, N_("Export, import, delete, list, restore or compare agency templates") },
  { "agency", ethos_cli_agency, N_("Show or set the agency profile") },
  { "import-rescue", ethos_cli_import_rescue,
    N_("Bring back what was saved from a damaged user database") },
  { "notes", ethos_cli_notes, N_("Export or import your bookmarks and private notes") },
  { "docset", ethos_cli_docset, N_("Export the codes as a Dash/Zeal docset") },
};

int
ethos_cli_fail (GError *error)
{
  int status = ETHOS_EXIT_IO;

  g_printerr ("ethos-cli: %s\n", error->message);
  if (error->domain == ETHOS_ERROR)
    {
      switch ((EthosError) error->code)
        {
        case ETHOS_ERROR_NOT_FOUND:
          status = ETHOS_EXIT_USAGE;
          break;
        case ETHOS_ERROR_INVALID_DATA:
        case ETHOS_ERROR_UNSUPPORTED:
          status = ETHOS_EXIT_INVALID_INPUT;
          break;
        case ETHOS_ERROR_IO:
        case ETHOS_ERROR_DATABASE:
        case ETHOS_ERROR_EXISTS:
        default:
          status = ETHOS_EXIT_IO;
          break;
        }
    }
  g_error_free (error);
  return status;
}

/* JSON output is pretty-printed: scripts parse it, people read it. */
void
ethos_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

int
ethos_cli_usage (const char *format,
                 ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("ethos-cli: %s\n", msg);
  return ETHOS_EXIT_USAGE;
}

/* Parses a command's options; on --help prints it and sets @status to 0. */
gboolean
ethos_cli_parse (int                 *argc,
                 char              ***argv,
                 const char          *parameter,
                 const char          *summary,
                 const GOptionEntry  *entries,
                 int                 *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_set_help_enabled (context, TRUE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = ethos_cli_usage ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

EthosCorpus *
ethos_cli_open_corpus (EthosCli *cli,
                       int      *status)
{
  g_autofree char *path = ethos_paths_get_corpus_file ();
  GError *error = NULL;
  EthosCorpus *corpus = ethos_corpus_open (path, &error);

  if (corpus == NULL)
    *status = ethos_cli_fail (error);
  return corpus;
}

/* A file named by --db is the user's to look after: when damaged it is
 * refused and left as it is. The default one is ours: moved aside, and
 * what can be read of it saved (ETHOS_USER_DB_OPEN_RECOVER). */
EthosUserDb *
ethos_cli_open_user_db (EthosCli *cli,
                        gboolean  read_only,
                        int      *status)
{
  g_autofree char *path = cli->db_path != NULL ? g_strdup (cli->db_path)
                                               : ethos_paths_get_user_db_file ();
  EthosUserDbFlags flags = read_only ? ETHOS_USER_DB_OPEN_READ_ONLY : ETHOS_USER_DB_OPEN_DEFAULT;
  g_autofree char *recovery = NULL;
  GError *error = NULL;
  EthosUserDb *db;

  if (cli->db_path == NULL)
    flags |= ETHOS_USER_DB_OPEN_RECOVER;
  if (!(db = ethos_user_db_open_full (path, flags, &error)))
    {
      *status = ethos_cli_fail (error);
      return NULL;
    }
  if ((recovery = ethos_user_db_describe_recovery (db)) != NULL)
    g_printerr ("ethos-cli: %s\n", recovery);
  return db;
}

/* Opens the template store over the user database. Problems in deployed
 * template directories are warnings: the other templates still work. */
EthosTemplateStore *
ethos_cli_open_store (EthosCli     *cli,
                      gboolean      read_only,
                      EthosUserDb **db_out,
                      int          *status)
{
  g_autoptr(EthosUserDb) db = NULL;
  g_autofree char *builtin = ethos_paths_get_templates_dir ();
  g_autofree char *shared = ethos_paths_get_shared_templates_dir ();
  GError *error = NULL;
  EthosTemplateStore *store;
  const char * const *problems;

  if (!(db = ethos_cli_open_user_db (cli, read_only, status)))
    return NULL;
  if (!(store = ethos_template_store_new (builtin, db, shared, &error)))
    {
      *status = ethos_cli_fail (error);
      return NULL;
    }
  problems = ethos_template_store_get_problems (store);
  for (guint i = 0; problems[i] != NULL; i++)
    g_printerr (_("ethos-cli: warning: skipped a template: %s\n"), problems[i]);
  *db_out = g_steal_pointer (&db);
  return store;
}

/* A template whose clauses leave a required element uncovered can still be
 * printed (the agency may have reasons), but never silently. */
void
ethos_cli_warn_uncovered (EthosTemplateStore  *store,
                          const EthosTemplate *tmpl)
{
  EthosRequirements *reqs = ethos_template_store_get_requirements (store);
  g_autoptr(GPtrArray) coverage = ethos_coverage_check (tmpl, reqs);
  g_auto(GStrv) uncovered = ethos_coverage_uncovered (coverage);
  g_autofree char *list = NULL;

  if (uncovered[0] == NULL)
    return;
  list = g_strjoinv (", ", uncovered);
  g_printerr (_("ethos-cli: warning: the template “%s” does not cover %s; see “ethos-cli "
                "coverage %s”\n"), tmpl->id, list, tmpl->id);
}

/* Validates the image completely before storing it: a broken image never
 * reaches a form. An empty @path removes the logo. */
int
ethos_cli_set_logo (EthosUserDb *db,
                    const char  *path)
{
  g_autoptr(EthosImage) image = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  GError *error = NULL;
  gsize length = 0;

  if (*path == '\0')
    {
      if (!ethos_user_db_set_agency_logo (db, NULL, &error))
        return ethos_cli_fail (error);
      return ETHOS_EXIT_OK;
    }
  /* Read once, bounded: the bytes validated are the bytes stored. */
  if (!ethos_file_read (path, ETHOS_IMAGE_MAX_BYTES, &contents, &length, &error))
    {
      if (g_error_matches (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA))
        {
          g_clear_error (&error);
          g_set_error_literal (&error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                               _("The image file is larger than 10 MB; use a smaller logo."));
        }
      return ethos_cli_fail (error);
    }
  bytes = g_bytes_new_take (contents, length);
  if (!(image = ethos_image_new_from_bytes (bytes, &error)))
    return ethos_cli_fail (error);
  if (!ethos_user_db_set_agency_logo (db, bytes, &error))
    return ethos_cli_fail (error);
  return ETHOS_EXIT_OK;
}

static void
print_help (void)
{
  g_print ("%s\n  ethos-cli [--db FILE] COMMAND [OPTIONS…]\n\n%s\n",
           _("Usage:"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n  --db FILE   %s\n  --version   %s\n  --help      %s\n\n%s\n",
           _("Global options:"),
           _("Use FILE as the user database instead of $XDG_DATA_HOME/ethos/user.db"),
           _("Print the version and exit"),
           _("Show this help; “ethos-cli COMMAND --help” shows a command's options"),
           _("Exit status: 0 ok, 1 a check failed, 2 usage error or unknown code, reference, "
             "topic, template or field, 3 invalid input data, 4 output or I/O failure."));
}

int
main (int   argc,
      char *argv[])
{
  EthosCli cli = { 0 };
  int i = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, ethos_paths_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  cli.stdout_tty = isatty (STDOUT_FILENO);
  /* Past a file size limit (ulimit -f) a write then fails with EFBIG, which
   * is reported and cleaned up, instead of killing the process silently. */
  signal (SIGXFSZ, SIG_IGN);

  for (; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_help ();
          return ETHOS_EXIT_OK;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          g_print ("ethos-cli %s\n", PACKAGE_VERSION);
          return ETHOS_EXIT_OK;
        }
      else if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        cli.db_path = argv[++i];
      else if (g_str_has_prefix (argv[i], "--db="))
        cli.db_path = argv[i] + strlen ("--db=");
      else
        return ethos_cli_usage (_("Unknown option “%s”; see “ethos-cli --help”"), argv[i]);
    }

  if (i >= argc)
    {
      print_help ();
      return ETHOS_EXIT_USAGE;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      if (g_str_equal (argv[i], commands[c].name))
        {
          /* The command sees itself as argv[0]. */
          g_autofree char *prgname = g_strdup_printf ("ethos-cli %s", argv[i]);
          g_set_prgname (prgname);
          return commands[c].run (&cli, argc - i, argv + i);
        }
    }

  return ethos_cli_usage (_("Unknown command “%s”; see “ethos-cli --help”"), argv[i]);
}
