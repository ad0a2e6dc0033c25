/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>

#include "ethos-form-html.h"
#include "ethos-form-job.h"
#include "ethos-paths.h"
#include "ethos-pdf-batch.h"
#include "ethos-template-store.h"
#include "ethos-test-utils.h"

/* What a careful reviewer of the built-in forms checks (issue 10): every
 * form, en and es, filled and blank, for an adult, a minor without a
 * guardian named, a minor with two guardians, a mandated client and a
 * sponsored coachee — read back from the PDF with poppler, and the step
 * between form builder and layout checked on the layout's ops. */

static char *tmp_dir;

static const char * const templates[] = {
  "coaching-agreement", "confidentiality-limits", "informed-consent", "release-of-information",
  "sud-records-consent", "telehealth-consent",
};

typedef enum { ADULT, MINOR_ALONE, MINOR_TWO_GUARDIANS, MANDATED, SPONSORED, N_CASES } Case;

static GHashTable *jobs;   /* template id → EthosFormJob, made once (fonts load once) */

static EthosFormJob *
make_job (const char *id)
{
  g_autofree char *dir = ethos_paths_get_templates_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosTemplateStore) store = ethos_template_store_new (dir, NULL, NULL, &error);
  const EthosTemplateEntry *entry;
  g_autoptr(GHashTable) agency = g_hash_table_new (g_str_hash, g_str_equal);
  EthosFormJob *job;

  g_assert_no_error (error);
  entry = ethos_template_store_lookup (store, id, &error);
  g_assert_no_error (error);
  job = ethos_form_job_new (entry->tmpl, &error);
  g_assert_no_error (error);
  g_hash_table_insert (agency, "agency_name", "Riverbend Community Services, Inc.");
  g_hash_table_insert (agency, "agency_phone", "(305) 555-0110");
  g_hash_table_insert (agency, "agency_address", "1200 Bayshore Drive\nMiami, FL 33131");
  g_hash_table_insert (agency, "complaints_contact", "Quality Office, (305) 555-0199");
  g_hash_table_insert (agency, "professional_body", "the Association for Coaching");
  ethos_form_job_set_defaults (job, agency);
  return job;
}

/* A reference to the template's shared job; tests that change a job's
 * defaults make their own with make_job(). */
static EthosFormJob *
new_job (const char *id)
{
  EthosFormJob *job = g_hash_table_lookup (jobs, id);

  if (job == NULL)
    {
      job = make_job (id);
      g_hash_table_insert (jobs, g_strdup (id), job);
    }
  return ethos_form_job_ref (job);
}

/* Sets @field when the template has it (guardian 2 is not on every form). */
static void
set_if (EthosFormValues *values,
        const char      *field,
        const char      *value)
{
  ethos_form_values_set (values, field, value, NULL);
}

/* The values of one case; fields a template lacks are skipped. */
static EthosFormValues *
values_for (EthosFormJob *job,
            Case          c)
{
  EthosTemplate *tmpl = ethos_form_job_get_template (job);
  EthosFormValues *values = ethos_form_values_new (tmpl);
  struct { const char *field, *value; } common[] = {
    { "professional_name", "Dana Reyes" }, { "professional_credentials", "LMHC" },
    { "roi_recipient", "Bayview Clinic" }, { "roi_information", "Attendance and progress" },
    { "roi_purpose", "Coordinating care" }, { "roi_expiry", "2027-06-30" },
    { "sud_information", "Attendance and test results" }, { "fees", "$40 per session" },
    { "session_length", "50 minutes" }, { "contract_duration", "six months" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    if (ethos_template_get_field (tmpl, common[i].field) != NULL)
      g_assert_true (ethos_form_values_set (values, common[i].field, common[i].value, NULL));
  g_assert_true (ethos_form_values_set (values, "client_name",
                                        c == MINOR_ALONE ? "Lucía Pérez" : "Ana Gómez", NULL));
  if (c == MINOR_ALONE || c == MINOR_TWO_GUARDIANS)
    g_assert_true (ethos_form_values_set (values, "client_dob", "2014-05-05", NULL));
  if (c == MINOR_TWO_GUARDIANS)
    {
      set_if (values, "guardian1_name", "Rosa Gómez");
      set_if (values, "guardian1_relationship", "mother");
      set_if (values, "guardian2_name", "Luis Gómez");
      set_if (values, "guardian2_relationship", "father");
    }
  if (c == MANDATED && ethos_template_get_field (tmpl, "mandated") != NULL)
    {
      set_if (values, "mandated", "true");
      set_if (values, "referring_authority", "Miami-Dade Drug Court");
    }
  if (c == SPONSORED && ethos_template_get_field (tmpl, "sponsor_name") != NULL)
    {
      set_if (values, "sponsor_name", "Acme Logistics");
      set_if (values, "sponsor_contact", "HR, (305) 555-0177");
      set_if (values, "sponsor_reporting", "Only attendance and progress toward the goals.");
    }
  return values;
}

static GDate *
today (void)
{
  return g_date_new_dmy (1, G_DATE_DECEMBER, 2026);
}

typedef struct
{
  EthosFormPages *pages;
  GPtrArray      *page_text;   /* char *, poppler's text of each page */
} Printed;

static void
printed_clear (Printed *p)
{
  g_clear_pointer (&p->pages, ethos_form_pages_free);
  g_clear_pointer (&p->page_text, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Printed, printed_clear)

static GPtrArray *
read_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_ptr_array_add (pages, ethos_test_collapse_space (text));
      g_object_unref (page);
    }
  g_object_unref (pdf);
  return pages;
}

/* Lays the form out (for the ops) and writes it (for poppler). */
static void
print_form (const char *id,
            Case        c,
            const char *lang,
            gboolean    blank,
            Printed    *out)
{
  g_autoptr(EthosFormJob) job = new_job (id);
  g_autoptr(EthosFormValues) values = blank ? ethos_form_values_new (ethos_form_job_get_template (job))
                                            : values_for (job, c);
  g_autoptr(GDate) date = today ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "form.pdf", NULL);
  EthosFormRequest request = { .lang = lang, .paper = ETHOS_PAPER_LETTER, .blank = blank,
                               .today = date };

  out->pages = ethos_form_job_lay_out (job, values, &request, &error);
  g_assert_no_error (error);
  g_assert_true (ethos_pdf_write_form (job, values, &request, path, &error));
  g_assert_no_error (error);
  out->page_text = read_pdf (path);
}

static gboolean
page_has (Printed    *p,
          guint       page,
          const char *needle)
{
  return strstr (g_ptr_array_index (p->page_text, page), needle) != NULL;
}

static gboolean
form_has (Printed    *p,
          const char *needle)
{
  for (guint i = 0; i < p->page_text->len; i++)
    if (page_has (p, i, needle))
      return TRUE;
  return FALSE;
}

/* Item 1: a minor always has a parent/guardian block, with a line for the
 * name when none is named; the form's warnings say so. */
static void
test_minor_guardian_block (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    for (guint l = 0; l < 2; l++)
      {
        const char *lang = l == 0 ? "en" : "es";
        g_auto(Printed) p = { 0 };
        g_autoptr(EthosFormJob) job = new_job (templates[t]);
        g_autoptr(EthosFormValues) values = values_for (job, MINOR_ALONE);
        g_autoptr(GDate) date = today ();
        EthosFormOptions options = { .lang = lang, .today = date };
        g_auto(GStrv) warnings = ethos_form_get_warnings (ethos_form_job_get_template (job),
                                                          values, &options);

        print_form (templates[t], MINOR_ALONE, lang, FALSE, &p);
        if (!form_has (&p, l == 0 ? "Parent, guardian or legal representative"
                                  : "Madre, padre, tutor o representante legal"))
          g_error ("%s (%s): a minor's form has no parent/guardian block", templates[t], lang);
        g_assert_nonnull (warnings[0]);
        g_assert_nonnull (strstr (warnings[0], "no parent or guardian"));
      }
}

/* Item 2, the seam: each clause the blank form marks "Applies" gets a
 * drawn box, on the same block, and no box glyph is printed. */
static void
test_blank_boxes (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    {
      g_auto(Printed) p = { 0 };
      EthosDocument *doc;
      EthosLayout *layout;
      guint notes = 0, boxes = 0;

      print_form (templates[t], ADULT, "en", TRUE, &p);
      doc = ethos_form_pages_get_document (p.pages);
      layout = ethos_form_pages_get_layout (p.pages);
      for (guint b = 0; b < doc->blocks->len; b++)
        {
          const EthosBlock *block = doc->blocks->pdata[b];
          guint on_block = 0;

          if (block->kind != ETHOS_BLOCK_HEADING || block->note == NULL)
            continue;
          notes++;
          g_assert_true (block->has_box);
          for (guint pg = 0; pg < ethos_layout_get_n_pages (layout); pg++)
            {
              guint n;
              const EthosOp *ops = ethos_layout_get_ops (layout, pg, &n);

              for (guint k = 0; k < n; k++)
                on_block += ops[k].block == b && ops[k].kind == ETHOS_OP_RECT &&
                            ops[k].role == ETHOS_ROLE_CHECKBOX;
            }
          g_assert_cmpuint (on_block, ==, 1);
          boxes += on_block;
        }
      g_assert_cmpuint (boxes, ==, notes);
      g_assert_false (form_has (&p, "☐"));
      if (g_str_equal (templates[t], "informed-consent"))
        g_assert_cmpuint (notes, >=, 3);
    }
}

/* Item 3: a multi-line field left blank gets several full-width lines. */
static void
test_multiline_blanks (void)
{
  g_auto(Printed) p = { 0 };
  EthosLayout *layout;
  double page_w, content_w;
  guint wide = 0;

  print_form ("release-of-information", ADULT, "en", TRUE, &p);
  layout = ethos_form_pages_get_layout (p.pages);
  ethos_layout_get_page_size (layout, &page_w, NULL);
  content_w = page_w - 2 * 54;
  for (guint pg = 0; pg < ethos_layout_get_n_pages (layout); pg++)
    {
      guint n;
      const EthosOp *ops = ethos_layout_get_ops (layout, pg, &n);

      for (guint k = 0; k < n; k++)
        wide += ops[k].kind == ETHOS_OP_LINE && ops[k].role == ETHOS_ROLE_BLANK &&
                ops[k].x2 - ops[k].x >= content_w * 0.95;
    }
  /* roi_information and roi_purpose: four writing lines each. */
  g_assert_cmpuint (wide, >=, 8);
  g_assert_true (form_has (&p, "Information that may be shared"));
}

/* Items 6, 9: no "Inc.'s" or "Inc..", and the Spanish reviewed wording. */
static void
check_wording (Printed    *p,
               const char *id,
               const char *lang,
               Case        c)
{
  const char *never_en[] = { "Inc..", "Inc.'s", "Inc.’s", "Services's", NULL };
  const char *never_es[] = { "Inc..", "disponga otra cosa", "guardar esa información",
                             "en una crisis", "Segundo padre", "debe estar cerca", NULL };
  const char **never = g_str_equal (lang, "en") ? never_en : never_es;

  for (guint i = 0; never[i] != NULL; i++)
    if (form_has (p, never[i]))
      g_error ("%s (%s, case %d) prints “%s”", id, lang, c, never[i]);
}

/* Item 4: the clause that introduces the signatures is on the page of the
 * first signature block, and every page with signatures names the form and
 * the client. */
static void
check_signature_pages (const char *id,
                       Case        c,
                       const char *lang,
                       gboolean    blank)
{
  g_auto(Printed) p = { 0 };
  EthosDocument *doc;
  EthosLayout *layout;
  guint first_sig = G_MAXUINT, intro = G_MAXUINT, sig_page = G_MAXUINT, intro_page = G_MAXUINT;

  print_form (id, c, lang, blank, &p);
  check_wording (&p, id, lang, c);
  doc = ethos_form_pages_get_document (p.pages);
  layout = ethos_form_pages_get_layout (p.pages);
  for (guint b = 0; b < doc->blocks->len; b++)
    {
      const EthosBlock *block = doc->blocks->pdata[b];

      if (block->kind == ETHOS_BLOCK_HEADING && first_sig == G_MAXUINT)
        intro = b;
      if (block->kind == ETHOS_BLOCK_SIGNATURE && first_sig == G_MAXUINT)
        first_sig = b;
    }
  for (guint pg = 0; pg < ethos_layout_get_n_pages (layout); pg++)
    {
      guint n;
      const EthosOp *ops = ethos_layout_get_ops (layout, pg, &n);
      gboolean has_sig = FALSE;

      for (guint k = 0; k < n; k++)
        {
          if (ops[k].block == intro && intro_page == G_MAXUINT)
            intro_page = pg;
          if (ops[k].block != ETHOS_LAYOUT_NO_BLOCK &&
              ((EthosBlock *) doc->blocks->pdata[ops[k].block])->kind == ETHOS_BLOCK_SIGNATURE)
            has_sig = TRUE;
          if (ops[k].block == first_sig && sig_page == G_MAXUINT)
            sig_page = pg;
        }
      if (has_sig)
        {
          if (!page_has (&p, pg, doc->title))
            g_error ("%s %s case %d: page %u has signatures but no form title", id, lang, c, pg + 1);
          if (!blank && !page_has (&p, pg, c == MINOR_ALONE ? "Lucía Pérez" : "Ana Gómez"))
            g_error ("%s %s case %d: page %u has signatures but not the client's name", id, lang,
                     c, pg + 1);
        }
    }
  if (intro_page != sig_page)
    g_error ("%s %s case %d: “%s” is on page %u, the first signature on page %u", id, lang, c,
             ((EthosSpan *) ((EthosBlock *) doc->blocks->pdata[intro])->spans->pdata[0])->text,
             intro_page + 1, sig_page + 1);
}

/* Every built-in form, en and es, filled for each case and blank. */
static void
test_signatures_and_wording (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    for (guint l = 0; l < 2; l++)
      {
        for (Case c = 0; c < N_CASES; c++)
          check_signature_pages (templates[t], c, l == 0 ? "en" : "es", FALSE);
        check_signature_pages (templates[t], ADULT, l == 0 ? "en" : "es", TRUE);
      }
  {
    g_auto(Printed) p = { 0 };

    print_form ("informed-consent", MINOR_TWO_GUARDIANS, "es", FALSE, &p);
    g_assert_true (form_has (&p, "Otro padre, madre, tutor o representante legal"));
  }
}

/* Items 10–13: what the forms say. */
static void
test_content (void)
{
  g_auto(Printed) consent = { 0 };
  g_auto(Printed) mandated = { 0 };
  g_auto(Printed) limits = { 0 };
  g_auto(Printed) coaching = { 0 };
  g_auto(Printed) plain = { 0 };

  print_form ("informed-consent", ADULT, "en", FALSE, &consent);
  g_assert_true (form_has (&consent, "Benefits, risks and other choices"));
  g_assert_true (form_has (&consent, "no services at all"));
  g_assert_true (form_has (&consent, "treatment team"));
  g_assert_true (form_has (&consent, "insurer"));

  print_form ("informed-consent", MANDATED, "en", FALSE, &mandated);
  g_assert_true (form_has (&mandated, "release of information"));
  g_assert_true (form_has (&mandated, "You may refuse to sign it"));
  print_form ("confidentiality-limits", MANDATED, "en", FALSE, &limits);
  g_assert_true (form_has (&limits, "needs my written permission"));

  print_form ("coaching-agreement", SPONSORED, "en", FALSE, &coaching);
  g_assert_true (form_has (&coaching, "Only attendance and progress toward the goals."));
  g_assert_true (form_has (&coaching, "Acme Logistics is a party to this agreement"));
  g_assert_true (form_has (&coaching, "Sponsor"));
  g_assert_true (form_has (&coaching, "member of the Association for Coaching"));
  g_assert_false (form_has (&coaching, "belongs to a professional"));

  /* Without a sponsor, no sponsor block. */
  print_form ("coaching-agreement", ADULT, "en", FALSE, &plain);
  g_assert_false (form_has (&plain, "Acme Logistics"));
}

/* Item 7: the agency's numbers and per-language values. */
static void
test_agency_values (void)
{
  g_autoptr(EthosFormJob) job = make_job ("telehealth-consent");
  g_autoptr(GHashTable) es = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) en = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(EthosFormValues) values = values_for (job, ADULT);
  g_autoptr(GDate) date = today ();
  EthosFormRequest request = { .lang = "en", .today = date };
  g_autoptr(EthosFormPages) pages = NULL;
  g_autoptr(EthosFormPages) pages_es = NULL;
  g_autofree char *text = NULL, *text_es = NULL;

  pages = ethos_form_job_lay_out (job, values, &request, NULL);
  text = ethos_document_get_all_text (ethos_form_pages_get_document (pages));
  /* US defaults where the wording had them. */
  g_assert_nonnull (strstr (text, "988"));
  g_assert_nonnull (strstr (text, "911"));
  g_assert_nonnull (strstr (text, "5 minutes"));
  g_clear_pointer (&pages, ethos_form_pages_free);
  g_clear_pointer (&text, g_free);

  g_hash_table_insert (en, "reconnect_time", "10 minutes");
  g_hash_table_insert (es, "reconnect_time", "10 minutos");
  g_hash_table_insert (es, "crisis_line", "024");
  ethos_form_job_set_lang_defaults (job, "en", en);
  ethos_form_job_set_lang_defaults (job, "es", es);
  pages = ethos_form_job_lay_out (job, values, &request, NULL);
  text = ethos_document_get_all_text (ethos_form_pages_get_document (pages));
  request.lang = "es";
  pages_es = ethos_form_job_lay_out (job, values, &request, NULL);
  text_es = ethos_document_get_all_text (ethos_form_pages_get_document (pages_es));
  g_assert_nonnull (strstr (text, "10 minutes"));
  g_assert_nonnull (strstr (text_es, "10 minutos"));
  g_assert_null (strstr (text_es, "10 minutes"));
  /* The form uses its language's value, else the other. */
  g_assert_nonnull (strstr (text_es, "024"));
  g_assert_nonnull (strstr (text, "024"));
}

/* Large print: body 18 pt, footer at least 12 pt, from the same engine. */
static double
size_of (const char *path,
         const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);
  double found = 0;

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf) && found == 0; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      PopplerRectangle *rects = NULL;
      guint n_rects = 0;
      const char *at = strstr (text, needle);

      if (at != NULL && poppler_page_get_text_layout (page, &rects, &n_rects))
        {
          glong index = g_utf8_pointer_to_offset (text, at);

          /* The height of the word's first letter box, in points. */
          if ((guint) index < n_rects)
            found = rects[index].y2 - rects[index].y1;
        }
      g_free (rects);
      g_object_unref (page);
    }
  g_object_unref (pdf);
  return found;
}

static void
test_large_print (void)
{
  g_autoptr(EthosFormJob) job = new_job ("informed-consent");
  g_autoptr(EthosFormValues) values = values_for (job, ADULT);
  g_autoptr(GDate) date = today ();
  g_autofree char *normal = g_build_filename (tmp_dir, "normal.pdf", NULL);
  g_autofree char *large = g_build_filename (tmp_dir, "large.pdf", NULL);
  EthosFormRequest request = { .lang = "en", .today = date };
  double body, body_large, footer, footer_large;
  guint pages_normal, pages_large;

  g_assert_true (ethos_pdf_write_form (job, values, &request, normal, NULL));
  request.large_print = TRUE;
  g_assert_true (ethos_pdf_write_form (job, values, &request, large, NULL));

  body = size_of (normal, "Taking part in services");
  body_large = size_of (large, "Taking part in services");
  footer = size_of (normal, "informed-consent 1.0");
  footer_large = size_of (large, "informed-consent 1.0");
  g_assert_cmpfloat (body, >, 0);
  /* Poppler's letter boxes are about 0.93 em of Helvetica: the normal body
   * is 10 pt and the footer 7.5 pt, so the ratios give the sizes. */
  g_assert_cmpfloat (body, >=, 10 * 0.9);
  g_assert_cmpfloat (body, <=, 10 * 1.2);
  g_assert_cmpfloat_with_epsilon (10 * body_large / body, 18, 0.5);
  g_assert_cmpfloat (7.5 * footer_large / footer, >=, 12 - 0.3);

  {
    g_autoptr(GPtrArray) a = read_pdf (normal);
    g_autoptr(GPtrArray) b = read_pdf (large);

    pages_normal = a->len;
    pages_large = b->len;
  }
  g_assert_cmpuint (pages_large, >, pages_normal);
}

int
main (int    argc,
      char **argv)
{
  int status;

  tmp_dir = ethos_test_init (&argc, &argv);
  jobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) ethos_form_job_unref);
  g_test_add_func ("/review/minor-guardian-block", test_minor_guardian_block);
  g_test_add_func ("/review/blank-boxes", test_blank_boxes);
  g_test_add_func ("/review/multiline-blanks", test_multiline_blanks);
  g_test_add_func ("/review/signatures-and-wording", test_signatures_and_wording);
  g_test_add_func ("/review/content", test_content);
  g_test_add_func ("/review/agency-values", test_agency_values);
  g_test_add_func ("/review/large-print", test_large_print);
  status = g_test_run ();
  g_hash_table_unref (jobs);
  g_free (tmp_dir);
  return status;
}
