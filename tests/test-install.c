/* test-install.c — installing a module package: refused when broken, and
 * atomic when killed at any moment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string.h>
#include <unistd.h>

#include "module-fixtures.h"
#include "rahnuma-catalog.h"
#include "rahnuma-install.h"
#include "rahnuma-media-probe.h"
#include "rahnuma-module.h"

#define KILL_ITERATIONS 30
#define RACE_INSTALLS   60
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

typedef enum
{
  SPECIAL_LINK_OUT,  /* pictures/secret -> a file outside, standing in for /etc/shadow */
  SPECIAL_LOOP,      /* pictures/loop -> .. */
  SPECIAL_FIFO,      /* audio/pipe, a fifo */
} SpecialKind;

/* Puts one thing a package may not hold into @package; returns its path inside. */
static const char *
add_special (const char *package, SpecialKind kind)
{
  static const char * const relatives[] = { "pictures/secret", "pictures/loop", "audio/pipe" };
  g_autofree char *path = g_build_filename (package, relatives[kind], NULL);
  g_autofree char *secret = g_build_filename (rahnuma_test_tmp_dir (), "shadow", NULL);

  g_assert_true (g_file_set_contents (secret, "root:SECRET-HASH:19000::::::\n", -1, NULL));
  g_assert_cmpint (g_chmod (secret, 0600), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (package, 0755), ==, 0);
  if (kind == SPECIAL_LINK_OUT)
    g_assert_cmpint (symlink (secret, path), ==, 0);
  else if (kind == SPECIAL_LOOP)
    g_assert_cmpint (symlink ("..", path), ==, 0);
  else
    g_assert_cmpint (mkfifo (path, 0644), ==, 0);
  return relatives[kind];
}

/* Whether any file in @snapshot holds @needle: the secret must not be copied. */
static gboolean
tree_contains (GHashTable *snapshot, const char *needle)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, snapshot);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (strstr (value, needle) != NULL)
      return TRUE;
  return FALSE;
}

/* A link out of the package, a link loop and a fifo are each refused with
 * their path; nothing is copied and the installed edition stays as it was. */
static void
test_refuse_special (gconstpointer data)
{
  SpecialKind kind = GPOINTER_TO_INT (data);
  g_autofree char *good = rahnuma_test_prepare_package ("good");
  g_autofree char *hostile = rahnuma_test_prepare_package ("broken-duplicate-id"); /* Version=2 */
  g_autofree char *modules_name = g_strdup_printf ("install-special-%d", kind);
  g_autofree char *modules = make_modules_dir (modules_name);
  g_autofree char *installed = g_build_filename (modules, MODULE_ID, NULL);
  g_autoptr(RahnumaValidation) validation = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  const RahnumaProblem *problem;
  const char *relative;
  g_autofree char *full = NULL;
  guint n_leftovers;

  install_ok (good, modules);
  before = snapshot (installed);
  relative = add_special (hostile, kind);
  full = g_build_filename (hostile, relative, NULL);

  g_assert_false (rahnuma_install_package (hostile, modules, rahnuma_media_probe_check, probe,
                                           &validation, NULL, &error));
  g_assert_error (error, RAHNUMA_INSTALL_ERROR, RAHNUMA_INSTALL_ERROR_INVALID);
  g_assert_cmpuint (rahnuma_validation_count_code (validation, RAHNUMA_PROBLEM_SPECIAL_FILE), ==, 1);
  g_assert_cmpuint (rahnuma_validation_count (validation, RAHNUMA_SEVERITY_ERROR), ==, 1);
  problem = rahnuma_validation_get_problem (validation, 0);
  g_assert_cmpstr (problem->file, ==, full);
  g_assert_true (g_str_has_prefix (problem->message, relative));

  after = snapshot (installed);
  g_assert_true (same_snapshot (before, after));
  g_assert_false (tree_contains (after, "SECRET-HASH"));
  names = visible_entries (modules, &n_leftovers);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpuint (n_leftovers, ==, 0);
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

/* The good package as edition @version: its module.ini says so, and so do
 * the last bytes of its picture (after the PNG's end, which readers skip),
 * so a reader can tell one edition's module.ini beside another's media. */
static char *
prepare_edition (guint version)
{
  char *package = rahnuma_test_prepare_package ("good");
  g_autofree char *ini = g_build_filename (package, "module.ini", NULL);
  g_autofree char *picture = g_build_filename (package, "pictures", "scene.png", NULL);
  g_autofree char *text = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *marked = NULL;
  g_autofree char *version_line = g_strdup_printf ("\nVersion=%u\n", version);
  g_auto(GStrv) parts = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (ini, &text, NULL, NULL));
  parts = g_strsplit (text, "\nVersion=1\n", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_free (text);
  text = g_strjoinv (version_line, parts);
  g_assert_true (g_file_set_contents (ini, text, -1, NULL));
  g_assert_true (g_file_get_contents (picture, &bytes, &length, NULL));
  marked = g_strdup_printf ("EDITION-%u", version);
  bytes = g_realloc (bytes, length + strlen (marked));
  memcpy (bytes + length, marked, strlen (marked));
  g_assert_true (g_file_set_contents (picture, bytes, (gssize) (length + strlen (marked)), NULL));
  return package;
}

/* The edition this module's picture came from, or 0. */
static guint
picture_edition (RahnumaModule *module)
{
  g_autofree char *picture = rahnuma_scene_dup_media_path (rahnuma_module_get_scene (module, 0), "en");
  g_autofree char *bytes = NULL;
  const char *marker;
  gsize length;

  if (!g_file_get_contents (picture, &bytes, &length, NULL) || length < 9)
    return 0;
  marker = bytes + length - 9;
  return g_str_has_prefix (marker, "EDITION-") ? (guint) (marker[8] - '0') : 0;
}

static guint
count_editions (const char *modules)
{
  g_autofree char *dir_path = g_build_filename (modules, RAHNUMA_EDITIONS_DIR, MODULE_ID, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static RahnumaCatalog *
load_catalog (const char *modules)
{
  g_autoptr(GError) error = NULL;
  RahnumaCatalog *catalog = rahnuma_catalog_new_full (modules, RAHNUMA_CATALOG_VALIDATE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rahnuma_catalog_get_problems (catalog)->len, ==, 0);
  return catalog;
}

static void
on_catalog_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RahnumaCatalog **catalog = user_data;
  g_autoptr(GError) error = NULL;

  *catalog = rahnuma_catalog_new_finish (result, &error);
  g_assert_no_error (error);
}

/* As the kiosk loads a new catalog between visits: in a worker thread. */
static RahnumaCatalog *
load_catalog_async (const char *modules)
{
  RahnumaCatalog *catalog = NULL;

  rahnuma_catalog_new_async (modules, RAHNUMA_CATALOG_VALIDATE, NULL, on_catalog_loaded, &catalog);
  while (catalog == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (rahnuma_catalog_get_problems (catalog)->len, ==, 0);
  return catalog;
}

/* A kiosk (a real catalog, as the kiosk loads it) holds edition 1 while
 * editions 2 and 3 are installed: every file it names still reads as
 * edition 1, a catalog loaded now has the new one, and edition 1 is
 * removed only once no catalog holds it. */
static void
test_running_kiosk (void)
{
  g_autofree char *v1 = prepare_edition (1);
  g_autofree char *v2 = prepare_edition (2);
  g_autofree char *v3 = prepare_edition (3);
  g_autofree char *modules = make_modules_dir ("install-running");
  g_autoptr(GHashTable) v1_files = snapshot (v1);
  g_autoptr(GHashTable) v2_files = snapshot (v2);
  g_autoptr(GHashTable) held_files = NULL;
  g_autoptr(GHashTable) new_files = NULL;
  g_autoptr(RahnumaCatalog) kiosk = NULL;
  g_autoptr(RahnumaCatalog) fresh = NULL;
  g_autofree char *held_dir = NULL;
  RahnumaModule *module, *new_module;

  install_ok (v1, modules);
  kiosk = load_catalog (modules);
  module = rahnuma_catalog_lookup (kiosk, MODULE_ID);
  held_dir = g_strdup (rahnuma_module_get_dir (module));
  g_assert_nonnull (strstr (held_dir, "/" RAHNUMA_EDITIONS_DIR "/" MODULE_ID "/v1-"));
  g_assert_false (rahnuma_catalog_is_outdated (kiosk));

  install_ok (v2, modules);
  g_assert_true (rahnuma_catalog_is_outdated (kiosk));
  held_files = snapshot (held_dir);
  g_assert_true (same_snapshot (held_files, v1_files));
  g_assert_cmpuint (rahnuma_module_get_version (module), ==, 1);
  g_assert_cmpuint (picture_edition (module), ==, 1);

  fresh = load_catalog_async (modules);
  new_module = rahnuma_catalog_lookup (fresh, MODULE_ID);
  g_assert_cmpuint (rahnuma_module_get_version (new_module), ==, 2);
  g_assert_cmpuint (picture_edition (new_module), ==, 2);
  new_files = snapshot (rahnuma_module_get_dir (new_module));
  g_assert_true (same_snapshot (new_files, v2_files));
  g_assert_false (rahnuma_catalog_is_outdated (fresh));

  /* Both catalogs hold their editions through a third install. */
  install_ok (v3, modules);
  g_assert_cmpuint (picture_edition (module), ==, 1);
  g_assert_cmpuint (picture_edition (new_module), ==, 2);
  g_assert_cmpuint (count_editions (modules), ==, 3);

  g_clear_object (&kiosk);
  g_clear_object (&fresh);
  install_ok (v1, modules);
  g_assert_cmpuint (count_editions (modules), ==, 1);
  g_assert_false (g_file_test (held_dir, G_FILE_TEST_EXISTS));
}

typedef struct
{
  const char *modules;
  gint n_reads;
  gint n_mixed;
  gint n_missing;
  gint stop;
} Reader;

/* A kiosk starting over and over: load the catalog, read what it names. */
static gpointer
read_catalogs (gpointer data)
{
  Reader *reader = data;

  while (!g_atomic_int_get (&reader->stop))
    {
      g_autoptr(RahnumaCatalog) catalog = load_catalog (reader->modules);
      RahnumaModule *module = rahnuma_catalog_lookup (catalog, MODULE_ID);

      if (module == NULL)
        g_atomic_int_inc (&reader->n_missing);
      else if (picture_edition (module) != rahnuma_module_get_version (module))
        g_atomic_int_inc (&reader->n_mixed);
      g_thread_yield ();
      /* Still the same edition a moment later, whatever was installed. */
      if (module != NULL && picture_edition (module) != rahnuma_module_get_version (module))
        g_atomic_int_inc (&reader->n_mixed);
      g_atomic_int_inc (&reader->n_reads);
    }
  return NULL;
}

static void
test_race_with_reader (void)
{
  g_autofree char *v1 = prepare_edition (1);
  g_autofree char *v2 = prepare_edition (2);
  Reader reader = { NULL };
  g_autofree char *modules = make_modules_dir ("install-race");
  GThread *thread;

  install_ok (v1, modules);
  reader.modules = modules;
  thread = g_thread_new ("reader", read_catalogs, &reader);
  for (guint i = 0; i < RACE_INSTALLS; i++)
    {
      g_autoptr(GError) error = NULL;

      /* At least one read between installs, however the threads are scheduled. */
      while (g_atomic_int_get (&reader.n_reads) <= (gint) i)
        g_thread_yield ();
      g_assert_true (rahnuma_install_package (i % 2 == 0 ? v2 : v1, modules, NULL, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  g_atomic_int_set (&reader.stop, 1);
  g_thread_join (thread);

  g_test_message ("%d reads during %d installs", reader.n_reads, RACE_INSTALLS);
  g_assert_cmpint (reader.n_reads, >=, RACE_INSTALLS);
  g_assert_cmpint (reader.n_mixed, ==, 0);
  g_assert_cmpint (reader.n_missing, ==, 0);
  /* The one in use, and at most one the reader still held at the last install. */
  g_assert_cmpuint (count_editions (modules), <=, 2);
}

/* A link the trainer made by hand, to a package outside the editions, is
 * not offered: a package is regular files and folders only. */
static void
test_foreign_link (void)
{
  g_autofree char *package = rahnuma_test_prepare_package ("good");
  g_autofree char *modules = make_modules_dir ("install-foreign-link");
  g_autofree char *link = g_build_filename (modules, "linked", NULL);
  g_autoptr(RahnumaCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink (package, link), ==, 0);
  g_test_expect_message ("rahnuma-catalog", G_LOG_LEVEL_WARNING, "Leaving out *outside the installed editions");
  catalog = rahnuma_catalog_new_full (modules, RAHNUMA_CATALOG_VALIDATE, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 0);
  g_assert_cmpuint (rahnuma_catalog_get_problems (catalog)->len, ==, 1);

  /* Installed, the same package is offered, from its edition. */
  g_assert_cmpint (g_unlink (link), ==, 0);
  install_ok (package, modules);
  g_clear_object (&catalog);
  catalog = load_catalog (modules);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 1);
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
  g_test_add_data_func ("/rahnuma/install/refuse-link-out", GINT_TO_POINTER (SPECIAL_LINK_OUT),
                        test_refuse_special);
  g_test_add_data_func ("/rahnuma/install/refuse-link-loop", GINT_TO_POINTER (SPECIAL_LOOP),
                        test_refuse_special);
  g_test_add_data_func ("/rahnuma/install/refuse-fifo", GINT_TO_POINTER (SPECIAL_FIFO),
                        test_refuse_special);
  g_test_add_func ("/rahnuma/install/running-kiosk", test_running_kiosk);
  g_test_add_func ("/rahnuma/install/race-with-reader", test_race_with_reader);
  g_test_add_func ("/rahnuma/install/foreign-link", test_foreign_link);

  status = g_test_run ();
  rahnuma_media_probe_free (probe);
  rahnuma_test_fixtures_cleanup ();
  return status;
}
