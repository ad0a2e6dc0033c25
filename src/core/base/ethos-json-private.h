/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Strict readers for Ethos's JSON files. Every error says
 * "PATH: WHERE: problem" so a person can find the place. */

/* Our JSON files are hand-written forms and codes: nothing legitimate is
 * this large, and refusing early keeps hostile input cheap. */
#define ETHOS_JSON_MAX_BYTES (8 * 1024 * 1024)

gboolean    _ethos_json_fail         (GError            **error,
                                      const char         *path,
                                      const char         *where,
                                      const char         *format,
                                      ...) G_GNUC_PRINTF (4, 5);
JsonNode   *_ethos_json_load         (const char         *path,
                                      const char         *data,
                                      gsize               length,
                                      GError            **error);
gboolean    _ethos_json_check_keys   (JsonObject         *object,
                                      const char * const *allowed,
                                      const char         *path,
                                      const char         *where,
                                      GError            **error);
gboolean    _ethos_json_get_string   (JsonObject         *object,
                                      const char         *key,
                                      gboolean            nullable,
                                      char              **out,
                                      const char         *path,
                                      const char         *where,
                                      GError            **error);
JsonArray  *_ethos_json_get_array    (JsonObject         *object,
                                      const char         *key,
                                      const char         *path,
                                      const char         *where,
                                      GError            **error);
gboolean    _ethos_json_check_format (JsonObject         *root,
                                      const char         *path,
                                      GError            **error);
gboolean    _ethos_is_kebab_id       (const char         *id);

G_END_DECLS
