/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ethos-corpus.h"
#include "ethos-error.h"
#include "ethos-paths.h"
#include "ethos-test-utils.h"

static EthosCorpus *corpus;

static guint
count_refs (const char *code,
            gboolean    top_level)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = ethos_corpus_list_items (corpus, code, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    if (!top_level || ((EthosItem *) items->pdata[i])->depth == 0)
      n++;
  return n;
}

static void
test_codes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codes = ethos_corpus_list_codes (corpus, &error);
  const EthosCodeInfo *nohs, *coaching;

  g_assert_no_error (error);
  g_assert_cmpuint (codes->len, ==, 4);
  nohs = codes->pdata[0];
  coaching = codes->pdata[1];
  g_assert_cmpstr (nohs->id, ==, "nohs");
  g_assert_cmpstr (coaching->id, ==, "coaching");
  g_assert_cmpstr (((EthosCodeInfo *) codes->pdata[2])->id, ==, "cesp");
  g_assert_cmpstr (((EthosCodeInfo *) codes->pdata[3])->id, ==, "oesc");

  g_assert_cmpstr (nohs->title, ==, "Ethical Standards for Human Services Professionals");
  g_assert_cmpstr (nohs->publisher, ==, "National Organization for Human Services");
  g_assert_cmpstr (nohs->edition, ==, "2024");
  g_assert_cmpint (nohs->year, ==, 2024);
  g_assert_true (g_str_has_prefix (nohs->notice, "Copyright © 2024 National Organization"));
  g_assert_true (strstr (nohs->notice, "reproduced in its entirety") != NULL);

  /* The other seeds state no year and no notice: never invented. */
  for (guint i = 1; i < codes->len; i++)
    {
      const EthosCodeInfo *c = codes->pdata[i];
      g_assert_null (c->edition);
      g_assert_cmpint (c->year, ==, 0);
      g_assert_null (c->notice);
    }
  /* The web page's footer is not the coaching code's notice or publisher. */
  g_assert_true (coaching->publisher == NULL || strstr (coaching->publisher, "Burfield") == NULL);
  /* Our own numbering is said to be ours. */
  g_assert_nonnull (((EthosCodeInfo *) codes->pdata[2])->numbering_note);
  g_assert_nonnull (((EthosCodeInfo *) codes->pdata[3])->numbering_note);
}

static void
test_counts (void)
{
  g_assert_cmpuint (count_refs ("nohs", FALSE), ==, 44);
  g_assert_cmpuint (count_refs ("coaching", FALSE), ==, 47);
  g_assert_cmpuint (count_refs ("cesp", FALSE), ==, 16);
  /* P1–P6, I.1–I.7, 11 sub-items, II.1–II.4 */
  g_assert_cmpuint (count_refs ("oesc", TRUE), ==, 6 + 7 + 4);
  g_assert_cmpuint (count_refs ("oesc", FALSE), ==, 6 + 7 + 11 + 4);
}

static void
test_refs_in_order (void)
{
  static const char * const oesc[] = {
    "P1", "P2", "P3", "P4", "P5", "P6", "I.1", "I.2", "I.3", "I.4", "I.4.a", "I.4.b", "I.4.c",
    "I.5", "I.5.a", "I.5.b", "I.6", "I.6.a", "I.6.b", "I.7", "I.7.a", "I.7.b", "I.7.c", "I.7.d",
    "II.1", "II.2", "II.3", "II.4",
  };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) coaching = NULL;
  guint i = 0;

  items = ethos_corpus_list_items (corpus, "oesc", NULL);
  for (i = 0; i < G_N_ELEMENTS (oesc); i++)
    g_assert_cmpstr (((EthosItem *) items->pdata[i])->ref, ==, oesc[i]);

  coaching = ethos_corpus_list_items (corpus, "coaching", NULL);
  i = 0;
  for (int section = 1; section <= 3; section++)
    {
      int n = section == 1 ? 23 : section == 2 ? 14 : 10;
      for (int k = 1; k <= n; k++, i++)
        {
          g_autofree char *ref = g_strdup_printf ("%d.%d", section, k);
          g_assert_cmpstr (((EthosItem *) coaching->pdata[i])->ref, ==, ref);
        }
    }
}

static void
test_sections (void)
{
  g_autoptr(GPtrArray) nohs = ethos_corpus_list_sections (corpus, "nohs", NULL);
  g_autoptr(GPtrArray) cesp = ethos_corpus_list_sections (corpus, "cesp", NULL);
  g_autoptr(GPtrArray) coaching = ethos_corpus_list_sections (corpus, "coaching", NULL);
  g_autoptr(EthosItem) n22 = ethos_corpus_get_item (corpus, "nohs", "22", NULL);
  g_autoptr(EthosItem) c19 = ethos_corpus_get_item (corpus, "coaching", "1.9", NULL);
  g_autoptr(EthosItem) p3 = ethos_corpus_get_item (corpus, "cesp", "3.8", NULL);

  g_assert_cmpuint (nohs->len, ==, 7);
  g_assert_cmpuint (cesp->len, ==, 3);
  g_assert_cmpuint (coaching->len, ==, 3 + 14);
  g_assert_cmpstr (n22->section, ==, "Responsibility to Employers");
  g_assert_cmpstr (c19->section, ==, "Confidentiality");
  g_assert_cmpstr (p3->section, ==, "Section 3: Professional Performance");
}

static void
assert_text (const char *code,
             const char *ref,
             const char *heading,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosItem) item = ethos_corpus_get_item (corpus, code, ref, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (item->heading, ==, heading);
  g_assert_cmpstr (item->text, ==, text);
}

/* Expected strings typed from the published texts, not read from our files. */
static void
test_sample_texts (void)
{
  assert_text ("nohs", "1", NULL,
               "Human service professionals recognize and build on client and community "
               "strengths.");
  assert_text ("nohs", "9", NULL,
               "When providing services through the use of technology, human service "
               "professionals take precautions to ensure and maintain confidentiality and comply "
               "with all relevant laws and requirements regarding storing, transmitting, and "
               "retrieving data. In addition, human service professionals ensure that clients "
               "are aware of any issues and concerns related to confidentiality, service issues, "
               "and how technology might negatively or positively impact the helping "
               "relationship.");
  assert_text ("nohs", "22", NULL,
               "Human service professionals honor their commitments to employers to the fullest "
               "extent possible.");
  assert_text ("coaching", "1.5", NULL,
               "We will ensure that the duration of the contract is appropriate to achieve the "
               "client’s and sponsor’s goals and will actively work to avoid the client’s "
               "dependency.");
  assert_text ("coaching", "1.23", NULL,
               "We understand that our professional responsibilities continue beyond the "
               "termination of any professional relationship. These include:\n"
               "· Maintenance of agreed confidentiality of all information relating to clients "
               "and sponsors.\n"
               "· Safe and secure maintenance of all related records and data.\n"
               "· Avoidance of any exploitation of the former relationship, which could otherwise "
               "call into question the professionalism or integrity of the member or the "
               "professional community.\n"
               "· Provision of any follow-up that has been agreed to.");
  assert_text ("coaching", "3.10", NULL,
               "We will systematically evaluate the quality of our work e.g. through feedback "
               "from clients and other relevant parties.");
  assert_text ("cesp", "2.3", NULL,
               "Keep confidential all CESP™ examination information; including preventing "
               "unauthorized disclosures of exam information.");
  assert_text ("cesp", "3.4", NULL,
               "Recognize the limitations of one’s professional ability (based on education, "
               "knowledge, skills, experience, etc.) and provide services only when qualified "
               "to do so.");
  assert_text ("oesc", "P4", NULL, "Each customer has the right to privacy.");
  assert_text ("oesc", "I.4.a", "Dual Relationships",
               "Professionals, who are in a position of power, decision-making and/or influence "
               "over a customer, do not engage in extra-organizational interpersonal "
               "relationships with customers so as to avoid any real or potential harm or "
               "exploitation of the customer.");
  assert_text ("oesc", "I.5.b", "Duty to Warn",
               "Refer to \"Emergency Procedures\" in OESC's Emergency Operations Guide.");
  assert_text ("oesc", "I.7.d", NULL,
               "a follow-up of customer use of a computer application is provided to correct "
               "possible misconceptions, discover inappropriate use and access subsequent needs.");
  assert_text ("oesc", "II.4", "Professional Development",
               "Professionals demonstrate a positive commitment to continuous professional "
               "development in order to increase or enhance their knowledge, skills and/or "
               "competencies. Members participate in performance appraisal process in a "
               "positive manner.");
}

static void
test_every_item_has_topics (void)
{
  g_autoptr(GPtrArray) codes = ethos_corpus_list_codes (corpus, NULL);
  g_autoptr(GPtrArray) topics = ethos_corpus_list_topics (corpus, NULL);

  for (guint c = 0; c < codes->len; c++)
    {
      const EthosCodeInfo *code = codes->pdata[c];
      g_autoptr(GPtrArray) items = ethos_corpus_list_items (corpus, code->id, NULL);

      g_assert_cmpuint (items->len, ==, code->n_items);
      for (guint i = 0; i < items->len; i++)
        {
          const EthosItem *item = items->pdata[i];
          if (g_strv_length (item->topics) == 0)
            g_error ("%s %s has no topic", item->code, item->ref);
        }
    }
  /* Every topic is used, and the core ones cross codes. */
  for (guint t = 0; t < topics->len; t++)
    g_assert_cmpuint (((EthosTopic *) topics->pdata[t])->n_items, >, 0);
}

static void
test_topics_cross_codes (void)
{
  static const char * const crossing[] = {
    "informed-consent", "confidentiality", "limits-of-confidentiality", "dual-relationships",
    "conflicts-of-interest", "competence", "non-discrimination",
  };

  for (guint t = 0; t < G_N_ELEMENTS (crossing); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) items = ethos_corpus_items_for_topic (corpus, crossing[t], &error);
      g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_no_error (error);
      for (guint i = 0; i < items->len; i++)
        g_hash_table_add (codes, ((EthosItem *) items->pdata[i])->code);
      if (g_hash_table_size (codes) < 2)
        g_error ("topic %s is in only one code", crossing[t]);
    }

  {
    g_autoptr(GPtrArray) items = ethos_corpus_items_for_topic (corpus, "dual-relationships",
                                                               NULL);
    gboolean nohs5 = FALSE, oesc4a = FALSE;
    for (guint i = 0; i < items->len; i++)
      {
        const EthosItem *item = items->pdata[i];
        nohs5 |= g_str_equal (item->code, "nohs") && g_str_equal (item->ref, "5");
        oesc4a |= g_str_equal (item->code, "oesc") && g_str_equal (item->ref, "I.4.a");
      }
    g_assert_true (nohs5 && oesc4a);
  }
}

static void
test_front_matter (void)
{
  g_autoptr(GPtrArray) nohs = ethos_corpus_list_front_matter (corpus, "nohs", NULL);
  g_autoptr(GPtrArray) oesc = ethos_corpus_list_front_matter (corpus, "oesc", NULL);
  const EthosFrontMatterEntry *preamble = nohs->pdata[0];

  g_assert_cmpuint (nohs->len, >=, 2);
  g_assert_cmpstr (preamble->heading, ==, "Preamble");
  g_assert_true (g_str_has_prefix (preamble->text, "The field of human services is broadly"));
  g_assert_cmpuint (oesc->len, >=, 2);
}

static void
test_not_found (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosItem) item = ethos_corpus_get_item (corpus, "nohs", "45", &error);
  g_autoptr(EthosItem) item2 = NULL;

  g_assert_null (item);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND);
  g_assert_true (strstr (error->message, "1 to 44") != NULL);
  g_clear_error (&error);

  item2 = ethos_corpus_get_item (corpus, "apa", "1", &error);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND);
  g_assert_true (strstr (error->message, "nohs, coaching, cesp, oesc") != NULL);
}

static char *
refs_of (GPtrArray *items)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (s, "%s%s %s", i ? "," : "", ((EthosItem *) items->pdata[i])->code,
                            ((EthosItem *) items->pdata[i])->ref);
  return g_string_free (s, FALSE);
}

static void
test_find_ref (void)
{
  struct { const char *input, *expect; } cases[] = {
    { "nohs 3", "nohs 3" },
    { "NOHS Standard 3", "nohs 3" },
    { "standard 3", "nohs 3" },
    { "3", "nohs 3" },
    { "1.11", "coaching 1.11" },
    { "1.1", "coaching 1.1,cesp 1.1" },
    { "cesp 1.1", "cesp 1.1" },
    { "I.5.a", "oesc I.5.a" },
    { "i.5.a", "oesc I.5.a" },
    { "p4", "oesc P4" },
    { "clause 1.11.", "coaching 1.11" },
    { "nohs 45", "" },
    { "dual relationships", "" },
    { "", "" },
    { "nohs", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = ethos_corpus_find_ref (corpus, cases[i].input, &error);
      g_autofree char *got = NULL;

      g_assert_no_error (error);
      got = refs_of (found);
      if (!g_str_equal (got, cases[i].expect))
        g_error ("find_ref (“%s”) = “%s”, expected “%s”", cases[i].input, got, cases[i].expect);
    }
}

static void
test_citation (void)
{
  g_autoptr(EthosItem) n3 = ethos_corpus_get_item (corpus, "nohs", "3", NULL);
  g_autoptr(EthosCodeInfo) nohs = ethos_corpus_get_code (corpus, "nohs", NULL);
  g_autoptr(EthosItem) c111 = ethos_corpus_get_item (corpus, "coaching", "1.11", NULL);
  g_autoptr(EthosCodeInfo) coaching = ethos_corpus_get_code (corpus, "coaching", NULL);
  g_autofree char *s1 = ethos_item_format_citation (n3, nohs, ETHOS_CITATION_SHORT);
  g_autofree char *f1 = ethos_item_format_citation (n3, nohs, ETHOS_CITATION_FULL);
  g_autofree char *f2 = ethos_item_format_citation (c111, coaching, ETHOS_CITATION_FULL);

  g_assert_cmpstr (s1, ==, "NOHS (2024), Standard 3");
  g_assert_cmpstr (f1, ==, "National Organization for Human Services. (2024). Ethical Standards "
                   "for Human Services Professionals, Standard 3.");
  g_assert_cmpstr (f2, ==, "Global Code of Ethics. (n.d.). Clause 1.11.");
}

/* Topic labels are Ethos's words: shown in the user's language. */
static void
test_topic_translations (void)
{
  g_autoptr(EthosTopic) es = NULL;
  g_autoptr(EthosTopic) en = NULL;
  g_autoptr(GPtrArray) all = NULL;

  ethos_corpus_set_language (corpus, "es");
  es = ethos_corpus_get_topic (corpus, "informed-consent", NULL);
  all = ethos_corpus_list_topics (corpus, NULL);
  ethos_corpus_set_language (corpus, NULL);
  en = ethos_corpus_get_topic (corpus, "informed-consent", NULL);

  g_assert_cmpstr (es->label, ==, "Consentimiento informado");
  g_assert_cmpstr (en->label, ==, "Informed consent");
  /* Every topic is translated: none falls back to English. */
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(EthosTopic) original = NULL;
      const EthosTopic *t = all->pdata[i];
      original = ethos_corpus_get_topic (corpus, t->id, NULL);
      if (g_str_equal (original->label, t->label))
        g_error ("topic %s has no Spanish label", t->id);
    }
}

static void
test_open_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ethos-corpus-XXXXXX", NULL);
  g_autofree char *junk = ethos_test_write_file (dir, "junk.db", "this is not sqlite at all, "
                                                 "padding padding padding padding padding");
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  EthosCorpus *c;

  c = ethos_corpus_open (missing, &error);
  g_assert_null (c);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_IO);
  g_clear_error (&error);

  c = ethos_corpus_open (junk, &error);
  g_assert_null (c);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_DATABASE);
  g_assert_true (strstr (error->message, "damaged") != NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = ethos_test_init (&argc, &argv);
  g_autofree char *path = ethos_paths_get_corpus_file ();
  g_autoptr(GError) error = NULL;
  int ret;

  corpus = ethos_corpus_open (path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/corpus/codes", test_codes);
  g_test_add_func ("/corpus/counts", test_counts);
  g_test_add_func ("/corpus/refs-in-order", test_refs_in_order);
  g_test_add_func ("/corpus/sections", test_sections);
  g_test_add_func ("/corpus/sample-texts", test_sample_texts);
  g_test_add_func ("/corpus/every-item-has-topics", test_every_item_has_topics);
  g_test_add_func ("/corpus/topics-cross-codes", test_topics_cross_codes);
  g_test_add_func ("/corpus/front-matter", test_front_matter);
  g_test_add_func ("/corpus/not-found", test_not_found);
  g_test_add_func ("/corpus/find-ref", test_find_ref);
  g_test_add_func ("/corpus/citation", test_citation);
  g_test_add_func ("/corpus/topic-translations", test_topic_translations);
  g_test_add_func ("/corpus/open-errors", test_open_errors);
  ret = g_test_run ();
  ethos_corpus_free (corpus);
  return ret;
}
