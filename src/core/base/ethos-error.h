/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ETHOS_ERROR (ethos_error_quark ())

typedef enum
{
  ETHOS_ERROR_NOT_FOUND,      /* unknown code, ref, topic, template or field */
  ETHOS_ERROR_INVALID_DATA,   /* a malformed file, value or row */
  ETHOS_ERROR_IO,             /* reading or writing failed */
  ETHOS_ERROR_DATABASE,       /* SQLite reported an error or the file is not ours */
  ETHOS_ERROR_UNSUPPORTED,    /* text the engine cannot set correctly yet */
  ETHOS_ERROR_EXISTS,         /* files of an earlier run are in the way (nothing was written) */
} EthosError;

GQuark ethos_error_quark (void);

G_END_DECLS
