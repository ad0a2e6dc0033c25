/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text with matches between ETHOS_SNIPPET_OPEN and ETHOS_SNIPPET_CLOSE (as the
 * core's search returns it) turned into Pango markup: everything else is
 * escaped, the matches are highlighted. */
char *ethos_markup_from_marked (const char *marked);

/* Plain text with the markers removed. */
char *ethos_markup_strip_marks (const char *marked);

G_END_DECLS
