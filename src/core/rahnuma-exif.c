/* rahnuma-exif.c — the orientation a JPEG's EXIF data gives, so that a phone
 * photo taken upright is shown upright
 *
 * Phones store the sensor's rows as they are and write in EXIF which way up
 * they belong (EXIF 2.32, tag 0x0112 Orientation, in IFD0 of the TIFF
 * structure inside the APP1 "Exif" segment). GStreamer's base and good
 * plugins do not read it (jpegparse is in -bad), so it is read here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-picture"

#include "config.h"

#include <string.h>

#include "rahnuma-exif.h"

/* APP1 segments come first and hold at most 64 KiB. */
#define EXIF_READ_BYTES (128 * 1024)

static guint
read16 (const guint8 *p, gboolean big)
{
  return big ? (guint) (p[0] << 8 | p[1]) : (guint) (p[1] << 8 | p[0]);
}

static guint32
read32 (const guint8 *p, gboolean big)
{
  return big ? (guint32) p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]
             : (guint32) p[3] << 24 | p[2] << 16 | p[1] << 8 | p[0];
}

/* @tiff: the TIFF structure after "Exif\0\0", @length bytes of it. */
static guint
parse_tiff (const guint8 *tiff, gsize length)
{
  gboolean big;
  guint32 ifd;
  guint n;

  if (length < 8 || !(memcmp (tiff, "MM\0*", 4) == 0 || memcmp (tiff, "II*\0", 4) == 0))
    return 1;
  big = tiff[0] == 'M';
  ifd = read32 (tiff + 4, big);
  if (ifd > length - 2)
    return 1;
  n = read16 (tiff + ifd, big);
  for (guint i = 0; i < n && ifd + 2 + (i + 1) * 12 <= length; i++)
    {
      const guint8 *entry = tiff + ifd + 2 + i * 12;

      /* Orientation: type SHORT (3), one value, kept in the entry itself. */
      if (read16 (entry, big) == 0x0112 && read16 (entry + 2, big) == 3)
        {
          guint value = read16 (entry + 8, big);

          return value >= 1 && value <= 8 ? value : 1;
        }
    }
  return 1;
}

/**
 * rahnuma_exif_parse_orientation:
 * @data: the start of a file
 * @length: how many bytes of it
 *
 * Returns: the EXIF orientation of a JPEG, 1 to 8 (1: as stored; 6: turn
 *   90° clockwise to view; 8: 90° anticlockwise; 3: 180°), or 1 when
 *   @data is no JPEG or has no orientation
 */
guint
rahnuma_exif_parse_orientation (const guint8 *data,
                                gsize         length)
{
  gsize pos = 2;

  g_return_val_if_fail (data != NULL || length == 0, 1);

  if (length < 4 || data[0] != 0xff || data[1] != 0xd8)
    return 1;
  /* Walk the segments up to the first that is not APPn. */
  while (pos + 4 <= length && data[pos] == 0xff && data[pos + 1] >= 0xe0 && data[pos + 1] <= 0xef)
    {
      gsize size = read16 (data + pos + 2, TRUE);

      if (size < 2 || pos + 2 + size > length)
        return 1;
      if (data[pos + 1] == 0xe1 && size >= 8 && memcmp (data + pos + 4, "Exif\0\0", 6) == 0)
        return parse_tiff (data + pos + 10, size - 8);
      pos += 2 + size;
    }
  return 1;
}

/**
 * rahnuma_exif_read_orientation:
 * @path: a picture file
 *
 * Returns: its EXIF orientation (see rahnuma_exif_parse_orientation()), or 1
 *   when it has none or cannot be read
 */
guint
rahnuma_exif_read_orientation (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree guint8 *buffer = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, 1);

  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL)
    return 1;
  buffer = g_malloc (EXIF_READ_BYTES);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, EXIF_READ_BYTES, &length, NULL, NULL))
    return 1;
  return rahnuma_exif_parse_orientation (buffer, length);
}

/**
 * rahnuma_exif_orientation_swaps_sides:
 * @orientation: an EXIF orientation, 1 to 8
 *
 * Returns: whether the upright picture's width is the stored height (5 to 8)
 */
gboolean
rahnuma_exif_orientation_swaps_sides (guint orientation)
{
  return orientation >= 5 && orientation <= 8;
}
