/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ethos-a11y.h"

static void
set_name (GtkWidget  *widget,
          const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/* The first button in @widget, or @widget itself. A menu button is named
 * itself: its own toggle button is labelled by it, and named too it would
 * be heard twice ("Citation options Citation options"). */
static void
name_buttons (GtkWidget  *widget,
              const char *name)
{
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    {
      set_name (widget, name);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_POPOVER (child))
      name_buttons (child, name);
}

void
ethos_a11y_name_split_button (AdwSplitButton *button,
                              const char     *action_name,
                              const char     *menu_name)
{
  g_return_if_fail (ADW_IS_SPLIT_BUTTON (button));

  set_name (GTK_WIDGET (button), action_name);
  /* Its parts: the button that acts, a separator, the menu button. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (button)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_MENU_BUTTON (child))
        name_buttons (child, menu_name);
      else if (GTK_IS_BUTTON (child))
        set_name (child, action_name);
    }
}

void
ethos_a11y_name_drop_down (GtkDropDown *drop_down,
                           const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_POPOVER (child))
      name_buttons (child, name);
}
