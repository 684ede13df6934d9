/* rahnuma-player-private.h — what the player shares with its bus handlers (rahnuma-player-bus.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gst/gst.h>

#include "rahnuma-player.h"
#include "rahnuma-pipeline.h"
#include "rahnuma-video-paintable.h"
#include "rahnuma-watched.h"

G_BEGIN_DECLS

struct _RahnumaPlayer
{
  GObject parent_instance;

  RahnumaVideoPaintable *paintable;
  char *audio_sink_factory;
  guint picture_time_ms;
  double volume;            /* 0.0 to 1.0, linear; every scene is heard at it */

  RahnumaPipeline *scene;   /* the scene now loaded, or NULL */
  guint tick_id;
  guint error_idle_id;
  GError *pending_error;

  gboolean want_playing;
  GstState applied;         /* the state last asked of the pipeline */
  gboolean seek_in_flight;  /* sent, and its ASYNC_DONE not yet seen */
  gint64 pending_seek;      /* asked for while unsettled, or -1 */
  guint settle_timeout_id;  /* the watchdog while unsettled */
  gboolean seeking;
  gint64 seek_target;
  gint64 landed;            /* where the scene started or the last seek landed */
  gboolean finished;

  RahnumaPlayerState state;
  gint64 position;
  gint64 duration;
  gboolean has_audio;

  RahnumaWatched *watched;
  gint64 watched_ns;
  gint64 last_sample;       /* position at the last sample, -1 after a jump */
  gint64 last_sample_rt;    /* pipeline running time of that sample, or -1 */
  gint64 last_sample_time;  /* monotonic µs of that sample */
};

enum {
  SIGNAL_FINISHED,
  SIGNAL_ERROR,
  N_SIGNALS
};

extern guint rahnuma_player_signals[N_SIGNALS];

/* rahnuma-player.c; all on the main context where the player was created */
void      rahnuma_player_set_state          (RahnumaPlayer      *self,
                                             RahnumaPlayerState  state);
void      rahnuma_player_set_position       (RahnumaPlayer      *self,
                                             gint64              position);
/* Returns: the position in ns, no further than the running time allows; -1 with no scene */
gint64    rahnuma_player_query_position     (RahnumaPlayer      *self);
void      rahnuma_player_update_duration    (RahnumaPlayer      *self);
void      rahnuma_player_start_tick         (RahnumaPlayer      *self);
void      rahnuma_player_stop_tick          (RahnumaPlayer      *self);
void      rahnuma_player_record_sample      (RahnumaPlayer      *self,
                                             gint64              position,
                                             gint64              running_time);
void      rahnuma_player_sample_watched     (RahnumaPlayer      *self,
                                             gint64              position);
void      rahnuma_player_forget_last_sample (RahnumaPlayer      *self);
/* Returns: (transfer full): a RAHNUMA_PLAYER_ERROR saying what failed and where */
GError   *rahnuma_player_make_error         (int                 code,
                                             const char         *path,
                                             const char         *detail);
/* Returns: the RahnumaPlayerError code for GStreamer's @gst_error */
int       rahnuma_player_error_code_for     (const GError       *gst_error);
/* Closes the scene, stops and emits "error"; takes @error */
void      rahnuma_player_fail               (RahnumaPlayer      *self,
                                             GError             *error);
void      rahnuma_player_reconcile          (RahnumaPlayer      *self);

/* rahnuma-player-bus.c: the scene pipeline's bus watch; @data is the player */
gboolean  rahnuma_player_on_bus_message     (GstBus             *bus,
                                             GstMessage         *message,
                                             gpointer            data);

G_END_DECLS
