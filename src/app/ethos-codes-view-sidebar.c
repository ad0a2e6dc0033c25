/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-codes-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-codes-view-private.h"
#include "ethos-item-row.h"
#include "ethos-sidebar-row.h"

#define TITLE_CHARS 90
#define LABEL_CHARS 160
/* Words that open at least this many of a code's items say nothing about
 * any one of them: the sidebar shows what follows ("Human service
 * professionals protect …" → "…protect …"). */
#define COMMON_LEAD_WORDS 3
#define COMMON_LEAD_MIN   5

static char *
node_key (EthosNodeKind  kind,
          const char    *code,
          const char    *key)
{
  return g_strdup_printf ("%d\n%s\n%s", kind, code ? code : "", key ? key : "");
}

static EthosNode *
add_node (EthosCodesView *self,
          EthosNode      *parent,
          EthosNodeKind   kind,
          const char     *code,
          const char     *key,
          const char     *title)
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
truncate_chars (const char *text,
                glong       max)
{
  const char *end = text;
  glong n = 0;

  while (*end && n++ < max)
    end = g_utf8_next_char (end);
  if (*end == '\0')
    return g_strdup (text);
  {
    g_autofree char *head = g_strndup (text, end - text);
    return g_strconcat (head, "…", NULL);
  }
}

/* The first words of @text, or NULL when it has fewer. */
static char *
lead_words (const char *text)
{
  const char *p = text;

  for (guint n = 0; n < COMMON_LEAD_WORDS; n++)
    {
      p = strchr (p, ' ');
      if (p == NULL)
        return NULL;
      p++;
    }
  return g_strndup (text, p - text);
}

static GHashTable *
common_leads (GPtrArray *items)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *leads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      EthosItem *item = g_ptr_array_index (items, i);
      char *lead = lead_words (item->text);

      if (lead != NULL)
        g_hash_table_insert (counts, lead,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, lead)) + 1));
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) >= COMMON_LEAD_MIN)
      g_hash_table_add (leads, g_strdup (key));
  return leads;
}

static char *
item_title (const EthosItem *item,
            GHashTable      *leads)
{
  g_autofree char *lead = NULL;

  if (item->heading != NULL && *item->heading != '\0')
    return g_strdup (item->heading);
  lead = lead_words (item->text);
  if (lead != NULL && g_hash_table_contains (leads, lead))
    {
      g_autofree char *rest = truncate_chars (item->text + strlen (lead), TITLE_CHARS);
      return g_strconcat ("…", rest, NULL);
    }
  return truncate_chars (item->text, TITLE_CHARS);
}

/* "NOHS Standard 3: Human service professionals protect the client's …" */
static char *
item_accessible_label (const EthosItem     *item,
                       const EthosCodeInfo *info)
{
  g_autofree char *text = truncate_chars (item->heading && *item->heading ? item->heading
                                                                           : item->text,
                                          LABEL_CHARS);

  /* Translators: a sidebar row as a screen reader says it, "NOHS Standard 3: Human service …" */
  return g_strdup_printf (_("%s %s %s: %s"), info->abbreviation, ethos_item_label (info),
                          item->ref, text);
}

/* Builds a code's sections and items under its node, in document order:
 * subsections under their section, sub-items (OESC I.4.a) under their item. */
static void
load_code (EthosCodesView *self,
           EthosNode      *code_node)
{
  const char *code = ethos_node_get_code (code_node);
  g_autoptr(GPtrArray) sections = ethos_corpus_list_sections (self->corpus, code, NULL);
  g_autoptr(GPtrArray) items = ethos_corpus_list_items (self->corpus, code, NULL);
  g_autoptr(GHashTable) leads = common_leads (items);
  const EthosCodeInfo *info = _ethos_codes_view_find_code (self, code);
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
      g_autofree char *title = item_title (item, leads);
      g_autofree char *label = info ? item_accessible_label (item, info) : NULL;
      EthosNode *parent = NULL;

      if (item->parent_ref != NULL)
        parent = _ethos_codes_view_sidebar_find_node (self, ETHOS_NODE_ITEM, code, item->parent_ref);
      if (parent == NULL)
        parent = _ethos_codes_view_sidebar_find_node (self, ETHOS_NODE_SECTION, code, item->section);
      ethos_node_set_accessible_label (add_node (self, parent ? parent : code_node, ETHOS_NODE_ITEM,
                                                 code, item->ref, title),
                                       label);
    }
}

EthosNode *
_ethos_codes_view_sidebar_find_node (EthosCodesView *self,
                                     EthosNodeKind   kind,
                                     const char     *code,
                                     const char     *key)
{
  g_autofree char *k = NULL;

  if (kind != ETHOS_NODE_CODE && code != NULL)
    {
      EthosNode *code_node = _ethos_codes_view_sidebar_find_node (self, ETHOS_NODE_CODE, code, NULL);
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
  EthosCodesView *self = data;
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

  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), ethos_sidebar_row_new ());
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_tree_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  EthosCodesView           *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(EthosNode) node = gtk_tree_list_row_get_item (row);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *row_widget = gtk_widget_get_parent (expander);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  ethos_sidebar_row_set_node (ETHOS_SIDEBAR_ROW (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander))),
                              node);
  /* GTK 4.8 names a list's row by nothing of its own: screen readers hear
   * its label only when it is set on the row widget the list made. */
  if (row_widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row_widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    ethos_node_get_accessible_label (node), -1);
}

static void
unbind_tree_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
  ethos_sidebar_row_set_node (ETHOS_SIDEBAR_ROW (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander))),
                              NULL);
}

void
_ethos_codes_view_go_from_sidebar (EthosCodesView *self,
                                   EthosNodeKind   kind,
                                   const char     *code,
                                   const char     *key)
{
  g_autoptr(GError) error = NULL;

  if (!_ethos_codes_view_go (self, kind, code, key,
                         ETHOS_NAV_HISTORY | ETHOS_NAV_FROM_SIDEBAR | ETHOS_NAV_SHOW_CONTENT,
                         &error))
    _ethos_codes_view_toast (self, error->message);
}

static void
tree_selected_cb (EthosCodesView *self)
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
  _ethos_codes_view_go_from_sidebar (self, ethos_node_get_kind (node), ethos_node_get_code (node),
                   ethos_node_get_key (node));
}

static void
tree_activate_cb (EthosCodesView *self,
                  guint           position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  g_autoptr(EthosNode) node = NULL;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  if (row == NULL)
    return;
  node = gtk_tree_list_row_get_item (row);
  /* Side by side, Enter on a code or section opens or closes it; folded,
   * the list is all there is, so activating any row shows its page. */
  if (gtk_tree_list_row_is_expandable (row) && !folded)
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
  _ethos_codes_view_go_from_sidebar (self, ethos_node_get_kind (node), ethos_node_get_code (node),
                                     ethos_node_get_key (node));
}

/* A click on the row already selected changes no selection, so nothing
 * else would show its page in a folded window. */
static void
tree_click_cb (EthosCodesView *self,
               int             n_press,
               double          x,
               double          y,
               GtkGesture     *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->tree_view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = picked;
  EthosNode *node;

  if (n_press != 1 || !adw_leaflet_get_folded (self->leaflet))
    return;
  for (; row != NULL && !ETHOS_IS_SIDEBAR_ROW (row); row = gtk_widget_get_parent (row))
    /* The expander's arrow opens the row, it does not leave the list. */
    if (g_strcmp0 (gtk_widget_get_css_name (row), "expander") == 0 &&
        !GTK_IS_TREE_EXPANDER (row))
      return;
  if (row == NULL && picked != NULL)
    {
      /* The row's own padding: its sidebar row is inside. */
      for (GtkWidget *w = picked; w != NULL && row == NULL; w = gtk_widget_get_first_child (w))
        if (ETHOS_IS_SIDEBAR_ROW (w))
          row = w;
    }
  if (row == NULL || (node = ethos_sidebar_row_get_node (ETHOS_SIDEBAR_ROW (row))) == NULL)
    return;
  if (self->current != NULL && self->current->kind == ethos_node_get_kind (node) &&
      g_strcmp0 (self->current->code, ethos_node_get_code (node)) == 0 &&
      g_strcmp0 (self->current->key, ethos_node_get_key (node)) == 0)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Right expands the selected row, Left collapses it or moves to its parent. */
static gboolean
tree_key_cb (EthosCodesView  *self,
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

GtkListItemFactory *
_ethos_codes_view_factory_new (GCallback setup,
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

void
_ethos_codes_view_sidebar_setup (EthosCodesView *self)
{
  g_autoptr(GtkListItemFactory) tree_factory = NULL;
  GtkEventController *keys;
  GtkGesture *click;

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
  tree_factory = _ethos_codes_view_factory_new (G_CALLBACK (setup_tree_row_cb),
                                            G_CALLBACK (bind_tree_row_cb),
                                            G_CALLBACK (unbind_tree_row_cb), self);
  gtk_list_view_set_factory (self->tree_view, tree_factory);
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->tree_selection));
  g_signal_connect_object (self->tree_selection, "notify::selected-item",
                           G_CALLBACK (tree_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tree_view, "activate", G_CALLBACK (tree_activate_cb), self,
                           G_CONNECT_SWAPPED);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (tree_click_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->tree_view), GTK_EVENT_CONTROLLER (click));
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (tree_key_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->tree_view), keys);

  _ethos_codes_view_search_setup (self);
}

void
_ethos_codes_view_select_quietly (EthosCodesView     *self,
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

/* Rows opened only to show an earlier place close again when the next one
 * is shown elsewhere: the sidebar does not fill up with every code visited.
 * Rows the user opened stay open. */
static void
collapse_auto_expanded (EthosCodesView *self,
                        GPtrArray      *path)
{
  for (guint i = self->auto_expanded->len; i > 0; i--)
    {
      GtkTreeListRow *row = g_ptr_array_index (self->auto_expanded, i - 1);
      g_autoptr(EthosNode) node = gtk_tree_list_row_get_item (row);
      guint index;

      if (node != NULL && g_ptr_array_find (path, node, &index))
        continue;
      gtk_tree_list_row_set_expanded (row, FALSE);
      g_ptr_array_remove_index (self->auto_expanded, i - 1);
    }
}

static gboolean
scroll_cb (gpointer data)
{
  EthosCodesView *self = data;
  guint position = gtk_single_selection_get_selected (self->tree_selection);

  self->scroll_idle = 0;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u",
                                position);
  return G_SOURCE_REMOVE;
}

/* Selects the current place in the sidebar, expanding the rows above it. */
void
_ethos_codes_view_sidebar_reveal (EthosCodesView *self)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  g_autoptr(GtkTreeListRow) row = NULL;
  EthosNode *node = NULL;
  guint position;

  if (self->tree == NULL)
    return;
  if (self->query != NULL)
    {
      _ethos_codes_view_search_reveal (self);
      return;
    }
  if (self->current != NULL)
    node = _ethos_codes_view_sidebar_find_node (self, self->current->kind, self->current->code,
                                            self->current->key);
  if (node == NULL)
    {
      _ethos_codes_view_select_quietly (self, self->tree_selection, self->tree_view, GTK_INVALID_LIST_POSITION);
      return;
    }

  for (; node != NULL; node = ethos_node_get_parent (node))
    g_ptr_array_insert (path, 0, node);

  /* Expanding rows moves the selected one, which the selection reports as
   * a change: not one the user made. */
  self->syncing = TRUE;
  collapse_auto_expanded (self, path);
  g_list_store_find (self->root, path->pdata[0], &position);
  row = gtk_tree_list_model_get_child_row (self->tree, position);
  for (guint i = 1; row != NULL && i < path->len; i++)
    {
      GListStore *siblings = ethos_node_get_children (path->pdata[i - 1]);
      GtkTreeListRow *child;

      if (!gtk_tree_list_row_get_expanded (row))
        {
          gtk_tree_list_row_set_expanded (row, TRUE);
          g_ptr_array_add (self->auto_expanded, g_object_ref (row));
        }
      g_list_store_find (siblings, path->pdata[i], &position);
      child = gtk_tree_list_row_get_child_row (row, position);
      g_object_unref (row);
      row = child;
    }
  self->syncing = FALSE;
  if (row != NULL)
    _ethos_codes_view_select_quietly (self, self->tree_selection, self->tree_view,
                                      gtk_tree_list_row_get_position (row));
  /* Again once the rows just opened are laid out: before, the list may
   * scroll to where the row was. */
  if (self->scroll_idle == 0)
    self->scroll_idle = g_idle_add (scroll_cb, self);
}
