/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <langinfo.h>
#include <stdint.h>
#include <unistd.h>

#include "ethos-cli.h"
#include "ethos-csv.h"
#include "ethos-error.h"
#include "ethos-fonts.h"
#include "ethos-form.h"
#include "ethos-image.h"
#include "ethos-layout.h"
#include "ethos-pdf-painter.h"

#define MAX_CSV_BYTES (256 * 1024 * 1024)

/* What generate and batch share: one template, one set of fonts, one logo,
 * the agency profile and the footer's code labels, loaded once. */
typedef struct
{
  EthosUserDb              *db;
  EthosTemplateStore       *store;
  const EthosTemplateEntry *entry;
  EthosFonts               *fonts;
  EthosImage               *logo;
  GHashTable               *agency;
  GHashTable               *code_labels;
  EthosFormOptions          options;
} Job;

static void
job_clear (Job *job)
{
  g_clear_pointer (&job->fonts, ethos_fonts_free);
  g_clear_pointer (&job->logo, ethos_image_free);
  g_clear_pointer (&job->agency, g_hash_table_unref);
  g_clear_pointer (&job->code_labels, g_hash_table_unref);
  g_clear_pointer (&job->store, ethos_template_store_free);
  g_clear_pointer (&job->db, ethos_user_db_free);
}

/* Letter in the US and Canada (and wherever the locale says so), A4 elsewhere. */
static EthosPaper
locale_paper (void)
{
  intptr_t width = (intptr_t) nl_langinfo (_NL_PAPER_WIDTH);

  return width == 216 ? ETHOS_PAPER_LETTER : ETHOS_PAPER_A4;
}

static gboolean
parse_paper (const char *name,
             EthosPaper *paper)
{
  if (name == NULL)
    *paper = locale_paper ();
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = ETHOS_PAPER_LETTER;
  else if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = ETHOS_PAPER_A4;
  else
    return FALSE;
  return TRUE;
}

static GHashTable *
load_code_labels (EthosCli *cli)
{
  GHashTable *labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(EthosCorpus) corpus = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  int status;

  /* Without the index the footer names codes by id: still correct. */
  if (!(corpus = ethos_cli_open_corpus (cli, &status)) ||
      !(codes = ethos_corpus_list_codes (corpus, NULL)))
    return labels;
  for (guint i = 0; i < codes->len; i++)
    {
      const EthosCodeInfo *code = g_ptr_array_index (codes, i);
      g_autofree char *upper = g_ascii_strup (code->id, -1);

      g_hash_table_insert (labels, g_strdup (code->id),
                           code->edition != NULL
                             ? g_strdup_printf ("%s %s", upper, code->edition)
                             : g_strdup (code->citation_short));
    }
  return labels;
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
  GError *error = NULL;
  int status = ETHOS_EXIT_OK;

  if (!parse_paper (paper, &job->options.paper))
    return ethos_cli_usage (_("--paper must be letter or a4, not “%s”"), paper);
  job->options.lang = lang != NULL ? lang : "en";
  job->options.blank = blank;

  if (!(job->store = ethos_cli_open_store (cli, &job->db, &status)))
    return status;
  if (!(job->entry = ethos_template_store_lookup (job->store, template_id, &error)))
    return ethos_cli_fail (error);
  ethos_cli_warn_uncovered (job->store, job->entry->tmpl);
  if (!ethos_template_has_language (job->entry->tmpl, job->options.lang))
    {
      g_autofree char *langs = g_strjoinv (", ", job->entry->tmpl->languages);
      return ethos_cli_usage (_("The form “%s” is not available in “%s”; its languages are %s"),
                              template_id, job->options.lang, langs);
    }
  if (!(job->agency = ethos_user_db_get_agency (job->db, &error)))
    return ethos_cli_fail (error);

  if (logo_path != NULL)
    job->logo = ethos_image_new_from_file (logo_path, &error);
  else
    {
      g_autoptr(GBytes) stored = ethos_user_db_get_agency_logo (job->db);
      if (stored != NULL)
        job->logo = ethos_image_new_from_bytes (stored, &error);
    }
  if (error != NULL)
    return ethos_cli_fail (error);
  job->options.logo = job->logo;

  job->code_labels = load_code_labels (cli);
  job->options.code_labels = job->code_labels;
  if (!(job->fonts = ethos_fonts_new (&error)))
    return ethos_cli_fail (error);
  return ETHOS_EXIT_OK;
}

/* Fills, lays out and writes one form. */
static gboolean
job_write (Job              *job,
           EthosFormValues  *values,
           const char       *path,
           GError          **error)
{
  g_autoptr(EthosDocument) doc = NULL;
  g_autoptr(EthosLayout) layout = NULL;

  if (!ethos_form_values_set_defaults (values, job->agency, error) ||
      !(doc = ethos_form_build (job->entry->tmpl, values, &job->options, error)) ||
      !(layout = ethos_layout_new (doc, job->fonts, error)))
    return FALSE;
  return ethos_pdf_write_file (layout, doc, path, error);
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
  g_auto(GStrv) sets = NULL;
  gboolean blank = FALSE;
  g_autoptr(EthosFormValues) values = NULL;
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
    { NULL }
  };

  if (!ethos_cli_parse (&argc, &argv, _("TEMPLATE -o OUT.pdf"),
                        _("Fills a consent-form template and writes it as a PDF (mode 0600). "
                          "Agency fields default from the agency profile; the date defaults to "
                          "today; dates are YYYY-MM-DD; booleans true/false."), entries, &status))
    return status;
  if (argc != 2 || output == NULL)
    return ethos_cli_usage (_("usage: ethos-cli generate TEMPLATE -o OUT.pdf [--set FIELD=VALUE]…"));

  if ((status = job_init (&job, cli, argv[1], lang, paper, blank, logo)) != ETHOS_EXIT_OK)
    {
      job_clear (&job);
      return status;
    }

  values = ethos_form_values_new (job.entry->tmpl);
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

  if (!job_write (&job, values, output, &error))
    status = ethos_cli_fail (error);
  job_clear (&job);
  return status;
}

/* A file name from a column value: no directories, no control characters,
 * nothing hidden. */
static char *
safe_file_name (const char *value)
{
  GString *name = g_string_new (NULL);

  for (const char *p = value; *p && name->len < 120; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '/' || c == '\\' || g_unichar_iscntrl (c) || (name->len == 0 && c == '.'))
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  return g_string_free (name, FALSE);
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
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) used_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean blank = FALSE;
  gboolean tty = isatty (STDERR_FILENO);
  Job job = { 0 };
  GStrv header;
  GError *error = NULL;
  gsize length;
  int status = ETHOS_EXIT_OK;
  int name_index = -1;
  guint failed = 0, io_failed = 0, total;
  const GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path, N_("CSV file, header row of field ids"),
      N_("FILE") },
    { "out-dir", 0, 0, G_OPTION_ARG_FILENAME, &out_dir, N_("Directory for the PDFs"), N_("DIR") },
    { "name-column", 0, 0, G_OPTION_ARG_STRING, &name_column,
      N_("Name each PDF after this column (default NNNN-TEMPLATE.pdf)"), N_("FIELD") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Form language (default en)"), N_("LANG") },
    { "paper", 'p', 0, G_OPTION_ARG_STRING, &paper, N_("letter or a4"), N_("PAPER") },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &logo, N_("Logo image (PNG or JPEG)"), N_("FILE") },
    { NULL }
  };

  if (!ethos_cli_parse (&argc, &argv, _("TEMPLATE --csv FILE --out-dir DIR"),
                        _("Writes one PDF per CSV row (RFC 4180, UTF-8, header row of field "
                          "ids), named NNNN-TEMPLATE.pdf by row number so that client names do "
                          "not appear in file lists, unless --name-column is given. A bad row "
                          "is reported with its line number and the other rows are still "
                          "written; the exit status is then 3 (4 for a write failure)."),
                        entries, &status))
    return status;
  if (argc != 2 || csv_path == NULL || out_dir == NULL)
    return ethos_cli_usage (_("usage: ethos-cli batch TEMPLATE --csv FILE --out-dir DIR"));

  if (!g_file_get_contents (csv_path, &contents, &length, &error))
    {
      g_printerr ("ethos-cli: %s\n", error->message);
      g_error_free (error);
      return ETHOS_EXIT_INVALID_INPUT;
    }
  if (length > MAX_CSV_BYTES)
    {
      g_printerr (_("ethos-cli: %s is too large (over 256 MB)\n"), csv_path);
      return ETHOS_EXIT_INVALID_INPUT;
    }
  if (!(records = ethos_csv_parse (contents, length, &error)))
    {
      g_printerr ("ethos-cli: %s: %s\n", csv_path, error->message);
      g_error_free (error);
      return ETHOS_EXIT_INVALID_INPUT;
    }
  if (records->len == 0)
    {
      g_printerr (_("ethos-cli: %s has no header row\n"), csv_path);
      return ETHOS_EXIT_INVALID_INPUT;
    }

  if ((status = job_init (&job, cli, argv[1], lang, paper, blank, logo)) != ETHOS_EXIT_OK)
    {
      job_clear (&job);
      return status;
    }

  /* Every column must be a field of the template before anything is written. */
  header = ((EthosCsvRecord *) records->pdata[0])->fields;
  for (guint c = 0; header[c] != NULL; c++)
    {
      g_strstrip (header[c]);
      if (ethos_template_get_field (job.entry->tmpl, header[c]) == NULL)
        {
          status = ethos_cli_usage (_("%s: column “%s” is not a field of the form “%s”"),
                                    csv_path, header[c], job.entry->tmpl->id);
          job_clear (&job);
          return status;
        }
      if (name_column != NULL && g_str_equal (header[c], name_column))
        name_index = (int) c;
    }
  if (name_column != NULL && name_index < 0)
    {
      status = ethos_cli_usage (_("%s has no column “%s”"), csv_path, name_column);
      job_clear (&job);
      return status;
    }
  if (g_mkdir_with_parents (out_dir, 0700) != 0)
    {
      int saved = errno;
      g_printerr (_("ethos-cli: could not create %s: %s\n"), out_dir, g_strerror (saved));
      job_clear (&job);
      return ETHOS_EXIT_IO;
    }

  total = records->len - 1;
  for (guint r = 1; r < records->len; r++)
    {
      const EthosCsvRecord *record = g_ptr_array_index (records, r);
      g_autoptr(EthosFormValues) values = ethos_form_values_new (job.entry->tmpl);
      g_autoptr(GError) row_error = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      gboolean ok = record->error == NULL;

      if (!ok)
        row_error = g_error_new_literal (ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA, record->error);
      else if (g_strv_length (record->fields) != g_strv_length (header))
        {
          ok = FALSE;
          row_error = g_error_new (ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                                   _("has %u columns, the header has %u"),
                                   g_strv_length (record->fields), g_strv_length (header));
        }
      for (guint c = 0; ok && header[c] != NULL; c++)
        ok = ethos_form_values_set (values, header[c], record->fields[c], &row_error);

      if (ok && name_index >= 0)
        {
          g_autofree char *base = safe_file_name (record->fields[name_index]);
          if (*base == '\0')
            {
              ok = FALSE;
              row_error = g_error_new (ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                                       _("column “%s” is empty: no file name"), name_column);
            }
          else
            {
              name = g_strdup_printf ("%s.pdf", base);
              for (guint n = 2; g_hash_table_contains (used_names, name); n++)
                {
                  g_free (name);
                  name = g_strdup_printf ("%s-%u.pdf", base, n);
                }
            }
        }
      else if (ok)
        name = g_strdup_printf ("%04u-%s.pdf", r, job.entry->tmpl->id);

      if (ok)
        {
          path = g_build_filename (out_dir, name, NULL);
          ok = job_write (&job, values, path, &row_error);
          if (ok)
            g_hash_table_add (used_names, g_steal_pointer (&name));
        }

      if (!ok)
        {
          if (tty)
            g_printerr ("\n");
          /* The message names the field, never the client's values. */
          g_printerr (_("ethos-cli: %s line %u: %s\n"), csv_path, record->line, row_error->message);
          if (g_error_matches (row_error, ETHOS_ERROR, ETHOS_ERROR_IO))
            io_failed++;
          else
            failed++;
        }
      if (tty)
        show_progress (r, total);
    }

  job_clear (&job);
  if (failed + io_failed > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "ethos-cli: %u of %u row failed\n",
                               "ethos-cli: %u of %u rows failed\n", total),
                  failed + io_failed, total);
      return io_failed > 0 ? ETHOS_EXIT_IO : ETHOS_EXIT_INVALID_INPUT;
    }
  return ETHOS_EXIT_OK;
}
