/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "ethos-jump-dialog.h"
#include "ethos-markup.h"
#include "ethos-result.h"
#include "ethos-test-window.h"

/* The window as a user drives it in the Codes view: rows selected in the
 * sidebar, text typed into the search entry, actions activated as buttons
 * and shortcuts do. The Forms view is tested in test-forms-view.c. */

/* Finds a row among the children of @parent (the root when NULL) and
 * returns it, expanded. */
static GtkTreeListRow *
expand_row (EthosWindow    *window,
            GtkTreeListRow *parent,
            const char     *title)
{
  GListModel *children = parent ? gtk_tree_list_row_get_children (parent)
                                : G_LIST_MODEL (window->codes_view->root);

  g_assert_nonnull (children);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(EthosNode) node = g_list_model_get_item (children, i);
      GtkTreeListRow *row;

      if (g_strcmp0 (ethos_node_get_title (node), title) != 0 &&
          g_strcmp0 (ethos_node_get_key (node), title) != 0)
        continue;
      row = parent ? gtk_tree_list_row_get_child_row (parent, i)
                   : gtk_tree_list_model_get_child_row (window->codes_view->tree, i);
      gtk_tree_list_row_set_expanded (row, TRUE);
      return row;
    }
  g_error ("No row “%s” in the sidebar", title);
  return NULL;
}

static void
test_codes_listed_body (EthosApplication *app,
                        EthosWindow      *window)
{
  const char *expected[] = { "nohs", "coaching", "cesp", "oesc" };
  GListModel *root = G_LIST_MODEL (window->codes_view->root);
  guint n_codes = 0;

  for (guint i = 0; i < g_list_model_get_n_items (root); i++)
    {
      g_autoptr(EthosNode) node = g_list_model_get_item (root, i);
      if (ethos_node_get_kind (node) != ETHOS_NODE_CODE)
        continue;
      g_assert_cmpuint (n_codes, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (ethos_node_get_code (node), ==, expected[n_codes]);
      n_codes++;
    }
  g_assert_cmpuint (n_codes, ==, 4);

  /* The rows are on screen, not only in the model. */
  ethos_test_spin (100);
  g_assert_true (ethos_test_find_label (GTK_WIDGET (window->codes_view->tree_view), "NOHS Ethical Standards"));
  g_assert_true (ethos_test_find_label (GTK_WIDGET (window->codes_view->tree_view), "OESC Code of Conduct"));
  /* A first run opens on the first code's overview. */
  ethos_test_assert_at (window, ETHOS_NODE_CODE, "nohs", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->codes_view->content_stack), ==, "code");
}

static void
test_codes_listed (void)
{
  ethos_test_run_app (test_codes_listed_body);
}

static void
test_select_item_body (EthosApplication *app,
                       EthosWindow      *window)
{
  g_autoptr(GtkTreeListRow) code = expand_row (window, NULL, "NOHS Ethical Standards");
  g_autoptr(GtkTreeListRow) section = expand_row (window, code, "Responsibility to Clients");
  g_autoptr(GtkTreeListRow) item = expand_row (window, section, "3");
  GtkLabel *text;

  gtk_single_selection_set_selected (window->codes_view->tree_selection, gtk_tree_list_row_get_position (item));
  ethos_test_spin (50);
  text = ethos_item_page_get_text_label (window->codes_view->item_page);

  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "nohs", "3");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->codes_view->content_stack), ==, "item");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (text)));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (text),
                                   "Human service professionals protect the client's right to "
                                   "privacy and confidentiality"));
  g_assert_true (ethos_test_find_label (GTK_WIDGET (window->codes_view->item_page), "Standard 3"));
  /* Topics link to Compare, and other codes' items on them are listed. */
  g_assert_true (ethos_test_find_label (GTK_WIDGET (window->codes_view->item_page),
                                        "Limits of confidentiality / duty to warn"));
  g_assert_true (ethos_test_wait_for_label (window->codes_view->item_page, "Clause 1.9"));
}

static void
test_select_item (void)
{
  ethos_test_run_app (test_select_item_body);
}

static gboolean
results_shown (gpointer data)
{
  EthosWindow *window = data;
  return window->codes_view->query != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (window->codes_view->sidebar_stack), "browse") != 0;
}

static int
result_position (EthosWindow *window,
                 const char  *code,
                 const char  *ref)
{
  GListModel *results = G_LIST_MODEL (window->codes_view->results);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(EthosResult) result = g_list_model_get_item (results, i);
      if (g_strcmp0 (ethos_result_get_code (result), code) == 0 &&
          g_strcmp0 (ethos_result_get_ref (result), ref) == 0)
        return (int) i;
    }
  return -1;
}

static void
type_search (EthosWindow *window,
             const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (window->codes_view->search_entry), text);
  ethos_test_wait_until (results_shown, window, "the search results");
  g_assert_cmpstr (window->codes_view->query, ==, text);
}

static void
test_search_body (EthosApplication *app,
                  EthosWindow      *window)
{
  g_autoptr(EthosResult) first = NULL;
  const char *markup;

  type_search (window, "dual relat");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->codes_view->sidebar_stack), ==, "results");
  g_assert_cmpint (result_position (window, "nohs", "5"), >=, 0);
  g_assert_cmpint (result_position (window, "oesc", "I.4.a"), >=, 0);
  g_assert_cmpint (result_position (window, "nohs", "3"), ==, -1);
  /* The topic the words name comes first, then its items: the two whose
   * text matches, and the seven others filed under it. */
  {
    g_autoptr(EthosResult) topic = g_list_model_get_item (G_LIST_MODEL (window->codes_view->results), 0);
    g_autoptr(GPtrArray) items = ethos_corpus_items_for_topic (window->corpus, "dual-relationships",
                                                                NULL);

    g_assert_cmpint (ethos_result_get_kind (topic), ==, ETHOS_SEARCH_TOPIC);
    g_assert_cmpstr (ethos_result_get_topic (topic), ==, "dual-relationships");
    g_assert_cmpstr (ethos_result_get_title (topic), ==, "Topic: Dual relationships & boundaries");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->codes_view->results)), ==,
                      1 + items->len);
    for (guint i = 0; i < items->len; i++)
      g_assert_cmpint (result_position (window, ((EthosItem *) items->pdata[i])->code,
                                        ((EthosItem *) items->pdata[i])->ref), >, 0);
  }

  /* The matches are highlighted in the list... */
  first = g_list_model_get_item (G_LIST_MODEL (window->codes_view->results),
                                 (guint) result_position (window, "nohs", "5"));
  markup = ethos_result_get_markup (first);
  g_assert_nonnull (strstr (markup, "bgcolor"));
  g_assert_nonnull (strstr (markup, ">dual</span>"));

  /* ...and in the text of the item opened from it. */
  gtk_single_selection_set_selected (window->codes_view->results_selection,
                                     (guint) result_position (window, "nohs", "5"));
  ethos_test_spin (50);
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "nohs", "5");
  markup = gtk_label_get_label (ethos_item_page_get_text_label (window->codes_view->item_page));
  g_assert_nonnull (strstr (markup, ">dual</span> or multiple "));
  g_assert_nonnull (strstr (markup, ">relationships</span> with clients"));

  /* Scoped to one code. */
  gtk_drop_down_set_selected (window->codes_view->scope_dropdown, 4);
  ethos_test_spin (20);
  g_assert_cmpint (result_position (window, "nohs", "5"), ==, -1);
  g_assert_cmpint (result_position (window, "oesc", "I.4.a"), ==, 1);
  gtk_drop_down_set_selected (window->codes_view->scope_dropdown, 0);
  ethos_test_spin (20);


  /* Going through the results (as the arrow keys do) opens each, and Back
   * then returns to where the search started, not through each result. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (ethos_window_navigate (window, ETHOS_NODE_ITEM, "nohs", "3", &error));
    type_search (window, "duty to warn");
    for (guint i = 1; i <= 4; i++)
      {
        gtk_single_selection_set_selected (window->codes_view->results_selection, i);
        ethos_test_spin (20);
      }
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
    ethos_test_spin (20);
    ethos_test_assert_at (window, ETHOS_NODE_ITEM, "nohs", "3");
    /* A new search is a new start. */
    type_search (window, "dual relat");
    gtk_single_selection_set_selected (window->codes_view->results_selection, 1);
    ethos_test_spin (20);
    gtk_single_selection_set_selected (window->codes_view->results_selection, 2);
    ethos_test_spin (20);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
    ethos_test_spin (20);
    ethos_test_assert_at (window, ETHOS_NODE_ITEM, "nohs", "3");
  }

  /* Nothing found: the empty state. */
  type_search (window, "qqqzzzxx");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->codes_view->sidebar_stack), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->codes_view->empty_page)));

  /* Clearing the search brings the tree back and the text unmarked. */
  gtk_editable_set_text (GTK_EDITABLE (window->codes_view->search_entry), "");
  ethos_test_spin (400);
  g_assert_null (window->codes_view->query);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->codes_view->sidebar_stack), ==, "browse");
  markup = gtk_label_get_label (ethos_item_page_get_text_label (window->codes_view->item_page));
  g_assert_null (strstr (markup, "<span"));

  /* The topic's row opens Compare on it. */
  type_search (window, "dual relat");
  gtk_single_selection_set_selected (window->codes_view->results_selection, 0);
  ethos_test_spin (50);
  ethos_test_assert_at (window, ETHOS_NODE_COMPARE, NULL, "dual-relationships");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->codes_view->compare_page)));
}

static void
test_search (void)
{
  ethos_test_run_app (test_search_body);
}

static EthosJumpDialog *
find_jump_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ETHOS_IS_JUMP_DIALOG (window))
        return ETHOS_JUMP_DIALOG (window);
    }
  return NULL;
}

/* The rows the dialog's list shows (one per candidate, made by its model). */
static guint
count_list_rows (GtkWidget *widget)
{
  guint n = GTK_IS_LIST_BOX_ROW (widget) && gtk_widget_get_visible (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_list_rows (child);
  return n;
}

static void
test_reference_jump_body (EthosApplication *app,
                          EthosWindow      *window)
{
  EthosJumpDialog *dialog;

  /* A reference typed into the search entry: Enter goes there. */
  type_search (window, "nohs 3");
  g_signal_emit_by_name (window->codes_view->search_entry, "activate");
  ethos_test_spin (20);
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "nohs", "3");
  gtk_editable_set_text (GTK_EDITABLE (window->codes_view->search_entry), "");
  ethos_test_spin (300);

  /* Ctrl+K's dialog, with a sub-item. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.jump", NULL));
  dialog = find_jump_dialog ();
  g_assert_nonnull (dialog);
  ethos_test_wait_until (ethos_test_is_mapped, dialog, "the jump dialog");
  gtk_editable_set_text (ethos_jump_dialog_get_entry (dialog), "I.5.a");
  g_assert_cmpuint (ethos_jump_dialog_get_n_candidates (dialog), ==, 1);
  g_signal_emit_by_name (ethos_jump_dialog_get_entry (dialog), "activate");
  ethos_test_spin (50);
  g_assert_null (find_jump_dialog ());
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "oesc", "I.5.a");
  /* The sidebar shows where we are: the sub-item's row is selected. */
  {
    GtkTreeListRow *row = gtk_single_selection_get_selected_item (window->codes_view->tree_selection);
    g_autoptr(EthosNode) node = gtk_tree_list_row_get_item (row);
    g_assert_cmpstr (ethos_node_get_key (node), ==, "I.5.a");
    g_assert_cmpuint (gtk_tree_list_row_get_depth (row), ==, 3);
  }

  /* A bare ref in several codes offers each of them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.jump", NULL));
  dialog = find_jump_dialog ();
  ethos_test_wait_until (ethos_test_is_mapped, dialog, "the jump dialog");
  gtk_editable_set_text (ethos_jump_dialog_get_entry (dialog), "1.1");
  ethos_test_spin (50);
  g_assert_cmpuint (ethos_jump_dialog_get_n_candidates (dialog), ==, 2);
  g_assert_cmpuint (count_list_rows (GTK_WIDGET (dialog)), ==, 2);
  g_assert_true (ethos_test_find_label (GTK_WIDGET (dialog),
                                        "Global Code of Ethics (coaching & mentoring)"));
  g_assert_true (ethos_test_find_label (GTK_WIDGET (dialog), "ESPCC CESP™ Code of Conduct"));
  /* Typing on replaces the rows: none for a reference no code has, two
   * again when it is back. */
  gtk_editable_set_text (ethos_jump_dialog_get_entry (dialog), "1.1.9");
  ethos_test_spin (20);
  g_assert_cmpuint (ethos_jump_dialog_get_n_candidates (dialog), ==, 0);
  g_assert_cmpuint (count_list_rows (GTK_WIDGET (dialog)), ==, 0);
  g_assert_true (ethos_test_find_label (GTK_WIDGET (dialog), "No code has that reference."));
  gtk_editable_set_text (ethos_jump_dialog_get_entry (dialog), "1.1");
  ethos_test_spin (20);
  g_assert_cmpuint (count_list_rows (GTK_WIDGET (dialog)), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "jump.choose", "(ss)",
                                             "cesp", "1.1"));
  ethos_test_spin (50);
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "cesp", "1.1");

  /* Back and forward walk the places visited. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "oesc", "I.5.a");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "nohs", "3");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-forward", NULL));
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "oesc", "I.5.a");
}

static void
test_reference_jump (void)
{
  ethos_test_run_app (test_reference_jump_body);
}

static char *
note_text (EthosWindow *window)
{
  GtkTextBuffer *buffer = ethos_item_page_get_note_buffer (window->codes_view->item_page);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

#define NOTE "Ask the supervisor about Núñez — before Friday"

static void
bookmark_and_note_body (EthosApplication *app,
                        EthosWindow      *window)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_ITEM, "nohs", "3", &error));
  g_assert_false (window->codes_view->bookmarked);
  g_assert_false (gtk_toggle_button_get_active (window->codes_view->bookmark_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->codes_view), "codes.bookmark", NULL));
  g_assert_true (window->codes_view->bookmarked);
  g_assert_true (gtk_toggle_button_get_active (window->codes_view->bookmark_button));

  /* Typed, then the window closed before the save's pause is over. */
  gtk_text_buffer_set_text (ethos_item_page_get_note_buffer (window->codes_view->item_page), NOTE, -1);
  /* Resized, away from the default size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1010, 710);
}

static void
reopened_body (EthosApplication *app,
               EthosWindow      *window)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int width, height;

  /* The window reopens where it was left, at the size it was left. */
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "nohs", "3");
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1010);
  g_assert_cmpint (height, ==, 710);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));
  g_assert_true (window->codes_view->bookmarked);
  g_assert_true (gtk_toggle_button_get_active (window->codes_view->bookmark_button));
  text = note_text (window);
  g_assert_cmpstr (text, ==, NOTE);

  /* The Bookmarks view lists it, with its note. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-bookmarks", NULL));
  ethos_test_assert_at (window, ETHOS_NODE_BOOKMARKS, NULL, NULL);
  ethos_test_spin (50);
  g_assert_true (ethos_test_find_label (GTK_WIDGET (window->codes_view->bookmarks_page), NOTE));
  g_assert_true (ethos_test_find_label (GTK_WIDGET (window->codes_view->bookmarks_page), "Standard 3"));

  /* Another item has neither. */
  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_ITEM, "nohs", "4", &error));
  g_assert_false (window->codes_view->bookmarked);
  g_clear_pointer (&text, g_free);
  text = note_text (window);
  g_assert_cmpstr (text, ==, "");

  /* Unstarring is saved as well. */
  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_ITEM, "nohs", "3", &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->codes_view), "codes.bookmark", NULL));
  g_assert_false (window->codes_view->bookmarked);
  g_assert_false (ethos_user_db_is_bookmarked (ethos_application_get_user_db (app), "nohs", "3"));
}

/* Two runs of the application: the second reads what the first wrote. */
static void
test_bookmark_and_note_persist (void)
{
  ethos_test_run_app (bookmark_and_note_body);
  ethos_test_run_app (reopened_body);
}

typedef struct
{
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  ClipboardRead *read = data;
  g_autoptr(GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

static char *
copy_citation (EthosWindow *window,
               const char  *style)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  ClipboardRead read = { NULL, FALSE };

  gdk_clipboard_set_text (clipboard, "something else");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->codes_view), "codes.copy-citation", "s", style));
  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_read_cb, &read);
  ethos_test_wait_until (read_done, &read, "the clipboard");
  return read.text;
}

static void
test_copy_citation_body (EthosApplication *app,
                         EthosWindow      *window)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *full = NULL;
  g_autofree char *short_form = NULL;
  g_autofree char *with_text = NULL;

  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_ITEM, "nohs", "3", &error));

  full = copy_citation (window, "full");
  g_assert_cmpstr (full, ==, "National Organization for Human Services. (2024). Ethical Standards "
                             "for Human Services Professionals, Standard 3.");
  short_form = copy_citation (window, "short");
  g_assert_cmpstr (short_form, ==, "NOHS (2024), Standard 3");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->codes_view), "codes.citation-include-text",
                                             NULL));
  with_text = copy_citation (window, "full");
  g_assert_true (g_str_has_prefix (with_text, full));
  g_assert_nonnull (strstr (with_text,
                            "\n\nHuman service professionals protect the client's right"));

  /* Nothing to cite on a code's overview. */
  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_CODE, "nohs", NULL, &error));
  g_assert_false (gtk_widget_get_visible (window->codes_view->citation_button));
}

static void
test_copy_citation (void)
{
  ethos_test_run_app (test_copy_citation_body);
}

static void
test_compare_body (EthosApplication *app,
                   EthosWindow      *window)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *compare;

  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_ITEM, "nohs", "3", &error));
  /* A topic button of the item opens Compare on that topic. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-compare", "s",
                                             "limits-of-confidentiality"));
  ethos_test_assert_at (window, ETHOS_NODE_COMPARE, NULL, "limits-of-confidentiality");
  ethos_test_spin (50);
  compare = GTK_WIDGET (window->codes_view->compare_page);
  g_assert_true (ethos_test_find_label (compare, "NOHS Ethical Standards"));
  g_assert_true (ethos_test_find_label (compare, "Global Code of Ethics (coaching & mentoring)"));
  g_assert_true (ethos_test_find_label (compare, "OESC Code of Conduct"));
  g_assert_true (ethos_test_find_label (compare, "Clause 1.11"));
  g_assert_true (ethos_test_find_label (compare, "Item I.5.b · Duty to Warn"));

  /* A section page, whose heading holds an ampersand. */
  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_SECTION, "coaching",
                                        "1. Working with Clients", &error));
  ethos_test_spin (50);
  g_assert_true (ethos_test_find_label (GTK_WIDGET (window->codes_view->section_page),
                             "Terminating professional relationships & on-going responsibilities"));
  g_assert_true (ethos_test_find_label (GTK_WIDGET (window->codes_view->section_page), "Clause 1.23"));
  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_SECTION, "coaching",
                                        "Terminating professional relationships & on-going "
                                        "responsibilities", &error));

  /* Each item there leads back to its place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-item", "(ss)",
                                             "coaching", "1.11"));
  ethos_test_assert_at (window, ETHOS_NODE_ITEM, "coaching", "1.11");
}

static void
test_compare (void)
{
  ethos_test_run_app (test_compare_body);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* About lists each code's source and notice; the shortcuts window opens.
 * Under fatal warnings, a markup error in either would fail here. */
static void
test_dialogs_body (EthosApplication *app,
                   EthosWindow      *window)
{
  GtkWindow *about, *shortcuts;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  ethos_test_wait_until (ethos_test_is_mapped, about, "the about window");
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Ethos");
  gtk_window_destroy (about);

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  ethos_test_wait_until (ethos_test_is_mapped, shortcuts, "the shortcuts window");
  gtk_window_destroy (shortcuts);
  ethos_test_spin (20);

  /* Every accelerator the shortcuts window shows is one the app sets. */
  {
    const char *expected[][2] = {
      { "win.search", "<Control>f" },
      { "win.jump", "<Control>k" },
      { "win.go-back", "<Alt>Left" },
      { "win.go-forward", "<Alt>Right" },
      { "win.show-bookmarks", "<Control>b" },
      { "win.show-compare('')", "<Control>t" },
      { "win.view('codes')", "<Alt>1" },
      { "win.view('forms')", "<Alt>2" },
      { "app.shortcuts", "<Control>question" },
      { "app.quit", "<Control>q" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                      expected[i][0]);
        guint key, want_key;
        GdkModifierType mods, want_mods;
        gboolean found = FALSE;

        g_assert_true (gtk_accelerator_parse (expected[i][1], &want_key, &want_mods));
        for (guint a = 0; accels[a] != NULL; a++)
          if (gtk_accelerator_parse (accels[a], &key, &mods) && key == want_key &&
              mods == want_mods)
            found = TRUE;
        if (!found)
          g_error ("%s has no accelerator %s", expected[i][0], expected[i][1]);
      }
  }
  /* The Codes view's own actions are its shortcuts, active where it has
   * the focus. */
  {
    const char *expected[][2] = {
      { "codes.bookmark", "<Control>d" },
      { "codes.copy-citation", "<Control><Shift>c" },
      { "codes.print", "<Control>p" },
      { "codes.copy-citation", "<Control><Alt>c" },
      { "codes.export-pdf", "<Control><Shift>e" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_true (ethos_test_has_shortcut (GTK_WIDGET (window->codes_view), expected[i][0],
                                              expected[i][1]));
  }
}

static void
test_dialogs (void)
{
  ethos_test_run_app (test_dialogs_body);
}

static void
test_markup (void)
{
  g_autofree char *markup = ethos_markup_from_marked ("a <b> & \002dual\003 \003x\002y");
  g_autofree char *plain = ethos_markup_strip_marks ("\002dual\003 relationships");

  g_assert_true (g_str_has_prefix (markup, "a &lt;b&gt; &amp; <span"));
  g_assert_nonnull (strstr (markup, ">dual</span> x<span"));
  g_assert_true (g_str_has_suffix (markup, ">y</span>"));
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
  g_assert_cmpstr (plain, ==, "dual relationships");
}

int
main (int   argc,
      char *argv[])
{
  ethos_test_window_init (&argc, &argv);

  g_test_add_func ("/window/markup", test_markup);
  g_test_add_func ("/window/codes-listed", test_codes_listed);
  g_test_add_func ("/window/select-item", test_select_item);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/reference-jump", test_reference_jump);
  g_test_add_func ("/window/copy-citation", test_copy_citation);
  g_test_add_func ("/window/compare", test_compare);
  g_test_add_func ("/window/dialogs", test_dialogs);
  /* Last: it leaves a bookmark, a note and a remembered place behind. */
  g_test_add_func ("/window/bookmark-and-note-persist", test_bookmark_and_note_persist);
  return ethos_test_window_run ();
}
