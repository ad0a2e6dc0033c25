/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <sys/stat.h>

#include "ethos-error.h"
#include "ethos-fonts.h"
#include "ethos-paths.h"
#include "ethos-pdf-painter.h"
#include "ethos-sheet.h"
#include "ethos-test-utils.h"

/* Printed sheets of the codes (sheets/ethos-sheet.c), written with the
 * libharu painter and read back with poppler. */

static EthosCorpus *corpus;
static EthosFonts *fonts;
static char *tmp_dir;

static const EthosSheetOptions letter = { ETHOS_PAPER_LETTER, "en", FALSE };

/* Writes @doc as a PDF file and returns its text, whitespace collapsed. */
static char *
pdf_text (EthosDocument *doc,
          const char    *name,
          guint         *n_pages)
{
  g_autoptr(EthosDocument) owned = doc;
  g_autoptr(EthosLayout) layout = NULL;
  PopplerDocument *pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *uri = NULL;
  GString *out = g_string_new (NULL);
  GStatBuf st;
  char *collapsed;

  g_assert_nonnull (doc);
  layout = ethos_layout_new (doc, fonts, &error);
  g_assert_no_error (error);
  g_assert_true (ethos_pdf_write_file (layout, doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  uri = g_filename_to_uri (path, NULL, NULL);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_object_unref (page);
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
  if (n_pages != NULL)
    *n_pages = (guint) poppler_document_get_n_pages (pdf);
  /* The title in the metadata names what was printed, nothing else. */
  {
    g_autofree char *title = poppler_document_get_title (pdf);
    g_assert_cmpstr (title, ==, doc->title);
  }
  g_object_unref (pdf);
  collapsed = ethos_test_collapse_space (out->str);
  g_string_free (out, TRUE);
  return collapsed;
}

static char *
collapsed_item_text (const char *code,
                     const char *ref)
{
  g_autoptr(EthosItem) item = ethos_corpus_get_item (corpus, code, ref, NULL);

  g_assert_nonnull (item);
  return ethos_test_collapse_space (item->text);
}

static void
test_item (void)
{
  g_autofree char *text = pdf_text (ethos_sheet_new_item (corpus, "coaching", "1.11", &letter,
                                                          NULL), "item.pdf", NULL);
  g_autofree char *clause = collapsed_item_text ("coaching", "1.11");
  g_autofree char *nohs = NULL;
  g_autofree char *nohs3 = collapsed_item_text ("nohs", "3");

  g_assert_nonnull (strstr (text, "Global Code of Ethics Clause 1.11"));
  g_assert_nonnull (strstr (text, clause));
  g_assert_nonnull (strstr (text, "Cite as: Global Code of Ethics, Clause 1.11"));
  g_assert_nonnull (strstr (text, "Copyright and reproduction: not stated in the source."));
  g_assert_nonnull (strstr (text, "https://www.globalcodeofethics.org"));

  /* NOHS permits reproducing the whole document only: no excerpt. */
  nohs = pdf_text (ethos_sheet_new_item (corpus, "nohs", "3", &letter, NULL), "nohs3.pdf", NULL);
  g_assert_nonnull (strstr (nohs, "NOHS Standard 3"));
  g_assert_null (strstr (nohs, "protect the client's right to privacy"));
  g_assert_nonnull (strstr (nohs, "Cite as: NOHS (2024), Standard 3"));
  g_assert_nonnull (strstr (nohs, "only as a whole"));
  g_assert_nonnull (strstr (nohs, "may be reproduced in its entirety"));
  (void) nohs3;
}

static void
test_compare (void)
{
  g_autofree char *text = pdf_text (ethos_sheet_new_compare (corpus, "limits-of-confidentiality",
                                                             &letter, NULL),
                                    "compare.pdf", NULL);
  g_autofree char *duty = collapsed_item_text ("oesc", "I.5.b");
  g_autofree char *coaching = collapsed_item_text ("coaching", "1.11");
  const char *codes[] = { "NOHS Ethical Standards", "Global Code of Ethics (coaching & mentoring)",
                          "ESPCC CESP™ Code of Conduct", "OESC Code of Conduct" };
  const char *last = text;

  g_assert_nonnull (strstr (text, "Compare by Topic: Limits of confidentiality / duty to warn"));
  /* Stacked by code, in the codes' order. */
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      const char *at = strstr (last, codes[i]);
      if (at == NULL)
        g_error ("the Compare sheet lacks “%s” after the previous code", codes[i]);
      last = at;
    }
  g_assert_nonnull (strstr (text, duty));
  g_assert_nonnull (strstr (text, coaching));
  g_assert_nonnull (strstr (text, "NOHS Standard 4"));
  g_assert_null (strstr (text, "suspects a client's behavior may endanger"));
}

static void
test_bookmarks (void)
{
  EthosSheetEntry entries[] = {
    { "nohs", "3", "Discuss with the supervisor on Tuesday.", TRUE },
    { "oesc", "I.5.b", NULL, TRUE },
    { "coaching", "1.11", "Only a note here: Nguyễn's agreement.", FALSE },
  };
  g_autoptr(GArray) array = g_array_new (FALSE, FALSE, sizeof (EthosSheetEntry));
  EthosSheetOptions with_notes = { ETHOS_PAPER_A4, "en", TRUE };
  g_autofree char *plain = NULL;
  g_autofree char *noted = NULL;

  g_array_append_vals (array, entries, G_N_ELEMENTS (entries));
  plain = pdf_text (ethos_sheet_new_bookmarks (corpus, array, &letter, NULL), "marks.pdf", NULL);
  g_assert_nonnull (strstr (plain, "Bookmarks"));
  g_assert_nonnull (strstr (plain, "OESC Item I.5.b · Duty to Warn"));
  g_assert_null (strstr (plain, "supervisor on Tuesday"));
  g_assert_null (strstr (plain, "Clause 1.11"));

  noted = pdf_text (ethos_sheet_new_bookmarks (corpus, array, &with_notes, NULL), "notes.pdf",
                    NULL);
  g_assert_nonnull (strstr (noted, "Bookmarks and Notes"));
  g_assert_nonnull (strstr (noted, "Private note: Discuss with the supervisor on Tuesday."));
  g_assert_nonnull (strstr (noted, "Nguyễn's agreement."));
  g_assert_nonnull (strstr (noted, "Global Code of Ethics Clause 1.11"));
}

static void
test_whole_code (void)
{
  guint n_pages = 0;
  g_autofree char *text = pdf_text (ethos_sheet_new_code (corpus, "nohs", &letter, NULL),
                                    "nohs.pdf", &n_pages);
  g_autoptr(GPtrArray) items = ethos_corpus_list_items (corpus, "nohs", NULL);

  g_assert_cmpuint (n_pages, >, 3);
  g_assert_nonnull (strstr (text, "Ethical Standards for Human Services Professionals"));
  g_assert_nonnull (strstr (text, "may be reproduced in its entirety"));
  g_assert_nonnull (strstr (text, "Preamble"));
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *whole = ethos_test_collapse_space (((EthosItem *) items->pdata[i])->text);
      /* A page break may fall inside a standard, with the footer between:
       * its opening and its end are each on one page. */
      g_autofree char *head = g_utf8_substring (whole, 0, MIN (60, g_utf8_strlen (whole, -1)));
      const char *tail = whole + strlen (whole) - MIN (strlen (whole), 30);

      if (strstr (text, head) == NULL || strstr (text, tail) == NULL)
        g_error ("the whole NOHS code lacks Standard %s", ((EthosItem *) items->pdata[i])->ref);
    }
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (ethos_sheet_new_item (corpus, "nohs", "99", &letter, &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (ethos_sheet_new_compare (corpus, "astrology", &letter, &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (ethos_sheet_new_code (corpus, "nope", &letter, &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  tmp_dir = ethos_test_init (&argc, &argv);
  path = ethos_paths_get_corpus_file ();
  corpus = ethos_corpus_open (path, &error);
  g_assert_no_error (error);
  ethos_corpus_set_language (corpus, NULL);
  fonts = ethos_fonts_new (&error);
  g_assert_no_error (error);

  g_test_add_func ("/sheet/item", test_item);
  g_test_add_func ("/sheet/compare", test_compare);
  g_test_add_func ("/sheet/bookmarks", test_bookmarks);
  g_test_add_func ("/sheet/whole-code", test_whole_code);
  g_test_add_func ("/sheet/errors", test_errors);

  status = g_test_run ();
  ethos_fonts_free (fonts);
  ethos_corpus_free (corpus);
  return status;
}
