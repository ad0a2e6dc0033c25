/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-json"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ethos-error.h"
#include "ethos-json-private.h"

/* Our JSON files are hand-written forms and codes: nothing legitimate is
 * this large, and refusing early keeps hostile input cheap. */
#define ETHOS_JSON_MAX_BYTES (8 * 1024 * 1024)

gboolean
_ethos_json_fail (GError    **error,
      const char *path,
      const char *where,
      const char *format,
      ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
               "%s: %s: %s", path, where, msg);
  return FALSE;
}

gboolean
_ethos_json_check_keys (JsonObject         *object,
                        const char * const *allowed,
                        const char         *path,
                        const char         *where,
                        GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        return _ethos_json_fail (error, path, where, "unknown key “%s”", (const char *) l->data);
    }
  return TRUE;
}

/* Reads a string member. NULL/absent is allowed only when @nullable. */
gboolean
_ethos_json_get_string (JsonObject  *object,
                        const char  *key,
                        gboolean     nullable,
                        char       **out,
                        const char  *path,
                        const char  *where,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  const char *value;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (nullable)
        return TRUE;
      return _ethos_json_fail (error, path, where, "“%s” is missing", key);
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return _ethos_json_fail (error, path, where, "“%s” must be a string", key);

  value = json_node_get_string (node);
  if (!g_utf8_validate (value, -1, NULL))
    return _ethos_json_fail (error, path, where, "“%s” is not valid UTF-8", key);

  {
    g_autofree char *stripped = g_strstrip (g_strdup (value));
    if (*stripped == '\0')
      return _ethos_json_fail (error, path, where, "“%s” is empty", key);
  }

  *out = g_strdup (value);
  return TRUE;
}

JsonArray *
_ethos_json_get_array (JsonObject  *object,
                       const char  *key,
                       const char  *path,
                       const char  *where,
                       GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    {
      _ethos_json_fail (error, path, where, "“%s” is missing", key);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _ethos_json_fail (error, path, where, "“%s” must be an array", key);
      return NULL;
    }
  return json_node_get_array (node);
}

gboolean
_ethos_is_kebab_id (const char *id)
{
  if (!g_ascii_islower (*id))
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}

/* json-glib 1.6 recurses once per nesting level, so a file nested deeply
 * enough overflows the stack; given several top-level values ("9 {…}") it
 * keeps the last, leaking the others; it decodes a lone surrogate ("\ud800x")
 * into bytes that are not UTF-8, and leaks on a broken one ("\ud8u").
 * Our files hold one object a few levels deep with plain escapes: refuse
 * anything else before json-glib sees it. Strings are skipped (json-glib
 * also takes single-quoted ones); anything else malformed is left to
 * json-glib to report. */
#define ETHOS_JSON_MAX_DEPTH 64

static int
hex4 (const char *p)
{
  int value = 0;

  for (int k = 0; k < 4; k++)
    {
      int digit = g_ascii_xdigit_value (p[k]);
      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* The escape at data[*i] (a backslash): JSON's own, \u with four hex
 * digits, surrogates only in pairs, no \u0000. Leaves *i on its last byte. */
static gboolean
check_escape (const char *data,
              gsize       length,
              gsize      *i)
{
  gsize p = *i + 1;
  int code;

  if (p >= length)
    return FALSE;
  if (strchr ("\"\\/bfnrt", data[p]) != NULL && data[p] != '\0')
    {
      *i = p;
      return TRUE;
    }
  if (data[p] != 'u' || p + 4 >= length || (code = hex4 (data + p + 1)) <= 0 ||
      (code >= 0xDC00 && code <= 0xDFFF))
    return FALSE;
  p += 4;
  if (code >= 0xD800 && code <= 0xDBFF)
    {
      /* A high surrogate: a low one must follow. */
      if (p + 6 >= length || data[p + 1] != '\\' || data[p + 2] != 'u' ||
          (code = hex4 (data + p + 3)) < 0xDC00 || code > 0xDFFF)
        return FALSE;
      p += 6;
    }
  *i = p;
  return TRUE;
}

static gboolean
check_structure (const char  *data,
                 gsize        length,
                 const char  *path,
                 GError     **error)
{
  guint depth = 0;
  guint line = 1;
  gboolean ended = FALSE;   /* a whole top-level value was read */

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        continue;
      if (ended)
        {
          g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                       _("%s:%u: unexpected data after the end of the JSON value"), path, line);
          return FALSE;
        }
      if (c == '"' || c == '\'')
        {
          /* To the closing quote. */
          for (i++; i < length && data[i] != c; i++)
            {
              if (data[i] == '\\' && !check_escape (data, length, &i))
                {
                  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                               _("%s:%u: a string has an invalid escape sequence"), path, line);
                  return FALSE;
                }
              if (data[i] == '\n')
                line++;
            }
          ended = depth == 0;
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > ETHOS_JSON_MAX_DEPTH)
            {
              g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                           _("%s:%u: the data is nested more than %d levels deep"), path, line,
                           ETHOS_JSON_MAX_DEPTH);
              return FALSE;
            }
        }
      else if (c == '}' || c == ']')
        {
          if (depth == 0)
            return TRUE;
          ended = --depth == 0;
        }
      else if (depth == 0)
        {
          /* A bare top-level value (a number, true …) ends at a separator. */
          while (i + 1 < length && !strchr (" \t\r\n{}[],:\"'", data[i + 1]))
            i++;
          ended = TRUE;
        }
    }
  return TRUE;
}

JsonNode *
_ethos_json_load (const char  *path,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;

  if (data == NULL)
    {
      if (!g_file_get_contents (path, &contents, &length, &local_error))
        {
          g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_IO, "%s", local_error->message);
          return NULL;
        }
      data = contents;
    }
  if (length > ETHOS_JSON_MAX_BYTES)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("%s: the file is too large (over %d MB)"), path,
                   ETHOS_JSON_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, NULL) || memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("%s: the file is not valid UTF-8 text"), path);
      return NULL;
    }
  if (!check_structure (data, length, path, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib's message starts with "<data>:LINE:COL: …"; name the file instead. */
      const char *msg = local_error->message;
      g_autofree char *valid = NULL;
      if (g_str_has_prefix (msg, "<data>:"))
        msg += strlen ("<data>:");
      /* json-glib quotes the bad token cut at a byte count, which may split
       * a character: the message must stay UTF-8 for the window and terminal. */
      valid = g_utf8_make_valid (msg, -1);
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA, "%s:%s", path, valid);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA, _("%s: the file is empty"), path);
      return NULL;
    }
  return json_parser_steal_root (parser);
}

gboolean
_ethos_json_check_format (JsonObject  *root,
                          const char  *path,
                          GError     **error)
{
  JsonNode *format = json_object_get_member (root, "format");

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_INT64)
    return _ethos_json_fail (error, path, "format", "“format” must be the number 1");
  if (json_node_get_int (format) != 1)
    return _ethos_json_fail (error, path, "format", "format %" G_GINT64_FORMAT " is not supported (only 1)",
                 json_node_get_int (format));
  return TRUE;
}

