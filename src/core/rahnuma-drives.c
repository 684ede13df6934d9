/* rahnuma-drives.c — the removable drives (USB sticks) an officer can save to
 *
 * A kiosk has no file chooser an officer can use by touch, and nothing to
 * browse: a report goes to a USB stick, and the officers' file may live on
 * one. The list is GIO's volume monitor's mounts (with gvfs and udisks2
 * installed, sticks are mounted as they are plugged in, under
 * /media/USER/LABEL), keeping those that can be unmounted or ejected or sit
 * on a removable drive, and that have a local folder. The system's own disks
 * are never offered.
 *
 * Development builds (-Dtests=true, not --buildtype=release) also list the
 * folders in RAHNUMA_TEST_MOUNTS (colon-separated) that exist, so that UI
 * tests can "plug in" a drive without root or udisks2. A kiosk is built with
 * --buildtype=release (README), where the variable means nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-drives"

#include "config.h"

#include "rahnuma-drives.h"

static gboolean
is_removable (GMount *mount)
{
  g_autoptr(GDrive) drive = g_mount_get_drive (mount);

  if (g_mount_is_shadowed (mount))
    return FALSE;
  if (drive != NULL && (g_drive_is_removable (drive) || g_drive_is_media_removable (drive)))
    return TRUE;
  return g_mount_can_unmount (mount) || g_mount_can_eject (mount);
}

static void
add_drive (GPtrArray *drives, const char *name, const char *path)
{
  RahnumaDrive *drive = g_new0 (RahnumaDrive, 1);

  drive->name = g_strdup (name);
  drive->path = g_strdup (path);
  g_ptr_array_add (drives, drive);
}

static void
add_mounts (GPtrArray *drives, GVolumeMonitor *monitor)
{
  GList *mounts = g_volume_monitor_get_mounts (monitor);

  for (GList *l = mounts; l != NULL; l = l->next)
    {
      g_autoptr(GFile) root = g_mount_get_root (l->data);
      g_autofree char *path = g_file_get_path (root);
      g_autofree char *name = g_mount_get_name (l->data);

      if (path != NULL && !g_str_equal (path, "/") && is_removable (l->data))
        add_drive (drives, name, path);
    }
  g_list_free_full (mounts, g_object_unref);
}

#ifdef RAHNUMA_TEST_HOOKS
static void
add_test_mounts (GPtrArray *drives)
{
  const char *list = g_getenv ("RAHNUMA_TEST_MOUNTS");
  g_auto(GStrv) paths = list != NULL ? g_strsplit (list, ":", -1) : NULL;

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    if (paths[i][0] != '\0' && g_file_test (paths[i], G_FILE_TEST_IS_DIR))
      {
        g_autofree char *name = g_path_get_basename (paths[i]);

        add_drive (drives, name, paths[i]);
      }
}
#endif

/**
 * rahnuma_drives_list:
 * @monitor: (nullable): the volume monitor to ask, or %NULL for none (only
 *   test folders, in test builds)
 *
 * Lists the removable drives mounted now, in the monitor's order.
 *
 * Returns: (transfer full) (element-type RahnumaDrive): the drives; empty
 *   when none is plugged in
 */
GPtrArray *
rahnuma_drives_list (GVolumeMonitor *monitor)
{
  GPtrArray *drives = g_ptr_array_new_with_free_func ((GDestroyNotify) rahnuma_drive_free);

  g_return_val_if_fail (monitor == NULL || G_IS_VOLUME_MONITOR (monitor), drives);

  if (monitor != NULL)
    add_mounts (drives, monitor);
#ifdef RAHNUMA_TEST_HOOKS
  add_test_mounts (drives);
#endif
  return drives;
}

/**
 * rahnuma_drive_free:
 * @drive: (transfer full): a drive from rahnuma_drives_list()
 */
void
rahnuma_drive_free (RahnumaDrive *drive)
{
  if (drive == NULL)
    return;
  g_free (drive->name);
  g_free (drive->path);
  g_free (drive);
}
