/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-template.h"

G_BEGIN_DECLS

/* The template editor's one undo stack: every edit records the template as
 * it was before, so Undo and Redo go back and forth through whole states,
 * whatever the edit was (text, a clause moved, a lock, a standard). Typing
 * in one place makes one step: a record with the same @group as the last,
 * within ETHOS_TEMPLATE_HISTORY_MERGE_USEC of it, adds nothing. */

#define ETHOS_TEMPLATE_HISTORY_MERGE_USEC (1500 * G_TIME_SPAN_MILLISECOND)

typedef struct _EthosTemplateHistory EthosTemplateHistory;

/* Keeps at most @limit steps (the oldest go first). */
EthosTemplateHistory *ethos_template_history_new      (guint                 limit);
void                  ethos_template_history_free     (EthosTemplateHistory *history);
/* Before changing @current: keeps a copy of it to go back to, and forgets
 * what could be redone. @group (may be NULL: never merged) names the place
 * being typed in, like "body:withdraw:es"; @now is g_get_monotonic_time(). */
void                  ethos_template_history_record   (EthosTemplateHistory *history,
                                                       const EthosTemplate  *current,
                                                       const char           *group,
                                                       gint64                now);
/* Ends the current typing step: the next record starts a new one. */
void                  ethos_template_history_break    (EthosTemplateHistory *history);
gboolean              ethos_template_history_can_undo (EthosTemplateHistory *history);
gboolean              ethos_template_history_can_redo (EthosTemplateHistory *history);
/* The state to show instead of @current (transfer full), or NULL when
 * there is nothing to undo (redo). @current is kept for redo (undo). */
EthosTemplate        *ethos_template_history_undo     (EthosTemplateHistory *history,
                                                       const EthosTemplate  *current);
EthosTemplate        *ethos_template_history_redo     (EthosTemplateHistory *history,
                                                       const EthosTemplate  *current);
void                  ethos_template_history_clear    (EthosTemplateHistory *history);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EthosTemplateHistory, ethos_template_history_free)

G_END_DECLS
