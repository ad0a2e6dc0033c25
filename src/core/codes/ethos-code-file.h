/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The source files of the codes under data/codes/: one JSON file per code
 * plus topics.json. See data/codes/README.md for the format. This module
 * parses and validates them; the corpus builder turns them into the index. */

typedef struct
{
  char *id;
  char *label;
  char *description;
  char *reason;          /* why a topic beyond the product list was added, or NULL */
  GHashTable *translations; /* language → EthosTopicText; labels are ours to translate */
} EthosTopicDef;

typedef struct
{
  char *label;
  char *description;
} EthosTopicText;

typedef struct
{
  char *heading;         /* may be NULL */
  char *text;
} EthosFrontMatter;

typedef struct _EthosCodeItemDef EthosCodeItemDef;
struct _EthosCodeItemDef
{
  char              *ref;
  char              *heading;   /* may be NULL */
  char              *text;
  GStrv              topics;
  GPtrArray         *children;  /* EthosCodeItemDef */
};

typedef struct _EthosCodeSectionDef EthosCodeSectionDef;
struct _EthosCodeSectionDef
{
  char              *heading;
  GPtrArray         *front_matter; /* EthosFrontMatter */
  GPtrArray         *sections;     /* EthosCodeSectionDef */
  GPtrArray         *items;        /* EthosCodeItemDef */
};

typedef struct
{
  char              *path;
  char              *id;
  char              *title;
  char              *short_title;
  char              *publisher;      /* NULL: not stated in the source */
  char              *edition;        /* NULL: not stated in the source */
  int                year;           /* 0: not stated in the source */
  char              *notice;         /* NULL: not stated in the source */
  char              *item_label;
  char              *numbering_note; /* NULL when the source's own numbering is used */
  char              *citation_short;
  char              *abbreviation;   /* "NOHS": names the code before a ref */
  char              *website;        /* NULL: none known */
  gboolean           whole_only;     /* the notice permits reproducing only the whole code */
  GPtrArray         *front_matter;   /* EthosFrontMatter */
  GPtrArray         *sections;       /* EthosCodeSectionDef */
} EthosCodeFile;

GPtrArray     *ethos_topic_defs_load    (const char     *path,
                                         GError        **error);
EthosCodeFile *ethos_code_file_load     (const char     *path,
                                         GPtrArray      *topics,
                                         GError        **error);
guint          ethos_code_file_count_items (const EthosCodeFile *file);
void           ethos_code_file_free     (EthosCodeFile  *file);
void           ethos_topic_def_free     (EthosTopicDef  *topic);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosCodeFile, ethos_code_file_free)

G_END_DECLS
