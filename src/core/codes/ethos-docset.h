/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-corpus.h"

G_BEGIN_DECLS

/* The name of the docset directory ethos_docset_export() writes. */
#define ETHOS_DOCSET_NAME "Ethos.docset"

/* Writes the corpus as a Dash/Zeal docset, @out_dir/Ethos.docset: an
 * Info.plist, the SQLite search index and one HTML page per code plus an
 * index page and a topics page. The docset is built beside the target and
 * renamed into place, replacing an older one, so a failure leaves either the
 * old docset or none, never half of one. @out_dir is created if missing. */
gboolean ethos_docset_export (EthosCorpus  *corpus,
                              const char   *out_dir,
                              GError      **error);

G_END_DECLS
