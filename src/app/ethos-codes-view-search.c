/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-codes-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-a11y.h"
#include "ethos-result.h"
#include "ethos-result-row.h"
#include "ethos-codes-view-private.h"

/* The sidebar's search: results from the index (never by scanning text
 * here), listed with their matches highlighted, in place of the tree. */

#define MAX_RESULTS 100

static void setup_scope (EthosCodesView *self);

static void
setup_result_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, ethos_result_row_new ());
}

static void
bind_result_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  EthosResult *result = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *row_widget = gtk_widget_get_parent (row);

  ethos_result_row_set_result (ETHOS_RESULT_ROW (row), result);
  /* As in the sidebar tree: the list's row widget carries the name. */
  if (row_widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row_widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    ethos_result_get_accessible_label (result), -1);
}

static void
unbind_result_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item)
{
  ethos_result_row_set_result (ETHOS_RESULT_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
result_selected_cb (EthosCodesView *self)
{
  EthosResult *result = gtk_single_selection_get_selected_item (self->results_selection);
  /* The place the search started from goes in the history once: arrowing
   * through the results opened each, and Back then stepped through them. */
  EthosNavFlags flags = ETHOS_NAV_FROM_SIDEBAR | ETHOS_NAV_SHOW_CONTENT |
                        (self->results_browsed ? 0 : ETHOS_NAV_HISTORY);
  g_autoptr(GError) error = NULL;
  gboolean shown;

  if (self->syncing || result == NULL)
    return;
  self->results_browsed = TRUE;
  if (ethos_result_get_kind (result) == ETHOS_SEARCH_TOPIC)
    shown = _ethos_codes_view_go (self, ETHOS_NODE_COMPARE, NULL, ethos_result_get_topic (result),
                                  flags, &error);
  else
    shown = _ethos_codes_view_go (self, ethos_result_get_ref (result) == NULL ? ETHOS_NODE_CODE
                                                                            : ETHOS_NODE_ITEM,
                                  ethos_result_get_code (result), ethos_result_get_ref (result),
                                  flags, &error);
  if (!shown)
    _ethos_codes_view_toast (self, error->message);
}

static const char *
search_scope (EthosCodesView *self)
{
  guint selected;

  if (self->scope_dropdown == NULL)
    return NULL;
  selected = gtk_drop_down_get_selected (self->scope_dropdown);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->codes->len)
    return NULL;
  return ((EthosCodeInfo *) self->codes->pdata[selected - 1])->id;
}

static void
run_search (EthosCodesView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (text, self->query) != 0)
    self->results_browsed = FALSE;
  g_clear_pointer (&self->query, g_free);
  if (*text != '\0' && self->scope_dropdown == NULL)
    setup_scope (self);
  gtk_revealer_set_reveal_child (self->scope_revealer, *text != '\0');

  if (*text == '\0')
    {
      g_list_store_remove_all (self->results);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "browse");
    }
  else
    {
      self->query = g_strdup (text);
      results = ethos_corpus_search (self->corpus, text, search_scope (self), MAX_RESULTS, &error);
      if (results == NULL)
        {
          _ethos_codes_view_toast (self, error->message);
          return;
        }
      for (guint i = 0; i < results->len; i++)
        {
          EthosSearchResult *r = g_ptr_array_index (results, i);
          const EthosCodeInfo *info = _ethos_codes_view_find_code (self, r->code);

          if (info != NULL || r->kind == ETHOS_SEARCH_TOPIC)
            g_ptr_array_add (objects, ethos_result_new (r, info));
        }
      self->syncing = TRUE;
      g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                           objects->pdata, objects->len);
      self->syncing = FALSE;
      gtk_stack_set_visible_child_name (self->sidebar_stack, objects->len > 0 ? "results" : "empty");
    }

  /* Show the current item again, with or without the matches highlighted. */
  if (self->current != NULL && self->current->kind == ETHOS_NODE_ITEM)
    _ethos_codes_view_go (self, ETHOS_NODE_ITEM, self->current->code, self->current->key, 0, NULL);
  else
    _ethos_codes_view_sidebar_reveal (self);
}

/* Enter opens the first result: for a reference, the item it names. */
static void
search_activate_cb (EthosCodesView *self)
{
  if (self->query == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0)
    return;
  gtk_single_selection_set_selected (self->results_selection, 0);
  result_selected_cb (self);
}

static void
stop_search_cb (EthosCodesView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->tree_view));
}

static gboolean
results_key_cb (EthosCodesView  *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  if (keyval != GDK_KEY_Escape || self->query == NULL)
    return FALSE;
  stop_search_cb (self);
  return TRUE;
}

static gboolean
search_key_cb (EthosCodesView  *self,
               guint            keyval,
               guint            keycode,
               GdkModifierType  state)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  /* With No Results the list is hidden: the focus stays in the entry
   * (it went to the hidden list, where Escape no longer ended the search). */
  if (self->query != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0)
    return TRUE;
  if (self->query != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->results_view));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->tree_view));
  return TRUE;
}

static void
setup_scope (EthosCodesView *self)
{
  g_autoptr(GtkStringList) scopes = gtk_string_list_new (NULL);

  self->scope_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->scope_dropdown), _("Where to search"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scope_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search in"), -1);
  ethos_a11y_name_drop_down (self->scope_dropdown, _("Search in"));
  gtk_revealer_set_child (self->scope_revealer, GTK_WIDGET (self->scope_dropdown));
  gtk_string_list_append (scopes, _("All Codes"));
  for (guint i = 0; i < self->codes->len; i++)
    gtk_string_list_append (scopes, ((EthosCodeInfo *) self->codes->pdata[i])->short_title);
  gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (scopes));
  g_signal_connect_object (self->scope_dropdown, "notify::selected", G_CALLBACK (run_search), self,
                           G_CONNECT_SWAPPED);
}

void
_ethos_codes_view_search_reveal (EthosCodesView *self)
{
  GListModel *model = G_LIST_MODEL (self->results);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->current != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EthosResult) result = g_list_model_get_item (model, i);
      gboolean is_item = self->current->kind == ETHOS_NODE_ITEM;

      if (self->current->kind == ETHOS_NODE_COMPARE &&
          ethos_result_get_kind (result) == ETHOS_SEARCH_TOPIC &&
          g_strcmp0 (ethos_result_get_topic (result), self->current->key) == 0)
        {
          position = i;
          break;
        }
      if (ethos_result_get_kind (result) != ETHOS_SEARCH_TOPIC && (is_item || self->current->kind == ETHOS_NODE_CODE) &&
          g_strcmp0 (ethos_result_get_code (result), self->current->code) == 0 &&
          g_strcmp0 (ethos_result_get_ref (result), is_item ? self->current->key : NULL) == 0)
        {
          position = i;
          break;
        }
    }
  _ethos_codes_view_select_quietly (self, self->results_selection, self->results_view, position);
}

void
_ethos_codes_view_search_setup (EthosCodesView *self)
{
  g_autoptr(GtkListItemFactory) results_factory = NULL;
  GtkEventController *keys;

  self->results = g_list_store_new (ETHOS_TYPE_RESULT);
  self->results_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->results)));
  gtk_single_selection_set_autoselect (self->results_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->results_selection, TRUE);
  results_factory = _ethos_codes_view_factory_new (G_CALLBACK (setup_result_row_cb),
                                                   G_CALLBACK (bind_result_row_cb),
                                                   G_CALLBACK (unbind_result_row_cb), self);
  gtk_list_view_set_factory (self->results_view, results_factory);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->results_selection));
  g_signal_connect_object (self->results_selection, "notify::selected-item",
                           G_CALLBACK (result_selected_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (run_search), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self,
                           G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  /* Escape in the results ends the search, as it does in the entry. */
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (results_key_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->results_view), keys);
}

void
_ethos_codes_view_search_dispose (EthosCodesView *self)
{
  if (self->results_view != NULL)
    gtk_list_view_set_model (self->results_view, NULL);
  g_clear_object (&self->results_selection);
  g_clear_object (&self->results);
}

static gboolean
takes_text (GtkWidget *widget)
{
  return widget != NULL && (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget));
}

/* Type-to-search. GtkSearchEntry's own key capture forwards keys only
 * after the focused widget has declined them, so a list in focus takes
 * every space ("duty to warn" became "dutytowarn"). Here the first
 * printable key moves the focus into the entry, which then takes every
 * character that follows, spaces included. */
static gboolean
capture_key_cb (EthosCodesView     *self,
                guint               keyval,
                guint               keycode,
                GdkModifierType     state,
                GtkEventController *controller)
{
  GtkWidget *focus;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gunichar c = gdk_keyval_to_unicode (keyval);
  char utf8[7] = { 0 };
  int position;

  if (self->corpus == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) || root == NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0 ||
      c == 0 || !g_unichar_isprint (c))
    return FALSE;
  focus = gtk_root_get_focus (root);
  if (takes_text (focus) ||
      (focus != NULL && gtk_widget_get_native (focus) != GTK_NATIVE (root)))
    return FALSE;
  /* A space with nothing typed yet is the list's: it activates the row. */
  if (c == ' ' && *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0')
    return FALSE;

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  g_unichar_to_utf8 (c, utf8);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  position = gtk_editable_get_position (GTK_EDITABLE (self->search_entry));
  gtk_editable_insert_text (GTK_EDITABLE (self->search_entry), utf8, -1, &position);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), position);
  return TRUE;
}

void
ethos_codes_view_set_type_to_search (EthosCodesView *self,
                                     GtkWidget      *widget)
{
  g_return_if_fail (ETHOS_IS_CODES_VIEW (self));

  if (self->capture_widget == widget)
    return;
  if (self->capture_widget != NULL)
    {
      gtk_widget_remove_controller (self->capture_widget, self->capture_keys);
      g_object_remove_weak_pointer (G_OBJECT (self->capture_widget),
                                    (gpointer *) &self->capture_widget);
      self->capture_keys = NULL;
      self->capture_widget = NULL;
    }
  if (widget == NULL)
    return;
  self->capture_widget = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &self->capture_widget);
  self->capture_keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (self->capture_keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->capture_keys, "key-pressed", G_CALLBACK (capture_key_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, self->capture_keys);
}

gboolean
_ethos_codes_view_is_type_to_search (EthosCodesView *self)
{
  return self->capture_widget != NULL;
}

void
ethos_codes_view_focus_search (EthosCodesView *self)
{
  AdwViewStack *stack;

  g_return_if_fail (ETHOS_IS_CODES_VIEW (self));

  stack = ADW_VIEW_STACK (adw_view_switcher_title_get_stack (self->switcher_title));
  if (stack != NULL)
    adw_view_stack_set_visible_child (stack, GTK_WIDGET (self));
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
ethos_codes_view_search (EthosCodesView *self,
                         const char     *text)
{
  g_return_if_fail (ETHOS_IS_CODES_VIEW (self));

  ethos_codes_view_focus_search (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}
