/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-columns"

#include "config.h"

#include "ethos-columns.h"

#define COLUMN_WIDTH     320
#define COLUMN_MIN_WIDTH 280
#define COLUMN_SPACING   24
#define ROW_SPACING      30

struct _EthosColumns
{
  GtkWidget parent_instance;

  gboolean  stacked;
};

G_DEFINE_FINAL_TYPE (EthosColumns, ethos_columns, GTK_TYPE_WIDGET)

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      n++;
  return n;
}

static int
column_width (EthosColumns *self,
              int           width)
{
  guint n = count_children (GTK_WIDGET (self));

  if (self->stacked || n <= 1)
    return width;
  return MAX (COLUMN_MIN_WIDTH, (width - COLUMN_SPACING * ((int) n - 1)) / (int) n);
}

static int
child_height (GtkWidget *child,
              int        width)
{
  int min, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  return nat;
}

/* Side by side, one column per child; or stacked, one below the other.
 * With @allocate, places them. Returns the total height. */
static int
layout (EthosColumns *self,
        int           width,
        gboolean      allocate)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int col_width = column_width (self, width);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int x = 0, y = 0, height = 0;
  gboolean first = TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      int h;

      if (!gtk_widget_should_layout (c))
        continue;
      h = child_height (c, col_width);
      if (!first)
        {
          if (self->stacked)
            y += ROW_SPACING;
          else
            x += col_width + COLUMN_SPACING;
        }
      first = FALSE;
      if (allocate)
        {
          GtkAllocation alloc = { rtl ? width - x - col_width : x, y, col_width, h };
          gtk_widget_size_allocate (c, &alloc, -1);
        }
      if (self->stacked)
        y += h;
      else
        height = MAX (height, h);
    }
  return self->stacked ? y : height;
}

static GtkSizeRequestMode
ethos_columns_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ethos_columns_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  EthosColumns *self = ETHOS_COLUMNS (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      guint n = count_children (widget);
      int min = 0, nat = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_should_layout (child))
          {
            int child_min, child_nat;

            gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
            min = MAX (min, child_min);
            nat = MAX (nat, child_nat);
          }
      if (!self->stacked && n > 1)
        {
          /* Side by side, each column keeps its minimum width: when they do
           * not fit, the page scrolls sideways. */
          min = (int) n * MAX (min, COLUMN_MIN_WIDTH) + COLUMN_SPACING * ((int) n - 1);
          nat = MAX (min, (int) n * COLUMN_WIDTH + COLUMN_SPACING * ((int) n - 1));
        }
      *minimum = min;
      *natural = MAX (min, nat);
    }
  else
    {
      int width = for_size;

      if (width < 0)
        ethos_columns_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
      *minimum = *natural = layout (self, width, FALSE);
    }
}

static void
ethos_columns_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  layout (ETHOS_COLUMNS (widget), width, TRUE);
}

static void
ethos_columns_dispose (GObject *object)
{
  ethos_columns_remove_all (ETHOS_COLUMNS (object));

  G_OBJECT_CLASS (ethos_columns_parent_class)->dispose (object);
}

static void
ethos_columns_class_init (EthosColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_columns_dispose;
  widget_class->get_request_mode = ethos_columns_get_request_mode;
  widget_class->measure = ethos_columns_measure;
  widget_class->size_allocate = ethos_columns_size_allocate;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ethos_columns_init (EthosColumns *self)
{
}

void
ethos_columns_append (EthosColumns *self,
                      GtkWidget    *child)
{
  g_return_if_fail (ETHOS_IS_COLUMNS (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

void
ethos_columns_remove_all (EthosColumns *self)
{
  GtkWidget *child;

  g_return_if_fail (ETHOS_IS_COLUMNS (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

void
ethos_columns_set_stacked (EthosColumns *self,
                           gboolean      stacked)
{
  g_return_if_fail (ETHOS_IS_COLUMNS (self));

  if (self->stacked == !!stacked)
    return;
  self->stacked = !!stacked;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
ethos_columns_get_stacked (EthosColumns *self)
{
  g_return_val_if_fail (ETHOS_IS_COLUMNS (self), FALSE);
  return self->stacked;
}
