/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-result.h"
#include "ethos-window-private.h"

#define MAX_RESULTS 100
#define TITLE_CHARS 90

static char *
node_key (EthosNodeKind  kind,
          const char    *code,
          const char    *key)
{
  return g_strdup_printf ("%d\n%s\n%s", kind, code ? code : "", key ? key : "");
}

static EthosNode *
add_node (EthosWindow   *self,
          EthosNode     *parent,
          EthosNodeKind  kind,
          const char    *code,
          const char    *key,
          const char    *title)
{
  g_autoptr(EthosNode) node = ethos_node_new (kind, code, key, title);

  if (parent != NULL)
    ethos_node_append_child (parent, node);
  else
    g_list_store_append (self->root, node);
  g_hash_table_insert (self->nodes, node_key (kind, code, key), node);
  return node;
}

static char *
item_title (const EthosItem *item)
{
  const char *end = item->text;
  glong n = 0;

  if (item->heading != NULL && *item->heading != '\0')
    return g_strdup (item->heading);
  while (*end && n++ < TITLE_CHARS)
    end = g_utf8_next_char (end);
  return g_strndup (item->text, end - item->text);
}

/* Builds a code's sections and items under its node, in document order:
 * subsections under their section, sub-items (OESC I.4.a) under their item. */
static void
load_code (EthosWindow *self,
           EthosNode   *code_node)
{
  const char *code = ethos_node_get_code (code_node);
  g_autoptr(GPtrArray) sections = ethos_corpus_list_sections (self->corpus, code, NULL);
  g_autoptr(GPtrArray) items = ethos_corpus_list_items (self->corpus, code, NULL);
  EthosNode *top = NULL;

  ethos_node_set_loaded (code_node);

  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      EthosSection *section = g_ptr_array_index (sections, i);
      EthosNode *parent = section->depth > 0 && top != NULL ? top : code_node;
      EthosNode *node = add_node (self, parent, ETHOS_NODE_SECTION, code, section->heading,
                                  section->heading);
      if (section->depth == 0)
        top = node;
    }

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      EthosItem *item = g_ptr_array_index (items, i);
      g_autofree char *title = item_title (item);
      EthosNode *parent = NULL;

      if (item->parent_ref != NULL)
        parent = _ethos_window_sidebar_find_node (self, ETHOS_NODE_ITEM, code, item->parent_ref);
      if (parent == NULL)
        parent = _ethos_window_sidebar_find_node (self, ETHOS_NODE_SECTION, code, item->section);
      add_node (self, parent ? parent : code_node, ETHOS_NODE_ITEM, code, item->ref, title);
    }
}

EthosNode *
_ethos_window_sidebar_find_node (EthosWindow   *self,
                                 EthosNodeKind  kind,
                                 const char    *code,
                                 const char    *key)
{
  g_autofree char *k = NULL;

  if (kind != ETHOS_NODE_CODE && code != NULL)
    {
      EthosNode *code_node = _ethos_window_sidebar_find_node (self, ETHOS_NODE_CODE, code, NULL);
      if (code_node != NULL && !ethos_node_get_loaded (code_node))
        load_code (self, code_node);
    }
  if (kind == ETHOS_NODE_COMPARE)
    key = NULL;
  k = node_key (kind, code, key);
  return g_hash_table_lookup (self->nodes, k);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer data)
{
  EthosWindow *self = data;
  EthosNode *node = item;
  GListStore *children;

  if (ethos_node_get_kind (node) == ETHOS_NODE_CODE && !ethos_node_get_loaded (node))
    load_code (self, node);
  children = ethos_node_get_children (node);
  return children != NULL ? g_object_ref (G_LIST_MODEL (children)) : NULL;
}

static void
setup_tree_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *ref = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);

  gtk_widget_add_css_class (ref, "ref-label");
  gtk_widget_add_css_class (ref, "numeric");
  gtk_label_set_xalign (GTK_LABEL (ref), 0);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_valign (ref, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), ref);
  gtk_box_append (GTK_BOX (box), title);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_tree_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  EthosWindow              *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(EthosNode) node = gtk_tree_list_row_get_item (row);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander)));
  GtkWidget *ref = gtk_widget_get_next_sibling (icon);
  GtkWidget *title = gtk_widget_get_next_sibling (ref);
  const char *icon_name = NULL;
  const char *text = ethos_node_get_title (node);
  EthosNodeKind kind = ethos_node_get_kind (node);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);

  if (kind == ETHOS_NODE_COMPARE)
    icon_name = "view-dual-symbolic";
  else if (kind == ETHOS_NODE_BOOKMARKS)
    icon_name = "starred-symbolic";
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_widget_set_visible (icon, icon_name != NULL);

  gtk_label_set_text (GTK_LABEL (ref), kind == ETHOS_NODE_ITEM ? ethos_node_get_key (node) : "");
  gtk_widget_set_visible (ref, kind == ETHOS_NODE_ITEM);
  gtk_label_set_text (GTK_LABEL (title), text);
  gtk_widget_set_tooltip_text (title, kind == ETHOS_NODE_ITEM || kind == ETHOS_NODE_SECTION
                                      ? text : NULL);

  if (kind == ETHOS_NODE_CODE)
    gtk_widget_add_css_class (title, "heading");
  else
    gtk_widget_remove_css_class (title, "heading");
}

static void
unbind_tree_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static void
setup_result_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("go-jump-symbolic");
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 3);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (snippet, "caption");
  gtk_box_append (GTK_BOX (head), icon);
  gtk_box_append (GTK_BOX (head), title);
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_result_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  EthosResult *result = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *head = gtk_widget_get_first_child (box);
  GtkWidget *icon = gtk_widget_get_first_child (head);
  GtkWidget *title = gtk_widget_get_next_sibling (icon);
  GtkWidget *snippet = gtk_widget_get_next_sibling (head);
  gboolean is_ref = ethos_result_get_kind (result) == ETHOS_SEARCH_REF;

  gtk_widget_set_visible (icon, is_ref);
  gtk_label_set_text (GTK_LABEL (title), ethos_result_get_title (result));
  gtk_label_set_markup (GTK_LABEL (snippet), ethos_result_get_markup (result));
}

static void
go_from_sidebar (EthosWindow   *self,
                 EthosNodeKind  kind,
                 const char    *code,
                 const char    *key)
{
  g_autoptr(GError) error = NULL;

  if (!_ethos_window_go (self, kind, code, key,
                         ETHOS_NAV_HISTORY | ETHOS_NAV_FROM_SIDEBAR | ETHOS_NAV_SHOW_CONTENT,
                         &error))
    _ethos_window_toast (self, error->message);
}

static void
tree_selected_cb (EthosWindow *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->tree_selection);
  g_autoptr(EthosNode) node = NULL;

  if (self->syncing || row == NULL)
    return;
  node = gtk_tree_list_row_get_item (row);
  if (self->current != NULL && self->current->kind == ethos_node_get_kind (node) &&
      g_strcmp0 (self->current->code, ethos_node_get_code (node)) == 0 &&
      g_strcmp0 (self->current->key, ethos_node_get_key (node)) == 0)
    return;
  if (ethos_node_get_kind (node) == ETHOS_NODE_CODE)
    gtk_tree_list_row_set_expanded (row, TRUE);
  go_from_sidebar (self, ethos_node_get_kind (node), ethos_node_get_code (node),
                   ethos_node_get_key (node));
}

static void
tree_activate_cb (EthosWindow *self,
                  guint        position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);

  if (row != NULL && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
  else if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Right expands the selected row, Left collapses it or moves to its parent. */
static gboolean
tree_key_cb (EthosWindow     *self,
             guint            keyval,
             guint            keycode,
             GdkModifierType  state)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->tree_selection);
  g_autoptr(GtkTreeListRow) parent = NULL;

  if (row == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
    {
      if (!gtk_tree_list_row_is_expandable (row))
        return FALSE;
      gtk_tree_list_row_set_expanded (row, TRUE);
      return TRUE;
    }
  if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    {
      if (gtk_tree_list_row_get_expanded (row))
        {
          gtk_tree_list_row_set_expanded (row, FALSE);
          return TRUE;
        }
      if ((parent = gtk_tree_list_row_get_parent (row)) != NULL)
        {
          guint position = gtk_tree_list_row_get_position (parent);
          gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.select-item", "(ubb)",
                                      position, FALSE, FALSE);
          gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u",
                                      position);
          return TRUE;
        }
    }
  return FALSE;
}

static void
result_selected_cb (EthosWindow *self)
{
  EthosResult *result = gtk_single_selection_get_selected_item (self->results_selection);

  if (self->syncing || result == NULL)
    return;
  if (ethos_result_get_ref (result) == NULL)
    go_from_sidebar (self, ETHOS_NODE_CODE, ethos_result_get_code (result), NULL);
  else
    go_from_sidebar (self, ETHOS_NODE_ITEM, ethos_result_get_code (result),
                     ethos_result_get_ref (result));
}

static const char *
search_scope (EthosWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->scope_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->codes->len)
    return NULL;
  return ((EthosCodeInfo *) self->codes->pdata[selected - 1])->id;
}

static void
run_search (EthosWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->query, g_free);
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
          _ethos_window_toast (self, error->message);
          return;
        }
      for (guint i = 0; i < results->len; i++)
        {
          EthosSearchResult *r = g_ptr_array_index (results, i);
          for (guint c = 0; c < self->codes->len; c++)
            if (g_str_equal (((EthosCodeInfo *) self->codes->pdata[c])->id, r->code))
              g_ptr_array_add (objects, ethos_result_new (r, self->codes->pdata[c]));
        }
      self->syncing = TRUE;
      g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                           objects->pdata, objects->len);
      self->syncing = FALSE;
      gtk_stack_set_visible_child_name (self->sidebar_stack, objects->len > 0 ? "results" : "empty");
    }

  /* Show the current item again, with or without the matches highlighted. */
  if (self->current != NULL && self->current->kind == ETHOS_NODE_ITEM)
    _ethos_window_go (self, ETHOS_NODE_ITEM, self->current->code, self->current->key, 0, NULL);
  else
    _ethos_window_sidebar_reveal (self);
}

/* Enter opens the first result: for a reference, the item it names. */
static void
search_activate_cb (EthosWindow *self)
{
  if (self->query == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0)
    return;
  gtk_single_selection_set_selected (self->results_selection, 0);
  result_selected_cb (self);
}

static void
stop_search_cb (EthosWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->tree_view));
}

static gboolean
search_key_cb (EthosWindow     *self,
               guint            keyval,
               guint            keycode,
               GdkModifierType  state)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  if (self->query != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->results_view));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->tree_view));
  return TRUE;
}

static GtkListItemFactory *
factory_new (GCallback setup,
             GCallback bind,
             GCallback unbind,
             gpointer  data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, data);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, NULL);
  return factory;
}

static void
setup_scope (EthosWindow *self)
{
  g_autoptr(GtkStringList) scopes = gtk_string_list_new (NULL);

  gtk_string_list_append (scopes, _("All Codes"));
  for (guint i = 0; i < self->codes->len; i++)
    gtk_string_list_append (scopes, ((EthosCodeInfo *) self->codes->pdata[i])->short_title);
  gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (scopes));
  g_signal_connect_object (self->scope_dropdown, "notify::selected", G_CALLBACK (run_search), self,
                           G_CONNECT_SWAPPED);
}

void
_ethos_window_sidebar_setup (EthosWindow *self)
{
  g_autoptr(GtkListItemFactory) tree_factory = NULL;
  g_autoptr(GtkListItemFactory) results_factory = NULL;
  GtkEventController *keys;

  self->nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->root = g_list_store_new (ETHOS_TYPE_NODE);
  add_node (self, NULL, ETHOS_NODE_COMPARE, NULL, NULL, _("Compare by Topic"));
  add_node (self, NULL, ETHOS_NODE_BOOKMARKS, NULL, NULL, _("Bookmarks and Notes"));
  for (guint i = 0; i < self->codes->len; i++)
    {
      EthosCodeInfo *info = g_ptr_array_index (self->codes, i);
      add_node (self, NULL, ETHOS_NODE_CODE, info->id, NULL, info->short_title);
    }

  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (self->root)), FALSE, FALSE,
                                        create_children_cb, self, NULL);
  self->tree_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->tree)));
  gtk_single_selection_set_autoselect (self->tree_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->tree_selection, TRUE);
  gtk_single_selection_set_selected (self->tree_selection, GTK_INVALID_LIST_POSITION);
  tree_factory = factory_new (G_CALLBACK (setup_tree_row_cb), G_CALLBACK (bind_tree_row_cb),
                              G_CALLBACK (unbind_tree_row_cb), self);
  gtk_list_view_set_factory (self->tree_view, tree_factory);
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->tree_selection));
  g_signal_connect_object (self->tree_selection, "notify::selected-item",
                           G_CALLBACK (tree_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tree_view, "activate", G_CALLBACK (tree_activate_cb), self,
                           G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (tree_key_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->tree_view), keys);

  self->results = g_list_store_new (ETHOS_TYPE_RESULT);
  self->results_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->results)));
  gtk_single_selection_set_autoselect (self->results_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->results_selection, TRUE);
  results_factory = factory_new (G_CALLBACK (setup_result_row_cb), G_CALLBACK (bind_result_row_cb),
                                 NULL, self);
  gtk_list_view_set_factory (self->results_view, results_factory);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->results_selection));
  g_signal_connect_object (self->results_selection, "notify::selected-item",
                           G_CALLBACK (result_selected_cb), self, G_CONNECT_SWAPPED);

  setup_scope (self);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (run_search), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self,
                           G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  /* Typing anywhere that does not take text starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

static void
select_quietly (EthosWindow        *self,
                GtkSingleSelection *selection,
                GtkListView        *view,
                guint               position)
{
  self->syncing = TRUE;
  gtk_single_selection_set_selected (selection, position);
  self->syncing = FALSE;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (view), "list.scroll-to-item", "u", position);
}

static void
reveal_result (EthosWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->results);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->current != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EthosResult) result = g_list_model_get_item (model, i);
      gboolean is_item = self->current->kind == ETHOS_NODE_ITEM;

      if ((is_item || self->current->kind == ETHOS_NODE_CODE) &&
          g_strcmp0 (ethos_result_get_code (result), self->current->code) == 0 &&
          g_strcmp0 (ethos_result_get_ref (result), is_item ? self->current->key : NULL) == 0)
        {
          position = i;
          break;
        }
    }
  select_quietly (self, self->results_selection, self->results_view, position);
}

/* Selects the current place in the sidebar, expanding the rows above it. */
void
_ethos_window_sidebar_reveal (EthosWindow *self)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  g_autoptr(GtkTreeListRow) row = NULL;
  EthosNode *node = NULL;
  guint position;

  if (self->tree == NULL)
    return;
  if (self->query != NULL)
    {
      reveal_result (self);
      return;
    }
  if (self->current != NULL)
    node = _ethos_window_sidebar_find_node (self, self->current->kind, self->current->code,
                                            self->current->key);
  if (node == NULL)
    {
      select_quietly (self, self->tree_selection, self->tree_view, GTK_INVALID_LIST_POSITION);
      return;
    }

  for (; node != NULL; node = ethos_node_get_parent (node))
    g_ptr_array_insert (path, 0, node);

  /* Expanding rows moves the selected one, which the selection reports as
   * a change: not one the user made. */
  self->syncing = TRUE;
  g_list_store_find (self->root, path->pdata[0], &position);
  row = gtk_tree_list_model_get_child_row (self->tree, position);
  for (guint i = 1; row != NULL && i < path->len; i++)
    {
      GListStore *siblings = ethos_node_get_children (path->pdata[i - 1]);
      GtkTreeListRow *child;

      gtk_tree_list_row_set_expanded (row, TRUE);
      g_list_store_find (siblings, path->pdata[i], &position);
      child = gtk_tree_list_row_get_child_row (row, position);
      g_object_unref (row);
      row = child;
    }
  self->syncing = FALSE;
  if (row != NULL)
    select_quietly (self, self->tree_selection, self->tree_view,
                    gtk_tree_list_row_get_position (row));
}

void
_ethos_window_sidebar_focus_search (EthosWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
