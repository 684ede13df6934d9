/* rahnuma-idle-watch.c — how long nobody has touched a window
 *
 * The one idle detector of the kiosk (rahnuma-idle.c: "Are you still
 * there?") and of the officer window (locks itself when left alone).
 *
 * A capture-phase controller on the widget sees every input before any
 * child does; input made by a person (not crossing or focus events, which
 * the window system makes) moves the time of the last activity, and
 * nothing else: no timer is touched per event. One timer is set for when
 * the timeout would be due; when it fires early (there was activity
 * meanwhile) it sets itself again for the rest, so an idle window wakes no
 * one, and a busy one at most once per timeout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-idle-watch"

#include "config.h"

#include "rahnuma-idle-watch.h"

struct _RahnumaIdleWatch
{
  GObject parent_instance;

  gint64 last_activity; /* monotonic µs */
  guint timeout_s;      /* 0: stopped */
  guint timer_id;
};

G_DEFINE_FINAL_TYPE (RahnumaIdleWatch, rahnuma_idle_watch, G_TYPE_OBJECT)

enum {
  SIGNAL_INPUT,
  SIGNAL_TIMED_OUT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Input that means someone is at the window. */
static const GdkEventType presence_events[] = {
  GDK_BUTTON_PRESS, GDK_BUTTON_RELEASE, GDK_MOTION_NOTIFY, GDK_KEY_PRESS,
  GDK_KEY_RELEASE, GDK_SCROLL, GDK_TOUCH_BEGIN, GDK_TOUCH_UPDATE, GDK_TOUCH_END,
  GDK_TOUCHPAD_SWIPE, GDK_TOUCHPAD_PINCH, GDK_TOUCHPAD_HOLD,
};

static gboolean on_timer (gpointer user_data);

static gboolean
is_presence (GdkEventType type)
{
  for (gsize i = 0; i < G_N_ELEMENTS (presence_events); i++)
    if (presence_events[i] == type)
      return TRUE;
  return FALSE;
}

static void
arm (RahnumaIdleWatch *self, gint64 delay_us)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_id = g_timeout_add ((guint) MAX (delay_us / 1000, 1) + 1, on_timer, self);
}

static gboolean
on_timer (gpointer user_data)
{
  RahnumaIdleWatch *self = user_data;
  gint64 timeout_us = (gint64) self->timeout_s * G_USEC_PER_SEC;
  gint64 idle_us = g_get_monotonic_time () - self->last_activity;

  self->timer_id = 0;
  if (idle_us < timeout_us)
    {
      arm (self, timeout_us - idle_us);
      return G_SOURCE_REMOVE;
    }
  self->timeout_s = 0;
  g_signal_emit (self, signals[SIGNAL_TIMED_OUT], 0);
  return G_SOURCE_REMOVE;
}

static gboolean
on_event (GtkEventControllerLegacy *controller, GdkEvent *event, RahnumaIdleWatch *self)
{
  gboolean handled = FALSE;

  if (!is_presence (gdk_event_get_event_type (event)))
    return GDK_EVENT_PROPAGATE;
  rahnuma_idle_watch_note_activity (self);
  g_signal_emit (self, signals[SIGNAL_INPUT], 0, gdk_event_get_event_type (event), &handled);
  return handled ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

static void
rahnuma_idle_watch_dispose (GObject *object)
{
  RahnumaIdleWatch *self = RAHNUMA_IDLE_WATCH (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  G_OBJECT_CLASS (rahnuma_idle_watch_parent_class)->dispose (object);
}

static void
rahnuma_idle_watch_class_init (RahnumaIdleWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rahnuma_idle_watch_dispose;

  /**
   * RahnumaIdleWatch::input:
   * @type: the kind of input, a person's (a touch, a key, the pointer
   *   moving); an enum, not the #GdkEvent, which a signal cannot carry
   *   through GLib's generic marshaller
   *
   * Emitted for each such input on the widget, before any child sees it,
   * after the activity is noted.
   *
   * Returns: %TRUE to stop the input there
   */
  signals[SIGNAL_INPUT] = g_signal_new ("input", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        g_signal_accumulator_true_handled, NULL, NULL,
                                        G_TYPE_BOOLEAN, 1, GDK_TYPE_EVENT_TYPE);
  /**
   * RahnumaIdleWatch::timed-out:
   *
   * Nobody touched the widget for the timeout given to
   * rahnuma_idle_watch_start(). The watch has stopped; start it again for
   * another.
   */
  signals[SIGNAL_TIMED_OUT] = g_signal_new ("timed-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                            NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rahnuma_idle_watch_init (RahnumaIdleWatch *self)
{
  self->last_activity = g_get_monotonic_time ();
}

/**
 * rahnuma_idle_watch_new:
 * @widget: the widget (a window) whose input counts
 *
 * Watches @widget's input, stopped until rahnuma_idle_watch_start(). The
 * controller it adds to @widget does nothing once the watch is gone.
 *
 * Returns: (transfer full): a new watch, to keep as long as it is needed
 */
RahnumaIdleWatch *
rahnuma_idle_watch_new (GtkWidget *widget)
{
  RahnumaIdleWatch *self;
  GtkEventController *controller;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (RAHNUMA_TYPE_IDLE_WATCH, NULL);
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (on_event), self, 0);
  gtk_widget_add_controller (widget, controller);
  return self;
}

/**
 * rahnuma_idle_watch_start:
 * @self: a #RahnumaIdleWatch
 * @timeout_s: seconds without input before #RahnumaIdleWatch::timed-out
 *
 * Counts as activity now, and emits #RahnumaIdleWatch::timed-out once
 * @timeout_s seconds pass without more. Restarts a running watch.
 */
void
rahnuma_idle_watch_start (RahnumaIdleWatch *self, guint timeout_s)
{
  g_return_if_fail (RAHNUMA_IS_IDLE_WATCH (self));
  g_return_if_fail (timeout_s > 0);

  rahnuma_idle_watch_note_activity (self);
  self->timeout_s = timeout_s;
  arm (self, (gint64) timeout_s * G_USEC_PER_SEC);
}

/**
 * rahnuma_idle_watch_stop:
 * @self: a #RahnumaIdleWatch
 *
 * No #RahnumaIdleWatch::timed-out until the next rahnuma_idle_watch_start();
 * input is still noted and still emits #RahnumaIdleWatch::input.
 */
void
rahnuma_idle_watch_stop (RahnumaIdleWatch *self)
{
  g_return_if_fail (RAHNUMA_IS_IDLE_WATCH (self));

  self->timeout_s = 0;
  g_clear_handle_id (&self->timer_id, g_source_remove);
}

/**
 * rahnuma_idle_watch_is_running:
 * @self: a #RahnumaIdleWatch
 *
 * Returns: whether a timeout is being counted (started, neither stopped
 *   nor timed out since)
 */
gboolean
rahnuma_idle_watch_is_running (RahnumaIdleWatch *self)
{
  g_return_val_if_fail (RAHNUMA_IS_IDLE_WATCH (self), FALSE);

  return self->timeout_s > 0;
}

/**
 * rahnuma_idle_watch_note_activity:
 * @self: a #RahnumaIdleWatch
 *
 * Counts as input now, for activity that is not input: a lesson playing, a
 * prompt spoken, a PIN accepted. Cheap: sets a time, touches no timer.
 */
void
rahnuma_idle_watch_note_activity (RahnumaIdleWatch *self)
{
  g_return_if_fail (RAHNUMA_IS_IDLE_WATCH (self));

  self->last_activity = g_get_monotonic_time ();
}
