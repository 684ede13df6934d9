/* test-install.c — installing a module package: refused when broken, and
 * atomic when killed at any moment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gst/gst.h>

#include "module-fixtures.h"
#include "rahnuma-install.h"
#include "rahnuma-media-probe.h"
#include "rahnuma-module.h"

#define KILL_ITERATIONS 30
#define MODULE_ID       "fixture-fees"

static RahnumaMediaProbe *probe;

static char *
make_modules_dir (const char *name)
{
  char *dir = g_build_filename (rahnuma_test_tmp_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return dir;
}

static void
install_ok (const char *package, const char *modules_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaValidation) validation = NULL;
  g_autofree char *installed = NULL;

  g_assert_true (rahnuma_install_package (package, modules_dir, rahnuma_media_probe_check, probe,
                                          &validation, &installed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rahnuma_validation_count (validation, RAHNUMA_SEVERITY_ERROR), ==, 0);
  g_assert_true (g_str_has_prefix (installed, modules_dir));
}

/* relative path → contents, for comparing whole packages */
static void
snapshot_into (GHashTable *snapshot, const char *root, const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      char *contents = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_hash_table_insert (snapshot, g_strdup (relative), contents);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = *relative ? g_build_filename (relative, name, NULL) : g_strdup (name);

      snapshot_into (snapshot, root, child);
    }
}

static GHashTable *
snapshot (const char *root)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  snapshot_into (files, root, "");
  return files;
}

static gboolean
same_snapshot (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}

/* Names in @dir that the kiosk would see (not hidden), and hidden work folders. */
static GPtrArray *
visible_entries (const char *dir, guint *n_leftovers)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (folder);
  if (n_leftovers != NULL)
    *n_leftovers = 0;
  while ((name = g_dir_read_name (folder)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
    else if (n_leftovers != NULL && g_str_has_prefix (name, RAHNUMA_INSTALL_PREFIX))
      (*n_leftovers)++;
  return names;
}

static void
test_install_good (void)
{
  g_autofree char *package = rahnuma_test_prepare_package ("good");
  g_autofree char *modules = make_modules_dir ("install-good");
  g_autofree char *installed = g_build_filename (modules, MODULE_ID, NULL);
  g_autoptr(RahnumaModule) module = NULL;
  g_autoptr(GHashTable) before = snapshot (package);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GPtrArray) names = NULL;
  guint n_leftovers;

  install_ok (package, modules);
  module = rahnuma_module_new_from_dir (installed, NULL);
  g_assert_nonnull (module);
  after = snapshot (installed);
  g_assert_true (same_snapshot (before, after));
  names = visible_entries (modules, &n_leftovers);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpuint (n_leftovers, ==, 0);
}

static void
test_refuse_broken (void)
{
  g_autofree char *good = rahnuma_test_prepare_package ("good");
  g_autofree char *broken = rahnuma_test_prepare_package ("broken-two-correct");
  g_autofree char *modules = make_modules_dir ("install-refuse");
  g_autofree char *installed = g_build_filename (modules, MODULE_ID, NULL);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(RahnumaValidation) validation = NULL;
  g_autoptr(RahnumaModule) module = NULL;
  g_autoptr(GError) error = NULL;

  install_ok (good, modules);
  before = snapshot (installed);
  g_assert_false (rahnuma_install_package (broken, modules, rahnuma_media_probe_check, probe,
                                           &validation, NULL, &error));
  g_assert_error (error, RAHNUMA_INSTALL_ERROR, RAHNUMA_INSTALL_ERROR_INVALID);
  g_assert_cmpuint (rahnuma_validation_count_code (validation, RAHNUMA_PROBLEM_BAD_CORRECT), ==, 1);
  after = snapshot (installed);
  g_assert_true (same_snapshot (before, after));
  module = rahnuma_module_new_from_dir (installed, NULL);
  g_assert_nonnull (module);
}

/* A module already installed under another folder name is replaced there,
 * not joined by a twin the catalog would have to drop. */
static void
test_replace_in_place (void)
{
  g_autofree char *good = rahnuma_test_prepare_package ("good");
  g_autofree char *newer = rahnuma_test_prepare_package ("broken-duplicate-id"); /* Version=2 */
  g_autofree char *modules = make_modules_dir ("install-replace");
  g_autofree char *old_place = g_build_filename (modules, "01-fees", NULL);
  g_autofree char *leftover = g_build_filename (modules, RAHNUMA_INSTALL_PREFIX MODULE_ID "-AbC123", NULL);
  g_autofree char *leftover_file = g_build_filename (leftover, "module.ini", NULL);
  g_autoptr(RahnumaModule) module = NULL;
  g_autoptr(GPtrArray) names = NULL;
  guint n_leftovers;

  rahnuma_test_copy_tree (good, old_place);
  g_assert_cmpint (g_mkdir (leftover, 0755), ==, 0);
  g_assert_true (g_file_set_contents (leftover_file, "half", -1, NULL));

  install_ok (newer, modules);
  names = visible_entries (modules, &n_leftovers);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "01-fees");
  g_assert_cmpuint (n_leftovers, ==, 0);
  module = rahnuma_module_new_from_dir (old_place, NULL);
  g_assert_nonnull (module);
  g_assert_cmpuint (rahnuma_module_get_version (module), ==, 2);
}

static char *
admin_path (void)
{
  const char *build_dir = g_getenv ("RAHNUMA_BUILD_DIR");

  g_assert_nonnull (build_dir);
  return g_build_filename (build_dir, "src", "tools", "rahnuma-admin", NULL);
}

static GSubprocess *
spawn_install (const char *package, const char *modules)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autofree char *admin = admin_path ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  /* Slow each copied file down so that kills land inside the copy and swap. */
  g_subprocess_launcher_setenv (launcher, "RAHNUMA_INSTALL_TEST_DELAY_MS", "15", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, admin, "module", "install", package,
                                         "--into", modules, NULL);
  g_assert_no_error (error);
  return process;
}

/* After any kill: the kiosk sees exactly one module under its name, whole,
 * either the old or the new one, and it loads. */
static gboolean
check_intact (const char *modules, GHashTable *v1, GHashTable *v2, guint *n_leftovers)
{
  g_autoptr(GPtrArray) names = visible_entries (modules, n_leftovers);
  g_autofree char *installed = g_build_filename (modules, MODULE_ID, NULL);
  g_autoptr(GHashTable) now = NULL;
  g_autoptr(RahnumaModule) module = NULL;

  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, MODULE_ID);
  module = rahnuma_module_new_from_dir (installed, NULL);
  g_assert_nonnull (module);
  now = snapshot (installed);
  g_assert_true (same_snapshot (now, v1) || same_snapshot (now, v2));
  return same_snapshot (now, v2);
}

static gint64
time_full_install (const char *package, const char *modules)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  process = spawn_install (package, modules);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
  return g_get_monotonic_time () - start;
}

/* The install's own progress mark: its hidden work folder, made when the copy
 * starts and removed after the swap. The names of those in @modules now. */
static GHashTable *
work_folders (const char *modules)
{
  g_autoptr(GDir) folder = g_dir_open (modules, 0, NULL);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, RAHNUMA_INSTALL_PREFIX))
      g_hash_table_add (names, g_strdup (name));
  return names;
}

/* Whether @modules has a work folder that was not in @before: one this
 * install made and did not get to remove, so the kill landed inside it. */
static gboolean
has_new_work_folder (const char *modules, GHashTable *before)
{
  g_autoptr(GHashTable) now = work_folders (modules);
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!g_hash_table_contains (before, name))
      return TRUE;
  return FALSE;
}

/* An aimed kill: waits (up to 3 × @window_us) for this install's work
 * folder to appear, then lets the copy run on for a random part of the time
 * a whole install takes (the copy of each file and the swap are slowed by
 * RAHNUMA_INSTALL_TEST_DELAY_MS = 15), so that some kills fall after the
 * swap, before the old module's removal. */
static void
wait_for_work_folder (const char *modules, GHashTable *before, gint64 window_us)
{
  gint64 deadline = g_get_monotonic_time () + 3 * window_us;

  while (!has_new_work_folder (modules, before) && g_get_monotonic_time () < deadline)
    g_usleep (500);
  g_usleep (g_random_int_range (0, (gint32) MAX (window_us / 2, 1)));
}

/* Kills an install of @package at a random moment (aimed into the copy when
 * @aim), and returns whether the kill landed inside the copy or swap. */
static gboolean
kill_one_install (const char *package, const char *modules, gint64 duration, gboolean aim)
{
  g_autoptr(GHashTable) before = work_folders (modules);
  g_autoptr(GSubprocess) process = spawn_install (package, modules);

  if (aim)
    wait_for_work_folder (modules, before, duration);
  else
    g_usleep (g_random_int_range (0, (gint32) MAX (duration, 1)));
  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
  return g_subprocess_get_if_signaled (process) && has_new_work_folder (modules, before);
}

static void
test_kill_during_install (void)
{
  g_autofree char *v1_dir = rahnuma_test_prepare_package ("good");
  g_autofree char *v2_dir = rahnuma_test_prepare_package ("broken-duplicate-id");
  g_autofree char *modules = make_modules_dir ("install-kill");
  g_autoptr(GHashTable) v1 = snapshot (v1_dir);
  g_autoptr(GHashTable) v2 = snapshot (v2_dir);
  guint n_inside = 0, n_switched = 0, n_leftovers;
  gboolean is_v2;
  gint64 duration;

  install_ok (v1_dir, modules);
  duration = time_full_install (v2_dir, modules);
  is_v2 = check_intact (modules, v1, v2, &n_leftovers);
  g_assert_true (is_v2);

  for (guint i = 0; i < KILL_ITERATIONS; i++)
    {
      const char *package = i % 2 == 0 ? v1_dir : v2_dir;
      gboolean now_v2;

      /* Every other kill is aimed at the copy; the others fall anywhere in
       * the time a whole install took here (validation included). */
      n_inside += kill_one_install (package, modules, duration, i % 4 < 2);
      now_v2 = check_intact (modules, v1, v2, &n_leftovers);
      n_switched += now_v2 != is_v2;
      is_v2 = now_v2;
    }
  g_test_message ("%d kills: %u landed inside the copy or swap (left a new work folder), "
                  "%u finished the swap first", KILL_ITERATIONS, n_inside, n_switched);
  /* Kills that all missed would prove nothing. */
  g_assert_cmpuint (n_inside, >=, KILL_ITERATIONS / 4);

  /* The next install cleans up whatever the kills left behind. */
  g_assert_cmpint (time_full_install (is_v2 ? v1_dir : v2_dir, modules), >, 0);
  g_assert_true (check_intact (modules, v1, v2, &n_leftovers) != is_v2);
  g_assert_cmpuint (n_leftovers, ==, 0);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  rahnuma_test_fixtures_init ();
  probe = rahnuma_media_probe_new (&error);
  g_assert_no_error (error);

  g_test_add_func ("/rahnuma/install/good", test_install_good);
  g_test_add_func ("/rahnuma/install/refuse-broken", test_refuse_broken);
  g_test_add_func ("/rahnuma/install/replace-in-place", test_replace_in_place);
  g_test_add_func ("/rahnuma/install/kill", test_kill_during_install);

  status = g_test_run ();
  rahnuma_media_probe_free (probe);
  rahnuma_test_fixtures_cleanup ();
  return status;
}
