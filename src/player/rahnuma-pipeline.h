/* rahnuma-pipeline.h — the GStreamer pipeline of one scene (player-internal)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gst/gst.h>

#include "rahnuma-video-paintable.h"

G_BEGIN_DECLS

typedef struct _RahnumaPipeline RahnumaPipeline;

RahnumaPipeline *rahnuma_pipeline_new               (RahnumaVideoPaintable *paintable,
                                                     const char            *audio_sink_factory,
                                                     gboolean              *has_audio);
void             rahnuma_pipeline_free              (RahnumaPipeline       *pipeline);
void             rahnuma_pipeline_add_video         (RahnumaPipeline       *pipeline,
                                                     const char            *video_path,
                                                     const char            *narration_path);
void             rahnuma_pipeline_add_picture       (RahnumaPipeline       *pipeline,
                                                     const char            *picture_path,
                                                     const char            *narration_path,
                                                     gint64                 silence_ns);
void             rahnuma_pipeline_add_sound         (RahnumaPipeline       *pipeline,
                                                     const char            *path);
void             rahnuma_pipeline_watch             (RahnumaPipeline       *pipeline,
                                                     GstBusFunc             func,
                                                     gpointer               user_data);
GstElement      *rahnuma_pipeline_get_element       (RahnumaPipeline       *pipeline);
gint64           rahnuma_pipeline_query_position    (RahnumaPipeline       *pipeline);
gint64           rahnuma_pipeline_query_duration    (RahnumaPipeline       *pipeline);
gint64           rahnuma_pipeline_query_running_time (RahnumaPipeline      *pipeline);
gboolean         rahnuma_pipeline_seek              (RahnumaPipeline       *pipeline,
                                                     gint64                 target);
const char      *rahnuma_pipeline_path_for          (RahnumaPipeline       *pipeline,
                                                     GstObject             *source);

void             rahnuma_pipeline_set_volume        (RahnumaPipeline       *pipeline,
                                                     double                 volume);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaPipeline, rahnuma_pipeline_free)

G_END_DECLS
