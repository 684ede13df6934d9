/* rahnuma-video-paintable.c — video frames from an appsink, as a GdkPaintable
 *
 * gtk4paintablesink is not in Debian 12, so the player pulls RGBA/BGRA
 * samples from an appsink and hands them here. Samples arrive on GStreamer
 * streaming threads; only the newest one is kept, and one idle on the main
 * context (coalesced: at most one pending at a time) turns it into a
 * GdkMemoryTexture that wraps the mapped buffer without copying, as Clapper's
 * raw importer does. Everything but queue_sample runs on the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-player"

#include "rahnuma-video-paintable.h"

#include <gst/video/video.h>

struct _RahnumaVideoPaintable
{
  GObject parent_instance;

  GMainContext *context;

  GMutex lock;
  GstSample *pending; /* guarded by lock */
  GSource *idle;      /* guarded by lock */

  gboolean premultiplied; /* main thread: how to read the alpha channel */

  GdkTexture *texture;
  GstBuffer *shown;   /* unowned: the buffer the texture wraps, to skip repeats */
  int width;          /* intrinsic size, pixel aspect ratio applied */
  int height;
  guint64 n_frames;
};

static void rahnuma_video_paintable_iface_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RahnumaVideoPaintable, rahnuma_video_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      rahnuma_video_paintable_iface_init))

static void
unmap_frame (gpointer data)
{
  GstVideoFrame *frame = data;

  gst_video_frame_unmap (frame); /* drops the buffer reference the map took */
  g_free (frame);
}

/* GTK uploads premultiplied formats as they are, and converts the others
 * on the CPU first, every frame. */
static gboolean
memory_format_for (GstVideoFormat format, gboolean premultiplied, GdkMemoryFormat *out)
{
  switch ((int) format)
    {
    case GST_VIDEO_FORMAT_RGBA:
      *out = premultiplied ? GDK_MEMORY_R8G8B8A8_PREMULTIPLIED : GDK_MEMORY_R8G8B8A8;
      return TRUE;
    case GST_VIDEO_FORMAT_BGRA:
      *out = premultiplied ? GDK_MEMORY_B8G8R8A8_PREMULTIPLIED : GDK_MEMORY_B8G8R8A8;
      return TRUE;
    default:
      return FALSE;
    }
}

/* Wraps the sample's pixels without copying; the texture keeps the buffer
 * mapped and referenced until it is finalized. */
static GdkTexture *
texture_from_sample (GstSample *sample, gboolean premultiplied, GstVideoInfo *info)
{
  GstBuffer *buffer = gst_sample_get_buffer (sample);
  GdkMemoryFormat memory_format;
  GstVideoFrame *frame;
  g_autoptr(GBytes) bytes = NULL;
  gsize stride;

  if (buffer == NULL || !gst_video_info_from_caps (info, gst_sample_get_caps (sample)))
    return NULL;
  if (!memory_format_for (GST_VIDEO_INFO_FORMAT (info), premultiplied, &memory_format))
    return NULL;

  frame = g_new0 (GstVideoFrame, 1);
  if (!gst_video_frame_map (frame, info, buffer, GST_MAP_READ))
    {
      g_free (frame);
      return NULL;
    }
  stride = GST_VIDEO_FRAME_PLANE_STRIDE (frame, 0);
  bytes = g_bytes_new_with_free_func (GST_VIDEO_FRAME_PLANE_DATA (frame, 0),
                                      stride * GST_VIDEO_FRAME_HEIGHT (frame),
                                      unmap_frame, frame);
  return gdk_memory_texture_new (GST_VIDEO_FRAME_WIDTH (frame),
                                 GST_VIDEO_FRAME_HEIGHT (frame),
                                 memory_format, bytes, stride);
}

static void
update_size (RahnumaVideoPaintable *self, const GstVideoInfo *info)
{
  int width = GST_VIDEO_INFO_WIDTH (info);
  int height = GST_VIDEO_INFO_HEIGHT (info);
  int par_n = GST_VIDEO_INFO_PAR_N (info);
  int par_d = GST_VIDEO_INFO_PAR_D (info);

  if (par_n > 0 && par_d > 0 && par_n != par_d)
    width = (int) gst_util_uint64_scale_int (width, par_n, par_d);

  if (width == self->width && height == self->height)
    return;
  self->width = width;
  self->height = height;
  gdk_paintable_invalidate_size (GDK_PAINTABLE (self));
}

static void
show_sample (RahnumaVideoPaintable *self, GstSample *sample)
{
  GstVideoInfo info;
  GdkTexture *texture;

  /* The preroll sample comes again as the first rendered one. */
  if (gst_sample_get_buffer (sample) == self->shown)
    return;

  texture = texture_from_sample (sample, self->premultiplied, &info);
  if (texture == NULL)
    {
      g_debug ("Dropped a video sample the paintable cannot show");
      return;
    }

  g_set_object (&self->texture, texture);
  g_object_unref (texture);
  self->shown = gst_sample_get_buffer (sample);
  self->n_frames++;
  update_size (self, &info);
  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
}

static gboolean
on_idle_show (gpointer data)
{
  RahnumaVideoPaintable *self = data;
  g_autoptr(GstSample) sample = NULL;

  g_mutex_lock (&self->lock);
  sample = g_steal_pointer (&self->pending);
  g_clear_pointer (&self->idle, g_source_unref);
  g_mutex_unlock (&self->lock);

  if (sample != NULL)
    show_sample (self, sample);
  return G_SOURCE_REMOVE;
}

static void
drop_pending (RahnumaVideoPaintable *self)
{
  g_mutex_lock (&self->lock);
  if (self->idle != NULL)
    {
      g_source_destroy (self->idle);
      g_clear_pointer (&self->idle, g_source_unref);
    }
  g_clear_pointer (&self->pending, gst_sample_unref);
  g_mutex_unlock (&self->lock);
}

static void
rahnuma_video_paintable_snapshot (GdkPaintable *paintable,
                                  GdkSnapshot  *snapshot,
                                  double        width,
                                  double        height)
{
  RahnumaVideoPaintable *self = RAHNUMA_VIDEO_PAINTABLE (paintable);

  if (self->texture != NULL)
    gdk_paintable_snapshot (GDK_PAINTABLE (self->texture), snapshot, width, height);
}

static GdkPaintable *
rahnuma_video_paintable_get_current_image (GdkPaintable *paintable)
{
  RahnumaVideoPaintable *self = RAHNUMA_VIDEO_PAINTABLE (paintable);

  if (self->texture != NULL)
    return GDK_PAINTABLE (g_object_ref (self->texture));
  return gdk_paintable_new_empty (self->width, self->height);
}

static int
rahnuma_video_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  return RAHNUMA_VIDEO_PAINTABLE (paintable)->width;
}

static int
rahnuma_video_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  return RAHNUMA_VIDEO_PAINTABLE (paintable)->height;
}

static double
rahnuma_video_paintable_get_intrinsic_aspect_ratio (GdkPaintable *paintable)
{
  RahnumaVideoPaintable *self = RAHNUMA_VIDEO_PAINTABLE (paintable);

  if (self->width <= 0 || self->height <= 0)
    return 0.0;
  return (double) self->width / (double) self->height;
}

static void
rahnuma_video_paintable_iface_init (GdkPaintableInterface *iface)
{
  iface->snapshot = rahnuma_video_paintable_snapshot;
  iface->get_current_image = rahnuma_video_paintable_get_current_image;
  iface->get_intrinsic_width = rahnuma_video_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = rahnuma_video_paintable_get_intrinsic_height;
  iface->get_intrinsic_aspect_ratio = rahnuma_video_paintable_get_intrinsic_aspect_ratio;
}

static void
rahnuma_video_paintable_dispose (GObject *object)
{
  RahnumaVideoPaintable *self = RAHNUMA_VIDEO_PAINTABLE (object);

  drop_pending (self);
  g_clear_object (&self->texture);
  self->shown = NULL;

  G_OBJECT_CLASS (rahnuma_video_paintable_parent_class)->dispose (object);
}

static void
rahnuma_video_paintable_finalize (GObject *object)
{
  RahnumaVideoPaintable *self = RAHNUMA_VIDEO_PAINTABLE (object);

  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (rahnuma_video_paintable_parent_class)->finalize (object);
}

static void
rahnuma_video_paintable_class_init (RahnumaVideoPaintableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rahnuma_video_paintable_dispose;
  object_class->finalize = rahnuma_video_paintable_finalize;
}

static void
rahnuma_video_paintable_init (RahnumaVideoPaintable *self)
{
  g_mutex_init (&self->lock);
  self->context = g_main_context_ref_thread_default ();
  self->premultiplied = TRUE;
}

/**
 * rahnuma_video_paintable_new:
 *
 * Creates an empty paintable; frames are shown on the main context that is
 * the thread default when this is called.
 *
 * Returns: (transfer full): a new #RahnumaVideoPaintable
 */
RahnumaVideoPaintable *
rahnuma_video_paintable_new (void)
{
  return g_object_new (RAHNUMA_TYPE_VIDEO_PAINTABLE, NULL);
}

/**
 * rahnuma_video_paintable_queue_sample:
 * @self: a #RahnumaVideoPaintable
 * @sample: (transfer none): an RGBA or BGRA video sample
 *
 * Schedules @sample to be shown. Safe to call from any thread; if samples
 * come faster than the main context runs, only the newest is shown.
 */
void
rahnuma_video_paintable_queue_sample (RahnumaVideoPaintable *self,
                                      GstSample             *sample)
{
  g_return_if_fail (RAHNUMA_IS_VIDEO_PAINTABLE (self));
  g_return_if_fail (GST_IS_SAMPLE (sample));

  g_mutex_lock (&self->lock);
  gst_mini_object_replace ((GstMiniObject **) &self->pending, GST_MINI_OBJECT_CAST (sample));
  if (self->idle == NULL)
    {
      self->idle = g_idle_source_new ();
      g_source_set_priority (self->idle, G_PRIORITY_DEFAULT);
      g_source_set_callback (self->idle, on_idle_show, self, NULL);
      g_source_set_static_name (self->idle, "[rahnuma] show video frame");
      g_source_attach (self->idle, self->context);
    }
  g_mutex_unlock (&self->lock);
}

/**
 * rahnuma_video_paintable_clear:
 * @self: a #RahnumaVideoPaintable
 *
 * Forgets the frame shown and any frame waiting, so a new scene does not
 * start on the last picture of the previous one.
 */
void
rahnuma_video_paintable_clear (RahnumaVideoPaintable *self)
{
  g_return_if_fail (RAHNUMA_IS_VIDEO_PAINTABLE (self));

  drop_pending (self);
  if (self->texture == NULL)
    return;
  g_clear_object (&self->texture);
  self->shown = NULL;
  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
}

/**
 * rahnuma_video_paintable_set_premultiplied:
 * @self: a #RahnumaVideoPaintable
 * @premultiplied: whether colours come premultiplied by alpha
 *
 * Video frames are opaque (alpha is always full), so reading them as
 * premultiplied is exact and spares GTK a conversion per frame; that is the
 * default. A picture may have real transparency: set %FALSE for it. Takes
 * effect from the next frame shown.
 */
void
rahnuma_video_paintable_set_premultiplied (RahnumaVideoPaintable *self,
                                           gboolean               premultiplied)
{
  g_return_if_fail (RAHNUMA_IS_VIDEO_PAINTABLE (self));

  self->premultiplied = !!premultiplied;
}

/**
 * rahnuma_video_paintable_get_texture:
 * @self: a #RahnumaVideoPaintable
 *
 * Returns: (transfer none) (nullable): the frame shown now
 */
GdkTexture *
rahnuma_video_paintable_get_texture (RahnumaVideoPaintable *self)
{
  g_return_val_if_fail (RAHNUMA_IS_VIDEO_PAINTABLE (self), NULL);

  return self->texture;
}

/**
 * rahnuma_video_paintable_get_n_frames:
 * @self: a #RahnumaVideoPaintable
 *
 * Returns: how many distinct frames have been shown so far
 */
guint64
rahnuma_video_paintable_get_n_frames (RahnumaVideoPaintable *self)
{
  g_return_val_if_fail (RAHNUMA_IS_VIDEO_PAINTABLE (self), 0);

  return self->n_frames;
}
