/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-columns"

#include "config.h"

#include "ethos-columns.h"

#define COLUMN_WIDTH   320
#define COLUMN_SPACING 24
#define ROW_SPACING    30

struct _EthosColumns
{
  GtkWidget parent_instance;

  guint     n_columns;   /* as last allocated */
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

static guint
columns_for_width (GtkWidget *widget,
                   int        width)
{
  guint n = count_children (widget);
  guint fit = (guint) MAX (1, (width + COLUMN_SPACING) / (COLUMN_WIDTH + COLUMN_SPACING));

  return MAX (1, MIN (fit, n));
}

static int
column_width (int   width,
              guint n_columns)
{
  return MAX (1, (width - COLUMN_SPACING * ((int) n_columns - 1)) / (int) n_columns);
}

static int
child_height (GtkWidget *child,
              int        width)
{
  int min, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  return nat;
}

/* Walks the children row by row; with @allocate, places them. Returns the
 * total height. */
static int
layout (GtkWidget *widget,
        int        width,
        gboolean   allocate)
{
  guint n_columns = columns_for_width (widget, width);
  int col_width = column_width (width, n_columns);
  GtkWidget *child = gtk_widget_get_first_child (widget);
  int y = 0;
  gboolean first_row = TRUE;

  while (child != NULL)
    {
      GtkWidget *row_start = child;
      int row_height = 0;
      guint i = 0;

      for (; child != NULL && i < n_columns; child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_should_layout (child))
          {
            row_height = MAX (row_height, child_height (child, col_width));
            i++;
          }
      if (i == 0)
        break;
      if (!first_row)
        y += ROW_SPACING;
      first_row = FALSE;

      if (allocate)
        {
          guint col = 0;
          for (GtkWidget *c = row_start; c != child; c = gtk_widget_get_next_sibling (c))
            {
              GtkAllocation alloc;
              gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

              if (!gtk_widget_should_layout (c))
                continue;
              alloc.x = (int) col * (col_width + COLUMN_SPACING);
              if (rtl)
                alloc.x = width - alloc.x - col_width;
              alloc.y = y;
              alloc.width = col_width;
              alloc.height = child_height (c, col_width);
              gtk_widget_size_allocate (c, &alloc, -1);
              col++;
            }
        }
      y += row_height;
    }
  if (allocate)
    ETHOS_COLUMNS (widget)->n_columns = n_columns;
  return y;
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
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      guint n = count_children (widget);
      int min = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_should_layout (child))
          {
            int child_min;
            gtk_widget_measure (child, orientation, -1, &child_min, NULL, NULL, NULL);
            min = MAX (min, child_min);
          }
      *minimum = min;
      *natural = MAX (min, (int) n * COLUMN_WIDTH + COLUMN_SPACING * ((int) MAX (n, 1) - 1));
    }
  else
    {
      int width = for_size;

      if (width < 0)
        ethos_columns_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
      *minimum = *natural = layout (widget, width, FALSE);
    }
}

static void
ethos_columns_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  layout (widget, width, TRUE);
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
  self->n_columns = 1;
}

GtkWidget *
ethos_columns_new (void)
{
  return g_object_new (ETHOS_TYPE_COLUMNS, NULL);
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

guint
ethos_columns_get_n_columns (EthosColumns *self)
{
  g_return_val_if_fail (ETHOS_IS_COLUMNS (self), 1);
  return self->n_columns;
}
