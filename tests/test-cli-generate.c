/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ethos-cli generate and batch, end to end: every PDF is read back with
 * poppler, never compared with a file this code wrote itself. */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <sys/stat.h>

#include "ethos-test-utils.h"

static char *tmp;
static char *db;

#define cli(err, ...) ethos_test_run_cli_db (db, NULL, err, __VA_ARGS__)

typedef struct
{
  int    n_pages;
  char  *text;      /* all pages, separated by form feeds */
  char  *title;
  char  *author;
  char  *subject;
  char  *keywords;
  GPtrArray *fonts; /* "name embedded" */
} Pdf;

static void
pdf_free (Pdf *pdf)
{
  g_free (pdf->text);
  g_free (pdf->title);
  g_free (pdf->author);
  g_free (pdf->subject);
  g_free (pdf->keywords);
  g_clear_pointer (&pdf->fonts, g_ptr_array_unref);
  g_free (pdf);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pdf, pdf_free)

static Pdf *
read_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GObject) doc_object = NULL;
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  PopplerFontInfo *info;
  PopplerFontsIter *iter = NULL;
  Pdf *pdf = g_new0 (Pdf, 1);

  g_assert_no_error (error);
  doc_object = G_OBJECT (doc);
  pdf->n_pages = poppler_document_get_n_pages (doc);
  for (int i = 0; i < pdf->n_pages; i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (doc, i));
      g_autofree char *page_text = poppler_page_get_text (POPPLER_PAGE (page));
      g_string_append (text, page_text);
      g_string_append_c (text, '\f');
    }
  pdf->text = g_string_free (g_steal_pointer (&text), FALSE);
  pdf->title = poppler_document_get_title (doc);
  pdf->author = poppler_document_get_author (doc);
  pdf->subject = poppler_document_get_subject (doc);
  pdf->keywords = poppler_document_get_keywords (doc);

  pdf->fonts = g_ptr_array_new_with_free_func (g_free);
  info = poppler_font_info_new (doc);
  while (poppler_font_info_scan (info, 20, &iter))
    {
      if (iter == NULL)
        continue;
      do
        g_ptr_array_add (pdf->fonts, g_strdup_printf ("%s %s",
                                                      poppler_fonts_iter_get_name (iter),
                                                      poppler_fonts_iter_is_embedded (iter)
                                                        ? "embedded" : "standard"));
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  poppler_font_info_free (info);
  return pdf;
}

/* Poppler's text breaks lines where the layout did: compare without white space. */
static gboolean
pdf_has (const Pdf  *pdf,
         const char *needle)
{
  g_autofree char *hay = ethos_test_collapse_space (pdf->text);
  g_autofree char *n = ethos_test_collapse_space (needle);
  GString *h = g_string_new (hay), *s = g_string_new (n);
  gboolean found;

  g_string_replace (h, " ", "", 0);
  g_string_replace (s, " ", "", 0);
  found = strstr (h->str, s->str) != NULL;
  g_string_free (h, TRUE);
  g_string_free (s, TRUE);
  return found;
}

static char *
out_path (const char *name)
{
  return g_build_filename (tmp, name, NULL);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_generate_filled (void)
{
  g_autofree char *path = out_path ("ic.pdf");
  g_autofree char *err = NULL;
  g_autoptr(Pdf) pdf = NULL;
  struct stat st;
  const char *headings[] = { "About this form", "Your questions", "Your right to stop",
                             "When we may share without your permission", "Your consent" };

  g_assert_cmpint (cli (&err, "generate", "informed-consent", "-o", path,
                        "--set", "client_name=Nguyễn Thị Minh",
                        "--set", "professional_name=Dana Reyes",
                        "--set", "professional_credentials=LPC",
                        "--set", "date=2026-11-23",
                        "--set", "agency_name=Harbor Family Services",
                        "--paper", "letter", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  pdf = read_pdf (path);
  g_assert_cmpint (pdf->n_pages, >=, 2);
  g_assert_true (pdf_has (pdf, "Informed Consent for Services"));
  g_assert_true (pdf_has (pdf, "Nguyễn Thị Minh"));
  g_assert_true (pdf_has (pdf, "Dana Reyes"));
  g_assert_true (pdf_has (pdf, "Harbor Family Services"));
  g_assert_true (pdf_has (pdf, "November 23, 2026"));
  g_assert_null (strchr (pdf->text, '{'));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_assert_true (pdf_has (pdf, headings[i]));
  /* Not mandated, not a minor: those clauses are left out. */
  g_assert_false (pdf_has (pdf, "If your services are required"));
  g_assert_false (pdf_has (pdf, "For clients who are minors"));
  /* Footer on every page. */
  {
    g_autofree char *last = g_strdup_printf ("Page %d of %d", pdf->n_pages, pdf->n_pages);
    g_assert_true (pdf_has (pdf, "Page 1 of"));
    g_assert_true (pdf_has (pdf, last));
    g_assert_true (pdf_has (pdf, "informed-consent 1.0"));
    g_assert_true (pdf_has (pdf, "NOHS 2024"));
  }
  /* Metadata: the form's name, never the client's. */
  g_assert_cmpstr (pdf->title, ==, "Informed Consent for Services");
  g_assert_true (pdf->author == NULL || strstr (pdf->author, "Nguy") == NULL);
  g_assert_true (pdf->subject == NULL || strstr (pdf->subject, "Nguy") == NULL);
  g_assert_true (pdf->keywords == NULL || strstr (pdf->keywords, "Nguy") == NULL);
  /* Vietnamese needs an embedded font. */
  g_assert_cmpuint (pdf->fonts->len, >, 0);
  {
    gboolean embedded = FALSE;
    for (guint i = 0; i < pdf->fonts->len; i++)
      embedded |= g_str_has_suffix (pdf->fonts->pdata[i], " embedded");
    g_assert_true (embedded);
  }
}

static void
test_generate_spanish_blank (void)
{
  g_autofree char *path = out_path ("ic-es.pdf");
  g_autofree char *err = NULL;
  g_autoptr(Pdf) pdf = NULL;

  g_assert_cmpint (cli (&err, "generate", "informed-consent", "-o", path, "--lang", "es",
                        "--blank", "--paper", "a4", NULL), ==, 0);
  pdf = read_pdf (path);
  g_assert_true (pdf_has (pdf, "Consentimiento informado para servicios"));
  g_assert_true (pdf_has (pdf, "Su derecho a dejar los servicios"));
  g_assert_true (pdf_has (pdf, "Página 1 de"));
  g_assert_true (pdf_has (pdf, "Corresponde"));
  g_assert_true (pdf_has (pdf, "si corresponde"));
  g_assert_true (pdf_has (pdf, "Asentimiento del menor"));
  g_assert_null (strchr (pdf->text, '{'));
}

static void
test_generate_cjk_and_long (void)
{
  const char *names[] = { "王芳", "Łukasz O'Brien", "Ελένη Παπαδοπούλου", "Иван Петров",
                          "山田太郎", "김민준" };
  g_autofree char *long_name = NULL;
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/name-%u.pdf", tmp, i);
      g_autofree char *set = g_strdup_printf ("client_name=%s", names[i]);
      g_autofree char *err = NULL;
      g_autoptr(Pdf) pdf = NULL;

      g_assert_cmpint (cli (&err, "generate", "telehealth-consent", "-o", path, "--set", set,
                            NULL), ==, 0);
      pdf = read_pdf (path);
      if (!pdf_has (pdf, names[i]))
        g_error ("%s did not come back from the PDF", names[i]);
    }

  /* A 10,000-character name wraps and flows onto further pages. */
  for (guint i = 0; s->len < 10000; i++)
    g_string_append (s, "Abcdefghij");
  long_name = g_strdup_printf ("client_name=%s", s->str);
  {
    g_autofree char *path = out_path ("long.pdf");
    g_autofree char *short_path = out_path ("short.pdf");
    g_autofree char *err = NULL;
    g_autoptr(Pdf) pdf = NULL;
    g_autoptr(Pdf) short_pdf = NULL;

    g_assert_cmpint (cli (&err, "generate", "telehealth-consent", "-o", path, "--set", long_name,
                          NULL), ==, 0);
    g_assert_cmpint (cli (NULL, "generate", "telehealth-consent", "-o", short_path, "--set",
                          "client_name=Ana", NULL), ==, 0);
    pdf = read_pdf (path);
    short_pdf = read_pdf (short_path);
    g_assert_cmpint (pdf->n_pages, >, short_pdf->n_pages);
  }
}

static void
test_generate_refusals (void)
{
  g_autofree char *dir = out_path ("refusals");
  g_autofree char *path = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *png = NULL;
  struct { const char *set; int status; const char *expect; } cases[] = {
    { "client_nickname=x", 2, "client_nickname" },
    { "client_dob=23/11/2026", 3, "client_dob" },
    { "client_name=مرحبا", 3, "مرحبا" },
    { "client_name=שלום", 3, "שלום" },
    { "client_name=नमस्ते", 3, "न" },
    { "client_name=Ana \xff", 3, "UTF-8" },
  };

  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, "x.pdf", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      g_assert_cmpint (cli (&err, "generate", "informed-consent", "-o", path, "--set",
                            cases[i].set, NULL), ==, cases[i].status);
      if (strstr (err, cases[i].expect) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, err, cases[i].expect);
    }
  /* A required field missing; an unknown template; a bad paper. */
  {
    g_autofree char *err = NULL;
    g_assert_cmpint (cli (&err, "generate", "release-of-information", "-o", path, "--set",
                          "client_name=Ana", NULL), ==, 3);
    g_assert_true (strstr (err, "roi_") != NULL);
  }
  /* A release that ended before the form's date is written, with a warning. */
  {
    g_autofree char *err = NULL;
    g_autofree char *later = NULL;

    g_assert_cmpint (cli (&err, "generate", "release-of-information", "-o", path,
                          "--set", "client_name=Ana", "--set", "roi_recipient=Dr. Lee",
                          "--set", "roi_information=Attendance", "--set", "roi_purpose=Care",
                          "--set", "roi_expiry=2020-01-01", "--set", "date=2026-12-02", NULL),
                     ==, 0);
    g_assert_nonnull (strstr (err, "warning: The permission ends before the date of the form"));
    g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    g_assert_cmpint (cli (&later, "generate", "release-of-information", "-o", path,
                          "--set", "client_name=Ana", "--set", "roi_recipient=Dr. Lee",
                          "--set", "roi_information=Attendance", "--set", "roi_purpose=Care",
                          "--set", "roi_expiry=2020-01-01", "--set", "date=2019-12-02", NULL),
                     ==, 0);
    g_assert_null (strstr (later, "warning:"));
    g_assert_cmpint (g_unlink (path), ==, 0);
  }
  g_assert_cmpint (cli (NULL, "generate", "no-such-form", "-o", path, NULL), ==, 2);
  g_assert_cmpint (cli (NULL, "generate", "informed-consent", "-o", path, "--paper", "legal",
                        NULL), ==, 2);
  g_assert_cmpint (cli (NULL, "generate", "informed-consent", "-o", path, "--lang", "fr",
                        NULL), ==, 2);

  /* A broken logo is refused before anything is written. */
  png = ethos_test_write_file (dir, "logo.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
  {
    g_autofree char *err = NULL;
    g_assert_cmpint (cli (&err, "generate", "informed-consent", "-o", path, "--blank",
                          "--logo", png, NULL), ==, 3);
  }
  {
    g_autofree char *missing = g_build_filename (dir, "missing.png", NULL);
    g_assert_cmpint (cli (NULL, "generate", "informed-consent", "-o", path, "--blank",
                          "--logo", missing, NULL), !=, 0);
  }
  /* Nothing was left behind by any failure (only the broken logo is there). */
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* Unwritable output: exit 4. */
  {
    g_autofree char *err = NULL;
    g_assert_cmpint (cli (&err, "generate", "informed-consent", "-o", "/proc/nope/x.pdf",
                          "--blank", NULL), ==, 4);
  }
}

static void
test_batch (void)
{
  g_autofree char *csv = NULL;
  g_autofree char *out_dir = out_path ("batch");
  g_autofree char *err = NULL;
  g_autofree char *first = NULL;
  g_autoptr(Pdf) pdf = NULL;

  csv = ethos_test_write_file (tmp, "clients.csv",
                               "\xef\xbb\xbf" "client_name,client_dob,mandated,referring_authority\r\n"
                               "\"Núñez, José\",1990-01-02,no,\r\n"
                               "Bad Date,1990-13-45,no,\r\n"
                               "王芳,2012-03-04,yes,County Court\r\n");
  g_assert_cmpint (cli (&err, "batch", "informed-consent", "--csv", csv, "--out-dir", out_dir,
                        NULL), ==, 3);
  g_assert_true (strstr (err, "line 3") != NULL);
  g_assert_true (strstr (err, "client_dob") != NULL);
  /* The client's values never appear in messages. */
  g_assert_null (strstr (err, "Bad Date"));
  g_assert_cmpuint (count_files (out_dir), ==, 2);

  first = g_build_filename (out_dir, "0001-informed-consent.pdf", NULL);
  pdf = read_pdf (first);
  g_assert_true (pdf_has (pdf, "Núñez, José"));
  {
    g_autofree char *third = g_build_filename (out_dir, "0003-informed-consent.pdf", NULL);
    g_autoptr(Pdf) p3 = read_pdf (third);
    g_assert_true (pdf_has (p3, "王芳"));
    g_assert_true (pdf_has (p3, "County Court"));
  }

  /* --name-column; and an unknown column stops before writing anything. */
  {
    g_autofree char *dir2 = out_path ("batch2");
    g_autofree char *err2 = NULL;
    g_autofree char *named = g_build_filename (dir2, "Núñez, José.pdf", NULL);
    g_assert_cmpint (cli (&err2, "batch", "informed-consent", "--csv", csv, "--out-dir", dir2,
                          "--name-column", "client_name", NULL), ==, 3);
    g_assert_true (g_file_test (named, G_FILE_TEST_EXISTS));
  }
  {
    g_autofree char *bad = ethos_test_write_file (tmp, "bad.csv", "client_name,shoe_size\nA,9\n");
    g_autofree char *dir3 = out_path ("batch3");
    g_autofree char *err3 = NULL;
    g_assert_cmpint (cli (&err3, "batch", "informed-consent", "--csv", bad, "--out-dir", dir3,
                          NULL), ==, 2);
    g_assert_true (strstr (err3, "shoe_size") != NULL);
    g_assert_false (g_file_test (dir3, G_FILE_TEST_EXISTS));
  }
  /* A minor's form naming no guardian is written, with a warning giving
   * its line (never the client's name), and the exit status stays 0. */
  {
    g_autofree char *minor = ethos_test_write_file (tmp, "minor.csv",
                                                    "client_name,client_dob\n"
                                                    "Ana Adult,1990-01-01\n"
                                                    "Kim Child,2015-05-05\n");
    g_autofree char *dir6 = out_path ("batch6");
    g_autofree char *err6 = NULL;

    g_assert_cmpint (cli (&err6, "batch", "informed-consent", "--csv", minor, "--out-dir", dir6,
                          NULL), ==, 0);
    g_assert_cmpuint (count_files (dir6), ==, 2);
    g_assert_nonnull (strstr (err6, "warning: "));
    g_assert_nonnull (strstr (err6, "line 3: The client is a minor"));
    g_assert_null (strstr (err6, "line 2"));
    g_assert_null (strstr (err6, "Kim"));
    g_assert_nonnull (strstr (err6, "1 form written needs checking"));
  }
  /* --threads: one thread writes what several do; a count out of range is
   * a usage error, before anything is written. */
  {
    g_autofree char *dir4 = out_path ("batch4");
    g_autofree char *dir5 = out_path ("batch5");
    g_autofree char *err4 = NULL, *err5 = NULL;
    g_autofree char *third = g_build_filename (dir4, "0003-informed-consent.pdf", NULL);
    g_autoptr(Pdf) p3 = NULL;

    g_assert_cmpint (cli (&err4, "batch", "informed-consent", "--csv", csv, "--out-dir", dir4,
                          "--threads", "1", NULL), ==, 3);
    g_assert_true (strstr (err4, "line 3") != NULL);
    g_assert_cmpuint (count_files (dir4), ==, 2);
    p3 = read_pdf (third);
    g_assert_true (pdf_has (p3, "王芳"));
    g_assert_cmpint (cli (&err5, "batch", "informed-consent", "--csv", csv, "--out-dir", dir5,
                          "--threads", "0", NULL), ==, 2);
    g_assert_true (strstr (err5, "--threads") != NULL);
    g_assert_false (g_file_test (dir5, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  tmp = ethos_test_init (&argc, &argv);
  db = g_build_filename (tmp, "user.db", NULL);

  g_test_add_func ("/cli-generate/filled", test_generate_filled);
  g_test_add_func ("/cli-generate/spanish-blank", test_generate_spanish_blank);
  g_test_add_func ("/cli-generate/cjk-and-long", test_generate_cjk_and_long);
  g_test_add_func ("/cli-generate/refusals", test_generate_refusals);
  g_test_add_func ("/cli-generate/batch", test_batch);
  return g_test_run ();
}
