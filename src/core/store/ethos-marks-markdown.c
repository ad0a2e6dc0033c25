/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-user-db"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ethos-error.h"
#include "ethos-marks-markdown-private.h"

/* Only the lines the export writes carry meaning: the marker, "## "
 * headings, the comment under each and the quoted note. Other lines (the
 * title, "Bookmarked.", whatever a reader added) are left alone, so the
 * import never depends on translated text. */

#define MARKER          "<!-- ethos-notes 1 -->"
#define MARKER_PREFIX   "<!-- ethos-notes "
#define PLACE_PREFIX    "<!-- ethos:"
#define COMMENT_END     "-->"
#define UTF8_BOM        "\xef\xbb\xbf"

typedef enum
{
  SECTION_NONE,       /* before the first "## " heading */
  SECTION_HEADING,    /* under a heading, before its first line of text */
  SECTION_PLACE,      /* under a heading with its comment */
  SECTION_OTHER,      /* under a heading added by hand: skipped */
} Section;

typedef struct
{
  const char     *path;
  GPtrArray      *places;
  EthosMarkPlace *place;      /* of the section being read, or NULL */
  GString        *note;       /* its quoted lines so far, or NULL */
  Section         section;
  guint           heading;    /* line of the section's heading */
  gboolean        quote_ended;
} Reader;

EthosMarkPlace *
_ethos_mark_place_new (const char *code,
                       const char *ref)
{
  EthosMarkPlace *place = g_new0 (EthosMarkPlace, 1);

  place->code = g_strdup (code);
  place->ref = g_strdup (ref);
  return place;
}

void
_ethos_mark_place_free (EthosMarkPlace *place)
{
  if (place == NULL)
    return;
  g_free (place->code);
  g_free (place->ref);
  g_free (place->title);
  g_free (place->note);
  g_free (place);
}

static void
append_heading (GString              *out,
                const EthosMarkPlace *place)
{
  g_autofree char *title = NULL;

  /* A title is one line of text whatever the callback gave. */
  title = place->title ? g_utf8_make_valid (place->title, -1)
                       : g_strdup_printf ("%s %s", place->code, place->ref);
  g_strdelimit (title, "\r\n", ' ');
  g_string_append_printf (out, "\n## %s\n", title);
}

char *
_ethos_marks_markdown_write (GPtrArray *places)
{
  GString *out;

  g_return_val_if_fail (places != NULL, NULL);

  out = g_string_new (MARKER "\n");
  g_string_append_printf (out, "# %s\n", _("Ethos: Bookmarks and Notes"));
  for (guint i = 0; i < places->len; i++)
    {
      const EthosMarkPlace *place = g_ptr_array_index (places, i);
      g_autofree char *code = g_uri_escape_string (place->code, NULL, FALSE);
      g_autofree char *ref = g_uri_escape_string (place->ref, NULL, FALSE);

      append_heading (out, place);
      g_string_append_printf (out, PLACE_PREFIX " code=%s ref=%s%s " COMMENT_END "\n\n", code, ref,
                              place->bookmarked ? " bookmarked" : "");
      if (place->bookmarked)
        g_string_append_printf (out, "%s\n\n", _("Bookmarked."));
      if (place->note != NULL && *place->note != '\0')
        {
          g_auto(GStrv) lines = g_strsplit (place->note, "\n", -1);

          for (guint l = 0; lines[l] != NULL; l++)
            g_string_append_printf (out, *lines[l] ? "> %s\n" : ">\n", lines[l]);
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean G_GNUC_PRINTF (4, 5)
fail (GError     **error,
      const char  *path,
      guint        line,
      const char  *format,
      ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: "FILE: line 12: what is wrong there" */
  g_set_error (error, ETHOS_ERROR, ETHOS_ERROR_INVALID_DATA, _("%s: line %u: %s"), path, line,
               msg);
  return FALSE;
}

/* A code or ref of the comment: percent-decoded, as JSON import takes it. */
static gboolean
read_key (const char  *name,
          const char  *value,
          char       **out,
          const char  *path,
          guint        line,
          GError     **error)
{
  g_autofree char *key = NULL;

  if (*out != NULL)
    return fail (error, path, line, _("the place comment gives “%s” twice"), name);
  key = g_uri_unescape_string (value, NULL);
  if (key == NULL || !g_utf8_validate (key, -1, NULL))
    return fail (error, path, line, _("the “%s” of the place comment is not valid percent-encoded "
                                      "UTF-8 text"), name);
  if (*key == '\0' || strlen (key) > ETHOS_MARKS_MAX_KEY_BYTES)
    return fail (error, path, line, _("the “%s” of the place comment must be 1 to %d characters"),
                 name, ETHOS_MARKS_MAX_KEY_BYTES);
  *out = g_steal_pointer (&key);
  return TRUE;
}

/* "<!-- ethos: code=nohs ref=3 bookmarked -->" */
static EthosMarkPlace *
read_place (const char  *text,
            const char  *path,
            guint        line,
            GError     **error)
{
  g_autofree char *code = NULL, *ref = NULL;
  g_autofree char *inner = NULL;
  g_auto(GStrv) words = NULL;
  gboolean bookmarked = FALSE;
  EthosMarkPlace *place;

  if (!g_str_has_suffix (text, COMMENT_END) ||
      strlen (text) < strlen (PLACE_PREFIX) + strlen (COMMENT_END))
    {
      fail (error, path, line, _("the place comment does not end with “%s” on its line"),
            COMMENT_END);
      return NULL;
    }
  inner = g_strndup (text + strlen (PLACE_PREFIX),
                     strlen (text) - strlen (PLACE_PREFIX) - strlen (COMMENT_END));
  words = g_strsplit (inner, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];

      if (*word == '\0')
        continue;
      if (g_str_has_prefix (word, "code="))
        {
          if (!read_key ("code", word + 5, &code, path, line, error))
            return NULL;
        }
      else if (g_str_has_prefix (word, "ref="))
        {
          if (!read_key ("ref", word + 4, &ref, path, line, error))
            return NULL;
        }
      else if (g_str_equal (word, "bookmarked"))
        {
          if (bookmarked)
            {
              fail (error, path, line, _("the place comment gives “%s” twice"), word);
              return NULL;
            }
          bookmarked = TRUE;
        }
      else
        {
          fail (error, path, line, _("the place comment has an unknown word “%s”"), word);
          return NULL;
        }
    }
  if (code == NULL || ref == NULL)
    {
      fail (error, path, line, _("the place comment must give a code and a ref (“code=… ref=…”)"));
      return NULL;
    }
  place = _ethos_mark_place_new (code, ref);
  place->bookmarked = bookmarked;
  return place;
}

static void
end_section (Reader *reader)
{
  if (reader->place != NULL)
    {
      /* A lone ">" is an empty note, which the export never writes. */
      if (reader->note != NULL && reader->note->len > 0)
        reader->place->note = g_string_free (g_steal_pointer (&reader->note), FALSE);
      g_ptr_array_add (reader->places, g_steal_pointer (&reader->place));
    }
  if (reader->note != NULL)
    g_string_free (g_steal_pointer (&reader->note), TRUE);
  reader->quote_ended = FALSE;
}

static gboolean
is_heading (const char *text)
{
  return g_str_equal (text, "##") || g_str_has_prefix (text, "## ");
}

static gboolean
is_blank (const char *text)
{
  return text[strspn (text, " \t")] == '\0';
}

/* A quoted line of the note: the export's "> " or ">" undone. */
static gboolean
read_quoted (Reader      *reader,
             const char  *text,
             guint        line,
             GError     **error)
{
  if (reader->section == SECTION_NONE)
    return fail (error, reader->path, line, _("a quoted line comes before the first place"));
  if (reader->section != SECTION_PLACE)
    return TRUE;
  if (reader->quote_ended)
    return fail (error, reader->path, line, _("a note must be one quoted block, but a line that "
                                              "is not quoted separates this one from the note "
                                              "above"));
  if (reader->note == NULL)
    reader->note = g_string_new (NULL);
  else
    g_string_append_c (reader->note, '\n');
  g_string_append (reader->note, text[1] == ' ' ? text + 2 : text + 1);
  return TRUE;
}

static gboolean
read_line (Reader      *reader,
           const char  *text,
           guint        line,
           GError     **error)
{
  if (is_heading (text))
    {
      end_section (reader);
      reader->section = SECTION_HEADING;
      reader->heading = line;
      return TRUE;
    }
  if (reader->section == SECTION_HEADING)
    {
      if (is_blank (text))
        return TRUE;
      if (g_str_has_prefix (text, PLACE_PREFIX))
        {
          if (!(reader->place = read_place (text, reader->path, line, error)))
            return FALSE;
          reader->place->line = reader->heading;
          reader->section = SECTION_PLACE;
          return TRUE;
        }
      reader->section = SECTION_OTHER;
    }
  if (g_str_has_prefix (text, PLACE_PREFIX))
    return fail (error, reader->path, line, _("a place comment must be the first line under a "
                                              "“## ” heading"));
  if (*text == '>')
    return read_quoted (reader, text, line, error);
  if (reader->note != NULL)
    reader->quote_ended = TRUE;
  return TRUE;
}

static gboolean
check_marker (const char  *text,
              const char  *path,
              GError     **error)
{
  if (g_str_equal (text, MARKER))
    return TRUE;
  if (g_str_has_prefix (text, MARKER_PREFIX))
    return fail (error, path, 1, _("this export is in a format this version of Ethos does not "
                                   "read (its first line is not “%s”)"), MARKER);
  return fail (error, path, 1, _("this is not an Ethos export of bookmarks and notes (its first "
                                 "line is not “%s”)"), MARKER);
}

GPtrArray *
_ethos_marks_markdown_read (const char  *path,
                            const char  *data,
                            gsize        length,
                            GError     **error)
{
  g_autoptr(GPtrArray) places = NULL;
  Reader reader = { path, NULL, NULL, NULL, SECTION_NONE, 0, FALSE };
  const char *end, *p;
  gboolean crlf = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (path != NULL && (data != NULL || length == 0), NULL);

  places = g_ptr_array_new_with_free_func ((GDestroyNotify) _ethos_mark_place_free);
  reader.places = places;
  p = data != NULL ? data : "";
  end = p + length;
  if (length >= strlen (UTF8_BOM) && memcmp (p, UTF8_BOM, strlen (UTF8_BOM)) == 0)
    p += strlen (UTF8_BOM);
  for (guint line = 1; ok && (p < end || line == 1); line++)
    {
      const char *eol = memchr (p, '\n', end - p);
      gsize len = (eol ? eol : end) - p;

      /* An editor that turned the line ends into CRLF changed the marker
       * line too; only then is a "\r" at the end not the note's. */
      if (line == 1)
        crlf = len > 0 && p[len - 1] == '\r';
      if (crlf && len > 0 && p[len - 1] == '\r')
        len--;
      if (!g_utf8_validate_len (p, len, NULL))
        ok = fail (error, path, line, _("the line is not valid UTF-8 text"));
      else
        {
          g_autofree char *text = g_strndup (p, len);

          ok = line == 1 ? check_marker (text, path, error)
                         : read_line (&reader, text, line, error);
        }
      p = eol ? eol + 1 : end;
    }
  end_section (&reader);
  return ok ? g_steal_pointer (&places) : NULL;
}
