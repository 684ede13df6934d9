/* rahnuma-module.c — one briefing module, loaded from a trainer's package
 *
 * A package is a folder holding module.ini (a GKeyFile whose texts are
 * localized keys, Title[ur]=…, as in desktop entries) and its media. See
 * docs/module-format.md for the trainers' description of the format.
 *
 * Loading checks only what the kiosk needs to run the module safely; the
 * validator (rahnuma-validator.c) reports everything else a trainer should fix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-module"

#include "rahnuma-module.h"
#include "rahnuma-language.h"

#include <math.h>
#include <string.h>

struct _RahnumaScene
{
  RahnumaModule *module; /* unowned: the module owns its scenes */
  char *group;
  RahnumaSceneKind kind;
};

struct _RahnumaQuestion
{
  RahnumaModule *module; /* unowned */
  char *group;
  guint n_choices;
  guint correct;
};

struct _RahnumaModule
{
  GObject parent_instance;

  char *dir;
  GKeyFile *key_file;
  char *id;
  guint version;
  int order;
  double min_watched;
  guint pass_mark_percent; /* PassMark= (a fraction in the file) to the nearest whole percent */
  GPtrArray *scenes;    /* of RahnumaScene */
  GPtrArray *questions; /* of RahnumaQuestion */
};

G_DEFINE_FINAL_TYPE (RahnumaModule, rahnuma_module, G_TYPE_OBJECT)
G_DEFINE_QUARK (rahnuma-module-error-quark, rahnuma_module_error)

#define MODULE_GROUP "Module"

static void
scene_free (RahnumaScene *scene)
{
  g_free (scene->group);
  g_free (scene);
}

static void
question_free (RahnumaQuestion *question)
{
  g_free (question->group);
  g_free (question);
}


static gboolean G_GNUC_PRINTF (3, 4)
fail_invalid (GError **error, const char *dir, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, RAHNUMA_MODULE_ERROR, RAHNUMA_MODULE_ERROR_INVALID,
               "%s/%s: %s", dir, RAHNUMA_MODULE_FILE, message);
  return FALSE;
}

/* Optional number keys: absent means the default, present but wrong is an error. */
static gboolean
read_fraction (GKeyFile *kf, const char *key, double fallback, double *out)
{
  g_autoptr(GError) local_error = NULL;
  double value;

  if (!g_key_file_has_key (kf, MODULE_GROUP, key, NULL))
    {
      *out = fallback;
      return TRUE;
    }
  value = g_key_file_get_double (kf, MODULE_GROUP, key, &local_error);
  if (local_error != NULL || value < 0.0 || value > 1.0)
    return FALSE;
  *out = value;
  return TRUE;
}

static char *
group_name (const char *kind, guint number)
{
  return g_strdup_printf ("%s %u", kind, number);
}

static gboolean
load_scenes (RahnumaModule *self, GError **error)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *group = group_name ("Scene", n);
      RahnumaScene *scene;
      gboolean has_video, has_picture;

      if (!g_key_file_has_group (self->key_file, group))
        break;
      has_video = g_key_file_has_key (self->key_file, group, "Video", NULL);
      has_picture = g_key_file_has_key (self->key_file, group, "Picture", NULL);
      if (has_video == has_picture)
        return fail_invalid (error, self->dir, "[%s] needs exactly one of Video= or Picture=", group);

      scene = g_new0 (RahnumaScene, 1);
      scene->module = self;
      scene->group = g_steal_pointer (&group);
      scene->kind = has_video ? RAHNUMA_SCENE_VIDEO : RAHNUMA_SCENE_PICTURE;
      g_ptr_array_add (self->scenes, scene);
    }

  if (self->scenes->len == 0)
    return fail_invalid (error, self->dir, "%s", "the module has no [Scene 1]");
  return TRUE;
}

static gboolean
count_choices (GKeyFile *kf, const char *group, guint *n_choices)
{
  guint n = 0;

  for (;;)
    {
      g_autofree char *key = g_strdup_printf ("Choice%u", n + 1);

      if (!g_key_file_has_key (kf, group, key, NULL))
        break;
      n++;
    }
  *n_choices = n;
  return n >= RAHNUMA_MODULE_MIN_CHOICES && n <= RAHNUMA_MODULE_MAX_CHOICES;
}

static gboolean
load_questions (RahnumaModule *self, GError **error)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *group = group_name ("Question", n);
      g_autoptr(GError) local_error = NULL;
      RahnumaQuestion *question;
      guint n_choices;
      int correct;

      if (!g_key_file_has_group (self->key_file, group))
        break;
      if (!g_key_file_has_key (self->key_file, group, "Text", NULL))
        return fail_invalid (error, self->dir, "[%s] has no Text=", group);
      if (!count_choices (self->key_file, group, &n_choices))
        return fail_invalid (error, self->dir, "[%s] needs 2 to 4 choices, Choice1= onwards", group);
      correct = g_key_file_get_integer (self->key_file, group, "Correct", &local_error);
      if (local_error != NULL || correct < 1 || (guint) correct > n_choices)
        return fail_invalid (error, self->dir, "[%s] needs Correct= naming one of its choices", group);

      question = g_new0 (RahnumaQuestion, 1);
      question->module = self;
      question->group = g_steal_pointer (&group);
      question->n_choices = n_choices;
      question->correct = (guint) correct - 1;
      g_ptr_array_add (self->questions, question);
    }

  if (self->questions->len == 0)
    return fail_invalid (error, self->dir, "%s", "the module has no [Question 1]");
  return TRUE;
}

static gboolean
load_header (RahnumaModule *self, GError **error)
{
  GKeyFile *kf = self->key_file;
  g_autoptr(GError) local_error = NULL;
  double pass_mark;
  int version;

  if (!g_key_file_has_group (kf, MODULE_GROUP))
    return fail_invalid (error, self->dir, "%s", "there is no [Module] group");

  self->id = g_key_file_get_string (kf, MODULE_GROUP, "Id", NULL);
  if (self->id == NULL || !rahnuma_module_id_is_valid (self->id))
    return fail_invalid (error, self->dir, "%s",
                         "Id= must be lower-case letters, digits and '-'");

  version = g_key_file_get_integer (kf, MODULE_GROUP, "Version", &local_error);
  if (local_error != NULL || version < 1)
    return fail_invalid (error, self->dir, "%s", "Version= must be a whole number from 1");
  self->version = (guint) version;

  /* Order is optional: modules without one sort after the others, by id. */
  self->order = g_key_file_has_key (kf, MODULE_GROUP, "Order", NULL)
                  ? g_key_file_get_integer (kf, MODULE_GROUP, "Order", NULL)
                  : G_MAXINT;

  if (!g_key_file_has_key (kf, MODULE_GROUP, "Title", NULL))
    return fail_invalid (error, self->dir, "%s", "Title= is missing");
  if (!read_fraction (kf, "MinWatched", 0.8, &self->min_watched))
    return fail_invalid (error, self->dir, "%s", "MinWatched= must be a number from 0 to 1");
  if (!read_fraction (kf, "PassMark", 0.6, &pass_mark))
    return fail_invalid (error, self->dir, "%s", "PassMark= must be a number from 0 to 1");
  /* The one place the file's fraction becomes a percent: rounded, not
   * truncated, as 0.29 × 100 is 28.999999999999996 in binary. */
  self->pass_mark_percent = (guint) lround (pass_mark * 100.0);
  return TRUE;
}

static void
rahnuma_module_finalize (GObject *object)
{
  RahnumaModule *self = (RahnumaModule *) object;

  g_clear_pointer (&self->scenes, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->key_file, g_key_file_unref);
  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (rahnuma_module_parent_class)->finalize (object);
}

static void
rahnuma_module_class_init (RahnumaModuleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rahnuma_module_finalize;
}

static void
rahnuma_module_init (RahnumaModule *self)
{
  self->key_file = g_key_file_new ();
  self->scenes = g_ptr_array_new_with_free_func ((GDestroyNotify) scene_free);
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);
}

/**
 * rahnuma_module_new_from_dir:
 * @dir: a module package folder
 * @error: return location for a #RAHNUMA_MODULE_ERROR
 *
 * Loads `dir/module.ini`. Fails on anything that would stop the kiosk from
 * running the module; translations and media are checked by the validator.
 *
 * Returns: (transfer full) (nullable): the module, or %NULL with @error set
 */
/**
 * rahnuma_module_find_bad_utf8_line:
 * @contents: the bytes of a module.ini
 * @length: their length
 *
 * GKeyFile reads any bytes, and only g_key_file_get_string() then fails on
 * text that is not UTF-8 (Urdu saved in an old Windows encoding), which made
 * a good Title= look missing. Checking the whole file first names the real
 * cause and its line. A NUL byte counts as not UTF-8.
 *
 * Returns: the 1-based line of the first byte that is not UTF-8, or 0 if there is none
 */
guint
rahnuma_module_find_bad_utf8_line (const char *contents,
                                   gsize       length)
{
  const char *end;
  guint line = 1;

  g_return_val_if_fail (contents != NULL || length == 0, 0);

  if (g_utf8_validate_len (contents, length, &end))
    return 0;
  for (const char *p = contents; p < end; p++)
    line += *p == '\n';
  return line;
}

/**
 * rahnuma_module_skip_bom:
 * @contents: the bytes of a module.ini
 * @length: (inout): their length; on return, the length after the mark
 *
 * Windows Notepad saves UTF-8 with a byte order mark (EF BB BF) in front,
 * which GKeyFile would read as part of the first line. The mark says
 * nothing more than "UTF-8", so it is skipped wherever module.ini is read.
 *
 * Returns: (transfer none): @contents, or the byte after its UTF-8 byte order mark
 */
const char *
rahnuma_module_skip_bom (const char *contents,
                         gsize      *length)
{
  g_return_val_if_fail (length != NULL, contents);

  if (*length >= 3 && memcmp (contents, "\xef\xbb\xbf", 3) == 0)
    {
      *length -= 3;
      return contents + 3;
    }
  return contents;
}

/**
 * rahnuma_module_is_utf16:
 * @contents: the bytes of a module.ini
 * @length: their length
 *
 * Windows editors call UTF-16 "Unicode"; Notepad writes it with a byte order
 * mark (FF FE or FE FF). Without one, ASCII text in UTF-16 has a NUL byte in
 * one of its first two bytes, which UTF-8 text never has.
 *
 * Returns: whether @contents looks like UTF-16 text
 */
gboolean
rahnuma_module_is_utf16 (const char *contents,
                         gsize       length)
{
  const guchar *bytes = (const guchar *) contents;

  if (length < 2)
    return FALSE;
  return (bytes[0] == 0xff && bytes[1] == 0xfe) || (bytes[0] == 0xfe && bytes[1] == 0xff) ||
         bytes[0] == 0 || bytes[1] == 0;
}

static gboolean
load_key_file (GKeyFile *key_file, const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *text;
  gsize length;
  guint bad_line;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      int code = g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                   ? RAHNUMA_MODULE_ERROR_NOT_FOUND
                   : RAHNUMA_MODULE_ERROR_PARSE;
      g_set_error (error, RAHNUMA_MODULE_ERROR, code, "%s: %s", path, local_error->message);
      return FALSE;
    }
  text = rahnuma_module_skip_bom (contents, &length);
  bad_line = rahnuma_module_find_bad_utf8_line (text, length);
  if (bad_line > 0)
    {
      g_set_error (error, RAHNUMA_MODULE_ERROR, RAHNUMA_MODULE_ERROR_PARSE,
                   "%s:%u: not UTF-8 text; save the file again as UTF-8", path, bad_line);
      return FALSE;
    }
  if (!g_key_file_load_from_data (key_file, text, length, G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_set_error (error, RAHNUMA_MODULE_ERROR, RAHNUMA_MODULE_ERROR_PARSE, "%s: %s", path,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * rahnuma_module_new_from_dir:
 * @dir: a lesson package folder, holding module.ini (docs/module-format.md)
 * @error: return location for a #RAHNUMA_MODULE_ERROR (NOT_FOUND, PARSE,
 *   INVALID)
 *
 * Loads the package's text and structure; media are only named, not read
 * (the validator checks them). Blocks on the disk for a few milliseconds.
 *
 * Returns: (transfer full) (nullable): the module, or %NULL with @error set
 */
RahnumaModule *
rahnuma_module_new_from_dir (const char  *dir,
                             GError     **error)
{
  g_autoptr(RahnumaModule) self = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RAHNUMA_TYPE_MODULE, NULL);
  self->dir = g_canonicalize_filename (dir, NULL);
  path = g_build_filename (self->dir, RAHNUMA_MODULE_FILE, NULL);

  if (!load_key_file (self->key_file, path, error) ||
      !load_header (self, error) || !load_scenes (self, error) || !load_questions (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rahnuma_module_get_id:
 * @self: a #RahnumaModule
 *
 * Returns: (transfer none): the module's id (Id=: lower-case letters,
 *   digits and '-', at most 64), the same in every edition
 */
const char *
rahnuma_module_get_id (RahnumaModule *self)
{
  g_return_val_if_fail (RAHNUMA_IS_MODULE (self), NULL);
  return self->id;
}

/**
 * rahnuma_module_get_dir:
 * @self: a #RahnumaModule
 *
 * Returns: (transfer none): the package folder, canonical (absolute, no
 *   "..")
 */
const char *
rahnuma_module_get_dir (RahnumaModule *self)
{
  g_return_val_if_fail (RAHNUMA_IS_MODULE (self), NULL);
  return self->dir;
}

/**
 * rahnuma_module_get_version:
 * @self: a #RahnumaModule
 *
 * Returns: the edition (Version=), 1 or more; recorded with each result
 */
guint
rahnuma_module_get_version (RahnumaModule *self)
{
  g_return_val_if_fail (RAHNUMA_IS_MODULE (self), 0);
  return self->version;
}

/**
 * rahnuma_module_get_order:
 * @self: a #RahnumaModule
 *
 * Returns: its place in the list of lessons (Order=; smaller first)
 */
int
rahnuma_module_get_order (RahnumaModule *self)
{
  g_return_val_if_fail (RAHNUMA_IS_MODULE (self), 0);
  return self->order;
}

/**
 * rahnuma_module_get_min_watched:
 * @self: a #RahnumaModule
 *
 * Returns: the part of the lesson to watch before its quiz opens, a
 *   fraction from 0 to 1 (MinWatched=, 0.8 when absent)
 */
double
rahnuma_module_get_min_watched (RahnumaModule *self)
{
  g_return_val_if_fail (RAHNUMA_IS_MODULE (self), 0.0);
  return self->min_watched;
}

/**
 * rahnuma_module_get_pass_mark_percent:
 * @self: a #RahnumaModule
 *
 * The module's own pass mark, in whole percent like the kiosk setting that
 * may override it (rahnuma_settings_get_pass_mark_percent()). module.ini
 * writes it as a fraction (PassMark=0.6, docs/module-format.md); it is
 * read to the nearest whole percent.
 *
 * Returns: the share of right answers that passes, in percent from 0 to
 *   100 (60 when PassMark= is absent)
 */
guint
rahnuma_module_get_pass_mark_percent (RahnumaModule *self)
{
  g_return_val_if_fail (RAHNUMA_IS_MODULE (self), 0);
  return self->pass_mark_percent;
}

/**
 * rahnuma_module_get_key_file:
 *
 * Returns: (transfer none): the parsed module.ini, for the validator
 */
GKeyFile *
rahnuma_module_get_key_file (RahnumaModule *self)
{
  g_return_val_if_fail (RAHNUMA_IS_MODULE (self), NULL);
  return self->key_file;
}

/* Localized text: the visitor's language, else the untranslated (English) text. */
static char *
dup_localized (RahnumaModule *self, const char *group, const char *key, const char *lang)
{
  return g_key_file_get_locale_string (self->key_file, group, key, lang, NULL);
}

/**
 * rahnuma_module_dup_title:
 * @lang: (nullable): a language code; %NULL for the untranslated title
 *
 * Returns: (transfer full): the title in @lang, or in English if it has no translation
 */
char *
rahnuma_module_dup_title (RahnumaModule *self, const char *lang)
{
  g_return_val_if_fail (RAHNUMA_IS_MODULE (self), NULL);
  return dup_localized (self, MODULE_GROUP, "Title", lang);
}

/**
 * rahnuma_module_dup_summary:
 * @self: a #RahnumaModule
 * @lang: a language from rahnuma_languages()
 *
 * Returns: (transfer full) (nullable): the summary in @lang, or in the
 *   package's own language when @lang has none
 */
char *
rahnuma_module_dup_summary (RahnumaModule *self, const char *lang)
{
  g_return_val_if_fail (RAHNUMA_IS_MODULE (self), NULL);
  return dup_localized (self, MODULE_GROUP, "Summary", lang);
}

/**
 * rahnuma_module_dup_sources:
 *
 * Returns: (transfer full) (array zero-terminated=1): the named sources of the facts
 */
char **
rahnuma_module_dup_sources (RahnumaModule *self)
{
  char **sources;

  g_return_val_if_fail (RAHNUMA_IS_MODULE (self), NULL);
  sources = g_key_file_get_string_list (self->key_file, MODULE_GROUP, "Sources", NULL, NULL);
  return sources != NULL ? sources : g_new0 (char *, 1);
}

/**
 * rahnuma_module_is_machine_translated:
 *
 * Returns: whether @lang's text was made by machine and awaits a native speaker's review
 */
gboolean
rahnuma_module_is_machine_translated (RahnumaModule *self, const char *lang)
{
  g_auto(GStrv) langs = NULL;

  g_return_val_if_fail (RAHNUMA_IS_MODULE (self), FALSE);
  g_return_val_if_fail (lang != NULL, FALSE);

  langs = g_key_file_get_string_list (self->key_file, MODULE_GROUP, "MachineTranslated", NULL, NULL);
  return langs != NULL && g_strv_contains ((const char * const *) langs, lang);
}

/**
 * rahnuma_module_get_n_scenes:
 * @self: a #RahnumaModule
 *
 * Returns: how many scenes the lesson has (at least 1)
 */
guint
rahnuma_module_get_n_scenes (RahnumaModule *self)
{
  g_return_val_if_fail (RAHNUMA_IS_MODULE (self), 0);
  return self->scenes->len;
}

/**
 * rahnuma_module_get_scene:
 *
 * Returns: (transfer none): scene @index, valid as long as the module
 */
RahnumaScene *
rahnuma_module_get_scene (RahnumaModule *self, guint index)
{
  g_return_val_if_fail (RAHNUMA_IS_MODULE (self), NULL);
  g_return_val_if_fail (index < self->scenes->len, NULL);
  return g_ptr_array_index (self->scenes, index);
}

/**
 * rahnuma_module_get_n_questions:
 * @self: a #RahnumaModule
 *
 * Returns: how many questions its quiz has (0 to 100)
 */
guint
rahnuma_module_get_n_questions (RahnumaModule *self)
{
  g_return_val_if_fail (RAHNUMA_IS_MODULE (self), 0);
  return self->questions->len;
}

/**
 * rahnuma_module_get_question:
 *
 * Returns: (transfer none): question @index, valid as long as the module
 */
RahnumaQuestion *
rahnuma_module_get_question (RahnumaModule *self, guint index)
{
  g_return_val_if_fail (RAHNUMA_IS_MODULE (self), NULL);
  g_return_val_if_fail (index < self->questions->len, NULL);
  return g_ptr_array_index (self->questions, index);
}

static char *
dup_path (RahnumaModule *self, const char *relative)
{
  if (relative == NULL || *relative == '\0')
    return NULL;
  return g_build_filename (self->dir, relative, NULL);
}

/* Narration is looked up by exact key, Narration[ur]=, never through the
 * untranslated fallback: a Pashto visitor must hear the declared fallback
 * voice (Urdu), not English. */
static char *
dup_narration (RahnumaModule *self, const char *group, const char *key, const char *lang,
               const char **narration_lang)
{
  const RahnumaLanguage *language = rahnuma_language_lookup (lang);
  const char *candidates[2] = { lang, language != NULL ? language->narration_fallback : NULL };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *full_key = NULL;
      g_autofree char *relative = NULL;

      if (candidates[i] == NULL)
        continue;
      full_key = g_strdup_printf ("%s[%s]", key, candidates[i]);
      relative = g_key_file_get_string (self->key_file, group, full_key, NULL);
      if (relative != NULL && *relative != '\0')
        {
          if (narration_lang != NULL)
            *narration_lang = rahnuma_language_lookup (candidates[i])->code;
          return dup_path (self, relative);
        }
    }

  if (narration_lang != NULL)
    *narration_lang = NULL;
  return NULL;
}

/**
 * rahnuma_scene_get_kind:
 * @scene: a scene of a #RahnumaModule
 *
 * Returns: whether it is a picture with narration or a video
 */
RahnumaSceneKind
rahnuma_scene_get_kind (RahnumaScene *scene)
{
  g_return_val_if_fail (scene != NULL, RAHNUMA_SCENE_PICTURE);
  return scene->kind;
}

/**
 * rahnuma_scene_get_group:
 * @scene: a scene of a #RahnumaModule
 *
 * Returns: (transfer none): its group in module.ini ("Scene 1"…), for
 *   messages naming it
 */
const char *
rahnuma_scene_get_group (RahnumaScene *scene)
{
  g_return_val_if_fail (scene != NULL, NULL);
  return scene->group;
}

/**
 * rahnuma_scene_dup_media_path:
 * @lang: (nullable): the visitor's language; a picture or video may be localized
 *
 * Returns: (transfer full): absolute path of the scene's picture or video
 */
char *
rahnuma_scene_dup_media_path (RahnumaScene *scene, const char *lang)
{
  g_autofree char *relative = NULL;

  g_return_val_if_fail (scene != NULL, NULL);
  relative = dup_localized (scene->module, scene->group,
                            scene->kind == RAHNUMA_SCENE_VIDEO ? "Video" : "Picture", lang);
  return dup_path (scene->module, relative);
}

/**
 * rahnuma_scene_dup_caption:
 *
 * Returns: (transfer full) (nullable): the words shown under the scene (its subtitles)
 */
char *
rahnuma_scene_dup_caption (RahnumaScene *scene, const char *lang)
{
  g_return_val_if_fail (scene != NULL, NULL);
  return dup_localized (scene->module, scene->group, "Caption", lang);
}

/**
 * rahnuma_scene_dup_narration_path:
 * @narration_lang: (out) (optional) (transfer none): the language actually heard
 *
 * Returns: (transfer full) (nullable): narration in @lang or its fallback, or %NULL
 */
char *
rahnuma_scene_dup_narration_path (RahnumaScene *scene, const char *lang, const char **narration_lang)
{
  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (lang != NULL, NULL);
  return dup_narration (scene->module, scene->group, "Narration", lang, narration_lang);
}

/**
 * rahnuma_question_get_group:
 * @question: a question of a #RahnumaModule
 *
 * Returns: (transfer none): its group in module.ini ("Question 1"…), for
 *   messages naming it
 */
const char *
rahnuma_question_get_group (RahnumaQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);
  return question->group;
}

/**
 * rahnuma_question_dup_text:
 * @question: a question of a #RahnumaModule
 * @lang: a language from rahnuma_languages()
 *
 * Returns: (transfer full) (nullable): the question in @lang, or in the
 *   package's own language when @lang has none
 */
char *
rahnuma_question_dup_text (RahnumaQuestion *question, const char *lang)
{
  g_return_val_if_fail (question != NULL, NULL);
  return dup_localized (question->module, question->group, "Text", lang);
}

/**
 * rahnuma_question_get_n_choices:
 * @question: a question of a #RahnumaModule
 *
 * Returns: how many answers to choose from (2 to 10)
 */
guint
rahnuma_question_get_n_choices (RahnumaQuestion *question)
{
  g_return_val_if_fail (question != NULL, 0);
  return question->n_choices;
}

/**
 * rahnuma_question_dup_choice:
 * @index: 0-based choice
 *
 * Returns: (transfer full): the text of choice @index in @lang
 */
char *
rahnuma_question_dup_choice (RahnumaQuestion *question, guint index, const char *lang)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (question != NULL, NULL);
  g_return_val_if_fail (index < question->n_choices, NULL);
  key = g_strdup_printf ("Choice%u", index + 1);
  return dup_localized (question->module, question->group, key, lang);
}

/**
 * rahnuma_question_get_correct:
 *
 * Returns: the 0-based index of the right choice
 */
guint
rahnuma_question_get_correct (RahnumaQuestion *question)
{
  g_return_val_if_fail (question != NULL, 0);
  return question->correct;
}

/**
 * rahnuma_question_dup_explanation:
 * @question: a question of a #RahnumaModule
 * @lang: a language from rahnuma_languages()
 *
 * Returns: (transfer full) (nullable): why the right answer is right, in
 *   @lang (or the package's own language), or %NULL if the package gives none
 */
char *
rahnuma_question_dup_explanation (RahnumaQuestion *question, const char *lang)
{
  g_return_val_if_fail (question != NULL, NULL);
  return dup_localized (question->module, question->group, "Explanation", lang);
}

/**
 * rahnuma_question_dup_picture_path:
 * @question: a question of a #RahnumaModule
 *
 * Returns: (transfer full) (nullable): the absolute path of the picture shown
 *   with the question (Picture=), or %NULL if it has none
 */
char *
rahnuma_question_dup_picture_path (RahnumaQuestion *question)
{
  g_autofree char *relative = NULL;

  g_return_val_if_fail (question != NULL, NULL);
  relative = g_key_file_get_string (question->module->key_file, question->group, "Picture", NULL);
  return dup_path (question->module, relative);
}

/**
 * rahnuma_question_dup_narration_path:
 * @narration_lang: (out) (optional) (transfer none): the language actually heard
 *
 * Returns: (transfer full) (nullable): the question and its choices read aloud
 */
char *
rahnuma_question_dup_narration_path (RahnumaQuestion *question, const char *lang,
                                     const char **narration_lang)
{
  g_return_val_if_fail (question != NULL, NULL);
  g_return_val_if_fail (lang != NULL, NULL);
  return dup_narration (question->module, question->group, "Narration", lang, narration_lang);
}

/**
 * rahnuma_question_dup_explanation_narration_path:
 * @narration_lang: (out) (optional) (transfer none): the language actually heard
 *
 * Returns: (transfer full) (nullable): the explanation read aloud after an answer
 */
char *
rahnuma_question_dup_explanation_narration_path (RahnumaQuestion *question, const char *lang,
                                                 const char **narration_lang)
{
  g_return_val_if_fail (question != NULL, NULL);
  g_return_val_if_fail (lang != NULL, NULL);
  return dup_narration (question->module, question->group, "ExplanationNarration", lang,
                        narration_lang);
}

/**
 * rahnuma_module_id_is_valid:
 * @id: a module id (Id= of module.ini, `module new ID`)
 *
 * The one rule for a module id, the same as the journal's CHECK on
 * module_progress.module_id (rahnuma-store-schema.c).
 *
 * Returns: whether @id is lower-case ASCII letters, digits and '-', 1 to 64
 *   of them
 */
gboolean
rahnuma_module_id_is_valid (const char *id)
{
  g_return_val_if_fail (id != NULL, FALSE);

  if (*id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/**
 * rahnuma_module_compare:
 * @a: (type RahnumaModule**): a pointer to a #RahnumaModule, as in a #GPtrArray
 * @b: (type RahnumaModule**): likewise
 *
 * The order of the list of lessons: by Order=, then by id. A
 * #GCompareFunc for g_ptr_array_sort().
 *
 * Returns: negative if @a comes first, positive if @b does, 0 if the same
 */
int
rahnuma_module_compare (gconstpointer a, gconstpointer b)
{
  RahnumaModule *ma = *(RahnumaModule **) a;
  RahnumaModule *mb = *(RahnumaModule **) b;
  int oa = rahnuma_module_get_order (ma);
  int ob = rahnuma_module_get_order (mb);

  if (oa != ob)
    return oa < ob ? -1 : 1;
  return g_strcmp0 (rahnuma_module_get_id (ma), rahnuma_module_get_id (mb));
}
