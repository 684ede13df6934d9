/* media-fixtures.c — small media files generated for the media tests
 *
 * Real files, made by real GStreamer pipelines into a temporary folder, so
 * the tests need nothing from the source tree and exercise real demuxers
 * and decoders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "media-fixtures.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gst/gst.h>

/* 20 ms of 48 kHz audio per buffer, so a duration is a whole number of them. */
#define SAMPLES_PER_BUFFER 960
#define BUFFERS_PER_SECOND 50
#define FRAMES_PER_SECOND  25

/* Runs a gst-launch @description to its end, failing the test on an error. */
void
rahnuma_fixture_launch (const char *description)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;

  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  bus = gst_element_get_bus (pipeline);
  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=,
                   GST_STATE_CHANGE_FAILURE);
  message = gst_bus_timed_pop_filtered (bus, GST_CLOCK_TIME_NONE,
                                        GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) gst_error = NULL;

      gst_message_parse_error (message, &gst_error, NULL);
      g_error ("Cannot make test media with “%s”: %s", description, gst_error->message);
    }
  gst_element_set_state (pipeline, GST_STATE_NULL);
}

char *
rahnuma_fixture_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rahnuma-media-XXXXXX", &error);

  g_assert_no_error (error);
  if (!gst_is_initialized ())
    gst_init (NULL, NULL);
  return dir;
}

void
rahnuma_fixture_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* A test-pattern video with a tone, VP8 + Opus in WebM. */
char *
rahnuma_fixture_webm (const char *dir,
                      const char *name,
                      guint       duration_ms,
                      guint       width,
                      guint       height)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *description = NULL;

  description = g_strdup_printf (
    "webmmux name=mux ! filesink location=\"%s\" "
    "videotestsrc num-buffers=%u pattern=ball "
    "! video/x-raw,width=%u,height=%u,framerate=%u/1 "
    "! vp8enc deadline=1 cpu-used=16 keyframe-max-dist=10 ! queue ! mux. "
    "audiotestsrc num-buffers=%u samplesperbuffer=%u "
    "! audio/x-raw,rate=48000,channels=1 ! opusenc ! queue ! mux.",
    path, duration_ms * FRAMES_PER_SECOND / 1000, width, height, FRAMES_PER_SECOND,
    duration_ms * BUFFERS_PER_SECOND / 1000, SAMPLES_PER_BUFFER);
  rahnuma_fixture_launch (description);
  return path;
}

/* A video without a sound track, as a trainer might make one. */
char *
rahnuma_fixture_webm_silent (const char *dir,
                             const char *name,
                             guint       duration_ms)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *description = NULL;

  description = g_strdup_printf (
    "videotestsrc num-buffers=%u ! video/x-raw,width=160,height=120,framerate=%u/1 "
    "! vp8enc deadline=1 cpu-used=16 ! webmmux ! filesink location=\"%s\"",
    duration_ms * FRAMES_PER_SECOND / 1000, FRAMES_PER_SECOND, path);
  rahnuma_fixture_launch (description);
  return path;
}

static char *
make_picture (const char *dir, const char *name, const char *encoder,
              guint width, guint height)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *description = NULL;

  description = g_strdup_printf (
    "videotestsrc num-buffers=1 ! video/x-raw,width=%u,height=%u "
    "! %s ! filesink location=\"%s\"", width, height, encoder, path);
  rahnuma_fixture_launch (description);
  return path;
}

char *
rahnuma_fixture_png (const char *dir,
                     const char *name,
                     guint       width,
                     guint       height)
{
  return make_picture (dir, name, "pngenc", width, height);
}

char *
rahnuma_fixture_jpeg (const char *dir,
                      const char *name,
                      guint       width,
                      guint       height)
{
  return make_picture (dir, name, "jpegenc", width, height);
}

/* A phone's photo: @width × @height pixels as stored, and an APP1 "Exif"
 * segment whose IFD0 has only Orientation = @orientation (EXIF 2.32, 4.6.4),
 * inserted right after the JPEG's start marker. */
char *
rahnuma_fixture_jpeg_exif (const char *dir,
                           const char *name,
                           guint       width,
                           guint       height,
                           guint       orientation)
{
  guint8 exif[] = { 0xff, 0xe1, 0, 34, 'E', 'x', 'i', 'f', 0, 0,
                    'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1,
                    0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 0, 0, 0,
                    0, 0, 0, 0 };
  g_autofree char *plain_name = g_strconcat ("plain-", name, NULL);
  g_autofree char *plain = rahnuma_fixture_jpeg (dir, plain_name, width, height);
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *bytes = NULL;
  g_autoptr(GByteArray) patched = g_byte_array_new ();
  gsize length;

  exif[29] = (guint8) orientation;
  g_assert_true (g_file_get_contents (plain, &bytes, &length, NULL));
  g_byte_array_append (patched, (guint8 *) bytes, 2);
  g_byte_array_append (patched, exif, sizeof exif);
  g_byte_array_append (patched, (guint8 *) bytes + 2, length - 2);
  g_assert_true (g_file_set_contents (path, (char *) patched->data, patched->len, NULL));
  return path;
}

/* Narration stand-in: a tone in Ogg Opus. */
char *
rahnuma_fixture_opus (const char *dir,
                      const char *name,
                      guint       duration_ms)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *description = NULL;

  description = g_strdup_printf (
    "audiotestsrc num-buffers=%u samplesperbuffer=%u "
    "! audio/x-raw,rate=48000,channels=1 ! opusenc ! oggmux ! filesink location=\"%s\"",
    duration_ms * BUFFERS_PER_SECOND / 1000, SAMPLES_PER_BUFFER, path);
  rahnuma_fixture_launch (description);
  return path;
}

/* A narration clip of @wave (an audiotestsrc wave: "sine", "silence", …)
 * at @volume (1.0 is full scale; more clips), in Ogg Opus. */
char *
rahnuma_fixture_tone (const char *dir,
                      const char *name,
                      const char *wave,
                      double      volume,
                      guint       duration_ms)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *description = NULL;
  char volume_text[G_ASCII_DTOSTR_BUF_SIZE];

  description = g_strdup_printf (
    "audiotestsrc wave=%s volume=1.0 num-buffers=%u samplesperbuffer=%u "
    "! audio/x-raw,format=F32LE,rate=48000,channels=1 ! volume volume=%s ! audioconvert "
    "! opusenc ! oggmux ! filesink location=\"%s\"",
    wave, duration_ms * BUFFERS_PER_SECOND / 1000, SAMPLES_PER_BUFFER,
    g_ascii_dtostr (volume_text, sizeof volume_text, volume), path);
  rahnuma_fixture_launch (description);
  return path;
}

/* A file whose name promises media but whose bytes are none. */
char *
rahnuma_fixture_garbage (const char *dir,
                         const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  guint8 bytes[4096];
  GRand *rand = g_rand_new_with_seed (4);

  for (gsize i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  g_file_set_contents (path, (const char *) bytes, sizeof bytes, &error);
  g_assert_no_error (error);
  return path;
}

gboolean
rahnuma_fixture_wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the default main context for @ms milliseconds. */
void
run_for_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  WAIT_UNTIL (g_get_monotonic_time () >= end);
}
