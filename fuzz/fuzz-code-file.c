/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-fuzz"
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ethos-code-file.h"
#include "ethos-fuzz.h"

/* The codes' source files (data/codes/) and topics.json, read by the
 * corpus compiler. The loaders read a path: the input goes into a memfd,
 * read through /proc/self/fd/N, so nothing touches the disk. */

static GPtrArray *topics;

void
ethos_fuzz_setup (void)
{
  g_autofree char *path = ethos_fuzz_source_file ("data/codes/topics.json");
  g_autoptr(GError) error = NULL;

  if (!(topics = ethos_topic_defs_load (path, &error)))
    g_error ("%s", error->message);
}

/* Every item the loader accepts has a ref, a text and topics; counts them. */
static guint
count_items (GPtrArray *items)
{
  guint n = items->len;

  for (guint i = 0; i < items->len; i++)
    {
      const EthosCodeItemDef *item = g_ptr_array_index (items, i);

      ethos_fuzz_assert (item->ref != NULL && item->text != NULL && item->topics != NULL,
                         "an item has a ref, a text and topics");
      n += count_items (item->children);
    }
  return n;
}

static guint
count_section_items (GPtrArray *sections)
{
  guint n = 0;

  for (guint i = 0; i < sections->len; i++)
    {
      const EthosCodeSectionDef *section = g_ptr_array_index (sections, i);
      n += count_items (section->items) + count_section_items (section->sections);
    }
  return n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EthosCodeFile) file = NULL;
  g_autoptr(GPtrArray) defs = NULL;
  g_autofree char *path = NULL;
  int fd = memfd_create ("ethos-fuzz", MFD_CLOEXEC);

  if (fd < 0)
    g_error ("memfd_create: %s", g_strerror (errno));
  if (size > 0 && write (fd, data, size) != (ssize_t) size)
    g_error ("write: %s", g_strerror (errno));
  path = g_strdup_printf ("/proc/self/fd/%d", fd);

  if (!(defs = ethos_topic_defs_load (path, &error)))
    ethos_fuzz_check_error (error, "ethos_topic_defs_load");
  g_clear_error (&error);

  if (!(file = ethos_code_file_load (path, topics, &error)))
    ethos_fuzz_check_error (error, "ethos_code_file_load");
  else
    ethos_fuzz_assert (count_section_items (file->sections) > 0 &&
                       ethos_code_file_count_items (file) == count_section_items (file->sections),
                       "a loaded code has items, all counted");

  close (fd);
  return 0;
}
