/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-agency"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ethos-agency-profile.h"
#include "ethos-error.h"
#include "ethos-paths.h"
#include "ethos-form.h"
#include "ethos-image.h"
#include "ethos-json-private.h"
#include "ethos-user-db-private.h"

/* The user's settings share the agency table with the fields, under names
 * no field id can have (field ids start with a letter). */
#define SETTING_PREFIX "_"
#define MAX_VALUE_BYTES (16 * 1024)
/* A 10 MB logo in base64, and the rest. */
#define MAX_FILE_BYTES (16 * 1024 * 1024)

static GHashTable *
string_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

EthosAgencyProfile *
ethos_agency_profile_new (void)
{
  EthosAgencyProfile *profile = g_new0 (EthosAgencyProfile, 1);

  profile->values = string_table ();
  profile->variants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_hash_table_unref);
  profile->locked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return profile;
}

void
ethos_agency_profile_free (EthosAgencyProfile *profile)
{
  if (profile == NULL)
    return;
  g_hash_table_unref (profile->values);
  g_hash_table_unref (profile->variants);
  g_hash_table_unref (profile->locked);
  g_clear_pointer (&profile->logo, g_bytes_unref);
  g_free (profile->language);
  g_free (profile->paper);
  g_free (profile->origin);
  g_free (profile);
}

static GHashTable *
variants_for (EthosAgencyProfile *profile,
              const char         *lang)
{
  GHashTable *table = g_hash_table_lookup (profile->variants, lang);

  if (table == NULL)
    {
      table = string_table ();
      g_hash_table_insert (profile->variants, g_strdup (lang), table);
    }
  return table;
}

const char *
ethos_agency_profile_get (const EthosAgencyProfile *profile,
                          const char               *field,
                          const char               *lang)
{
  GHashTable *variants;
  const char *value;

  g_return_val_if_fail (profile != NULL && field != NULL, NULL);

  if (lang != NULL && (variants = g_hash_table_lookup (profile->variants, lang)) != NULL &&
      (value = g_hash_table_lookup (variants, field)) != NULL)
    return value;
  return g_hash_table_lookup (profile->values, field);
}

gboolean
ethos_agency_profile_is_locked (const EthosAgencyProfile *profile,
                                const char               *field)
{
  g_return_val_if_fail (profile != NULL && field != NULL, FALSE);
  return g_hash_table_contains (profile->locked, field);
}

static gboolean
is_lockable (const char *name)
{
  return g_strv_contains (ethos_agency_fields, name) || g_str_equal (name, ETHOS_AGENCY_LOGO) ||
         g_str_equal (name, ETHOS_AGENCY_LANGUAGE) || g_str_equal (name, ETHOS_AGENCY_PAPER);
}

static gboolean
is_paper (const char *name)
{
  return g_strcmp0 (name, "letter") == 0 || g_strcmp0 (name, "a4") == 0;
}

static gboolean
check_value (const char  *value,
             const char  *path,
             const char  *where,
             GError     **error)
{
  if (strlen (value) > MAX_VALUE_BYTES)
    return _ethos_json_fail (error, path, where, _("a value may be at most 16 KB"));
  return TRUE;
}

static gboolean
read_values (EthosAgencyProfile  *profile,
             JsonObject          *root,
             const char          *path,
             GError             **error)
{
  JsonNode *node = json_object_get_member (root, "values");
  g_autoptr(GList) members = NULL;
  JsonObject *values;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _ethos_json_fail (error, path, "values", _("must be an object of agency fields"));
  values = json_node_get_object (node);
  members = json_object_get_members (values);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *field = l->data;
      g_autofree char *where = g_strdup_printf ("values.%s", field);
      JsonNode *value = json_object_get_member (values, field);

      if (!g_strv_contains (ethos_agency_fields, field))
        {
          g_autofree char *fields = g_strjoinv (", ", (GStrv) ethos_agency_fields);
          return _ethos_json_fail (error, path, where,
                                   _("the agency profile has no field “%s”; its fields are %s"),
                                   field, fields);
        }
      if (JSON_NODE_HOLDS_OBJECT (value))
        {
          JsonObject *langs = json_node_get_object (value);
          g_autoptr(GList) keys = json_object_get_members (langs);

          for (GList *k = keys; k != NULL; k = k->next)
            {
              g_autofree char *here = g_strdup_printf ("%s.%s", where, (char *) k->data);
              char *text = NULL;

              if (!ethos_form_language_is_supported (k->data))
                return _ethos_json_fail (error, path, here,
                                         _("forms are printed in English (en) and Spanish (es), "
                                           "not “%s”"), (char *) k->data);
              if (!_ethos_json_get_string (langs, k->data, FALSE, &text, path, here, error))
                return FALSE;
              g_hash_table_insert (variants_for (profile, k->data), g_strdup (field), text);
              if (!check_value (text, path, here, error))
                return FALSE;
            }
          continue;
        }
      {
        char *text = NULL;

        if (!_ethos_json_get_string (values, field, FALSE, &text, path, where, error))
          return FALSE;
        g_hash_table_insert (profile->values, g_strdup (field), text);
        if (!check_value (text, path, where, error))
          return FALSE;
      }
    }
  return TRUE;
}

static gboolean
read_settings (EthosAgencyProfile  *profile,
               JsonObject          *root,
               const char          *path,
               GError             **error)
{
  JsonNode *locked = json_object_get_member (root, "locked");

  if (!_ethos_json_get_string (root, "language", TRUE, &profile->language, path, "language",
                               error) ||
      !_ethos_json_get_string (root, "paper", TRUE, &profile->paper, path, "paper", error))
    return FALSE;
  if (profile->language != NULL && !ethos_form_language_is_supported (profile->language))
    return _ethos_json_fail (error, path, "language",
                             _("forms are printed in English (en) and Spanish (es), not “%s”"),
                             profile->language);
  if (profile->paper != NULL && !is_paper (profile->paper))
    return _ethos_json_fail (error, path, "paper", _("the paper is “letter” or “a4”, not “%s”"),
                             profile->paper);
  if (locked == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (locked))
    return _ethos_json_fail (error, path, "locked", _("must be a list of field names"));
  for (guint i = 0; i < json_array_get_length (json_node_get_array (locked)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (locked), i);
      g_autofree char *where = g_strdup_printf ("locked[%u]", i);
      const char *name;

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        return _ethos_json_fail (error, path, where, _("must be a field name"));
      name = json_node_get_string (item);
      if (!is_lockable (name))
        return _ethos_json_fail (error, path, where,
                                 _("“%s” is not an agency field, logo, language or paper"), name);
      g_hash_table_add (profile->locked, g_strdup (name));
    }
  return TRUE;
}

static gboolean
read_logo (EthosAgencyProfile  *profile,
           JsonObject          *root,
           const char          *path,
           GError             **error)
{
  g_autofree char *encoded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EthosImage) image = NULL;
  g_autoptr(GError) local_error = NULL;
  guchar *data;
  gsize length;

  if (!_ethos_json_get_string (root, "logo", TRUE, &encoded, path, "logo", error))
    return FALSE;
  if (encoded == NULL)
    return TRUE;
  g_strstrip (encoded);
  if (strspn (encoded, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n\r")
      != strlen (encoded))
    return _ethos_json_fail (error, path, "logo", _("must be a PNG or JPEG image in base64"));
  data = g_base64_decode (encoded, &length);
  bytes = g_bytes_new_take (data, length);
  if (!(image = ethos_image_new_from_bytes (bytes, &local_error)))
    return _ethos_json_fail (error, path, "logo", "%s", local_error->message);
  profile->logo = g_steal_pointer (&bytes);
  return TRUE;
}

EthosAgencyProfile *
ethos_agency_profile_load (const char  *path,
                           GError     **error)
{
  static const char * const keys[] = { "format", "values", "language", "paper", "locked", "logo",
                                       NULL };
  g_autoptr(EthosAgencyProfile) profile = ethos_agency_profile_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  JsonObject *object;
  JsonNode *format;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  /* A FIFO or a device would block or never end. */
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, _("%s is not a file Ethos can read"), path);
      return NULL;
    }
  if (st.st_size > MAX_FILE_BYTES)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("%s: the file is too large (over %d MB)"), path, MAX_FILE_BYTES >> 20);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, "%s", local_error->message);
      return NULL;
    }
  if (!(root = _ethos_json_load (path, contents, length, error)))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return _ethos_json_fail (error, path, "$", _("the file must hold a JSON object")), NULL;
  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_INT64 ||
      json_node_get_int (format) != ETHOS_AGENCY_FORMAT)
    return _ethos_json_fail (error, path, "format",
                             _("“format” must be %d (an agency profile from ethos-cli agency "
                               "export)"), ETHOS_AGENCY_FORMAT), NULL;
  if (!_ethos_json_check_keys (object, keys, path, "$", error) ||
      !read_values (profile, object, path, error) ||
      !read_settings (profile, object, path, error) ||
      !read_logo (profile, object, path, error))
    return NULL;
  profile->origin = g_strdup (path);
  return g_steal_pointer (&profile);
}

static GList *
sorted_keys (GHashTable *table)
{
  return g_list_sort (g_hash_table_get_keys (table), (GCompareFunc) g_strcmp0);
}

char *
ethos_agency_profile_to_json (const EthosAgencyProfile *profile)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) locked = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (profile != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_int_value (b, ETHOS_AGENCY_FORMAT);
  json_builder_set_member_name (b, "values");
  json_builder_begin_object (b);
  for (guint f = 0; ethos_agency_fields[f] != NULL; f++)
    {
      const char *field = ethos_agency_fields[f];
      const char *plain = g_hash_table_lookup (profile->values, field);
      gboolean varies = FALSE;
      g_autoptr(GList) langs = sorted_keys (profile->variants);

      for (GList *l = langs; l != NULL; l = l->next)
        varies |= g_hash_table_contains (g_hash_table_lookup (profile->variants, l->data), field);
      if (!varies && plain == NULL)
        continue;
      json_builder_set_member_name (b, field);
      if (!varies)
        {
          json_builder_add_string_value (b, plain);
          continue;
        }
      /* Per language: the variant, else the value for every language. */
      json_builder_begin_object (b);
      for (guint l = 0; l < 2; l++)
        {
          const char *lang = l == 0 ? "en" : "es";
          const char *value = ethos_agency_profile_get (profile, field, lang);

          if (value == NULL)
            continue;
          json_builder_set_member_name (b, lang);
          json_builder_add_string_value (b, value);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  if (profile->language != NULL)
    {
      json_builder_set_member_name (b, "language");
      json_builder_add_string_value (b, profile->language);
    }
  if (profile->paper != NULL)
    {
      json_builder_set_member_name (b, "paper");
      json_builder_add_string_value (b, profile->paper);
    }
  json_builder_set_member_name (b, "locked");
  json_builder_begin_array (b);
  locked = sorted_keys (profile->locked);
  for (GList *l = locked; l != NULL; l = l->next)
    json_builder_add_string_value (b, l->data);
  json_builder_end_array (b);
  if (profile->logo != NULL)
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (profile->logo, &size);
      g_autofree char *encoded = g_base64_encode (data, size);

      json_builder_set_member_name (b, "logo");
      json_builder_add_string_value (b, encoded);
    }
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

char *
ethos_agency_profile_find_deployed (const char *shared_dir)
{
  g_auto(GStrv) dirs = ethos_paths_get_deployed_dirs ();

  if (shared_dir != NULL && *shared_dir != '\0')
    {
      g_autofree char *path = g_build_filename (shared_dir, "agency.json", NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "ethos", "agency.json", NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
  return NULL;
}

/* Everything @from says about @field (its value and every variant). */
static void
copy_field (EthosAgencyProfile       *to,
            const EthosAgencyProfile *from,
            const char               *field)
{
  GHashTableIter iter;
  gpointer lang, table;
  const char *plain = g_hash_table_lookup (from->values, field);

  if (plain != NULL)
    g_hash_table_insert (to->values, g_strdup (field), g_strdup (plain));
  g_hash_table_iter_init (&iter, from->variants);
  while (g_hash_table_iter_next (&iter, &lang, &table))
    {
      const char *value = g_hash_table_lookup (table, field);

      if (value != NULL)
        g_hash_table_insert (variants_for (to, lang), g_strdup (field), g_strdup (value));
    }
}

/* @local wins unless @deployed locks @name or @local has nothing. */
static const EthosAgencyProfile *
winner (const EthosAgencyProfile *local,
        const EthosAgencyProfile *deployed,
        const char               *name,
        gboolean                  local_has)
{
  if (deployed != NULL && (g_hash_table_contains (deployed->locked, name) || !local_has))
    return deployed;
  return local;
}

EthosAgencyProfile *
ethos_agency_profile_merge (const EthosAgencyProfile *local,
                            const EthosAgencyProfile *deployed)
{
  EthosAgencyProfile *merged = ethos_agency_profile_new ();
  const EthosAgencyProfile *from;
  GHashTableIter iter;
  gpointer name;

  /* A field, language by language: the user's variant, the user's value
   * for every language, the deployed variant, the deployed value. */
  for (guint f = 0; ethos_agency_fields[f] != NULL; f++)
    {
      const char *field = ethos_agency_fields[f];

      if (deployed != NULL)
        copy_field (merged, deployed, field);
      if (local == NULL || (deployed != NULL && g_hash_table_contains (deployed->locked, field)))
        continue;
      if (g_hash_table_contains (local->values, field))
        {
          GHashTableIter iter_lang;
          gpointer table;

          g_hash_table_iter_init (&iter_lang, merged->variants);
          while (g_hash_table_iter_next (&iter_lang, NULL, &table))
            g_hash_table_remove (table, field);
        }
      copy_field (merged, local, field);
    }
  from = winner (local, deployed, ETHOS_AGENCY_LOGO, local != NULL && local->logo != NULL);
  if (from != NULL && from->logo != NULL)
    merged->logo = g_bytes_ref (from->logo);
  from = winner (local, deployed, ETHOS_AGENCY_LANGUAGE, local != NULL && local->language != NULL);
  merged->language = from != NULL ? g_strdup (from->language) : NULL;
  from = winner (local, deployed, ETHOS_AGENCY_PAPER, local != NULL && local->paper != NULL);
  merged->paper = from != NULL ? g_strdup (from->paper) : NULL;
  /* What this user locks (for an export) and what the deployment locks. */
  for (guint i = 0; i < 2; i++)
    {
      from = i == 0 ? local : deployed;
      if (from == NULL)
        continue;
      g_hash_table_iter_init (&iter, from->locked);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        g_hash_table_add (merged->locked, g_strdup (name));
    }
  merged->origin = deployed != NULL ? g_strdup (deployed->origin) : NULL;
  return merged;
}

gboolean
ethos_agency_profile_apply (const EthosAgencyProfile  *profile,
                            EthosFormJob              *job,
                            gboolean                   with_logo,
                            GError                   **error)
{
  GHashTableIter iter;
  gpointer lang, values;

  g_return_val_if_fail (profile != NULL && job != NULL, FALSE);

  ethos_form_job_set_defaults (job, profile->values);
  g_hash_table_iter_init (&iter, profile->variants);
  while (g_hash_table_iter_next (&iter, &lang, &values))
    ethos_form_job_set_lang_defaults (job, lang, values);
  ethos_form_job_set_preferred (job, profile->language, profile->paper);
  if (with_logo)
    {
      g_autoptr(EthosImage) logo = NULL;

      if (profile->logo != NULL && !(logo = ethos_image_new_from_bytes (profile->logo, error)))
        return FALSE;
      ethos_form_job_set_logo (job, logo);
    }
  return TRUE;
}

static char *
get_setting (EthosUserDb *db,
             const char  *name)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = g_strconcat (SETTING_PREFIX, name, NULL);

  if (!(stmt = _ethos_sqlite_prepare (db->db, "SELECT value FROM agency WHERE field = ?1", NULL)))
    return NULL;
  _ethos_sqlite_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return _ethos_sqlite_dup_text (stmt, 0);
}

EthosAgencyProfile *
ethos_user_db_get_agency_profile (EthosUserDb  *db,
                                  GError      **error)
{
  g_autoptr(EthosAgencyProfile) profile = ethos_agency_profile_new ();
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GHashTable) variants = NULL;
  g_autofree char *locked = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  if (!(values = ethos_user_db_get_agency (db, error)) ||
      !(variants = ethos_user_db_get_agency_variants (db, error)))
    return NULL;
  g_hash_table_unref (profile->values);
  profile->values = g_steal_pointer (&values);
  g_hash_table_unref (profile->variants);
  profile->variants = g_steal_pointer (&variants);
  profile->logo = ethos_user_db_get_agency_logo (db);
  profile->language = get_setting (db, ETHOS_AGENCY_LANGUAGE);
  profile->paper = get_setting (db, ETHOS_AGENCY_PAPER);
  if ((locked = get_setting (db, "locked")) != NULL)
    {
      g_auto(GStrv) names = g_strsplit (locked, ",", -1);

      for (guint i = 0; names[i] != NULL; i++)
        if (is_lockable (names[i]))
          g_hash_table_add (profile->locked, g_strdup (names[i]));
    }
  return g_steal_pointer (&profile);
}

gboolean
ethos_user_db_set_agency_setting (EthosUserDb  *db,
                                  const char   *setting,
                                  const char   *value,
                                  GError      **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (db != NULL && setting != NULL, FALSE);

  if (value != NULL && *value != '\0')
    {
      gboolean ok = TRUE;

      if (g_str_equal (setting, ETHOS_AGENCY_LANGUAGE))
        ok = ethos_form_language_is_supported (value);
      else if (g_str_equal (setting, ETHOS_AGENCY_PAPER))
        ok = is_paper (value);
      else if (g_str_equal (setting, "locked"))
        {
          g_auto(GStrv) names = g_strsplit (value, ",", -1);

          for (guint i = 0; names[i] != NULL; i++)
            ok &= is_lockable (names[i]);
        }
      else
        {
          g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_NOT_FOUND,
                       _("The agency profile has no setting “%s”; its settings are language, "
                         "paper and locked"), setting);
          return FALSE;
        }
      if (!ok)
        {
          g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                       _("“%s” is not a valid value of “%s” (language: en or es; paper: letter "
                         "or a4; locked: agency fields, logo, language or paper, separated by "
                         "commas)"), value, setting);
          return FALSE;
        }
    }
  key = g_strconcat (SETTING_PREFIX, setting, NULL);
  if (value == NULL || *value == '\0')
    return _ethos_user_db_run (db, "DELETE FROM agency WHERE field = ?1", error, key, NULL, NULL);
  return _ethos_user_db_run (db, "INSERT INTO agency (field, value) VALUES (?1, ?2) "
                             "ON CONFLICT (field) DO UPDATE SET value = excluded.value",
                             error, key, value, NULL);
}

static gboolean
is_setting (const char *name)
{
  return g_str_equal (name, ETHOS_AGENCY_LANGUAGE) || g_str_equal (name, ETHOS_AGENCY_PAPER) ||
         g_str_equal (name, "locked");
}

gboolean
ethos_user_db_save_agency_changes (EthosUserDb              *db,
                                   const EthosAgencyChange  *changes,
                                   guint                     n_changes,
                                   GError                  **error)
{
  g_return_val_if_fail (db != NULL && (changes != NULL || n_changes == 0), FALSE);

  if (!_ethos_sqlite_exec (db->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; i < n_changes; i++)
    {
      const EthosAgencyChange *change = &changes[i];
      gboolean ok = is_setting (change->field)
        ? ethos_user_db_set_agency_setting (db, change->field, change->value, error)
        : ethos_user_db_set_agency_variant (db, change->field, change->lang, change->value,
                                            error);
      if (!ok)
        {
          sqlite3_exec (db->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  if (!_ethos_sqlite_exec (db->db, "COMMIT", error))
    {
      sqlite3_exec (db->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

EthosAgencyProfile *
ethos_agency_profile_load_effective (EthosUserDb  *db,
                                     const char   *shared_dir,
                                     char        **problem,
                                     GError      **error)
{
  g_autoptr(EthosAgencyProfile) local = NULL;
  g_autoptr(EthosAgencyProfile) deployed = NULL;
  g_autofree char *path = ethos_agency_profile_find_deployed (shared_dir);

  if (problem != NULL)
    *problem = NULL;
  if (db != NULL && !(local = ethos_user_db_get_agency_profile (db, error)))
    return NULL;
  if (path != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!(deployed = ethos_agency_profile_load (path, &local_error)) && problem != NULL)
        *problem = g_strdup (local_error->message);
    }
  return ethos_agency_profile_merge (local, deployed);
}
