/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ethos-document.h"

G_BEGIN_DECLS

/* Logos: PNG is decoded and validated here (libharu aborts the process on a
 * truncated PNG) into raw RGB8/RGBA8 pixels; JPEG is decoded once to prove it
 * sound, then passed through as the file's bytes. Anything else, truncated,
 * empty, larger than 10 MB or 20 megapixels → ETHOS_ERROR_INVALID_DATA. */

#define ETHOS_IMAGE_MAX_BYTES  (10 * 1024 * 1024)
#define ETHOS_IMAGE_MAX_PIXELS (20 * 1000 * 1000)

EthosImage *ethos_image_new_from_bytes (GBytes      *bytes,
                                        GError     **error);
/* Read errors → ETHOS_ERROR_IO. */
EthosImage *ethos_image_new_from_file  (const char  *path,
                                        GError     **error);
EthosImage *ethos_image_copy           (const EthosImage *image);
/* The pixels: a copy of an RGB8/RGBA8 image, or a JPEG decoded to RGB8 (for
 * painters that cannot pass JPEG through, like cairo). */
EthosImage *ethos_image_decode         (const EthosImage *image,
                                        GError          **error);

G_END_DECLS
