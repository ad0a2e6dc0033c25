/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One row of the sidebar tree: a code, a section, an item, or one of the
 * views that are not in a code (Compare, Bookmarks). The same kinds name the
 * places the window can show. */
typedef enum
{
  ETHOS_NODE_CODE,
  ETHOS_NODE_SECTION,
  ETHOS_NODE_ITEM,
  ETHOS_NODE_COMPARE,
  ETHOS_NODE_BOOKMARKS,
} EthosNodeKind;

#define ETHOS_TYPE_NODE (ethos_node_get_type ())

G_DECLARE_FINAL_TYPE (EthosNode, ethos_node, ETHOS, NODE, GObject)

EthosNode     *ethos_node_new           (EthosNodeKind  kind,
                                         const char    *code,
                                         const char    *key,
                                         const char    *title);
EthosNodeKind  ethos_node_get_kind      (EthosNode     *self);
const char    *ethos_node_get_code      (EthosNode     *self);
const char    *ethos_node_get_key       (EthosNode     *self);
const char    *ethos_node_get_title     (EthosNode     *self);
const char    *ethos_node_get_accessible_label (EthosNode *self);
void           ethos_node_set_accessible_label (EthosNode *self,
                                                const char *label);
EthosNode     *ethos_node_get_parent    (EthosNode     *self);
GListStore    *ethos_node_get_children  (EthosNode     *self);
void           ethos_node_append_child  (EthosNode     *self,
                                         EthosNode     *child);
gboolean       ethos_node_get_loaded    (EthosNode     *self);
void           ethos_node_set_loaded    (EthosNode     *self);

G_END_DECLS
