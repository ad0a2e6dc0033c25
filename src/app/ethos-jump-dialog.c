/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-jump-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-item-row.h"
#include "ethos-jump-dialog.h"

/* One item that has the reference typed, as the list's model holds it. */
#define ETHOS_TYPE_JUMP_CANDIDATE (ethos_jump_candidate_get_type ())

G_DECLARE_FINAL_TYPE (EthosJumpCandidate, ethos_jump_candidate, ETHOS, JUMP_CANDIDATE, GObject)

struct _EthosJumpCandidate
{
  GObject    parent_instance;

  EthosItem *item;
};

G_DEFINE_FINAL_TYPE (EthosJumpCandidate, ethos_jump_candidate, G_TYPE_OBJECT)

static void
ethos_jump_candidate_finalize (GObject *object)
{
  g_clear_pointer (&ETHOS_JUMP_CANDIDATE (object)->item, ethos_item_free);

  G_OBJECT_CLASS (ethos_jump_candidate_parent_class)->finalize (object);
}

static void
ethos_jump_candidate_class_init (EthosJumpCandidateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ethos_jump_candidate_finalize;
}

static void
ethos_jump_candidate_init (EthosJumpCandidate *self)
{
}

struct _EthosJumpDialog
{
  AdwWindow    parent_instance;

  GtkEntry    *entry;
  GtkLabel    *status_label;
  GtkListBox  *list;

  EthosCorpus *corpus;      /* not owned: the application holds it */
  GPtrArray   *codes;       /* EthosCodeInfo, for the rows' titles */
  GListStore  *candidates;  /* EthosJumpCandidate, the list's model */
};

G_DEFINE_FINAL_TYPE (EthosJumpDialog, ethos_jump_dialog, ADW_TYPE_WINDOW)

enum {
  REFERENCE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
choose (EthosJumpDialog *self,
        const char      *code,
        const char      *ref)
{
  g_autofree char *c = g_strdup (code);
  g_autofree char *r = g_strdup (ref);

  g_signal_emit (self, signals[REFERENCE_CHOSEN], 0, c, r);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  const char *code, *ref;

  g_variant_get (param, "(&s&s)", &code, &ref);
  choose (ETHOS_JUMP_DIALOG (widget), code, ref);
}

static GtkWidget *
create_row (gpointer item,
            gpointer data)
{
  EthosJumpDialog *self = data;
  EthosItem *candidate = ETHOS_JUMP_CANDIDATE (item)->item;
  GtkWidget *row = ethos_item_row_new (candidate, ethos_code_info_find (self->codes, candidate->code),
                                       TRUE, ETHOS_ITEM_ROW_EXCERPT);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "jump.choose");
  return row;
}

static void
changed_cb (EthosJumpDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GPtrArray) found = ethos_corpus_find_ref (self->corpus, text, NULL);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->codes == NULL)
    self->codes = ethos_corpus_list_codes (self->corpus, NULL);
  for (guint i = 0; found != NULL && self->codes != NULL && i < found->len; i++)
    {
      EthosItem *item = g_ptr_array_index (found, i);
      EthosJumpCandidate *candidate;

      if (ethos_code_info_find (self->codes, item->code) == NULL)
        continue;
      candidate = g_object_new (ETHOS_TYPE_JUMP_CANDIDATE, NULL);
      candidate->item = g_steal_pointer (&found->pdata[i]);
      g_ptr_array_add (candidates, candidate);
    }
  g_list_store_splice (self->candidates, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->candidates)),
                       candidates->pdata, candidates->len);

  gtk_widget_set_visible (GTK_WIDGET (self->list), ethos_jump_dialog_get_n_candidates (self) > 0);
  if (*text == '\0')
    gtk_label_set_text (self->status_label,
                        _("Type a code and a number, or a number alone to see every code that has it."));
  else if (ethos_jump_dialog_get_n_candidates (self) == 0)
    gtk_label_set_text (self->status_label, _("No code has that reference."));
  else if (ethos_jump_dialog_get_n_candidates (self) == 1)
    gtk_label_set_text (self->status_label, _("Press Enter to go there."));
  else
    gtk_label_set_text (self->status_label, _("Several codes have this reference: choose one."));
}

static void
activate_cb (EthosJumpDialog *self)
{
  guint n = ethos_jump_dialog_get_n_candidates (self);

  if (n == 1)
    {
      g_autoptr(EthosJumpCandidate) candidate =
        g_list_model_get_item (G_LIST_MODEL (self->candidates), 0);

      choose (self, candidate->item->code, candidate->item->ref);
    }
  else if (n > 1)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, 0)));
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
ethos_jump_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ETHOS_TYPE_JUMP_DIALOG);

  G_OBJECT_CLASS (ethos_jump_dialog_parent_class)->dispose (object);
}

static void
ethos_jump_dialog_finalize (GObject *object)
{
  EthosJumpDialog *self = ETHOS_JUMP_DIALOG (object);

  g_clear_object (&self->candidates);
  g_clear_pointer (&self->codes, g_ptr_array_unref);

  G_OBJECT_CLASS (ethos_jump_dialog_parent_class)->finalize (object);
}

static void
ethos_jump_dialog_class_init (EthosJumpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ethos_jump_dialog_dispose;
  object_class->finalize = ethos_jump_dialog_finalize;

  signals[REFERENCE_CHOSEN] =
    g_signal_new ("reference-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ethosapp/Ethos/ui/ethos-jump-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EthosJumpDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, EthosJumpDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, EthosJumpDialog, list);

  gtk_widget_class_install_action (widget_class, "jump.choose", "(ss)", choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ethos_jump_dialog_init (EthosJumpDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->candidates = g_list_store_new (ETHOS_TYPE_JUMP_CANDIDATE);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->candidates), create_row, self, NULL);
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (activate_cb), self,
                           G_CONNECT_SWAPPED);
}

EthosJumpDialog *
ethos_jump_dialog_new (GtkWindow   *parent,
                       EthosCorpus *corpus)
{
  EthosJumpDialog *self;

  g_return_val_if_fail (corpus != NULL, NULL);

  self = g_object_new (ETHOS_TYPE_JUMP_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->corpus = corpus;
  return self;
}

GtkEditable *
ethos_jump_dialog_get_entry (EthosJumpDialog *self)
{
  g_return_val_if_fail (ETHOS_IS_JUMP_DIALOG (self), NULL);
  return GTK_EDITABLE (self->entry);
}

guint
ethos_jump_dialog_get_n_candidates (EthosJumpDialog *self)
{
  g_return_val_if_fail (ETHOS_IS_JUMP_DIALOG (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->candidates));
}
