/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-template"

#include "config.h"

#include "ethos-template-edit.h"
#include "ethos-template-history.h"

/* Whole copies rather than inverse operations: a template is a few tens of
 * kilobytes, and a copy cannot be undone wrongly. */

struct _EthosTemplateHistory
{
  guint      limit;
  GPtrArray *undo;        /* EthosTemplate, oldest first */
  GPtrArray *redo;        /* EthosTemplate, the next to redo last */
  char      *group;       /* of the last record, or NULL */
  gint64     last;        /* when it was made */
};

EthosTemplateHistory *
ethos_template_history_new (guint limit)
{
  EthosTemplateHistory *self = g_new0 (EthosTemplateHistory, 1);

  self->limit = MAX (limit, 1);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_template_unref);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) ethos_template_unref);
  return self;
}

void
ethos_template_history_free (EthosTemplateHistory *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_free (self->group);
  g_free (self);
}

void
ethos_template_history_record (EthosTemplateHistory *self,
                               const EthosTemplate  *current,
                               const char           *group,
                               gint64                now)
{
  g_return_if_fail (self != NULL && current != NULL);

  g_ptr_array_set_size (self->redo, 0);
  if (group != NULL && self->group != NULL && g_str_equal (group, self->group) &&
      now - self->last <= ETHOS_TEMPLATE_HISTORY_MERGE_USEC && self->undo->len > 0)
    {
      self->last = now;
      return;
    }
  g_ptr_array_add (self->undo, ethos_template_copy (current));
  if (self->undo->len > self->limit)
    g_ptr_array_remove_index (self->undo, 0);
  g_free (self->group);
  self->group = g_strdup (group);
  self->last = now;
}

void
ethos_template_history_break (EthosTemplateHistory *self)
{
  g_return_if_fail (self != NULL);
  g_clear_pointer (&self->group, g_free);
}

gboolean
ethos_template_history_can_undo (EthosTemplateHistory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->undo->len > 0;
}

gboolean
ethos_template_history_can_redo (EthosTemplateHistory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->redo->len > 0;
}

static EthosTemplate *
step (EthosTemplateHistory *self,
      GPtrArray            *from,
      GPtrArray            *to,
      const EthosTemplate  *current)
{
  if (from->len == 0)
    return NULL;
  ethos_template_history_break (self);
  g_ptr_array_add (to, ethos_template_copy (current));
  return g_ptr_array_steal_index (from, from->len - 1);
}

EthosTemplate *
ethos_template_history_undo (EthosTemplateHistory *self,
                             const EthosTemplate  *current)
{
  g_return_val_if_fail (self != NULL && current != NULL, NULL);
  return step (self, self->undo, self->redo, current);
}

EthosTemplate *
ethos_template_history_redo (EthosTemplateHistory *self,
                             const EthosTemplate  *current)
{
  g_return_val_if_fail (self != NULL && current != NULL, NULL);
  return step (self, self->redo, self->undo, current);
}

void
ethos_template_history_clear (EthosTemplateHistory *self)
{
  g_return_if_fail (self != NULL);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  ethos_template_history_break (self);
}
