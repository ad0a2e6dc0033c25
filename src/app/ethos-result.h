/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ethos-corpus.h"

G_BEGIN_DECLS

/* One search result as a list-model item: the row shows a title and the
 * snippet as Pango markup with the matches highlighted. */
#define ETHOS_TYPE_RESULT (ethos_result_get_type ())

G_DECLARE_FINAL_TYPE (EthosResult, ethos_result, ETHOS, RESULT, GObject)

EthosResult     *ethos_result_new          (const EthosSearchResult *result,
                                            const EthosCodeInfo     *code);
EthosSearchKind  ethos_result_get_kind     (EthosResult             *self);
const char      *ethos_result_get_code     (EthosResult             *self);
const char      *ethos_result_get_ref      (EthosResult             *self);
const char      *ethos_result_get_topic    (EthosResult             *self);
const char      *ethos_result_get_title    (EthosResult             *self);
const char      *ethos_result_get_icon_name (EthosResult            *self);
const char      *ethos_result_get_accessible_label (EthosResult     *self);
const char      *ethos_result_get_markup   (EthosResult             *self);

G_END_DECLS
