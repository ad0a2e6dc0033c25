/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Items read straight from the data/codes JSON files with json-glib, independently
 * of the code-file parser and the index, so tests can compare against them. */
typedef struct
{
  char *code;
  char *ref;
  char *heading;
  char *text;
} EthosTestItem;

GPtrArray *ethos_test_read_code_items (const char *code);   /* EthosTestItem */
GPtrArray *ethos_test_read_front_texts (const char *code);  /* char * */

G_END_DECLS
