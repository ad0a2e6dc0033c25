/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-codes-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-codes-view-private.h"
#include "ethos-jump-dialog.h"

/* The actions on what the Codes view shows ("codes.*"), with their
 * shortcuts. Those that lead into the view from elsewhere (show an item,
 * search, go to a reference) are the window's, which calls the view. */

static void
go_or_toast (EthosCodesView *self,
             EthosNodeKind   kind,
             const char     *code,
             const char     *key)
{
  g_autoptr(GError) error = NULL;

  if (!ethos_codes_view_navigate (self, kind, code, key, &error) && error != NULL)
    _ethos_codes_view_toast (self, error->message);
}

static void
copy_citation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  EthosCodesView *self = ETHOS_CODES_VIEW (widget);
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
  _ethos_codes_view_toast (self, self->citation_include_text ? _("Citation and text copied")
                                                             : _("Citation copied"));
}

static void
jump_chosen_cb (EthosCodesView *self,
                const char     *code,
                const char     *ref)
{
  go_or_toast (self, ETHOS_NODE_ITEM, code, ref);
}

void
ethos_codes_view_open_jump_dialog (EthosCodesView *self)
{
  EthosJumpDialog *dialog;
  GtkRoot *root;

  g_return_if_fail (ETHOS_IS_CODES_VIEW (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (self->corpus == NULL || !GTK_IS_WINDOW (root))
    return;
  dialog = ethos_jump_dialog_new (GTK_WINDOW (root), self->corpus);
  g_signal_connect_object (dialog, "reference-chosen", G_CALLBACK (jump_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_ethos_codes_view_update_actions (EthosCodesView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean on_item = self->current != NULL && self->current->kind == ETHOS_NODE_ITEM;
  gboolean on_bookmarks = self->current != NULL && self->current->kind == ETHOS_NODE_BOOKMARKS;
  gboolean can_print = self->current != NULL && self->corpus != NULL &&
                       self->current->kind != ETHOS_NODE_SECTION;
  const EthosCodeInfo *info = on_item ? _ethos_codes_view_find_code (self, self->current->code)
                                      : NULL;
  gboolean whole_only = info != NULL && info->whole_only;

  gtk_widget_action_set_enabled (widget, "codes.copy-citation", on_item);
  gtk_widget_action_set_enabled (widget, "codes.bookmark", on_item && self->user_db != NULL);
  gtk_widget_action_set_enabled (widget, "codes.print", can_print);
  gtk_widget_action_set_enabled (widget, "codes.export-pdf", can_print);
  gtk_widget_action_set_enabled (widget, "codes.print-notes", on_bookmarks);
  gtk_widget_action_set_enabled (widget, "codes.export-notes", on_bookmarks && self->user_db);
  gtk_widget_action_set_enabled (widget, "codes.import-notes", on_bookmarks && self->user_db);
  gtk_widget_action_set_enabled (widget, "codes.print-code", whole_only);
  gtk_widget_set_visible (self->page_menu_button, can_print);

  gtk_widget_set_visible (self->citation_button, on_item);
  gtk_widget_set_visible (GTK_WIDGET (self->bookmark_button), on_item);
}

void
_ethos_codes_view_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "codes.copy-citation", "s", copy_citation_action);
  gtk_widget_class_install_property_action (widget_class, "codes.bookmark", "bookmarked");
  gtk_widget_class_install_property_action (widget_class, "codes.citation-include-text",
                                            "citation-include-text");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "codes.bookmark", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "codes.copy-citation", "s", "full");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "codes.copy-citation", "s", "full");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "codes.copy-citation", "s", "short");
}
