/* rahnuma-audio-meter.c — how loud, how long and how clipped a narration is
 *
 * Decodes the clip as fast as it goes (no clock) through GStreamer's `level`
 * element, which posts the peak and RMS of every 10 ms block; those are
 * summed up into a RahnumaAudioLevels for the validator.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-media"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/gst.h>
#include <math.h>

#include "rahnuma-media-probe.h"

#define BLOCK (10 * GST_MSECOND)
/* A decoded float sample at or above this is at full scale. Lossy codecs
 * spread a clipped wave a little above and below 1.0, hence not 0 dB. */
#define FULL_SCALE_DB (-0.1)
#define VOICED_DB     (-50.0)
/* Decoding runs far faster than real time; a file that takes this long is broken. */
#define MEASURE_TIMEOUT (60 * GST_SECOND)

typedef struct
{
  double seconds;
  double peak_db;
  double clipped_seconds;
  double voiced_power; /* sum of linear power × seconds over voiced blocks */
  double voiced_seconds;
} Totals;

/* The largest of a `level` message's per-channel values (in dB); with
 * @power_mean, the mean power over channels instead, in dB. */
static double
channel_value (const GstStructure *s, const char *field, gboolean power_mean)
{
  const GValue *value = gst_structure_get_value (s, field);
  double result = -INFINITY, power = 0.0;
  guint n;

  /* `level` posts GValueArrays (its documented message format in 1.22). */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GValueArray *array = value != NULL ? g_value_get_boxed (value) : NULL;

  n = array != NULL ? array->n_values : 0;
  for (guint i = 0; i < n; i++)
    {
      double db = g_value_get_double (&array->values[i]);

      result = MAX (result, db);
      power += pow (10.0, db / 10.0);
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (power_mean && n > 0)
    return 10.0 * log10 (power / n);
  return result;
}

/**
 * rahnuma_media_level_peak_db:
 * @message: a bus message
 * @peak_db: (out): the loudest channel's peak in this block, in dBFS
 *
 * Reads a `level` element's message, for a live meter.
 *
 * Returns: %TRUE if @message is a level message
 */
gboolean
rahnuma_media_level_peak_db (GstMessage *message, double *peak_db)
{
  const GstStructure *s = gst_message_get_structure (message);

  if (GST_MESSAGE_TYPE (message) != GST_MESSAGE_ELEMENT || s == NULL || !gst_structure_has_name (s, "level"))
    return FALSE;
  *peak_db = channel_value (s, "peak", FALSE);
  return TRUE;
}

static void
add_block (Totals *totals, const GstStructure *s)
{
  GstClockTime duration = BLOCK;
  double seconds, peak, rms;

  gst_structure_get_uint64 (s, "duration", &duration);
  seconds = (double) duration / GST_SECOND;
  peak = channel_value (s, "peak", FALSE);
  rms = channel_value (s, "rms", TRUE);

  totals->seconds += seconds;
  totals->peak_db = MAX (totals->peak_db, peak);
  if (peak >= FULL_SCALE_DB)
    totals->clipped_seconds += seconds;
  if (rms > VOICED_DB)
    {
      totals->voiced_power += pow (10.0, rms / 10.0) * seconds;
      totals->voiced_seconds += seconds;
    }
}

static GstElement *
build_meter_pipeline (const char *path, GError **error)
{
  GstElement *pipeline = gst_parse_launch (
    "filesrc name=source ! decodebin ! audioconvert ! audio/x-raw,format=F32LE "
    "! level name=level post-messages=true ! fakesink sync=false", error);
  g_autoptr(GstElement) source = NULL;
  g_autoptr(GstElement) level = NULL;

  if (pipeline == NULL)
    return NULL;
  source = gst_bin_get_by_name (GST_BIN (pipeline), "source");
  level = gst_bin_get_by_name (GST_BIN (pipeline), "level");
  g_object_set (source, "location", path, NULL);
  g_object_set (level, "interval", (guint64) BLOCK, NULL);
  return pipeline;
}

/* Runs @pipeline to its end, adding up every block; FALSE with @error on failure. */
static gboolean
run_meter (GstElement *pipeline, Totals *totals, GError **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  GstClockTime deadline = g_get_monotonic_time () * GST_USECOND + MEASURE_TIMEOUT;

  for (;;)
    {
      GstClockTime now = g_get_monotonic_time () * GST_USECOND;
      g_autoptr(GstMessage) message = gst_bus_timed_pop_filtered (
        bus, now < deadline ? deadline - now : 0, GST_MESSAGE_ELEMENT | GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
      const GstStructure *s;

      if (message == NULL)
        {
          g_set_error_literal (error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_FAILED,
                               /* Translators: a reason, after "audio/ur/scene-1.ogg: " */
                               _("it took too long to measure"));
          return FALSE;
        }
      if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS)
        return TRUE;
      if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
        {
          gst_message_parse_error (message, error, NULL);
          return FALSE;
        }
      s = gst_message_get_structure (message);
      if (s != NULL && gst_structure_has_name (s, "level"))
        add_block (totals, s);
    }
}

/**
 * rahnuma_media_measure_audio:
 * @path: an audio file GStreamer can decode
 * @levels: (out caller-allocates): what was measured
 * @user_data: unused, so that it serves as a #RahnumaAudioMeterFunc
 * @error: a #RAHNUMA_MEDIA_PROBE_ERROR, or GStreamer's own error
 *
 * Decodes @path once, blocking, and measures it in 10 ms blocks.
 *
 * Returns: %TRUE if @levels was filled
 */
gboolean
rahnuma_media_measure_audio (const char          *path,
                             RahnumaAudioLevels  *levels,
                             gpointer             user_data,
                             GError             **error)
{
  Totals totals = { 0.0, -INFINITY, 0.0, 0.0, 0.0 };
  GstElement *pipeline;
  gboolean ok;

  g_return_val_if_fail (path != NULL && levels != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!gst_init_check (NULL, NULL, error) || (pipeline = build_meter_pipeline (path, error)) == NULL)
    return FALSE;
  ok = gst_element_set_state (pipeline, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE;
  if (ok)
    ok = run_meter (pipeline, &totals, error);
  else
    g_set_error (error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_FAILED,
                 /* Translators: %s is a sound file */
                 _("Cannot open %s"), path);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (pipeline);
  if (!ok)
    return FALSE;

  levels->seconds = totals.seconds;
  levels->peak_db = totals.peak_db;
  levels->clipped_seconds = totals.clipped_seconds;
  levels->loudness_db = totals.voiced_seconds > 0.0
                          ? 10.0 * log10 (totals.voiced_power / totals.voiced_seconds) : -INFINITY;
  return TRUE;
}
