/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-sidebar-row"

#include "config.h"

#include "ethos-sidebar-row.h"

struct _EthosSidebarRow
{
  GtkWidget  parent_instance;

  GtkLabel  *title_label;
  EthosNode *node;
};

enum {
  PROP_0,
  PROP_NODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (EthosSidebarRow, ethos_sidebar_row, GTK_TYPE_WIDGET)

static gboolean
is_not_null (gpointer    unused,
             const char *value)
{
  return value != NULL && *value != '\0';
}

static void
ethos_sidebar_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EthosSidebarRow *self = ETHOS_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_NODE:
      g_value_set_object (value, self->node);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ethos_sidebar_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EthosSidebarRow *self = ETHOS_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_NODE:
      ethos_sidebar_row_set_node (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ethos_sidebar_row_dispose (GObject *object)
{
  EthosSidebarRow *self = ETHOS_SIDEBAR_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ETHOS_TYPE_SIDEBAR_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->node);

  G_OBJECT_CLASS (ethos_sidebar_row_parent_class)->dispose (object);
}

static void
ethos_sidebar_row_class_init (EthosSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_sidebar_row_dispose;
  object_class->get_property = ethos_sidebar_row_get_property;
  object_class->set_property = ethos_sidebar_row_set_property;

  properties[PROP_NODE] =
    g_param_spec_object ("node", NULL, NULL, ETHOS_TYPE_NODE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosSidebarRow, title_label);
  gtk_widget_class_bind_template_callback (widget_class, is_not_null);
}

static void
ethos_sidebar_row_init (EthosSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ethos_sidebar_row_new (void)
{
  return g_object_new (ETHOS_TYPE_SIDEBAR_ROW, NULL);
}

EthosNode *
ethos_sidebar_row_get_node (EthosSidebarRow *self)
{
  g_return_val_if_fail (ETHOS_IS_SIDEBAR_ROW (self), NULL);
  return self->node;
}

void
ethos_sidebar_row_set_node (EthosSidebarRow *self,
                            EthosNode       *node)
{
  g_return_if_fail (ETHOS_IS_SIDEBAR_ROW (self));

  if (!g_set_object (&self->node, node))
    return;
  /* A code's row is a heading over its sections. */
  if (node != NULL && ethos_node_get_kind (node) == ETHOS_NODE_CODE)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "heading");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NODE]);
}
