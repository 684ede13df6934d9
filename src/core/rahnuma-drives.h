/* rahnuma-drives.h — the removable drives (USB sticks) an officer can save to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One mounted drive: its label and where it is mounted. */
typedef struct
{
  char *name; /* the drive's label, as the desktop shows it */
  char *path; /* its mount point, a local folder */
} RahnumaDrive;

GPtrArray *rahnuma_drives_list        (GVolumeMonitor *monitor);
void       rahnuma_drive_free         (RahnumaDrive   *drive);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaDrive, rahnuma_drive_free)

G_END_DECLS
