/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Conditions on fields, clauses, signatures and requirement elements
 * (data/templates/README.md, "Conditions"):
 *
 *   "FIELD"                 the field has a value (a bool field: is true)
 *   "!FIELD"                it has none (a bool field: false or unset)
 *   {"any": [COND, …]}      at least one holds   (template format 2)
 *   {"all": [COND, …]}      every one holds      (template format 2)
 *
 * Every way of deciding whether something prints or is needed goes through
 * this module, so the window, the CLI, the coverage check and the form
 * builder cannot disagree. */

typedef enum
{
  ETHOS_CONDITION_FIELD,
  ETHOS_CONDITION_ANY,
  ETHOS_CONDITION_ALL,
} EthosConditionKind;

typedef struct _EthosCondition EthosCondition;

struct _EthosCondition
{
  EthosConditionKind  kind;
  char               *field;   /* FIELD */
  gboolean            negate;  /* FIELD: "!FIELD" */
  GPtrArray          *terms;   /* ANY, ALL: EthosCondition, at least one */
};

typedef enum
{
  ETHOS_TRUTH_FALSE,
  ETHOS_TRUTH_TRUE,
  ETHOS_TRUTH_UNKNOWN,   /* a blank form: it depends on what is written by hand */
} EthosTruth;

/* The value of @field ("true"/"false" for booleans) or NULL when it has none. */
typedef const char *(*EthosConditionLookup) (const char *field,
                                             gpointer    user_data);

/* Nesting deeper than this is refused: a condition a person can read. */
#define ETHOS_CONDITION_MAX_DEPTH 4

/* TRUE when @id is a field id: snake_case ASCII. */
gboolean        ethos_condition_is_field_id   (const char           *id);
/* TRUE when @when is "FIELD" or "!FIELD" with a valid field id. */
gboolean        ethos_condition_is_valid      (const char           *when);

/* Parses "FIELD", "!FIELD" or (with @allow_lists) {"any"|"all": […]}.
 * JSON null gives NULL without an error: check @error. */
EthosCondition *ethos_condition_from_json     (JsonNode             *node,
                                               gboolean              allow_lists,
                                               const char           *source,
                                               const char           *where,
                                               GError              **error);
EthosCondition *ethos_condition_new_field     (const char           *field,
                                               gboolean              negate);
EthosCondition *ethos_condition_copy          (const EthosCondition *cond);
void            ethos_condition_free          (EthosCondition       *cond);
void            ethos_condition_to_json       (const EthosCondition *cond,
                                               JsonBuilder          *builder);
/* TRUE when the condition is a plain "FIELD" or "!FIELD". */
gboolean        ethos_condition_is_simple     (const EthosCondition *cond);
gboolean        ethos_condition_equal         (const EthosCondition *a,
                                               const EthosCondition *b);
/* Adds each field the condition names to @fields (a set of char *). */
void            ethos_condition_collect_fields (const EthosCondition *cond,
                                               GHashTable           *fields);

/* NULL is always true. On a blank form (@blank) a field without a value is
 * unknown rather than empty; "any" is true as soon as one term is true,
 * "all" false as soon as one is false. */
EthosTruth      ethos_condition_evaluate      (const EthosCondition *cond,
                                               EthosConditionLookup  lookup,
                                               gpointer              user_data,
                                               gboolean              blank);

/* TRUE when, for every way the fields can be filled in, @cond holds
 * whenever @given does (NULL: always). */
gboolean        ethos_condition_implies       (const EthosCondition *given,
                                               const EthosCondition *cond);
/* TRUE when, whenever @given holds, at least one of @conds (an array of
 * EthosCondition, NULL items meaning "always") holds. */
gboolean        ethos_condition_covered_by    (const EthosCondition *given,
                                               GPtrArray            *conds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosCondition, ethos_condition_free)

G_END_DECLS
