/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <png.h>
#include <poppler.h>
#include <sys/stat.h>

#include "ethos-agency-profile.h"
#include "ethos-error.h"
#include "ethos-test-utils.h"

/* The agency profile as a whole (ethos-agency-profile.h): the deployable
 * agency.json, and a counselor's machine that has it but no profile of its
 * own (issue 9, "Deployable like the templates"). */

static char *tmp;

static GBytes *
make_png (void)
{
  png_image image = { .version = PNG_IMAGE_VERSION, .width = 40, .height = 20,
                      .format = PNG_FORMAT_RGB };
  guint8 pixels[40 * 20 * 3];
  png_alloc_size_t size = 0;
  gpointer buffer;

  for (guint i = 0; i < sizeof pixels; i++)
    pixels[i] = (guint8) (i * 7);
  g_assert_true (png_image_write_get_memory_size (image, size, 0, pixels, 0, NULL));
  buffer = g_malloc (size);
  g_assert_true (png_image_write_to_memory (&image, buffer, &size, 0, pixels, 0, NULL));
  return g_bytes_new_take (buffer, size);
}

static char *
write_profile (const char *dir,
               const char *json)
{
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return ethos_test_write_file (dir, "agency.json", json);
}

static char *
riverbend_json (void)
{
  g_autoptr(GBytes) png = make_png ();
  g_autofree char *logo = g_base64_encode (g_bytes_get_data (png, NULL), g_bytes_get_size (png));

  return g_strdup_printf ("{\n"
                          "  \"format\": 1,\n"
                          "  \"values\": {\n"
                          "    \"agency_name\": \"Riverbend Family Services\",\n"
                          "    \"agency_address\": \"12 River Road, Springfield\",\n"
                          "    \"fees\": {\"en\": \"$45 per session\", \"es\": \"45 dólares por "
                          "sesión\"},\n"
                          "    \"complaints_procedure\": \"Write to the director.\"\n"
                          "  },\n"
                          "  \"language\": \"en\",\n"
                          "  \"paper\": \"a4\",\n"
                          "  \"locked\": [\"fees\", \"logo\"],\n"
                          "  \"logo\": \"%s\"\n"
                          "}\n", logo);
}

static void
test_load (void)
{
  g_autofree char *dir = g_build_filename (tmp, "load", NULL);
  g_autofree char *json = riverbend_json ();
  g_autofree char *path = write_profile (dir, json);
  g_autoptr(EthosAgencyProfile) profile = NULL;
  g_autoptr(EthosAgencyProfile) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *copy = NULL;

  profile = ethos_agency_profile_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ethos_agency_profile_get (profile, "agency_name", "es"), ==,
                   "Riverbend Family Services");
  g_assert_cmpstr (ethos_agency_profile_get (profile, "fees", "es"), ==, "45 dólares por sesión");
  g_assert_cmpstr (ethos_agency_profile_get (profile, "fees", "en"), ==, "$45 per session");
  g_assert_cmpstr (profile->language, ==, "en");
  g_assert_cmpstr (profile->paper, ==, "a4");
  g_assert_true (ethos_agency_profile_is_locked (profile, "fees"));
  g_assert_true (ethos_agency_profile_is_locked (profile, "logo"));
  g_assert_false (ethos_agency_profile_is_locked (profile, "agency_name"));
  g_assert_nonnull (profile->logo);
  g_assert_cmpstr (profile->origin, ==, path);

  /* What export writes, read back, is the same profile. */
  exported = ethos_agency_profile_to_json (profile);
  {
    g_autofree char *again_dir = g_build_filename (tmp, "load-again", NULL);
    copy = write_profile (again_dir, exported);
  }
  again = ethos_agency_profile_load (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ethos_agency_profile_get (again, "fees", "es"), ==, "45 dólares por sesión");
  g_assert_true (g_bytes_equal (again->logo, profile->logo));
  g_assert_true (ethos_agency_profile_is_locked (again, "logo"));
}

/* A bad file is refused with where and what; nothing half-read is used. */
static void
test_load_errors (void)
{
  g_autofree char *dir = g_build_filename (tmp, "errors", NULL);
  struct { const char *json, *expected; } cases[] = {
    { "[]", "the file must hold a JSON object" },
    { "{\"values\": {}}", "format" },
    { "{\"format\": 2}", "“format” must be 1" },
    { "{\"format\": 1, \"colour\": \"red\"}", "colour" },
    { "{\"format\": 1, \"values\": {\"client_name\": \"x\"}}", "values.client_name" },
    { "{\"format\": 1, \"values\": {\"fees\": {\"fr\": \"x\"}}}", "values.fees.fr" },
    { "{\"format\": 1, \"values\": {\"fees\": 40}}", "values.fees" },
    { "{\"format\": 1, \"language\": \"de\"}", "language" },
    { "{\"format\": 1, \"paper\": \"legal\"}", "paper" },
    { "{\"format\": 1, \"locked\": [\"client_name\"]}", "locked[0]" },
    { "{\"format\": 1, \"logo\": \"not base64!\"}", "logo" },
    /* A PNG signature and nothing else: decoded and refused, never printed. */
    { "{\"format\": 1, \"logo\": \"iVBORw0KGgo=\"}", "logo" },
    { "{\"format\": 1, \"values\": {\"agency_name\": \"x\"", "agency.json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_profile (dir, cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(EthosAgencyProfile) profile = ethos_agency_profile_load (path, &error);

      g_assert_null (profile);
      g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
      g_assert_nonnull (strstr (error->message, "agency.json"));
    }

  /* A FIFO named agency.json never blocks the reader. */
  {
    g_autofree char *fifo_dir = g_build_filename (tmp, "fifo", NULL);
    g_autofree char *fifo = g_build_filename (fifo_dir, "agency.json", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(EthosAgencyProfile) profile = NULL;

    g_assert_cmpint (g_mkdir_with_parents (fifo_dir, 0700), ==, 0);
    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
    profile = ethos_agency_profile_load (fifo, &error);
    g_assert_null (profile);
    g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_IO);
  }
}

static void
test_merge (void)
{
  g_autoptr(EthosAgencyProfile) local = ethos_agency_profile_new ();
  g_autoptr(EthosAgencyProfile) deployed = ethos_agency_profile_new ();
  g_autoptr(EthosAgencyProfile) merged = NULL;
  g_autoptr(EthosAgencyProfile) alone = NULL;
  GHashTable *es = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_insert (deployed->values, g_strdup ("agency_name"), g_strdup ("Riverbend"));
  g_hash_table_insert (deployed->values, g_strdup ("fees"), g_strdup ("$45"));
  g_hash_table_insert (deployed->values, g_strdup ("agency_phone"), g_strdup ("555-0100"));
  g_hash_table_add (deployed->locked, g_strdup ("fees"));
  g_hash_table_add (deployed->locked, g_strdup ("paper"));
  deployed->paper = g_strdup ("a4");
  deployed->language = g_strdup ("es");

  /* This user set a name, fees (locked by the agency) in Spanish, letter paper. */
  g_hash_table_insert (local->values, g_strdup ("agency_name"), g_strdup ("Riverbend North"));
  g_hash_table_insert (es, g_strdup ("fees"), g_strdup ("gratis"));
  g_hash_table_insert (local->variants, g_strdup ("es"), es);
  local->paper = g_strdup ("letter");

  merged = ethos_agency_profile_merge (local, deployed);
  g_assert_cmpstr (ethos_agency_profile_get (merged, "agency_name", "en"), ==, "Riverbend North");
  g_assert_cmpstr (ethos_agency_profile_get (merged, "agency_phone", "en"), ==, "555-0100");
  /* Locked: the deployed value, in every language. */
  g_assert_cmpstr (ethos_agency_profile_get (merged, "fees", "es"), ==, "$45");
  g_assert_cmpstr (merged->paper, ==, "a4");
  g_assert_cmpstr (merged->language, ==, "es");
  g_assert_true (ethos_agency_profile_is_locked (merged, "fees"));

  alone = ethos_agency_profile_merge (local, NULL);
  g_assert_cmpstr (ethos_agency_profile_get (alone, "fees", "es"), ==, "gratis");
  g_assert_cmpstr (alone->paper, ==, "letter");
}

/* The text of every page; the first page's images and height. */
static char *
pdf_text (const char *path,
          guint      *n_images,
          double     *height)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, NULL);
  PopplerPage *page;
  GList *images;
  GString *text = g_string_new (NULL);
  double width;

  g_assert_nonnull (doc);
  page = poppler_document_get_page (doc, 0);
  images = poppler_page_get_image_mapping (page);
  *n_images = g_list_length (images);
  poppler_page_free_image_mapping (images);
  poppler_page_get_size (page, &width, height);
  g_object_unref (page);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *page_text = NULL;

      page = poppler_document_get_page (doc, i);
      page_text = poppler_page_get_text (page);
      g_string_append (text, page_text);
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (text, FALSE);
}

/* A counselor on another machine: a fresh user database, the agency's
 * profile deployed in $XDG_DATA_DIRS/ethos/ — the form carries its
 * letterhead (name, address, logo) and fees; a locked field cannot be set
 * here; an unlocked one can, and wins. */
static void
test_deployed_on_fresh_database (void)
{
  g_autofree char *share = g_build_filename (tmp, "system", NULL);
  g_autofree char *ethos_dir = g_build_filename (share, "ethos", NULL);
  g_autofree char *json = riverbend_json ();
  g_autofree char *path = write_profile (ethos_dir, json);
  g_autofree char *db = g_build_filename (tmp, "counselor.db", NULL);
  g_autofree char *pdf = g_build_filename (tmp, "counselor.pdf", NULL);
  g_autofree char *exported = g_build_filename (tmp, "exported-agency.json", NULL);
  g_autofree char *out = NULL, *err = NULL, *text = NULL;
  g_autoptr(EthosAgencyProfile) reread = NULL;
  g_autoptr(GError) error = NULL;
  guint n_images = 0;
  double height = 0;

  g_setenv ("XDG_DATA_DIRS", share, TRUE);
  g_assert_cmpint (ethos_test_run_cli_db (db, &out, &err, "generate", "informed-consent", "-o",
                                          pdf, "--set", "client_name=Ana Ruiz", NULL), ==, 0);
  text = pdf_text (pdf, &n_images, &height);
  g_assert_nonnull (strstr (text, "Riverbend Family Services"));
  g_assert_nonnull (strstr (text, "12 River Road, Springfield"));
  g_assert_nonnull (strstr (text, "$45 per session"));
  g_assert_cmpuint (n_images, ==, 1);
  /* The agency's paper, A4. */
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&text, g_free);

  /* Locked by the deployment: refused, saying by whom. */
  g_assert_cmpint (ethos_test_run_cli_db (db, &out, &err, "agency", "set", "fees", "free", NULL),
                   ==, 3);
  g_assert_nonnull (strstr (err, "locked"));
  g_assert_nonnull (strstr (err, path));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* Not locked: this counselor's own phone number wins. */
  g_assert_cmpint (ethos_test_run_cli_db (db, NULL, NULL, "agency", "set", "agency_name",
                                          "Riverbend North Office", NULL), ==, 0);
  g_assert_cmpint (ethos_test_run_cli_db (db, &out, &err, "agency", "show", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "agency_name\tRiverbend North Office\n"));
  g_assert_nonnull (strstr (out, "fees\t45 dólares por sesión\tes\n"));
  g_assert_nonnull (strstr (out, "locked\tfees,logo\n"));
  g_assert_nonnull (strstr (out, "paper\ta4\n"));
  g_assert_nonnull (strstr (out, path));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Export writes what forms use here, as a deployable file. */
  g_assert_cmpint (ethos_test_run_cli_db (db, NULL, NULL, "agency", "export", "-o", exported,
                                          NULL), ==, 0);
  reread = ethos_agency_profile_load (exported, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ethos_agency_profile_get (reread, "agency_name", "en"), ==,
                   "Riverbend North Office");
  g_assert_nonnull (reread->logo);

  /* A broken deployed file is skipped with a warning; the form still prints. */
  g_free (write_profile (ethos_dir, "{\"format\": 1, \"values\": {\"nope\": \"x\"}}"));
  g_assert_cmpint (ethos_test_run_cli_db (db, &out, &err, "generate", "informed-consent", "-o",
                                          pdf, "--blank", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "skipped the deployed agency profile"));
  g_assert_nonnull (strstr (err, "values.nope"));
  g_unsetenv ("XDG_DATA_DIRS");
}

/* The user's own settings: language, paper, what an export locks. */
static void
test_settings (void)
{
  g_autofree char *db = g_build_filename (tmp, "settings.db", NULL);
  g_autofree char *exported = g_build_filename (tmp, "settings-agency.json", NULL);
  g_autofree char *pdf = g_build_filename (tmp, "settings.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(EthosAgencyProfile) reread = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("XDG_DATA_DIRS", tmp, TRUE);
  g_assert_cmpint (ethos_test_run_cli_db (db, NULL, &err, "agency", "set", "paper", "legal",
                                          NULL), ==, 3);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ethos_test_run_cli_db (db, NULL, NULL, "agency", "set", "language", "es",
                                          NULL), ==, 0);
  g_assert_cmpint (ethos_test_run_cli_db (db, NULL, NULL, "agency", "set", "agency_name",
                                          "Centro Esperanza", NULL), ==, 0);
  g_assert_cmpint (ethos_test_run_cli_db (db, NULL, NULL, "agency", "lock",
                                          "complaints_procedure", NULL), ==, 0);
  g_assert_cmpint (ethos_test_run_cli_db (db, NULL, &err, "agency", "lock", "client_name", NULL),
                   ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ethos_test_run_cli_db (db, &out, NULL, "agency", "show", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\nlogo\t\nlanguage\tes\nlocked\tcomplaints_procedure\n"));
  /* Settings never show up as form values. */
  g_assert_null (strstr (out, "_language"));
  g_clear_pointer (&out, g_free);

  /* Without --lang a form is in the agency's language. */
  g_assert_cmpint (ethos_test_run_cli_db (db, NULL, NULL, "generate", "informed-consent", "-o",
                                          pdf, "--blank", NULL), ==, 0);
  {
    guint n_images;
    double height;
    g_autofree char *text = pdf_text (pdf, &n_images, &height);

    g_assert_nonnull (strstr (text, "Consentimiento"));
    g_assert_nonnull (strstr (text, "Centro Esperanza"));
  }

  g_assert_cmpint (ethos_test_run_cli_db (db, NULL, NULL, "agency", "export", "-o", exported,
                                          NULL), ==, 0);
  reread = ethos_agency_profile_load (exported, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reread->language, ==, "es");
  g_assert_true (ethos_agency_profile_is_locked (reread, "complaints_procedure"));
  g_assert_cmpint (ethos_test_run_cli_db (db, NULL, NULL, "agency", "unlock",
                                          "complaints_procedure", NULL), ==, 0);
  g_assert_cmpint (ethos_test_run_cli_db (db, NULL, &err, "agency", "export", NULL), ==, 2);
  g_unsetenv ("XDG_DATA_DIRS");
}

int
main (int   argc,
      char *argv[])
{
  tmp = ethos_test_init (&argc, &argv);

  g_test_add_func ("/agency-profile/load", test_load);
  g_test_add_func ("/agency-profile/load-errors", test_load_errors);
  g_test_add_func ("/agency-profile/merge", test_merge);
  g_test_add_func ("/agency-profile/deployed-on-fresh-database", test_deployed_on_fresh_database);
  g_test_add_func ("/agency-profile/settings", test_settings);
  return g_test_run ();
}
