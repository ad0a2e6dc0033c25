/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-forms-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-error.h"
#include "ethos-forms-page-private.h"
#include "ethos-forms-text.h"

enum {
  PROP_0,
  PROP_SHOWING_COVERAGE,
  PROP_SHOWING_PREVIEW,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_ethos_forms_page_set_title (EthosFormsPage *self,
                             const char     *title)
{
  if (g_strcmp0 (title, adw_view_switcher_title_get_title (self->switcher_title)) == 0)
    return;
  adw_view_switcher_title_set_title (self->switcher_title, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

G_DEFINE_FINAL_TYPE (EthosFormsPage, ethos_forms_page, GTK_TYPE_WIDGET)

static void
back_cb (EthosFormsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* What the content shows: the form being filled, or its coverage report. */
static void
sync_content (EthosFormsPage *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);
  gboolean has_form = self->fill != NULL;
  gboolean folded = has_form && ethos_form_fill_is_folded (self->fill);

  if (self->showing_agency)
    {
      _ethos_forms_page_update_actions (self);
      return;
    }
  if (g_strcmp0 (page, "fill") == 0 || g_strcmp0 (page, "report") == 0)
    gtk_stack_set_visible_child_name (self->content_stack,
                                      has_form && !self->showing_coverage ? "fill" : "report");
  gtk_widget_set_visible (self->preview_toggle, folded && !self->showing_coverage);
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        self->showing_coverage || !has_form ? _("Coverage") : "");
  _ethos_forms_page_update_actions (self);
}

static gboolean
fill_leaflet_idle_cb (gpointer data)
{
  EthosFormsPage *self = data;

  self->sync_id = 0;
  sync_content (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_PREVIEW]);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is being allocated: the header's buttons change
 * once that is over. */
static void
fill_leaflet_cb (EthosFormsPage *self)
{
  if (self->sync_id == 0)
    self->sync_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fill_leaflet_idle_cb, self, NULL);
}

/* The job every form of this template is made through: its fonts, the
 * agency's profile and logo, the codes' editions for the footer. */
static EthosFormJob *
new_job (EthosFormsPage  *self,
         EthosTemplate   *tmpl,
         GError         **error)
{
  g_autoptr(EthosFormJob) job = ethos_form_job_new (tmpl, error);

  if (job == NULL)
    return NULL;
  if (self->profile != NULL && !ethos_agency_profile_apply (self->profile, job, TRUE, error))
    return NULL;
  if (self->code_labels == NULL && self->corpus != NULL)
    self->code_labels = ethos_corpus_get_code_labels (self->corpus, NULL);
  if (self->code_labels != NULL)
    ethos_form_job_set_code_labels (job, self->code_labels);
  return g_steal_pointer (&job);
}

/* Every form opened so far goes, with what was typed in it. */
void
_ethos_forms_page_drop_fills (EthosFormsPage *self)
{
  GtkWidget *child;

  self->fill = NULL;
  g_hash_table_remove_all (self->fills);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fill_stack))) != NULL)
    gtk_stack_remove (self->fill_stack, child);
}

/* The fields that say who the client is. Every form open in the window is
 * about one client (Clear empties them all), so these follow from one form
 * to the next; what a form asks beyond them (a release's recipient, the
 * services) stays with that form. */
static const char * const client_fields[] = {
  "client_name", "client_dob", "client_is_minor", "guardian1_name", "guardian1_relationship",
  "guardian2_name", "guardian2_relationship",
};

static void
client_changed_cb (EthosFormFields *fields,
                   EthosFormsPage  *self)
{
  EthosFormValues *values = ethos_form_fields_get_values (fields);
  GtkWidget *fill = gtk_widget_get_ancestor (GTK_WIDGET (fields), ETHOS_TYPE_FORM_FILL);
  const EthosTemplate *tmpl = fill ? ethos_form_fill_get_template (ETHOS_FORM_FILL (fill)) : NULL;

  if (self->syncing_client || tmpl == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (client_fields); i++)
    {
      const char *value = ethos_form_values_get (values, client_fields[i]);

      if (ethos_template_get_field (tmpl, client_fields[i]) == NULL)
        continue;
      if (value != NULL)
        g_hash_table_insert (self->client, (gpointer) client_fields[i], g_strdup (value));
      else
        g_hash_table_remove (self->client, client_fields[i]);
    }
}

/* The form about to be shown takes the client of the others; TRUE when it
 * was given a value it did not have. */
static gboolean
take_client (EthosFormsPage *self,
             EthosFormFill  *fill)
{
  EthosFormFields *fields = ethos_form_fill_get_fields (fill);
  EthosFormValues *values = ethos_form_fields_get_values (fields);
  const EthosTemplate *tmpl = ethos_form_fill_get_template (fill);
  gboolean given = FALSE;

  self->syncing_client = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (client_fields); i++)
    {
      const char *want = g_hash_table_lookup (self->client, client_fields[i]);
      const char *have = ethos_form_values_get (values, client_fields[i]);

      if (ethos_template_get_field (tmpl, client_fields[i]) == NULL || g_strcmp0 (want, have) == 0)
        continue;
      given |= have == NULL;
      ethos_form_fields_set_text (fields, client_fields[i], want != NULL ? want : "");
    }
  self->syncing_client = FALSE;
  return given;
}

/* The fill page of a template, made the first time it is opened and kept
 * while the window lives: going to another form and back loses nothing. */
static EthosFormFill *
ensure_fill (EthosFormsPage            *self,
             const EthosTemplateEntry  *entry)
{
  EthosFormFill *fill = g_hash_table_lookup (self->fills, entry->tmpl->id);
  g_autoptr(EthosFormJob) job = NULL;
  g_autoptr(GError) error = NULL;

  if (fill != NULL)
    return fill;
  if (!(job = new_job (self, entry->tmpl, &error)))
    {
      g_autofree char *text = g_strdup_printf (_("This form cannot be filled in: %s"),
                                               error->message);
      _ethos_forms_page_toast (self, text);
      return NULL;
    }
  fill = ethos_form_fill_new (job, entry->source, ethos_template_store_get_requirements (self->store),
                              self->settings, self->lang);
  g_hash_table_insert (self->fills, g_strdup (entry->tmpl->id), fill);
  gtk_stack_add_named (self->fill_stack, GTK_WIDGET (fill), entry->tmpl->id);
  g_signal_connect_object (ethos_form_fill_get_leaflet (fill), "notify::folded",
                           G_CALLBACK (fill_leaflet_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ethos_form_fill_get_leaflet (fill), "notify::visible-child",
                           G_CALLBACK (fill_leaflet_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ethos_form_fill_get_fields (fill), "changed",
                           G_CALLBACK (client_changed_cb), self, 0);
  return fill;
}

static void
ethos_forms_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EthosFormsPage *self = ETHOS_FORMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOWING_COVERAGE:
      g_value_set_boolean (value, self->showing_coverage);
      break;
    case PROP_SHOWING_PREVIEW:
      g_value_set_boolean (value, self->fill != NULL &&
                                  ethos_form_fill_is_showing_preview (self->fill));
      break;
    case PROP_TITLE:
      g_value_set_string (value, adw_view_switcher_title_get_title (self->switcher_title));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ethos_forms_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EthosFormsPage *self = ETHOS_FORMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOWING_COVERAGE:
      ethos_forms_page_show_coverage (self, g_value_get_boolean (value));
      break;
    case PROP_SHOWING_PREVIEW:
      if (self->fill != NULL)
        ethos_form_fill_show_preview (self->fill, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ethos_forms_page_dispose (GObject *object)
{
  EthosFormsPage *self = ETHOS_FORMS_PAGE (object);

  /* What was typed in the profile is saved now, while this page can hear
   * of it; then it hears no more (its labels and forms are going). */
  if (self->agency_page != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!ethos_agency_page_flush (self->agency_page, &error))
        g_warning ("The agency profile could not be saved: %s", error->message);
      g_signal_handlers_disconnect_by_func (self->agency_page,
                                            _ethos_forms_page_profile_changed, self);
    }
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  g_clear_handle_id (&self->sync_id, g_source_remove);
  _ethos_forms_page_load_dispose (self);
  _ethos_forms_page_edit_dispose (self);
  self->fill = NULL;
  g_clear_pointer (&self->fills, g_hash_table_unref);
  g_clear_pointer (&self->client, g_hash_table_unref);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->forms);
  gtk_widget_dispose_template (GTK_WIDGET (self), ETHOS_TYPE_FORMS_PAGE);
  self->agency_page = NULL;
  g_clear_pointer (&self->store, ethos_template_store_free);
  g_clear_pointer (&self->code_labels, g_hash_table_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->last_folder);
  g_clear_object (&self->print_settings);
  self->corpus = NULL;
  self->db = NULL;

  G_OBJECT_CLASS (ethos_forms_page_parent_class)->dispose (object);
}

static void
ethos_forms_page_finalize (GObject *object)
{
  EthosFormsPage *self = ETHOS_FORMS_PAGE (object);

  g_free (self->shown_id);
  g_free (self->last_export_uri);
  g_free (self->builtin_dir);
  g_free (self->shared_dir);
  g_free (self->pending_id);

  G_OBJECT_CLASS (ethos_forms_page_parent_class)->finalize (object);
}

static void
ethos_forms_page_class_init (EthosFormsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ethos_forms_page_get_property;
  object_class->set_property = ethos_forms_page_set_property;
  object_class->dispose = ethos_forms_page_dispose;
  object_class->finalize = ethos_forms_page_finalize;

  properties[PROP_SHOWING_COVERAGE] =
    g_param_spec_boolean ("showing-coverage", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWING_PREVIEW] =
    g_param_spec_boolean ("showing-preview", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the header names: "Forms", a form's title, "Agency Profile" (the
   * window's title follows it). */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ETHOS_TYPE_COVERAGE_REPORT);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-forms-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, agency_button);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, agency_subtitle);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, separator);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, content);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, preview_toggle);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, form_menu_button);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, problems_box);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, problems_title);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, problems_label);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, list);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, fill_stack);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, report);
  gtk_widget_class_bind_template_child (widget_class, EthosFormsPage, error_page);

  _ethos_forms_page_class_init_actions (widget_class);
  _ethos_forms_page_class_init_edit (widget_class);
}

static void
ethos_forms_page_init (EthosFormsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->lang = ethos_forms_ui_language ();
  self->fills = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->client = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  _ethos_forms_page_list_init (self);
  g_signal_connect_object (self->back_button, "clicked", G_CALLBACK (back_cb), self,
                           G_CONNECT_SWAPPED);
  _ethos_forms_page_update_actions (self);
}

EthosFormsPage *
ethos_forms_page_new (void)
{
  return g_object_new (ETHOS_TYPE_FORMS_PAGE, NULL);
}

void
ethos_forms_page_set_view_stack (EthosFormsPage *self,
                                 AdwViewStack   *stack)
{
  g_return_if_fail (ETHOS_IS_FORMS_PAGE (self));
  g_return_if_fail (stack == NULL || ADW_IS_VIEW_STACK (stack));

  adw_view_switcher_title_set_stack (self->switcher_title, stack);
}

void
ethos_forms_page_set_menu_model (EthosFormsPage *self,
                                 GMenuModel     *menu)
{
  g_return_if_fail (ETHOS_IS_FORMS_PAGE (self));

  gtk_menu_button_set_menu_model (self->menu_button, menu);
}

AdwViewSwitcherTitle *
ethos_forms_page_get_switcher_title (EthosFormsPage *self)
{
  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self), NULL);
  return self->switcher_title;
}

gboolean
ethos_forms_page_load (EthosFormsPage  *self,
                       const char      *builtin_dir,
                       EthosUserDb     *db,
                       const char      *shared_dir,
                       EthosCorpus     *corpus,
                       GError         **error)
{
  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self), FALSE);
  g_return_val_if_fail (builtin_dir != NULL, FALSE);

  /* Forms being filled belong to the templates they came from. */
  _ethos_forms_page_drop_fills (self);
  g_list_store_remove_all (self->forms);
  g_clear_pointer (&self->store, ethos_template_store_free);
  g_clear_pointer (&self->shown_id, g_free);
  self->corpus = corpus;
  self->db = db;
  g_free (self->builtin_dir);
  self->builtin_dir = g_strdup (builtin_dir);
  g_free (self->shared_dir);
  self->shared_dir = shared_dir != NULL && *shared_dir != '\0' ? g_strdup (shared_dir) : NULL;
  _ethos_forms_page_load_start (self);
  return TRUE;
}

gboolean
ethos_forms_page_show_template (EthosFormsPage  *self,
                                const char      *id,
                                GError         **error)
{
  const EthosTemplateEntry *entry;

  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->store == NULL)
    {
      /* Still being read: shown once it is (history, a window restored). */
      if (self->loading)
        {
          g_free (self->pending_id);
          self->pending_id = g_strdup (id);
          return TRUE;
        }
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                           _("The forms could not be read"));
      return FALSE;
    }
  if (!(entry = ethos_template_store_lookup (self->store, id, error)))
    return FALSE;

  /* Shown from here on: the actions and the list's selection follow. */
  self->showing_agency = FALSE;
  gtk_widget_remove_css_class (self->agency_button, "agency-shown");
  g_free (self->shown_id);
  self->shown_id = g_strdup (entry->tmpl->id);
  ethos_coverage_report_show (self->report, entry,
                              ethos_template_store_get_requirements (self->store),
                              self->corpus, self->lang);
  self->fill = ensure_fill (self, entry);
  if (self->fill != NULL && take_client (self, self->fill))
    _ethos_forms_page_toast (self, _("The client’s details are filled in from the other forms"));
  /* Only the form shown is visible: a screen reader (which sees every
   * visible widget of a stack) finds the fields of that one form. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->fill_stack));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_visible (child, child == GTK_WIDGET (self->fill));
  if (self->fill != NULL)
    gtk_stack_set_visible_child (self->fill_stack, GTK_WIDGET (self->fill));
  gtk_stack_set_visible_child_name (self->content_stack,
                                    self->fill != NULL && !self->showing_coverage ? "fill"
                                                                                  : "report");
  _ethos_forms_page_set_title (self, ethos_forms_text (entry->tmpl, entry->tmpl->title,
                                                       self->lang));
  sync_content (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_PREVIEW]);

  self->rebuilding = TRUE;
  gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (ethos_forms_page_get_row (self, id)));
  self->rebuilding = FALSE;
  return TRUE;
}

/* The agency profile's page, made the first time it is wanted: showing
 * Forms makes only what it shows. */
static EthosAgencyPage *
ensure_agency_page (EthosFormsPage *self)
{
  if (self->agency_page != NULL)
    return self->agency_page;
  self->agency_page = ethos_agency_page_new ();
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->agency_page), "agency");
  g_signal_connect_object (self->agency_page, "changed",
                           G_CALLBACK (_ethos_forms_page_profile_changed), self,
                           G_CONNECT_SWAPPED);
  /* Once the forms are read; until then their reading sets it. */
  if (self->store != NULL)
    ethos_agency_page_set_profile (self->agency_page, self->db, self->deployed);
  return self->agency_page;
}

void
ethos_forms_page_show_agency (EthosFormsPage *self)
{
  g_return_if_fail (ETHOS_IS_FORMS_PAGE (self));

  ensure_agency_page (self);
  self->showing_agency = TRUE;
  self->rebuilding = TRUE;
  gtk_list_box_unselect_all (self->list);
  self->rebuilding = FALSE;
  gtk_widget_add_css_class (self->agency_button, "agency-shown");
  gtk_stack_set_visible_child_name (self->content_stack, "agency");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
  _ethos_forms_page_set_title (self, _("Agency Profile"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, "");
  gtk_widget_set_visible (self->preview_toggle, FALSE);
  _ethos_forms_page_update_actions (self);
}

EthosAgencyPage *
ethos_forms_page_get_agency_page (EthosFormsPage *self)
{
  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self), NULL);
  return ensure_agency_page (self);
}

gboolean
ethos_forms_page_is_loading (EthosFormsPage *self)
{
  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self), FALSE);
  return self->loading || self->shared_loading;
}

EthosTemplateStore *
ethos_forms_page_get_store (EthosFormsPage *self)
{
  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self), NULL);
  return self->store;
}

const char *
ethos_forms_page_get_template_id (EthosFormsPage *self)
{
  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self), NULL);
  return self->shown_id;
}

GtkWidget *
ethos_forms_page_get_report (EthosFormsPage *self)
{
  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self), NULL);
  return GTK_WIDGET (self->report);
}

AdwStatusPage *
ethos_forms_page_get_error_page (EthosFormsPage *self)
{
  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self), NULL);
  return self->error_page;
}

GtkWidget *
ethos_forms_page_get_problems (EthosFormsPage *self)
{
  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self), NULL);
  return self->problems_box;
}

void
ethos_forms_page_show_coverage (EthosFormsPage *self,
                                gboolean        show)
{
  g_return_if_fail (ETHOS_IS_FORMS_PAGE (self));

  if (show == self->showing_coverage)
    return;
  self->showing_coverage = show;
  sync_content (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_COVERAGE]);
}

EthosFormFill *
ethos_forms_page_get_fill (EthosFormsPage *self)
{
  g_return_val_if_fail (ETHOS_IS_FORMS_PAGE (self), NULL);
  return self->fill;
}

void
ethos_forms_page_set_settings (EthosFormsPage *self,
                               GSettings      *settings)
{
  g_return_if_fail (ETHOS_IS_FORMS_PAGE (self));
  g_set_object (&self->settings, settings);
}
