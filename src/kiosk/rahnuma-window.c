/* rahnuma-window.c — the kiosk window: one visitor's journey after another
 *
 * The welcome and language screens are built once and speak every language.
 * Everything after the language choice is built fresh for each visitor, in
 * that visitor's language, and destroyed when the visit ends: the next
 * visitor cannot see anything of the last one.
 *
 * The journey is driven by the window's "kiosk.*" actions, which every page
 * reaches from its buttons; each step waits until the journal holds it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rahnuma-about-page.h"
#include "rahnuma-choice-page.h"
#include "rahnuma-i18n.h"
#include "rahnuma-idle.h"
#include "rahnuma-kiosk-context.h"
#include "rahnuma-language-page.h"
#include "rahnuma-language.h"
#include "rahnuma-lesson-page.h"
#include "rahnuma-lessons-page.h"
#include "rahnuma-officer-corner.h"
#include "rahnuma-officer.h"
#include "rahnuma-quiz-page.h"
#include "rahnuma-result-page.h"
#include "rahnuma-settings.h"
#include "rahnuma-visit.h"
#include "rahnuma-welcome-page.h"
#include "rahnuma-window.h"

struct _RahnumaWindow
{
  AdwApplicationWindow parent_instance;

  RahnumaKioskContext *context; /* the services: catalogue, journal, settings, prompts */
  RahnumaVisit *visit;
  RahnumaModule *module; /* the lesson on screen, if any */
  GCancellable *cancellable;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  RahnumaWelcomePage *welcome_page;
  RahnumaLanguagePage *language_page;
  GtkWidget *out_of_service_page;
  GtkLevelBar *volume_level;
  GtkWidget *louder_button;
  GtkWidget *quieter_button;
  GtkWidget *home_confirm; /* "Start again?", asked by Home during a visit */
  GtkLabel *home_question_label;
  GtkLabel *home_yes_label;
  GtkLabel *home_no_label;
  GtkWidget *home_yes_button;
  GtkWidget *home_no_button;
  gboolean resume_lesson; /* the lesson was playing when Home asked */

  guint volume; /* the visitor's, in percent; the "volume" setting for each new visitor */

  GQueue clips; /* of char*: spoken clips waiting their turn */
  GVariant *clips_after_paint; /* the chosen language's clips, spoken once its first frame is up */
  gulong after_paint_id;
  guint remind_id;    /* says the page's prompt again after a pause */
  guint n_reminders;  /* said again since the last touch */

  /* Built per visitor */
  GtkWidget *path_page;  /* after the language: the hall briefing, or every lesson */
  GtkWidget *again_page; /* the short path's "watch again?" or "answer again?" */
  GtkWidget *about_page;
  GtkWidget *lessons_page;
  GtkWidget *lesson_page;
  GtkWidget *quiz_page;
  GtkWidget *result_page;
};

G_DEFINE_FINAL_TYPE (RahnumaWindow, rahnuma_window, ADW_TYPE_APPLICATION_WINDOW)

/* What Home asks during a visit, and its two answers, as the question shows them. */
static const char * const home_question_clips[] = {
  "prompt:home-confirm", "prompt:home-yes", "prompt:go-on", NULL
};

/* A visitor who does not touch for this long hears the page's prompt again,
 * up to MAX_REMINDERS times (a hall of kiosks repeating forever is noise). */
#define REMIND_AFTER_S 20
#define MAX_REMINDERS 3

static void restart_reminder (RahnumaWindow *self);

/* One touch of Louder or Quieter, in percent. */
#define VOLUME_STEP 10

/* The visitor's volume, for the spoken clips and the lesson playing; the
 * gauge shows it and the buttons stop at the ends. */
static void
apply_volume (RahnumaWindow *self)
{
  double volume = self->volume / 100.0;

  rahnuma_sound_set_volume (rahnuma_kiosk_context_get_sound (self->context), volume);
  if (self->lesson_page != NULL)
    rahnuma_player_set_volume (rahnuma_lesson_page_get_player (RAHNUMA_LESSON_PAGE (self->lesson_page)),
                               volume);
  gtk_level_bar_set_value (self->volume_level, self->volume);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.louder", self->volume < 100);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.quieter", self->volume > 0);
}

/* The volume control stays on screen through the visit: its names, which a
 * screen reader says, follow the visitor's language (the pages are built
 * anew in it; this part of the window is not). */
static void
name_volume_control (RahnumaWindow *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->louder_button),
                                  /* Translators: the name a screen reader gives the volume
                                   * buttons */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Louder"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->quieter_button),
                                  /* Translators: the name a screen reader gives the volume
                                   * buttons */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Quieter"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->volume_level),
                                  /* Translators: the name a screen reader gives the volume
                                   * level */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Volume"), -1);
}

/* Each visitor starts at the kiosk's setting, whatever the last one chose. */
static void
reset_volume (RahnumaWindow *self)
{
  self->volume = rahnuma_settings_get_volume (rahnuma_kiosk_context_get_settings (self->context));
  apply_volume (self);
}

/* Nothing more of what was being said: the clip playing stops and no
 * queued clip starts (nor one waiting for the next frame). */
static void
hush (RahnumaWindow *self)
{
  g_debug ("Hushed: nothing more of the page left is said"); /* for the tests */
  g_queue_clear_full (&self->clips, g_free);
  g_clear_pointer (&self->clips_after_paint, g_variant_unref);
  if (self->context != NULL)
    rahnuma_sound_stop (rahnuma_kiosk_context_get_sound (self->context));
}

/* "Start again?" taken away (answered, or its page left): the page takes
 * touches again. A lesson it paused stays paused unless the visitor said
 * "No, go on" (kiosk_keep_going()). */
static void
hide_home_question (RahnumaWindow *self)
{
  if (self->home_confirm == NULL || !gtk_widget_get_visible (self->home_confirm))
    return;
  gtk_widget_set_visible (self->home_confirm, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), TRUE);
}

static void
remove_page (RahnumaWindow *self, GtkWidget **page)
{
  if (*page == NULL)
    return;
  gtk_stack_remove (self->stack, *page);
  *page = NULL;
}

static void
show_page (RahnumaWindow *self, GtkWidget **slot, GtkWidget *page)
{
  GtkWidget *old = *slot;

  *slot = page;
  gtk_stack_add_child (self->stack, page);
  gtk_stack_set_visible_child (self->stack, page);
  if (old != NULL)
    gtk_stack_remove (self->stack, old);
}

/* No lesson on offer (an empty modules folder, or every package left out):
 * there is nothing to brief a visitor on and nothing a completion code
 * could stand for, so no visit can start. */
static gboolean
has_lessons (RahnumaWindow *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (rahnuma_kiosk_context_get_catalog (self->context))) > 0;
}

/* The screen between visitors: the welcome screen, or the out-of-service
 * screen when no lesson is on offer. The actions that start a visit are
 * enabled and disabled here only. */
static void
show_home (RahnumaWindow *self)
{
  gboolean open = has_lessons (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.start", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.choose-language", open);
  gtk_stack_set_visible_child (self->stack, open ? GTK_WIDGET (self->welcome_page) : self->out_of_service_page);
}

/* Lessons installed or removed while the kiosk waits between visitors:
 * the welcome screen opens, or the out-of-service screen closes, at once. */
static void
on_catalog_changed (RahnumaWindow *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);

  if (visible == GTK_WIDGET (self->welcome_page) || visible == self->out_of_service_page)
    show_home (self);
}

/* Back to the welcome screen with nothing of the last visitor left. */
static void
reset_for_next_visitor (RahnumaWindow *self)
{
  RahnumaAutoSync *auto_sync = rahnuma_kiosk_context_get_auto_sync (self->context);

  /* A finished visit goes to the officers' file while the kiosk waits. */
  if (self->visit != NULL && auto_sync != NULL)
    rahnuma_auto_sync_request (auto_sync);

  hush (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  show_home (self);
  remove_page (self, &self->path_page);
  remove_page (self, &self->again_page);
  remove_page (self, &self->about_page);
  remove_page (self, &self->lessons_page);
  remove_page (self, &self->lesson_page);
  remove_page (self, &self->quiz_page);
  remove_page (self, &self->result_page);
  if (self->visit != NULL) /* language and state only: nothing about the visitor */
    g_message ("Visit in %s ended: %s", rahnuma_visit_get_language (self->visit),
               rahnuma_session_state_to_string (rahnuma_visit_get_state (self->visit)));
  g_clear_object (&self->visit);
  self->module = NULL;
  /* Between visits: a module installed meanwhile is offered to the next visitor. */
  rahnuma_kiosk_context_refresh_catalog (self->context);

  rahnuma_i18n_set_language ("en");
  name_volume_control (self);
  rahnuma_i18n_style_widget (GTK_WIDGET (self), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), TRUE);
  reset_volume (self);
}

/* The journal refused a step (disk full, damaged file, pulled drive): the
 * visitor goes on, and the officer sees why in the log and on screen. */
static void
warn_not_saved (RahnumaWindow *self, const GError *error)
{
  AdwToast *toast;

  g_warning ("A visit step was not saved: %s", error->message);
  toast = adw_toast_new (_("This step could not be saved. Please tell the officer."));
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Runs a visit step and calls @then when it is committed (or failed and
 * reported): the screen moves on only afterwards. While a step is in flight
 * the pages ignore touches, so steps reach the journal in order. */
typedef void (*StepDone) (RahnumaWindow *self);

typedef struct
{
  RahnumaWindow *self;
  StepDone then;
} StepData;

static void
on_step_committed (GObject *object, GAsyncResult *result, gpointer user_data)
{
  StepData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!rahnuma_visit_step_finish (RAHNUMA_VISIT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_object_unref (data->self);
          g_free (data);
          return;
        }
      warn_not_saved (data->self, error);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (data->self->stack), TRUE);
  if (data->then != NULL)
    data->then (data->self);
  g_object_unref (data->self);
  g_free (data);
}

static gpointer
step_data_new (RahnumaWindow *self, StepDone then)
{
  StepData *data = g_new0 (StepData, 1);

  data->self = g_object_ref (self);
  data->then = then;
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
  return data;
}

static void
show_lessons (RahnumaWindow *self)
{
  if (self->lessons_page == NULL)
    {
      self->lessons_page = GTK_WIDGET (rahnuma_lessons_page_new (self->visit));
      gtk_stack_add_child (self->stack, self->lessons_page);
    }
  else
    {
      /* Back from a lesson: say what is next, as the page now shows it. */
      rahnuma_lessons_page_refresh (RAHNUMA_LESSONS_PAGE (self->lessons_page));
      rahnuma_lessons_page_speak (RAHNUMA_LESSONS_PAGE (self->lessons_page));
    }

  remove_page (self, &self->lesson_page);
  remove_page (self, &self->quiz_page);
  remove_page (self, &self->about_page);
  remove_page (self, &self->path_page);
  self->module = NULL;
  gtk_stack_set_visible_child (self->stack, self->lessons_page);
}

/* After the "about you" step: the lessons, and what to do there, said. */
static void
show_lessons_after_about (RahnumaWindow *self)
{
  show_lessons (self);
  rahnuma_lessons_page_speak (RAHNUMA_LESSONS_PAGE (self->lessons_page));
}

static void
show_about (RahnumaWindow *self)
{
  show_page (self, &self->about_page, GTK_WIDGET (rahnuma_about_page_new ()));
}

static void
show_quiz (RahnumaWindow *self)
{
  show_page (self, &self->quiz_page, GTK_WIDGET (rahnuma_quiz_page_new (self->visit, self->module)));
  remove_page (self, &self->lesson_page);
  remove_page (self, &self->again_page);
  remove_page (self, &self->path_page);
  /* Only now can the page reach "kiosk.play": what to do, then question 1. */
  rahnuma_quiz_page_remind (RAHNUMA_QUIZ_PAGE (self->quiz_page));
}

/* Where to get help: Pakistan's offices, and the destination's once the
 * visit knows it (the journey does not ask it yet: NULL). */
static GPtrArray *
lookup_contacts (RahnumaWindow *self)
{
  RahnumaContacts *contacts = rahnuma_kiosk_context_get_contacts (self->context);

  if (contacts == NULL)
    return NULL;
  return rahnuma_contacts_lookup (contacts, NULL, rahnuma_visit_get_language (self->visit));
}

static void
show_result (RahnumaWindow *self)
{
  g_autoptr(GPtrArray) contacts = lookup_contacts (self);
  g_autofree char *proof = rahnuma_kiosk_context_dup_proof (self->context, self->visit);

  show_page (self, &self->result_page, GTK_WIDGET (rahnuma_result_page_new (self->visit, proof)));
  rahnuma_result_page_set_contacts (RAHNUMA_RESULT_PAGE (self->result_page), contacts);
  rahnuma_result_page_set_card_printer (RAHNUMA_RESULT_PAGE (self->result_page),
                                        rahnuma_kiosk_context_get_card_printer (self->context));
  remove_page (self, &self->lessons_page);
  rahnuma_result_page_speak (RAHNUMA_RESULT_PAGE (self->result_page));
}

/* Ends a visit whose every lesson is done: its code, then the result. */
static void
finish_visit (RahnumaWindow *self)
{
  if (self->visit == NULL || !rahnuma_visit_is_complete (self->visit))
    return;
  rahnuma_visit_complete_async (self->visit, self->cancellable, on_step_committed,
                                step_data_new (self, show_result));
}

static void
speak_clips (RahnumaWindow *self, const char * const *clips)
{
  gtk_widget_activate_action_variant (GTK_WIDGET (self), "kiosk.play", g_variant_new_strv (clips, -1));
}

/* The "about you" step, and its first question said. */
static void
show_about_and_speak (RahnumaWindow *self)
{
  const char *clips[] = { "prompt:about", "prompt:about-gender", NULL };

  show_about (self);
  speak_clips (self, clips);
}

/* The words of a prompt in the visitor's language, as the screen shows
 * them (what the visitor hears, media/prompts/prompts.ini). */
static char *
dup_prompt_words (RahnumaWindow *self, const char *prompt)
{
  char *text = rahnuma_kiosk_context_dup_prompt_text (self->context, prompt,
                                                      rahnuma_visit_get_language (self->visit));

  return text != NULL ? text : g_strdup (prompt);
}

/* A question with picture answers, in words from the prompts that say them. */
static GtkWidget *
new_choice_page (RahnumaWindow *self, const char *prompt, RahnumaChoice *choices, guint n_choices)
{
  g_autofree char *question = dup_prompt_words (self, prompt);
  char *labels[RAHNUMA_CHOICE_PAGE_MAX_CHOICES] = { NULL };
  GtkWidget *page;

  g_assert (n_choices <= RAHNUMA_CHOICE_PAGE_MAX_CHOICES);
  for (guint i = 0; i < n_choices; i++)
    choices[i].label = labels[i] = dup_prompt_words (self, choices[i].prompt);
  page = GTK_WIDGET (rahnuma_choice_page_new (prompt, question, choices, n_choices));
  for (guint i = 0; i < n_choices; i++)
    g_free (labels[i]);
  return page;
}

/* Right after the language (issue 20): "Were you in the hall briefing
 * today?" The short path first, as the answer most visitors of a centre
 * with a hall give. */
static void
show_path_choice (RahnumaWindow *self)
{
  RahnumaChoice choices[] = {
    { "path:short", "path-short", NULL, "kiosk.choose-path", "short" },
    { "path:full", "path-full", NULL, "kiosk.choose-path", "full" },
  };

  show_page (self, &self->path_page, new_choice_page (self, "path", choices, G_N_ELEMENTS (choices)));
}

/* After the language: "Were you in the hall briefing today?" where the
 * centre holds hall briefings (the hall-briefing setting); elsewhere the
 * full path's first page, as no visitor may skip the scenes there. Sets
 * @clips to the prompts that say what to do on that page. */
static void
show_first_step (RahnumaWindow *self, const char *clips[3])
{
  RahnumaSettings *settings = rahnuma_kiosk_context_get_settings (self->context);
  gboolean about = rahnuma_settings_get_about_you (settings);

  if (rahnuma_settings_get_hall_briefing (settings))
    {
      show_path_choice (self);
      clips[0] = "prompt:path";
      clips[1] = "prompt:path-short";
      clips[2] = "prompt:path-full";
      return;
    }
  if (about)
    show_about (self);
  else
    show_lessons (self);
  clips[0] = about ? "prompt:about" : "prompt:lessons";
  clips[1] = about ? "prompt:about-gender" : "";
  clips[2] = "";
}

/* The full path, as before the choice: "about you" (when on), then the lessons. */
static void
start_full_path (RahnumaWindow *self)
{
  if (rahnuma_settings_get_about_you (rahnuma_kiosk_context_get_settings (self->context)))
    show_about_and_speak (self);
  else
    show_lessons_after_about (self);
  remove_page (self, &self->path_page);
}

/* The short path's next step: the next lesson's questions; once every
 * lesson is answered, the "about you" step (when on), then the result.
 * Issue 20 puts "about you" after the questions on this path. */
static void
show_next_short_step (RahnumaWindow *self)
{
  g_autoptr(RahnumaModule) next = rahnuma_visit_dup_next_module (self->visit);

  if (next != NULL)
    {
      self->module = next; /* the visit's catalogue keeps it */
      show_quiz (self);
      return;
    }
  self->module = NULL;
  if (!rahnuma_settings_get_about_you (rahnuma_kiosk_context_get_settings (self->context)))
    {
      finish_visit (self);
      return;
    }
  show_about_and_speak (self);
  remove_page (self, &self->quiz_page);
  remove_page (self, &self->again_page);
  remove_page (self, &self->path_page);
}

/* On the short path, after a lesson answered wrongly: "Watch this lesson
 * again?" (@watch), or after its scenes: "Answer its questions again?" */
static void
show_again (RahnumaWindow *self, gboolean watch)
{
  RahnumaChoice choices[] = {
    { watch ? "again:watch" : "again:answer", watch ? "watch-again-yes" : "retry-yes", NULL,
      watch ? "kiosk.watch-again" : "kiosk.answer-again", NULL },
    { "go-on", "go-on", NULL, "kiosk.go-on", NULL },
  };
  g_autofree char *title = rahnuma_module_dup_title (self->module, rahnuma_visit_get_language (self->visit));

  show_page (self, &self->again_page,
             new_choice_page (self, watch ? "watch-again" : "retry", choices, G_N_ELEMENTS (choices)));
  rahnuma_choice_page_set_detail (RAHNUMA_CHOICE_PAGE (self->again_page), title);
  remove_page (self, &self->quiz_page);
  remove_page (self, &self->lesson_page);
  rahnuma_choice_page_speak (RAHNUMA_CHOICE_PAGE (self->again_page));
}

static void
show_retry (RahnumaWindow *self)
{
  show_again (self, FALSE);
}

/* A lesson's questions answered on the short path: one answered below the
 * pass mark offers its scenes again; otherwise on to the next step. */
static void
after_short_quiz (RahnumaWindow *self)
{
  RahnumaQuiz *quiz = rahnuma_visit_get_quiz (self->visit, self->module);

  if (rahnuma_quiz_is_finished (quiz) && !rahnuma_quiz_is_passed (quiz))
    show_again (self, TRUE);
  else
    show_next_short_step (self);
}

static gboolean
is_short_path (RahnumaWindow *self)
{
  return self->visit != NULL && rahnuma_visit_get_path (self->visit) == RAHNUMA_PATH_SHORT;
}

static void
on_after_paint_speak (GdkFrameClock *clock, RahnumaWindow *self)
{
  g_autoptr(GVariant) clips = g_steal_pointer (&self->clips_after_paint);

  g_clear_signal_handler (&self->after_paint_id, clock);
  if (clips != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (self), "kiosk.play", clips);
}

/* Plays @clips (floating, consumed) once the next frame is painted. */
static void
speak_after_paint (RahnumaWindow *self, GVariant *clips)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_clear_pointer (&self->clips_after_paint, g_variant_unref);
  self->clips_after_paint = g_variant_ref_sink (clips);
  if (clock == NULL)
    {
      on_after_paint_speak (NULL, self);
      return;
    }
  if (self->after_paint_id == 0)
    self->after_paint_id = g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint_speak),
                                                    self, 0);
}

static void
kiosk_start (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);

  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->language_page));
  rahnuma_language_page_speak (self->language_page);
}

static void
kiosk_choose_language (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);
  const char *code = g_variant_get_string (parameter, NULL);
  g_autofree char *name_path = NULL;
  RahnumaSettings *settings = rahnuma_kiosk_context_get_settings (self->context);
  const char *first_clips[3];
  int pass_mark_percent;

  if (self->visit != NULL || rahnuma_language_lookup (code) == NULL)
    return;

  rahnuma_i18n_set_language (code);
  rahnuma_i18n_style_widget (GTK_WIDGET (self), code);
  name_volume_control (self);
  /* The kiosk may have waited at the welcome screen through an install:
   * this visit keeps the catalog it starts with, the next one gets the new. */
  rahnuma_kiosk_context_refresh_catalog (self->context);
  self->visit = rahnuma_visit_new (rahnuma_kiosk_context_get_store (self->context),
                                   rahnuma_kiosk_context_get_catalog (self->context), code,
                                   rahnuma_kiosk_context_get_centre (self->context),
                                   rahnuma_kiosk_context_get_kiosk_id (self->context));
  pass_mark_percent = rahnuma_settings_get_pass_mark_percent (settings);
  if (pass_mark_percent != RAHNUMA_SETTINGS_PASS_MARK_MODULE)
    rahnuma_visit_set_pass_mark_percent (self->visit, (guint) pass_mark_percent);
  /* The visit's own random seed: a new draw for each visitor. */
  rahnuma_visit_set_short_path_questions (self->visit, rahnuma_settings_get_short_path_questions (settings), 0);
  g_message ("Visit started in %s", code);
  /* The lessons page shows at once; its touches wait for the start's
   * commit (the stack stays insensitive until then, step_data_new()), so
   * no step can reach the journal before it. The visitor has done nothing
   * yet that a power cut in between could lose. Waiting for the commit
   * (its fsync) before the first frame was 5–60 ms of the switch. */
  rahnuma_visit_begin_async (self->visit, self->cancellable, on_step_committed, step_data_new (self, NULL));
  show_first_step (self, first_clips);

  /* The language's own name, spoken: the visitor hears what they chose;
   * for a language without its own voice, that lessons are heard in Urdu
   * (the notice the lesson page shows); then what to do next, in that
   * language. Started after the first frame in the new language: starting
   * the sound took 6–60 ms of the switch. */
  name_path = rahnuma_kiosk_context_dup_prompt_path (self->context, "names", code);
  {
    const char *clips[] = { name_path,
                            rahnuma_language_lookup (code)->narration_fallback != NULL ? "prompt:urdu-audio" : "",
                            first_clips[0], first_clips[1], first_clips[2], NULL };
    speak_after_paint (self, g_variant_new_strv (clips, -1));
  }
}

static void
kiosk_open_lesson (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);
  RahnumaCatalog *catalog;
  RahnumaModule *module;

  if (self->visit == NULL)
    return;
  catalog = rahnuma_visit_get_catalog (self->visit);
  module = rahnuma_catalog_lookup (catalog, g_variant_get_string (parameter, NULL));
  if (module == NULL)
    return;

  self->module = module;
  show_page (self, &self->lesson_page, GTK_WIDGET (rahnuma_lesson_page_new (self->visit, module)));
  apply_volume (self);
}

static void
kiosk_lesson_watched (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);

  if (self->visit == NULL || self->module == NULL)
    return;
  /* On the short path the scenes were offered again after wrong answers:
   * then the visitor chooses to answer again or go on. */
  rahnuma_visit_watched_async (self->visit, self->module, g_variant_get_double (parameter),
                               self->cancellable, on_step_committed,
                               step_data_new (self, is_short_path (self) ? show_retry : show_quiz));
}

static void
kiosk_lessons (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);

  if (self->visit == NULL)
    return;
  /* The short path has no list of lessons: the end of a quiz goes on, and
   * a lesson watched again leads to answering it again. */
  if (!is_short_path (self))
    show_lessons (self);
  else if (self->module != NULL && gtk_stack_get_visible_child (self->stack) == self->lesson_page)
    show_retry (self);
  else if (self->module != NULL && gtk_stack_get_visible_child (self->stack) == self->quiz_page)
    after_short_quiz (self);
}

/* After the language: the short path (recorded first) or the full one. */
static void
kiosk_choose_path (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);
  RahnumaVisitPath path;

  if (self->visit == NULL || self->path_page == NULL ||
      !rahnuma_visit_path_from_string (g_variant_get_string (parameter, NULL), &path))
    return;
  /* The choice is made: the page's other answer is not said while the
   * choice is recorded, nor the chosen one as a confirmation (the next
   * page's words, said at once, are the visitor's sign it was taken). */
  hush (self);
  if (path == RAHNUMA_PATH_FULL)
    start_full_path (self);
  else
    rahnuma_visit_set_path_async (self->visit, path, self->cancellable, on_step_committed,
                                  step_data_new (self, show_next_short_step));
}

/* The short path: "Watch this lesson again?" Yes. */
static void
kiosk_watch_again (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);

  if (!is_short_path (self) || self->module == NULL || self->again_page == NULL)
    return;
  show_page (self, &self->lesson_page, GTK_WIDGET (rahnuma_lesson_page_new (self->visit, self->module)));
  remove_page (self, &self->again_page);
  apply_volume (self);
}

/* The short path: "Answer this lesson's questions again?" Yes. */
static void
kiosk_answer_again (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);

  if (!is_short_path (self) || self->module == NULL || self->again_page == NULL)
    return;
  /* A new draw: the visitor may get another of the lesson's questions. */
  rahnuma_visit_draw_questions (self->visit, self->module);
  show_quiz (self);
}

/* The short path: "No, go on", to the next lesson's questions or the end. */
static void
kiosk_go_on (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);

  if (is_short_path (self) && self->again_page != NULL)
    show_next_short_step (self);
}

/* The "about you" step is over: its answers recorded (unless the visitor
 * skipped them all), then the lessons (the full path) or the result (the
 * short path). The answers go from the page to
 * the visit and the journal; the page goes with show_lessons(). */
static void
kiosk_about_done (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);
  /* On the short path the questions came first: "about you" ends the visit. */
  StepDone then = is_short_path (self) ? finish_visit : show_lessons_after_about;
  RahnumaAboutPage *page;
  RahnumaSurveyAnswers answers;

  if (self->visit == NULL || self->about_page == NULL)
    return;
  hush (self); /* the question on screen is not said while the answers are recorded */
  if (g_variant_get_boolean (parameter))
    {
      then (self);
      return;
    }
  page = RAHNUMA_ABOUT_PAGE (self->about_page);
  rahnuma_about_page_get_answers (page, &answers);
  rahnuma_visit_about_async (self->visit, rahnuma_about_page_get_gender (page), &answers, self->cancellable,
                             on_step_committed, step_data_new (self, then));
}

static void
kiosk_finish (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  finish_visit (RAHNUMA_WINDOW (widget));
}

/* Ends the visit at once: an active visit is recorded as abandoned, then
 * the screen is cleaned; after completion it just cleans up. "Yes, start
 * again", and the idle monitor's end of an unattended visit. */
static void
kiosk_end_visit (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);

  hide_home_question (self);
  if (self->visit != NULL && rahnuma_visit_get_state (self->visit) == RAHNUMA_SESSION_ACTIVE)
    rahnuma_visit_abandon_async (self->visit, self->cancellable, on_step_committed,
                                 step_data_new (self, reset_for_next_visitor));
  else
    reset_for_next_visitor (self);
}

/* The lesson on screen, if it is what the visitor sees. */
static RahnumaPlayer *
visible_lesson_player (RahnumaWindow *self)
{
  if (self->lesson_page == NULL || gtk_stack_get_visible_child (self->stack) != self->lesson_page)
    return NULL;
  return rahnuma_lesson_page_get_player (RAHNUMA_LESSON_PAGE (self->lesson_page));
}

/* The words of "Start again?" and its answers, in the visitor's language
 * (the prompts said aloud), also as the answers' names for a screen reader. */
static void
word_home_question (RahnumaWindow *self)
{
  g_autofree char *question = dup_prompt_words (self, "home-confirm");
  g_autofree char *yes = dup_prompt_words (self, "home-yes");
  g_autofree char *no = dup_prompt_words (self, "go-on");

  gtk_label_set_label (self->home_question_label, question);
  gtk_label_set_label (self->home_yes_label, yes);
  gtk_label_set_label (self->home_no_label, no);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->home_yes_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, yes, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->home_no_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, no, -1);
}

/* "Start again?" over the page, said aloud; the page behind takes no touch
 * and a playing lesson waits. The idle monitor still counts the time: an
 * unanswered question is no touch. */
static void
ask_home_question (RahnumaWindow *self)
{
  RahnumaPlayer *player = visible_lesson_player (self);

  self->resume_lesson = FALSE;
  if (player != NULL)
    {
      RahnumaPlayerState state = rahnuma_player_get_state (player);

      self->resume_lesson = state == RAHNUMA_PLAYER_PLAYING || state == RAHNUMA_PLAYER_LOADING;
      if (self->resume_lesson)
        rahnuma_player_pause (player);
    }
  word_home_question (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
  gtk_widget_set_visible (self->home_confirm, TRUE);
  gtk_widget_grab_focus (self->home_no_button);
  g_debug ("Home asks first");
  speak_clips (self, home_question_clips);
}

/* "Home": during a visit past the language (the path question, "about
 * you", the lessons, a lesson, its questions) an accidental touch would
 * lose the visitor's progress, so it asks first; before that, and on the
 * result page (whose Finish asks its own question), it ends at once. */
static void
kiosk_home (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);

  if (self->visit != NULL && rahnuma_visit_get_state (self->visit) == RAHNUMA_SESSION_ACTIVE)
    ask_home_question (self);
  else
    kiosk_end_visit (widget, "kiosk.end-visit", NULL);
}

/* "No, go on": back where the visitor was, with nothing lost; a lesson
 * paused by the question plays on. */
static void
kiosk_keep_going (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);
  RahnumaPlayer *player = visible_lesson_player (self);
  gboolean resume = self->resume_lesson;

  if (!gtk_widget_get_visible (self->home_confirm))
    return;
  hide_home_question (self);
  hush (self);
  if (resume && player != NULL)
    rahnuma_player_play (player);
}

static void
kiosk_speak (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);
  const char *target = g_variant_get_string (parameter, NULL);
  const char *slash = strchr (target, '/');
  g_autofree char *lang = NULL;
  g_autofree char *path = NULL;

  /* "welcome" speaks in the visitor's language, "ur/welcome" in Urdu. */
  lang = slash != NULL ? g_strndup (target, (gsize) (slash - target))
                       : g_strdup (rahnuma_i18n_get_language ());
  path = rahnuma_kiosk_context_dup_prompt_path (self->context,
                                              slash != NULL ? slash + 1 : target, lang);
  g_queue_clear_full (&self->clips, g_free);
  /* A prompt; a touched "about you" answer says its word (debug output is
   * never on in service: docs/ARCHITECTURE.md, Privacy). */
  g_debug ("Saying %s", path);
  rahnuma_sound_play_file (rahnuma_kiosk_context_get_sound (self->context), path);
}

static void
on_answer_committed (RahnumaWindow *self)
{
  if (self->quiz_page != NULL)
    rahnuma_quiz_page_show_feedback (RAHNUMA_QUIZ_PAGE (self->quiz_page));
}

static void
kiosk_answer (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);
  guint question, choice;

  if (self->visit == NULL || self->module == NULL)
    return;
  g_variant_get (parameter, "(uu)", &question, &choice);
  if (question >= rahnuma_module_get_n_questions (self->module) ||
      !rahnuma_quiz_is_asked (rahnuma_visit_get_quiz (self->visit, self->module), question) ||
      choice >= rahnuma_question_get_n_choices (rahnuma_module_get_question (self->module, question)))
    return;
  rahnuma_visit_answer_async (self->visit, self->module, question, choice, self->cancellable,
                              on_step_committed, step_data_new (self, on_answer_committed));
}

static void
play_next_clip (RahnumaWindow *self)
{
  RahnumaSound *sound = rahnuma_kiosk_context_get_sound (self->context);
  g_autofree char *clip = g_queue_pop_head (&self->clips);

  if (clip != NULL)
    rahnuma_sound_play_file (sound, clip);
}

static void
on_sound_finished (RahnumaSound *sound, RahnumaWindow *self)
{
  restart_reminder (self);
  play_next_clip (self);
}

/* Plays clips one after the other, replacing whatever was being said.
 * "prompt:NAME" is a kiosk prompt in the visitor's language. */
static void
kiosk_play (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);
  g_autofree const char **paths = g_variant_get_strv (parameter, NULL);

  g_queue_clear_full (&self->clips, g_free);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (g_str_has_prefix (paths[i], "prompt:"))
        g_queue_push_tail (&self->clips,
                           rahnuma_kiosk_context_dup_prompt_path (self->context,
                                                                paths[i] + strlen ("prompt:"),
                                                                rahnuma_i18n_get_language ()));
      else if (*paths[i] != '\0')
        g_queue_push_tail (&self->clips, g_strdup (paths[i]));
    }
  /* What is said, for the tests to follow; never the code itself (a code
   * is said one symbol clip at a time, and only counted here), nor an
   * amount typed on the survey's pad (symbol and digit clips). */
  for (GList *l = self->clips.head; l != NULL; l = l->next)
    {
      g_autofree char *name = g_path_get_basename (l->data);

      if (g_str_has_prefix (name, "symbol-"))
        g_debug ("Saying a code symbol");
      else if (g_str_has_prefix (name, "digit-"))
        g_debug ("Saying a digit");
      else
        g_debug ("Saying %s", (const char *) l->data);
    }
  play_next_clip (self);
}

/* Says again what to do on the page on screen, as its Listen button does. */
static void
remind (RahnumaWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (page == NULL)
    return;
  if (gtk_widget_get_visible (self->home_confirm))
    speak_clips (self, home_question_clips);
  else if (page == self->lessons_page)
    rahnuma_lessons_page_speak (RAHNUMA_LESSONS_PAGE (page));
  else if (page == self->quiz_page)
    rahnuma_quiz_page_remind (RAHNUMA_QUIZ_PAGE (page));
  else if (page == self->result_page)
    rahnuma_result_page_speak (RAHNUMA_RESULT_PAGE (page));
  else if (page == GTK_WIDGET (self->language_page))
    rahnuma_language_page_speak (self->language_page);
  else if (page == self->about_page)
    rahnuma_about_page_speak (RAHNUMA_ABOUT_PAGE (page));
  else if (page == self->path_page || page == self->again_page)
    rahnuma_choice_page_speak (RAHNUMA_CHOICE_PAGE (page));
}

static gboolean
on_remind_timeout (gpointer user_data)
{
  RahnumaWindow *self = user_data;

  self->remind_id = 0;
  if (rahnuma_sound_is_playing (rahnuma_kiosk_context_get_sound (self->context)))
    return G_SOURCE_REMOVE; /* the end of the clip restarts the wait */
  if (self->n_reminders++ < MAX_REMINDERS)
    {
      g_debug ("No touch for %d s: saying the prompt again", REMIND_AFTER_S);
      remind (self);
    }
  return G_SOURCE_REMOVE;
}

static void
restart_reminder (RahnumaWindow *self)
{
  g_clear_handle_id (&self->remind_id, g_source_remove);
  if (self->context != NULL)
    self->remind_id = g_timeout_add_seconds (REMIND_AFTER_S, on_remind_timeout, self);
}

/* A touch, or a new page: the visitor is acting, and the count starts again. */
static gboolean
on_window_event (GtkEventControllerLegacy *controller, GdkEvent *event, RahnumaWindow *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (type == GDK_BUTTON_PRESS || type == GDK_TOUCH_BEGIN || type == GDK_KEY_PRESS)
    {
      self->n_reminders = 0;
      restart_reminder (self);
    }
  return GDK_EVENT_PROPAGATE;
}

/* A page left is a page no longer spoken: what it still had to say (its
 * queued answers, the clip being played) stops at once. The page shown
 * says its own words after the switch ("kiosk.play", which replaces). */
static void
on_visible_child (GtkStack *stack, GParamSpec *pspec, RahnumaWindow *self)
{
  self->n_reminders = 0;
  hide_home_question (self);
  hush (self);
  restart_reminder (self);
}

static void
kiosk_louder (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);

  self->volume = MIN (self->volume + VOLUME_STEP, 100);
  apply_volume (self);
}

static void
kiosk_quieter (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);

  self->volume = self->volume > VOLUME_STEP ? self->volume - VOLUME_STEP : 0;
  apply_volume (self);
}

/* The welcome page's hidden corner, held for three seconds: the officers' PIN pad. */
static void
kiosk_officer (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaWindow *self = RAHNUMA_WINDOW (widget);

  rahnuma_officer_set_auto_sync ((GObject *) rahnuma_kiosk_context_get_auto_sync (self->context));
  rahnuma_officer_set_contacts_watch (rahnuma_kiosk_context_get_contacts_watch (self->context));
  rahnuma_officer_set_card_printer (rahnuma_kiosk_context_get_card_printer (self->context));
  /* A journal set aside is the officer's to hear of, not the visitor's. */
  rahnuma_officer_set_journal_set_aside (rahnuma_kiosk_context_get_set_aside_journal (self->context));
  rahnuma_officer_present (GTK_WINDOW (self), rahnuma_kiosk_context_get_store (self->context),
                           rahnuma_kiosk_context_get_catalog (self->context));
}

static void
rahnuma_window_dispose (GObject *object)
{
  RahnumaWindow *self = (RahnumaWindow *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->visit);
  g_queue_clear_full (&self->clips, g_free);
  g_clear_pointer (&self->clips_after_paint, g_variant_unref);
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  g_clear_handle_id (&self->remind_id, g_source_remove);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (rahnuma_kiosk_context_get_sound (self->context), self);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAHNUMA_TYPE_WINDOW);

  G_OBJECT_CLASS (rahnuma_window_parent_class)->dispose (object);
}

static void
rahnuma_window_class_init (RahnumaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rahnuma_window_dispose;

  g_type_ensure (RAHNUMA_TYPE_WELCOME_PAGE);
  g_type_ensure (RAHNUMA_TYPE_LANGUAGE_PAGE);
  g_type_ensure (RAHNUMA_TYPE_OFFICER_CORNER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rahnuma/Kiosk/rahnuma-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RahnumaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RahnumaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RahnumaWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, RahnumaWindow, language_page);
  gtk_widget_class_bind_template_child (widget_class, RahnumaWindow, out_of_service_page);
  gtk_widget_class_bind_template_child (widget_class, RahnumaWindow, volume_level);
  gtk_widget_class_bind_template_child (widget_class, RahnumaWindow, louder_button);
  gtk_widget_class_bind_template_child (widget_class, RahnumaWindow, quieter_button);
  gtk_widget_class_bind_template_child (widget_class, RahnumaWindow, home_confirm);
  gtk_widget_class_bind_template_child (widget_class, RahnumaWindow, home_question_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaWindow, home_yes_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaWindow, home_no_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaWindow, home_yes_button);
  gtk_widget_class_bind_template_child (widget_class, RahnumaWindow, home_no_button);

  gtk_widget_class_install_action (widget_class, "kiosk.start", NULL, kiosk_start);
  gtk_widget_class_install_action (widget_class, "kiosk.choose-language", "s", kiosk_choose_language);
  gtk_widget_class_install_action (widget_class, "kiosk.open-lesson", "s", kiosk_open_lesson);
  gtk_widget_class_install_action (widget_class, "kiosk.lesson-watched", "d", kiosk_lesson_watched);
  gtk_widget_class_install_action (widget_class, "kiosk.lessons", NULL, kiosk_lessons);
  gtk_widget_class_install_action (widget_class, "kiosk.finish", NULL, kiosk_finish);
  gtk_widget_class_install_action (widget_class, "kiosk.about-done", "b", kiosk_about_done);
  gtk_widget_class_install_action (widget_class, "kiosk.choose-path", "s", kiosk_choose_path);
  gtk_widget_class_install_action (widget_class, "kiosk.watch-again", NULL, kiosk_watch_again);
  gtk_widget_class_install_action (widget_class, "kiosk.answer-again", NULL, kiosk_answer_again);
  gtk_widget_class_install_action (widget_class, "kiosk.go-on", NULL, kiosk_go_on);
  gtk_widget_class_install_action (widget_class, "kiosk.home", NULL, kiosk_home);
  gtk_widget_class_install_action (widget_class, "kiosk.end-visit", NULL, kiosk_end_visit);
  gtk_widget_class_install_action (widget_class, "kiosk.keep-going", NULL, kiosk_keep_going);
  gtk_widget_class_install_action (widget_class, "kiosk.speak", "s", kiosk_speak);
  gtk_widget_class_install_action (widget_class, "kiosk.play", "as", kiosk_play);
  gtk_widget_class_install_action (widget_class, "kiosk.answer", "(uu)", kiosk_answer);
  gtk_widget_class_install_action (widget_class, "kiosk.officer", NULL, kiosk_officer);
  gtk_widget_class_install_action (widget_class, "kiosk.louder", NULL, kiosk_louder);
  gtk_widget_class_install_action (widget_class, "kiosk.quieter", NULL, kiosk_quieter);
}

static void
rahnuma_window_init (RahnumaWindow *self)
{
  GtkEventController *controller = gtk_event_controller_legacy_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (on_window_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  g_signal_connect (self->stack, "notify::visible-child", G_CALLBACK (on_visible_child), self);
}

/* A visitor who walks away; a preview has no visitor to wait for. */
static void
attach_idle (RahnumaWindow *self)
{
  RahnumaSettings *settings = rahnuma_kiosk_context_get_settings (self->context);

  if (rahnuma_kiosk_context_is_preview (self->context))
    return;
  rahnuma_idle_attach (GTK_WINDOW (self), self->stack, self->context,
                       rahnuma_settings_get_idle_timeout (settings),
                       rahnuma_settings_get_still_there_countdown (settings),
                       rahnuma_settings_get_result_timeout (settings));
}

/* What the officer changed on the dashboard, in force at once: the next
 * visitor sees the new languages, the idle wait starts again with the new
 * timeout. */
static void
on_settings_changed (RahnumaSettings *settings, const char *key, RahnumaWindow *self)
{
  if (g_str_equal (key, "languages"))
    rahnuma_language_page_set_languages (self->language_page, rahnuma_settings_get_languages (settings));
  else if ((g_str_equal (key, "idle-timeout") || g_str_equal (key, "still-there-countdown")) &&
           !rahnuma_kiosk_context_is_preview (self->context))
    rahnuma_idle_set_timeouts (GTK_WINDOW (self), rahnuma_settings_get_idle_timeout (settings),
                               rahnuma_settings_get_still_there_countdown (settings));
}

/**
 * rahnuma_window_new:
 * @application: the application the window belongs to
 * @context: the services the window uses (catalogue, journal, settings,
 *   prompts); the window keeps a reference
 *
 * Returns: (transfer full): the kiosk window, at the welcome screen, with
 *   its idle monitor attached (none in a preview)
 */
RahnumaWindow *
rahnuma_window_new (GtkApplication *application, RahnumaKioskContext *context)
{
  RahnumaWindow *self;
  RahnumaSettings *settings;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (context), NULL);

  self = g_object_new (RAHNUMA_TYPE_WINDOW, "application", application, NULL);
  self->context = g_object_ref (context);
  settings = rahnuma_kiosk_context_get_settings (context);
  g_signal_connect (rahnuma_kiosk_context_get_sound (context), "finished",
                    G_CALLBACK (on_sound_finished), self);
  g_signal_connect_object (context, "catalog-changed", G_CALLBACK (on_catalog_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed), self, 0);
  rahnuma_language_page_set_languages (self->language_page, rahnuma_settings_get_languages (settings));
  attach_idle (self);
  show_home (self);
  reset_volume (self);

  if (rahnuma_kiosk_context_is_preview (context))
    {
      /* Translators: shown to trainers who play one lesson with --preview */
      AdwToast *toast = adw_toast_new (_("Preview: nothing done here is recorded."));

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  return self;
}

/**
 * rahnuma_window_get_visit:
 * @self: the kiosk window
 *
 * For tests and benchmarks (tests/bench/bench-visits.c follows each visit
 * object to its end): the visit in progress.
 *
 * Returns: (transfer none) (nullable): the visit, or %NULL between visitors
 */
RahnumaVisit *
rahnuma_window_get_visit (RahnumaWindow *self)
{
  g_return_val_if_fail (RAHNUMA_IS_WINDOW (self), NULL);
  return self->visit;
}
