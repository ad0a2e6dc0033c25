/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The window's history, across its views. An entry names a view and holds
 * a state that view knows how to restore (a GVariant of its own making).
 * A view registers two functions; before it leaves a place for another
 * that the user should be able to come back from, it calls
 * ethos_history_push(), which records where the user is now (in whichever
 * view is visible). Back and Forward capture the place left on the other
 * stack, then ask the entry's view to restore its state. */
#define ETHOS_TYPE_HISTORY (ethos_history_get_type ())

G_DECLARE_FINAL_TYPE (EthosHistory, ethos_history, ETHOS, HISTORY, GObject)

/* Returns a new floating or full reference; NULL when the view has
 * nothing worth returning to. */
typedef GVariant *(*EthosHistoryCaptureFunc) (gpointer     view);
/* Shows the view's place again, without pushing to the history. */
typedef gboolean  (*EthosHistoryRestoreFunc) (gpointer     view,
                                              GVariant    *state,
                                              GError     **error);
/* The name of the view the user sees now. */
typedef char     *(*EthosHistoryVisibleFunc) (gpointer     data);

EthosHistory *ethos_history_new            (EthosHistoryVisibleFunc  visible,
                                            gpointer                 data);
/* @view is not referenced: unregister it (or drop the history) before it
 * goes. */
void          ethos_history_add_view       (EthosHistory            *self,
                                            const char              *name,
                                            gpointer                 view,
                                            EthosHistoryCaptureFunc  capture,
                                            EthosHistoryRestoreFunc  restore);
void          ethos_history_remove_view    (EthosHistory            *self,
                                            const char              *name);
void          ethos_history_push           (EthosHistory            *self);
/* Records @name's place as the one left when the user switches from that
 * view to another (the shell calls it); ignored while Back or Forward
 * restores a place. */
void          ethos_history_push_view      (EthosHistory            *self,
                                            const char              *name);
gboolean      ethos_history_go_back        (EthosHistory            *self);
gboolean      ethos_history_go_forward     (EthosHistory            *self);
gboolean      ethos_history_can_go_back    (EthosHistory            *self);
gboolean      ethos_history_can_go_forward (EthosHistory            *self);
/* For tests: the view named by the entry Back would restore, or NULL. */
const char   *ethos_history_peek_back      (EthosHistory            *self,
                                            GVariant               **state);
void          ethos_history_clear          (EthosHistory            *self);

G_END_DECLS
