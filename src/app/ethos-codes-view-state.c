/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-codes-view"

#include "config.h"

#include "ethos-codes-view-private.h"

/* What the Codes view remembers between runs, in GSettings: the code or
 * item it was left on. */

static gboolean
reveal_cb (gpointer data)
{
  EthosCodesView *self = data;

  self->reveal_idle = 0;
  _ethos_codes_view_sidebar_reveal (self);
  return G_SOURCE_REMOVE;
}

static gboolean
first_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  EthosCodesView *self = ETHOS_CODES_VIEW (widget);

  self->reveal_tick = 0;
  self->reveal_idle = g_idle_add (reveal_cb, self);
  return G_SOURCE_REMOVE;
}

/* Reopens where the view was left. The first frame shows the codes and
 * that place; the sidebar unfolds down to it in the next. */
void
_ethos_codes_view_state_restore (EthosCodesView *self)
{
  g_autofree char *code = g_settings_get_string (self->settings, "last-code");
  g_autofree char *ref = g_settings_get_string (self->settings, "last-ref");
  EthosNavFlags flags = ETHOS_NAV_FROM_SIDEBAR;

  if (!(*code != '\0' && *ref != '\0' &&
        _ethos_codes_view_go (self, ETHOS_NODE_ITEM, code, ref, flags, NULL)) &&
      !(*code != '\0' && _ethos_codes_view_go (self, ETHOS_NODE_CODE, code, NULL, flags, NULL)) &&
      self->codes != NULL && self->codes->len > 0)
    _ethos_codes_view_go (self, ETHOS_NODE_CODE,
                          ((EthosCodeInfo *) self->codes->pdata[0])->id, NULL, flags, NULL);
  self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), first_frame_cb, NULL, NULL);
}

/* Stops a restore still under way, before the view goes. */
void
_ethos_codes_view_state_cancel (EthosCodesView *self)
{
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
  g_clear_handle_id (&self->reveal_idle, g_source_remove);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
}

void
ethos_codes_view_save_state (EthosCodesView *self)
{
  g_return_if_fail (ETHOS_IS_CODES_VIEW (self));

  if (self->item_page != NULL)
    ethos_item_page_save_note (self->item_page, NULL);
  if (self->current != NULL &&
      (self->current->kind == ETHOS_NODE_ITEM || self->current->kind == ETHOS_NODE_CODE))
    {
      g_settings_delay (self->settings);
      g_settings_set_string (self->settings, "last-code", self->current->code);
      g_settings_set_string (self->settings, "last-ref",
                             self->current->kind == ETHOS_NODE_ITEM ? self->current->key : "");
      g_settings_apply (self->settings);
    }
}
