/* rahnuma-lesson-page.c — one lesson playing, scene after scene
 *
 * Scenes follow each other by themselves; the visitor can pause, go back
 * ten seconds, replay a scene or move on. What counts as watched comes from
 * the player (seeking ahead does not count); a scene whose media cannot be
 * played shows its words instead and counts once the visitor moves on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-lesson"

#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-lesson-page.h"
#include "rahnuma-widget-util.h"
#include "rahnuma-player.h"

#define SEEK_BACK_NS        (10 * GST_SECOND_NS)
#define GST_SECOND_NS       G_GINT64_CONSTANT (1000000000)

struct _RahnumaLessonPage
{
  GtkWidget parent_instance;

  RahnumaVisit *visit;
  RahnumaModule *module;
  RahnumaPlayer *player;
  guint scene;
  double *scene_watched; /* fraction of each scene watched */
  guint advance_id;

  GtkLabel *title_label;
  GtkLabel *notice_label;
  GtkPicture *picture;
  GtkWidget *error_box;
  GtkLabel *caption_label;
  GtkProgressBar *progress_bar;
  GtkButton *play_button;
  GtkLabel *scene_label;
  GtkButton *next_button;
  GtkLabel *next_label;
};

G_DEFINE_FINAL_TYPE (RahnumaLessonPage, rahnuma_lesson_page, GTK_TYPE_WIDGET)

static guint
n_scenes (RahnumaLessonPage *self)
{
  return rahnuma_module_get_n_scenes (self->module);
}

static gboolean
is_last_scene (RahnumaLessonPage *self)
{
  return self->scene + 1 >= n_scenes (self);
}

static void
remember_watched (RahnumaLessonPage *self)
{
  gint64 duration = rahnuma_player_get_duration (self->player);
  double fraction;

  g_debug ("Scene %u: watched %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " ns", self->scene,
           rahnuma_player_get_watched (self->player), duration);
  if (duration <= 0)
    return;
  fraction = (double) rahnuma_player_get_watched (self->player) / (double) duration;
  self->scene_watched[self->scene] = MAX (self->scene_watched[self->scene], CLAMP (fraction, 0.0, 1.0));
}

static double
module_watched (RahnumaLessonPage *self)
{
  double sum = 0.0;

  for (guint i = 0; i < n_scenes (self); i++)
    sum += self->scene_watched[i];
  return sum / n_scenes (self);
}

static void
update_progress (RahnumaLessonPage *self)
{
  gint64 duration = rahnuma_player_get_duration (self->player);
  gint64 position = rahnuma_player_get_position (self->player);
  double within = duration > 0 ? CLAMP ((double) position / (double) duration, 0.0, 1.0) : 0.0;

  gtk_progress_bar_set_fraction (self->progress_bar, (self->scene + within) / n_scenes (self));
}

static void
load_scene (RahnumaLessonPage *self)
{
  const char *lang = rahnuma_visit_get_language (self->visit);
  RahnumaScene *scene = rahnuma_module_get_scene (self->module, self->scene);
  g_autofree char *caption = rahnuma_scene_dup_caption (scene, lang);
  const char *narration_lang = NULL;
  g_autofree char *counter = NULL;

  g_clear_handle_id (&self->advance_id, g_source_remove);
  gtk_widget_set_visible (self->error_box, FALSE);
  gtk_label_set_label (self->caption_label, caption);

  /* Translators: which part of the lesson is playing, e.g. "Part 2 of 4" */
  counter = g_strdup_printf (_("Part %u of %u"), self->scene + 1, n_scenes (self));
  gtk_label_set_label (self->scene_label, counter);
  rahnuma_widget_set_label (GTK_WIDGET (self->next_button), self->next_label,
                            is_last_scene (self) ? _("Questions") : _("Next"));
  update_progress (self);

  rahnuma_player_open_scene (self->player, scene, lang, lang, &narration_lang);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label),
                          narration_lang != NULL && g_strcmp0 (narration_lang, lang) != 0);
}

static void
leave_lesson (RahnumaLessonPage *self)
{
  rahnuma_player_stop (self->player);
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.lesson-watched", "d", module_watched (self));
}

static void
go_next (RahnumaLessonPage *self)
{
  remember_watched (self);
  if (is_last_scene (self))
    {
      leave_lesson (self);
      return;
    }
  self->scene++;
  load_scene (self);
}

static gboolean
advance_cb (gpointer user_data)
{
  RahnumaLessonPage *self = user_data;

  self->advance_id = 0;
  go_next (self);
  return G_SOURCE_REMOVE;
}

static void
on_player_finished (RahnumaPlayer *player, RahnumaLessonPage *self)
{
  remember_watched (self);
  update_progress (self);
  /* The last scene waits for the visitor: the questions are a new step. */
  if (!is_last_scene (self))
    self->advance_id = g_timeout_add (RAHNUMA_PLAYER_NEXT_SCENE_DELAY_MS, advance_cb, self);
}

static void
on_player_error (RahnumaPlayer *player, const GError *error, RahnumaLessonPage *self)
{
  g_warning ("Scene %u of %s cannot be played: %s", self->scene + 1,
             rahnuma_module_get_id (self->module), error->message);
  /* The words are on screen instead; reading them is all the visitor can do. */
  self->scene_watched[self->scene] = 1.0;
  gtk_widget_set_visible (self->error_box, TRUE);
}

static void
on_player_state (RahnumaPlayer *player, GParamSpec *pspec, RahnumaLessonPage *self)
{
  gboolean playing = rahnuma_player_get_state (player) == RAHNUMA_PLAYER_PLAYING;

  gtk_button_set_icon_name (self->play_button,
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
}

static void
on_player_position (RahnumaPlayer *player, GParamSpec *pspec, RahnumaLessonPage *self)
{
  update_progress (self);
}

static void
lesson_play_pause (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaLessonPage *self = RAHNUMA_LESSON_PAGE (widget);

  rahnuma_player_play_pause (self->player);
}

static void
lesson_back (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaLessonPage *self = RAHNUMA_LESSON_PAGE (widget);

  g_clear_handle_id (&self->advance_id, g_source_remove);
  rahnuma_player_seek_by (self->player, -SEEK_BACK_NS);
}

static void
lesson_replay (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaLessonPage *self = RAHNUMA_LESSON_PAGE (widget);

  g_clear_handle_id (&self->advance_id, g_source_remove);
  rahnuma_player_replay (self->player);
}

static void
lesson_next (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaLessonPage *self = RAHNUMA_LESSON_PAGE (widget);

  g_clear_handle_id (&self->advance_id, g_source_remove);
  go_next (self);
}

static void
rahnuma_lesson_page_dispose (GObject *object)
{
  RahnumaLessonPage *self = (RahnumaLessonPage *) object;

  g_clear_handle_id (&self->advance_id, g_source_remove);
  if (self->player != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->player, self);
      rahnuma_player_stop (self->player);
    }
  rahnuma_widget_dispose_page (GTK_WIDGET (self), RAHNUMA_TYPE_LESSON_PAGE);
  g_clear_object (&self->player);
  g_clear_object (&self->visit);
  g_clear_object (&self->module);

  G_OBJECT_CLASS (rahnuma_lesson_page_parent_class)->dispose (object);
}

static void
rahnuma_lesson_page_finalize (GObject *object)
{
  RahnumaLessonPage *self = (RahnumaLessonPage *) object;

  g_free (self->scene_watched);

  G_OBJECT_CLASS (rahnuma_lesson_page_parent_class)->finalize (object);
}

static void
rahnuma_lesson_page_class_init (RahnumaLessonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rahnuma_lesson_page_dispose;
  object_class->finalize = rahnuma_lesson_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rahnuma/Kiosk/rahnuma-lesson-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonPage, picture);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonPage, error_box);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonPage, caption_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonPage, play_button);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonPage, scene_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonPage, next_label);

  gtk_widget_class_install_action (widget_class, "lesson.play-pause", NULL, lesson_play_pause);
  gtk_widget_class_install_action (widget_class, "lesson.back", NULL, lesson_back);
  gtk_widget_class_install_action (widget_class, "lesson.replay", NULL, lesson_replay);
  gtk_widget_class_install_action (widget_class, "lesson.next", NULL, lesson_next);
}

static void
rahnuma_lesson_page_init (RahnumaLessonPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->player = rahnuma_player_new ();
  gtk_picture_set_paintable (self->picture, rahnuma_player_get_paintable (self->player));
  g_signal_connect (self->player, "finished", G_CALLBACK (on_player_finished), self);
  g_signal_connect (self->player, "error", G_CALLBACK (on_player_error), self);
  g_signal_connect (self->player, "notify::state", G_CALLBACK (on_player_state), self);
  g_signal_connect (self->player, "notify::position", G_CALLBACK (on_player_position), self);
}

/**
 * rahnuma_lesson_page_new:
 * @visit: the visit in progress
 * @module: the lesson to play, from the visit's catalogue
 *
 * Returns: (transfer floating): the page, playing from the first scene once
 *   shown
 */
RahnumaLessonPage *
rahnuma_lesson_page_new (RahnumaVisit *visit, RahnumaModule *module)
{
  RahnumaLessonPage *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (RAHNUMA_IS_VISIT (visit), NULL);
  g_return_val_if_fail (RAHNUMA_IS_MODULE (module), NULL);

  self = g_object_new (RAHNUMA_TYPE_LESSON_PAGE, NULL);
  self->visit = g_object_ref (visit);
  self->module = g_object_ref (module);
  self->scene_watched = g_new0 (double, rahnuma_module_get_n_scenes (module));

  title = rahnuma_module_dup_title (module, rahnuma_visit_get_language (visit));
  gtk_label_set_label (self->title_label, title);
  load_scene (self);
  return self;
}

/**
 * rahnuma_lesson_page_get_player:
 *
 * Returns: (transfer none): the player of the page's scenes, for the
 *   kiosk's volume control
 */
RahnumaPlayer *
rahnuma_lesson_page_get_player (RahnumaLessonPage *self)
{
  g_return_val_if_fail (RAHNUMA_IS_LESSON_PAGE (self), NULL);
  return self->player;
}
