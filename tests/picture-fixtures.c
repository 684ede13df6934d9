/* picture-fixtures.c — decompression bombs for the picture-size checks
 *
 * A one-colour PNG compresses about a thousand to one, so a 30000 × 30000
 * picture is ~110 kB on disk and 900 MB (grey) or 3.6 GB (RGBA) decoded. It
 * is a whole, valid PNG — signature, IHDR, one IDAT of real zlib data, IEND,
 * each with its CRC — so a decoder given it would really decode it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>

#include "picture-fixtures.h"

/* PNG's CRC-32 (ISO 3309, PNG specification annex D), bit by bit: slow but
 * only ever run over a few hundred kilobytes here. */
static guint32
crc32_update (guint32 crc, const guint8 *data, gsize length)
{
  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int bit = 0; bit < 8; bit++)
        crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
  return crc;
}

static void
put_be32 (GByteArray *out, guint32 value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, bytes, 4);
}

static void
put_chunk (GByteArray *out, const char *type, const guint8 *data, gsize length)
{
  guint32 crc = 0xffffffffu;

  put_be32 (out, length);
  g_byte_array_append (out, (const guint8 *) type, 4);
  g_byte_array_append (out, data, length);
  crc = crc32_update (crc, (const guint8 *) type, 4);
  crc = crc32_update (crc, data, length);
  put_be32 (out, crc ^ 0xffffffffu);
}

/* Rows of 1-bit white (filter byte 0, then all bits set), through zlib. */
static GBytes *
deflate_rows (guint width, guint height)
{
  g_autoptr(GZlibCompressor) zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (zlib));
  gsize row_length = 1 + (width + 7) / 8;
  g_autofree guint8 *row = g_malloc (row_length);
  g_autoptr(GError) error = NULL;

  memset (row, 0xff, row_length);
  row[0] = 0;
  for (guint y = 0; y < height; y++)
    {
      g_output_stream_write_all (out, row, row_length, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/**
 * rahnuma_fixture_write_huge_png:
 * @path: the file to write
 * @width: in pixels
 * @height: in pixels
 *
 * Writes a valid one-colour, 1-bit greyscale PNG of @width × @height.
 */
void
rahnuma_fixture_write_huge_png (const char *path,
                                guint       width,
                                guint       height)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GByteArray) ihdr = g_byte_array_new ();
  g_autoptr(GBytes) idat = deflate_rows (width, height);
  const guint8 rest[5] = { 1, 0, 0, 0, 0 }; /* depth 1, greyscale, deflate, filter 0, no interlace */
  g_autoptr(GError) error = NULL;
  gsize idat_length;
  const guint8 *idat_data = g_bytes_get_data (idat, &idat_length);

  put_be32 (ihdr, width);
  put_be32 (ihdr, height);
  g_byte_array_append (ihdr, rest, sizeof rest);
  g_byte_array_append (out, signature, sizeof signature);
  put_chunk (out, "IHDR", ihdr->data, ihdr->len);
  put_chunk (out, "IDAT", idat_data, idat_length);
  put_chunk (out, "IEND", NULL, 0);
  g_file_set_contents (path, (const char *) out->data, out->len, &error);
  g_assert_no_error (error);
}

/**
 * rahnuma_fixture_write_jpeg_header:
 * @path: the file to write
 * @width: in pixels, at most 65535
 * @height: in pixels, at most 65535
 *
 * Writes the start of a baseline JPEG (SOI, APP0 JFIF, SOF0 with one
 * component, SOS) claiming @width × @height, then a few bytes of scan
 * and EOI: enough for any header reader, and nothing a decoder could show.
 */
void
rahnuma_fixture_write_jpeg_header (const char *path,
                                   guint       width,
                                   guint       height)
{
  const guint8 bytes[] = {
    0xff, 0xd8,
    0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
    0xff, 0xc0, 0x00, 0x0b, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0,
    0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 0x3f, 0,
    0x00, 0x00, 0x00, 0x00,
    0xff, 0xd9,
  };
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (width, <=, 0xffff);
  g_assert_cmpuint (height, <=, 0xffff);
  g_file_set_contents (path, (const char *) bytes, sizeof bytes, &error);
  g_assert_no_error (error);
}
