/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-result-row"

#include "config.h"

#include "ethos-result-row.h"

struct _EthosResultRow
{
  GtkWidget  parent_instance;

  EthosResult *result;
};

enum {
  PROP_0,
  PROP_RESULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (EthosResultRow, ethos_result_row, GTK_TYPE_WIDGET)

static gboolean
is_not_null (gpointer    unused,
             const char *value)
{
  return value != NULL && *value != '\0';
}

static void
ethos_result_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EthosResultRow *self = ETHOS_RESULT_ROW (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      g_value_set_object (value, self->result);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ethos_result_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EthosResultRow *self = ETHOS_RESULT_ROW (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      ethos_result_row_set_result (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ethos_result_row_dispose (GObject *object)
{
  EthosResultRow *self = ETHOS_RESULT_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ETHOS_TYPE_RESULT_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->result);

  G_OBJECT_CLASS (ethos_result_row_parent_class)->dispose (object);
}

static void
ethos_result_row_class_init (EthosResultRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_result_row_dispose;
  object_class->get_property = ethos_result_row_get_property;
  object_class->set_property = ethos_result_row_set_property;

  properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL, ETHOS_TYPE_RESULT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-result-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, is_not_null);
}

static void
ethos_result_row_init (EthosResultRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ethos_result_row_new (void)
{
  return g_object_new (ETHOS_TYPE_RESULT_ROW, NULL);
}

void
ethos_result_row_set_result (EthosResultRow *self,
                             EthosResult    *result)
{
  g_return_if_fail (ETHOS_IS_RESULT_ROW (self));

  if (!g_set_object (&self->result, result))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}
