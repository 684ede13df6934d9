/* player-scene.c — a RahnumaPlayer watched by a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "player-scene.h"

static void
on_finished (RahnumaPlayer *player, Scene *scene)
{
  scene->n_finished++;
}

static void
on_error (RahnumaPlayer *player, const GError *error, Scene *scene)
{
  g_clear_error (&scene->error);
  scene->error = g_error_copy (error);
}

static void
on_state_notify (RahnumaPlayer *player, GParamSpec *pspec, Scene *scene)
{
  RahnumaPlayerState state = rahnuma_player_get_state (player);

  g_array_append_val (scene->states, state);
}

static void
on_position_notify (RahnumaPlayer *player, GParamSpec *pspec, Scene *scene)
{
  scene->n_position_notifies++;
}

/* Takes ownership of @player. */
Scene *
scene_new_with (RahnumaPlayer *player)
{
  Scene *scene = g_new0 (Scene, 1);

  scene->player = player;
  scene->states = g_array_new (FALSE, FALSE, sizeof (RahnumaPlayerState));
  g_signal_connect (player, "finished", G_CALLBACK (on_finished), scene);
  g_signal_connect (player, "error", G_CALLBACK (on_error), scene);
  g_signal_connect (player, "notify::state", G_CALLBACK (on_state_notify), scene);
  g_signal_connect (player, "notify::position", G_CALLBACK (on_position_notify), scene);
  return scene;
}

Scene *
scene_new (void)
{
  return scene_new_with (rahnuma_player_new ());
}

/* Ends the test's player: it must go away with its last reference. */
void
scene_free (Scene *scene)
{
  g_signal_handlers_disconnect_by_data (scene->player, scene);
  g_assert_finalize_object (scene->player);
  g_clear_error (&scene->error);
  g_array_unref (scene->states);
  g_free (scene);
}

gboolean
states_include (Scene *scene, RahnumaPlayerState state)
{
  for (guint i = 0; i < scene->states->len; i++)
    if (g_array_index (scene->states, RahnumaPlayerState, i) == state)
      return TRUE;
  return FALSE;
}
