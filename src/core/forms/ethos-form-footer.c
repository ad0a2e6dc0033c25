/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-form"

#include "config.h"

#include <string.h>

#include "ethos-form.h"
#include "ethos-form-words-private.h"

/* The version stamp in every footer (PRODUCT.md §2): template id and
 * version ("adapted" when a clause was reworded for this one form, so a
 * reviewer can tell it from the agency's wording), the editions of the codes
 * it covers, the form's language. The layout adds "Page N of M". */
char *
ethos_form_footer_text (const EthosTemplate *tmpl,
                        const char          *lang,
                        GHashTable          *code_labels,
                        gboolean             adapted)
{
  const EthosFormWords *words = _ethos_form_words_for (lang);

  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) footer = g_string_new (NULL);

  g_return_val_if_fail (tmpl != NULL && lang != NULL, NULL);

  /* Regulations and practice checklists have no edition to stamp. */
  for (guint i = 0; tmpl->code_ids[i] != NULL; i++)
    {
      const char *code = tmpl->code_ids[i];
      const char *label = code_labels ? g_hash_table_lookup (code_labels, code) : NULL;
      gboolean seen = FALSE;

      for (guint j = 0; j < labels->len; j++)
        seen |= g_str_equal (labels->pdata[j], label ? label : code);
      if (!seen)
        g_ptr_array_add (labels, g_strdup (label ? label : code));
    }

  g_string_append_printf (footer, "%s %s", tmpl->id, tmpl->version);
  if (adapted)
    g_string_append_printf (footer, " (%s)", words != NULL ? words->adapted : "adapted");
  for (guint j = 0; j < labels->len; j++)
    g_string_append_printf (footer, j == 0 ? " · %s" : ", %s", (char *) labels->pdata[j]);
  g_string_append_printf (footer, " · %s", lang);
  return g_string_free (g_steal_pointer (&footer), FALSE);
}
