/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-error.h"
#include "ethos-forms-text.h"
#include "ethos-template-editor-private.h"

/* What the editor does as a whole: undo and redo, the clauses' own
 * commands (add, delete, duplicate, move), closing. Saving, versions and
 * drafts are in ethos-template-editor-versions.c. The actions live on the
 * editor, which owns the template; their shortcuts work wherever the focus
 * is inside it. */

void
_ethos_editor_update_actions (EthosTemplateEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int index = self->selected ? ethos_template_clause_index (self->tmpl, self->selected) : -1;
  gboolean clause = index >= 0;

  gtk_widget_action_set_enabled (widget, "editor.undo",
                                 ethos_template_history_can_undo (self->history));
  gtk_widget_action_set_enabled (widget, "editor.redo",
                                 ethos_template_history_can_redo (self->history));
  gtk_widget_action_set_enabled (widget, "editor.delete-clause", clause);
  gtk_widget_action_set_enabled (widget, "editor.duplicate-clause", clause);
  gtk_widget_action_set_enabled (widget, "editor.move-up", clause && index > 0);
  gtk_widget_action_set_enabled (widget, "editor.move-down",
                                 clause && (guint) index + 1 < self->tmpl->clauses->len);
  gtk_widget_action_set_enabled (widget, "editor.tag-elements", clause);
}

static void
step_history (EthosTemplateEditor *self,
              gboolean             undo)
{
  EthosTemplate *state = undo ? ethos_template_history_undo (self->history, self->tmpl)
                              : ethos_template_history_redo (self->history, self->tmpl);

  if (state != NULL)
    _ethos_template_editor_replace (self, state);
}

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  step_history (ETHOS_TEMPLATE_EDITOR (widget), g_str_equal (name, "editor.undo"));
}

static void
add_clause_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (widget);
  int index = self->selected ? ethos_template_clause_index (self->tmpl, self->selected) : -1;
  EthosClause *clause;

  _ethos_template_editor_record (self, NULL);
  /* After the clause shown, else at the end. */
  clause = ethos_template_add_clause (self->tmpl, index >= 0 ? index + 1 : -1);
  g_free (self->selected);
  self->selected = g_strdup (clause->id);
  _ethos_template_editor_changed (self, EDIT_STRUCTURE);
  if (self->headings[0] != NULL)
    gtk_widget_grab_focus (self->headings[0]);
}

static void
duplicate_clause_action (GtkWidget  *widget,
                         const char *name,
                         GVariant   *param)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (widget);
  g_autoptr(EthosTemplate) before = NULL;
  EthosClause *copy;

  if (self->selected == NULL)
    return;
  before = ethos_template_copy (self->tmpl);
  if (!(copy = ethos_template_duplicate_clause (self->tmpl, self->selected)))
    return;
  ethos_template_history_record (self->history, before, NULL, g_get_monotonic_time ());
  g_free (self->selected);
  self->selected = g_strdup (copy->id);
  _ethos_template_editor_changed (self, EDIT_STRUCTURE);
}

static void
delete_clause_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (widget);
  const EthosClause *clause;
  g_autofree char *text = NULL;
  int index;

  if (self->selected == NULL ||
      !(clause = ethos_template_get_clause (self->tmpl, self->selected)))
    return;
  index = ethos_template_clause_index (self->tmpl, self->selected);
  /* Translators: after deleting a clause: Deleted “Your right to stop” */
  text = g_strdup_printf (_("Deleted “%s”"),
                          ethos_forms_text (self->tmpl, clause->heading, self->ui_lang));
  _ethos_template_editor_record (self, NULL);
  ethos_template_remove_clause (self->tmpl, self->selected);
  g_free (self->selected);
  /* The next clause is shown, else the one before. */
  if (self->tmpl->clauses->len == 0)
    self->selected = NULL;
  else
    self->selected = g_strdup (((EthosClause *) g_ptr_array_index (
                                  self->tmpl->clauses,
                                  MIN ((guint) index, self->tmpl->clauses->len - 1)))->id);
  _ethos_template_editor_changed (self, EDIT_STRUCTURE);
  _ethos_template_editor_toast (self, text, "editor.undo");
}

static void
move_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  EthosTemplateEditor *self = ETHOS_TEMPLATE_EDITOR (widget);
  gboolean up = g_str_equal (name, "editor.move-up");
  int index = self->selected ? ethos_template_clause_index (self->tmpl, self->selected) : -1;
  GtkWidget *row;

  if (index < 0 || (up && index == 0) || (!up && (guint) index + 1 >= self->tmpl->clauses->len))
    return;
  _ethos_template_editor_record (self, NULL);
  ethos_template_move_clause (self->tmpl, self->selected, up ? index - 1 : index + 1);
  _ethos_template_editor_changed (self, EDIT_STRUCTURE);
  /* The keyboard stays on the clause that moved. */
  if ((row = ethos_template_editor_get_row (self, self->selected)) != NULL)
    gtk_widget_grab_focus (row);
}

static void
close_done_cb (EthosTemplateEditor *self,
               gboolean             may_close,
               gpointer             user_data)
{
  if (may_close)
    _ethos_template_editor_emit (self, FALSE);
}

static void
close_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  ethos_template_editor_confirm_close (ETHOS_TEMPLATE_EDITOR (widget), close_done_cb, NULL);
}

void
_ethos_editor_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.add-clause", NULL, add_clause_action);
  gtk_widget_class_install_action (widget_class, "editor.duplicate-clause", NULL,
                                   duplicate_clause_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-clause", NULL,
                                   delete_clause_action);
  gtk_widget_class_install_action (widget_class, "editor.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "editor.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, close_action);
  _ethos_editor_versions_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK,
                                       "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "editor.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "editor.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}
