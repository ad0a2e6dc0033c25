/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ethos-application.h"
#include "ethos-codes-view-private.h"
#include "ethos-window-private.h"

G_BEGIN_DECLS

/* Running Ethos's window in a test as a user drives it, shared by the
 * window tests (test-window.c, test-forms-view.c). */

typedef gboolean (*EthosTestCondition) (gpointer data);
typedef void     (*EthosTestBody)      (EthosApplication *app,
                                        EthosWindow      *window);

/* A private home (XDG_DATA_HOME, XDG_CONFIG_HOME) for the user database
 * and settings, set before anything reads them; then gtk_test_init().
 * Returns that directory, which ethos_test_window_run() removes. */
const char *ethos_test_window_init       (int                 *argc,
                                          char              ***argv);
/* g_test_run(), then removes the directory unless ETHOS_TEST_KEEP is set. */
int         ethos_test_window_run        (void);

/* Runs the main loop for @ms milliseconds. */
void        ethos_test_spin              (guint                ms);
/* Runs the main loop until @condition holds; fails after 10 seconds. */
void        ethos_test_wait_until        (EthosTestCondition   condition,
                                          gpointer             data,
                                          const char          *what);
gboolean    ethos_test_is_mapped         (gpointer             widget);
/* Mapped and laid out: the leaflet maps its panes only once allocated. */
gboolean    ethos_test_is_shown          (gpointer             widget);

/* Starts Ethos as main.c does, runs @body on the window it opens, closes
 * the window, checks that it and its pages are finalized, and lets the
 * application quit. */
void        ethos_test_run_app           (EthosTestBody        body);

/* Runs xdotool (real key events through the X server) while the main loop
 * keeps running; fails the test when it fails. */
void        ethos_test_xdotool           (const char          *first,
                                          ...) G_GNUC_NULL_TERMINATED;
/* Focuses @window's X window as a window manager would. */
void        ethos_test_focus_window      (GtkWindow           *window);

/* Runs the main loop until the Forms page has read its templates. */
void        ethos_test_wait_forms        (EthosFormsPage      *page);
/* @window's Forms view is shown, with its templates read (in threads). */
gboolean    ethos_test_forms_shown       (gpointer             window);
/* Switches @window to its Forms view and waits for ethos_test_forms_shown(). */
EthosFormsPage *
            ethos_test_show_forms        (EthosWindow         *window);
/* A Forms page alone in a 1000 × 700 window of its own, shown. */
EthosFormsPage *
            ethos_test_forms_page_in_window (GtkWindow       **window);
/* Destroys @window and checks that @page goes with it. */
void        ethos_test_close_forms_window (GtkWindow          *window,
                                           EthosFormsPage     *page);

/* The mapped label showing exactly @text under @widget, or NULL. */
GtkWidget  *ethos_test_find_label_widget (GtkWidget           *widget,
                                          const char          *text);
gboolean    ethos_test_find_label        (GtkWidget           *widget,
                                          const char          *text);
/* Waits for a label: some parts of a page fill in a frame after the rest. */
gboolean    ethos_test_wait_for_label    (gpointer             root,
                                          const char          *text);
/* The window shows the place @kind, @code, @key. */
void        ethos_test_assert_at         (EthosWindow         *window,
                                          EthosNodeKind        kind,
                                          const char          *code,
                                          const char          *key);

/* The visible top-level window of @type, or NULL. */
GtkWindow  *ethos_test_find_toplevel     (GType                type);
/* Waits for a message dialog; its heading is @heading unless NULL. */
AdwMessageDialog *
            ethos_test_wait_message      (const char          *heading);
/* Answers @dialog with @response (which it must offer), as a click would. */
void        ethos_test_answer            (AdwMessageDialog    *dialog,
                                          const char          *response);
/* @widget's own event controller of @type, or NULL. */
GtkEventController *
            ethos_test_find_controller   (GtkWidget           *widget,
                                          GType                type);

/* @widget's class has a shortcut @accel that activates @action. */
gboolean    ethos_test_has_shortcut      (GtkWidget           *widget,
                                          const char          *action,
                                          const char          *accel);

G_END_DECLS
