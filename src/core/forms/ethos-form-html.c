/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-form"

#include "config.h"

#include "ethos-file.h"
#include "ethos-form-html.h"
#include "ethos-form-words-private.h"

/* Type sizes follow the reader's browser settings (rem): large print is the
 * browser's zoom, so the document's scale only raises the base size. */
static const char style_sheet[] =
  "body{font-family:'Liberation Sans',Arial,Helvetica,sans-serif;line-height:1.5;"
  "max-width:42em;margin:2em auto;padding:0 1em;color:#000;background:#fff}"
  "header p{margin:0}header .agency{font-weight:bold;font-size:1.2em}"
  "h1{text-align:center;font-size:1.6em}h2{font-size:1.2em;margin-top:1.5em}"
  "h3{font-size:1em;margin-bottom:.2em}"
  ".blank{display:inline-block;min-width:10em;border-bottom:1px solid #000}"
  ".lines{display:block;min-height:1.6em;border-bottom:1px solid #000;margin:.4em 0}"
  ".caption{font-size:.8em;color:#444}"
  ".box{font-size:1.2em}.applies{font-style:italic}"
  ".signature{border:1px solid #888;padding:.5em 1em;margin:1em 0}"
  "ul.checks{list-style:none;padding-left:0}"
  "footer{margin-top:2em;border-top:1px solid #888;font-size:.8em;color:#444}";

static void
escape (GString    *out,
        const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

/* A blank: underlined, named for a screen reader, readable without one. */
static void
add_blank (GString    *out,
           const char *label,
           const char *fill_in)
{
  g_autofree char *name = g_strconcat (fill_in, label, NULL);

  g_string_append (out, "<span class=\"blank\" role=\"img\" aria-label=\"");
  escape (out, name);
  g_string_append (out, "\">&#160;<span class=\"caption\">");
  escape (out, label);
  g_string_append (out, "</span>&#160;</span>");
}

static void
add_rows (GString         *out,
          const EthosSpan *span,
          const char      *fill_in)
{
  g_autofree char *name = g_strconcat (fill_in, span->text, NULL);

  g_string_append (out, "</p>\n<div role=\"group\" aria-label=\"");
  escape (out, name);
  g_string_append (out, "\">");
  for (guint r = 0; r < span->rows; r++)
    g_string_append (out, "<span class=\"lines\">&#160;</span>");
  g_string_append (out, "<span class=\"caption\">");
  escape (out, span->text);
  g_string_append (out, "</span></div>\n<p>");
}

static void
add_spans (GString          *out,
           const EthosBlock *block,
           const char       *fill_in)
{
  for (guint i = 0; i < block->spans->len; i++)
    {
      const EthosSpan *span = g_ptr_array_index (block->spans, i);

      if (span->kind == ETHOS_SPAN_BLANK && span->rows > 0)
        add_rows (out, span, fill_in);
      else if (span->kind == ETHOS_SPAN_BLANK)
        add_blank (out, span->text, fill_in);
      else
        escape (out, span->text);
    }
}

/* "<p>" around @block's spans, dropping a paragraph a block of writing
 * lines left empty. */
static void
add_paragraph (GString          *out,
               const EthosBlock *block,
               const char       *fill_in)
{
  g_autoptr(GString) para = g_string_new ("<p>");

  add_spans (para, block, fill_in);
  g_string_append (para, "</p>\n");
  while (strstr (para->str, "<p></p>\n") != NULL)
    g_string_replace (para, "<p></p>\n", "", 0);
  g_string_append (out, para->str);
}

static void
add_signature (GString              *out,
               const EthosBlock     *block,
               guint                 index,
               const EthosFormWords *words)
{
  const char *fill_in = words->fill_in;
  g_autofree char *caption = block->note != NULL
    ? g_strdup_printf ("%s (%s)", block->label, block->note) : g_strdup (block->label);
  g_autofree char *sign = g_strdup_printf ("%s — %s", words->signature, caption);

  g_string_append_printf (out, "<section class=\"signature\" role=\"group\" "
                          "aria-labelledby=\"signature-%u\">\n<h3 id=\"signature-%u\">",
                          index, index);
  escape (out, caption);
  g_string_append (out, "</h3>\n<p>");
  add_blank (out, sign, fill_in);
  g_string_append (out, " ");
  add_blank (out, block->date_caption != NULL ? block->date_caption : "", fill_in);
  g_string_append (out, "</p>\n<p>");
  escape (out, block->name_caption);
  g_string_append (out, ": ");
  if (block->value != NULL)
    escape (out, block->value);
  else
    add_blank (out, block->name_caption != NULL ? block->name_caption : "", fill_in);
  g_string_append (out, "</p>\n</section>\n");
}

char *
ethos_form_html_from_document (EthosDocument *doc)
{
  GString *out = g_string_new (NULL);
  const EthosFormWords *words = _ethos_form_words_for (doc->lang != NULL ? doc->lang : "en");
  const char *fill_in, *box_label;
  EthosBlockKind list = ETHOS_BLOCK_SPACER;
  guint n_signatures = 0;

  g_return_val_if_fail (doc != NULL, NULL);

  if (words == NULL)
    words = _ethos_form_words_for ("en");
  fill_in = words->fill_in;
  box_label = words->unticked_box;
  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  escape (out, doc->lang != NULL ? doc->lang : "en");
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<title>");
  escape (out, doc->title);
  g_string_append_printf (out, "</title>\n<style>%s%s</style>\n</head>\n<body>\n", style_sheet,
                          doc->scale > 1 ? "body{font-size:1.8em}" : "");

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const EthosBlock *block = g_ptr_array_index (doc->blocks, i);

      if (list != ETHOS_BLOCK_SPACER && block->kind != list)
        {
          g_string_append (out, "</ul>\n");
          list = ETHOS_BLOCK_SPACER;
        }
      switch (block->kind)
        {
        case ETHOS_BLOCK_HEADER:
          g_string_append (out, "<header>\n");
          for (guint l = 0; block->lines != NULL && block->lines[l] != NULL; l++)
            {
              g_string_append (out, l == 0 ? "<p class=\"agency\">" : "<p>");
              escape (out, block->lines[l]);
              g_string_append (out, "</p>\n");
            }
          g_string_append (out, "</header>\n<main>\n");
          break;
        case ETHOS_BLOCK_TITLE:
          if (i == 0 || ((EthosBlock *) g_ptr_array_index (doc->blocks, 0))->kind !=
                          ETHOS_BLOCK_HEADER)
            g_string_append (out, "<main>\n");
          g_string_append (out, "<h1>");
          add_spans (out, block, fill_in);
          g_string_append (out, "</h1>\n");
          break;
        case ETHOS_BLOCK_HEADING:
          g_string_append (out, "<h2>");
          add_spans (out, block, fill_in);
          g_string_append (out, "</h2>\n");
          if (block->note != NULL)
            {
              g_string_append (out, "<p class=\"applies\">");
              if (block->has_box)
                {
                  g_string_append (out, "<span class=\"box\" role=\"img\" aria-label=\"");
                  escape (out, box_label);
                  g_string_append (out, "\">&#9744;</span> ");
                }
              escape (out, block->note);
              g_string_append (out, "</p>\n");
            }
          break;
        case ETHOS_BLOCK_PARAGRAPH:
          add_paragraph (out, block, fill_in);
          break;
        case ETHOS_BLOCK_BULLET:
        case ETHOS_BLOCK_CHECKBOX:
          if (list == ETHOS_BLOCK_SPACER)
            g_string_append (out, block->kind == ETHOS_BLOCK_CHECKBOX ? "<ul class=\"checks\">\n"
                                                                      : "<ul>\n");
          list = block->kind;
          g_string_append (out, "<li>");
          if (block->kind == ETHOS_BLOCK_CHECKBOX)
            {
              g_string_append (out, "<span class=\"box\" role=\"img\" aria-label=\"");
              escape (out, block->checked ? words->ticked_box : box_label);
              g_string_append (out, block->checked ? "\">&#9746;</span> " : "\">&#9744;</span> ");
            }
          add_spans (out, block, fill_in);
          g_string_append (out, "</li>\n");
          break;
        case ETHOS_BLOCK_FIELD:
          g_string_append (out, "<p><strong>");
          escape (out, block->label);
          g_string_append (out, ":</strong> ");
          if (block->value != NULL)
            escape (out, block->value);
          else
            add_blank (out, block->label, fill_in);
          g_string_append (out, "</p>\n");
          break;
        case ETHOS_BLOCK_SIGNATURE:
          add_signature (out, block, ++n_signatures, words);
          break;
        case ETHOS_BLOCK_SPACER:
        default:
          break;
        }
    }
  if (list != ETHOS_BLOCK_SPACER)
    g_string_append (out, "</ul>\n");
  g_string_append (out, "</main>\n<footer>\n<p>");
  escape (out, doc->footer);
  g_string_append (out, "</p>\n</footer>\n</body>\n</html>\n");
  return g_string_free (out, FALSE);
}

gboolean
ethos_form_write_html (EthosFormJob            *job,
                       EthosFormValues         *values,
                       const EthosFormRequest  *request,
                       const char              *path,
                       GError                 **error)
{
  g_autoptr(EthosDocument) doc = NULL;
  g_autofree char *html = NULL;

  g_return_val_if_fail (job != NULL && values != NULL && request != NULL && path != NULL, FALSE);

  if (!(doc = ethos_form_job_build (job, values, request, error)))
    return FALSE;
  html = ethos_form_html_from_document (doc);
  return ethos_file_write_atomic (path, html, strlen (html), 0600, error);
}
