/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-jump-dialog.h"
#include "ethos-window-private.h"

static void
go_or_toast (EthosWindow   *self,
             EthosNodeKind  kind,
             const char    *code,
             const char    *key)
{
  g_autoptr(GError) error = NULL;

  if (!_ethos_window_go (self, kind, code, key,
                         ETHOS_NAV_HISTORY | ETHOS_NAV_SHOW_CONTENT, &error) && error != NULL)
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

/* Steps through the history: the place left goes on the other stack. */
static void
step (EthosWindow *self,
      GPtrArray   *from,
      GPtrArray   *to)
{
  while (from->len > 0)
    {
      g_autoptr(EthosLocation) target = g_ptr_array_steal_index (from, from->len - 1);
      EthosLocation *left = self->current;

      self->current = NULL;
      if (_ethos_window_go (self, target->kind, target->code, target->key,
                            ETHOS_NAV_SHOW_CONTENT, NULL))
        {
          if (left != NULL)
            g_ptr_array_add (to, left);
          _ethos_window_update_actions (self);
          return;
        }
      /* A place that can no longer be shown is dropped. */
      self->current = left;
    }
  _ethos_window_update_actions (self);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  EthosWindow *self = ETHOS_WINDOW (widget);

  step (self, self->back, self->forward);
}

static void
go_forward_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  EthosWindow *self = ETHOS_WINDOW (widget);

  step (self, self->forward, self->back);
}

static void
copy_citation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  EthosWindow *self = ETHOS_WINDOW (widget);
  const EthosItem *item = NULL;
  const EthosCodeInfo *info = NULL;
  gboolean full = g_strcmp0 (g_variant_get_string (param, NULL), "short") != 0;
  g_autofree char *citation = NULL;
  g_autofree char *text = NULL;

  if (self->current == NULL || self->current->kind != ETHOS_NODE_ITEM || self->item_page == NULL)
    return;
  item = ethos_item_page_get_item (self->item_page);
  info = ethos_item_page_get_code_info (self->item_page);

  citation = ethos_item_format_citation (item, info, full ? ETHOS_CITATION_FULL
                                                          : ETHOS_CITATION_SHORT);
  if (!self->citation_include_text)
    text = g_steal_pointer (&citation);
  else if (full)
    text = g_strdup_printf ("%s\n\n%s", citation, item->text);
  else
    /* Translators: a quotation followed by its short citation */
    text = g_strdup_printf (_("“%s” (%s)"), item->text, citation);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  _ethos_window_toast (self, self->citation_include_text ? _("Citation and text copied")
                                                         : _("Citation copied"));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  EthosWindow *self = ETHOS_WINDOW (widget);

  /* The search is the Codes view's, also when Ctrl+F is pressed in Forms. */
  adw_view_stack_set_visible_child_name (self->view_stack, "codes");
  _ethos_window_sidebar_focus_search (self);
}

static void
jump_chosen_cb (EthosWindow *self,
                const char  *code,
                const char  *ref)
{
  go_or_toast (self, ETHOS_NODE_ITEM, code, ref);
}

void
_ethos_window_open_jump_dialog (EthosWindow *self)
{
  EthosJumpDialog *dialog;

  if (self->corpus == NULL)
    return;
  dialog = ethos_jump_dialog_new (GTK_WINDOW (self), self->corpus);
  g_signal_connect_object (dialog, "reference-chosen", G_CALLBACK (jump_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
jump_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  _ethos_window_open_jump_dialog (ETHOS_WINDOW (widget));
}

void
_ethos_window_update_actions (EthosWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have_corpus = self->corpus != NULL;
  gboolean on_item = self->current != NULL && self->current->kind == ETHOS_NODE_ITEM;

  gtk_widget_action_set_enabled (widget, "win.go-back", self->back->len > 0);
  gtk_widget_action_set_enabled (widget, "win.go-forward", self->forward->len > 0);
  gtk_widget_action_set_enabled (widget, "win.copy-citation", on_item);
  gtk_widget_action_set_enabled (widget, "win.bookmark", on_item && self->user_db != NULL);
  gtk_widget_action_set_enabled (widget, "win.show-item", have_corpus);
  gtk_widget_action_set_enabled (widget, "win.show-code", have_corpus);
  gtk_widget_action_set_enabled (widget, "win.show-compare", have_corpus);
  gtk_widget_action_set_enabled (widget, "win.show-bookmarks", have_corpus);
  gtk_widget_action_set_enabled (widget, "win.search", have_corpus);
  gtk_widget_action_set_enabled (widget, "win.jump", have_corpus);

  gtk_widget_set_visible (self->citation_button, on_item);
  gtk_widget_set_visible (GTK_WIDGET (self->bookmark_button), on_item);
}

void
_ethos_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-item", "(ss)", show_item_action);
  gtk_widget_class_install_action (widget_class, "win.show-code", "s", show_code_action);
  gtk_widget_class_install_action (widget_class, "win.show-compare", "s", show_compare_action);
  gtk_widget_class_install_action (widget_class, "win.show-bookmarks", NULL,
                                   show_bookmarks_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, go_forward_action);
  gtk_widget_class_install_action (widget_class, "win.copy-citation", "s", copy_citation_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.jump", NULL, jump_action);
  gtk_widget_class_install_property_action (widget_class, "win.bookmark", "bookmarked");
  gtk_widget_class_install_property_action (widget_class, "win.citation-include-text",
                                            "citation-include-text");
}
