/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-document"

#include "config.h"

#include <langinfo.h>
#include <stdint.h>

#include "ethos-document.h"

void
ethos_paper_get_size (EthosPaper  paper,
                      double     *width,
                      double     *height)
{
  switch (paper)
    {
    case ETHOS_PAPER_A4:
      *width = 595.276;
      *height = 841.89;
      break;
    case ETHOS_PAPER_LEGAL:
      *width = 612;
      *height = 1008;
      break;
    case ETHOS_PAPER_LETTER:
    default:
      *width = 612;
      *height = 792;
      break;
    }
}

gboolean
ethos_paper_from_name (const char *name,
                       EthosPaper *paper)
{
  g_return_val_if_fail (name != NULL && paper != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = ETHOS_PAPER_LETTER;
  else if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = ETHOS_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "legal") == 0)
    *paper = ETHOS_PAPER_LEGAL;
  else
    return FALSE;
  return TRUE;
}

const char *
ethos_paper_to_name (EthosPaper paper)
{
  switch (paper)
    {
    case ETHOS_PAPER_A4:
      return "a4";
    case ETHOS_PAPER_LEGAL:
      return "legal";
    case ETHOS_PAPER_LETTER:
    default:
      return "letter";
    }
}

EthosPaper
ethos_paper_for_locale (void)
{
  /* glibc returns the width in millimetres in the low 32 bits of the
   * pointer-sized result; the high bits are not defined. */
  union { char *string; unsigned int word; } width = { .string = nl_langinfo (_NL_PAPER_WIDTH) };

  return width.word == 216 ? ETHOS_PAPER_LETTER : ETHOS_PAPER_A4;
}

static void
span_free (EthosSpan *span)
{
  g_free (span->text);
  g_free (span);
}

static void
block_free (EthosBlock *block)
{
  g_clear_pointer (&block->spans, g_ptr_array_unref);
  g_strfreev (block->lines);
  g_free (block->label);
  g_free (block->value);
  g_free (block->note);
  g_free (block->name_caption);
  g_free (block->date_caption);
  g_free (block);
}

void
ethos_image_free (EthosImage *image)
{
  if (image == NULL)
    return;
  g_clear_pointer (&image->data, g_bytes_unref);
  g_free (image);
}

EthosDocument *
ethos_document_new (const char *title,
                    const char *lang,
                    EthosPaper  paper)
{
  EthosDocument *doc = g_new0 (EthosDocument, 1);

  doc->title = g_strdup (title);
  doc->lang = g_strdup (lang);
  doc->paper = paper;
  doc->scale = 1.0;
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  return doc;
}

void
ethos_document_free (EthosDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->title);
  g_free (doc->lang);
  g_free (doc->footer);
  g_free (doc->page_format);
  g_free (doc->running_title);
  g_free (doc->running_label);
  g_free (doc->running_value);
  g_clear_pointer (&doc->logo, ethos_image_free);
  g_clear_pointer (&doc->blocks, g_ptr_array_unref);
  g_free (doc);
}

EthosBlock *
ethos_document_add_block (EthosDocument  *doc,
                          EthosBlockKind  kind)
{
  EthosBlock *block = g_new0 (EthosBlock, 1);

  g_return_val_if_fail (doc != NULL, NULL);

  block->kind = kind;
  block->spans = g_ptr_array_new_with_free_func ((GDestroyNotify) span_free);
  g_ptr_array_add (doc->blocks, block);
  return block;
}

void
ethos_block_add_span (EthosBlock    *block,
                      EthosSpanKind  kind,
                      const char    *text)
{
  EthosSpan *span = g_new0 (EthosSpan, 1);

  g_return_if_fail (block != NULL && text != NULL);

  span->kind = kind;
  span->text = g_strdup (text);
  g_ptr_array_add (block->spans, span);
}

static void
append (GString    *out,
        const char *text)
{
  if (text == NULL)
    return;
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

char *
ethos_document_get_all_text (EthosDocument *doc)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (doc != NULL, NULL);

  append (out, doc->title);
  append (out, doc->footer);
  append (out, doc->running_title);
  append (out, doc->running_label);
  append (out, doc->running_value);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const EthosBlock *block = g_ptr_array_index (doc->blocks, i);

      for (guint s = 0; s < block->spans->len; s++)
        append (out, ((EthosSpan *) g_ptr_array_index (block->spans, s))->text);
      for (guint l = 0; block->lines != NULL && block->lines[l] != NULL; l++)
        append (out, block->lines[l]);
      append (out, block->label);
      append (out, block->value);
      append (out, block->note);
      append (out, block->name_caption);
      append (out, block->date_caption);
    }
  return g_string_free (out, FALSE);
}
