/* rahnuma-player.h — plays one scene at a time for the kiosk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk/gdk.h>

#include "rahnuma-module.h"

G_BEGIN_DECLS

#define RAHNUMA_PLAYER_ERROR (rahnuma_player_error_quark ())

/* How long a picture without narration stays before the scene finishes,
 * so a visitor can still go on (property "picture-time" overrides it). */
#define RAHNUMA_PLAYER_PICTURE_TIME_MS 6000

/* When scenes follow each other by themselves (a lesson on the kiosk, the
 * hall's "Let it run"), the breath after one ends before the next opens,
 * so a visitor can follow. */
#define RAHNUMA_PLAYER_NEXT_SCENE_DELAY_MS 800

typedef enum
{
  RAHNUMA_PLAYER_ERROR_MISSING, /* the file is not there */
  RAHNUMA_PLAYER_ERROR_DAMAGED, /* the file is there but cannot be played */
  RAHNUMA_PLAYER_ERROR_FAILED,
  RAHNUMA_PLAYER_ERROR_TOO_LARGE, /* a picture beyond rahnuma-picture-header.h's limits: never decoded */
} RahnumaPlayerError;

typedef enum
{
  RAHNUMA_PLAYER_STOPPED,
  RAHNUMA_PLAYER_LOADING,
  RAHNUMA_PLAYER_PLAYING,
  RAHNUMA_PLAYER_PAUSED,
  RAHNUMA_PLAYER_FINISHED,
} RahnumaPlayerState;

#define RAHNUMA_TYPE_PLAYER_STATE (rahnuma_player_state_get_type ())
GType rahnuma_player_state_get_type (void);

#define RAHNUMA_TYPE_PLAYER (rahnuma_player_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaPlayer, rahnuma_player, RAHNUMA, PLAYER, GObject)

GQuark              rahnuma_player_error_quark     (void);

RahnumaPlayer      *rahnuma_player_new             (void);
GdkPaintable       *rahnuma_player_get_paintable   (RahnumaPlayer *self);

void                rahnuma_player_open_video      (RahnumaPlayer *self,
                                                    const char    *video_path,
                                                    const char    *narration_path);
void                rahnuma_player_open_picture    (RahnumaPlayer *self,
                                                    const char    *picture_path,
                                                    const char    *narration_path);
void                rahnuma_player_open_scene      (RahnumaPlayer *self,
                                                    RahnumaScene  *scene,
                                                    const char    *picture_lang,
                                                    const char    *narration_lang,
                                                    const char   **heard_lang);
void                rahnuma_player_play            (RahnumaPlayer *self);
void                rahnuma_player_pause           (RahnumaPlayer *self);
void                rahnuma_player_stop            (RahnumaPlayer *self);
void                rahnuma_player_seek_by         (RahnumaPlayer *self,
                                                    gint64         offset_ns);
void                rahnuma_player_replay          (RahnumaPlayer *self);
gboolean            rahnuma_player_play_pause      (RahnumaPlayer *self);

RahnumaPlayerState  rahnuma_player_get_state       (RahnumaPlayer *self);
gint64              rahnuma_player_get_position    (RahnumaPlayer *self);
gint64              rahnuma_player_get_duration    (RahnumaPlayer *self);
gint64              rahnuma_player_get_watched     (RahnumaPlayer *self);
gboolean            rahnuma_player_get_has_audio   (RahnumaPlayer *self);
double              rahnuma_player_get_watched_fraction (RahnumaPlayer *self);
void                rahnuma_player_set_volume      (RahnumaPlayer *self,
                                                    double         volume);
double              rahnuma_player_get_volume      (RahnumaPlayer *self);

G_END_DECLS
