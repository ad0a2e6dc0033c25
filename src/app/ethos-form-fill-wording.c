/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-form-fill"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-clause-editor.h"
#include "ethos-error.h"
#include "ethos-form-fill-private.h"
#include "ethos-forms-text.h"

/* The fill page's "Wording" group: the form's clauses, locked or with an
 * Edit button that rewords a clause for this one form (the template stays
 * as it is). */

GHashTable *
_ethos_form_fill_reworded_for (EthosFormFill *self,
                               const char    *lang,
                               gboolean       create)
{
  GHashTable *table = g_hash_table_lookup (self->reworded, lang);

  if (table == NULL && create)
    {
      table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (self->reworded, g_strdup (lang), table);
    }
  return table;
}

void
_ethos_form_fill_update_clause_rows (EthosFormFill *self)
{
  EthosTemplate *tmpl = ethos_form_job_get_template (self->job);
  GHashTable *reworded = _ethos_form_fill_reworded_for (self, self->lang, FALSE);

  for (guint i = 0; i < tmpl->clauses->len; i++)
    {
      const EthosClause *clause = g_ptr_array_index (tmpl->clauses, i);
      GtkWidget *row = g_hash_table_lookup (self->clause_rows, clause->id);

      if (row == NULL)
        continue;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ethos_forms_text (tmpl, clause->heading, self->lang));
      if (clause->locked)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     self->source == ETHOS_TEMPLATE_BUILTIN
                                       ? _("Locked: required wording")
                                       : _("Locked by your agency"));
      else if (reworded != NULL && g_hash_table_contains (reworded, clause->id))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Reworded for this form"));
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
    }
}

gboolean
ethos_form_fill_set_reworded (EthosFormFill  *self,
                              const char     *clause_id,
                              const char     *text,
                              GError        **error)
{
  EthosTemplate *tmpl;
  const EthosClause *clause;

  g_return_val_if_fail (ETHOS_IS_FORM_FILL (self) && clause_id != NULL, FALSE);

  tmpl = ethos_form_job_get_template (self->job);
  if (!(clause = ethos_template_get_clause (tmpl, clause_id)))
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND, _("The form “%s” has no clause “%s”"),
                   tmpl->id, clause_id);
      return FALSE;
    }
  if (clause->locked)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("The clause “%s” is locked: its wording cannot be changed"), clause_id);
      return FALSE;
    }
  if (text == NULL)
    {
      GHashTable *table = _ethos_form_fill_reworded_for (self, self->lang, FALSE);
      if (table != NULL)
        g_hash_table_remove (table, clause_id);
    }
  else
    {
      if (!ethos_template_check_text (tmpl, clause_id, text, error))
        return FALSE;
      g_hash_table_insert (_ethos_form_fill_reworded_for (self, self->lang, TRUE), g_strdup (clause_id),
                           g_strdup (text));
    }
  _ethos_form_fill_update_clause_rows (self);
  _ethos_form_fill_queue_relayout (self);
  return TRUE;
}

static void
editor_apply_cb (EthosClauseEditor *editor,
                 const char        *text,
                 EthosFormFill     *self)
{
  const char *clause_id = g_object_get_data (G_OBJECT (editor), "clause-id");

  /* The editor checked the text with the same core function. */
  ethos_form_fill_set_reworded (self, clause_id, text, NULL);
}

static void
edit_clicked_cb (GtkButton     *button,
                 EthosFormFill *self)
{
  const char *clause_id = g_object_get_data (G_OBJECT (button), "clause-id");
  EthosTemplate *tmpl = ethos_form_job_get_template (self->job);
  const EthosClause *clause = ethos_template_get_clause (tmpl, clause_id);
  GHashTable *reworded = _ethos_form_fill_reworded_for (self, self->lang, FALSE);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  EthosClauseEditor *editor;

  g_return_if_fail (clause != NULL && !clause->locked);
  editor = ethos_clause_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, tmpl,
                                    clause, self->lang,
                                    reworded ? g_hash_table_lookup (reworded, clause_id) : NULL);
  g_object_set_data_full (G_OBJECT (editor), "clause-id", g_strdup (clause_id), g_free);
  g_signal_connect_object (editor, "apply", G_CALLBACK (editor_apply_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

void
_ethos_form_fill_build_wording (EthosFormFill *self)
{
  EthosTemplate *tmpl = ethos_form_job_get_template (self->job);

  for (guint i = 0; i < tmpl->clauses->len; i++)
    {
      const EthosClause *clause = g_ptr_array_index (tmpl->clauses, i);
      GtkWidget *row;

      if (clause->hidden)
        continue;
      row = adw_action_row_new ();

      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      if (clause->locked)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

          gtk_widget_set_tooltip_text (icon, _("Counselors cannot change this clause"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Locked"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
      else
        {
          GtkWidget *button = gtk_button_new_with_label (_("Edit"));
          /* Translators: %s is a clause heading */
          g_autofree char *name = g_strdup_printf (_("Edit the wording of “%s” for this form"),
                                                   ethos_forms_text (tmpl, clause->heading,
                                                                     self->ui_lang));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_object_set_data_full (G_OBJECT (button), "clause-id", g_strdup (clause->id), g_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (edit_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          g_hash_table_insert (self->edit_buttons, g_strdup (clause->id), button);
        }
      g_hash_table_insert (self->clause_rows, g_strdup (clause->id), row);
      adw_preferences_group_add (self->wording_group, row);
    }
  _ethos_form_fill_update_clause_rows (self);
}
