/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-corpus.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_SECTION_PAGE (ethos_section_page_get_type ())

G_DECLARE_FINAL_TYPE (EthosSectionPage, ethos_section_page, ETHOS, SECTION_PAGE, GtkWidget)

/* The items of one section of a code (and of its subsections), each
 * leading to its own page. */
gboolean ethos_section_page_show (EthosSectionPage  *self,
                                  EthosCorpus       *corpus,
                                  const char        *code,
                                  const char        *heading,
                                  GError           **error);

G_END_DECLS
