/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <signal.h>
#include <sys/wait.h>

#include "ethos-compare-window.h"
#include "ethos-coverage.h"
#include "ethos-element-picker.h"
#include "ethos-paths.h"
#include "ethos-template-edit.h"
#include "ethos-template-editor.h"
#include "ethos-template-versions.h"
#include "ethos-versions-window.h"
#include "ethos-test-window.h"

/* The agency manager's editor in the window (issue 9): Duplicate to Edit,
 * the live coverage, one undo stack reached by real Ctrl+Z through the text
 * widgets, locks, Alt+Up, minor and major saves, Compare Versions, export,
 * what Save refuses, closing with unsaved edits, the automatic draft, and
 * the draft restored after the editing process is killed. */

static const char *test_dir;

/* The coverage panel's status of @element, or -1 when it has no row. */
static int
coverage_status (EthosTemplateEditor *editor,
                 const char          *element)
{
  GtkWidget *list = ethos_template_editor_get_widget (editor, "coverage");

  ethos_template_editor_refresh_now (editor);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "element-id"), element) == 0)
      return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "status"));
  return -1;
}

static gboolean
in_uncovered_list (EthosTemplateEditor *editor,
                   const char          *element)
{
  GtkWidget *list = ethos_template_editor_get_widget (editor, "uncovered");

  if (!gtk_widget_get_visible (list))
    return FALSE;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "element-id"), element) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_height (gpointer widget)
{
  return gtk_widget_get_height (widget) > 0;
}

static void
respond (const char *response)
{
  ethos_test_answer (ethos_test_wait_message (NULL), response);
}

static GStrv
versions_of (EthosUserDb *db,
             const char  *id)
{
  g_autoptr(GPtrArray) versions = ethos_user_db_list_template_versions (db, id, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; versions != NULL && i < versions->len; i++)
    g_strv_builder_add (builder, ((EthosTemplateVersion *) versions->pdata[i])->version);
  return g_strv_builder_end (builder);
}

typedef struct
{
  EthosTemplateEditor *editor;
  const char          *id;
  const char          *text;
  int                  value;
} Want;

static gboolean
has_clause (gpointer data)
{
  Want *want = data;

  return (ethos_template_get_clause (ethos_template_editor_get_template (want->editor),
                                     want->id) != NULL) == want->value;
}

static gboolean
heading_is (gpointer data)
{
  Want *want = data;
  const EthosClause *clause = ethos_template_get_clause (
    ethos_template_editor_get_template (want->editor), want->id);

  return clause != NULL && g_strcmp0 (ethos_lang_text_get (clause->heading, "en"),
                                      want->text) == 0;
}

static gboolean
modified_is (gpointer data)
{
  Want *want = data;

  return ethos_template_editor_is_modified (want->editor) == want->value;
}

static gboolean
index_is (gpointer data)
{
  Want *want = data;

  return ethos_template_clause_index (ethos_template_editor_get_template (want->editor),
                                      want->id) == want->value;
}

/* Keys go through the X server: wait for what they do. */
static void
wait_for (EthosTestCondition  condition,
          EthosTemplateEditor *editor,
          const char          *id,
          const char          *text,
          int                  value,
          const char          *what)
{
  Want want = { editor, id, text, value };

  ethos_test_wait_until (condition, &want, what);
}

/* The first widget of @type under @root whose row title (or button label) is @title. */
static GtkWidget *
find_titled (GtkWidget  *root,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *text = ADW_IS_PREFERENCES_ROW (root)
        ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root))
        : GTK_IS_BUTTON (root) ? gtk_button_get_label (GTK_BUTTON (root)) : NULL;

      if (g_strcmp0 (text, title) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_titled (child, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_error_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "error"))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_error_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_window_titled (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), title) == 0 &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
editor_flow_body (EthosApplication *app,
                  EthosWindow      *window)
{
  EthosUserDb *db = ethos_application_get_user_db (app);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) versions = NULL;
  g_autofree char *exported = g_build_filename (test_dir, "exported.json", NULL);
  g_autoptr(GFile) exported_file = g_file_new_for_path (exported);
  EthosFormsPage *page;
  EthosTemplateEditor *editor;
  EthosTemplate *tmpl;
  GtkWidget *heading, *row;
  int before;

  g_assert_true (ethos_user_db_set_agency_field (db, "agency_name", "Riverbend", &error));
  page = ethos_test_show_forms (window);
  g_assert_true (ethos_forms_page_show_template (page, "informed-consent", &error));

  /* Built-in: read-only; its button duplicates it, saved at once as 1.0. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "forms.edit", NULL));
  editor = ethos_forms_page_get_editor (page);
  g_assert_nonnull (editor);
  ethos_test_wait_until (ethos_test_is_shown, editor, "the editor");
  g_assert_cmpstr (ethos_template_editor_get_id (editor), ==, "informed-consent-riverbend");
  tmpl = ethos_template_editor_get_template (editor);
  g_assert_cmpstr (ethos_lang_text_get (tmpl->title, "en"), ==,
                   "Informed Consent for Services (Riverbend)");
  versions = versions_of (db, "informed-consent-riverbend");
  g_assert_cmpstrv (versions, ((const char *[]) { "1.0", NULL }));
  g_assert_false (ethos_template_editor_is_modified (editor));

  /* Delete "Your right to stop": the panel names nohs-2#withdraw. */
  g_assert_cmpint (coverage_status (editor, "nohs-2#withdraw"), ==, ETHOS_COVERAGE_COVERED);
  g_assert_true (ethos_template_editor_select (editor, "withdraw"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete-clause", NULL));
  g_assert_null (ethos_template_get_clause (ethos_template_editor_get_template (editor),
                                            "withdraw"));
  g_assert_null (ethos_template_editor_get_row (editor, "withdraw"));
  g_assert_cmpint (coverage_status (editor, "nohs-2#withdraw"), ==, ETHOS_COVERAGE_UNCOVERED);
  g_assert_true (in_uncovered_list (editor, "nohs-2#withdraw"));
  g_assert_true (ethos_template_editor_is_modified (editor));

  /* Typing in a heading, then Ctrl+Z twice, as keys: the editor's one
   * stack takes back the typing, then the delete (GtkText's own undo would
   * have kept the delete). */
  ethos_test_focus_window (GTK_WINDOW (window));
  g_assert_true (ethos_template_editor_select (editor, "questions"));
  heading = ethos_template_editor_get_widget (editor, "heading-en");
  gtk_widget_grab_focus (heading);
  ethos_test_spin (50);
  gtk_editable_set_position (GTK_EDITABLE (heading), -1);
  ethos_test_xdotool ("type", "--delay", "20", "!!", NULL);
  wait_for (heading_is, editor, "questions", "Your questions!!", 0, "the typing");
  ethos_test_xdotool ("key", "ctrl+z", NULL);
  wait_for (heading_is, editor, "questions", "Your questions", 0, "Ctrl+Z on the typing");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (heading)), ==, "Your questions");
  g_assert_null (ethos_template_get_clause (ethos_template_editor_get_template (editor),
                                            "withdraw"));
  heading = ethos_template_editor_get_widget (editor, "heading-en");
  gtk_widget_grab_focus (heading);
  ethos_test_xdotool ("key", "ctrl+z", NULL);
  wait_for (has_clause, editor, "withdraw", NULL, TRUE, "Ctrl+Z on the delete");
  g_assert_cmpint (coverage_status (editor, "nohs-2#withdraw"), ==, ETHOS_COVERAGE_COVERED);
  g_assert_false (in_uncovered_list (editor, "nohs-2#withdraw"));
  /* Redo (Ctrl+Shift+Z) deletes it again; undo once more. */
  ethos_test_xdotool ("key", "ctrl+shift+z", NULL);
  wait_for (has_clause, editor, "withdraw", NULL, FALSE, "Ctrl+Shift+Z");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
  g_assert_false (ethos_template_editor_is_modified (editor));

  /* The text view's Ctrl+Z is the editor's too. */
  {
    GtkWidget *body;

    g_assert_true (ethos_template_editor_select (editor, "services"));
    body = ethos_template_editor_get_widget (editor, "body-es");
    gtk_widget_grab_focus (body);
    ethos_test_spin (50);
    ethos_test_xdotool ("type", "--delay", "20", "zz", NULL);
    wait_for (modified_is, editor, NULL, NULL, TRUE, "typing in the Spanish text");
    ethos_test_xdotool ("key", "ctrl+z", NULL);
    wait_for (modified_is, editor, NULL, NULL, FALSE, "Ctrl+Z in the Spanish text");
  }

  /* Lock a clause; Alt+Up moves one, keys again. */
  g_assert_true (ethos_template_editor_select (editor, "services"));
  g_assert_false (ethos_template_get_clause (ethos_template_editor_get_template (editor),
                                             "services")->locked);
  gtk_switch_set_active (GTK_SWITCH (ethos_template_editor_get_widget (editor, "locked")), TRUE);
  g_assert_true (ethos_template_get_clause (ethos_template_editor_get_template (editor),
                                            "services")->locked);
  g_assert_true (ethos_template_editor_select (editor, "questions"));
  before = ethos_template_clause_index (ethos_template_editor_get_template (editor), "questions");
  row = ethos_template_editor_get_row (editor, "questions");
  gtk_widget_grab_focus (row);
  ethos_test_spin (50);
  ethos_test_xdotool ("key", "alt+Up", NULL);
  wait_for (index_is, editor, "questions", NULL, before - 1, "Alt+Up");

  /* Dragged by its row onto the lower half of the last clause's row: it
   * goes last (what the row's drag source gives is what the rows' drop
   * targets take); Undo puts it back. */
  {
    EthosTemplate *now = ethos_template_editor_get_template (editor);
    const char *last = ((EthosClause *) now->clauses->pdata[now->clauses->len - 1])->id;
    g_autofree char *last_id = g_strdup (last);
    GtkWidget *from = ethos_template_editor_get_row (editor, "questions");
    GtkWidget *onto = ethos_template_editor_get_row (editor, last_id);
    GtkDragSource *source = GTK_DRAG_SOURCE (ethos_test_find_controller (from, GTK_TYPE_DRAG_SOURCE));
    GtkDropTarget *target = GTK_DROP_TARGET (ethos_test_find_controller (onto, GTK_TYPE_DROP_TARGET));
    g_autoptr(GdkContentProvider) content = NULL;
    GValue value = G_VALUE_INIT;
    gboolean accepted = FALSE;
    int at = ethos_template_clause_index (now, "questions");

    g_assert_nonnull (source);
    g_assert_nonnull (target);
    /* The rows were made again by the move above: laid out at the next
     * frame, and where the drop lands depends on the row's height. */
    ethos_test_wait_until (has_height, onto, "the last clause's row laid out");
    g_signal_emit_by_name (source, "prepare", 5.0, 5.0, &content);
    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==, "questions");
    g_signal_emit_by_name (target, "drop", &value, 5.0, gtk_widget_get_height (onto) * 0.75,
                           &accepted);
    g_value_unset (&value);
    g_assert_true (accepted);
    now = ethos_template_editor_get_template (editor);
    g_assert_cmpint (ethos_template_clause_index (now, "questions"), ==,
                     (int) now->clauses->len - 1);
    g_assert_cmpint (ethos_template_clause_index (now, last_id), ==, (int) now->clauses->len - 2);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
    ethos_test_spin (50);
    g_assert_cmpint (ethos_template_clause_index (ethos_template_editor_get_template (editor),
                                                  "questions"), ==, at);
  }

  /* Tag a clause from the picker: only elements of the required standards. */
  g_assert_true (ethos_template_editor_select (editor, "services"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.tag-elements", NULL));
  {
    EthosElementPicker *picker =
      ETHOS_ELEMENT_PICKER (ethos_test_find_toplevel (ETHOS_TYPE_ELEMENT_PICKER));

    g_assert_nonnull (picker);
    g_assert_false (ethos_element_picker_set_chosen (picker, "coaching-1.3#fees", TRUE));
    g_assert_true (ethos_element_picker_set_chosen (picker, "nohs-2#questions", TRUE));
    ethos_element_picker_apply (picker);
    ethos_test_spin (50);
    g_assert_true (g_strv_contains ((const char * const *) ethos_template_get_clause (
                                      ethos_template_editor_get_template (editor),
                                      "services")->satisfies, "nohs-2#questions"));
  }
  /* The preview and the reading level follow. */
  ethos_template_editor_refresh_now (editor);
  g_assert_cmpuint (ethos_form_preview_get_n_pages (ETHOS_FORM_PREVIEW (
                      ethos_template_editor_get_widget (editor, "preview"))), >, 1);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (
                   ethos_template_editor_get_widget (editor, "reading-en"))),
                   "Reading level: grade "));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (
                   ethos_template_editor_get_widget (editor, "reading-es"))),
                   "Reading level: INFLESZ "));

  /* A witness block, always; a field of the agency's own. */
  g_assert_true (ethos_template_editor_select (editor, NULL));
  {
    GtkWidget *witness = find_titled (ethos_template_editor_get_widget (editor, "signatures"),
                                      ADW_TYPE_COMBO_ROW, "Witness");
    GtkWindow *dialog;

    g_assert_nonnull (witness);
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (witness)), ==, 0);
    adw_combo_row_set_selected (ADW_COMBO_ROW (witness), 1);
    g_assert_nonnull (ethos_template_get_signature (ethos_template_editor_get_template (editor),
                                                    "witness"));
    g_assert_null (ethos_template_get_signature (ethos_template_editor_get_template (editor),
                                                 "witness")->when);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.new-field", NULL));
    dialog = find_window_titled ("Add a Field");
    g_assert_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (find_titled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                      "Id (like fee_schedule)")), "fee_schedule");
    gtk_editable_set_text (GTK_EDITABLE (find_titled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                      "Label in English")), "Fee schedule");
    /* Without its Spanish label it is refused, and the dialog says so. */
    g_signal_emit_by_name (find_titled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Add"), "clicked");
    g_assert_null (ethos_template_get_field (ethos_template_editor_get_template (editor),
                                             "fee_schedule"));
    gtk_editable_set_text (GTK_EDITABLE (find_titled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                      "Label in Spanish")), "Tarifas");
    g_signal_emit_by_name (find_titled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Add"), "clicked");
    g_assert_nonnull (ethos_template_get_field (ethos_template_editor_get_template (editor),
                                                "fee_schedule"));
    ethos_test_spin (50);

    /* A choice: its choices in both languages, one per line. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.new-field", NULL));
    dialog = find_window_titled ("Add a Field");
    g_assert_nonnull (dialog);
    {
      GtkWidget *type = find_titled (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Type");
      GtkWidget *choices_en = find_named (GTK_WIDGET (dialog), "en");
      GtkWidget *choices_es = find_named (GTK_WIDGET (dialog), "es");
      GtkWidget *error_label;
      const EthosField *field;
      GtkWidget *field_row;

      g_assert_true (GTK_IS_TEXT_VIEW (choices_en) && GTK_IS_TEXT_VIEW (choices_es));
      g_assert_false (gtk_widget_is_visible (choices_en));
      adw_combo_row_set_selected (ADW_COMBO_ROW (type), 4);
      g_assert_true (gtk_widget_is_visible (choices_en));
      gtk_editable_set_text (GTK_EDITABLE (find_titled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                        "Id (like fee_schedule)")),
                             "meeting_place");
      gtk_editable_set_text (GTK_EDITABLE (find_titled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                        "Label in English")), "Where we meet");
      gtk_editable_set_text (GTK_EDITABLE (find_titled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                        "Label in Spanish")),
                             "Dónde nos reunimos");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (choices_en)),
                                "In person\n\nBy video\n", -1);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (choices_es)),
                                "En persona\n", -1);
      /* Two choices in English, one in Spanish: refused, and said. */
      g_signal_emit_by_name (find_titled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Add"), "clicked");
      g_assert_null (ethos_template_get_field (ethos_template_editor_get_template (editor),
                                               "meeting_place"));
      error_label = find_error_label (GTK_WIDGET (dialog));
      g_assert_nonnull (error_label);
      g_assert_true (gtk_widget_get_visible (error_label));
      g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)),
                                "different numbers of choices (English: 2, Spanish: 1)"));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (choices_es)),
                                "En persona\nPor vídeo", -1);
      g_signal_emit_by_name (find_titled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Add"), "clicked");
      field = ethos_template_get_field (ethos_template_editor_get_template (editor),
                                        "meeting_place");
      g_assert_nonnull (field);
      g_assert_cmpint (field->type, ==, ETHOS_FIELD_CHOICE);
      g_assert_cmpuint (field->choices->len, ==, 2);
      g_assert_cmpstr (((EthosChoice *) field->choices->pdata[1])->id, ==, "by_video");
      g_assert_cmpstr (ethos_lang_text_get (((EthosChoice *) field->choices->pdata[1])->label,
                                            "es"), ==, "Por vídeo");
      ethos_test_spin (50);
      /* Its row says what it offers. */
      field_row = find_titled (ethos_template_editor_get_widget (editor, "fields"),
                               ADW_TYPE_ACTION_ROW, "Where we meet");
      g_assert_nonnull (field_row);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (field_row)), ==,
                       "{meeting_place} · A choice: In person, By video");
      g_assert_null (find_window_titled ("Add a Field"));
    }
    /* Insert Field offers it. */
    g_assert_true (ethos_template_editor_select (editor, "appointments"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.insert-field", "s",
                                               "es:fee_schedule"));
    g_assert_nonnull (strstr (ethos_lang_text_get (ethos_template_get_clause (
                                                     ethos_template_editor_get_template (editor),
                                                     "appointments")->body, "es"),
                              "{fee_schedule}"));
  }

  /* Removing a required standard asks first, naming the elements the
   * clauses lose; Cancel keeps it, Remove drops it, Undo brings it back. */
  {
    EthosTemplate *tmpl_now = ethos_template_editor_get_template (editor);
    AdwMessageDialog *dialog;

    g_assert_true (g_strv_contains ((const char * const *) tmpl_now->requires, "nohs 9"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.remove-standard", "s",
                                               "nohs 9"));
    dialog = ethos_test_wait_message ("Stop Requiring NOHS Standard 9?");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "the clauses lose these "
                                                                    "elements: nohs-9#"));
    g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
    respond ("cancel");
    tmpl_now = ethos_template_editor_get_template (editor);
    g_assert_true (g_strv_contains ((const char * const *) tmpl_now->requires, "nohs 9"));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.remove-standard", "s",
                                               "nohs 9"));
    respond ("remove");
    tmpl_now = ethos_template_editor_get_template (editor);
    g_assert_false (g_strv_contains ((const char * const *) tmpl_now->requires, "nohs 9"));
    for (guint i = 0; i < tmpl_now->clauses->len; i++)
      {
        EthosClause *clause = g_ptr_array_index (tmpl_now->clauses, i);

        for (guint t = 0; clause->satisfies != NULL && clause->satisfies[t] != NULL; t++)
          g_assert_false (g_str_has_prefix (clause->satisfies[t], "nohs-9#"));
      }
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
    ethos_test_spin (50);
    tmpl_now = ethos_template_editor_get_template (editor);
    g_assert_true (g_strv_contains ((const char * const *) tmpl_now->requires, "nohs 9"));
  }

  /* Save as major: 2.0; the next minor: 2.1, chosen in the Save dialog. */
  g_assert_true (ethos_template_editor_save (editor, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ethos_template_editor_get_template (editor)->version, ==, "2.0");
  g_assert_false (ethos_template_editor_is_modified (editor));
  g_assert_cmpstr (ethos_template_store_lookup (ethos_forms_page_get_store (page),
                                                "informed-consent-riverbend",
                                                NULL)->tmpl->version, ==, "2.0");
  {
    g_autofree char *out = NULL;
    g_autofree char *db_path = ethos_paths_get_user_db_file ();

    /* ethos-cli, on the same user database, lists it. */
    g_assert_true (g_file_test (db_path, G_FILE_TEST_EXISTS));
    {
      const char *argv[] = { g_getenv ("ETHOS_CLI"), "--db", db_path, "templates", NULL };
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, &out, NULL, NULL, NULL));
    }
    g_assert_nonnull (strstr (out, "informed-consent-riverbend\t2.0\ten,es\tagency\t"
                                   "Informed Consent for Services (Riverbend)\n"));
  }
  ethos_template_editor_select (editor, "concerns");
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (
                              ethos_template_editor_get_widget (editor, "body-en")));
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert (buffer, &end, " You may also write to the state board.", -1);
  }
  /* An unlocked clause that carries nothing: Save asks only the kind. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  {
    AdwMessageDialog *dialog = ethos_test_wait_message ("Save a New Version");

    g_assert_null (strstr (adw_message_dialog_get_body (dialog), "Reworded clauses"));
    g_assert_null (strstr (adw_message_dialog_get_body (dialog), "uncovered"));
    ethos_test_answer (dialog, "cancel");
  }
  /* "Your right to stop" unlocked: the version would leave nohs-2#withdraw
   * uncovered, and Save says so at once (before the panel's pause). */
  ethos_template_editor_select (editor, "withdraw");
  gtk_switch_set_active (GTK_SWITCH (ethos_template_editor_get_widget (editor, "locked")), FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  {
    AdwMessageDialog *dialog = ethos_test_wait_message ("Save a New Version");

    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                              "This version leaves 1 required element uncovered"));
    ethos_test_answer (dialog, "cancel");
  }
  gtk_switch_set_active (GTK_SWITCH (ethos_template_editor_get_widget (editor, "locked")), TRUE);
  /* "Your right to stop" reworded to say the opposite, in English only: it
   * is still tagged, so still covered, and Save asks to read it again
   * against what it must say (a new user saw nothing of the kind). */
  ethos_template_editor_select (editor, "withdraw");
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (
                              ethos_template_editor_get_widget (editor, "body-en")));
    gboolean hyphens = TRUE;

    /* A {placeholder} broken across lines gets no hyphen: a new user read
     * "{professional_credentia-" as part of the name. */
    g_object_get (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                             "placeholder"), "insert-hyphens", &hyphens, NULL);
    g_assert_false (hyphens);
    gtk_text_buffer_set_text (buffer, "Please keep coming to every session.", -1);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  {
    AdwMessageDialog *dialog = ethos_test_wait_message ("Save a New Version");
    const char *body = adw_message_dialog_get_body (dialog);

    g_assert_nonnull (strstr (body, "Reworded clauses that carry required elements"));
    g_assert_nonnull (strstr (body, "“Your right to stop”, in English only"));
    g_assert_nonnull (strstr (body, "• The client is told they may withdraw consent at any "
                                    "time."));
    g_assert_null (strstr (body, "Concerns"));
    ethos_test_answer (dialog, "minor");
  }
  g_assert_cmpstr (ethos_template_editor_get_template (editor)->version, ==, "2.1");
  g_clear_pointer (&versions, g_strfreev);
  versions = versions_of (db, "informed-consent-riverbend");
  g_assert_cmpstrv (versions, ((const char *[]) { "2.1", "2.0", "1.0", NULL }));

  /* Compare Versions: 1.0 against the newest, words and locks. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.compare", NULL));
  {
    EthosCompareWindow *compare = ETHOS_COMPARE_WINDOW (ethos_test_find_toplevel (
                                    ETHOS_TYPE_COMPARE_WINDOW));
    const char *text;

    g_assert_nonnull (compare);
    text = ethos_compare_window_get_text (compare);
    g_assert_true (g_str_has_prefix (text, "Changes to “Informed Consent for Services "
                                           "(Riverbend)” (informed-consent-riverbend) from "
                                           "version 1.0 to 2.1\n"));
    g_assert_nonnull (strstr (text, "{+You may also write to the state board.+}"));
    g_assert_nonnull (strstr (text, "“Our services” (services): now locked"));
    g_assert_nonnull (strstr (text, "): moved from position"));
    gtk_window_destroy (GTK_WINDOW (compare));
  }

  /* Compare's text, exported for a memo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.compare", NULL));
  {
    EthosCompareWindow *compare = ETHOS_COMPARE_WINDOW (ethos_test_find_toplevel (
                                    ETHOS_TYPE_COMPARE_WINDOW));
    g_autofree char *memo = g_build_filename (test_dir, "memo.txt", NULL);
    g_autoptr(GFile) memo_file = g_file_new_for_path (memo);
    g_autofree char *written = NULL;

    /* From 1.0 (the oldest) to 2.1 (the newest) by default; 2.0 → 2.1 chosen. */
    ethos_compare_window_compare (compare, 1, 0);
    g_assert_true (ethos_compare_window_export_to (compare, memo_file, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (memo, &written, NULL, NULL));
    g_assert_cmpstr (written, ==, ethos_compare_window_get_text (compare));
    g_assert_nonnull (strstr (written, "from version 2.0 to 2.1"));
    g_assert_null (strstr (written, "now locked"));
    gtk_window_destroy (GTK_WINDOW (compare));
  }

  /* Versions: each kept, viewed, exported; restoring 1.0 saves 2.2. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.versions", NULL));
  {
    EthosVersionsWindow *versions_window = ETHOS_VERSIONS_WINDOW (ethos_test_find_toplevel (
                                             ETHOS_TYPE_VERSIONS_WINDOW));
    g_autofree char *old = g_build_filename (test_dir, "version-1.0.json", NULL);
    g_autoptr(GFile) old_file = g_file_new_for_path (old);
    g_auto(GStrv) after = NULL;

    g_assert_nonnull (versions_window);
    g_assert_nonnull (ethos_versions_window_get_row (versions_window, "1.0"));
    g_assert_nonnull (ethos_versions_window_get_row (versions_window, "2.1"));
    g_assert_true (ethos_versions_window_view (versions_window, "1.0"));
    g_assert_true (ethos_versions_window_export_to (versions_window, "1.0", old_file, &error));
    g_assert_no_error (error);
    g_assert_true (ethos_versions_window_restore (versions_window, "1.0", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (ethos_template_editor_get_template (editor)->version, ==, "2.2");
    g_assert_false (ethos_template_get_clause (ethos_template_editor_get_template (editor),
                                               "services")->locked);
    g_assert_false (ethos_template_editor_is_modified (editor));
    after = versions_of (db, "informed-consent-riverbend");
    g_assert_cmpstrv (after, ((const char *[]) { "2.2", "2.1", "2.0", "1.0", NULL }));
    gtk_window_destroy (GTK_WINDOW (versions_window));
    /* Undo brings back what was there before the restore: 2.1's content. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
    g_assert_true (ethos_template_get_clause (ethos_template_editor_get_template (editor),
                                              "services")->locked);
    g_assert_true (ethos_template_editor_save (editor, FALSE, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (ethos_template_editor_get_template (editor)->version, ==, "2.3");
  }

  /* Export: the documented format, loadable, the saved version. */
  g_assert_true (ethos_template_editor_export_to (editor, exported_file, &error));
  g_assert_no_error (error);
  {
    g_autoptr(EthosTemplate) loaded = ethos_template_load (
      exported, NULL, 0, ethos_template_store_get_requirements (ethos_forms_page_get_store (page)),
      &error);

    g_assert_no_error (error);
    g_assert_cmpstr (loaded->version, ==, "2.3");
    g_assert_true (ethos_template_get_clause (loaded, "services")->locked);
  }

  /* A clause without its texts cannot be saved: Save names what is missing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-clause", NULL));
  ethos_template_editor_refresh_now (editor);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (
                   ethos_template_editor_get_widget (editor, "problems"))));
  g_assert_false (ethos_template_editor_save (editor, FALSE, &error));
  g_assert_nonnull (strstr (error->message, "has no heading and no text in English"));
  g_clear_error (&error);
  /* …but its draft is kept, a few seconds after the edit (at most 5). */
  {
    gint64 start = g_get_monotonic_time ();
    g_autofree char *draft = NULL;

    while ((draft = ethos_user_db_get_template_draft (db, "informed-consent-riverbend",
                                                      NULL)) == NULL &&
           g_get_monotonic_time () - start < 6 * G_USEC_PER_SEC)
      ethos_test_spin (100);
    g_assert_nonnull (draft);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
    g_assert_nonnull (strstr (draft, "\"id\" : \"clause\""));
  }

  /* Closing the window with unsaved edits asks; Cancel keeps it open. */
  g_assert_true (ethos_template_editor_is_modified (editor));
  gtk_window_close (GTK_WINDOW (window));
  respond ("cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  /* Done asks too; Discard leaves the saved version as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.close", NULL));
  respond ("discard");
  g_assert_null (ethos_forms_page_get_editor (page));
  g_assert_null (ethos_user_db_get_template_draft (db, "informed-consent-riverbend", NULL));
  g_assert_cmpstr (ethos_forms_page_get_template_id (page), ==, "informed-consent-riverbend");
  g_assert_null (ethos_template_get_clause (ethos_template_store_lookup (
                                              ethos_forms_page_get_store (page),
                                              "informed-consent-riverbend", NULL)->tmpl,
                                            "clause"));
}

static void
test_editor_flow (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed (build-aux/install-deps.sh installs it)");
      return;
    }
  ethos_test_run_app (editor_flow_body);
}

/* The editing process killed: its draft comes back. The child (this
 * program again, "--child-draft DIR") edits and waits to be killed. */
#define KILLED_ID "telehealth-consent-copy"
#define KILLED_TEXT "Typed just before the power went out."

static void
child_body (EthosApplication *app,
            EthosWindow      *window)
{
  EthosUserDb *db = ethos_application_get_user_db (app);
  g_autoptr(GError) error = NULL;
  EthosFormsPage *page;
  EthosTemplateEditor *editor;
  GtkTextBuffer *buffer;

  /* Without an agency name, a copy is called "(Copy)". */
  g_assert_true (ethos_user_db_set_agency_field (db, "agency_name", "", &error));
  page = ethos_test_show_forms (window);

  g_assert_true (ethos_forms_page_show_template (page, "telehealth-consent", &error));
  editor = ethos_forms_page_edit_template (page, "telehealth-consent", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ethos_template_editor_get_id (editor), ==, KILLED_ID);
  ethos_template_editor_select (editor, ((EthosClause *) g_ptr_array_index (
                                           ethos_template_editor_get_template (editor)->clauses,
                                           0))->id);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ethos_template_editor_get_widget (editor,
                                                                                     "body-en")));
  gtk_text_buffer_set_text (buffer, KILLED_TEXT, -1);
  /* Nothing is saved by hand: the draft saves itself. */
  while (ethos_user_db_get_template_draft (db, KILLED_ID, NULL) == NULL)
    ethos_test_spin (50);
  g_print ("READY\n");
  fflush (stdout);
  for (;;)
    ethos_test_spin (100);
}

static void
restore_body (EthosApplication *app,
              EthosWindow      *window)
{
  EthosFormsPage *page = ethos_test_show_forms (window);
  g_autoptr(GError) error = NULL;
  EthosTemplateEditor *editor;
  const EthosClause *first;

  /* Saved as 1.0 before the edit; the edit only in the draft. */
  first = g_ptr_array_index (ethos_template_store_lookup (ethos_forms_page_get_store (page),
                                                          KILLED_ID, &error)->tmpl->clauses, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (ethos_lang_text_get (first->body, "en"), !=, KILLED_TEXT);
  editor = ethos_forms_page_edit_template (page, KILLED_ID, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (
                   ethos_template_editor_get_widget (editor, "draft"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.restore-draft", NULL));
  first = g_ptr_array_index (ethos_template_editor_get_template (editor)->clauses, 0);
  g_assert_cmpstr (ethos_lang_text_get (first->body, "en"), ==, KILLED_TEXT);
  g_assert_true (ethos_template_editor_is_modified (editor));
  /* Undo goes back to the saved version. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
  g_assert_false (ethos_template_editor_is_modified (editor));
  ethos_forms_page_close_editor (page);
}

static gboolean
line_read (gpointer data)
{
  return *(gboolean *) data;
}

/* The child's lines until READY (its test framework prints some first). */
static void
read_line_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autofree char *line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source),
                                                                result, NULL, NULL);

  g_assert_nonnull (line);
  if (g_str_equal (line, "READY"))
    {
      *(gboolean *) data = TRUE;
      return;
    }
  g_data_input_stream_read_line_async (G_DATA_INPUT_STREAM (source), G_PRIORITY_DEFAULT, NULL,
                                       read_line_cb, data);
}

static void
test_draft_after_kill (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) out = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GSubprocess) child = NULL;
  gboolean ready = FALSE;
  char self_path[4096];
  ssize_t n = readlink ("/proc/self/exe", self_path, sizeof self_path - 1);

  g_assert_cmpint (n, >, 0);
  self_path[n] = '\0';
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self_path, "--child-draft",
                            test_dir, NULL);
  g_assert_no_error (error);
  out = g_object_ref (g_subprocess_get_stdout_pipe (child));
  lines = g_data_input_stream_new (out);
  g_data_input_stream_read_line_async (lines, G_PRIORITY_DEFAULT, NULL, read_line_cb, &ready);
  ethos_test_wait_until (line_read, &ready, "the child to have its draft");
  /* As hard as a crash: no chance to save anything more. */
  g_subprocess_send_signal (child, SIGKILL);
  g_assert_false (g_subprocess_wait (child, NULL, &error) && g_subprocess_get_successful (child));
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  ethos_test_run_app (restore_body);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child-draft"))
    {
      /* The parent's home, so that the parent finds the draft. */
      g_autofree char *data = g_build_filename (argv[2], "data", NULL);
      g_autofree char *config = g_build_filename (argv[2], "config", NULL);
      int child_argc = 1;
      char **child_argv = argv;

      g_setenv ("XDG_DATA_HOME", data, TRUE);
      g_setenv ("XDG_CONFIG_HOME", config, TRUE);
      gtk_test_init (&child_argc, &child_argv, NULL);
      ethos_test_run_app (child_body);
      return 1;
    }
  test_dir = ethos_test_window_init (&argc, &argv);
  g_test_add_func ("/editor/flow", test_editor_flow);
  g_test_add_func ("/editor/draft-after-kill", test_draft_after_kill);
  return ethos_test_window_run ();
}
