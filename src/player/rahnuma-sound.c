/* rahnuma-sound.c — short spoken clips: language names, prompts, questions
 *
 * One small pipeline per clip (rahnuma-pipeline.c, sound only). playbin was
 * the first choice, but stopping it while it was still setting up a clip —
 * a visitor tapping through prompts — deadlocked inside playbin under load.
 * A clip that cannot be played is not the visitor's problem: it is logged at
 * debug level and reported as finished, so whatever waits for it goes on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-sound"

#include "rahnuma-sound.h"
#include "rahnuma-pipeline.h"

#include <gst/gst.h>

struct _RahnumaSound
{
  GObject parent_instance;

  char *audio_sink_factory;
  RahnumaPipeline *clip;   /* the clip playing, or NULL */
  gboolean has_audio;
  gboolean playing;
  double volume;           /* 0.0 to 1.0, linear */
  guint finish_idle_id;
};

G_DEFINE_FINAL_TYPE (RahnumaSound, rahnuma_sound, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AUDIO_SINK_FACTORY,
  PROP_HAS_AUDIO,
  PROP_VOLUME,
  N_PROPS
};

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
finish (RahnumaSound *self)
{
  self->playing = FALSE;
  g_clear_pointer (&self->clip, rahnuma_pipeline_free);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

static gboolean
on_finish_idle (gpointer data)
{
  RahnumaSound *self = data;

  self->finish_idle_id = 0;
  finish (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_bus_message (GstBus *bus, GstMessage *message, gpointer data)
{
  RahnumaSound *self = data;
  g_autoptr(GError) error = NULL;

  /* -Wswitch-enum: most message types are of no interest here. */
  switch ((int) GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      gst_message_parse_error (message, &error, NULL);
      g_debug ("Clip cannot be played: %s", error->message);
      if (self->playing)
        finish (self);
      break;
    case GST_MESSAGE_EOS:
      if (self->playing)
        finish (self);
      break;
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

static void
set_has_audio (RahnumaSound *self, gboolean has_audio)
{
  if (self->has_audio == has_audio)
    return;
  self->has_audio = has_audio;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_AUDIO]);
}

static void
rahnuma_sound_dispose (GObject *object)
{
  RahnumaSound *self = RAHNUMA_SOUND (object);

  g_clear_handle_id (&self->finish_idle_id, g_source_remove);
  g_clear_pointer (&self->clip, rahnuma_pipeline_free);

  G_OBJECT_CLASS (rahnuma_sound_parent_class)->dispose (object);
}

static void
rahnuma_sound_finalize (GObject *object)
{
  RahnumaSound *self = RAHNUMA_SOUND (object);

  g_free (self->audio_sink_factory);

  G_OBJECT_CLASS (rahnuma_sound_parent_class)->finalize (object);
}

static void
rahnuma_sound_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RahnumaSound *self = RAHNUMA_SOUND (object);

  switch (prop_id)
    {
    case PROP_AUDIO_SINK_FACTORY:
      g_value_set_string (value, self->audio_sink_factory);
      break;
    case PROP_HAS_AUDIO:
      g_value_set_boolean (value, self->has_audio);
      break;
    case PROP_VOLUME:
      g_value_set_double (value, self->volume);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rahnuma_sound_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RahnumaSound *self = RAHNUMA_SOUND (object);

  switch (prop_id)
    {
    case PROP_AUDIO_SINK_FACTORY:
      g_free (self->audio_sink_factory);
      self->audio_sink_factory = g_value_dup_string (value);
      break;
    case PROP_VOLUME:
      rahnuma_sound_set_volume (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rahnuma_sound_class_init (RahnumaSoundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rahnuma_sound_dispose;
  object_class->finalize = rahnuma_sound_finalize;
  object_class->get_property = rahnuma_sound_get_property;
  object_class->set_property = rahnuma_sound_set_property;

  /* NULL: $RAHNUMA_AUDIO_SINK, else autoaudiosink. */
  properties[PROP_AUDIO_SINK_FACTORY] =
    g_param_spec_string ("audio-sink-factory", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Known once a clip is played. */
  properties[PROP_HAS_AUDIO] =
    g_param_spec_boolean ("has-audio", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Linear, 0.0 (silent) to 1.0 (the recording's own loudness). */
  properties[PROP_VOLUME] =
    g_param_spec_double ("volume", NULL, NULL, 0.0, 1.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RahnumaSound::finished:
   *
   * The clip ended, or could not be played. A clip cut short by another
   * clip or by rahnuma_sound_stop() does not finish.
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rahnuma_sound_init (RahnumaSound *self)
{
  if (!gst_is_initialized ())
    gst_init (NULL, NULL);
  self->has_audio = TRUE;
  self->volume = 1.0;
}

/**
 * rahnuma_sound_new:
 *
 * Returns: (transfer full): a new #RahnumaSound
 */
RahnumaSound *
rahnuma_sound_new (void)
{
  return g_object_new (RAHNUMA_TYPE_SOUND, NULL);
}

/**
 * rahnuma_sound_play_file:
 * @self: a #RahnumaSound
 * @path: an audio file (Ogg Opus or Vorbis)
 *
 * Stops the clip playing, if any, and plays @path. #RahnumaSound::finished
 * follows when it ends, or from the main loop when it cannot be played.
 */
void
rahnuma_sound_play_file (RahnumaSound *self,
                         const char   *path)
{
  gboolean has_audio;

  g_return_if_fail (RAHNUMA_IS_SOUND (self));
  g_return_if_fail (path != NULL);

  rahnuma_sound_stop (self);
  self->playing = TRUE;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_debug ("Clip %s is missing", path);
      self->finish_idle_id = g_idle_add (on_finish_idle, self);
      return;
    }

  /* The UI tests read this line to know which clip a Listen button played. */
  g_debug ("Playing clip %s", path);
  self->clip = rahnuma_pipeline_new (NULL, self->audio_sink_factory, &has_audio);
  rahnuma_pipeline_set_volume (self->clip, self->volume);
  rahnuma_pipeline_add_sound (self->clip, path);
  rahnuma_pipeline_watch (self->clip, on_bus_message, self);
  set_has_audio (self, has_audio);
  if (gst_element_set_state (rahnuma_pipeline_get_element (self->clip), GST_STATE_PLAYING)
      == GST_STATE_CHANGE_FAILURE)
    g_debug ("Clip pipeline did not start; its bus says why");
}

/**
 * rahnuma_sound_stop:
 * @self: a #RahnumaSound
 *
 * Stops the clip playing, if any, without #RahnumaSound::finished.
 */
void
rahnuma_sound_stop (RahnumaSound *self)
{
  g_return_if_fail (RAHNUMA_IS_SOUND (self));

  g_clear_handle_id (&self->finish_idle_id, g_source_remove);
  self->playing = FALSE;
  /* Its bus goes with it: no message of the stopped clip ends the next. */
  g_clear_pointer (&self->clip, rahnuma_pipeline_free);
}

/**
 * rahnuma_sound_is_playing:
 * @self: a #RahnumaSound
 *
 * Returns: whether a clip is playing
 */
gboolean
rahnuma_sound_is_playing (RahnumaSound *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SOUND (self), FALSE);

  return self->playing;
}

/**
 * rahnuma_sound_set_volume:
 * @self: a #RahnumaSound
 * @volume: from 0.0 (silent) to 1.0 (the recording's own loudness), linear;
 *   clamped to that range
 *
 * How loud clips are heard: the one playing at once, and every later one.
 */
void
rahnuma_sound_set_volume (RahnumaSound *self, double volume)
{
  g_return_if_fail (RAHNUMA_IS_SOUND (self));

  volume = CLAMP (volume, 0.0, 1.0);
  if (self->volume == volume)
    return;
  self->volume = volume;
  if (self->clip != NULL)
    rahnuma_pipeline_set_volume (self->clip, volume);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOLUME]);
}

/**
 * rahnuma_sound_get_volume:
 *
 * Returns: the volume, from 0.0 to 1.0 (see rahnuma_sound_set_volume())
 */
double
rahnuma_sound_get_volume (RahnumaSound *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SOUND (self), 1.0);
  return self->volume;
}
