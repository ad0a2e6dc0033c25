/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Conditions on clauses, signatures and requirement elements: "FIELD" (the
 * field has a value, or is true) or "!FIELD" (it has none, or is false). */

/* TRUE when @id is a field id: snake_case ASCII. */
gboolean ethos_condition_is_field_id (const char *id);
/* TRUE when @when is "FIELD" or "!FIELD" with a valid field id. */
gboolean ethos_condition_is_valid    (const char *when);

G_END_DECLS
