/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-corpus.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_JUMP_DIALOG (ethos_jump_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EthosJumpDialog, ethos_jump_dialog, ETHOS, JUMP_DIALOG, AdwWindow)

/* Asks for a reference ("nohs 3", "1.11", "I.5.a") and lists every item it
 * names; emits "reference-chosen" (code, ref) when the user picks one. */
EthosJumpDialog *ethos_jump_dialog_new              (GtkWindow        *parent,
                                                     EthosCorpus      *corpus);
GtkEditable     *ethos_jump_dialog_get_entry        (EthosJumpDialog  *self);
guint            ethos_jump_dialog_get_n_candidates (EthosJumpDialog  *self);

G_END_DECLS
