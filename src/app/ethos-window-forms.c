/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-paths.h"
#include "ethos-window-private.h"

/* The Forms view. Startup reads no template: its page is made once the
 * window's first frame is drawn and nothing else is waiting (the related
 * items, the sidebar's unfolding), its templates read in threads, so that
 * the first switch to Forms shows the forms at once. Shown before that, it
 * is made then. */

/* Each view has its own header and view switcher title: the bar at the
 * bottom shows when the visible view's title has no room for the switcher. */
static void
sync_switcher_bar (EthosWindow *self)
{
  AdwViewSwitcherTitle *codes_title = ethos_codes_view_get_switcher_title (self->codes_view);
  AdwViewSwitcherTitle *forms_title = self->forms_page != NULL
                                      ? ethos_forms_page_get_switcher_title (self->forms_page)
                                      : NULL;
  AdwViewSwitcherTitle *title = codes_title;
  /* In a narrow window the switcher stays at the bottom in both views,
   * not in one header here and the bottom there. */
  gboolean narrow = ethos_codes_view_get_folded (self->codes_view);

  if (forms_title != NULL &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "forms") == 0)
    title = forms_title;
  adw_view_switcher_title_set_view_switcher_enabled (codes_title, !narrow);
  if (forms_title != NULL)
    adw_view_switcher_title_set_view_switcher_enabled (forms_title, !narrow);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    narrow || adw_view_switcher_title_get_title_visible (title));
}

static void
ensure_forms_page (EthosWindow *self)
{
  g_autofree char *builtin = NULL;
  g_autofree char *shared = NULL;
  g_autoptr(GError) error = NULL;

  if (self->forms_page != NULL)
    return;
  g_clear_handle_id (&self->prepare_idle, g_source_remove);

  self->forms_page = ethos_forms_page_new ();
  ethos_forms_page_set_view_stack (self->forms_page, self->view_stack);
  ethos_forms_page_set_menu_model (self->forms_page, self->primary_menu);
  ethos_forms_page_set_settings (self->forms_page, self->settings);
  g_signal_connect_object (ethos_forms_page_get_switcher_title (self->forms_page),
                           "notify::title-visible", G_CALLBACK (sync_switcher_bar), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->forms_page, "notify::title",
                           G_CALLBACK (_ethos_window_update_title), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->forms_bin, GTK_WIDGET (self->forms_page));

  builtin = ethos_paths_get_templates_dir ();
  shared = ethos_paths_get_shared_templates_dir ();
  /* On failure the page shows why. */
  if (!ethos_forms_page_load (self->forms_page, builtin, self->user_db, shared, self->corpus,
                              &error))
    g_debug ("Forms: %s", error->message);
}

static gboolean
prepare_idle_cb (gpointer data)
{
  EthosWindow *self = data;

  self->prepare_idle = 0;
  ensure_forms_page (self);
  return G_SOURCE_REMOVE;
}

static gboolean
prepare_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  EthosWindow *self = ETHOS_WINDOW (widget);

  self->prepare_tick = 0;
  self->prepare_idle = g_idle_add_full (G_PRIORITY_LOW, prepare_idle_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
view_changed_cb (EthosWindow *self)
{
  gboolean forms = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack),
                              "forms") == 0;

  if (forms)
    ensure_forms_page (self);
  /* Typing starts a search of the codes only where the codes are shown. */
  ethos_codes_view_set_type_to_search (self->codes_view, forms ? NULL : GTK_WIDGET (self));
  sync_switcher_bar (self);
}

/* The Forms view in the window's history: the template open ("" for the
 * list) and whether its coverage report was shown. Never a value typed in
 * the form: those stay in the form. */
static GVariant *
capture_forms_cb (gpointer data)
{
  EthosWindow *self = data;
  gboolean coverage = FALSE;
  const char *id;

  if (self->forms_page == NULL)
    return NULL;
  id = ethos_forms_page_get_template_id (self->forms_page);
  g_object_get (self->forms_page, "showing-coverage", &coverage, NULL);
  return g_variant_new ("(sb)", id ? id : "", coverage);
}

static gboolean
restore_forms_cb (gpointer   data,
                  GVariant  *state,
                  GError   **error)
{
  EthosWindow *self = data;
  EthosFormsPage *page;
  const char *id;

  gboolean coverage;

  if (!g_variant_is_of_type (state, G_VARIANT_TYPE ("(sb)")))
    return FALSE;
  g_variant_get (state, "(&sb)", &id, &coverage);
  page = _ethos_window_show_forms (self);
  if (*id == '\0')
    return TRUE;
  /* The form open already keeps what was typed in it. */
  if (g_strcmp0 (ethos_forms_page_get_template_id (page), id) != 0 &&
      !ethos_forms_page_show_template (page, id, error))
    return FALSE;
  ethos_forms_page_show_coverage (page, coverage);
  return TRUE;
}

void
_ethos_window_forms_setup (EthosWindow *self)
{
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ethos_codes_view_get_switcher_title (self->codes_view),
                           "notify::title-visible",
                           G_CALLBACK (sync_switcher_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->codes_view, "notify::folded",
                           G_CALLBACK (sync_switcher_bar), self, G_CONNECT_SWAPPED);
  ethos_history_add_view (self->history, "forms", self, capture_forms_cb, restore_forms_cb);
  view_changed_cb (self);
  self->prepare_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), prepare_tick_cb, NULL, NULL);
}

void
_ethos_window_forms_dispose (EthosWindow *self)
{
  if (self->prepare_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->prepare_tick);
  self->prepare_tick = 0;
  g_clear_handle_id (&self->prepare_idle, g_source_remove);
  if (self->history != NULL)
    ethos_history_remove_view (self->history, "forms");
  /* Its switcher holds a reference on the stack that holds the page. */
  if (self->forms_page != NULL)
    ethos_forms_page_set_view_stack (self->forms_page, NULL);
  self->forms_page = NULL;
}

EthosFormsPage *
_ethos_window_show_forms (EthosWindow *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "forms");
  ensure_forms_page (self);
  return self->forms_page;
}
