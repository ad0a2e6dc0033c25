/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-result"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-item-row.h"
#include "ethos-markup.h"
#include "ethos-result.h"

struct _EthosResult
{
  GObject          parent_instance;

  EthosSearchKind  kind;
  char            *code;
  char            *ref;
  char            *topic;
  char            *title;
  char            *markup;
  char            *accessible_label;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_MARKUP,
  PROP_ICON_NAME,
  PROP_ACCESSIBLE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (EthosResult, ethos_result, G_TYPE_OBJECT)

static void
ethos_result_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EthosResult *self = ETHOS_RESULT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MARKUP:
      g_value_set_string (value, self->markup);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, ethos_result_get_icon_name (self));
      break;
    case PROP_ACCESSIBLE_LABEL:
      g_value_set_string (value, self->accessible_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ethos_result_finalize (GObject *object)
{
  EthosResult *self = ETHOS_RESULT (object);

  g_free (self->code);
  g_free (self->ref);
  g_free (self->topic);
  g_free (self->title);
  g_free (self->markup);
  g_free (self->accessible_label);

  G_OBJECT_CLASS (ethos_result_parent_class)->finalize (object);
}

static void
ethos_result_class_init (EthosResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ethos_result_finalize;
  object_class->get_property = ethos_result_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  /* The snippet as Pango markup, the matches highlighted. */
  properties[PROP_MARKUP] = g_param_spec_string ("markup", NULL, NULL, NULL, flags);
  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, flags);
  properties[PROP_ACCESSIBLE_LABEL] = g_param_spec_string ("accessible-label", NULL, NULL, NULL,
                                                           flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ethos_result_init (EthosResult *self)
{
}

/* @code may be NULL for a topic. */
EthosResult *
ethos_result_new (const EthosSearchResult *result,
                  const EthosCodeInfo     *code)
{
  EthosResult *self;
  g_autofree char *plain = NULL;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (code != NULL || result->kind == ETHOS_SEARCH_TOPIC, NULL);

  self = g_object_new (ETHOS_TYPE_RESULT, NULL);
  self->kind = result->kind;
  self->code = g_strdup (result->code);
  self->ref = g_strdup (result->ref);
  self->topic = g_strdup (result->topic);
  self->markup = ethos_markup_from_marked (result->snippet);
  plain = ethos_markup_strip_marks (result->snippet);

  if (result->kind == ETHOS_SEARCH_TOPIC)
    {
      /* Translators: a search result that is a topic, "Topic: Informed consent" */
      self->title = g_strdup_printf (_("Topic: %s"), result->heading);
      /* Translators: what a topic row does, for screen readers */
      self->accessible_label = g_strdup_printf (_("Compare the topic “%s” across the codes"),
                                                result->heading);
      return self;
    }
  if (result->ref == NULL)
    /* Translators: a search result in a code's front matter, e.g. "NOHS · Preamble" */
    self->title = g_strdup_printf (_("%s · %s"), code->abbreviation,
                                   result->heading ? result->heading : _("Introduction"));
  else
    /* Translators: "NOHS Standard 3", as in the window's title */
    self->title = g_strdup_printf (_("%s %s %s"), code->abbreviation, ethos_item_label (code),
                                   result->ref);
  /* Translators: a search result for screen readers, "NOHS Standard 3: Human service …" */
  self->accessible_label = g_strdup_printf (_("%s: %s"), self->title, plain);
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

/* NULL for a match in a code's front matter, and for a topic. */
const char *
ethos_result_get_ref (EthosResult *self)
{
  g_return_val_if_fail (ETHOS_IS_RESULT (self), NULL);
  return self->ref;
}

/* The topic's id, for a topic. */
const char *
ethos_result_get_topic (EthosResult *self)
{
  g_return_val_if_fail (ETHOS_IS_RESULT (self), NULL);
  return self->topic;
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

const char *
ethos_result_get_icon_name (EthosResult *self)
{
  g_return_val_if_fail (ETHOS_IS_RESULT (self), NULL);

  switch (self->kind)
    {
    case ETHOS_SEARCH_REF:
      return "go-jump-symbolic";
    case ETHOS_SEARCH_TOPIC:
      return "view-dual-symbolic";
    case ETHOS_SEARCH_ITEM:
    case ETHOS_SEARCH_FRONT:
    case ETHOS_SEARCH_ON_TOPIC:
    default:
      return NULL;
    }
}

const char *
ethos_result_get_accessible_label (EthosResult *self)
{
  g_return_val_if_fail (ETHOS_IS_RESULT (self), NULL);
  return self->accessible_label;
}
