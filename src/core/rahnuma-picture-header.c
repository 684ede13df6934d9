/* rahnuma-picture-header.c — a picture's size from its header, before
 * anything decodes it
 *
 * A 30000 × 30000 PNG of one colour is a few hundred kilobytes on disk and
 * 3.6 GB once decoded: the size must be known, and refused, first. PNG keeps
 * it in the IHDR chunk that must come first (PNG specification, 11.2.2);
 * JPEG in the SOFn segment that comes before the first scan (ITU-T T.81,
 * B.2.2). Both are read here from bytes, with every length checked against
 * what is there, so a damaged or hostile header is refused, never trusted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-picture"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rahnuma-picture-header.h"

/* The first read: a PNG's size is in its first 24 bytes, and a JPEG
 * without a large EXIF block has its size within this too. Others are read
 * further, up to RAHNUMA_PICTURE_HEADER_MAX_BYTES. A kiosk reads every
 * picture's header at start, so this stays small. */
#define FIRST_READ_BYTES (4 * 1024)

/* PNG widths and heights are at most 2^31 - 1 (PNG specification, 11.2.2). */
#define PNG_MAX_SIDE G_MAXINT32

G_DEFINE_QUARK (rahnuma-picture-header-error-quark, rahnuma_picture_header_error)

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint
read_be16 (const guint8 *p)
{
  return ((guint) p[0] << 8) | p[1];
}

static gboolean
fail_damaged (GError **error)
{
  g_set_error_literal (error, RAHNUMA_PICTURE_HEADER_ERROR, RAHNUMA_PICTURE_HEADER_ERROR_DAMAGED,
                       /* Translators: a reason, after "pictures/x.png cannot be played: " */
                       _("its header is cut short or damaged, so its size cannot be read"));
  return FALSE;
}

/* Signature, then IHDR: length 13, "IHDR", width, height (big-endian). */
static gboolean
parse_png (const guint8 *data, gsize length, guint *width, guint *height, GError **error)
{
  guint32 w, h;

  if (length < 24 || read_be32 (data + 8) != 13 || memcmp (data + 12, "IHDR", 4) != 0)
    return fail_damaged (error);
  w = read_be32 (data + 16);
  h = read_be32 (data + 20);
  if (w == 0 || h == 0 || w > PNG_MAX_SIDE || h > PNG_MAX_SIDE)
    return fail_damaged (error);
  *width = w;
  *height = h;
  return TRUE;
}

/* SOF0–SOF15 carry the size; C4 (DHT), C8 (JPG) and CC (DAC) do not. */
static gboolean
is_start_of_frame (guint8 marker)
{
  return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
}

/* Markers that stand alone, with no length after them: TEM, RST0–7, SOI. */
static gboolean
is_standalone (guint8 marker)
{
  return marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8);
}

/* Walks the segments after SOI to the first SOFn. A scan (SOS) or the end
 * (EOI) before it means there is no size to trust. */
static gboolean
parse_jpeg (const guint8 *data, gsize length, guint *width, guint *height, GError **error)
{
  gsize pos = 2;

  while (pos < length)
    {
      guint8 marker;
      guint segment;

      if (data[pos] != 0xff)
        return fail_damaged (error);
      while (pos < length && data[pos] == 0xff) /* fill bytes may pad a marker */
        pos++;
      if (pos >= length)
        break;
      marker = data[pos++];
      if (is_standalone (marker))
        continue;
      if (marker == 0x00 || marker == 0xd9 || marker == 0xda || length - pos < 2)
        return fail_damaged (error);
      segment = read_be16 (data + pos);
      if (segment < 2 || length - pos < segment)
        return fail_damaged (error);
      if (is_start_of_frame (marker))
        {
          /* length (2), precision (1), height (2), width (2); a height of 0
           * is given later in a DNL segment, which no kiosk picture needs. */
          if (segment < 8 || read_be16 (data + pos + 3) == 0 || read_be16 (data + pos + 5) == 0)
            return fail_damaged (error);
          *height = read_be16 (data + pos + 3);
          *width = read_be16 (data + pos + 5);
          return TRUE;
        }
      pos += segment;
    }
  return fail_damaged (error);
}

/**
 * rahnuma_picture_header_parse:
 * @data: (array length=length): the first bytes of a picture file
 * @length: how many bytes @data holds
 * @format: (out) (optional): PNG or JPEG
 * @width: (out) (optional): the picture's width, in pixels
 * @height: (out) (optional): the picture's height, in pixels
 * @error: return location for a #RAHNUMA_PICTURE_HEADER_ERROR whose message
 *   is a short translated reason ("its header is cut short …")
 *
 * Reads a PNG's or JPEG's size from its header, without decoding anything
 * and without reading past @length. Any @data is safe to pass.
 *
 * Returns: %TRUE if @data starts a PNG or JPEG whose size could be read
 */
gboolean
rahnuma_picture_header_parse (const guint8          *data,
                              gsize                  length,
                              RahnumaPictureFormat  *format,
                              guint                 *width,
                              guint                 *height,
                              GError               **error)
{
  RahnumaPictureFormat found;
  guint w = 0, h = 0;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length >= sizeof png_signature && memcmp (data, png_signature, sizeof png_signature) == 0)
    {
      found = RAHNUMA_PICTURE_FORMAT_PNG;
      ok = parse_png (data, length, &w, &h, error);
    }
  else if (length >= 2 && data[0] == 0xff && data[1] == 0xd8)
    {
      found = RAHNUMA_PICTURE_FORMAT_JPEG;
      ok = parse_jpeg (data, length, &w, &h, error);
    }
  else
    {
      g_set_error_literal (error, RAHNUMA_PICTURE_HEADER_ERROR, RAHNUMA_PICTURE_HEADER_ERROR_UNKNOWN_FORMAT,
                           /* Translators: a reason, after "pictures/x.gif cannot be played: " */
                           _("it is not a PNG or JPEG picture"));
      return FALSE;
    }
  if (!ok)
    return FALSE;
  if (format != NULL)
    *format = found;
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  return TRUE;
}

/* Reads up to @max bytes from the start of @path. */
static GBytes *
read_start (const char *path, gsize max, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *buffer = g_malloc (max);
  gsize n_read = 0;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, max, &n_read, NULL, &local_error))
    {
      g_set_error (error, RAHNUMA_PICTURE_HEADER_ERROR, RAHNUMA_PICTURE_HEADER_ERROR_IO,
                   /* Translators: a reason, after "pictures/x.png cannot be played: "; %s says why */
                   _("it cannot be read (%s)"), local_error->message);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&buffer), n_read);
}

/**
 * rahnuma_picture_header_read_file:
 * @path: a picture file
 * @format: (out) (optional): PNG or JPEG
 * @width: (out) (optional): the picture's width, in pixels
 * @height: (out) (optional): the picture's height, in pixels
 * @error: return location for a #RAHNUMA_PICTURE_HEADER_ERROR
 *
 * rahnuma_picture_header_parse() on the start of @path: 4 KiB, or up to
 * %RAHNUMA_PICTURE_HEADER_MAX_BYTES when a JPEG's size lies further in.
 * Blocks on the disk for that long.
 *
 * Returns: %TRUE if @path is a PNG or JPEG whose size could be read
 */
gboolean
rahnuma_picture_header_read_file (const char            *path,
                                  RahnumaPictureFormat  *format,
                                  guint                 *width,
                                  guint                 *height,
                                  GError               **error)
{
  g_autoptr(GBytes) start = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const guint8 *data;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  start = read_start (path, FIRST_READ_BYTES, error);
  if (start == NULL)
    return FALSE;
  data = g_bytes_get_data (start, &length);
  if (rahnuma_picture_header_parse (data, length, format, width, height, &local_error))
    return TRUE;
  if (length < FIRST_READ_BYTES
      || !g_error_matches (local_error, RAHNUMA_PICTURE_HEADER_ERROR, RAHNUMA_PICTURE_HEADER_ERROR_DAMAGED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* The file goes on: the size may be past the first read. */
  g_clear_pointer (&start, g_bytes_unref);
  start = read_start (path, RAHNUMA_PICTURE_HEADER_MAX_BYTES, error);
  if (start == NULL)
    return FALSE;
  data = g_bytes_get_data (start, &length);
  return rahnuma_picture_header_parse (data, length, format, width, height, error);
}

/**
 * rahnuma_media_check_size:
 * @kind: a picture or a video (a sound has no size and always passes)
 * @width: in pixels
 * @height: in pixels
 * @error: return location for %RAHNUMA_PICTURE_HEADER_ERROR_TOO_LARGE, whose
 *   message is a short translated reason giving the size found and the limit
 *
 * Applies %RAHNUMA_PICTURE_MAX_LONG_SIDE × %RAHNUMA_PICTURE_MAX_SHORT_SIDE to
 * pictures and %RAHNUMA_VIDEO_MAX_LONG_SIDE × %RAHNUMA_VIDEO_MAX_SHORT_SIDE
 * to videos, either way round (portrait or landscape).
 *
 * Returns: %TRUE if a kiosk may decode media of this size
 */
gboolean
rahnuma_media_check_size (RahnumaMediaKind   kind,
                          guint              width,
                          guint              height,
                          GError           **error)
{
  guint long_side = MAX (width, height);
  guint short_side = MIN (width, height);

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (kind == RAHNUMA_MEDIA_PICTURE
      && (long_side > RAHNUMA_PICTURE_MAX_LONG_SIDE || short_side > RAHNUMA_PICTURE_MAX_SHORT_SIDE))
    {
      g_set_error (error, RAHNUMA_PICTURE_HEADER_ERROR, RAHNUMA_PICTURE_HEADER_ERROR_TOO_LARGE,
                   /* Translators: a reason, after "pictures/x.png is too large: ";
                    * the size found, then the limit, width × height in pixels */
                   _("it is %u × %u pixels; a kiosk shows pictures of at most %u × %u pixels (either way round)"),
                   width, height, RAHNUMA_PICTURE_MAX_LONG_SIDE, RAHNUMA_PICTURE_MAX_SHORT_SIDE);
      return FALSE;
    }
  if (kind == RAHNUMA_MEDIA_VIDEO
      && (long_side > RAHNUMA_VIDEO_MAX_LONG_SIDE || short_side > RAHNUMA_VIDEO_MAX_SHORT_SIDE))
    {
      g_set_error (error, RAHNUMA_PICTURE_HEADER_ERROR, RAHNUMA_PICTURE_HEADER_ERROR_TOO_LARGE,
                   /* Translators: a reason, after "videos/x.webm is too large: ";
                    * the size found, then the limit, width × height in pixels */
                   _("it is %u × %u pixels; a kiosk plays videos of at most %u × %u pixels (either way round)"),
                   width, height, RAHNUMA_VIDEO_MAX_LONG_SIDE, RAHNUMA_VIDEO_MAX_SHORT_SIDE);
      return FALSE;
    }
  return TRUE;
}

/**
 * rahnuma_picture_check_file:
 * @path: a picture file
 * @error: return location for a #RAHNUMA_PICTURE_HEADER_ERROR
 *
 * What must hold before anything decodes @path: it is a PNG or JPEG, its
 * header is whole, and its size is within the picture limits. Reads at most
 * %RAHNUMA_PICTURE_HEADER_MAX_BYTES; decodes nothing.
 *
 * Returns: %TRUE if @path may be decoded
 */
gboolean
rahnuma_picture_check_file (const char  *path,
                            GError     **error)
{
  guint width, height;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return rahnuma_picture_header_read_file (path, NULL, &width, &height, error)
         && rahnuma_media_check_size (RAHNUMA_MEDIA_PICTURE, width, height, error);
}
