/* rahnuma-file.c — owner-only files: journals, officers' files and exports
 *
 * Files that hold records or the PIN hash are made owner-only (0600) when
 * they are created, whatever the umask, rather than fixed afterwards: there
 * is no moment when another user could open them. SQLite makes a database's
 * -wal, -shm and -journal with the database file's own mode, so creating the
 * empty database file first is enough for those too. A file that already
 * exists is left as it is (a technician may have shared it on purpose), but
 * its readers are warned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rahnuma-file.h"

/**
 * rahnuma_file_create_private:
 * @path: a file to create, empty, if it does not exist
 * @error: return location for a #G_IO_ERROR
 *
 * Creates @path with mode 0600, whatever the umask. An existing file (or
 * link) is left untouched and counts as success.
 *
 * Returns: %TRUE if @path exists now
 */
gboolean
rahnuma_file_create_private (const char  *path,
                             GError     **error)
{
  int fd;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);

  /* O_EXCL: never through a link someone left in the journal's folder. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, RAHNUMA_FILE_MODE_PRIVATE);
  if (fd < 0 && errno == EEXIST)
    return TRUE;
  /* The umask can only take bits away; fchmod puts back exactly 0600. */
  if (fd >= 0 && fchmod (fd, RAHNUMA_FILE_MODE_PRIVATE) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "Cannot create %s: %s",
               path, g_strerror (saved_errno));
  return FALSE;
}

/**
 * rahnuma_file_is_exposed:
 * @path: a file
 * @mode: (out) (optional): its permission bits
 *
 * Returns: %TRUE if @path is a regular file that its group or others may read or write
 */
gboolean
rahnuma_file_is_exposed (const char *path,
                         guint      *mode)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  if (mode != NULL)
    *mode = st.st_mode & 07777;
  return (st.st_mode & (S_IRWXG | S_IRWXO)) != 0;
}

/**
 * rahnuma_file_warn_if_exposed:
 * @path: a journal or officers' file
 *
 * Logs a warning for the technician (on stderr, so rahnuma-admin shows it
 * too) when others may read @path. Never changes the file.
 *
 * Returns: %TRUE if a warning was logged
 */
gboolean
rahnuma_file_warn_if_exposed (const char *path)
{
  guint mode = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!rahnuma_file_is_exposed (path, &mode))
    return FALSE;
  g_warning ("%s can be read by other users of this computer (mode %04o); it holds records "
             "and may hold the PIN hash. Make it owner-only: chmod 600 %s", path, mode, path);
  return TRUE;
}

/**
 * rahnuma_file_replace_private:
 * @file: where to write, e.g. an export
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #G_IO_ERROR
 *
 * Like g_file_replace(), but the new file is owner-only whatever the umask
 * and whatever the mode of the file it replaces (which GIO would keep).
 *
 * Returns: (transfer full) (nullable): the stream; the file takes its name when it is closed
 */
GFileOutputStream *
rahnuma_file_replace_private (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                         cancellable, error);
}

/**
 * rahnuma_file_dup_partial:
 * @file: where a file will be saved
 *
 * Returns: (transfer full): the name it is written under first: @file's
 *   name with ".part" after it, in the same folder (so that the rename is
 *   atomic)
 */
GFile *
rahnuma_file_dup_partial (GFile *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;
  g_autofree char *partial = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  parent = g_file_get_parent (file);
  name = g_file_get_basename (file);
  partial = g_strconcat (name, ".part", NULL);
  return g_file_get_child (parent, partial);
}

/* Data on the disk before the name: a drive pulled after the rename has the
 * whole file. fsync on a read-only descriptor flushes the file on Linux. */
static gboolean
sync_path (const char *path, GError **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  int saved;

  if (fd < 0 || fsync (fd) < 0)
    {
      saved = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/**
 * rahnuma_file_commit_partial:
 * @file: where the file is saved
 * @error: return location for a #G_IO_ERROR
 *
 * Flushes the file written under rahnuma_file_dup_partial()'s name to the
 * disk, then renames it to @file (replacing an older one) and flushes the
 * folder. Until this returns %TRUE, @file is the older version or absent,
 * never half a file: a drive pulled mid-write leaves at most a ".part".
 * On failure the ".part" is removed when it still can be.
 *
 * Returns: %TRUE if @file is whole
 */
gboolean
rahnuma_file_commit_partial (GFile *file, GError **error)
{
  g_autoptr(GFile) partial = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *partial_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  partial = rahnuma_file_dup_partial (file);
  parent = g_file_get_parent (file);
  partial_path = g_file_get_path (partial);
  path = g_file_get_path (file);
  folder = g_file_get_path (parent);
  if (!sync_path (partial_path, error) ||
      !g_file_move (partial, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE, NULL, NULL, NULL,
                    error))
    {
      g_file_delete (partial, NULL, NULL);
      return FALSE;
    }
  /* The rename itself: a folder's fsync (may be refused by some file systems). */
  if (!sync_path (folder, NULL))
    g_debug ("Cannot flush the folder %s", folder);
  return TRUE;
}
