/* player-scene.h — a RahnumaPlayer watched by a test: its signals counted,
 * its states kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "media-fixtures.h"
#include "rahnuma-player.h"

G_BEGIN_DECLS

typedef struct
{
  RahnumaPlayer *player;
  guint n_finished;
  GError *error;
  GArray *states; /* of RahnumaPlayerState, as notified */
  guint n_position_notifies;
} Scene;

Scene   *scene_new_with    (RahnumaPlayer      *player);
Scene   *scene_new         (void);
void     scene_free        (Scene              *scene);
gboolean states_include    (Scene              *scene,
                            RahnumaPlayerState  state);

G_END_DECLS
