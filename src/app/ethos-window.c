/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-window-private.h"

G_DEFINE_FINAL_TYPE (EthosWindow, ethos_window, ADW_TYPE_APPLICATION_WINDOW)

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

static char *
visible_view_cb (gpointer data)
{
  EthosWindow *self = data;

  return g_strdup (adw_view_stack_get_visible_child_name (self->view_stack));
}

/* "NOHS Standard 3 — Ethos": the page shown, then the application. */
void
_ethos_window_update_title (EthosWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);
  const char *page = NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (view, "codes") == 0)
    page = ethos_codes_view_get_title (self->codes_view);
  /* The form shown, as its header says ("Informed Consent for Services");
   * the list is "Forms". */
  else if (g_strcmp0 (view, "forms") == 0 && self->forms_page != NULL)
    page = adw_view_switcher_title_get_title (
      ethos_forms_page_get_switcher_title (self->forms_page));
  if (page == NULL || *page == '\0' || g_strcmp0 (page, _("Ethos")) == 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Ethos"));
      return;
    }
  /* Translators: the window's title, "NOHS Standard 3 — Ethos" */
  title = g_strdup_printf (_("%s — Ethos"), page);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Switching views is a step in the history: Back returns to the place
 * left in the other view. */
static void
view_switched_cb (EthosWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, self->view_name) == 0)
    return;
  if (self->view_name != NULL)
    ethos_history_push_view (self->history, self->view_name);
  g_free (self->view_name);
  self->view_name = g_strdup (name);
}

static void
go_or_toast (EthosWindow   *self,
             EthosNodeKind  kind,
             const char    *code,
             const char    *key)
{
  g_autoptr(GError) error = NULL;

  if (!ethos_codes_view_navigate (self->codes_view, kind, code, key, &error) && error != NULL)
    _ethos_window_toast (self, error->message);
}

static void
show_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  const char *code, *ref;

  g_variant_get (param, "(&s&s)", &code, &ref);
  go_or_toast (ETHOS_WINDOW (widget), ETHOS_NODE_ITEM, code, ref);
}

static void
show_code_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  go_or_toast (ETHOS_WINDOW (widget), ETHOS_NODE_CODE, g_variant_get_string (param, NULL), NULL);
}

static void
show_compare_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  go_or_toast (ETHOS_WINDOW (widget), ETHOS_NODE_COMPARE, NULL,
               g_variant_get_string (param, NULL));
}

static void
show_bookmarks_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  go_or_toast (ETHOS_WINDOW (widget), ETHOS_NODE_BOOKMARKS, NULL, NULL);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ethos_history_go_back (ETHOS_WINDOW (widget)->history);
}

static void
go_forward_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ethos_history_go_forward (ETHOS_WINDOW (widget)->history);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  /* The search is the Codes view's, also when Ctrl+F is pressed in Forms. */
  ethos_codes_view_focus_search (ETHOS_WINDOW (widget)->codes_view);
}

static void
jump_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ethos_codes_view_open_jump_dialog (ETHOS_WINDOW (widget)->codes_view);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  EthosWindow *self = ETHOS_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (g_str_equal (name, "forms"))
    _ethos_window_show_forms (self);
  else if (g_str_equal (name, "codes"))
    adw_view_stack_set_visible_child_name (self->view_stack, "codes");
}

static void
update_actions (EthosWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have_corpus = self->corpus != NULL;

  gtk_widget_action_set_enabled (widget, "win.go-back", ethos_history_can_go_back (self->history));
  gtk_widget_action_set_enabled (widget, "win.go-forward",
                                 ethos_history_can_go_forward (self->history));
  gtk_widget_action_set_enabled (widget, "win.show-item", have_corpus);
  gtk_widget_action_set_enabled (widget, "win.show-code", have_corpus);
  gtk_widget_action_set_enabled (widget, "win.show-compare", have_corpus);
  gtk_widget_action_set_enabled (widget, "win.show-bookmarks", have_corpus);
  gtk_widget_action_set_enabled (widget, "win.search", have_corpus);
  gtk_widget_action_set_enabled (widget, "win.jump", have_corpus);
}

static void
restore_size (EthosWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* Written in one go as the window closes. */
static void
save_state (EthosWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
  ethos_codes_view_save_state (self->codes_view);
}

static gboolean
ethos_window_close_request (GtkWindow *window)
{
  save_state (ETHOS_WINDOW (window));

  return GTK_WINDOW_CLASS (ethos_window_parent_class)->close_request (window);
}

/* Runs once the window belongs to its application, which holds the codes
 * index and the user's database. */
static void
load (EthosWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  const GError *corpus_error = NULL;

  restore_size (self);
  if (ETHOS_IS_APPLICATION (app))
    {
      self->corpus = ethos_application_get_corpus (ETHOS_APPLICATION (app));
      self->user_db = ethos_application_get_user_db (ETHOS_APPLICATION (app));
      corpus_error = ethos_application_get_corpus_error (ETHOS_APPLICATION (app));
    }
  if (self->corpus != NULL && self->user_db == NULL && ETHOS_IS_APPLICATION (app))
    _ethos_window_toast (self,
                         ethos_application_get_user_db_error (ETHOS_APPLICATION (app))->message);
  ethos_codes_view_load (self->codes_view, self->corpus, corpus_error, self->user_db);
  update_actions (self);
  _ethos_window_update_title (self);
}

static void
ethos_window_dispose (GObject *object)
{
  EthosWindow *self = ETHOS_WINDOW (object);

  /* The switchers sit inside the stack they switch and hold a reference
   * on it: a cycle to break by hand. */
  if (self->codes_view != NULL)
    {
      ethos_codes_view_set_view_stack (self->codes_view, NULL);
      ethos_codes_view_set_history (self->codes_view, NULL);
      ethos_codes_view_set_type_to_search (self->codes_view, NULL);
    }
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  _ethos_window_forms_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ETHOS_TYPE_WINDOW);
  self->codes_view = NULL;

  g_clear_object (&self->history);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->view_name, g_free);

  G_OBJECT_CLASS (ethos_window_parent_class)->dispose (object);
}

static void
ethos_window_class_init (EthosWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ethos_window_dispose;
  window_class->close_request = ethos_window_close_request;

  g_type_ensure (ETHOS_TYPE_CODES_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, codes_view);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, forms_bin);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, EthosWindow, primary_menu);

  gtk_widget_class_install_action (widget_class, "win.show-item", "(ss)", show_item_action);
  gtk_widget_class_install_action (widget_class, "win.show-code", "s", show_code_action);
  gtk_widget_class_install_action (widget_class, "win.show-compare", "s", show_compare_action);
  gtk_widget_class_install_action (widget_class, "win.show-bookmarks", NULL,
                                   show_bookmarks_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, go_forward_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.jump", NULL, jump_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
}

static void
ethos_window_init (EthosWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = ethos_application_new_settings ();
  self->history = ethos_history_new (visible_view_cb, self);
  g_signal_connect_object (self->history, "notify", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  ethos_codes_view_set_history (self->codes_view, self->history);
  ethos_codes_view_set_view_stack (self->codes_view, self->view_stack);
  ethos_codes_view_set_menu_model (self->codes_view, self->primary_menu);
  g_signal_connect_object (self->codes_view, "notify::title",
                           G_CALLBACK (_ethos_window_update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (_ethos_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (view_switched_cb), self, G_CONNECT_SWAPPED);
  self->view_name = g_strdup (adw_view_stack_get_visible_child_name (self->view_stack));
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

  return ethos_codes_view_navigate (self->codes_view, kind, code, key, error);
}

EthosCodesView *
ethos_window_get_codes_view (EthosWindow *self)
{
  g_return_val_if_fail (ETHOS_IS_WINDOW (self), NULL);
  return self->codes_view;
}

EthosHistory *
ethos_window_get_history (EthosWindow *self)
{
  g_return_val_if_fail (ETHOS_IS_WINDOW (self), NULL);
  return self->history;
}

void
ethos_window_search (EthosWindow *self,
                     const char  *text)
{
  g_return_if_fail (ETHOS_IS_WINDOW (self));
  ethos_codes_view_search (self->codes_view, text);
}
