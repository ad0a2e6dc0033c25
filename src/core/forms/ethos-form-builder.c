/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-form"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ethos-error.h"
#include "ethos-form.h"
#include "ethos-form-words-private.h"

typedef struct
{
  const EthosTemplate    *tmpl;
  EthosFormValues        *values;
  const EthosFormOptions *options;
  const EthosFormWords   *words;
  const char             *lang;
  EthosDocument          *doc;
} Builder;

char *
ethos_format_date (const char *iso,
                   const char *lang)
{
  const EthosFormWords *w = _ethos_form_words_for (lang != NULL ? lang : "en");
  unsigned year, month, day;

  g_return_val_if_fail (iso != NULL, NULL);

  if (w == NULL || sscanf (iso, "%4u-%2u-%2u", &year, &month, &day) != 3 || month < 1 ||
      month > 12)
    return g_strdup (iso);
  if (w->day_first)
    return g_strdup_printf ("%u de %s de %u", day, w->months[month - 1], year);
  return g_strdup_printf ("%s %u, %u", w->months[month - 1], day, year);
}

/* The value as printed: dates in long form, choices by label. */
static char *
display_value (Builder    *b,
               const char *field_id)
{
  const EthosField *field = ethos_template_get_field (b->tmpl, field_id);
  const char *value = ethos_form_values_get (b->values, field_id);

  if (value == NULL || field == NULL)
    return NULL;
  switch (field->type)
    {
    case ETHOS_FIELD_DATE:
      return ethos_format_date (value, b->lang);
    case ETHOS_FIELD_BOOL:
      return g_strdup (g_str_equal (value, "true") ? b->words->yes : b->words->no);
    case ETHOS_FIELD_CHOICE:
      for (guint i = 0; i < field->choices->len; i++)
        {
          const EthosChoice *choice = g_ptr_array_index (field->choices, i);
          if (g_str_equal (choice->id, value))
            return g_strdup (ethos_lang_text_get (choice->label, b->lang));
        }
      return g_strdup (value);
    case ETHOS_FIELD_MULTILINE:
      {
        /* Inside a sentence a multi-line value (an address) reads as one line. */
        g_auto(GStrv) lines = g_strsplit (value, "\n", -1);
        return g_strjoinv (", ", lines);
      }
    case ETHOS_FIELD_TEXT:
    default:
      return g_strdup (value);
    }
}

static const char *
lookup_cb (const char *field,
           gpointer    user_data)
{
  Builder *b = user_data;

  return ethos_form_values_get (b->values, field);
}

static EthosTruth
evaluate (Builder              *b,
          const EthosCondition *when)
{
  return ethos_condition_evaluate (when, lookup_cb, b, b->options->blank);
}

/* A value that ends a sentence ("Riverbend Services, Inc.") takes the
 * place of the template's own full stop after the placeholder. */
static gboolean
ends_sentence (const char *value)
{
  const char *last;

  if (*value == '\0')
    return FALSE;
  last = g_utf8_find_prev_char (value, value + strlen (value));
  return strchr (".!?", *last) != NULL || g_utf8_get_char (last) == 0x2026;
}

/* Writing lines for a multi-line field left blank (an address, what may be
 * shared): enough to write three or four lines by hand. */
#define BLANK_MULTILINE_ROWS 4

/* Splits text with {placeholders} into spans. */
static void
add_spans (Builder    *b,
           EthosBlock *block,
           const char *text)
{
  const char *s = text;
  gboolean after_stop = FALSE;

  while (*s)
    {
      const char *open = strchr (s, '{');
      const char *close = open ? strchr (open, '}') : NULL;

      if (after_stop && *s == '.')
        s++;
      after_stop = FALSE;
      if (open == NULL || close == NULL)
        {
          if (*s != '\0')
            ethos_block_add_span (block, ETHOS_SPAN_TEXT, s);
          return;
        }
      if (open > s)
        {
          g_autofree char *literal = g_strndup (s, open - s);
          ethos_block_add_span (block, ETHOS_SPAN_TEXT, literal);
        }
      {
        g_autofree char *field_id = g_strndup (open + 1, close - open - 1);
        g_autofree char *value = display_value (b, field_id);
        const EthosField *field = ethos_template_get_field (b->tmpl, field_id);

        if (value != NULL)
          {
            ethos_block_add_span (block, ETHOS_SPAN_VALUE, value);
            after_stop = ends_sentence (value);
          }
        else
          {
            ethos_block_add_span (block, ETHOS_SPAN_BLANK,
                                  field ? ethos_lang_text_get (field->label, b->lang) : field_id);
            if (field != NULL && field->type == ETHOS_FIELD_MULTILINE)
              ((EthosSpan *) g_ptr_array_index (block->spans, block->spans->len - 1))->rows =
                BLANK_MULTILINE_ROWS;
          }
      }
      s = close + 1;
    }
}

static void
add_body (Builder    *b,
          const char *body)
{
  g_auto(GStrv) paragraphs = g_strsplit (body, "\n\n", -1);

  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      g_auto(GStrv) lines = g_strsplit (paragraphs[p], "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        {
          const char *line = lines[l];
          EthosBlock *block;

          if (*line == '\0')
            continue;
          if (g_str_has_prefix (line, "- "))
            {
              block = ethos_document_add_block (b->doc, ETHOS_BLOCK_BULLET);
              line += 2;
            }
          else if (g_str_has_prefix (line, "[ ] "))
            {
              block = ethos_document_add_block (b->doc, ETHOS_BLOCK_CHECKBOX);
              line += 4;
            }
          else
            block = ethos_document_add_block (b->doc, ETHOS_BLOCK_PARAGRAPH);
          add_spans (b, block, line);
        }
    }
}

static void
add_field_row (Builder    *b,
               const char *label,
               const char *field_id)
{
  EthosBlock *block;

  if (ethos_template_get_field (b->tmpl, field_id) == NULL)
    return;
  block = ethos_document_add_block (b->doc, ETHOS_BLOCK_FIELD);
  block->label = g_strdup (label);
  block->value = display_value (b, field_id);
}

static void
add_header (Builder *b)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  const char *ids[] = { "agency_name", "agency_address", "agency_phone" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const char *value = ethos_form_values_get (b->values, ids[i]);
      if (value != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (value, "\n", -1);
          g_strv_builder_addv (lines, (const char **) parts);
        }
    }
  result = g_strv_builder_end (lines);
  if (result[0] == NULL && b->options->logo == NULL)
    return;

  ethos_document_add_block (b->doc, ETHOS_BLOCK_HEADER)->lines = g_steal_pointer (&result);
}

static char *
signature_name (Builder    *b,
                const char *role)
{
  const char *name_field = NULL;
  const char *extra_field = NULL;
  g_autofree char *name = NULL;
  g_autofree char *extra = NULL;

  if (g_str_equal (role, "client") || g_str_equal (role, "assent"))
    name_field = "client_name";
  else if (g_str_equal (role, "guardian1"))
    name_field = "guardian1_name", extra_field = "guardian1_relationship";
  else if (g_str_equal (role, "guardian2"))
    name_field = "guardian2_name", extra_field = "guardian2_relationship";
  else if (g_str_equal (role, "professional"))
    name_field = "professional_name", extra_field = "professional_credentials";
  else if (g_str_equal (role, "sponsor"))
    name_field = "sponsor_name";
  else
    name_field = "witness_name";

  name = display_value (b, name_field);
  extra = extra_field ? display_value (b, extra_field) : NULL;
  if (name == NULL)
    return NULL;
  if (extra == NULL)
    return g_steal_pointer (&name);
  return g_strdup_printf (g_str_equal (role, "professional") ? "%s, %s" : "%s (%s)", name, extra);
}

static void
add_signatures (Builder *b)
{
  EthosBlock *previous = NULL, *last = NULL;

  if (b->tmpl->signatures->len > 0)
    {
      EthosBlock *spacer = ethos_document_add_block (b->doc, ETHOS_BLOCK_SPACER);

      spacer->points = 12;
      spacer->keep_with_next = TRUE;
    }

  for (guint i = 0; i < b->tmpl->signatures->len; i++)
    {
      const EthosSignatureDef *sig = g_ptr_array_index (b->tmpl->signatures, i);
      EthosTruth cond = evaluate (b, sig->when);
      EthosBlock *block;

      if (cond == ETHOS_TRUTH_FALSE)
        continue;
      block = ethos_document_add_block (b->doc, ETHOS_BLOCK_SIGNATURE);
      for (guint r = 0; r < G_N_ELEMENTS (_ethos_form_role_ids); r++)
        if (g_str_equal (_ethos_form_role_ids[r], sig->role))
          block->label = g_strdup (b->words->roles[r]);
      block->value = signature_name (b, sig->role);
      block->note = cond == ETHOS_TRUTH_UNKNOWN ? g_strdup (b->words->if_applicable) : NULL;
      block->name_caption = g_strdup (b->words->printed_name);
      block->date_caption = g_strdup (b->words->date);
      previous = last;
      last = block;
    }
  /* The last block never stands alone on a page. */
  if (previous != NULL)
    previous->keep_with_next = TRUE;
}

/* Derived values: today's date on filled forms, and whether the client is
 * a minor when only the date of birth was given. */
static void
derive_values (Builder *b)
{
  const char *dob = ethos_form_values_get (b->values, "client_dob");
  g_autoptr(GDate) today = b->options->today ? g_date_copy (b->options->today) : g_date_new ();
  gboolean minor;

  if (b->options->today == NULL)
    g_date_set_time_t (today, time (NULL));

  if (!b->options->blank && ethos_form_values_get (b->values, "date") == NULL &&
      ethos_template_get_field (b->tmpl, "date") != NULL)
    {
      g_autofree char *iso = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (today),
                                              g_date_get_month (today), g_date_get_day (today));
      ethos_form_values_set (b->values, "date", iso, NULL);
    }

  if (dob != NULL && ethos_form_values_get (b->values, "client_is_minor") == NULL &&
      ethos_template_get_field (b->tmpl, "client_is_minor") != NULL &&
      ethos_form_is_minor (dob, today, &minor))
    ethos_form_values_set (b->values, "client_is_minor", minor ? "true" : "false", NULL);
}

static gboolean
check_required (Builder  *b,
                GError  **error)
{
  for (guint i = 0; i < b->tmpl->fields->len; i++)
    {
      const EthosField *field = g_ptr_array_index (b->tmpl->fields, i);

      if (field->required && ethos_form_values_get (b->values, field->id) == NULL)
        {
          g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                       _("The form needs a value for “%s” (%s)"), field->id,
                       ethos_lang_text_get (field->label, b->lang));
          return FALSE;
        }
    }
  return TRUE;
}

/* This one form's wording of the clause, or the template's. */
static const char *
clause_body (Builder           *b,
             const EthosClause *clause)
{
  const char *body = b->options->reworded != NULL
    ? g_hash_table_lookup (b->options->reworded, clause->id) : NULL;

  return body != NULL ? body : ethos_lang_text_get (clause->body, b->lang);
}

/* A reworded clause must be an unlocked clause of the template, and its
 * text valid: placeholders name the template's fields. */
static gboolean
check_reworded (Builder  *b,
                GError  **error)
{
  GHashTableIter iter;
  gpointer key, value;

  if (b->options->reworded == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, b->options->reworded);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const EthosClause *clause = ethos_template_get_clause (b->tmpl, key);
      const char *text = value;

      if (clause == NULL)
        {
          g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                       _("The form “%s” has no clause “%s”"), b->tmpl->id, (char *) key);
          return FALSE;
        }
      if (clause->locked)
        {
          g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                       _("The clause “%s” is locked: its wording cannot be changed"),
                       clause->id);
          return FALSE;
        }
      if (!ethos_template_check_text (b->tmpl, clause->id, text, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ethos_form_language_is_supported (const char *lang)
{
  g_return_val_if_fail (lang != NULL, FALSE);
  return _ethos_form_words_for (lang) != NULL;
}

gboolean
ethos_form_check_language (const EthosTemplate  *tmpl,
                           const char           *lang,
                           GError              **error)
{
  g_return_val_if_fail (tmpl != NULL && lang != NULL, FALSE);

  if (!ethos_template_has_language (tmpl, lang) || _ethos_form_words_for (lang) == NULL)
    {
      g_autofree char *langs = g_strjoinv (", ", tmpl->languages);
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                   _("The form “%s” is not available in “%s”; its languages are %s"),
                   tmpl->id, lang, langs);
      return FALSE;
    }
  return TRUE;
}

EthosDocument *
ethos_form_build (const EthosTemplate    *tmpl,
                  EthosFormValues        *values,
                  const EthosFormOptions *options,
                  GError                **error)
{
  Builder b = { tmpl, values, options, NULL, NULL, NULL };
  g_autoptr(EthosDocument) doc = NULL;
  EthosBlock *title;
  guint last_clause = G_MAXUINT;

  g_return_val_if_fail (tmpl != NULL && values != NULL && options != NULL, NULL);

  b.lang = options->lang != NULL ? options->lang : "en";
  if (!ethos_form_check_language (tmpl, b.lang, error) ||
      !check_reworded (&b, error))
    return NULL;
  b.words = _ethos_form_words_for (b.lang);

  derive_values (&b);
  if (!options->blank && !options->preview && !check_required (&b, error))
    return NULL;

  doc = ethos_document_new (ethos_lang_text_get (tmpl->title, b.lang), b.lang, options->paper);
  b.doc = doc;
  doc->footer = ethos_form_footer_text (b.tmpl, b.lang, b.options->code_labels,
                                        options->reworded != NULL &&
                                        g_hash_table_size (options->reworded) > 0);
  doc->page_format = g_strdup (b.words->page_format);
  doc->scale = options->large_print ? ETHOS_LARGE_PRINT_SCALE : 1.0;
  doc->running_title = g_strdup (doc->title);
  doc->running_label = g_strdup (b.words->client_name);
  doc->running_value = display_value (&b, "client_name");
  if (options->logo != NULL)
    {
      doc->logo = g_new0 (EthosImage, 1);
      *doc->logo = *options->logo;
      doc->logo->data = g_bytes_ref (options->logo->data);
    }

  add_header (&b);
  title = ethos_document_add_block (doc, ETHOS_BLOCK_TITLE);
  ethos_block_add_span (title, ETHOS_SPAN_TEXT, doc->title);
  add_field_row (&b, b.words->client_name, "client_name");
  add_field_row (&b, b.words->date_of_birth, "client_dob");
  add_field_row (&b, b.words->form_date, "date");

  for (guint i = 0; i < tmpl->clauses->len; i++)
    {
      const EthosClause *clause = g_ptr_array_index (tmpl->clauses, i);
      EthosTruth cond = evaluate (&b, clause->when);
      EthosBlock *heading;

      if (cond == ETHOS_TRUTH_FALSE || clause->hidden)
        continue;
      last_clause = doc->blocks->len;
      heading = ethos_document_add_block (doc, ETHOS_BLOCK_HEADING);
      ethos_block_add_span (heading, ETHOS_SPAN_TEXT,
                            ethos_lang_text_get (clause->heading, b.lang));
      if (cond == ETHOS_TRUTH_UNKNOWN)
        {
          heading->note = g_strdup (b.words->applies);
          heading->has_box = TRUE;
        }
      add_body (&b, clause_body (&b, clause));
    }

  /* The last clause introduces the signatures ("By signing below…"): it
   * goes to the page of the first signature block. */
  if (tmpl->signatures->len > 0)
    for (guint i = last_clause; i < doc->blocks->len; i++)
      ((EthosBlock *) g_ptr_array_index (doc->blocks, i))->keep_with_next = TRUE;

  add_signatures (&b);
  return g_steal_pointer (&doc);
}

static const char *
values_lookup_cb (const char *field,
                  gpointer    user_data)
{
  return ethos_form_values_get (user_data, field);
}

GStrv
ethos_form_get_warnings (const EthosTemplate    *tmpl,
                         EthosFormValues        *values,
                         const EthosFormOptions *options)
{
  g_autoptr(GStrvBuilder) warnings = g_strv_builder_new ();
  g_autoptr(GDate) today = NULL;
  const char *dob, *expiry, *form_date;
  char today_iso[16];
  gboolean minor = FALSE;

  g_return_val_if_fail (tmpl != NULL && values != NULL && options != NULL, NULL);

  if (options->blank)
    return g_strv_builder_end (warnings);
  today = options->today ? g_date_copy (options->today) : g_date_new ();
  if (options->today == NULL)
    g_date_set_time_t (today, time (NULL));
  dob = ethos_form_values_get (values, "client_dob");
  if (ethos_form_values_get (values, "client_is_minor") != NULL)
    minor = ethos_condition_evaluate (&(EthosCondition) { .field = (char *) "client_is_minor" },
                                      values_lookup_cb, values, FALSE) == ETHOS_TRUTH_TRUE;
  else if (dob != NULL && !ethos_form_is_minor (dob, today, &minor))
    minor = FALSE;

  for (guint i = 0; minor && i < tmpl->signatures->len; i++)
    if (g_str_equal (((EthosSignatureDef *) g_ptr_array_index (tmpl->signatures, i))->role,
                     "guardian1") &&
        ethos_form_values_get (values, "guardian1_name") == NULL)
      g_strv_builder_add (warnings, _("The client is a minor and no parent or guardian is "
                                      "named: the form leaves a line for their name."));

  /* A release that ends before the day it is dated has expired before it
   * is signed. Both are YYYY-MM-DD once stored, so they compare as text. */
  expiry = ethos_form_values_get (values, "roi_expiry");
  form_date = ethos_form_values_get (values, "date");
  if (form_date == NULL)
    {
      g_date_strftime (today_iso, sizeof today_iso, "%Y-%m-%d", today);
      form_date = today_iso;
    }
  if (expiry != NULL && ethos_template_get_field (tmpl, "roi_expiry") != NULL &&
      strcmp (expiry, form_date) < 0)
    g_strv_builder_add (warnings, _("The permission ends before the date of the form: it would "
                                    "have expired before it is signed."));
  return g_strv_builder_end (warnings);
}
