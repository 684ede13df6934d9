/* rahnuma-pipeline.c — the GStreamer pipeline of one scene (player-internal)
 *
 * One pipeline per scene, built from uridecodebin elements whose pads are
 * linked as they appear:
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
 * touch what was set up before the pipeline started. Freeing the pipeline
 * joins them; first it closes the door on pad-added (under the lock), since
 * a sink brought up after the pipeline began to shut down would wait for
 * preroll forever, holding the stream lock the shutdown needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-player"

#include "rahnuma-pipeline.h"
#include "rahnuma-audio-sink.h"

#include <gst/app/gstappsink.h>
#include <gst/video/video.h>

#include "rahnuma-exif.h"
#include "rahnuma-media-probe.h"

#define VIDEO_CAPS "video/x-raw,format=(string){BGRA,RGBA}"

struct _RahnumaPipeline
{
  GMutex lock;                   /* pad-added against shutting down */
  gboolean closing;              /* guarded by lock */
  GstElement *pipeline;
  GstBus *bus;
  GstElement *audio_sink;        /* owned; linked to the first audio pad wanted */
  GstElement *volume;            /* owned; before the audio sink, so every sink obeys it */
  GstElement *video_sink;        /* owned; NULL for sound only */
  GstElement *position_sinks[2]; /* unowned: the sinks whose position is the scene's */
  GstElement *control;           /* unowned: takes seeks and duration queries */
  GstElement *media_src;         /* unowned: uridecodebin of the video or picture */
  char *media_path;
  char *narration_path;          /* NULL when there is none to play */
  gboolean use_narration;        /* the media's own sound is not played */
  gint audio_linked;             /* atomic: the audio sink has its pad */
  gint video_linked;             /* atomic: the appsink has its pad */
  GstVideoOrientationMethod direction; /* how to turn frames upright: from tags, or a JPEG's EXIF */
  gint64 fixed_duration;         /* silent picture: the picture time */
};

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

/* ---- sinks -------------------------------------------------------------- */

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
make_video_sink (RahnumaVideoPaintable *paintable)
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
                              g_object_ref (paintable), g_object_unref);
  return appsink;
}

/* ---- linking pads as they appear (streaming threads) -------------------- */

static gboolean
link_video (RahnumaPipeline *self, GstPad *pad)
{
  if (self->video_sink == NULL)
    return FALSE;
  if (!g_atomic_int_compare_and_exchange (&self->video_linked, FALSE, TRUE))
    return FALSE;
  {
    GstElement *flip = make_element ("videoflip");

    /* A phone's photo or video is stored sideways with a note of which way is up. */
    g_object_set (flip, "video-direction", self->direction, NULL);
    return link_chain (self->pipeline, pad, make_element ("videoconvert"), flip,
                       self->video_sink, NULL);
  }
}

static gboolean
link_audio (RahnumaPipeline *self, GstPad *pad)
{
  if (!g_atomic_int_compare_and_exchange (&self->audio_linked, FALSE, TRUE))
    return FALSE;
  return link_chain (self->pipeline, pad, make_element ("audioconvert"), self->volume,
                     make_element ("audioresample"), self->audio_sink, NULL);
}

/* Streams nobody watches or hears still need a sink, or the demuxer stops. */
static void
link_discard (RahnumaPipeline *self, GstPad *pad)
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

static void
on_media_pad_added (GstElement *decodebin, GstPad *pad, gpointer data)
{
  RahnumaPipeline *self = data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  gboolean linked = FALSE;

  if (self->closing)
    return;
  if (pad_is (pad, "video/"))
    linked = link_video (self, pad);
  else if (pad_is (pad, "audio/") && !self->use_narration)
    linked = link_audio (self, pad);
  if (!linked)
    link_discard (self, pad);
}

static void
on_narration_pad_added (GstElement *decodebin, GstPad *pad, gpointer data)
{
  RahnumaPipeline *self = data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  if (self->closing)
    return;
  if (!pad_is (pad, "audio/") || !link_audio (self, pad))
    link_discard (self, pad);
}

/* ---- building ----------------------------------------------------------- */

static GstElement *
add_decoder (RahnumaPipeline *self, const char *path, GCallback on_pad_added)
{
  g_autofree char *uri = gst_filename_to_uri (path, NULL);
  GstElement *decodebin = make_element ("uridecodebin");

  g_object_set (decodebin, "uri", uri, NULL);
  g_signal_connect (decodebin, "pad-added", on_pad_added, self);
  gst_bin_add (GST_BIN (self->pipeline), decodebin);
  return decodebin;
}

/* A silent timeline @duration long: the picture scene then pauses, seeks and
 * finishes like any other. The seek sent before the source starts sets where
 * its segment stops. */
static void
add_silence (RahnumaPipeline *self, gint64 duration)
{
  GstElement *src = make_element ("audiotestsrc");
  GstElement *sink = make_element ("fakesink");

  gst_util_set_object_arg (G_OBJECT (src), "wave", "silence");
  g_object_set (sink, "sync", TRUE, NULL);
  gst_bin_add_many (GST_BIN (self->pipeline), src, sink, NULL);
  gst_element_link (src, sink);
  gst_element_send_event (src, gst_event_new_seek (1.0, GST_FORMAT_TIME, GST_SEEK_FLAG_NONE,
                                                   GST_SEEK_TYPE_SET, 0,
                                                   GST_SEEK_TYPE_SET, duration));
  self->fixed_duration = duration;
  self->position_sinks[0] = sink;
  self->control = sink;
}

/**
 * rahnuma_pipeline_new:
 * @paintable: (nullable): where video frames go; %NULL for sound only
 * @audio_sink_factory: (nullable): see rahnuma_audio_sink_make()
 * @has_audio: (out): whether the scene will be heard
 *
 * Returns: (transfer full): an empty scene pipeline; add a video or a
 *   picture, watch its bus, then set it playing
 */
RahnumaPipeline *
rahnuma_pipeline_new (RahnumaVideoPaintable *paintable,
                      const char            *audio_sink_factory,
                      gboolean              *has_audio)
{
  RahnumaPipeline *self = g_new0 (RahnumaPipeline, 1);

  g_mutex_init (&self->lock);
  self->direction = GST_VIDEO_ORIENTATION_AUTO; /* a video's own orientation tag */
  self->audio_sink = rahnuma_audio_sink_make (audio_sink_factory, has_audio);
  self->volume = gst_object_ref_sink (make_element ("volume"));
  if (paintable != NULL)
    self->video_sink = make_video_sink (paintable);
  self->pipeline = gst_object_ref_sink (gst_pipeline_new ("rahnuma-scene"));
  self->bus = gst_pipeline_get_bus (GST_PIPELINE (self->pipeline));
  return self;
}

/**
 * rahnuma_pipeline_free:
 * @self: (transfer full) (nullable): a #RahnumaPipeline
 *
 * Stops the pipeline, joining its streaming threads, and frees it. No bus
 * message or callback of it arrives afterwards.
 */
void
rahnuma_pipeline_free (RahnumaPipeline *self)
{
  if (self == NULL)
    return;

  g_mutex_lock (&self->lock);
  self->closing = TRUE;
  g_mutex_unlock (&self->lock);

  gst_bus_remove_watch (self->bus);
  gst_element_set_state (self->pipeline, GST_STATE_NULL);
  /* Never linked, it stayed out of the pipeline, still READY. */
  gst_element_set_state (self->audio_sink, GST_STATE_NULL);
  gst_element_set_state (self->volume, GST_STATE_NULL);
  gst_object_unref (self->pipeline);
  gst_object_unref (self->bus);
  gst_object_unref (self->audio_sink);
  gst_object_unref (self->volume);
  gst_clear_object (&self->video_sink);
  g_free (self->media_path);
  g_free (self->narration_path);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/**
 * rahnuma_pipeline_add_video:
 * @self: a #RahnumaPipeline
 * @video_path: an existing WebM or Ogg video
 * @narration_path: (nullable): existing audio to play instead of the
 *   video's own sound
 */
void
rahnuma_pipeline_add_video (RahnumaPipeline *self,
                            const char      *video_path,
                            const char      *narration_path)
{
  self->media_path = g_strdup (video_path);
  self->narration_path = g_strdup (narration_path);
  self->use_narration = narration_path != NULL;
  self->media_src = add_decoder (self, video_path, G_CALLBACK (on_media_pad_added));
  if (narration_path != NULL)
    add_decoder (self, narration_path, G_CALLBACK (on_narration_pad_added));
  self->position_sinks[0] = self->video_sink;
  self->position_sinks[1] = self->audio_sink;
  self->control = self->pipeline;
}

/**
 * rahnuma_pipeline_add_picture:
 * @self: a #RahnumaPipeline
 * @picture_path: an existing PNG or JPEG picture
 * @narration_path: (nullable): existing narration; the scene ends with it
 * @silence_ns: without narration, how long the scene lasts
 */
void
rahnuma_pipeline_add_picture (RahnumaPipeline *self,
                              const char      *picture_path,
                              const char      *narration_path,
                              gint64           silence_ns)
{
  self->media_path = g_strdup (picture_path);
  self->narration_path = g_strdup (narration_path);
  /* GStreamer's base and good plugins do not read EXIF: rahnuma-exif.c does. */
  self->direction = rahnuma_exif_video_direction (rahnuma_exif_read_orientation (picture_path));
  self->use_narration = TRUE; /* a picture's own "sound" is never played */
  self->media_src = add_decoder (self, picture_path, G_CALLBACK (on_media_pad_added));
  if (narration_path == NULL)
    {
      add_silence (self, silence_ns);
      return;
    }
  add_decoder (self, narration_path, G_CALLBACK (on_narration_pad_added));
  self->position_sinks[0] = self->audio_sink;
  self->control = self->audio_sink;
}

/**
 * rahnuma_pipeline_add_sound:
 * @self: a #RahnumaPipeline
 * @path: an existing audio file
 *
 * A clip with no picture: language names, prompts, questions read aloud.
 */
void
rahnuma_pipeline_add_sound (RahnumaPipeline *self,
                            const char      *path)
{
  self->media_path = g_strdup (path);
  self->media_src = add_decoder (self, path, G_CALLBACK (on_narration_pad_added));
  self->position_sinks[0] = self->audio_sink;
  self->control = self->audio_sink;
}

/**
 * rahnuma_pipeline_watch:
 * @self: a #RahnumaPipeline
 * @func: called for each bus message, on the thread-default main context
 * @user_data: for @func; must outlive the pipeline
 */
void
rahnuma_pipeline_watch (RahnumaPipeline *self,
                        GstBusFunc       func,
                        gpointer         user_data)
{
  gst_bus_add_watch (self->bus, func, user_data);
}

/**
 * rahnuma_pipeline_get_element:
 * @self: a #RahnumaPipeline
 *
 * Returns: (transfer none): the GStreamer pipeline
 */
GstElement *
rahnuma_pipeline_get_element (RahnumaPipeline *self)
{
  return self->pipeline;
}

/**
 * rahnuma_pipeline_query_position:
 * @self: a #RahnumaPipeline
 *
 * Returns: where the furthest linked sink is (what was rendered, not what
 *   was read), or -1 when none can say
 */
gint64
rahnuma_pipeline_query_position (RahnumaPipeline *self)
{
  gint64 position = -1;

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
  return position;
}

/**
 * rahnuma_pipeline_query_duration:
 * @self: a #RahnumaPipeline
 *
 * Returns: the scene's length, or -1 while unknown
 */
gint64
rahnuma_pipeline_query_duration (RahnumaPipeline *self)
{
  gint64 duration = -1;

  if (self->fixed_duration > 0)
    return self->fixed_duration;
  if (self->control == NULL
      || !gst_element_query_duration (self->control, GST_FORMAT_TIME, &duration))
    return -1;
  return duration > 0 ? duration : -1;
}

/**
 * rahnuma_pipeline_query_running_time:
 * @self: a #RahnumaPipeline
 *
 * Returns: how much the pipeline has played since it started or a flushing
 *   seek landed, or -1 when it is not playing
 */
gint64
rahnuma_pipeline_query_running_time (RahnumaPipeline *self)
{
  GstClockTime running_time = GST_CLOCK_TIME_NONE;

  if (GST_STATE (self->pipeline) == GST_STATE_PLAYING)
    running_time = gst_element_get_current_running_time (self->pipeline);
  return GST_CLOCK_TIME_IS_VALID (running_time) ? (gint64) running_time : -1;
}

/**
 * rahnuma_pipeline_seek:
 * @self: a #RahnumaPipeline
 * @target: where to go, in nanoseconds
 *
 * Returns: whether the seek was accepted; it lands with ASYNC_DONE
 */
gboolean
rahnuma_pipeline_seek (RahnumaPipeline *self,
                       gint64           target)
{
  /* A picture cannot seek: only its audio timeline moves. The stop is kept
   * (seek_simple would clear it), so a silent picture still ends on time. */
  return gst_element_seek (self->control, 1.0, GST_FORMAT_TIME,
                           GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE,
                           GST_SEEK_TYPE_SET, target, GST_SEEK_TYPE_NONE, -1);
}

/**
 * rahnuma_pipeline_path_for:
 * @self: a #RahnumaPipeline
 * @source: the element that posted a message
 *
 * Returns: (transfer none): the file that @source was playing
 */
const char *
rahnuma_pipeline_path_for (RahnumaPipeline *self,
                           GstObject       *source)
{
  if (self->media_src != NULL
      && (source == GST_OBJECT (self->media_src)
          || gst_object_has_as_ancestor (source, GST_OBJECT (self->media_src))))
    return self->media_path;
  return self->narration_path != NULL ? self->narration_path : self->media_path;
}

/**
 * rahnuma_pipeline_set_volume:
 * @self: a #RahnumaPipeline
 * @volume: the loudness, from 0.0 (silent) to 1.0 (the recording's own)
 *
 * Sets how loud the scene or clip is heard, now or once its sound starts:
 * a GStreamer "volume" element in front of the audio sink (linear scale).
 * Any thread; takes effect within one buffer.
 */
void
rahnuma_pipeline_set_volume (RahnumaPipeline *self, double volume)
{
  g_return_if_fail (self != NULL);

  g_object_set (self->volume, "volume", CLAMP (volume, 0.0, 1.0), NULL);
}
