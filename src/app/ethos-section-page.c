/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-section-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-error.h"
#include "ethos-item-row.h"
#include "ethos-section-page.h"

struct _EthosSectionPage
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  GtkLabel          *code_label;
  GtkLabel          *title_label;
  GtkBox            *groups_box;
};

G_DEFINE_FINAL_TYPE (EthosSectionPage, ethos_section_page, GTK_TYPE_WIDGET)

static void
ethos_section_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ETHOS_TYPE_SECTION_PAGE);

  G_OBJECT_CLASS (ethos_section_page_parent_class)->dispose (object);
}

static void
ethos_section_page_class_init (EthosSectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_section_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-section-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosSectionPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, EthosSectionPage, code_label);
  gtk_widget_class_bind_template_child (widget_class, EthosSectionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, EthosSectionPage, groups_box);
}

static void
ethos_section_page_init (EthosSectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

gboolean
ethos_section_page_show (EthosSectionPage  *self,
                         EthosCorpus       *corpus,
                         const char        *code,
                         const char        *heading,
                         GError           **error)
{
  g_autoptr(EthosCodeInfo) info = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *child;
  int depth = -1;

  g_return_val_if_fail (ETHOS_IS_SECTION_PAGE (self), FALSE);
  g_return_val_if_fail (corpus != NULL && code != NULL && heading != NULL, FALSE);

  if (!(info = ethos_corpus_get_code (corpus, code, error)) ||
      !(sections = ethos_corpus_list_sections (corpus, info->id, error)) ||
      !(items = ethos_corpus_list_items (corpus, info->id, error)))
    return FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  /* The section, then its subsections: those that follow it more deeply. */
  for (guint s = 0; s < sections->len; s++)
    {
      EthosSection *section = g_ptr_array_index (sections, s);
      GtkWidget *group = NULL;

      if (depth < 0 && g_str_equal (section->heading, heading))
        depth = section->depth;
      else if (depth < 0)
        continue;
      else if (section->depth <= depth)
        break;

      for (guint i = 0; i < items->len; i++)
        {
          EthosItem *item = g_ptr_array_index (items, i);

          if (!g_str_equal (item->section, section->heading))
            continue;
          if (group == NULL)
            {
              group = adw_preferences_group_new ();
              if (section->depth > depth)
                {
                  /* Group titles are markup: "Terminating … & on-going …" */
                  g_autofree char *title = g_markup_escape_text (section->heading, -1);
                  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
                }
              gtk_box_append (self->groups_box, group);
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     ethos_item_row_new (item, info, FALSE, ETHOS_ITEM_ROW_EXCERPT));
        }
    }

  if (depth < 0)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                   _("%s has no section “%s”"), info->short_title, heading);
      return FALSE;
    }

  gtk_label_set_text (self->code_label, info->short_title);
  gtk_label_set_text (self->title_label, heading);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return TRUE;
}
