/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-coverage-report"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-coverage-report.h"
#include "ethos-coverage.h"
#include "ethos-forms-text.h"
#include "ethos-item-row.h"

struct _EthosCoverageReport
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;
  GtkLabel          *details_label;
  GtkLabel          *origin_label;
  GtkWidget         *status_box;
  GtkImage          *status_icon;
  GtkLabel          *status_label;
  GtkBox            *groups_box;
};

G_DEFINE_FINAL_TYPE (EthosCoverageReport, ethos_coverage_report, GTK_TYPE_WIDGET)

static void
set_status (GtkWidget  *box,
            GtkImage   *icon,
            GtkLabel   *label,
            guint       n_elements,
            guint       n_uncovered)
{
  g_autofree char *text = ethos_forms_coverage_label (n_elements, n_uncovered);
  gboolean covered = n_uncovered == 0;

  gtk_image_set_from_icon_name (icon, covered ? "object-select-symbolic"
                                              : "dialog-warning-symbolic");
  gtk_label_set_label (label, text);
  gtk_widget_remove_css_class (box, covered ? "error" : "success");
  gtk_widget_add_css_class (box, covered ? "success" : "error");
}

/* A row for the report's groups: a title and lines under it. */
static GtkWidget *
row_new (const char  *title,
         GtkWidget  **hbox,
         GtkWidget  **vbox)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (title);

  *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (*hbox, 10);
  gtk_widget_set_margin_bottom (*hbox, 10);
  gtk_widget_set_margin_start (*hbox, 12);
  gtk_widget_set_margin_end (*hbox, 12);
  gtk_widget_set_hexpand (*vbox, TRUE);
  gtk_widget_set_valign (*vbox, GTK_ALIGN_CENTER);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (*vbox), label);
  gtk_box_append (GTK_BOX (*hbox), *vbox);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), *hbox);
  return row;
}

static void
add_line (GtkWidget  *vbox,
          const char *text,
          const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, style);
  gtk_box_append (GTK_BOX (vbox), label);
}

static void
add_icon (GtkWidget  *hbox,
          const char *icon_name,
          const char *style,
          const char *description)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_box_prepend (GTK_BOX (hbox), icon);
}

static GtkWidget *
element_row (const EthosTemplate      *tmpl,
             const EthosCoverageEntry *entry,
             const char               *lang)
{
  GtkWidget *hbox, *vbox;
  GtkWidget *row = row_new (ethos_element_get_text (entry->element, lang), &hbox, &vbox);
  g_autofree char *condition = ethos_forms_condition_label (tmpl, entry->element->when, lang);

  if (entry->status == ETHOS_COVERAGE_COVERED)
    {
      g_autoptr(GPtrArray) headings = g_ptr_array_new ();
      g_autofree char *joined = NULL;
      g_autofree char *line = NULL;

      for (guint i = 0; entry->clauses[i] != NULL; i++)
        {
          const EthosClause *clause = ethos_template_get_clause (tmpl, entry->clauses[i]);
          const char *heading = clause ? ethos_forms_text (tmpl, clause->heading, lang)
                                       : entry->clauses[i];
          /* A pair of complementary clauses may be listed more than once. */
          if (!g_ptr_array_find_with_equal_func (headings, heading, g_str_equal, NULL))
            g_ptr_array_add (headings, (gpointer) heading);
        }
      g_ptr_array_add (headings, NULL);
      joined = g_strjoinv (" · ", (char **) headings->pdata);
      /* Translators: %s is one or more clause headings of the form */
      line = g_strdup_printf (_("Covered by: %s"), joined);
      add_line (vbox, line, "dim-label");
      add_icon (hbox, "object-select-symbolic", "success", _("Covered"));
    }
  else if (entry->status == ETHOS_COVERAGE_NEW)
    {
      /* Translators: %s says what is missing */
      g_autofree char *why = g_strdup_printf (_("Not covered: %s"), entry->problem);

      add_line (vbox, why, "warning");
      add_line (vbox, _("New since this template was made: adopt it when you next edit the "
                        "template"), "warning");
      add_icon (hbox, "dialog-information-symbolic", "warning", _("New requirement"));
    }
  else
    {
      /* Translators: why a required element of a form is not covered; %s
       * says what is missing, e.g. "no clause carries it whenever it applies" */
      g_autofree char *why = g_strdup_printf (_("Not covered: %s"), entry->problem);

      add_line (vbox, why, "error");
      add_icon (hbox, "dialog-warning-symbolic", "error",
                entry->status == ETHOS_COVERAGE_UNLOCKED ? _("Only in unlocked clauses")
                                                         : _("Not covered"));
    }
  if (condition != NULL)
    add_line (vbox, condition, "dim-label");
  return row;
}

static GtkWidget *
read_button (const EthosItem *item,
             const char      *title)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  /* Translators: a button that opens a standard in the Codes view; %s is
   * e.g. "NOHS Standard 2" */
  g_autofree char *tooltip = g_strdup_printf (_("Read %s in Codes"), title);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "accessories-dictionary-symbolic");
  /* Translators: a button that opens a standard in the Codes view */
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Read"));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  /* The content makes the button labelled by its "Read" too, which a
   * screen reader then hears after the name ("… in Codes Read"). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)", item->code, item->ref);
  return button;
}

char *
ethos_coverage_standard_title (EthosRequirements  *reqs,
                               EthosCorpus        *corpus,
                               const char         *standard,
                               const char         *lang,
                               GtkWidget         **read)
{
  g_autofree char *code = NULL;
  g_autofree char *ref = NULL;
  g_autoptr(EthosCodeInfo) info = NULL;
  g_autoptr(EthosItem) item = NULL;
  char *title = NULL;
  const EthosStandard *source = ethos_requirements_get_source (reqs, standard);

  if (read != NULL)
    *read = NULL;
  /* Regulations and practice checklists are not ethics standards: never
   * linked into the codes. */
  if (source != NULL && source->kind != ETHOS_SOURCE_CODE)
    return g_strdup_printf (source->kind == ETHOS_SOURCE_REGULATION
                            /* Translators: a checklist from a law, e.g. "Regulation: HIPAA…" */
                            ? _("Regulation: %s")
                            /* Translators: a checklist from practice guidelines */
                            : _("Practice checklist: %s"),
                            ethos_standard_get_title (source, lang));
  if (corpus != NULL && ethos_forms_split_standard (standard, &code, &ref) &&
      (info = ethos_corpus_get_code (corpus, code, NULL)) != NULL)
    item = ethos_corpus_get_item (corpus, code, ref, NULL);
  if (item == NULL)
    return g_strdup (standard);
  {
    g_autofree char *code_label = ethos_forms_code_label (info->id);
    g_autofree char *item_title = ethos_item_row_title (item, info);

    /* Translators: a standard: "NOHS" and "Standard 2" */
    title = g_strdup_printf (_("%s %s"), code_label, item_title);
  }
  if (read != NULL)
    *read = read_button (item, title);
  return title;
}

static GtkWidget *
standard_group (const EthosTemplate *tmpl,
                EthosRequirements   *reqs,
                const char          *standard,
                GPtrArray           *coverage,
                EthosCorpus         *corpus,
                const char          *lang)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *read = NULL;
  g_autofree char *title = ethos_coverage_standard_title (reqs, corpus, standard, lang, &read);
  g_autofree char *description = NULL;
  guint n = 0, n_uncovered = 0;

  if (read != NULL)
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), read);

  for (guint i = 0; i < coverage->len; i++)
    {
      const EthosCoverageEntry *entry = g_ptr_array_index (coverage, i);

      if (g_ascii_strcasecmp (entry->element->standard, standard) != 0)
        continue;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), element_row (tmpl, entry, lang));
      n++;
      n_uncovered += entry->status == ETHOS_COVERAGE_UNCOVERED ||
                     entry->status == ETHOS_COVERAGE_UNLOCKED;
    }

  description = ethos_forms_coverage_label (n, n_uncovered);
  {
    g_autofree char *escaped_title = g_markup_escape_text (title, -1);
    g_autofree char *escaped_description = g_markup_escape_text (description, -1);

    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped_title);
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped_description);
  }
  return group;
}

static GtkWidget *
locked_badge (void)
{
  GtkWidget *badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (_("Locked"));

  gtk_box_append (GTK_BOX (badge), gtk_image_new_from_icon_name ("changes-prevent-symbolic"));
  gtk_box_append (GTK_BOX (badge), label);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "locked-badge");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_tooltip_text (badge, _("Counselors cannot edit or hide this clause"));
  return badge;
}

static GtkWidget *
clauses_group (const EthosTemplate *tmpl,
               const char          *lang)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Clauses"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("In the order they appear on the form"));
  for (guint i = 0; i < tmpl->clauses->len; i++)
    {
      const EthosClause *clause = g_ptr_array_index (tmpl->clauses, i);
      g_autofree char *condition = NULL;
      GtkWidget *hbox, *vbox;
      GtkWidget *row;

      if (clause->hidden)
        continue;
      condition = ethos_forms_condition_label (tmpl, clause->when, lang);
      row = row_new (ethos_forms_text (tmpl, clause->heading, lang), &hbox, &vbox);

      /* As tall as the locked badge, so that rows with and without it match. */
      gtk_widget_set_size_request (vbox, -1, 24);
      if (condition != NULL)
        add_line (vbox, condition, "dim-label");
      if (clause->locked)
        gtk_box_append (GTK_BOX (hbox), locked_badge ());
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static void
ethos_coverage_report_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ETHOS_TYPE_COVERAGE_REPORT);

  G_OBJECT_CLASS (ethos_coverage_report_parent_class)->dispose (object);
}

static void
ethos_coverage_report_class_init (EthosCoverageReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_coverage_report_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-coverage-report.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosCoverageReport, scroller);
  gtk_widget_class_bind_template_child (widget_class, EthosCoverageReport, title_label);
  gtk_widget_class_bind_template_child (widget_class, EthosCoverageReport, details_label);
  gtk_widget_class_bind_template_child (widget_class, EthosCoverageReport, origin_label);
  gtk_widget_class_bind_template_child (widget_class, EthosCoverageReport, status_box);
  gtk_widget_class_bind_template_child (widget_class, EthosCoverageReport, status_icon);
  gtk_widget_class_bind_template_child (widget_class, EthosCoverageReport, status_label);
  gtk_widget_class_bind_template_child (widget_class, EthosCoverageReport, groups_box);
}

static void
ethos_coverage_report_init (EthosCoverageReport *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
ethos_coverage_report_show (EthosCoverageReport      *self,
                            const EthosTemplateEntry *entry,
                            EthosRequirements        *reqs,
                            EthosCorpus              *corpus,
                            const char               *lang)
{
  const EthosTemplate *tmpl;
  g_autoptr(GPtrArray) coverage = NULL;
  g_auto(GStrv) uncovered = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *details = NULL;
  GtkWidget *child;

  g_return_if_fail (ETHOS_IS_COVERAGE_REPORT (self));
  g_return_if_fail (entry != NULL && reqs != NULL && lang != NULL);

  tmpl = entry->tmpl;
  coverage = ethos_coverage_check (tmpl, reqs);
  uncovered = ethos_coverage_uncovered (coverage);
  languages = ethos_forms_languages_label (tmpl);
  /* Translators: a form template's version, languages and where it comes
   * from: "Version 1.0 · English, Spanish · Built-in" */
  details = g_strdup_printf (_("Version %s · %s · %s"), tmpl->version, languages,
                             ethos_forms_source_label (entry->source));

  gtk_label_set_label (self->title_label, ethos_forms_text (tmpl, tmpl->title, lang));
  gtk_label_set_label (self->details_label, details);
  if (entry->source == ETHOS_TEMPLATE_SYSTEM || entry->source == ETHOS_TEMPLATE_SHARED)
    {
      /* Translators: %s is the template file's path */
      g_autofree char *origin = g_strdup_printf (_("From %s"), entry->origin);
      gtk_label_set_label (self->origin_label, origin);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->origin_label),
                          entry->source == ETHOS_TEMPLATE_SYSTEM ||
                          entry->source == ETHOS_TEMPLATE_SHARED);
  set_status (self->status_box, self->status_icon, self->status_label, coverage->len,
              g_strv_length (uncovered));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  for (guint i = 0; tmpl->requires[i] != NULL; i++)
    gtk_box_append (self->groups_box,
                    standard_group (tmpl, reqs, tmpl->requires[i], coverage, corpus, lang));
  gtk_box_append (self->groups_box, clauses_group (tmpl, lang));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}
