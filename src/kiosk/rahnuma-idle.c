/* rahnuma-idle.c — a visitor who walks away: "Are you still there?", then
 * the visit ends as abandoned and the kiosk waits for the next visitor
 *
 * Watches the kiosk window from outside, so the journey's code need not know:
 * any input on the window (seen by a #RahnumaIdleWatch, before any widget)
 * counts as a visitor being there, and so does a page change or a lesson
 * playing (a lesson page that keeps painting itself). Each page but the
 * welcome screen has the timeout; on the language screen nothing is at
 * stake, so it goes straight back to the welcome screen. Otherwise
 * "Are you still there?" comes up as a page of its own, spoken, with a
 * countdown; any touch continues the visit; at zero "kiosk.end-visit" records the
 * visit as abandoned and cleans the screen.
 *
 * The result page, with the completion code, is different: the visitor may
 * have gone to fetch the officer, so it waits the longer result timeout and
 * then goes straight back to the welcome screen (the visit is already
 * completed), without "Are you still there?".
 *
 * While any page but the welcome screen is up, the screen is kept awake.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-idle"

#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-i18n.h"
#include "rahnuma-idle.h"
#include "rahnuma-idle-watch.h"
#include "rahnuma-kiosk-context.h"
#include "rahnuma-language-page.h"
#include "rahnuma-lesson-page.h"
#include "rahnuma-result-page.h"
#include "rahnuma-still-there.h"
#include "rahnuma-welcome-page.h"

struct _RahnumaIdle
{
  GObject parent_instance;

  GtkWindow *window; /* unowned: the idle monitor lives as window data */
  RahnumaKioskContext *context; /* the sound playing, the prompt's words */
  GtkStack *stack;   /* unowned: the window's; a weak pointer, as a closing
                      * window disposes its children before its "destroy" */
  guint timeout_s;
  guint countdown_s;
  guint result_timeout_s;

  RahnumaIdleWatch *watch;
  guint inhibit_cookie;
  gulong after_paint_id;
  GdkFrameClock *frame_clock; /* unowned: the window's, while realized */

  RahnumaStillThere *still_there; /* while asking */
  GtkWidget *asked_over;          /* the page it covers (strong ref) */
  guint countdown_id;
  guint seconds_left;
  gboolean ending;                /* nobody answered: the visit is ending */
};

G_DEFINE_FINAL_TYPE (RahnumaIdle, rahnuma_idle, G_TYPE_OBJECT)

/* The first touch of an answer to "Are you still there?". */
static const GdkEventType answer_events[] = {
  GDK_BUTTON_PRESS, GDK_KEY_PRESS, GDK_TOUCH_BEGIN,
};

static gboolean
is_answer (GdkEventType type)
{
  for (gsize i = 0; i < G_N_ELEMENTS (answer_events); i++)
    if (answer_events[i] == type)
      return TRUE;
  return FALSE;
}

static GtkWidget *
visible_page (RahnumaIdle *self)
{
  return gtk_stack_get_visible_child (self->stack);
}

static gboolean
on_welcome_page (RahnumaIdle *self)
{
  GtkWidget *page = visible_page (self);

  return page == NULL || RAHNUMA_IS_WELCOME_PAGE (page);
}

static gboolean
on_result_page (RahnumaIdle *self)
{
  return RAHNUMA_IS_RESULT_PAGE (visible_page (self));
}

/* The page's timeout, in seconds. */
static guint
page_timeout_s (RahnumaIdle *self)
{
  return on_result_page (self) ? self->result_timeout_s : self->timeout_s;
}

static void
restart_timer (RahnumaIdle *self)
{
  rahnuma_idle_watch_note_activity (self->watch);
  if (!on_welcome_page (self) && self->still_there == NULL)
    rahnuma_idle_watch_start (self->watch, page_timeout_s (self));
  else
    rahnuma_idle_watch_stop (self->watch);
}

/* Keeps the screen awake while a visit is under way. */
static void
update_inhibit (RahnumaIdle *self)
{
  GtkApplication *app = gtk_window_get_application (self->window);

  if (app == NULL)
    return;
  if (on_welcome_page (self) && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
  else if (!on_welcome_page (self) && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (app, self->window, GTK_APPLICATION_INHIBIT_IDLE,
                                                    _("A visitor is using the kiosk"));
}

static void
stop_asking (RahnumaIdle *self)
{
  RahnumaStillThere *still_there = g_steal_pointer (&self->still_there);

  g_clear_handle_id (&self->countdown_id, g_source_remove);
  g_clear_object (&self->asked_over);
  self->ending = FALSE;
  if (still_there != NULL)
    gtk_stack_remove (self->stack, GTK_WIDGET (still_there));
}

static void
end_visit (RahnumaIdle *self)
{
  self->ending = TRUE;
  /* Not "kiosk.home", which asks first during a visit: nobody is there to answer. */
  gtk_widget_activate_action (GTK_WIDGET (self->window), "kiosk.end-visit", NULL);
}

static gboolean
on_countdown_tick (gpointer user_data)
{
  RahnumaIdle *self = user_data;

  if (--self->seconds_left > 0)
    {
      rahnuma_still_there_set_seconds (self->still_there, self->seconds_left);
      return G_SOURCE_CONTINUE;
    }
  self->countdown_id = 0;
  g_message ("No answer: the visit ends as abandoned");
  end_visit (self);
  return G_SOURCE_REMOVE;
}

/* The visitor is there: back to the page they were on, as they left it. */
static void
on_continued (RahnumaIdle *self)
{
  GtkWidget *page;

  if (self->still_there == NULL || self->ending)
    return;
  g_message ("The visitor is still there: the visit goes on");
  rahnuma_sound_stop (rahnuma_kiosk_context_get_sound (self->context));
  page = self->asked_over != NULL && gtk_widget_get_parent (self->asked_over) == GTK_WIDGET (self->stack)
           ? g_object_ref (self->asked_over) : NULL;
  stop_asking (self);
  if (page != NULL)
    gtk_stack_set_visible_child (self->stack, page);
  g_clear_object (&page);
  restart_timer (self);
}

static char *
dup_question (RahnumaIdle *self)
{
  char *text = rahnuma_kiosk_context_dup_prompt_text (self->context, "still-there",
                                                      rahnuma_i18n_get_language ());

  return text != NULL ? text : g_strdup (_("Are you still there?"));
}

static void
ask_still_there (RahnumaIdle *self)
{
  g_autofree char *question = dup_question (self);

  g_message ("No touch for %u s: asking whether the visitor is still there", self->timeout_s);
  self->asked_over = g_object_ref (visible_page (self));
  self->still_there = rahnuma_still_there_new (question);
  self->seconds_left = self->countdown_s;
  rahnuma_still_there_set_seconds (self->still_there, self->seconds_left);
  g_signal_connect_object (self->still_there, "continued", G_CALLBACK (on_continued), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_child (self->stack, GTK_WIDGET (self->still_there));
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->still_there));
  gtk_widget_activate_action (GTK_WIDGET (self->window), "kiosk.speak", "s", "still-there");
  self->countdown_id = g_timeout_add_seconds (1, on_countdown_tick, self);
}

/* A lesson playing, or a prompt being spoken, means someone is watching. */
static gboolean
something_playing (RahnumaIdle *self)
{
  return rahnuma_sound_is_playing (rahnuma_kiosk_context_get_sound (self->context));
}

static void
on_timed_out (RahnumaIdleWatch *watch, RahnumaIdle *self)
{
  if (something_playing (self))
    rahnuma_idle_watch_start (self->watch, page_timeout_s (self));
  else if (on_result_page (self))
    {
      g_message ("The result was shown %u s without a touch: back to the welcome screen",
                 self->result_timeout_s);
      end_visit (self);
    }
  else if (RAHNUMA_IS_LANGUAGE_PAGE (visible_page (self)))
    {
      g_message ("Nobody chose a language: back to the welcome screen");
      end_visit (self);
    }
  else
    ask_still_there (self);
}

static void
on_visible_page (GtkStack *stack, GParamSpec *pspec, RahnumaIdle *self)
{
  if (self->still_there != NULL && visible_page (self) == GTK_WIDGET (self->still_there))
    return;
  stop_asking (self);
  update_inhibit (self);
  restart_timer (self);
}

static gboolean
on_input (RahnumaIdleWatch *watch, GdkEventType type, RahnumaIdle *self)
{
  if (self->still_there == NULL)
    return FALSE;
  /* Any touch answers the question, and goes no further: it must not also
   * press whatever is under the finger on the page that comes back. */
  if (is_answer (type))
    on_continued (self);
  return TRUE;
}

/* A lesson page that paints is playing: the visitor is watching. */
static void
on_after_paint (GdkFrameClock *clock, RahnumaIdle *self)
{
  GtkWidget *page = visible_page (self);

  if (page != NULL && RAHNUMA_IS_LESSON_PAGE (page))
    rahnuma_idle_watch_note_activity (self->watch);
}

static void
on_window_realize (GtkWidget *window, RahnumaIdle *self)
{
  self->frame_clock = gtk_widget_get_frame_clock (window);
  self->after_paint_id = g_signal_connect (self->frame_clock, "after-paint",
                                           G_CALLBACK (on_after_paint), self);
}

static void
on_window_unrealize (GtkWidget *window, RahnumaIdle *self)
{
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  self->frame_clock = NULL;
}

/* The window goes before its data: nothing may fire on it afterwards. */
static void
on_window_destroy (GtkWidget *window, RahnumaIdle *self)
{
  GtkApplication *app = gtk_window_get_application (self->window);

  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  on_window_unrealize (window, self);
  rahnuma_idle_watch_stop (self->watch);
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  g_clear_object (&self->asked_over);
  if (app != NULL && self->inhibit_cookie != 0)
    gtk_application_uninhibit (app, self->inhibit_cookie);
  self->inhibit_cookie = 0;
}

static void
rahnuma_idle_dispose (GObject *object)
{
  RahnumaIdle *self = (RahnumaIdle *) object;

  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  g_clear_object (&self->asked_over);
  g_clear_object (&self->context);
  g_clear_weak_pointer (&self->stack);

  G_OBJECT_CLASS (rahnuma_idle_parent_class)->dispose (object);
}

static void
rahnuma_idle_class_init (RahnumaIdleClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rahnuma_idle_dispose;
}

static void
rahnuma_idle_init (RahnumaIdle *self)
{
}

/**
 * rahnuma_idle_attach:
 * @window: the kiosk window
 * @stack: the stack of its pages, whose first page is the welcome screen
 * @context: the kiosk's services (the sound playing, the prompt's words)
 * @timeout_s: seconds without a touch before asking
 * @countdown_s: seconds the question waits for an answer
 * @result_timeout_s: seconds the result page stays without a touch
 *
 * Watches @window for the rest of its life.
 */
void
rahnuma_idle_attach (GtkWindow *window, GtkStack *stack, RahnumaKioskContext *context,
                     guint timeout_s, guint countdown_s, guint result_timeout_s)
{
  RahnumaIdle *self;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (context));
  g_return_if_fail (timeout_s > 0 && countdown_s > 0 && result_timeout_s > 0);

  self = g_object_new (RAHNUMA_TYPE_IDLE, NULL);
  self->window = window;
  self->context = g_object_ref (context);
  g_set_weak_pointer (&self->stack, stack);
  self->timeout_s = timeout_s;
  self->countdown_s = countdown_s;
  self->result_timeout_s = result_timeout_s;
  g_object_set_data_full (G_OBJECT (window), "rahnuma-idle", self, g_object_unref);

  self->watch = rahnuma_idle_watch_new (GTK_WIDGET (window));
  g_signal_connect (self->watch, "input", G_CALLBACK (on_input), self);
  g_signal_connect (self->watch, "timed-out", G_CALLBACK (on_timed_out), self);

  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (on_visible_page), self);
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), self);
  g_signal_connect (window, "unrealize", G_CALLBACK (on_window_unrealize), self);
  g_signal_connect (window, "destroy", G_CALLBACK (on_window_destroy), self);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_window_realize (GTK_WIDGET (window), self);
  restart_timer (self);
}

/**
 * rahnuma_idle_set_timeouts:
 * @window: a window rahnuma_idle_attach() watches
 * @timeout_s: seconds without a touch before asking
 * @countdown_s: seconds the question waits for an answer
 *
 * New timeouts, in force at once (the officer changed them): the wait
 * starts again from now.
 */
void
rahnuma_idle_set_timeouts (GtkWindow *window, guint timeout_s, guint countdown_s)
{
  RahnumaIdle *self;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (timeout_s > 0 && countdown_s > 0);

  self = g_object_get_data (G_OBJECT (window), "rahnuma-idle");
  if (self == NULL)
    return;
  self->timeout_s = timeout_s;
  self->countdown_s = countdown_s;
  restart_timer (self);
}
