/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-forms-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ethos-forms-text.h"

const char *
ethos_forms_ui_language (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "es") ? "es" : "en";
}

const char *
ethos_forms_text (const EthosTemplate *tmpl,
                  EthosLangText       *text,
                  const char          *lang)
{
  const char *value;

  g_return_val_if_fail (tmpl != NULL, NULL);

  if (text == NULL)
    return "";
  if ((value = ethos_lang_text_get (text, lang)) != NULL ||
      (value = ethos_lang_text_get (text, "en")) != NULL ||
      (tmpl->languages[0] != NULL &&
       (value = ethos_lang_text_get (text, tmpl->languages[0])) != NULL))
    return value;
  return "";
}

const char *
ethos_forms_source_label (EthosTemplateSource source)
{
  switch (source)
    {
    case ETHOS_TEMPLATE_BUILTIN:
      /* Translators: where a form template comes from: shipped with Ethos */
      return _("Built-in");
    case ETHOS_TEMPLATE_SYSTEM:
      /* Translators: where a form template comes from: installed on this
       * computer for every user, usually by IT */
      return _("System");
    case ETHOS_TEMPLATE_SHARED:
      /* Translators: where a form template comes from: the agency's shared
       * templates folder, usually on a network share */
      return _("Shared folder");
    case ETHOS_TEMPLATE_AGENCY:
      /* Translators: where a form template comes from: imported or edited
       * by the agency, kept in this user's Ethos */
      return _("Agency");
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
language_name (const char *lang)
{
  if (g_str_equal (lang, "en"))
    return _("English");
  if (g_str_equal (lang, "es"))
    return _("Spanish");
  return NULL;
}

char *
ethos_forms_languages_label (const EthosTemplate *tmpl)
{
  g_autoptr(GString) label = g_string_new (NULL);

  g_return_val_if_fail (tmpl != NULL, NULL);

  for (guint i = 0; tmpl->languages[i] != NULL; i++)
    {
      const char *name = language_name (tmpl->languages[i]);
      g_autofree char *upper = NULL;

      if (name == NULL)
        name = upper = g_ascii_strup (tmpl->languages[i], -1);
      if (i > 0)
        /* Translators: between the languages of a form: "English, Spanish" */
        g_string_append (label, _(", "));
      g_string_append (label, name);
    }
  return g_string_free (g_steal_pointer (&label), FALSE);
}

char *
ethos_forms_code_label (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  /* Short ids are acronyms (NOHS, OESC); longer ones are words. */
  if (strlen (code) <= 4)
    return g_ascii_strup (code, -1);
  return g_strdup_printf ("%c%s", g_ascii_toupper (code[0]), code + 1);
}

gboolean
ethos_forms_split_standard (const char  *standard,
                            char       **code,
                            char       **ref)
{
  const char *space;

  g_return_val_if_fail (standard != NULL, FALSE);

  space = strchr (standard, ' ');
  if (space == NULL || space == standard || space[1] == '\0')
    return FALSE;
  if (code != NULL)
    *code = g_strndup (standard, space - standard);
  if (ref != NULL)
    *ref = g_strdup (space + 1);
  return TRUE;
}

char *
ethos_forms_requires_label (const EthosTemplate *tmpl)
{
  g_autoptr(GString) label = g_string_new (NULL);
  g_autofree char *last_code = NULL;

  g_return_val_if_fail (tmpl != NULL, NULL);

  for (guint i = 0; tmpl->requires[i] != NULL; i++)
    {
      g_autofree char *code = NULL;
      g_autofree char *ref = NULL;

      if (!ethos_forms_split_standard (tmpl->requires[i], &code, &ref) ||
          !g_strv_contains ((const char * const *) tmpl->code_ids, code))
        {
          /* A regulation by its usual name ("HIPAA 164.508", "42 CFR 2.31");
           * practice checklists are not standards to list here. */
          g_autofree char *name = NULL;

          g_clear_pointer (&last_code, g_free);
          if (code == NULL || g_str_has_prefix (tmpl->requires[i], "practice"))
            continue;
          if (g_str_has_prefix (code, "cfr") && g_ascii_isdigit (code[3]))
            name = g_strdup_printf ("%s CFR %s", code + 3, ref);
          else
            {
              g_autofree char *upper = g_ascii_strup (code, -1);
              name = g_strdup_printf ("%s %s", upper, ref);
            }
          g_string_append_printf (label, "%s%s", label->len > 0 ? " · " : "", name);
          continue;
        }
      if (last_code != NULL && g_ascii_strcasecmp (code, last_code) == 0)
        g_string_append_printf (label, ", %s", ref);
      else
        {
          g_autofree char *name = ethos_forms_code_label (code);
          g_string_append_printf (label, "%s%s %s", label->len > 0 ? " · " : "", name, ref);
          g_free (last_code);
          last_code = g_steal_pointer (&code);
        }
    }
  return g_string_free (g_steal_pointer (&label), FALSE);
}

char *
ethos_forms_coverage_label (guint n_elements,
                            guint n_uncovered)
{
  if (n_elements == 0)
    return g_strdup (_("Requires no standards"));
  if (n_uncovered == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The %u required element is covered",
                                         "All %u required elements covered", n_elements),
                            n_elements);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u element not covered",
                                       "%u elements not covered", n_uncovered),
                          n_uncovered);
}

/* One term of a condition, in words: "Services are mandated", "not: …",
 * "Parent or guardian 1: name (filled in)". */
static char *
condition_term (const EthosTemplate  *tmpl,
                const EthosCondition *cond,
                const char           *lang)
{
  const EthosField *field;
  const char *label;
  GPtrArray *parts;
  char *joined;

  if (cond->kind != ETHOS_CONDITION_FIELD)
    {
      parts = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < cond->terms->len; i++)
        g_ptr_array_add (parts, condition_term (tmpl, g_ptr_array_index (cond->terms, i), lang));
      g_ptr_array_add (parts, NULL);
      /* Translators: joins the parts of a condition: "A or B", "A and B" */
      joined = g_strjoinv (cond->kind == ETHOS_CONDITION_ANY ? _(" or ") : _(" and "),
                           (char **) parts->pdata);
      g_ptr_array_unref (parts);
      return joined;
    }
  field = ethos_template_get_field (tmpl, cond->field);
  label = field != NULL ? ethos_forms_text (tmpl, field->label, lang) : cond->field;
  if (field == NULL || field->type == ETHOS_FIELD_BOOL)
    /* Translators: a yes/no field that must be off, e.g. "not: Services are mandated" */
    return cond->negate ? g_strdup_printf (_("not: %s"), label) : g_strdup (label);
  /* Translators: a field that must be empty or filled in, e.g. "Parent or guardian 1: name
   * (left blank)" */
  return g_strdup_printf (cond->negate ? _("%s (left blank)") : _("%s (filled in)"), label);
}

char *
ethos_forms_condition_label (const EthosTemplate  *tmpl,
                             const EthosCondition *when,
                             const char           *lang)
{
  g_autofree char *terms = NULL;
  const EthosField *field;
  const char *label;

  g_return_val_if_fail (tmpl != NULL, NULL);

  if (when == NULL)
    return NULL;
  if (when->kind != ETHOS_CONDITION_FIELD)
    {
      terms = condition_term (tmpl, when, lang);
      /* Translators: when a clause is printed; %s lists the conditions */
      return g_strdup_printf (_("Only when: %s"), terms);
    }
  field = ethos_template_get_field (tmpl, when->field);
  label = field != NULL ? ethos_forms_text (tmpl, field->label, lang) : when->field;

  if (field == NULL || field->type == ETHOS_FIELD_BOOL)
    /* Translators: when a clause is printed; %s is a yes/no field of the
     * form, e.g. "Services are mandated" */
    return g_strdup_printf (when->negate ? _("Unless: %s") : _("Only when: %s"), label);
  /* Translators: when a clause is printed; %s is a field of the form,
   * e.g. "Parent or guardian 1: name" */
  return g_strdup_printf (when->negate ? _("Only when left blank: %s") : _("Only when filled in: %s"),
                          label);
}

GFile *
ethos_forms_documents_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}
