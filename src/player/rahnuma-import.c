/* rahnuma-import.c — what a trainer's phone made, in the kiosk's formats
 *
 * Whatever GStreamer can decode on the trainer's machine (AAC in .m4a, MP3,
 * Opus voice notes, H.264 .mp4, JPEG) becomes what a kiosk plays with only
 * the base and good plugins: narration as Ogg Opus with its loudness brought
 * to about -20 dBFS, video as WebM (VP8 + Opus), pictures as PNG; pictures
 * and videos turned upright (EXIF orientation, or a video's rotation tag) and
 * scaled to fit 1920 × 1080 either way round.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-media"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <math.h>

#include "rahnuma-exif.h"
#include "rahnuma-media-probe.h"
#include "rahnuma-picture-header.h"

#define IMPORT_TIMEOUT (10 * 60 * GST_SECOND)
/* Speech about -20 dBFS RMS, its peaks at most -1 dBFS. */
#define TARGET_LOUDNESS_DB (-20.0)
#define PEAK_CEILING_DB    (-1.0)

/**
 * rahnuma_exif_video_direction:
 * @orientation: an EXIF orientation, 1 to 8
 *
 * Returns: the videoflip direction that turns such a picture upright
 */
GstVideoOrientationMethod
rahnuma_exif_video_direction (guint orientation)
{
  static const GstVideoOrientationMethod methods[] = {
    GST_VIDEO_ORIENTATION_IDENTITY, GST_VIDEO_ORIENTATION_IDENTITY, GST_VIDEO_ORIENTATION_HORIZ,
    GST_VIDEO_ORIENTATION_180, GST_VIDEO_ORIENTATION_VERT, GST_VIDEO_ORIENTATION_UL_LR,
    GST_VIDEO_ORIENTATION_90R, GST_VIDEO_ORIENTATION_UR_LL, GST_VIDEO_ORIENTATION_90L,
  };

  return orientation < G_N_ELEMENTS (methods) ? methods[orientation] : GST_VIDEO_ORIENTATION_IDENTITY;
}

static gboolean
tags_swap_sides (const GstTagList *tags)
{
  g_autofree char *orientation = NULL;

  if (tags == NULL || !gst_tag_list_get_string (tags, GST_TAG_IMAGE_ORIENTATION, &orientation))
    return FALSE;
  return g_str_has_suffix (orientation, "-90") || g_str_has_suffix (orientation, "-270");
}

/* The upright size, scaled down to fit the kiosk's limits either way round;
 * even, for video encoders. */
static void
fit_size (guint width, guint height, gboolean swap, guint *out_width, guint *out_height)
{
  guint w = swap ? height : width, h = swap ? width : height;
  guint long_side = MAX (w, h), short_side = MIN (w, h);
  double scale = MIN (1.0, MIN ((double) RAHNUMA_VIDEO_MAX_LONG_SIDE / long_side,
                                (double) RAHNUMA_VIDEO_MAX_SHORT_SIDE / short_side));

  *out_width = MAX (2, (guint) (w * scale) & ~1u);
  *out_height = MAX (2, (guint) (h * scale) & ~1u);
}

/**
 * rahnuma_media_import_discover:
 * @path: a file a trainer has
 * @info: (out caller-allocates): what it holds
 * @error: a #RAHNUMA_MEDIA_PROBE_ERROR when it cannot be decoded here
 *
 * Returns: %TRUE if @path is a sound, a picture or a video GStreamer decodes
 */
gboolean
rahnuma_media_import_discover (const char          *path,
                               RahnumaImportInfo   *info,
                               GError             **error)
{
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GstDiscovererInfo) found = NULL;
  g_autofree char *uri = NULL;
  g_autolist(GstDiscovererStreamInfo) video = NULL;
  g_autolist(GstDiscovererStreamInfo) audio = NULL;
  gboolean swap;

  g_return_val_if_fail (path != NULL && info != NULL, FALSE);

  if (!gst_init_check (NULL, NULL, error) || (discoverer = gst_discoverer_new (30 * GST_SECOND, error)) == NULL)
    return FALSE;
  {
    g_autofree char *absolute = g_canonicalize_filename (path, NULL);

    uri = g_filename_to_uri (absolute, NULL, error);
  }
  if (uri == NULL || (found = gst_discoverer_discover_uri (discoverer, uri, NULL)) == NULL ||
      gst_discoverer_info_get_result (found) != GST_DISCOVERER_OK)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_UNPLAYABLE,
                     /* Translators: %s is a file name */
                     _("%s cannot be decoded on this computer; install its decoders with "
                       "“tools/install-deps --author”"), path);
      return FALSE;
    }
  video = gst_discoverer_info_get_video_streams (found);
  audio = gst_discoverer_info_get_audio_streams (found);
  info->has_audio = audio != NULL;
  if (video == NULL)
    {
      info->kind = RAHNUMA_MEDIA_AUDIO;
      if (!info->has_audio)
        g_set_error (error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_UNPLAYABLE,
                     /* Translators: %s is a file a trainer tried to import */
                     _("%s has neither sound nor pictures"), path);
      return info->has_audio;
    }
  info->kind = gst_discoverer_video_info_is_image (video->data) ? RAHNUMA_MEDIA_PICTURE : RAHNUMA_MEDIA_VIDEO;
  info->orientation = info->kind == RAHNUMA_MEDIA_PICTURE ? rahnuma_exif_read_orientation (path) : 1;
  swap = rahnuma_exif_orientation_swaps_sides (info->orientation) ||
         tags_swap_sides (gst_discoverer_stream_info_get_tags (video->data));
  fit_size (gst_discoverer_video_info_get_width (video->data), gst_discoverer_video_info_get_height (video->data),
            swap, &info->width, &info->height);
  return TRUE;
}

/* Runs @pipeline to its end. */
static gboolean
run_to_end (GstElement *pipeline, GError **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr(GstMessage) message = NULL;
  gboolean ok = FALSE;

  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    g_set_error_literal (error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_FAILED,
                         /* Translators: GStreamer is the name of the media library */
                         _("GStreamer could not start converting the file"));
  else if ((message = gst_bus_timed_pop_filtered (bus, IMPORT_TIMEOUT, GST_MESSAGE_EOS | GST_MESSAGE_ERROR)) == NULL)
    g_set_error_literal (error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_FAILED,
                         /* Translators: an import that ran for ten minutes was stopped */
                         _("converting the file took too long"));
  else if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    gst_message_parse_error (message, error, NULL);
  else
    ok = TRUE;
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return ok;
}

/* Builds @description, sets the source and sink locations, runs it. */
static gboolean
convert (const char *description, const char *source, const char *dest, GError **error)
{
  g_autoptr(GstElement) pipeline = gst_parse_launch_full (description, NULL, GST_PARSE_FLAG_FATAL_ERRORS, error);
  g_autoptr(GstElement) src = NULL;
  g_autoptr(GstElement) sink = NULL;

  if (pipeline == NULL)
    return FALSE;
  src = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_set (src, "location", source, NULL);
  g_object_set (sink, "location", dest, NULL);
  return run_to_end (pipeline, error);
}

static gboolean
import_audio (const char *source, const char *dest, GError **error)
{
  RahnumaAudioLevels levels;
  g_autofree char *description = NULL;
  char gain_text[G_ASCII_DTOSTR_BUF_SIZE];
  double gain_db;

  if (!rahnuma_media_measure_audio (source, &levels, NULL, error))
    return FALSE;
  if (!isfinite (levels.loudness_db) || levels.peak_db < RAHNUMA_AUDIO_SILENT_PEAK_DB)
    {
      g_set_error (error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_UNPLAYABLE,
                   /* Translators: %s is a file a trainer tried to import */
                   _("%s is silent: there is nothing to import"), source);
      return FALSE;
    }
  gain_db = MIN (TARGET_LOUDNESS_DB - levels.loudness_db, PEAK_CEILING_DB - levels.peak_db);
  g_ascii_dtostr (gain_text, sizeof gain_text, pow (10.0, gain_db / 20.0));
  description = g_strdup_printf ("filesrc name=src ! decodebin ! audioconvert ! audioresample "
                                 "! volume volume=%s ! audioconvert ! audio/x-raw,channels=1,rate=48000 "
                                 "! opusenc bitrate=32000 ! oggmux ! filesink name=sink", gain_text);
  g_debug ("Import %s: speech at %.1f dBFS, peak %.1f dBFS, gain %.1f dB", source, levels.loudness_db,
           levels.peak_db, gain_db);
  return convert (description, source, dest, error);
}

static gboolean
import_picture (const char *source, const RahnumaImportInfo *info, const char *dest, GError **error)
{
  g_autofree char *description = g_strdup_printf (
    "filesrc name=src ! decodebin ! videoconvert ! videoflip video-direction=%d ! videoscale "
    "! videoconvert ! video/x-raw,format=RGB,width=%u,height=%u,pixel-aspect-ratio=1/1 "
    "! pngenc snapshot=true ! filesink name=sink",
    info->orientation > 1 ? (int) rahnuma_exif_video_direction (info->orientation) : GST_VIDEO_ORIENTATION_AUTO,
    info->width, info->height);

  return convert (description, source, dest, error);
}

static gboolean
import_video (const char *source, const RahnumaImportInfo *info, const char *dest, GError **error)
{
  g_autofree char *description = g_strdup_printf (
    "filesrc name=src ! decodebin name=decode "
    "decode. ! queue ! videoconvert ! videoflip video-direction=auto ! videoscale ! videoconvert "
    "! video/x-raw,format=I420,width=%u,height=%u,pixel-aspect-ratio=1/1 "
    "! vp8enc deadline=1 cpu-used=4 target-bitrate=2000000 ! queue ! webmmux name=mux ! filesink name=sink%s",
    info->width, info->height,
    info->has_audio ? " decode. ! queue ! audioconvert ! audioresample ! audio/x-raw,rate=48000 "
                      "! opusenc ! queue ! mux." : "");

  return convert (description, source, dest, error);
}

/**
 * rahnuma_media_import_convert:
 * @source: a file rahnuma_media_import_discover() described as @info
 * @info: what @source holds
 * @dest: the file to write: .ogg for a sound, .png for a picture, .webm for a video
 * @error: a #RAHNUMA_MEDIA_PROBE_ERROR or GStreamer's own
 *
 * Converts @source into the kiosk's format for its kind, blocking. @dest is
 * written directly: write to a temporary name and rename it into place.
 *
 * Returns: %TRUE if @dest was written
 */
gboolean
rahnuma_media_import_convert (const char               *source,
                              const RahnumaImportInfo  *info,
                              const char               *dest,
                              GError                  **error)
{
  g_return_val_if_fail (source != NULL && info != NULL && dest != NULL, FALSE);

  switch (info->kind)
    {
    case RAHNUMA_MEDIA_AUDIO:
      return import_audio (source, dest, error);
    case RAHNUMA_MEDIA_PICTURE:
      return import_picture (source, info, dest, error);
    case RAHNUMA_MEDIA_VIDEO:
      return import_video (source, info, dest, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}
