/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-agency-profile.h"
#include "ethos-template-store.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_VERSIONS_WINDOW (ethos_versions_window_get_type ())

G_DECLARE_FINAL_TYPE (EthosVersionsWindow, ethos_versions_window, ETHOS, VERSIONS_WINDOW, AdwWindow)

/* Every saved version of an agency template, newest first, from the one
 * versions table: each can be viewed (its preview beside the list),
 * exported as a template file, or restored — which saves the next version
 * with its content, so nothing is ever lost. "restored" after a restore. */
EthosVersionsWindow *ethos_versions_window_new     (GtkWindow                *parent,
                                                    EthosTemplateStore       *store,
                                                    EthosUserDb              *db,
                                                    const char               *id,
                                                    const EthosAgencyProfile *profile,
                                                    const char               *ui_lang,
                                                    GError                  **error);
/* Shows @version's preview. */
gboolean             ethos_versions_window_view    (EthosVersionsWindow      *self,
                                                    const char               *version);
/* What Restore does, without asking. */
gboolean             ethos_versions_window_restore (EthosVersionsWindow      *self,
                                                    const char               *version,
                                                    GError                  **error);
/* Export's last step, without the file chooser. */
gboolean             ethos_versions_window_export_to (EthosVersionsWindow    *self,
                                                    const char               *version,
                                                    GFile                    *file,
                                                    GError                  **error);
GtkWidget           *ethos_versions_window_get_row (EthosVersionsWindow      *self,
                                                    const char               *version);

G_END_DECLS
