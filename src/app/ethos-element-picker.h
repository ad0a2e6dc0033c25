/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-corpus.h"
#include "ethos-requirements.h"
#include "ethos-template.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_ELEMENT_PICKER (ethos_element_picker_get_type ())

G_DECLARE_FINAL_TYPE (EthosElementPicker, ethos_element_picker, ETHOS, ELEMENT_PICKER, AdwWindow)

/* Which requirement elements a clause satisfies: every element of the
 * template's required standards and checklists, with its description and,
 * for a standard of the codes, a button to read it. "chosen" when applied. */
EthosElementPicker *ethos_element_picker_new        (GtkWindow           *parent,
                                                     const EthosTemplate *tmpl,
                                                     EthosRequirements   *reqs,
                                                     EthosCorpus         *corpus,
                                                     const EthosClause   *clause,
                                                     const char          *ui_lang);
GStrv               ethos_element_picker_get_chosen (EthosElementPicker  *self);
/* For tests: ticks or unticks an element as a click does. */
gboolean            ethos_element_picker_set_chosen (EthosElementPicker  *self,
                                                     const char          *element,
                                                     gboolean             chosen);
/* What Apply does: "chosen", then the window closes. */
void                ethos_element_picker_apply      (EthosElementPicker  *self);

G_END_DECLS
