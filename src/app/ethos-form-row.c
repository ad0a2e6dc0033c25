/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-form-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-form-row.h"

struct _EthosFormRow
{
  GtkListBoxRow  parent_instance;

  GtkImage      *status_icon;

  EthosFormItem *item;
};

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (EthosFormRow, ethos_form_row, GTK_TYPE_LIST_BOX_ROW)

static char *
status_icon_name (gpointer unused,
                  gboolean covered)
{
  return g_strdup (covered ? "object-select-symbolic" : "dialog-warning-symbolic");
}

static GStrv
status_classes (gpointer unused,
                gboolean covered)
{
  return g_strdupv ((char *[]) { covered ? "success" : "error", NULL });
}

/* What a screen reader says: the title and the coverage for the row, and
 * for the icon what its colour says. */
static void
set_item (EthosFormRow  *self,
          EthosFormItem *item)
{
  gboolean covered = ethos_form_item_get_covered (item);

  g_set_object (&self->item, item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ethos_form_item_get_accessible_label (item), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  covered ? _("Covered") : _("Not covered"), -1);
}

static void
ethos_form_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EthosFormRow *self = ETHOS_FORM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ethos_form_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EthosFormRow *self = ETHOS_FORM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ethos_form_row_dispose (GObject *object)
{
  EthosFormRow *self = ETHOS_FORM_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ETHOS_TYPE_FORM_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (ethos_form_row_parent_class)->dispose (object);
}

static void
ethos_form_row_class_init (EthosFormRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_form_row_dispose;
  object_class->get_property = ethos_form_row_get_property;
  object_class->set_property = ethos_form_row_set_property;

  /* Construct-only: a row shows one form; a new list makes new rows. */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, ETHOS_TYPE_FORM_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-form-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosFormRow, status_icon);
  gtk_widget_class_bind_template_callback (widget_class, status_icon_name);
  gtk_widget_class_bind_template_callback (widget_class, status_classes);
}

static void
ethos_form_row_init (EthosFormRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ethos_form_row_new (EthosFormItem *item)
{
  g_return_val_if_fail (ETHOS_IS_FORM_ITEM (item), NULL);
  return g_object_new (ETHOS_TYPE_FORM_ROW, "item", item, NULL);
}

EthosFormItem *
ethos_form_row_get_item (EthosFormRow *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_ROW (self), NULL);
  return self->item;
}
