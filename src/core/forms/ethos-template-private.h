/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ethos-template.h"

G_BEGIN_DECLS

/* For the modules that build or change templates in memory (the editor's
 * operations in ethos-template-edit.c). */
EthosTemplate *_ethos_template_new_empty (void);
void           _ethos_field_free         (EthosField        *field);
void           _ethos_choice_free        (EthosChoice       *choice);
void           _ethos_clause_free        (EthosClause       *clause);
void           _ethos_signature_free     (EthosSignatureDef *sig);
/* NULL when every {placeholder} of @body names a field of @tmpl, else what
 * is wrong (translated). */
char          *_ethos_template_body_problem (const EthosTemplate *tmpl,
                                          const char          *body);
/* The type a field id of the contract (client_name, date…) must have. */
gboolean       _ethos_template_standard_field_type (const char     *id,
                                          EthosFieldType *type);
const char * const *_ethos_template_signature_roles (void);

/* ethos-template-edit.c: for the editor's modules. */
EthosLangText *_ethos_lang_text_new      (void);
/* TRUE when every field @when names is declared in @tmpl. */
gboolean       _ethos_template_condition_declared (const EthosTemplate  *tmpl,
                                          const EthosCondition *when);
/* Conditions the first format cannot hold make the template format 2. */
void           _ethos_template_raise_format (EthosTemplate    *tmpl);

G_END_DECLS
