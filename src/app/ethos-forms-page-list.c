/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-forms-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-form-row.h"
#include "ethos-forms-page-private.h"
#include "ethos-forms-text.h"

/* The Forms page's list of templates: its rows (a GtkListBox bound to
 * EthosFormItems), what could not be read above it, and choosing a form
 * from it. */

static GtkWidget *
create_row (gpointer item,
            gpointer unused)
{
  return ethos_form_row_new (item);
}

void
_ethos_forms_page_show_problems (EthosFormsPage *self)
{
  const char * const *problems = self->store ? ethos_template_store_get_problems (self->store)
                                             : NULL;
  guint n = problems ? g_strv_length ((char **) problems) : 0;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *title = NULL;

  if (n > 0)
    {
      g_autofree char *joined = g_strjoinv ("\n", (char **) problems);

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u form template could not be read",
                                            "%u form templates could not be read", n), n);
      g_string_append (details, joined);
    }
  if (self->deployed_problem != NULL)
    {
      if (title == NULL)
        title = g_strdup (_("The agency’s deployed profile could not be read"));
      g_string_append_printf (details, "%s%s", details->len ? "\n" : "",
                              self->deployed_problem);
    }
  if (self->shared_loading)
    {
      /* Translators: while a network share is being read */
      g_autofree char *reading = g_strdup_printf (_("Reading the shared folder %s…"),
                                                  self->shared_dir);
      if (title == NULL)
        title = g_strdup (_("Still reading the agency’s shared folder"));
      g_string_append_printf (details, "%s%s", details->len ? "\n" : "", reading);
    }
  gtk_widget_set_visible (self->problems_box, title != NULL);
  if (title == NULL)
    return;
  gtk_label_set_label (self->problems_title, title);
  gtk_label_set_label (self->problems_label, details->str);
}

void
_ethos_forms_page_show_load_error (EthosFormsPage *self,
            const GError   *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  g_autofree char *description = NULL;

  description = g_strdup_printf ("%s\n\n<small>%s</small>",
                                 _("Ethos could not read what each form must cover, so it "
                                   "cannot check the forms. Reinstalling Ethos usually fixes "
                                   "this."),
                                 escaped);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
  gtk_widget_set_visible (self->sidebar, FALSE);
  gtk_widget_set_visible (self->separator, FALSE);
  _ethos_forms_page_set_title (self, _("Forms"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, "");
}

static const char *
id_at (GtkListBoxRow *row)
{
  return ethos_form_item_get_id (ethos_form_row_get_item (ETHOS_FORM_ROW (row)));
}

/* In the list, the arrow keys move between forms (and open them); Tab
 * leaves the list for the form, Shift+Tab for the menu, instead of walking
 * through every row. */
static gboolean
list_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             EthosFormsPage        *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    {
      if (adw_leaflet_get_folded (self->leaflet))
        return FALSE;
      return gtk_widget_child_focus (self->content, GTK_DIR_TAB_FORWARD);
    }
  if (keyval == GDK_KEY_ISO_Left_Tab)
    return gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));
  return FALSE;
}

/* Selecting a form (arrow keys, a screen reader's selection) opens it too. */
static void
row_selected_cb (EthosFormsPage *self,
                 GtkListBoxRow  *row)
{
  if (row == NULL || self->store == NULL || self->rebuilding)
    return;
  if (g_strcmp0 (id_at (row), self->shown_id) != 0 || self->showing_agency)
    ethos_forms_page_show_template (self, id_at (row), NULL);
}

static void
row_activated_cb (EthosFormsPage *self,
                  GtkListBoxRow  *row)
{
  ethos_forms_page_show_template (self, id_at (row), NULL);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
  /* Enter on a form goes to its first field. */
  if (self->fill != NULL && !self->showing_coverage)
    ethos_form_fill_focus_first_field (self->fill);
}

/* A fill whose template was replaced (a new version, a deployed copy)
 * goes: what was typed belonged to the old one. */
static void
prune_fills (EthosFormsPage *self)
{
  GHashTableIter iter;
  gpointer id, fill;

  g_hash_table_iter_init (&iter, self->fills);
  while (g_hash_table_iter_next (&iter, &id, &fill))
    {
      const EthosTemplateEntry *entry = self->store ? ethos_template_store_lookup (self->store, id,
                                                                                   NULL) : NULL;

      if (entry != NULL && entry->tmpl == ethos_form_fill_get_template (fill))
        continue;
      if (self->fill == fill)
        self->fill = NULL;
      gtk_stack_remove (self->fill_stack, fill);
      g_hash_table_iter_remove (&iter);
    }
}

/* The list of templates, from the store as it is now; the one shown stays
 * shown, else the first. */
void
_ethos_forms_page_show_list (EthosFormsPage *self)
{
  GPtrArray *entries = ethos_template_store_list (self->store);
  g_autofree char *shown = self->pending_id ? g_steal_pointer (&self->pending_id)
                                            : g_strdup (self->shown_id);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_set_visible (self->sidebar, TRUE);
  gtk_widget_set_visible (self->separator, TRUE);
  _ethos_forms_page_show_problems (self);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (items,
                     ethos_form_item_new (g_ptr_array_index (entries, i),
                                          ethos_template_store_get_requirements (self->store),
                                          self->lang));
  self->rebuilding = TRUE;
  g_list_store_splice (self->forms, 0, g_list_model_get_n_items (G_LIST_MODEL (self->forms)),
                       items->pdata, items->len);
  self->rebuilding = FALSE;
  prune_fills (self);

  if (self->showing_agency)
    return;
  if (entries->len == 0)
    {
      g_clear_pointer (&self->shown_id, g_free);
      self->fill = NULL;
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      _ethos_forms_page_set_title (self, _("Forms"));
      _ethos_forms_page_update_actions (self);
      return;
    }
  /* The form shown stays shown; else nothing opens by itself: a form is
   * chosen (and its fonts, fields and preview made) when the counselor
   * picks one, so showing Forms is quick. */
  if (shown != NULL && ethos_forms_page_show_template (self, shown, NULL))
    return;
  g_clear_pointer (&self->shown_id, g_free);
  self->fill = NULL;
  gtk_stack_set_visible_child_name (self->content_stack, "choose");
  _ethos_forms_page_set_title (self, _("Forms"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, "");
  _ethos_forms_page_update_actions (self);
}

GtkWidget *
ethos_forms_page_get_row (EthosFormsPage *self,
                          const char     *id)
{
  guint n;

  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->forms));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EthosFormItem) item = g_list_model_get_item (G_LIST_MODEL (self->forms), i);

      if (g_str_equal (ethos_form_item_get_id (item), id))
        return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, (int) i));
    }
  return NULL;
}

void
_ethos_forms_page_list_init (EthosFormsPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->forms = g_list_store_new (ETHOS_TYPE_FORM_ITEM);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->forms), create_row, NULL, NULL);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "row-selected", G_CALLBACK (row_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (list_key_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
}
