/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ethos-template-diff.h"

G_BEGIN_DECLS

/* A condition in words with the fields' labels in @lang (NULL: the
 * template's first language): "“Guardian 1 name” or not “Services are
 * mandated”"; "" for NULL (always). */
char *_ethos_condition_words (const EthosTemplate  *tmpl,
                              const EthosCondition *cond,
                              const char           *lang);

G_END_DECLS
