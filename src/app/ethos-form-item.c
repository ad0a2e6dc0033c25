/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-form-item"

#include "config.h"

#include <glib/gi18n.h>

#include "ethos-coverage.h"
#include "ethos-form-item.h"
#include "ethos-forms-text.h"

struct _EthosFormItem
{
  GObject   parent_instance;

  char     *id;
  char     *title;
  char     *version;
  char     *origin;
  char     *standards;
  char     *status;
  char     *accessible_label;
  gboolean  covered;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_VERSION,
  PROP_ORIGIN,
  PROP_STANDARDS,
  PROP_STATUS,
  PROP_COVERED,
  PROP_ACCESSIBLE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (EthosFormItem, ethos_form_item, G_TYPE_OBJECT)

static void
ethos_form_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EthosFormItem *self = ETHOS_FORM_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;
    case PROP_STANDARDS:
      g_value_set_string (value, self->standards);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_COVERED:
      g_value_set_boolean (value, self->covered);
      break;
    case PROP_ACCESSIBLE_LABEL:
      g_value_set_string (value, self->accessible_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ethos_form_item_finalize (GObject *object)
{
  EthosFormItem *self = ETHOS_FORM_ITEM (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->version);
  g_free (self->origin);
  g_free (self->standards);
  g_free (self->status);
  g_free (self->accessible_label);

  G_OBJECT_CLASS (ethos_form_item_parent_class)->finalize (object);
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
ethos_form_item_class_init (EthosFormItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ethos_form_item_finalize;
  object_class->get_property = ethos_form_item_get_property;

  properties[PROP_ID] = string_property ("id");
  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_VERSION] = string_property ("version");
  properties[PROP_ORIGIN] = string_property ("origin");
  properties[PROP_STANDARDS] = string_property ("standards");
  properties[PROP_STATUS] = string_property ("status");
  properties[PROP_COVERED] =
    g_param_spec_boolean ("covered", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCESSIBLE_LABEL] = string_property ("accessible-label");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ethos_form_item_init (EthosFormItem *self)
{
}

/* Pango may break "I.5" after its dot: a word joiner keeps references
 * whole. */
static char *
join_refs (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ".", -1);

  return g_strjoinv (".\u2060", parts);
}

EthosFormItem *
ethos_form_item_new (const EthosTemplateEntry *entry,
                     EthosRequirements        *reqs,
                     const char               *lang)
{
  const EthosTemplate *tmpl;
  g_autoptr(GPtrArray) coverage = NULL;
  g_auto(GStrv) uncovered = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *standards = NULL;
  g_autofree char *joined = NULL;
  EthosFormItem *self;

  g_return_val_if_fail (entry != NULL && entry->tmpl != NULL, NULL);
  g_return_val_if_fail (reqs != NULL, NULL);

  tmpl = entry->tmpl;
  coverage = ethos_coverage_check (tmpl, reqs);
  uncovered = ethos_coverage_uncovered (coverage);
  languages = ethos_forms_languages_label (tmpl);
  standards = ethos_forms_requires_label (tmpl);
  joined = join_refs (standards);

  self = g_object_new (ETHOS_TYPE_FORM_ITEM, NULL);
  self->id = g_strdup (tmpl->id);
  self->title = g_strdup (ethos_forms_text (tmpl, tmpl->title, lang));
  /* Translators: a form template's version: "Version 1.0" */
  self->version = g_strdup_printf (_("Version %s"), tmpl->version);
  /* Translators: a form template's languages and where it comes from:
   * "English, Spanish · Built-in" */
  self->origin = g_strdup_printf (_("%s · %s"), languages,
                                  ethos_forms_source_label (entry->source));
  /* Translators: the standards a form must cover: "Standards: NOHS 2, 3, 8, 9" */
  self->standards = g_strdup_printf (_("Standards: %s"), joined);
  self->covered = g_strv_length (uncovered) == 0;
  self->status = ethos_forms_coverage_label (coverage->len, g_strv_length (uncovered));
  /* Translators: a form's row in the list: its title and coverage */
  self->accessible_label = g_strdup_printf (_("%s: %s"), self->title, self->status);
  return self;
}

const char *
ethos_form_item_get_id (EthosFormItem *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_ITEM (self), NULL);
  return self->id;
}

gboolean
ethos_form_item_get_covered (EthosFormItem *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_ITEM (self), FALSE);
  return self->covered;
}

const char *
ethos_form_item_get_accessible_label (EthosFormItem *self)
{
  g_return_val_if_fail (ETHOS_IS_FORM_ITEM (self), NULL);
  return self->accessible_label;
}
