/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-template.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_CLAUSE_EDITOR (ethos_clause_editor_get_type ())

G_DECLARE_FINAL_TYPE (EthosClauseEditor, ethos_clause_editor, ETHOS, CLAUSE_EDITOR, AdwWindow)

/* Rewords an unlocked clause for one client's form. The template keeps its
 * wording; "apply" hands back the new text (NULL: the template's again),
 * checked by the core first (placeholders must name the form's fields). */
EthosClauseEditor *ethos_clause_editor_new      (GtkWindow         *parent,
                                                 EthosTemplate     *tmpl,
                                                 const EthosClause *clause,
                                                 const char        *lang,
                                                 const char        *text);
GtkTextBuffer     *ethos_clause_editor_get_buffer (EthosClauseEditor *self);
/* What the Apply button does: TRUE when the text was accepted. */
gboolean           ethos_clause_editor_apply    (EthosClauseEditor *self);

/* {placeholders} in a text buffer: those naming a field of @tmpl in one
 * style, the others marked as errors (the template editor's too). */
void               ethos_placeholder_tags_create (GtkTextBuffer      *buffer);
void               ethos_placeholder_tags_apply (GtkTextBuffer       *buffer,
                                                 const EthosTemplate *tmpl);

G_END_DECLS
