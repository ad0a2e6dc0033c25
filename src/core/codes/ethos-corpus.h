/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The read-only corpus index: the codes, their items and topics, and the
 * full-text search over them. Opened read-only; never written at run time. */

typedef struct _EthosCorpus EthosCorpus;

typedef struct
{
  char  *id;
  char  *title;
  char  *short_title;
  char  *publisher;       /* NULL: not stated in the source */
  char  *edition;         /* NULL: not stated in the source */
  int    year;            /* 0: not stated in the source */
  char  *notice;          /* NULL: not stated in the source */
  char  *item_label;
  char  *numbering_note;
  char  *citation_short;
  char  *abbreviation;    /* "NOHS", before a ref in titles and results */
  char  *website;         /* the publisher's, NULL where none is known */
  gboolean whole_only;    /* the notice lets only the whole code be reproduced */
  guint  n_items;
} EthosCodeInfo;

typedef struct
{
  char  *code;
  char  *ref;
  char  *parent_ref;      /* NULL for a top-level item */
  char  *section;         /* heading of the section holding it */
  char  *heading;         /* may be NULL */
  char  *text;
  GStrv  topics;
  int    depth;           /* 0 for items, 1 for sub-items (OESC I.4.a) */
} EthosItem;

typedef struct
{
  char  *code;
  char  *section;         /* NULL for the code's own front matter */
  char  *heading;         /* may be NULL */
  char  *text;
} EthosFrontMatterEntry;

typedef struct
{
  char  *code;
  char  *heading;
  int    depth;
  int    position;        /* document order within the code */
} EthosSection;

typedef struct
{
  char  *id;
  char  *label;
  char  *description;
  char  *reason;
  guint  n_items;
} EthosTopic;

typedef enum
{
  ETHOS_SEARCH_REF,       /* the query is a reference to this item */
  ETHOS_SEARCH_ITEM,      /* the item's text matched */
  ETHOS_SEARCH_FRONT,     /* a preamble or purpose statement matched */
  ETHOS_SEARCH_TOPIC,     /* the query names a topic: no code or ref; heading is its label */
  ETHOS_SEARCH_ON_TOPIC,  /* the item carries a topic the query names */
} EthosSearchKind;

#define ETHOS_SNIPPET_OPEN  "\x02"
#define ETHOS_SNIPPET_CLOSE "\x03"

typedef struct
{
  EthosSearchKind  kind;
  char            *code;
  char            *ref;     /* NULL for front matter and topics */
  char            *topic;   /* the topic's id, for TOPIC and ON_TOPIC */
  char            *heading; /* may be NULL */
  char            *snippet; /* matches between ETHOS_SNIPPET_OPEN and _CLOSE */
  double           score;   /* bm25: lower is better; 0 for ref matches */
} EthosSearchResult;

EthosCorpus   *ethos_corpus_open               (const char   *path,
                                                GError      **error);
void           ethos_corpus_free               (EthosCorpus  *corpus);
/* Topic labels are shown in this language when translated (default: the
 * user's, from the locale); NULL for the original English. */
void           ethos_corpus_set_language       (EthosCorpus  *corpus,
                                                const char   *lang);

GPtrArray     *ethos_corpus_list_codes         (EthosCorpus  *corpus,
                                                GError      **error);
/* Code id → the label a form's footer names it by ("NOHS 2024", or the
 * short citation when the edition is not stated). */
GHashTable    *ethos_corpus_get_code_labels    (EthosCorpus  *corpus,
                                                GError      **error);
EthosCodeInfo *ethos_corpus_get_code           (EthosCorpus  *corpus,
                                                const char   *code,
                                                GError      **error);
GPtrArray     *ethos_corpus_list_sections      (EthosCorpus  *corpus,
                                                const char   *code,
                                                GError      **error);
GPtrArray     *ethos_corpus_list_front_matter  (EthosCorpus  *corpus,
                                                const char   *code,
                                                GError      **error);
GPtrArray     *ethos_corpus_list_items         (EthosCorpus  *corpus,
                                                const char   *code,
                                                GError      **error);
EthosItem     *ethos_corpus_get_item           (EthosCorpus  *corpus,
                                                const char   *code,
                                                const char   *ref,
                                                GError      **error);
GPtrArray     *ethos_corpus_find_ref           (EthosCorpus  *corpus,
                                                const char   *text,
                                                GError      **error);
GPtrArray     *ethos_corpus_list_topics        (EthosCorpus  *corpus,
                                                GError      **error);
EthosTopic    *ethos_corpus_get_topic          (EthosCorpus  *corpus,
                                                const char   *topic,
                                                GError      **error);
GPtrArray     *ethos_corpus_items_for_topic    (EthosCorpus  *corpus,
                                                const char   *topic,
                                                GError      **error);
/* References first, then the topics the query names, the text matches,
 * and last the items on those topics that the text did not match; at
 * most @limit results in all. */
GPtrArray     *ethos_corpus_search             (EthosCorpus  *corpus,
                                                const char   *query,
                                                const char   *code,
                                                guint         limit,
                                                GError      **error);

/* The item's heading and text with the query's matches marked as in a
 * snippet; unmarked when the query matches nothing in it. */
EthosItem     *ethos_corpus_highlight_item     (EthosCorpus  *corpus,
                                                const char   *code,
                                                const char   *ref,
                                                const char   *query,
                                                GError      **error);

char          *ethos_search_result_format_snippet (const EthosSearchResult *result,
                                                   const char              *open,
                                                   const char              *close);
typedef enum
{
  ETHOS_CITATION_SHORT,   /* NOHS (2024), Standard 3 */
  ETHOS_CITATION_FULL,    /* a reference-list entry */
} EthosCitationStyle;

char          *ethos_item_format_citation      (const EthosItem     *item,
                                                const EthosCodeInfo *code,
                                                EthosCitationStyle   style);

/* What the code calls its items ("Standard"), in the user's language for
 * display; citations keep the source's own word (@info->item_label). */
const char    *ethos_code_info_get_item_label  (const EthosCodeInfo    *info);
/* The entry for @code (matched without regard to case) in a list from
 * ethos_corpus_list_codes(), or NULL. */
const EthosCodeInfo *ethos_code_info_find      (GPtrArray              *codes,
                                                const char             *code);
void           ethos_code_info_free            (EthosCodeInfo          *info);
void           ethos_item_free                 (EthosItem              *item);
void           ethos_front_matter_entry_free   (EthosFrontMatterEntry  *entry);
void           ethos_section_free              (EthosSection           *section);
void           ethos_topic_free                (EthosTopic             *topic);
void           ethos_search_result_free        (EthosSearchResult      *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosCorpus, ethos_corpus_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosCodeInfo, ethos_code_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosItem, ethos_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosTopic, ethos_topic_free)

G_END_DECLS
