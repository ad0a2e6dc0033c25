/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-coverage"

#include "config.h"

#include "ethos-coverage.h"

/* The coverage check: which clauses of a template carry each element of the
 * standards it requires (PRODUCT.md §2, "Coverage check"). */

void
ethos_coverage_entry_free (EthosCoverageEntry *entry)
{
  if (entry == NULL)
    return;
  g_strfreev (entry->clauses);
  g_free (entry);
}

static gboolean
negation_of (const char *a,
             const char *b)
{
  return a[0] == '!' && g_str_equal (a + 1, b);
}

/* A clause covers an element when it satisfies it and prints whenever the
 * element applies: unconditionally, or under exactly the element's
 * condition. A "X" clause and a "!X" clause together always print. */
GPtrArray *
ethos_coverage_check (const EthosTemplate *tmpl,
                      EthosRequirements   *reqs)
{
  GPtrArray *coverage;

  g_return_val_if_fail (tmpl != NULL && reqs != NULL, NULL);

  coverage = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_coverage_entry_free);
  for (guint s = 0; tmpl->requires[s] != NULL; s++)
    {
      GPtrArray *elements = ethos_requirements_get_standard (reqs, tmpl->requires[s]);

      for (guint e = 0; elements != NULL && e < elements->len; e++)
        {
          const EthosElement *element = g_ptr_array_index (elements, e);
          g_autoptr(GStrvBuilder) covering = g_strv_builder_new ();
          g_autoptr(GPtrArray) conditional = g_ptr_array_new ();
          gboolean covered = FALSE;
          EthosCoverageEntry *entry;

          for (guint c = 0; c < tmpl->clauses->len; c++)
            {
              const EthosClause *clause = g_ptr_array_index (tmpl->clauses, c);

              if (!g_strv_contains ((const char * const *) clause->satisfies, element->id))
                continue;
              if (clause->when == NULL || g_strcmp0 (clause->when, element->when) == 0)
                {
                  g_strv_builder_add (covering, clause->id);
                  covered = TRUE;
                }
              else
                g_ptr_array_add (conditional, (gpointer) clause);
            }

          /* Complementary pairs ("X" and "!X") cover it between them. */
          for (guint a = 0; a < conditional->len; a++)
            for (guint b = 0; b < conditional->len; b++)
              {
                const EthosClause *ca = g_ptr_array_index (conditional, a);
                const EthosClause *cb = g_ptr_array_index (conditional, b);
                if (negation_of (cb->when, ca->when))
                  {
                    g_strv_builder_add (covering, ca->id);
                    g_strv_builder_add (covering, cb->id);
                    covered = TRUE;
                  }
              }

          entry = g_new0 (EthosCoverageEntry, 1);
          entry->element = element;
          entry->clauses = covered ? g_strv_builder_end (covering) : g_new0 (char *, 1);
          g_ptr_array_add (coverage, entry);
        }
    }
  return coverage;
}

GStrv
ethos_coverage_uncovered (GPtrArray *coverage)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (coverage != NULL, NULL);

  for (guint i = 0; i < coverage->len; i++)
    {
      const EthosCoverageEntry *entry = g_ptr_array_index (coverage, i);
      if (entry->clauses[0] == NULL)
        g_strv_builder_add (builder, entry->element->id);
    }
  return g_strv_builder_end (builder);
}
