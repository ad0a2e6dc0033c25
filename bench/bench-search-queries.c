/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-search"

#include "config.h"

#include "bench-search.h"

/* How many of each kind are drawn from the corpus; the typed keystrokes of
 * the practitioner searches come on top (about 450). */
#define N_WORDS      200
#define N_MULTI      160
#define N_PHRASES     80
#define N_REFS        90
#define N_NO_MATCH    80

/* What practitioners look up (issue 2): single words and short queries. */
static const char * const practitioner_words[] = {
  "confidentiality", "consent", "gifts", "boundaries", "supervision", "records",
  "competence", "discrimination", "referral", "termination", "privacy", "harassment",
  "advocacy", "research", "technology", "fees", "diversity", "safety", "dignity",
  "integrity", "honesty", "respect", "conflict", "students", "colleagues", "employers",
  "credentials", "disclosure", "exploitation", "welfare", NULL
};

static const char * const practitioner_queries[] = {
  "dual relationships", "duty to warn", "informed consent minors", "conflict of interest",
  "social media", "sexual relationships", "cultural competence", "client records",
  "limits of confidentiality", "self-determination", "professional development",
  "client welfare", "mandated reporting", "end of services", "personal information",
  "sexual harassment", "equal opportunity", "supervision of students", "duty to protect",
  "electronic records", "continuing education", "emergency", "fair treatment",
  "client rights", "cultural humility", NULL
};

/* Typed as quoted phrases. */
static const char * const practitioner_phrases[] = {
  "\"limits of confidentiality\"", "\"informed consent\"", "\"dual relationships\"",
  "\"conflict of interest\"", "\"human services\"", "\"social justice\"",
  "\"professional boundaries\"", "\"code of conduct\"", "\"best interests\"", NULL
};

/* Things nobody's code mentions, and mistypes. */
static const char * const no_match_words[] = {
  "blockchain", "cryptocurrency", "lasagna", "xylophone", "quasar", "photosynthesis",
  "submarine", "volcano", "zeppelin", "trombone", "confidentaility", "consnet",
  "supervison", "harrasment", "boundries", "* - ( )", "\"\"", "???", NULL
};

/* Short function words: never a query of their own. */
static const char * const stop_words[] = {
  "about", "also", "been", "being", "both", "does", "each", "from", "have", "into",
  "more", "only", "other", "should", "such", "than", "that", "their", "them", "then",
  "there", "these", "they", "this", "those", "upon", "were", "what", "when", "where",
  "which", "while", "will", "with", "within", "would", "shall", "could", "must", NULL
};

const char *
bench_query_kind_name (BenchQueryKind kind)
{
  static const char * const names[] = {
    "single word", "two or three words", "keystrokes (as typed)", "quoted phrase",
    "reference", "no match",
  };

  g_return_val_if_fail (kind < BENCH_QUERY_N_KINDS, NULL);
  return names[kind];
}

void
bench_query_free (BenchQuery *query)
{
  g_free (query->text);
  g_free (query);
}

GStrv
bench_split_words (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, g_unichar_tolower (c));
          continue;
        }
      if (word->len > 0)
        g_strv_builder_add (builder, word->str);
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  return g_strv_builder_end (builder);
}

static void
add (GPtrArray      *queries,
     BenchQueryKind  kind,
     const char     *text)
{
  BenchQuery *q = g_new0 (BenchQuery, 1);

  q->kind = kind;
  q->text = g_strdup (text);
  g_ptr_array_add (queries, q);
}

static gboolean
is_content_word (const char *word)
{
  return strlen (word) >= 4 && !g_ascii_isdigit (word[0]) &&
         !g_strv_contains (stop_words, word);
}

/* Every text of the corpus (items and front matter), and the refs. */
static gboolean
collect_texts (EthosCorpus  *corpus,
               GPtrArray    *texts,
               GPtrArray    *refs,
               GError      **error)
{
  g_autoptr(GPtrArray) codes = ethos_corpus_list_codes (corpus, error);

  if (codes == NULL)
    return FALSE;
  for (guint c = 0; c < codes->len; c++)
    {
      const EthosCodeInfo *code = codes->pdata[c];
      g_autoptr(GPtrArray) items = ethos_corpus_list_items (corpus, code->id, error);
      g_autoptr(GPtrArray) front = NULL;

      if (items == NULL ||
          !(front = ethos_corpus_list_front_matter (corpus, code->id, error)))
        return FALSE;
      for (guint i = 0; i < items->len; i++)
        {
          const EthosItem *item = items->pdata[i];

          g_ptr_array_add (texts, g_strdup (item->text));
          g_ptr_array_add (refs, g_strdup_printf ("%s\t%s", item->code, item->ref));
        }
      for (guint i = 0; i < front->len; i++)
        g_ptr_array_add (texts, g_strdup (((EthosFrontMatterEntry *) front->pdata[i])->text));
    }
  return TRUE;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Each keystroke of @text is a query, as in search-as-you-type. */
static void
add_keystrokes (GPtrArray  *queries,
                const char *text)
{
  for (const char *p = g_utf8_next_char (text); ; p = g_utf8_next_char (p))
    {
      g_autofree char *typed = g_strndup (text, p - text);

      add (queries, BENCH_QUERY_KEYSTROKE, typed);
      if (*p == '\0')
        break;
    }
}

static void
add_corpus_queries (GPtrArray *queries,
                    GPtrArray *texts,
                    GRand     *rand)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) content =
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) vocabulary = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gpointer *distinct = NULL;
  guint n_distinct;

  for (guint t = 0; t < texts->len; t++)
    {
      GStrv w = bench_split_words (texts->pdata[t]);
      GPtrArray *c = g_ptr_array_new ();

      for (guint i = 0; w[i] != NULL; i++)
        if (is_content_word (w[i]))
          {
            g_ptr_array_add (c, w[i]);
            g_hash_table_add (vocabulary, w[i]);
          }
      g_ptr_array_add (words, w);
      g_ptr_array_add (content, c);
    }

  /* Sorted, so that the draw does not depend on the hash table's order. */
  distinct = g_hash_table_get_keys_as_array (vocabulary, &n_distinct);
  qsort (distinct, n_distinct, sizeof (gpointer), compare_strings);
  if (n_distinct == 0)
    return;

  for (guint i = 0; i < N_WORDS; i++)
    add (queries, BENCH_QUERY_WORD, distinct[g_rand_int_range (rand, 0, (gint32) n_distinct)]);

  /* Two or three neighbouring content words of one text: "client confidentiality". */
  for (guint i = 0; i < N_MULTI; )
    {
      GPtrArray *c = content->pdata[g_rand_int_range (rand, 0, (gint32) content->len)];
      guint n = (guint) g_rand_int_range (rand, 2, 4);
      g_autoptr(GString) q = g_string_new (NULL);
      guint start;

      if (c->len < n)
        continue;
      start = (guint) g_rand_int_range (rand, 0, (gint32) (c->len - n + 1));
      for (guint k = 0; k < n; k++)
        g_string_append_printf (q, "%s%s", k > 0 ? " " : "", (char *) c->pdata[start + k]);
      add (queries, BENCH_QUERY_WORDS, q->str);
      i++;
    }

  /* Two to four words quoted as they stand in a text: "\"limits of confidentiality\"". */
  for (guint i = 0; i < N_PHRASES; )
    {
      GStrv w = words->pdata[g_rand_int_range (rand, 0, (gint32) words->len)];
      guint len = g_strv_length (w);
      guint n = (guint) g_rand_int_range (rand, 2, 5);
      g_autoptr(GString) q = g_string_new ("\"");
      guint start;

      if (len < n)
        continue;
      start = (guint) g_rand_int_range (rand, 0, (gint32) (len - n + 1));
      for (guint k = 0; k < n; k++)
        g_string_append_printf (q, "%s%s", k > 0 ? " " : "", w[start + k]);
      g_string_append_c (q, '"');
      add (queries, BENCH_QUERY_PHRASE, q->str);
      i++;
    }

  /* Made-up letter strings: no word of any code. */
  for (guint i = 0; i < N_NO_MATCH; i++)
    {
      char q[9] = { 0 };
      guint n = (guint) g_rand_int_range (rand, 5, 9);

      for (guint k = 0; k < n; k++)
        q[k] = "bcdfghjklmnpqrstvwxz"[g_rand_int_range (rand, 0, 20)];
      q[0] = 'q';
      q[1] = 'x';
      add (queries, BENCH_QUERY_NO_MATCH, q);
    }
}

/* "nohs 3", "NOHS Standard 3", "1.11", "I.5.a", "coaching 2.3." */
static void
add_ref_queries (GPtrArray *queries,
                 GPtrArray *refs,
                 GRand     *rand)
{
  add (queries, BENCH_QUERY_REF, "nohs 3");
  add (queries, BENCH_QUERY_REF, "1.11");
  add (queries, BENCH_QUERY_REF, "I.5.a");
  add (queries, BENCH_QUERY_REF, "NOHS Standard 12");
  add (queries, BENCH_QUERY_REF, "standard 44");

  for (guint i = 0; i < N_REFS && refs->len > 0; i++)
    {
      g_auto(GStrv) parts = g_strsplit (refs->pdata[g_rand_int_range (rand, 0, (gint32) refs->len)],
                                        "\t", 2);
      g_autofree char *upper = g_ascii_strup (parts[0], -1);
      g_autofree char *q = NULL;

      switch (i % 4)
        {
        case 0:
          q = g_strdup (parts[1]);
          break;
        case 1:
          q = g_strdup_printf ("%s %s", parts[0], parts[1]);
          break;
        case 2:
          q = g_strdup_printf ("%s standard %s", upper, parts[1]);
          break;
        default:
          q = g_strdup_printf ("%s.", parts[1]);
          break;
        }
      add (queries, BENCH_QUERY_REF, q);
    }
}

GPtrArray *
bench_queries_build (EthosCorpus  *corpus,
                     guint32       seed,
                     GError      **error)
{
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func ((GDestroyNotify) bench_query_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  if (!collect_texts (corpus, texts, refs, error))
    return NULL;

  for (guint i = 0; practitioner_words[i] != NULL; i++)
    {
      add (queries, BENCH_QUERY_WORD, practitioner_words[i]);
      if (i % 2 == 0)
        add_keystrokes (queries, practitioner_words[i]);
    }
  for (guint i = 0; practitioner_queries[i] != NULL; i++)
    {
      add (queries, BENCH_QUERY_WORDS, practitioner_queries[i]);
      if (i % 2 == 0)
        add_keystrokes (queries, practitioner_queries[i]);
    }
  for (guint i = 0; practitioner_phrases[i] != NULL; i++)
    add (queries, BENCH_QUERY_PHRASE, practitioner_phrases[i]);
  for (guint i = 0; no_match_words[i] != NULL; i++)
    add (queries, BENCH_QUERY_NO_MATCH, no_match_words[i]);

  add_corpus_queries (queries, texts, rand);
  add_ref_queries (queries, refs, rand);

  /* Mixed as a session would be, but each typed sequence stays whole. */
  for (guint i = queries->len - 1; i > 0; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i + 1);
      BenchQuery *a = queries->pdata[i], *b = queries->pdata[j];

      if (a->kind == BENCH_QUERY_KEYSTROKE || b->kind == BENCH_QUERY_KEYSTROKE)
        continue;
      queries->pdata[i] = b;
      queries->pdata[j] = a;
    }

  return g_steal_pointer (&queries);
}
