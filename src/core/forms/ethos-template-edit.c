/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-error.h"
#include "ethos-template-limits.h"
#include "ethos-template-edit.h"
#include "ethos-template-private.h"

EthosLangText *
_ethos_lang_text_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static EthosLangText *
lang_text_copy (EthosLangText *text)
{
  EthosLangText *copy = _ethos_lang_text_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, text);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
  return copy;
}

/* Every language of the template holds a string, empty until written. */
static EthosLangText *
lang_text_blank (const EthosTemplate *tmpl)
{
  EthosLangText *text = _ethos_lang_text_new ();

  for (guint i = 0; tmpl->languages[i] != NULL; i++)
    g_hash_table_insert (text, g_strdup (tmpl->languages[i]), g_strdup (""));
  return text;
}

static EthosClause *
clause_copy (const EthosClause *clause)
{
  EthosClause *copy = g_new0 (EthosClause, 1);

  copy->id = g_strdup (clause->id);
  copy->locked = clause->locked;
  copy->hidden = clause->hidden;
  copy->when = ethos_condition_copy (clause->when);
  copy->satisfies = g_strdupv (clause->satisfies);
  copy->heading = lang_text_copy (clause->heading);
  copy->body = lang_text_copy (clause->body);
  return copy;
}

static EthosField *
field_copy (const EthosField *field)
{
  EthosField *copy = g_new0 (EthosField, 1);

  copy->id = g_strdup (field->id);
  copy->type = field->type;
  copy->required = field->required;
  copy->label = lang_text_copy (field->label);
  copy->when = ethos_condition_copy (field->when);
  copy->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) _ethos_choice_free);
  for (guint i = 0; i < field->choices->len; i++)
    {
      const EthosChoice *choice = g_ptr_array_index (field->choices, i);
      EthosChoice *c = g_new0 (EthosChoice, 1);

      c->id = g_strdup (choice->id);
      c->label = lang_text_copy (choice->label);
      g_ptr_array_add (copy->choices, c);
    }
  return copy;
}

EthosTemplate *
ethos_template_copy (const EthosTemplate *tmpl)
{
  EthosTemplate *copy;

  g_return_val_if_fail (tmpl != NULL, NULL);

  copy = _ethos_template_new_empty ();
  copy->format = tmpl->format;
  copy->requirements_version = tmpl->requirements_version;
  copy->id = g_strdup (tmpl->id);
  copy->version = g_strdup (tmpl->version);
  copy->languages = g_strdupv (tmpl->languages);
  copy->title = lang_text_copy (tmpl->title);
  copy->requires = g_strdupv (tmpl->requires);
  copy->code_ids = g_strdupv (tmpl->code_ids);
  for (guint i = 0; i < tmpl->fields->len; i++)
    g_ptr_array_add (copy->fields, field_copy (g_ptr_array_index (tmpl->fields, i)));
  for (guint i = 0; i < tmpl->clauses->len; i++)
    g_ptr_array_add (copy->clauses, clause_copy (g_ptr_array_index (tmpl->clauses, i)));
  for (guint i = 0; i < tmpl->signatures->len; i++)
    {
      const EthosSignatureDef *sig = g_ptr_array_index (tmpl->signatures, i);
      EthosSignatureDef *s = g_new0 (EthosSignatureDef, 1);

      s->role = g_strdup (sig->role);
      s->when = ethos_condition_copy (sig->when);
      g_ptr_array_add (copy->signatures, s);
    }
  return copy;
}

EthosTemplate *
ethos_template_duplicate (const EthosTemplate *tmpl,
                          const char          *id,
                          const char          *suffix,
                          EthosRequirements   *reqs)
{
  EthosTemplate *copy;

  g_return_val_if_fail (tmpl != NULL && id != NULL && suffix != NULL && reqs != NULL, NULL);

  copy = ethos_template_copy (tmpl);
  g_free (copy->id);
  copy->id = g_strdup (id);
  g_free (copy->version);
  copy->version = g_strdup ("1.0");
  copy->requirements_version = ethos_requirements_get_version (reqs);
  for (guint i = 0; copy->languages[i] != NULL; i++)
    {
      const char *title = g_hash_table_lookup (copy->title, copy->languages[i]);

      g_hash_table_insert (copy->title, g_strdup (copy->languages[i]),
                           g_strdup_printf ("%s (%s)", title != NULL ? title : "", suffix));
    }
  return copy;
}

/* "Riverbend Family Services" → "riverbend-family-services": ASCII letters
 * and digits, accents dropped, the rest one hyphen. */
static char *
slug (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

#define MAX_ID ETHOS_TEMPLATE_MAX_ID_CHARS

char *
ethos_template_make_id (const char       *base_id,
                        const char       *suffix,
                        EthosIdTakenFunc  taken,
                        gpointer          user_data)
{
  g_autofree char *base_slug = slug (base_id != NULL ? base_id : "");
  g_autofree char *suffix_slug = slug (suffix != NULL ? suffix : "");
  g_autofree char *stem = NULL;

  if (*base_slug == '\0' || !g_ascii_isalpha (*base_slug))
    {
      g_free (base_slug);
      base_slug = g_strdup ("template");
    }
  if (*suffix_slug == '\0')
    {
      g_free (suffix_slug);
      suffix_slug = g_strdup ("copy");
    }
  stem = g_strdup_printf ("%s-%s", base_slug, suffix_slug);
  /* Room for "-999". */
  if (strlen (stem) > MAX_ID - 4)
    {
      stem[MAX_ID - 4] = '\0';
      g_strchomp (stem);
      while (*stem && stem[strlen (stem) - 1] == '-')
        stem[strlen (stem) - 1] = '\0';
    }
  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (stem) : g_strdup_printf ("%s-%u", stem, n);

      if (taken == NULL || !taken (id, user_data))
        return g_steal_pointer (&id);
    }
  return g_strdup_printf ("%s-%" G_GINT64_FORMAT, stem, g_get_real_time () % 100000);
}

static EthosClause *
find_clause (const EthosTemplate *tmpl,
             const char          *id)
{
  return (EthosClause *) ethos_template_get_clause (tmpl, id);
}

int
ethos_template_clause_index (const EthosTemplate *tmpl,
                             const char          *id)
{
  g_return_val_if_fail (tmpl != NULL && id != NULL, -1);

  for (guint i = 0; i < tmpl->clauses->len; i++)
    if (g_str_equal (((EthosClause *) g_ptr_array_index (tmpl->clauses, i))->id, id))
      return (int) i;
  return -1;
}

/* @stem, else "@stem-2", "-3"…: a clause id the template does not use. */
static char *
free_clause_id (const EthosTemplate *tmpl,
                const char          *stem)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (stem) : g_strdup_printf ("%s-%u", stem, n);

      if (ethos_template_get_clause (tmpl, id) == NULL)
        return g_steal_pointer (&id);
    }
}

static guint
clamp_position (const EthosTemplate *tmpl,
                int                  position)
{
  if (position < 0 || (guint) position > tmpl->clauses->len)
    return tmpl->clauses->len;
  return (guint) position;
}

EthosClause *
ethos_template_add_clause (EthosTemplate *tmpl,
                           int            position)
{
  EthosClause *clause;

  g_return_val_if_fail (tmpl != NULL, NULL);

  clause = g_new0 (EthosClause, 1);
  clause->id = free_clause_id (tmpl, "clause");
  clause->satisfies = g_new0 (char *, 1);
  clause->heading = lang_text_blank (tmpl);
  clause->body = lang_text_blank (tmpl);
  g_ptr_array_insert (tmpl->clauses, (int) clamp_position (tmpl, position), clause);
  return clause;
}

EthosClause *
ethos_template_duplicate_clause (EthosTemplate *tmpl,
                                 const char    *id)
{
  int index;
  EthosClause *copy;
  g_autofree char *stem = NULL;

  g_return_val_if_fail (tmpl != NULL && id != NULL, NULL);

  if ((index = ethos_template_clause_index (tmpl, id)) < 0)
    return NULL;
  copy = clause_copy (g_ptr_array_index (tmpl->clauses, index));
  stem = g_strdup_printf ("%.*s-copy", MAX_ID - 9, id);
  g_free (copy->id);
  copy->id = free_clause_id (tmpl, stem);
  copy->locked = FALSE;
  g_ptr_array_insert (tmpl->clauses, index + 1, copy);
  return copy;
}

gboolean
ethos_template_remove_clause (EthosTemplate *tmpl,
                              const char    *id)
{
  int index;

  g_return_val_if_fail (tmpl != NULL && id != NULL, FALSE);

  if ((index = ethos_template_clause_index (tmpl, id)) < 0)
    return FALSE;
  g_ptr_array_remove_index (tmpl->clauses, (guint) index);
  return TRUE;
}

gboolean
ethos_template_move_clause (EthosTemplate *tmpl,
                            const char    *id,
                            int            position)
{
  int index;
  gpointer clause;

  g_return_val_if_fail (tmpl != NULL && id != NULL, FALSE);

  if ((index = ethos_template_clause_index (tmpl, id)) < 0)
    return FALSE;
  clause = g_ptr_array_steal_index (tmpl->clauses, (guint) index);
  g_ptr_array_insert (tmpl->clauses, (int) clamp_position (tmpl, position), clause);
  return TRUE;
}

gboolean
ethos_template_set_clause_text (EthosTemplate   *tmpl,
                                const char      *id,
                                EthosClausePart  part,
                                const char      *lang,
                                const char      *text)
{
  EthosClause *clause;
  char *value;

  g_return_val_if_fail (tmpl != NULL && id != NULL && lang != NULL && text != NULL, FALSE);

  if (!(clause = find_clause (tmpl, id)) || !ethos_template_has_language (tmpl, lang) ||
      !g_utf8_validate (text, -1, NULL))
    return FALSE;
  value = g_strdup (text);
  if (part == ETHOS_CLAUSE_HEADING)
    g_strdelimit (value, "\r\n", ' ');
  g_hash_table_insert (part == ETHOS_CLAUSE_HEADING ? clause->heading : clause->body,
                       g_strdup (lang), value);
  return TRUE;
}

gboolean
_ethos_template_condition_declared (const EthosTemplate  *tmpl,
                           const EthosCondition *when)
{
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer field;

  ethos_condition_collect_fields (when, named);
  g_hash_table_iter_init (&iter, named);
  while (g_hash_table_iter_next (&iter, &field, NULL))
    if (ethos_template_get_field (tmpl, field) == NULL)
      return FALSE;
  return TRUE;
}

/* Conditions the first format cannot hold make the template format 2. */
void
_ethos_template_raise_format (EthosTemplate *tmpl)
{
  tmpl->format = MAX (tmpl->format, ETHOS_TEMPLATE_FORMAT);
}

gboolean
ethos_template_set_clause_when (EthosTemplate        *tmpl,
                                const char           *id,
                                const EthosCondition *when)
{
  EthosClause *clause;

  g_return_val_if_fail (tmpl != NULL && id != NULL, FALSE);

  if (!(clause = find_clause (tmpl, id)) || !_ethos_template_condition_declared (tmpl, when))
    return FALSE;
  g_clear_pointer (&clause->when, ethos_condition_free);
  clause->when = ethos_condition_copy (when);
  if (!ethos_condition_is_simple (when))
    _ethos_template_raise_format (tmpl);
  return TRUE;
}

gboolean
ethos_template_set_clause_locked (EthosTemplate *tmpl,
                                  const char    *id,
                                  gboolean       locked)
{
  EthosClause *clause;

  g_return_val_if_fail (tmpl != NULL && id != NULL, FALSE);

  if (!(clause = find_clause (tmpl, id)))
    return FALSE;
  clause->locked = !!locked;
  return TRUE;
}

gboolean
ethos_template_set_clause_hidden (EthosTemplate *tmpl,
                                  const char    *id,
                                  gboolean       hidden)
{
  EthosClause *clause;

  g_return_val_if_fail (tmpl != NULL && id != NULL, FALSE);

  if (!(clause = find_clause (tmpl, id)))
    return FALSE;
  clause->hidden = !!hidden;
  if (hidden)
    _ethos_template_raise_format (tmpl);
  return TRUE;
}

/* The required standard (of @tmpl) that @element belongs to, or NULL. */
static const char *
element_standard (const EthosTemplate *tmpl,
                  EthosRequirements   *reqs,
                  const char          *element)
{
  const EthosElement *found = ethos_requirements_get_element (reqs, element);

  if (found == NULL || !g_strv_contains ((const char * const *) tmpl->requires, found->standard))
    return NULL;
  return found->standard;
}

static GStrv
strv_without (GStrv        values,
              const char  *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; values[i] != NULL; i++)
    if (!g_str_equal (values[i], value))
      g_strv_builder_add (builder, values[i]);
  return g_strv_builder_end (builder);
}

static GStrv
strv_with (GStrv        values,
           const char  *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_addv (builder, (const char **) values);
  g_strv_builder_add (builder, value);
  return g_strv_builder_end (builder);
}

gboolean
ethos_template_set_clause_tag (EthosTemplate     *tmpl,
                               EthosRequirements *reqs,
                               const char        *id,
                               const char        *element,
                               gboolean           tagged)
{
  EthosClause *clause;
  gboolean has;
  GStrv changed;

  g_return_val_if_fail (tmpl != NULL && reqs != NULL && id != NULL && element != NULL, FALSE);

  if (!(clause = find_clause (tmpl, id)))
    return FALSE;
  has = g_strv_contains ((const char * const *) clause->satisfies, element);
  if (has == !!tagged)
    return TRUE;
  if (tagged && element_standard (tmpl, reqs, element) == NULL)
    return FALSE;
  changed = tagged ? strv_with (clause->satisfies, element)
                   : strv_without (clause->satisfies, element);
  g_strfreev (clause->satisfies);
  clause->satisfies = changed;
  return TRUE;
}

gboolean
ethos_template_set_title (EthosTemplate *tmpl,
                          const char    *lang,
                          const char    *text)
{
  char *value;

  g_return_val_if_fail (tmpl != NULL && lang != NULL && text != NULL, FALSE);

  if (!ethos_template_has_language (tmpl, lang) || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  value = g_strdup (text);
  g_strdelimit (value, "\r\n", ' ');
  g_hash_table_insert (tmpl->title, g_strdup (lang), value);
  return TRUE;
}

/* The codes among the required standards, in order (as the loader does). */
static void
update_code_ids (EthosTemplate     *tmpl,
                 EthosRequirements *reqs)
{
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; tmpl->requires[i] != NULL; i++)
    {
      const EthosStandard *standard = ethos_requirements_get_source (reqs, tmpl->requires[i]);
      char *code;

      if (standard == NULL || standard->kind != ETHOS_SOURCE_CODE)
        continue;
      code = g_strndup (tmpl->requires[i], strcspn (tmpl->requires[i], " "));
      if (g_hash_table_add (seen, code))
        g_strv_builder_add (codes, code);
    }
  g_strfreev (tmpl->code_ids);
  tmpl->code_ids = g_strv_builder_end (codes);
}

gboolean
ethos_template_add_requirement (EthosTemplate      *tmpl,
                                EthosRequirements  *reqs,
                                const char         *ref,
                                GError            **error)
{
  GStrv changed;

  g_return_val_if_fail (tmpl != NULL && reqs != NULL && ref != NULL, FALSE);

  if (ethos_requirements_get_source (reqs, ref) == NULL)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                   _("“%s” is not a standard in data/templates/requirements.json"), ref);
      return FALSE;
    }
  if (g_strv_contains ((const char * const *) tmpl->requires, ref))
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("The template already requires “%s”"), ref);
      return FALSE;
    }
  changed = strv_with (tmpl->requires, ref);
  g_strfreev (tmpl->requires);
  tmpl->requires = changed;
  update_code_ids (tmpl, reqs);
  return TRUE;
}

GStrv
ethos_template_requirement_tags (const EthosTemplate *tmpl,
                                 EthosRequirements   *reqs,
                                 const char          *ref)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GPtrArray *elements;

  g_return_val_if_fail (tmpl != NULL && reqs != NULL && ref != NULL, NULL);

  elements = ethos_requirements_get_standard (reqs, ref);
  for (guint e = 0; elements != NULL && e < elements->len; e++)
    {
      const EthosElement *element = g_ptr_array_index (elements, e);

      for (guint c = 0; c < tmpl->clauses->len; c++)
        {
          const EthosClause *clause = g_ptr_array_index (tmpl->clauses, c);

          if (g_strv_contains ((const char * const *) clause->satisfies, element->id))
            {
              g_strv_builder_add (builder, element->id);
              break;
            }
        }
    }
  return g_strv_builder_end (builder);
}

gboolean
ethos_template_remove_requirement (EthosTemplate     *tmpl,
                                   EthosRequirements *reqs,
                                   const char        *ref)
{
  g_auto(GStrv) dropped = NULL;
  GStrv changed;

  g_return_val_if_fail (tmpl != NULL && reqs != NULL && ref != NULL, FALSE);

  if (!g_strv_contains ((const char * const *) tmpl->requires, ref))
    return FALSE;
  dropped = ethos_template_requirement_tags (tmpl, reqs, ref);
  for (guint c = 0; c < tmpl->clauses->len; c++)
    for (guint d = 0; dropped[d] != NULL; d++)
      {
        EthosClause *clause = g_ptr_array_index (tmpl->clauses, c);

        changed = strv_without (clause->satisfies, dropped[d]);
        g_strfreev (clause->satisfies);
        clause->satisfies = changed;
      }
  changed = strv_without (tmpl->requires, ref);
  g_strfreev (tmpl->requires);
  tmpl->requires = changed;
  update_code_ids (tmpl, reqs);
  return TRUE;
}

