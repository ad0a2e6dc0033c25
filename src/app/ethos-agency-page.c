/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-agency-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-forms-text.h"

#include "ethos-agency-page.h"
#include "ethos-error.h"
#include "ethos-file.h"
#include "ethos-form.h"
#include "ethos-image.h"

/* Typing is saved after this pause, all that was typed in one transaction. */
#define SAVE_DELAY_MS 400

typedef enum { ONE_VALUE, PER_LANGUAGE } Kind;

static const struct
{
  const char *field;
  const char *title;
  Kind        kind;
  const char *group;   /* "agency", "client" or "numbers" */
} fields[] = {
  { "agency_name", N_("Agency name"), ONE_VALUE, "agency" },
  { "agency_address", N_("Address"), ONE_VALUE, "agency" },
  { "agency_phone", N_("Phone"), ONE_VALUE, "agency" },
  { "complaints_contact", N_("Complaints contact"), PER_LANGUAGE, "client" },
  { "complaints_procedure", N_("Complaints procedure"), PER_LANGUAGE, "client" },
  { "professional_body", N_("Professional body"), PER_LANGUAGE, "client" },
  { "fees", N_("Fees"), PER_LANGUAGE, "client" },
  { "session_length", N_("Session length"), PER_LANGUAGE, "client" },
  { "reconnect_time", N_("Time to reconnect after a dropped call (5 minutes when empty)"),
    PER_LANGUAGE, "client" },
  { "crisis_line", N_("Crisis line (988 when empty)"), ONE_VALUE, "numbers" },
  { "emergency_number", N_("Emergency number (911 when empty)"), ONE_VALUE, "numbers" },
};

struct _EthosAgencyPage
{
  GtkWidget           parent_instance;

  /* template */
  AdwPreferencesPage *page;
  GtkWidget          *deployed_group;
  GtkLabel           *deployed_label;
  AdwPreferencesGroup *agency_group;
  AdwPreferencesGroup *logo_group;
  AdwActionRow       *logo_row;
  GtkPicture         *logo_picture;
  GtkWidget          *logo_remove;
  GtkWidget          *logo_choose;
  AdwPreferencesGroup *client_group;
  AdwPreferencesGroup *numbers_group;
  AdwComboRow        *language_row;
  AdwComboRow        *paper_row;
  AdwExpanderRow     *locks_row;

  EthosUserDb        *db;          /* not owned */
  EthosAgencyProfile *local;       /* the user's, as last read */
  EthosAgencyProfile *deployed;    /* a copy, or NULL */
  GHashTable         *rows;        /* "field" / "field:lang" → AdwEntryRow */
  GHashTable         *lock_checks; /* name → GtkCheckButton */
  GHashTable         *pending;     /* "field" / "field:lang" → value typed, not yet saved */
  guint               save_id;
  gboolean            loading;
};

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EthosAgencyPage, ethos_agency_page, GTK_TYPE_WIDGET)

static const char * const languages[] = { NULL, "en", "es" };
static const char * const papers[] = { NULL, "letter", "a4" };

static char *
row_key (const char *field,
         const char *lang)
{
  return lang != NULL ? g_strdup_printf ("%s:%s", field, lang) : g_strdup (field);
}

static GtkWindow *
parent_window (EthosAgencyPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (EthosAgencyPage *self,
       const char      *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
show_error (EthosAgencyPage *self,
            const char      *heading,
            const GError    *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
locked (EthosAgencyPage *self,
        const char      *name)
{
  return self->deployed != NULL && ethos_agency_profile_is_locked (self->deployed, name);
}

static void
emit_changed (EthosAgencyPage *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
reload_local (EthosAgencyPage *self)
{
  g_autoptr(GError) error = NULL;
  EthosAgencyProfile *local;

  if (self->db == NULL)
    return;
  if (!(local = ethos_user_db_get_agency_profile (self->db, &error)))
    {
      g_warning ("Could not read the agency profile: %s", error->message);
      return;
    }
  g_clear_pointer (&self->local, ethos_agency_profile_free);
  self->local = local;
}

gboolean
ethos_agency_page_flush (EthosAgencyPage  *self,
                         GError          **error)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (EthosAgencyChange));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ETHOS_IS_AGENCY_PAGE (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->db == NULL || g_hash_table_size (self->pending) == 0)
    return TRUE;
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = g_strsplit (key, ":", 2);
      const char *field, *lang, *plain;
      EthosAgencyChange change;

      g_ptr_array_add (names, g_strdup (parts[0]));
      field = names->pdata[names->len - 1];
      lang = parts[1] != NULL ? g_intern_string (parts[1]) : NULL;
      plain = self->local ? g_hash_table_lookup (self->local->values, field) : NULL;
      /* A value for every language (ethos-cli agency set) becomes one per
       * language the first time one language is changed here, so that the
       * other language's forms print what they printed before. */
      if (lang != NULL && plain != NULL)
        {
          const char *other = g_str_equal (lang, "en") ? "es" : "en";
          GHashTable *variants = g_hash_table_lookup (self->local->variants, other);

          if (variants == NULL || !g_hash_table_contains (variants, field))
            {
              EthosAgencyChange keep = { field, other, plain };
              g_array_append_val (changes, keep);
            }
          {
            EthosAgencyChange clear = { field, NULL, "" };
            g_array_append_val (changes, clear);
          }
        }
      change.field = field;
      change.lang = lang;
      change.value = value;
      g_array_append_val (changes, change);
    }
  if (!ethos_user_db_save_agency_changes (self->db, (EthosAgencyChange *) changes->data,
                                          changes->len, error))
    return FALSE;
  g_hash_table_remove_all (self->pending);
  reload_local (self);
  emit_changed (self);
  return TRUE;
}

static gboolean
save_cb (gpointer data)
{
  EthosAgencyPage *self = data;
  g_autoptr(GError) error = NULL;

  self->save_id = 0;
  if (!ethos_agency_page_flush (self, &error))
    show_error (self, _("The Agency Profile Could Not Be Saved"), error);
  return G_SOURCE_REMOVE;
}

static void
entry_changed_cb (GtkEditable     *editable,
                  EthosAgencyPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (editable), "key");

  if (self->loading)
    return;
  g_hash_table_replace (self->pending, g_strdup (key), g_strdup (gtk_editable_get_text (editable)));
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static GtkWidget *
value_row (EthosAgencyPage *self,
           const char      *field,
           const char      *title,
           const char      *lang)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *key = row_key (field, lang);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (key), g_free);
  g_signal_connect_object (row, "changed", G_CALLBACK (entry_changed_cb), self, 0);
  g_hash_table_insert (self->rows, g_steal_pointer (&key), row);
  return row;
}

static AdwPreferencesGroup *
group_named (EthosAgencyPage *self,
             const char      *name)
{
  if (g_str_equal (name, "agency"))
    return self->agency_group;
  if (g_str_equal (name, "client"))
    return self->client_group;
  return self->numbers_group;
}

static void
lock_toggled_cb (GtkCheckButton  *check,
                 EthosAgencyPage *self)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) names = NULL;

  if (self->loading || self->db == NULL)
    return;
  names = g_list_sort (g_hash_table_get_keys (self->lock_checks), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    if (gtk_check_button_get_active (g_hash_table_lookup (self->lock_checks, l->data)))
      g_string_append_printf (list, "%s%s", list->len ? "," : "", (char *) l->data);
  if (!ethos_user_db_set_agency_setting (self->db, "locked", list->str, &error))
    {
      show_error (self, _("The Agency Profile Could Not Be Saved"), error);
      return;
    }
  reload_local (self);
  emit_changed (self);
}

static void
add_lock (EthosAgencyPage *self,
          const char      *name,
          const char      *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (lock_toggled_cb), self, 0);
  g_hash_table_insert (self->lock_checks, g_strdup (name), check);
  adw_expander_row_add_row (self->locks_row, row);
}

static void
build_rows (EthosAgencyPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      AdwPreferencesGroup *group = group_named (self, fields[i].group);
      const char *title = _(fields[i].title);

      /* A value per language: the language comes first, since at the end of
       * a long title ("Time to reconnect after a dropped call …") it was
       * cut off, and the two rows looked the same. */
      if (fields[i].kind == ONE_VALUE)
        adw_preferences_group_add (group, value_row (self, fields[i].field, title, NULL));
      else
        {
          /* Translators: an agency value in one language: "English: Fees" */
          g_autofree char *en = g_strdup_printf (_("English: %s"), title);
          /* Translators: an agency value in one language: "Spanish: Fees" */
          g_autofree char *es = g_strdup_printf (_("Spanish: %s"), title);

          adw_preferences_group_add (group, value_row (self, fields[i].field, en, "en"));
          adw_preferences_group_add (group, value_row (self, fields[i].field, es, "es"));
        }
      add_lock (self, fields[i].field, title);
    }
  add_lock (self, ETHOS_AGENCY_LOGO, _("Logo"));
  add_lock (self, ETHOS_AGENCY_LANGUAGE, _("Language forms start in"));
  add_lock (self, ETHOS_AGENCY_PAPER, _("Paper"));
}

/* A locked row shows the deployed value with a lock, and cannot be edited. */
static void
mark_locked (GtkWidget  *row,
             gboolean    is_locked)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "lock-icon");

  gtk_widget_set_sensitive (row, !is_locked);
  if (is_locked && icon == NULL)
    {
      icon = gtk_image_new_from_icon_name ("system-lock-screen-symbolic");
      gtk_widget_set_tooltip_text (icon, _("Set by your agency’s deployed profile"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Set by your agency’s deployed profile"), -1);
      if (ADW_IS_ENTRY_ROW (row))
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), icon);
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      g_object_set_data (G_OBJECT (row), "lock-icon", icon);
    }
  if (icon != NULL)
    gtk_widget_set_visible (icon, is_locked);
}

static void
show_logo (EthosAgencyPage *self)
{
  GBytes *logo = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (!locked (self, ETHOS_AGENCY_LOGO) && self->local != NULL)
    logo = self->local->logo;
  if (logo == NULL && self->deployed != NULL)
    logo = self->deployed->logo;
  if (logo != NULL)
    texture = gdk_texture_new_from_bytes (logo, NULL);
  gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (texture));
  adw_action_row_set_subtitle (self->logo_row, logo != NULL ? _("Printed in the letterhead")
                                                            : _("No logo"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->logo_picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  logo != NULL ? _("The agency’s logo") : _("No logo"), -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agency.remove-logo",
                                 self->local != NULL && self->local->logo != NULL &&
                                 !locked (self, ETHOS_AGENCY_LOGO));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agency.choose-logo",
                                 self->db != NULL && !locked (self, ETHOS_AGENCY_LOGO));
  mark_locked (GTK_WIDGET (self->logo_row), locked (self, ETHOS_AGENCY_LOGO));
}

static guint
index_of (const char * const *names,
          guint               n,
          const char         *value)
{
  for (guint i = 1; i < n; i++)
    if (g_strcmp0 (names[i], value) == 0)
      return i;
  return 0;
}

static void
show_profile (EthosAgencyPage *self)
{
  /* What a row shows: what forms in its language print (the user's value
   * over the deployed one; a locked one is the deployed one). */
  g_autoptr(EthosAgencyProfile) effective = ethos_agency_profile_merge (self->local,
                                                                        self->deployed);
  GHashTableIter iter;
  gpointer key, row;
  const char *language, *paper;

  self->loading = TRUE;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    {
      g_auto(GStrv) parts = g_strsplit (key, ":", 2);
      const char *text = ethos_agency_profile_get (effective, parts[0], parts[1]);

      gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
      mark_locked (row, locked (self, parts[0]));
    }
  g_hash_table_iter_init (&iter, self->lock_checks);
  while (g_hash_table_iter_next (&iter, &key, &row))
    gtk_check_button_set_active (row, self->local != NULL &&
                                      ethos_agency_profile_is_locked (self->local, key));

  language = locked (self, ETHOS_AGENCY_LANGUAGE) || self->local == NULL ||
             self->local->language == NULL
               ? (self->deployed ? self->deployed->language : NULL) : self->local->language;
  paper = locked (self, ETHOS_AGENCY_PAPER) || self->local == NULL || self->local->paper == NULL
            ? (self->deployed ? self->deployed->paper : NULL) : self->local->paper;
  adw_combo_row_set_selected (self->language_row, index_of (languages, 3, language));
  adw_combo_row_set_selected (self->paper_row, index_of (papers, 3, paper));
  mark_locked (GTK_WIDGET (self->language_row), locked (self, ETHOS_AGENCY_LANGUAGE));
  mark_locked (GTK_WIDGET (self->paper_row), locked (self, ETHOS_AGENCY_PAPER));
  show_logo (self);

  gtk_widget_set_visible (self->deployed_group, self->deployed != NULL);
  if (self->deployed != NULL)
    {
      /* Translators: %s is the deployed agency.json */
      g_autofree char *text = g_strdup_printf (_("Your agency’s profile is deployed on this "
                                                 "computer (%s). What you set here is used "
                                                 "instead, except what it locks."),
                                               self->deployed->origin ? self->deployed->origin
                                                                      : "agency.json");
      gtk_label_set_label (self->deployed_label, text);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agency.export", self->db != NULL);
  self->loading = FALSE;
}

static void
setting_selected_cb (AdwComboRow     *row,
                     GParamSpec      *pspec,
                     EthosAgencyPage *self)
{
  gboolean is_language = row == self->language_row;
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (self->loading || self->db == NULL || selected > 2)
    return;
  if (!ethos_user_db_set_agency_setting (self->db,
                                         is_language ? ETHOS_AGENCY_LANGUAGE : ETHOS_AGENCY_PAPER,
                                         is_language ? languages[selected] : papers[selected],
                                         &error))
    {
      show_error (self, _("The Agency Profile Could Not Be Saved"), error);
      return;
    }
  reload_local (self);
  emit_changed (self);
}

gboolean
ethos_agency_page_set_logo_file (EthosAgencyPage  *self,
                                 GFile            *file,
                                 GError          **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EthosImage) image = NULL;
  gsize length;

  g_return_val_if_fail (ETHOS_IS_AGENCY_PAGE (self) && G_IS_FILE (file), FALSE);

  if (self->db == NULL || locked (self, ETHOS_AGENCY_LOGO))
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                           _("The logo is set by your agency’s deployed profile."));
      return FALSE;
    }
  if (!(path = g_file_get_path (file)))
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_IO,
                           _("A logo must be a file on this computer."));
      return FALSE;
    }
  /* Decoded by the core before anything is stored: a broken image never
   * reaches a form. */
  if (!(image = ethos_image_new_from_file (path, error)))
    return FALSE;
  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  if (!ethos_user_db_set_agency_logo (self->db, bytes, error))
    return FALSE;
  reload_local (self);
  show_profile (self);
  emit_changed (self);
  return TRUE;
}

static void
set_logo_and_say (EthosAgencyPage *self,
                  GFile           *file)
{
  g_autoptr(GError) error = NULL;

  if (!ethos_agency_page_set_logo_file (self, file, &error))
    show_error (self, _("This Image Cannot Be the Logo"), error);
  else
    toast (self, _("The logo was changed"));
}

static void
logo_chooser_cb (GtkNativeDialog *chooser,
                 int              response,
                 EthosAgencyPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    set_logo_and_say (self, file);
  g_object_unref (chooser);
}

static void
choose_logo_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  EthosAgencyPage *self = ETHOS_AGENCY_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose the Agency’s Logo"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PNG and JPEG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (logo_chooser_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_logo_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  EthosAgencyPage *self = ETHOS_AGENCY_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->db == NULL)
    return;
  if (!ethos_user_db_set_agency_logo (self->db, NULL, &error))
    {
      show_error (self, _("The Agency Profile Could Not Be Saved"), error);
      return;
    }
  reload_local (self);
  show_profile (self);
  emit_changed (self);
}

static gboolean
logo_drop_cb (GtkDropTarget   *target,
              const GValue    *value,
              double           x,
              double           y,
              EthosAgencyPage *self)
{
  GFile *file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;
  set_logo_and_say (self, file);
  return TRUE;
}

gboolean
ethos_agency_page_export_to (EthosAgencyPage  *self,
                             GFile            *file,
                             GError          **error)
{
  g_autoptr(EthosAgencyProfile) effective = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (ETHOS_IS_AGENCY_PAGE (self) && G_IS_FILE (file), FALSE);

  if (!ethos_agency_page_flush (self, error))
    return FALSE;
  if (!(path = g_file_get_path (file)))
    {
      g_set_error_literal (error, ETHOS_ERROR, ETHOS_ERROR_IO,
                           _("The profile can only be saved to a folder on this computer."));
      return FALSE;
    }
  effective = ethos_agency_profile_merge (self->local, self->deployed);
  json = ethos_agency_profile_to_json (effective);
  return ethos_file_write_atomic (path, json, strlen (json), 0644, error);
}

static void
export_chooser_cb (GtkNativeDialog *chooser,
                   int              response,
                   EthosAgencyPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      if (!ethos_agency_page_export_to (self, file, &error))
        show_error (self, _("The Profile Could Not Be Exported"), error);
      else
        toast (self, _("Exported: give agency.json to whoever deploys Ethos"));
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  EthosAgencyPage *self = ETHOS_AGENCY_PAGE (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Agency Profile"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "agency.json");
  {
    g_autoptr(GFile) folder = ethos_forms_documents_folder ();
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_chooser_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
ethos_agency_page_dispose (GObject *object)
{
  EthosAgencyPage *self = ETHOS_AGENCY_PAGE (object);

  /* What was typed last is not lost by closing the window. */
  if (self->save_id != 0)
    ethos_agency_page_flush (self, NULL);
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ETHOS_TYPE_AGENCY_PAGE);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->lock_checks, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->local, ethos_agency_profile_free);
  g_clear_pointer (&self->deployed, ethos_agency_profile_free);
  self->db = NULL;

  G_OBJECT_CLASS (ethos_agency_page_parent_class)->dispose (object);
}

static void
ethos_agency_page_class_init (EthosAgencyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_agency_page_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-agency-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosAgencyPage, page);
  gtk_widget_class_bind_template_child (widget_class, EthosAgencyPage, deployed_group);
  gtk_widget_class_bind_template_child (widget_class, EthosAgencyPage, deployed_label);
  gtk_widget_class_bind_template_child (widget_class, EthosAgencyPage, agency_group);
  gtk_widget_class_bind_template_child (widget_class, EthosAgencyPage, logo_group);
  gtk_widget_class_bind_template_child (widget_class, EthosAgencyPage, logo_row);
  gtk_widget_class_bind_template_child (widget_class, EthosAgencyPage, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, EthosAgencyPage, logo_remove);
  gtk_widget_class_bind_template_child (widget_class, EthosAgencyPage, logo_choose);
  gtk_widget_class_bind_template_child (widget_class, EthosAgencyPage, client_group);
  gtk_widget_class_bind_template_child (widget_class, EthosAgencyPage, numbers_group);
  gtk_widget_class_bind_template_child (widget_class, EthosAgencyPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, EthosAgencyPage, paper_row);
  gtk_widget_class_bind_template_child (widget_class, EthosAgencyPage, locks_row);

  gtk_widget_class_install_action (widget_class, "agency.choose-logo", NULL, choose_logo_action);
  gtk_widget_class_install_action (widget_class, "agency.remove-logo", NULL, remove_logo_action);
  gtk_widget_class_install_action (widget_class, "agency.export", NULL, export_action);
}

static void
ethos_agency_page_init (EthosAgencyPage *self)
{
  g_autoptr(GtkStringList) language_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) paper_names = gtk_string_list_new (NULL);
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->lock_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  build_rows (self);

  gtk_string_list_append (language_names, _("The counselor’s language"));
  gtk_string_list_append (language_names, _("English"));
  gtk_string_list_append (language_names, _("Spanish"));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (language_names));
  gtk_string_list_append (paper_names, _("As the computer’s region"));
  gtk_string_list_append (paper_names, _("Letter"));
  gtk_string_list_append (paper_names, _("A4"));
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (paper_names));
  g_signal_connect_object (self->language_row, "notify::selected",
                           G_CALLBACK (setting_selected_cb), self, 0);
  g_signal_connect_object (self->paper_row, "notify::selected",
                           G_CALLBACK (setting_selected_cb), self, 0);

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (logo_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->logo_group), GTK_EVENT_CONTROLLER (drop));
  show_profile (self);
}

EthosAgencyPage *
ethos_agency_page_new (void)
{
  return g_object_new (ETHOS_TYPE_AGENCY_PAGE, NULL);
}

void
ethos_agency_page_set_profile (EthosAgencyPage          *self,
                               EthosUserDb              *db,
                               const EthosAgencyProfile *deployed)
{
  g_return_if_fail (ETHOS_IS_AGENCY_PAGE (self));

  if (self->save_id != 0)
    ethos_agency_page_flush (self, NULL);
  self->db = db;
  g_clear_pointer (&self->deployed, ethos_agency_profile_free);
  if (deployed != NULL)
    {
      /* A copy: merged over nothing. */
      self->deployed = ethos_agency_profile_merge (deployed, NULL);
      self->deployed->origin = g_strdup (deployed->origin);
    }
  g_clear_pointer (&self->local, ethos_agency_profile_free);
  reload_local (self);
  show_profile (self);
}

GtkWidget *
ethos_agency_page_get_row (EthosAgencyPage *self,
                           const char      *field,
                           const char      *lang)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (ETHOS_IS_AGENCY_PAGE (self) && field != NULL, NULL);

  key = row_key (field, lang);
  return g_hash_table_lookup (self->rows, key);
}

GtkWidget *
ethos_agency_page_get_logo (EthosAgencyPage *self)
{
  g_return_val_if_fail (ETHOS_IS_AGENCY_PAGE (self), NULL);
  return GTK_WIDGET (self->logo_picture);
}
