/* test-player-stress.c — what a visitor can do while a scene is loading,
 * many times over, several players at once, with and without an audio
 * device (issue 22)
 *
 * Each round opens a scene on every player (a video, a video with
 * narration, a picture with narration, a picture alone), lets the main
 * loop run for a random 0–25 ms — inside or just after preroll — and then
 * does one thing to each: pause, stop, seek, replay, pause and play again,
 * seek and pause. Every player must then settle where the visitor asked,
 * without an error, and stay there; the first player that does not fails
 * the test with the round, the action, the scene and the audio sink. A
 * RahnumaSound per sink plays and stops clips the same way.
 *
 * RAHNUMA_STRESS_ROUNDS sets the number of rounds (default 40);
 * tests/run-all also runs several of these processes at once, on the
 * sanitizer build, while the rest of the suite loads the machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "media-fixtures.h"
#include "player-scene.h"
#include "rahnuma-sound.h"

#include <gst/base/gstbasesink.h>
#include <gst/gst.h>

#define DEFAULT_ROUNDS 40
#define VIDEO_MS       1500
#define NARRATION_MS   1000
#define SEEK_MS        500

typedef enum
{
  ACT_PAUSE,
  ACT_STOP,
  ACT_SEEK,
  ACT_REPLAY,
  ACT_PAUSE_PLAY,
  ACT_SEEK_PAUSE,
  N_ACTS
} Act;

static const char *act_names[N_ACTS] = {
  "pause", "stop", "seek", "replay", "pause and play", "seek and pause",
};

/* A sound card that works: a base sink, which keeps the clock (sync) as a
 * device does, so a scene lasts as long as its sound. CI machines have no
 * sound card, and fakesink does not sync by default. */
#define TEST_AUDIO_SINK "rahnumatestaudiosink"

typedef struct { GstBaseSink parent_instance; } TestAudioSink;
typedef struct { GstBaseSinkClass parent_class; } TestAudioSinkClass;
static GType test_audio_sink_get_type (void);
G_DEFINE_TYPE (TestAudioSink, test_audio_sink, GST_TYPE_BASE_SINK)

static GstFlowReturn
test_audio_sink_render (GstBaseSink *sink, GstBuffer *buffer)
{
  return GST_FLOW_OK;
}

static void
test_audio_sink_class_init (TestAudioSinkClass *klass)
{
  static GstStaticPadTemplate sink_template =
    GST_STATIC_PAD_TEMPLATE ("sink", GST_PAD_SINK, GST_PAD_ALWAYS,
                             GST_STATIC_CAPS ("audio/x-raw"));
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);

  gst_element_class_add_static_pad_template (element_class, &sink_template);
  gst_element_class_set_static_metadata (element_class, "Test audio sink", "Sink/Audio",
                                         "A sound card for tests", "Rahnuma");
  GST_BASE_SINK_CLASS (klass)->render = test_audio_sink_render;
}

static void
test_audio_sink_init (TestAudioSink *self)
{
}

/* A device that starts, two that cannot (one missing, one failing to open,
 * as a sound card that is gone), and the machine's own choice. */
static const char *sink_factories[] = {
  TEST_AUDIO_SINK, "no-such-audio-sink", "filesink", "autoaudiosink",
};
#define N_PLAYERS G_N_ELEMENTS (sink_factories)

typedef enum
{
  KIND_VIDEO,
  KIND_VIDEO_NARRATED,
  KIND_PICTURE_NARRATED,
  KIND_PICTURE,
  N_KINDS
} Kind;

static const char *kind_names[N_KINDS] = {
  "video", "video with narration", "picture with narration", "picture",
};

static struct
{
  char *dir;
  char *video;
  char *picture;
  char *narration;
} media;

typedef struct
{
  Scene *scene;
  const char *sink;
  Act act;
  Kind kind;
  guint states_at_act;  /* scene->states->len when the act was done */
} Trial;

static void
open_kind (RahnumaPlayer *player, Kind kind)
{
  switch (kind)
    {
    case KIND_VIDEO:
      rahnuma_player_open_video (player, media.video, NULL);
      break;
    case KIND_VIDEO_NARRATED:
      rahnuma_player_open_video (player, media.video, media.narration);
      break;
    case KIND_PICTURE_NARRATED:
      rahnuma_player_open_picture (player, media.picture, media.narration);
      break;
    case KIND_PICTURE:
      rahnuma_player_open_picture (player, media.picture, NULL);
      break;
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static void
act (Trial *trial)
{
  RahnumaPlayer *player = trial->scene->player;

  trial->states_at_act = trial->scene->states->len;
  switch (trial->act)
    {
    case ACT_PAUSE:
      rahnuma_player_pause (player);
      break;
    case ACT_STOP:
      rahnuma_player_stop (player);
      break;
    case ACT_SEEK:
      rahnuma_player_seek_by (player, SEEK_MS * GST_MSECOND);
      break;
    case ACT_REPLAY:
      rahnuma_player_replay (player);
      break;
    case ACT_PAUSE_PLAY:
      rahnuma_player_pause (player);
      rahnuma_player_play (player);
      break;
    case ACT_SEEK_PAUSE:
      rahnuma_player_seek_by (player, SEEK_MS * GST_MSECOND);
      rahnuma_player_pause (player);
      break;
    case N_ACTS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
played_since_act (Trial *trial)
{
  GArray *states = trial->scene->states;

  for (guint i = trial->states_at_act; i < states->len; i++)
    if (g_array_index (states, RahnumaPlayerState, i) == RAHNUMA_PLAYER_PLAYING)
      return TRUE;
  return FALSE;
}

/* Where the visitor asked the scene to be. */
static gboolean
has_settled (Trial *trial)
{
  RahnumaPlayer *player = trial->scene->player;
  RahnumaPlayerState state = rahnuma_player_get_state (player);

  if (trial->scene->error != NULL)
    return TRUE;
  switch (trial->act)
    {
    case ACT_PAUSE:
    case ACT_SEEK_PAUSE:
      return state == RAHNUMA_PLAYER_PAUSED;
    case ACT_STOP:
      return state == RAHNUMA_PLAYER_STOPPED;
    case ACT_SEEK:
      return trial->scene->n_finished > 0
             || (state == RAHNUMA_PLAYER_PLAYING
                 && rahnuma_player_get_position (player) >= SEEK_MS * GST_MSECOND);
    case ACT_REPLAY:
    case ACT_PAUSE_PLAY:
      return trial->scene->n_finished > 0 || state == RAHNUMA_PLAYER_PLAYING;
    case N_ACTS:
    default:
      g_assert_not_reached ();
    }
}

static char *
describe (Trial *trial, guint round)
{
  g_autoptr(GEnumClass) states = g_type_class_ref (RAHNUMA_TYPE_PLAYER_STATE);
  GEnumValue *state = g_enum_get_value (states, rahnuma_player_get_state (trial->scene->player));

  return g_strdup_printf ("round %u: %s while a %s loads, audio sink %s; the player is %s",
                          round, act_names[trial->act], kind_names[trial->kind],
                          trial->sink, state->value_nick);
}

static void
check_settled (Trial *trial, guint round)
{
  g_autofree char *what = describe (trial, round);
  gint64 position = rahnuma_player_get_position (trial->scene->player);

  g_assert_no_error (trial->scene->error);
  /* A pause asked for while loading is never overruled by the preroll. */
  if (trial->act == ACT_PAUSE || trial->act == ACT_SEEK_PAUSE || trial->act == ACT_STOP)
    {
      if (played_since_act (trial))
        g_error ("Played after it was told not to: %s", what);
    }
  /* The pause waits for the seek to land: a scene that had already begun
   * to play may play a few frames more before it stops. */
  if (trial->act == ACT_SEEK_PAUSE
      && (position < SEEK_MS * GST_MSECOND
          || position >= rahnuma_player_get_duration (trial->scene->player)))
    g_error ("Paused at %" G_GINT64_FORMAT " ns, not where the seek asked: %s",
             position, what);
  if (trial->act == ACT_STOP && trial->scene->states->len != trial->states_at_act + 1)
    g_error ("A stopped scene changed state again: %s", what);
}

static gboolean
all_settled (Trial *trials, guint n, guint *first_unsettled)
{
  for (guint i = 0; i < n; i++)
    if (!has_settled (&trials[i]))
      {
        *first_unsettled = i;
        return FALSE;
      }
  return TRUE;
}

static void
run_round (Trial *trials, GRand *rand, guint round)
{
  guint unsettled = 0;

  for (guint i = 0; i < N_PLAYERS; i++)
    {
      trials[i].kind = g_rand_int_range (rand, 0, N_KINDS);
      trials[i].act = g_rand_int_range (rand, 0, N_ACTS);
      g_array_set_size (trials[i].scene->states, 0);
      trials[i].scene->n_finished = 0;
      open_kind (trials[i].scene->player, trials[i].kind);
    }
  run_for_ms (g_rand_int_range (rand, 0, 26));
  for (guint i = 0; i < N_PLAYERS; i++)
    act (&trials[i]);

  WAIT_UNTIL_OR_FAIL (all_settled (trials, N_PLAYERS, &unsettled),
                      "%s", describe (&trials[unsettled], round));
  /* and stays there: no late PLAYING, no state after a stop */
  run_for_ms (40);
  for (guint i = 0; i < N_PLAYERS; i++)
    check_settled (&trials[i], round);
}

static guint
n_rounds (void)
{
  const char *rounds = g_getenv ("RAHNUMA_STRESS_ROUNDS");

  return rounds != NULL ? (guint) g_ascii_strtoull (rounds, NULL, 10) : DEFAULT_ROUNDS;
}

static void
test_state_changes_while_loading (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  Trial trials[N_PLAYERS] = { { 0 } };
  guint rounds = n_rounds ();

  for (guint i = 0; i < N_PLAYERS; i++)
    {
      trials[i].sink = sink_factories[i];
      trials[i].scene = scene_new_with (g_object_new (RAHNUMA_TYPE_PLAYER,
                                                      "audio-sink-factory", sink_factories[i],
                                                      NULL));
    }
  for (guint round = 0; round < rounds; round++)
    run_round (trials, rand, round);
  for (guint i = 0; i < N_PLAYERS; i++)
    scene_free (trials[i].scene);
}

static void
on_sound_finished (RahnumaSound *sound, guint *n_finished)
{
  (*n_finished)++;
}

/* Clips started and cut short at random, on every kind of sink: each
 * clip left to play finishes, and a stopped one never does. */
static void
test_sounds_while_loading (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  RahnumaSound *sounds[N_PLAYERS];
  guint n_finished[N_PLAYERS] = { 0 };
  guint rounds = n_rounds ();

  for (guint i = 0; i < N_PLAYERS; i++)
    {
      sounds[i] = g_object_new (RAHNUMA_TYPE_SOUND, "audio-sink-factory", sink_factories[i], NULL);
      g_signal_connect (sounds[i], "finished", G_CALLBACK (on_sound_finished), &n_finished[i]);
    }
  for (guint round = 0; round < rounds; round++)
    {
      gboolean stop = g_rand_boolean (rand);

      for (guint i = 0; i < N_PLAYERS; i++)
        {
          n_finished[i] = 0;
          rahnuma_sound_play_file (sounds[i], media.narration);
        }
      run_for_ms (g_rand_int_range (rand, 0, 26));
      for (guint i = 0; i < N_PLAYERS && stop; i++)
        rahnuma_sound_stop (sounds[i]);
      for (guint i = 0; i < N_PLAYERS && !stop; i++)
        WAIT_UNTIL_OR_FAIL (n_finished[i] > 0, "round %u: a clip on %s never finished",
                            round, sink_factories[i]);
      run_for_ms (20);
      for (guint i = 0; i < N_PLAYERS; i++)
        g_assert_cmpuint (n_finished[i], ==, stop ? 0 : 1);
    }
  for (guint i = 0; i < N_PLAYERS; i++)
    g_assert_finalize_object (sounds[i]);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);
  gst_element_register (NULL, TEST_AUDIO_SINK, GST_RANK_NONE, test_audio_sink_get_type ());
  media.dir = rahnuma_fixture_make_dir ();
  media.video = rahnuma_fixture_webm (media.dir, "scene.webm", VIDEO_MS, 160, 120);
  media.picture = rahnuma_fixture_png (media.dir, "picture.png", 64, 48);
  media.narration = rahnuma_fixture_opus (media.dir, "narration.ogg", NARRATION_MS);

  g_test_add_func ("/rahnuma/player-stress/state-changes-while-loading",
                   test_state_changes_while_loading);
  g_test_add_func ("/rahnuma/player-stress/sounds-while-loading", test_sounds_while_loading);

  status = g_test_run ();
  rahnuma_fixture_remove_dir (media.dir);
  g_free (media.dir);
  g_free (media.video);
  g_free (media.picture);
  g_free (media.narration);
  gst_deinit ();
  return status;
}
