/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-error.h"
#include "ethos-template-limits.h"
#include "ethos-unicode.h"

gboolean
ethos_template_check_id (const char  *id,
                         GError     **error)
{
  gsize length;

  g_return_val_if_fail (id != NULL, FALSE);

  length = strlen (id);
  if (length > 0 && length <= ETHOS_TEMPLATE_MAX_ID_CHARS && g_ascii_islower (*id) &&
      strspn (id, "abcdefghijklmnopqrstuvwxyz0123456789-") == length)
    return TRUE;
  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
               _("A template id must be 1 to %d characters of a–z, 0–9 and “-”, starting with a "
                 "letter, like my-consent"), ETHOS_TEMPLATE_MAX_ID_CHARS);
  return FALSE;
}

char *
ethos_template_text_problem (const char *text,
                             guint       max_chars)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup (_("The text is not valid UTF-8."));
  /* Counted before the script check, which would copy a huge text. */
  if (g_utf8_strlen (text, (gssize) MIN (strlen (text), (gsize) max_chars * 4 + 4)) > max_chars)
    return g_strdup_printf (_("it is longer than %u characters"), max_chars);
  if (!ethos_unicode_check_printable (text, &error))
    return g_strdup (error->message);
  return NULL;
}
