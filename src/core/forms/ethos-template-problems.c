/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-error.h"
#include "ethos-template-edit.h"
#include "ethos-template-limits.h"
#include "ethos-template-private.h"

/* What Save would refuse, and reading levels: what the editor shows about a
 * template being written. */

gboolean
ethos_template_reading_level (const EthosTemplate *tmpl,
                              const char          *clause_id,
                              const char          *lang,
                              EthosReadability    *result)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (tmpl != NULL && lang != NULL && result != NULL, FALSE);

  for (guint i = 0; i < tmpl->clauses->len; i++)
    {
      const EthosClause *clause = g_ptr_array_index (tmpl->clauses, i);
      const char *body;

      if (clause_id != NULL ? !g_str_equal (clause->id, clause_id) : clause->hidden)
        continue;
      if ((body = g_hash_table_lookup (clause->body, lang)) == NULL)
        continue;
      /* Clauses are paragraphs: one never runs into the next sentence. */
      g_string_append (text, body);
      g_string_append (text, "\n\n");
    }
  return ethos_readability_measure (text->str, lang, result);
}

const char *
ethos_template_language_name (const char *lang)
{
  g_return_val_if_fail (lang != NULL, NULL);

  if (g_str_equal (lang, "en"))
    return _("English");
  if (g_str_equal (lang, "es"))
    return _("Spanish");
  return lang;
}

void
ethos_template_problem_free (EthosTemplateProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->clause_id);
  g_free (problem->lang);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray  *problems,
             const char *clause_id,
             const char *lang,
             char       *message)
{
  EthosTemplateProblem *problem = g_new0 (EthosTemplateProblem, 1);

  problem->clause_id = g_strdup (clause_id);
  problem->lang = g_strdup (lang);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* A clause's name in messages: its English heading, else its id. */
static const char *
clause_name (const EthosTemplate *tmpl,
             const EthosClause   *clause)
{
  for (guint i = 0; tmpl->languages[i] != NULL; i++)
    {
      const char *heading = g_hash_table_lookup (clause->heading, tmpl->languages[i]);

      if (!is_blank (heading))
        return heading;
    }
  return clause->id;
}

GPtrArray *
ethos_template_get_problems (const EthosTemplate *tmpl)
{
  GPtrArray *problems;

  g_return_val_if_fail (tmpl != NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_template_problem_free);
  for (guint l = 0; tmpl->languages[l] != NULL; l++)
    {
      const char *title = g_hash_table_lookup (tmpl->title, tmpl->languages[l]);
      char *problem;

      if (is_blank (title))
        add_problem (problems, NULL, tmpl->languages[l],
                     g_strdup_printf (_("The template has no title in %s"),
                                      ethos_template_language_name (tmpl->languages[l])));
      else if ((problem = ethos_template_text_problem (title, ETHOS_TEMPLATE_MAX_TITLE_CHARS)))
        {
          add_problem (problems, NULL, tmpl->languages[l],
                       g_strdup_printf (_("The title in %s: %s"),
                                        ethos_template_language_name (tmpl->languages[l]),
                                        problem));
          g_free (problem);
        }
    }
  if (tmpl->clauses->len == 0)
    add_problem (problems, NULL, NULL, g_strdup (_("The template has no clause")));

  for (guint c = 0; c < tmpl->clauses->len; c++)
    {
      const EthosClause *clause = g_ptr_array_index (tmpl->clauses, c);
      const char *name = clause_name (tmpl, clause);

      for (guint l = 0; tmpl->languages[l] != NULL; l++)
        {
          const char *lang = tmpl->languages[l];
          const char *language = ethos_template_language_name (lang);
          const char *body = g_hash_table_lookup (clause->body, lang);
          gboolean no_heading = is_blank (g_hash_table_lookup (clause->heading, lang));
          gboolean no_body = is_blank (body);
          char *problem;

          /* Translators: “Your right to stop” has no heading and no text in Spanish */
          if (no_heading && no_body)
            add_problem (problems, clause->id, lang,
                         g_strdup_printf (_("“%s” has no heading and no text in %s"), name,
                                          language));
          else if (no_heading)
            add_problem (problems, clause->id, lang,
                         g_strdup_printf (_("“%s” has no heading in %s"), name, language));
          else if (no_body)
            add_problem (problems, clause->id, lang,
                         g_strdup_printf (_("“%s” has no text in %s"), name, language));
          /* What the loader would refuse: too long, or a script that
           * cannot be printed (ethos-template-limits.h). */
          if (!no_heading &&
              (problem = ethos_template_text_problem (g_hash_table_lookup (clause->heading, lang),
                                                      ETHOS_TEMPLATE_MAX_TITLE_CHARS)) != NULL)
            {
              add_problem (problems, clause->id, lang,
                           g_strdup_printf (_("“%s”, heading in %s: %s"), name, language,
                                            problem));
              g_free (problem);
            }
          if (!no_body &&
              (problem = ethos_template_text_problem (body, ETHOS_TEMPLATE_MAX_BODY_CHARS)) != NULL)
            {
              add_problem (problems, clause->id, lang,
                           g_strdup_printf (_("“%s” in %s: %s"), name, language, problem));
              g_free (problem);
            }
          else if (!no_body && (problem = _ethos_template_body_problem (tmpl, body)) != NULL)
            {
              /* Translators: “Fees” in Spanish: placeholder {fee} names an undeclared field */
              add_problem (problems, clause->id, lang,
                           g_strdup_printf (_("“%s” in %s: %s"), name, language, problem));
              g_free (problem);
            }
        }
    }
  return problems;
}
