/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-clause-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-clause-editor.h"
#include "ethos-forms-text.h"

struct _EthosClauseEditor
{
  AdwWindow          parent_instance;

  /* template */
  GtkLabel          *heading_label;
  GtkTextView       *text_view;
  GtkLabel          *error_label;
  GtkWidget         *reset_button;
  GtkMenuButton     *insert_button;

  EthosTemplate     *tmpl;
  char              *clause_id;
  char              *lang;
  char              *original;
};

enum { APPLY, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EthosClauseEditor, ethos_clause_editor, ADW_TYPE_WINDOW)

/* {placeholders} stand out, so a counselor sees what the form fills in;
 * one that names no field of the form is marked as an error at once. One
 * broken across lines gets no hyphen ("{professional_credentia-" read as
 * if the hyphen were part of the name). */
void
ethos_placeholder_tags_create (GtkTextBuffer *buffer)
{
  gtk_text_buffer_create_tag (buffer, "placeholder", "weight", PANGO_WEIGHT_BOLD,
                              "foreground", "#1c71d8", "insert-hyphens", FALSE, NULL);
  gtk_text_buffer_create_tag (buffer, "unknown-placeholder", "weight", PANGO_WEIGHT_BOLD,
                              "foreground", "#c01c28", "underline", PANGO_UNDERLINE_ERROR,
                              "insert-hyphens", FALSE, NULL);
}

void
ethos_placeholder_tags_apply (GtkTextBuffer       *buffer,
                              const EthosTemplate *tmpl)
{
  GtkTextIter start, end, iter;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "placeholder", &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "unknown-placeholder", &start, &end);
  iter = start;
  while (TRUE)
    {
      GtkTextIter open_start, open_end, close_start, close_end;

      if (!gtk_text_iter_forward_search (&iter, "{", GTK_TEXT_SEARCH_TEXT_ONLY, &open_start,
                                         &open_end, NULL) ||
          !gtk_text_iter_forward_search (&open_end, "}", GTK_TEXT_SEARCH_TEXT_ONLY, &close_start,
                                         &close_end, NULL))
        break;
      {
        g_autofree char *name = gtk_text_buffer_get_text (buffer, &open_end, &close_start, FALSE);
        gboolean known = tmpl != NULL && ethos_template_get_field (tmpl, name) != NULL;

        gtk_text_buffer_apply_tag_by_name (buffer, known ? "placeholder" : "unknown-placeholder",
                                           &open_start, &close_end);
      }
      iter = close_end;
    }
}

static char *
current_text (EthosClauseEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
buffer_changed_cb (EthosClauseEditor *self)
{
  g_autofree char *text = current_text (self);

  ethos_placeholder_tags_apply (gtk_text_view_get_buffer (self->text_view), self->tmpl);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_sensitive (self->reset_button, g_strcmp0 (text, self->original) != 0);
}

static void
apply_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  ethos_clause_editor_apply (ETHOS_CLAUSE_EDITOR (widget));
}

static void
reset_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  EthosClauseEditor *self = ETHOS_CLAUSE_EDITOR (widget);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), self->original, -1);
}

/* Placeholders come from a menu of the form's fields, never typed by hand. */
static void
insert_field_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  EthosClauseEditor *self = ETHOS_CLAUSE_EDITOR (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = g_strdup_printf ("{%s}", g_variant_get_string (param, NULL));

  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
cancel_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
ethos_clause_editor_finalize (GObject *object)
{
  EthosClauseEditor *self = ETHOS_CLAUSE_EDITOR (object);

  g_clear_pointer (&self->tmpl, ethos_template_unref);
  g_free (self->clause_id);
  g_free (self->lang);
  g_free (self->original);

  G_OBJECT_CLASS (ethos_clause_editor_parent_class)->finalize (object);
}

static void
ethos_clause_editor_class_init (EthosClauseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ethos_clause_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-clause-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosClauseEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, EthosClauseEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, EthosClauseEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, EthosClauseEditor, reset_button);
  gtk_widget_class_bind_template_child (widget_class, EthosClauseEditor, insert_button);

  gtk_widget_class_install_action (widget_class, "editor.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "editor.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.insert-field", "s", insert_field_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.apply", NULL);

  /* The new text, or NULL for the template's own. */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ethos_clause_editor_init (EthosClauseEditor *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  buffer = gtk_text_view_get_buffer (self->text_view);
  ethos_placeholder_tags_create (buffer);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

EthosClauseEditor *
ethos_clause_editor_new (GtkWindow         *parent,
                         EthosTemplate     *tmpl,
                         const EthosClause *clause,
                         const char        *lang,
                         const char        *text)
{
  EthosClauseEditor *self;

  g_return_val_if_fail (tmpl != NULL && clause != NULL && lang != NULL, NULL);
  g_return_val_if_fail (!clause->locked, NULL);

  self = g_object_new (ETHOS_TYPE_CLAUSE_EDITOR, "transient-for", parent, "modal", TRUE, NULL);
  self->tmpl = ethos_template_ref (tmpl);
  self->clause_id = g_strdup (clause->id);
  self->lang = g_strdup (lang);
  self->original = g_strdup (ethos_forms_text (tmpl, clause->body, lang));
  {
    g_autoptr(GMenu) fields = g_menu_new ();

    for (guint i = 0; i < tmpl->fields->len; i++)
      {
        const EthosField *field = g_ptr_array_index (tmpl->fields, i);
        g_autoptr(GMenuItem) item = g_menu_item_new (ethos_forms_text (tmpl, field->label,
                                                                       ethos_forms_ui_language ()),
                                                     NULL);

        g_menu_item_set_action_and_target (item, "editor.insert-field", "s", field->id);
        g_menu_append_item (fields, item);
      }
    gtk_menu_button_set_menu_model (self->insert_button, G_MENU_MODEL (fields));
  }
  gtk_label_set_label (self->heading_label, ethos_forms_text (tmpl, clause->heading, lang));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            text != NULL ? text : self->original, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return self;
}

GtkTextBuffer *
ethos_clause_editor_get_buffer (EthosClauseEditor *self)
{
  g_return_val_if_fail (ETHOS_IS_CLAUSE_EDITOR (self), NULL);
  return gtk_text_view_get_buffer (self->text_view);
}

gboolean
ethos_clause_editor_apply (EthosClauseEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ETHOS_IS_CLAUSE_EDITOR (self), FALSE);

  text = current_text (self);
  if (g_str_equal (text, self->original))
    {
      g_signal_emit (self, signals[APPLY], 0, NULL);
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    }
  if (!ethos_template_check_text (self->tmpl, self->clause_id, text, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals[APPLY], 0, text);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
