/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-window-private.h"

enum {
  PROP_0,
  PROP_BOOKMARKED,
  PROP_CITATION_INCLUDE_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (EthosWindow, ethos_window, ADW_TYPE_APPLICATION_WINDOW)

EthosLocation *
_ethos_location_new (EthosNodeKind  kind,
                     const char    *code,
                     const char    *key)
{
  EthosLocation *location = g_new0 (EthosLocation, 1);

  location->kind = kind;
  location->code = g_strdup (code);
  location->key = g_strdup (key);
  return location;
}

void
_ethos_location_free (EthosLocation *location)
{
  if (location == NULL)
    return;
  g_free (location->code);
  g_free (location->key);
  g_free (location);
}

static gboolean
location_equal (const EthosLocation *a,
                const EthosLocation *b)
{
  return a != NULL && b != NULL && a->kind == b->kind &&
         g_strcmp0 (a->code, b->code) == 0 && g_strcmp0 (a->key, b->key) == 0;
}

void
_ethos_window_toast (EthosWindow *self,
                     const char  *message)
{
  /* A toast's title is markup; messages may hold paths and ampersands. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static const EthosCodeInfo *
find_code (EthosWindow *self,
           const char  *code)
{
  for (guint i = 0; self->codes != NULL && i < self->codes->len; i++)
    {
      EthosCodeInfo *info = g_ptr_array_index (self->codes, i);
      if (g_ascii_strcasecmp (info->id, code) == 0)
        return info;
    }
  return NULL;
}

/* Pages are made the first time they are shown: startup builds only the
 * one it restores. */
static gpointer
ensure_page (EthosWindow  *self,
             GType         type,
             gpointer     *page,
             const char   *name)
{
  if (*page == NULL)
    {
      *page = g_object_new (type, NULL);
      gtk_stack_add_named (self->content_stack, *page, name);
      if (type == ETHOS_TYPE_ITEM_PAGE)
        ethos_item_page_set_sources (*page, self->corpus, self->user_db);
    }
  return *page;
}

#define ITEM_PAGE(self) \
  ((EthosItemPage *) ensure_page (self, ETHOS_TYPE_ITEM_PAGE, (gpointer *) &self->item_page, "item"))
#define CODE_PAGE(self) \
  ((EthosCodePage *) ensure_page (self, ETHOS_TYPE_CODE_PAGE, (gpointer *) &self->code_page, "code"))
#define SECTION_PAGE(self) \
  ((EthosSectionPage *) ensure_page (self, ETHOS_TYPE_SECTION_PAGE, (gpointer *) &self->section_page, "section"))
#define COMPARE_PAGE(self) \
  ((EthosComparePage *) ensure_page (self, ETHOS_TYPE_COMPARE_PAGE, (gpointer *) &self->compare_page, "compare"))
#define BOOKMARKS_PAGE(self) \
  ((EthosBookmarksPage *) ensure_page (self, ETHOS_TYPE_BOOKMARKS_PAGE, (gpointer *) &self->bookmarks_page, "bookmarks"))

static void
set_titles (EthosWindow *self,
            const char  *title,
            const char  *subtitle)
{
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle ? subtitle : "");
}

/* The topic Compare opens on when none is named: the current item's first
 * topic, else the one compared last, else the first topic. */
static char *
default_topic (EthosWindow *self)
{
  const EthosItem *item = self->item_page ? ethos_item_page_get_item (self->item_page) : NULL;
  g_autoptr(GPtrArray) topics = NULL;

  if (self->current != NULL && self->current->kind == ETHOS_NODE_ITEM &&
      item != NULL && item->topics[0] != NULL)
    return g_strdup (item->topics[0]);
  if (self->compare_page != NULL && ethos_compare_page_get_topic (self->compare_page) != NULL)
    return g_strdup (ethos_compare_page_get_topic (self->compare_page));
  topics = ethos_corpus_list_topics (self->corpus, NULL);
  if (topics != NULL && topics->len > 0)
    return g_strdup (((EthosTopic *) topics->pdata[0])->id);
  return NULL;
}

/* Fills the page for a place; on success @location holds its canonical
 * spelling (codes and refs as the index spells them). */
static gboolean
show_page (EthosWindow    *self,
           EthosLocation  *location,
           GError        **error)
{
  const EthosCodeInfo *info = location->code ? find_code (self, location->code) : NULL;

  switch (location->kind)
    {
    case ETHOS_NODE_ITEM:
      {
        const EthosItem *item;
        g_autofree char *title = NULL;

        if (!ethos_item_page_show (ITEM_PAGE (self), location->code, location->key,
                                   self->query, error))
          return FALSE;
        item = ethos_item_page_get_item (self->item_page);
        info = ethos_item_page_get_code_info (self->item_page);
        g_free (location->code);
        g_free (location->key);
        location->code = g_strdup (item->code);
        location->key = g_strdup (item->ref);
        title = g_strdup_printf (_("%s %s"), info->item_label, item->ref);
        set_titles (self, title, info->short_title);
        gtk_stack_set_visible_child_name (self->content_stack, "item");
        break;
      }

    case ETHOS_NODE_CODE:
      if (!ethos_code_page_show (CODE_PAGE (self), self->corpus, location->code, error))
        return FALSE;
      info = find_code (self, location->code);
      g_free (location->code);
      location->code = g_strdup (info->id);
      set_titles (self, info->short_title, _("Overview"));
      gtk_stack_set_visible_child_name (self->content_stack, "code");
      break;

    case ETHOS_NODE_SECTION:
      if (!ethos_section_page_show (SECTION_PAGE (self), self->corpus, location->code,
                                    location->key, error))
        return FALSE;
      set_titles (self, location->key, info ? info->short_title : NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "section");
      break;

    case ETHOS_NODE_COMPARE:
      if (location->key == NULL || *location->key == '\0')
        {
          g_free (location->key);
          location->key = default_topic (self);
        }
      if (location->key == NULL ||
          !ethos_compare_page_show (COMPARE_PAGE (self), self->corpus, location->key, error))
        return FALSE;
      g_free (location->key);
      location->key = g_strdup (ethos_compare_page_get_topic (self->compare_page));
      set_titles (self, _("Compare by Topic"), NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "compare");
      break;

    case ETHOS_NODE_BOOKMARKS:
      if (ethos_bookmarks_page_refresh (BOOKMARKS_PAGE (self), self->corpus, self->user_db,
                                        error) < 0)
        return FALSE;
      set_titles (self, _("Bookmarks and Notes"), NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "bookmarks");
      break;

    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static void
update_bookmark_state (EthosWindow *self)
{
  gboolean bookmarked = FALSE;

  if (self->current != NULL && self->current->kind == ETHOS_NODE_ITEM && self->user_db != NULL)
    bookmarked = ethos_user_db_is_bookmarked (self->user_db, self->current->code,
                                              self->current->key);
  if (bookmarked != self->bookmarked)
    {
      self->bookmarked = bookmarked;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKMARKED]);
    }
}

gboolean
_ethos_window_go (EthosWindow    *self,
                  EthosNodeKind   kind,
                  const char     *code,
                  const char     *key,
                  EthosNavFlags   flags,
                  GError        **error)
{
  g_autoptr(EthosLocation) location = _ethos_location_new (kind, code, key);

  g_return_val_if_fail (ETHOS_IS_WINDOW (self), FALSE);

  if (self->corpus == NULL)
    return FALSE;
  if (!show_page (self, location, error))
    return FALSE;

  if (!location_equal (location, self->current))
    {
      if ((flags & ETHOS_NAV_HISTORY) && self->current != NULL)
        {
          g_ptr_array_add (self->back, g_steal_pointer (&self->current));
          g_ptr_array_set_size (self->forward, 0);
        }
      _ethos_location_free (self->current);
      self->current = g_steal_pointer (&location);
    }

  /* A place in the codes is shown in the Codes view, also when a link in
   * the Forms view leads there. */
  adw_view_stack_set_visible_child_name (self->view_stack, "codes");
  update_bookmark_state (self);
  _ethos_window_update_actions (self);
  if (!(flags & ETHOS_NAV_FROM_SIDEBAR))
    _ethos_window_sidebar_reveal (self);
  if ((flags & ETHOS_NAV_SHOW_CONTENT) && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
  return TRUE;
}

/* Changes the bookmark from the user's side: written at once. */
void
_ethos_window_set_bookmarked (EthosWindow *self,
                              gboolean     bookmarked)
{
  g_autoptr(GError) error = NULL;

  if (self->current == NULL || self->current->kind != ETHOS_NODE_ITEM || self->user_db == NULL)
    return;
  if (!ethos_user_db_set_bookmark (self->user_db, self->current->code, self->current->key,
                                   bookmarked, &error))
    _ethos_window_toast (self, error->message);
  update_bookmark_state (self);
}

static void
bookmarked_changed_cb (EthosWindow *self)
{
  gtk_button_set_icon_name (GTK_BUTTON (self->bookmark_button),
                            self->bookmarked ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->bookmark_button),
                               self->bookmarked ? _("Remove Bookmark (Ctrl+D)")
                                                : _("Bookmark (Ctrl+D)"));
}

static void
folded_changed_cb (EthosWindow *self)
{
  /* The folded window's back arrow leads to the list: the history arrows
   * would look the same, so they step aside (Alt+Left still works). */
  gtk_widget_set_visible (self->history_box, !adw_leaflet_get_folded (self->leaflet));
}

static void
leaflet_back_cb (EthosWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_startup_error (EthosWindow  *self,
                    const GError *error)
{
  adw_status_page_set_title (self->error_page, _("The Codes Cannot Be Opened"));
  g_autofree char *escaped = error ? g_markup_escape_text (error->message, -1) : NULL;

  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
  gtk_widget_set_sensitive (self->sidebar, FALSE);
  set_titles (self, _("Ethos"), NULL);
}

static gboolean
ethos_window_close_request (GtkWindow *window)
{
  _ethos_window_state_save (ETHOS_WINDOW (window));

  return GTK_WINDOW_CLASS (ethos_window_parent_class)->close_request (window);
}

/* Runs once the window belongs to its application, which holds the codes
 * index and the user's database. */
static void
load (EthosWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  _ethos_window_state_restore_size (self);

  if (ETHOS_IS_APPLICATION (app))
    {
      self->corpus = ethos_application_get_corpus (ETHOS_APPLICATION (app));
      self->user_db = ethos_application_get_user_db (ETHOS_APPLICATION (app));
    }
  if (self->corpus == NULL)
    {
      show_startup_error (self, ETHOS_IS_APPLICATION (app)
                                ? ethos_application_get_corpus_error (ETHOS_APPLICATION (app))
                                : NULL);
      _ethos_window_update_actions (self);
      return;
    }
  if (self->user_db == NULL && ETHOS_IS_APPLICATION (app))
    _ethos_window_toast (self,
                         ethos_application_get_user_db_error (ETHOS_APPLICATION (app))->message);

  self->codes = ethos_corpus_list_codes (self->corpus, NULL);
  _ethos_window_sidebar_setup (self);
  _ethos_window_state_restore_place (self);
  _ethos_window_update_actions (self);
}

static void
ethos_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EthosWindow *self = ETHOS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOOKMARKED:
      g_value_set_boolean (value, self->bookmarked);
      break;
    case PROP_CITATION_INCLUDE_TEXT:
      g_value_set_boolean (value, self->citation_include_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ethos_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  EthosWindow *self = ETHOS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOOKMARKED:
      if (g_value_get_boolean (value) != self->bookmarked)
        _ethos_window_set_bookmarked (self, g_value_get_boolean (value));
      break;
    case PROP_CITATION_INCLUDE_TEXT:
      if (g_value_get_boolean (value) != self->citation_include_text)
        {
          self->citation_include_text = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ethos_window_dispose (GObject *object)
{
  EthosWindow *self = ETHOS_WINDOW (object);

  _ethos_window_state_cancel (self);

  /* The switcher sits inside the stack it switches and holds a reference
   * on it: a cycle to break by hand. */
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  _ethos_window_forms_dispose (self);
  if (self->tree_view != NULL)
    gtk_list_view_set_model (self->tree_view, NULL);
  if (self->results_view != NULL)
    gtk_list_view_set_model (self->results_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ETHOS_TYPE_WINDOW);
  self->item_page = NULL;
  self->code_page = NULL;
  self->section_page = NULL;
  self->compare_page = NULL;
  self->bookmarks_page = NULL;

  g_clear_object (&self->tree_selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->results_selection);
  g_clear_object (&self->results);
  g_clear_object (&self->root);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ethos_window_parent_class)->dispose (object);
}

static void
ethos_window_finalize (GObject *object)
{
  EthosWindow *self = ETHOS_WINDOW (object);

  g_clear_pointer (&self->nodes, g_hash_table_unref);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->current, _ethos_location_free);
  g_clear_pointer (&self->back, g_ptr_array_unref);
  g_clear_pointer (&self->forward, g_ptr_array_unref);
  g_free (self->query);

  G_OBJECT_CLASS (ethos_window_parent_class)->finalize (object);
}

static void
ethos_window_class_init (EthosWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ethos_window_dispose;
  object_class->finalize = ethos_window_finalize;
  object_class->get_property = ethos_window_get_property;
  object_class->set_property = ethos_window_set_property;
  window_class->close_request = ethos_window_close_request;

  properties[PROP_BOOKMARKED] =
    g_param_spec_boolean ("bookmarked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CITATION_INCLUDE_TEXT] =
    g_param_spec_boolean ("citation-include-text", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, content);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, scope_revealer);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, tree_view);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, results_view);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, leaflet_back_button);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, history_box);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, citation_button);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, forms_bin);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, primary_menu);

  _ethos_window_class_add_actions (widget_class);
}

static void
ethos_window_init (EthosWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->back = g_ptr_array_new_with_free_func ((GDestroyNotify) _ethos_location_free);
  self->forward = g_ptr_array_new_with_free_func ((GDestroyNotify) _ethos_location_free);
  self->settings = ethos_application_new_settings ();
  g_settings_bind (self->settings, "citation-include-text", self, "citation-include-text",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self, "notify::bookmarked", G_CALLBACK (bookmarked_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet_back_button, "clicked", G_CALLBACK (leaflet_back_cb),
                           self, G_CONNECT_SWAPPED);
  folded_changed_cb (self);
  _ethos_window_forms_setup (self);
}

EthosWindow *
ethos_window_new (EthosApplication *application)
{
  EthosWindow *self = g_object_new (ETHOS_TYPE_WINDOW,
                                    "application", application,
                                    NULL);

  load (self);
  return self;
}

gboolean
ethos_window_navigate (EthosWindow    *self,
                       EthosNodeKind   kind,
                       const char     *code,
                       const char     *key,
                       GError        **error)
{
  g_return_val_if_fail (ETHOS_IS_WINDOW (self), FALSE);

  return _ethos_window_go (self, kind, code, key,
                           ETHOS_NAV_HISTORY | ETHOS_NAV_SHOW_CONTENT, error);
}
