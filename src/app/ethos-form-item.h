/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ethos-requirements.h"
#include "ethos-template-store.h"

G_BEGIN_DECLS

/* One form template as a list-model item for the Forms list: what its row
 * says (title, version, languages and origin, standards, coverage), worked
 * out once from the template when the list is made. */
#define ETHOS_TYPE_FORM_ITEM (ethos_form_item_get_type ())

G_DECLARE_FINAL_TYPE (EthosFormItem, ethos_form_item, ETHOS, FORM_ITEM, GObject)

EthosFormItem *ethos_form_item_new                  (const EthosTemplateEntry *entry,
                                                     EthosRequirements        *reqs,
                                                     const char               *lang);
const char    *ethos_form_item_get_id               (EthosFormItem            *self);
gboolean       ethos_form_item_get_covered          (EthosFormItem            *self);
const char    *ethos_form_item_get_accessible_label (EthosFormItem            *self);

G_END_DECLS
