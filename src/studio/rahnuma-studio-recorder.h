/* rahnuma-studio-recorder.h — record and play back a narration without
 * blocking the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* The environment variable naming the studio's audio source (a factory or a
 * gst-launch description); autoaudiosrc when unset. */
#define RAHNUMA_AUDIO_SOURCE_ENV "RAHNUMA_AUDIO_SOURCE"

typedef struct _RahnumaStudioRecorder RahnumaStudioRecorder;

/* @peak_db: the last 100 ms's loudest moment, in dBFS */
typedef void (*RahnumaStudioLevelFunc) (double peak_db, gpointer user_data);
/* @error: NULL when the recording or playback finished well */
typedef void (*RahnumaStudioDoneFunc)  (const GError *error, gpointer user_data);

RahnumaStudioRecorder *rahnuma_studio_recorder_new    (RahnumaStudioLevelFunc  level,
                                                        RahnumaStudioDoneFunc   done,
                                                        gpointer                user_data);
void                   rahnuma_studio_recorder_free   (RahnumaStudioRecorder  *self);
gboolean               rahnuma_studio_recorder_record (RahnumaStudioRecorder  *self,
                                                        const char             *path,
                                                        GError                **error);
gboolean               rahnuma_studio_recorder_play   (RahnumaStudioRecorder  *self,
                                                        const char             *path,
                                                        GError                **error);
void                   rahnuma_studio_recorder_stop   (RahnumaStudioRecorder  *self);
gboolean               rahnuma_studio_recorder_is_busy (RahnumaStudioRecorder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaStudioRecorder, rahnuma_studio_recorder_free)

G_END_DECLS
