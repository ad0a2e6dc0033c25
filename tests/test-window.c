/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "ethos-application.h"
#include "ethos-forms-text.h"
#include "ethos-paths.h"
#include "ethos-template-store.h"
#include "ethos-jump-dialog.h"
#include "ethos-markup.h"
#include "ethos-result.h"
#include "ethos-window-private.h"

/* The window as a user drives it: rows selected in the sidebar, text typed
 * into the search entry, actions activated as buttons and shortcuts do. */

static char *test_dir;

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("Timed out waiting for %s", what);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* Mapped and laid out: the leaflet maps its panes only once allocated. */
static gboolean
is_shown (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

typedef void (*TestBody) (EthosApplication *app,
                          EthosWindow      *window);

static void
window_close (EthosWindow *window)
{
  gpointer pages[] = {
    window->item_page, window->code_page, window->section_page, window->compare_page,
    window->bookmarks_page, window->tree_view, window->results_view, window->forms_page,
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (pages[i] != NULL)
      g_object_add_weak_pointer (pages[i], &pages[i]);
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  spin (50);
  /* Nothing else holds the window or any of its children. */
  g_assert_finalize_object (window);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_assert_null (pages[i]);
}

static void
activated_cb (EthosApplication *app,
              TestBody          body)
{
  EthosWindow *window = ETHOS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_assert_nonnull (ethos_application_get_corpus (app));
  g_assert_nonnull (ethos_application_get_user_db (app));
  g_assert_true (ETHOS_IS_WINDOW (window));
  wait_until (is_shown, window, "the window to show");

  g_application_hold (G_APPLICATION (app));
  body (app, window);
  window_close (window);
  g_application_release (G_APPLICATION (app));
}

/* Starts Ethos as main.c does, runs @body on the window it opens, closes
 * the window and lets the application quit. */
static void
run_app (TestBody body)
{
  EthosApplication *app = ethos_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), body);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_finalize_object (app);
}

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;
  return FALSE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;
  return find_label (wait->root, wait->text);
}

/* Waits for a label: some parts of a page fill in a frame after the rest. */
static gboolean
wait_for_label (gpointer    root,
                const char *text)
{
  LabelWait wait = { root, text };

  wait_until (label_shown, &wait, text);
  return TRUE;
}

static void
assert_at (EthosWindow   *window,
           EthosNodeKind  kind,
           const char    *code,
           const char    *key)
{
  g_assert_nonnull (window->current);
  g_assert_cmpint (window->current->kind, ==, kind);
  g_assert_cmpstr (window->current->code, ==, code);
  g_assert_cmpstr (window->current->key, ==, key);
}

/* Finds a row among the children of @parent (the root when NULL) and
 * returns it, expanded. */
static GtkTreeListRow *
expand_row (EthosWindow    *window,
            GtkTreeListRow *parent,
            const char     *title)
{
  GListModel *children = parent ? gtk_tree_list_row_get_children (parent)
                                : G_LIST_MODEL (window->root);

  g_assert_nonnull (children);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(EthosNode) node = g_list_model_get_item (children, i);
      GtkTreeListRow *row;

      if (g_strcmp0 (ethos_node_get_title (node), title) != 0 &&
          g_strcmp0 (ethos_node_get_key (node), title) != 0)
        continue;
      row = parent ? gtk_tree_list_row_get_child_row (parent, i)
                   : gtk_tree_list_model_get_child_row (window->tree, i);
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
  GListModel *root = G_LIST_MODEL (window->root);
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
  spin (100);
  g_assert_true (find_label (GTK_WIDGET (window->tree_view), "NOHS Ethical Standards"));
  g_assert_true (find_label (GTK_WIDGET (window->tree_view), "OESC Code of Conduct"));
  /* A first run opens on the first code's overview. */
  assert_at (window, ETHOS_NODE_CODE, "nohs", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "code");
}

static void
test_codes_listed (void)
{
  run_app (test_codes_listed_body);
}

static void
test_select_item_body (EthosApplication *app,
                       EthosWindow      *window)
{
  g_autoptr(GtkTreeListRow) code = expand_row (window, NULL, "NOHS Ethical Standards");
  g_autoptr(GtkTreeListRow) section = expand_row (window, code, "Responsibility to Clients");
  g_autoptr(GtkTreeListRow) item = expand_row (window, section, "3");
  GtkLabel *text;

  gtk_single_selection_set_selected (window->tree_selection, gtk_tree_list_row_get_position (item));
  spin (50);
  text = ethos_item_page_get_text_label (window->item_page);

  assert_at (window, ETHOS_NODE_ITEM, "nohs", "3");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "item");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (text)));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (text),
                                   "Human service professionals protect the client's right to "
                                   "privacy and confidentiality"));
  g_assert_true (find_label (GTK_WIDGET (window->item_page), "Standard 3"));
  /* Topics link to Compare, and other codes' items on them are listed. */
  g_assert_true (find_label (GTK_WIDGET (window->item_page), "Limits of confidentiality / duty to warn"));
  g_assert_true (wait_for_label (window->item_page, "Clause 1.9"));
}

static void
test_select_item (void)
{
  run_app (test_select_item_body);
}

static gboolean
results_shown (gpointer data)
{
  EthosWindow *window = data;
  return window->query != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (window->sidebar_stack), "browse") != 0;
}

static int
result_position (EthosWindow *window,
                 const char  *code,
                 const char  *ref)
{
  GListModel *results = G_LIST_MODEL (window->results);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(EthosResult) result = g_list_model_get_item (results, i);
      if (g_str_equal (ethos_result_get_code (result), code) &&
          g_strcmp0 (ethos_result_get_ref (result), ref) == 0)
        return (int) i;
    }
  return -1;
}

static void
type_search (EthosWindow *window,
             const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), text);
  wait_until (results_shown, window, "the search results");
  g_assert_cmpstr (window->query, ==, text);
}

static void
test_search_body (EthosApplication *app,
                  EthosWindow      *window)
{
  g_autoptr(EthosResult) first = NULL;
  const char *markup;

  type_search (window, "dual relat");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "results");
  g_assert_cmpint (result_position (window, "nohs", "5"), >=, 0);
  g_assert_cmpint (result_position (window, "oesc", "I.4.a"), >=, 0);
  g_assert_cmpint (result_position (window, "nohs", "3"), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->results)), ==, 2);

  /* The matches are highlighted in the list... */
  first = g_list_model_get_item (G_LIST_MODEL (window->results),
                                 (guint) result_position (window, "nohs", "5"));
  markup = ethos_result_get_markup (first);
  g_assert_nonnull (strstr (markup, "bgcolor"));
  g_assert_nonnull (strstr (markup, ">dual</span>"));

  /* ...and in the text of the item opened from it. */
  gtk_single_selection_set_selected (window->results_selection,
                                     (guint) result_position (window, "nohs", "5"));
  spin (50);
  assert_at (window, ETHOS_NODE_ITEM, "nohs", "5");
  markup = gtk_label_get_label (ethos_item_page_get_text_label (window->item_page));
  g_assert_nonnull (strstr (markup, ">dual</span> or multiple "));
  g_assert_nonnull (strstr (markup, ">relationships</span> with clients"));

  /* Scoped to one code. */
  gtk_drop_down_set_selected (window->scope_dropdown, 4);
  spin (20);
  g_assert_cmpint (result_position (window, "nohs", "5"), ==, -1);
  g_assert_cmpint (result_position (window, "oesc", "I.4.a"), ==, 0);
  gtk_drop_down_set_selected (window->scope_dropdown, 0);

  /* Nothing found: the empty state. */
  type_search (window, "qqqzzzxx");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->empty_page)));

  /* Clearing the search brings the tree back and the text unmarked. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
  spin (400);
  g_assert_null (window->query);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "browse");
  markup = gtk_label_get_label (ethos_item_page_get_text_label (window->item_page));
  g_assert_null (strstr (markup, "<span"));
}

static void
test_search (void)
{
  run_app (test_search_body);
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

static void
test_reference_jump_body (EthosApplication *app,
                          EthosWindow      *window)
{
  EthosJumpDialog *dialog;

  /* A reference typed into the search entry: Enter goes there. */
  type_search (window, "nohs 3");
  g_signal_emit_by_name (window->search_entry, "activate");
  spin (20);
  assert_at (window, ETHOS_NODE_ITEM, "nohs", "3");
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
  spin (300);

  /* Ctrl+K's dialog, with a sub-item. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.jump", NULL));
  dialog = find_jump_dialog ();
  g_assert_nonnull (dialog);
  wait_until (is_mapped, dialog, "the jump dialog");
  gtk_editable_set_text (ethos_jump_dialog_get_entry (dialog), "I.5.a");
  g_assert_cmpuint (ethos_jump_dialog_get_n_candidates (dialog), ==, 1);
  g_signal_emit_by_name (ethos_jump_dialog_get_entry (dialog), "activate");
  spin (50);
  g_assert_null (find_jump_dialog ());
  assert_at (window, ETHOS_NODE_ITEM, "oesc", "I.5.a");
  /* The sidebar shows where we are: the sub-item's row is selected. */
  {
    GtkTreeListRow *row = gtk_single_selection_get_selected_item (window->tree_selection);
    g_autoptr(EthosNode) node = gtk_tree_list_row_get_item (row);
    g_assert_cmpstr (ethos_node_get_key (node), ==, "I.5.a");
    g_assert_cmpuint (gtk_tree_list_row_get_depth (row), ==, 3);
  }

  /* A bare ref in several codes offers each of them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.jump", NULL));
  dialog = find_jump_dialog ();
  wait_until (is_mapped, dialog, "the jump dialog");
  gtk_editable_set_text (ethos_jump_dialog_get_entry (dialog), "1.1");
  spin (50);
  g_assert_cmpuint (ethos_jump_dialog_get_n_candidates (dialog), ==, 2);
  g_assert_true (find_label (GTK_WIDGET (dialog), "Global Code of Ethics (coaching & mentoring)"));
  g_assert_true (find_label (GTK_WIDGET (dialog), "ESPCC CESP™ Code of Conduct"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "jump.choose", "(ss)",
                                             "cesp", "1.1"));
  spin (50);
  assert_at (window, ETHOS_NODE_ITEM, "cesp", "1.1");

  /* Back and forward walk the places visited. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  assert_at (window, ETHOS_NODE_ITEM, "oesc", "I.5.a");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  assert_at (window, ETHOS_NODE_ITEM, "nohs", "3");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-forward", NULL));
  assert_at (window, ETHOS_NODE_ITEM, "oesc", "I.5.a");
}

static void
test_reference_jump (void)
{
  run_app (test_reference_jump_body);
}

static char *
note_text (EthosWindow *window)
{
  GtkTextBuffer *buffer = ethos_item_page_get_note_buffer (window->item_page);
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
  g_assert_false (window->bookmarked);
  g_assert_false (gtk_toggle_button_get_active (window->bookmark_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL));
  g_assert_true (window->bookmarked);
  g_assert_true (gtk_toggle_button_get_active (window->bookmark_button));

  /* Typed, then the window closed before the save's pause is over. */
  gtk_text_buffer_set_text (ethos_item_page_get_note_buffer (window->item_page), NOTE, -1);
}

static void
reopened_body (EthosApplication *app,
               EthosWindow      *window)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* The window reopens where it was left. */
  assert_at (window, ETHOS_NODE_ITEM, "nohs", "3");
  g_assert_true (window->bookmarked);
  g_assert_true (gtk_toggle_button_get_active (window->bookmark_button));
  text = note_text (window);
  g_assert_cmpstr (text, ==, NOTE);

  /* The Bookmarks view lists it, with its note. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-bookmarks", NULL));
  assert_at (window, ETHOS_NODE_BOOKMARKS, NULL, NULL);
  spin (50);
  g_assert_true (find_label (GTK_WIDGET (window->bookmarks_page), NOTE));
  g_assert_true (find_label (GTK_WIDGET (window->bookmarks_page), "Standard 3"));

  /* Another item has neither. */
  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_ITEM, "nohs", "4", &error));
  g_assert_false (window->bookmarked);
  g_clear_pointer (&text, g_free);
  text = note_text (window);
  g_assert_cmpstr (text, ==, "");

  /* Unstarring is saved as well. */
  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_ITEM, "nohs", "3", &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL));
  g_assert_false (window->bookmarked);
  g_assert_false (ethos_user_db_is_bookmarked (ethos_application_get_user_db (app), "nohs", "3"));
}

/* Two runs of the application: the second reads what the first wrote. */
static void
test_bookmark_and_note_persist (void)
{
  run_app (bookmark_and_note_body);
  run_app (reopened_body);
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
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-citation", "s", style));
  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_read_cb, &read);
  wait_until (read_done, &read, "the clipboard");
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

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.citation-include-text", NULL));
  with_text = copy_citation (window, "full");
  g_assert_true (g_str_has_prefix (with_text, full));
  g_assert_nonnull (strstr (with_text, "\n\nHuman service professionals protect the client's right"));

  /* Nothing to cite on a code's overview. */
  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_CODE, "nohs", NULL, &error));
  g_assert_false (gtk_widget_get_visible (window->citation_button));
}

static void
test_copy_citation (void)
{
  run_app (test_copy_citation_body);
}

static void
test_compare_body (EthosApplication *app,
                   EthosWindow      *window)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_ITEM, "nohs", "3", &error));
  /* A topic button of the item opens Compare on that topic. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-compare", "s",
                                             "limits-of-confidentiality"));
  assert_at (window, ETHOS_NODE_COMPARE, NULL, "limits-of-confidentiality");
  spin (50);
  g_assert_true (find_label (GTK_WIDGET (window->compare_page), "NOHS Ethical Standards"));
  g_assert_true (find_label (GTK_WIDGET (window->compare_page), "Global Code of Ethics (coaching & mentoring)"));
  g_assert_true (find_label (GTK_WIDGET (window->compare_page), "OESC Code of Conduct"));
  g_assert_true (find_label (GTK_WIDGET (window->compare_page), "Clause 1.11"));
  g_assert_true (find_label (GTK_WIDGET (window->compare_page), "Item I.5.b · Duty to Warn"));

  /* A section page, whose heading holds an ampersand. */
  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_SECTION, "coaching",
                                        "1. Working with Clients", &error));
  spin (50);
  g_assert_true (find_label (GTK_WIDGET (window->section_page),
                             "Terminating professional relationships & on-going responsibilities"));
  g_assert_true (find_label (GTK_WIDGET (window->section_page), "Clause 1.23"));
  g_assert_true (ethos_window_navigate (window, ETHOS_NODE_SECTION, "coaching",
                                        "Terminating professional relationships & on-going "
                                        "responsibilities", &error));

  /* Each item there leads back to its place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-item", "(ss)",
                                             "coaching", "1.11"));
  assert_at (window, ETHOS_NODE_ITEM, "coaching", "1.11");
}

static void
test_compare (void)
{
  run_app (test_compare_body);
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
  wait_until (is_mapped, about, "the about window");
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Ethos");
  gtk_window_destroy (about);

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  wait_until (is_mapped, shortcuts, "the shortcuts window");
  gtk_window_destroy (shortcuts);
  spin (20);

  /* Every accelerator the shortcuts window shows is one the app sets. */
  {
    const char *expected[][2] = {
      { "win.search", "<Control>f" },
      { "win.jump", "<Control>k" },
      { "win.go-back", "<Alt>Left" },
      { "win.go-forward", "<Alt>Right" },
      { "win.bookmark", "<Control>d" },
      { "win.copy-citation::full", "<Control><Shift>c" },
      { "win.show-bookmarks", "<Control>b" },
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
          if (gtk_accelerator_parse (accels[a], &key, &mods) && key == want_key && mods == want_mods)
            found = TRUE;
        if (!found)
          g_error ("%s has no accelerator %s", expected[i][0], expected[i][1]);
      }
  }
}

static void
test_dialogs (void)
{
  run_app (test_dialogs_body);
}

/* The mapped label showing exactly @text under @widget, or NULL. */
static GtkWidget *
find_label_widget (GtkWidget  *widget,
                   const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_widget (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The mapped widget under @widget that activates @action with @target. */
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

#define AGENCY_ID "agency-intake"
#define AGENCY_TITLE "Agency Intake Consent"
#define SHARED_ID "shared-consent"
#define SHARED_TITLE "Consent (Agency Network Copy)"

static EthosRequirements *
load_requirements (void)
{
  g_autofree char *dir = ethos_paths_get_templates_dir ();
  g_autofree char *path = g_build_filename (dir, "requirements.json", NULL);
  g_autoptr(GError) error = NULL;
  EthosRequirements *reqs = ethos_requirements_load (path, &error);

  g_assert_no_error (error);
  return reqs;
}

/* Writes a copy of the informed-consent template under another id and
 * title, without the clause @drop (unless NULL). */
static void
write_template_copy (const char *path,
                     const char *id,
                     const char *title_en,
                     const char *drop)
{
  g_autofree char *builtin = ethos_paths_get_templates_dir ();
  g_autofree char *source = g_build_filename (builtin, "informed-consent.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *kept = json_array_new ();
  JsonObject *root, *title;
  JsonArray *clauses;

  g_assert_true (json_parser_load_from_file (parser, source, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "id", id);
  title = json_object_get_object_member (root, "title");
  json_object_set_string_member (title, "en", title_en);
  json_object_set_string_member (title, "es", "Consentimiento de la agencia");
  clauses = json_object_get_array_member (root, "clauses");
  for (guint i = 0; i < json_array_get_length (clauses); i++)
    {
      JsonObject *clause = json_array_get_object_element (clauses, i);
      if (g_strcmp0 (json_object_get_string_member (clause, "id"), drop) != 0)
        json_array_add_element (kept, json_node_copy (json_array_get_element (clauses, i)));
    }
  g_assert_cmpuint (json_array_get_length (kept), ==,
                    json_array_get_length (clauses) - (drop != NULL));
  json_object_set_array_member (root, "clauses", kept);
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, path, &error));
}

/* An agency's copy of the informed-consent template without its clause on
 * withdrawing consent, imported into the user database the window opens
 * (as `ethos-cli template --import` does); and another copy in the shared
 * templates folder the setting names. */
static void
add_agency_templates (void)
{
  g_autofree char *builtin = ethos_paths_get_templates_dir ();
  g_autofree char *copy = g_build_filename (test_dir, AGENCY_ID ".json", NULL);
  g_autofree char *shared = g_build_filename (test_dir, "agency-share", NULL);
  g_autofree char *shared_copy = g_build_filename (shared, SHARED_ID ".json", NULL);
  g_autofree char *db_path = ethos_paths_get_user_db_file ();
  g_autoptr(GSettings) settings = ethos_application_new_settings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosUserDb) db = NULL;
  g_autoptr(EthosTemplateStore) store = NULL;

  write_template_copy (copy, AGENCY_ID, AGENCY_TITLE, "withdraw");
  db = ethos_user_db_open (db_path, &error);
  g_assert_no_error (error);
  store = ethos_template_store_new (builtin, db, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ethos_template_store_import (store, copy, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir_with_parents (shared, 0700), ==, 0);
  write_template_copy (shared_copy, SHARED_ID, SHARED_TITLE, NULL);
  g_settings_set_string (settings, "agency-templates-directory", shared);
}

static gboolean
forms_page_shown (gpointer data)
{
  EthosWindow *window = data;
  return window->forms_page != NULL && is_shown (window->forms_page);
}

static void
assert_row_status (GtkWidget  *row,
                   const char *status,
                   const char *style)
{
  GtkWidget *label = find_label_widget (row, status);

  if (label == NULL)
    g_error ("The row has no status “%s”", status);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (label), style));
}

static void
test_forms_body (EthosApplication *app,
                 EthosWindow      *window)
{
  const char *builtin[][2] = {
    { "coaching-agreement", "Coaching / Mentoring Agreement" },
    { "confidentiality-limits", "Limits of Confidentiality" },
    { "informed-consent", "Informed Consent for Services" },
    { "release-of-information", "Release of Information" },
    { "telehealth-consent", "Technology and Telehealth Consent" },
  };
  const char *consent_standards[] = { "nohs 2", "nohs 3", "nohs 8", "nohs 9" };
  g_autoptr(EthosRequirements) reqs = load_requirements ();
  const EthosElement *withdraw = ethos_requirements_get_element (reqs, "nohs-2#withdraw");
  g_autofree char *all_covered = NULL;
  EthosFormsPage *page;
  GtkWidget *row, *report, *label, *button;
  guint n_consent_elements = 0;

  /* Startup reads no template: the page is made when the view is shown. */
  g_assert_null (window->forms_page);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "codes");
  adw_view_stack_set_visible_child_name (window->view_stack, "forms");
  wait_until (forms_page_shown, window, "the Forms view");
  page = window->forms_page;
  spin (50);

  /* Every built-in template, by its English title, from where it comes. */
  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    {
      row = ethos_forms_page_get_row (page, builtin[i][0]);
      g_assert_nonnull (row);
      g_assert_true (find_label (row, builtin[i][1]));
      g_assert_true (find_label (row, "English, Spanish · Built-in"));
    }
  row = ethos_forms_page_get_row (page, "informed-consent");
  g_assert_true (find_label (row, "informed-consent, version 1.0"));
  g_assert_true (find_label (row, "Standards: NOHS 2, 3, 8, 9"));

  /* Informed consent covers every element of NOHS 2, 3, 8 and 9. */
  for (guint i = 0; i < G_N_ELEMENTS (consent_standards); i++)
    n_consent_elements += ethos_requirements_get_standard (reqs, consent_standards[i])->len;
  g_assert_cmpuint (n_consent_elements, >, 10);
  all_covered = g_strdup_printf ("All %u required elements covered", n_consent_elements);
  assert_row_status (row, all_covered, "success");

  /* The agency's copy lacks the clause on withdrawing consent. */
  row = ethos_forms_page_get_row (page, AGENCY_ID);
  g_assert_nonnull (row);
  g_assert_true (find_label (row, AGENCY_TITLE));
  g_assert_true (find_label (row, "English, Spanish · Agency"));
  assert_row_status (row, "1 element not covered", "error");

  /* The shared folder's copy, complete, comes from the folder the setting
   * names; its report says which file. */
  row = ethos_forms_page_get_row (page, SHARED_ID);
  g_assert_nonnull (row);
  g_assert_true (find_label (row, SHARED_TITLE));
  g_assert_true (find_label (row, "English, Spanish · Shared folder"));
  assert_row_status (row, all_covered, "success");
  gtk_widget_activate (row);
  spin (50);
  {
    g_autofree char *path = g_build_filename (test_dir, "agency-share", SHARED_ID ".json", NULL);
    g_autofree char *from = g_strdup_printf ("From %s", path);
    g_assert_true (find_label (ethos_forms_page_get_report (page), from));
  }
  row = ethos_forms_page_get_row (page, AGENCY_ID);

  /* Its report names the element not covered. */
  gtk_widget_activate (row);
  spin (50);
  g_assert_cmpstr (ethos_forms_page_get_template_id (page), ==, AGENCY_ID);
  report = ethos_forms_page_get_report (page);
  wait_for_label (report, withdraw->text);
  label = find_label_widget (report, withdraw->text);
  g_assert_nonnull (find_label_widget (gtk_widget_get_parent (label), "Not covered by any clause"));
  g_assert_true (find_label (report, AGENCY_TITLE));
  g_assert_true (find_label (report, "1 element not covered"));
  g_assert_true (find_label (report, "NOHS Standard 2"));
  /* Clauses: headings, conditions in words, the others still covering. */
  g_assert_true (find_label (report, "Covered by: Your questions · Your consent"));
  g_assert_true (find_label (report, "If your services are required"));
  g_assert_true (find_label (report, "Only when: Services are mandated"));
  g_assert_true (find_label (report, "Only when filled in: Parent or guardian 1: name"));
  g_assert_false (find_label (report, "Your right to stop"));

  /* The standard's button opens it in the Codes view. */
  button = find_actionable (report, "win.show-item", g_variant_new ("(ss)", "nohs", "2"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  spin (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "codes");
  assert_at (window, ETHOS_NODE_ITEM, "nohs", "2");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->item_page)));

  /* Back in Forms, the report is where it was left. */
  adw_view_stack_set_visible_child_name (window->view_stack, "forms");
  wait_until (forms_page_shown, window, "the Forms view again");
  g_assert_cmpstr (ethos_forms_page_get_template_id (page), ==, AGENCY_ID);
  /* Typing there does not search the codes; Ctrl+F goes to their search. */
  g_assert_null (gtk_search_entry_get_key_capture_widget (window->search_entry));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "codes");
  g_assert_true (gtk_search_entry_get_key_capture_widget (window->search_entry) ==
                 GTK_WIDGET (window));
}

static void
test_forms (void)
{
  g_autoptr(GSettings) settings = ethos_application_new_settings ();

  add_agency_templates ();
  run_app (test_forms_body);
  g_settings_reset (settings, "agency-templates-directory");
}

/* A page outside the window, over template directories the test makes. */
static EthosFormsPage *
forms_page_in_window (GtkWindow **window)
{
  EthosFormsPage *page = ethos_forms_page_new ();

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 1000, 700);
  gtk_window_set_child (*window, GTK_WIDGET (page));
  gtk_window_present (*window);
  wait_until (is_shown, page, "the Forms page");
  return page;
}

static void
close_forms_window (GtkWindow      *window,
                    EthosFormsPage *page)
{
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  gtk_window_destroy (window);
  spin (20);
  g_assert_null (page);
}

static void
test_forms_problems (void)
{
  g_autofree char *builtin = ethos_paths_get_templates_dir ();
  g_autofree char *shared = g_build_filename (test_dir, "shared-templates", NULL);
  g_autofree char *broken = g_build_filename (shared, "broken.json", NULL);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  EthosFormsPage *page;
  GtkWidget *problems;

  g_assert_cmpint (g_mkdir_with_parents (shared, 0700), ==, 0);
  g_assert_true (g_file_set_contents (broken, "{ \"format\": 1, \"id\": ", -1, NULL));
  page = forms_page_in_window (&window);

  /* The other templates are listed; the broken file is named above them. */
  g_assert_true (ethos_forms_page_load (page, builtin, NULL, shared, NULL, &error));
  g_assert_no_error (error);
  spin (50);
  problems = ethos_forms_page_get_problems (page);
  g_assert_true (gtk_widget_get_mapped (problems));
  g_assert_true (find_label (problems, "1 form template could not be read"));
  g_assert_nonnull (ethos_forms_page_get_row (page, "informed-consent"));
  g_assert_cmpstr (ethos_forms_page_get_template_id (page), ==, "coaching-agreement");
  /* Without the codes, a standard is named but has no link. */
  g_assert_true (find_label (ethos_forms_page_get_report (page), "coaching 1.2"));
  g_assert_null (find_actionable (ethos_forms_page_get_report (page), "win.show-item",
                                  g_variant_new ("(ss)", "coaching", "1.2")));

  close_forms_window (window, page);
}

static void
test_forms_error (void)
{
  g_autofree char *empty = g_build_filename (test_dir, "no-templates", NULL);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  EthosFormsPage *page;
  AdwStatusPage *status;

  g_assert_cmpint (g_mkdir_with_parents (empty, 0700), ==, 0);
  page = forms_page_in_window (&window);

  /* No requirements file: nothing can be checked, and the page says so. */
  g_assert_false (ethos_forms_page_load (page, empty, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  spin (50);
  status = ethos_forms_page_get_error_page (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "The Forms Cannot Be Opened");
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "Reinstalling Ethos"));
  g_assert_null (ethos_forms_page_get_row (page, "informed-consent"));

  close_forms_window (window, page);
}

static void
test_forms_text (void)
{
  g_autofree char *builtin = ethos_paths_get_templates_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosTemplateStore) store = ethos_template_store_new (builtin, NULL, NULL, &error);
  const EthosTemplateEntry *consent, *limits;
  g_autofree char *requires = NULL;
  g_autofree char *condition = NULL;
  g_autofree char *negated = NULL;
  g_autofree char *none = NULL;
  g_autofree char *one = NULL;

  g_assert_no_error (error);
  consent = ethos_template_store_lookup (store, "informed-consent", &error);
  limits = ethos_template_store_lookup (store, "confidentiality-limits", &error);
  g_assert_no_error (error);

  requires = ethos_forms_requires_label (limits->tmpl);
  g_assert_cmpstr (requires, ==, "NOHS 3, 4, 8, 21 · Coaching 1.11 · OESC I.5, I.5.a, I.5.b");
  condition = ethos_forms_condition_label (consent->tmpl, "mandated", "en");
  g_assert_cmpstr (condition, ==, "Only when: Services are mandated");
  negated = ethos_forms_condition_label (consent->tmpl, "!client_is_minor", "es");
  g_assert_cmpstr (negated, ==, "Unless: El cliente es menor de edad");
  g_assert_null (ethos_forms_condition_label (consent->tmpl, NULL, "en"));
  none = ethos_forms_coverage_label (3, 0);
  one = ethos_forms_coverage_label (3, 1);
  g_assert_cmpstr (none, ==, "All 3 required elements covered");
  g_assert_cmpstr (one, ==, "1 element not covered");

  /* The title in the user's language: Spanish for a Spanish speaker. */
  g_assert_cmpstr (ethos_forms_ui_language (), ==, "en");
  g_setenv ("LANGUAGE", "es_MX:en", TRUE);
  g_assert_cmpstr (ethos_forms_ui_language (), ==, "es");
  g_assert_cmpstr (ethos_forms_text (consent->tmpl, consent->tmpl->title, "es"), ==,
                   "Consentimiento informado para servicios");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (ethos_forms_ui_language (), ==, "en");
  /* A language the template lacks falls back to English. */
  g_assert_cmpstr (ethos_forms_text (consent->tmpl, consent->tmpl->title, "fr"), ==,
                   "Informed Consent for Services");
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

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  int ret;

  /* A private home for the user database, before anything reads it. */
  test_dir = g_dir_make_tmp ("ethos-window-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  data = g_build_filename (test_dir, "data", NULL);
  config = g_build_filename (test_dir, "config", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_unsetenv ("ETHOS_DATA_DIR");

  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/markup", test_markup);
  g_test_add_func ("/window/codes-listed", test_codes_listed);
  g_test_add_func ("/window/select-item", test_select_item);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/reference-jump", test_reference_jump);
  g_test_add_func ("/window/copy-citation", test_copy_citation);
  g_test_add_func ("/window/compare", test_compare);
  g_test_add_func ("/window/dialogs", test_dialogs);
  g_test_add_func ("/window/forms-text", test_forms_text);
  g_test_add_func ("/window/forms-problems", test_forms_problems);
  g_test_add_func ("/window/forms-error", test_forms_error);
  /* Leaves an agency template in the user database. */
  g_test_add_func ("/window/forms", test_forms);
  /* Last: it leaves a bookmark, a note and a remembered place behind. */
  g_test_add_func ("/window/bookmark-and-note-persist", test_bookmark_and_note_persist);
  ret = g_test_run ();

  if (g_getenv ("ETHOS_TEST_KEEP") == NULL)
    remove_tree (test_dir);
  g_free (test_dir);
  return ret;
}
