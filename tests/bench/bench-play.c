/* bench-play.c — the player against a bare playbin, in the same run
 *
 * play-to-first-frame: from open to the first frame held by the player's
 *   paintable (on the main thread, ready for GTK), against a bare playbin
 *   whose appsink (same caps, same audio sink) hands over its first sample.
 *   Median of N runs each, the two alternating so neither gets a warmer
 *   cache.
 * memory-after-200-plays: resident memory after 200 consecutive scenes
 *   played to their end, against the same after 10; a leak shows as a
 *   ratio well above 1.00x.
 *
 * Usage: bench-play [RUNS]   (default 21)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-util.h"
#include "media-fixtures.h"
#include "rahnuma-audio-sink.h"
#include "rahnuma-player.h"
#include "rahnuma-video-paintable.h"

#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <malloc.h>
#include <stdlib.h>
#include <unistd.h>

#define DEFAULT_RUNS   21
#define FEW_PLAYS      10
#define MANY_PLAYS     200

typedef struct
{
  GMutex lock;
  gint64 first_sample; /* monotonic µs, 0 until the first sample */
  GMainContext *context;
} Baseline;

/* ---- the player --------------------------------------------------------- */

static void
on_contents (GdkPaintable *paintable, gint64 *shown_at)
{
  if (*shown_at == 0)
    *shown_at = g_get_monotonic_time ();
}

static double
player_first_frame_ms (RahnumaPlayer *player, const char *video)
{
  GdkPaintable *paintable = rahnuma_player_get_paintable (player);
  gint64 shown_at = 0;
  gint64 started;
  gulong handler;

  handler = g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (on_contents),
                              &shown_at);
  started = g_get_monotonic_time ();
  rahnuma_player_open_video (player, video, NULL);
  WAIT_UNTIL (shown_at != 0
              && rahnuma_video_paintable_get_texture (RAHNUMA_VIDEO_PAINTABLE (paintable)));
  g_signal_handler_disconnect (paintable, handler);
  rahnuma_player_stop (player);
  return (shown_at - started) / 1000.0;
}

/* ---- the bare playbin --------------------------------------------------- */

static void
note_first_sample (Baseline *baseline)
{
  g_mutex_lock (&baseline->lock);
  if (baseline->first_sample == 0)
    baseline->first_sample = g_get_monotonic_time ();
  g_mutex_unlock (&baseline->lock);
  g_main_context_wakeup (baseline->context);
}

static GstFlowReturn
on_baseline_preroll (GstAppSink *appsink, gpointer data)
{
  g_autoptr(GstSample) sample = gst_app_sink_pull_preroll (appsink);

  note_first_sample (data);
  return GST_FLOW_OK;
}

static GstFlowReturn
on_baseline_sample (GstAppSink *appsink, gpointer data)
{
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (appsink);

  note_first_sample (data);
  return GST_FLOW_OK;
}

static gint64
baseline_first_sample (Baseline *baseline)
{
  gint64 first;

  g_mutex_lock (&baseline->lock);
  first = baseline->first_sample;
  g_mutex_unlock (&baseline->lock);
  return first;
}

static double
playbin_first_frame_ms (const char *uri)
{
  static GstAppSinkCallbacks callbacks = {
    .new_preroll = on_baseline_preroll,
    .new_sample = on_baseline_sample,
  };
  Baseline baseline = { .context = g_main_context_default () };
  g_autoptr(GstCaps) caps = gst_caps_from_string ("video/x-raw,format=(string){BGRA,RGBA}");
  GstElement *playbin, *appsink, *audio_sink;
  gboolean has_audio;
  gint64 started;

  g_mutex_init (&baseline.lock);
  started = g_get_monotonic_time ();
  playbin = gst_element_factory_make ("playbin", NULL);
  appsink = gst_element_factory_make ("appsink", NULL);
  g_object_set (appsink, "caps", caps, "sync", TRUE, "max-buffers", 1,
                "enable-last-sample", FALSE, NULL);
  gst_app_sink_set_callbacks (GST_APP_SINK (appsink), &callbacks, &baseline, NULL);
  /* The sink the player would choose, so only the pipelines differ. */
  audio_sink = rahnuma_audio_sink_make (NULL, &has_audio);
  g_object_set (playbin, "uri", uri, "video-sink", appsink, "audio-sink", audio_sink, NULL);
  gst_object_unref (audio_sink);
  gst_element_set_state (playbin, GST_STATE_PLAYING);
  WAIT_UNTIL (baseline_first_sample (&baseline) != 0);

  gst_element_set_state (playbin, GST_STATE_NULL);
  gst_object_unref (playbin);
  g_mutex_clear (&baseline.lock);
  return (baseline.first_sample - started) / 1000.0;
}

/* ---- memory ------------------------------------------------------------- */

static void
on_finished (RahnumaPlayer *player, guint *n_finished)
{
  (*n_finished)++;
}

static double
resident_mib (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  /* Freed memory glibc still holds is not a leak; give it back first. */
  malloc_trim (0);
  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL)
      || sscanf (statm, "%lu %lu", &size, &resident) != 2)
    g_error ("bench-play: cannot read /proc/self/statm");
  return (double) resident * sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static void
play_to_end (RahnumaPlayer *player, const char *video, guint *n_finished)
{
  guint before = *n_finished;

  rahnuma_player_open_video (player, video, NULL);
  WAIT_UNTIL (*n_finished > before);
}

/* ---- main --------------------------------------------------------------- */

static void
bench_first_frame (const char *video, guint runs)
{
  g_autoptr(RahnumaPlayer) player = rahnuma_player_new ();
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *uri = gst_filename_to_uri (video, NULL);
  double value, baseline;

  /* Warm up both: plugin loading and disk cache are not what we measure. */
  player_first_frame_ms (player, video);
  playbin_first_frame_ms (uri);
  for (guint i = 0; i < runs; i++)
    {
      value = player_first_frame_ms (player, video);
      g_array_append_val (ours, value);
      value = playbin_first_frame_ms (uri);
      g_array_append_val (bare, value);
    }
  value = bench_median (ours);
  baseline = bench_median (bare);
  g_print ("%-26s %8.2f ms %8.2f ms  %.2fx\n", "play-to-first-frame", value, baseline,
           value / baseline);
}

static void
bench_memory (const char *video)
{
  RahnumaPlayer *player = rahnuma_player_new ();
  guint n_finished = 0;
  double few, many;

  g_signal_connect (player, "finished", G_CALLBACK (on_finished), &n_finished);
  for (guint i = 0; i < FEW_PLAYS; i++)
    play_to_end (player, video, &n_finished);
  few = resident_mib ();
  for (guint i = FEW_PLAYS; i < MANY_PLAYS; i++)
    play_to_end (player, video, &n_finished);
  many = resident_mib ();
  g_object_unref (player);
  g_print ("%-26s %8.2f MiB %7.2f MiB  %.2fx\n", "memory-after-200-plays", many, few,
           many / few);
}

int
main (int argc, char *argv[])
{
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : DEFAULT_RUNS;
  g_autofree char *dir = NULL;
  g_autofree char *video = NULL;
  g_autofree char *short_video = NULL;

  gst_init (&argc, &argv);
  if (runs == 0)
    runs = DEFAULT_RUNS;
  dir = rahnuma_fixture_make_dir ();
  video = rahnuma_fixture_webm (dir, "bench.webm", 2000, 640, 360);
  short_video = rahnuma_fixture_webm (dir, "short.webm", 200, 320, 180);

  g_print ("%-26s %11s %11s  %s\n", "# benchmark", "value", "baseline", "ratio");
  bench_first_frame (video, runs);
  bench_memory (short_video);

  rahnuma_fixture_remove_dir (dir);
  gst_deinit ();
  return EXIT_SUCCESS;
}
