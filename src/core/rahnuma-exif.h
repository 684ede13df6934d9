/* rahnuma-exif.h — a JPEG's EXIF orientation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

guint     rahnuma_exif_parse_orientation       (const guint8 *data,
                                                gsize         length);
guint     rahnuma_exif_read_orientation        (const char   *path);
gboolean  rahnuma_exif_orientation_swaps_sides (guint         orientation);

G_END_DECLS
