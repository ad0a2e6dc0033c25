/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-coverage"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-coverage.h"

/* The coverage check (data/templates/README.md, "Coverage rule"): an
 * element is covered when, whenever it applies, locked clauses that
 * satisfy it print, a signature block of a role it names prints, and the
 * fields it names are printed by locked clauses. "Whenever" is decided by
 * ethos_condition_covered_by(), so a "X" clause and a "!X" clause cover
 * an element together, and {"any": …} blocks are understood. */

void
ethos_coverage_entry_free (EthosCoverageEntry *entry)
{
  if (entry == NULL)
    return;
  g_strfreev (entry->clauses);
  g_strfreev (entry->unlocked);
  g_free (entry->problem);
  g_free (entry);
}

const char *
ethos_coverage_status_to_string (EthosCoverageStatus status)
{
  static const char * const names[] = { "covered", "UNCOVERED", "UNLOCKED", "NEW" };

  g_return_val_if_fail (status <= ETHOS_COVERAGE_NEW, NULL);
  return names[status];
}

typedef enum { PART_MISSING, PART_UNLOCKED, PART_OK } Part;

static gboolean
body_prints_field (const EthosTemplate *tmpl,
                   const EthosClause   *clause,
                   const char          *field)
{
  g_autofree char *placeholder = g_strdup_printf ("{%s}", field);

  for (guint l = 0; tmpl->languages[l] != NULL; l++)
    if (strstr (ethos_lang_text_get (clause->body, tmpl->languages[l]), placeholder) == NULL)
      return FALSE;
  return TRUE;
}

/* Clauses that carry the element (satisfy it, or print @field): locked
 * ones into @locked_ids, unlocked ones into @unlocked_ids. */
static Part
clauses_part (const EthosTemplate *tmpl,
              const EthosElement  *element,
              const char          *field,
              GStrvBuilder        *locked_ids,
              GStrvBuilder        *unlocked_ids)
{
  g_autoptr(GPtrArray) locked = g_ptr_array_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint c = 0; c < tmpl->clauses->len; c++)
    {
      const EthosClause *clause = g_ptr_array_index (tmpl->clauses, c);
      gboolean carries = clause->hidden ? FALSE : field != NULL
        ? body_prints_field (tmpl, clause, field)
        : g_strv_contains ((const char * const *) clause->satisfies, element->id);

      if (!carries)
        continue;
      g_ptr_array_add (all, clause->when);
      if (clause->locked)
        {
          g_ptr_array_add (locked, clause->when);
          g_strv_builder_add (locked_ids, clause->id);
        }
      else
        g_strv_builder_add (unlocked_ids, clause->id);
    }
  if (ethos_condition_covered_by (element->when, locked))
    return PART_OK;
  return ethos_condition_covered_by (element->when, all) ? PART_UNLOCKED : PART_MISSING;
}

static gboolean
signatures_ok (const EthosTemplate *tmpl,
               const EthosElement  *element)
{
  g_autoptr(GPtrArray) conds = g_ptr_array_new ();

  for (guint i = 0; i < tmpl->signatures->len; i++)
    {
      const EthosSignatureDef *sig = g_ptr_array_index (tmpl->signatures, i);

      if (g_strv_contains ((const char * const *) element->signatures, sig->role))
        g_ptr_array_add (conds, sig->when);
    }
  return ethos_condition_covered_by (element->when, conds);
}

static EthosCoverageEntry *
check_element (const EthosTemplate *tmpl,
               const EthosElement  *element)
{
  g_autoptr(GStrvBuilder) covering = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) unlocked = g_strv_builder_new ();
  g_autoptr(GString) problems = g_string_new (NULL);
  EthosCoverageEntry *entry = g_new0 (EthosCoverageEntry, 1);
  gboolean missing = FALSE, only_unlocked = FALSE;

  entry->element = element;
  if (element->needs_clause)
    {
      Part part = clauses_part (tmpl, element, NULL, covering, unlocked);

      if (part == PART_MISSING)
        {
          missing = TRUE;
          g_string_append (problems, _("no clause carries it whenever it applies"));
        }
      else if (part == PART_UNLOCKED)
        {
          only_unlocked = TRUE;
          g_string_append (problems, _("only unlocked clauses carry it"));
        }
    }
  if (element->signatures[0] != NULL && !signatures_ok (tmpl, element))
    {
      g_autofree char *roles = g_strjoinv (_("” or “"), element->signatures);

      missing = TRUE;
      if (problems->len > 0)
        g_string_append (problems, "; ");
      g_string_append_printf (problems, _("no “%s” signature block prints whenever it applies"),
                              roles);
    }
  for (guint f = 0; element->fields[f] != NULL; f++)
    {
      const char *field = element->fields[f];
      g_autoptr(GStrvBuilder) ignored = g_strv_builder_new ();
      Part part = ethos_template_get_field (tmpl, field) == NULL
        ? PART_MISSING : clauses_part (tmpl, element, field, ignored, unlocked);

      if (part == PART_OK)
        continue;
      if (problems->len > 0)
        g_string_append (problems, "; ");
      if (part == PART_MISSING)
        {
          missing = TRUE;
          g_string_append_printf (problems, _("no clause prints the field “%s” whenever it "
                                              "applies"), field);
        }
      else
        {
          only_unlocked = TRUE;
          g_string_append_printf (problems, _("only unlocked clauses print the field “%s”"),
                                  field);
        }
    }

  if (!missing && !only_unlocked)
    {
      entry->status = ETHOS_COVERAGE_COVERED;
      entry->clauses = g_strv_builder_end (covering);
      entry->unlocked = g_new0 (char *, 1);
      return entry;
    }
  entry->status = missing ? ETHOS_COVERAGE_UNCOVERED : ETHOS_COVERAGE_UNLOCKED;
  if (element->since > tmpl->requirements_version)
    entry->status = ETHOS_COVERAGE_NEW;
  entry->clauses = g_new0 (char *, 1);
  entry->unlocked = g_strv_builder_end (unlocked);
  entry->problem = g_string_free (g_steal_pointer (&problems), FALSE);
  return entry;
}

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
        g_ptr_array_add (coverage, check_element (tmpl, g_ptr_array_index (elements, e)));
    }
  return coverage;
}

static GStrv
ids_with (GPtrArray *coverage,
          gboolean   errors)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < coverage->len; i++)
    {
      const EthosCoverageEntry *entry = g_ptr_array_index (coverage, i);
      gboolean error = entry->status == ETHOS_COVERAGE_UNCOVERED ||
                       entry->status == ETHOS_COVERAGE_UNLOCKED;

      if (errors ? error : entry->status == ETHOS_COVERAGE_NEW)
        g_strv_builder_add (builder, entry->element->id);
    }
  return g_strv_builder_end (builder);
}

GStrv
ethos_coverage_uncovered (GPtrArray *coverage)
{
  g_return_val_if_fail (coverage != NULL, NULL);
  return ids_with (coverage, TRUE);
}

GStrv
ethos_coverage_new_elements (GPtrArray *coverage)
{
  g_return_val_if_fail (coverage != NULL, NULL);
  return ids_with (coverage, FALSE);
}
