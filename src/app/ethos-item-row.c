/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "ethos-item-row.h"

const char *
ethos_item_label (const EthosCodeInfo *code)
{
  return ethos_code_info_get_item_label (code);
}

char *
ethos_item_row_title (const EthosItem     *item,
                      const EthosCodeInfo *code)
{
  if (item->heading != NULL && *item->heading != '\0')
    /* Translators: "Item I.4.a · Dual Relationships" */
    return g_strdup_printf (_("%s %s · %s"), ethos_item_label (code), item->ref, item->heading);
  /* Translators: "Standard 3" */
  return g_strdup_printf (_("%s %s"), ethos_item_label (code), item->ref);
}

GtkWidget *
ethos_item_row_new (const EthosItem     *item,
                    const EthosCodeInfo *code,
                    gboolean             name_code,
                    EthosItemRowStyle    style)
{
  g_autofree char *title = ethos_item_row_title (item, code);
  /* An AdwPreferencesRow so that AdwPreferencesGroup boxes it like its own rows. */
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  GtkWidget *title_label;
  GtkWidget *text_label;

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  if (name_code)
    {
      GtkWidget *code_label = gtk_label_new (code->short_title);
      gtk_label_set_xalign (GTK_LABEL (code_label), 0);
      gtk_label_set_wrap (GTK_LABEL (code_label), TRUE);
      gtk_widget_add_css_class (code_label, "caption");
      gtk_widget_add_css_class (code_label, "dim-label");
      gtk_box_append (GTK_BOX (box), code_label);
    }

  title_label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_widget_add_css_class (title_label, "heading");
  gtk_box_append (GTK_BOX (box), title_label);

  if (style == ETHOS_ITEM_ROW_EXCERPT)
    {
      /* One paragraph, so that the line limit below holds for bulleted text. */
      g_auto(GStrv) lines = g_strsplit_set (item->text, "\n", -1);
      g_autofree char *flat = g_strjoinv (" ", lines);
      text_label = gtk_label_new (flat);
    }
  else
    text_label = gtk_label_new (item->text);
  gtk_label_set_xalign (GTK_LABEL (text_label), 0);
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text_label), PANGO_WRAP_WORD_CHAR);
  if (style == ETHOS_ITEM_ROW_EXCERPT)
    {
      gtk_label_set_lines (GTK_LABEL (text_label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (text_label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (text_label, "dim-label");
    }
  gtk_box_append (GTK_BOX (box), text_label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", item->code, item->ref);
  if (name_code)
    {
      /* Translators: a row's name for screen readers, "Global Code of Ethics, Clause 1.3" */
      g_autofree char *label = g_strdup_printf (_("%s, %s"), code->short_title, title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

GtkWidget *
ethos_boxed_list_new (const char *accessible_label)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  if (accessible_label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                    -1);
  return list;
}
