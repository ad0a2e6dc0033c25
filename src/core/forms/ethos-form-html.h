/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-document.h"
#include "ethos-form-job.h"

G_BEGIN_DECLS

/* The accessible form (NOHS 10): libharu cannot tag a PDF, so a client who
 * cannot read the printed form gets one self-contained HTML file written
 * from the same document — lang on <html>, a <title>, headings h1 → h2 → h3
 * in order, lists as lists, every blank an underlined span whose
 * aria-label names what goes there, signature blocks as labelled groups.
 * No script, no style sheet or image from outside the file. */

/* The whole file's text. */
char     *ethos_form_html_from_document (EthosDocument          *doc);
/* Builds the form and writes it to @path, atomically, mode 0600. */
gboolean  ethos_form_write_html         (EthosFormJob           *job,
                                         EthosFormValues        *values,
                                         const EthosFormRequest *request,
                                         const char             *path,
                                         GError                **error);

G_END_DECLS
