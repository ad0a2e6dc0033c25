/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ethos-error.h"
#include "ethos-form.h"
#include "ethos-paths.h"
#include "ethos-template-store.h"
#include "ethos-test-utils.h"

static EthosTemplateStore *store;

static const EthosTemplate *
get (const char *id)
{
  g_autoptr(GError) error = NULL;
  const EthosTemplateEntry *entry = ethos_template_store_lookup (store, id, &error);

  g_assert_no_error (error);
  return entry->tmpl;
}

static void
set (EthosFormValues *values,
     const char      *field,
     const char      *value)
{
  g_autoptr(GError) error = NULL;

  ethos_form_values_set (values, field, value, &error);
  g_assert_no_error (error);
}

static EthosDocument *
build (const EthosTemplate *tmpl,
       EthosFormValues     *values,
       const char          *lang,
       gboolean             blank)
{
  g_autoptr(GDate) today = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
  EthosFormOptions options = { lang, ETHOS_PAPER_LETTER, blank, today, NULL, NULL };
  g_autoptr(GError) error = NULL;
  EthosDocument *doc = ethos_form_build (tmpl, values, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static guint
count_blocks (EthosDocument  *doc,
              EthosBlockKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < doc->blocks->len; i++)
    n += ((EthosBlock *) doc->blocks->pdata[i])->kind == kind;
  return n;
}

static const EthosBlock *
find_heading (EthosDocument *doc,
              const char    *text)
{
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const EthosBlock *b = doc->blocks->pdata[i];
      if (b->kind == ETHOS_BLOCK_HEADING &&
          g_str_equal (((EthosSpan *) b->spans->pdata[0])->text, text))
        return b;
    }
  return NULL;
}

static void
test_values (void)
{
  const EthosTemplate *tmpl = get ("informed-consent");
  g_autoptr(EthosFormValues) values = ethos_form_values_new (tmpl);
  struct { const char *field, *value; int code; } bad[] = {
    { "client_nickname", "x", ETHOS_ERROR_NOT_FOUND },
    { "client_dob", "23/11/2026", ETHOS_ERROR_INVALID_DATA },
    { "client_dob", "2026-02-30", ETHOS_ERROR_INVALID_DATA },
    { "mandated", "maybe", ETHOS_ERROR_INVALID_DATA },
    { "client_name", "Ana\nMaría", ETHOS_ERROR_INVALID_DATA },
    { "client_name", "bad \xff utf8", ETHOS_ERROR_INVALID_DATA },
    { "client_name", "evil\xe2\x80\xae""txt", ETHOS_ERROR_INVALID_DATA },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_false (ethos_form_values_set (values, bad[i].field, bad[i].value, &error));
      g_assert_error (error, ETHOS_ERROR, bad[i].code);
      g_assert_true (strstr (error->message, bad[i].field) != NULL);
    }

  set (values, "mandated", "YES");
  g_assert_cmpstr (ethos_form_values_get (values, "mandated"), ==, "true");
  set (values, "mandated", "0");
  g_assert_cmpstr (ethos_form_values_get (values, "mandated"), ==, "false");
  /* NFC: "José" typed with a combining accent is stored composed. */
  set (values, "client_name", "  Jose\xcc\x81 Nu\xcc\x81n\xcc\x83""ez ");
  g_assert_cmpstr (ethos_form_values_get (values, "client_name"), ==, "José Núñez");
  set (values, "complaints_contact", "Jane Roe\r\n555-0100");
  g_assert_cmpstr (ethos_form_values_get (values, "complaints_contact"), ==, "Jane Roe\n555-0100");
  set (values, "client_name", "");
  g_assert_null (ethos_form_values_get (values, "client_name"));
}

static void
test_dates (void)
{
  g_autofree char *en = ethos_format_date ("2026-11-23", "en");
  g_autofree char *es = ethos_format_date ("2026-11-23", "es");
  g_autofree char *es1 = ethos_format_date ("2027-01-01", "es");

  g_assert_cmpstr (en, ==, "November 23, 2026");
  g_assert_cmpstr (es, ==, "23 de noviembre de 2026");
  g_assert_cmpstr (es1, ==, "1 de enero de 2027");
}

static void
test_filled_adult (void)
{
  const EthosTemplate *tmpl = get ("informed-consent");
  g_autoptr(EthosFormValues) values = ethos_form_values_new (tmpl);
  g_autoptr(EthosDocument) doc = NULL;
  g_autofree char *text = NULL;

  set (values, "client_name", "Nguyễn Thị Minh");
  set (values, "client_dob", "1990-05-01");
  set (values, "professional_name", "Dana Reyes");
  set (values, "agency_name", "Harbor Family Services");
  doc = build (tmpl, values, "en", FALSE);
  text = ethos_document_get_all_text (doc);

  g_assert_cmpstr (doc->title, ==, "Informed Consent for Services");
  g_assert_true (strstr (text, "Nguyễn Thị Minh") != NULL);
  g_assert_true (strstr (text, "Harbor Family Services") != NULL);
  g_assert_null (strchr (text, '{'));
  /* The date defaults to "today" and prints long. */
  g_assert_true (strstr (text, "November 23, 2026") != NULL);
  /* An adult: no minor's clauses, the client signs, no assent block. */
  g_assert_cmpstr (ethos_form_values_get (values, "client_is_minor"), ==, "false");
  g_assert_null (find_heading (doc, "Mandated services") );
  g_assert_true (strstr (text, "Minor's assent") == NULL);
  g_assert_true (strstr (text, "\nClient\n") != NULL);
  g_assert_cmpuint (count_blocks (doc, ETHOS_BLOCK_SIGNATURE), ==, 2);
  g_assert_cmpuint (count_blocks (doc, ETHOS_BLOCK_HEADER), ==, 1);
  g_assert_cmpstr (doc->footer, ==, "informed-consent 1.0 · nohs · en");
  /* The withdraw clause is always there. */
  g_assert_nonnull (find_heading (doc, "Your right to stop"));
  /* Values are marked as values; empty fields become fill-in blanks. */
  g_assert_cmpuint (count_blocks (doc, ETHOS_BLOCK_TITLE), ==, 1);
}

static void
test_minor_and_mandated (void)
{
  const EthosTemplate *tmpl = get ("informed-consent");
  g_autoptr(EthosFormValues) values = ethos_form_values_new (tmpl);
  g_autoptr(EthosDocument) doc = NULL;
  g_autofree char *text = NULL;
  guint n_headings_filled;

  set (values, "client_name", "王芳");
  set (values, "client_dob", "2012-01-15");
  set (values, "guardian1_name", "Łukasz O'Brien");
  set (values, "guardian1_relationship", "father");
  set (values, "mandated", "true");
  set (values, "referring_authority", "County Juvenile Court");
  doc = build (tmpl, values, "es", FALSE);
  text = ethos_document_get_all_text (doc);

  g_assert_cmpstr (ethos_form_values_get (values, "client_is_minor"), ==, "true");
  g_assert_true (strstr (text, "Łukasz O'Brien (father)") != NULL);
  g_assert_true (strstr (text, "County Juvenile Court") != NULL);
  g_assert_true (strstr (text, "Asentimiento del menor") != NULL);
  g_assert_true (strstr (text, "Página %u de %u") == NULL);
  g_assert_cmpstr (doc->page_format, ==, "Página %u de %u");
  g_assert_cmpstr (doc->lang, ==, "es");
  g_assert_cmpstr (doc->title, ==, "Consentimiento informado para servicios");
  /* guardian1 + assent + professional */
  g_assert_cmpuint (count_blocks (doc, ETHOS_BLOCK_SIGNATURE), ==, 3);
  n_headings_filled = count_blocks (doc, ETHOS_BLOCK_HEADING);
  g_assert_cmpuint (n_headings_filled, ==, tmpl->clauses->len);
}

static void
test_blank (void)
{
  const EthosTemplate *tmpl = get ("informed-consent");
  g_autoptr(EthosFormValues) values = ethos_form_values_new (tmpl);
  g_autoptr(EthosDocument) doc = NULL;
  guint conditional = 0, noted = 0, blanks = 0, if_applicable = 0;

  doc = build (tmpl, values, "en", TRUE);
  for (guint i = 0; i < tmpl->clauses->len; i++)
    conditional += ((EthosClause *) tmpl->clauses->pdata[i])->when != NULL;
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const EthosBlock *b = doc->blocks->pdata[i];
      if (b->kind == ETHOS_BLOCK_HEADING && b->note != NULL)
        {
          g_assert_cmpstr (b->note, ==, "Applies");
          noted++;
        }
      if (b->kind == ETHOS_BLOCK_SIGNATURE && b->note != NULL)
        if_applicable++;
      for (guint s = 0; s < b->spans->len; s++)
        blanks += ((EthosSpan *) b->spans->pdata[s])->kind == ETHOS_SPAN_BLANK;
      if (b->kind == ETHOS_BLOCK_FIELD)
        g_assert_null (b->value);
    }
  /* Every clause prints; each conditional one has a check box. */
  g_assert_cmpuint (count_blocks (doc, ETHOS_BLOCK_HEADING), ==, tmpl->clauses->len);
  g_assert_cmpuint (noted, ==, conditional);
  g_assert_cmpuint (conditional, >=, 3);
  /* All five signature blocks, the conditional four marked "if applicable". */
  g_assert_cmpuint (count_blocks (doc, ETHOS_BLOCK_SIGNATURE), ==, 5);
  g_assert_cmpuint (if_applicable, ==, 4);
  g_assert_cmpuint (blanks, >, 5);
}

/* A release that ends before the day it is dated is said, before printing
 * (a new user exported one that had ended in 2020 without a word). */
static void
test_expired_release (void)
{
  static const char * const releases[] = { "release-of-information", "sud-records-consent" };
  g_autoptr(GDate) today = g_date_new_dmy (2, G_DATE_DECEMBER, 2026);
  EthosFormOptions options = { .lang = "en", .today = today };

  for (guint i = 0; i < G_N_ELEMENTS (releases); i++)
    {
      const EthosTemplate *tmpl = get (releases[i]);
      struct { const char *expiry, *date; gboolean blank, warned; } cases[] = {
        { "2020-01-01", NULL, FALSE, TRUE },           /* against today */
        { "2026-12-01", NULL, FALSE, TRUE },
        { "2026-12-02", NULL, FALSE, FALSE },          /* ends the day it is signed */
        { "2027-06-30", NULL, FALSE, FALSE },
        { "2020-01-01", "2019-12-01", FALSE, FALSE },  /* against the form's own date */
        { "2020-01-01", "2020-01-02", FALSE, TRUE },
        { "2020-01-01", NULL, TRUE, FALSE },           /* a blank form warns of nothing */
      };

      for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
        {
          g_autoptr(EthosFormValues) values = ethos_form_values_new (tmpl);
          g_auto(GStrv) warnings = NULL;
          gboolean warned = FALSE;

          set (values, "client_name", "Ana");
          set (values, "roi_expiry", cases[c].expiry);
          if (cases[c].date != NULL)
            set (values, "date", cases[c].date);
          options.blank = cases[c].blank;
          warnings = ethos_form_get_warnings (tmpl, values, &options);
          for (guint w = 0; warnings[w] != NULL; w++)
            warned |= strstr (warnings[w], "ends before the date of the form") != NULL;
          if (warned != cases[c].warned)
            g_error ("%s, ends %s, dated %s: warned %d", releases[i], cases[c].expiry,
                     cases[c].date ? cases[c].date : "today", warned);
        }
    }
  /* Forms without an end date never say it. */
  {
    const EthosTemplate *tmpl = get ("informed-consent");
    g_autoptr(EthosFormValues) values = ethos_form_values_new (tmpl);
    g_auto(GStrv) warnings = NULL;

    set (values, "client_name", "Ana");
    options.blank = FALSE;
    warnings = ethos_form_get_warnings (tmpl, values, &options);
    g_assert_cmpuint (g_strv_length (warnings), ==, 0);
  }
}

static void
test_required_and_language (void)
{
  const EthosTemplate *tmpl = get ("release-of-information");
  g_autoptr(EthosFormValues) values = ethos_form_values_new (tmpl);
  EthosFormOptions options = { "en", ETHOS_PAPER_A4, FALSE, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosDocument) doc = NULL;

  set (values, "client_name", "Ana");
  doc = ethos_form_build (tmpl, values, &options, &error);
  g_assert_null (doc);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_assert_true (strstr (error->message, "roi_") != NULL);
  g_clear_error (&error);

  options.lang = "fr";
  options.blank = TRUE;
  doc = ethos_form_build (tmpl, values, &options, &error);
  g_assert_null (doc);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND);
}

/* The window words a refused value by its kind; required fields without a
 * value are listed in order; dates are typed as people type them. */
static void
test_problems_and_dates (void)
{
  const EthosTemplate *tmpl = get ("informed-consent");
  g_autoptr(EthosFormValues) values = ethos_form_values_new (tmpl);
  g_auto(GStrv) missing = NULL;
  EthosValueProblem problem = ETHOS_VALUE_OK;
  g_autoptr(GError) error = NULL;
  struct { const char *field, *value; EthosValueProblem kind; } cases[] = {
    { "client_dob", "next tuesday", ETHOS_VALUE_NOT_A_DATE },
    { "mandated", "maybe", ETHOS_VALUE_NOT_A_BOOLEAN },
    { "client_name", "Ana\nBob", ETHOS_VALUE_NOT_ONE_LINE },
    { "client_name", "Ana\u202eBob", ETHOS_VALUE_INVISIBLE_CHARACTER },
    { "shoe_size", "9", ETHOS_VALUE_UNKNOWN_FIELD },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_false (ethos_form_values_set_full (values, cases[i].field, cases[i].value,
                                                  &problem, &error));
      g_assert_nonnull (error);
      g_assert_cmpint (problem, ==, cases[i].kind);
      g_clear_error (&error);
    }
  g_assert_true (ethos_form_values_set_full (values, "client_name", "Ana", &problem, NULL));
  g_assert_cmpint (problem, ==, ETHOS_VALUE_OK);

  /* A date of the right form says what is wrong with it, not the date. */
  {
    struct { const char *value, *words; } dates[] = {
      { "next tuesday", "is not a date of the form YYYY-MM-DD" },
      { "1991-02-310", "is not a date of the form YYYY-MM-DD" },
      { "1991-02-31", "has no such day in that month" },
      { "1991-00-12", "has no such month" },
      { "1991-13-12", "has no such month" },
      { "1850-02-12", "a year outside 1900 to 2200" },
    };
    /* Written as a date (the kind), but not one: the window says "check the day". */
    const EthosValueProblem kinds[] = {
      ETHOS_VALUE_NOT_A_DATE, ETHOS_VALUE_NOT_A_DATE, ETHOS_VALUE_NO_SUCH_DATE,
      ETHOS_VALUE_NO_SUCH_DATE, ETHOS_VALUE_NO_SUCH_DATE, ETHOS_VALUE_NOT_A_DATE,
    };

    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      {
        g_assert_false (ethos_form_values_set_full (values, "client_dob", dates[i].value,
                                                    &problem, &error));
        g_assert_cmpint (problem, ==, kinds[i]);
        g_assert_nonnull (strstr (error->message, dates[i].words));
        g_assert_null (strstr (error->message, dates[i].value));
        g_clear_error (&error);
      }
    g_assert_true (ethos_form_values_set_full (values, "client_dob", "1992-02-29", &problem, NULL));
  }

  missing = ethos_form_values_get_missing (values);
  g_assert_cmpuint (g_strv_length (missing), ==, 0);
  ethos_form_values_clear (values);
  g_clear_pointer (&missing, g_strfreev);
  missing = ethos_form_values_get_missing (values);
  g_assert_cmpstrv (missing, ((const char *[]) { "client_name", NULL }));

  {
    g_autofree char *iso = ethos_form_date_from_input ("2014-05-05");
    g_autofree char *us = ethos_form_date_from_input ("12/01/2026");   /* C locale: m/d/y */
    g_autofree char *no_year = ethos_form_date_from_input ("12/01");
    g_autofree char *bad = ethos_form_date_from_input ("2026-02-30");
    g_autofree char *words = ethos_form_date_from_input ("yesterday");

    g_assert_cmpstr (iso, ==, "2014-05-05");
    g_assert_cmpstr (us, ==, "2026-12-01");
    g_assert_null (no_year);
    g_assert_null (bad);
    g_assert_null (words);
  }
  {
    struct { const char *text; EthosValueProblem kind; } typed[] = {
      { "2026-02-30", ETHOS_VALUE_NO_SUCH_DATE },
      { "31/02/2012", ETHOS_VALUE_NO_SUCH_DATE },    /* C locale: month 31 */
      { "02/30/2012", ETHOS_VALUE_NO_SUCH_DATE },
      { "yesterday", ETHOS_VALUE_NOT_A_DATE },
      { "12/01", ETHOS_VALUE_NOT_A_DATE },
      { "12/01/2026", ETHOS_VALUE_OK },
    };

    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        g_autofree char *date = ethos_form_date_from_input_full (typed[i].text, &problem);

        g_assert_cmpint (problem, ==, typed[i].kind);
        g_assert_true ((date != NULL) == (typed[i].kind == ETHOS_VALUE_OK));
      }
  }
}

/* Every built-in template builds in both languages, filled and blank, with
 * no placeholder left. */
static void
test_all_builtins (void)
{
  GPtrArray *list = ethos_template_store_list (store);
  const char *langs[] = { "en", "es" };

  for (guint i = 0; i < list->len; i++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      for (int blank = 0; blank <= 1; blank++)
        {
          const EthosTemplate *tmpl = ((EthosTemplateEntry *) list->pdata[i])->tmpl;
          g_autoptr(EthosFormValues) values = ethos_form_values_new (tmpl);
          g_autoptr(EthosDocument) doc = NULL;
          g_autofree char *text = NULL;

          for (guint f = 0; f < tmpl->fields->len; f++)
            {
              const EthosField *field = tmpl->fields->pdata[f];
              if (field->required)
                set (values, field->id, field->type == ETHOS_FIELD_DATE ? "2027-06-30" : "X Y");
            }
          doc = build (tmpl, values, langs[l], blank);
          text = ethos_document_get_all_text (doc);
          if (strchr (text, '{') != NULL || strchr (text, '}') != NULL)
            g_error ("%s/%s: a placeholder was left", tmpl->id, langs[l]);
          g_assert_cmpuint (count_blocks (doc, ETHOS_BLOCK_SIGNATURE), >=, 2);
        }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = ethos_test_init (&argc, &argv);
  g_autofree char *dir = ethos_paths_get_templates_dir ();
  g_autoptr(GError) error = NULL;
  int ret;

  store = ethos_template_store_new (dir, NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/form/values", test_values);
  g_test_add_func ("/form/dates", test_dates);
  g_test_add_func ("/form/filled-adult", test_filled_adult);
  g_test_add_func ("/form/minor-and-mandated", test_minor_and_mandated);
  g_test_add_func ("/form/blank", test_blank);
  g_test_add_func ("/form/required-and-language", test_required_and_language);
  g_test_add_func ("/form/expired-release", test_expired_release);
  g_test_add_func ("/form/all-builtins", test_all_builtins);
  g_test_add_func ("/form/problems-and-dates", test_problems_and_dates);
  ret = g_test_run ();
  ethos_template_store_free (store);
  return ret;
}
