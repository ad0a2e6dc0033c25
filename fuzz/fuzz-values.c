/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-fuzz"

#include "config.h"

#include "ethos-error.h"
#include "ethos-fonts.h"
#include "ethos-form.h"
#include "ethos-fuzz.h"
#include "ethos-layout.h"
#include "ethos-pdf-painter.h"
#include "ethos-template.h"

/* What a user types into a form: the input is the value of every field of
 * informed-consent in turn; the filled form is laid out and, for short
 * inputs, painted as a PDF. A value is refused with an EthosError, or it
 * prints: layout and painter never crash on it. */

/* Painting costs more than the rest together: only short values. */
#define MAX_PAINTED_BYTES 200

static EthosRequirements *reqs;
static EthosTemplate *tmpl;

void
ethos_fuzz_setup (void)
{
  g_autofree char *reqs_path = ethos_fuzz_source_file ("data/templates/requirements.json");
  g_autofree char *path = ethos_fuzz_source_file ("data/templates/informed-consent.json");
  g_autoptr(GError) error = NULL;

  if (!(reqs = ethos_requirements_load (reqs_path, &error)) ||
      !(tmpl = ethos_template_load (path, NULL, 0, reqs, &error)))
    g_error ("%s", error->message);
  ethos_fuzz_get_fonts ();
}

static const char *
valid_value (const EthosField *field)
{
  switch (field->type)
    {
    case ETHOS_FIELD_DATE:
      return "1990-05-17";
    case ETHOS_FIELD_BOOL:
      return "no";
    case ETHOS_FIELD_CHOICE:
      return ((EthosChoice *) field->choices->pdata[0])->id;
    case ETHOS_FIELD_MULTILINE:
    case ETHOS_FIELD_TEXT:
    default:
      return "Ana Núñez";
    }
}

/* What ethos-form.h promises of a stored value. */
static void
check_stored (const EthosField *field,
              const char       *value)
{
  g_autofree char *nfc = NULL;

  ethos_fuzz_assert (value != NULL && *value != '\0', "an accepted value is stored, not empty");
  ethos_fuzz_assert (g_utf8_validate (value, -1, NULL), "stored values are UTF-8");
  nfc = g_utf8_normalize (value, -1, G_NORMALIZE_NFC);
  ethos_fuzz_assert (g_str_equal (nfc, value), "stored values are NFC");
  switch (field->type)
    {
    case ETHOS_FIELD_DATE:
      ethos_fuzz_assert (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", value, 0, 0),
                         "dates are stored as YYYY-MM-DD");
      break;
    case ETHOS_FIELD_BOOL:
      ethos_fuzz_assert (g_str_equal (value, "true") || g_str_equal (value, "false"),
                         "booleans are stored as true or false");
      break;
    case ETHOS_FIELD_TEXT:
      ethos_fuzz_assert (strchr (value, '\n') == NULL && strchr (value, '\r') == NULL,
                         "one-line fields hold one line");
      break;
    case ETHOS_FIELD_CHOICE:
      {
        gboolean found = FALSE;
        for (guint i = 0; i < field->choices->len; i++)
          found |= g_str_equal (((EthosChoice *) field->choices->pdata[i])->id, value);
        ethos_fuzz_assert (found, "a choice is one of the field's choices");
      }
      break;
    case ETHOS_FIELD_MULTILINE:
    default:
      break;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = ethos_fuzz_string (data, size);
  g_autofree char *trimmed = g_strstrip (g_strdup (input));
  g_autoptr(GDate) today = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
  g_autoptr(EthosFormValues) values = ethos_form_values_new (tmpl);
  g_autoptr(EthosDocument) doc = NULL;
  g_autoptr(EthosLayout) layout = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  EthosFormOptions options = { size % 2 ? "es" : "en", size % 4 < 2 ? ETHOS_PAPER_LETTER
                                                                    : ETHOS_PAPER_A4,
                               FALSE, today, NULL, NULL };

  /* Every field valid first, so the form builds whatever the input does. */
  for (guint f = 0; f < tmpl->fields->len; f++)
    {
      const EthosField *field = g_ptr_array_index (tmpl->fields, f);

      if (!ethos_form_values_set (values, field->id, valid_value (field), &error))
        g_error ("%s", error->message);
    }
  for (guint f = 0; f < tmpl->fields->len; f++)
    {
      const EthosField *field = g_ptr_array_index (tmpl->fields, f);

      if (ethos_form_values_set (values, field->id, input, &error))
        {
          if (ethos_form_values_get (values, field->id) != NULL)
            check_stored (field, ethos_form_values_get (values, field->id));
          else
            ethos_fuzz_assert (*trimmed == '\0', "only an empty value unsets");
          /* Keep the form complete: an emptied required field gets its value back. */
          if (ethos_form_values_get (values, field->id) == NULL &&
              !ethos_form_values_set (values, field->id, valid_value (field), &error))
            g_error ("%s", error->message);
        }
      else
        {
          ethos_fuzz_check_error (error, "ethos_form_values_set");
          g_clear_error (&error);
        }
    }

  if (!(doc = ethos_form_build (tmpl, values, &options, &error)))
    g_error ("a complete form fails to build: %s", error->message);

  if (!(layout = ethos_layout_new (doc, ethos_fuzz_get_fonts (), &error)))
    {
      ethos_fuzz_check_error (error, "ethos_layout_new");
      return 0;
    }
  ethos_fuzz_assert (ethos_layout_get_n_pages (layout) >= 1, "a laid out form has pages");

  if (size >= MAX_PAINTED_BYTES)
    return 0;
  if (!(pdf = ethos_pdf_render (layout, doc, &error)))
    g_error ("a laid-out form fails to paint: %s", error->message);
  ethos_fuzz_assert (g_bytes_get_size (pdf) > 5 &&
                     memcmp (g_bytes_get_data (pdf, NULL), "%PDF-", 5) == 0,
                     "the painter writes a PDF");
  return 0;
}
