/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-document.h"
#include "ethos-layout.h"

G_BEGIN_DECLS

/* Paints a layout with libharu. The metadata title is @doc->title and
 * nothing else identifies the client; creator "Ethos". Text that fits
 * WinAnsi uses the standard-14 Helvetica (nothing embedded); otherwise each
 * font face is embedded once, as a subset. libharu errors become GErrors
 * (ETHOS_ERROR_IO, or ETHOS_ERROR_UNSUPPORTED for fonts). */
GBytes   *ethos_pdf_render     (EthosLayout     *layout,
                                EthosDocument   *doc,
                                GError         **error);
/* Renders and writes atomically: temporary file in the target directory,
 * fsync, rename, mode 0600; nothing is left behind on failure. */
gboolean  ethos_pdf_write_file (EthosLayout     *layout,
                                EthosDocument   *doc,
                                const char      *path,
                                GError         **error);

G_END_DECLS
