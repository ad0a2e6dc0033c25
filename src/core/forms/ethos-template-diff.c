/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template"

#include "config.h"

#include "ethos-coverage.h"
#include "ethos-template-diff-private.h"

/* Word differences: a longest common subsequence over words, which is
 * quadratic; clauses are a few hundred words, and longer texts are shown as
 * replaced whole rather than compared slowly. */
#define MAX_DIFF_WORDS 3000

static void
words_free (EthosWords *words)
{
  g_free (words->text);
  g_free (words);
}

static void
change_free (EthosChange *change)
{
  g_free (change->subject);
  g_free (change->lang);
  g_free (change->before);
  g_free (change->after);
  g_clear_pointer (&change->words, g_ptr_array_unref);
  g_strfreev (change->added);
  g_strfreev (change->removed);
  g_free (change);
}

void
ethos_template_diff_free (EthosTemplateDiff *diff)
{
  if (diff == NULL)
    return;
  ethos_template_unref (diff->before);
  ethos_template_unref (diff->after);
  g_ptr_array_unref (diff->changes);
  g_free (diff);
}

guint
ethos_template_diff_count (const EthosTemplateDiff *diff,
                           EthosChangeKind          kind)
{
  guint n = 0;

  g_return_val_if_fail (diff != NULL, 0);

  for (guint i = 0; i < diff->changes->len; i++)
    n += ((EthosChange *) g_ptr_array_index (diff->changes, i))->kind == kind;
  return n;
}

const EthosChange *
ethos_template_diff_find (const EthosTemplateDiff *diff,
                          EthosChangeKind          kind,
                          const char              *subject)
{
  g_return_val_if_fail (diff != NULL && subject != NULL, NULL);

  for (guint i = 0; i < diff->changes->len; i++)
    {
      const EthosChange *change = g_ptr_array_index (diff->changes, i);

      if (change->kind == kind && g_strcmp0 (change->subject, subject) == 0)
        return change;
    }
  return NULL;
}

static EthosChange *
add (EthosTemplateDiff *diff,
     EthosChangeKind    kind,
     const char        *subject)
{
  EthosChange *change = g_new0 (EthosChange, 1);

  change->kind = kind;
  change->subject = g_strdup (subject);
  g_ptr_array_add (diff->changes, change);
  return change;
}

static void
append_words (GPtrArray    *out,
              EthosWordsOp  op,
              char        **tokens,
              guint         from,
              guint         to)
{
  EthosWords *words;
  g_autoptr(GString) text = NULL;

  if (from >= to)
    return;
  text = g_string_new (NULL);
  for (guint i = from; i < to; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, tokens[i]);
    }
  /* Runs of one kind join up: "a b" + "c" is "a b c". */
  if (out->len > 0 && (words = g_ptr_array_index (out, out->len - 1))->op == op)
    {
      char *joined = g_strconcat (words->text, " ", text->str, NULL);

      g_free (words->text);
      words->text = joined;
      return;
    }
  words = g_new0 (EthosWords, 1);
  words->op = op;
  words->text = g_string_free (g_steal_pointer (&text), FALSE);
  g_ptr_array_add (out, words);
}

static GStrv
tokens_of (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *p = text;

  while (*p)
    {
      const char *start;

      while (*p && g_ascii_isspace (*p))
        p++;
      start = p;
      while (*p && !g_ascii_isspace (*p))
        p++;
      if (p > start)
        {
          g_autofree char *token = g_strndup (start, p - start);
          g_strv_builder_add (builder, token);
        }
    }
  return g_strv_builder_end (builder);
}

GPtrArray *
ethos_words_diff (const char *before,
                  const char *after)
{
  g_auto(GStrv) a = tokens_of (before != NULL ? before : "");
  g_auto(GStrv) b = tokens_of (after != NULL ? after : "");
  guint n = g_strv_length (a), m = g_strv_length (b);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) words_free);
  g_autofree guint *lcs = NULL;
  guint i = 0, j = 0, lo = 0;

  /* The common start and end need no table. */
  while (lo < n && lo < m && g_str_equal (a[lo], b[lo]))
    lo++;
  append_words (out, ETHOS_WORDS_SAME, a, 0, lo);
  {
    guint hi_a = n, hi_b = m;
    guint rows, cols;

    while (hi_a > lo && hi_b > lo && g_str_equal (a[hi_a - 1], b[hi_b - 1]))
      hi_a--, hi_b--;
    rows = hi_a - lo;
    cols = hi_b - lo;
    if (rows == 0 || cols == 0 || rows > MAX_DIFF_WORDS || cols > MAX_DIFF_WORDS)
      {
        append_words (out, ETHOS_WORDS_REMOVED, a, lo, hi_a);
        append_words (out, ETHOS_WORDS_ADDED, b, lo, hi_b);
      }
    else
      {
        /* lcs[x][y]: the common subsequence of a[lo+x..] and b[lo+y..]. */
        lcs = g_new0 (guint, (gsize) (rows + 1) * (cols + 1));
#define L(x, y) lcs[(gsize) (x) * (cols + 1) + (y)]
        for (int x = (int) rows - 1; x >= 0; x--)
          for (int y = (int) cols - 1; y >= 0; y--)
            L (x, y) = g_str_equal (a[lo + x], b[lo + y]) ? L (x + 1, y + 1) + 1
                                                          : MAX (L (x + 1, y), L (x, y + 1));
        i = 0, j = 0;
        while (i < rows && j < cols)
          {
            if (g_str_equal (a[lo + i], b[lo + j]))
              {
                append_words (out, ETHOS_WORDS_SAME, a, lo + i, lo + i + 1);
                i++, j++;
              }
            else if (L (i + 1, j) >= L (i, j + 1))
              {
                append_words (out, ETHOS_WORDS_REMOVED, a, lo + i, lo + i + 1);
                i++;
              }
            else
              {
                append_words (out, ETHOS_WORDS_ADDED, b, lo + j, lo + j + 1);
                j++;
              }
          }
#undef L
        append_words (out, ETHOS_WORDS_REMOVED, a, lo + i, hi_a);
        append_words (out, ETHOS_WORDS_ADDED, b, lo + j, hi_b);
      }
    append_words (out, ETHOS_WORDS_SAME, a, hi_a, n);
  }
  return out;
}

static const char *
text_in (EthosLangText *text,
         const char    *lang)
{
  const char *value = g_hash_table_lookup (text, lang);

  return value != NULL ? value : "";
}

static gboolean
same_words (const char *a,
            const char *b)
{
  g_auto(GStrv) ta = tokens_of (a);
  g_auto(GStrv) tb = tokens_of (b);

  return g_strv_equal ((const char * const *) ta, (const char * const *) tb);
}

static void
diff_text (EthosTemplateDiff *diff,
           const char        *clause_id,
           EthosClausePart    part,
           EthosLangText     *before,
           EthosLangText     *after)
{
  for (guint l = 0; diff->after->languages[l] != NULL; l++)
    {
      const char *lang = diff->after->languages[l];
      const char *old_text = text_in (before, lang);
      const char *new_text = text_in (after, lang);
      EthosChange *change;

      if (same_words (old_text, new_text))
        continue;
      change = add (diff, ETHOS_CHANGE_CLAUSE_REWORDED, clause_id);
      change->part = part;
      change->lang = g_strdup (lang);
      change->before = g_strdup (old_text);
      change->after = g_strdup (new_text);
      change->words = ethos_words_diff (old_text, new_text);
    }
}

/* Clause ids in both templates whose relative order changed: those outside
 * a longest common subsequence of the two orders. */
static GHashTable *
moved_clauses (const EthosTemplate *before,
               const EthosTemplate *after)
{
  g_autoptr(GPtrArray) a = g_ptr_array_new ();
  g_autoptr(GPtrArray) b = g_ptr_array_new ();
  GHashTable *moved = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *lcs = NULL;
  guint n, m, i = 0, j = 0;

  for (guint c = 0; c < before->clauses->len; c++)
    {
      const EthosClause *clause = g_ptr_array_index (before->clauses, c);
      if (ethos_template_get_clause (after, clause->id) != NULL)
        g_ptr_array_add (a, clause->id);
    }
  for (guint c = 0; c < after->clauses->len; c++)
    {
      const EthosClause *clause = g_ptr_array_index (after->clauses, c);
      if (ethos_template_get_clause (before, clause->id) != NULL)
        g_ptr_array_add (b, clause->id);
    }
  n = a->len, m = b->len;
  lcs = g_new0 (guint, (gsize) (n + 1) * (m + 1));
#define L(x, y) lcs[(gsize) (x) * (m + 1) + (y)]
  for (int x = (int) n - 1; x >= 0; x--)
    for (int y = (int) m - 1; y >= 0; y--)
      L (x, y) = g_str_equal (a->pdata[x], b->pdata[y]) ? L (x + 1, y + 1) + 1
                                                        : MAX (L (x + 1, y), L (x, y + 1));
  while (i < n && j < m)
    {
      if (g_str_equal (a->pdata[i], b->pdata[j]))
        i++, j++;
      else if (L (i + 1, j) >= L (i, j + 1))
        g_hash_table_add (moved, a->pdata[i++]);
      else
        j++;
    }
#undef L
  for (; i < n; i++)
    g_hash_table_add (moved, a->pdata[i]);
  return moved;
}

static GStrv
strv_minus (GStrv a,
            GStrv b)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; a[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) b, a[i]))
      g_strv_builder_add (builder, a[i]);
  return g_strv_builder_end (builder);
}

static void
diff_clause (EthosTemplateDiff *diff,
             const EthosClause *old,
             const EthosClause *new,
             GHashTable        *moved)
{
  g_autofree char *old_when = _ethos_condition_words (diff->before, old->when, NULL);
  g_autofree char *new_when = _ethos_condition_words (diff->after, new->when, NULL);
  g_auto(GStrv) added = strv_minus (new->satisfies, old->satisfies);
  g_auto(GStrv) removed = strv_minus (old->satisfies, new->satisfies);

  diff_text (diff, new->id, ETHOS_CLAUSE_HEADING, old->heading, new->heading);
  diff_text (diff, new->id, ETHOS_CLAUSE_BODY, old->body, new->body);
  if (g_hash_table_contains (moved, new->id))
    {
      EthosChange *change = add (diff, ETHOS_CHANGE_CLAUSE_MOVED, new->id);

      change->before = g_strdup_printf ("%d", ethos_template_clause_index (diff->before,
                                                                           old->id) + 1);
      change->after = g_strdup_printf ("%d", ethos_template_clause_index (diff->after,
                                                                          new->id) + 1);
    }
  if (old->locked != new->locked)
    add (diff, new->locked ? ETHOS_CHANGE_CLAUSE_LOCKED : ETHOS_CHANGE_CLAUSE_UNLOCKED, new->id);
  if (old->hidden != new->hidden)
    add (diff, new->hidden ? ETHOS_CHANGE_CLAUSE_HIDDEN : ETHOS_CHANGE_CLAUSE_SHOWN, new->id);
  if (!ethos_condition_equal (old->when, new->when))
    {
      EthosChange *change = add (diff, ETHOS_CHANGE_CLAUSE_CONDITION, new->id);

      change->before = g_steal_pointer (&old_when);
      change->after = g_steal_pointer (&new_when);
    }
  if (added[0] != NULL || removed[0] != NULL)
    {
      EthosChange *change = add (diff, ETHOS_CHANGE_CLAUSE_TAGS, new->id);

      change->added = g_steal_pointer (&added);
      change->removed = g_steal_pointer (&removed);
    }
}

static void
diff_clauses (EthosTemplateDiff *diff)
{
  g_autoptr(GHashTable) moved = moved_clauses (diff->before, diff->after);

  for (guint c = 0; c < diff->after->clauses->len; c++)
    {
      const EthosClause *clause = g_ptr_array_index (diff->after->clauses, c);
      if (ethos_template_get_clause (diff->before, clause->id) == NULL)
        add (diff, ETHOS_CHANGE_CLAUSE_ADDED, clause->id);
    }
  for (guint c = 0; c < diff->before->clauses->len; c++)
    {
      const EthosClause *clause = g_ptr_array_index (diff->before->clauses, c);
      if (ethos_template_get_clause (diff->after, clause->id) == NULL)
        add (diff, ETHOS_CHANGE_CLAUSE_REMOVED, clause->id);
    }
  for (guint c = 0; c < diff->after->clauses->len; c++)
    {
      const EthosClause *new = g_ptr_array_index (diff->after->clauses, c);
      const EthosClause *old = ethos_template_get_clause (diff->before, new->id);

      if (old != NULL)
        diff_clause (diff, old, new, moved);
    }
}

static void
diff_standards (EthosTemplateDiff *diff,
                EthosRequirements *reqs)
{
  for (guint i = 0; diff->after->requires[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) diff->before->requires, diff->after->requires[i]))
      add (diff, ETHOS_CHANGE_STANDARD_ADDED, diff->after->requires[i]);
  for (guint i = 0; diff->before->requires[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) diff->after->requires, diff->before->requires[i]))
      {
        EthosChange *change = add (diff, ETHOS_CHANGE_STANDARD_REMOVED, diff->before->requires[i]);

        change->removed = ethos_template_requirement_tags (diff->before, reqs,
                                                           diff->before->requires[i]);
      }
}

static gboolean
same_lang_text (const EthosTemplate *tmpl,
                EthosLangText       *a,
                EthosLangText       *b)
{
  for (guint l = 0; tmpl->languages[l] != NULL; l++)
    if (g_strcmp0 (g_hash_table_lookup (a, tmpl->languages[l]),
                   g_hash_table_lookup (b, tmpl->languages[l])) != 0)
      return FALSE;
  return TRUE;
}

static void
diff_fields (EthosTemplateDiff *diff)
{
  for (guint i = 0; i < diff->after->fields->len; i++)
    {
      const EthosField *new = g_ptr_array_index (diff->after->fields, i);
      const EthosField *old = ethos_template_get_field (diff->before, new->id);

      if (old == NULL)
        add (diff, ETHOS_CHANGE_FIELD_ADDED, new->id);
      else if (old->type != new->type || old->required != new->required ||
               !ethos_condition_equal (old->when, new->when) ||
               !same_lang_text (diff->after, old->label, new->label))
        add (diff, ETHOS_CHANGE_FIELD_CHANGED, new->id);
    }
  for (guint i = 0; i < diff->before->fields->len; i++)
    {
      const EthosField *old = g_ptr_array_index (diff->before->fields, i);

      if (ethos_template_get_field (diff->after, old->id) == NULL)
        add (diff, ETHOS_CHANGE_FIELD_REMOVED, old->id);
    }
}

static void
diff_signatures (EthosTemplateDiff *diff)
{
  for (guint i = 0; i < diff->after->signatures->len; i++)
    {
      const EthosSignatureDef *new = g_ptr_array_index (diff->after->signatures, i);
      const EthosSignatureDef *old = ethos_template_get_signature (diff->before, new->role);

      if (old == NULL)
        add (diff, ETHOS_CHANGE_SIGNATURE_ADDED, new->role);
      else if (!ethos_condition_equal (old->when, new->when))
        {
          EthosChange *change = add (diff, ETHOS_CHANGE_SIGNATURE_CONDITION, new->role);

          change->before = _ethos_condition_words (diff->before, old->when, NULL);
          change->after = _ethos_condition_words (diff->after, new->when, NULL);
        }
    }
  for (guint i = 0; i < diff->before->signatures->len; i++)
    {
      const EthosSignatureDef *old = g_ptr_array_index (diff->before->signatures, i);

      if (ethos_template_get_signature (diff->after, old->role) == NULL)
        add (diff, ETHOS_CHANGE_SIGNATURE_REMOVED, old->role);
    }
}

/* Coverage as ethos-cli coverage reports it, element by element: a
 * change of status, or an element required by one version only ("not
 * required"). */
static void
diff_coverage (EthosTemplateDiff *diff,
               EthosRequirements *reqs)
{
  g_autoptr(GPtrArray) old = ethos_coverage_check (diff->before, reqs);
  g_autoptr(GPtrArray) new = ethos_coverage_check (diff->after, reqs);
  g_autoptr(GHashTable) old_status = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < old->len; i++)
    {
      const EthosCoverageEntry *entry = g_ptr_array_index (old, i);
      g_hash_table_insert (old_status, entry->element->id, (gpointer) entry);
    }
  for (guint i = 0; i < new->len; i++)
    {
      const EthosCoverageEntry *entry = g_ptr_array_index (new, i);
      const EthosCoverageEntry *was = g_hash_table_lookup (old_status, entry->element->id);
      EthosChange *change;

      g_hash_table_add (seen, entry->element->id);
      if (was != NULL && was->status == entry->status)
        continue;
      change = add (diff, ETHOS_CHANGE_COVERAGE, entry->element->id);
      change->before = g_strdup (was != NULL ? ethos_coverage_status_to_string (was->status) : "");
      change->after = g_strdup (ethos_coverage_status_to_string (entry->status));
    }
  for (guint i = 0; i < old->len; i++)
    {
      const EthosCoverageEntry *entry = g_ptr_array_index (old, i);
      EthosChange *change;

      if (g_hash_table_contains (seen, entry->element->id))
        continue;
      change = add (diff, ETHOS_CHANGE_COVERAGE, entry->element->id);
      change->before = g_strdup (ethos_coverage_status_to_string (entry->status));
      change->after = g_strdup ("");
    }
}

EthosTemplateDiff *
ethos_template_diff (EthosTemplate     *before,
                     EthosTemplate     *after,
                     EthosRequirements *reqs)
{
  EthosTemplateDiff *diff;

  g_return_val_if_fail (before != NULL && after != NULL && reqs != NULL, NULL);

  diff = g_new0 (EthosTemplateDiff, 1);
  diff->before = ethos_template_ref (before);
  diff->after = ethos_template_ref (after);
  diff->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);

  for (guint l = 0; after->languages[l] != NULL; l++)
    {
      const char *lang = after->languages[l];

      if (g_strcmp0 (text_in (before->title, lang), text_in (after->title, lang)) != 0)
        {
          EthosChange *change = add (diff, ETHOS_CHANGE_TITLE, NULL);

          change->lang = g_strdup (lang);
          change->before = g_strdup (text_in (before->title, lang));
          change->after = g_strdup (text_in (after->title, lang));
        }
    }
  diff_clauses (diff);
  diff_standards (diff, reqs);
  diff_fields (diff);
  diff_signatures (diff);
  diff_coverage (diff, reqs);
  return diff;
}

GStrv
ethos_template_diff_reworded_carriers (const EthosTemplateDiff  *diff,
                                       GPtrArray               **langs)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GPtrArray) lang_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_return_val_if_fail (diff != NULL, NULL);

  for (guint c = 0; c < diff->after->clauses->len; c++)
    {
      const EthosClause *clause = g_ptr_array_index (diff->after->clauses, c);
      g_autoptr(GStrvBuilder) changed = NULL;
      gboolean any = FALSE;

      if (!clause->locked || clause->hidden || clause->satisfies == NULL ||
          clause->satisfies[0] == NULL)
        continue;
      changed = g_strv_builder_new ();
      for (guint i = 0; i < diff->changes->len; i++)
        {
          const EthosChange *change = g_ptr_array_index (diff->changes, i);

          if (change->kind == ETHOS_CHANGE_CLAUSE_REWORDED && change->part == ETHOS_CLAUSE_BODY &&
              g_str_equal (change->subject, clause->id))
            {
              g_strv_builder_add (changed, change->lang);
              any = TRUE;
            }
        }
      if (!any)
        continue;
      g_strv_builder_add (ids, clause->id);
      g_ptr_array_add (lang_lists, g_strv_builder_end (changed));
    }
  if (langs != NULL)
    *langs = g_steal_pointer (&lang_lists);
  return g_strv_builder_end (ids);
}
