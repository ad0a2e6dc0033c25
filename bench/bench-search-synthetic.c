/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-search"

#include "config.h"

#include "bench-search.h"
#include "ethos-code-file.h"
#include "ethos-corpus-builder.h"

/* The share of words of a copy replaced by a word drawn from the codes. */
#define SWAP_RATE 0.2

typedef struct
{
  GRand     *rand;
  GPtrArray *pool;     /* every word of every item text, so frequent words stay frequent */
  GRegex    *sentence; /* where a sentence ends */
} Perturb;

static void
pool_add (GPtrArray  *pool,
          const char *text)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t\n", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    if (*tokens[i] != '\0')
      g_ptr_array_add (pool, g_strdup (tokens[i]));
}

static void
pool_add_items (GPtrArray *pool,
                GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      const EthosCodeItemDef *item = items->pdata[i];

      pool_add (pool, item->text);
      pool_add_items (pool, item->children);
    }
}

static void
pool_add_sections (GPtrArray *pool,
                   GPtrArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const EthosCodeSectionDef *section = sections->pdata[i];

      pool_add_items (pool, section->items);
      pool_add_sections (pool, section->sections);
    }
}

/* Shuffles the sentences of @text and swaps some of its words for others
 * from the codes: the copy reads like the codes but indexes differently. */
static void
perturb_text (Perturb  *p,
              char    **text)
{
  g_auto(GStrv) sentences = g_regex_split (p->sentence, *text, 0);
  g_autofree char *joined = NULL;
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_strv_length (sentences);

  for (guint i = n; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (p->rand, 0, (gint32) i);
      char *tmp = sentences[i - 1];

      sentences[i - 1] = sentences[j];
      sentences[j] = tmp;
    }
  joined = g_strjoinv (" ", sentences);
  tokens = g_strsplit_set (joined, " \t\n", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *word = tokens[i];

      if (*word == '\0')
        continue;
      if (g_rand_double (p->rand) < SWAP_RATE)
        word = p->pool->pdata[g_rand_int_range (p->rand, 0, (gint32) p->pool->len)];
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", word);
    }
  g_free (*text);
  *text = g_string_free (g_steal_pointer (&out), FALSE);
}

static void
perturb_front_matter (Perturb   *p,
                      GPtrArray *front_matter)
{
  for (guint i = 0; i < front_matter->len; i++)
    perturb_text (p, &((EthosFrontMatter *) front_matter->pdata[i])->text);
}

static void
perturb_items (Perturb   *p,
               GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      EthosCodeItemDef *item = items->pdata[i];

      perturb_text (p, &item->text);
      perturb_items (p, item->children);
    }
}

static void
perturb_sections (Perturb   *p,
                  GPtrArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      EthosCodeSectionDef *section = sections->pdata[i];

      perturb_front_matter (p, section->front_matter);
      perturb_items (p, section->items);
      perturb_sections (p, section->sections);
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static GPtrArray *
list_code_files (const char  *codes_dir,
                 GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (codes_dir, 0, error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json") && !g_str_equal (name, "topics.json"))
      g_ptr_array_add (paths, g_build_filename (codes_dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  if (paths->len == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s holds no code files", codes_dir);
      return NULL;
    }
  return g_steal_pointer (&paths);
}

gboolean
bench_synthetic_write (const char  *codes_dir,
                       const char  *out_path,
                       guint        copies,
                       guint32      seed,
                       GError     **error)
{
  g_autofree char *topics_path = g_build_filename (codes_dir, "topics.json", NULL);
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) codes =
    g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_code_file_free);
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GRegex) sentence = g_regex_new ("(?<=[.;:!?])\\s+", 0, 0, error);
  Perturb p = { rand, pool, sentence };

  g_return_val_if_fail (copies >= 1, FALSE);

  if (sentence == NULL ||
      !(topics = ethos_topic_defs_load (topics_path, error)) ||
      !(paths = list_code_files (codes_dir, error)))
    return FALSE;

  /* The codes themselves first, with their own ids: "nohs 3" still works. */
  for (guint i = 0; i < paths->len; i++)
    {
      EthosCodeFile *code = ethos_code_file_load (paths->pdata[i], topics, error);

      if (code == NULL)
        return FALSE;
      pool_add_sections (pool, code->sections);
      g_ptr_array_add (codes, code);
    }

  for (guint copy = 1; copy < copies; copy++)
    for (guint i = 0; i < paths->len; i++)
      {
        EthosCodeFile *code = ethos_code_file_load (paths->pdata[i], topics, error);
        char *id;

        if (code == NULL)
          return FALSE;
        id = g_strdup_printf ("%s-s%u", code->id, copy);
        g_free (code->id);
        code->id = id;
        perturb_front_matter (&p, code->front_matter);
        perturb_sections (&p, code->sections);
        g_ptr_array_add (codes, code);
      }

  return ethos_corpus_write (out_path, topics, codes, error);
}
