/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-form-fill"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-coverage.h"
#include "ethos-form-fill-private.h"
#include "ethos-forms-text.h"
#include "ethos-pdf-batch.h"

G_DEFINE_FINAL_TYPE (EthosFormFill, ethos_form_fill, GTK_TYPE_WIDGET)

static const char *
language_name (const char *lang)
{
  /* Each language by its own name, as language pickers do. */
  if (g_str_equal (lang, "en"))
    return "English";
  if (g_str_equal (lang, "es"))
    return "Español";
  return lang;
}

void
ethos_form_fill_get_request (EthosFormFill    *self,
                             EthosFormRequest *request)
{
  GHashTable *reworded;

  g_return_if_fail (ETHOS_IS_FORM_FILL (self) && request != NULL);

  reworded = _ethos_form_fill_reworded_for (self, self->lang, FALSE);
  *request = (EthosFormRequest) {
    .lang = self->lang,
    .paper = self->paper,
    .blank = self->blank,
    .large_print = self->large_print,
    .reworded = reworded != NULL && g_hash_table_size (reworded) > 0 ? reworded : NULL,
  };
}

/* What the counselor should know before printing (the core's words): a
 * minor's form with nobody named to consent for them. */
static void
update_notices (EthosFormFill *self)
{
  EthosFormOptions options = { .lang = self->lang, .blank = self->blank };
  g_auto(GStrv) warnings = ethos_form_get_warnings (ethos_form_job_get_template (self->job),
                                                    ethos_form_fields_get_values (self->fields),
                                                    &options);
  g_autofree char *text = g_strjoinv ("\n", warnings);

  gtk_label_set_label (self->notice_label, text);
  gtk_revealer_set_reveal_child (self->notice_revealer, warnings[0] != NULL);
}

static gboolean
relayout_cb (gpointer data)
{
  EthosFormFill *self = data;
  g_autoptr(GError) error = NULL;
  EthosFormRequest request;
  EthosFormPages *pages;

  self->relayout_id = 0;
  update_notices (self);
  ethos_form_fill_get_request (self, &request);
  request.preview = TRUE;
  pages = ethos_form_job_lay_out (self->job, ethos_form_fields_get_values (self->fields),
                                  &request, &error);
  if (pages != NULL)
    ethos_form_preview_set_pages (self->preview, pages);
  else
    ethos_form_preview_show_error (self->preview, error->message);
  return G_SOURCE_REMOVE;
}

/* Off the keystroke: the layout runs once the main loop is idle, once for a
 * burst of changes. */
void
_ethos_form_fill_queue_relayout (EthosFormFill *self)
{
  if (self->relayout_id == 0)
    self->relayout_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, relayout_cb, self, NULL);
}

void
ethos_form_fill_update_now (EthosFormFill *self)
{
  g_return_if_fail (ETHOS_IS_FORM_FILL (self));

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  relayout_cb (self);
}

/* The professional's name and credentials are not client data: remembered
 * for the next form. */
static void
remember_professional (EthosFormFill *self)
{
  static const char * const keys[][2] = {
    { "professional_name", "professional-name" },
    { "professional_credentials", "professional-credentials" },
  };
  EthosFormValues *values = ethos_form_fields_get_values (self->fields);

  if (self->settings == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *value = ethos_form_values_get (values, keys[i][0]);
      g_autofree char *stored = g_settings_get_string (self->settings, keys[i][1]);

      if (ethos_form_fields_get_row (self->fields, keys[i][0]) != NULL &&
          g_strcmp0 (value ? value : "", stored) != 0)
        g_settings_set_string (self->settings, keys[i][1], value ? value : "");
    }
}

static void
fields_changed_cb (EthosFormFill *self)
{
  /* Clear Form empties the fields; what is remembered stays. */
  if (!self->clearing)
    remember_professional (self);
  _ethos_form_fill_queue_relayout (self);
}

static void
build_options (EthosFormFill *self)
{
  EthosTemplate *tmpl = ethos_form_job_get_template (self->job);
  g_autoptr(GtkStringList) langs = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) papers = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; tmpl->languages[i] != NULL; i++)
    {
      gtk_string_list_append (langs, language_name (tmpl->languages[i]));
      if (g_str_equal (tmpl->languages[i], self->lang))
        selected = i;
    }
  adw_combo_row_set_model (self->lang_row, G_LIST_MODEL (langs));
  adw_combo_row_set_selected (self->lang_row, selected);

  gtk_string_list_append (papers, _("Letter"));
  gtk_string_list_append (papers, _("A4"));
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (papers));
  adw_combo_row_set_selected (self->paper_row, self->paper == ETHOS_PAPER_A4 ? 1 : 0);
}

static void
lang_selected_cb (EthosFormFill *self)
{
  EthosTemplate *tmpl = ethos_form_job_get_template (self->job);
  guint selected = adw_combo_row_get_selected (self->lang_row);

  if (selected < g_strv_length (tmpl->languages))
    ethos_form_fill_set_lang (self, tmpl->languages[selected]);
}

static void
paper_selected_cb (EthosFormFill *self)
{
  ethos_form_fill_set_paper (self, adw_combo_row_get_selected (self->paper_row) == 1
                                     ? ETHOS_PAPER_A4 : ETHOS_PAPER_LETTER);
}

static void
blank_cb (EthosFormFill *self)
{
  ethos_form_fill_set_blank (self, gtk_switch_get_active (self->blank_switch));
}

static void
large_cb (EthosFormFill *self)
{
  ethos_form_fill_set_large_print (self, gtk_switch_get_active (self->large_switch));
}

/* "NOHS 2 (the right to stop at any time) · …" for the warning bar. */
static char *
uncovered_text (EthosFormFill     *self,
                EthosRequirements *reqs)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; self->uncovered[i] != NULL; i++)
    {
      const EthosElement *element = ethos_requirements_get_element (reqs, self->uncovered[i]);
      g_autofree char *code = NULL, *ref = NULL, *code_label = NULL;

      if (i > 0)
        g_string_append (text, " · ");
      if (element == NULL)
        {
          g_string_append (text, self->uncovered[i]);
          continue;
        }
      if (ethos_forms_split_standard (element->standard, &code, &ref))
        code_label = ethos_forms_code_label (code);
      /* Translators: an uncovered requirement: "NOHS 2: The right to withdraw" */
      g_string_append_printf (text, _("%s %s: %s"), code_label ? code_label : element->standard,
                              ref ? ref : "", ethos_element_get_text (element, self->ui_lang));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_warning (EthosFormFill     *self,
              EthosRequirements *reqs)
{
  g_autoptr(GPtrArray) coverage = ethos_coverage_check (ethos_form_job_get_template (self->job),
                                                        reqs);
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;

  self->uncovered = ethos_coverage_uncovered (coverage);
  if (self->uncovered[0] == NULL)
    return;
  list = uncovered_text (self, reqs);
  /* Translators: above the preview of a form that misses required elements */
  text = g_strdup_printf (_("This form does not cover everything its standards require: %s"),
                          list);
  gtk_label_set_label (self->warning_label, text);
  gtk_revealer_set_reveal_child (self->warning_revealer, TRUE);
}

static EthosPaper
default_paper (EthosFormFill *self)
{
  g_autofree char *setting = self->settings ? g_settings_get_string (self->settings,
                                                                     "paper-size") : NULL;
  EthosPaper paper;

  if (setting != NULL && ethos_paper_from_name (setting, &paper) && paper != ETHOS_PAPER_LEGAL)
    return paper;
  /* The agency profile's paper, else the locale's. */
  if (ethos_form_job_get_preferred_paper (self->job, &paper) && paper != ETHOS_PAPER_LEGAL)
    return paper;
  return ethos_paper_for_locale ();
}

/* The agency's values, and the professional remembered from last time. */
static GHashTable *
current_defaults (EthosFormFill *self)
{
  GHashTable *defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTable *agency = ethos_form_job_get_defaults (self->job);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, agency);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (defaults, g_strdup (key), g_strdup (value));
  /* The form's date is today unless changed: shown, not only printed. */
  if (ethos_template_get_field (ethos_form_job_get_template (self->job), "date") != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_hash_table_insert (defaults, g_strdup ("date"), g_date_time_format (now, "%Y-%m-%d"));
    }
  if (self->settings != NULL)
    {
      g_hash_table_insert (defaults, g_strdup ("professional_name"),
                           g_settings_get_string (self->settings, "professional-name"));
      g_hash_table_insert (defaults, g_strdup ("professional_credentials"),
                           g_settings_get_string (self->settings, "professional-credentials"));
    }
  return defaults;
}

static void
ethos_form_fill_dispose (GObject *object)
{
  EthosFormFill *self = ETHOS_FORM_FILL (object);

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ETHOS_TYPE_FORM_FILL);
  self->fields = NULL;
  g_clear_pointer (&self->reworded, g_hash_table_unref);
  g_clear_pointer (&self->edit_buttons, g_hash_table_unref);
  g_clear_pointer (&self->clause_rows, g_hash_table_unref);
  g_clear_pointer (&self->job, ethos_form_job_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ethos_form_fill_parent_class)->dispose (object);
}

static void
ethos_form_fill_finalize (GObject *object)
{
  EthosFormFill *self = ETHOS_FORM_FILL (object);

  g_strfreev (self->uncovered);
  g_free (self->lang);

  G_OBJECT_CLASS (ethos_form_fill_parent_class)->finalize (object);
}

static void
ethos_form_fill_class_init (EthosFormFillClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_form_fill_dispose;
  object_class->finalize = ethos_form_fill_finalize;

  g_type_ensure (ETHOS_TYPE_FORM_PREVIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* A landmark for screen readers: the form, by its title. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-form-fill.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosFormFill, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EthosFormFill, fields_pane);
  gtk_widget_class_bind_template_child (widget_class, EthosFormFill, fields_box);
  gtk_widget_class_bind_template_child (widget_class, EthosFormFill, preview_pane);
  gtk_widget_class_bind_template_child (widget_class, EthosFormFill, lang_row);
  gtk_widget_class_bind_template_child (widget_class, EthosFormFill, paper_row);
  gtk_widget_class_bind_template_child (widget_class, EthosFormFill, blank_switch);
  gtk_widget_class_bind_template_child (widget_class, EthosFormFill, large_switch);
  gtk_widget_class_bind_template_child (widget_class, EthosFormFill, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, EthosFormFill, notice_label);
  gtk_widget_class_bind_template_child (widget_class, EthosFormFill, wording_group);
  gtk_widget_class_bind_template_child (widget_class, EthosFormFill, warning_revealer);
  gtk_widget_class_bind_template_child (widget_class, EthosFormFill, warning_label);
  gtk_widget_class_bind_template_child (widget_class, EthosFormFill, preview);
}

static void
ethos_form_fill_init (EthosFormFill *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->reworded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_hash_table_unref);
  self->edit_buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->clause_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

EthosFormFill *
ethos_form_fill_new (EthosFormJob        *job,
                     EthosTemplateSource  source,
                     EthosRequirements   *reqs,
                     GSettings           *settings,
                     const char          *ui_lang)
{
  EthosFormFill *self;
  EthosTemplate *tmpl;
  g_autoptr(GHashTable) defaults = NULL;

  g_return_val_if_fail (job != NULL && reqs != NULL && ui_lang != NULL, NULL);

  self = g_object_new (ETHOS_TYPE_FORM_FILL, NULL);
  self->job = ethos_form_job_ref (job);
  self->source = source;
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  self->ui_lang = ui_lang;
  tmpl = ethos_form_job_get_template (job);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ethos_forms_text (tmpl, tmpl->title, ui_lang), -1);
  /* The agency's form language, else the counselor's, else the template's first. */
  {
    const char *agency = ethos_form_job_get_preferred_language (job);

    if (agency != NULL && ethos_template_has_language (tmpl, agency))
      self->lang = g_strdup (agency);
    else
      self->lang = g_strdup (ethos_template_has_language (tmpl, ui_lang) ? ui_lang
                                                                          : tmpl->languages[0]);
  }
  self->paper = default_paper (self);

  build_options (self);
  self->fields = ethos_form_fields_new (tmpl, ui_lang);
  gtk_box_insert_child_after (self->fields_box, GTK_WIDGET (self->fields),
                              gtk_widget_get_first_child (GTK_WIDGET (self->fields_box)));
  _ethos_form_fill_build_wording (self);
  show_warning (self, reqs);

  defaults = current_defaults (self);
  ethos_form_fields_set_defaults (self->fields, defaults);

  g_signal_connect_object (self->fields, "changed", G_CALLBACK (fields_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lang_row, "notify::selected", G_CALLBACK (lang_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->paper_row, "notify::selected", G_CALLBACK (paper_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->blank_switch, "notify::active", G_CALLBACK (blank_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->large_switch, "notify::active", G_CALLBACK (large_cb), self,
                           G_CONNECT_SWAPPED);
  ethos_form_fill_update_now (self);
  return self;
}

void
ethos_form_fill_set_agency (EthosFormFill            *self,
                            const EthosAgencyProfile *profile)
{
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GError) error = NULL;
  EthosFormValues *values;

  g_return_if_fail (ETHOS_IS_FORM_FILL (self) && profile != NULL);

  before = g_hash_table_ref (ethos_form_job_get_defaults (self->job));
  if (!ethos_agency_profile_apply (profile, self->job, TRUE, &error))
    g_warning ("The agency profile was not applied: %s", error->message);
  /* A field still holding the old default takes the new one; what the
   * counselor typed stays. */
  values = ethos_form_fields_get_values (self->fields);
  for (guint i = 0; ethos_agency_fields[i] != NULL; i++)
    {
      const char *field = ethos_agency_fields[i];
      const char *now = ethos_form_values_get (values, field);
      const char *next = g_hash_table_lookup (ethos_form_job_get_defaults (self->job), field);

      if (ethos_template_get_field (ethos_form_job_get_template (self->job), field) == NULL ||
          (now != NULL && g_strcmp0 (now, g_hash_table_lookup (before, field)) != 0))
        continue;
      ethos_form_fields_set_text (self->fields, field, next != NULL ? next : "");
    }
  _ethos_form_fill_queue_relayout (self);
}

EthosTemplate *
ethos_form_fill_get_template (EthosFormFill *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_FILL (self), NULL);
  return ethos_form_job_get_template (self->job);
}

EthosFormFields *
ethos_form_fill_get_fields (EthosFormFill *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_FILL (self), NULL);
  return self->fields;
}

EthosFormPreview *
ethos_form_fill_get_preview (EthosFormFill *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_FILL (self), NULL);
  return self->preview;
}

const char *
ethos_form_fill_get_lang (EthosFormFill *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_FILL (self), NULL);
  return self->lang;
}

void
ethos_form_fill_set_lang (EthosFormFill *self,
                          const char    *lang)
{
  EthosTemplate *tmpl;

  g_return_if_fail (ETHOS_IS_FORM_FILL (self) && lang != NULL);

  tmpl = ethos_form_job_get_template (self->job);
  if (!ethos_template_has_language (tmpl, lang) || g_str_equal (lang, self->lang))
    return;
  g_free (self->lang);
  self->lang = g_strdup (lang);
  for (guint i = 0; tmpl->languages[i] != NULL; i++)
    if (g_str_equal (tmpl->languages[i], lang) && adw_combo_row_get_selected (self->lang_row) != i)
      adw_combo_row_set_selected (self->lang_row, i);
  _ethos_form_fill_update_clause_rows (self);
  _ethos_form_fill_queue_relayout (self);
}

void
ethos_form_fill_set_paper (EthosFormFill *self,
                           EthosPaper     paper)
{
  g_return_if_fail (ETHOS_IS_FORM_FILL (self));

  if (paper == self->paper)
    return;
  self->paper = paper;
  if (adw_combo_row_get_selected (self->paper_row) != (paper == ETHOS_PAPER_A4 ? 1u : 0u))
    adw_combo_row_set_selected (self->paper_row, paper == ETHOS_PAPER_A4 ? 1 : 0);
  _ethos_form_fill_queue_relayout (self);
}

void
ethos_form_fill_set_blank (EthosFormFill *self,
                           gboolean       blank)
{
  g_return_if_fail (ETHOS_IS_FORM_FILL (self));

  if (blank == self->blank)
    return;
  self->blank = blank;
  if (gtk_switch_get_active (self->blank_switch) != blank)
    gtk_switch_set_active (self->blank_switch, blank);
  /* A blank form prints no client's values: the fields are not asked for. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields), !blank);
  _ethos_form_fill_queue_relayout (self);
}

void
ethos_form_fill_set_large_print (EthosFormFill *self,
                                 gboolean       large_print)
{
  g_return_if_fail (ETHOS_IS_FORM_FILL (self));

  if (large_print == self->large_print)
    return;
  self->large_print = large_print;
  if (gtk_switch_get_active (self->large_switch) != large_print)
    gtk_switch_set_active (self->large_switch, large_print);
  _ethos_form_fill_queue_relayout (self);
}

gboolean
ethos_form_fill_write (EthosFormFill    *self,
                       const char       *path,
                       EthosFormFormat   format,
                       GError          **error)
{
  EthosFormRequest request;
  g_autoptr(EthosFormValues) values = NULL;

  g_return_val_if_fail (ETHOS_IS_FORM_FILL (self) && path != NULL, FALSE);

  ethos_form_fill_get_request (self, &request);
  request.format = format;
  /* A blank form is blank: nothing typed goes on it. */
  values = request.blank ? ethos_form_values_new (ethos_form_job_get_template (self->job))
                         : ethos_form_values_copy (ethos_form_fields_get_values (self->fields));
  return ethos_pdf_write_form (self->job, values, &request, path, error);
}

char *
ethos_form_fill_suggest_name (EthosFormFill *self)
{
  return ethos_form_fill_suggest_file_name (self, ETHOS_FORM_PDF);
}

char *
ethos_form_fill_suggest_file_name (EthosFormFill   *self,
                                   EthosFormFormat  format)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  g_return_val_if_fail (ETHOS_IS_FORM_FILL (self), NULL);
  return g_strdup_printf ("%s-%s%s.%s", ethos_form_job_get_template (self->job)->id, date,
                          self->large_print ? "-large-print" : "",
                          format == ETHOS_FORM_HTML ? "html" : "pdf");
}

void
ethos_form_fill_clear (EthosFormFill *self)
{
  g_autoptr(GHashTable) defaults = NULL;

  g_return_if_fail (ETHOS_IS_FORM_FILL (self));

  g_hash_table_remove_all (self->reworded);
  self->clearing = TRUE;
  ethos_form_fields_clear (self->fields);
  defaults = current_defaults (self);
  ethos_form_fields_set_defaults (self->fields, defaults);
  self->clearing = FALSE;
  _ethos_form_fill_update_clause_rows (self);
  ethos_form_fill_update_now (self);
}

void
ethos_form_fill_show_preview (EthosFormFill *self,
                              gboolean       preview)
{
  g_return_if_fail (ETHOS_IS_FORM_FILL (self));
  adw_leaflet_set_visible_child (self->leaflet, preview ? self->preview_pane : self->fields_pane);
}

gboolean
ethos_form_fill_is_folded (EthosFormFill *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_FILL (self), FALSE);
  return adw_leaflet_get_folded (self->leaflet);
}

const char * const *
ethos_form_fill_get_uncovered (EthosFormFill *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_FILL (self), NULL);
  return (const char * const *) self->uncovered;
}

GtkWidget *
ethos_form_fill_get_edit_button (EthosFormFill *self,
                                 const char    *clause_id)
{
  g_return_val_if_fail (ETHOS_IS_FORM_FILL (self), NULL);
  return g_hash_table_lookup (self->edit_buttons, clause_id);
}

GtkWidget *
ethos_form_fill_get_warning (EthosFormFill *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_FILL (self), NULL);
  return GTK_WIDGET (self->warning_revealer);
}

EthosFormJob *
ethos_form_fill_get_job (EthosFormFill *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_FILL (self), NULL);
  return self->job;
}

AdwLeaflet *
ethos_form_fill_get_leaflet (EthosFormFill *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_FILL (self), NULL);
  return self->leaflet;
}

gboolean
ethos_form_fill_is_showing_preview (EthosFormFill *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_FILL (self), FALSE);
  return adw_leaflet_get_visible_child (self->leaflet) == self->preview_pane;
}

void
ethos_form_fill_focus_first_field (EthosFormFill *self)
{
  EthosTemplate *tmpl;

  g_return_if_fail (ETHOS_IS_FORM_FILL (self));

  tmpl = ethos_form_job_get_template (self->job);
  if (ethos_form_fill_is_folded (self))
    ethos_form_fill_show_preview (self, FALSE);
  for (guint i = 0; i < tmpl->fields->len; i++)
    {
      const EthosField *field = g_ptr_array_index (tmpl->fields, i);
      GtkWidget *editable = ethos_form_fields_get_editable (self->fields, field->id);

      if (editable != NULL && gtk_widget_get_visible (ethos_form_fields_get_row (self->fields,
                                                                                 field->id)))
        {
          gtk_widget_grab_focus (editable);
          return;
        }
    }
}
