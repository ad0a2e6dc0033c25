/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-corpus.h"

G_BEGIN_DECLS

/* Dash entry types (https://kapeli.com/docsets#supportedentrytypes). */
#define _ETHOS_DOCSET_TYPE_CODE    "Guide"
#define _ETHOS_DOCSET_TYPE_SECTION "Section"
#define _ETHOS_DOCSET_TYPE_ITEM    "Entry"
#define _ETHOS_DOCSET_TYPE_TOPIC   "Category"

typedef struct
{
  char       *name;
  const char *type;
  char       *path;       /* relative to Documents/, with its #fragment */
} EthosDocsetEntry;

typedef struct
{
  EthosCorpus *corpus;
  GPtrArray   *codes;     /* EthosCodeInfo, in display order */
  GPtrArray   *topics;    /* EthosTopic */
  GHashTable  *topic_labels;  /* id → label, borrowed from topics */
  GHashTable  *code_infos;    /* id → EthosCodeInfo, borrowed from codes */
  GPtrArray   *entries;   /* EthosDocsetEntry, filled while rendering */
} EthosDocsetBuilder;

char *_ethos_docset_page_name     (const char          *code);
char *_ethos_docset_render_index  (EthosDocsetBuilder  *builder);
char *_ethos_docset_render_code   (EthosDocsetBuilder  *builder,
                                   const EthosCodeInfo *code,
                                   GError             **error);
char *_ethos_docset_render_topics (EthosDocsetBuilder  *builder,
                                   GError             **error);

G_END_DECLS
