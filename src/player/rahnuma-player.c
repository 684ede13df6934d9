/* rahnuma-player.c — plays one scene at a time for the kiosk
 *
 * Clapper's lesson: the player is a GObject that owns one pipeline, handles
 * the bus in one switch with one handler per message type
 * (rahnuma-player-bus.c), and exposes what
 * the kiosk needs as properties and signals. Each scene gets a new pipeline
 * (rahnuma-pipeline.c says how it is built); this file keeps the state the
 * kiosk sees and what was watched, on the main context where the player was
 * created.
 *
 * State changes: one at a time, from the main context. A scene is opened
 * to PAUSED, and only once it has prerolled does the player take it to
 * PLAYING, if the visitor still wants it playing. Later too, a state change
 * or a seek is started only when the pipeline has settled: no seek of ours
 * in flight, and gst_element_get_state() with no wait says no asynchronous
 * change is under way (the pipeline's own answer, never a bus message that
 * may be stale by the time the main loop reads it). A pause, seek or replay
 * asked for in between only changes what the player wants (want_playing,
 * pending_seek); every ASYNC_DONE and every completed state change of the
 * pipeline calls rahnuma_player_reconcile (), which carries it out once settled.
 *
 * Why (issue 22): the player used to set PAUSED on a pipeline whose
 * asynchronous change to PLAYING was still under way. Under load the
 * pipeline then posted PLAYING after the pause had been asked for (the
 * visitor saw a paused scene play on), or the PAUSED that would have
 * completed the pause never reached the player, and the scene waited for
 * ever. A pipeline that does not settle within SETTLE_TIMEOUT_S fails
 * with an error instead, so the kiosk shows the scene's words and the
 * visitor goes on. tests/test-player-stress.c repeats all of this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-player"

#include "config.h"

#include "rahnuma-player-private.h"
#include "rahnuma-picture-header.h"

#include <glib/gi18n.h>
#include <gst/gst.h>

/* The position is sampled, and notified, five times a second while playing. */
#define TICK_MS 200
/* A scene that has not settled (prerolled, or landed a seek) by then is
 * given up as unplayable. Far beyond what a kiosk needs (well under a
 * second), with room for a loaded machine under AddressSanitizer. */
#define SETTLE_TIMEOUT_S 20
/* Position may run ahead of the time that passed by this much between two
 * samples (clock granularity, a tick dispatched late) and still count as
 * played. */
#define WATCH_SLACK_NS (300 * GST_MSECOND)

G_DEFINE_FINAL_TYPE (RahnumaPlayer, rahnuma_player, G_TYPE_OBJECT)
G_DEFINE_QUARK (rahnuma-player-error-quark, rahnuma_player_error)
G_DEFINE_ENUM_TYPE (RahnumaPlayerState, rahnuma_player_state,
                    G_DEFINE_ENUM_VALUE (RAHNUMA_PLAYER_STOPPED, "stopped"),
                    G_DEFINE_ENUM_VALUE (RAHNUMA_PLAYER_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (RAHNUMA_PLAYER_PLAYING, "playing"),
                    G_DEFINE_ENUM_VALUE (RAHNUMA_PLAYER_PAUSED, "paused"),
                    G_DEFINE_ENUM_VALUE (RAHNUMA_PLAYER_FINISHED, "finished"))

enum {
  PROP_0,
  PROP_PAINTABLE,
  PROP_STATE,
  PROP_POSITION,
  PROP_DURATION,
  PROP_WATCHED,
  PROP_HAS_AUDIO,
  PROP_AUDIO_SINK_FACTORY,
  PROP_PICTURE_TIME,
  PROP_VOLUME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint rahnuma_player_signals[N_SIGNALS];

/* ---- properties --------------------------------------------------------- */

void
rahnuma_player_set_state (RahnumaPlayer *self, RahnumaPlayerState state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
rahnuma_player_set_position (RahnumaPlayer *self, gint64 position)
{
  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

static void
set_duration (RahnumaPlayer *self, gint64 duration)
{
  if (self->duration == duration)
    return;
  self->duration = duration;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

static void
set_has_audio (RahnumaPlayer *self, gboolean has_audio)
{
  if (self->has_audio == has_audio)
    return;
  self->has_audio = has_audio;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_AUDIO]);
}

static void
update_watched (RahnumaPlayer *self)
{
  gint64 total = rahnuma_watched_total (self->watched);

  if (self->watched_ns == total)
    return;
  self->watched_ns = total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCHED]);
}

/* How much the scene has played since it started or a seek landed. */
static gint64
query_running_time (RahnumaPlayer *self)
{
  return self->scene != NULL ? rahnuma_pipeline_query_running_time (self->scene) : -1;
}

/* ---- watched tracking --------------------------------------------------- */

/* Counts [last sample, @position] as played only if the position moved
 * forward no further than the pipeline (by its running time) or the wall
 * clock went on in between: a jump ahead is not watching, whether or not it
 * went through seek_by(). */
void
rahnuma_player_record_sample (RahnumaPlayer *self, gint64 position, gint64 running_time)
{
  gint64 now = g_get_monotonic_time ();

  if (position < 0)
    return;
  if (self->last_sample >= 0 && !self->seeking && position >= self->last_sample)
    {
      gint64 played = (now - self->last_sample_time) * GST_USECOND;

      /* The larger of the two: the running time is unknown while paused, and
       * the wall clock understates when the main loop saw a message late. */
      if (running_time >= 0 && self->last_sample_rt >= 0)
        played = MAX (played, running_time - self->last_sample_rt);
      if (position - self->last_sample <= played + WATCH_SLACK_NS)
        rahnuma_watched_add (self->watched, self->last_sample, position);
    }
  self->last_sample = position;
  self->last_sample_rt = running_time;
  self->last_sample_time = now;
  update_watched (self);
}

void
rahnuma_player_sample_watched (RahnumaPlayer *self, gint64 position)
{
  rahnuma_player_record_sample (self, position, query_running_time (self));
}

void
rahnuma_player_forget_last_sample (RahnumaPlayer *self)
{
  self->last_sample = -1;
}

/* ---- queries ------------------------------------------------------------ */

gint64
rahnuma_player_query_position (RahnumaPlayer *self)
{
  gint64 position, running_time;

  if (self->scene == NULL)
    return -1;
  position = rahnuma_pipeline_query_position (self->scene);
  /* Playback cannot have gone further than the running time since the scene
   * started or a seek landed; a sink that rendered ahead must not move the
   * progress bar or the watched time ahead of it. */
  running_time = query_running_time (self);
  if (running_time >= 0 && position > self->landed + running_time)
    position = self->landed + running_time;
  if (self->duration > 0 && position > self->duration)
    position = self->duration;
  return position;
}

void
rahnuma_player_update_duration (RahnumaPlayer *self)
{
  gint64 duration = self->scene != NULL ? rahnuma_pipeline_query_duration (self->scene) : -1;

  if (duration > 0)
    set_duration (self, duration);
}

/* ---- the position tick -------------------------------------------------- */

static gboolean
on_tick (gpointer data)
{
  RahnumaPlayer *self = data;
  gint64 position;

  if (self->seeking)
    return G_SOURCE_CONTINUE;
  position = rahnuma_player_query_position (self);
  if (position < 0)
    return G_SOURCE_CONTINUE;
  rahnuma_player_sample_watched (self, position);
  rahnuma_player_set_position (self, position);
  return G_SOURCE_CONTINUE;
}

void
rahnuma_player_start_tick (RahnumaPlayer *self)
{
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_full (G_PRIORITY_DEFAULT, TICK_MS, on_tick, self, NULL);
}

void
rahnuma_player_stop_tick (RahnumaPlayer *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
}

/* ---- errors ------------------------------------------------------------- */

GError *
rahnuma_player_make_error (int code, const char *path, const char *detail)
{
  g_autofree char *name = g_path_get_basename (path != NULL ? path : "");

  switch (code)
    {
    case RAHNUMA_PLAYER_ERROR_MISSING:
      return g_error_new (RAHNUMA_PLAYER_ERROR, code,
                          /* Translators: %s is a lesson’s media file name, for the
                           * technician */
                          _("The file “%s” is missing."), name);
    case RAHNUMA_PLAYER_ERROR_DAMAGED:
      return g_error_new (RAHNUMA_PLAYER_ERROR, code,
                          /* Translators: %s is a lesson’s media file name, for the
                           * technician */
                          _("The file “%s” is damaged or in a format the kiosk cannot play."),
                          name);
    case RAHNUMA_PLAYER_ERROR_TOO_LARGE:
      return g_error_new (RAHNUMA_PLAYER_ERROR, code,
                          /* Translators: %s is a file name, then a reason giving its size and the limit */
                          _("The picture “%s” is too large to show: %s. Make it smaller and install the lesson again."),
                          name, detail);
    default:
      return g_error_new (RAHNUMA_PLAYER_ERROR, RAHNUMA_PLAYER_ERROR_FAILED,
                          /* Translators: %s is GStreamer’s message, for the technician */
                          _("The scene could not be played: %s"), detail);
    }
}

/* One place maps GStreamer's errors to the player's domain. */
int
rahnuma_player_error_code_for (const GError *gst_error)
{
  if (gst_error->domain == GST_RESOURCE_ERROR)
    {
      if (gst_error->code == GST_RESOURCE_ERROR_NOT_FOUND
          || gst_error->code == GST_RESOURCE_ERROR_OPEN_READ
          || gst_error->code == GST_RESOURCE_ERROR_OPEN_READ_WRITE)
        return RAHNUMA_PLAYER_ERROR_MISSING;
      return RAHNUMA_PLAYER_ERROR_FAILED;
    }
  if (gst_error->domain == GST_STREAM_ERROR)
    return RAHNUMA_PLAYER_ERROR_DAMAGED;
  if (gst_error->domain == GST_CORE_ERROR && gst_error->code == GST_CORE_ERROR_MISSING_PLUGIN)
    return RAHNUMA_PLAYER_ERROR_DAMAGED;
  return RAHNUMA_PLAYER_ERROR_FAILED;
}

/* ---- tearing down ------------------------------------------------------- */

static void
close_scene (RahnumaPlayer *self)
{
  rahnuma_player_stop_tick (self);
  g_clear_handle_id (&self->error_idle_id, g_source_remove);
  g_clear_error (&self->pending_error);
  g_clear_pointer (&self->scene, rahnuma_pipeline_free);
  self->want_playing = FALSE;
  g_clear_handle_id (&self->settle_timeout_id, g_source_remove);
  self->applied = GST_STATE_NULL;
  self->seek_in_flight = FALSE;
  self->pending_seek = -1;
  self->seeking = FALSE;
  self->landed = 0;
  self->finished = FALSE;
}

/* Only while a scene is loaded. Whether it moves at once or later, the
 * bus brings the next call of rahnuma_player_reconcile (). */
static void
set_pipeline_state (RahnumaPlayer *self, GstState state)
{
  self->applied = state;
  if (gst_element_set_state (rahnuma_pipeline_get_element (self->scene), state)
      == GST_STATE_CHANGE_FAILURE)
    g_debug ("The scene pipeline did not change state; its bus says why");
}

/* No seek of ours in flight, and no asynchronous state change under way. */
static gboolean
is_settled (RahnumaPlayer *self)
{
  GstElement *pipeline = rahnuma_pipeline_get_element (self->scene);

  return !self->seek_in_flight
         && gst_element_get_state (pipeline, NULL, NULL, 0) != GST_STATE_CHANGE_ASYNC;
}

void
rahnuma_player_fail (RahnumaPlayer *self, GError *error)
{
  g_object_ref (self);
  close_scene (self);
  rahnuma_player_set_state (self, RAHNUMA_PLAYER_STOPPED);
  g_signal_emit (self, rahnuma_player_signals[SIGNAL_ERROR], 0, error);
  g_error_free (error);
  g_object_unref (self);
}

static gboolean
on_error_idle (gpointer data)
{
  RahnumaPlayer *self = data;

  self->error_idle_id = 0;
  rahnuma_player_fail (self, g_steal_pointer (&self->pending_error));
  return G_SOURCE_REMOVE;
}

/* Reports @error from the main loop, after open() has returned. */
static void
fail_later (RahnumaPlayer *self, GError *error)
{
  g_clear_error (&self->pending_error);
  self->pending_error = error;
  if (self->error_idle_id == 0)
    self->error_idle_id = g_idle_add (on_error_idle, self);
}

/* ---- settling ------------------------------------------------------------ */

static gboolean
on_settle_timeout (gpointer data)
{
  RahnumaPlayer *self = data;

  self->settle_timeout_id = 0;
  if (self->scene == NULL || is_settled (self))
    return G_SOURCE_REMOVE;
  g_message ("A scene did not settle within %d s: given up as unplayable", SETTLE_TIMEOUT_S);
  rahnuma_player_fail (self, rahnuma_player_make_error (RAHNUMA_PLAYER_ERROR_FAILED, NULL,
                                                        /* Translators: ends "The scene could not be played: %s". */
                                                        _("it did not start in time")));
  return G_SOURCE_REMOVE;
}

static void
watch_settling (RahnumaPlayer *self)
{
  if (self->settle_timeout_id == 0)
    self->settle_timeout_id = g_timeout_add_seconds (SETTLE_TIMEOUT_S, on_settle_timeout, self);
}

/* Sends a flushing seek to @target now; its ASYNC_DONE lands it. */
static gboolean
start_seek (RahnumaPlayer *self, gint64 target)
{
  self->seeking = FALSE;
  if (!rahnuma_pipeline_seek (self->scene, target))
    {
      g_debug ("Seek to %" GST_TIME_FORMAT " refused", GST_TIME_ARGS (target));
      return FALSE;
    }
  self->seeking = TRUE;
  self->seek_in_flight = TRUE;
  self->seek_target = target;
  rahnuma_player_set_position (self, target);
  watch_settling (self);
  return TRUE;
}

/* Carries out what the visitor asked for while the pipeline was busy, once
 * it has settled: first a seek (its ASYNC_DONE calls this again), then the
 * state, PLAYING or PAUSED. Called on every ASYNC_DONE and every completed
 * state change of the pipeline; a stale call finds it unsettled and waits. */
void
rahnuma_player_reconcile (RahnumaPlayer *self)
{
  GstState wanted = self->want_playing ? GST_STATE_PLAYING : GST_STATE_PAUSED;

  if (self->scene == NULL || !is_settled (self))
    return;
  g_clear_handle_id (&self->settle_timeout_id, g_source_remove);
  if (self->pending_seek >= 0)
    {
      gint64 target = self->pending_seek;

      self->pending_seek = -1;
      if (start_seek (self, target))
        return;
    }
  if (self->applied != wanted)
    {
      set_pipeline_state (self, wanted);
      watch_settling (self);
    }
}

/* ---- opening a scene ---------------------------------------------------- */

static gboolean
file_exists (const char *path)
{
  return path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* Narration that is named but not there is played without, not an error:
 * the visitor still gets the video's own sound, or the picture for a while. */
static const char *
existing_narration (const char *narration_path)
{
  if (narration_path == NULL || file_exists (narration_path))
    return narration_path;
  g_debug ("Narration %s is missing; playing without it", narration_path);
  return NULL;
}

/* A picture is decoded only once its header gives a size within the
 * kiosk's limits: a decompression bomb would take gigabytes and the kiosk
 * with it. Returns the error to report, or NULL. */
static GError *
check_picture (const char *path)
{
  g_autoptr(GError) error = NULL;

  if (rahnuma_picture_check_file (path, &error))
    return NULL;
  if (g_error_matches (error, RAHNUMA_PICTURE_HEADER_ERROR, RAHNUMA_PICTURE_HEADER_ERROR_TOO_LARGE))
    return rahnuma_player_make_error (RAHNUMA_PLAYER_ERROR_TOO_LARGE, path, error->message);
  if (g_error_matches (error, RAHNUMA_PICTURE_HEADER_ERROR, RAHNUMA_PICTURE_HEADER_ERROR_IO))
    return rahnuma_player_make_error (RAHNUMA_PLAYER_ERROR_FAILED, path, error->message);
  return rahnuma_player_make_error (RAHNUMA_PLAYER_ERROR_DAMAGED, path, NULL);
}

static gboolean
begin_scene (RahnumaPlayer *self, const char *media_path, gboolean is_picture)
{
  GError *refused = NULL;

  gboolean has_audio;

  close_scene (self);
  rahnuma_video_paintable_clear (self->paintable);
  rahnuma_watched_clear (self->watched);
  rahnuma_player_forget_last_sample (self);
  update_watched (self);
  rahnuma_player_set_position (self, 0);
  set_duration (self, -1);
  rahnuma_player_set_state (self, RAHNUMA_PLAYER_LOADING);

  if (!file_exists (media_path))
    {
      fail_later (self, rahnuma_player_make_error (RAHNUMA_PLAYER_ERROR_MISSING, media_path, NULL));
      return FALSE;
    }
  if (is_picture && (refused = check_picture (media_path)) != NULL)
    {
      g_debug ("Not decoding %s: %s", media_path, refused->message);
      fail_later (self, refused);
      return FALSE;
    }
  self->scene = rahnuma_pipeline_new (self->paintable, self->audio_sink_factory, &has_audio);
  rahnuma_pipeline_set_volume (self->scene, self->volume);
  rahnuma_pipeline_watch (self->scene, rahnuma_player_on_bus_message, self);
  set_has_audio (self, has_audio);
  return TRUE;
}

/* Opens to PAUSED; rahnuma_player_reconcile () takes the prerolled scene on to PLAYING
 * unless the visitor paused it meanwhile. */
static void
start_scene (RahnumaPlayer *self)
{
  self->want_playing = TRUE;
  set_pipeline_state (self, GST_STATE_PAUSED);
  watch_settling (self);
  rahnuma_player_reconcile (self);
}

/* ---- seeking ------------------------------------------------------------ */

static void
seek_to (RahnumaPlayer *self, gint64 target)
{
  if (self->duration > 0)
    target = MIN (target, self->duration);
  target = MAX (target, 0);

  /* Count what was played up to here, then start afresh where we land. */
  if (!self->seeking && self->state == RAHNUMA_PLAYER_PLAYING)
    rahnuma_player_sample_watched (self, rahnuma_player_query_position (self));
  rahnuma_player_forget_last_sample (self);

  if (self->pending_seek < 0 && is_settled (self))
    {
      start_seek (self, target);
      return;
    }
  /* Still loading, or another change under way: seek once it settles. */
  self->pending_seek = target;
  self->seeking = TRUE;
  self->seek_target = target;
  rahnuma_player_set_position (self, target);
}

/* ---- GObject ------------------------------------------------------------ */

static void
rahnuma_player_dispose (GObject *object)
{
  RahnumaPlayer *self = RAHNUMA_PLAYER (object);

  close_scene (self);
  g_clear_object (&self->paintable);

  G_OBJECT_CLASS (rahnuma_player_parent_class)->dispose (object);
}

static void
rahnuma_player_finalize (GObject *object)
{
  RahnumaPlayer *self = RAHNUMA_PLAYER (object);

  g_free (self->audio_sink_factory);
  rahnuma_watched_free (self->watched);

  G_OBJECT_CLASS (rahnuma_player_parent_class)->finalize (object);
}

static void
rahnuma_player_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RahnumaPlayer *self = RAHNUMA_PLAYER (object);

  switch (prop_id)
    {
    case PROP_PAINTABLE:
      g_value_set_object (value, self->paintable);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_POSITION:
      g_value_set_int64 (value, self->position);
      break;
    case PROP_DURATION:
      g_value_set_int64 (value, self->duration);
      break;
    case PROP_WATCHED:
      g_value_set_int64 (value, self->watched_ns);
      break;
    case PROP_HAS_AUDIO:
      g_value_set_boolean (value, self->has_audio);
      break;
    case PROP_AUDIO_SINK_FACTORY:
      g_value_set_string (value, self->audio_sink_factory);
      break;
    case PROP_PICTURE_TIME:
      g_value_set_uint (value, self->picture_time_ms);
      break;
    case PROP_VOLUME:
      g_value_set_double (value, self->volume);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rahnuma_player_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RahnumaPlayer *self = RAHNUMA_PLAYER (object);

  switch (prop_id)
    {
    case PROP_AUDIO_SINK_FACTORY:
      g_free (self->audio_sink_factory);
      self->audio_sink_factory = g_value_dup_string (value);
      break;
    case PROP_PICTURE_TIME:
      if (self->picture_time_ms != g_value_get_uint (value))
        {
          self->picture_time_ms = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VOLUME:
      rahnuma_player_set_volume (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_PAINTABLE] =
    g_param_spec_object ("paintable", NULL, NULL, GDK_TYPE_PAINTABLE, ro);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, RAHNUMA_TYPE_PLAYER_STATE,
                       RAHNUMA_PLAYER_STOPPED, ro);
  properties[PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL, -1, G_MAXINT64, 0, ro);
  properties[PROP_DURATION] =
    g_param_spec_int64 ("duration", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_WATCHED] =
    g_param_spec_int64 ("watched", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_HAS_AUDIO] =
    g_param_spec_boolean ("has-audio", NULL, NULL, TRUE, ro);
  /* NULL: $RAHNUMA_AUDIO_SINK, else autoaudiosink. */
  properties[PROP_AUDIO_SINK_FACTORY] =
    g_param_spec_string ("audio-sink-factory", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PICTURE_TIME] =
    g_param_spec_uint ("picture-time", NULL, NULL, 1, G_MAXUINT, RAHNUMA_PLAYER_PICTURE_TIME_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Linear, 0.0 (silent) to 1.0 (the recording's own loudness). */
  properties[PROP_VOLUME] =
    g_param_spec_double ("volume", NULL, NULL, 0.0, 1.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rahnuma_player_class_init (RahnumaPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rahnuma_player_dispose;
  object_class->finalize = rahnuma_player_finalize;
  object_class->get_property = rahnuma_player_get_property;
  object_class->set_property = rahnuma_player_set_property;
  install_properties (object_class);

  /**
   * RahnumaPlayer::finished:
   *
   * The scene reached its end.
   */
  rahnuma_player_signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RahnumaPlayer::error:
   * @error: a #GError in %RAHNUMA_PLAYER_ERROR, with a message for people
   *
   * The scene cannot be played; the player is stopped and ready for the next.
   */
  rahnuma_player_signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
rahnuma_player_init (RahnumaPlayer *self)
{
  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  self->paintable = rahnuma_video_paintable_new ();
  self->picture_time_ms = RAHNUMA_PLAYER_PICTURE_TIME_MS;
  self->volume = 1.0;
  self->duration = -1;
  self->has_audio = TRUE;
  self->watched = rahnuma_watched_new ();
  self->last_sample = -1;
  self->pending_seek = -1;
}

/* ---- public API --------------------------------------------------------- */

/**
 * rahnuma_player_new:
 *
 * Creates a player; it reports on the main context that is the thread
 * default when it is created. GStreamer is initialised if it was not.
 *
 * Returns: (transfer full): a new #RahnumaPlayer
 */
RahnumaPlayer *
rahnuma_player_new (void)
{
  return g_object_new (RAHNUMA_TYPE_PLAYER, NULL);
}

/**
 * rahnuma_player_get_paintable:
 * @self: a #RahnumaPlayer
 *
 * Returns: (transfer none): the paintable showing the scene's frames
 */
GdkPaintable *
rahnuma_player_get_paintable (RahnumaPlayer *self)
{
  g_return_val_if_fail (RAHNUMA_IS_PLAYER (self), NULL);

  return GDK_PAINTABLE (self->paintable);
}

/**
 * rahnuma_player_open_video:
 * @self: a #RahnumaPlayer
 * @video_path: a WebM or Ogg video
 * @narration_path: (nullable): audio to play instead of the video's own
 *   track; when %NULL or missing, the video's track plays
 *
 * Starts a video scene: the state goes to LOADING, then PLAYING. A missing
 * or damaged video is reported by #RahnumaPlayer::error.
 */
void
rahnuma_player_open_video (RahnumaPlayer *self,
                           const char    *video_path,
                           const char    *narration_path)
{
  g_return_if_fail (RAHNUMA_IS_PLAYER (self));
  g_return_if_fail (video_path != NULL);

  if (!begin_scene (self, video_path, FALSE))
    return;
  rahnuma_video_paintable_set_premultiplied (self->paintable, TRUE);
  rahnuma_pipeline_add_video (self->scene, video_path, existing_narration (narration_path));
  start_scene (self);
}

/**
 * rahnuma_player_open_picture:
 * @self: a #RahnumaPlayer
 * @picture_path: a PNG or JPEG picture
 * @narration_path: (nullable): Ogg Opus or Vorbis narration; the scene ends
 *   when it ends. When %NULL or missing, the picture stays for
 *   #RahnumaPlayer:picture-time and the scene then ends.
 *
 * Starts a picture scene: the state goes to LOADING, then PLAYING. The
 * picture's header is read first: one that is not a whole PNG or JPEG
 * header, or larger than %RAHNUMA_PICTURE_MAX_LONG_SIDE ×
 * %RAHNUMA_PICTURE_MAX_SHORT_SIDE, is never decoded and is reported by
 * #RahnumaPlayer::error (%RAHNUMA_PLAYER_ERROR_DAMAGED or
 * %RAHNUMA_PLAYER_ERROR_TOO_LARGE).
 */
void
rahnuma_player_open_picture (RahnumaPlayer *self,
                             const char    *picture_path,
                             const char    *narration_path)
{
  g_return_if_fail (RAHNUMA_IS_PLAYER (self));
  g_return_if_fail (picture_path != NULL);

  if (!begin_scene (self, picture_path, TRUE))
    return;
  rahnuma_video_paintable_set_premultiplied (self->paintable, FALSE);
  rahnuma_pipeline_add_picture (self->scene, picture_path, existing_narration (narration_path),
                                self->picture_time_ms * GST_MSECOND);
  start_scene (self);
}

/**
 * rahnuma_player_open_scene:
 * @self: a #RahnumaPlayer
 * @scene: a scene of a #RahnumaModule
 * @picture_lang: the language whose picture or video is shown (one may be
 *   localized: rahnuma_scene_dup_media_path())
 * @narration_lang: the language the narration is wanted in
 * @heard_lang: (out) (optional) (transfer none): the language of the
 *   narration actually heard, after the fallback of
 *   rahnuma_scene_dup_narration_path(); %NULL when the scene has none
 *
 * Starts @scene as the kiosk and the hall show it: its video with
 * rahnuma_player_open_video(), or its picture with
 * rahnuma_player_open_picture(), with its narration. A file that cannot
 * be played is reported by #RahnumaPlayer::error, as there.
 */
void
rahnuma_player_open_scene (RahnumaPlayer *self, RahnumaScene *scene, const char *picture_lang,
                           const char *narration_lang, const char **heard_lang)
{
  g_autofree char *media = NULL;
  g_autofree char *narration = NULL;

  g_return_if_fail (RAHNUMA_IS_PLAYER (self));
  g_return_if_fail (scene != NULL);
  g_return_if_fail (narration_lang != NULL);

  media = rahnuma_scene_dup_media_path (scene, picture_lang);
  narration = rahnuma_scene_dup_narration_path (scene, narration_lang, heard_lang);
  if (rahnuma_scene_get_kind (scene) == RAHNUMA_SCENE_VIDEO)
    rahnuma_player_open_video (self, media, narration);
  else
    rahnuma_player_open_picture (self, media, narration);
}

/**
 * rahnuma_player_play:
 * @self: a #RahnumaPlayer
 *
 * Resumes a paused scene; a finished scene starts again.
 */
void
rahnuma_player_play (RahnumaPlayer *self)
{
  g_return_if_fail (RAHNUMA_IS_PLAYER (self));

  if (self->scene == NULL)
    return;
  if (self->finished)
    {
      rahnuma_player_replay (self);
      return;
    }
  self->want_playing = TRUE;
  rahnuma_player_reconcile (self);
}

/**
 * rahnuma_player_pause:
 * @self: a #RahnumaPlayer
 */
void
rahnuma_player_pause (RahnumaPlayer *self)
{
  g_return_if_fail (RAHNUMA_IS_PLAYER (self));

  if (self->scene == NULL || self->finished)
    return;
  if (self->state == RAHNUMA_PLAYER_PLAYING && !self->seeking)
    rahnuma_player_sample_watched (self, rahnuma_player_query_position (self));
  self->want_playing = FALSE;
  rahnuma_player_reconcile (self);
}

/**
 * rahnuma_player_stop:
 * @self: a #RahnumaPlayer
 *
 * Unloads the scene. What was watched stays readable until the next open.
 */
void
rahnuma_player_stop (RahnumaPlayer *self)
{
  g_return_if_fail (RAHNUMA_IS_PLAYER (self));

  if (self->state == RAHNUMA_PLAYER_PLAYING && !self->seeking)
    rahnuma_player_sample_watched (self, rahnuma_player_query_position (self));
  close_scene (self);
  rahnuma_video_paintable_clear (self->paintable);
  rahnuma_player_set_state (self, RAHNUMA_PLAYER_STOPPED);
}

/**
 * rahnuma_player_seek_by:
 * @self: a #RahnumaPlayer
 * @offset_ns: how far to move, negative to go back (-10 s for "back 10 s")
 *
 * Moves within the scene, clamped to its start and end. The part skipped
 * by moving ahead does not count as watched.
 */
void
rahnuma_player_seek_by (RahnumaPlayer *self,
                        gint64         offset_ns)
{
  gint64 position;

  g_return_if_fail (RAHNUMA_IS_PLAYER (self));

  if (self->scene == NULL)
    return;
  position = self->seeking ? self->position : rahnuma_player_query_position (self);
  if (position < 0)
    position = self->position;
  if (self->finished)
    {
      self->finished = FALSE;
      rahnuma_player_set_state (self, RAHNUMA_PLAYER_PAUSED);
    }
  seek_to (self, position + offset_ns);
}

/**
 * rahnuma_player_play_pause:
 * @self: a #RahnumaPlayer
 *
 * The one play/pause button of the kiosk's lesson and the hall's bar:
 * pauses a scene playing or loading, plays a finished one again from its
 * start (rahnuma_player_replay()), and otherwise plays.
 *
 * Returns: %TRUE if it paused the scene
 */
gboolean
rahnuma_player_play_pause (RahnumaPlayer *self)
{
  g_return_val_if_fail (RAHNUMA_IS_PLAYER (self), FALSE);

  switch (rahnuma_player_get_state (self))
    {
    case RAHNUMA_PLAYER_PLAYING:
    case RAHNUMA_PLAYER_LOADING:
      rahnuma_player_pause (self);
      return TRUE;
    case RAHNUMA_PLAYER_FINISHED:
      rahnuma_player_replay (self);
      return FALSE;
    case RAHNUMA_PLAYER_PAUSED:
    case RAHNUMA_PLAYER_STOPPED:
    default:
      rahnuma_player_play (self);
      return FALSE;
    }
}

/**
 * rahnuma_player_replay:
 * @self: a #RahnumaPlayer
 *
 * Plays the scene again from its start.
 */
void
rahnuma_player_replay (RahnumaPlayer *self)
{
  g_return_if_fail (RAHNUMA_IS_PLAYER (self));

  if (self->scene == NULL)
    return;
  self->finished = FALSE;
  seek_to (self, 0);
  self->want_playing = TRUE;
  rahnuma_player_reconcile (self);
}

/**
 * rahnuma_player_get_state:
 * @self: a #RahnumaPlayer
 *
 * Returns: what the scene is doing now (the #RahnumaPlayer:state property)
 */
RahnumaPlayerState
rahnuma_player_get_state (RahnumaPlayer *self)
{
  g_return_val_if_fail (RAHNUMA_IS_PLAYER (self), RAHNUMA_PLAYER_STOPPED);

  return self->state;
}

/**
 * rahnuma_player_get_position:
 * @self: a #RahnumaPlayer
 *
 * Returns: where the scene is, in nanoseconds
 */
gint64
rahnuma_player_get_position (RahnumaPlayer *self)
{
  gint64 position;

  g_return_val_if_fail (RAHNUMA_IS_PLAYER (self), 0);

  if (self->state == RAHNUMA_PLAYER_PLAYING && !self->seeking)
    {
      position = rahnuma_player_query_position (self);
      if (position >= 0)
        return position;
    }
  return self->position;
}

/**
 * rahnuma_player_get_duration:
 * @self: a #RahnumaPlayer
 *
 * Returns: the scene's length in nanoseconds, or -1 while unknown
 */
gint64
rahnuma_player_get_duration (RahnumaPlayer *self)
{
  g_return_val_if_fail (RAHNUMA_IS_PLAYER (self), -1);

  return self->duration;
}

/**
 * rahnuma_player_get_watched:
 * @self: a #RahnumaPlayer
 *
 * Returns: nanoseconds of the scene actually played, each part once
 */
gint64
rahnuma_player_get_watched (RahnumaPlayer *self)
{
  g_return_val_if_fail (RAHNUMA_IS_PLAYER (self), 0);

  return self->watched_ns;
}

/**
 * rahnuma_player_get_watched_fraction:
 * @self: a #RahnumaPlayer
 *
 * Returns: the part of the scene watched, 0.0 to 1.0 (0.0 while the
 *   duration is unknown)
 */
double
rahnuma_player_get_watched_fraction (RahnumaPlayer *self)
{
  g_return_val_if_fail (RAHNUMA_IS_PLAYER (self), 0.0);

  if (self->duration <= 0)
    return 0.0;
  return CLAMP ((double) self->watched_ns / (double) self->duration, 0.0, 1.0);
}

/**
 * rahnuma_player_get_has_audio:
 * @self: a #RahnumaPlayer
 *
 * Returns: %FALSE when the last scene plays silently for want of an audio
 *   device (show subtitles)
 */
gboolean
rahnuma_player_get_has_audio (RahnumaPlayer *self)
{
  g_return_val_if_fail (RAHNUMA_IS_PLAYER (self), FALSE);

  return self->has_audio;
}

/**
 * rahnuma_player_set_volume:
 * @self: a #RahnumaPlayer
 * @volume: from 0.0 (silent) to 1.0 (the recording's own loudness), linear;
 *   clamped to that range
 *
 * How loud the scenes are heard: the one playing at once, and every scene
 * opened later. The kiosk sets it from the visitor's volume control.
 */
void
rahnuma_player_set_volume (RahnumaPlayer *self, double volume)
{
  g_return_if_fail (RAHNUMA_IS_PLAYER (self));

  volume = CLAMP (volume, 0.0, 1.0);
  if (self->volume == volume)
    return;
  self->volume = volume;
  if (self->scene != NULL)
    rahnuma_pipeline_set_volume (self->scene, volume);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOLUME]);
}

/**
 * rahnuma_player_get_volume:
 *
 * Returns: the volume, from 0.0 to 1.0 (see rahnuma_player_set_volume())
 */
double
rahnuma_player_get_volume (RahnumaPlayer *self)
{
  g_return_val_if_fail (RAHNUMA_IS_PLAYER (self), 1.0);
  return self->volume;
}
