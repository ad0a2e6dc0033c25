/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-form-preview.h"
#include "ethos-preview-page.h"

#define PAGE_GAP 18
#define FIT_MARGIN 24
#define ACTUAL_SIZE (96.0 / 72.0)   /* 100 %: a point is 1/72 inch at 96 pixels an inch */
#define MIN_SCALE 0.25
#define MAX_SCALE 4.0

struct _EthosFormPreview
{
  GtkWidget          parent_instance;

  /* template */
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkBox            *pages_box;
  AdwStatusPage     *error_page;
  GtkLabel          *page_label;
  GtkLabel          *zoom_label;

  EthosFormPages    *pages;
  gboolean           fit_width;
  double             scale;
  guint              refit_id;
  guint              current_page;
  double             anchor;        /* where the reader was, as a fraction of the pages */
  gboolean           keep_anchor;
};

G_DEFINE_FINAL_TYPE (EthosFormPreview, ethos_form_preview, GTK_TYPE_WIDGET)

static EthosLayout *
current_layout (EthosFormPreview *self)
{
  return self->pages != NULL ? ethos_form_pages_get_layout (self->pages) : NULL;
}

static double
fit_scale (EthosFormPreview *self)
{
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->scroller);
  double available = gtk_adjustment_get_page_size (h) - 2 * FIT_MARGIN;
  double width = 612, height = 792;

  if (current_layout (self) != NULL)
    ethos_layout_get_page_size (current_layout (self), &width, &height);
  if (available <= 0)
    return 1;
  return CLAMP (available / width, MIN_SCALE, MAX_SCALE);
}

/* Which pages are in sight, and "Page 2 of 3" for the one most in sight. */
static void
update_visible (EthosFormPreview *self)
{
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (self->scroller);
  double top = gtk_adjustment_get_value (v);
  double bottom = top + gtk_adjustment_get_page_size (v);
  double best = -1;
  guint n = 0, current = 0;
  g_autofree char *label = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
       child != NULL; child = gtk_widget_get_next_sibling (child), n++)
    {
      graphene_rect_t bounds;
      double visible;

      if (!gtk_widget_compute_bounds (child, GTK_WIDGET (self->pages_box), &bounds))
        {
          ethos_preview_page_set_shown (ETHOS_PREVIEW_PAGE (child), TRUE);
          continue;
        }
      visible = MIN (bottom, bounds.origin.y + bounds.size.height) - MAX (top, bounds.origin.y);
      /* Before the first allocation nothing is known: paint. */
      ethos_preview_page_set_shown (ETHOS_PREVIEW_PAGE (child),
                                    visible > 0 || gtk_adjustment_get_page_size (v) <= 0);
      if (visible > best)
        best = visible, current = n;
    }
  self->current_page = current;
  if (n == 0)
    {
      gtk_label_set_label (self->page_label, "");
      return;
    }
  /* Translators: which page of the preview is shown */
  label = g_strdup_printf (_("Page %u of %u"), current + 1, n);
  gtk_label_set_label (self->page_label, label);
}

static void
apply_scale (EthosFormPreview *self)
{
  double scale = self->fit_width ? fit_scale (self) : self->scale;
  g_autofree char *percent = NULL;
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (self->scroller);

  /* A zoom keeps the reader on the same line: restored once the pages have
   * their new size. */
  if (scale != self->scale && gtk_adjustment_get_upper (v) > 0)
    {
      self->anchor = (gtk_adjustment_get_value (v) + gtk_adjustment_get_page_size (v) / 2) /
                     gtk_adjustment_get_upper (v);
      self->keep_anchor = TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    ethos_preview_page_set_scale (ETHOS_PREVIEW_PAGE (child), scale);
  gtk_scrolled_window_set_policy (self->scroller,
                                  self->fit_width ? GTK_POLICY_EXTERNAL : GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  /* The zoom as a number in every mode, as document viewers show it: the
   * words "Fit Width" made the floating bar wider than a narrow preview
   * (Spanish: "Ajustar al ancho"). The menu greys the mode in use. */
  /* Translators: the zoom of the preview, e.g. "125 %" */
  percent = g_strdup_printf (_("%.0f %%"), scale / ACTUAL_SIZE * 100);
  gtk_label_set_label (self->zoom_label, percent);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-fit", !self->fit_width);
  self->scale = scale;
}

static void
zoom_by (EthosFormPreview *self,
         double            factor)
{
  double scale = (self->fit_width ? fit_scale (self) : self->scale) * factor;

  self->fit_width = FALSE;
  self->scale = CLAMP (scale, MIN_SCALE, MAX_SCALE);
  apply_scale (self);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  zoom_by (ETHOS_FORM_PREVIEW (widget), 1.25);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  zoom_by (ETHOS_FORM_PREVIEW (widget), 1 / 1.25);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  EthosFormPreview *self = ETHOS_FORM_PREVIEW (widget);

  self->fit_width = TRUE;
  apply_scale (self);
}

static void
zoom_actual_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  EthosFormPreview *self = ETHOS_FORM_PREVIEW (widget);

  self->fit_width = FALSE;
  self->scale = ACTUAL_SIZE;
  apply_scale (self);
}

static gboolean
refit_cb (gpointer data)
{
  EthosFormPreview *self = data;
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (self->scroller);

  self->refit_id = 0;
  if (self->keep_anchor)
    {
      self->keep_anchor = FALSE;
      gtk_adjustment_set_value (v, self->anchor * gtk_adjustment_get_upper (v) -
                                   gtk_adjustment_get_page_size (v) / 2);
    }
  if (self->fit_width)
    apply_scale (self);
  update_visible (self);
  return G_SOURCE_REMOVE;
}

/* The viewport's width changes during an allocation: resizing the pages
 * there would leave them unallocated, so it waits for the allocation to end. */
static void
viewport_width_cb (EthosFormPreview *self)
{
  if (self->refit_id == 0)
    self->refit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refit_cb, self, NULL);
}

static void
ethos_form_preview_dispose (GObject *object)
{
  EthosFormPreview *self = ETHOS_FORM_PREVIEW (object);

  g_clear_handle_id (&self->refit_id, g_source_remove);
  /* The pages point into the layout: they let go of it first. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
       self->pages_box != NULL && child != NULL; child = gtk_widget_get_next_sibling (child))
    ethos_preview_page_set_layout (ETHOS_PREVIEW_PAGE (child), NULL, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), ETHOS_TYPE_FORM_PREVIEW);
  g_clear_pointer (&self->pages, ethos_form_pages_free);

  G_OBJECT_CLASS (ethos_form_preview_parent_class)->dispose (object);
}

static void
ethos_form_preview_class_init (EthosFormPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_form_preview_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-form-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosFormPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, EthosFormPreview, scroller);
  gtk_widget_class_bind_template_child (widget_class, EthosFormPreview, pages_box);
  gtk_widget_class_bind_template_child (widget_class, EthosFormPreview, error_page);
  gtk_widget_class_bind_template_child (widget_class, EthosFormPreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, EthosFormPreview, zoom_label);

  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-actual", NULL, zoom_actual_action);
}

static void
ethos_form_preview_init (EthosFormPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fit_width = TRUE;
  self->scale = 1;
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller),
                           "notify::page-size", G_CALLBACK (viewport_width_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller),
                           "value-changed", G_CALLBACK (update_visible), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller),
                           "changed", G_CALLBACK (viewport_width_cb), self, G_CONNECT_SWAPPED);
  apply_scale (self);
}

EthosFormPreview *
ethos_form_preview_new (void)
{
  return g_object_new (ETHOS_TYPE_FORM_PREVIEW, NULL);
}

void
ethos_form_preview_set_pages (EthosFormPreview *self,
                              EthosFormPages   *pages)
{
  EthosLayout *layout = pages != NULL ? ethos_form_pages_get_layout (pages) : NULL;
  guint n = layout != NULL ? ethos_layout_get_n_pages (layout) : 0;
  GtkWidget *child;
  guint i = 0;

  g_return_if_fail (ETHOS_IS_FORM_PREVIEW (self));

  /* Reuse the page widgets: a keystroke rarely changes the page count. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box)); child != NULL; i++)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (i < n)
        ethos_preview_page_set_layout (ETHOS_PREVIEW_PAGE (child), layout, i);
      else
        {
          ethos_preview_page_set_layout (ETHOS_PREVIEW_PAGE (child), NULL, 0);
          gtk_box_remove (self->pages_box, child);
        }
      child = next;
    }
  for (; i < n; i++)
    {
      EthosPreviewPage *page = ethos_preview_page_new ();

      ethos_preview_page_set_layout (page, layout, i);
      gtk_widget_add_css_class (GTK_WIDGET (page), "card");
      gtk_box_append (self->pages_box, GTK_WIDGET (page));
    }
  /* The old pages go after the widgets stopped pointing into them. */
  g_clear_pointer (&self->pages, ethos_form_pages_free);
  self->pages = pages;
  gtk_stack_set_visible_child_name (self->stack, "pages");
  apply_scale (self);
  update_visible (self);
}

EthosFormPages *
ethos_form_preview_get_pages (EthosFormPreview *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_PREVIEW (self), NULL);
  return self->pages;
}

void
ethos_form_preview_show_error (EthosFormPreview *self,
                               const char       *message)
{
  g_return_if_fail (ETHOS_IS_FORM_PREVIEW (self));

  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

guint
ethos_form_preview_get_n_pages (EthosFormPreview *self)
{
  EthosLayout *layout;

  g_return_val_if_fail (ETHOS_IS_FORM_PREVIEW (self), 0);
  layout = current_layout (self);
  return layout != NULL ? ethos_layout_get_n_pages (layout) : 0;
}

GtkWidget *
ethos_form_preview_get_page (EthosFormPreview *self,
                             guint             index)
{
  GtkWidget *child;

  g_return_val_if_fail (ETHOS_IS_FORM_PREVIEW (self), NULL);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
       child != NULL && index > 0; child = gtk_widget_get_next_sibling (child))
    index--;
  return child;
}

double
ethos_form_preview_get_scale (EthosFormPreview *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_PREVIEW (self), 1);
  return self->scale;
}

guint
ethos_form_preview_get_current_page (EthosFormPreview *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_PREVIEW (self), 0);
  return self->current_page;
}
