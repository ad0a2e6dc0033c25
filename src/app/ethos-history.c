/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-history"

#include "config.h"

#include "ethos-history.h"

#define MAX_ENTRIES 200

typedef struct
{
  char     *view;
  GVariant *state;
} Entry;

typedef struct
{
  gpointer                 view;
  EthosHistoryCaptureFunc  capture;
  EthosHistoryRestoreFunc  restore;
} View;

struct _EthosHistory
{
  GObject                  parent_instance;

  EthosHistoryVisibleFunc  visible;
  gpointer                 data;
  GHashTable              *views;    /* name → View */
  GPtrArray               *back;     /* Entry, oldest first */
  GPtrArray               *forward;  /* Entry, the next one last */
  gboolean                 stepping;
};

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (EthosHistory, ethos_history, G_TYPE_OBJECT)

static void
entry_free (Entry *entry)
{
  g_free (entry->view);
  g_clear_pointer (&entry->state, g_variant_unref);
  g_free (entry);
}

/* Where the user is now, or NULL when the visible view keeps no history. */
static Entry *
capture_view (EthosHistory *self,
              char         *name)
{
  View *view = name ? g_hash_table_lookup (self->views, name) : NULL;
  GVariant *state;
  Entry *entry;

  if (view == NULL || (state = view->capture (view->view)) == NULL)
    {
      g_free (name);
      return NULL;
    }
  entry = g_new0 (Entry, 1);
  entry->view = name;
  entry->state = g_variant_ref_sink (state);
  return entry;
}

static Entry *
capture (EthosHistory *self)
{
  g_autofree char *name = self->visible ? self->visible (self->data) : NULL;

  return capture_view (self, g_steal_pointer (&name));
}

static gboolean
entry_equal (const Entry *a,
             const Entry *b)
{
  return g_str_equal (a->view, b->view) && g_variant_equal (a->state, b->state);
}

static void
notify_both (EthosHistory *self,
             gboolean      had_back,
             gboolean      had_forward)
{
  if (had_back != (self->back->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  if (had_forward != (self->forward->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_FORWARD]);
}

static void
add_entry (GPtrArray *stack,
           Entry     *entry)
{
  /* Leaving a place twice in a row records it once. */
  if (stack->len > 0 && entry_equal (g_ptr_array_index (stack, stack->len - 1), entry))
    {
      entry_free (entry);
      return;
    }
  g_ptr_array_add (stack, entry);
  if (stack->len > MAX_ENTRIES)
    g_ptr_array_remove_index (stack, 0);
}

/* Steps through the history: the place left goes on the other stack. An
 * entry whose place can no longer be shown is dropped. */
static gboolean
step (EthosHistory *self,
      GPtrArray    *from,
      GPtrArray    *to)
{
  gboolean had_back = self->back->len > 0;
  gboolean had_forward = self->forward->len > 0;
  gboolean done = FALSE;

  while (from->len > 0 && !done)
    {
      Entry *target = g_ptr_array_steal_index (from, from->len - 1);
      View *view = g_hash_table_lookup (self->views, target->view);
      Entry *left = capture (self);
      g_autoptr(GError) error = NULL;
      gboolean restored;

      self->stepping = TRUE;
      restored = view != NULL && view->restore (view->view, target->state, &error);
      self->stepping = FALSE;
      if (restored)
        {
          if (left != NULL)
            add_entry (to, g_steal_pointer (&left));
          done = TRUE;
        }
      else if (error != NULL)
        g_debug ("A place in the history cannot be shown: %s", error->message);
      if (left != NULL)
        entry_free (left);
      entry_free (target);
    }
  notify_both (self, had_back, had_forward);
  return done;
}

static void
ethos_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EthosHistory *self = ETHOS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, self->back->len > 0);
      break;
    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, self->forward->len > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ethos_history_finalize (GObject *object)
{
  EthosHistory *self = ETHOS_HISTORY (object);

  g_clear_pointer (&self->views, g_hash_table_unref);
  g_clear_pointer (&self->back, g_ptr_array_unref);
  g_clear_pointer (&self->forward, g_ptr_array_unref);

  G_OBJECT_CLASS (ethos_history_parent_class)->finalize (object);
}

static void
ethos_history_class_init (EthosHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ethos_history_get_property;
  object_class->finalize = ethos_history_finalize;

  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ethos_history_init (EthosHistory *self)
{
  self->views = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->back = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->forward = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
}

EthosHistory *
ethos_history_new (EthosHistoryVisibleFunc visible,
                   gpointer                data)
{
  EthosHistory *self = g_object_new (ETHOS_TYPE_HISTORY, NULL);

  self->visible = visible;
  self->data = data;
  return self;
}

void
ethos_history_add_view (EthosHistory            *self,
                        const char              *name,
                        gpointer                 view,
                        EthosHistoryCaptureFunc  capture_func,
                        EthosHistoryRestoreFunc  restore_func)
{
  View *v;

  g_return_if_fail (ETHOS_IS_HISTORY (self));
  g_return_if_fail (name != NULL && capture_func != NULL && restore_func != NULL);

  v = g_new0 (View, 1);
  v->view = view;
  v->capture = capture_func;
  v->restore = restore_func;
  g_hash_table_replace (self->views, g_strdup (name), v);
}

void
ethos_history_remove_view (EthosHistory *self,
                           const char   *name)
{
  g_return_if_fail (ETHOS_IS_HISTORY (self));
  g_hash_table_remove (self->views, name);
}

static void
push_entry (EthosHistory *self,
            Entry        *entry)
{
  gboolean had_back, had_forward;

  if (entry == NULL)
    return;
  had_back = self->back->len > 0;
  had_forward = self->forward->len > 0;
  add_entry (self->back, entry);
  g_ptr_array_set_size (self->forward, 0);
  notify_both (self, had_back, had_forward);
}

void
ethos_history_push (EthosHistory *self)
{
  g_return_if_fail (ETHOS_IS_HISTORY (self));

  if (!self->stepping)
    push_entry (self, capture (self));
}

void
ethos_history_push_view (EthosHistory *self,
                         const char   *name)
{
  g_return_if_fail (ETHOS_IS_HISTORY (self));

  if (!self->stepping && name != NULL)
    push_entry (self, capture_view (self, g_strdup (name)));
}

gboolean
ethos_history_go_back (EthosHistory *self)
{
  g_return_val_if_fail (ETHOS_IS_HISTORY (self), FALSE);
  return step (self, self->back, self->forward);
}

gboolean
ethos_history_go_forward (EthosHistory *self)
{
  g_return_val_if_fail (ETHOS_IS_HISTORY (self), FALSE);
  return step (self, self->forward, self->back);
}

gboolean
ethos_history_can_go_back (EthosHistory *self)
{
  g_return_val_if_fail (ETHOS_IS_HISTORY (self), FALSE);
  return self->back->len > 0;
}

gboolean
ethos_history_can_go_forward (EthosHistory *self)
{
  g_return_val_if_fail (ETHOS_IS_HISTORY (self), FALSE);
  return self->forward->len > 0;
}

const char *
ethos_history_peek_back (EthosHistory  *self,
                         GVariant     **state)
{
  Entry *entry;

  g_return_val_if_fail (ETHOS_IS_HISTORY (self), NULL);

  if (self->back->len == 0)
    return NULL;
  entry = g_ptr_array_index (self->back, self->back->len - 1);
  if (state != NULL)
    *state = entry->state;
  return entry->view;
}

void
ethos_history_clear (EthosHistory *self)
{
  gboolean had_back, had_forward;

  g_return_if_fail (ETHOS_IS_HISTORY (self));
  had_back = self->back->len > 0;
  had_forward = self->forward->len > 0;
  g_ptr_array_set_size (self->back, 0);
  g_ptr_array_set_size (self->forward, 0);
  notify_both (self, had_back, had_forward);
}
