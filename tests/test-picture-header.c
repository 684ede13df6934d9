/* test-picture-header.c — a picture's size read from its header, never by
 * decoding; the kiosk's size limits for pictures and videos
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>
#include <sys/resource.h>

#include "picture-fixtures.h"
#include "rahnuma-picture-header.h"
#include "test-util.h"

#define HUGE_SIDE 30000

/* A decoded 30000 × 30000 picture takes 900 MB or more; reading a header
 * must stay far below that (and below it under ASan's shadow memory too). */
#define MAX_RSS_KB (256 * 1024)

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static long
max_rss_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

static void
test_png_size (void)
{
  g_autofree char *path = tmp_path ("small.png");
  RahnumaPictureFormat format = RAHNUMA_PICTURE_FORMAT_JPEG;
  guint width = 0, height = 0;
  g_autoptr(GError) error = NULL;

  rahnuma_fixture_write_huge_png (path, 64, 48);
  g_assert_true (rahnuma_picture_header_read_file (path, &format, &width, &height, &error));
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, RAHNUMA_PICTURE_FORMAT_PNG);
  g_assert_cmpuint (width, ==, 64);
  g_assert_cmpuint (height, ==, 48);
  g_assert_true (rahnuma_picture_check_file (path, &error));
  g_assert_no_error (error);
}

/* The bomb: its size is read and refused, the message says the size found
 * and the limit, and memory stays small. */
static void
test_huge_png (void)
{
  g_autofree char *path = tmp_path ("huge.png");
  guint width = 0, height = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;

  rahnuma_fixture_write_huge_png (path, HUGE_SIDE, HUGE_SIDE);
  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  g_test_message ("huge.png: %" G_GSIZE_FORMAT " bytes", g_mapped_file_get_length (mapped));
  g_assert_cmpuint (g_mapped_file_get_length (mapped), <, 1024 * 1024);

  g_assert_true (rahnuma_picture_header_read_file (path, NULL, &width, &height, &error));
  g_assert_cmpuint (width, ==, HUGE_SIDE);
  g_assert_cmpuint (height, ==, HUGE_SIDE);
  g_assert_false (rahnuma_picture_check_file (path, &error));
  g_assert_error (error, RAHNUMA_PICTURE_HEADER_ERROR, RAHNUMA_PICTURE_HEADER_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "30000 × 30000"));
  g_assert_nonnull (strstr (error->message, "4096 × 3072"));
  g_assert_cmpint (max_rss_kb (), <, MAX_RSS_KB);
}

static void
test_jpeg (void)
{
  g_autofree char *path = tmp_path ("header.jpg");
  RahnumaPictureFormat format = RAHNUMA_PICTURE_FORMAT_PNG;
  guint width = 0, height = 0;
  g_autoptr(GError) error = NULL;

  rahnuma_fixture_write_jpeg_header (path, 640, 480);
  g_assert_true (rahnuma_picture_header_read_file (path, &format, &width, &height, &error));
  g_assert_cmpint (format, ==, RAHNUMA_PICTURE_FORMAT_JPEG);
  g_assert_cmpuint (width, ==, 640);
  g_assert_cmpuint (height, ==, 480);

  rahnuma_fixture_write_jpeg_header (path, HUGE_SIDE, 20000);
  g_assert_false (rahnuma_picture_check_file (path, &error));
  g_assert_error (error, RAHNUMA_PICTURE_HEADER_ERROR, RAHNUMA_PICTURE_HEADER_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "30000 × 20000"));
}

/* A JPEG whose size comes after 200 kB of APP segments (EXIF, ICC profile):
 * past the first read, within the header limit. */
static void
test_jpeg_late_size (void)
{
  g_autofree char *path = tmp_path ("late.jpg");
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  static const guint8 soi[] = { 0xff, 0xd8 };
  static const guint8 sof[] = { 0xff, 0xc2, 0x00, 0x0b, 8, 0x01, 0x00, 0x02, 0x00, 1, 1, 0x11, 0 };
  guint8 app[4 + 65533];
  guint width = 0, height = 0;
  g_autoptr(GError) error = NULL;

  memset (app, 0, sizeof app);
  app[0] = 0xff, app[1] = 0xe2, app[2] = 0xff, app[3] = 0xff; /* APP2, length 65535 */
  g_byte_array_append (bytes, soi, sizeof soi);
  for (int i = 0; i < 3; i++)
    g_byte_array_append (bytes, app, sizeof app);
  g_byte_array_append (bytes, sof, sizeof sof);
  g_file_set_contents (path, (const char *) bytes->data, bytes->len, &error);
  g_assert_no_error (error);

  g_assert_true (rahnuma_picture_header_read_file (path, NULL, &width, &height, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (width, ==, 512);
  g_assert_cmpuint (height, ==, 256);
}

static void
assert_refused (const guint8 *data, gsize length, int code)
{
  g_autoptr(GError) error = NULL;
  guint width = 0, height = 0;

  g_assert_false (rahnuma_picture_header_parse (data, length, NULL, &width, &height, &error));
  g_assert_error (error, RAHNUMA_PICTURE_HEADER_ERROR, code);
  g_assert_cmpuint (width, ==, 0);
  g_assert_cmpuint (height, ==, 0);
}

/* Cut short, out of order or of another format: refused, never guessed. */
static void
test_damaged (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                0, 0, 0, 64, 0, 0, 0, 48 };
  static const guint8 png_zero[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                     0, 0, 0, 0, 0, 0, 0, 48 };
  static const guint8 png_not_ihdr[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'D', 'A', 'T',
                                         0, 0, 0, 64, 0, 0, 0, 48 };
  static const guint8 jpeg_scan_first[] = { 0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 0x3f, 0,
                                            0xff, 0xc0, 0x00, 0x0b, 8, 0, 48, 0, 64, 1, 1, 0x11, 0 };
  static const guint8 jpeg_long_segment[] = { 0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff, 0 };
  static const guint8 jpeg_short_sof[] = { 0xff, 0xd8, 0xff, 0xc0, 0x00, 0x05, 8, 0, 48 };
  static const guint8 jpeg_dnl[] = { 0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 8, 0, 0, 0, 64, 1, 1, 0x11, 0 };
  static const guint8 gif[] = { 'G', 'I', 'F', '8', '9', 'a', 64, 0, 48, 0 };
  guint width = 0, height = 0;

  g_assert_true (rahnuma_picture_header_parse (png, sizeof png, NULL, &width, &height, NULL));
  g_assert_cmpuint (width, ==, 64);
  assert_refused (png, sizeof png - 1, RAHNUMA_PICTURE_HEADER_ERROR_DAMAGED);
  assert_refused (png, 8, RAHNUMA_PICTURE_HEADER_ERROR_DAMAGED);
  assert_refused (png_zero, sizeof png_zero, RAHNUMA_PICTURE_HEADER_ERROR_DAMAGED);
  assert_refused (png_not_ihdr, sizeof png_not_ihdr, RAHNUMA_PICTURE_HEADER_ERROR_DAMAGED);
  assert_refused (jpeg_scan_first, sizeof jpeg_scan_first, RAHNUMA_PICTURE_HEADER_ERROR_DAMAGED);
  assert_refused (jpeg_long_segment, sizeof jpeg_long_segment, RAHNUMA_PICTURE_HEADER_ERROR_DAMAGED);
  assert_refused (jpeg_short_sof, sizeof jpeg_short_sof, RAHNUMA_PICTURE_HEADER_ERROR_DAMAGED);
  assert_refused (jpeg_dnl, sizeof jpeg_dnl, RAHNUMA_PICTURE_HEADER_ERROR_DAMAGED);
  assert_refused (gif, sizeof gif, RAHNUMA_PICTURE_HEADER_ERROR_UNKNOWN_FORMAT);
  assert_refused (NULL, 0, RAHNUMA_PICTURE_HEADER_ERROR_UNKNOWN_FORMAT);
}

static void
test_unreadable (void)
{
  g_autofree char *path = tmp_path ("no-such.png");
  g_autoptr(GError) error = NULL;

  g_assert_false (rahnuma_picture_check_file (path, &error));
  g_assert_error (error, RAHNUMA_PICTURE_HEADER_ERROR, RAHNUMA_PICTURE_HEADER_ERROR_IO);
}

/* Either way round: portrait and landscape get the same limit. */
static void
test_limits (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rahnuma_media_check_size (RAHNUMA_MEDIA_PICTURE, 4096, 3072, NULL));
  g_assert_true (rahnuma_media_check_size (RAHNUMA_MEDIA_PICTURE, 3072, 4096, NULL));
  g_assert_false (rahnuma_media_check_size (RAHNUMA_MEDIA_PICTURE, 4097, 1, NULL));
  g_assert_false (rahnuma_media_check_size (RAHNUMA_MEDIA_PICTURE, 1, 4097, NULL));
  g_assert_false (rahnuma_media_check_size (RAHNUMA_MEDIA_PICTURE, 3073, 3073, NULL));
  g_assert_true (rahnuma_media_check_size (RAHNUMA_MEDIA_VIDEO, 1920, 1080, NULL));
  g_assert_true (rahnuma_media_check_size (RAHNUMA_MEDIA_VIDEO, 1080, 1920, NULL));
  g_assert_false (rahnuma_media_check_size (RAHNUMA_MEDIA_VIDEO, 1921, 100, NULL));
  g_assert_false (rahnuma_media_check_size (RAHNUMA_MEDIA_VIDEO, 3840, 2160, &error));
  g_assert_error (error, RAHNUMA_PICTURE_HEADER_ERROR, RAHNUMA_PICTURE_HEADER_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "3840 × 2160"));
  g_assert_nonnull (strstr (error->message, "1920 × 1080"));
  g_assert_true (rahnuma_media_check_size (RAHNUMA_MEDIA_AUDIO, G_MAXUINT, G_MAXUINT, NULL));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = rahnuma_test_make_tmpdir ("rahnuma-picture-XXXXXX");

  g_test_add_func ("/rahnuma/picture-header/png-size", test_png_size);
  g_test_add_func ("/rahnuma/picture-header/huge-png", test_huge_png);
  g_test_add_func ("/rahnuma/picture-header/jpeg", test_jpeg);
  g_test_add_func ("/rahnuma/picture-header/jpeg-late-size", test_jpeg_late_size);
  g_test_add_func ("/rahnuma/picture-header/damaged", test_damaged);
  g_test_add_func ("/rahnuma/picture-header/unreadable", test_unreadable);
  g_test_add_func ("/rahnuma/picture-header/limits", test_limits);

  status = g_test_run ();
  rahnuma_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
