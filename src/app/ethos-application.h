/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ethos-corpus.h"
#include "ethos-user-db.h"

G_BEGIN_DECLS

#define ETHOS_TYPE_APPLICATION (ethos_application_get_type ())

G_DECLARE_FINAL_TYPE (EthosApplication, ethos_application, ETHOS, APPLICATION, AdwApplication)

EthosApplication *ethos_application_new                (void);
/* The codes index and the user's database, opened at startup; NULL (and
 * the matching error) when they cannot be opened. */
EthosCorpus      *ethos_application_get_corpus         (EthosApplication *self);
const GError     *ethos_application_get_corpus_error   (EthosApplication *self);
EthosUserDb      *ethos_application_get_user_db        (EthosApplication *self);
const GError     *ethos_application_get_user_db_error  (EthosApplication *self);
/* The app's settings, from the installed schema or, when Ethos runs from
 * its build tree, the schema compiled there. */
GSettings        *ethos_application_new_settings       (void);

G_END_DECLS
