/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <sys/stat.h>

#include "ethos-test-window.h"
#include "ethos-user-db-notes.h"

/* The window as a shell: its history across the Codes and Forms views, its
 * title, and the Codes view in a narrow (folded) window. */

static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action,
                 GVariant   *target)
{
  g_autoptr(GVariant) owned = g_variant_take_ref (target);

  if (GTK_IS_ACTIONABLE (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0 &&
      gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)) != NULL &&
      g_variant_equal (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)), owned))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action, g_variant_ref (owned));
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
report_has_read_button (gpointer data)
{
  EthosWindow *window = data;

  return window->forms_page != NULL &&
         find_actionable (ethos_forms_page_get_report (window->forms_page), "win.show-item",
                          g_variant_new ("(ss)", "nohs", "2")) != NULL;
}

static void
back_across_views_body (EthosApplication *app,
                        EthosWindow      *window)
{
  EthosFormsPage *page;
  GtkWidget *button;
  g_autoptr(GError) error = NULL;

  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_ITEM, "nohs", "3", &error));
  g_assert_no_error (error);

  /* The Forms report of the informed-consent form, then its "Read" link
   * to NOHS Standard 2. */
  adw_view_stack_set_visible_child_name (window->view_stack, "forms");
  page = window->forms_page;
  g_assert_nonnull (page);
  g_assert_true (ethos_forms_page_show_template (page, "informed-consent", &error));
  g_assert_no_error (error);
  ethos_forms_page_show_coverage (page, TRUE);
  ethos_test_wait_until (report_has_read_button, window, "the report's links");
  /* The window's title names the form shown, as it names the item read. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Informed Consent for Services — Ethos");
  button = find_actionable (ethos_forms_page_get_report (page), "win.show-item",
                            g_variant_new ("(ss)", "nohs", "2"));
  g_signal_emit_by_name (button, "clicked");
  ethos_test_spin (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "codes");
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "nohs", "2");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "NOHS Standard 2 — Ethos");

  /* Back returns to the report it came from, in the Forms view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  ethos_test_spin (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "forms");
  g_assert_cmpstr (ethos_forms_page_get_template_id (page), ==, "informed-consent");
  ethos_test_wait_until (ethos_test_is_mapped, ethos_forms_page_get_report (page), "the report");

  /* Forward goes to the standard again; Back twice more to NOHS 3 first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-forward", NULL));
  ethos_test_spin (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "codes");
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "nohs", "2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  ethos_test_spin (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  ethos_test_spin (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "codes");
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "nohs", "3");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "NOHS Standard 3 — Ethos");
}

static void
test_back_across_views (void)
{
  ethos_test_run_app (back_across_views_body);
}

static void
assert_visible_in_list (GtkWidget  *list,
                        const char *text)
{
  GtkWidget *label = ethos_test_find_label_widget (list, text);
  graphene_rect_t bounds;

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_compute_bounds (label, list, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (list));
}

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (ETHOS_WINDOW (data)->codes_view->leaflet);
}

static gboolean
is_unfolded (gpointer data)
{
  return !adw_leaflet_get_folded (ETHOS_WINDOW (data)->codes_view->leaflet);
}

static gboolean
content_shown (gpointer data)
{
  EthosCodesView *view = ETHOS_WINDOW (data)->codes_view;
  return adw_leaflet_get_visible_child (view->leaflet) == view->content;
}

static gboolean
list_shown (gpointer data)
{
  EthosCodesView *view = ETHOS_WINDOW (data)->codes_view;
  return adw_leaflet_get_visible_child (view->leaflet) == view->sidebar;
}

/* In a narrow window, activating the row already selected (Enter, or the
 * click that changes no selection) still shows its page. */
static void
folded_activation_body (EthosApplication *app,
                        EthosWindow      *window)
{
  EthosCodesView *view = window->codes_view;
  guint position;

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  ethos_test_wait_until (is_folded, window, "a folded window");
  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_ITEM, "nohs", "3", NULL));
  ethos_test_wait_until (content_shown, window, "the item");
  adw_leaflet_navigate (view->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  ethos_test_wait_until (list_shown, window, "the list");

  position = gtk_single_selection_get_selected (view->tree_selection);
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_signal_emit_by_name (view->tree_view, "activate", position);
  ethos_test_wait_until (content_shown, window, "the item again");
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "nohs", "3");

  /* A code's row too: its overview, not only its sections. */
  adw_leaflet_navigate (view->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  ethos_test_wait_until (list_shown, window, "the list");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (view->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (view->tree), i);
      g_autoptr(EthosNode) node = gtk_tree_list_row_get_item (row);

      if (ethos_node_get_kind (node) == ETHOS_NODE_CODE &&
          g_str_equal (ethos_node_get_code (node), "oesc"))
        g_signal_emit_by_name (view->tree_view, "activate", i);
    }
  ethos_test_wait_until (content_shown, window, "the code");
  ethos_test_assert_at (window, ETHOS_NODE_CODE, "oesc", NULL);
}

static void
test_folded_activation (void)
{
  ethos_test_run_app (folded_activation_body);
}

/* After a jump, the sidebar shows the row of the place: rows opened only
 * to show the last place close, and the new row is scrolled into view. */
static void
reveal_body (EthosApplication *app,
             EthosWindow      *window)
{
  EthosCodesView *view = window->codes_view;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  ethos_test_wait_until (is_unfolded, window, "a wide window");
  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_ITEM, "nohs", "44", NULL));
  ethos_test_spin (100);
  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_ITEM, "oesc", "I.5.b", NULL));
  ethos_test_spin (200);
  {
    g_autoptr(GtkTreeListRow) selected = g_object_ref (gtk_single_selection_get_selected_item (view->tree_selection));
    g_autoptr(EthosNode) node = gtk_tree_list_row_get_item (selected);

    g_assert_cmpstr (ethos_node_get_key (node), ==, "I.5.b");
  }
  /* NOHS, opened to show Standard 44, is closed again. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (view->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (view->tree), i);
      g_autoptr(EthosNode) node = gtk_tree_list_row_get_item (row);

      if (ethos_node_get_kind (node) == ETHOS_NODE_CODE)
        g_assert_cmpint (gtk_tree_list_row_get_expanded (row), ==,
                         g_str_equal (ethos_node_get_code (node), "oesc"));
    }
  assert_visible_in_list (GTK_WIDGET (view->tree_view), "Duty to Warn");
}

static void
test_reveal (void)
{
  ethos_test_run_app (reveal_body);
}

/* Compare: one column per code side by side in a wide window, stacked in
 * a narrow one. */
static void
assert_columns (EthosWindow *window,
                gboolean     side_by_side)
{
  GtkWidget *columns = ethos_compare_page_get_columns (window->codes_view->compare_page);
  GtkWidget *first = gtk_widget_get_first_child (columns);
  graphene_rect_t a, b;
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_next_sibling (first); c != NULL;
       c = gtk_widget_get_next_sibling (c), n++)
    {
      g_assert_true (gtk_widget_compute_bounds (first, columns, &a));
      g_assert_true (gtk_widget_compute_bounds (c, columns, &b));
      if (side_by_side)
        {
          g_assert_cmpfloat (a.origin.y, ==, b.origin.y);
          g_assert_cmpfloat (b.origin.x, >=, a.origin.x + a.size.width);
          g_assert_cmpfloat (b.size.width, >=, 280);
        }
      else
        {
          g_assert_cmpfloat (a.origin.x, ==, b.origin.x);
          g_assert_cmpfloat (b.origin.y, >=, a.origin.y + a.size.height);
        }
      first = c;
    }
  g_assert_cmpuint (n, ==, 3);
}

static gboolean
compare_laid_out (gpointer data)
{
  EthosWindow *window = data;
  return window->codes_view->compare_page != NULL &&
         ethos_test_is_shown (window->codes_view->compare_page);
}

static void
compare_columns_body (EthosApplication *app,
                      EthosWindow      *window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  ethos_test_wait_until (is_unfolded, window, "a wide window");
  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_COMPARE, NULL, "confidentiality",
                                        NULL));
  ethos_test_wait_until (compare_laid_out, window, "Compare");
  ethos_test_spin (100);
  assert_columns (window, TRUE);

  gtk_window_set_default_size (GTK_WINDOW (window), 480, 700);
  ethos_test_wait_until (is_folded, window, "a narrow window");
  adw_leaflet_set_visible_child (window->codes_view->leaflet, window->codes_view->content);
  ethos_test_wait_until (compare_laid_out, window, "Compare, narrow");
  ethos_test_spin (150);
  assert_columns (window, FALSE);
}

static void
test_compare_columns (void)
{
  ethos_test_run_app (compare_columns_body);
}

static gboolean
related_filled (gpointer data)
{
  EthosWindow *window = data;
  return gtk_widget_get_first_child (ethos_item_page_get_related (window->codes_view->item_page)) != NULL;
}

/* Every item of the other codes on the same topics can be reached,
 * grouped by code; the text opens unselected. */
static void
related_body (EthosApplication *app,
              EthosWindow      *window)
{
  GtkWidget *related, *more = NULL;
  GtkLabel *text;
  int start, end;

  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_ITEM, "nohs", "3", NULL));
  ethos_test_wait_until (related_filled, window, "the related items");
  related = ethos_item_page_get_related (window->codes_view->item_page);
  g_assert_true (ethos_test_find_label (related, "OESC Code of Conduct"));
  g_assert_true (ethos_test_find_label (related, "Global Code of Ethics (coaching & mentoring)"));
  g_assert_false (ethos_test_find_label (related, "NOHS Ethical Standards"));
  g_assert_false (ethos_test_find_label (related, "Item I.5.b · Duty to Warn"));

  /* OESC's group ends in "Show All N": the rest of its items come in. */
  for (GtkWidget *group = gtk_widget_get_first_child (related); group != NULL;
       group = gtk_widget_get_next_sibling (group))
    if (ethos_test_find_label (group, "OESC Code of Conduct"))
      {
        GtkWidget *list = gtk_widget_get_last_child (group);
        more = gtk_widget_get_last_child (list);
        g_assert_true (ADW_IS_ACTION_ROW (more));
        g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (more)),
                                         "Show All "));
        g_signal_emit_by_name (list, "row-activated", more);
      }
  g_assert_nonnull (more);
  ethos_test_spin (50);
  g_assert_true (ethos_test_find_label (related, "Item I.5.b · Duty to Warn"));

  /* Taking the focus, the text does not select itself whole. */
  text = ethos_item_page_get_text_label (window->codes_view->item_page);
  gtk_widget_grab_focus (GTK_WIDGET (text));
  ethos_test_spin (50);
  if (gtk_label_get_selection_bounds (text, &start, &end) && start != end)
    g_error ("selected %d..%d of %ld; focus %s", start, end,
             g_utf8_strlen (gtk_label_get_text (text), -1),
             G_OBJECT_TYPE_NAME (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (text)))));
}

static void
test_related (void)
{
  ethos_test_run_app (related_body);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);
  GString *out = g_string_new (NULL);
  char *text;

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (out, page_text);
      g_string_append_c (out, '\n');
      g_object_unref (page);
    }
  g_object_unref (pdf);
  text = g_string_free (out, FALSE);
  {
    g_auto(GStrv) words = g_regex_split_simple ("\\s+", text, 0, 0);
    g_free (text);
    return g_strjoinv (" ", words);
  }
}

/* Print to a file through the print operation (the cairo painter, as the
 * print dialog draws) and Export as PDF (the libharu painter). */
static void
print_body (EthosApplication *app,
            EthosWindow      *window)
{
  EthosCodesView *view = window->codes_view;
  const char *dir = g_getenv ("XDG_DATA_HOME");
  g_autofree char *item_pdf = g_build_filename (dir, "printed-item.pdf", NULL);
  g_autofree char *compare_pdf = g_build_filename (dir, "printed-compare.pdf", NULL);
  g_autofree char *marks_pdf = g_build_filename (dir, "exported-marks.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_ITEM, "coaching", "1.11", &error));
  g_assert_true (_ethos_codes_view_print (view, item_pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (item_pdf);
  g_assert_nonnull (strstr (text, "Global Code of Ethics Clause 1.11"));
  g_assert_nonnull (strstr (text, "We will have a clear agreement with clients and sponsors"));
  g_assert_nonnull (strstr (text, "Cite as: Global Code of Ethics, Clause 1.11"));
  g_clear_pointer (&text, g_free);

  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_COMPARE, NULL,
                                        "limits-of-confidentiality", &error));
  g_assert_true (_ethos_codes_view_print (view, compare_pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (compare_pdf);
  g_assert_nonnull (strstr (text, "Compare by Topic: Limits of confidentiality / duty to warn"));
  g_assert_nonnull (strstr (text, "OESC Item I.5.b · Duty to Warn"));
  g_assert_nonnull (strstr (text, "Cite as: NOHS (2024), Standard 4"));
  /* NOHS is not excerpted. */
  g_assert_null (strstr (text, "may endanger themselves or others"));
  g_clear_pointer (&text, g_free);

  /* The bookmarks: the notes only when asked for. */
  g_assert_true (ethos_user_db_set_bookmark (window->user_db, "nohs", "3", TRUE, &error));
  g_assert_true (ethos_user_db_set_note (window->user_db, "nohs", "3", "Talk to the supervisor.",
                                         &error));
  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_BOOKMARKS, NULL, NULL, &error));
  g_assert_true (_ethos_codes_view_export_pdf (view, marks_pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (marks_pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  text = pdf_text (marks_pdf);
  g_assert_nonnull (strstr (text, "NOHS Standard 3"));
  g_assert_null (strstr (text, "Talk to the supervisor."));
  g_clear_pointer (&text, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "codes.print-notes", NULL));
  g_assert_true (_ethos_codes_view_export_pdf (view, marks_pdf, &error));
  text = pdf_text (marks_pdf);
  g_assert_nonnull (strstr (text, "Private note: Talk to the supervisor."));
}

static void
test_print (void)
{
  ethos_test_run_app (print_body);
}

/* Import from the Bookmarks page: a note kept beside the one there, the
 * page showing both at once. */
static void
import_body (EthosApplication *app,
             EthosWindow      *window)
{
  const char *dir = g_getenv ("XDG_DATA_HOME");
  g_autofree char *path = g_build_filename (dir, "import.json", NULL);
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;
  const char *json =
    "{\"format\": 1, \"kind\": \"ethos-bookmarks-and-notes\", "
    "\"bookmarks\": [{\"code\": \"oesc\", \"ref\": \"I.5.b\"}], "
    "\"notes\": [{\"code\": \"nohs\", \"ref\": \"3\", \"text\": \"From the old laptop.\"}]}";

  g_assert_true (g_file_set_contents (path, json, -1, &error));
  g_assert_true (ethos_user_db_set_note (window->user_db, "nohs", "3", "Written here.", &error));
  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_BOOKMARKS, NULL, NULL, &error));
  g_assert_true (_ethos_codes_view_import_notes (window->codes_view, path, &error));
  g_assert_no_error (error);
  ethos_test_spin (50);
  note = ethos_user_db_get_note (window->user_db, "nohs", "3");
  g_assert_true (g_str_has_prefix (note, "Written here."));
  g_assert_nonnull (strstr (note, "From the old laptop."));
  g_assert_true (ethos_test_find_label (GTK_WIDGET (window->codes_view->bookmarks_page),
                                        "Item I.5.b · Duty to Warn"));
}

static void
test_import (void)
{
  ethos_test_run_app (import_body);
}

/* What GNOME Shell's search provider asks of Ethos (D-Bus ActivateAction
 * on the application): show a place, or search. */
static void
app_actions_body (EthosApplication *app,
                  EthosWindow      *window)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-item",
                                  g_variant_new ("(ss)", "oesc", "I.5.b"));
  ethos_test_spin (50);
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "oesc", "I.5.b");
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-compare",
                                  g_variant_new_string ("informed-consent"));
  ethos_test_spin (50);
  ethos_test_assert_at (window, ETHOS_NODE_COMPARE, NULL, "informed-consent");
  g_action_group_activate_action (G_ACTION_GROUP (app), "search",
                                  g_variant_new_string ("duty to warn"));
  ethos_test_spin (400);
  g_assert_cmpstr (window->codes_view->query, ==, "duty to warn");
}

static void
test_app_actions (void)
{
  ethos_test_run_app (app_actions_body);
}

static gboolean
popover_shown (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (data));

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* Opens @button's menu as a click would and checks it shows @item; the
 * popover is made then, and once. */
static void
assert_menu_opens (GtkWidget  *button,
                   const char *item)
{
  GtkPopover *popover;

  ethos_test_wait_until (ethos_test_is_mapped, button, "the menu button");
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  ethos_test_wait_until (popover_shown, button, "the menu");
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (ethos_test_wait_for_label (GTK_WIDGET (popover), item));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  ethos_test_spin (50);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  ethos_test_wait_until (popover_shown, button, "the menu again");
  g_assert_true (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)) == popover);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  ethos_test_spin (50);
}

static void
menus_body (EthosApplication *app,
            EthosWindow      *window)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_ITEM, "nohs", "3", &error));
  g_assert_no_error (error);
  /* Made when first opened, not at startup. */
  assert_menu_opens (GTK_WIDGET (window->codes_view->menu_button), "About Ethos");
  assert_menu_opens (window->codes_view->page_menu_button, "Export as PDF…");
}

static void
test_menus (void)
{
  ethos_test_run_app (menus_body);
}

/* A view that records what it is asked to restore. */
typedef struct
{
  char *name;
  char *place;
  char *visible;  /* not owned: the "window's" visible view */
} FakeView;

static GVariant *
fake_capture (gpointer data)
{
  FakeView *view = data;

  return view->place ? g_variant_new_string (view->place) : NULL;
}

static gboolean
fake_restore (gpointer   data,
              GVariant  *state,
              GError   **error)
{
  FakeView *view = data;
  const char *place = g_variant_get_string (state, NULL);

  if (g_str_equal (place, "gone"))
    return FALSE;
  g_free (view->place);
  view->place = g_strdup (place);
  return TRUE;
}

static char *visible_name;

static char *
fake_visible (gpointer data)
{
  return g_strdup (visible_name);
}

static void
go (FakeView     *view,
    EthosHistory *history,
    const char   *place)
{
  ethos_history_push (history);
  g_free (visible_name);
  visible_name = g_strdup (view->name);
  g_free (view->place);
  view->place = g_strdup (place);
}

static void
test_history (void)
{
  g_autoptr(EthosHistory) history = ethos_history_new (fake_visible, NULL);
  FakeView a = { "a", NULL, NULL }, b = { "b", NULL, NULL };

  ethos_history_add_view (history, "a", &a, fake_capture, fake_restore);
  ethos_history_add_view (history, "b", &b, fake_capture, fake_restore);
  g_assert_false (ethos_history_can_go_back (history));

  visible_name = g_strdup ("a");
  a.place = g_strdup ("a1");
  go (&b, history, "b1");
  go (&a, history, "a2");
  go (&a, history, "gone");   /* "a2" is pushed; "gone" cannot be restored later */
  g_free (a.place);
  a.place = g_strdup ("a3");
  g_assert_true (ethos_history_can_go_back (history));

  /* Back: a2 (in a), then b1 (in b), then a1. */
  g_assert_true (ethos_history_go_back (history));
  g_assert_cmpstr (a.place, ==, "a2");
  g_assert_true (ethos_history_can_go_forward (history));
  g_free (visible_name);
  visible_name = g_strdup ("a");
  g_assert_true (ethos_history_go_back (history));
  g_assert_cmpstr (b.place, ==, "b1");
  g_free (visible_name);
  visible_name = g_strdup ("b");
  g_assert_true (ethos_history_go_back (history));
  g_assert_cmpstr (a.place, ==, "a1");
  g_assert_false (ethos_history_can_go_back (history));
  g_assert_false (ethos_history_go_back (history));

  /* A new place clears Forward. */
  g_free (visible_name);
  visible_name = g_strdup ("a");
  go (&a, history, "a9");
  g_assert_false (ethos_history_can_go_forward (history));

  /* A place that can no longer be shown is skipped. */
  ethos_history_clear (history);
  go (&a, history, "gone");
  go (&a, history, "a10");
  g_assert_true (ethos_history_go_back (history));
  g_assert_cmpstr (a.place, ==, "a9");
  g_assert_false (ethos_history_can_go_back (history));

  g_clear_pointer (&visible_name, g_free);
  g_free (a.place);
  g_free (b.place);
}

int
main (int   argc,
      char *argv[])
{
  ethos_test_window_init (&argc, &argv);

  g_test_add_func ("/shell/history", test_history);
  g_test_add_func ("/shell/back-across-views", test_back_across_views);
  g_test_add_func ("/shell/folded-activation", test_folded_activation);
  g_test_add_func ("/shell/reveal", test_reveal);
  g_test_add_func ("/shell/compare-columns", test_compare_columns);
  g_test_add_func ("/shell/related", test_related);
  g_test_add_func ("/shell/print", test_print);
  g_test_add_func ("/shell/import-notes", test_import);
  g_test_add_func ("/shell/app-actions", test_app_actions);
  g_test_add_func ("/shell/menus", test_menus);

  return ethos_test_window_run ();
}
