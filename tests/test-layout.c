/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ethos-error.h"
#include "ethos-fonts.h"
#include "ethos-layout.h"
#include "ethos-pdf-painter.h"
#include "ethos-test-document.h"
#include "ethos-test-utils.h"
#include "ethos-unicode.h"

#define MARGIN 54.0

static EthosFonts *fonts;

#define WQY "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

static EthosLayout *
layout_ok (EthosDocument *doc)
{
  g_autoptr(GError) error = NULL;
  EthosLayout *layout = ethos_layout_new (doc, fonts, &error);

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  return layout;
}

/* Every op inside the margins of its page. */
static void
assert_inside_margins (EthosLayout *layout)
{
  double width, height;

  ethos_layout_get_page_size (layout, &width, &height);
  for (guint p = 0; p < ethos_layout_get_n_pages (layout); p++)
    {
      guint n;
      const EthosOp *ops = ethos_layout_get_ops (layout, p, &n);

      for (guint i = 0; i < n; i++)
        {
          double right = ops[i].kind == ETHOS_OP_LINE ? MAX (ops[i].x, ops[i].x2)
                                                      : ops[i].x + ops[i].width;

          if (right > width - MARGIN + 0.01)
            for (guint k = 0; k < n; k++)
              if (ops[k].y == ops[i].y)
                g_test_message ("op kind %d role %d text “%s” x %g w %g", ops[k].kind,
                                ops[k].role, ops[k].text != NULL ? ops[k].text : "", ops[k].x,
                                ops[k].width);
          g_assert_cmpfloat (ops[i].x, >=, MARGIN - 0.01);
          g_assert_cmpfloat (right, <=, width - MARGIN + 0.01);
          g_assert_cmpfloat (ops[i].y, >=, 30);
          g_assert_cmpfloat (ops[i].y, <=, height - 20);
        }
    }
}

/* All text of the ops with @role, in page order, runs concatenated. */
static char *
role_text (EthosLayout *layout,
           EthosOpRole  role,
           guint        block)
{
  GString *out = g_string_new (NULL);

  for (guint p = 0; p < ethos_layout_get_n_pages (layout); p++)
    {
      guint n;
      const EthosOp *ops = ethos_layout_get_ops (layout, p, &n);

      for (guint i = 0; i < n; i++)
        if (ops[i].kind == ETHOS_OP_TEXT && ops[i].role == role &&
            (block == ETHOS_LAYOUT_NO_BLOCK || ops[i].block == block))
          g_string_append (out, ops[i].text);
    }
  return g_string_free (out, FALSE);
}

static void
test_paper_sizes (void)
{
  g_autoptr(EthosDocument) letter = ethos_test_document_new_form ("Ana Ruiz", ETHOS_PAPER_LETTER);
  g_autoptr(EthosDocument) a4 = ethos_test_document_new_form ("Ana Ruiz", ETHOS_PAPER_A4);
  g_autoptr(EthosLayout) l1 = layout_ok (letter);
  g_autoptr(EthosLayout) l2 = layout_ok (a4);
  double w, h;

  ethos_layout_get_page_size (l1, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 612, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 792, 0.01);
  ethos_layout_get_page_size (l2, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);
  g_assert_cmpuint (ethos_layout_get_n_pages (l1), >=, 2);
  g_assert_cmpuint (ethos_layout_get_n_pages (l1), <=, 4);
  assert_inside_margins (l1);
  assert_inside_margins (l2);
}

static void
test_page_n_of_m (void)
{
  g_autoptr(EthosDocument) doc = ethos_test_document_new_form ("Ana Ruiz", ETHOS_PAPER_LETTER);
  g_autoptr(EthosLayout) layout = NULL;
  guint n_pages;

  g_free (doc->page_format);
  doc->page_format = g_strdup ("Página %u de %u");
  layout = layout_ok (doc);
  n_pages = ethos_layout_get_n_pages (layout);
  g_assert_cmpuint (n_pages, >=, 2);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *footer = ethos_test_layout_text (layout, p, ETHOS_ROLE_FOOTER);
      g_autofree char *label = g_strdup_printf ("Página %u de %u", p + 1, n_pages);

      g_assert_nonnull (strstr (footer, "informed-consent 1.0 · NOHS 2024 · en"));
      g_assert_nonnull (strstr (footer, label));
    }
}

static void
test_wrap_at_spaces (void)
{
  g_autoptr(EthosDocument) doc = ethos_document_new ("T", "en", ETHOS_PAPER_LETTER);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(EthosLayout) layout = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (text, "word%u ", i);
  g_string_append (text, "end");
  ethos_test_document_add_text (doc, ETHOS_BLOCK_PARAGRAPH, text->str);
  layout = layout_ok (doc);
  body = ethos_test_layout_text (layout, 0, ETHOS_ROLE_BODY);
  lines = g_strsplit (body, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 3);
  /* Lines break between words: no word is cut, no space is lost or doubled. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_false (g_str_has_prefix (lines[i], " "));
      g_assert_false (g_str_has_suffix (lines[i], " "));
    }
  {
    g_autofree char *joined = g_strjoinv (" ", lines);
    g_assert_cmpstr (joined, ==, text->str);
  }
  assert_inside_margins (layout);
}

static void
test_wrap_after_hyphens_and_cjk (void)
{
  g_autoptr(EthosDocument) doc = ethos_document_new ("T", "en", ETHOS_PAPER_LETTER);
  g_autoptr(GString) hyphens = g_string_new (NULL);
  g_autoptr(GString) han = g_string_new (NULL);
  g_autoptr(EthosLayout) layout = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *all = NULL;

  for (guint i = 0; i < 80; i++)
    g_string_append (hyphens, "abc-");
  g_string_append (hyphens, "abc");
  for (guint i = 0; i < 60; i++)
    g_string_append (han, "王芳说。");
  ethos_test_document_add_text (doc, ETHOS_BLOCK_PARAGRAPH, hyphens->str);
  ethos_test_document_add_text (doc, ETHOS_BLOCK_PARAGRAPH, han->str);
  layout = layout_ok (doc);
  all = ethos_test_layout_text (layout, 0, ETHOS_ROLE_BODY);
  lines = g_strsplit (all, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), >=, 4);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "abc"))
        {
          /* Every line but the paragraph's last ends right after a hyphen. */
          if (lines[i + 1] != NULL && g_str_has_prefix (lines[i + 1], "abc"))
            g_assert_true (g_str_has_suffix (lines[i], "abc-"));
        }
      else
        /* Between ideographs, never before the full stop. */
        g_assert_false (g_str_has_prefix (lines[i], "。"));
    }
  assert_inside_margins (layout);
}

/* The lines of the body text of a one-paragraph document (all pages). */
static GStrv
paragraph_lines (const char *text,
                 const char *lang)
{
  g_autoptr(EthosDocument) doc = ethos_document_new ("T", lang, ETHOS_PAPER_LETTER);
  g_autoptr(EthosLayout) layout = NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  ethos_test_document_add_text (doc, ETHOS_BLOCK_PARAGRAPH, text);
  layout = layout_ok (doc);
  for (guint p = 0; p < ethos_layout_get_n_pages (layout); p++)
    {
      g_autofree char *page = ethos_test_layout_text (layout, p, ETHOS_ROLE_BODY);

      if (all->len > 0)
        g_string_append_c (all, '\n');
      g_string_append (all, page);
    }
  return g_strsplit (all->str, "\n", -1);
}

/* Item 5: a phone number is never split, wherever the line happens to end;
 * UAX #14: no break between a hyphen and a digit. */
static void
test_phone_numbers_whole (void)
{
  const char *numbers[] = { "(305) 555-0110", "+1 305.555.0110", "305-555-0110" };
  guint saw_wrap = 0;

  for (guint k = 0; k < 90; k++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_auto(GStrv) lines = NULL;
      guint found[G_N_ELEMENTS (numbers)] = { 0 };

      for (guint i = 0; i < k; i++)
        g_string_append (text, i % 7 == 0 ? "ab " : "x ");
      g_string_append (text, "Call us at (305) 555-0110 or +1 305.555.0110 or 305-555-0110 "
                             "about Form-2024 today.");
      lines = paragraph_lines (text->str, "en");
      saw_wrap += g_strv_length (lines) > 1;
      for (guint l = 0; lines[l] != NULL; l++)
        {
          for (guint n = 0; n < G_N_ELEMENTS (numbers); n++)
            found[n] += strstr (lines[l], numbers[n]) != NULL;
          if (g_str_has_suffix (lines[l], "Form-"))
            g_error ("k=%u: a line ends between a hyphen and a digit: “%s”", k, lines[l]);
        }
      for (guint n = 0; n < G_N_ELEMENTS (numbers); n++)
        if (found[n] != 1)
          g_error ("k=%u: “%s” is split across lines", k, numbers[n]);
    }
  g_assert_cmpuint (saw_wrap, >, 40);
}

/* Kinsoku for every line width: shifting the text one character at a time
 * puts each line end on every character of the repeating pattern. */
static void
test_cjk_every_width (void)
{
  const char *pattern = "王芳说：「我们明天见。」山田さんは、ちょっと待ってください。";
  guint n_ends = 0;

  for (guint k = 0; k < 40; k++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_auto(GStrv) lines = NULL;

      for (guint i = 0; i < k; i++)
        g_string_append (text, "汉");
      for (guint i = 0; i < 12; i++)
        g_string_append (text, pattern);
      lines = paragraph_lines (text->str, "zh");
      for (guint l = 0; lines[l] != NULL; l++)
        {
          const char *last = lines[l][0] ? g_utf8_find_prev_char (lines[l], lines[l] +
                                                                  strlen (lines[l])) : NULL;
          gunichar first = g_utf8_get_char (lines[l]);

          if (l > 0 && (first == 0x3002 || first == 0x3001 ||
                                          first == 0xFF1A || first == 0x300D ||
                                          first == 0x3063 || first == 0x3083))
            g_error ("k=%u: line %u starts with %s", k, l, lines[l]);
          if (last != NULL && lines[l + 1] != NULL && g_utf8_get_char (last) == 0x300C)
            g_error ("k=%u: line %u ends with an opening bracket", k, l);
          n_ends++;
        }
    }
  g_assert_cmpuint (n_ends, >, 100);
}

static void
test_huge_name_flows (void)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(EthosDocument) doc = NULL;
  g_autoptr(EthosLayout) layout = NULL;
  g_autofree char *values = NULL;
  guint field_block = G_MAXUINT;

  while (g_utf8_strlen (name->str, -1) < 10000)
    g_string_append (name, "Nguyễn");
  doc = ethos_test_document_new_form (name->str, ETHOS_PAPER_LETTER);
  for (guint i = 0; i < doc->blocks->len; i++)
    if (((EthosBlock *) g_ptr_array_index (doc->blocks, i))->kind == ETHOS_BLOCK_FIELD)
      {
        field_block = i;
        break;
      }
  layout = layout_ok (doc);

  /* Wraps inside the word and flows onto further pages, losing nothing. */
  g_assert_cmpuint (ethos_layout_get_n_pages (layout), >=, 10);
  values = role_text (layout, ETHOS_ROLE_VALUE, field_block);
  g_assert_cmpstr (values, ==, name->str);
  assert_inside_margins (layout);
}

static void
test_headings_never_orphaned (void)
{
  /* Fillers of every length put headings at every height of the page. */
  for (guint filler = 0; filler < 60; filler++)
    {
      g_autoptr(EthosDocument) doc = ethos_document_new ("T", "en", ETHOS_PAPER_LETTER);
      g_autoptr(EthosLayout) layout = NULL;

      for (guint i = 0; i < filler; i++)
        ethos_test_document_add_text (doc, ETHOS_BLOCK_PARAGRAPH, "One line of filler.");
      for (guint h = 0; h < 6; h++)
        {
          ethos_test_document_add_text (doc, ETHOS_BLOCK_HEADING, "A heading");
          ethos_test_document_add_text (doc, ETHOS_BLOCK_PARAGRAPH,
                                        "First paragraph line, long enough to wrap onto a second "
                                        "line of text because it goes on and on and on and on, "
                                        "and a third one too, since it keeps going for a while "
                                        "longer than the width of the page allows.");
        }
      layout = layout_ok (doc);

      for (guint p = 0; p < ethos_layout_get_n_pages (layout); p++)
        {
          guint n;
          const EthosOp *ops = ethos_layout_get_ops (layout, p, &n);

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(GHashTable) baselines = g_hash_table_new (g_double_hash, g_double_equal);

              if (ops[i].role != ETHOS_ROLE_HEADING)
                continue;
              for (guint k = 0; k < n; k++)
                if (ops[k].kind == ETHOS_OP_TEXT && ops[k].block == ops[i].block + 1)
                  g_hash_table_add (baselines, (gpointer) &ops[k].y);
              g_assert_cmpuint (g_hash_table_size (baselines), >=, 2);
            }
        }
    }
}

static void
test_signature_never_split (void)
{
  guint splits_possible = 0;

  for (guint filler = 0; filler < 50; filler++)
    {
      g_autoptr(EthosDocument) doc = ethos_document_new ("T", "en", ETHOS_PAPER_A4);
      g_autoptr(EthosLayout) layout = NULL;
      guint sig_block;
      int page_of_sig = -1;

      for (guint i = 0; i < filler; i++)
        ethos_test_document_add_text (doc, ETHOS_BLOCK_PARAGRAPH, "Filler line.");
      ethos_test_document_add_signature (doc, "Client", "Łukasz O'Brien");
      sig_block = doc->blocks->len - 1;
      ethos_test_document_add_text (doc, ETHOS_BLOCK_PARAGRAPH, "After.");
      layout = layout_ok (doc);

      for (guint p = 0; p < ethos_layout_get_n_pages (layout); p++)
        {
          guint n;
          const EthosOp *ops = ethos_layout_get_ops (layout, p, &n);

          for (guint i = 0; i < n; i++)
            if (ops[i].block == sig_block)
              {
                if (page_of_sig < 0)
                  page_of_sig = (int) p;
                g_assert_cmpint (page_of_sig, ==, (int) p);
              }
        }
      g_assert_cmpint (page_of_sig, >=, 0);
      if (page_of_sig > 0)
        splits_possible++;
    }
  /* The loop did push signatures over a page boundary. */
  g_assert_cmpuint (splits_possible, >, 0);
}

static void
test_blank_forms (void)
{
  g_autoptr(EthosDocument) doc = ethos_document_new ("T", "en", ETHOS_PAPER_LETTER);
  g_autoptr(EthosLayout) layout = NULL;
  EthosBlock *block = ethos_document_add_block (doc, ETHOS_BLOCK_PARAGRAPH);
  EthosBlock *heading;
  g_autofree char *captions = NULL;
  guint n, lines = 0, boxes = 0;
  const EthosOp *ops;

  ethos_block_add_span (block, ETHOS_SPAN_TEXT, "I, ");
  ethos_block_add_span (block, ETHOS_SPAN_BLANK, "Client name");
  ethos_block_add_span (block, ETHOS_SPAN_TEXT, ", agree.");
  heading = ethos_test_document_add_text (doc, ETHOS_BLOCK_HEADING, "Mandated services");
  heading->note = g_strdup ("applies");
  heading->has_box = TRUE;
  block = ethos_document_add_block (doc, ETHOS_BLOCK_FIELD);
  block->label = g_strdup ("Date of birth");
  layout = layout_ok (doc);

  captions = role_text (layout, ETHOS_ROLE_CAPTION, ETHOS_LAYOUT_NO_BLOCK);
  g_assert_cmpstr (captions, ==, "Client name");
  ops = ethos_layout_get_ops (layout, 0, &n);
  for (guint i = 0; i < n; i++)
    {
      lines += ops[i].kind == ETHOS_OP_LINE && ops[i].role == ETHOS_ROLE_BLANK;
      boxes += ops[i].kind == ETHOS_OP_RECT && ops[i].role == ETHOS_ROLE_CHECKBOX;
      /* The box is drawn, never printed as a glyph. */
      if (ops[i].kind == ETHOS_OP_TEXT)
        g_assert_null (strstr (ops[i].text, "☐"));
    }
  g_assert_cmpuint (lines, ==, 2);
  g_assert_cmpuint (boxes, ==, 1);
  /* WinAnsi: the box is drawn, never a glyph. */
  g_assert_true (ethos_layout_uses_standard_fonts (layout));
}

static void
assert_refused (const char *value,
                int         code,
                const char *needle1,
                const char *needle2)
{
  g_autoptr(EthosDocument) doc = ethos_test_document_new_form (value, ETHOS_PAPER_LETTER);
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosLayout) layout = ethos_layout_new (doc, fonts, &error);

  g_assert_null (layout);
  g_assert_error (error, ETHOS_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, needle1));
  if (needle2 != NULL)
    g_assert_nonnull (strstr (error->message, needle2));
  g_clear_error (&error);
  g_assert_false (ethos_fonts_check_text (fonts, value, &error));
  g_assert_error (error, ETHOS_ERROR, code);
}

static void
test_refusals (void)
{
  assert_refused ("مرحبا", ETHOS_ERROR_UNSUPPORTED, "Arabic", "“مرحبا”");
  assert_refused ("Ana مرحبا بكم", ETHOS_ERROR_UNSUPPORTED, "Arabic", "“مرحبا بكم”");
  assert_refused ("שלום", ETHOS_ERROR_UNSUPPORTED, "Hebrew", "“שלום”");
  assert_refused ("नमस्ते", ETHOS_ERROR_UNSUPPORTED, "Devanagari", "“नमस्ते”");
  assert_refused ("สวัสดี", ETHOS_ERROR_UNSUPPORTED, "Thai", NULL);
  assert_refused ("Ana\u202EBob", ETHOS_ERROR_UNSUPPORTED, "right-to-left", NULL);
  assert_refused ("Ana 😀", ETHOS_ERROR_UNSUPPORTED, "U+1F600", "😀");
  assert_refused ("Ana\aBob", ETHOS_ERROR_INVALID_DATA, "U+0007", NULL);
  assert_refused ("Ana \xff\xfe", ETHOS_ERROR_INVALID_DATA, "UTF-8", NULL);
  assert_refused ("Ana \xe4", ETHOS_ERROR_INVALID_DATA, "UTF-8", NULL);
}

static void
test_font_choice (void)
{
  struct { const char *name; const char *family_prefix; } cases[] = {
    { "Nguyễn Thị Minh", "Liberation Sans" },
    { "Łukasz", "Liberation Sans" },
    { "Ελένη", "Liberation Sans" },
    { "Сергей", "Liberation Sans" },
    /* A sans Chinese face when one is installed (test-font-render proves it). */
    { "王芳", NULL },
    { "山田はなこ", "IPA" },
    { "김민준", "Nanum" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(EthosDocument) doc = ethos_document_new ("T", "en", ETHOS_PAPER_LETTER);
      g_autoptr(EthosLayout) layout = NULL;
      EthosBlock *block = ethos_document_add_block (doc, ETHOS_BLOCK_PARAGRAPH);
      guint n, found = 0;
      const EthosOp *ops;

      ethos_block_add_span (block, ETHOS_SPAN_VALUE, cases[c].name);
      layout = layout_ok (doc);
      g_assert_false (ethos_layout_uses_standard_fonts (layout));
      ops = ethos_layout_get_ops (layout, 0, &n);
      for (guint i = 0; i < n; i++)
        {
          const char *family;

          if (ops[i].kind != ETHOS_OP_TEXT)
            continue;
          family = ethos_font_face_get_family (ops[i].face);
          g_assert_false (g_str_has_prefix (family, "DejaVu"));
          if (ops[i].role == ETHOS_ROLE_VALUE)
            {
              g_assert_cmpstr (ops[i].text, ==, cases[c].name);
              g_assert_true (g_str_has_prefix (family, cases[c].family_prefix != NULL
                                                       ? cases[c].family_prefix
                                                       : g_file_test (WQY, G_FILE_TEST_EXISTS)
                                                       ? "WenQuanYi Micro Hei" : "AR PL UMing"));
              g_assert_true (g_file_test (ethos_font_face_get_file (ops[i].face),
                                          G_FILE_TEST_IS_REGULAR));
              found++;
            }
        }
      g_assert_cmpuint (found, ==, 1);
    }
}

static void
test_metrics (void)
{
  EthosFontFace *regular = ethos_fonts_get_primary (fonts, FALSE);
  EthosFontFace *bold = ethos_fonts_get_primary (fonts, TRUE);
  g_autoptr(EthosDocument) doc = ethos_document_new ("T", "en", ETHOS_PAPER_LETTER);
  g_autoptr(EthosLayout) layout = NULL;
  guint n;
  const EthosOp *ops;

  g_assert_true (g_str_has_suffix (ethos_font_face_get_file (regular), ".ttf"));
  g_assert_true (ethos_font_face_is_bold (bold));
  /* Helvetica's AFM widths on the standard-14 path, libharu's truncated
   * /W widths of Liberation Sans when embedded. */
  g_assert_cmpfloat (ethos_font_face_get_advance (regular, 'A', TRUE), ==, 0.667);
  g_assert_cmpfloat (ethos_font_face_get_advance (regular, 'A', FALSE), ==, 0.666);
  g_assert_cmpfloat (ethos_font_face_get_advance (bold, 'n', TRUE), ==, 0.611);
  g_assert_cmpuint (ethos_font_face_get_glyph (regular, 'A'), !=, 0);
  g_assert_cmpuint (ethos_font_face_get_glyph (regular, 0x738B), ==, 0);

  /* A run's width is the sum of its advances. */
  ethos_test_document_add_text (doc, ETHOS_BLOCK_PARAGRAPH, "Hello");
  layout = layout_ok (doc);
  ops = ethos_layout_get_ops (layout, 0, &n);
  for (guint i = 0; i < n; i++)
    if (ops[i].kind == ETHOS_OP_TEXT && ops[i].role == ETHOS_ROLE_BODY)
      {
        double w = 0;

        for (const char *p = ops[i].text; *p != 0; p++)
          w += ethos_font_face_get_advance (ops[i].face, (guchar) *p, TRUE) * ops[i].size;
        g_assert_cmpfloat_with_epsilon (ops[i].width, w, 1e-9);
      }
}

static void
test_winansi (void)
{
  g_assert_true (ethos_unicode_fits_winansi ("José Núñez — “quoted” € œ"));
  g_assert_false (ethos_unicode_fits_winansi ("Łukasz"));
  g_assert_false (ethos_unicode_fits_winansi ("王"));
  g_assert_cmpuint (ethos_unicode_winansi_byte (0x20AC), ==, 0x80);
  g_assert_cmpuint (ethos_unicode_winansi_byte ('A'), ==, 'A');
  g_assert_cmpuint (ethos_unicode_winansi_byte (0x141), ==, 0);
}

/* Random text from a mix of scripts, spaces, marks and controls: every run
 * ends with a layout inside the margins or a clear error, never a crash. */
static void
test_random_text (void)
{
  static const gunichar pool[] = {
    'a', 'Z', ' ', ' ', '-', '\n', '\t', 0xAD, 0x200B, 0x301, 0x1EC5, 0x141, 0x3B1, 0x436,
    0x738B, 0x3042, 0xAC00, 0x3002, 0xFF08, 0x2014, 0x20AC, 0xFEFF, 0x200D, 0x2610,
    /* Refused: */
    0x627, 0x5D0, 0x7, 0x1F600, 0xE000,
  };
  GRand *rand = g_rand_new_with_seed (20261123);
  guint laid_out = 0;

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(EthosDocument) doc = ethos_document_new ("T", "en", ETHOS_PAPER_A4);
      g_autoptr(GError) error = NULL;
      g_autoptr(EthosLayout) layout = NULL;
      guint length = (guint) g_rand_int_range (rand, 0, 400);
      int n_pool = G_N_ELEMENTS (pool) - (round % 4 == 0 ? 0 : 5);
      EthosBlock *block;

      for (guint i = 0; i < length; i++)
        g_string_append_unichar (text, pool[g_rand_int_range (rand, 0, n_pool)]);
      block = ethos_document_add_block (doc, (EthosBlockKind) g_rand_int_range (rand, 1, 7));
      ethos_block_add_span (block, ETHOS_SPAN_VALUE, text->str);
      block->label = g_strdup (text->str);
      block->value = g_strdup (text->str);
      layout = ethos_layout_new (doc, fonts, &error);
      if (layout != NULL)
        {
          assert_inside_margins (layout);
          laid_out++;
          /* The painter and the font subsetter take whatever the layout took. */
          if (round % 5 == 0)
            {
              g_autoptr(GBytes) pdf = ethos_pdf_render (layout, doc, &error);

              g_assert_no_error (error);
              g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
            }
        }
      else
        g_assert_true (error->domain == ETHOS_ERROR && error->message[0] != 0);
    }
  g_rand_free (rand);
  g_assert_cmpuint (laid_out, >=, 200);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = ethos_test_init (&argc, &argv);
  g_autoptr(GError) error = NULL;
  int status;

  fonts = ethos_fonts_new (&error);
  g_assert_no_error (error);

  g_test_add_func ("/layout/paper-sizes", test_paper_sizes);
  g_test_add_func ("/layout/page-n-of-m", test_page_n_of_m);
  g_test_add_func ("/layout/wrap/spaces", test_wrap_at_spaces);
  g_test_add_func ("/layout/wrap/hyphens-cjk", test_wrap_after_hyphens_and_cjk);
  g_test_add_func ("/layout/wrap/phone-numbers", test_phone_numbers_whole);
  g_test_add_func ("/layout/wrap/cjk-every-width", test_cjk_every_width);
  g_test_add_func ("/layout/wrap/huge-name", test_huge_name_flows);
  g_test_add_func ("/layout/keep/headings", test_headings_never_orphaned);
  g_test_add_func ("/layout/keep/signatures", test_signature_never_split);
  g_test_add_func ("/layout/blank", test_blank_forms);
  g_test_add_func ("/layout/refusals", test_refusals);
  g_test_add_func ("/layout/fonts/choice", test_font_choice);
  g_test_add_func ("/layout/fonts/metrics", test_metrics);
  g_test_add_func ("/layout/fonts/winansi", test_winansi);
  g_test_add_func ("/layout/random", test_random_text);
  status = g_test_run ();
  ethos_fonts_free (fonts);
  return status;
}
