/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-error.h"
#include "ethos-sheet.h"

/* Printed sheets of the codes: the document blocks, in reading order. */

typedef struct
{
  EthosCorpus   *corpus;
  EthosDocument *doc;
  GPtrArray     *codes;      /* EthosCodeInfo */
  GHashTable    *used;       /* code ids printed from, for the sources at the end */
  GPtrArray     *used_order; /* const EthosCodeInfo *, first use first */
  GHashTable    *explained;  /* codes whose texts were left out, said once */
  gboolean       whole;      /* printing a whole code: nothing is an excerpt */
} Sheet;

static void
sheet_clear (Sheet *sheet)
{
  g_clear_pointer (&sheet->codes, g_ptr_array_unref);
  g_clear_pointer (&sheet->used, g_hash_table_unref);
  g_clear_pointer (&sheet->explained, g_hash_table_unref);
  g_clear_pointer (&sheet->used_order, g_ptr_array_unref);
  g_clear_pointer (&sheet->doc, ethos_document_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sheet, sheet_clear)

static gboolean
sheet_init (Sheet                   *sheet,
            EthosCorpus             *corpus,
            const char              *title,
            const EthosSheetOptions *options,
            GError                 **error)
{
  g_autofree char *footer = NULL;

  sheet->corpus = corpus;
  if (!(sheet->codes = ethos_corpus_list_codes (corpus, error)))
    return FALSE;
  sheet->used = g_hash_table_new (g_str_hash, g_str_equal);
  sheet->explained = g_hash_table_new (g_str_hash, g_str_equal);
  sheet->used_order = g_ptr_array_new ();
  sheet->doc = ethos_document_new (title, options && options->lang ? options->lang : "en",
                                   options ? options->paper : ETHOS_PAPER_LETTER);
  /* Translators: the footer of a printed sheet, "Compare by Topic: Informed consent · Ethos" */
  footer = g_strdup_printf (_("%s · printed from Ethos"), title);
  sheet->doc->footer = g_steal_pointer (&footer);
  sheet->doc->page_format = g_strdup (_("Page %u of %u"));
  return TRUE;
}

static void
add_text_block (Sheet          *sheet,
                EthosBlockKind  kind,
                const char     *text)
{
  EthosBlock *block = ethos_document_add_block (sheet->doc, kind);

  ethos_block_add_span (block, ETHOS_SPAN_TEXT, text);
}

static void
add_spacer (Sheet  *sheet,
            double  points)
{
  ethos_document_add_block (sheet->doc, ETHOS_BLOCK_SPACER)->points = points;
}

/* The codes' text as published: paragraphs apart, list lines ("· …")
 * as bullets. */
static void
add_source_text (Sheet      *sheet,
                 const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);

  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      g_auto(GStrv) lines = g_strsplit (paragraphs[p], "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        {
          const char *line = g_strstrip (lines[l]);

          if (*line == '\0')
            continue;
          if (g_str_has_prefix (line, "·") || g_str_has_prefix (line, "•"))
            {
              line = g_utf8_next_char (line);
              while (*line == ' ')
                line++;
              add_text_block (sheet, ETHOS_BLOCK_BULLET, line);
            }
          else
            add_text_block (sheet, ETHOS_BLOCK_PARAGRAPH, line);
        }
    }
}

static const EthosCodeInfo *
use_code (Sheet      *sheet,
          const char *code)
{
  const EthosCodeInfo *info = ethos_code_info_find (sheet->codes, code);

  if (info != NULL && !g_hash_table_contains (sheet->used, info->id))
    {
      g_hash_table_add (sheet->used, info->id);
      g_ptr_array_add (sheet->used_order, (gpointer) info);
    }
  return info;
}

/* "NOHS Standard 3 · Heading", its text (or, for a code that may only be
 * reproduced whole, no text), and how to cite it. */
static void
add_item (Sheet           *sheet,
          const EthosItem *item)
{
  const EthosCodeInfo *info = use_code (sheet, item->code);
  g_autofree char *heading = NULL;
  g_autofree char *citation = NULL;
  g_autofree char *cite_as = NULL;

  if (info == NULL)
    return;
  if (item->heading != NULL && *item->heading != '\0')
    /* Translators: an item's heading on a printed sheet, "OESC Item I.5.b · Duty to Warn" */
    heading = g_strdup_printf (_("%s %s %s · %s"), info->abbreviation,
                               ethos_code_info_get_item_label (info), item->ref, item->heading);
  else
    /* Translators: an item's heading on a printed sheet, "NOHS Standard 3" */
    heading = g_strdup_printf (_("%s %s %s"), info->abbreviation,
                               ethos_code_info_get_item_label (info), item->ref);
  add_text_block (sheet, ETHOS_BLOCK_HEADING, heading);

  if (!info->whole_only || sheet->whole)
    add_source_text (sheet, item->text);
  else if (g_hash_table_add (sheet->explained, info->id))
    {
      /* Said once per sheet, under the first item left out. */
      g_autofree char *why = g_strdup_printf (_("The text is not reproduced here: %s permits "
                                                "reproducing its code only as a whole. Read it "
                                                "in Ethos, or print the whole code from its "
                                                "page."),
                                              info->abbreviation);
      add_text_block (sheet, ETHOS_BLOCK_PARAGRAPH, why);
    }

  citation = ethos_item_format_citation (item, info, ETHOS_CITATION_SHORT);
  /* Translators: how to cite an item, "Cite as: NOHS (2024), Standard 3" */
  cite_as = g_strdup_printf (_("Cite as: %s"), citation);
  add_text_block (sheet, ETHOS_BLOCK_PARAGRAPH, cite_as);
}

/* Each code printed from, with what its source states of itself. */
static void
add_sources (Sheet *sheet)
{
  if (sheet->used_order->len == 0)
    return;
  add_spacer (sheet, 12);
  add_text_block (sheet, ETHOS_BLOCK_HEADING, _("Sources"));
  for (guint i = 0; i < sheet->used_order->len; i++)
    {
      const EthosCodeInfo *info = g_ptr_array_index (sheet->used_order, i);
      const char *not_stated = _("not stated in the source");
      g_autofree char *line = NULL;

      /* Translators: a code's source on a printed sheet: title, publisher, edition */
      line = g_strdup_printf (_("%s. Publisher: %s. Edition: %s."), info->title,
                              info->publisher ? info->publisher : not_stated,
                              info->edition ? info->edition : not_stated);
      add_text_block (sheet, ETHOS_BLOCK_PARAGRAPH, line);
      if (info->notice != NULL)
        add_text_block (sheet, ETHOS_BLOCK_PARAGRAPH, info->notice);
      else
        add_text_block (sheet, ETHOS_BLOCK_PARAGRAPH,
                        _("Copyright and reproduction: not stated in the source."));
      if (info->website != NULL)
        add_text_block (sheet, ETHOS_BLOCK_PARAGRAPH, info->website);
    }
}

static EthosDocument *
finish (Sheet *sheet)
{
  add_sources (sheet);
  return g_steal_pointer (&sheet->doc);
}

EthosDocument *
ethos_sheet_new_item (EthosCorpus              *corpus,
                      const char               *code,
                      const char               *ref,
                      const EthosSheetOptions  *options,
                      GError                  **error)
{
  g_auto(Sheet) sheet = { 0 };
  g_autoptr(EthosItem) item = NULL;
  g_autoptr(EthosCodeInfo) info = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (corpus != NULL && code != NULL && ref != NULL, NULL);

  if (!(info = ethos_corpus_get_code (corpus, code, error)) ||
      !(item = ethos_corpus_get_item (corpus, info->id, ref, error)))
    return NULL;
  title = g_strdup_printf (_("%s %s %s"), info->abbreviation, ethos_code_info_get_item_label (info),
                           item->ref);
  if (!sheet_init (&sheet, corpus, title, options, error))
    return NULL;
  add_text_block (&sheet, ETHOS_BLOCK_TITLE, info->short_title);
  add_text_block (&sheet, ETHOS_BLOCK_PARAGRAPH, item->section);
  add_item (&sheet, item);
  return finish (&sheet);
}

EthosDocument *
ethos_sheet_new_compare (EthosCorpus              *corpus,
                         const char               *topic,
                         const EthosSheetOptions  *options,
                         GError                  **error)
{
  g_auto(Sheet) sheet = { 0 };
  g_autoptr(EthosTopic) info = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (corpus != NULL && topic != NULL, NULL);

  if (!(info = ethos_corpus_get_topic (corpus, topic, error)) ||
      !(items = ethos_corpus_items_for_topic (corpus, info->id, error)))
    return NULL;
  /* Translators: the title of a printed Compare sheet, "Compare by Topic: Informed consent" */
  title = g_strdup_printf (_("Compare by Topic: %s"), info->label);
  if (!sheet_init (&sheet, corpus, title, options, error))
    return NULL;
  add_text_block (&sheet, ETHOS_BLOCK_TITLE, title);
  add_text_block (&sheet, ETHOS_BLOCK_PARAGRAPH, info->description);

  /* Stacked by code, in the codes' order: paper has no room for columns. */
  for (guint c = 0; c < sheet.codes->len; c++)
    {
      const EthosCodeInfo *code = g_ptr_array_index (sheet.codes, c);
      guint n = 0;

      add_spacer (&sheet, 10);
      add_text_block (&sheet, ETHOS_BLOCK_HEADING, code->short_title);
      for (guint i = 0; i < items->len; i++)
        {
          const EthosItem *item = g_ptr_array_index (items, i);

          if (!g_str_equal (item->code, code->id))
            continue;
          add_item (&sheet, item);
          n++;
        }
      if (n == 0)
        add_text_block (&sheet, ETHOS_BLOCK_PARAGRAPH,
                        _("Nothing in this code is filed under this topic."));
    }
  return finish (&sheet);
}

EthosDocument *
ethos_sheet_new_bookmarks (EthosCorpus              *corpus,
                           GArray                   *entries,
                           const EthosSheetOptions  *options,
                           GError                  **error)
{
  g_auto(Sheet) sheet = { 0 };
  gboolean with_notes = options != NULL && options->with_notes;
  const char *title = with_notes ? _("Bookmarks and Notes") : _("Bookmarks");
  guint n = 0;

  g_return_val_if_fail (corpus != NULL && entries != NULL, NULL);

  if (!sheet_init (&sheet, corpus, title, options, error))
    return NULL;
  add_text_block (&sheet, ETHOS_BLOCK_TITLE, title);
  if (with_notes)
    add_text_block (&sheet, ETHOS_BLOCK_PARAGRAPH,
                    _("Private notes are printed as written. Keep this sheet as you would a "
                      "case note."));

  for (guint i = 0; i < entries->len; i++)
    {
      const EthosSheetEntry *entry = &g_array_index (entries, EthosSheetEntry, i);
      g_autoptr(EthosItem) item = NULL;

      /* A place with only a note is the note's: left out without notes. */
      if (!entry->bookmarked && !(with_notes && entry->note != NULL))
        continue;
      if (!(item = ethos_corpus_get_item (corpus, entry->code, entry->ref, NULL)))
        continue;
      add_spacer (&sheet, 6);
      add_item (&sheet, item);
      if (with_notes && entry->note != NULL && *entry->note != '\0')
        {
          g_auto(GStrv) lines = g_strsplit (entry->note, "\n", -1);

          add_text_block (&sheet, ETHOS_BLOCK_PARAGRAPH, _("Private note:"));
          for (guint l = 0; lines[l] != NULL; l++)
            if (*g_strstrip (lines[l]) != '\0')
              add_text_block (&sheet, ETHOS_BLOCK_PARAGRAPH, lines[l]);
        }
      n++;
    }
  if (n == 0)
    add_text_block (&sheet, ETHOS_BLOCK_PARAGRAPH, _("No bookmarks or notes yet."));
  return finish (&sheet);
}

EthosDocument *
ethos_sheet_new_code (EthosCorpus              *corpus,
                      const char               *code,
                      const EthosSheetOptions  *options,
                      GError                  **error)
{
  g_auto(Sheet) sheet = { 0 };
  g_autoptr(EthosCodeInfo) info = NULL;
  g_autoptr(GPtrArray) front = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *byline = NULL;
  const char *section = NULL;

  g_return_val_if_fail (corpus != NULL && code != NULL, NULL);

  if (!(info = ethos_corpus_get_code (corpus, code, error)) ||
      !(front = ethos_corpus_list_front_matter (corpus, info->id, error)) ||
      !(items = ethos_corpus_list_items (corpus, info->id, error)))
    return NULL;
  if (!sheet_init (&sheet, corpus, info->title, options, error))
    return NULL;
  sheet.whole = TRUE;

  add_text_block (&sheet, ETHOS_BLOCK_TITLE, info->title);
  byline = g_strdup_printf ("%s · %s", info->publisher ? info->publisher : info->short_title,
                            info->edition ? info->edition : _("edition not stated in the source"));
  add_text_block (&sheet, ETHOS_BLOCK_PARAGRAPH, byline);
  add_text_block (&sheet, ETHOS_BLOCK_PARAGRAPH,
                  info->notice ? info->notice
                               : _("Copyright and reproduction: not stated in the source."));
  if (info->numbering_note != NULL)
    add_text_block (&sheet, ETHOS_BLOCK_PARAGRAPH, info->numbering_note);

  for (guint i = 0; i < front->len; i++)
    {
      const EthosFrontMatterEntry *entry = g_ptr_array_index (front, i);

      if (entry->section != NULL)
        continue;
      if (entry->heading != NULL)
        add_text_block (&sheet, ETHOS_BLOCK_HEADING, entry->heading);
      add_source_text (&sheet, entry->text);
    }
  for (guint i = 0; i < items->len; i++)
    {
      const EthosItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (section, item->section) != 0)
        {
          section = item->section;
          add_spacer (&sheet, 10);
          add_text_block (&sheet, ETHOS_BLOCK_HEADING, section);
          for (guint f = 0; f < front->len; f++)
            {
              const EthosFrontMatterEntry *entry = g_ptr_array_index (front, f);
              if (g_strcmp0 (entry->section, section) == 0)
                add_source_text (&sheet, entry->text);
            }
        }
      add_item (&sheet, item);
    }
  return finish (&sheet);
}
