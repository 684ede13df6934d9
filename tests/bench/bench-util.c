/* bench-util.c — what every benchmark of tests/bench needs: medians,
 * memory, a scratch folder
 *
 * Only GLib, so that a benchmark watching the kiosk from outside
 * (bench-startup, no Rahnuma library) can use it too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "bench-util.h"

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/**
 * bench_median:
 * @values: (element-type double): one measurement per run, at least one;
 *   sorted in place
 *
 * Returns: the middle value (the upper one of an even count), in the
 *   values' own unit
 */
double
bench_median (GArray *values)
{
  g_return_val_if_fail (values != NULL && values->len > 0, 0.0);

  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/**
 * bench_rss_mib:
 *
 * Returns: this process's resident memory (VmRSS), in MiB, or 0 when
 *   /proc cannot tell
 */
double
bench_rss_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

/**
 * bench_remove_dir:
 * @dir: a scratch folder a benchmark made, holding files only
 *
 * Deletes the files in @dir, then @dir; what cannot be deleted stays.
 */
void
bench_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}
