/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-compare-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-a11y.h"
#include "ethos-columns.h"
#include "ethos-compare-page.h"
#include "ethos-item-row.h"

struct _EthosComparePage
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  GtkDropDown       *topic_dropdown;
  GtkLabel          *description_label;
  EthosColumns      *columns;

  GPtrArray         *topics;   /* EthosTopic, in the dropdown's order */
  char              *topic;
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (EthosComparePage, ethos_compare_page, GTK_TYPE_WIDGET)

/* Below this width the codes are stacked: side by side they would be too
 * narrow to read. libadwaita 1.2 has no breakpoints: the page decides. */
#define STACK_BELOW 600

static void
ethos_compare_page_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (ETHOS_COMPARE_PAGE (widget)->scroller), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
ethos_compare_page_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  EthosComparePage *self = ETHOS_COMPARE_PAGE (widget);

  ethos_columns_set_stacked (self->columns, width < STACK_BELOW);
  gtk_widget_allocate (GTK_WIDGET (self->scroller), width, height, baseline, NULL);
}

static void
topic_selected_cb (EthosComparePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->topic_dropdown);
  EthosTopic *topic;

  if (self->updating || self->topics == NULL || selected >= self->topics->len)
    return;
  topic = g_ptr_array_index (self->topics, selected);
  if (g_strcmp0 (topic->id, self->topic) != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-compare", "s", topic->id);
}

static gboolean
load_topics (EthosComparePage  *self,
             EthosCorpus       *corpus,
             GError           **error)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;

  if (self->topics != NULL)
    return TRUE;
  if (!(self->topics = ethos_corpus_list_topics (corpus, error)))
    return FALSE;
  for (guint i = 0; i < self->topics->len; i++)
    gtk_string_list_append (labels, ((EthosTopic *) self->topics->pdata[i])->label);

  self->updating = TRUE;
  /* The expression lets the dropdown's search match the labels. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->topic_dropdown, expression);
  gtk_drop_down_set_model (self->topic_dropdown, G_LIST_MODEL (labels));
  self->updating = FALSE;
  return TRUE;
}

static GtkWidget *
code_column (EthosCodeInfo *info,
             GPtrArray     *items)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (info->short_title);
  GtkWidget *list = NULL;
  guint n = 0;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (column), title);

  for (guint i = 0; i < items->len; i++)
    {
      EthosItem *item = g_ptr_array_index (items, i);

      if (!g_str_equal (item->code, info->id))
        continue;
      if (list == NULL)
        {
          list = ethos_boxed_list_new (info->short_title);
          gtk_box_append (GTK_BOX (column), list);
        }
      gtk_list_box_append (GTK_LIST_BOX (list),
                           ethos_item_row_new (item, info, FALSE, ETHOS_ITEM_ROW_FULL));
      n++;
    }

  if (n == 0)
    {
      GtkWidget *none = gtk_label_new (_("Nothing in this code is filed under this topic."));
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (column), none);
    }
  return column;
}

static void
ethos_compare_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ETHOS_TYPE_COMPARE_PAGE);

  G_OBJECT_CLASS (ethos_compare_page_parent_class)->dispose (object);
}

static void
ethos_compare_page_finalize (GObject *object)
{
  EthosComparePage *self = ETHOS_COMPARE_PAGE (object);

  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_free (self->topic);

  G_OBJECT_CLASS (ethos_compare_page_parent_class)->finalize (object);
}

static void
ethos_compare_page_class_init (EthosComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_compare_page_dispose;
  object_class->finalize = ethos_compare_page_finalize;

  g_type_ensure (ETHOS_TYPE_COLUMNS);
  widget_class->measure = ethos_compare_page_measure;
  widget_class->size_allocate = ethos_compare_page_size_allocate;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosComparePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, EthosComparePage, topic_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EthosComparePage, description_label);
  gtk_widget_class_bind_template_child (widget_class, EthosComparePage, columns);
}

static void
ethos_compare_page_init (EthosComparePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ethos_a11y_name_drop_down (self->topic_dropdown, _("Topic"));

  g_signal_connect_object (self->topic_dropdown, "notify::selected",
                           G_CALLBACK (topic_selected_cb), self, G_CONNECT_SWAPPED);
}

gboolean
ethos_compare_page_show (EthosComparePage  *self,
                         EthosCorpus       *corpus,
                         const char        *topic,
                         GError           **error)
{
  g_autoptr(EthosTopic) info = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) codes = NULL;

  g_return_val_if_fail (ETHOS_IS_COMPARE_PAGE (self), FALSE);
  g_return_val_if_fail (corpus != NULL && topic != NULL, FALSE);

  if (!load_topics (self, corpus, error) ||
      !(info = ethos_corpus_get_topic (corpus, topic, error)) ||
      !(items = ethos_corpus_items_for_topic (corpus, info->id, error)) ||
      !(codes = ethos_corpus_list_codes (corpus, error)))
    return FALSE;

  g_free (self->topic);
  self->topic = g_strdup (info->id);

  self->updating = TRUE;
  for (guint i = 0; i < self->topics->len; i++)
    if (g_str_equal (((EthosTopic *) self->topics->pdata[i])->id, info->id))
      gtk_drop_down_set_selected (self->topic_dropdown, i);
  self->updating = FALSE;
  gtk_label_set_text (self->description_label, info->description);

  ethos_columns_remove_all (self->columns);
  for (guint c = 0; c < codes->len; c++)
    ethos_columns_append (self->columns, code_column (g_ptr_array_index (codes, c), items));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return TRUE;
}

const char *
ethos_compare_page_get_topic_label (EthosComparePage *self)
{
  g_return_val_if_fail (ETHOS_IS_COMPARE_PAGE (self), NULL);

  for (guint i = 0; self->topics != NULL && self->topic != NULL && i < self->topics->len; i++)
    if (g_str_equal (((EthosTopic *) self->topics->pdata[i])->id, self->topic))
      return ((EthosTopic *) self->topics->pdata[i])->label;
  return NULL;
}

const char *
ethos_compare_page_get_topic (EthosComparePage *self)
{
  g_return_val_if_fail (ETHOS_IS_COMPARE_PAGE (self), NULL);
  return self->topic;
}

GtkWidget *
ethos_compare_page_get_columns (EthosComparePage *self)
{
  g_return_val_if_fail (ETHOS_IS_COMPARE_PAGE (self), NULL);
  return GTK_WIDGET (self->columns);
}
