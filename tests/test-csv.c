/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ethos-csv.h"
#include "ethos-error.h"
#include "ethos-test-utils.h"

static GPtrArray *
parse (const char *text,
       gsize       length)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = ethos_csv_parse (text, length, &error);

  g_assert_no_error (error);
  return records;
}

static void
assert_fields (GPtrArray          *records,
               guint               index,
               guint               line,
               const char * const *expected)
{
  const EthosCsvRecord *r = records->pdata[index];

  g_assert_cmpuint (r->line, ==, line);
  g_assert_cmpstrv (r->fields, expected);
  g_assert_null (r->error);
}

static void
test_basic (void)
{
  const char *text = "\xef\xbb\xbf" "client_name,client_dob,mandated\r\n"
                     "\"Núñez, José\",1990-01-02,yes\r\n"
                     "\"Ann \"\"Nan\"\" Lee\",,no\r\n"
                     "\r\n"
                     "\"two\nlines\",,\n"
                     "last,,1";
  g_autoptr(GPtrArray) records = parse (text, strlen (text));

  g_assert_cmpuint (records->len, ==, 5);
  assert_fields (records, 0, 1, (const char *[]) { "client_name", "client_dob", "mandated", NULL });
  assert_fields (records, 1, 2, (const char *[]) { "Núñez, José", "1990-01-02", "yes", NULL });
  assert_fields (records, 2, 3, (const char *[]) { "Ann \"Nan\" Lee", "", "no", NULL });
  assert_fields (records, 3, 5, (const char *[]) { "two\nlines", "", "", NULL });
  assert_fields (records, 4, 7, (const char *[]) { "last", "", "1", NULL });
}

static void
test_errors (void)
{
  const char *open = "a,b\n\"never closed,x\n";
  const char *bad_utf8 = "a,b\nok,fine\n\xff\xfe,x\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = ethos_csv_parse (open, strlen (open), &error);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_null (none);
  g_assert_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA);
  g_assert_true (strstr (error->message, "line 2") != NULL);

  records = parse (bad_utf8, strlen (bad_utf8));
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_null (((EthosCsvRecord *) records->pdata[1])->error);
  g_assert_nonnull (((EthosCsvRecord *) records->pdata[2])->error);
  /* The record keeps its line; the message names the column (the batch adds the line). */
  g_assert_cmpuint (((EthosCsvRecord *) records->pdata[2])->line, ==, 3);
  g_assert_true (strstr (((EthosCsvRecord *) records->pdata[2])->error, "column 1") != NULL);
  g_assert_null (strstr (((EthosCsvRecord *) records->pdata[2])->error, "line"));
}

static void
test_empty_and_nul (void)
{
  g_autoptr(GPtrArray) empty = parse ("", 0);
  g_autoptr(GPtrArray) nul = parse ("x,y\nAna\0Evil,c\nok,\"q\0\"\n", 23);

  g_assert_cmpuint (empty->len, ==, 0);
  /* A NUL byte would cut the value short ("Ana"): the row is refused, naming the column. */
  g_assert_cmpuint (nul->len, ==, 3);
  g_assert_null (((EthosCsvRecord *) nul->pdata[0])->error);
  g_assert_nonnull (((EthosCsvRecord *) nul->pdata[1])->error);
  g_assert_true (strstr (((EthosCsvRecord *) nul->pdata[1])->error, "NUL") != NULL);
  g_assert_true (strstr (((EthosCsvRecord *) nul->pdata[1])->error, "column 1") != NULL);
  g_assert_true (strstr (((EthosCsvRecord *) nul->pdata[2])->error, "column 2") != NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = ethos_test_init (&argc, &argv);

  g_test_add_func ("/csv/basic", test_basic);
  g_test_add_func ("/csv/errors", test_errors);
  g_test_add_func ("/csv/empty-and-nul", test_empty_and_nul);
  return g_test_run ();
}
