/* rahnuma-install.c — put a module package on a kiosk without ever breaking it
 *
 * An install validates the package (refusing it on any error), copies it into
 * a hidden folder inside the modules folder (the catalog ignores dot-folders),
 * syncs it to disk, and only then swaps it in with one rename: an exchange
 * (renameat2 RENAME_EXCHANGE) when the module is already there, a plain
 * rename otherwise. A crash or kill at any moment leaves either the old
 * module or the new one under its name, never half of one; the hidden
 * leftovers are removed by the next install. One install at a time per
 * modules folder, under a lock file.
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
      fail_errno (error, errno, _("open"), path);
      return -1;
    }
  /* The kernel drops the lock when the process dies, so a killed install never blocks the next. */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      g_set_error (error, RAHNUMA_INSTALL_ERROR, RAHNUMA_INSTALL_ERROR_BUSY,
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

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
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

/* Filesystems without RENAME_EXCHANGE get two renames: for a moment there is
 * no module under its name (the kiosk skips it), but never half of one. */
static gboolean
exchange_fallback (int dir_fd, const char *work_name, const char *target_name, GError **error)
{
  g_autofree char *aside = g_strconcat (work_name, "-old", NULL);

  if (renameat (dir_fd, target_name, dir_fd, aside) != 0)
    return fail_errno (error, errno, _("move aside"), target_name);
  if (renameat (dir_fd, work_name, dir_fd, target_name) != 0)
    {
      int saved_errno = errno;

      renameat (dir_fd, aside, dir_fd, target_name);
      return fail_errno (error, saved_errno, _("move into place"), target_name);
    }
  return renameat (dir_fd, aside, dir_fd, work_name) == 0 || fail_errno (error, errno, _("rename"), aside);
}

/* After this, @work_name holds the old module (if there was one). */
static gboolean
swap_in (const char *modules_dir, const char *work_name, const char *target_name, GError **error)
{
  int dir_fd = open (modules_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  gboolean exists;
  gboolean ok = TRUE;
  struct stat st;

  if (dir_fd < 0)
    return fail_errno (error, errno, _("open"), modules_dir);
  exists = fstatat (dir_fd, target_name, &st, AT_SYMLINK_NOFOLLOW) == 0;
  if (exists && renameat2 (dir_fd, work_name, dir_fd, target_name, RENAME_EXCHANGE) != 0)
    ok = (errno == EINVAL || errno == ENOSYS)
           ? exchange_fallback (dir_fd, work_name, target_name, error)
           : fail_errno (error, errno, _("swap in"), target_name);
  else if (!exists && renameat2 (dir_fd, work_name, dir_fd, target_name, RENAME_NOREPLACE) != 0
           && (errno != EINVAL || renameat (dir_fd, work_name, dir_fd, target_name) != 0))
    ok = fail_errno (error, errno, _("move into place"), target_name);
  if (ok && fsync (dir_fd) != 0)
    ok = fail_errno (error, errno, _("sync"), modules_dir);
  close (dir_fd);
  return ok;
}

static gboolean
refuse_invalid (RahnumaValidation *validation, const char *package_dir, GError **error)
{
  guint n_errors = rahnuma_validation_count (validation, RAHNUMA_SEVERITY_ERROR);

  if (n_errors == 0)
    return FALSE;
  g_set_error (error, RAHNUMA_INSTALL_ERROR, RAHNUMA_INSTALL_ERROR_INVALID,
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
copy_to_work_dir (const char *package_dir, const char *modules_dir, const char *id, GError **error)
{
  g_autofree char *template = g_strdup_printf ("%s/" RAHNUMA_INSTALL_PREFIX "%s-XXXXXX", modules_dir, id);
  g_autoptr(RahnumaModule) copy = NULL;

  if (g_mkdtemp_full (template, 0755) == NULL)
    {
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
  return g_path_get_basename (template);
}

static gboolean
install_locked (const char *package_dir, const char *modules_dir, const char *id,
                char **installed_dir, GError **error)
{
  g_autofree char *target_name = NULL;
  g_autofree char *work_name = NULL;
  g_autofree char *work_path = NULL;

  remove_leftovers (modules_dir);
  target_name = find_target_name (modules_dir, id);
  work_name = copy_to_work_dir (package_dir, modules_dir, id, error);
  if (work_name == NULL)
    return FALSE;
  work_path = g_build_filename (modules_dir, work_name, NULL);
  test_delay ();
  if (!swap_in (modules_dir, work_name, target_name, error))
    {
      remove_tree (work_path);
      return FALSE;
    }
  test_delay ();
  remove_tree (work_path); /* the old module, now hidden */
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
 * Validates @package_dir and, if it has no errors, swaps it in atomically
 * under its id (or the folder that already holds that id).
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
  g_autofree char *id = NULL;
  gboolean ok;
  int lock_fd;

  g_return_val_if_fail (package_dir != NULL, FALSE);
  g_return_val_if_fail (modules_dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  checked = rahnuma_validate_module (package_dir, probe_func, probe_data);
  ok = !refuse_invalid (checked, package_dir, error);
  if (validation != NULL)
    *validation = g_steal_pointer (&checked);
  if (!ok)
    return FALSE;

  if (!g_file_test (modules_dir, G_FILE_TEST_IS_DIR))
    return fail_errno (error, ENOTDIR, _("open"), modules_dir);
  id = read_id (package_dir);
  lock_fd = take_lock (modules_dir, error);
  if (lock_fd < 0)
    return FALSE;
  ok = install_locked (package_dir, modules_dir, id, installed_dir, error);
  close (lock_fd);
  return ok;
}
