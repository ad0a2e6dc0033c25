/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-json"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ethos-error.h"
#include "ethos-file.h"
#include "ethos-json-private.h"

gboolean
_ethos_json_fail (GError     **error,
                  const char  *path,
                  const char  *where,
                  const char  *format,
                  ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);

  /* "$", the whole file, is said by the file's name alone (a new user read
   * "bad.json: $: unknown key “bad”"). */
  if (where == NULL || g_str_equal (where, "$"))
    g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA, "%s: %s", path, msg);
  else
    g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA, "%s: %s: %s", path, where, msg);
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
 * into bytes that are not UTF-8, and leaks on a broken one ("\ud8u"); and
 * of a key given twice it keeps the last, so a file can say one id to a
 * reader and another to Ethos. Our files hold one object a few levels deep
 * with plain escapes: refuse anything else before json-glib sees it.
 *
 * To count nesting right this check must see the tokens json-glib sees.
 * json-glib's tokenizer also takes comments and single-quoted strings, which
 * can hide a bracket or a quote from a simpler reader: neither is JSON, our
 * formats need neither, so both are refused, as is any character outside a
 * string that no JSON token has. What is left malformed (a missing comma…)
 * is json-glib's to report. */
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
 * digits, surrogates only in pairs, no \u0000. Leaves *i on its last byte
 * and the character it stands for in *ch. */
static gboolean
check_escape (const char *data,
              gsize       length,
              gsize      *i,
              gunichar   *ch)
{
  static const char simple[] = "\"\\/bfnrt";
  static const char decoded[] = "\"\\/\b\f\n\r\t";
  gsize p = *i + 1;
  const char *found;
  int code;

  if (p >= length)
    return FALSE;
  if (data[p] != '\0' && (found = strchr (simple, data[p])) != NULL)
    {
      *ch = (gunichar) decoded[found - simple];
      *i = p;
      return TRUE;
    }
  if (data[p] != 'u' || p + 4 >= length || (code = hex4 (data + p + 1)) <= 0 ||
      (code >= 0xDC00 && code <= 0xDFFF))
    return FALSE;
  p += 4;
  *ch = (gunichar) code;
  if (code >= 0xD800 && code <= 0xDBFF)
    {
      int low;

      /* A high surrogate: a low one must follow. */
      if (p + 6 >= length || data[p + 1] != '\\' || data[p + 2] != 'u' ||
          (low = hex4 (data + p + 3)) < 0xDC00 || low > 0xDFFF)
        return FALSE;
      *ch = 0x10000 + (((gunichar) code - 0xD800) << 10) + ((gunichar) low - 0xDC00);
      p += 6;
    }
  *i = p;
  return TRUE;
}

typedef struct
{
  const char *data;
  gsize       length;
  const char *path;
  guint       line;
  GPtrArray  *objects;   /* per open container: its keys (objects) or NULL (arrays) */
} Scan;

static gboolean
scan_fail (Scan        *scan,
           GError     **error,
           const char  *message)
{
  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA, "%s:%u: %s", scan->path,
               scan->line, message);
  return FALSE;
}

/* The string opening at data[*i], to its closing quote (*i is left there),
 * decoded into @text. */
static gboolean
scan_string (Scan     *scan,
             gsize    *i,
             GString  *text,
             GError  **error)
{
  g_string_truncate (text, 0);
  for ((*i)++; *i < scan->length && scan->data[*i] != '"'; (*i)++)
    {
      char c = scan->data[*i];

      if (c == '\\')
        {
          gunichar ch;

          if (!check_escape (scan->data, scan->length, i, &ch))
            return scan_fail (scan, error, _("a string has an invalid escape sequence"));
          g_string_append_unichar (text, ch);
          continue;
        }
      if (c == '\n')
        scan->line++;
      g_string_append_c (text, c);
    }
  return TRUE;
}

/* After a string inside an object: a key when a colon follows. */
static gboolean
check_key (Scan        *scan,
           gsize        i,
           GString     *key,
           GError     **error)
{
  GHashTable *keys;

  if (scan->objects->len == 0 ||
      (keys = g_ptr_array_index (scan->objects, scan->objects->len - 1)) == NULL)
    return TRUE;
  for (i++; i < scan->length && strchr (" \t\r\n", scan->data[i]) && scan->data[i]; i++)
    ;
  if (i >= scan->length || scan->data[i] != ':')
    return TRUE;
  if (g_hash_table_contains (keys, key->str))
    {
      g_autofree char *shown = g_utf8_make_valid (key->str, MIN (key->len, 64));
      g_autofree char *msg = g_strdup_printf (_("the key “%s” appears twice in one object"),
                                              shown);
      return scan_fail (scan, error, msg);
    }
  g_hash_table_add (keys, g_strndup (key->str, key->len));
  return TRUE;
}

static void
keys_free (gpointer keys)
{
  if (keys != NULL)
    g_hash_table_unref (keys);
}

static gboolean
check_structure (const char  *data,
                 gsize        length,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (keys_free);
  g_autoptr(GString) text = g_string_new (NULL);
  Scan scan = { data, length, path, 1, objects };
  gboolean ended = FALSE;   /* a whole top-level value was read */

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        scan.line++;
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        continue;
      if (ended)
        return scan_fail (&scan, error, _("unexpected data after the end of the JSON value"));
      if (c == '"')
        {
          if (!scan_string (&scan, &i, text, error) || !check_key (&scan, i, text, error))
            return FALSE;
          ended = objects->len == 0;
        }
      else if (c == '{' || c == '[')
        {
          if (objects->len >= ETHOS_JSON_MAX_DEPTH)
            {
              g_autofree char *msg = g_strdup_printf (_("the data is nested more than %d levels "
                                                        "deep"), ETHOS_JSON_MAX_DEPTH);
              return scan_fail (&scan, error, msg);
            }
          g_ptr_array_add (objects, c == '{' ? g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                      g_free, NULL) : NULL);
        }
      else if (c == '}' || c == ']')
        {
          if (objects->len == 0)
            break;
          g_ptr_array_remove_index (objects, objects->len - 1);
          ended = objects->len == 0;
        }
      else if (c == '/' || c == '#')
        return scan_fail (&scan, error, _("comments are not allowed in this file"));
      else if (c == '\'')
        return scan_fail (&scan, error, _("strings must be in double quotes"));
      else if (c == ',' || c == ':')
        continue;
      else if (g_ascii_isalnum (c) || c == '-' || c == '+' || c == '.' || c == '_')
        {
          /* A number, true, false or null; at the top level it is the value. */
          while (i + 1 < length && data[i + 1] != '\0' &&
                 (g_ascii_isalnum (data[i + 1]) || strchr ("-+._", data[i + 1]) != NULL))
            i++;
          ended = objects->len == 0;
        }
      else
        return scan_fail (&scan, error, _("a character outside a string that JSON does not "
                                          "allow"));
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
      if (!ethos_file_read (path, ETHOS_JSON_MAX_BYTES, &contents, &length, error))
        return NULL;
      data = contents;
    }
  if (length > ETHOS_JSON_MAX_BYTES)
    {
      g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA,
                   _("%s: the file is too large (over %d MB)"), path,
                   ETHOS_JSON_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  /* Windows editors may start a UTF-8 file with a byte-order mark. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
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
  /* json-glib wraps numbers too large for 64 bits: name no such number. */
  if (json_node_get_int (format) == 1)
    return TRUE;
  if (json_node_get_int (format) < 2 || json_node_get_int (format) > 9999)
    return _ethos_json_fail (error, path, "format", "“format” must be the number 1");
  return _ethos_json_fail (error, path, "format", "format %" G_GINT64_FORMAT " is not supported (only 1)",
                 json_node_get_int (format));
}

