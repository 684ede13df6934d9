/* rahnuma-media-probe.c — the trainers' media tools: will a file play, and
 * record a narration
 *
 * The validator (core) has no GStreamer; it asks rahnuma_media_probe_check()
 * whether a picture, video or narration would play. Probing prerolls the file
 * with GstDiscoverer, so the codec itself is exercised, not just the name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-media"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <string.h>

#include "rahnuma-media-probe.h"
#include "rahnuma-picture-header.h"

/* Long enough for a slow kiosk disk, short enough that a broken file
 * does not hang the validator. */
#define PROBE_TIMEOUT (10 * GST_SECOND)

struct _RahnumaMediaProbe
{
  GstDiscoverer *discoverer;
};

G_DEFINE_QUARK (rahnuma-media-probe-error-quark, rahnuma_media_probe_error)

/**
 * rahnuma_media_probe_new:
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a prober to pass as the data of
 *   rahnuma_media_probe_check(), or %NULL if GStreamer cannot start
 */
RahnumaMediaProbe *
rahnuma_media_probe_new (GError **error)
{
  RahnumaMediaProbe *probe;
  GstDiscoverer *discoverer;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!gst_init_check (NULL, NULL, error))
    return NULL;
  discoverer = gst_discoverer_new (PROBE_TIMEOUT, error);
  if (discoverer == NULL)
    return NULL;

  probe = g_new0 (RahnumaMediaProbe, 1);
  probe->discoverer = discoverer;
  return probe;
}

/**
 * rahnuma_media_probe_free:
 * @probe: (nullable) (transfer full): a #RahnumaMediaProbe
 *
 * Frees @probe; %NULL is allowed.
 */
void
rahnuma_media_probe_free (RahnumaMediaProbe *probe)
{
  if (probe == NULL)
    return;
  g_clear_object (&probe->discoverer);
  g_free (probe);
}

static gboolean
fail_unplayable (GError **error, const char *reason)
{
  g_set_error_literal (error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_UNPLAYABLE, reason);
  return FALSE;
}

static gboolean
check_result (GstDiscovererInfo *info, GError **error)
{
  switch (gst_discoverer_info_get_result (info))
    {
    case GST_DISCOVERER_OK:
      return TRUE;
    case GST_DISCOVERER_MISSING_PLUGINS:
      return fail_unplayable (error, _("this computer has no decoder for its format"));
    case GST_DISCOVERER_TIMEOUT:
      return fail_unplayable (error, _("it took too long to open"));
    case GST_DISCOVERER_URI_INVALID:
    case GST_DISCOVERER_ERROR:
    case GST_DISCOVERER_BUSY:
    default:
      return fail_unplayable (error, _("it is damaged or not a media file"));
    }
}

static gboolean
check_streams (GstDiscovererInfo *info, RahnumaMediaKind kind, GError **error)
{
  g_autolist(GstDiscovererStreamInfo) audio = gst_discoverer_info_get_audio_streams (info);
  g_autolist(GstDiscovererStreamInfo) video = gst_discoverer_info_get_video_streams (info);
  gboolean is_image = video != NULL && gst_discoverer_video_info_is_image (video->data);

  switch (kind)
    {
    case RAHNUMA_MEDIA_AUDIO:
      if (audio == NULL)
        return fail_unplayable (error, _("it has no sound"));
      if (gst_discoverer_info_get_duration (info) == 0)
        return fail_unplayable (error, _("its sound is empty"));
      return TRUE;
    case RAHNUMA_MEDIA_PICTURE:
      return is_image ? TRUE : fail_unplayable (error, _("it is not a picture"));
    case RAHNUMA_MEDIA_VIDEO:
      if (video == NULL || is_image)
        return fail_unplayable (error, _("it is not a video"));
      /* The caps' size, before a kiosk decodes a frame of it. */
      return rahnuma_media_check_size (kind, gst_discoverer_video_info_get_width (video->data),
                                       gst_discoverer_video_info_get_height (video->data), error);
    default:
      g_assert_not_reached ();
    }
}

/* GstDiscoverer waits 100 ms for a duration a still picture never has, so
 * pictures are prerolled directly: typefind must say image/…, and the
 * decoder must hand a raw frame to the sink. */
static gboolean
check_picture (const char *path, GError **error)
{
  g_autoptr(GstElement) pipeline = gst_parse_launch ("filesrc name=src ! typefind name=typefind ! "
                                                     "decodebin ! fakesink name=sink", NULL);
  g_autoptr(GstElement) src = NULL;
  g_autoptr(GstElement) typefind = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GstCaps) found = NULL;
  g_autoptr(GstPad) sink_pad = NULL;
  g_autoptr(GstCaps) decoded = NULL;

  if (pipeline == NULL)
    return fail_unplayable (error, _("this computer has no decoder for its format"));
  src = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  typefind = gst_bin_get_by_name (GST_BIN (pipeline), "typefind");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_set (src, "location", path, NULL);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PAUSED);
  message = gst_bus_timed_pop_filtered (bus, PROBE_TIMEOUT, GST_MESSAGE_ASYNC_DONE | GST_MESSAGE_ERROR);
  g_object_get (typefind, "caps", &found, NULL);
  sink_pad = gst_element_get_static_pad (sink, "sink");
  decoded = gst_pad_get_current_caps (sink_pad);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  if (message == NULL || GST_MESSAGE_TYPE (message) != GST_MESSAGE_ASYNC_DONE || decoded == NULL)
    return fail_unplayable (error, _("it is damaged or not a media file"));
  if (found == NULL || !g_str_has_prefix (gst_structure_get_name (gst_caps_get_structure (found, 0)), "image/"))
    return fail_unplayable (error, _("it is not a picture"));
  return TRUE;
}

/**
 * rahnuma_media_probe_check:
 * @path: an existing file
 * @kind: what the package uses it as
 * @probe: a #RahnumaMediaProbe
 * @error: return location for a #RAHNUMA_MEDIA_PROBE_ERROR, or a
 *   #RAHNUMA_PICTURE_HEADER_ERROR for a picture's header or a size beyond
 *   the kiosk's limits; its message a short reason
 *
 * A #RahnumaMediaProbeFunc: checks a picture's header and size, then
 * decodes the start of @path; a video's size comes from its caps.
 *
 * Returns: %TRUE if the kiosk could play @path as @kind
 */
gboolean
rahnuma_media_probe_check (const char        *path,
                           RahnumaMediaKind   kind,
                           gpointer           probe,
                           GError           **error)
{
  RahnumaMediaProbe *self = probe;
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self != NULL, FALSE);

  /* The header's size first: a picture too large is never decoded here. */
  if (kind == RAHNUMA_MEDIA_PICTURE)
    return rahnuma_picture_check_file (path, error) && check_picture (path, error);
  uri = gst_filename_to_uri (path, error);
  if (uri == NULL)
    return FALSE;
  info = gst_discoverer_discover_uri (self->discoverer, uri, &local_error);
  if (info == NULL)
    return fail_unplayable (error, _("it is damaged or not a media file"));
  return check_result (info, error) && check_streams (info, kind, error);
}

/* Recording -------------------------------------------------------------- */

typedef struct
{
  GMainLoop *loop;
  GstElement *pipeline;
  GError *error;
  guint timeout_id;
  guint finish_id;
  gboolean stopping;
} Recording;

/* How long the encoder may take to finish the file after the trainer stops. */
#define FINISH_TIMEOUT_SECONDS 10

/* A device that never lets EOS through must not hang the tool. */
static gboolean
on_finish_timeout (gpointer data)
{
  Recording *recording = data;

  recording->finish_id = 0;
  if (recording->error == NULL)
    g_set_error (&recording->error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_FAILED,
                 _("The recording did not finish; try again"));
  g_main_loop_quit (recording->loop);
  return G_SOURCE_REMOVE;
}

/* EOS rather than a hard stop, so the Ogg file is finished and playable. */
static void
stop_recording (Recording *recording)
{
  if (recording->stopping)
    return;
  recording->stopping = TRUE;
  recording->finish_id = g_timeout_add_seconds (FINISH_TIMEOUT_SECONDS, on_finish_timeout, recording);
  gst_element_send_event (recording->pipeline, gst_event_new_eos ());
}

static gboolean
on_record_timeout (gpointer data)
{
  Recording *recording = data;

  recording->timeout_id = 0;
  stop_recording (recording);
  return G_SOURCE_REMOVE;
}

static void
on_stop_cancelled (GCancellable *cancellable, gpointer data)
{
  stop_recording (data);
}

static gboolean
on_record_bus_message (GstBus *bus, GstMessage *message, gpointer data)
{
  Recording *recording = data;
  g_autoptr(GError) error = NULL;

  /* GstMessageType is a bit set with dozens of members: only two matter. */
  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS)
    g_main_loop_quit (recording->loop);
  else if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      gst_message_parse_error (message, &error, NULL);
      if (recording->error == NULL)
        g_set_error (&recording->error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_FAILED,
                     /* Translators: %s is why (an error message) */
                     _("Recording failed: %s"), error->message);
      g_main_loop_quit (recording->loop);
    }
  return G_SOURCE_CONTINUE;
}

/* A factory name, or for a source with properties (tests:
 * "audiotestsrc wave=silence is-live=true") a bin described as gst-launch would. */
static GstElement *
make_element (const char *factory, GError **error)
{
  GstElement *element;

  if (strchr (factory, ' ') != NULL)
    return gst_parse_bin_from_description (factory, TRUE, error);
  element = gst_element_factory_make (factory, NULL);

  if (element == NULL)
    g_set_error (error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_FAILED,
                 /* Translators: %s is a GStreamer element name, such as “pulsesrc” */
                 _("The GStreamer element “%s” is not installed"), factory);
  return element;
}

/**
 * rahnuma_media_record_pipeline_new:
 * @path: the Ogg Opus file to write
 * @source_element: a GStreamer source element name, or a gst-launch
 *   description of one ("audiotestsrc wave=silence")
 * @error: a #RAHNUMA_MEDIA_PROBE_ERROR
 *
 * source ! audioconvert ! level ! audioresample ! opusenc ! oggmux ! filesink,
 * not yet started. The level element posts "level" element messages (peak
 * and RMS in dB per channel, every 100 ms) for a live meter. Send EOS to
 * finish the file.
 *
 * Returns: (transfer full) (nullable): the pipeline
 */
GstElement *
rahnuma_media_record_pipeline_new (const char *path, const char *source_element, GError **error)
{
  const char *factories[] = { source_element, "audioconvert", "level", "audioresample", "opusenc", "oggmux",
                              "filesink" };
  g_autoptr(GstElement) pipeline = gst_pipeline_new ("rahnuma-record");
  GstElement *elements[G_N_ELEMENTS (factories)];

  for (gsize i = 0; i < G_N_ELEMENTS (factories); i++)
    {
      elements[i] = make_element (factories[i], error);
      if (elements[i] == NULL)
        return NULL;
      gst_bin_add (GST_BIN (pipeline), elements[i]);
      if (i > 0 && !gst_element_link (elements[i - 1], elements[i]))
        {
          g_set_error (error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_FAILED,
                       /* Translators: both %s are GStreamer element names */
                       _("Cannot link %s to %s"), factories[i - 1], factories[i]);
          return NULL;
        }
    }
  /* A test source must run in real time, or a few seconds become hours of audio. */
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (elements[0]), "is-live") != NULL)
    g_object_set (elements[0], "is-live", TRUE, NULL);
  g_object_set (elements[G_N_ELEMENTS (factories) - 1], "location", path, NULL);
  return g_steal_pointer (&pipeline);
}

/**
 * rahnuma_media_record_audio:
 * @path: the Ogg Opus file to write
 * @source_element: (nullable): a GStreamer source element name; %NULL for the microphone
 * @max_seconds: stop after this long; 0 for no limit
 * @stop: (nullable): cancel it to stop recording (when the trainer presses Enter)
 * @error: return location for a #RAHNUMA_MEDIA_PROBE_ERROR
 *
 * Records from @source_element until @stop or @max_seconds, running the
 * thread-default main context meanwhile.
 *
 * Returns: %TRUE if @path holds a finished recording
 */
gboolean
rahnuma_media_record_audio (const char    *path,
                            const char    *source_element,
                            guint          max_seconds,
                            GCancellable  *stop,
                            GError       **error)
{
  Recording recording = { 0 };
  g_autoptr(GstBus) bus = NULL;
  gulong cancelled_id = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!gst_init_check (NULL, NULL, error))
    return FALSE;
  recording.pipeline = rahnuma_media_record_pipeline_new (path, source_element ? source_element : "autoaudiosrc", error);
  if (recording.pipeline == NULL)
    return FALSE;
  recording.loop = g_main_loop_new (NULL, FALSE);
  bus = gst_pipeline_get_bus (GST_PIPELINE (recording.pipeline));
  gst_bus_add_watch (bus, on_record_bus_message, &recording);

  if (gst_element_set_state (recording.pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    g_set_error (&recording.error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_FAILED,
                 /* Translators: %s is an audio device or element name */
                 _("Cannot start recording from %s"), source_element ? source_element : "autoaudiosrc");
  else
    {
      if (max_seconds > 0)
        recording.timeout_id = g_timeout_add_seconds (max_seconds, on_record_timeout, &recording);
      if (stop != NULL)
        cancelled_id = g_cancellable_connect (stop, G_CALLBACK (on_stop_cancelled), &recording, NULL);
      g_main_loop_run (recording.loop);
    }

  g_cancellable_disconnect (stop, cancelled_id);
  g_clear_handle_id (&recording.timeout_id, g_source_remove);
  g_clear_handle_id (&recording.finish_id, g_source_remove);
  gst_element_set_state (recording.pipeline, GST_STATE_NULL);
  gst_bus_remove_watch (bus);
  gst_object_unref (recording.pipeline);
  g_main_loop_unref (recording.loop);
  if (recording.error != NULL)
    {
      g_propagate_error (error, recording.error);
      return FALSE;
    }
  return TRUE;
}
