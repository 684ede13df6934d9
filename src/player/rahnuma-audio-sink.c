/* rahnuma-audio-sink.c — an audio sink that works, or a silent stand-in
 *
 * A kiosk may have no sound card, or the sound server may be gone. Playback
 * must then go on silently at real-time pace (the visitor reads subtitles),
 * so when the chosen sink cannot reach READY it is replaced by a
 * fakesink that synchronises on the clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-player"

#include "rahnuma-audio-sink.h"

#define DEFAULT_AUDIO_SINK "autoaudiosink"

/* autoaudiosink quietly falls back to a fakesink of its own when it finds no
 * device; look inside so has-audio stays honest. */
static gboolean
is_fake_inside (GstElement *sink)
{
  g_autoptr(GstIterator) iter = NULL;
  GValue item = G_VALUE_INIT;
  gboolean fake = FALSE;

  if (!GST_IS_BIN (sink))
    return FALSE;

  iter = gst_bin_iterate_sinks (GST_BIN (sink));
  while (gst_iterator_next (iter, &item) == GST_ITERATOR_OK)
    {
      GstElementFactory *factory = gst_element_get_factory (g_value_get_object (&item));

      if (factory != NULL && g_str_equal (GST_OBJECT_NAME (factory), "fakesink"))
        fake = TRUE;
      g_value_reset (&item);
    }
  g_value_unset (&item);
  return fake;
}

static GstElement *
try_sink (const char *factory_name)
{
  GstElement *sink = gst_element_factory_make (factory_name, NULL);

  if (sink == NULL)
    {
      g_debug ("No audio sink factory “%s”", factory_name);
      return NULL;
    }
  gst_object_ref_sink (sink);
  if (gst_element_set_state (sink, GST_STATE_READY) == GST_STATE_CHANGE_FAILURE
      || is_fake_inside (sink))
    {
      g_debug ("Audio sink “%s” cannot start: playing silently", factory_name);
      gst_element_set_state (sink, GST_STATE_NULL);
      gst_object_unref (sink);
      return NULL;
    }
  return sink;
}

static GstElement *
make_silent_sink (void)
{
  GstElement *sink = gst_element_factory_make ("fakesink", "silent-audio-sink");

  /* sync keeps the scene at real-time pace, as a sound card would. */
  g_object_set (sink, "sync", TRUE, NULL);
  return gst_object_ref_sink (sink);
}

/**
 * rahnuma_audio_sink_make:
 * @factory_name: (nullable): the sink factory to use; %NULL for
 *   $RAHNUMA_AUDIO_SINK, or else autoaudiosink
 * @has_audio: (out): whether the sink will be heard
 *
 * Makes an audio sink already in READY state, or a silent clock-synced
 * fakesink when the device cannot be opened. The caller must set the
 * element back to NULL state before dropping it.
 *
 * Returns: (transfer full): an audio sink
 */
GstElement *
rahnuma_audio_sink_make (const char *factory_name,
                         gboolean   *has_audio)
{
  GstElement *sink;

  g_return_val_if_fail (has_audio != NULL, NULL);

  if (factory_name == NULL)
    factory_name = g_getenv (RAHNUMA_AUDIO_SINK_ENV);
  if (factory_name == NULL || *factory_name == '\0')
    factory_name = DEFAULT_AUDIO_SINK;

  sink = try_sink (factory_name);
  *has_audio = sink != NULL;
  if (sink == NULL)
    sink = make_silent_sink ();
  return sink;
}
