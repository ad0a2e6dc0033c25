/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-screenshot"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "ethos-application.h"
#include "ethos-batch-dialog.h"
#include "ethos-codes-view-private.h"
#include "ethos-compare-window.h"
#include "ethos-paths.h"
#include "ethos-window-private.h"

/* Renders the Ethos window to a PNG for data/screenshots and the AppStream
 * metainfo: build-aux/screenshots.sh runs it under Xvfb with a fresh
 * XDG_DATA_HOME, so no one's bookmarks or notes end up in a picture. */

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* The Forms page reads its templates in threads. */
static void
wait_forms (EthosFormsPage *page)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (ethos_forms_page_is_loading (page) && g_get_monotonic_time () < end)
    spin (20);
  spin (200);
}

static gboolean
save_png (GtkWidget   *window,
          const char  *path,
          GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  graphene_rect_t bounds;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The window drew nothing");
      return FALSE;
    }
  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &bounds);
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }
  return TRUE;
}

/* Batch from a spreadsheet, done: four fictional clients, one a minor
 * with no guardian named, one with a date that is not one. The files go to
 * a temporary folder, removed afterwards. */
static gboolean
batch_view (EthosWindow  *window,
            const char   *output,
            GError      **error)
{
  EthosFormsPage *page = _ethos_window_show_forms (window);
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GFile) csv_file = NULL;
  g_autoptr(GFile) out_file = NULL;
  EthosBatchDialog *dialog;
  EthosFormFill *fill;
  EthosFormRequest request;
  gboolean saved;

  wait_forms (page);
  if (!ethos_forms_page_show_template (page, "informed-consent", error) ||
      !(dir = g_dir_make_tmp ("ethos-screenshot-XXXXXX", error)))
    return FALSE;
  csv = g_build_filename (dir, "clients.csv", NULL);
  out = g_build_filename (dir, "forms", NULL);
  if (!g_file_set_contents (csv, "client_name,client_dob\n"
                                 "Nguyễn Thị Minh,1988-03-14\n"
                                 "Jordan Ellis,2013-09-02\n"
                                 "Amara Okafor,1979-11-30\n"
                                 "Sam Rivera,1991-02-31\n", -1, error))
    {
      g_rmdir (dir);
      return FALSE;
    }
  fill = ethos_forms_page_get_fill (page);
  ethos_form_fill_get_request (fill, &request);
  dialog = ethos_batch_dialog_new (GTK_WINDOW (window), ethos_form_fill_get_job (fill), &request,
                                   ethos_form_fill_get_lang (fill));
  /* Tall enough to show the rows listed after the summary. */
  gtk_window_set_default_size (GTK_WINDOW (dialog), -1, 760);
  gtk_window_present (GTK_WINDOW (dialog));
  csv_file = g_file_new_for_path (csv);
  out_file = g_file_new_for_path (out);
  ethos_batch_dialog_set_csv (dialog, csv_file);
  ethos_batch_dialog_set_folder (dialog, out_file);
  if (ethos_batch_dialog_start (dialog))
    for (gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
         ethos_batch_dialog_is_running (dialog) && g_get_monotonic_time () < end; )
      spin (20);
  spin (500);
  saved = save_png (GTK_WIDGET (dialog), output, error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
  {
    g_autoptr(GDir) forms = g_dir_open (out, 0, NULL);
    const char *name;

    while (forms != NULL && (name = g_dir_read_name (forms)) != NULL)
      {
        g_autofree char *path = g_build_filename (out, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (out);
  g_unlink (csv);
  g_rmdir (dir);
  return saved;
}

static void
set_body (EthosTemplateEditor *editor,
          const char          *clause,
          const char          *text)
{
  ethos_template_editor_select (editor, clause);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (
                              ethos_template_editor_get_widget (editor, "body-en"))), text, -1);
  ethos_template_editor_refresh_now (editor);
}

/* The agency manager's views: the profile, the editor at work on a copy of
 * the informed-consent form, and what changed from 1.0 to 2.0. */
static gboolean
manager_views (EthosApplication  *app,
               EthosWindow       *window,
               const char        *view,
               const char        *output,
               GError           **error)
{
  EthosUserDb *db = ethos_application_get_user_db (app);
  EthosFormsPage *page;
  EthosTemplateEditor *editor;
  const EthosClause *clause;
  g_autofree char *body = NULL;

  if (db == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "No user database");
      return FALSE;
    }
  if (!ethos_user_db_set_agency_field (db, "agency_name", "Riverbend Family Services", error) ||
      !ethos_user_db_set_agency_field (db, "agency_address", "12 River Road, Springfield",
                                       error) ||
      !ethos_user_db_set_agency_field (db, "agency_phone", "(555) 010-4477", error) ||
      !ethos_user_db_set_agency_variant (db, "fees", "en", "$45 per session, on a sliding "
                                         "scale", error) ||
      !ethos_user_db_set_agency_variant (db, "fees", "es", "45 dólares por sesión, según "
                                         "ingresos", error) ||
      !ethos_user_db_set_agency_variant (db, "complaints_procedure", "en", "Write to the "
                                         "Director of Quality; you will have an answer within "
                                         "ten days.", error))
    return FALSE;
  page = _ethos_window_show_forms (window);
  wait_forms (page);
  if (g_str_equal (view, "agency"))
    {
      ethos_forms_page_show_agency (page);
      return TRUE;
    }
  if (!(editor = ethos_forms_page_edit_template (page, "informed-consent", error)))
    return FALSE;
  clause = ethos_template_get_clause (ethos_template_editor_get_template (editor), "concerns");
  body = g_strconcat (ethos_lang_text_get (clause->body, "en"),
                      " You may also write to the state licensing board.", NULL);
  set_body (editor, "concerns", body);
  if (g_str_equal (view, "editor"))
    {
      /* Past the toast that says the copy was saved. */
      spin (9000);
      return TRUE;
    }
  if (!ethos_template_editor_save (editor, FALSE, error))
    return FALSE;
  set_body (editor, "appointments", "Sessions last {session_length}. The fee is {fees}; tell "
                                    "us a day ahead if you cannot come, or a $20 fee applies.");
  gtk_switch_set_active (GTK_SWITCH (ethos_template_editor_get_widget (editor, "locked")), TRUE);
  ethos_template_editor_select (editor, "withdraw");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete-clause", NULL);
  ethos_template_editor_refresh_now (editor);
  if (!ethos_template_editor_save (editor, TRUE, error))
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.compare", NULL);
  spin (400);
  {
    g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) top = g_list_model_get_item (toplevels, i);

        if (ETHOS_IS_COMPARE_WINDOW (top))
          {
            gtk_window_set_default_size (top, 900, 720);
            spin (600);
            if (!save_png (GTK_WIDGET (top), output, error))
              return FALSE;
            break;
          }
      }
  }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EthosApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *view = g_strdup ("main");
  int width = 1200, height = 780;
  gboolean dark = FALSE;
  EthosWindow *window;
  GOptionEntry entries[] = {
    { "view", 0, 0, G_OPTION_ARG_STRING, &view, "main, search, compare, overview, section, bookmarks, subitem, forms, fill, batch, agency, editor or changes", "VIEW" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "PX" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "PX" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("OUTPUT.png");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, ethos_paths_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: ethos-screenshot [--view VIEW] OUTPUT.png");
      return 2;
    }

  app = ethos_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  window = ethos_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  spin (300);

  if (g_str_equal (view, "compare"))
    ethos_window_navigate (window, ETHOS_NODE_COMPARE, NULL, "limits-of-confidentiality", &error);
  else if (g_str_equal (view, "search"))
    {
      gtk_editable_set_text (GTK_EDITABLE (window->codes_view->search_entry), "dual relationships");
      spin (400);
      ethos_window_navigate (window, ETHOS_NODE_ITEM, "nohs", "5", &error);
    }
  else if (g_str_equal (view, "overview"))
    ethos_window_navigate (window, ETHOS_NODE_CODE, "oesc", NULL, &error);
  else if (g_str_equal (view, "section"))
    ethos_window_navigate (window, ETHOS_NODE_SECTION, "coaching", "1. Working with Clients", &error);
  else if (g_str_equal (view, "bookmarks"))
    {
      EthosUserDb *db = ethos_application_get_user_db (app);

      if (db != NULL &&
          ethos_user_db_set_bookmark (db, "nohs", "5", TRUE, &error) &&
          ethos_user_db_set_bookmark (db, "oesc", "I.4.a", TRUE, &error) &&
          ethos_user_db_set_note (db, "coaching", "1.11", "Check the agency's duty-to-warn policy "
                                  "before the intake form is updated.", &error))
        ethos_window_navigate (window, ETHOS_NODE_BOOKMARKS, NULL, NULL, &error);
    }
  else if (g_str_equal (view, "forms"))
    {
      EthosFormsPage *page = _ethos_window_show_forms (window);

      wait_forms (page);
      ethos_forms_page_show_template (page, "informed-consent", &error);
      ethos_forms_page_show_coverage (page, TRUE);
    }
  else if (g_str_equal (view, "fill"))
    {
      EthosFormsPage *page = _ethos_window_show_forms (window);
      EthosFormFields *fields;

      wait_forms (page);
      if (ethos_forms_page_show_template (page, "informed-consent", &error))
        {
          /* A fictional client, as in the README's example. */
          fields = ethos_form_fill_get_fields (ethos_forms_page_get_fill (page));
          ethos_form_fields_set_text (fields, "client_name", "Nguyễn Thị Minh");
          ethos_form_fields_set_text (fields, "client_dob", "2012-03-14");
          ethos_form_fields_set_text (fields, "guardian1_name", "Trần Thị Lan");
          ethos_form_fields_set_text (fields, "guardian1_relationship",
                                      g_str_has_prefix (ethos_forms_page_get_fill (page) ?
                                                        ethos_form_fill_get_lang (
                                                          ethos_forms_page_get_fill (page)) : "en",
                                                        "es") ? "madre" : "mother");
          ethos_form_fields_set_text (fields, "professional_name", "Dana Whitfield");
          ethos_form_fields_set_text (fields, "professional_credentials", "LPC");
          ethos_form_fields_set_text (fields, "agency_name", "Riverbend Community Services");
          ethos_form_fields_set_text (fields, "agency_phone", "(305) 555-0110");
          spin (300);
        }
    }
  else if (g_str_equal (view, "batch"))
    {
      if (!batch_view (window, argv[1], &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      return 0;
    }
  else if (g_str_equal (view, "agency") || g_str_equal (view, "editor") ||
           g_str_equal (view, "changes"))
    {
      if (!manager_views (app, window, view, argv[1], &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_str_equal (view, "changes"))
        return 0;
    }
  else if (g_str_equal (view, "subitem"))
    ethos_window_navigate (window, ETHOS_NODE_ITEM, "oesc", "I.4", &error);
  else
    ethos_window_navigate (window, ETHOS_NODE_ITEM, "nohs", "3", &error);
  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* Let the sidebar scroll and every row lay out before the picture; with
   * the tree shown, start it from its first row. */
  gtk_widget_grab_focus (GTK_WIDGET (window->codes_view->content_stack));
  spin (400);
  if (window->codes_view->query == NULL)
    gtk_widget_activate_action (GTK_WIDGET (window->codes_view->tree_view), "list.scroll-to-item", "u", 0);
  spin (500);

  if (!save_png (GTK_WIDGET (window), argv[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  return 0;
}
