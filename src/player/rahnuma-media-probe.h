/* rahnuma-media-probe.h — the trainers' media tools: will a file play, and
 * record a narration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include <gst/video/video.h>

#include "rahnuma-validator.h"

G_BEGIN_DECLS

#define RAHNUMA_MEDIA_PROBE_ERROR (rahnuma_media_probe_error_quark ())

typedef enum
{
  RAHNUMA_MEDIA_PROBE_ERROR_UNPLAYABLE, /* not decodable, or not the kind of media expected */
  RAHNUMA_MEDIA_PROBE_ERROR_FAILED,     /* GStreamer or a device did not work */
} RahnumaMediaProbeError;

typedef struct _RahnumaMediaProbe RahnumaMediaProbe;

GQuark              rahnuma_media_probe_error_quark (void);

RahnumaMediaProbe  *rahnuma_media_probe_new         (GError            **error);
void                rahnuma_media_probe_free        (RahnumaMediaProbe  *probe);
gboolean            rahnuma_media_probe_check       (const char         *path,
                                                     RahnumaMediaKind    kind,
                                                     gpointer            probe,
                                                     GError            **error);

GstElement         *rahnuma_media_record_pipeline_new (const char      *path,
                                                       const char      *source_element,
                                                       GError         **error);
gboolean            rahnuma_media_record_audio      (const char         *path,
                                                     const char         *source_element,
                                                     guint               max_seconds,
                                                     GCancellable       *stop,
                                                     GError            **error);

gboolean            rahnuma_media_level_peak_db     (GstMessage         *message,
                                                     double             *peak_db);
gboolean            rahnuma_media_measure_audio     (const char         *path,
                                                     RahnumaAudioLevels *levels,
                                                     gpointer            user_data,
                                                     GError            **error);

/* What rahnuma_media_import_discover() found in a trainer's file. */
typedef struct
{
  RahnumaMediaKind kind;
  gboolean has_audio;
  guint orientation; /* a picture's EXIF orientation, 1 to 8; 1 for none */
  guint width;       /* upright, scaled to the kiosk's limits; 0 for a sound */
  guint height;
} RahnumaImportInfo;

gboolean            rahnuma_media_import_discover   (const char               *path,
                                                     RahnumaImportInfo        *info,
                                                     GError                  **error);
gboolean            rahnuma_media_import_convert    (const char               *source,
                                                     const RahnumaImportInfo  *info,
                                                     const char               *dest,
                                                     GError                  **error);
GstVideoOrientationMethod rahnuma_exif_video_direction (guint              orientation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaMediaProbe, rahnuma_media_probe_free)

G_END_DECLS
