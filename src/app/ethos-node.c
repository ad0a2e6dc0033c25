/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-node"

#include "config.h"

#include "ethos-node.h"

struct _EthosNode
{
  GObject        parent_instance;

  EthosNodeKind  kind;
  char          *code;
  char          *key;
  char          *title;
  char          *accessible_label;
  EthosNode     *parent;    /* not owned: a parent holds its children */
  GListStore    *children;  /* NULL while the node has none */
  gboolean       loaded;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_CODE,
  PROP_KEY,
  PROP_TITLE,
  PROP_REF,
  PROP_ICON_NAME,
  PROP_ACCESSIBLE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (EthosNode, ethos_node, G_TYPE_OBJECT)

static const char *
icon_name (EthosNode *self)
{
  switch (self->kind)
    {
    case ETHOS_NODE_COMPARE:
      return "view-dual-symbolic";
    case ETHOS_NODE_BOOKMARKS:
      return "starred-symbolic";
    case ETHOS_NODE_CODE:
    case ETHOS_NODE_SECTION:
    case ETHOS_NODE_ITEM:
    default:
      return NULL;
    }
}

static void
ethos_node_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EthosNode *self = ETHOS_NODE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_REF:
      g_value_set_string (value, self->kind == ETHOS_NODE_ITEM ? self->key : NULL);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, icon_name (self));
      break;
    case PROP_ACCESSIBLE_LABEL:
      g_value_set_string (value, ethos_node_get_accessible_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ethos_node_finalize (GObject *object)
{
  EthosNode *self = ETHOS_NODE (object);

  g_free (self->code);
  g_free (self->key);
  g_free (self->title);
  g_free (self->accessible_label);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (ethos_node_parent_class)->finalize (object);
}

static void
ethos_node_class_init (EthosNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ethos_node_finalize;
  object_class->get_property = ethos_node_get_property;

  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, ETHOS_NODE_CODE,
                                            ETHOS_NODE_BOOKMARKS, ETHOS_NODE_CODE, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  /* The item's ref, shown beside its title; NULL for other rows. */
  properties[PROP_REF] = g_param_spec_string ("ref", NULL, NULL, NULL, flags);
  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, flags);
  /* What a screen reader says for the row: "NOHS Standard 3: Human …". */
  properties[PROP_ACCESSIBLE_LABEL] = g_param_spec_string ("accessible-label", NULL, NULL, NULL,
                                                           flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ethos_node_init (EthosNode *self)
{
}

/* @key is the item's ref, the section's heading or NULL. */
EthosNode *
ethos_node_new (EthosNodeKind  kind,
                const char    *code,
                const char    *key,
                const char    *title)
{
  EthosNode *self = g_object_new (ETHOS_TYPE_NODE, NULL);

  self->kind = kind;
  self->code = g_strdup (code);
  self->key = g_strdup (key);
  self->title = g_strdup (title);
  return self;
}

EthosNodeKind
ethos_node_get_kind (EthosNode *self)
{
  g_return_val_if_fail (ETHOS_IS_NODE (self), ETHOS_NODE_CODE);
  return self->kind;
}

const char *
ethos_node_get_code (EthosNode *self)
{
  g_return_val_if_fail (ETHOS_IS_NODE (self), NULL);
  return self->code;
}

const char *
ethos_node_get_key (EthosNode *self)
{
  g_return_val_if_fail (ETHOS_IS_NODE (self), NULL);
  return self->key;
}

const char *
ethos_node_get_title (EthosNode *self)
{
  g_return_val_if_fail (ETHOS_IS_NODE (self), NULL);
  return self->title;
}

const char *
ethos_node_get_accessible_label (EthosNode *self)
{
  g_return_val_if_fail (ETHOS_IS_NODE (self), NULL);
  return self->accessible_label ? self->accessible_label : self->title;
}

void
ethos_node_set_accessible_label (EthosNode  *self,
                                 const char *label)
{
  g_return_if_fail (ETHOS_IS_NODE (self));

  if (g_strcmp0 (self->accessible_label, label) == 0)
    return;
  g_free (self->accessible_label);
  self->accessible_label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESSIBLE_LABEL]);
}

EthosNode *
ethos_node_get_parent (EthosNode *self)
{
  g_return_val_if_fail (ETHOS_IS_NODE (self), NULL);
  return self->parent;
}

GListStore *
ethos_node_get_children (EthosNode *self)
{
  g_return_val_if_fail (ETHOS_IS_NODE (self), NULL);
  return self->children;
}

void
ethos_node_append_child (EthosNode *self,
                         EthosNode *child)
{
  g_return_if_fail (ETHOS_IS_NODE (self));
  g_return_if_fail (ETHOS_IS_NODE (child));
  g_return_if_fail (child->parent == NULL);

  if (self->children == NULL)
    self->children = g_list_store_new (ETHOS_TYPE_NODE);
  child->parent = self;
  g_list_store_append (self->children, child);
}

/* A code's sections and items are read from the index the first time the
 * code is expanded or revealed, not at startup. */
gboolean
ethos_node_get_loaded (EthosNode *self)
{
  g_return_val_if_fail (ETHOS_IS_NODE (self), FALSE);
  return self->loaded;
}

void
ethos_node_set_loaded (EthosNode *self)
{
  g_return_if_fail (ETHOS_IS_NODE (self));
  self->loaded = TRUE;
}
