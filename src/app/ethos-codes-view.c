/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-codes-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-a11y.h"
#include "ethos-application.h"
#include "ethos-codes-view-private.h"
#include "ethos-item-row.h"

enum {
  PROP_0,
  PROP_BOOKMARKED,
  PROP_CITATION_INCLUDE_TEXT,
  PROP_TITLE,
  PROP_PRINT_NOTES,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (EthosCodesView, ethos_codes_view, GTK_TYPE_WIDGET)

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
_ethos_codes_view_toast (EthosCodesView *self,
                         const char     *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  /* A toast's title is markup; messages may hold paths and ampersands. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

const EthosCodeInfo *
_ethos_codes_view_find_code (EthosCodesView *self,
                             const char     *code)
{
  return ethos_code_info_find (self->codes, code);
}

/* Pages are made the first time they are shown: startup builds only the
 * one it restores. */
static gpointer
ensure_page (EthosCodesView  *self,
             GType            type,
             gpointer        *page,
             const char      *name)
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
set_titles (EthosCodesView *self,
            const char     *title,
            const char     *subtitle)
{
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle ? subtitle : "");
  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

/* The topic Compare opens on when none is named: the current item's first
 * topic, else the one compared last, else the first topic. */
static char *
default_topic (EthosCodesView *self)
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
show_page (EthosCodesView  *self,
           EthosLocation   *location,
           GError         **error)
{
  const EthosCodeInfo *info = location->code ? _ethos_codes_view_find_code (self, location->code)
                                             : NULL;

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
        /* Translators: the window's title on an item, "NOHS Standard 3" */
        title = g_strdup_printf (_("%s %s %s"), info->abbreviation, ethos_item_label (info),
                                 item->ref);
        set_titles (self, title, info->short_title);
        gtk_stack_set_visible_child_name (self->content_stack, "item");
        break;
      }

    case ETHOS_NODE_CODE:
      if (!ethos_code_page_show (CODE_PAGE (self), self->corpus, location->code, error))
        return FALSE;
      info = _ethos_codes_view_find_code (self, location->code);
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
      set_titles (self, _("Compare by Topic"),
                  ethos_compare_page_get_topic_label (self->compare_page));
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
update_bookmark_state (EthosCodesView *self)
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

static AdwViewStack *
view_stack (EthosCodesView *self)
{
  return ADW_VIEW_STACK (adw_view_switcher_title_get_stack (self->switcher_title));
}

gboolean
_ethos_codes_view_go (EthosCodesView  *self,
                      EthosNodeKind    kind,
                      const char      *code,
                      const char      *key,
                      EthosNavFlags    flags,
                      GError         **error)
{
  g_autoptr(EthosLocation) location = _ethos_location_new (kind, code, key);
  AdwViewStack *stack = view_stack (self);

  g_return_val_if_fail (ETHOS_IS_CODES_VIEW (self), FALSE);

  if (self->corpus == NULL)
    return FALSE;
  if (!show_page (self, location, error))
    return FALSE;

  /* The history records where the user was: a place here, or one in
   * another view when a link there leads here. */
  if ((flags & ETHOS_NAV_HISTORY) && self->history != NULL &&
      (!location_equal (location, self->current) ||
       (stack != NULL && adw_view_stack_get_visible_child (stack) != GTK_WIDGET (self))))
    ethos_history_push (self->history);
  if (!location_equal (location, self->current))
    {
      _ethos_location_free (self->current);
      self->current = g_steal_pointer (&location);
    }

  /* A place in the codes is shown in the Codes view, also when a link in
   * the Forms view leads there. */
  if (stack != NULL)
    adw_view_stack_set_visible_child (stack, GTK_WIDGET (self));
  update_bookmark_state (self);
  _ethos_codes_view_update_actions (self);
  if (!(flags & ETHOS_NAV_FROM_SIDEBAR))
    _ethos_codes_view_sidebar_reveal (self);
  if ((flags & ETHOS_NAV_SHOW_CONTENT) && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
  return TRUE;
}

/* Changes the bookmark from the user's side: written at once. */
void
_ethos_codes_view_set_bookmarked (EthosCodesView *self,
                                  gboolean        bookmarked)
{
  g_autoptr(GError) error = NULL;

  if (self->current == NULL || self->current->kind != ETHOS_NODE_ITEM || self->user_db == NULL)
    return;
  if (!ethos_user_db_set_bookmark (self->user_db, self->current->code, self->current->key,
                                   bookmarked, &error))
    _ethos_codes_view_toast (self, error->message);
  update_bookmark_state (self);
}

static void
bookmarked_changed_cb (EthosCodesView *self)
{
  gtk_button_set_icon_name (GTK_BUTTON (self->bookmark_button),
                            self->bookmarked ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->bookmark_button),
                               self->bookmarked ? _("Remove Bookmark (Ctrl+D)")
                                                : _("Bookmark (Ctrl+D)"));
}

static void
folded_changed_cb (EthosCodesView *self)
{
  /* The folded window's back arrow leads to the list: the history arrows
   * would look the same, so they step aside (Alt+Left still works). */
  gtk_widget_set_visible (self->history_box, !adw_leaflet_get_folded (self->leaflet));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

static void
leaflet_back_cb (EthosCodesView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_startup_error (EthosCodesView *self,
                    const GError   *error)
{
  g_autofree char *escaped = error ? g_markup_escape_text (error->message, -1) : NULL;

  adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->error_page, _("The Codes Cannot Be Opened"));
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
  gtk_widget_set_sensitive (self->sidebar, FALSE);
  set_titles (self, _("Ethos"), NULL);
}

/* The history's view of this view: a place is (kind, code, key). */
static GVariant *
capture_cb (gpointer data)
{
  EthosCodesView *self = data;

  if (self->current == NULL)
    return NULL;
  return g_variant_new ("(iss)", self->current->kind,
                        self->current->code ? self->current->code : "",
                        self->current->key ? self->current->key : "");
}

static gboolean
restore_cb (gpointer   data,
            GVariant  *state,
            GError   **error)
{
  EthosCodesView *self = data;
  const char *code, *key;
  int kind;

  if (!g_variant_is_of_type (state, G_VARIANT_TYPE ("(iss)")))
    return FALSE;
  g_variant_get (state, "(i&s&s)", &kind, &code, &key);
  if (kind < ETHOS_NODE_CODE || kind > ETHOS_NODE_BOOKMARKS)
    return FALSE;
  return _ethos_codes_view_go (self, kind, *code ? code : NULL, *key ? key : NULL,
                               ETHOS_NAV_SHOW_CONTENT, error);
}

static void
ethos_codes_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EthosCodesView *self = ETHOS_CODES_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOOKMARKED:
      g_value_set_boolean (value, self->bookmarked);
      break;
    case PROP_CITATION_INCLUDE_TEXT:
      g_value_set_boolean (value, self->citation_include_text);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PRINT_NOTES:
      g_value_set_boolean (value, self->print_notes);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, adw_leaflet_get_folded (self->leaflet));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ethos_codes_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EthosCodesView *self = ETHOS_CODES_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOOKMARKED:
      if (g_value_get_boolean (value) != self->bookmarked)
        _ethos_codes_view_set_bookmarked (self, g_value_get_boolean (value));
      break;
    case PROP_CITATION_INCLUDE_TEXT:
      if (g_value_get_boolean (value) != self->citation_include_text)
        {
          self->citation_include_text = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_PRINT_NOTES:
      if (g_value_get_boolean (value) != self->print_notes)
        {
          self->print_notes = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ethos_codes_view_dispose (GObject *object)
{
  EthosCodesView *self = ETHOS_CODES_VIEW (object);

  _ethos_codes_view_state_cancel (self);
  ethos_codes_view_set_type_to_search (self, NULL);
  ethos_codes_view_set_history (self, NULL);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  _ethos_codes_view_search_dispose (self);
  if (self->tree_view != NULL)
    gtk_list_view_set_model (self->tree_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ETHOS_TYPE_CODES_VIEW);
  self->item_page = NULL;
  self->code_page = NULL;
  self->section_page = NULL;
  self->compare_page = NULL;
  self->bookmarks_page = NULL;

  g_clear_pointer (&self->auto_expanded, g_ptr_array_unref);
  g_clear_object (&self->tree_selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->root);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ethos_codes_view_parent_class)->dispose (object);
}

static void
ethos_codes_view_finalize (GObject *object)
{
  EthosCodesView *self = ETHOS_CODES_VIEW (object);

  g_clear_pointer (&self->nodes, g_hash_table_unref);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->current, _ethos_location_free);
  g_free (self->query);
  g_free (self->title);
  g_clear_pointer (&self->fonts, ethos_fonts_free);

  G_OBJECT_CLASS (ethos_codes_view_parent_class)->finalize (object);
}

static void
ethos_codes_view_class_init (EthosCodesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_codes_view_dispose;
  object_class->finalize = ethos_codes_view_finalize;
  object_class->get_property = ethos_codes_view_get_property;
  object_class->set_property = ethos_codes_view_set_property;

  properties[PROP_BOOKMARKED] =
    g_param_spec_boolean ("bookmarked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CITATION_INCLUDE_TEXT] =
    g_param_spec_boolean ("citation-include-text", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Private notes go on a printed or exported bookmarks sheet only when
   * the user asks for them, each time: not a setting. */
  properties[PROP_PRINT_NOTES] =
    g_param_spec_boolean ("print-notes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Narrow: the sidebar and the page one at a time. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-codes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, content);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, scope_revealer);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, tree_view);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, results_view);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, leaflet_back_button);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, history_box);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, citation_button);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, page_menu_button);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, page_menu);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EthosCodesView, error_page);

  _ethos_codes_view_class_add_actions (widget_class);
  _ethos_codes_view_class_add_print_actions (widget_class);
}

/* A menu's popover is made when it is first opened, not at startup. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       menu)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, menu);
}

static void
set_menu_later (GtkMenuButton *button,
                GMenuModel    *menu)
{
  gtk_menu_button_set_create_popup_func (button, create_menu_cb, g_object_ref (menu),
                                         g_object_unref);
}

static void
ethos_codes_view_init (EthosCodesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_menu_later (GTK_MENU_BUTTON (self->page_menu_button), self->page_menu);
  ethos_a11y_name_split_button (ADW_SPLIT_BUTTON (self->citation_button), _("Copy citation"),
                                _("Citation options"));

  self->settings = ethos_application_new_settings ();
  self->auto_expanded = g_ptr_array_new_with_free_func (g_object_unref);
  g_settings_bind (self->settings, "citation-include-text", self, "citation-include-text",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self, "notify::bookmarked", G_CALLBACK (bookmarked_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet_back_button, "clicked", G_CALLBACK (leaflet_back_cb),
                           self, G_CONNECT_SWAPPED);
  folded_changed_cb (self);
  _ethos_codes_view_update_actions (self);
}

EthosCodesView *
ethos_codes_view_new (void)
{
  return g_object_new (ETHOS_TYPE_CODES_VIEW, NULL);
}

void
ethos_codes_view_load (EthosCodesView *self,
                       EthosCorpus    *corpus,
                       const GError   *corpus_error,
                       EthosUserDb    *user_db)
{
  g_return_if_fail (ETHOS_IS_CODES_VIEW (self));
  g_return_if_fail (self->corpus == NULL);

  self->corpus = corpus;
  self->user_db = user_db;
  if (self->corpus == NULL)
    {
      show_startup_error (self, corpus_error);
      _ethos_codes_view_update_actions (self);
      return;
    }
  self->codes = ethos_corpus_list_codes (self->corpus, NULL);
  _ethos_codes_view_sidebar_setup (self);
  _ethos_codes_view_state_restore (self);
  _ethos_codes_view_update_actions (self);
}

void
ethos_codes_view_set_history (EthosCodesView *self,
                              EthosHistory   *history)
{
  g_return_if_fail (ETHOS_IS_CODES_VIEW (self));

  if (self->history == history)
    return;
  if (self->history != NULL)
    ethos_history_remove_view (self->history, "codes");
  g_set_object (&self->history, history);
  if (self->history != NULL)
    ethos_history_add_view (self->history, "codes", self, capture_cb, restore_cb);
}

void
ethos_codes_view_set_view_stack (EthosCodesView *self,
                                 AdwViewStack   *stack)
{
  g_return_if_fail (ETHOS_IS_CODES_VIEW (self));
  adw_view_switcher_title_set_stack (self->switcher_title, stack);
}

void
ethos_codes_view_set_menu_model (EthosCodesView *self,
                                 GMenuModel     *menu)
{
  g_return_if_fail (ETHOS_IS_CODES_VIEW (self));
  gtk_menu_button_set_menu_model (self->menu_button, NULL);
  if (menu != NULL)
    set_menu_later (self->menu_button, menu);
  else
    gtk_menu_button_set_create_popup_func (self->menu_button, NULL, NULL, NULL);
}

AdwViewSwitcherTitle *
ethos_codes_view_get_switcher_title (EthosCodesView *self)
{
  g_return_val_if_fail (ETHOS_IS_CODES_VIEW (self), NULL);
  return self->switcher_title;
}

gboolean
ethos_codes_view_navigate (EthosCodesView  *self,
                           EthosNodeKind    kind,
                           const char      *code,
                           const char      *key,
                           GError         **error)
{
  g_return_val_if_fail (ETHOS_IS_CODES_VIEW (self), FALSE);

  return _ethos_codes_view_go (self, kind, code, key,
                               ETHOS_NAV_HISTORY | ETHOS_NAV_SHOW_CONTENT, error);
}

const char *
ethos_codes_view_get_title (EthosCodesView *self)
{
  g_return_val_if_fail (ETHOS_IS_CODES_VIEW (self), NULL);
  return self->title;
}

gboolean
ethos_codes_view_get_folded (EthosCodesView *self)
{
  g_return_val_if_fail (ETHOS_IS_CODES_VIEW (self), FALSE);
  return adw_leaflet_get_folded (self->leaflet);
}
