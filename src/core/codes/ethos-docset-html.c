/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-docset"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-docset-private.h"

/* The pages of the docset: plain, self-contained HTML (no scripts, no
 * external resources) that reads well in Dash, Zeal and any browser. Every
 * string from the corpus is escaped; the codes' texts are kept verbatim and
 * shown with their line breaks. */

#define NOT_STATED N_("not stated in the source")

static const char page_style[] =
  ":root{color-scheme:light dark;--fg:#241f31;--muted:#5e5c64;--rule:#deddda;"
  "--accent:#1c71d8;--chip:#f6f5f4}"
  "@media (prefers-color-scheme:dark){:root{--fg:#deddda;--muted:#9a9996;"
  "--rule:#3d3846;--accent:#78aeed;--chip:#303030}}"
  "body{font:16px/1.55 Cantarell,'Noto Sans',system-ui,sans-serif;color:var(--fg);"
  "max-width:46em;margin:0 auto;padding:1.5em 1.25em 4em}"
  "a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}"
  "nav{font-size:.9em;margin-bottom:1.5em;color:var(--muted)}"
  "h1{font-size:1.9em;line-height:1.2;margin:.2em 0 .6em}"
  "h2{font-size:1.35em;margin:2em 0 .6em;padding-bottom:.2em;border-bottom:1px solid var(--rule)}"
  "h3,h4{font-size:1.05em;margin:1.4em 0 .3em}"
  "dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25em 1em;margin:0 0 1em}"
  "dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}"
  ".not-stated{font-style:italic;color:var(--muted)}"
  ".notice{border-left:3px solid var(--rule);padding:.2em 0 .2em 1em;margin:1em 0}"
  ".note{color:var(--muted);font-size:.95em}"
  ".text{white-space:pre-line}"
  ".item{margin:0 0 1.2em}.item.sub{margin-left:1.5em}"
  ".ref{font-variant-numeric:tabular-nums;color:var(--muted);margin-right:.5em}"
  ".topics{font-size:.85em;color:var(--muted);margin:.3em 0 0}"
  ".topics a{display:inline-block;background:var(--chip);border-radius:1em;"
  "padding:0 .6em;margin:.15em .2em 0 0}"
  "ul.list{padding-left:1.2em}ul.list li{margin:.35em 0}";

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static void
append_printf_escaped (GString    *out,
                       const char *format,
                       ...) G_GNUC_PRINTF (2, 3);

static void
append_printf_escaped (GString    *out,
                       const char *format,
                       ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_string_append (out, text);
}

/* A Dash table-of-contents anchor (https://kapeli.com/docsets#tableofcontents). */
static void
append_dash_anchor (GString    *out,
                    const char *type,
                    const char *name)
{
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);

  append_printf_escaped (out, "<a name=\"//apple_ref/cpp/%s/%s\" class=\"dashAnchor\"></a>",
                         type, escaped);
}

static void
add_entry (EthosDocsetBuilder *builder,
           const char         *name,
           const char         *type,
           const char         *page,
           const char         *fragment)
{
  EthosDocsetEntry *entry = g_new0 (EthosDocsetEntry, 1);

  entry->name = g_strdup (name);
  entry->type = type;
  if (fragment != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (fragment, NULL, FALSE);
      entry->path = g_strconcat (page, "#", escaped, NULL);
    }
  else
    entry->path = g_strdup (page);
  g_ptr_array_add (builder->entries, entry);
}

static void
page_open (GString    *out,
           const char *title)
{
  /* Translators: the HTML language code of this translation ("es"). */
  append_printf_escaped (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                         "<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width\">\n"
                         "<title>%s</title>\n", C_("html lang", "en"), title);
  g_string_append_printf (out, "<style>%s</style>\n</head>\n<body>\n", page_style);
}

static void
page_nav (GString *out)
{
  append_printf_escaped (out, "<nav><a href=\"index.html\">%s</a> · "
                         "<a href=\"topics.html\">%s</a></nav>\n",
                         _("All codes"), _("Topics"));
}

static void
page_close (GString *out)
{
  g_string_append (out, "</body>\n</html>\n");
}

/* A value from the source, or an honest "not stated in the source". */
static void
append_stated (GString    *out,
               const char *value)
{
  if (value != NULL)
    append_escaped (out, value);
  else
    append_printf_escaped (out, "<span class=\"not-stated\">%s</span>", _(NOT_STATED));
}

static void
append_meta_row (GString    *out,
                 const char *label,
                 const char *value)
{
  append_printf_escaped (out, "<dt>%s</dt><dd>", label);
  append_stated (out, value);
  g_string_append (out, "</dd>\n");
}

static char *
summarize (const char *text,
           glong       max_chars)
{
  g_autofree char *line = g_strndup (text, strcspn (text, "\n"));

  if (g_utf8_strlen (line, -1) <= max_chars)
    return g_steal_pointer (&line);
  *g_utf8_offset_to_pointer (line, max_chars - 1) = '\0';
  return g_strconcat (g_strchomp (line), "…", NULL);
}

/* The name an item has in the search index and the table of contents:
 * its short citation, then its heading when it has one. */
static char *
item_entry_name (const EthosItem     *item,
                 const EthosCodeInfo *code)
{
  /* Starting with the reference, as people type it in Dash and Zeal:
   * "Standard 3 — NOHS", "Item I.4.a · Dual Relationships — OESC". */
  if (item->heading != NULL)
    return g_strdup_printf ("%s %s · %s — %s", code->item_label, item->ref, item->heading,
                            code->abbreviation);
  return g_strdup_printf ("%s %s — %s", code->item_label, item->ref, code->abbreviation);
}

char *
_ethos_docset_page_name (const char *code)
{
  g_autofree char *safe = g_strdup (code);

  for (char *p = safe; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      *p = '_';
  return g_strconcat (safe, ".html", NULL);
}

static void
append_text_block (GString    *out,
                   const char *text)
{
  g_string_append (out, "<div class=\"text\" lang=\"en\">");
  append_escaped (out, text);
  g_string_append (out, "</div>\n");
}

static void
append_item (EthosDocsetBuilder  *builder,
             GString             *out,
             const EthosCodeInfo *code,
             const char          *page,
             const EthosItem     *item,
             int                  level)
{
  g_autofree char *name = item_entry_name (item, code);

  append_printf_escaped (out, "<article class=\"item%s\" id=\"%s\">",
                         item->depth > 0 ? " sub" : "", item->ref);
  append_dash_anchor (out, _ETHOS_DOCSET_TYPE_ITEM, name);
  add_entry (builder, name, _ETHOS_DOCSET_TYPE_ITEM, page, item->ref);

  append_printf_escaped (out, "\n<h%d><span class=\"ref\">%s %s</span>",
                         level, code->item_label, item->ref);
  if (item->heading != NULL)
    append_printf_escaped (out, "<span lang=\"en\">%s</span>", item->heading);
  g_string_append_printf (out, "</h%d>\n", level);
  append_text_block (out, item->text);

  if (item->topics != NULL && item->topics[0] != NULL)
    {
      append_printf_escaped (out, "<p class=\"topics\">%s ", _("Topics:"));
      for (guint i = 0; item->topics[i] != NULL; i++)
        {
          const char *label = g_hash_table_lookup (builder->topic_labels, item->topics[i]);
          append_printf_escaped (out, "<a href=\"topics.html#topic-%s\">%s</a>",
                                 item->topics[i], label != NULL ? label : item->topics[i]);
        }
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</article>\n");
}

static void
append_front_matter (EthosDocsetBuilder          *builder,
                     GString                     *out,
                     const EthosCodeInfo         *code,
                     const char                  *page,
                     const EthosFrontMatterEntry *entry,
                     guint                        index,
                     int                          level)
{
  g_autofree char *anchor = g_strdup_printf ("front-%u", index);

  append_printf_escaped (out, "<section class=\"front\" id=\"%s\">", anchor);
  if (entry->heading != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s — %s", code->short_title, entry->heading);

      append_dash_anchor (out, _ETHOS_DOCSET_TYPE_SECTION, name);
      add_entry (builder, name, _ETHOS_DOCSET_TYPE_SECTION, page, anchor);
      append_printf_escaped (out, "\n<h%d lang=\"en\">%s</h%d>", level, entry->heading, level);
    }
  g_string_append_c (out, '\n');
  append_text_block (out, entry->text);
  g_string_append (out, "</section>\n");
}

static void
append_code_header (EthosDocsetBuilder  *builder,
                    GString             *out,
                    const EthosCodeInfo *code,
                    const char          *page)
{
  g_autofree char *count = g_strdup_printf ("%u", code->n_items);

  append_dash_anchor (out, _ETHOS_DOCSET_TYPE_CODE, code->short_title);
  add_entry (builder, code->short_title, _ETHOS_DOCSET_TYPE_CODE, page, NULL);
  append_printf_escaped (out, "<header>\n<h1 lang=\"en\">%s</h1>\n<dl class=\"meta\">\n",
                         code->title);
  append_meta_row (out, _("Publisher"), code->publisher);
  append_meta_row (out, _("Edition"), code->edition);
  append_meta_row (out, _("Items"), count);
  append_meta_row (out, _("Cite as"), code->citation_short);
  if (code->website != NULL)
    append_meta_row (out, _("Website"), code->website);
  g_string_append (out, "</dl>\n");

  append_printf_escaped (out, "<div class=\"notice\" id=\"notice\"><strong>%s</strong> ",
                         _("Copyright and reproduction:"));
  append_stated (out, code->notice);
  g_string_append (out, "</div>\n");
  if (code->numbering_note != NULL)
    append_printf_escaped (out, "<p class=\"note\"><strong>%s</strong> %s</p>\n",
                           _("Numbering:"), code->numbering_note);
  g_string_append (out, "</header>\n");
}

char *
_ethos_docset_render_code (EthosDocsetBuilder   *builder,
                           const EthosCodeInfo  *code,
                           GError              **error)
{
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) front = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree gboolean *front_done = NULL;
  g_autofree gboolean *item_done = NULL;
  g_autofree char *page = _ethos_docset_page_name (code->id);
  g_autoptr(GString) out = g_string_new (NULL);

  if (!(sections = ethos_corpus_list_sections (builder->corpus, code->id, error)) ||
      !(front = ethos_corpus_list_front_matter (builder->corpus, code->id, error)) ||
      !(items = ethos_corpus_list_items (builder->corpus, code->id, error)))
    return NULL;
  front_done = g_new0 (gboolean, front->len + 1);
  item_done = g_new0 (gboolean, items->len + 1);

  page_open (out, code->title);
  page_nav (out);
  append_code_header (builder, out, code, page);

  for (guint f = 0; f < front->len; f++)
    {
      const EthosFrontMatterEntry *entry = front->pdata[f];
      if (entry->section == NULL)
        {
          append_front_matter (builder, out, code, page, entry, f, 2);
          front_done[f] = TRUE;
        }
    }

  for (guint s = 0; s < sections->len; s++)
    {
      const EthosSection *section = sections->pdata[s];
      g_autofree char *anchor = g_strdup_printf ("section-%u", s + 1);
      g_autofree char *name = g_strdup_printf ("%s — %s", code->short_title, section->heading);
      int level = CLAMP (section->depth + 2, 2, 5);

      append_printf_escaped (out, "<h%d id=\"%s\" lang=\"en\">", level, anchor);
      append_dash_anchor (out, _ETHOS_DOCSET_TYPE_SECTION, name);
      add_entry (builder, name, _ETHOS_DOCSET_TYPE_SECTION, page, anchor);
      append_printf_escaped (out, "%s</h%d>\n", section->heading, level);

      for (guint f = 0; f < front->len; f++)
        {
          const EthosFrontMatterEntry *entry = front->pdata[f];
          if (!front_done[f] && g_strcmp0 (entry->section, section->heading) == 0)
            {
              append_front_matter (builder, out, code, page, entry, f, level + 1);
              front_done[f] = TRUE;
            }
        }
      for (guint i = 0; i < items->len; i++)
        {
          const EthosItem *item = items->pdata[i];
          if (!item_done[i] && g_strcmp0 (item->section, section->heading) == 0)
            {
              append_item (builder, out, code, page, item, level + 1);
              item_done[i] = TRUE;
            }
        }
    }

  /* Nothing is left out, even if the index ever names a section that the
   * section list does not have. */
  for (guint f = 0; f < front->len; f++)
    if (!front_done[f])
      append_front_matter (builder, out, code, page, front->pdata[f], f, 2);
  for (guint i = 0; i < items->len; i++)
    if (!item_done[i])
      append_item (builder, out, code, page, items->pdata[i], 3);

  page_close (out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
_ethos_docset_render_index (EthosDocsetBuilder *builder)
{
  g_autoptr(GString) out = g_string_new (NULL);

  page_open (out, "Ethos");
  append_printf_escaped (out, "<h1>%s</h1>\n<p>%s</p>\n<h2>%s</h2>\n<ul class=\"list\">\n",
                         _("Ethics codes for human-services professionals"),
                         _("The complete texts of four ethics codes, exported by Ethos. "
                           "Each page gives the code’s publisher, edition and copyright or "
                           "reproduction notice as far as its source states them."),
                         _("Codes"));
  for (guint c = 0; c < builder->codes->len; c++)
    {
      const EthosCodeInfo *code = builder->codes->pdata[c];
      g_autofree char *page = _ethos_docset_page_name (code->id);

      append_printf_escaped (out, "<li><a href=\"%s\" lang=\"en\">%s</a><br>", page, code->title);
      append_stated (out, code->publisher);
      g_string_append (out, " · ");
      append_stated (out, code->edition);
      g_string_append (out, " · ");
      append_printf_escaped (out, g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items",
                                               code->n_items),
                             code->n_items);
      g_string_append (out, "</li>\n");
    }
  append_printf_escaped (out, "</ul>\n<h2>%s</h2>\n<p><a href=\"topics.html\">%s</a></p>\n",
                         _("Topics"),
                         _("The topics that cross the codes, each with every item on it"));
  page_close (out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
append_topic (EthosDocsetBuilder  *builder,
              GString             *out,
              const EthosTopic    *topic,
              GError             **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *anchor = g_strconcat ("topic-", topic->id, NULL);

  if (!(items = ethos_corpus_items_for_topic (builder->corpus, topic->id, error)))
    return FALSE;

  append_printf_escaped (out, "<section id=\"%s\">", anchor);
  append_dash_anchor (out, _ETHOS_DOCSET_TYPE_TOPIC, topic->label);
  add_entry (builder, topic->label, _ETHOS_DOCSET_TYPE_TOPIC, "topics.html", anchor);
  append_printf_escaped (out, "\n<h2>%s</h2>\n<p>%s</p>\n", topic->label, topic->description);
  if (topic->reason != NULL)
    append_printf_escaped (out, "<p class=\"note\">%s</p>\n", topic->reason);

  g_string_append (out, "<ul class=\"list\">\n");
  for (guint i = 0; i < items->len; i++)
    {
      const EthosItem *item = items->pdata[i];
      const EthosCodeInfo *code = g_hash_table_lookup (builder->code_infos, item->code);
      g_autofree char *page = _ethos_docset_page_name (item->code);
      g_autofree char *fragment = g_uri_escape_string (item->ref, NULL, FALSE);
      g_autofree char *name = code != NULL ? item_entry_name (item, code)
                                           : g_strdup_printf ("%s %s", item->code, item->ref);
      g_autofree char *gist = summarize (item->text, 110);

      append_printf_escaped (out, "<li><a href=\"%s#%s\">%s</a><br><span lang=\"en\">%s</span></li>\n",
                             page, fragment, name, gist);
    }
  g_string_append (out, "</ul>\n</section>\n");
  return TRUE;
}

char *
_ethos_docset_render_topics (EthosDocsetBuilder  *builder,
                             GError             **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  page_open (out, _("Topics"));
  page_nav (out);
  append_printf_escaped (out, "<h1>%s</h1>\n<p>%s</p>\n", _("Topics"),
                         _("Every item of every code carries one or more topics, curated by "
                           "hand. Each topic lists its items across the codes."));
  for (guint t = 0; t < builder->topics->len; t++)
    if (!append_topic (builder, out, builder->topics->pdata[t], error))
      return NULL;
  page_close (out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
