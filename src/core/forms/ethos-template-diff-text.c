/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-template-diff-private.h"

/* The difference as a text for a staff memo: one section per kind of
 * change, words marked as wdiff does ([-removed-] {+added+}), long runs of
 * unchanged words cut down to a few words of context. */

#define CONTEXT_WORDS 6

static void
condition_words (GString              *out,
                 const EthosTemplate  *tmpl,
                 const EthosCondition *cond,
                 const char           *lang,
                 gboolean              nested)
{
  if (cond->kind == ETHOS_CONDITION_FIELD)
    {
      const EthosField *field = ethos_template_get_field (tmpl, cond->field);
      const char *label = field != NULL ? g_hash_table_lookup (field->label, lang) : NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", label != NULL ? label : cond->field);

      /* Translators: a condition that a field is not filled in: not “Guardian 1 name” */
      if (cond->negate)
        g_string_append_printf (out, _("not %s"), quoted);
      else
        g_string_append (out, quoted);
      return;
    }
  if (nested)
    g_string_append_c (out, '(');
  for (guint i = 0; i < cond->terms->len; i++)
    {
      /* Translators: between the terms of a condition: “A” or “B”, “A” and “B” */
      if (i > 0)
        g_string_append (out, cond->kind == ETHOS_CONDITION_ANY ? _(" or ") : _(" and "));
      condition_words (out, tmpl, g_ptr_array_index (cond->terms, i), lang, TRUE);
    }
  if (nested)
    g_string_append_c (out, ')');
}

char *
_ethos_condition_words (const EthosTemplate  *tmpl,
                        const EthosCondition *cond,
                        const char           *lang)
{
  GString *out = g_string_new (NULL);

  if (cond != NULL)
    condition_words (out, tmpl, cond, lang != NULL ? lang : tmpl->languages[0], FALSE);
  return g_string_free (out, FALSE);
}

static const char *
in_lang (const EthosTemplate *tmpl,
         EthosLangText       *text,
         const char          *lang)
{
  const char *value = g_hash_table_lookup (text, lang);

  if (value == NULL || *value == '\0')
    value = g_hash_table_lookup (text, tmpl->languages[0]);
  return value != NULL ? value : "";
}

/* A template's language for the memo: @lang when it has it. */
static const char *
memo_lang (const EthosTemplate *tmpl,
           const char          *lang)
{
  return lang != NULL && ethos_template_has_language (tmpl, lang) ? lang : tmpl->languages[0];
}

/* “Your right to stop” (withdraw), from the newer version when it has it. */
static char *
clause_label (const EthosTemplateDiff *diff,
              const char              *id,
              const char              *lang)
{
  const EthosTemplate *tmpl = diff->after;
  const EthosClause *clause = ethos_template_get_clause (tmpl, id);
  const char *heading;

  if (clause == NULL)
    {
      tmpl = diff->before;
      clause = ethos_template_get_clause (tmpl, id);
    }
  heading = clause != NULL ? in_lang (tmpl, clause->heading, memo_lang (tmpl, lang)) : "";
  if (*heading == '\0')
    return g_strdup_printf ("(%s)", id);
  return g_strdup_printf ("“%s” (%s)", heading, id);
}

static void
append_run (GString    *out,
            const char *text,
            gboolean    first,
            gboolean    last)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words);
  guint keep_start = last ? CONTEXT_WORDS : 0, keep_end = first ? CONTEXT_WORDS : 0;

  if (first && last)
    keep_start = n, keep_end = 0;
  if (n <= keep_start + keep_end || (!first && !last && n <= 2 * CONTEXT_WORDS))
    {
      g_string_append (out, text);
      return;
    }
  if (!first && !last)
    keep_start = keep_end = CONTEXT_WORDS;
  for (guint i = 0; i < keep_start; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "", words[i]);
  g_string_append (out, keep_start > 0 ? " …" : "…");
  for (guint i = n - keep_end; i < n; i++)
    g_string_append_printf (out, " %s", words[i]);
}

static void
append_words (GString   *out,
              GPtrArray *words)
{
  for (guint i = 0; i < words->len; i++)
    {
      const EthosWords *w = g_ptr_array_index (words, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      switch (w->op)
        {
        case ETHOS_WORDS_SAME:
          append_run (out, w->text, i == 0, i + 1 == words->len);
          break;
        case ETHOS_WORDS_REMOVED:
          g_string_append_printf (out, "[-%s-]", w->text);
          break;
        case ETHOS_WORDS_ADDED:
          g_string_append_printf (out, "{+%s+}", w->text);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static char *
joined (GStrv values)
{
  return g_strjoinv (", ", values);
}

static gboolean
section (GString                 *out,
         const EthosTemplateDiff *diff,
         const char              *title,
         const EthosChangeKind   *kinds,
         guint                    n_kinds)
{
  guint n = 0;

  for (guint k = 0; k < n_kinds; k++)
    n += ethos_template_diff_count (diff, kinds[k]);
  if (n == 0)
    return FALSE;
  g_string_append_printf (out, "\n%s\n", title);
  return TRUE;
}

static void
describe (GString                 *out,
          const EthosTemplateDiff *diff,
          const EthosChange       *change,
          const char              *lang)
{
  g_autofree char *label = NULL;
  const char *language = change->lang != NULL ? ethos_template_language_name (change->lang) : "";

  switch (change->kind)
    {
    case ETHOS_CHANGE_TITLE:
      g_string_append_printf (out, "  %s: “%s” → “%s”\n", language, change->before, change->after);
      break;
    case ETHOS_CHANGE_CLAUSE_ADDED:
      label = clause_label (diff, change->subject, lang);
      g_string_append_printf (out, "  + %s\n", label);
      break;
    case ETHOS_CHANGE_CLAUSE_REMOVED:
      label = clause_label (diff, change->subject, lang);
      g_string_append_printf (out, "  − %s\n", label);
      break;
    case ETHOS_CHANGE_CLAUSE_REWORDED:
      label = clause_label (diff, change->subject, lang);
      /* Translators: “Complaints” (complaints), text in Spanish: */
      g_string_append_printf (out, change->part == ETHOS_CLAUSE_HEADING ? _("  %s, heading in %s:\n")
                                                                        : _("  %s, text in %s:\n"),
                              label, language);
      g_string_append (out, "    ");
      append_words (out, change->words);
      g_string_append_c (out, '\n');
      break;
    case ETHOS_CHANGE_CLAUSE_LOCKED:
      label = clause_label (diff, change->subject, lang);
      g_string_append_printf (out, _("  %s: now locked (counselors cannot reword it)\n"), label);
      break;
    case ETHOS_CHANGE_CLAUSE_UNLOCKED:
      label = clause_label (diff, change->subject, lang);
      g_string_append_printf (out, _("  %s: now unlocked (counselors may reword it)\n"), label);
      break;
    case ETHOS_CHANGE_CLAUSE_MOVED:
      label = clause_label (diff, change->subject, lang);
      g_string_append_printf (out, _("  %s: moved from position %s to %s\n"), label,
                              change->before, change->after);
      break;
    case ETHOS_CHANGE_CLAUSE_HIDDEN:
      label = clause_label (diff, change->subject, lang);
      g_string_append_printf (out, _("  %s: hidden (no longer printed)\n"), label);
      break;
    case ETHOS_CHANGE_CLAUSE_SHOWN:
      label = clause_label (diff, change->subject, lang);
      g_string_append_printf (out, _("  %s: printed again\n"), label);
      break;
    case ETHOS_CHANGE_CLAUSE_CONDITION:
    case ETHOS_CHANGE_SIGNATURE_CONDITION:
      {
        gboolean clause = change->kind == ETHOS_CHANGE_CLAUSE_CONDITION;
        const EthosCondition *old_when = NULL, *new_when = NULL;
        g_autofree char *before = NULL, *after = NULL;

        if (clause)
          {
            old_when = ethos_template_get_clause (diff->before, change->subject)->when;
            new_when = ethos_template_get_clause (diff->after, change->subject)->when;
            label = clause_label (diff, change->subject, lang);
          }
        else
          {
            old_when = ethos_template_get_signature (diff->before, change->subject)->when;
            new_when = ethos_template_get_signature (diff->after, change->subject)->when;
            /* Translators: a signature block, by its role: the “witness” signature */
            label = g_strdup_printf (_("the “%s” signature"), change->subject);
          }
        before = old_when ? _ethos_condition_words (diff->before, old_when,
                                                    memo_lang (diff->before, lang))
                          : g_strdup (_("always"));
        after = new_when ? _ethos_condition_words (diff->after, new_when,
                                                   memo_lang (diff->after, lang))
                         : g_strdup (_("always"));
        /* Translators: “Guardian” (guardian): printed when “Guardian 1 name” (was: always) */
        g_string_append_printf (out, _("  %s: printed when %s (was: %s)\n"), label, after, before);
      }
      break;
    case ETHOS_CHANGE_CLAUSE_TAGS:
      label = clause_label (diff, change->subject, lang);
      if (change->added[0] != NULL)
        {
          g_autofree char *list = joined (change->added);
          g_string_append_printf (out, _("  %s: now satisfies %s\n"), label, list);
        }
      if (change->removed[0] != NULL)
        {
          g_autofree char *list = joined (change->removed);
          g_string_append_printf (out, _("  %s: no longer satisfies %s\n"), label, list);
        }
      break;
    case ETHOS_CHANGE_STANDARD_ADDED:
      g_string_append_printf (out, _("  + now required: %s\n"), change->subject);
      break;
    case ETHOS_CHANGE_STANDARD_REMOVED:
      if (change->removed != NULL && change->removed[0] != NULL)
        {
          g_autofree char *list = joined (change->removed);
          g_string_append_printf (out, _("  − no longer required: %s (its elements %s are no "
                                         "longer tagged)\n"), change->subject, list);
        }
      else
        g_string_append_printf (out, _("  − no longer required: %s\n"), change->subject);
      break;
    case ETHOS_CHANGE_FIELD_ADDED:
    case ETHOS_CHANGE_FIELD_REMOVED:
    case ETHOS_CHANGE_FIELD_CHANGED:
      {
        const EthosTemplate *tmpl = change->kind == ETHOS_CHANGE_FIELD_REMOVED ? diff->before
                                                                               : diff->after;
        const EthosField *field = ethos_template_get_field (tmpl, change->subject);
        const char *field_label = in_lang (tmpl, field->label, memo_lang (tmpl, lang));
        const char *mark = change->kind == ETHOS_CHANGE_FIELD_ADDED ? "+"
                           : change->kind == ETHOS_CHANGE_FIELD_REMOVED ? "−" : "~";

        g_string_append_printf (out, "  %s %s “%s”%s\n", mark, field->id, field_label,
                                change->kind == ETHOS_CHANGE_FIELD_CHANGED
                                  ? _(" (its label, type, condition or whether it is required)")
                                  : "");
      }
      break;
    case ETHOS_CHANGE_SIGNATURE_ADDED:
      g_string_append_printf (out, "  + %s\n", change->subject);
      break;
    case ETHOS_CHANGE_SIGNATURE_REMOVED:
      g_string_append_printf (out, "  − %s\n", change->subject);
      break;
    case ETHOS_CHANGE_COVERAGE:
      g_string_append_printf (out, "  %s: %s → %s\n", change->subject,
                              *change->before ? change->before : _("not required"),
                              *change->after ? change->after : _("not required"));
      break;
    default:
      g_assert_not_reached ();
    }
}

char *
ethos_template_diff_to_text (const EthosTemplateDiff *diff,
                             const char              *lang)
{
  static const EthosChangeKind title[] = { ETHOS_CHANGE_TITLE };
  static const EthosChangeKind added[] = { ETHOS_CHANGE_CLAUSE_ADDED };
  static const EthosChangeKind removed[] = { ETHOS_CHANGE_CLAUSE_REMOVED };
  static const EthosChangeKind reworded[] = { ETHOS_CHANGE_CLAUSE_REWORDED };
  static const EthosChangeKind locks[] = { ETHOS_CHANGE_CLAUSE_LOCKED,
                                           ETHOS_CHANGE_CLAUSE_UNLOCKED };
  static const EthosChangeKind other[] = { ETHOS_CHANGE_CLAUSE_MOVED, ETHOS_CHANGE_CLAUSE_HIDDEN,
                                           ETHOS_CHANGE_CLAUSE_SHOWN,
                                           ETHOS_CHANGE_CLAUSE_CONDITION,
                                           ETHOS_CHANGE_CLAUSE_TAGS };
  static const EthosChangeKind standards[] = { ETHOS_CHANGE_STANDARD_ADDED,
                                               ETHOS_CHANGE_STANDARD_REMOVED };
  static const EthosChangeKind fields[] = { ETHOS_CHANGE_FIELD_ADDED, ETHOS_CHANGE_FIELD_REMOVED,
                                            ETHOS_CHANGE_FIELD_CHANGED };
  static const EthosChangeKind signatures[] = { ETHOS_CHANGE_SIGNATURE_ADDED,
                                                ETHOS_CHANGE_SIGNATURE_REMOVED,
                                                ETHOS_CHANGE_SIGNATURE_CONDITION };
  static const EthosChangeKind coverage[] = { ETHOS_CHANGE_COVERAGE };
  const struct { const char *title; const EthosChangeKind *kinds; guint n; } sections[] = {
    { N_("Title"), title, G_N_ELEMENTS (title) },
    { N_("Clauses added"), added, G_N_ELEMENTS (added) },
    { N_("Clauses removed"), removed, G_N_ELEMENTS (removed) },
    { N_("Clauses reworded"), reworded, G_N_ELEMENTS (reworded) },
    { N_("Locks"), locks, G_N_ELEMENTS (locks) },
    { N_("Other clause changes"), other, G_N_ELEMENTS (other) },
    { N_("Required standards"), standards, G_N_ELEMENTS (standards) },
    { N_("Fields"), fields, G_N_ELEMENTS (fields) },
    { N_("Signatures"), signatures, G_N_ELEMENTS (signatures) },
    { N_("Coverage"), coverage, G_N_ELEMENTS (coverage) },
  };
  GString *out;
  const char *memo;

  g_return_val_if_fail (diff != NULL, NULL);

  memo = memo_lang (diff->after, lang);
  out = g_string_new (NULL);
  /* Translators: Changes to “Informed Consent” (informed-consent-riverbend) from version 1.0 to 2.0 */
  g_string_append_printf (out, _("Changes to “%s” (%s) from version %s to %s\n"),
                          in_lang (diff->after, diff->after->title, memo), diff->after->id,
                          diff->before->version, diff->after->version);
  if (diff->changes->len == 0)
    g_string_append_printf (out, "\n%s\n", _("The two versions are the same."));

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      if (!section (out, diff, _(sections[s].title), sections[s].kinds, sections[s].n))
        continue;
      for (guint i = 0; i < diff->changes->len; i++)
        {
          const EthosChange *change = g_ptr_array_index (diff->changes, i);

          for (guint k = 0; k < sections[s].n; k++)
            if (change->kind == sections[s].kinds[k])
              describe (out, diff, change, lang);
        }
    }
  return g_string_free (out, FALSE);
}
