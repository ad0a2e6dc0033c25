/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a template may hold, in one place: the loader (import, deployed
 * files) and the template editor check the same limits, so a template that
 * loads can always be printed. Counts are in characters. */

#define ETHOS_TEMPLATE_MAX_ID_CHARS     64      /* template, clause, field, choice ids */
#define ETHOS_TEMPLATE_MAX_TITLE_CHARS  200     /* the title, clause headings */
#define ETHOS_TEMPLATE_MAX_LABEL_CHARS  200     /* field and choice labels */
#define ETHOS_TEMPLATE_MAX_BODY_CHARS   20000   /* a clause body */
#define ETHOS_TEMPLATE_MAX_CHOICES      200     /* a choice field made in the editor (files: any) */

/* A template id: 1 to ETHOS_TEMPLATE_MAX_ID_CHARS of [a-z0-9-], starting
 * with a letter. ETHOS_ERROR_INVALID_DATA otherwise. */
gboolean ethos_template_check_id      (const char  *id,
                                       GError     **error);
/* Text that will be printed: at most @max_chars, and nothing the layout
 * would refuse at print time (ethos_unicode_check_printable: right-to-left
 * and shaped scripts, characters above U+FFFF, control characters). Whether
 * a font has the glyphs is still checked when printing: machines differ.
 * Returns NULL when it is fine, else what is wrong. */
char    *ethos_template_text_problem  (const char  *text,
                                       guint        max_chars);

G_END_DECLS
