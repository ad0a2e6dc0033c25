/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-forms-text.h"
#include "ethos-template-editor-private.h"

/* The clause list: a row per clause, with what applies to it and its
 * marks; drag and drop to reorder (Alt+Up/Down from the keyboard: the
 * editor's actions). */

static char *
row_caption (EthosTemplateEditor *self,
             const EthosClause   *clause)
{
  GString *caption = g_string_new (NULL);

  if (clause->locked)
    g_string_append (caption, _("Locked"));
  if (clause->hidden)
    g_string_append_printf (caption, "%s%s", caption->len ? " · " : "", _("Hidden"));
  if (clause->when != NULL)
    {
      g_autofree char *when = _ethos_template_editor_condition_label (self, clause->when);
      g_string_append_printf (caption, "%s%s", caption->len ? " · " : "", when);
    }
  if (caption->len == 0)
    g_string_append (caption, _("Unlocked: counselors may reword it"));
  return g_string_free (caption, FALSE);
}

static const char *
clause_heading (EthosTemplateEditor *self,
                const EthosClause   *clause)
{
  const char *heading = ethos_forms_text (self->tmpl, clause->heading, self->ui_lang);

  return heading != NULL && *heading != '\0' ? heading : _("New clause");
}

/* The row's labels and marks, from the clause as it is now. */
static void
update_row (EthosTemplateEditor *self,
            GtkWidget           *row,
            const EthosClause   *clause)
{
  GtkLabel *title = g_object_get_data (G_OBJECT (row), "title");
  GtkLabel *caption = g_object_get_data (G_OBJECT (row), "caption");
  g_autofree char *text = row_caption (self, clause);
  g_autofree char *accessible = NULL;
  const char *heading = clause_heading (self, clause);

  gtk_label_set_label (title, heading);
  gtk_label_set_label (caption, text);
  gtk_widget_set_opacity (GTK_WIDGET (title), clause->hidden ? 0.55 : 1.0);
  /* Translators: a clause's row: its heading, then what applies: "Your right to stop, Locked" */
  accessible = g_strdup_printf (_("%s, %s"), heading, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "clause-id");
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, (int) x, (int) y);
  return gdk_content_provider_new_typed (G_TYPE_STRING, id);
}

static gboolean
drop_cb (GtkDropTarget       *target,
         const GValue        *value,
         double               x,
         double               y,
         EthosTemplateEditor *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const char *dragged = g_value_get_string (value);
  const char *onto = g_object_get_data (G_OBJECT (row), "clause-id");
  int to;

  if (dragged == NULL || onto == NULL || g_str_equal (dragged, onto) ||
      ethos_template_get_clause (self->tmpl, dragged) == NULL)
    return FALSE;
  to = ethos_template_clause_index (self->tmpl, onto);
  /* Dropped on the lower half of a row: after it. */
  if (y > gtk_widget_get_height (row) / 2.0 &&
      ethos_template_clause_index (self->tmpl, dragged) > to)
    to++;
  else if (y <= gtk_widget_get_height (row) / 2.0 &&
           ethos_template_clause_index (self->tmpl, dragged) < to)
    to--;
  _ethos_template_editor_record (self, NULL);
  ethos_template_move_clause (self->tmpl, dragged, to);
  g_free (self->selected);
  self->selected = g_strdup (dragged);
  _ethos_template_editor_changed (self, EDIT_STRUCTURE);
  return TRUE;
}

static GtkWidget *
clause_row (EthosTemplateEditor *self,
            const EthosClause   *clause)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);
  GtkWidget *mark = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (handle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Drag to reorder (or Alt+Up, Alt+Down)"), -1);
  gtk_widget_set_tooltip_text (handle, _("Drag to reorder (or Alt+Up, Alt+Down)"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_visible (mark, FALSE);
  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (mark, "warning");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), caption);
  gtk_box_append (GTK_BOX (box), handle);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "clause-id", g_strdup (clause->id), g_free);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "caption", caption);
  g_object_set_data (G_OBJECT (row), "mark", mark);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect_object (drag, "prepare", G_CALLBACK (drag_prepare_cb), row, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));
  update_row (self, row, clause);
  return row;
}

static GtkWidget *
details_row (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("document-properties-symbolic");
  GtkWidget *label = gtk_label_new (_("Title, Standards, Fields and Signatures"));

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Title, standards, fields and signatures"), -1);
  return row;
}

void
_ethos_editor_list_select (EthosTemplateEditor *self)
{
  GtkListBoxRow *row = self->selected != NULL
    ? GTK_LIST_BOX_ROW (ethos_template_editor_get_row (self, self->selected))
    : gtk_list_box_get_row_at_index (self->clause_list, 0);

  self->loading = TRUE;
  gtk_list_box_select_row (self->clause_list, row);
  self->loading = FALSE;
}

void
_ethos_editor_list_rebuild (EthosTemplateEditor *self)
{
  GtkWidget *child;

  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->clause_list))) != NULL)
    gtk_list_box_remove (self->clause_list, child);
  gtk_list_box_append (self->clause_list, details_row ());
  for (guint i = 0; i < self->tmpl->clauses->len; i++)
    gtk_list_box_append (self->clause_list,
                         clause_row (self, g_ptr_array_index (self->tmpl->clauses, i)));
  self->loading = FALSE;
  _ethos_editor_list_select (self);
}

void
_ethos_editor_list_update (EthosTemplateEditor *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->clause_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *id = g_object_get_data (G_OBJECT (row), "clause-id");
      const EthosClause *clause = id ? ethos_template_get_clause (self->tmpl, id) : NULL;

      if (clause != NULL)
        update_row (self, row, clause);
    }
}

