/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <poppler.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ethos-error.h"
#include "ethos-fonts.h"
#include "ethos-image.h"
#include "ethos-pdf-painter.h"
#include "ethos-test-document.h"
#include "ethos-test-utils.h"

static EthosFonts *fonts;
static char *tmp_dir;

typedef struct
{
  EthosDocument    *doc;
  EthosLayout      *layout;
  GBytes           *bytes;
  PopplerDocument  *pdf;
} Rendered;

static void
rendered_free (Rendered *r)
{
  g_clear_object (&r->pdf);
  g_clear_pointer (&r->bytes, g_bytes_unref);
  g_clear_pointer (&r->layout, ethos_layout_free);
  g_clear_pointer (&r->doc, ethos_document_free);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Rendered, rendered_free)

static Rendered *
render (EthosDocument *doc)
{
  Rendered *r = g_new0 (Rendered, 1);
  g_autoptr(GError) error = NULL;

  r->doc = doc;
  r->layout = ethos_layout_new (doc, fonts, &error);
  g_assert_no_error (error);
  r->bytes = ethos_pdf_render (r->layout, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (r->bytes, NULL), 5, "%PDF-", 5);
  r->pdf = poppler_document_new_from_bytes (r->bytes, NULL, &error);
  g_assert_no_error (error);
  return r;
}

static char *
all_text (PopplerDocument *pdf)
{
  GString *out = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (out, text);
      g_string_append_c (out, '\n');
      g_object_unref (page);
    }
  return g_string_free (out, FALSE);
}

/* Names of the fonts, and whether every one is embedded. */
static char *
font_names (PopplerDocument *pdf,
            gboolean        *all_embedded)
{
  PopplerFontInfo *info = poppler_font_info_new (pdf);
  PopplerFontsIter *iter = NULL;
  GString *names = g_string_new (NULL);

  *all_embedded = TRUE;
  while (poppler_font_info_scan (info, 20, &iter))
    {
      do
        {
          g_string_append_printf (names, "%s;", poppler_fonts_iter_get_name (iter));
          *all_embedded &= poppler_fonts_iter_is_embedded (iter);
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  poppler_font_info_free (info);
  return g_string_free (names, FALSE);
}

static void
test_form_text (void)
{
  g_autoptr(Rendered) r = render (ethos_test_document_new_form ("José Núñez", ETHOS_PAPER_LETTER));
  g_autofree char *text = all_text (r->pdf);
  g_autofree char *flat = ethos_test_collapse_space (text);
  int n_pages = poppler_document_get_n_pages (r->pdf);
  g_autofree char *last = g_strdup_printf ("Page %d of %d", n_pages, n_pages);
  gboolean embedded;
  g_autofree char *names = font_names (r->pdf, &embedded);

  g_assert_cmpint (n_pages, ==, (int) ethos_layout_get_n_pages (r->layout));
  g_assert_cmpint (n_pages, >=, 2);
  for (const char *s = "Informed Consent for Services\0Riverside Family Services\0"
                       "Your right to stop\0Questions before you sign\0Fees\0"
                       "Client name: José Núñez\0You, José Núñez, should know this.\0"
                       "Page 1 of \0informed-consent 1.0 · NOHS 2024 · en\0Printed name\0";
       *s != 0; s += strlen (s) + 1)
    {
      if (strstr (flat, s) == NULL)
        g_error ("“%s” not found in: %s", s, flat);
    }
  g_assert_nonnull (strstr (flat, last));

  /* WinAnsi text: the standard-14 Helvetica, nothing embedded. */
  g_assert_true (ethos_layout_uses_standard_fonts (r->layout));
  g_assert_cmpstr (names, ==, "Helvetica-Bold;Helvetica;");
  g_assert_false (embedded);
  g_assert_cmpuint (g_bytes_get_size (r->bytes), <, 30 * 1024);
}

static void
test_metadata (void)
{
  g_autoptr(Rendered) r = render (ethos_test_document_new_form ("Łukasz O'Brien", ETHOS_PAPER_A4));
  g_autofree char *title = poppler_document_get_title (r->pdf);
  g_autofree char *author = poppler_document_get_author (r->pdf);
  g_autofree char *subject = poppler_document_get_subject (r->pdf);
  g_autofree char *keywords = poppler_document_get_keywords (r->pdf);
  g_autofree char *creator = poppler_document_get_creator (r->pdf);
  g_autofree char *producer = poppler_document_get_producer (r->pdf);
  g_autofree char *xmp = poppler_document_get_metadata (r->pdf);
  gsize size;
  const char *data = g_bytes_get_data (r->bytes, &size);

  g_assert_cmpstr (title, ==, "Informed Consent for Services");
  g_assert_null (author);
  g_assert_null (subject);
  g_assert_null (keywords);
  g_assert_null (xmp);
  g_assert_cmpstr (creator, ==, "Ethos");
  g_assert_true (producer == NULL || strstr (producer, "Łukasz") == NULL);
  /* The client's name appears nowhere in clear: text is compressed and
   * encoded, and no metadata carries it. */
  g_assert_null (g_strstr_len (data, (gssize) size, "Łukasz"));
  g_assert_null (g_strstr_len (data, (gssize) size, "O'Brien"));
}

static void
test_metadata_unicode_title (void)
{
  EthosDocument *doc = ethos_test_document_new_form ("Ana Ruiz", ETHOS_PAPER_LETTER);
  g_autoptr(Rendered) r = NULL;
  g_autofree char *title = NULL;

  g_free (doc->title);
  doc->title = g_strdup ("Autorización para divulgar información — Ελληνικά");
  r = render (doc);
  title = poppler_document_get_title (r->pdf);
  g_assert_cmpstr (title, ==, "Autorización para divulgar información — Ελληνικά");
}

static void
test_unicode_names (void)
{
  const char *names[] = {
    "Nguyễn Thị Minh", "Łukasz Żółć", "Ελένη Παπαδοπούλου", "Сергей Иванов",
    "王芳", "山田はなこ", "김민준",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(Rendered) r = render (ethos_test_document_new_form (names[i], ETHOS_PAPER_LETTER));
      g_autofree char *text = all_text (r->pdf);
      g_autofree char *flat = ethos_test_collapse_space (text);
      g_autofree char *field = g_strdup_printf ("Client name: %s", names[i]);
      g_autofree char *nfc = g_utf8_normalize (flat, -1, G_NORMALIZE_NFC);
      gboolean embedded;
      g_autofree char *fonts_used = font_names (r->pdf, &embedded);

      g_test_message ("%s: %s, %" G_GSIZE_FORMAT " bytes", names[i], fonts_used,
                      g_bytes_get_size (r->bytes));
      g_assert_false (ethos_layout_uses_standard_fonts (r->layout));
      if (strstr (nfc, field) == NULL)
        g_error ("“%s” not found in: %s", field, nfc);
      g_assert_nonnull (strstr (nfc, "Your right to stop"));
      /* Every font embedded, as a subset; Liberation Sans for the Latin text. */
      g_assert_true (embedded);
      g_assert_nonnull (strstr (fonts_used, "LiberationSans"));
      g_assert_null (strstr (fonts_used, "Helvetica"));
      g_assert_null (strstr (fonts_used, "DejaVu"));
      g_assert_cmpuint (g_bytes_get_size (r->bytes), <, 120 * 1024);
    }
}

/* poppler's text positions are where the layout put the text. */
static void
test_positions (void)
{
  for (guint k = 0; k < 2; k++)
    {
      const char *name = k == 0 ? "Ana Ruiz" : "Anh Nguyễn";
      g_autoptr(Rendered) r = render (ethos_test_document_new_form (name, ETHOS_PAPER_LETTER));
      PopplerPage *page = poppler_document_get_page (r->pdf, 0);
      g_autofree char *text = poppler_page_get_text (page);
      PopplerRectangle *rects = NULL;
      guint n_rects = 0, n_ops, checked = 0;
      const EthosOp *ops = ethos_layout_get_ops (r->layout, 0, &n_ops);
      const char *start;

      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (guint i = 0; i < n_ops; i++)
        {
          glong offset;

          if (ops[i].kind != ETHOS_OP_TEXT || ops[i].role != ETHOS_ROLE_HEADING)
            continue;
          start = strstr (text, ops[i].text);
          g_assert_nonnull (start);
          offset = g_utf8_pointer_to_offset (text, start);
          g_assert_cmpuint ((guint) offset + 1, <, n_rects);
          /* The first glyph box starts at the op's x; the text ends where
           * the op's width says. */
          g_assert_cmpfloat (fabs (rects[offset].x1 - ops[i].x), <, 1.0);
          g_assert_cmpfloat (fabs (rects[offset + g_utf8_strlen (ops[i].text, -1) - 1].x2 -
                                   (ops[i].x + ops[i].width)), <, 1.0);
          checked++;
        }
      g_assert_cmpuint (checked, >=, 2);
      g_free (rects);
      g_object_unref (page);
    }
}

static void
test_logo (void)
{
  static const guint8 rgba[2 * 2 * 4] = {
    255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 255, 255, 255, 255,
  };
  g_autoptr(EthosDocument) doc = ethos_test_document_new_form ("Ana Ruiz", ETHOS_PAPER_LETTER);
  g_autoptr(Rendered) r = NULL;
  PopplerPage *page = NULL;
  GList *images;

  doc->logo = g_new0 (EthosImage, 1);
  doc->logo->format = ETHOS_IMAGE_RGBA8;
  doc->logo->width = 2;
  doc->logo->height = 2;
  doc->logo->data = g_bytes_new_static (rgba, sizeof rgba);
  r = render (g_steal_pointer (&doc));
  page = poppler_document_get_page (r->pdf, 0);
  images = poppler_page_get_image_mapping (page);
  g_assert_cmpuint (g_list_length (images), ==, 1);
  /* The logo sits in the letterhead, top left, 54 pt high. */
  {
    PopplerImageMapping *m = images->data;
    double w, h;

    poppler_page_get_size (page, &w, &h);
    g_assert_cmpfloat (fabs (m->area.x1 - 54), <, 0.5);
    g_assert_cmpfloat (fabs ((m->area.y2 - m->area.y1) - 54), <, 0.5);
    g_assert_cmpfloat (m->area.y1, <, 120);
  }
  poppler_page_free_image_mapping (images);
  g_object_unref (page);
}

/* Issue 11, item 9: a libharu failure the form's content causes is the
 * input's error (ETHOS_ERROR_INVALID_DATA: exit 3 in ethos-cli), said in a
 * sentence, and nothing is written. The image loader refuses what libharu
 * cannot embed, so the logo here is made by hand: JPEG bytes whose first
 * marker libharu takes for a lost one (HPDF_UNSUPPORTED_JPEG_FORMAT). */
static void
test_libharu_input_error (void)
{
  static const guint8 jpeg[] = { 0xFF, 0xD8, 0x00, 0x11, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xD9 };
  g_autoptr(EthosDocument) doc = ethos_test_document_new_form ("Ana Ruiz", ETHOS_PAPER_LETTER);
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosLayout) layout = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = g_build_filename (tmp_dir, "haru", NULL);
  g_autofree char *path = g_build_filename (dir, "form.pdf", NULL);
  GDir *listing;

  doc->logo = g_new0 (EthosImage, 1);
  doc->logo->format = ETHOS_IMAGE_JPEG;
  doc->logo->width = 2;
  doc->logo->height = 2;
  doc->logo->data = g_bytes_new_static (jpeg, sizeof jpeg);
  layout = ethos_layout_new (doc, fonts, &error);
  g_assert_no_error (error);

  bytes = ethos_pdf_render (layout, doc, &error);
  g_assert_null (bytes);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "too large or malformed for a PDF"));
  g_assert_nonnull (strstr (error->message, "libharu error 0x"));
  g_assert_null (strstr (error->message, "Ana Ruiz"));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_false (ethos_pdf_write_file (layout, doc, path, &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
  g_dir_close (listing);
}

static void
test_write_file (void)
{
  g_autoptr(EthosDocument) doc = ethos_test_document_new_form ("Ana Ruiz", ETHOS_PAPER_LETTER);
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosLayout) layout = ethos_layout_new (doc, fonts, &error);
  g_autofree char *dir = g_build_filename (tmp_dir, "out", NULL);
  g_autofree char *path = g_build_filename (dir, "form.pdf", NULL);
  g_autofree char *missing = g_build_filename (tmp_dir, "no-such-dir", "form.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  struct stat st;
  GDir *listing;
  guint entries = 0;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  umask (022);
  g_assert_true (ethos_pdf_write_file (layout, doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, 5, "%PDF-", 5);

  /* Overwrites atomically, leaving only the file. */
  g_assert_true (ethos_pdf_write_file (layout, doc, path, &error));
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    entries++;
  g_dir_close (listing);
  g_assert_cmpuint (entries, ==, 1);

  /* A missing directory, a directory in the way: errors, nothing left. */
  g_assert_false (ethos_pdf_write_file (layout, doc, missing, &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (ethos_pdf_write_file (layout, doc, dir, &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_IO);
  g_clear_error (&error);

  /* An unwritable directory (permissions do not bind root). */
  if (geteuid () != 0)
    {
      g_autofree char *locked = g_build_filename (tmp_dir, "locked", NULL);
      g_autofree char *target = g_build_filename (locked, "form.pdf", NULL);

      g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
      g_assert_false (ethos_pdf_write_file (layout, doc, target, &error));
      g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_IO);
      g_clear_error (&error);
      listing = g_dir_open (locked, 0, NULL);
      g_assert_null (g_dir_read_name (listing));
      g_dir_close (listing);
      g_chmod (locked, 0700);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_dir = ethos_test_init (&argc, &argv);
  fonts = ethos_fonts_new (&error);
  g_assert_no_error (error);

  g_test_add_func ("/pdf/form-text", test_form_text);
  g_test_add_func ("/pdf/metadata", test_metadata);
  g_test_add_func ("/pdf/metadata-unicode-title", test_metadata_unicode_title);
  g_test_add_func ("/pdf/unicode-names", test_unicode_names);
  g_test_add_func ("/pdf/positions", test_positions);
  g_test_add_func ("/pdf/logo", test_logo);
  g_test_add_func ("/pdf/write-file", test_write_file);
  g_test_add_func ("/pdf/libharu-input-error", test_libharu_input_error);
  status = g_test_run ();
  ethos_fonts_free (fonts);
  return status;
}
