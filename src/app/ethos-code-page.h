/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-corpus.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_CODE_PAGE (ethos_code_page_get_type ())

G_DECLARE_FINAL_TYPE (EthosCodePage, ethos_code_page, ETHOS, CODE_PAGE, GtkWidget)

/* A code's overview: title, publisher, edition, front matter, notice and
 * how Ethos numbers its items. */
gboolean ethos_code_page_show (EthosCodePage  *self,
                               EthosCorpus    *corpus,
                               const char     *code,
                               GError        **error);

G_END_DECLS
