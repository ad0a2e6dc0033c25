/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-item-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-item-page.h"
#include "ethos-item-row.h"
#include "ethos-markup.h"

#define NOTE_SAVE_DELAY_MS 600
/* Per other code, the items sharing the most topics; "Show All" adds the rest. */
#define RELATED_PER_CODE 3

struct _EthosItemPage
{
  GtkWidget             parent_instance;

  GtkScrolledWindow    *scroller;
  GtkLabel             *context_label;
  GtkLabel             *title_label;
  GtkLabel             *ref_label;
  GtkLabel             *text_label;
  AdwPreferencesGroup  *parent_group;
  AdwPreferencesGroup  *children_group;
  AdwPreferencesGroup  *topics_group;
  GtkFlowBox           *topics_flow;
  AdwPreferencesGroup  *related_group;
  GtkBox               *related_box;
  GtkTextView          *note_view;
  GtkWidget            *note_placeholder;

  EthosCorpus          *corpus;     /* not owned */
  EthosUserDb          *user_db;    /* not owned */
  EthosItem            *item;
  EthosCodeInfo        *code_info;
  GHashTable           *topic_labels;
  GPtrArray            *group_rows; /* rows we added to the groups above */
  GPtrArray            *related;       /* Related, as listed */
  GPtrArray            *related_codes; /* EthosCodeInfo the rows use */
  guint                 note_timeout;
  guint                 related_tick;
  guint                 related_idle;
  guint                 deselect_idle;
  gboolean              loading_note;
};

G_DEFINE_FINAL_TYPE (EthosItemPage, ethos_item_page, GTK_TYPE_WIDGET)

typedef struct
{
  EthosItem *item;
  guint      shared;
  guint      order;
} Related;

static void
toast (EthosItemPage *self,
       const char    *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

static gboolean
save_note_cb (gpointer data)
{
  EthosItemPage *self = data;
  g_autoptr(GError) error = NULL;

  self->note_timeout = 0;
  if (!ethos_item_page_save_note (self, &error))
    toast (self, error->message);
  return G_SOURCE_REMOVE;
}

static void
update_placeholder (EthosItemPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);

  gtk_widget_set_visible (self->note_placeholder, gtk_text_buffer_get_char_count (buffer) == 0);
}

static void
note_changed_cb (EthosItemPage *self)
{
  update_placeholder (self);
  if (self->loading_note || self->item == NULL)
    return;
  g_clear_handle_id (&self->note_timeout, g_source_remove);
  self->note_timeout = g_timeout_add (NOTE_SAVE_DELAY_MS, save_note_cb, self);
}

static void
flush_note (EthosItemPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->note_timeout == 0)
    return;
  g_clear_handle_id (&self->note_timeout, g_source_remove);
  if (!ethos_item_page_save_note (self, &error))
    toast (self, error->message);
}

static void
clear_groups (EthosItemPage *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->group_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->group_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->group_rows, 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->topics_flow))) != NULL)
    gtk_flow_box_remove (self->topics_flow, child);
}

static void
add_row (EthosItemPage       *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->group_rows, row);
}

static int
compare_related (gconstpointer a,
                 gconstpointer b)
{
  const Related *ra = *(Related * const *) a;
  const Related *rb = *(Related * const *) b;

  if (ra->shared != rb->shared)
    return ra->shared > rb->shared ? -1 : 1;
  return ra->order < rb->order ? -1 : (ra->order > rb->order);
}

static void
related_free (Related *related)
{
  ethos_item_free (related->item);
  g_free (related);
}

/* Items of the other codes that share a topic with this one, those sharing
 * the most topics first, then in the codes' order. */
static GPtrArray *
find_related (EthosItemPage *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *related = g_ptr_array_new_with_free_func ((GDestroyNotify) related_free);
  g_autoptr(GPtrArray) codes = ethos_corpus_list_codes (self->corpus, NULL);
  guint order = 0;

  for (guint t = 0; self->item->topics[t] != NULL; t++)
    {
      g_autoptr(GPtrArray) items = ethos_corpus_items_for_topic (self->corpus,
                                                                 self->item->topics[t], NULL);

      for (guint i = 0; items != NULL && i < items->len; i++)
        {
          EthosItem *other = g_ptr_array_index (items, i);
          g_autofree char *key = NULL;
          Related *r;

          if (g_str_equal (other->code, self->item->code))
            continue;
          key = g_strdup_printf ("%s\n%s", other->code, other->ref);
          if ((r = g_hash_table_lookup (seen, key)) != NULL)
            {
              r->shared++;
              continue;
            }
          r = g_new0 (Related, 1);
          r->item = g_ptr_array_steal_index (items, i--);
          r->shared = 1;
          /* Order by the code's place, then by where the item came up. */
          {
            guint c;

            if (codes != NULL && g_ptr_array_find (codes, ethos_code_info_find (codes, r->item->code),
                                                   &c))
              r->order = c * 10000;
          }
          r->order += order++;
          g_hash_table_insert (seen, g_steal_pointer (&key), r);
          g_ptr_array_add (related, r);
        }
    }
  g_ptr_array_sort (related, compare_related);
  return related;
}

static void
show_all_cb (GtkListBox    *list,
             GtkListBoxRow *row,
             gpointer       data)
{
  GPtrArray *rest = g_object_get_data (G_OBJECT (row), "ethos-rest");
  const EthosCodeInfo *info = g_object_get_data (G_OBJECT (row), "ethos-code");

  if (rest == NULL)
    return;
  for (guint i = 0; i < rest->len; i++)
    gtk_list_box_insert (list, ethos_item_row_new (((Related *) rest->pdata[i])->item, info, TRUE,
                                                   ETHOS_ITEM_ROW_EXCERPT),
                         gtk_list_box_row_get_index (row) + (int) i);
  /* The first of the rows just shown takes the focus the button had. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list,
                                                                    gtk_list_box_row_get_index (row) - (int) rest->len)));
  gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* The other codes' items on this item's topics, grouped by code in the
 * codes' order: every one is reachable, the first few at once. */
static void
fill_related (EthosItemPage *self)
{
  g_autoptr(GPtrArray) related = find_related (self);
  g_autoptr(GPtrArray) codes = ethos_corpus_list_codes (self->corpus, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->related_box))) != NULL)
    gtk_box_remove (self->related_box, child);

  for (guint c = 0; codes != NULL && c < codes->len; c++)
    {
      EthosCodeInfo *info = g_ptr_array_index (codes, c);
      g_autoptr(GPtrArray) mine = g_ptr_array_new ();
      GtkWidget *box, *title, *list;

      for (guint i = 0; i < related->len; i++)
        if (g_str_equal (((Related *) related->pdata[i])->item->code, info->id))
          g_ptr_array_add (mine, related->pdata[i]);
      if (mine->len == 0)
        continue;

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      title = gtk_label_new (info->short_title);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (GTK_BOX (box), title);
      list = ethos_boxed_list_new (info->short_title);
      gtk_box_append (GTK_BOX (box), list);
      for (guint i = 0; i < mine->len && i < RELATED_PER_CODE; i++)
        gtk_list_box_append (GTK_LIST_BOX (list),
                             ethos_item_row_new (((Related *) mine->pdata[i])->item, info, TRUE,
                                                 ETHOS_ITEM_ROW_EXCERPT));
      if (mine->len > RELATED_PER_CODE)
        {
          GPtrArray *rest = g_ptr_array_new ();
          g_autofree char *label = NULL;
          GtkWidget *more = adw_action_row_new ();

          /* The rows are freed with the page's list of related items, which
           * outlives them (see fill_related_done). */
          for (guint i = RELATED_PER_CODE; i < mine->len; i++)
            g_ptr_array_add (rest, mine->pdata[i]);
          /* Translators: shows the remaining items of a code, "Show All 5" */
          label = g_strdup_printf (_("Show All %u"), mine->len);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), label);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (more), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (more),
                                     gtk_image_new_from_icon_name ("view-more-symbolic"));
          g_object_set_data_full (G_OBJECT (more), "ethos-rest", rest,
                                  (GDestroyNotify) g_ptr_array_unref);
          g_object_set_data (G_OBJECT (more), "ethos-code", info);
          gtk_list_box_append (GTK_LIST_BOX (list), more);
          g_signal_connect (list, "row-activated", G_CALLBACK (show_all_cb), NULL);
        }
      gtk_box_append (self->related_box, box);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->related_group), related->len > 0);
  /* The items and the code infos the rows point to live as long as the page
   * shows them. */
  g_clear_pointer (&self->related, g_ptr_array_unref);
  g_clear_pointer (&self->related_codes, g_ptr_array_unref);
  self->related = g_steal_pointer (&related);
  self->related_codes = g_steal_pointer (&codes);
}

static gboolean
fill_related_cb (gpointer data)
{
  EthosItemPage *self = data;

  self->related_idle = 0;
  fill_related (self);
  return G_SOURCE_REMOVE;
}

static gboolean
related_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  EthosItemPage *self = ETHOS_ITEM_PAGE (widget);

  /* Runs while the frame showing the text is being drawn: the related
   * items follow in the next one. */
  self->related_tick = 0;
  self->related_idle = g_idle_add (fill_related_cb, self);
  return G_SOURCE_REMOVE;
}

static void
cancel_related (EthosItemPage *self)
{
  if (self->related_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->related_tick);
  self->related_tick = 0;
  g_clear_handle_id (&self->related_idle, g_source_remove);
}

static void
fill_topics (EthosItemPage *self)
{
  if (self->topic_labels == NULL)
    {
      g_autoptr(GPtrArray) topics = ethos_corpus_list_topics (self->corpus, NULL);

      self->topic_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; topics != NULL && i < topics->len; i++)
        {
          EthosTopic *topic = g_ptr_array_index (topics, i);
          g_hash_table_insert (self->topic_labels, g_strdup (topic->id), g_strdup (topic->label));
        }
    }

  for (guint i = 0; self->item->topics[i] != NULL; i++)
    {
      const char *id = self->item->topics[i];
      const char *label = g_hash_table_lookup (self->topic_labels, id);
      g_autofree char *tooltip = NULL;
      GtkWidget *button = gtk_button_new_with_label (label ? label : id);

      tooltip = g_strdup_printf (_("Compare “%s” across the codes"), label ? label : id);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "topic-button");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-compare");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_flow_box_append (self->topics_flow, button);
      gtk_widget_set_focusable (gtk_widget_get_last_child (GTK_WIDGET (self->topics_flow)), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->topics_group), self->item->topics[0] != NULL);
}

static void
fill_family (EthosItemPage *self)
{
  g_autoptr(GPtrArray) items = ethos_corpus_list_items (self->corpus, self->item->code, NULL);
  gboolean has_parent = FALSE, has_children = FALSE;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      EthosItem *other = g_ptr_array_index (items, i);

      if (g_strcmp0 (other->ref, self->item->parent_ref) == 0)
        {
          add_row (self, self->parent_group,
                   ethos_item_row_new (other, self->code_info, FALSE, ETHOS_ITEM_ROW_EXCERPT));
          has_parent = TRUE;
        }
      else if (g_strcmp0 (other->parent_ref, self->item->ref) == 0)
        {
          add_row (self, self->children_group,
                   ethos_item_row_new (other, self->code_info, FALSE, ETHOS_ITEM_ROW_EXCERPT));
          has_children = TRUE;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->parent_group), has_parent);
  gtk_widget_set_visible (GTK_WIDGET (self->children_group), has_children);
}

static void
load_note (EthosItemPage *self)
{
  g_autofree char *note = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);

  if (self->user_db != NULL)
    note = ethos_user_db_get_note (self->user_db, self->item->code, self->item->ref);
  self->loading_note = TRUE;
  gtk_text_buffer_set_text (buffer, note ? note : "", -1);
  self->loading_note = FALSE;
  update_placeholder (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_view), self->user_db != NULL);
}

static gboolean
deselect_cb (gpointer data)
{
  EthosItemPage *self = data;
  int start, end;

  self->deselect_idle = 0;
  if (gtk_label_get_selection_bounds (self->text_label, &start, &end) && start == 0 &&
      end == g_utf8_strlen (gtk_label_get_text (self->text_label), -1))
    gtk_label_select_region (self->text_label, 0, 0);
  return G_SOURCE_REMOVE;
}

/* A selectable label selects all of itself when it takes the focus, as it
 * does when the row that was clicked to get here goes away: the text then
 * opened fully selected. Reading starts unselected. */
static void
text_focus_cb (EthosItemPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The window's focus widget, not has-focus: that one waits for the
   * window to be active. */
  if (root != NULL && gtk_root_get_focus (root) == GTK_WIDGET (self->text_label) &&
      self->deselect_idle == 0)
    /* Right after the label has selected itself, before anything draws. */
    self->deselect_idle = g_idle_add_full (G_PRIORITY_HIGH, deselect_cb, self, NULL);
}

static void
ethos_item_page_root (GtkWidget *widget)
{
  EthosItemPage *self = ETHOS_ITEM_PAGE (widget);

  GTK_WIDGET_CLASS (ethos_item_page_parent_class)->root (widget);
  g_signal_connect_object (gtk_widget_get_root (widget), "notify::focus-widget",
                           G_CALLBACK (text_focus_cb), self, G_CONNECT_SWAPPED);
}

static void
ethos_item_page_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), text_focus_cb, widget);
  GTK_WIDGET_CLASS (ethos_item_page_parent_class)->unroot (widget);
}

static void
ethos_item_page_dispose (GObject *object)
{
  EthosItemPage *self = ETHOS_ITEM_PAGE (object);

  flush_note (self);
  cancel_related (self);
  g_clear_handle_id (&self->deselect_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ETHOS_TYPE_ITEM_PAGE);

  G_OBJECT_CLASS (ethos_item_page_parent_class)->dispose (object);
}

static void
ethos_item_page_finalize (GObject *object)
{
  EthosItemPage *self = ETHOS_ITEM_PAGE (object);

  g_clear_pointer (&self->item, ethos_item_free);
  g_clear_pointer (&self->code_info, ethos_code_info_free);
  g_clear_pointer (&self->topic_labels, g_hash_table_unref);
  g_clear_pointer (&self->group_rows, g_ptr_array_unref);
  g_clear_pointer (&self->related, g_ptr_array_unref);
  g_clear_pointer (&self->related_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (ethos_item_page_parent_class)->finalize (object);
}

static void
ethos_item_page_class_init (EthosItemPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_item_page_dispose;
  object_class->finalize = ethos_item_page_finalize;
  widget_class->root = ethos_item_page_root;
  widget_class->unroot = ethos_item_page_unroot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-item-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosItemPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, EthosItemPage, context_label);
  gtk_widget_class_bind_template_child (widget_class, EthosItemPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, EthosItemPage, ref_label);
  gtk_widget_class_bind_template_child (widget_class, EthosItemPage, text_label);
  gtk_widget_class_bind_template_child (widget_class, EthosItemPage, parent_group);
  gtk_widget_class_bind_template_child (widget_class, EthosItemPage, children_group);
  gtk_widget_class_bind_template_child (widget_class, EthosItemPage, topics_group);
  gtk_widget_class_bind_template_child (widget_class, EthosItemPage, topics_flow);
  gtk_widget_class_bind_template_child (widget_class, EthosItemPage, related_group);
  gtk_widget_class_bind_template_child (widget_class, EthosItemPage, related_box);
  gtk_widget_class_bind_template_child (widget_class, EthosItemPage, note_view);
  gtk_widget_class_bind_template_child (widget_class, EthosItemPage, note_placeholder);
}

static void
ethos_item_page_init (EthosItemPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->group_rows = g_ptr_array_new ();
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (note_changed_cb), self, G_CONNECT_SWAPPED);
}

void
ethos_item_page_set_sources (EthosItemPage *self,
                             EthosCorpus   *corpus,
                             EthosUserDb   *user_db)
{
  g_return_if_fail (ETHOS_IS_ITEM_PAGE (self));

  self->corpus = corpus;
  self->user_db = user_db;
}

/* Shows one item; with @query, the words it matches are highlighted. */
gboolean
ethos_item_page_show (EthosItemPage  *self,
                      const char     *code,
                      const char     *ref,
                      const char     *query,
                      GError        **error)
{
  g_autoptr(EthosItem) marked = NULL;
  g_autoptr(EthosItem) item = NULL;
  g_autoptr(EthosCodeInfo) info = NULL;
  g_autofree char *text_markup = NULL;
  g_autofree char *context = NULL;

  g_return_val_if_fail (ETHOS_IS_ITEM_PAGE (self), FALSE);
  g_return_val_if_fail (self->corpus != NULL, FALSE);

  if (!(info = ethos_corpus_get_code (self->corpus, code, error)) ||
      !(marked = ethos_corpus_highlight_item (self->corpus, code, ref, query, error)) ||
      !(item = ethos_corpus_get_item (self->corpus, code, ref, error)))
    return FALSE;

  flush_note (self);
  cancel_related (self);
  clear_groups (self);
  g_clear_pointer (&self->item, ethos_item_free);
  g_clear_pointer (&self->code_info, ethos_code_info_free);
  self->item = g_steal_pointer (&item);
  self->code_info = g_steal_pointer (&info);

  /* Translators: the code and the section, "NOHS Ethical Standards (2024) · Responsibility to Clients" */
  context = g_strdup_printf (_("%s · %s"), self->code_info->short_title, self->item->section);
  gtk_label_set_text (self->context_label, context);

  if (marked->heading != NULL && *marked->heading != '\0')
    {
      g_autofree char *heading = ethos_markup_from_marked (marked->heading);
      g_autofree char *ref_text = g_strdup_printf (_("%s %s"), ethos_item_label (self->code_info),
                                                   self->item->ref);
      gtk_label_set_markup (self->title_label, heading);
      gtk_label_set_text (self->ref_label, ref_text);
      gtk_widget_set_visible (GTK_WIDGET (self->ref_label), TRUE);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_("%s %s"), ethos_item_label (self->code_info),
                                                self->item->ref);
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      gtk_label_set_markup (self->title_label, escaped);
      gtk_widget_set_visible (GTK_WIDGET (self->ref_label), FALSE);
    }

  text_markup = ethos_markup_from_marked (marked->text);
  gtk_label_set_markup (self->text_label, text_markup);
  /* A selectable label selects all of itself when it takes focus: start clean. */
  gtk_label_select_region (self->text_label, 0, 0);

  fill_family (self);
  fill_topics (self);
  load_note (self);
  /* The item's own text first; the other codes' items on its topics (a
   * query per topic and a list below the fold) a frame later. */
  gtk_widget_set_visible (GTK_WIDGET (self->related_group), FALSE);
  self->related_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), related_tick_cb, NULL, NULL);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return TRUE;
}

const EthosItem *
ethos_item_page_get_item (EthosItemPage *self)
{
  g_return_val_if_fail (ETHOS_IS_ITEM_PAGE (self), NULL);
  return self->item;
}

const EthosCodeInfo *
ethos_item_page_get_code_info (EthosItemPage *self)
{
  g_return_val_if_fail (ETHOS_IS_ITEM_PAGE (self), NULL);
  return self->code_info;
}

/* Writes the note now rather than after the typing pause. */
gboolean
ethos_item_page_save_note (EthosItemPage  *self,
                           GError        **error)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ETHOS_IS_ITEM_PAGE (self), FALSE);

  g_clear_handle_id (&self->note_timeout, g_source_remove);
  if (self->item == NULL || self->user_db == NULL)
    return TRUE;

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return ethos_user_db_set_note (self->user_db, self->item->code, self->item->ref, text, error);
}

GtkLabel *
ethos_item_page_get_text_label (EthosItemPage *self)
{
  g_return_val_if_fail (ETHOS_IS_ITEM_PAGE (self), NULL);
  return self->text_label;
}

GtkTextBuffer *
ethos_item_page_get_note_buffer (EthosItemPage *self)
{
  g_return_val_if_fail (ETHOS_IS_ITEM_PAGE (self), NULL);
  return gtk_text_view_get_buffer (self->note_view);
}

GtkWidget *
ethos_item_page_get_related (EthosItemPage *self)
{
  g_return_val_if_fail (ETHOS_IS_ITEM_PAGE (self), NULL);
  return GTK_WIDGET (self->related_box);
}
