/* admin-record.c — rahnuma-admin module record
 *
 * A trainer's narration from the microphone (or a GStreamer source given by
 * --device-element) into a package's audio/LANG/ folder, named in
 * module.ini. Enter stops the recording, or --seconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rahnuma-admin.h"
#include "admin-module-private.h"
#include "rahnuma-language.h"
#include "rahnuma-media-probe.h"
#include "rahnuma-module.h"
#include "rahnuma-narration.h"

#define EXIT_OK       0
#define EXIT_NOT_RUN  2

/* record ----------------------------------------------------------------- */

typedef struct
{
  char *module_dir;
  int scene;
  int question;
  int explanation;
  char *lang;
  int seconds;
  char *device_element;
} RecordOptions;

static void
record_options_clear (RecordOptions *options)
{
  g_free (options->module_dir);
  g_free (options->lang);
  g_free (options->device_element);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RecordOptions, record_options_clear)

/* The group, key and default file a --scene/--question/--explanation names. */
static gboolean
record_target (const RecordOptions *options, char **group, char **key, char **file)
{
  gboolean scene = options->scene > 0, question = options->question > 0;
  gboolean explanation = options->explanation > 0;

  if (scene + question + explanation != 1)
    return FALSE;
  if (scene)
    {
      *group = g_strdup_printf ("Scene %d", options->scene);
      *file = g_strdup_printf ("audio/%s/scene-%d.ogg", options->lang, options->scene);
    }
  else
    {
      int n = question ? options->question : options->explanation;

      *group = g_strdup_printf ("Question %d", n);
      *file = g_strdup_printf ("audio/%s/%s-%d.ogg", options->lang, question ? "question" : "explanation", n);
    }
  *key = g_strdup_printf ("%s[%s]", explanation ? "ExplanationNarration" : "Narration", options->lang);
  return TRUE;
}

typedef struct
{
  GCancellable *stop;
  gboolean no_limit;
  guint id;
} StdinWatch;

static gboolean
on_stdin_line (GIOChannel *channel, GIOCondition condition, gpointer data)
{
  StdinWatch *watch = data;
  g_autofree char *line = NULL;
  GIOStatus status = g_io_channel_read_line (channel, &line, NULL, NULL, NULL);

  /* Enter stops; end of input stops only a recording with no time limit. */
  if (status == G_IO_STATUS_NORMAL || watch->no_limit)
    g_cancellable_cancel (watch->stop);
  if (status == G_IO_STATUS_NORMAL || status == G_IO_STATUS_AGAIN)
    return G_SOURCE_CONTINUE;
  watch->id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
record_to (const char *path, const RecordOptions *options, GError **error)
{
  g_autoptr(GCancellable) stop = g_cancellable_new ();
  g_autoptr(GIOChannel) channel = g_io_channel_unix_new (STDIN_FILENO);
  StdinWatch watch = { stop, options->seconds <= 0, 0 };
  const char *device = options->device_element;
  gboolean ok;

  if (device == NULL)
    device = g_getenv ("RAHNUMA_RECORD_DEVICE_ELEMENT");
  watch.id = g_io_add_watch (channel, G_IO_IN | G_IO_HUP, on_stdin_line, &watch);
  ok = rahnuma_media_record_audio (path, device, MAX (options->seconds, 0), stop, error);
  g_clear_handle_id (&watch.id, g_source_remove);
  return ok;
}

int
rahnuma_admin_module_fail_record (const char *temp_path, const char *message)
{
  if (temp_path != NULL)
    g_unlink (temp_path);
  g_printerr ("%s\n", message);
  return EXIT_NOT_RUN;
}

static int
record_and_save (const RecordOptions *options, const char *ini_path,
                 const char *group, const char *key, const char *relative)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (options->module_dir, relative, NULL);
  g_autofree char *temp_path = rahnuma_narration_make_temp (path, &error);

  if (temp_path == NULL)
    return rahnuma_admin_module_fail_record (NULL, error->message);
  /* Translators: the first %s is a language, the second a group of module.ini (“Scene 2”) */
  g_print (_("Recording %s for [%s]. Press Enter to stop.\n"), key, group);
  if (!record_to (temp_path, options, &error))
    return rahnuma_admin_module_fail_record (temp_path, error->message);
  if (!rahnuma_narration_save (options->module_dir, temp_path, group, key, relative, &error))
    return rahnuma_admin_module_fail_record (NULL, error->message);
  /* Translators: a recording’s path; the package; the key and the file it names */
  g_print (_("Saved %s; %s now has %s=%s.\n"), path, RAHNUMA_MODULE_FILE, key, relative);
  return EXIT_OK;
}

int
rahnuma_admin_module_record (int argc, char **argv)
{
  g_auto(RecordOptions) options = { 0 };
  GOptionEntry entries[] = {
    { "module", 0, 0, G_OPTION_ARG_FILENAME, &options.module_dir, N_("The module package"), N_("DIR") },
    { "scene", 0, 0, G_OPTION_ARG_INT, &options.scene, N_("Narrate scene N"), N_("N") },
    { "question", 0, 0, G_OPTION_ARG_INT, &options.question, N_("Read question N and its choices"), N_("N") },
    { "explanation", 0, 0, G_OPTION_ARG_INT, &options.explanation, N_("Read question N's explanation"), N_("N") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &options.lang, N_("Language: ur, ps, pa_PK or en"), N_("LANG") },
    { "seconds", 0, 0, G_OPTION_ARG_INT, &options.seconds, N_("Stop after S seconds"), N_("S") },
    { "device-element", 0, 0, G_OPTION_ARG_STRING, &options.device_element,
      N_("GStreamer source instead of the microphone (e.g. audiotestsrc)"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ini_path = NULL;
  g_autofree char *group = NULL;
  g_autofree char *key = NULL;
  g_autofree char *relative = NULL;

  if (!rahnuma_admin_parse_options (&argc, &argv, entries, NULL,
                                    _("Record a narration from the microphone into a package's audio/LANG/ "
                                       "folder and name it in module.ini. Stops on Enter or after --seconds.")))
    return EXIT_NOT_RUN;
  if (options.module_dir == NULL || options.lang == NULL || argc != 1)
    return rahnuma_admin_usage_error (_("Give --module DIR, one of --scene/--question/--explanation N, and --lang."));
  if (!rahnuma_language_is_valid (options.lang))
    return rahnuma_admin_usage_error (_("--lang must be one of ur, ps, pa_PK, en."));
  if (!record_target (&options, &group, &key, &relative))
    return rahnuma_admin_usage_error (_("Give exactly one of --scene N, --question N or --explanation N."));

  ini_path = g_build_filename (options.module_dir, RAHNUMA_MODULE_FILE, NULL);
  if (!g_key_file_load_from_file (key_file, ini_path, G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS,
                                  &error))
    return rahnuma_admin_module_fail_record (NULL, error->message);
  if (!g_key_file_has_group (key_file, group))
    {
      /* Translators: %s is a package folder, [%s] a group of its module.ini */
      g_printerr (_("%s has no [%s].\n"), ini_path, group);
      return EXIT_NOT_RUN;
    }
  g_free (relative);
  relative = rahnuma_narration_dup_relative_path (key_file, group, key, options.lang);
  return record_and_save (&options, ini_path, group, key, relative);
}
