/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-requirements.h"
#include "ethos-template-edit.h"
#include "ethos-template.h"

G_BEGIN_DECLS

/* What changed between two versions of a template, clause by clause: the
 * "Compare Versions" of the template editor, and a text a manager can put
 * in a staff memo. Clauses are matched by id (ids survive rewording). */

typedef enum
{
  ETHOS_CHANGE_TITLE,              /* lang, before, after */
  ETHOS_CHANGE_CLAUSE_ADDED,       /* subject: clause id */
  ETHOS_CHANGE_CLAUSE_REMOVED,
  ETHOS_CHANGE_CLAUSE_REWORDED,    /* part, lang, words */
  ETHOS_CHANGE_CLAUSE_MOVED,       /* before, after: positions from 1 */
  ETHOS_CHANGE_CLAUSE_LOCKED,      /* now locked */
  ETHOS_CHANGE_CLAUSE_UNLOCKED,
  ETHOS_CHANGE_CLAUSE_HIDDEN,
  ETHOS_CHANGE_CLAUSE_SHOWN,
  ETHOS_CHANGE_CLAUSE_CONDITION,   /* before, after: conditions as words ("" for always) */
  ETHOS_CHANGE_CLAUSE_TAGS,        /* added, removed: element ids */
  ETHOS_CHANGE_STANDARD_ADDED,     /* subject: "nohs 2" */
  ETHOS_CHANGE_STANDARD_REMOVED,   /* removed: the element tags it took along */
  ETHOS_CHANGE_FIELD_ADDED,        /* subject: field id */
  ETHOS_CHANGE_FIELD_REMOVED,
  ETHOS_CHANGE_FIELD_CHANGED,      /* label, type, required or condition */
  ETHOS_CHANGE_SIGNATURE_ADDED,    /* subject: role */
  ETHOS_CHANGE_SIGNATURE_REMOVED,
  ETHOS_CHANGE_SIGNATURE_CONDITION,
  ETHOS_CHANGE_COVERAGE,           /* subject: element id; before, after: status names */
} EthosChangeKind;

typedef enum
{
  ETHOS_WORDS_SAME,
  ETHOS_WORDS_REMOVED,
  ETHOS_WORDS_ADDED,
} EthosWordsOp;

typedef struct
{
  EthosWordsOp  op;
  char         *text;    /* the words, single-spaced */
} EthosWords;

typedef struct
{
  EthosChangeKind  kind;
  char            *subject;
  char            *lang;
  EthosClausePart  part;
  char            *before;
  char            *after;
  GPtrArray       *words;     /* EthosWords; REWORDED only */
  GStrv            added;     /* TAGS */
  GStrv            removed;   /* TAGS, STANDARD_REMOVED */
} EthosChange;

typedef struct
{
  EthosTemplate *before;   /* references */
  EthosTemplate *after;
  GPtrArray     *changes;  /* EthosChange, in the order above, clauses in form order */
} EthosTemplateDiff;

EthosTemplateDiff *ethos_template_diff           (EthosTemplate       *before,
                                                  EthosTemplate       *after,
                                                  EthosRequirements   *reqs);
void               ethos_template_diff_free      (EthosTemplateDiff   *diff);
/* How many changes of @kind. */
guint              ethos_template_diff_count     (const EthosTemplateDiff *diff,
                                                  EthosChangeKind      kind);
/* The first change of @kind about @subject, or NULL. */
const EthosChange *ethos_template_diff_find      (const EthosTemplateDiff *diff,
                                                  EthosChangeKind      kind,
                                                  const char          *subject);
/* The locked clauses of @diff->after that carry elements (tagged with
 * "satisfies") and whose text was reworded: no program can tell whether new
 * words still say what an element asks, so these are the ones a person
 * should read again before saving. Clause ids in form order; for each, in
 * @langs (optional, same order), the languages whose text changed, in the
 * template's order ("en" alone: the Spanish may now say something else). */
GStrv              ethos_template_diff_reworded_carriers (const EthosTemplateDiff *diff,
                                                  GPtrArray          **langs);
/* The whole difference as plain text for a memo, clause names and
 * conditions in @lang, changed words marked [-removed-] {+added+}. */
char              *ethos_template_diff_to_text   (const EthosTemplateDiff *diff,
                                                  const char          *lang);

/* Word by word: the shortest edit turning @before into @after
 * (EthosWords). Very long texts are compared as one replacement. */
GPtrArray         *ethos_words_diff              (const char          *before,
                                                  const char          *after);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosTemplateDiff, ethos_template_diff_free)

G_END_DECLS
