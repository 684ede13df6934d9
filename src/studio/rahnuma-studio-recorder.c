/* rahnuma-studio-recorder.c — one GStreamer pipeline at a time, recording
 * (rahnuma_media_record_pipeline_new(), with its level meter) or playing
 * back, driven by bus watches on the main context: nothing here waits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-audio-sink.h"
#include "rahnuma-media-probe.h"
#include "rahnuma-studio-recorder.h"

struct _RahnumaStudioRecorder
{
  RahnumaStudioLevelFunc level;
  RahnumaStudioDoneFunc done;
  gpointer user_data;
  GstElement *pipeline;
  gboolean recording;
};

/**
 * rahnuma_studio_recorder_new:
 * @level: called on the main context with each level reading while recording
 * @done: called on the main context when a recording is finished (after
 *   rahnuma_studio_recorder_stop()) or a playback ends, with any error
 *
 * Returns: (transfer full): a recorder; free with rahnuma_studio_recorder_free()
 */
RahnumaStudioRecorder *
rahnuma_studio_recorder_new (RahnumaStudioLevelFunc level, RahnumaStudioDoneFunc done, gpointer user_data)
{
  RahnumaStudioRecorder *self = g_new0 (RahnumaStudioRecorder, 1);

  self->level = level;
  self->done = done;
  self->user_data = user_data;
  return self;
}

static void
teardown (RahnumaStudioRecorder *self)
{
  if (self->pipeline == NULL)
    return;
  gst_element_set_state (self->pipeline, GST_STATE_NULL);
  gst_bus_remove_watch (GST_ELEMENT_BUS (self->pipeline));
  g_clear_object (&self->pipeline);
}

/**
 * rahnuma_studio_recorder_free:
 *
 * Stops any recording or playback without calling done (the window is
 * going away); a recording's file is left unfinished for the caller to delete.
 */
void
rahnuma_studio_recorder_free (RahnumaStudioRecorder *self)
{
  teardown (self);
  g_free (self);
}

static void
finish (RahnumaStudioRecorder *self, const GError *error)
{
  teardown (self);
  self->done (error, self->user_data);
}

static gboolean
on_bus_message (GstBus *bus, GstMessage *message, gpointer data)
{
  RahnumaStudioRecorder *self = data;
  double peak_db;

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS)
    finish (self, NULL);
  else if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gst_message_parse_error (message, &error, NULL);
      finish (self, error);
    }
  else if (self->recording && rahnuma_media_level_peak_db (message, &peak_db))
    self->level (peak_db, self->user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
start (RahnumaStudioRecorder *self, GstElement *pipeline, GError **error)
{
  self->pipeline = pipeline;
  gst_bus_add_watch (GST_ELEMENT_BUS (pipeline), on_bus_message, self);
  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_set_error (error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_FAILED,
                   /* Translators: the studio could not start its microphone or loudspeaker */
                   _("The sound device cannot be started. Check that it is connected, then try again."));
      teardown (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * rahnuma_studio_recorder_record:
 * @path: the Ogg Opus file to write (a temporary name; the caller renames it)
 * @error: a #RAHNUMA_MEDIA_PROBE_ERROR
 *
 * Starts recording from $RAHNUMA_AUDIO_SOURCE (default autoaudiosrc) until
 * rahnuma_studio_recorder_stop().
 *
 * Returns: %TRUE if recording started
 */
gboolean
rahnuma_studio_recorder_record (RahnumaStudioRecorder *self, const char *path, GError **error)
{
  const char *source = g_getenv (RAHNUMA_AUDIO_SOURCE_ENV);
  GstElement *pipeline;

  g_return_val_if_fail (self->pipeline == NULL, FALSE);
  pipeline = rahnuma_media_record_pipeline_new (path, source != NULL && *source ? source : "autoaudiosrc", error);
  if (pipeline == NULL)
    return FALSE;
  self->recording = TRUE;
  return start (self, gst_object_ref_sink (pipeline), error);
}

/**
 * rahnuma_studio_recorder_play:
 * @path: a recording
 * @error: a #RAHNUMA_MEDIA_PROBE_ERROR
 *
 * Plays @path through $RAHNUMA_AUDIO_SINK (rahnuma_audio_sink_make()).
 *
 * Returns: %TRUE if playback started
 */
gboolean
rahnuma_studio_recorder_play (RahnumaStudioRecorder *self, const char *path, GError **error)
{
  GstElement *playbin = gst_element_factory_make ("playbin", NULL);
  g_autofree char *uri = gst_filename_to_uri (path, error);
  GstElement *sink;
  gboolean has_audio;

  g_return_val_if_fail (self->pipeline == NULL, FALSE);
  if (playbin == NULL || uri == NULL)
    {
      g_clear_object (&playbin);
      if (uri != NULL)
        g_set_error (error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_FAILED,
                     /* Translators: %s is a GStreamer element's name, e.g. playbin */
                     _("The GStreamer element “%s” is not installed"), "playbin");
      return FALSE;
    }
  sink = rahnuma_audio_sink_make (NULL, &has_audio);
  g_object_set (playbin, "uri", uri, "audio-sink", sink, NULL);
  gst_object_unref (sink);
  self->recording = FALSE;
  return start (self, gst_object_ref_sink (playbin), error);
}

/**
 * rahnuma_studio_recorder_stop:
 *
 * Ends a recording with EOS, so the Ogg file is finished (done follows when
 * it is); stops playback at once and calls done.
 */
void
rahnuma_studio_recorder_stop (RahnumaStudioRecorder *self)
{
  if (self->pipeline == NULL)
    return;
  if (self->recording)
    gst_element_send_event (self->pipeline, gst_event_new_eos ());
  else
    finish (self, NULL);
}

/**
 * rahnuma_studio_recorder_is_busy:
 *
 * Returns: %TRUE while recording (until done is called) or playing back
 */
gboolean
rahnuma_studio_recorder_is_busy (RahnumaStudioRecorder *self)
{
  return self->pipeline != NULL;
}
