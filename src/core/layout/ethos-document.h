/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A filled (or blank) form, ready for layout: what to print, not where.
 * The template engine produces it; the layout engine turns it into pages;
 * the painters (PDF, cairo) draw those pages. No client data goes in
 * @title: it becomes the PDF's metadata. */

typedef enum
{
  ETHOS_PAPER_LETTER,   /* 612 × 792 pt */
  ETHOS_PAPER_A4,       /* 595.276 × 841.89 pt */
  ETHOS_PAPER_LEGAL,    /* 612 × 1008 pt */
} EthosPaper;

/* Width and height in points. */
void           ethos_paper_get_size        (EthosPaper       paper,
                                            double          *width,
                                            double          *height);
/* "letter", "a4", "legal" (any case) → TRUE and @paper; else FALSE. */
gboolean       ethos_paper_from_name       (const char      *name,
                                            EthosPaper      *paper);
const char    *ethos_paper_to_name         (EthosPaper       paper);
/* Letter where the locale's paper is 216 mm wide (the US, Canada…), A4
 * elsewhere. */
EthosPaper     ethos_paper_for_locale      (void);

typedef enum
{
  ETHOS_SPAN_TEXT,      /* literal text (already substituted, NFC) */
  ETHOS_SPAN_VALUE,     /* a field value the user typed: same as TEXT when drawn,
                         * kept apart so tests and the preview can find it */
  ETHOS_SPAN_BLANK,     /* a fill-in line for an empty field; @text is the
                         * field label, printed small under the line */
} EthosSpanKind;

typedef struct
{
  EthosSpanKind  kind;
  char          *text;
  guint          rows;        /* BLANK: 0 for an inline fill-in line; N > 0 for N
                               * full-width writing lines (a multi-line field) */
} EthosSpan;

typedef enum
{
  ETHOS_BLOCK_HEADER,     /* agency letterhead: lines[] (name first), optional logo */
  ETHOS_BLOCK_TITLE,      /* the form's title */
  ETHOS_BLOCK_HEADING,    /* a clause heading; never left alone at a page bottom */
  ETHOS_BLOCK_PARAGRAPH,  /* spans, wrapped */
  ETHOS_BLOCK_BULLET,     /* spans, wrapped, with a bullet and hanging indent */
  ETHOS_BLOCK_CHECKBOX,   /* ☐ or ☒ followed by spans */
  ETHOS_BLOCK_FIELD,      /* "Label: value" or "Label: ________" on one row */
  ETHOS_BLOCK_SIGNATURE,  /* signature line, name and date lines; never split */
  ETHOS_BLOCK_SPACER,     /* vertical space of @points */
} EthosBlockKind;

typedef struct
{
  EthosBlockKind  kind;
  GPtrArray      *spans;       /* EthosSpan: PARAGRAPH, BULLET, CHECKBOX, HEADING, TITLE */
  GStrv           lines;       /* HEADER: letterhead lines */
  gboolean        checked;     /* CHECKBOX */
  char           *label;       /* FIELD: label; SIGNATURE: role caption ("Client") */
  char           *value;       /* FIELD: value or NULL for a fill-in line;
                                * SIGNATURE: printed name or NULL for a blank line */
  char           *note;        /* SIGNATURE: "if applicable" or NULL; HEADING: caption
                                * at the right ("Applies"), or NULL */
  gboolean        has_box;     /* HEADING: a check box before @note, for a conditional
                                * clause on a blank form */
  gboolean        keep_with_next; /* the block's last line stays on the page of the next
                                * block's first (the clause introducing the signatures) */
  char           *name_caption;/* SIGNATURE: "Printed name" */
  char           *date_caption;/* SIGNATURE: "Date" */
  double          points;      /* SPACER */
} EthosBlock;

typedef enum
{
  ETHOS_IMAGE_RGB8,     /* raw pixels, 3 bytes each, no padding */
  ETHOS_IMAGE_RGBA8,    /* raw pixels, 4 bytes each, straight alpha */
  ETHOS_IMAGE_JPEG,     /* a JPEG file's bytes, validated, passed through */
} EthosImageFormat;

typedef struct
{
  EthosImageFormat  format;
  guint             width;
  guint             height;
  GBytes           *data;
} EthosImage;

typedef struct
{
  char        *title;         /* the form's name: PDF title metadata, never client data */
  char        *lang;          /* "en", "es" */
  EthosPaper   paper;
  char        *footer;        /* "informed-consent 1.0 · NOHS 2024 · en" */
  char        *page_format;   /* "Page %u of %u" in the form's language */
  /* Printed at the top of every page but the first, so a page that comes
   * loose (the signatures) still names the form and the client: the form's
   * title, then the client's name or a fill-in line captioned @running_label. */
  char        *running_title;
  char        *running_label; /* "Client name" */
  char        *running_value; /* the client's name, or NULL for a fill-in line */
  double       scale;         /* type size factor: 1 normal; large print makes the body
                               * 18 pt (ETHOS_LARGE_PRINT_SCALE) */
  EthosImage  *logo;          /* may be NULL */
  GPtrArray   *blocks;        /* EthosBlock */
} EthosDocument;

/* Body text 10 pt → 18 pt. */
#define ETHOS_LARGE_PRINT_SCALE 1.8

EthosDocument *ethos_document_new          (const char      *title,
                                            const char      *lang,
                                            EthosPaper       paper);
void           ethos_document_free         (EthosDocument   *doc);
EthosBlock    *ethos_document_add_block    (EthosDocument   *doc,
                                            EthosBlockKind   kind);
void           ethos_block_add_span        (EthosBlock      *block,
                                            EthosSpanKind    kind,
                                            const char      *text);
/* All text of the document, for checks: spans, lines, labels, values, footer. */
char          *ethos_document_get_all_text (EthosDocument   *doc);
void           ethos_image_free            (EthosImage      *image);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosDocument, ethos_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosImage, ethos_image_free)

G_END_DECLS
