/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-search"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <time.h>
#include <sys/utsname.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-search.h"
#include "ethos-paths.h"

/* Times ethos_corpus_search() — the call the app and ethos-cli make, limit
 * 50 — over a realistic query set, on the shipped corpus and on a synthetic
 * one 100 times larger (issue 2). Prints Markdown to stdout. */

#define LIMIT 50

typedef struct
{
  const char *name;
  double      target_ms;  /* median per query */
  guint       n_codes;
  guint       n_items;
  goffset     size;
  double      open_ms;
  double      first_ms;
  GArray     *times[BENCH_QUERY_N_KINDS + 1];  /* double ms; the last one: all queries */
  GArray     *cpu_times;                       /* double ms of CPU, all queries */
  GArray     *by_query;                        /* double ms, in the order of the queries */
  guint       n_hits[BENCH_QUERY_N_KINDS + 1]; /* queries with at least one result */
} Run;

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static gint64
cpu_now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static double
since_ms (gint64 start)
{
  return (double) (now_ns () - start) / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Nearest rank on sorted @times. */
static double
percentile (GArray *times,
            double  p)
{
  guint rank;

  if (times->len == 0)
    return 0;
  rank = (guint) MAX (1.0, (p / 100.0) * times->len + 0.999999);
  return g_array_index (times, double, MIN (rank, times->len) - 1);
}

static void
run_clear (Run *run)
{
  for (guint k = 0; k <= BENCH_QUERY_N_KINDS; k++)
    g_clear_pointer (&run->times[k], g_array_unref);
  g_clear_pointer (&run->cpu_times, g_array_unref);
  g_clear_pointer (&run->by_query, g_array_unref);
}

/* @ms: wall time; @cpu_ms (may be NULL): this thread's CPU time, which
 * other processes on the machine do not inflate. */
static gboolean
search_once (EthosCorpus  *corpus,
             const char   *query,
             double       *ms,
             double       *cpu_ms,
             guint        *n_results,
             GError      **error)
{
  GPtrArray *results;
  gint64 cpu_start = cpu_now_ns ();
  gint64 start = now_ns ();

  results = ethos_corpus_search (corpus, query, NULL, LIMIT, error);
  *ms = since_ms (start);
  if (cpu_ms != NULL)
    *cpu_ms = (double) (cpu_now_ns () - cpu_start) / 1e6;
  if (results == NULL)
    return FALSE;
  *n_results = results->len;
  g_ptr_array_unref (results);
  return TRUE;
}

static gboolean
measure (Run         *run,
         const char  *path,
         GPtrArray   *queries,
         guint        passes,
         GError     **error)
{
  g_autoptr(EthosCorpus) corpus = NULL;
  g_autofree double *per_pass = NULL;
  g_autofree double *cpu_per_pass = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  GStatBuf st;
  gint64 start;
  double ms;
  guint n;

  for (guint k = 0; k <= BENCH_QUERY_N_KINDS; k++)
    run->times[k] = g_array_new (FALSE, FALSE, sizeof (double));
  run->cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  run->by_query = g_array_new (FALSE, FALSE, sizeof (double));

  start = now_ns ();
  corpus = ethos_corpus_open (path, error);
  run->open_ms = since_ms (start);
  if (corpus == NULL || !(codes = ethos_corpus_list_codes (corpus, error)))
    return FALSE;
  run->n_codes = codes->len;
  for (guint i = 0; i < codes->len; i++)
    run->n_items += ((EthosCodeInfo *) codes->pdata[i])->n_items;
  if (g_stat (path, &st) == 0)
    run->size = st.st_size;

  /* The first search after opening, then one untimed pass so that the
   * timed passes see the page cache a running app has. */
  if (!search_once (corpus, ((BenchQuery *) queries->pdata[0])->text, &run->first_ms, NULL, &n,
                    error))
    return FALSE;
  for (guint i = 0; i < queries->len; i++)
    if (!search_once (corpus, ((BenchQuery *) queries->pdata[i])->text, &ms, NULL, &n, error))
      return FALSE;

  /* Each query's time is its median over the passes: on a shared machine
   * one pass catches other processes' bursts. */
  per_pass = g_new (double, (gsize) queries->len * passes);
  cpu_per_pass = g_new (double, (gsize) queries->len * passes);
  for (guint p = 0; p < passes; p++)
    for (guint i = 0; i < queries->len; i++)
      {
        const BenchQuery *q = queries->pdata[i];

        gsize at = (gsize) i * passes + p;

        if (!search_once (corpus, q->text, &per_pass[at], &cpu_per_pass[at], &n, error))
          return FALSE;
        if (p == 0)
          {
            run->n_hits[q->kind] += n > 0;
            run->n_hits[BENCH_QUERY_N_KINDS] += n > 0;
          }
      }
  for (guint i = 0; i < queries->len; i++)
    {
      const BenchQuery *q = queries->pdata[i];
      double *t = &per_pass[(gsize) i * passes];
      double *c = &cpu_per_pass[(gsize) i * passes];

      qsort (t, passes, sizeof (double), compare_doubles);
      qsort (c, passes, sizeof (double), compare_doubles);
      g_array_append_val (run->times[q->kind], t[(passes - 1) / 2]);
      g_array_append_val (run->times[BENCH_QUERY_N_KINDS], t[(passes - 1) / 2]);
      g_array_append_val (run->cpu_times, c[(passes - 1) / 2]);
      g_array_append_val (run->by_query, t[(passes - 1) / 2]);
    }
  g_array_sort (run->cpu_times, compare_doubles);
  for (guint k = 0; k <= BENCH_QUERY_N_KINDS; k++)
    g_array_sort (run->times[k], compare_doubles);
  return TRUE;
}

static char *
cpu_model (void)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/cpuinfo", &contents, NULL, NULL))
    return g_strdup ("unknown CPU");
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "model name") && strchr (lines[i], ':') != NULL)
      return g_strstrip (g_strdup (strchr (lines[i], ':') + 1));
  return g_strdup ("unknown CPU");
}

static void
print_machine (guint32 seed,
               guint   n_queries,
               guint   passes)
{
  g_autofree char *cpu = cpu_model ();
  struct utsname u;
  const char *optimized =
#ifdef __OPTIMIZE__
    "optimized build";
#else
    "UNOPTIMIZED build: use meson setup -Dbuildtype=release";
#endif

  if (uname (&u) != 0)
    {
      g_strlcpy (u.sysname, "unknown", sizeof u.sysname);
      g_strlcpy (u.release, "", sizeof u.release);
      g_strlcpy (u.machine, "", sizeof u.machine);
    }
  printf ("# Search benchmark (issue 2)\n\n");
  printf ("- Machine: %s, %d logical cores, %s %s %s\n", cpu, g_get_num_processors (),
          u.sysname, u.release, u.machine);
  printf ("- SQLite %s (FTS5), GLib %u.%u.%u, %s\n", sqlite3_libversion (),
          glib_major_version, glib_minor_version, glib_micro_version, optimized);
  printf ("- %u queries per corpus (seed %u), `ethos_corpus_search (corpus, query, NULL, %d)`; "
          "after one untimed pass, a query's time is its median over %u timed passes\n\n",
          n_queries, seed, LIMIT, passes);
}

static void
print_summary (Run *runs,
               guint n_runs)
{
  printf ("| corpus | codes | items | index | open | first query | queries "
          "| median | p90 | p99 | max | target (median) | | over target |\n");
  printf ("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|\n");
  for (guint r = 0; r < n_runs; r++)
    {
      Run *run = &runs[r];
      GArray *all = run->times[BENCH_QUERY_N_KINDS];
      double median = percentile (all, 50);
      guint over = 0;

      for (guint i = 0; i < all->len; i++)
        over += g_array_index (all, double, i) > run->target_ms;
      printf ("| %s | %u | %u | %.1f MB | %.2f ms | %.3f ms | %u | %.3f ms | %.3f ms "
              "| %.3f ms | %.3f ms | ≤ %g ms | %s | %u (%.1f %%) |\n",
              run->name, run->n_codes, run->n_items, (double) run->size / (1024.0 * 1024.0),
              run->open_ms, run->first_ms, all->len, median, percentile (all, 90),
              percentile (all, 99), percentile (all, 100), run->target_ms,
              median <= run->target_ms ? "met" : "**missed**",
              over, all->len > 0 ? 100.0 * over / all->len : 0.0);
    }
  printf ("\n");

  /* On a busy machine wall time includes waiting for the CPU. */
  printf ("CPU time of the same searches (this thread only):\n\n");
  printf ("| corpus | median | p90 | p99 | max | over target |\n");
  printf ("|---|--:|--:|--:|--:|--:|\n");
  for (guint r = 0; r < n_runs; r++)
    {
      Run *run = &runs[r];
      GArray *cpu = run->cpu_times;
      guint over = 0;

      for (guint i = 0; i < cpu->len; i++)
        over += g_array_index (cpu, double, i) > run->target_ms;
      printf ("| %s | %.3f ms | %.3f ms | %.3f ms | %.3f ms | %u (%.1f %%) |\n",
              run->name, percentile (cpu, 50), percentile (cpu, 90), percentile (cpu, 99),
              percentile (cpu, 100), over, cpu->len > 0 ? 100.0 * over / cpu->len : 0.0);
    }
  printf ("\n");
}

static void
print_kinds (Run *run)
{
  printf ("### %s, by kind of query\n\n", run->name);
  printf ("| kind | queries | with results | median | p90 | p99 | max |\n");
  printf ("|---|--:|--:|--:|--:|--:|--:|\n");
  for (guint k = 0; k < BENCH_QUERY_N_KINDS; k++)
    {
      GArray *t = run->times[k];

      printf ("| %s | %u | %u | %.3f ms | %.3f ms | %.3f ms | %.3f ms |\n",
              bench_query_kind_name (k), t->len, run->n_hits[k], percentile (t, 50),
              percentile (t, 90), percentile (t, 99), percentile (t, 100));
    }
  printf ("\n");
}

/* The eight distinct queries whose time was worst, for whoever profiles next. */
static void
print_slowest (Run       *run,
               GPtrArray *queries)
{
  g_autoptr(GArray) times = g_array_copy (run->by_query);

  printf ("Slowest queries on the %s corpus: ", run->name);
  for (guint shown = 0; shown < 8; shown++)
    {
      guint worst = 0;
      const BenchQuery *q;

      for (guint i = 1; i < times->len; i++)
        if (g_array_index (times, double, i) > g_array_index (times, double, worst))
          worst = i;
      if (times->len == 0 || g_array_index (times, double, worst) < 0)
        break;
      q = queries->pdata[worst];
      printf ("%s`%s` %.1f ms", shown > 0 ? ", " : "", q->text,
              g_array_index (times, double, worst));
      /* "c" is typed first in many words: name each query once. */
      for (guint i = 0; i < queries->len; i++)
        if (g_str_equal (((BenchQuery *) queries->pdata[i])->text, q->text))
          g_array_index (times, double, i) = -1;
    }
  printf ("\n\n");
}

/* --list-queries, and --list-results to compare the search before and
 * after a change to it. */
static int
print_queries (EthosCorpus *corpus,
               GPtrArray   *queries,
               gboolean     with_results)
{
  for (guint i = 0; i < queries->len; i++)
    {
      const BenchQuery *q = queries->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) results = ethos_corpus_search (corpus, q->text, NULL, LIMIT, &error);

      if (results == NULL)
        {
          g_printerr ("bench-search: %s: %s\n", q->text, error->message);
          return 1;
        }
      printf ("%s\t%u\t%s\n", bench_query_kind_name (q->kind), results->len, q->text);
      for (guint r = 0; with_results && r < results->len; r++)
        {
          const EthosSearchResult *res = results->pdata[r];

          printf ("\t%d\t%s\t%s\t%s\t%.6g\t%s\n", res->kind, res->code, res->ref,
                  res->heading, res->score, res->snippet);
        }
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *corpus_path = NULL;
  g_autofree char *codes_dir = NULL;
  g_autofree char *synthetic_path = NULL;
  g_autofree char *tmp_dir = NULL;
  gboolean skip_synthetic = FALSE;
  gboolean list_queries = FALSE;
  gboolean list_results = FALSE;
  int copies = 100;
  int seed = 1;
  int passes = 3;
  GOptionEntry entries[] = {
    { "corpus", 0, 0, G_OPTION_ARG_FILENAME, &corpus_path,
      "The shipped corpus (default: the build's corpus.db)", "PATH" },
    { "codes-dir", 0, 0, G_OPTION_ARG_FILENAME, &codes_dir,
      "Where the code files are, for the synthetic corpus (default: data/codes)", "DIR" },
    { "copies", 0, 0, G_OPTION_ARG_INT, &copies,
      "Size of the synthetic corpus (default: 100×)", "N" },
    { "passes", 0, 0, G_OPTION_ARG_INT, &passes,
      "Timed passes; a query's time is its median over them (default: 3)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed,
      "Random seed of queries and copies (default: 1)", "N" },
    { "synthetic", 0, 0, G_OPTION_ARG_FILENAME, &synthetic_path,
      "Write the synthetic corpus here and keep it (default: a temporary file)", "PATH" },
    { "skip-synthetic", 0, 0, G_OPTION_ARG_NONE, &skip_synthetic,
      "Time the shipped corpus only", NULL },
    { "list-queries", 0, 0, G_OPTION_ARG_NONE, &list_queries,
      "Print the queries, their kind and number of results on the corpus", NULL },
    { "list-results", 0, 0, G_OPTION_ARG_NONE, &list_results,
      "Print the queries and their results on the corpus", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the search of the codes");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  Run runs[2] = { { "shipped", 2.0 }, { "synthetic", 20.0 } };
  guint n_runs = 1;
  int status = 1;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      copies < 1 || seed < 0 || passes < 1)
    {
      g_printerr ("bench-search: %s\n",
                  error ? error->message : "--copies, --passes and --seed must be positive");
      return 2;
    }
  if (corpus_path == NULL)
    corpus_path = ethos_paths_get_corpus_file ();
  if (codes_dir == NULL)
    codes_dir = g_build_filename (ETHOS_SOURCE_ROOT, "data", "codes", NULL);

  {
    g_autoptr(EthosCorpus) corpus = ethos_corpus_open (corpus_path, &error);

    if (corpus == NULL || !(queries = bench_queries_build (corpus, (guint32) seed, &error)))
      goto out;
    if (list_queries || list_results)
      return print_queries (corpus, queries, list_results);
    if (!measure (&runs[0], corpus_path, queries, (guint) passes, &error))
      goto out;
  }

  if (!skip_synthetic)
    {
      gint64 start;

      if (synthetic_path == NULL)
        {
          if (!(tmp_dir = g_dir_make_tmp ("ethos-bench-XXXXXX", &error)))
            goto out;
          synthetic_path = g_build_filename (tmp_dir, "synthetic.db", NULL);
        }
      g_printerr ("bench-search: writing the synthetic corpus (%d×) to %s…\n",
                  copies, synthetic_path);
      start = now_ns ();
      if (!bench_synthetic_write (codes_dir, synthetic_path, (guint) copies, (guint32) seed,
                                  &error))
        goto out;
      g_printerr ("bench-search: written in %.1f s\n", since_ms (start) / 1000.0);
      runs[1].name = copies == 100 ? "synthetic 100×" : "synthetic";
      if (!measure (&runs[1], synthetic_path, queries, (guint) passes, &error))
        goto out;
      n_runs = 2;
    }

  print_machine ((guint32) seed, queries->len, (guint) passes);
  print_summary (runs, n_runs);
  for (guint r = 0; r < n_runs; r++)
    print_kinds (&runs[r]);
  print_slowest (&runs[n_runs - 1], queries);

  status = 0;

out:
  if (status != 0)
    g_printerr ("bench-search: %s\n", error != NULL ? error->message : "failed");
  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    run_clear (&runs[r]);
  if (tmp_dir != NULL)
    {
      g_unlink (synthetic_path);
      g_rmdir (tmp_dir);
    }
  return status;
}
