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

#include "rahnuma-media-probe.h"

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
      return video != NULL && !is_image ? TRUE : fail_unplayable (error, _("it is not a video"));
    default:
      g_assert_not_reached ();
    }
}

/**
 * rahnuma_media_probe_check:
 * @path: an existing file
 * @kind: what the package uses it as
 * @probe: a #RahnumaMediaProbe
 * @error: return location for a #RAHNUMA_MEDIA_PROBE_ERROR, its message a short reason
 *
 * A #RahnumaMediaProbeFunc: decodes the start of @path.
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

  uri = gst_filename_to_uri (path, error);
  if (uri == NULL)
    return FALSE;
  info = gst_discoverer_discover_uri (self->discoverer, uri, &local_error);
  if (info == NULL)
    return fail_unplayable (error, _("it is damaged or not a media file"));
  return check_result (info, error) && check_streams (info, kind, error);
}
