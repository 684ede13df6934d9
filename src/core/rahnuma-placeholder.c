/* rahnuma-placeholder.c — the picture `module new` puts where a trainer's
 * picture belongs: light grey, crossed out, so nobody mistakes it for one
 *
 * Written as a PNG by hand (PNG specification, sections 5 and 11: signature,
 * IHDR, IDAT holding zlib-compressed rows each led by filter byte 0, IEND,
 * every chunk ending in a CRC-32) so that core needs no image library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-media-sums"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rahnuma-media-sums.h"

#define WIDTH  1280
#define HEIGHT 720
#define BORDER 16
#define STROKE 10.0

static guint32
crc32_update (guint32 crc, const guint8 *data, gsize length)
{
  static guint32 table[256];

  if (table[1] == 0)
    for (guint32 n = 0; n < 256; n++)
      {
        guint32 c = n;

        for (int k = 0; k < 8; k++)
          c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
      }
  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc;
}

static void
append_u32 (GByteArray *out, guint32 value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, bytes, 4);
}

static void
append_chunk (GByteArray *out, const char *type, const guint8 *data, gsize length)
{
  guint32 crc;

  append_u32 (out, length);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (out, data, length);
  crc = crc32_update (0xffffffffu, (const guint8 *) type, 4);
  crc = crc32_update (crc, data, length);
  append_u32 (out, crc ^ 0xffffffffu);
}

/* Grey, a darker frame and both diagonals. */
static guint8
shade_at (int x, int y)
{
  double diagonal = sqrt ((double) WIDTH * WIDTH + (double) HEIGHT * HEIGHT);
  double d1 = fabs ((double) y * WIDTH - (double) x * HEIGHT) / diagonal;
  double d2 = fabs ((double) y * WIDTH - (double) (WIDTH - x) * HEIGHT) / diagonal;

  if (x < BORDER || y < BORDER || x >= WIDTH - BORDER || y >= HEIGHT - BORDER)
    return 0x90;
  return d1 < STROKE || d2 < STROKE ? 0xb0 : 0xe4;
}

static GBytes *
compress_rows (GError **error)
{
  g_autoptr(GZlibCompressor) zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) stream = g_converter_output_stream_new (memory, G_CONVERTER (zlib));
  g_autofree guint8 *row = g_malloc (1 + WIDTH * 3);

  for (int y = 0; y < HEIGHT; y++)
    {
      row[0] = 0; /* filter: none */
      for (int x = 0; x < WIDTH; x++)
        memset (row + 1 + x * 3, shade_at (x, y), 3);
      if (!g_output_stream_write_all (stream, row, 1 + WIDTH * 3, NULL, NULL, error))
        return NULL;
    }
  if (!g_output_stream_close (stream, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/**
 * rahnuma_placeholder_picture_write:
 * @path: where to write the PNG; replaced atomically if it exists
 * @error: a #GFileError or #GIOError
 *
 * Writes a 1280 × 720 PNG that is plainly no real picture. Record it in
 * media.sums as a placeholder so that the validator asks for the real one.
 *
 * Returns: %TRUE on success
 */
gboolean
rahnuma_placeholder_picture_write (const char *path, GError **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  /* width, height, bit depth 8, colour type 2 (RGB), deflate, filter 0, no interlace */
  guint8 header[13] = { 0, 0, WIDTH >> 8, WIDTH & 0xff, 0, 0, HEIGHT >> 8, HEIGHT & 0xff, 8, 2, 0, 0, 0 };
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GBytes) pixels = NULL;
  gsize length;
  const guint8 *data;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((pixels = compress_rows (error)) == NULL)
    return FALSE;
  data = g_bytes_get_data (pixels, &length);
  g_byte_array_append (png, signature, sizeof signature);
  append_chunk (png, "IHDR", header, sizeof header);
  append_chunk (png, "IDAT", data, length);
  append_chunk (png, "IEND", NULL, 0);
  return g_file_set_contents (path, (const char *) png->data, png->len, error);
}
