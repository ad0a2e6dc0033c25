/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdlib.h>

/* What bench-window-bare --switch and bench-window-ethos --forms print for
 * bench-startup: the median of their view switches ("view-switch-ms N"). */

static int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static inline void
bench_print_switch_median (double *ms,
                           guint   n)
{
  qsort (ms, n, sizeof (double), bench_compare_doubles);
  g_print ("view-switch-ms %.2f\n", n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2);
}
