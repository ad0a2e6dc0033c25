/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "ethos-agency-profile.h"
#include "ethos-cli.h"
#include "ethos-csv.h"
#include "ethos-error.h"
#include "ethos-form-job.h"
#include "ethos-image.h"
#include "ethos-paths.h"
#include "ethos-pdf-batch.h"

/* What generate and batch share: the store, the template's job (fonts,
 * agency defaults, logo, the footer's code labels) and the request. */
typedef struct
{
  EthosUserDb              *db;
  EthosTemplateStore       *store;
  EthosFormJob             *job;
  EthosFormRequest          request;
  char                     *lang;      /* request.lang's text */
} Job;

static void
job_clear (Job *job)
{
  g_clear_pointer (&job->job, ethos_form_job_unref);
  g_clear_pointer (&job->store, ethos_template_store_free);
  g_clear_pointer (&job->db, ethos_user_db_free);
  g_clear_pointer (&job->lang, g_free);
}

static GHashTable *
load_code_labels (EthosCli *cli)
{
  g_autoptr(EthosCorpus) corpus = NULL;
  GHashTable *labels = NULL;
  int status;

  /* Without the index the footer names codes by id: still correct. */
  if ((corpus = ethos_cli_open_corpus (cli, &status)))
    labels = ethos_corpus_get_code_labels (corpus, NULL);
  return labels;
}

/* --format pdf|html, --large-print: the same for generate and batch. */
static int
parse_output (Job        *job,
              const char *format,
              gboolean    large_print)
{
  job->request.large_print = large_print;
  if (format == NULL || g_ascii_strcasecmp (format, "pdf") == 0)
    job->request.format = ETHOS_FORM_PDF;
  else if (g_ascii_strcasecmp (format, "html") == 0)
    job->request.format = ETHOS_FORM_HTML;
  else
    return ethos_cli_usage (_("--format must be pdf or html, not “%s”"), format);
  return ETHOS_EXIT_OK;
}

static int
job_init (Job        *job,
          EthosCli   *cli,
          const char *template_id,
          const char *lang,
          const char *paper,
          gboolean    blank,
          const char *logo_path)
{
  const EthosTemplateEntry *entry;
  g_autoptr(GHashTable) labels = NULL;
  GError *error = NULL;
  int status = ETHOS_EXIT_OK;

  g_autoptr(EthosAgencyProfile) profile = NULL;
  g_autofree char *shared = ethos_paths_get_shared_templates_dir ();
  g_autofree char *problem = NULL;

  if (paper != NULL && (!ethos_paper_from_name (paper, &job->request.paper) ||
                        job->request.paper == ETHOS_PAPER_LEGAL))
    return ethos_cli_usage (_("--paper must be letter or a4, not “%s”"), paper);
  job->request.blank = blank;

  if (!(job->store = ethos_cli_open_store (cli, TRUE, &job->db, &status)))
    return status;
  if (!(entry = ethos_template_store_lookup (job->store, template_id, &error)))
    return ethos_cli_fail (error);
  ethos_cli_warn_uncovered (job->store, entry->tmpl);
  /* The agency's profile, a deployed one under the user's own. */
  if (!(profile = ethos_agency_profile_load_effective (job->db, shared, &problem, &error)))
    return ethos_cli_fail (error);
  if (problem != NULL)
    g_printerr (_("ethos-cli: warning: skipped the deployed agency profile: %s\n"), problem);
  /* Without --lang and --paper: the agency's language (when the form has
   * it) and paper, else English and the locale's paper. */
  if (lang == NULL && profile->language != NULL &&
      ethos_template_has_language (entry->tmpl, profile->language))
    lang = profile->language;
  job->lang = g_strdup (lang != NULL ? lang : "en");
  job->request.lang = job->lang;
  if (paper == NULL && (profile->paper == NULL ||
                        !ethos_paper_from_name (profile->paper, &job->request.paper)))
    job->request.paper = ethos_paper_for_locale ();
  if (!ethos_form_check_language (entry->tmpl, job->request.lang, &error))
    {
      int code = ethos_cli_usage ("%s", error->message);
      g_error_free (error);
      return code;
    }
  if (!(job->job = ethos_form_job_new (entry->tmpl, &error)) ||
      !ethos_agency_profile_apply (profile, job->job, logo_path == NULL, &error))
    return ethos_cli_fail (error);
  if (logo_path != NULL)
    {
      g_autoptr(EthosImage) logo = ethos_image_new_from_file (logo_path, &error);

      if (logo == NULL)
        return ethos_cli_fail (error);
      ethos_form_job_set_logo (job->job, logo);
    }
  labels = load_code_labels (cli);
  ethos_form_job_set_code_labels (job->job, labels);
  return ETHOS_EXIT_OK;
}

int
ethos_cli_generate (EthosCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *logo = NULL;
  g_autofree char *format = NULL;
  g_auto(GStrv) sets = NULL;
  g_auto(GStrv) warnings = NULL;
  gboolean blank = FALSE, large_print = FALSE;
  g_autoptr(EthosFormValues) values = NULL;
  EthosFormOptions check = { 0 };
  Job job = { 0 };
  GError *error = NULL;
  int status = ETHOS_EXIT_OK;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), N_("OUT.pdf") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Form language (default en)"), N_("LANG") },
    { "blank", 0, 0, G_OPTION_ARG_NONE, &blank, N_("A blank form with fill-in lines"), NULL },
    { "set", 's', 0, G_OPTION_ARG_FILENAME_ARRAY, &sets, N_("Set a field, e.g. client_name=Ana"),
      N_("FIELD=VALUE") },
    { "paper", 'p', 0, G_OPTION_ARG_STRING, &paper, N_("letter or a4 (default: the locale's)"),
      N_("PAPER") },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &logo, N_("Logo image (PNG or JPEG) instead of the "
                                                     "agency's"), N_("FILE") },
    { "large-print", 0, 0, G_OPTION_ARG_NONE, &large_print,
      N_("Large print: body text 18 pt"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("pdf (default) or html: one accessible HTML file"), N_("FORMAT") },
    { NULL }
  };

  if (!ethos_cli_parse (&argc, &argv, _("TEMPLATE -o OUT.pdf"),
                        _("Fills a consent-form template and writes it as a PDF (mode 0600). "
                          "Agency fields default from the agency profile; the date defaults to "
                          "today; dates are YYYY-MM-DD; booleans true/false."), entries, &status))
    return status;
  if (argc != 2 || output == NULL)
    return ethos_cli_usage (_("usage: ethos-cli generate TEMPLATE -o OUT.pdf [--set FIELD=VALUE]…"));

  if ((status = parse_output (&job, format, large_print)) != ETHOS_EXIT_OK ||
      (status = job_init (&job, cli, argv[1], lang, paper, blank, logo)) != ETHOS_EXIT_OK)
    {
      job_clear (&job);
      return status;
    }

  values = ethos_form_values_new (ethos_form_job_get_template (job.job));
  for (guint i = 0; sets != NULL && sets[i] != NULL; i++)
    {
      const char *eq = strchr (sets[i], '=');
      g_autofree char *field = eq ? g_strndup (sets[i], eq - sets[i]) : NULL;

      if (field == NULL)
        {
          job_clear (&job);
          return ethos_cli_usage (_("--set takes FIELD=VALUE, not “%s”"), sets[i]);
        }
      if (!ethos_form_values_set (values, field, eq + 1, &error))
        {
          job_clear (&job);
          return ethos_cli_fail (error);
        }
    }

  check.blank = job.request.blank;
  warnings = ethos_form_get_warnings (ethos_form_job_get_template (job.job), values, &check);
  for (guint i = 0; warnings[i] != NULL; i++)
    g_printerr (_("ethos-cli: warning: %s\n"), warnings[i]);
  if (!ethos_pdf_write_form (job.job, values, &job.request, output, &error))
    status = ethos_cli_fail (error);
  job_clear (&job);
  return status;
}

static void
show_progress (guint done,
               guint total)
{
  const guint width = 30;
  guint filled = total ? done * width / total : width;
  g_autofree char *bar = g_strnfill (filled, '#');
  g_autofree char *rest = g_strnfill (width - filled, '.');

  g_printerr ("\r[%s%s] %u/%u", bar, rest, done, total);
  if (done == total)
    g_printerr ("\n");
}

typedef struct
{
  const char *csv_path;
  gboolean    tty;
} BatchOutput;

static void
batch_row_cb (const EthosBatchRow *row,
              gpointer             user_data)
{
  BatchOutput *out = user_data;

  if (row->error != NULL)
    {
      if (out->tty)
        g_printerr ("\n");
      /* The message names the field, never the client's values. */
      g_printerr (_("ethos-cli: %s line %u: %s\n"), out->csv_path, row->line,
                  row->error->message);
    }
  for (guint i = 0; row->warnings[i] != NULL; i++)
    {
      if (out->tty && i == 0)
        g_printerr ("\n");
      g_printerr (_("ethos-cli: warning: %s line %u: %s\n"), out->csv_path, row->line,
                  row->warnings[i]);
    }
  if (out->tty)
    show_progress (row->row, row->n_rows);
}

int
ethos_cli_batch (EthosCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autofree char *csv_path = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *name_column = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *logo = NULL;
  gboolean overwrite = FALSE;
  g_autofree char *format = NULL;
  gboolean large_print = FALSE;
  int threads = -1;   /* not given: one per processor */
  g_autoptr(GPtrArray) records = NULL;
  BatchOutput out = { NULL, isatty (STDERR_FILENO) };
  EthosBatchOptions options = { 0 };
  EthosBatchSummary summary;
  Job job = { 0 };
  GError *error = NULL;
  int status = ETHOS_EXIT_OK;
  guint failed;
  const GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path, N_("CSV file, header row of field ids"),
      N_("FILE") },
    { "out-dir", 0, 0, G_OPTION_ARG_FILENAME, &out_dir, N_("Directory for the PDFs"), N_("DIR") },
    { "name-column", 0, 0, G_OPTION_ARG_STRING, &name_column,
      N_("Name each PDF after this column (default NNNN-TEMPLATE.pdf)"), N_("FIELD") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Form language (default en)"), N_("LANG") },
    { "paper", 'p', 0, G_OPTION_ARG_STRING, &paper, N_("letter or a4"), N_("PAPER") },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &logo, N_("Logo image (PNG or JPEG)"), N_("FILE") },
    { "overwrite", 0, 0, G_OPTION_ARG_NONE, &overwrite,
      N_("Replace files an earlier run left in DIR"), NULL },
    { "large-print", 0, 0, G_OPTION_ARG_NONE, &large_print,
      N_("Large print: body text 18 pt"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("pdf (default) or html: one accessible HTML file per row"), N_("FORMAT") },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads,
      N_("Rows written at once (default one per processor, at most 4)"), N_("N") },
    { NULL }
  };

  if (!ethos_cli_parse (&argc, &argv, _("TEMPLATE --csv FILE --out-dir DIR"),
                        _("Writes one PDF per CSV row (RFC 4180, UTF-8, header row of field "
                          "ids), named NNNN-TEMPLATE.pdf by row number so that client names do "
                          "not appear in file lists, unless --name-column is given. A bad row "
                          "is reported with its line number and the other rows are still "
                          "written; the exit status is then 3 (4 for a write failure). When "
                          "DIR already holds files this batch would write, nothing is written "
                          "(exit 4) unless --overwrite is given."),
                        entries, &status))
    return status;
  if (argc != 2 || csv_path == NULL || out_dir == NULL)
    return ethos_cli_usage (_("usage: ethos-cli batch TEMPLATE --csv FILE --out-dir DIR"));
  if (threads != -1 && (threads < 1 || threads > 64))
    return ethos_cli_usage (_("--threads takes a number from 1 to 64, not %d"), threads);

  if (!(records = ethos_csv_load_file (csv_path, &error)))
    return ethos_cli_fail (error);

  if ((status = parse_output (&job, format, large_print)) != ETHOS_EXIT_OK ||
      (status = job_init (&job, cli, argv[1], lang, paper, FALSE, logo)) != ETHOS_EXIT_OK)
    {
      job_clear (&job);
      return status;
    }

  out.csv_path = csv_path;
  options.request = &job.request;
  options.csv_name = csv_path;
  options.out_dir = out_dir;
  options.name_column = name_column;
  options.overwrite = overwrite;
  options.threads = threads == -1 ? 0 : (guint) threads;
  if (!ethos_pdf_write_batch (job.job, records, &options, batch_row_cb, &out, NULL, &summary,
                              &error))
    {
      job_clear (&job);
      if (g_error_matches (error, ETHOS_ERROR, ETHOS_ERROR_EXISTS))
        {
          g_autofree char *message = g_strdup_printf (_("%s, or give --overwrite to replace "
                                                        "them"), error->message);
          g_free (error->message);
          error->message = g_steal_pointer (&message);
        }
      return ethos_cli_fail (error);
    }

  job_clear (&job);
  if (summary.warned > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "ethos-cli: %u form written needs checking (see the warning above)\n",
                             "ethos-cli: %u forms written need checking (see the warnings above)\n",
                             summary.warned),
                summary.warned);
  failed = summary.failed + summary.io_failed;
  if (failed > 0)
    {
      guint total = records->len - 1;

      g_printerr (g_dngettext (GETTEXT_PACKAGE, "ethos-cli: %u of %u row failed\n",
                               "ethos-cli: %u of %u rows failed\n", total),
                  failed, total);
      return summary.io_failed > 0 ? ETHOS_EXIT_IO : ETHOS_EXIT_INVALID_INPUT;
    }
  return ETHOS_EXIT_OK;
}
