/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-compare-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-a11y.h"
#include "ethos-forms-text.h"

#include "ethos-compare-window.h"
#include "ethos-error.h"
#include "ethos-file.h"
#include "ethos-template-diff.h"

struct _EthosCompareWindow
{
  AdwWindow          parent_instance;

  GtkDropDown       *from;
  GtkDropDown       *to;
  GtkTextView       *view;
  AdwToastOverlay   *toasts;

  EthosRequirements *reqs;     /* not owned */
  const char        *ui_lang;
  GPtrArray         *versions; /* EthosTemplate */
  GtkStringList     *labels;
  char              *text;
};

G_DEFINE_FINAL_TYPE (EthosCompareWindow, ethos_compare_window, ADW_TYPE_WINDOW)

/* The memo's text with its marks turned into styles: section titles
 * bold, [-removed-] struck through, {+added+} underlined. */
static void
show_text (EthosCompareWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  g_auto(GStrv) lines = g_strsplit (self->text, "\n", -1);
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, "", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = lines[i];

      gtk_text_buffer_get_end_iter (buffer, &end);
      if (i == 0)
        {
          gtk_text_buffer_insert_with_tags_by_name (buffer, &end, p, -1, "title", NULL);
          gtk_text_buffer_insert (buffer, &end, "\n", -1);
          continue;
        }
      if (*p != ' ' && *p != '\0')
        {
          gtk_text_buffer_insert_with_tags_by_name (buffer, &end, p, -1, "section", NULL);
          gtk_text_buffer_insert (buffer, &end, "\n", -1);
          continue;
        }
      while (*p)
        {
          const char *removed = strstr (p, "[-");
          const char *added = strstr (p, "{+");
          const char *next = removed && (!added || removed < added) ? removed : added;
          const char *close;
          gboolean is_removed = next == removed;

          if (next == NULL || !(close = strstr (next + 2, is_removed ? "-]" : "+}")))
            {
              gtk_text_buffer_insert (buffer, &end, p, -1);
              break;
            }
          gtk_text_buffer_insert (buffer, &end, p, next - p);
          gtk_text_buffer_insert_with_tags_by_name (buffer, &end, next + 2, close - next - 2,
                                                    is_removed ? "removed" : "added", NULL);
          p = close + 2;
        }
      gtk_text_buffer_insert (buffer, &end, "\n", -1);
    }
}

static void selection_cb (EthosCompareWindow *self);

void
ethos_compare_window_compare (EthosCompareWindow *self,
                              guint               from,
                              guint               to)
{
  g_autoptr(EthosTemplateDiff) diff = NULL;

  g_return_if_fail (ETHOS_IS_COMPARE_WINDOW (self));

  if (from >= self->versions->len || to >= self->versions->len)
    return;
  /* Shown as chosen, without comparing again from each drop-down. */
  g_signal_handlers_block_by_func (self->from, selection_cb, self);
  g_signal_handlers_block_by_func (self->to, selection_cb, self);
  gtk_drop_down_set_selected (self->from, from);
  gtk_drop_down_set_selected (self->to, to);
  g_signal_handlers_unblock_by_func (self->from, selection_cb, self);
  g_signal_handlers_unblock_by_func (self->to, selection_cb, self);
  diff = ethos_template_diff (g_ptr_array_index (self->versions, from),
                              g_ptr_array_index (self->versions, to), self->reqs);
  g_free (self->text);
  self->text = ethos_template_diff_to_text (diff, self->ui_lang);
  show_text (self);
}

static void
selection_cb (EthosCompareWindow *self)
{
  ethos_compare_window_compare (self, gtk_drop_down_get_selected (self->from),
                                gtk_drop_down_get_selected (self->to));
}

static void
copy_cb (EthosCompareWindow *self)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->text ?: "");
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Copied: paste it into your "
                                                              "memo")));
}

gboolean
ethos_compare_window_export_to (EthosCompareWindow  *self,
                                GFile               *file,
                                GError             **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (ETHOS_IS_COMPARE_WINDOW (self) && G_IS_FILE (file), FALSE);

  if (!(path = g_file_get_path (file)))
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_IO,
                           _("The text can only be saved to a folder on this computer."));
      return FALSE;
    }
  return ethos_file_write_atomic (path, self->text ?: "", strlen (self->text ?: ""), 0644, error);
}

static void
export_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    EthosCompareWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      if (ethos_compare_window_export_to (self, file, &error))
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Saved")));
      else
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
    }
  g_object_unref (chooser);
}

static void
export_cb (EthosCompareWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Changes as Text"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("changes.txt"));
  {
    g_autoptr(GFile) folder = ethos_forms_documents_folder ();
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
ethos_compare_window_dispose (GObject *object)
{
  EthosCompareWindow *self = ETHOS_COMPARE_WINDOW (object);

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_object (&self->labels);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (ethos_compare_window_parent_class)->dispose (object);
}

static void
ethos_compare_window_class_init (EthosCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_compare_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  if (GTK_IS_DROP_DOWN (widget))
    ethos_a11y_name_drop_down (GTK_DROP_DOWN (widget), text);
  return box;
}

static void
ethos_compare_window_init (EthosCompareWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *choose = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *copy = gtk_button_new_with_label (_("Copy"));
  GtkWidget *export = gtk_button_new_with_label (_("Export…"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  self->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_template_unref);
  self->labels = gtk_string_list_new (NULL);
  self->from = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->labels)),
                                                 NULL));
  self->to = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->labels)), NULL));
  gtk_window_set_title (GTK_WINDOW (self), _("Compare Versions"));
  gtk_window_set_default_size (GTK_WINDOW (self), 820, 680);

  gtk_box_append (GTK_BOX (choose), labelled (_("From"), GTK_WIDGET (self->from)));
  gtk_box_append (GTK_BOX (choose), labelled (_("To"), GTK_WIDGET (self->to)));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), choose);
  gtk_widget_set_tooltip_text (copy, _("Copy the changes as text"));
  gtk_widget_set_tooltip_text (export, _("Save the changes as a text file"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (export), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export the changes as text"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), copy);
  g_signal_connect_object (copy, "clicked", G_CALLBACK (copy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (export, "clicked", G_CALLBACK (export_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from, "notify::selected", G_CALLBACK (selection_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to, "notify::selected", G_CALLBACK (selection_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 24);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 24);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 18);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 18);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (view), 3);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What changed"), -1);
  gtk_text_buffer_create_tag (buffer, "title", "weight", PANGO_WEIGHT_BOLD, "scale", 1.3, NULL);
  gtk_text_buffer_create_tag (buffer, "section", "weight", PANGO_WEIGHT_BOLD,
                              "pixels-above-lines", 8, NULL);
  {
    /* Tinted as well as struck and underlined: GTK 4.8 does not strike
     * through the wrapped part of a line, and a tint reads in dark styles. */
    GdkRGBA removed = { 0.75, 0.11, 0.16, 0.14 }, added = { 0.15, 0.64, 0.41, 0.16 };

    gtk_text_buffer_create_tag (buffer, "removed", "strikethrough", TRUE,
                                "foreground", "#c01c28", "background-rgba", &removed, NULL);
    gtk_text_buffer_create_tag (buffer, "added", "underline", PANGO_UNDERLINE_SINGLE,
                                "foreground", "#26a269", "weight", PANGO_WEIGHT_BOLD,
                                "background-rgba", &added, NULL);
  }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_set_vexpand (scroller, TRUE);
  self->view = GTK_TEXT_VIEW (view);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, scroller);
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
}

EthosCompareWindow *
ethos_compare_window_new (GtkWindow         *parent,
                          EthosRequirements *reqs,
                          const char        *ui_lang)
{
  EthosCompareWindow *self = g_object_new (ETHOS_TYPE_COMPARE_WINDOW, "transient-for", parent,
                                           "modal", TRUE, NULL);

  self->reqs = reqs;
  self->ui_lang = ui_lang;
  return self;
}

void
ethos_compare_window_add (EthosCompareWindow *self,
                          EthosTemplate      *tmpl,
                          const char         *label)
{
  g_return_if_fail (ETHOS_IS_COMPARE_WINDOW (self) && tmpl != NULL && label != NULL);

  g_ptr_array_add (self->versions, ethos_template_ref (tmpl));
  g_signal_handlers_block_by_func (self->from, selection_cb, self);
  g_signal_handlers_block_by_func (self->to, selection_cb, self);
  gtk_string_list_append (self->labels, label);
  g_signal_handlers_unblock_by_func (self->from, selection_cb, self);
  g_signal_handlers_unblock_by_func (self->to, selection_cb, self);
}

const char *
ethos_compare_window_get_text (EthosCompareWindow *self)
{
  g_return_val_if_fail (ETHOS_IS_COMPARE_WINDOW (self), NULL);
  return self->text;
}
