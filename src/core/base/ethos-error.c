/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ethos-error"

#include "config.h"

#include "ethos-error.h"

G_DEFINE_QUARK (ethos-error-quark, ethos_error)
