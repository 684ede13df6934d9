/* rahnuma-audio-sink.h — the audio output the player, the sound and the studio use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* Environment variable naming the audio sink factory when no
 * audio-sink-factory property is given (e.g. "pulsesink"). */
#define RAHNUMA_AUDIO_SINK_ENV "RAHNUMA_AUDIO_SINK"

GstElement *rahnuma_audio_sink_make (const char *factory_name,
                                     gboolean   *has_audio);

G_END_DECLS
