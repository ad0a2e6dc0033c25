/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* GTK 4.8 and libadwaita 1.2 build focusable buttons inside a split button
 * and a drop-down and leave them nameless: a screen reader then hears the
 * class name ("GtkImage", "GtkMenuButton", "GtkToggleButton"). These give
 * those inner buttons the names a person needs. */
void ethos_a11y_name_split_button (AdwSplitButton *button,
                                   const char     *action_name,
                                   const char     *menu_name);
/* The drop-down's own name is left to the caller (a label, or a mnemonic
 * label naming it): set both and it is heard twice. */
void ethos_a11y_name_drop_down    (GtkDropDown    *drop_down,
                                   const char     *name);

G_END_DECLS
