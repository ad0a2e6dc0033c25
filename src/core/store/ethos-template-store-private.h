/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ethos-template-store.h"

G_BEGIN_DECLS

/* Shared by the store's files (ethos-template-store.c, -rescue.c). */

struct _EthosTemplateStore
{
  EthosRequirements *reqs;
  EthosUserDb       *db;
  GPtrArray         *entries;   /* EthosTemplateEntry, sorted by id */
  GPtrArray         *problems;  /* char *, NULL-terminated */
  GHashTable        *protected; /* id → EthosTemplateEntry of a built-in or deployed template */
};

/* Adds or replaces the entry of @tmpl (owned). */
const EthosTemplateEntry *_ethos_template_store_put     (EthosTemplateStore  *self,
                                                         EthosTemplate       *tmpl,
                                                         EthosTemplateSource  source,
                                                         const char          *origin);
/* FALSE with an error when @id is a built-in's or a deployed template's. */
gboolean        _ethos_template_store_refuse_protected  (EthosTemplateStore  *self,
                                                         const char          *id,
                                                         GError             **error);
/* TRUE with an error when the store has no user database. */
gboolean        _ethos_template_store_no_db             (EthosTemplateStore  *self,
                                                         GError             **error);
/* Validates @tmpl (owned) under @as_id, stores it as the next version and
 * makes it the agency template in use. */
const EthosTemplateEntry *_ethos_template_store_store   (EthosTemplateStore  *self,
                                                         EthosTemplate       *tmpl,
                                                         const char          *as_id,
                                                         const char          *note,
                                                         gboolean            *added,
                                                         GError             **error);

G_END_DECLS
