/* test-player.c — RahnumaPlayer on real pipelines and generated media
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "media-fixtures.h"
#include "picture-fixtures.h"
#include "player-scene.h"
#include "rahnuma-player.h"
#include "rahnuma-video-paintable.h"
#include "rahnuma-watched.h"

#include <gst/gst.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#define VIDEO_MS      1500
#define LONG_VIDEO_MS 4000
#define NARRATION_MS  1000
#define VIDEO_WIDTH   160
#define VIDEO_HEIGHT  120
#define PICTURE_WIDTH 64
#define PICTURE_HEIGHT 48

static struct
{
  char *dir;
  char *video;
  char *long_video;
  char *picture;
  char *narration;
  char *garbage;
  char *silent_video;
  char *jpeg;
} media;

static void
assert_near_ns (gint64 value, gint64 expected, gint64 tolerance)
{
  g_assert_cmpint (value, >=, expected - tolerance);
  g_assert_cmpint (value, <=, expected + tolerance);
}

static void
test_watched_union (void)
{
  g_autoptr(RahnumaWatched) watched = rahnuma_watched_new ();

  rahnuma_watched_add (watched, 0, 100);
  rahnuma_watched_add (watched, 50, 150);   /* overlaps: 0–150 */
  g_assert_cmpint (rahnuma_watched_total (watched), ==, 150);
  rahnuma_watched_add (watched, 300, 400);  /* apart */
  g_assert_cmpint (rahnuma_watched_total (watched), ==, 250);
  rahnuma_watched_add (watched, 0, 150);    /* again: counts once */
  g_assert_cmpint (rahnuma_watched_total (watched), ==, 250);
  rahnuma_watched_add (watched, 140, 310);  /* bridges both: 0–400 */
  g_assert_cmpint (rahnuma_watched_total (watched), ==, 400);
  rahnuma_watched_add (watched, 500, 500);  /* empty */
  rahnuma_watched_add (watched, 600, 550);  /* backwards */
  g_assert_cmpint (rahnuma_watched_total (watched), ==, 400);
  rahnuma_watched_clear (watched);
  g_assert_cmpint (rahnuma_watched_total (watched), ==, 0);
}

static GstSample *
make_sample (int width, int height, const char *par)
{
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GstBuffer) buffer = gst_buffer_new_allocate (NULL, (gsize) width * height * 4, NULL);

  caps = gst_caps_new_simple ("video/x-raw",
                              "format", G_TYPE_STRING, "RGBA",
                              "width", G_TYPE_INT, width,
                              "height", G_TYPE_INT, height,
                              "framerate", GST_TYPE_FRACTION, 0, 1,
                              NULL);
  if (par != NULL)
    {
      int n, d;

      g_assert_cmpint (sscanf (par, "%d/%d", &n, &d), ==, 2);
      gst_caps_set_simple (caps, "pixel-aspect-ratio", GST_TYPE_FRACTION, n, d, NULL);
    }
  gst_buffer_memset (buffer, 0, 0x80, gst_buffer_get_size (buffer));
  return gst_sample_new (buffer, caps, NULL, NULL);
}

static void
on_invalidate_contents (GdkPaintable *paintable, guint *n_invalidations)
{
  (*n_invalidations)++;
}

static gpointer
queue_from_thread (gpointer data)
{
  RahnumaVideoPaintable *paintable = data;

  /* As an appsink would, from a streaming thread, faster than frames show. */
  for (int i = 1; i <= 3; i++)
    {
      g_autoptr(GstSample) sample = make_sample (8 * i, 4 * i, NULL);

      rahnuma_video_paintable_queue_sample (paintable, sample);
    }
  return NULL;
}

static void
test_paintable_coalesces (void)
{
  RahnumaVideoPaintable *paintable = rahnuma_video_paintable_new ();
  g_autoptr(GstSample) sample = NULL;
  guint n_invalidations = 0;
  GThread *thread;

  g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (on_invalidate_contents),
                    &n_invalidations);
  thread = g_thread_new ("streaming", queue_from_thread, paintable);
  g_thread_join (thread);
  g_assert_cmpuint (n_invalidations, ==, 0); /* shown from the main loop only */
  run_for_ms (50);

  /* Three frames queued before the main loop ran: one shown, the newest. */
  g_assert_cmpuint (n_invalidations, ==, 1);
  g_assert_cmpuint (rahnuma_video_paintable_get_n_frames (paintable), ==, 1);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (paintable)), ==, 24);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (GDK_PAINTABLE (paintable)), ==, 12);

  /* The same buffer again (preroll, then render) is not a new frame. */
  sample = make_sample (16, 16, NULL);
  rahnuma_video_paintable_queue_sample (paintable, sample);
  run_for_ms (50);
  rahnuma_video_paintable_queue_sample (paintable, sample);
  run_for_ms (50);
  g_assert_cmpuint (rahnuma_video_paintable_get_n_frames (paintable), ==, 2);

  /* A frame queued and then cleared never shows. */
  g_clear_pointer (&sample, gst_sample_unref);
  sample = make_sample (4, 4, NULL);
  rahnuma_video_paintable_queue_sample (paintable, sample);
  rahnuma_video_paintable_clear (paintable);
  run_for_ms (50);
  g_assert_null (rahnuma_video_paintable_get_texture (paintable));
  g_assert_cmpuint (rahnuma_video_paintable_get_n_frames (paintable), ==, 2);
  g_assert_finalize_object (paintable);
}

static void
test_paintable_aspect (void)
{
  RahnumaVideoPaintable *paintable = rahnuma_video_paintable_new ();
  g_autoptr(GstSample) sample = make_sample (100, 50, "2/1");
  GdkTexture *texture;

  rahnuma_video_paintable_queue_sample (paintable, sample);
  run_for_ms (50);
  texture = rahnuma_video_paintable_get_texture (paintable);
  g_assert_nonnull (texture);
  /* The texture is the frame as stored; the size GTK lays out is as seen. */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 100);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (paintable)), ==, 200);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (GDK_PAINTABLE (paintable)), ==, 50);
  g_assert_cmpfloat_with_epsilon (gdk_paintable_get_intrinsic_aspect_ratio (GDK_PAINTABLE (paintable)),
                                  4.0, 0.001);
  g_assert_finalize_object (paintable);
}

static guint32
first_pixel (RahnumaVideoPaintable *paintable)
{
  GdkTexture *texture = rahnuma_video_paintable_get_texture (paintable);
  guint32 pixels[4 * 4];

  g_assert_nonnull (texture);
  gdk_texture_download (texture, (guchar *) pixels, 4 * sizeof (guint32));
  return pixels[0];
}

/* Every byte of the sample is 0x80: half-transparent grey. */
static void
test_paintable_alpha (void)
{
  RahnumaVideoPaintable *paintable = rahnuma_video_paintable_new ();
  g_autoptr(GstSample) video = make_sample (4, 4, NULL);
  g_autoptr(GstSample) picture = make_sample (4, 4, NULL);

  /* Video frames are read as premultiplied (they are opaque in practice). */
  rahnuma_video_paintable_queue_sample (paintable, video);
  run_for_ms (50);
  g_assert_cmphex (first_pixel (paintable), ==, 0x80808080);

  /* A picture's alpha is straight: GTK premultiplies it. */
  rahnuma_video_paintable_set_premultiplied (paintable, FALSE);
  rahnuma_video_paintable_queue_sample (paintable, picture);
  run_for_ms (50);
  g_assert_cmphex (first_pixel (paintable), ==, 0x80404040);
  g_assert_finalize_object (paintable);
}

static void
test_play_to_end (void)
{
  Scene *scene = scene_new ();
  RahnumaPlayer *player = scene->player;
  gint64 duration;

  rahnuma_player_open_video (player, media.video, NULL);
  g_assert_cmpint (rahnuma_player_get_state (player), ==, RAHNUMA_PLAYER_LOADING);
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);

  g_assert_no_error (scene->error);
  g_assert_cmpuint (scene->n_finished, ==, 1);
  g_assert_true (states_include (scene, RAHNUMA_PLAYER_PLAYING));
  g_assert_cmpint (rahnuma_player_get_state (player), ==, RAHNUMA_PLAYER_FINISHED);
  duration = rahnuma_player_get_duration (player);
  assert_near_ns (duration, VIDEO_MS * GST_MSECOND, 100 * GST_MSECOND);
  g_assert_cmpint (rahnuma_player_get_position (player), ==, duration);
  g_assert_cmpint (rahnuma_player_get_watched (player), >=, duration * 9 / 10);
  g_assert_cmpint (rahnuma_player_get_watched (player), <=, duration);
  g_assert_cmpfloat (rahnuma_player_get_watched_fraction (player), >=, 0.9);
  /* The progress bar moved while it played. */
  g_assert_cmpuint (scene->n_position_notifies, >, 2);
  scene_free (scene);
}

static void
test_frames (void)
{
  Scene *scene = scene_new ();
  GdkPaintable *paintable = rahnuma_player_get_paintable (scene->player);
  RahnumaVideoPaintable *video = RAHNUMA_VIDEO_PAINTABLE (paintable);
  g_autoptr(GdkPaintable) image = NULL;
  GdkTexture *texture;

  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 0);
  rahnuma_player_open_video (scene->player, media.video, NULL);
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);

  texture = rahnuma_video_paintable_get_texture (video);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, VIDEO_WIDTH);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, VIDEO_HEIGHT);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, VIDEO_WIDTH);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, VIDEO_HEIGHT);
  g_assert_cmpfloat_with_epsilon (gdk_paintable_get_intrinsic_aspect_ratio (paintable),
                                  (double) VIDEO_WIDTH / VIDEO_HEIGHT, 0.001);
  image = gdk_paintable_get_current_image (paintable);
  g_assert_true (GDK_IS_TEXTURE (image));
  /* A moving picture: more than the first frame arrived (frames that come
   * faster than the main loop runs are coalesced, so no more is promised). */
  g_assert_cmpuint (rahnuma_video_paintable_get_n_frames (video), >, 1);

  /* A new scene does not start on the old scene's last frame. */
  rahnuma_player_open_video (scene->player, media.long_video, NULL);
  g_assert_null (rahnuma_video_paintable_get_texture (video));
  scene_free (scene);
}

static void
test_pause_resume (void)
{
  Scene *scene = scene_new ();
  RahnumaPlayer *player = scene->player;
  gint64 paused_at;

  rahnuma_player_open_video (player, media.video, NULL);
  WAIT_UNTIL (rahnuma_player_get_position (player) >= 300 * GST_MSECOND);
  rahnuma_player_pause (player);
  WAIT_UNTIL (rahnuma_player_get_state (player) == RAHNUMA_PLAYER_PAUSED);
  paused_at = rahnuma_player_get_position (player);

  run_for_ms (300);
  g_assert_cmpint (rahnuma_player_get_state (player), ==, RAHNUMA_PLAYER_PAUSED);
  assert_near_ns (rahnuma_player_get_position (player), paused_at, 40 * GST_MSECOND);
  g_assert_cmpuint (scene->n_finished, ==, 0);

  rahnuma_player_play (player);
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);
  g_assert_cmpint (rahnuma_player_get_watched (player), >=,
                   rahnuma_player_get_duration (player) * 9 / 10);
  scene_free (scene);
}

/* The kiosk may pause a scene before it has even started. */
static void
test_pause_while_loading (void)
{
  Scene *scene = scene_new ();
  RahnumaPlayer *player = scene->player;

  rahnuma_player_open_video (player, media.video, NULL);
  rahnuma_player_pause (player);
  WAIT_UNTIL (rahnuma_player_get_state (player) == RAHNUMA_PLAYER_PAUSED
              || scene->error != NULL);
  g_assert_no_error (scene->error);
  g_assert_false (states_include (scene, RAHNUMA_PLAYER_PLAYING));
  g_assert_cmpint (rahnuma_player_get_position (player), ==, 0);
  g_assert_cmpint (rahnuma_player_get_duration (player), >, 0);

  /* Moving while paused stays paused, and lands where asked. */
  rahnuma_player_seek_by (player, 500 * GST_MSECOND);
  WAIT_UNTIL (rahnuma_player_get_state (player) == RAHNUMA_PLAYER_PAUSED);
  run_for_ms (200);
  g_assert_cmpint (rahnuma_player_get_state (player), ==, RAHNUMA_PLAYER_PAUSED);
  g_assert_cmpint (rahnuma_player_get_position (player), ==, 500 * GST_MSECOND);

  rahnuma_player_play (player);
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);
  /* The first half second was skipped, not watched. */
  g_assert_cmpint (rahnuma_player_get_watched (player), <=,
                   rahnuma_player_get_duration (player) - 400 * GST_MSECOND);
  scene_free (scene);
}

static void
test_seek_ahead_not_watched (void)
{
  Scene *scene = scene_new ();
  RahnumaPlayer *player = scene->player;
  gint64 duration, watched;

  rahnuma_player_open_video (player, media.long_video, NULL);
  WAIT_UNTIL (rahnuma_player_get_position (player) >= 500 * GST_MSECOND);
  rahnuma_player_seek_by (player, 2500 * GST_MSECOND);
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);

  duration = rahnuma_player_get_duration (player);
  watched = rahnuma_player_get_watched (player);
  assert_near_ns (duration, LONG_VIDEO_MS * GST_MSECOND, 100 * GST_MSECOND);
  /* Played about 0.5 s, skipped 2.5 s, played the last second or so. */
  g_assert_cmpint (watched, <=, duration - 2000 * GST_MSECOND);
  g_assert_cmpint (watched, >=, 1000 * GST_MSECOND);
  g_assert_cmpfloat (rahnuma_player_get_watched_fraction (player), <, 0.6);
  scene_free (scene);
}

static void
test_seek_back_counts_once (void)
{
  Scene *scene = scene_new ();
  RahnumaPlayer *player = scene->player;
  gint64 duration;

  rahnuma_player_open_video (player, media.video, NULL);
  WAIT_UNTIL (rahnuma_player_get_position (player) >= 800 * GST_MSECOND);
  rahnuma_player_seek_by (player, -10 * GST_SECOND); /* "back 10 s": clamps at 0 */
  g_assert_cmpint (rahnuma_player_get_position (player), ==, 0);
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);

  duration = rahnuma_player_get_duration (player);
  g_assert_cmpint (rahnuma_player_get_watched (player), >=, duration * 9 / 10);
  g_assert_cmpint (rahnuma_player_get_watched (player), <=, duration);
  scene_free (scene);
}

static void
test_replay (void)
{
  Scene *scene = scene_new ();
  RahnumaPlayer *player = scene->player;

  rahnuma_player_open_video (player, media.video, NULL);
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);

  g_array_set_size (scene->states, 0);
  rahnuma_player_replay (player);
  WAIT_UNTIL (scene->n_finished > 1 || scene->error != NULL);
  g_assert_no_error (scene->error);
  g_assert_true (states_include (scene, RAHNUMA_PLAYER_PLAYING));
  g_assert_cmpint (rahnuma_player_get_state (player), ==, RAHNUMA_PLAYER_FINISHED);
  /* Watching again adds nothing. */
  g_assert_cmpint (rahnuma_player_get_watched (player), <=,
                   rahnuma_player_get_duration (player));
  scene_free (scene);
}

/* The lesson's and the hall's one button: a scene loading or playing
 * pauses, a paused one plays on, a finished one plays again. */
static void
test_play_pause (void)
{
  Scene *scene = scene_new ();
  RahnumaPlayer *player = scene->player;

  rahnuma_player_open_video (player, media.video, NULL);
  g_assert_true (rahnuma_player_play_pause (player));
  WAIT_UNTIL (rahnuma_player_get_state (player) == RAHNUMA_PLAYER_PAUSED || scene->error != NULL);
  g_assert_no_error (scene->error);
  g_assert_false (states_include (scene, RAHNUMA_PLAYER_PLAYING));

  g_assert_false (rahnuma_player_play_pause (player));
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);
  g_assert_true (states_include (scene, RAHNUMA_PLAYER_PLAYING));

  g_array_set_size (scene->states, 0);
  g_assert_false (rahnuma_player_play_pause (player));
  WAIT_UNTIL (scene->n_finished > 1 || scene->error != NULL);
  g_assert_no_error (scene->error);
  g_assert_true (states_include (scene, RAHNUMA_PLAYER_PLAYING));
  scene_free (scene);
}

/* A lesson's scene opens as what it is, with its narration in the language
 * asked for or the one heard instead (Pashto hears Urdu). */
static void
test_open_scene (void)
{
  g_autofree char *picture = g_path_get_basename (media.picture);
  g_autofree char *video = g_path_get_basename (media.video);
  g_autofree char *narration = g_path_get_basename (media.narration);
  g_autofree char *module_dir = g_build_filename (media.dir, "scene-module", NULL);
  g_autofree char *ini_path = g_build_filename (module_dir, "module.ini", NULL);
  g_autofree char *ini = NULL;
  g_autoptr(RahnumaModule) module = NULL;
  g_autoptr(GError) error = NULL;
  Scene *scene = scene_new ();
  GdkPaintable *paintable = rahnuma_player_get_paintable (scene->player);
  const char *heard = "none";

  ini = g_strdup_printf ("[Module]\nId=scene-module\nVersion=1\nTitle=Scenes\n\n"
                         "[Scene 1]\nPicture=../%s\nCaption=A picture.\nNarration[ur]=../%s\n\n"
                         "[Scene 2]\nVideo=../%s\nCaption=A video.\n\n"
                         "[Question 1]\nText=Which?\nChoice1=This\nChoice2=That\nCorrect=1\n",
                         picture, narration, video);
  g_assert_cmpint (g_mkdir_with_parents (module_dir, 0755), ==, 0);
  g_file_set_contents (ini_path, ini, -1, &error);
  g_assert_no_error (error);
  module = rahnuma_module_new_from_dir (module_dir, &error);
  g_assert_no_error (error);

  rahnuma_player_open_scene (scene->player, rahnuma_module_get_scene (module, 0), "ur", "ps", &heard);
  g_assert_cmpstr (heard, ==, "ur");
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);
  assert_near_ns (rahnuma_player_get_duration (scene->player), NARRATION_MS * GST_MSECOND, 100 * GST_MSECOND);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, PICTURE_WIDTH);

  rahnuma_player_open_scene (scene->player, rahnuma_module_get_scene (module, 1), "ur", "ur", &heard);
  g_assert_null (heard);
  WAIT_UNTIL (scene->n_finished > 1 || scene->error != NULL);
  g_assert_no_error (scene->error);
  assert_near_ns (rahnuma_player_get_duration (scene->player), VIDEO_MS * GST_MSECOND, 100 * GST_MSECOND);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, VIDEO_WIDTH);
  scene_free (scene);
}

static void
test_damaged_then_good (void)
{
  Scene *scene = scene_new ();
  RahnumaPlayer *player = scene->player;

  rahnuma_player_open_video (player, media.garbage, NULL);
  WAIT_UNTIL (scene->error != NULL || scene->n_finished > 0);
  g_assert_error (scene->error, RAHNUMA_PLAYER_ERROR, RAHNUMA_PLAYER_ERROR_DAMAGED);
  g_assert_nonnull (strstr (scene->error->message, "broken.webm"));
  g_assert_cmpint (rahnuma_player_get_state (player), ==, RAHNUMA_PLAYER_STOPPED);
  g_clear_error (&scene->error);

  /* The same player goes on with the next scene. */
  rahnuma_player_open_video (player, media.video, NULL);
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);
  g_assert_cmpint (rahnuma_player_get_state (player), ==, RAHNUMA_PLAYER_FINISHED);
  scene_free (scene);
}

static void
test_missing (void)
{
  Scene *scene = scene_new ();
  g_autofree char *path = g_build_filename (media.dir, "missing.webm", NULL);

  rahnuma_player_open_video (scene->player, path, NULL);
  /* Reported from the main loop, not from inside open(). */
  g_assert_null (scene->error);
  WAIT_UNTIL (scene->error != NULL || scene->n_finished > 0);
  g_assert_error (scene->error, RAHNUMA_PLAYER_ERROR, RAHNUMA_PLAYER_ERROR_MISSING);
  g_assert_nonnull (strstr (scene->error->message, "missing.webm"));
  g_assert_cmpint (rahnuma_player_get_state (scene->player), ==, RAHNUMA_PLAYER_STOPPED);

  g_clear_error (&scene->error);
  rahnuma_player_open_picture (scene->player, path, media.narration);
  WAIT_UNTIL (scene->error != NULL || scene->n_finished > 0);
  g_assert_error (scene->error, RAHNUMA_PLAYER_ERROR, RAHNUMA_PLAYER_ERROR_MISSING);
  scene_free (scene);
}

/* A 30000 × 30000 PNG is refused from its header: no pipeline, no frame,
 * no gigabytes; a picture that is not PNG or JPEG is not decoded either.
 * The same player then shows a good picture. */
static void
test_huge_picture (void)
{
  Scene *scene = scene_new ();
  RahnumaPlayer *player = scene->player;
  GdkPaintable *paintable = rahnuma_player_get_paintable (player);
  g_autofree char *huge = g_build_filename (media.dir, "huge.png", NULL);
  struct rusage usage;

  rahnuma_fixture_write_huge_png (huge, 30000, 30000);
  rahnuma_player_open_picture (player, huge, media.narration);
  WAIT_UNTIL (scene->error != NULL || scene->n_finished > 0);
  g_assert_error (scene->error, RAHNUMA_PLAYER_ERROR, RAHNUMA_PLAYER_ERROR_TOO_LARGE);
  g_test_message ("%s", scene->error->message);
  g_assert_nonnull (strstr (scene->error->message, "huge.png"));
  g_assert_nonnull (strstr (scene->error->message, "30000 × 30000"));
  g_assert_cmpint (rahnuma_player_get_state (player), ==, RAHNUMA_PLAYER_STOPPED);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 0);
  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  g_assert_cmpint (usage.ru_maxrss, <, 384 * 1024);
  g_clear_error (&scene->error);

  rahnuma_player_open_picture (player, media.garbage, NULL);
  WAIT_UNTIL (scene->error != NULL || scene->n_finished > 0);
  g_assert_error (scene->error, RAHNUMA_PLAYER_ERROR, RAHNUMA_PLAYER_ERROR_DAMAGED);
  g_clear_error (&scene->error);

  rahnuma_player_open_picture (player, media.picture, media.narration);
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, PICTURE_WIDTH);
  scene_free (scene);
}

static void
test_damaged_narration (void)
{
  Scene *scene = scene_new ();

  rahnuma_player_open_picture (scene->player, media.picture, media.garbage);
  WAIT_UNTIL (scene->error != NULL || scene->n_finished > 0);
  g_assert_error (scene->error, RAHNUMA_PLAYER_ERROR, RAHNUMA_PLAYER_ERROR_DAMAGED);
  /* The message names the file at fault, not the picture. */
  g_assert_nonnull (strstr (scene->error->message, "broken.webm"));
  scene_free (scene);
}

static void
test_picture_with_narration (void)
{
  Scene *scene = scene_new ();
  RahnumaPlayer *player = scene->player;
  GdkPaintable *paintable = rahnuma_player_get_paintable (player);

  rahnuma_player_open_picture (player, media.picture, media.narration);
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);

  assert_near_ns (rahnuma_player_get_duration (player), NARRATION_MS * GST_MSECOND,
                  100 * GST_MSECOND);
  g_assert_cmpint (rahnuma_player_get_watched (player), >=,
                   rahnuma_player_get_duration (player) * 9 / 10);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, PICTURE_WIDTH);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, PICTURE_HEIGHT);
  scene_free (scene);
}

static void
test_picture_without_narration (void)
{
  Scene *scene = scene_new ();
  RahnumaPlayer *player = scene->player;
  g_autofree char *missing = g_build_filename (media.dir, "no-narration.ogg", NULL);

  g_assert_cmpuint (RAHNUMA_PLAYER_PICTURE_TIME_MS, >=, 3000);
  g_object_set (player, "picture-time", 400, NULL);

  rahnuma_player_open_picture (player, media.picture, NULL);
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);
  g_assert_cmpint (rahnuma_player_get_duration (player), ==, 400 * GST_MSECOND);
  g_assert_cmpint (rahnuma_player_get_watched (player), >=, 360 * GST_MSECOND);
  g_assert_nonnull (rahnuma_video_paintable_get_texture (RAHNUMA_VIDEO_PAINTABLE (
    rahnuma_player_get_paintable (player))));

  /* Narration named but not there: the visitor still gets the picture. */
  rahnuma_player_open_picture (player, media.picture, missing);
  WAIT_UNTIL (scene->n_finished > 1 || scene->error != NULL);
  g_assert_no_error (scene->error);
  g_assert_cmpint (rahnuma_player_get_duration (player), ==, 400 * GST_MSECOND);

  /* Replay a timed picture: its timeline starts again and ends again. */
  rahnuma_player_replay (player);
  WAIT_UNTIL (scene->n_finished > 2 || scene->error != NULL);
  g_assert_no_error (scene->error);
  scene_free (scene);
}

static void
test_video_with_narration (void)
{
  Scene *scene = scene_new ();
  RahnumaPlayer *player = scene->player;

  rahnuma_player_open_video (player, media.long_video, media.narration);
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);
  /* The scene lasts as long as its video, not its shorter narration. */
  assert_near_ns (rahnuma_player_get_duration (player), LONG_VIDEO_MS * GST_MSECOND,
                  100 * GST_MSECOND);
  scene_free (scene);
}

/* No sound track and no narration: nothing waits for audio that never comes. */
static void
test_video_without_sound (void)
{
  Scene *scene = scene_new ();
  RahnumaPlayer *player = scene->player;

  rahnuma_player_open_video (player, media.silent_video, NULL);
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);
  assert_near_ns (rahnuma_player_get_duration (player), VIDEO_MS * GST_MSECOND,
                  100 * GST_MSECOND);
  g_assert_cmpint (rahnuma_player_get_watched (player), >=,
                   rahnuma_player_get_duration (player) * 9 / 10);
  scene_free (scene);
}

static void
test_jpeg_picture (void)
{
  Scene *scene = scene_new ();
  GdkPaintable *paintable = rahnuma_player_get_paintable (scene->player);

  rahnuma_player_open_picture (scene->player, media.jpeg, media.narration);
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, PICTURE_WIDTH);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, PICTURE_HEIGHT);
  scene_free (scene);
}

/* A phone photo stored landscape with EXIF "turn 90°" is shown portrait. */
static void
test_jpeg_exif_upright (void)
{
  Scene *scene = scene_new ();
  GdkPaintable *paintable = rahnuma_player_get_paintable (scene->player);
  g_autofree char *photo = rahnuma_fixture_jpeg_exif (media.dir, "photo.jpg", PICTURE_WIDTH, PICTURE_HEIGHT, 6);

  rahnuma_player_open_picture (scene->player, photo, media.narration);
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, PICTURE_HEIGHT);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, PICTURE_WIDTH);
  scene_free (scene);
}

static void
play_without_device (const char *factory)
{
  Scene *scene = scene_new_with (g_object_new (RAHNUMA_TYPE_PLAYER,
                                               "audio-sink-factory", factory,
                                               NULL));
  RahnumaPlayer *player = scene->player;
  gint64 started = g_get_monotonic_time ();

  rahnuma_player_open_video (player, media.video, NULL);
  g_assert_false (rahnuma_player_get_has_audio (player));
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);
  /* Silently, but at the pace of the scene, not as fast as it decodes. */
  g_assert_cmpint ((g_get_monotonic_time () - started) * GST_USECOND, >=,
                   rahnuma_player_get_duration (player) * 8 / 10);
  scene_free (scene);
}

static void
test_no_audio_device (void)
{
  /* filesink without a location cannot start, like a sound card that is gone. */
  play_without_device ("filesink");
  play_without_device ("no-such-audio-sink");
}

static void
test_many_scenes (void)
{
  Scene *scene = scene_new ();

  /* A visitor tapping through scenes faster than they load. */
  for (guint i = 0; i < 5; i++)
    {
      rahnuma_player_open_video (scene->player, media.video, NULL);
      run_for_ms (30 * i);
      rahnuma_player_open_picture (scene->player, media.picture, media.narration);
    }
  rahnuma_player_stop (scene->player);
  g_assert_cmpint (rahnuma_player_get_state (scene->player), ==, RAHNUMA_PLAYER_STOPPED);
  rahnuma_player_open_video (scene->player, media.video, NULL);
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);
  g_assert_cmpuint (scene->n_finished, ==, 1);
  scene_free (scene);
}

/* A regression guard, not a proof: stopping a scene while its pads were
 * still being linked used to deadlock now and then. */
static void
test_rapid_switching (void)
{
  Scene *scene = scene_new ();
  RahnumaPlayer *player = scene->player;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 60; i++)
    {
      switch (i % 4)
        {
        case 0:
          rahnuma_player_open_video (player, media.video, NULL);
          break;
        case 1:
          rahnuma_player_open_video (player, media.garbage, NULL);
          break;
        case 2:
          rahnuma_player_open_picture (player, media.picture, media.narration);
          break;
        default:
          rahnuma_player_open_video (player, media.long_video, media.narration);
          break;
        }
      run_for_ms (g_rand_int_range (rand, 0, 40));
      if (g_rand_boolean (rand))
        rahnuma_player_seek_by (player, 300 * GST_MSECOND);
    }
  g_clear_error (&scene->error);
  scene->n_finished = 0;
  rahnuma_player_open_video (player, media.video, NULL);
  WAIT_UNTIL (scene->n_finished > 0 || scene->error != NULL);
  g_assert_no_error (scene->error);
  scene_free (scene);
}

static void
make_media (void)
{
  media.dir = rahnuma_fixture_make_dir ();
  media.video = rahnuma_fixture_webm (media.dir, "scene.webm", VIDEO_MS,
                                      VIDEO_WIDTH, VIDEO_HEIGHT);
  media.long_video = rahnuma_fixture_webm (media.dir, "long.webm", LONG_VIDEO_MS,
                                           VIDEO_WIDTH, VIDEO_HEIGHT);
  media.picture = rahnuma_fixture_png (media.dir, "picture.png", PICTURE_WIDTH, PICTURE_HEIGHT);
  media.narration = rahnuma_fixture_opus (media.dir, "narration.ogg", NARRATION_MS);
  media.garbage = rahnuma_fixture_garbage (media.dir, "broken.webm");
  media.silent_video = rahnuma_fixture_webm_silent (media.dir, "silent.webm", VIDEO_MS);
  media.jpeg = rahnuma_fixture_jpeg (media.dir, "picture.jpg", PICTURE_WIDTH, PICTURE_HEIGHT);
}

static void
free_media (void)
{
  rahnuma_fixture_remove_dir (media.dir);
  g_free (media.dir);
  g_free (media.video);
  g_free (media.long_video);
  g_free (media.picture);
  g_free (media.narration);
  g_free (media.garbage);
  g_free (media.silent_video);
  g_free (media.jpeg);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);
  make_media ();

  g_test_add_func ("/rahnuma/player/watched-union", test_watched_union);
  g_test_add_func ("/rahnuma/player/paintable-coalesces", test_paintable_coalesces);
  g_test_add_func ("/rahnuma/player/paintable-aspect", test_paintable_aspect);
  g_test_add_func ("/rahnuma/player/paintable-alpha", test_paintable_alpha);
  g_test_add_func ("/rahnuma/player/play-to-end", test_play_to_end);
  g_test_add_func ("/rahnuma/player/frames", test_frames);
  g_test_add_func ("/rahnuma/player/pause-resume", test_pause_resume);
  g_test_add_func ("/rahnuma/player/pause-while-loading", test_pause_while_loading);
  g_test_add_func ("/rahnuma/player/seek-ahead-not-watched", test_seek_ahead_not_watched);
  g_test_add_func ("/rahnuma/player/seek-back-counts-once", test_seek_back_counts_once);
  g_test_add_func ("/rahnuma/player/replay", test_replay);
  g_test_add_func ("/rahnuma/player/play-pause", test_play_pause);
  g_test_add_func ("/rahnuma/player/open-scene", test_open_scene);
  g_test_add_func ("/rahnuma/player/damaged-then-good", test_damaged_then_good);
  g_test_add_func ("/rahnuma/player/missing", test_missing);
  g_test_add_func ("/rahnuma/player/damaged-narration", test_damaged_narration);
  g_test_add_func ("/rahnuma/player/huge-picture", test_huge_picture);
  g_test_add_func ("/rahnuma/player/picture-with-narration", test_picture_with_narration);
  g_test_add_func ("/rahnuma/player/picture-without-narration", test_picture_without_narration);
  g_test_add_func ("/rahnuma/player/video-with-narration", test_video_with_narration);
  g_test_add_func ("/rahnuma/player/video-without-sound", test_video_without_sound);
  g_test_add_func ("/rahnuma/player/jpeg-picture", test_jpeg_picture);
  g_test_add_func ("/rahnuma/player/jpeg-exif-upright", test_jpeg_exif_upright);
  g_test_add_func ("/rahnuma/player/no-audio-device", test_no_audio_device);
  g_test_add_func ("/rahnuma/player/many-scenes", test_many_scenes);
  g_test_add_func ("/rahnuma/player/rapid-switching", test_rapid_switching);

  status = g_test_run ();
  free_media ();
  gst_deinit ();
  return status;
}
