/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-code-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-code-page.h"
#include "ethos-item-row.h"

struct _EthosCodePage
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;
  GtkLabel          *byline_label;
  GtkButton         *start_button;
  GtkBox            *front_box;
  AdwActionRow      *publisher_row;
  AdwActionRow      *edition_row;
  AdwActionRow      *items_row;
  AdwActionRow      *numbering_row;
  AdwActionRow      *website_row;
  GtkLabel          *notice_label;

  char              *website;
};

G_DEFINE_FINAL_TYPE (EthosCodePage, ethos_code_page, GTK_TYPE_WIDGET)

static const char *
or_not_stated (const char *value)
{
  return value != NULL && *value != '\0' ? value : _("Not stated in the source");
}

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  g_autofree char *escaped = g_markup_escape_text (value, -1);

  adw_action_row_set_subtitle (row, escaped);
}

static GtkWidget *
paragraph_label (const char *text,
                 const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
fill_front_matter (EthosCodePage *self,
                   EthosCorpus   *corpus,
                   const char    *code)
{
  g_autoptr(GPtrArray) entries = ethos_corpus_list_front_matter (corpus, code, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->front_box))) != NULL)
    gtk_box_remove (self->front_box, child);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      EthosFrontMatterEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *text = paragraph_label (entry->text, "item-text");

      if (entry->heading != NULL)
        gtk_box_append (GTK_BOX (box), paragraph_label (entry->heading, "title-3"));
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_box_append (GTK_BOX (box), text);
      gtk_box_append (self->front_box, box);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->front_box), entries != NULL && entries->len > 0);
}

static void
website_activated_cb (EthosCodePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->website != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->website,
                  GDK_CURRENT_TIME);
}

static void
ethos_code_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ETHOS_TYPE_CODE_PAGE);

  G_OBJECT_CLASS (ethos_code_page_parent_class)->dispose (object);
}

static void
ethos_code_page_finalize (GObject *object)
{
  g_free (ETHOS_CODE_PAGE (object)->website);

  G_OBJECT_CLASS (ethos_code_page_parent_class)->finalize (object);
}

static void
ethos_code_page_class_init (EthosCodePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_code_page_dispose;
  object_class->finalize = ethos_code_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-code-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosCodePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, EthosCodePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, EthosCodePage, byline_label);
  gtk_widget_class_bind_template_child (widget_class, EthosCodePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, EthosCodePage, front_box);
  gtk_widget_class_bind_template_child (widget_class, EthosCodePage, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, EthosCodePage, edition_row);
  gtk_widget_class_bind_template_child (widget_class, EthosCodePage, items_row);
  gtk_widget_class_bind_template_child (widget_class, EthosCodePage, numbering_row);
  gtk_widget_class_bind_template_child (widget_class, EthosCodePage, website_row);
  gtk_widget_class_bind_template_child (widget_class, EthosCodePage, notice_label);
}

static void
ethos_code_page_init (EthosCodePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->website_row, "activated", G_CALLBACK (website_activated_cb), self,
                           G_CONNECT_SWAPPED);
}

gboolean
ethos_code_page_show (EthosCodePage  *self,
                      EthosCorpus    *corpus,
                      const char     *code,
                      GError        **error)
{
  g_autoptr(EthosCodeInfo) info = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *count = NULL;

  g_return_val_if_fail (ETHOS_IS_CODE_PAGE (self), FALSE);
  g_return_val_if_fail (corpus != NULL && code != NULL, FALSE);

  if (!(info = ethos_corpus_get_code (corpus, code, error)) ||
      !(items = ethos_corpus_list_items (corpus, info->id, error)))
    return FALSE;

  gtk_label_set_text (self->title_label, info->title);
  if (info->publisher != NULL && info->edition != NULL)
    /* Translators: publisher and edition, "National Organization for Human Services · 2024" */
    byline = g_strdup_printf (_("%s · %s"), info->publisher, info->edition);
  else
    byline = g_strdup (info->publisher ? info->publisher : info->short_title);
  gtk_label_set_text (self->byline_label, byline);

  if (items->len > 0)
    {
      EthosItem *first = g_ptr_array_index (items, 0);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->start_button), "(ss)",
                                        first->code, first->ref);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->start_button), "win.show-item");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->start_button), items->len > 0);

  fill_front_matter (self, corpus, info->id);

  set_row (self->publisher_row, or_not_stated (info->publisher));
  set_row (self->edition_row, or_not_stated (info->edition));
  /* Translators: the number of items and what the code calls them, "44 (Standard 1 to Standard 44)" */
  count = items->len > 0
    ? g_strdup_printf (_("%u (%s %s to %s %s)"), info->n_items,
                       ethos_item_label (info), ((EthosItem *) items->pdata[0])->ref,
                       ethos_item_label (info), ((EthosItem *) items->pdata[items->len - 1])->ref)
    : g_strdup_printf ("%u", info->n_items);
  set_row (self->items_row, count);
  set_row (self->numbering_row, info->numbering_note != NULL && *info->numbering_note != '\0'
                                ? info->numbering_note : _("As in the source"));
  g_free (self->website);
  self->website = g_strdup (info->website);
  if (info->website != NULL)
    set_row (self->website_row, info->website);
  gtk_widget_set_visible (GTK_WIDGET (self->website_row), info->website != NULL);
  gtk_label_set_text (self->notice_label, or_not_stated (info->notice));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return TRUE;
}
