/* rahnuma-hall-show.c — the lessons on the hall's screen, scene by scene, then their questions
 *
 * The briefing is one list of steps: for each lesson chosen, its scenes,
 * then for each of its questions the question with its numbered answers and
 * the same question with the right answer marked (✓) and the explanation.
 * Nobody answers on the hall's screen: the officer asks the room, and Next
 * shows the answer. Next and Previous walk the list (buttons, arrows, Page
 * Down and Page Up from a presenter remote: rahnuma-hall-window.c); "Let it
 * run" goes on by itself at the end of each narration, and after
 * QUESTION_READ_S on a question. "Blank screen" turns the stage black and
 * pauses, for the officer to talk.
 *
 * Scenes play through the kiosk's player (RahnumaPlayer) with the narration
 * in the narration language, or the voice the kiosk falls back to when a
 * scene has none (rahnuma_scene_dup_narration_path(): Urdu for Pashto and
 * Punjabi); pictures and captions are in the subtitle language, with its
 * direction and font (lang-<code>, Noto Nastaliq Urdu or Noto Naskh Arabic).
 * Questions are read out through a RahnumaSound in the narration language,
 * and shown fitted to the stage, never scrolled (rahnuma-hall-question.c).
 * The text sizes follow the window's height (rahnuma-hall-window.c, "size
 * rule").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-hall"

#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-hall-question.h"
#include "rahnuma-hall-show.h"
#include "rahnuma-i18n.h"
#include "rahnuma-language.h"
#include "rahnuma-module.h"
#include "rahnuma-player.h"
#include "rahnuma-sound.h"
#include "rahnuma-widget-util.h"

/* Running by itself, how long a question and its answer stay up: time to
 * read it out twice and for a show of hands. */
#define QUESTION_READ_S 20

typedef enum
{
  STEP_SCENE,
  STEP_QUESTION,
  STEP_ANSWER,
} StepKind;

typedef struct
{
  guint module;
  guint index; /* the scene's or the question's */
  StepKind kind;
} Step;

struct _RahnumaHallShow
{
  GtkWidget parent_instance;

  GPtrArray *modules;  /* RahnumaModule */
  char *narration;
  char *subtitles;
  GtkTextDirection direction; /* the subtitle language's */
  GArray *steps;       /* Step */
  guint step;
  gboolean *reached;   /* per module: at least one step shown */
  RahnumaPlayer *player;
  RahnumaSound *sound;
  guint advance_id;

  GtkStack *stage;
  GtkLabel *title_label;
  GtkPicture *picture;
  GtkLabel *caption_label;
  RahnumaHallQuestion *question_view;
  GtkButton *play_button;
  GtkToggleButton *auto_button;
  GtkToggleButton *blank_button;
  GtkLabel *position_label;
  GtkWidget *bar;
};

enum { FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RahnumaHallShow, rahnuma_hall_show, GTK_TYPE_WIDGET)

static const Step *
current (RahnumaHallShow *self)
{
  return &g_array_index (self->steps, Step, self->step);
}

static RahnumaModule *
current_module (RahnumaHallShow *self)
{
  return g_ptr_array_index (self->modules, current (self)->module);
}

static void
build_steps (RahnumaHallShow *self)
{
  for (guint m = 0; m < self->modules->len; m++)
    {
      RahnumaModule *module = g_ptr_array_index (self->modules, m);

      for (guint i = 0; i < rahnuma_module_get_n_scenes (module); i++)
        g_array_append_val (self->steps, ((Step) { m, i, STEP_SCENE }));
      for (guint i = 0; i < rahnuma_module_get_n_questions (module); i++)
        {
          g_array_append_val (self->steps, ((Step) { m, i, STEP_QUESTION }));
          g_array_append_val (self->steps, ((Step) { m, i, STEP_ANSWER }));
        }
    }
}

/* For the officer, in the bar: where the briefing is. */
static void
update_position (RahnumaHallShow *self)
{
  const Step *step = current (self);
  RahnumaModule *module = current_module (self);
  g_autofree char *text = NULL;

  if (step->kind == STEP_SCENE)
    /* Translators: hall mode, the officer's bar, e.g. "Lesson 1 of 3 — picture 2 of 4" */
    text = g_strdup_printf (_("Lesson %u of %u — picture %u of %u"), step->module + 1, self->modules->len,
                            step->index + 1, rahnuma_module_get_n_scenes (module));
  else
    /* Translators: hall mode, the officer's bar, e.g. "Lesson 1 of 3 — question 2 of 4" */
    text = g_strdup_printf (_("Lesson %u of %u — question %u of %u"), step->module + 1, self->modules->len,
                            step->index + 1, rahnuma_module_get_n_questions (module));
  gtk_label_set_label (self->position_label, text);
}

static void
load_scene (RahnumaHallShow *self)
{
  RahnumaScene *scene = rahnuma_module_get_scene (current_module (self), current (self)->index);
  g_autofree char *caption = rahnuma_scene_dup_caption (scene, self->subtitles);
  g_autofree char *title = rahnuma_module_dup_title (current_module (self), self->subtitles);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->caption_label, caption);
  rahnuma_player_open_scene (self->player, scene, self->subtitles, self->narration, NULL);
  rahnuma_player_play (self->player);
}

static void
say_question (RahnumaHallShow *self, RahnumaQuestion *question, gboolean reveal)
{
  const char *heard = NULL;
  g_autofree char *path = reveal
    ? rahnuma_question_dup_explanation_narration_path (question, self->narration, &heard)
    : rahnuma_question_dup_narration_path (question, self->narration, &heard);

  rahnuma_sound_stop (self->sound);
  if (path != NULL)
    rahnuma_sound_play_file (self->sound, path);
}

static void
show_question (RahnumaHallShow *self, gboolean reveal)
{
  RahnumaQuestion *question = rahnuma_module_get_question (current_module (self), current (self)->index);

  rahnuma_player_stop (self->player);
  rahnuma_hall_question_set (self->question_view, question, self->subtitles, reveal);
  say_question (self, question, reveal);
}

static void schedule_advance (RahnumaHallShow *self, guint delay_ms);

static void
show_step (RahnumaHallShow *self)
{
  const Step *step = current (self);

  g_clear_handle_id (&self->advance_id, g_source_remove);
  self->reached[step->module] = TRUE;
  update_position (self);
  if (step->kind == STEP_SCENE)
    {
      rahnuma_sound_stop (self->sound);
      load_scene (self);
    }
  else
    {
      show_question (self, step->kind == STEP_ANSWER);
      if (gtk_toggle_button_get_active (self->auto_button))
        schedule_advance (self, QUESTION_READ_S * 1000);
    }
  if (!gtk_toggle_button_get_active (self->blank_button))
    gtk_stack_set_visible_child_name (self->stage, step->kind == STEP_SCENE ? "scene" : "question");
}

static gboolean
advance_cb (gpointer user_data)
{
  RahnumaHallShow *self = user_data;

  self->advance_id = 0;
  rahnuma_hall_show_next (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_advance (RahnumaHallShow *self, guint delay_ms)
{
  g_clear_handle_id (&self->advance_id, g_source_remove);
  self->advance_id = g_timeout_add (delay_ms, advance_cb, self);
}

static gboolean
scene_is_over (RahnumaHallShow *self)
{
  return current (self)->kind == STEP_SCENE &&
         rahnuma_player_get_state (self->player) == RAHNUMA_PLAYER_FINISHED;
}

static void
on_player_finished (RahnumaPlayer *player, RahnumaHallShow *self)
{
  if (gtk_toggle_button_get_active (self->auto_button) && !gtk_toggle_button_get_active (self->blank_button))
    schedule_advance (self, RAHNUMA_PLAYER_NEXT_SCENE_DELAY_MS);
}

static void
on_player_error (RahnumaPlayer *player, const GError *error, RahnumaHallShow *self)
{
  /* The caption is on screen; the officer reads it out and goes on. */
  g_warning ("Scene %u of %s cannot be played: %s", current (self)->index + 1,
             rahnuma_module_get_id (current_module (self)), error->message);
}

static void
on_player_state (RahnumaPlayer *player, GParamSpec *pspec, RahnumaHallShow *self)
{
  gboolean playing = rahnuma_player_get_state (player) == RAHNUMA_PLAYER_PLAYING;

  /* Translators: hall mode, the bar's button while the narration is paused */
  gtk_button_set_label (self->play_button, playing ? _("Pause") : _("Play"));
}

/* Turned on at the end of a scene: go on now, as if it had just ended. */
static void
on_auto_toggled (GtkToggleButton *button, RahnumaHallShow *self)
{
  if (!gtk_toggle_button_get_active (button))
    g_clear_handle_id (&self->advance_id, g_source_remove);
  else if (scene_is_over (self))
    schedule_advance (self, RAHNUMA_PLAYER_NEXT_SCENE_DELAY_MS);
  else if (current (self)->kind != STEP_SCENE)
    schedule_advance (self, QUESTION_READ_S * 1000);
}

static void
on_blank_toggled (GtkToggleButton *button, RahnumaHallShow *self)
{
  gboolean blank = gtk_toggle_button_get_active (button);

  g_clear_handle_id (&self->advance_id, g_source_remove);
  /* The whole screen, the officer's bar too; any key or tap brings it back. */
  gtk_widget_set_visible (self->bar, !blank);
  if (blank)
    {
      rahnuma_player_pause (self->player);
      rahnuma_sound_stop (self->sound);
      gtk_stack_set_visible_child_name (self->stage, "blank");
      return;
    }
  gtk_stack_set_visible_child_name (self->stage, current (self)->kind == STEP_SCENE ? "scene" : "question");
  if (current (self)->kind == STEP_SCENE && !scene_is_over (self))
    rahnuma_player_play (self->player);
}

/* Blanked, a tap anywhere brings the screen back (the bar is hidden too). */
static void
on_pressed (GtkGestureClick *gesture, int n_press, double x, double y, RahnumaHallShow *self)
{
  if (!rahnuma_hall_show_is_blank (self))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_toggle_button_set_active (self->blank_button, FALSE);
}

/* A toggle of the bar that shows it is on by a mark, not by colour alone. */
static void
mark_toggle (GtkToggleButton *button)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *text = g_strdup (gtk_button_get_label (GTK_BUTTON (button)));

  gtk_image_set_pixel_size (GTK_IMAGE (mark), 24);
  g_object_bind_property (button, "active", mark, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  rahnuma_widget_set_label (GTK_WIDGET (button), GTK_LABEL (label), text);
}

static void
show_next (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rahnuma_hall_show_next (RAHNUMA_HALL_SHOW (widget));
}

static void
show_previous (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rahnuma_hall_show_previous (RAHNUMA_HALL_SHOW (widget));
}

static void
show_play_pause (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rahnuma_hall_show_play_pause (RAHNUMA_HALL_SHOW (widget));
}

static void
rahnuma_hall_show_dispose (GObject *object)
{
  RahnumaHallShow *self = RAHNUMA_HALL_SHOW (object);

  g_clear_handle_id (&self->advance_id, g_source_remove);
  if (self->player != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->player, self);
      rahnuma_player_stop (self->player);
    }
  if (self->sound != NULL)
    rahnuma_sound_stop (self->sound);
  rahnuma_widget_dispose_page (GTK_WIDGET (self), RAHNUMA_TYPE_HALL_SHOW);
  g_clear_object (&self->player);
  g_clear_object (&self->sound);
  g_clear_pointer (&self->modules, g_ptr_array_unref);
  G_OBJECT_CLASS (rahnuma_hall_show_parent_class)->dispose (object);
}

static void
rahnuma_hall_show_finalize (GObject *object)
{
  RahnumaHallShow *self = RAHNUMA_HALL_SHOW (object);

  g_free (self->narration);
  g_free (self->subtitles);
  g_free (self->reached);
  g_array_unref (self->steps);
  G_OBJECT_CLASS (rahnuma_hall_show_parent_class)->finalize (object);
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallShow, stage);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallShow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallShow, picture);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallShow, caption_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallShow, question_view);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallShow, play_button);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallShow, auto_button);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallShow, blank_button);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallShow, position_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallShow, bar);
}

static void
rahnuma_hall_show_class_init (RahnumaHallShowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rahnuma_hall_show_dispose;
  object_class->finalize = rahnuma_hall_show_finalize;

  /**
   * RahnumaHallShow::finished:
   *
   * Next was pressed on the last answer: the briefing is over.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rahnuma/Kiosk/rahnuma-hall-show.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  bind_children (widget_class);
  gtk_widget_class_install_action (widget_class, "show.next", NULL, show_next);
  gtk_widget_class_install_action (widget_class, "show.previous", NULL, show_previous);
  gtk_widget_class_install_action (widget_class, "show.play-pause", NULL, show_play_pause);
}

static void
rahnuma_hall_show_init (RahnumaHallShow *self)
{
  GtkGesture *click;

  g_type_ensure (RAHNUMA_TYPE_HALL_QUESTION);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  self->player = rahnuma_player_new ();
  self->sound = rahnuma_sound_new ();
  gtk_picture_set_paintable (self->picture, rahnuma_player_get_paintable (self->player));
  g_signal_connect (self->player, "finished", G_CALLBACK (on_player_finished), self);
  g_signal_connect (self->player, "error", G_CALLBACK (on_player_error), self);
  g_signal_connect (self->player, "notify::state", G_CALLBACK (on_player_state), self);
  g_signal_connect (self->auto_button, "toggled", G_CALLBACK (on_auto_toggled), self);
  g_signal_connect (self->blank_button, "toggled", G_CALLBACK (on_blank_toggled), self);
  mark_toggle (self->auto_button);
  mark_toggle (self->blank_button);
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

static void
set_stage_direction (RahnumaHallShow *self)
{
  GtkWidget *widgets[] = { GTK_WIDGET (self->stage), GTK_WIDGET (self->title_label),
                           GTK_WIDGET (self->caption_label) };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    gtk_widget_set_direction (widgets[i], self->direction);
}

/**
 * rahnuma_hall_show_new:
 * @modules: (element-type RahnumaModule): the lessons, in order; at least one
 *   with a scene
 * @narration: the code of the language heard ("ur", "ps", "pa_PK", "en")
 * @subtitles: the code of the language of the words on screen
 *
 * Returns: (transfer floating): the briefing, playing its first scene
 */
GtkWidget *
rahnuma_hall_show_new (GPtrArray *modules, const char *narration, const char *subtitles)
{
  RahnumaHallShow *self;
  const RahnumaLanguage *lang;

  g_return_val_if_fail (modules != NULL && modules->len > 0, NULL);
  g_return_val_if_fail (rahnuma_language_is_valid (narration), NULL);
  g_return_val_if_fail (rahnuma_language_is_valid (subtitles), NULL);

  self = g_object_new (RAHNUMA_TYPE_HALL_SHOW, NULL);
  self->modules = g_ptr_array_ref (modules);
  self->narration = g_strdup (narration);
  self->subtitles = g_strdup (subtitles);
  self->reached = g_new0 (gboolean, modules->len);
  build_steps (self);
  g_return_val_if_fail (self->steps->len > 0, GTK_WIDGET (self));
  /* The room's words read in their own direction and script; the
   * officer's bar stays in the officer's. A widget's direction is its own
   * in GTK 4 (children take the default, not their parent's), so each
   * label of the stage gets it. */
  lang = rahnuma_language_lookup (subtitles);
  self->direction = lang->rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
  set_stage_direction (self);
  rahnuma_i18n_style_widget (GTK_WIDGET (self->stage), subtitles);
  show_step (self);
  return GTK_WIDGET (self);
}

/**
 * rahnuma_hall_show_next:
 *
 * The next step: scene, question, its answer, the next lesson. After the
 * last one, emits "finished".
 */
void
rahnuma_hall_show_next (RahnumaHallShow *self)
{
  g_return_if_fail (RAHNUMA_IS_HALL_SHOW (self));

  if (self->step + 1 >= self->steps->len)
    {
      g_clear_handle_id (&self->advance_id, g_source_remove);
      g_signal_emit (self, signals[FINISHED], 0);
      return;
    }
  self->step++;
  gtk_toggle_button_set_active (self->blank_button, FALSE);
  show_step (self);
}

/**
 * rahnuma_hall_show_previous:
 *
 * The step before (nothing on the first).
 */
void
rahnuma_hall_show_previous (RahnumaHallShow *self)
{
  g_return_if_fail (RAHNUMA_IS_HALL_SHOW (self));

  if (self->step == 0)
    return;
  self->step--;
  gtk_toggle_button_set_active (self->blank_button, FALSE);
  show_step (self);
}

/**
 * rahnuma_hall_show_play_pause:
 *
 * Pauses the scene's narration, or plays it (again, if it had ended); on a
 * question, stops reading it out or reads it again.
 */
void
rahnuma_hall_show_play_pause (RahnumaHallShow *self)
{
  g_return_if_fail (RAHNUMA_IS_HALL_SHOW (self));

  if (current (self)->kind != STEP_SCENE)
    {
      /* A question: stop reading it out, or read it (or its explanation) again. */
      RahnumaQuestion *question = rahnuma_module_get_question (current_module (self), current (self)->index);

      if (rahnuma_sound_is_playing (self->sound))
        rahnuma_sound_stop (self->sound);
      else
        say_question (self, question, current (self)->kind == STEP_ANSWER);
      return;
    }
  /* Paused, it does not go on by itself. */
  if (rahnuma_player_play_pause (self->player))
    g_clear_handle_id (&self->advance_id, g_source_remove);
}

/**
 * rahnuma_hall_show_toggle_blank:
 *
 * Turns the whole screen black (the bar too) and pauses, or back (key B
 * or period, as presentation programs do; any other key or a tap also
 * brings it back: rahnuma-hall-window.c).
 */
void
rahnuma_hall_show_toggle_blank (RahnumaHallShow *self)
{
  g_return_if_fail (RAHNUMA_IS_HALL_SHOW (self));
  gtk_toggle_button_set_active (self->blank_button, !gtk_toggle_button_get_active (self->blank_button));
}

/**
 * rahnuma_hall_show_stop:
 *
 * Stops the narration and the running on (the head count is being entered).
 */
void
rahnuma_hall_show_stop (RahnumaHallShow *self)
{
  g_return_if_fail (RAHNUMA_IS_HALL_SHOW (self));
  g_clear_handle_id (&self->advance_id, g_source_remove);
  rahnuma_player_pause (self->player);
  rahnuma_sound_stop (self->sound);
}

/**
 * rahnuma_hall_show_dup_shown_ids:
 *
 * Returns: (transfer full): the ids of the lessons at least partly shown,
 *   in order (what the hall session records)
 */
char **
rahnuma_hall_show_dup_shown_ids (RahnumaHallShow *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  g_return_val_if_fail (RAHNUMA_IS_HALL_SHOW (self), NULL);
  for (guint m = 0; m < self->modules->len; m++)
    if (self->reached[m])
      g_strv_builder_add (ids, rahnuma_module_get_id (g_ptr_array_index (self->modules, m)));
  return g_strv_builder_end (ids);
}

/**
 * rahnuma_hall_show_is_blank:
 *
 * Returns: whether the screen is blanked (stage and bar)
 */
gboolean
rahnuma_hall_show_is_blank (RahnumaHallShow *self)
{
  g_return_val_if_fail (RAHNUMA_IS_HALL_SHOW (self), FALSE);
  return gtk_toggle_button_get_active (self->blank_button);
}
