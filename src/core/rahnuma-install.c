/* rahnuma-install.c — put a module package on a kiosk without ever breaking it
 *
 * An install validates the package (refusing it on any error), copies it into
 * a hidden folder inside the modules folder (the catalog ignores dot-folders),
 * syncs it to disk, and moves it, whole, to its own edition folder:
 *
 *   MODULES/.editions/ID/vVERSION-TIME-RANDOM/   module.ini and media, never written again
 *   MODULES/NAME -> .editions/ID/vVERSION-…      the current edition (NAME is usually ID)
 *
 * The current edition is a symbolic link, switched with one rename(2) of a
 * new link over the old one: atomic, so a reader resolves either the old
 * edition or the new one, never a mix, and a kiosk that loaded the old one
 * keeps reading the old one's files (its catalog holds the resolved paths).
 * A link rather than an index file, because every reader already goes
 * through the path (the catalog, the validator, rahnuma-admin module list,
 * a trainer's file manager) and needs nothing new to follow it.
 *
 * An old edition is removed only when no kiosk uses it: a catalog holds a
 * shared flock(2) on every edition folder it loaded, for as long as it
 * lives, and an install removes an edition only if it gets an exclusive one
 * without waiting. An edition still in use is removed by a later install.
 *
 * A crash or kill at any moment leaves either the old module or the new one
 * under its name, never half of one; the hidden leftovers are removed by the
 * next install. One install at a time per modules folder, under a lock file.
 * A package folder copied in by hand (the layout before editions) is moved
 * into .editions by its first install.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* renameat2 */
#define G_LOG_DOMAIN "rahnuma-install"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rahnuma-install.h"
#include "rahnuma-module.h"

#define LOCK_FILE ".install.lock"

G_DEFINE_QUARK (rahnuma-install-error-quark, rahnuma_install_error)

static gboolean
fail_errno (GError **error, int saved_errno, const char *what, const char *path)
{
  g_set_error (error, RAHNUMA_INSTALL_ERROR, RAHNUMA_INSTALL_ERROR_FAILED,
               /* Translators: the first %s is what was done (“open”, “create”, “move
                * aside”, “swap in”, “sync”), the second a path, the third why (a system
                * message) */
               _("Cannot %s %s: %s"), what, path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
sync_path (const char *path, GError **error)
{
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC); /* never sync through a link */
  int saved_errno;

  if (fd < 0 || fsync (fd) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      /* Translators: what failed, put into “Cannot %s %s: %s” (the first %s) */
      return fail_errno (error, saved_errno, _("sync"), path);
    }
  close (fd);
  return TRUE;
}

/* Tests kill an install mid-copy; this widens the window so they can. */
static void
test_delay (void)
{
  const char *delay = g_getenv ("RAHNUMA_INSTALL_TEST_DELAY_MS");

  if (delay != NULL)
    g_usleep (1000 * g_ascii_strtoull (delay, NULL, 10));
}

/* GIO copies in chunks (never the whole file in memory) and, told not to
 * follow links, never reads through one. The copy is synced before the swap. */
static gboolean
copy_file (GFile *from, GFile *to, GError **error)
{
  g_autofree char *path = g_file_get_path (to);

  if (!g_file_copy (from, to, G_FILE_COPY_NOFOLLOW_SYMLINKS | G_FILE_COPY_TARGET_DEFAULT_PERMS,
                    NULL, NULL, NULL, error))
    return FALSE;
  /* Readable by the kiosk's user whatever the installer's umask: lessons are not secret. */
  if (g_chmod (path, 0644) != 0)
    return fail_errno (error, errno, _("set permissions on"), path);
  if (!sync_path (path, error))
    return FALSE;
  test_delay ();
  return TRUE;
}

/* A package holds only files and folders: a link (to /etc/shadow, or a loop
 * such as pictures/loop -> ..), a device, a fifo or a socket is refused here
 * as well as by the validator, in case it appeared after validation. */
static gboolean
refuse_special (GFile *root, GFile *file, GError **error)
{
  g_autofree char *relative = g_file_get_relative_path (root, file);

  g_set_error (error, RAHNUMA_INSTALL_ERROR, RAHNUMA_INSTALL_ERROR_INVALID,
               /* Translators: %s is a path inside a lesson package; nothing was installed */
               _("%s is not an ordinary file or folder (a link, device, fifo or socket); "
                 "nothing was installed"), relative);
  return FALSE;
}

/* Copies folders and files, never following links; hidden entries (.git,
 * editor backups and lock links) stay behind. @to already exists. */
static gboolean
copy_tree (GFile *root, GFile *from, GFile *to, GError **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autofree char *to_path = g_file_get_path (to);
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (from, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
  if (children == NULL)
    return FALSE;
  while (g_file_enumerator_iterate (children, &info, &child, NULL, error))
    {
      const char *name;
      g_autoptr(GFile) child_to = NULL;

      if (info == NULL)
        return sync_path (to_path, error);
      name = g_file_info_get_name (info);
      if (name[0] == '.')
        continue;
      child_to = g_file_get_child (to, name);
      switch (g_file_info_get_file_type (info))
        {
        case G_FILE_TYPE_DIRECTORY:
          if (!g_file_make_directory (child_to, NULL, error) || !copy_tree (root, child, child_to, error))
            return FALSE;
          break;
        case G_FILE_TYPE_REGULAR:
          if (!copy_file (child, child_to, error))
            return FALSE;
          break;
        case G_FILE_TYPE_UNKNOWN:
        case G_FILE_TYPE_SYMBOLIC_LINK:
        case G_FILE_TYPE_SPECIAL:
        case G_FILE_TYPE_SHORTCUT:
        case G_FILE_TYPE_MOUNTABLE:
        default:
          return refuse_special (root, child, error);
        }
    }
  return FALSE;
}

static void
remove_tree (const char *path)
{
  struct stat st;

  if (lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  if (g_remove (path) != 0)
    g_warning ("Cannot remove %s: %s", path, g_strerror (errno));
}

/* What an interrupted install left: hidden work folders, never a module. */
static void
remove_leftovers (const char *modules_dir)
{
  g_autoptr(GDir) dir = g_dir_open (modules_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, RAHNUMA_INSTALL_PREFIX))
      {
        g_autofree char *path = g_build_filename (modules_dir, name, NULL);

        g_debug ("Removing %s, left by an interrupted install", path);
        remove_tree (path);
      }
}

static int
take_lock (const char *modules_dir, GError **error)
{
  g_autofree char *path = g_build_filename (modules_dir, LOCK_FILE, NULL);
  int fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);

  if (fd < 0)
    {
      /* Translators: what failed, put into “Cannot %s %s: %s” (the first %s) */
      fail_errno (error, errno, _("open"), path);
      return -1;
    }
  /* The kernel drops the lock when the process dies, so a killed install never blocks the next. */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      g_set_error (error, RAHNUMA_INSTALL_ERROR, RAHNUMA_INSTALL_ERROR_BUSY,
                   /* Translators: %s is the modules folder */
                   _("Another install into %s is running; try again when it ends"), modules_dir);
      return -1;
    }
  return fd;
}

static char *
read_id (const char *package)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *path = g_build_filename (package, RAHNUMA_MODULE_FILE, NULL);

  g_autofree char *contents = NULL;
  const char *text;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  text = rahnuma_module_skip_bom (contents, &length);
  if (!g_key_file_load_from_data (key_file, text, length, G_KEY_FILE_NONE, NULL))
    return NULL;
  return g_key_file_get_string (key_file, "Module", "Id", NULL);
}

/* The folder the module lives in: the one already holding its id, whatever
 * its name, so an install replaces a module rather than adding a twin. */
static char *
find_target_name (const char *modules_dir, const char *id)
{
  g_autoptr(GDir) dir = g_dir_open (modules_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (modules_dir, name, NULL);
      g_autofree char *other_id = NULL;

      if (name[0] == '.' || !g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      other_id = read_id (path);
      if (g_strcmp0 (other_id, id) == 0)
        return g_strdup (name);
    }
  return g_strdup (id);
}

/* A hand-copied package folder at @target_name becomes an edition, so that
 * a kiosk reading it now is not cut short; pruned like any other. */
static gboolean
adopt_old_folder (int dir_fd, const char *from_name, const char *id, GError **error)
{
  g_autofree char *edition = g_strdup_printf (RAHNUMA_EDITIONS_DIR "/%s/copied-%" G_GINT64_FORMAT "-%08x",
                                              id, g_get_real_time (), g_random_int ());

  if (renameat (dir_fd, from_name, dir_fd, edition) != 0)
    /* Translators: what failed, put into “Cannot %s %s: %s” (the first %s) */
    return fail_errno (error, errno, _("move aside"), from_name);
  return TRUE;
}

/* Points @target_name at @edition (relative to the modules folder) with one
 * rename of a new link over it. A real folder there (from before editions)
 * is exchanged with the link in one step where the filesystem can, in two
 * renames where it cannot (for a moment no module under its name, the kiosk
 * skips it, but never half of one). */
static gboolean
switch_current (int dir_fd, const char *target_name, const char *id, const char *edition, GError **error)
{
  g_autofree char *link_name = g_strdup_printf (RAHNUMA_INSTALL_PREFIX "link-%s-%08x", id, g_random_int ());
  struct stat st;
  gboolean exists = fstatat (dir_fd, target_name, &st, AT_SYMLINK_NOFOLLOW) == 0;
  gboolean is_folder = exists && S_ISDIR (st.st_mode);

  /* Never replace someone's file that happens to have the module's name. */
  if (exists && !is_folder && !S_ISLNK (st.st_mode))
    return fail_errno (error, EEXIST, _("move into place"), target_name);
  if (symlinkat (edition, dir_fd, link_name) != 0)
    /* Translators: what failed, put into “Cannot %s %s: %s” (the first %s) */
    return fail_errno (error, errno, _("create"), link_name);
  if (!is_folder)
    return renameat (dir_fd, link_name, dir_fd, target_name) == 0 ||
           fail_errno (error, errno, _("move into place"), target_name);
  if (renameat2 (dir_fd, link_name, dir_fd, target_name, RENAME_EXCHANGE) == 0)
    return adopt_old_folder (dir_fd, link_name, id, error);
  if (errno != EINVAL && errno != ENOSYS)
    /* Translators: what failed, put into “Cannot %s %s: %s” (the first %s) */
    return fail_errno (error, errno, _("swap in"), target_name);
  return adopt_old_folder (dir_fd, target_name, id, error) &&
         (renameat (dir_fd, link_name, dir_fd, target_name) == 0 ||
          fail_errno (error, errno, _("move into place"), target_name));
}

static gboolean
make_dir_at (int dir_fd, const char *name, GError **error)
{
  if (mkdirat (dir_fd, name, 0755) != 0 && errno != EEXIST)
    /* Translators: what failed, put into “Cannot %s %s: %s” (the first %s) */
    return fail_errno (error, errno, _("create"), name);
  return TRUE;
}

/* Moves the checked copy to its edition folder; returns that folder,
 * relative to the modules folder, as the link will name it. */
static char *
place_edition (int dir_fd, const char *work_name, const char *id, guint version, GError **error)
{
  g_autofree char *id_dir = g_build_filename (RAHNUMA_EDITIONS_DIR, id, NULL);
  g_autofree char *edition = g_strdup_printf ("%s/v%u-%" G_GINT64_FORMAT "-%08x", id_dir, version,
                                              g_get_real_time (), g_random_int ());

  if (!make_dir_at (dir_fd, RAHNUMA_EDITIONS_DIR, error) || !make_dir_at (dir_fd, id_dir, error))
    return NULL;
  if (renameat (dir_fd, work_name, dir_fd, edition) != 0)
    {
      fail_errno (error, errno, _("move into place"), edition);
      return NULL;
    }
  return g_steal_pointer (&edition);
}

/* Removes every edition of @id but @keep that no catalog holds. */
static void
prune_editions (const char *modules_dir, const char *id, const char *keep)
{
  g_autofree char *id_dir = g_build_filename (modules_dir, RAHNUMA_EDITIONS_DIR, id, NULL);
  g_autofree char *keep_name = g_path_get_basename (keep);
  g_autoptr(GDir) dir = g_dir_open (id_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (id_dir, name, NULL);
      int fd;

      if (g_str_equal (name, keep_name))
        continue;
      fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (fd >= 0 && flock (fd, LOCK_EX | LOCK_NB) == 0)
        remove_tree (path); /* under the lock: no catalog can take it meanwhile */
      else
        g_debug ("Keeping %s: a kiosk still uses it", path);
      if (fd >= 0)
        close (fd);
    }
}

/* Moves the checked copy into its edition and makes it current. */
static gboolean
publish (const char *modules_dir, const char *work_name, const char *target_name, const char *id,
         guint version, char **edition, GError **error)
{
  int dir_fd = open (modules_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  g_autofree char *editions_dir = g_build_filename (modules_dir, RAHNUMA_EDITIONS_DIR, NULL);
  g_autofree char *id_dir = g_build_filename (editions_dir, id, NULL);
  gboolean ok;

  if (dir_fd < 0)
    /* Translators: what failed, put into “Cannot %s %s: %s” (the first %s) */
    return fail_errno (error, errno, _("open"), modules_dir);
  *edition = place_edition (dir_fd, work_name, id, version, error);
  /* The edition's path on disk before the link that points at it. */
  ok = *edition != NULL && sync_path (id_dir, error) && sync_path (editions_dir, error);
  test_delay ();
  ok = ok && switch_current (dir_fd, target_name, id, *edition, error);
  if (ok && fsync (dir_fd) != 0)
    /* Translators: what failed, put into “Cannot %s %s: %s” (the first %s) */
    ok = fail_errno (error, errno, _("sync"), modules_dir);
  close (dir_fd);
  return ok;
}

static gboolean
refuse_invalid (RahnumaValidation *validation, const char *package_dir, GError **error)
{
  guint n_errors = rahnuma_validation_count (validation, RAHNUMA_SEVERITY_ERROR);
  guint n_placeholders = rahnuma_validation_count_code (validation, RAHNUMA_PROBLEM_PLACEHOLDER);

  /* Placeholders are warnings while a trainer writes, never on a kiosk. */
  if (n_errors == 0 && n_placeholders > 0)
    {
      g_set_error (error, RAHNUMA_INSTALL_ERROR, RAHNUMA_INSTALL_ERROR_INVALID,
                   /* Translators: %u counts TODO texts and placeholder pictures */
                   _("%s still has %u placeholder(s) to replace; nothing was installed"),
                   package_dir, n_placeholders);
      return TRUE;
    }
  if (n_errors == 0)
    return FALSE;
  g_set_error (error, RAHNUMA_INSTALL_ERROR, RAHNUMA_INSTALL_ERROR_INVALID,
               /* Translators: %s is a lesson package folder, %u a count of errors */
               _("%s has %u error(s); nothing was installed"), package_dir, n_errors);
  return TRUE;
}

static gboolean
copy_package (const char *package_dir, const char *work_dir, GError **error)
{
  g_autoptr(GFile) root = g_file_new_for_path (package_dir);
  g_autoptr(GFile) to = g_file_new_for_path (work_dir);

  return copy_tree (root, root, to, error);
}

/* Copies into a new hidden folder; returns its name inside @modules_dir. */
static char *
copy_to_work_dir (const char *package_dir, const char *modules_dir, const char *id, guint *version,
                  GError **error)
{
  g_autofree char *template = g_strdup_printf ("%s/" RAHNUMA_INSTALL_PREFIX "%s-XXXXXX", modules_dir, id);
  g_autoptr(RahnumaModule) copy = NULL;

  if (g_mkdtemp_full (template, 0755) == NULL)
    {
      /* Translators: what failed, put into “Cannot %s %s: %s” (the first %s) */
      fail_errno (error, errno, _("create"), template);
      return NULL;
    }
  /* Load the copy as the kiosk will: the bytes on disk are what counts. */
  if (!copy_package (package_dir, template, error) ||
      (copy = rahnuma_module_new_from_dir (template, error)) == NULL)
    {
      remove_tree (template);
      return NULL;
    }
  *version = rahnuma_module_get_version (copy);
  return g_path_get_basename (template);
}

static gboolean
install_locked (const char *package_dir, const char *modules_dir, const char *id,
                char **installed_dir, GError **error)
{
  g_autofree char *target_name = NULL;
  g_autofree char *work_name = NULL;
  g_autofree char *work_path = NULL;
  g_autofree char *edition = NULL;
  guint version = 0;

  remove_leftovers (modules_dir);
  target_name = find_target_name (modules_dir, id);
  work_name = copy_to_work_dir (package_dir, modules_dir, id, &version, error);
  if (work_name == NULL)
    return FALSE;
  work_path = g_build_filename (modules_dir, work_name, NULL);
  test_delay ();
  if (!publish (modules_dir, work_name, target_name, id, version, &edition, error))
    {
      remove_tree (work_path);
      return FALSE; /* an edition already placed but not current goes with the next prune */
    }
  test_delay ();
  prune_editions (modules_dir, id, edition);
  if (installed_dir != NULL)
    *installed_dir = g_build_filename (modules_dir, target_name, NULL);
  return TRUE;
}

/**
 * rahnuma_install_package:
 * @package_dir: the package to install
 * @modules_dir: the kiosk's modules folder
 * @probe_func: (nullable) (scope call): checks that media play
 * @probe_data: (closure): data for @probe_func
 * @validation: (out) (optional) (transfer full): the package's problems
 * @installed_dir: (out) (optional) (transfer full): where the module now is
 * @error: return location for a #RAHNUMA_INSTALL_ERROR
 *
 * Validates @package_dir and, if it has no errors, copies it into a new
 * edition folder of its own under @modules_dir/.editions and points its
 * name (its id, or the folder that already holds that id) at it in one
 * atomic step. Editions no catalog holds any more are removed.
 *
 * Returns: %TRUE if the module was installed
 */
gboolean
rahnuma_install_package (const char             *package_dir,
                         const char             *modules_dir,
                         RahnumaMediaProbeFunc   probe_func,
                         gpointer                probe_data,
                         RahnumaValidation     **validation,
                         char                  **installed_dir,
                         GError                **error)
{
  g_autoptr(RahnumaValidation) checked = NULL;
  gboolean ok;

  g_return_val_if_fail (package_dir != NULL, FALSE);
  g_return_val_if_fail (modules_dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  checked = rahnuma_validate_module (package_dir, probe_func, probe_data);
  ok = rahnuma_install_checked_package (package_dir, modules_dir, checked, installed_dir, error);
  if (validation != NULL)
    *validation = g_steal_pointer (&checked);
  return ok;
}

/**
 * rahnuma_install_checked_package:
 * @package_dir: a module package folder
 * @modules_dir: the kiosk's modules folder
 * @validation: @package_dir's problems, from a validation the caller set up
 *   (with an audio meter, say) and added @package_dir to
 * @installed_dir: (out) (optional) (transfer full): where the module now is
 * @error: return location for a #RAHNUMA_INSTALL_ERROR
 *
 * rahnuma_install_package() for a package already checked: refused if
 * @validation has an error or a placeholder, else installed the same way.
 *
 * Returns: %TRUE if the module was installed
 */
gboolean
rahnuma_install_checked_package (const char         *package_dir,
                                 const char         *modules_dir,
                                 RahnumaValidation  *validation,
                                 char              **installed_dir,
                                 GError            **error)
{
  g_autofree char *id = NULL;
  gboolean ok;
  int lock_fd;

  g_return_val_if_fail (package_dir != NULL, FALSE);
  g_return_val_if_fail (modules_dir != NULL, FALSE);
  g_return_val_if_fail (validation != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (refuse_invalid (validation, package_dir, error))
    return FALSE;
  if (!g_file_test (modules_dir, G_FILE_TEST_IS_DIR))
    /* Translators: what failed, put into “Cannot %s %s: %s” (the first %s) */
    return fail_errno (error, ENOTDIR, _("open"), modules_dir);
  id = read_id (package_dir);
  lock_fd = take_lock (modules_dir, error);
  if (lock_fd < 0)
    return FALSE;
  ok = install_locked (package_dir, modules_dir, id, installed_dir, error);
  close (lock_fd);
  return ok;
}
