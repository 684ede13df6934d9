/* test-sound.c — RahnumaSound on real pipelines and generated clips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "media-fixtures.h"
#include "rahnuma-sound.h"

#include <gst/gst.h>
#include <math.h>
#include <string.h>

static struct
{
  char *dir;
  char *clip;
  char *long_clip;
  char *garbage;
} media;

static void
on_finished (RahnumaSound *sound, guint *n_finished)
{
  (*n_finished)++;
}

static RahnumaSound *
sound_new_counting (guint *n_finished, const char *factory)
{
  RahnumaSound *sound = g_object_new (RAHNUMA_TYPE_SOUND, "audio-sink-factory", factory, NULL);

  g_signal_connect (sound, "finished", G_CALLBACK (on_finished), n_finished);
  return sound;
}

static void
test_play (void)
{
  guint n_finished = 0;
  RahnumaSound *sound = sound_new_counting (&n_finished, NULL);

  g_assert_false (rahnuma_sound_is_playing (sound));
  rahnuma_sound_play_file (sound, media.clip);
  g_assert_true (rahnuma_sound_is_playing (sound));
  WAIT_UNTIL (n_finished > 0);
  g_assert_false (rahnuma_sound_is_playing (sound));

  /* The same sound plays the next clip. */
  rahnuma_sound_play_file (sound, media.clip);
  WAIT_UNTIL (n_finished > 1);
  run_for_ms (100);
  g_assert_cmpuint (n_finished, ==, 2);
  g_assert_finalize_object (sound);
}

static void
test_missing (void)
{
  guint n_finished = 0;
  RahnumaSound *sound = sound_new_counting (&n_finished, NULL);
  g_autofree char *path = g_build_filename (media.dir, "missing.ogg", NULL);

  rahnuma_sound_play_file (sound, path);
  /* Finished from the main loop, never from inside play_file(). */
  g_assert_cmpuint (n_finished, ==, 0);
  WAIT_UNTIL (n_finished > 0);
  g_assert_false (rahnuma_sound_is_playing (sound));
  g_assert_finalize_object (sound);
}

static void
test_damaged (void)
{
  guint n_finished = 0;
  RahnumaSound *sound = sound_new_counting (&n_finished, NULL);

  rahnuma_sound_play_file (sound, media.garbage);
  WAIT_UNTIL (n_finished > 0);
  g_assert_false (rahnuma_sound_is_playing (sound));

  rahnuma_sound_play_file (sound, media.clip);
  WAIT_UNTIL (n_finished > 1);
  g_assert_finalize_object (sound);
}

static void
test_replaces_previous (void)
{
  guint n_finished = 0;
  RahnumaSound *sound = sound_new_counting (&n_finished, NULL);

  /* The long clip is cut short by the next one and does not finish. */
  rahnuma_sound_play_file (sound, media.long_clip);
  run_for_ms (100);
  rahnuma_sound_play_file (sound, media.clip);
  WAIT_UNTIL (n_finished > 0);
  run_for_ms (300);
  g_assert_cmpuint (n_finished, ==, 1);

  rahnuma_sound_play_file (sound, media.long_clip);
  rahnuma_sound_stop (sound);
  g_assert_false (rahnuma_sound_is_playing (sound));
  run_for_ms (300);
  g_assert_cmpuint (n_finished, ==, 1);
  g_assert_finalize_object (sound);
}

/* A visitor tapping through prompts, some of them damaged: a regression
 * guard for a deadlock when a clip was stopped while still setting up. */
static void
test_rapid_switching (void)
{
  guint n_finished = 0;
  RahnumaSound *sound = sound_new_counting (&n_finished, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 60; i++)
    {
      rahnuma_sound_play_file (sound, (i % 3 == 0) ? media.garbage : media.long_clip);
      run_for_ms (g_rand_int_range (rand, 0, 40));
    }
  n_finished = 0;
  rahnuma_sound_play_file (sound, media.clip);
  WAIT_UNTIL (n_finished > 0);
  g_assert_finalize_object (sound);
}

static void
test_no_audio_device (void)
{
  guint n_finished = 0;
  RahnumaSound *sound = sound_new_counting (&n_finished, "filesink");
  gboolean has_audio = TRUE;

  rahnuma_sound_play_file (sound, media.clip);
  g_object_get (sound, "has-audio", &has_audio, NULL);
  g_assert_false (has_audio);
  WAIT_UNTIL (n_finished > 0);
  g_assert_finalize_object (sound);
}

/* A sink that measures what reaches it: the loudest sample of the clip,
 * as 32-bit floats. Registered as "rahnumapeaksink" for audio-sink-factory. */
#define TEST_TYPE_PEAK_SINK (test_peak_sink_get_type ())
G_DECLARE_FINAL_TYPE (TestPeakSink, test_peak_sink, TEST, PEAK_SINK, GstBin)

struct _TestPeakSink
{
  GstBin parent_instance;
};

G_DEFINE_FINAL_TYPE (TestPeakSink, test_peak_sink, GST_TYPE_BIN)

static GMutex peak_lock;
static double peak; /* guarded by peak_lock */

static GstPadProbeReturn
on_buffer (GstPad *pad, GstPadProbeInfo *info, gpointer user_data)
{
  GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER (info);
  GstMapInfo map;

  if (!gst_buffer_map (buffer, &map, GST_MAP_READ))
    return GST_PAD_PROBE_OK;
  g_mutex_lock (&peak_lock);
  for (gsize i = 0; i + sizeof (float) <= map.size; i += sizeof (float))
    {
      float sample;

      memcpy (&sample, map.data + i, sizeof sample);
      peak = MAX (peak, fabs (sample));
    }
  g_mutex_unlock (&peak_lock);
  gst_buffer_unmap (buffer, &map);
  return GST_PAD_PROBE_OK;
}

static void
test_peak_sink_class_init (TestPeakSinkClass *klass)
{
}

static void
test_peak_sink_init (TestPeakSink *self)
{
  GstElement *convert = gst_element_factory_make ("audioconvert", NULL);
  GstElement *filter = gst_element_factory_make ("capsfilter", NULL);
  /* Not a fakesink: the kiosk takes a sink with one inside for "no device". */
  GstElement *sink = gst_element_factory_make ("appsink", NULL);
  g_autoptr(GstCaps) caps = gst_caps_from_string ("audio/x-raw,format=F32LE");
  g_autoptr(GstPad) measured = NULL;
  g_autoptr(GstPad) pad = NULL;

  g_object_set (filter, "caps", caps, NULL);
  g_object_set (sink, "sync", FALSE, "drop", TRUE, "max-buffers", 1, "wait-on-eos", FALSE, NULL);
  gst_bin_add_many (GST_BIN (self), convert, filter, sink, NULL);
  g_assert_true (gst_element_link_many (convert, filter, sink, NULL));
  measured = gst_element_get_static_pad (filter, "src");
  gst_pad_add_probe (measured, GST_PAD_PROBE_TYPE_BUFFER, on_buffer, NULL, NULL);
  pad = gst_element_get_static_pad (convert, "sink");
  gst_element_add_pad (GST_ELEMENT (self), gst_ghost_pad_new ("sink", pad));
}

static double
peak_of_clip (RahnumaSound *sound, guint *n_finished)
{
  guint before = *n_finished;
  double result;

  g_mutex_lock (&peak_lock);
  peak = 0.0;
  g_mutex_unlock (&peak_lock);
  rahnuma_sound_play_file (sound, media.clip);
  WAIT_UNTIL (*n_finished > before);
  g_mutex_lock (&peak_lock);
  result = peak;
  g_mutex_unlock (&peak_lock);
  return result;
}

/* The volume really changes what is heard: the same clip at a quarter of
 * the volume peaks at a quarter of the level; a change reaches the next clip. */
static void
test_volume (void)
{
  guint n_finished = 0;
  RahnumaSound *sound = sound_new_counting (&n_finished, "rahnumapeaksink");
  double full, quarter, silent;

  g_assert_cmpfloat (rahnuma_sound_get_volume (sound), ==, 1.0);
  full = peak_of_clip (sound, &n_finished);
  g_assert_cmpfloat (full, >, 0.5); /* audiotestsrc's sine at 0.8 */

  rahnuma_sound_set_volume (sound, 0.25);
  g_assert_cmpfloat (rahnuma_sound_get_volume (sound), ==, 0.25);
  quarter = peak_of_clip (sound, &n_finished);
  g_assert_cmpfloat (fabs (quarter - full / 4), <, 0.02);

  rahnuma_sound_set_volume (sound, -1.0); /* clamped */
  g_assert_cmpfloat (rahnuma_sound_get_volume (sound), ==, 0.0);
  silent = peak_of_clip (sound, &n_finished);
  g_assert_cmpfloat (silent, <, 0.001);
  g_assert_finalize_object (sound);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);
  media.dir = rahnuma_fixture_make_dir ();
  media.clip = rahnuma_fixture_opus (media.dir, "clip.ogg", 400);
  media.long_clip = rahnuma_fixture_opus (media.dir, "long-clip.ogg", 3000);
  media.garbage = rahnuma_fixture_garbage (media.dir, "broken.ogg");

  g_assert_true (gst_element_register (NULL, "rahnumapeaksink", GST_RANK_NONE, TEST_TYPE_PEAK_SINK));

  g_test_add_func ("/rahnuma/sound/play", test_play);
  g_test_add_func ("/rahnuma/sound/volume", test_volume);
  g_test_add_func ("/rahnuma/sound/missing", test_missing);
  g_test_add_func ("/rahnuma/sound/damaged", test_damaged);
  g_test_add_func ("/rahnuma/sound/replaces-previous", test_replaces_previous);
  g_test_add_func ("/rahnuma/sound/no-audio-device", test_no_audio_device);
  g_test_add_func ("/rahnuma/sound/rapid-switching", test_rapid_switching);

  status = g_test_run ();
  rahnuma_fixture_remove_dir (media.dir);
  g_free (media.dir);
  g_free (media.clip);
  g_free (media.long_clip);
  g_free (media.garbage);
  gst_deinit ();
  return status;
}
