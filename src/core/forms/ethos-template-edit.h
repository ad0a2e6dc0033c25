/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-readability.h"
#include "ethos-requirements.h"
#include "ethos-template.h"

G_BEGIN_DECLS

/* The template editor's operations on a template in memory. The editor
 * works on a copy (ethos_template_copy) that it alone holds; every change
 * goes through one of these, so the window never touches the structures
 * and the rules live here, tested without GTK. A change that the format
 * cannot hold is refused (FALSE); text may be left empty while it is being
 * written — ethos_template_get_problems() says what Save would refuse. */

typedef enum
{
  ETHOS_CLAUSE_HEADING,
  ETHOS_CLAUSE_BODY,
} EthosClausePart;

/* A deep copy, reference count 1. */
EthosTemplate *ethos_template_copy               (const EthosTemplate *tmpl);
/* The agency's own copy of @tmpl: id @id, "TITLE (@suffix)" in every
 * language, version 1.0, checked against the current requirements. */
EthosTemplate *ethos_template_duplicate          (const EthosTemplate *tmpl,
                                                  const char          *id,
                                                  const char          *suffix,
                                                  EthosRequirements   *reqs);
/* An id for a copy of @base_id named after @suffix ("Riverbend Family
 * Services" → "informed-consent-riverbend-family-services"), with "-2",
 * "-3"… until @taken (NULL, or a function returning TRUE for an id in use)
 * says it is free. Always a valid template id. */
typedef gboolean (*EthosIdTakenFunc) (const char *id,
                                      gpointer    user_data);
char          *ethos_template_make_id            (const char          *base_id,
                                                  const char          *suffix,
                                                  EthosIdTakenFunc     taken,
                                                  gpointer             user_data);

/* Clauses. Positions count from 0; -1 is the end. */
EthosClause   *ethos_template_add_clause         (EthosTemplate       *tmpl,
                                                  int                  position);
/* A copy just after the clause, id "ID-copy" (or "-copy-2"…), unlocked. */
EthosClause   *ethos_template_duplicate_clause   (EthosTemplate       *tmpl,
                                                  const char          *id);
gboolean       ethos_template_remove_clause      (EthosTemplate       *tmpl,
                                                  const char          *id);
gboolean       ethos_template_move_clause        (EthosTemplate       *tmpl,
                                                  const char          *id,
                                                  int                  position);
int            ethos_template_clause_index       (const EthosTemplate *tmpl,
                                                  const char          *id);
/* A heading is one line: line breaks become spaces. */
gboolean       ethos_template_set_clause_text    (EthosTemplate       *tmpl,
                                                  const char          *id,
                                                  EthosClausePart      part,
                                                  const char          *lang,
                                                  const char          *text);
/* @when is copied; NULL: always printed. It may name only declared fields. */
gboolean       ethos_template_set_clause_when    (EthosTemplate       *tmpl,
                                                  const char          *id,
                                                  const EthosCondition *when);
gboolean       ethos_template_set_clause_locked  (EthosTemplate       *tmpl,
                                                  const char          *id,
                                                  gboolean             locked);
gboolean       ethos_template_set_clause_hidden  (EthosTemplate       *tmpl,
                                                  const char          *id,
                                                  gboolean             hidden);
/* Tags the clause with an element of one of the template's required
 * standards (or untags it). */
gboolean       ethos_template_set_clause_tag     (EthosTemplate       *tmpl,
                                                  EthosRequirements   *reqs,
                                                  const char          *id,
                                                  const char          *element,
                                                  gboolean             tagged);
gboolean       ethos_template_set_title          (EthosTemplate       *tmpl,
                                                  const char          *lang,
                                                  const char          *text);

/* Required standards and checklists ("nohs 2", "hipaa 164.508"). */
gboolean       ethos_template_add_requirement    (EthosTemplate       *tmpl,
                                                  EthosRequirements   *reqs,
                                                  const char          *ref,
                                                  GError             **error);
/* The elements of @ref that clauses are tagged with: what removing it
 * drops (each once, in the standard's order). */
GStrv          ethos_template_requirement_tags   (const EthosTemplate *tmpl,
                                                  EthosRequirements   *reqs,
                                                  const char          *ref);
/* Removes @ref and every clause's tag of its elements. */
gboolean       ethos_template_remove_requirement (EthosTemplate       *tmpl,
                                                  EthosRequirements   *reqs,
                                                  const char          *ref);

/* A custom field: a snake_case id not yet declared (a field of the
 * contract, like client_dob, keeps its type), a label per language (@labels:
 * language → text), one of text, multiline, date or bool. */
gboolean       ethos_template_add_field          (EthosTemplate       *tmpl,
                                                  const char          *id,
                                                  EthosFieldType       type,
                                                  gboolean             required,
                                                  GHashTable          *labels,
                                                  GError             **error);
/* A choice field, the same way, with @choices: one table (language →
 * label) per choice, in order, 2 to ETHOS_TEMPLATE_MAX_CHOICES of them.
 * Each choice's id comes from its label in the template's first language
 * (a–z, 0–9 and "_"; "choice_N" when nothing is left), made unique; the
 * form prints the label. */
gboolean       ethos_template_add_choice_field   (EthosTemplate       *tmpl,
                                                  const char          *id,
                                                  gboolean             required,
                                                  GHashTable          *labels,
                                                  GPtrArray           *choices,
                                                  GError             **error);
/* Refused while a placeholder or a condition names the field. */
gboolean       ethos_template_remove_field       (EthosTemplate       *tmpl,
                                                  const char          *id,
                                                  GError             **error);

/* Signature blocks: every role the format knows, in the order forms print
 * them. */
const char * const *ethos_template_signature_roles (void);
const EthosSignatureDef *ethos_template_get_signature (const EthosTemplate *tmpl,
                                                  const char          *role);
/* Adds (in the roles' order) or removes the block of @role; @when (copied)
 * says when it prints, NULL: always. */
gboolean       ethos_template_set_signature      (EthosTemplate       *tmpl,
                                                  const char          *role,
                                                  gboolean             present,
                                                  const EthosCondition *when);

/* The reading level of a clause's body (@clause_id) or of every printed
 * clause together (@clause_id NULL), in @lang (ethos-readability.h). FALSE
 * when there is no word to measure. */
gboolean       ethos_template_reading_level      (const EthosTemplate *tmpl,
                                                  const char          *clause_id,
                                                  const char          *lang,
                                                  EthosReadability    *result);

/* What keeps the template from being saved: a text missing in one of its
 * languages, a placeholder naming no field, no clause. */
typedef struct
{
  char *clause_id;   /* NULL: the template itself */
  char *lang;        /* NULL: every language */
  char *message;     /* translated, names the clause */
} EthosTemplateProblem;

GPtrArray     *ethos_template_get_problems       (const EthosTemplate *tmpl);
void           ethos_template_problem_free       (EthosTemplateProblem *problem);
/* The language's name in the user's language: "Spanish" for "es". */
const char    *ethos_template_language_name      (const char          *lang);

G_END_DECLS
