/* rahnuma-player-bus.c — the scene pipeline's bus messages
 *
 * One switch, one handler per message type (Clapper's clapper-playbin-bus.c):
 * an error fails the scene, end-of-stream finishes it, and every completed
 * state change and ASYNC_DONE calls rahnuma_player_reconcile (), which
 * carries out what the visitor asked for once the pipeline has settled (the
 * state rule at the top of rahnuma-player.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-player"

#include "config.h"

#include "rahnuma-player-private.h"

/* ---- bus message handlers ----------------------------------------------- */

static void
handle_error (RahnumaPlayer *self, GstMessage *message)
{
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *debug = NULL;
  int code;

  gst_message_parse_error (message, &gst_error, &debug);
  g_debug ("Playback error from %s: %s (%s)", GST_OBJECT_NAME (GST_MESSAGE_SRC (message)),
           gst_error->message, debug != NULL ? debug : "");
  code = rahnuma_player_error_code_for (gst_error);
  rahnuma_player_fail (self,
                       rahnuma_player_make_error (code,
                                                  rahnuma_pipeline_path_for (self->scene, GST_MESSAGE_SRC (message)),
                                                  gst_error->message));
}

static void
handle_eos (RahnumaPlayer *self)
{
  gint64 end = self->duration > 0 ? self->duration : rahnuma_player_query_position (self);

  rahnuma_player_stop_tick (self);
  rahnuma_player_sample_watched (self, end);
  rahnuma_player_set_position (self, end);
  self->finished = TRUE;
  self->want_playing = FALSE;
  rahnuma_player_reconcile (self);
  rahnuma_player_set_state (self, RAHNUMA_PLAYER_FINISHED);
  g_signal_emit (self, rahnuma_player_signals[SIGNAL_FINISHED], 0);
}

/* What the visitor sees: PLAYING or PAUSED, once the pipeline is there. */
static void
announce_state (RahnumaPlayer *self, GstState new_state)
{
  /* Known by now, and wanted before the state is announced. */
  if (self->duration <= 0)
    rahnuma_player_update_duration (self);
  /* A PLAYING posted before a pause was asked for is stale: the PAUSED
   * that follows is what the visitor sees. */
  if (new_state == GST_STATE_PLAYING && self->want_playing)
    {
      rahnuma_player_start_tick (self);
      rahnuma_player_set_state (self, RAHNUMA_PLAYER_PLAYING);
    }
  else if (new_state == GST_STATE_PAUSED && !self->want_playing)
    {
      rahnuma_player_stop_tick (self);
      /* pause() sampled where it stopped; the last tick may be older. */
      if (self->last_sample >= 0)
        rahnuma_player_set_position (self, self->last_sample);
      rahnuma_player_set_state (self, RAHNUMA_PLAYER_PAUSED);
    }
}

static void
handle_state_changed (RahnumaPlayer *self, GstMessage *message)
{
  GstState old_state, new_state, pending;

  if (GST_MESSAGE_SRC (message) != GST_OBJECT (rahnuma_pipeline_get_element (self->scene)))
    return;
  gst_message_parse_state_changed (message, &old_state, &new_state, &pending);
  if (pending != GST_STATE_VOID_PENDING)
    return;
  if (!self->finished)
    announce_state (self, new_state);
  rahnuma_player_reconcile (self);
}

/* Prerolled, or a seek has landed: the watched record starts afresh exactly
 * where the scene starts or where the seek was asked to land, rather than
 * wherever the sinks happen to be by the time the main loop sees this. A
 * seek still waiting to be sent lands later. */
static void
handle_async_done (RahnumaPlayer *self)
{
  gint64 landed = self->seeking ? self->seek_target : 0;

  self->seek_in_flight = FALSE;
  rahnuma_player_update_duration (self);
  if (self->pending_seek < 0 && (self->seeking || self->last_sample < 0))
    {
      self->seeking = FALSE;
      rahnuma_player_forget_last_sample (self);
      /* Running time starts at 0 there: at the start, and after a flushing seek. */
      self->landed = landed;
      rahnuma_player_record_sample (self, landed, 0);
      rahnuma_player_set_position (self, landed);
    }
  rahnuma_player_reconcile (self);
}

gboolean
rahnuma_player_on_bus_message (GstBus *bus, GstMessage *message, gpointer data)
{
  RahnumaPlayer *self = data;

  /* -Wswitch-enum: most message types are of no interest here. */
  switch ((int) GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      handle_error (self, message);
      break;
    case GST_MESSAGE_EOS:
      handle_eos (self);
      break;
    case GST_MESSAGE_STATE_CHANGED:
      handle_state_changed (self, message);
      break;
    case GST_MESSAGE_ASYNC_DONE:
      handle_async_done (self);
      break;
    case GST_MESSAGE_DURATION_CHANGED:
      rahnuma_player_update_duration (self);
      break;
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}
