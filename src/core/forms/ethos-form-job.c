/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-form"

#include "config.h"

#include "ethos-form-job.h"

struct _EthosFormJob
{
  gatomicrefcount  ref_count;
  EthosTemplate   *tmpl;
  EthosFonts      *fonts;
  GHashTable      *defaults;     /* field → value */
  GHashTable      *lang_defaults; /* lang → (field → value) */
  GHashTable      *code_labels;  /* code id → footer label */
  EthosImage      *logo;
  char            *language;     /* the agency's preferred form language, or NULL */
  char            *paper;        /* its paper ("letter", "a4"), or NULL */
};

struct _EthosFormPages
{
  EthosFormJob   *job;
  EthosDocument  *doc;
  EthosLayout    *layout;
};

static GHashTable *
copy_table (GHashTable *table)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  if (table == NULL)
    return copy;
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
  return copy;
}

static EthosImage *
copy_image (const EthosImage *image)
{
  EthosImage *copy;

  if (image == NULL)
    return NULL;
  copy = g_new0 (EthosImage, 1);
  *copy = *image;
  copy->data = g_bytes_ref (image->data);
  return copy;
}

EthosFormJob *
ethos_form_job_new (EthosTemplate  *tmpl,
                    GError        **error)
{
  g_autoptr(EthosFonts) fonts = NULL;
  EthosFormJob *job;

  g_return_val_if_fail (tmpl != NULL, NULL);

  if (!(fonts = ethos_fonts_new (error)))
    return NULL;
  job = g_new0 (EthosFormJob, 1);
  g_atomic_ref_count_init (&job->ref_count);
  job->tmpl = ethos_template_ref (tmpl);
  job->fonts = g_steal_pointer (&fonts);
  job->defaults = copy_table (NULL);
  job->lang_defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_hash_table_unref);
  job->code_labels = copy_table (NULL);
  return job;
}

EthosFormJob *
ethos_form_job_dup (EthosFormJob  *job,
                    GError       **error)
{
  EthosFormJob *copy;

  g_return_val_if_fail (job != NULL, NULL);

  if (!(copy = ethos_form_job_new (job->tmpl, error)))
    return NULL;
  GHashTableIter iter;
  gpointer lang, table;

  ethos_form_job_set_defaults (copy, job->defaults);
  g_hash_table_iter_init (&iter, job->lang_defaults);
  while (g_hash_table_iter_next (&iter, &lang, &table))
    ethos_form_job_set_lang_defaults (copy, lang, table);
  ethos_form_job_set_code_labels (copy, job->code_labels);
  ethos_form_job_set_logo (copy, job->logo);
  ethos_form_job_set_preferred (copy, job->language, job->paper);
  return copy;
}

EthosFormJob *
ethos_form_job_ref (EthosFormJob *job)
{
  g_return_val_if_fail (job != NULL, NULL);
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

void
ethos_form_job_unref (EthosFormJob *job)
{
  if (job == NULL || !g_atomic_ref_count_dec (&job->ref_count))
    return;
  g_clear_pointer (&job->tmpl, ethos_template_unref);
  g_clear_pointer (&job->fonts, ethos_fonts_free);
  g_clear_pointer (&job->defaults, g_hash_table_unref);
  g_clear_pointer (&job->lang_defaults, g_hash_table_unref);
  g_clear_pointer (&job->code_labels, g_hash_table_unref);
  g_clear_pointer (&job->logo, ethos_image_free);
  g_free (job->language);
  g_free (job->paper);
  g_free (job);
}

EthosTemplate *
ethos_form_job_get_template (EthosFormJob *job)
{
  g_return_val_if_fail (job != NULL, NULL);
  return job->tmpl;
}

EthosFonts *
ethos_form_job_get_fonts (EthosFormJob *job)
{
  g_return_val_if_fail (job != NULL, NULL);
  return job->fonts;
}

void
ethos_form_job_set_defaults (EthosFormJob *job,
                             GHashTable   *defaults)
{
  g_return_if_fail (job != NULL);
  g_clear_pointer (&job->defaults, g_hash_table_unref);
  job->defaults = copy_table (defaults);
}

GHashTable *
ethos_form_job_get_defaults (EthosFormJob *job)
{
  g_return_val_if_fail (job != NULL, NULL);
  return job->defaults;
}

void
ethos_form_job_set_preferred (EthosFormJob *job,
                              const char   *lang,
                              const char   *paper)
{
  EthosPaper parsed;

  g_return_if_fail (job != NULL);

  g_free (job->language);
  job->language = lang != NULL && ethos_form_language_is_supported (lang) ? g_strdup (lang)
                                                                          : NULL;
  g_free (job->paper);
  job->paper = paper != NULL && ethos_paper_from_name (paper, &parsed)
                 ? g_strdup (ethos_paper_to_name (parsed)) : NULL;
}

const char *
ethos_form_job_get_preferred_language (EthosFormJob *job)
{
  g_return_val_if_fail (job != NULL, NULL);
  return job->language;
}

gboolean
ethos_form_job_get_preferred_paper (EthosFormJob *job,
                                    EthosPaper   *paper)
{
  g_return_val_if_fail (job != NULL && paper != NULL, FALSE);
  return job->paper != NULL && ethos_paper_from_name (job->paper, paper);
}

void
ethos_form_job_set_lang_defaults (EthosFormJob *job,
                                  const char   *lang,
                                  GHashTable   *defaults)
{
  g_return_if_fail (job != NULL && lang != NULL);
  g_hash_table_replace (job->lang_defaults, g_strdup (lang), copy_table (defaults));
}

/* Its language's values first; a value set wins over later ones. */
static gboolean
apply_defaults (EthosFormJob     *job,
                EthosFormValues  *filled,
                const char       *lang,
                GError          **error)
{
  g_autoptr(GHashTable) builtin = ethos_agency_builtin_defaults (lang);
  GHashTableIter iter;
  gpointer key, table;

  if (!ethos_form_values_set_defaults (filled, g_hash_table_lookup (job->lang_defaults, lang),
                                       error) ||
      !ethos_form_values_set_defaults (filled, job->defaults, error))
    return FALSE;
  g_hash_table_iter_init (&iter, job->lang_defaults);
  while (g_hash_table_iter_next (&iter, &key, &table))
    if (!g_str_equal (key, lang) && !ethos_form_values_set_defaults (filled, table, error))
      return FALSE;
  return ethos_form_values_set_defaults (filled, builtin, error);
}

void
ethos_form_job_set_logo (EthosFormJob     *job,
                         const EthosImage *logo)
{
  g_return_if_fail (job != NULL);
  g_clear_pointer (&job->logo, ethos_image_free);
  job->logo = copy_image (logo);
}

void
ethos_form_job_set_code_labels (EthosFormJob *job,
                                GHashTable   *labels)
{
  g_return_if_fail (job != NULL);
  g_clear_pointer (&job->code_labels, g_hash_table_unref);
  job->code_labels = copy_table (labels);
}

EthosDocument *
ethos_form_job_build (EthosFormJob            *job,
                      EthosFormValues         *values,
                      const EthosFormRequest  *request,
                      GError                 **error)
{
  g_autoptr(EthosFormValues) filled = NULL;
  EthosFormOptions options = { 0 };

  g_return_val_if_fail (job != NULL && values != NULL && request != NULL, NULL);

  options.lang = request->lang;
  options.paper = request->paper;
  options.blank = request->blank;
  options.preview = request->preview;
  options.reworded = request->reworded;
  options.today = request->today;
  options.large_print = request->large_print;
  options.code_labels = job->code_labels;
  options.logo = job->logo;

  filled = ethos_form_values_copy (values);
  if (!apply_defaults (job, filled, request->lang != NULL ? request->lang : "en", error))
    return NULL;
  return ethos_form_build (job->tmpl, filled, &options, error);
}

EthosFormPages *
ethos_form_job_lay_out (EthosFormJob            *job,
                        EthosFormValues         *values,
                        const EthosFormRequest  *request,
                        GError                 **error)
{
  g_autoptr(EthosDocument) doc = NULL;
  EthosFormPages *pages;
  EthosLayout *layout;

  g_return_val_if_fail (job != NULL && values != NULL && request != NULL, NULL);

  if (!(doc = ethos_form_job_build (job, values, request, error)) ||
      !(layout = ethos_layout_new (doc, job->fonts, error)))
    return NULL;

  pages = g_new0 (EthosFormPages, 1);
  pages->job = ethos_form_job_ref (job);
  pages->doc = g_steal_pointer (&doc);
  pages->layout = layout;
  return pages;
}

EthosDocument *
ethos_form_pages_get_document (EthosFormPages *pages)
{
  g_return_val_if_fail (pages != NULL, NULL);
  return pages->doc;
}

EthosLayout *
ethos_form_pages_get_layout (EthosFormPages *pages)
{
  g_return_val_if_fail (pages != NULL, NULL);
  return pages->layout;
}

void
ethos_form_pages_free (EthosFormPages *pages)
{
  if (pages == NULL)
    return;
  /* The layout points into the document and the job's fonts: it goes first. */
  g_clear_pointer (&pages->layout, ethos_layout_free);
  g_clear_pointer (&pages->doc, ethos_document_free);
  g_clear_pointer (&pages->job, ethos_form_job_unref);
  g_free (pages);
}
