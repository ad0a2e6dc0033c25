/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-coverage-report.h"
#include "ethos-forms-text.h"
#include "ethos-template-editor-private.h"

/* Beside the clauses: the coverage of every required element, with the
 * rules of ethos-cli coverage (the core's check), the marks it puts on the
 * clause list, and the live preview. */

static const struct { const char *field, *value; } samples[] = {
  { "client_name", "Alex Rivera" },
  { "client_dob", "1990-04-12" },
  { "professional_name", "Jordan Lee" },
  { "professional_credentials", "LPC" },
};

static const char *
heading_of (EthosTemplateEditor *self,
            const char          *clause_id)
{
  const EthosClause *clause = ethos_template_get_clause (self->tmpl, clause_id);
  const char *heading = clause ? ethos_forms_text (self->tmpl, clause->heading, self->ui_lang)
                               : NULL;

  return heading != NULL && *heading ? heading : clause_id;
}

/* "Your right to stop" or "Consent by a parent or guardian (only when …)". */
static char *
covering_text (EthosTemplateEditor      *self,
               const EthosCoverageEntry *entry)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; entry->clauses[i] != NULL; i++)
    {
      const EthosClause *clause = ethos_template_get_clause (self->tmpl, entry->clauses[i]);

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, heading_of (self, entry->clauses[i]));
      if (clause != NULL && clause->when != NULL)
        {
          g_autofree char *when = _ethos_template_editor_condition_label (self, clause->when);

          g_string_append_printf (text, " (%s)", when);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_caption (GtkWidget  *box,
             const char *text,
             const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_box_append (GTK_BOX (box), label);
}

static GtkWidget *
element_row (EthosTemplateEditor      *self,
             const EthosCoverageEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *id = gtk_label_new (entry->element->id);
  GtkWidget *icon;
  g_autofree char *status = NULL;
  g_autofree char *accessible = NULL;
  const char *icon_name, *style;
  const char *description = ethos_element_get_text (entry->element, self->ui_lang);

  switch (entry->status)
    {
    case ETHOS_COVERAGE_COVERED:
      icon_name = "object-select-symbolic";
      style = "success";
      if (entry->clauses[0] == NULL)
        /* An element carried by signature blocks or fields alone. */
        status = g_strdup (entry->element->signatures[0] != NULL
                           ? _("Covered: the form has the signature block it needs")
                           : _("Covered: the form prints the fields it needs"));
      else
        {
          g_autofree char *by = covering_text (self, entry);
          /* Translators: %s is one or more clause headings */
          status = g_strdup_printf (_("Covered by: %s"), by);
        }
      break;
    case ETHOS_COVERAGE_NEW:
      status = g_strdup_printf (_("New requirement, not covered yet: %s"), entry->problem);
      icon_name = "dialog-information-symbolic";
      style = "warning";
      break;
    case ETHOS_COVERAGE_UNCOVERED:
    case ETHOS_COVERAGE_UNLOCKED:
    default:
      status = g_strdup_printf (_("Not covered: %s"), entry->problem);
      icon_name = "dialog-warning-symbolic";
      style = "error";
      break;
    }

  gtk_widget_set_margin_top (hbox, 8);
  gtk_widget_set_margin_bottom (hbox, 8);
  gtk_widget_set_margin_start (hbox, 10);
  gtk_widget_set_margin_end (hbox, 10);
  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_add_css_class (icon, style);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  entry->status == ETHOS_COVERAGE_COVERED ? _("Covered")
                                                                          : _("Not covered"),
                                  -1);
  gtk_label_set_xalign (GTK_LABEL (id), 0);
  gtk_label_set_wrap (GTK_LABEL (id), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (id), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (id, "heading");
  gtk_box_append (GTK_BOX (vbox), id);
  add_caption (vbox, description, NULL);
  add_caption (vbox, status, entry->status == ETHOS_COVERAGE_COVERED ? "dim-label" : style);
  if (entry->element->when != NULL)
    {
      g_autofree char *when = _ethos_template_editor_condition_label (self,
                                                                       entry->element->when);
      /* Translators: an element that applies only under a condition: "Applies: Only when …" */
      g_autofree char *line = g_strdup_printf (_("Applies: %s"), when);

      add_caption (vbox, line, "dim-label");
    }
  gtk_widget_set_hexpand (vbox, TRUE);
  gtk_box_append (GTK_BOX (hbox), icon);
  gtk_box_append (GTK_BOX (hbox), vbox);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), hbox);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Translators: a coverage row for screen readers: "nohs-2#withdraw: Not covered: …" */
  accessible = g_strdup_printf (_("%s: %s. %s"), entry->element->id, status, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "element-id", g_strdup (entry->element->id), g_free);
  g_object_set_data (G_OBJECT (row), "status", GINT_TO_POINTER (entry->status));
  return row;
}

static GtkWidget *
standard_row (EthosTemplateEditor *self,
              const char          *standard)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *read = NULL;
  g_autofree char *title = ethos_coverage_standard_title (
    ethos_template_store_get_requirements (self->store), self->corpus, standard, self->ui_lang,
    &read);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "title-4");
  gtk_box_append (GTK_BOX (box), label);
  if (read != NULL)
    gtk_box_append (GTK_BOX (box), read);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

static gboolean
is_error (const EthosCoverageEntry *entry)
{
  return entry->status == ETHOS_COVERAGE_UNCOVERED || entry->status == ETHOS_COVERAGE_UNLOCKED;
}

static void
show_coverage (EthosTemplateEditor *self)
{
  GtkWidget *child;
  guint n_errors = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->coverage_list))) != NULL)
    gtk_list_box_remove (self->coverage_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->uncovered_list))) != NULL)
    gtk_list_box_remove (self->uncovered_list, child);

  for (guint s = 0; self->tmpl->requires[s] != NULL; s++)
    {
      gtk_list_box_append (self->coverage_list, standard_row (self, self->tmpl->requires[s]));
      for (guint i = 0; i < self->coverage->len; i++)
        {
          const EthosCoverageEntry *entry = g_ptr_array_index (self->coverage, i);

          if (g_strcmp0 (entry->element->standard, self->tmpl->requires[s]) != 0)
            continue;
          gtk_list_box_append (self->coverage_list, element_row (self, entry));
          if (is_error (entry))
            {
              n_errors++;
              gtk_list_box_append (self->uncovered_list, element_row (self, entry));
            }
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->uncovered_list), n_errors > 0);
  {
    g_autofree char *summary = ethos_forms_coverage_label (self->coverage->len, n_errors);
    gtk_label_set_label (self->coverage_summary, summary);
  }
}

/* The clause list's marks: what keeps a clause from covering what it is
 * tagged with, and what is missing from it. */
static void
mark_clauses (EthosTemplateEditor *self,
              GPtrArray           *problems)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->clause_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *id = g_object_get_data (G_OBJECT (row), "clause-id");
      GtkWidget *mark = g_object_get_data (G_OBJECT (row), "mark");
      const EthosClause *clause = id ? ethos_template_get_clause (self->tmpl, id) : NULL;
      g_autoptr(GString) why = g_string_new (NULL);

      if (clause == NULL || mark == NULL)
        continue;
      for (guint i = 0; i < self->coverage->len; i++)
        {
          const EthosCoverageEntry *entry = g_ptr_array_index (self->coverage, i);

          if (!is_error (entry) ||
              !(g_strv_contains ((const char * const *) clause->satisfies, entry->element->id) ||
                g_strv_contains ((const char * const *) entry->unlocked, clause->id)))
            continue;
          if (why->len > 0)
            g_string_append_c (why, '\n');
          /* Translators: on a clause's mark: "nohs-2#withdraw is not covered: …" */
          g_string_append_printf (why, _("%s is not covered: %s"), entry->element->id,
                                  entry->problem);
        }
      for (guint i = 0; i < problems->len; i++)
        {
          const EthosTemplateProblem *problem = g_ptr_array_index (problems, i);

          if (g_strcmp0 (problem->clause_id, clause->id) == 0)
            g_string_append_printf (why, "%s%s", why->len ? "\n" : "", problem->message);
        }
      gtk_widget_set_visible (mark, why->len > 0);
      gtk_widget_set_tooltip_text (mark, why->str);
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      why->str, -1);
    }
}

static void
show_problems (EthosTemplateEditor *self,
               GPtrArray           *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len && i < 6; i++)
    g_string_append_printf (text, "%s%s", i ? "\n" : "",
                            ((EthosTemplateProblem *) g_ptr_array_index (problems, i))->message);
  if (problems->len > 6)
    g_string_append_printf (text, "\n%s", _("…and more"));
  if (problems->len > 0)
    {
      g_autofree char *full = g_strdup_printf (_("Not ready to save (the draft keeps your "
                                                 "work):\n%s"), text->str);
      gtk_label_set_label (self->problems_label, full);
    }
  gtk_revealer_set_reveal_child (self->problems_revealer, problems->len > 0);
}

static void
show_reading (EthosTemplateEditor *self)
{
  EthosReadability r = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);

  if (ethos_template_has_language (self->tmpl, "en") &&
      ethos_template_reading_level (self->tmpl, NULL, "en", &r))
    g_string_append_printf (text, _("Reading level: grade %.1f in English%s"), r.score,
                            r.hard ? _(" (above grade 8)") : "");
  if (ethos_template_has_language (self->tmpl, "es") &&
      ethos_template_reading_level (self->tmpl, NULL, "es", &r))
    g_string_append_printf (text, _("%sINFLESZ %.0f in Spanish%s"), text->len ? " · " : "",
                            r.score, r.hard ? _(" (“algo difícil”)") : "");
  gtk_label_set_label (self->reading_summary, text->str);
}

static const char *
preview_language (EthosTemplateEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->preview_lang);

  if (selected < g_strv_length (self->tmpl->languages))
    return self->tmpl->languages[selected];
  return self->tmpl->languages[0];
}

static void
lay_out (EthosTemplateEditor *self)
{
  g_autoptr(EthosFormValues) values = ethos_form_values_new (self->tmpl);
  g_autoptr(GError) error = NULL;
  gboolean sample = gtk_drop_down_get_selected (self->preview_values) == 1;
  EthosFormRequest request = {
    .lang = preview_language (self),
    .paper = ETHOS_PAPER_LETTER,
    .blank = !sample,
    .preview = TRUE,
  };
  EthosFormPages *pages;
  EthosPaper paper;

  if (self->job == NULL)
    return;
  if (ethos_form_job_get_preferred_paper (self->job, &paper))
    request.paper = paper;
  else
    request.paper = ethos_paper_for_locale ();
  if (sample)
    for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
      if (ethos_template_get_field (self->tmpl, samples[i].field) != NULL)
        ethos_form_values_set (values, samples[i].field, samples[i].value, NULL);
  if ((pages = ethos_form_job_lay_out (self->job, values, &request, &error)))
    ethos_form_preview_set_pages (self->preview, pages);
  else
    ethos_form_preview_show_error (self->preview, error->message);
}

void
_ethos_editor_side_refresh (EthosTemplateEditor *self,
                            GPtrArray           *problems)
{

  g_clear_pointer (&self->coverage, g_ptr_array_unref);
  self->coverage = ethos_coverage_check (self->tmpl,
                                         ethos_template_store_get_requirements (self->store));
  show_coverage (self);
  mark_clauses (self, problems);
  show_problems (self, problems);
  show_reading (self);
  lay_out (self);
}

static void
preview_option_cb (EthosTemplateEditor *self)
{
  lay_out (self);
}

void
_ethos_editor_side_init (EthosTemplateEditor *self)
{
  g_autoptr(GtkStringList) values = gtk_string_list_new (NULL);

  gtk_string_list_append (values, _("Blank form"));
  gtk_string_list_append (values, _("Sample values"));
  gtk_drop_down_set_model (self->preview_values, G_LIST_MODEL (values));
  g_signal_connect_object (self->preview_lang, "notify::selected",
                           G_CALLBACK (preview_option_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview_values, "notify::selected",
                           G_CALLBACK (preview_option_cb), self, G_CONNECT_SWAPPED);
}

/* A new template object (opened, undo, redo): the preview's job is its. */
void
_ethos_editor_side_set_template (EthosTemplateEditor *self)
{
  g_autoptr(GtkStringList) langs = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->preview_lang);
  const char *before = NULL;

  if (self->job != NULL)
    before = preview_language (self);
  g_clear_pointer (&self->job, ethos_form_job_unref);
  if (!(self->job = ethos_form_job_new (self->tmpl, &error)))
    {
      ethos_form_preview_show_error (self->preview, error->message);
      return;
    }
  if (self->profile != NULL && !ethos_agency_profile_apply (self->profile, self->job, TRUE, &error))
    g_debug ("The preview is without the agency's logo: %s", error->message);
  if (self->code_labels == NULL && self->corpus != NULL)
    self->code_labels = ethos_corpus_get_code_labels (self->corpus, NULL);
  if (self->code_labels != NULL)
    ethos_form_job_set_code_labels (self->job, self->code_labels);

  selected = 0;
  for (guint i = 0; self->tmpl->languages[i] != NULL; i++)
    {
      gtk_string_list_append (langs, ethos_template_language_name (self->tmpl->languages[i]));
      if (g_strcmp0 (before, self->tmpl->languages[i]) == 0 ||
          (before == NULL && g_str_equal (self->tmpl->languages[i], self->ui_lang)))
        selected = i;
    }
  g_signal_handlers_block_by_func (self->preview_lang, preview_option_cb, self);
  gtk_drop_down_set_model (self->preview_lang, G_LIST_MODEL (langs));
  gtk_drop_down_set_selected (self->preview_lang, selected);
  g_signal_handlers_unblock_by_func (self->preview_lang, preview_option_cb, self);
}
