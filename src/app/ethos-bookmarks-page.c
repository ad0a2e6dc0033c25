/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-bookmarks-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-bookmarks-page.h"
#include "ethos-item-row.h"

struct _EthosBookmarksPage
{
  GtkWidget   parent_instance;

  GtkStack   *stack;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (EthosBookmarksPage, ethos_bookmarks_page, GTK_TYPE_WIDGET)

typedef struct
{
  char     *code;
  char     *ref;
  char     *note;
  gboolean  bookmarked;
  gint64    updated;
} Mark;

static void
mark_free (Mark *mark)
{
  g_free (mark->code);
  g_free (mark->ref);
  g_free (mark->note);
  g_free (mark);
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const Mark *ma = *(Mark * const *) a;
  const Mark *mb = *(Mark * const *) b;

  /* Most recently changed first. */
  return ma->updated > mb->updated ? -1 : (ma->updated < mb->updated);
}

static void
merge (GHashTable *by_key,
       GPtrArray  *marks,
       GPtrArray  *rows,
       gboolean    notes)
{
  for (guint i = 0; i < rows->len; i++)
    {
      EthosUserMark *row = g_ptr_array_index (rows, i);
      g_autofree char *key = g_strdup_printf ("%s\n%s", row->code, row->ref);
      Mark *mark = g_hash_table_lookup (by_key, key);

      if (mark == NULL)
        {
          mark = g_new0 (Mark, 1);
          mark->code = g_strdup (row->code);
          mark->ref = g_strdup (row->ref);
          g_hash_table_insert (by_key, g_steal_pointer (&key), mark);
          g_ptr_array_add (marks, mark);
        }
      if (notes)
        mark->note = g_strdup (row->text);
      else
        mark->bookmarked = TRUE;
      mark->updated = MAX (mark->updated, row->updated);
    }
}

static GtkWidget *
mark_row (const Mark          *mark,
          const EthosItem     *item,
          const EthosCodeInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *title = NULL;
  GtkWidget *label;

  if (item != NULL && info != NULL)
    title = ethos_item_row_title (item, info);
  else
    title = g_strdup_printf ("%s %s", mark->code, mark->ref);

  gtk_widget_set_margin_top (hbox, 10);
  gtk_widget_set_margin_bottom (hbox, 10);
  gtk_widget_set_margin_start (hbox, 12);
  gtk_widget_set_margin_end (hbox, 12);
  gtk_widget_set_hexpand (box, TRUE);

  label = gtk_label_new (info != NULL ? info->short_title : mark->code);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (mark->note != NULL ? mark->note : (item ? item->text : ""));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, mark->note != NULL ? "note-excerpt" : "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (hbox), box);

  if (mark->bookmarked)
    {
      GtkWidget *star = gtk_image_new_from_icon_name ("starred-symbolic");
      gtk_widget_set_valign (star, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (star),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Bookmarked"), -1);
      gtk_box_append (GTK_BOX (hbox), star);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), hbox);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", mark->code, mark->ref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

static void
ethos_bookmarks_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ETHOS_TYPE_BOOKMARKS_PAGE);

  G_OBJECT_CLASS (ethos_bookmarks_page_parent_class)->dispose (object);
}

static void
ethos_bookmarks_page_class_init (EthosBookmarksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_bookmarks_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-bookmarks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosBookmarksPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EthosBookmarksPage, list);
}

static void
ethos_bookmarks_page_init (EthosBookmarksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

int
ethos_bookmarks_page_refresh (EthosBookmarksPage  *self,
                              EthosCorpus         *corpus,
                              EthosUserDb         *user_db,
                              GError             **error)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func ((GDestroyNotify) mark_free);
  g_autoptr(GPtrArray) bookmarks = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  GtkWidget *child;

  g_return_val_if_fail (ETHOS_IS_BOOKMARKS_PAGE (self), -1);
  g_return_val_if_fail (corpus != NULL, -1);

  if (user_db != NULL)
    {
      if (!(bookmarks = ethos_user_db_list_bookmarks (user_db, error)) ||
          !(notes = ethos_user_db_list_notes (user_db, error)))
        return -1;
      merge (by_key, marks, bookmarks, FALSE);
      merge (by_key, marks, notes, TRUE);
      g_ptr_array_sort (marks, compare_marks);
    }
  if (!(codes = ethos_corpus_list_codes (corpus, error)))
    return -1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < marks->len; i++)
    {
      Mark *mark = g_ptr_array_index (marks, i);
      g_autoptr(EthosItem) item = ethos_corpus_get_item (corpus, mark->code, mark->ref, NULL);
      const EthosCodeInfo *info = ethos_code_info_find (codes, mark->code);

      gtk_list_box_append (self->list, mark_row (mark, item, info));
    }

  gtk_stack_set_visible_child_name (self->stack, marks->len > 0 ? "list" : "empty");
  return (int) marks->len;
}
