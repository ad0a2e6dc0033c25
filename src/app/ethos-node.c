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
  EthosNode     *parent;    /* not owned: a parent holds its children */
  GListStore    *children;  /* NULL while the node has none */
  gboolean       loaded;
};

G_DEFINE_FINAL_TYPE (EthosNode, ethos_node, G_TYPE_OBJECT)

static void
ethos_node_finalize (GObject *object)
{
  EthosNode *self = ETHOS_NODE (object);

  g_free (self->code);
  g_free (self->key);
  g_free (self->title);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (ethos_node_parent_class)->finalize (object);
}

static void
ethos_node_class_init (EthosNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ethos_node_finalize;
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
