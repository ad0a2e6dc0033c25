/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-application.h"
#include "ethos-codes-view.h"
#include "ethos-history.h"
#include "ethos-node.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_WINDOW (ethos_window_get_type ())

G_DECLARE_FINAL_TYPE (EthosWindow, ethos_window, ETHOS, WINDOW, AdwApplicationWindow)

EthosWindow *ethos_window_new      (EthosApplication  *application);
/* Shows a place (an item: @key is its ref; a section: its heading; a
 * topic to compare: its id) and records it in the history. */
gboolean     ethos_window_navigate (EthosWindow       *self,
                                    EthosNodeKind      kind,
                                    const char        *code,
                                    const char        *key,
                                    GError           **error);
/* Shows the Codes view searching for @text, as typed in its entry. */
void            ethos_window_search         (EthosWindow  *self,
                                             const char   *text);
EthosCodesView *ethos_window_get_codes_view (EthosWindow  *self);
/* The history both views push their places to. */
EthosHistory   *ethos_window_get_history    (EthosWindow  *self);

G_END_DECLS
