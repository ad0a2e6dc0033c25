/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-condition"

#include "config.h"

#include "ethos-condition.h"

gboolean
ethos_condition_is_field_id (const char *id)
{
  g_return_val_if_fail (id != NULL, FALSE);
  return g_regex_match_simple ("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", id, 0, 0);
}

gboolean
ethos_condition_is_valid (const char *when)
{
  g_return_val_if_fail (when != NULL, FALSE);
  return ethos_condition_is_field_id (when[0] == '!' ? when + 1 : when);
}
