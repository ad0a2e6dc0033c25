/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-fuzz"

#include "config.h"

#include "ethos-coverage.h"
#include "ethos-error.h"
#include "ethos-form.h"
#include "ethos-fuzz.h"
#include "ethos-template.h"

/* Template files (imported, agency, built-in): load, export and reload,
 * coverage, and the form documents, blank and filled, in every language. */

static EthosRequirements *reqs;

void
ethos_fuzz_setup (void)
{
  g_autofree char *path = ethos_fuzz_source_file ("data/templates/requirements.json");
  g_autoptr(GError) error = NULL;

  if (!(reqs = ethos_requirements_load (path, &error)))
    g_error ("%s", error->message);
}

/* A value every field of its type accepts. */
static const char *
valid_value (const EthosField *field)
{
  switch (field->type)
    {
    case ETHOS_FIELD_DATE:
      return "2008-02-29";
    case ETHOS_FIELD_BOOL:
      return "yes";
    case ETHOS_FIELD_CHOICE:
      /* A choice field has at least one choice. */
      return ((EthosChoice *) field->choices->pdata[0])->id;
    case ETHOS_FIELD_MULTILINE:
      return "12 Harbor Street\nSpringfield";
    case ETHOS_FIELD_TEXT:
    default:
      return "Ana Núñez";
    }
}

static void
build_forms (const EthosTemplate *tmpl)
{
  g_autoptr(GDate) today = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);

  for (guint l = 0; tmpl->languages[l] != NULL; l++)
    for (int blank = 0; blank <= 1; blank++)
      {
        EthosFormOptions options = { tmpl->languages[l], ETHOS_PAPER_LETTER, blank, today,
                                     NULL, NULL };
        g_autoptr(EthosFormValues) values = ethos_form_values_new (tmpl);
        g_autoptr(EthosDocument) doc = NULL;
        g_autoptr(GError) error = NULL;

        for (guint f = 0; !blank && f < tmpl->fields->len; f++)
          {
            const EthosField *field = g_ptr_array_index (tmpl->fields, f);

            if (!ethos_form_values_set (values, field->id, valid_value (field), &error))
              g_error ("a valid value of field “%s” is refused: %s", field->id, error->message);
          }
        /* Blank, or with every field filled: nothing is missing. */
        if (!(doc = ethos_form_build (tmpl, values, &options, &error)))
          g_error ("a form of a valid template fails to build: %s", error->message);
        ethos_fuzz_assert (doc->blocks->len > 0, "a form has at least its title");
        g_free (ethos_document_get_all_text (doc));
      }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosTemplate) tmpl = NULL;
  g_autoptr(EthosTemplate) reloaded = NULL;
  g_autoptr(GPtrArray) coverage = NULL;
  g_auto(GStrv) uncovered = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;

  tmpl = ethos_template_load ("fuzz", size > 0 ? (const char *) data : "", size, reqs, &error);
  if (tmpl == NULL)
    {
      ethos_fuzz_check_error (error, "ethos_template_load");
      return 0;
    }

  /* An exported template is a valid template, and exports the same again. */
  json = ethos_template_to_json (tmpl);
  reloaded = ethos_template_load ("fuzz-export", json, strlen (json), reqs, &error);
  if (reloaded == NULL)
    g_error ("an exported template does not load again: %s", error->message);
  json_again = ethos_template_to_json (reloaded);
  ethos_fuzz_assert (g_str_equal (json, json_again), "export, reload, export changes the file");

  coverage = ethos_coverage_check (tmpl, reqs);
  uncovered = ethos_coverage_uncovered (coverage);
  ethos_fuzz_assert (g_strv_length (uncovered) <= coverage->len,
                     "more uncovered elements than elements");

  build_forms (tmpl);
  return 0;
}
