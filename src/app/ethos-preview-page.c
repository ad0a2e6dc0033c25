/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-cairo-painter.h"
#include "ethos-preview-page.h"

struct _EthosPreviewPage
{
  GtkWidget    parent_instance;

  EthosLayout *layout;
  guint        page;
  double       scale;
  gboolean     shown;
  guint        paints;
};

G_DEFINE_FINAL_TYPE (EthosPreviewPage, ethos_preview_page, GTK_TYPE_WIDGET)

static void
page_size (EthosPreviewPage *self,
           double           *width,
           double           *height)
{
  *width = 612;
  *height = 792;
  if (self->layout != NULL)
    ethos_layout_get_page_size (self->layout, width, height);
}

static void
ethos_preview_page_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  EthosPreviewPage *self = ETHOS_PREVIEW_PAGE (widget);
  double width, height;

  page_size (self, &width, &height);
  *minimum = *natural = (int) ((orientation == GTK_ORIENTATION_HORIZONTAL ? width : height) *
                               self->scale + 0.5);
}

static void
ethos_preview_page_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  EthosPreviewPage *self = ETHOS_PREVIEW_PAGE (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GError) error = NULL;
  GdkRGBA white = { 1, 1, 1, 1 };
  cairo_t *cr;

  gtk_snapshot_append_color (snapshot, &white, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->layout == NULL || !self->shown || self->page >= ethos_layout_get_n_pages (self->layout))
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, self->scale, self->scale);
  if (!ethos_cairo_paint_page (self->layout, self->page, cr, &error))
    g_warning ("Could not paint page %u of the preview: %s", self->page + 1, error->message);
  cairo_destroy (cr);
  self->paints++;
}

static void
update_name (EthosPreviewPage *self)
{
  guint n = self->layout != NULL ? ethos_layout_get_n_pages (self->layout) : 0;
  /* Translators: the accessible name of a page of the form preview */
  g_autofree char *name = g_strdup_printf (_("Page %u of %u"), self->page + 1, MAX (n, 1));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
ethos_preview_page_class_init (EthosPreviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = ethos_preview_page_measure;
  widget_class->snapshot = ethos_preview_page_snapshot;
  gtk_widget_class_set_css_name (widget_class, "preview-page");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ethos_preview_page_init (EthosPreviewPage *self)
{
  self->scale = 1;
  self->shown = TRUE;
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  update_name (self);
}

EthosPreviewPage *
ethos_preview_page_new (void)
{
  return g_object_new (ETHOS_TYPE_PREVIEW_PAGE, NULL);
}

void
ethos_preview_page_set_layout (EthosPreviewPage *self,
                               EthosLayout      *layout,
                               guint             page)
{
  double old_w, old_h, w, h;

  g_return_if_fail (ETHOS_IS_PREVIEW_PAGE (self));

  page_size (self, &old_w, &old_h);
  self->layout = layout;
  self->page = page;
  page_size (self, &w, &h);
  if (w != old_w || h != old_h)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  update_name (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ethos_preview_page_set_scale (EthosPreviewPage *self,
                              double            scale)
{
  g_return_if_fail (ETHOS_IS_PREVIEW_PAGE (self));

  if (scale == self->scale)
    return;
  self->scale = scale;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ethos_preview_page_set_shown (EthosPreviewPage *self,
                              gboolean          shown)
{
  g_return_if_fail (ETHOS_IS_PREVIEW_PAGE (self));

  if (shown == self->shown)
    return;
  self->shown = shown;
  if (shown)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ethos_preview_page_get_paints (EthosPreviewPage *self)
{
  g_return_val_if_fail (ETHOS_IS_PREVIEW_PAGE (self), 0);
  return self->paints;
}
