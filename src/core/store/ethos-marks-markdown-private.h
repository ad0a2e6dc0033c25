/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Markdown export of bookmarks and notes, written and read back
 * (ethos-marks-markdown.c; the format is documented in README.md). Each
 * place is a "## " heading followed by a comment that renderers hide and
 * that names it for the import:
 *
 *   <!-- ethos-notes 1 -->                       the first line
 *   ## NOHS (2024), Standard 3                   any title
 *   <!-- ethos: code=nohs ref=3 bookmarked -->   "bookmarked" if it is
 *   > the note, each line quoted; ">" alone is an empty line
 *
 * Code and ref are percent-encoded (RFC 3986: all but letters, digits and
 * "-._~"), so a comment never holds a space or "-->". */

#define ETHOS_MARKS_MAX_KEY_BYTES 64

typedef struct
{
  char     *code;
  char     *ref;
  char     *title;        /* the heading written; NULL: "code ref" (never read back) */
  char     *note;         /* NULL: none */
  gboolean  bookmarked;
  guint     line;         /* of its heading in the file read; 0 when not read */
} EthosMarkPlace;

EthosMarkPlace *_ethos_mark_place_new       (const char   *code,
                                             const char   *ref);
void            _ethos_mark_place_free      (EthosMarkPlace *place);

/* Bookmarks and notes as Markdown, every place under its heading. */
char           *_ethos_marks_markdown_write (GPtrArray    *places);
/* The places of a Markdown export, in the order of the file. A heading
 * without the comment (added by hand) is skipped; anything the export
 * cannot have written is an error naming @path and the line. */
GPtrArray      *_ethos_marks_markdown_read  (const char   *path,
                                             const char   *data,
                                             gsize         length,
                                             GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosMarkPlace, _ethos_mark_place_free)

G_END_DECLS
