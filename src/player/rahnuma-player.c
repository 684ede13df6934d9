/* rahnuma-player.c — plays one scene at a time for the kiosk
 *
 * Clapper's lesson: the player is a GObject that owns one pipeline, handles
 * the bus in one switch with one handler per message type, and exposes what
 * the kiosk needs as properties and signals. Each scene gets a new pipeline
 * built from uridecodebin elements whose pads are linked as they appear:
 *
 *   video scene:    uridecodebin(video) → video → videoconvert → appsink
 *                                       → audio → audio sink (or fakesink
 *                                                 when narration replaces it)
 *                   uridecodebin(narration) → audio sink
 *   picture scene:  uridecodebin(picture) → videoconvert → appsink (one frame)
 *                   uridecodebin(narration) → audio sink
 *                   or, without narration, audiotestsrc silence limited to
 *                   the picture time, so the scene still has a timeline.
 *
 * A picture scene's position, seeks and end follow its audio (narration or
 * silence), since a picture cannot seek; a video scene is where its furthest
 * sink is, and seeks go to the whole pipeline.
 *
 * Threads: pad-added and appsink callbacks run on streaming threads and only
 * touch what open() set up before the pipeline started; everything else runs
 * on the main context where the player was created.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-player"

#include "config.h"

#include "rahnuma-player.h"
#include "rahnuma-player-private.h"
#include "rahnuma-video-paintable.h"

#include <glib/gi18n.h>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <string.h>

/* The position is sampled, and notified, five times a second while playing. */
#define TICK_MS 200
/* Position may run ahead of the time that passed by this much between two
 * samples (clock granularity, a tick dispatched late) and still count as
 * played. */
#define WATCH_SLACK_NS (300 * GST_MSECOND)

#define VIDEO_CAPS "video/x-raw,format=(string){BGRA,RGBA}"

struct _RahnumaPlayer
{
  GObject parent_instance;

  RahnumaVideoPaintable *paintable;
  char *audio_sink_factory;
  guint picture_time_ms;

  /* The scene now loaded; set up by open(), torn down by close_scene(). */
  GstElement *pipeline;
  GstBus *bus;
  GstElement *audio_sink;   /* owned; linked to the first audio pad wanted */
  GstElement *video_sink;   /* owned; linked to the first video pad */
  GstElement *position_sinks[2]; /* unowned: the sinks whose position is the scene's */
  GstElement *control;      /* unowned: takes seeks and duration queries */
  GstElement *media_src;    /* unowned: uridecodebin of the video or picture */
  char *media_path;
  char *narration_path;     /* NULL when there is none to play */
  gboolean use_narration;   /* video scene: narration replaces its own track */
  gint audio_linked;        /* atomic: the audio sink has its pad */
  gint video_linked;        /* atomic: the appsink has its pad */
  gint64 fixed_duration;    /* silent picture: the picture time */

  guint tick_id;
  guint error_idle_id;
  GError *pending_error;

  gboolean want_playing;
  gboolean seeking;
  gint64 seek_target;
  gint64 landed;            /* where the scene started or the last seek landed */
  gboolean finished;

  RahnumaPlayerState state;
  gint64 position;
  gint64 duration;
  gboolean has_audio;

  RahnumaWatched *watched;
  gint64 watched_ns;
  gint64 last_sample;       /* position at the last sample, -1 after a jump */
  gint64 last_sample_rt;    /* pipeline running time of that sample, or -1 */
  gint64 last_sample_time;  /* monotonic µs of that sample */
};

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
  N_PROPS
};

enum {
  SIGNAL_FINISHED,
  SIGNAL_ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- properties --------------------------------------------------------- */

static void
set_state (RahnumaPlayer *self, RahnumaPlayerState state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_position (RahnumaPlayer *self, gint64 position)
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

/* The pipeline's running time: how much it has played since it started
 * or since a seek landed, whenever the main loop gets round to asking. */
static gint64
query_running_time (RahnumaPlayer *self)
{
  GstClockTime running_time = GST_CLOCK_TIME_NONE;

  if (self->pipeline != NULL && GST_STATE (self->pipeline) == GST_STATE_PLAYING)
    running_time = gst_element_get_current_running_time (self->pipeline);
  return GST_CLOCK_TIME_IS_VALID (running_time) ? (gint64) running_time : -1;
}

/* ---- watched tracking --------------------------------------------------- */

/* Counts [last sample, @position] as played only if the position moved
 * forward no further than the pipeline (by its running time) or the wall
 * clock went on in between: a jump ahead is not watching, whether or not it
 * went through seek_by(). */
static void
record_sample (RahnumaPlayer *self, gint64 position, gint64 running_time)
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

static void
sample_watched (RahnumaPlayer *self, gint64 position)
{
  record_sample (self, position, query_running_time (self));
}

static void
forget_last_sample (RahnumaPlayer *self)
{
  self->last_sample = -1;
}

/* ---- queries ------------------------------------------------------------ */

/* The scene is where its furthest linked sink is: what was rendered, not
 * what was read. */
static gint64
query_position (RahnumaPlayer *self)
{
  gint64 position = -1;
  gint64 running_time;

  for (guint i = 0; i < G_N_ELEMENTS (self->position_sinks); i++)
    {
      g_autoptr(GstObject) parent = NULL;
      gint64 sink_position;

      /* Only sinks already linked into the scene (pads come late). */
      if (self->position_sinks[i] != NULL)
        parent = gst_object_get_parent (GST_OBJECT (self->position_sinks[i]));
      if (parent != NULL
          && gst_element_query_position (self->position_sinks[i], GST_FORMAT_TIME,
                                         &sink_position))
        position = MAX (position, sink_position);
    }
  /* Playback cannot have gone further than the running time since the scene
   * started or a seek landed; a sink that rendered ahead (see bring_up())
   * must not move the progress bar or the watched time ahead of it. */
  running_time = query_running_time (self);
  if (running_time >= 0 && position > self->landed + running_time)
    position = self->landed + running_time;
  if (self->duration > 0 && position > self->duration)
    position = self->duration;
  return position;
}

static void
update_duration (RahnumaPlayer *self)
{
  gint64 duration = -1;

  if (self->fixed_duration > 0)
    duration = self->fixed_duration;
  else if (self->control == NULL
           || !gst_element_query_duration (self->control, GST_FORMAT_TIME, &duration))
    return;
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
  position = query_position (self);
  if (position < 0)
    return G_SOURCE_CONTINUE;
  sample_watched (self, position);
  set_position (self, position);
  return G_SOURCE_CONTINUE;
}

static void
start_tick (RahnumaPlayer *self)
{
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_full (G_PRIORITY_DEFAULT, TICK_MS, on_tick, self, NULL);
}

static void
stop_tick (RahnumaPlayer *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
}

/* ---- building the pipeline ---------------------------------------------- */

static GstElement *
make_element (const char *factory)
{
  GstElement *element = gst_element_factory_make (factory, NULL);

  if (element == NULL)
    g_debug ("GStreamer element “%s” is not installed", factory);
  return element;
}

/* Elements linked while the pipeline prerolls go to PAUSED only, and the
 * pipeline takes them to PLAYING with its clock and base time.
 * gst_element_sync_state_with_parent() would take them at once to the
 * pending PLAYING, where sinks render unsynchronised until the pipeline has
 * chosen a clock: under load, a whole scene can pass in that time. */
static void
bring_up (GstElement *pipeline, GstElement *element)
{
  GstState state;

  GST_OBJECT_LOCK (pipeline);
  state = GST_STATE (pipeline);
  GST_OBJECT_UNLOCK (pipeline);

  if (state == GST_STATE_PLAYING)
    gst_element_sync_state_with_parent (element);
  else
    gst_element_set_state (element, GST_STATE_PAUSED);
}

/* Adds @first … to the pipeline, links them in a chain fed by @pad and brings
 * them up, sinks first so nothing pushes into a stopped element. The
 * elements are floating or owned by the caller. */
static gboolean
link_chain (GstElement *pipeline, GstPad *pad, GstElement *first, ...)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  g_autoptr(GstPad) sink_pad = NULL;
  GstElement *element;
  va_list args;

  /* A missing plugin ends the chain early; the decoder then reports it. */
  if (first == NULL)
    return FALSE;
  va_start (args, first);
  for (element = first; element != NULL; element = va_arg (args, GstElement *))
    g_ptr_array_add (chain, element);
  va_end (args);

  for (guint i = 0; i < chain->len; i++)
    {
      gst_bin_add (GST_BIN (pipeline), chain->pdata[i]);
      if (i > 0 && !gst_element_link (chain->pdata[i - 1], chain->pdata[i]))
        return FALSE;
    }
  for (guint i = chain->len; i > 0; i--)
    bring_up (pipeline, chain->pdata[i - 1]);

  sink_pad = gst_element_get_static_pad (first, "sink");
  return gst_pad_link (pad, sink_pad) == GST_PAD_LINK_OK;
}

static GstFlowReturn
on_appsink_new_sample (GstAppSink *appsink, gpointer data)
{
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (appsink);

  if (sample != NULL)
    rahnuma_video_paintable_queue_sample (data, sample);
  return GST_FLOW_OK;
}

static GstFlowReturn
on_appsink_new_preroll (GstAppSink *appsink, gpointer data)
{
  g_autoptr(GstSample) sample = gst_app_sink_pull_preroll (appsink);

  if (sample != NULL)
    rahnuma_video_paintable_queue_sample (data, sample);
  return GST_FLOW_OK;
}

static GstElement *
make_video_sink (RahnumaPlayer *self)
{
  static GstAppSinkCallbacks callbacks = {
    .new_sample = on_appsink_new_sample,
    .new_preroll = on_appsink_new_preroll,
  };
  g_autoptr(GstCaps) caps = gst_caps_from_string (VIDEO_CAPS);
  GstElement *appsink = gst_object_ref_sink (make_element ("appsink"));

  g_object_set (appsink,
                "caps", caps,
                "sync", TRUE,
                "qos", TRUE,
                "max-buffers", 1,
                "enable-last-sample", FALSE,
                NULL);
  gst_app_sink_set_callbacks (GST_APP_SINK (appsink), &callbacks,
                              g_object_ref (self->paintable), g_object_unref);
  return appsink;
}

static gboolean
link_video (RahnumaPlayer *self, GstPad *pad)
{
  if (!g_atomic_int_compare_and_exchange (&self->video_linked, FALSE, TRUE))
    return FALSE;
  return link_chain (self->pipeline, pad, make_element ("videoconvert"),
                     self->video_sink, NULL);
}

static gboolean
link_audio (RahnumaPlayer *self, GstPad *pad)
{
  if (!g_atomic_int_compare_and_exchange (&self->audio_linked, FALSE, TRUE))
    return FALSE;
  return link_chain (self->pipeline, pad, make_element ("audioconvert"),
                     make_element ("audioresample"), self->audio_sink, NULL);
}

/* Streams nobody watches or hears still need a sink, or the demuxer stops. */
static void
link_discard (RahnumaPlayer *self, GstPad *pad)
{
  GstElement *sink = make_element ("fakesink");

  g_object_set (sink, "sync", FALSE, "async", FALSE, NULL);
  link_chain (self->pipeline, pad, sink, NULL);
}

static gboolean
pad_is (GstPad *pad, const char *media_prefix)
{
  g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
  const char *name;

  if (caps == NULL)
    caps = gst_pad_query_caps (pad, NULL);
  if (caps == NULL || gst_caps_is_empty (caps))
    return FALSE;
  name = gst_structure_get_name (gst_caps_get_structure (caps, 0));
  return g_str_has_prefix (name, media_prefix);
}

/* Streaming thread. */
static void
on_media_pad_added (GstElement *decodebin, GstPad *pad, gpointer data)
{
  RahnumaPlayer *self = data;
  gboolean linked = FALSE;

  if (pad_is (pad, "video/"))
    linked = link_video (self, pad);
  else if (pad_is (pad, "audio/") && !self->use_narration)
    linked = link_audio (self, pad);
  if (!linked)
    link_discard (self, pad);
}

/* Streaming thread. */
static void
on_narration_pad_added (GstElement *decodebin, GstPad *pad, gpointer data)
{
  RahnumaPlayer *self = data;

  if (!pad_is (pad, "audio/") || !link_audio (self, pad))
    link_discard (self, pad);
}

static GstElement *
add_decoder (RahnumaPlayer *self, const char *path, GCallback on_pad_added)
{
  g_autofree char *uri = gst_filename_to_uri (path, NULL);
  GstElement *decodebin = make_element ("uridecodebin");

  g_object_set (decodebin, "uri", uri, NULL);
  g_signal_connect (decodebin, "pad-added", on_pad_added, self);
  gst_bin_add (GST_BIN (self->pipeline), decodebin);
  return decodebin;
}

/* A silent timeline as long as the picture time: the picture scene then
 * pauses, seeks and finishes like any other. The seek sent before the source
 * starts sets where its segment stops. */
static void
add_silence (RahnumaPlayer *self)
{
  GstElement *src = make_element ("audiotestsrc");
  GstElement *sink = make_element ("fakesink");

  gst_util_set_object_arg (G_OBJECT (src), "wave", "silence");
  g_object_set (sink, "sync", TRUE, NULL);
  gst_bin_add_many (GST_BIN (self->pipeline), src, sink, NULL);
  gst_element_link (src, sink);
  gst_element_send_event (src, gst_event_new_seek (1.0, GST_FORMAT_TIME, GST_SEEK_FLAG_NONE,
                                                   GST_SEEK_TYPE_SET, 0,
                                                   GST_SEEK_TYPE_SET, self->fixed_duration));
  self->position_sinks[0] = sink;
  self->control = sink;
}

/* ---- errors ------------------------------------------------------------- */

static GError *
make_error (int code, const char *path, const char *detail)
{
  g_autofree char *name = g_path_get_basename (path != NULL ? path : "");

  switch (code)
    {
    case RAHNUMA_PLAYER_ERROR_MISSING:
      return g_error_new (RAHNUMA_PLAYER_ERROR, code,
                          _("The file “%s” is missing."), name);
    case RAHNUMA_PLAYER_ERROR_DAMAGED:
      return g_error_new (RAHNUMA_PLAYER_ERROR, code,
                          _("The file “%s” is damaged or in a format the kiosk cannot play."),
                          name);
    default:
      return g_error_new (RAHNUMA_PLAYER_ERROR, RAHNUMA_PLAYER_ERROR_FAILED,
                          _("The scene could not be played: %s"), detail);
    }
}

/* One place maps GStreamer's errors to the player's domain. */
static int
error_code_for (const GError *gst_error)
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
  stop_tick (self);
  g_clear_handle_id (&self->error_idle_id, g_source_remove);
  g_clear_error (&self->pending_error);

  if (self->bus != NULL)
    {
      gst_bus_remove_watch (self->bus);
      gst_clear_object (&self->bus);
    }
  if (self->pipeline != NULL)
    {
      /* Joins the streaming threads: no callback runs after this. */
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      gst_clear_object (&self->pipeline);
    }
  if (self->audio_sink != NULL)
    {
      gst_element_set_state (self->audio_sink, GST_STATE_NULL);
      gst_clear_object (&self->audio_sink);
    }
  gst_clear_object (&self->video_sink);
  memset (self->position_sinks, 0, sizeof self->position_sinks);
  self->control = NULL;
  self->media_src = NULL;
  g_clear_pointer (&self->media_path, g_free);
  g_clear_pointer (&self->narration_path, g_free);
  self->use_narration = FALSE;
  self->audio_linked = FALSE;
  self->video_linked = FALSE;
  self->fixed_duration = 0;
  self->want_playing = FALSE;
  self->seeking = FALSE;
  self->landed = 0;
  self->finished = FALSE;
}

static void
fail (RahnumaPlayer *self, GError *error)
{
  g_object_ref (self);
  close_scene (self);
  set_state (self, RAHNUMA_PLAYER_STOPPED);
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
  g_error_free (error);
  g_object_unref (self);
}

static gboolean
on_error_idle (gpointer data)
{
  RahnumaPlayer *self = data;

  self->error_idle_id = 0;
  fail (self, g_steal_pointer (&self->pending_error));
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

/* ---- bus message handlers ----------------------------------------------- */

static const char *
path_for_source (RahnumaPlayer *self, GstObject *src)
{
  if (self->media_src != NULL
      && (src == GST_OBJECT (self->media_src)
          || gst_object_has_as_ancestor (src, GST_OBJECT (self->media_src))))
    return self->media_path;
  return self->narration_path != NULL ? self->narration_path : self->media_path;
}

static void
handle_error (RahnumaPlayer *self, GstMessage *message)
{
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *debug = NULL;
  int code;

  gst_message_parse_error (message, &gst_error, &debug);
  g_debug ("Playback error from %s: %s (%s)", GST_OBJECT_NAME (GST_MESSAGE_SRC (message)),
           gst_error->message, debug != NULL ? debug : "");
  code = error_code_for (gst_error);
  fail (self, make_error (code, path_for_source (self, GST_MESSAGE_SRC (message)),
                          gst_error->message));
}

static void
handle_eos (RahnumaPlayer *self)
{
  gint64 end = self->duration > 0 ? self->duration : query_position (self);

  stop_tick (self);
  sample_watched (self, end);
  set_position (self, end);
  self->finished = TRUE;
  self->want_playing = FALSE;
  gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
  set_state (self, RAHNUMA_PLAYER_FINISHED);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

static void
handle_state_changed (RahnumaPlayer *self, GstMessage *message)
{
  GstState old_state, new_state, pending;

  if (GST_MESSAGE_SRC (message) != GST_OBJECT (self->pipeline))
    return;
  gst_message_parse_state_changed (message, &old_state, &new_state, &pending);
  if (self->finished || pending != GST_STATE_VOID_PENDING)
    return;

  /* Known by now, and wanted before the state is announced. */
  if (self->duration <= 0)
    update_duration (self);
  if (new_state == GST_STATE_PLAYING)
    {
      start_tick (self);
      set_state (self, RAHNUMA_PLAYER_PLAYING);
    }
  else if (new_state == GST_STATE_PAUSED && !self->want_playing)
    {
      stop_tick (self);
      /* pause() sampled where it stopped; the last tick may be older. */
      if (self->last_sample >= 0)
        set_position (self, self->last_sample);
      set_state (self, RAHNUMA_PLAYER_PAUSED);
    }
}

/* Prerolled, or a seek has landed: the watched record starts afresh exactly
 * where the scene starts or where the seek was asked to land, rather than
 * wherever the sinks happen to be by the time the main loop sees this. */
static void
handle_async_done (RahnumaPlayer *self)
{
  gint64 landed = self->seeking ? self->seek_target : 0;

  update_duration (self);
  if (self->seeking || self->last_sample < 0)
    {
      self->seeking = FALSE;
      forget_last_sample (self);
      /* Running time starts at 0 there: at the start, and after a flushing seek. */
      self->landed = landed;
      record_sample (self, landed, 0);
      set_position (self, landed);
    }
}

static gboolean
on_bus_message (GstBus *bus, GstMessage *message, gpointer data)
{
  RahnumaPlayer *self = data;

  /* -Wswitch-enum: most message types are of no interest here. */
  switch ((int) GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      handle_error (self, message);
      break;
    case GST_MESSAGE_EOS:
      handle_eos (self);
      break;
    case GST_MESSAGE_STATE_CHANGED:
      handle_state_changed (self, message);
      break;
    case GST_MESSAGE_ASYNC_DONE:
      handle_async_done (self);
      break;
    case GST_MESSAGE_DURATION_CHANGED:
      update_duration (self);
      break;
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

/* ---- opening a scene ---------------------------------------------------- */

static gboolean
file_exists (const char *path)
{
  return path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
begin_scene (RahnumaPlayer *self, const char *media_path, const char *narration_path)
{
  gboolean has_audio;

  close_scene (self);
  rahnuma_video_paintable_clear (self->paintable);
  rahnuma_watched_clear (self->watched);
  forget_last_sample (self);
  update_watched (self);
  set_position (self, 0);
  set_duration (self, -1);
  set_state (self, RAHNUMA_PLAYER_LOADING);

  if (!file_exists (media_path))
    {
      fail_later (self, make_error (RAHNUMA_PLAYER_ERROR_MISSING, media_path, NULL));
      return FALSE;
    }
  if (narration_path != NULL && !file_exists (narration_path))
    g_debug ("Narration %s is missing; playing without it", narration_path);

  self->media_path = g_strdup (media_path);
  if (file_exists (narration_path))
    self->narration_path = g_strdup (narration_path);
  self->audio_sink = rahnuma_audio_sink_make (self->audio_sink_factory, &has_audio);
  self->video_sink = make_video_sink (self);
  set_has_audio (self, has_audio);
  self->pipeline = gst_object_ref_sink (gst_pipeline_new ("rahnuma-scene"));
  self->bus = gst_pipeline_get_bus (GST_PIPELINE (self->pipeline));
  gst_bus_add_watch (self->bus, on_bus_message, self);
  return TRUE;
}

static void
start_scene (RahnumaPlayer *self)
{
  self->want_playing = TRUE;
  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    g_debug ("The scene pipeline did not start; its bus says why");
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
    sample_watched (self, query_position (self));
  forget_last_sample (self);

  /* A picture cannot seek: only its audio timeline moves. The stop is kept
   * (seek_simple would clear it), so a silent picture still ends on time. */
  if (!gst_element_seek (self->control, 1.0, GST_FORMAT_TIME,
                         GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE,
                         GST_SEEK_TYPE_SET, target, GST_SEEK_TYPE_NONE, -1))
    {
      g_debug ("Seek to %" GST_TIME_FORMAT " refused", GST_TIME_ARGS (target));
      return;
    }
  self->seeking = TRUE;
  self->seek_target = target;
  set_position (self, target);
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
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RahnumaPlayer::error:
   * @error: a #GError in %RAHNUMA_PLAYER_ERROR, with a message for people
   *
   * The scene cannot be played; the player is stopped and ready for the next.
   */
  signals[SIGNAL_ERROR] =
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
  self->duration = -1;
  self->has_audio = TRUE;
  self->watched = rahnuma_watched_new ();
  self->last_sample = -1;
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

  if (!begin_scene (self, video_path, narration_path))
    return;

  self->use_narration = self->narration_path != NULL;
  self->media_src = add_decoder (self, video_path, G_CALLBACK (on_media_pad_added));
  if (self->use_narration)
    add_decoder (self, self->narration_path, G_CALLBACK (on_narration_pad_added));
  self->position_sinks[0] = self->video_sink;
  self->position_sinks[1] = self->audio_sink;
  self->control = self->pipeline;
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
 * Starts a picture scene: the state goes to LOADING, then PLAYING.
 */
void
rahnuma_player_open_picture (RahnumaPlayer *self,
                             const char    *picture_path,
                             const char    *narration_path)
{
  g_return_if_fail (RAHNUMA_IS_PLAYER (self));
  g_return_if_fail (picture_path != NULL);

  if (!begin_scene (self, picture_path, narration_path))
    return;

  self->media_src = add_decoder (self, picture_path, G_CALLBACK (on_media_pad_added));
  self->use_narration = TRUE; /* a picture's own "audio" is never played */
  if (self->narration_path != NULL)
    {
      add_decoder (self, self->narration_path, G_CALLBACK (on_narration_pad_added));
      self->position_sinks[0] = self->audio_sink;
      self->control = self->audio_sink;
    }
  else
    {
      self->fixed_duration = self->picture_time_ms * GST_MSECOND;
      add_silence (self);
    }
  start_scene (self);
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

  if (self->pipeline == NULL)
    return;
  if (self->finished)
    {
      rahnuma_player_replay (self);
      return;
    }
  self->want_playing = TRUE;
  gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
}

/**
 * rahnuma_player_pause:
 * @self: a #RahnumaPlayer
 */
void
rahnuma_player_pause (RahnumaPlayer *self)
{
  g_return_if_fail (RAHNUMA_IS_PLAYER (self));

  if (self->pipeline == NULL || self->finished)
    return;
  if (self->state == RAHNUMA_PLAYER_PLAYING && !self->seeking)
    sample_watched (self, query_position (self));
  self->want_playing = FALSE;
  gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
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
    sample_watched (self, query_position (self));
  close_scene (self);
  rahnuma_video_paintable_clear (self->paintable);
  set_state (self, RAHNUMA_PLAYER_STOPPED);
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

  if (self->pipeline == NULL)
    return;
  position = self->seeking ? self->position : query_position (self);
  if (position < 0)
    position = self->position;
  if (self->finished)
    {
      self->finished = FALSE;
      set_state (self, RAHNUMA_PLAYER_PAUSED);
    }
  seek_to (self, position + offset_ns);
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

  if (self->pipeline == NULL)
    return;
  self->finished = FALSE;
  seek_to (self, 0);
  self->want_playing = TRUE;
  gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
}

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
      position = query_position (self);
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
