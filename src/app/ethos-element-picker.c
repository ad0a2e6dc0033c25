/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-element-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-coverage-report.h"
#include "ethos-element-picker.h"
#include "ethos-forms-text.h"

struct _EthosElementPicker
{
  AdwWindow   parent_instance;

  GHashTable *checks;     /* element id → GtkCheckButton */
  GPtrArray  *order;      /* element ids, in the standards' order */
};

enum { CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EthosElementPicker, ethos_element_picker, ADW_TYPE_WINDOW)

static void
apply_cb (EthosElementPicker *self)
{
  ethos_element_picker_apply (self);
}

static void
ethos_element_picker_dispose (GObject *object)
{
  EthosElementPicker *self = ETHOS_ELEMENT_PICKER (object);

  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);

  G_OBJECT_CLASS (ethos_element_picker_parent_class)->dispose (object);
}

static void
ethos_element_picker_class_init (EthosElementPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_element_picker_dispose;
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ethos_element_picker_init (EthosElementPicker *self)
{
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->order = g_ptr_array_new_with_free_func (g_free);
}

static GtkWidget *
element_row (EthosElementPicker *self,
             const EthosElement *element,
             gboolean            chosen,
             const char         *ui_lang)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), element->id);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ethos_element_get_text (element, ui_lang));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  element->id, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_hash_table_insert (self->checks, g_strdup (element->id), check);
  g_ptr_array_add (self->order, g_strdup (element->id));
  return row;
}

EthosElementPicker *
ethos_element_picker_new (GtkWindow           *parent,
                          const EthosTemplate *tmpl,
                          EthosRequirements   *reqs,
                          EthosCorpus         *corpus,
                          const EthosClause   *clause,
                          const char          *ui_lang)
{
  EthosElementPicker *self;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_label (_("Cancel"));
  GtkWidget *apply = gtk_button_new_with_label (_("Apply"));
  GtkWidget *page = adw_preferences_page_new ();
  const char *heading = ethos_forms_text (tmpl, clause->heading, ui_lang);
  /* Translators: the title of the window where a clause's elements are chosen */
  g_autofree char *title = g_strdup_printf (_("Standards for “%s”"),
                                            heading && *heading ? heading : clause->id);

  g_return_val_if_fail (tmpl != NULL && reqs != NULL && clause != NULL, NULL);

  self = g_object_new (ETHOS_TYPE_ELEMENT_PICKER, "transient-for", parent, "modal", TRUE,
                       "default-width", 640, "default-height", 640, "title", title, NULL);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), apply);
  gtk_widget_add_css_class (apply, "suggested-action");
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (gtk_window_close), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (apply, "clicked", G_CALLBACK (apply_cb), self, G_CONNECT_SWAPPED);

  for (guint s = 0; tmpl->requires[s] != NULL; s++)
    {
      GPtrArray *elements = ethos_requirements_get_standard (reqs, tmpl->requires[s]);
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *read = NULL;
      g_autofree char *group_title = ethos_coverage_standard_title (reqs, corpus,
                                                                    tmpl->requires[s], ui_lang,
                                                                    &read);
      g_autofree char *escaped = g_markup_escape_text (group_title, -1);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
      if (read != NULL)
        adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), read);
      for (guint e = 0; elements != NULL && e < elements->len; e++)
        {
          const EthosElement *element = g_ptr_array_index (elements, e);
          gboolean chosen = g_strv_contains ((const char * const *) clause->satisfies,
                                             element->id);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     element_row (self, element, chosen, ui_lang));
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  return self;
}

GStrv
ethos_element_picker_get_chosen (EthosElementPicker *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ETHOS_IS_ELEMENT_PICKER (self), NULL);

  for (guint i = 0; i < self->order->len; i++)
    if (gtk_check_button_get_active (g_hash_table_lookup (self->checks, self->order->pdata[i])))
      g_strv_builder_add (builder, self->order->pdata[i]);
  return g_strv_builder_end (builder);
}

gboolean
ethos_element_picker_set_chosen (EthosElementPicker *self,
                                 const char         *element,
                                 gboolean            chosen)
{
  GtkCheckButton *check;

  g_return_val_if_fail (ETHOS_IS_ELEMENT_PICKER (self) && element != NULL, FALSE);

  if (!(check = g_hash_table_lookup (self->checks, element)))
    return FALSE;
  gtk_check_button_set_active (check, chosen);
  return TRUE;
}

void
ethos_element_picker_apply (EthosElementPicker *self)
{
  g_return_if_fail (ETHOS_IS_ELEMENT_PICKER (self));

  g_signal_emit (self, signals[CHOSEN], 0);
  gtk_window_close (GTK_WINDOW (self));
}
