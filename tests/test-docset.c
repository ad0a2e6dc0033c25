/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ethos-corpus-builder.h"
#include "ethos-corpus.h"
#include "ethos-docset.h"
#include "ethos-error.h"
#include "ethos-paths.h"
#include "ethos-test-codes.h"
#include "ethos-test-utils.h"

static char *tmp;
static char *docset_dir;     /* one export of the shipped corpus, shared by the read-only tests */

static EthosCorpus *
open_corpus (void)
{
  g_autofree char *path = ethos_paths_get_corpus_file ();
  g_autoptr(GError) error = NULL;
  EthosCorpus *corpus = ethos_corpus_open (path, &error);

  g_assert_no_error (error);
  return corpus;
}

static char *
export_fresh (const char *name)
{
  g_autoptr(EthosCorpus) corpus = open_corpus ();
  g_autofree char *out = g_build_filename (tmp, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (ethos_docset_export (corpus, out, &error));
  g_assert_no_error (error);
  return g_build_filename (out, ETHOS_DOCSET_NAME, NULL);
}

static const char *
shared_docset (void)
{
  if (docset_dir == NULL)
    docset_dir = export_fresh ("shared");
  return docset_dir;
}

static sqlite3 *
open_index (const char *docset)
{
  g_autofree char *path = g_build_filename (docset, "Contents", "Resources", "docSet.dsidx", NULL);
  sqlite3 *db = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
}

static char *
read_document (const char *docset,
               const char *page)
{
  g_autofree char *path = g_build_filename (docset, "Contents", "Resources", "Documents", page, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (contents, -1, NULL));
  return contents;
}

static char *
html_escape (const char *text)
{
  return g_markup_escape_text (text, -1);
}

static char *
html_unescape (const char *text)
{
  GString *out = g_string_new (text);

  g_string_replace (out, "&lt;", "<", 0);
  g_string_replace (out, "&gt;", ">", 0);
  g_string_replace (out, "&quot;", "\"", 0);
  g_string_replace (out, "&#39;", "'", 0);
  g_string_replace (out, "&apos;", "'", 0);
  g_string_replace (out, "&amp;", "&", 0);
  return g_string_free (out, FALSE);
}

/* Every id="…" and name="…" in a page, unescaped. */
static GHashTable *
collect_anchors (const char *html)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\s(?:id|name)=\"([^\"]*)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GHashTable *anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_regex_match (regex, html, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *raw = g_match_info_fetch (match, 1);
      char *value = html_unescape (raw);

      /* An id is unique in a page: a duplicate would make a link ambiguous. */
      if (!g_str_has_prefix (value, "//apple_ref/") && g_hash_table_contains (anchors, value))
        g_error ("anchor “%s” appears twice", value);
      g_hash_table_add (anchors, value);
    }
  return anchors;
}

static int
count_rows (sqlite3    *db,
            const char *sql,
            const char *arg1,
            const char *arg2)
{
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg1 != NULL)
    sqlite3_bind_text (stmt, 1, arg1, -1, SQLITE_TRANSIENT);
  if (arg2 != NULL)
    sqlite3_bind_text (stmt, 2, arg2, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* The table and unique index Dash and Zeal expect. */
static void
test_index_schema (void)
{
  sqlite3 *db = open_index (shared_docset ());
  sqlite3_stmt *stmt = NULL;
  GString *columns = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA table_info (searchIndex)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (columns, "%s %s %d,", sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2), sqlite3_column_int (stmt, 5));
  sqlite3_finalize (stmt);
  g_assert_cmpstr (columns->str, ==, "id INTEGER 1,name TEXT 0,type TEXT 0,path TEXT 0,");
  g_string_free (columns, TRUE);

  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM pragma_index_list ('searchIndex') "
                               "WHERE name = 'anchor' AND \"unique\" = 1", NULL, NULL), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM pragma_index_info ('anchor') WHERE "
                               "(seqno = 0 AND name = 'name') OR (seqno = 1 AND name = 'type') OR "
                               "(seqno = 2 AND name = 'path')", NULL, NULL), ==, 3);
  sqlite3_close (db);
}

/* Every item of every code is in the index, once, with the count that the
 * corpus and the data files (read independently) give. */
static void
test_index_lists_every_item (void)
{
  g_autoptr(EthosCorpus) corpus = open_corpus ();
  g_autoptr(GPtrArray) codes = ethos_corpus_list_codes (corpus, NULL);
  g_autoptr(GPtrArray) topics = ethos_corpus_list_topics (corpus, NULL);
  sqlite3 *db = open_index (shared_docset ());
  guint total = 0;

  g_assert_nonnull (codes);
  g_assert_cmpuint (codes->len, ==, 4);
  for (guint c = 0; c < codes->len; c++)
    {
      const EthosCodeInfo *code = codes->pdata[c];
      g_autoptr(GPtrArray) items = ethos_corpus_list_items (corpus, code->id, NULL);
      g_autoptr(GPtrArray) from_json = ethos_test_read_code_items (code->id);
      g_autofree char *page = g_strconcat (code->id, ".html", NULL);
      g_autofree char *like = g_strconcat (code->id, ".html#%", NULL);

      g_assert_cmpuint (items->len, ==, code->n_items);
      g_assert_cmpuint (from_json->len, ==, code->n_items);
      g_assert_cmpint (count_rows (db, "SELECT count(*) FROM searchIndex WHERE type = 'Entry' "
                                   "AND path LIKE ?1", like, NULL), ==, code->n_items);
      g_assert_cmpint (count_rows (db, "SELECT count(*) FROM searchIndex WHERE type = 'Guide' "
                                   "AND path = ?1 AND name = ?2", page, code->short_title), ==, 1);

      for (guint i = 0; i < from_json->len; i++)
        {
          const EthosTestItem *item = from_json->pdata[i];
          g_autofree char *path = g_strconcat (code->id, ".html#", item->ref, NULL);

          if (count_rows (db, "SELECT count(*) FROM searchIndex WHERE type = 'Entry' AND path = ?1",
                          path, NULL) != 1)
            g_error ("%s %s is not in the docset index once", item->code, item->ref);
        }
      total += code->n_items;
    }
  g_assert_cmpuint (total, ==, 44 + 47 + 16 + 28);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM searchIndex WHERE type = 'Entry'",
                               NULL, NULL), ==, total);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM searchIndex WHERE type = 'Category'",
                               NULL, NULL), ==, topics->len);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM searchIndex WHERE name = "
                               "'Item I.4.a · Dual Relationships — OESC'", NULL, NULL), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM searchIndex WHERE name = "
                               "'Standard 3 — NOHS'", NULL, NULL), ==, 1);
  sqlite3_close (db);
}

/* Each path names an existing page and an anchor in it; each entry also has
 * its Dash table-of-contents anchor in that page. */
static void
test_paths_resolve (void)
{
  const char *docset = shared_docset ();
  sqlite3 *db = open_index (docset);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GHashTable) pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_hash_table_unref);
  guint rows = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, type, path FROM searchIndex", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *type = (const char *) sqlite3_column_text (stmt, 1);
      const char *path = (const char *) sqlite3_column_text (stmt, 2);
      g_auto(GStrv) parts = g_strsplit (path, "#", 2);
      g_autofree char *escaped_name = g_uri_escape_string (name, NULL, FALSE);
      g_autofree char *toc = g_strdup_printf ("//apple_ref/cpp/%s/%s", type, escaped_name);
      GHashTable *anchors = g_hash_table_lookup (pages, parts[0]);

      if (anchors == NULL)
        {
          g_autofree char *html = read_document (docset, parts[0]);
          anchors = collect_anchors (html);
          g_hash_table_insert (pages, g_strdup (parts[0]), anchors);
        }
      if (parts[1] != NULL)
        {
          g_autofree char *fragment = g_uri_unescape_string (parts[1], NULL);
          if (!g_hash_table_contains (anchors, fragment))
            g_error ("%s: no anchor “%s” in %s", name, fragment, parts[0]);
        }
      if (!g_hash_table_contains (anchors, toc))
        g_error ("%s: no Dash anchor %s in %s", name, toc, parts[0]);
      rows++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (rows, >, 135 + 4);
  g_assert_true (g_hash_table_contains (pages, "topics.html"));
  g_assert_cmpuint (g_hash_table_size (pages), ==, 5);
}

typedef struct
{
  GHashTable *values;   /* key → "string value" or "true"/"false" */
  char       *key;
  gboolean    in_key;
  gboolean    in_string;
} PlistState;

static void
plist_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              data,
             GError              **error)
{
  PlistState *state = data;

  state->in_key = g_str_equal (element, "key");
  state->in_string = g_str_equal (element, "string");
  if (state->key != NULL && (g_str_equal (element, "true") || g_str_equal (element, "false")))
    g_hash_table_insert (state->values, g_steal_pointer (&state->key), g_strdup (element));
}

static void
plist_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              data,
           GError              **error)
{
  PlistState *state = data;

  state->in_key = state->in_string = FALSE;
}

static void
plist_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 len,
            gpointer              data,
            GError              **error)
{
  PlistState *state = data;

  if (state->in_key)
    {
      g_free (state->key);
      state->key = g_strndup (text, len);
    }
  else if (state->in_string && state->key != NULL)
    g_hash_table_insert (state->values, g_steal_pointer (&state->key), g_strndup (text, len));
}

/* The docset's icons, as Dash and Zeal look for them: PNG, 16 and 32 px. */
static void
test_icons (void)
{
  const struct { const char *name; guint32 size; } icons[] = {
    { "icon.png", 16 }, { "icon@2x.png", 32 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    {
      g_autofree char *path = g_build_filename (shared_docset (), icons[i].name, NULL);
      g_autofree guchar *data = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, (char **) &data, &length, NULL));
      g_assert_cmpuint (length, >, 24);
      g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
      /* IHDR: width and height, big-endian, at bytes 16 and 20. */
      g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 16)), ==, icons[i].size);
      g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 20)), ==, icons[i].size);
    }
}

static void
test_info_plist (void)
{
  static const GMarkupParser parser = { plist_start, plist_end, plist_text, NULL, NULL };
  g_autofree char *path = g_build_filename (shared_docset (), "Contents", "Info.plist", NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  PlistState state = { values, NULL, FALSE, FALSE };
  g_autoptr(GMarkupParseContext) context =
    g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &state, NULL);

  g_file_get_contents (path, &xml, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  g_markup_parse_context_parse (context, xml, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_free (state.key);

  g_assert_cmpstr (g_hash_table_lookup (values, "CFBundleIdentifier"), ==, "ethos");
  g_assert_cmpstr (g_hash_table_lookup (values, "CFBundleName"), ==, "Ethos");
  g_assert_cmpstr (g_hash_table_lookup (values, "DocSetPlatformFamily"), ==, "ethos");
  g_assert_cmpstr (g_hash_table_lookup (values, "isDashDocset"), ==, "true");
  g_assert_cmpstr (g_hash_table_lookup (values, "dashIndexFilePath"), ==, "index.html");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *index = read_document (shared_docset (), "index.html");
    g_assert_true (strstr (index, "href=\"nohs.html\"") != NULL);
    g_assert_true (strstr (index, "href=\"topics.html\"") != NULL);
  }
}

/* A code's page: its facts as far as the source states them, the notice
 * verbatim, the texts verbatim (compared with the data files) and the topics
 * of each item. */
static void
test_pages_content (void)
{
  g_autoptr(EthosCorpus) corpus = open_corpus ();
  g_autoptr(GPtrArray) codes = ethos_corpus_list_codes (corpus, NULL);

  for (guint c = 0; c < codes->len; c++)
    {
      const EthosCodeInfo *code = codes->pdata[c];
      g_autofree char *page = g_strconcat (code->id, ".html", NULL);
      g_autofree char *html = read_document (shared_docset (), page);
      g_autofree char *title = html_escape (code->title);
      g_autoptr(GPtrArray) from_json = ethos_test_read_code_items (code->id);
      g_autoptr(GPtrArray) fronts = ethos_test_read_front_texts (code->id);
      g_autoptr(GPtrArray) items = ethos_corpus_list_items (corpus, code->id, NULL);
      const char *notice = strstr (html, "id=\"notice\"");

      g_assert_true (strstr (html, title) != NULL);
      g_assert_nonnull (notice);
      if (code->notice != NULL)
        {
          g_autofree char *escaped = html_escape (code->notice);
          g_assert_true (g_str_has_prefix (strstr (notice, "</strong> "), "</strong> "));
          g_assert_true (strstr (notice, escaped) != NULL);
        }
      else
        g_assert_true (g_str_has_prefix (strstr (notice, "</strong> ") + strlen ("</strong> "),
                                         "<span class=\"not-stated\">not stated in the source"));
      if (code->publisher == NULL || code->edition == NULL)
        g_assert_true (strstr (html, "not stated in the source") != NULL);
      if (code->edition != NULL)
        {
          g_autofree char *row = g_strdup_printf ("<dt>Edition</dt><dd>%s</dd>", code->edition);
          g_assert_true (strstr (html, row) != NULL);
        }
      if (code->numbering_note != NULL)
        {
          g_autofree char *note = html_escape (code->numbering_note);
          g_assert_true (strstr (html, note) != NULL);
        }
      for (guint f = 0; f < fronts->len; f++)
        {
          g_autofree char *text = html_escape (fronts->pdata[f]);
          g_assert_true (strstr (html, text) != NULL);
        }
      for (guint i = 0; i < from_json->len; i++)
        {
          const EthosTestItem *item = from_json->pdata[i];
          g_autofree char *text = html_escape (item->text);
          if (strstr (html, text) == NULL)
            g_error ("%s %s: text not verbatim in %s", code->id, item->ref, page);
        }
      for (guint i = 0; i < items->len; i++)
        {
          const EthosItem *item = items->pdata[i];
          g_autofree char *open = g_strdup_printf ("id=\"%s\"", item->ref);
          const char *start = strstr (html, open);
          g_autofree char *article = NULL;

          g_assert_nonnull (start);
          article = g_strndup (start, strstr (start, "</article>") - start);
          g_assert_nonnull (item->topics[0]);
          for (guint t = 0; item->topics[t] != NULL; t++)
            {
              g_autofree char *link = g_strdup_printf ("href=\"topics.html#topic-%s\"",
                                                       item->topics[t]);
              if (strstr (article, link) == NULL)
                g_error ("%s %s: topic %s not listed", code->id, item->ref, item->topics[t]);
            }
        }
    }
}

/* Text from the corpus never becomes markup. */
static void
test_escaping (void)
{
  static const char topics_json[] =
    "{\"format\": 1, \"topics\": [{\"id\": \"consent\", \"label\": \"Consent & <i>more</i>\", "
    "\"description\": \"Agreeing <b>.\"}]}";
  static const char code_json[] =
    "{\"format\": 1, \"id\": \"evil\", \"title\": \"<script>alert(1)</script> Code\", "
    "\"short_title\": \"E&vil\", \"publisher\": \"A \\\"quoted\\\" <publisher>\", "
    "\"edition\": null, \"year\": null, \"notice\": \"© <b>All</b> rights & more\", "
    "\"item_label\": \"Standard\", \"numbering_note\": null, \"citation_short\": \"E<v>\", "
    "\"abbreviation\": \"E<v>\", \"website\": null, \"reproduction\": \"whole\", "
    "\"front_matter\": [], "
    "\"sections\": [{\"heading\": \"<h1>Section</h1>\", \"items\": ["
    "{\"ref\": \"1\", \"heading\": \"<img src=x onerror=alert(1)>\", "
    "\"text\": \"Use <b>bold</b> & \\\"quotes\\\".\", \"topics\": [\"consent\"]}]}]}";
  g_autofree char *topics = ethos_test_write_file (tmp, "evil-topics.json", topics_json);
  g_autofree char *code = ethos_test_write_file (tmp, "evil.json", code_json);
  g_autofree char *db_path = g_build_filename (tmp, "evil.db", NULL);
  g_autofree char *out = g_build_filename (tmp, "evil-out", NULL);
  g_autofree char *docset = g_build_filename (out, ETHOS_DOCSET_NAME, NULL);
  const char *codes[] = { code, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosCorpus) corpus = NULL;
  g_autofree char *page = NULL;
  g_autofree char *topics_page = NULL;
  sqlite3 *db;

  g_assert_true (ethos_corpus_build (db_path, topics, codes, &error));
  g_assert_no_error (error);
  corpus = ethos_corpus_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (ethos_docset_export (corpus, out, &error));
  g_assert_no_error (error);

  page = read_document (docset, "evil.html");
  topics_page = read_document (docset, "topics.html");
  g_assert_null (strstr (page, "<script"));
  g_assert_null (strstr (page, "<b>"));
  g_assert_null (strstr (page, "<img"));
  g_assert_null (strstr (page, "<h1>Section"));
  g_assert_null (strstr (topics_page, "<i>more"));
  g_assert_true (strstr (page, "&lt;script&gt;alert(1)&lt;/script&gt; Code") != NULL);
  g_assert_true (strstr (page, "Use &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot;.") != NULL);
  g_assert_true (strstr (page, "© &lt;b&gt;All&lt;/b&gt; rights &amp; more") != NULL);
  g_assert_true (strstr (topics_page, "Consent &amp; &lt;i&gt;more&lt;/i&gt;") != NULL);

  /* The index keeps names as they are: it is data, not markup. */
  db = open_index (docset);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM searchIndex WHERE name = ?1 AND path = ?2",
                               "Standard 1 · <img src=x onerror=alert(1)> — E<v>", "evil.html#1"),
                   ==, 1);
  sqlite3_close (db);
}

static char **
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* A failure half-way leaves the older docset as it was and nothing else;
 * a later export replaces it and leaves nothing behind either. */
static void
test_failure_keeps_old (void)
{
  g_autofree char *docset = export_fresh ("replace");
  g_autofree char *out = g_path_get_dirname (docset);
  g_autofree char *index_before = read_document (docset, "index.html");
  g_autofree char *shipped = ethos_paths_get_corpus_file ();
  g_autofree char *broken = g_build_filename (tmp, "broken.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *stray = NULL;
  g_autoptr(EthosCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  gsize length;
  sqlite3 *db;

  /* A corpus that opens and lists its codes but cannot list their sections. */
  g_file_get_contents (shipped, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (broken, contents, length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (broken, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE sections RENAME TO gone", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  corpus = ethos_corpus_open (broken, &error);
  g_assert_no_error (error);

  g_assert_false (ethos_docset_export (corpus, out, &error));
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_DATABASE);
  g_clear_error (&error);
  names = list_dir (out);
  g_assert_cmpstrv (names, ((const char * const []) { ETHOS_DOCSET_NAME, NULL }));
  {
    g_autofree char *index_after = read_document (docset, "index.html");
    g_assert_cmpstr (index_after, ==, index_before);
  }

  /* Replace the old docset with a new one, here with a stray file in it. */
  stray = ethos_test_write_file (docset, "stray", "x");
  g_clear_pointer (&corpus, ethos_corpus_free);
  g_free (export_fresh ("replace"));
  g_clear_pointer (&names, g_strfreev);
  names = list_dir (out);
  g_assert_cmpstrv (names, ((const char * const []) { ETHOS_DOCSET_NAME, NULL }));
  g_assert_true (g_file_test (docset, G_FILE_TEST_IS_DIR));
  g_assert_false (g_file_test (stray, G_FILE_TEST_EXISTS));
}

static void
test_unwritable (void)
{
  g_autoptr(EthosCorpus) corpus = open_corpus ();
  g_autofree char *file = ethos_test_write_file (tmp, "a-file", "not a folder");
  g_autofree char *under_file = g_build_filename (file, "sub", NULL);
  const char *targets[] = { file, under_file, "/proc/ethos-docset-test" };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (ethos_docset_export (corpus, targets[i], &error));
      g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_IO);
      g_assert_true (strstr (error->message, targets[i]) != NULL);
    }
  g_assert_false (g_file_test (under_file, G_FILE_TEST_EXISTS));
}

static void
test_cli (void)
{
  g_autofree char *out_dir = g_build_filename (tmp, "cli", "nested", NULL);
  g_autofree char *expected = g_strconcat (out_dir, "/" ETHOS_DOCSET_NAME "\n", NULL);
  g_autofree char *file = ethos_test_write_file (tmp, "cli-file", "x");
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (ethos_test_run_cli (&out, &err, "docset", "-o", out_dir, NULL), ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
  {
    g_autofree char *docset = g_build_filename (out_dir, ETHOS_DOCSET_NAME, NULL);
    g_autofree char *page = read_document (docset, "nohs.html");
    g_assert_true (strstr (page, "Standard 44") != NULL);
  }

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ethos_test_run_cli (&out, &err, "docset", "-o", file, NULL), ==, 4);
  g_assert_true (g_str_has_prefix (err, "ethos-cli: "));
  g_assert_true (strstr (err, file) != NULL);
  g_assert_cmpstr (out, ==, "");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ethos_test_run_cli (&out, &err, "docset", NULL), ==, 2);
  g_assert_true (strstr (err, "-o DIR") != NULL);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ethos_test_run_cli (&out, &err, "docset", "-o", out_dir, "extra", NULL), ==, 2);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ethos_test_run_cli (&out, &err, "docset", "--help", NULL), ==, 0);
  g_assert_true (strstr (out, "--output") != NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp = ethos_test_init (&argc, &argv);

  g_test_add_func ("/docset/index-schema", test_index_schema);
  g_test_add_func ("/docset/index-lists-every-item", test_index_lists_every_item);
  g_test_add_func ("/docset/paths-resolve", test_paths_resolve);
  g_test_add_func ("/docset/info-plist", test_info_plist);
  g_test_add_func ("/docset/icons", test_icons);
  g_test_add_func ("/docset/pages-content", test_pages_content);
  g_test_add_func ("/docset/escaping", test_escaping);
  g_test_add_func ("/docset/failure-keeps-old", test_failure_keeps_old);
  g_test_add_func ("/docset/unwritable", test_unwritable);
  g_test_add_func ("/docset/cli", test_cli);

  status = g_test_run ();
  g_free (docset_dir);
  g_free (tmp);
  return status;
}
