/* rahnuma-video-paintable.h — video frames from an appsink, as a GdkPaintable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk/gdk.h>
#include <gst/gst.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_VIDEO_PAINTABLE (rahnuma_video_paintable_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaVideoPaintable, rahnuma_video_paintable, RAHNUMA, VIDEO_PAINTABLE, GObject)

RahnumaVideoPaintable *rahnuma_video_paintable_new          (void);
void                   rahnuma_video_paintable_queue_sample (RahnumaVideoPaintable *self,
                                                             GstSample             *sample);
void                   rahnuma_video_paintable_clear        (RahnumaVideoPaintable *self);
void                   rahnuma_video_paintable_set_premultiplied (RahnumaVideoPaintable *self,
                                                                  gboolean               premultiplied);
GdkTexture            *rahnuma_video_paintable_get_texture  (RahnumaVideoPaintable *self);
guint64                rahnuma_video_paintable_get_n_frames (RahnumaVideoPaintable *self);

G_END_DECLS
