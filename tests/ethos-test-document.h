/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-document.h"
#include "ethos-layout.h"

G_BEGIN_DECLS

/* A realistic filled consent form of about three Letter pages: letterhead,
 * title, fields, eight clauses with bullets and check boxes, three signature
 * blocks. @name is the client's name, printed in several places. */
EthosDocument *ethos_test_document_new_form   (const char    *name,
                                               EthosPaper     paper);
EthosBlock    *ethos_test_document_add_text   (EthosDocument *doc,
                                               EthosBlockKind kind,
                                               const char    *text);
EthosBlock    *ethos_test_document_add_signature (EthosDocument *doc,
                                               const char    *role,
                                               const char    *name);
/* The text of the TEXT ops of @page with @role (all roles when @role < 0),
 * runs joined with nothing, lines with '\n'. */
char          *ethos_test_layout_text         (EthosLayout   *layout,
                                               guint          page,
                                               int            role);

G_END_DECLS
