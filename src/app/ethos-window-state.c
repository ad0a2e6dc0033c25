/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-window"

#include "config.h"

#include "ethos-window-private.h"

/* What the window remembers between runs, in GSettings: its size and
 * whether it was maximized, and the code or item it was left on. */

void
_ethos_window_state_restore_size (EthosWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
reveal_cb (gpointer data)
{
  EthosWindow *self = data;

  self->reveal_idle = 0;
  _ethos_window_sidebar_reveal (self);
  return G_SOURCE_REMOVE;
}

static gboolean
first_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  EthosWindow *self = ETHOS_WINDOW (widget);

  self->reveal_tick = 0;
  self->reveal_idle = g_idle_add (reveal_cb, self);
  return G_SOURCE_REMOVE;
}

/* Reopens where the window was left. The first frame shows the codes and
 * that place; the sidebar unfolds down to it in the next. */
void
_ethos_window_state_restore_place (EthosWindow *self)
{
  g_autofree char *code = g_settings_get_string (self->settings, "last-code");
  g_autofree char *ref = g_settings_get_string (self->settings, "last-ref");
  EthosNavFlags flags = ETHOS_NAV_FROM_SIDEBAR;

  if (!(*code != '\0' && *ref != '\0' &&
        _ethos_window_go (self, ETHOS_NODE_ITEM, code, ref, flags, NULL)) &&
      !(*code != '\0' && _ethos_window_go (self, ETHOS_NODE_CODE, code, NULL, flags, NULL)) &&
      self->codes != NULL && self->codes->len > 0)
    _ethos_window_go (self, ETHOS_NODE_CODE,
                      ((EthosCodeInfo *) self->codes->pdata[0])->id, NULL, flags, NULL);
  self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), first_frame_cb, NULL, NULL);
}

/* Stops a restore still under way, before the window goes. */
void
_ethos_window_state_cancel (EthosWindow *self)
{
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
  g_clear_handle_id (&self->reveal_idle, g_source_remove);
}

/* Written in one go as the window closes. */
void
_ethos_window_state_save (EthosWindow *self)
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
  if (self->current != NULL &&
      (self->current->kind == ETHOS_NODE_ITEM || self->current->kind == ETHOS_NODE_CODE))
    {
      g_settings_set_string (self->settings, "last-code", self->current->code);
      g_settings_set_string (self->settings, "last-ref",
                             self->current->kind == ETHOS_NODE_ITEM ? self->current->key : "");
    }
  g_settings_apply (self->settings);
}
