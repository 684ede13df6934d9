/* test-util.c — what many tests need: a temporary folder, and its removal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "test-util.h"

/* A new folder under the system's temporary folder, e.g. "rahnuma-store-XXXXXX". */
char *
rahnuma_test_make_tmpdir (const char *name_template)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (name_template, &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @path and everything below it; symbolic links are not followed. */
void
rahnuma_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rahnuma_test_remove_tree (child);
        }
    }
  g_remove (path);
}
