/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-result"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-markup.h"
#include "ethos-result.h"

struct _EthosResult
{
  GObject          parent_instance;

  EthosSearchKind  kind;
  char            *code;
  char            *ref;
  char            *title;
  char            *markup;
};

G_DEFINE_FINAL_TYPE (EthosResult, ethos_result, G_TYPE_OBJECT)

static void
ethos_result_finalize (GObject *object)
{
  EthosResult *self = ETHOS_RESULT (object);

  g_free (self->code);
  g_free (self->ref);
  g_free (self->title);
  g_free (self->markup);

  G_OBJECT_CLASS (ethos_result_parent_class)->finalize (object);
}

static void
ethos_result_class_init (EthosResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ethos_result_finalize;
}

static void
ethos_result_init (EthosResult *self)
{
}

EthosResult *
ethos_result_new (const EthosSearchResult *result,
                  const EthosCodeInfo     *code)
{
  EthosResult *self;

  g_return_val_if_fail (result != NULL && code != NULL, NULL);

  self = g_object_new (ETHOS_TYPE_RESULT, NULL);
  self->kind = result->kind;
  self->code = g_strdup (result->code);
  self->ref = g_strdup (result->ref);
  self->markup = ethos_markup_from_marked (result->snippet);

  if (result->ref == NULL)
    /* Translators: a search result in a code's front matter, e.g. "NOHS · Preamble" */
    self->title = g_strdup_printf (_("%s · %s"), code->citation_short,
                                   result->heading ? result->heading : _("Introduction"));
  else
    /* Translators: "NOHS (2024) · Standard 3" */
    self->title = g_strdup_printf (_("%s · %s %s"), code->citation_short,
                                   code->item_label, result->ref);
  return self;
}

EthosSearchKind
ethos_result_get_kind (EthosResult *self)
{
  g_return_val_if_fail (ETHOS_IS_RESULT (self), ETHOS_SEARCH_ITEM);
  return self->kind;
}

const char *
ethos_result_get_code (EthosResult *self)
{
  g_return_val_if_fail (ETHOS_IS_RESULT (self), NULL);
  return self->code;
}

/* NULL for a match in a code's front matter. */
const char *
ethos_result_get_ref (EthosResult *self)
{
  g_return_val_if_fail (ETHOS_IS_RESULT (self), NULL);
  return self->ref;
}

const char *
ethos_result_get_title (EthosResult *self)
{
  g_return_val_if_fail (ETHOS_IS_RESULT (self), NULL);
  return self->title;
}

const char *
ethos_result_get_markup (EthosResult *self)
{
  g_return_val_if_fail (ETHOS_IS_RESULT (self), NULL);
  return self->markup;
}
