/* rahnuma-sound.h — short spoken clips: language names, prompts, questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_SOUND (rahnuma_sound_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaSound, rahnuma_sound, RAHNUMA, SOUND, GObject)

RahnumaSound *rahnuma_sound_new        (void);
void          rahnuma_sound_play_file  (RahnumaSound *self,
                                        const char   *path);
void          rahnuma_sound_stop       (RahnumaSound *self);
gboolean      rahnuma_sound_is_playing (RahnumaSound *self);
void          rahnuma_sound_set_volume (RahnumaSound *self,
                                        double        volume);
double        rahnuma_sound_get_volume (RahnumaSound *self);

G_END_DECLS
