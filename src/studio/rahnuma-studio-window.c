/* rahnuma-studio-window.c — the narration studio: choose a language, pick a
 * line that has no recording yet, read it aloud with a live level meter,
 * listen, save (issue 16 item 4). Recording and playing run on bus watches;
 * checking and saving a clip (rahnuma_narration_check_levels(),
 * rahnuma_narration_save()) in a worker thread: the window never freezes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "rahnuma-i18n.h"
#include "rahnuma-language.h"
#include "rahnuma-narration.h"
#include "rahnuma-studio-lines.h"
#include "rahnuma-studio-recorder.h"
#include "rahnuma-studio-window.h"

/* The meter shows -60 dBFS … 0 dBFS. */
#define METER_FLOOR_DB -60.0

struct _RahnumaStudioWindow
{
  AdwApplicationWindow parent_instance;

  GStrv module_dirs;
  GPtrArray *modules;
  GPtrArray *lines;
  char *lang;
  RahnumaStudioLine *line; /* the selected line, in @lines */
  char *take;              /* the recording not yet saved, a temporary file */
  gboolean busy;           /* a take is being checked or saved */
  RahnumaStudioRecorder *recorder;
  gboolean recording;

  GtkWidget *language_box;
  GtkWidget *progress_label;
  GtkWidget *list;
  GtkWidget *where_label;
  GtkWidget *text_label;
  GtkWidget *meter;
  GtkWidget *record_button;
  GtkWidget *play_button;
  GtkWidget *save_button;
  GtkWidget *status_label;
};

G_DEFINE_FINAL_TYPE (RahnumaStudioWindow, rahnuma_studio_window, ADW_TYPE_APPLICATION_WINDOW)

static void
set_status (RahnumaStudioWindow *self, const char *message)
{
  gtk_label_set_text (GTK_LABEL (self->status_label), message);
}

static void
update_buttons (RahnumaStudioWindow *self)
{
  gboolean playing = rahnuma_studio_recorder_is_busy (self->recorder) && !self->recording;
  gboolean idle = !self->busy && !rahnuma_studio_recorder_is_busy (self->recorder);

  gtk_button_set_label (GTK_BUTTON (self->record_button),
                        /* Translators: a button; Stop ends the recording */
                        self->recording ? _("Stop") : _("Record"));
  gtk_widget_set_sensitive (self->record_button, self->line != NULL && (idle || self->recording));
  gtk_widget_set_sensitive (self->play_button, self->take != NULL && (idle || playing));
  gtk_button_set_label (GTK_BUTTON (self->play_button),
                        /* Translators: buttons to listen to the recording, and to stop listening */
                        playing ? _("Stop playing") : _("Play"));
  gtk_widget_set_sensitive (self->save_button, self->take != NULL && idle);
  gtk_widget_set_sensitive (self->language_box, idle && !self->recording);
  gtk_widget_set_sensitive (self->list, idle && !self->recording);
}

static void
discard_take (RahnumaStudioWindow *self)
{
  if (self->take != NULL)
    g_unlink (self->take);
  g_clear_pointer (&self->take, g_free);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (self->meter), 0.0);
}

/* Lines and progress --------------------------------------------------- */

static const RahnumaLanguage *
current_language (RahnumaStudioWindow *self)
{
  return rahnuma_language_lookup (self->lang);
}

static gboolean
load_modules (RahnumaStudioWindow *self)
{
  g_autoptr(GPtrArray) modules = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; self->module_dirs[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      RahnumaModule *module = rahnuma_module_new_from_dir (self->module_dirs[i], &error);

      if (module == NULL)
        {
          set_status (self, error->message);
          return FALSE;
        }
      g_ptr_array_add (modules, module);
    }
  g_clear_pointer (&self->modules, g_ptr_array_unref);
  self->modules = g_steal_pointer (&modules);
  return TRUE;
}

static void
show_progress (RahnumaStudioWindow *self, guint recorded, guint needed)
{
  const RahnumaLanguage *language = current_language (self);
  const char *name = g_str_equal (rahnuma_i18n_get_language (), "en") ? language->english_name
                                                                      : language->native_name;
  g_autofree char *text = g_strdup_printf (
    /* Translators: e.g. "Pashto: 37 of 96 lines recorded"; %s is a language's name */
    ngettext ("%s: %u of %u line recorded", "%s: %u of %u lines recorded", needed), name, recorded, needed);

  gtk_label_set_text (GTK_LABEL (self->progress_label), text);
}

/* What a line is, in words: "Lesson 1 · Scene 2 · caption". */
static char *
describe_line (const RahnumaStudioLine *line)
{
  /* Translators: which text of a lesson a line is: a scene's caption, a
   * question read with its choices, or a question's explanation */
  const char *kind = g_str_has_prefix (line->key, "Explanation") ? _("explanation")
                     : g_str_has_prefix (line->group, "Scene") ? _("caption")
                                                                : _("question and choices");

  /* Translators: where a line is: module title · group in module.ini · "caption", "explanation" … */
  return g_strdup_printf (_("%s · %s · %s"), line->title, line->group, kind);
}

static GtkWidget *
make_row (RahnumaStudioWindow *self, RahnumaStudioLine *line)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *where = gtk_label_new (NULL);
  g_auto(GStrv) parts = g_strsplit (line->text, "\n", -1);
  g_autofree char *one_line = g_strjoinv (" · ", parts);
  GtkWidget *text = gtk_label_new (one_line);
  g_autofree char *where_text = describe_line (line);

  gtk_label_set_text (GTK_LABEL (where), where_text);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (where), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (text), TRUE);
  rahnuma_i18n_style_widget (text, self->lang);
  gtk_widget_set_direction (text, current_language (self)->rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  gtk_box_append (GTK_BOX (box), where);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

static void
show_line (RahnumaStudioWindow *self, RahnumaStudioLine *line)
{
  discard_take (self);
  self->line = line;
  if (line == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->where_label), "");
      gtk_label_set_text (GTK_LABEL (self->text_label),
                          /* Translators: shown when every line of the language has a recording */
                          _("Every line has a recording in this language."));
      rahnuma_i18n_style_widget (self->text_label, rahnuma_i18n_get_language ());
    }
  else
    {
      g_autofree char *where = describe_line (line);

      gtk_label_set_text (GTK_LABEL (self->where_label), where);
      gtk_label_set_text (GTK_LABEL (self->text_label), line->text);
      rahnuma_i18n_style_widget (self->text_label, self->lang);
      gtk_widget_set_direction (self->text_label, current_language (self)->rtl ? GTK_TEXT_DIR_RTL
                                                                                : GTK_TEXT_DIR_LTR);
    }
  update_buttons (self);
}

static void
refresh_lines (RahnumaStudioWindow *self)
{
  guint recorded = 0, needed = 0;
  GtkWidget *child;

  self->line = NULL;
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  if (self->lang == NULL || !load_modules (self))
    return;
  self->lines = rahnuma_studio_lines_missing (self->modules, self->lang, &recorded, &needed);
  for (guint i = 0; i < self->lines->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), make_row (self, self->lines->pdata[i]));
  show_progress (self, recorded, needed);
  if (self->lines->len > 0)
    gtk_list_box_select_row (GTK_LIST_BOX (self->list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), 0));
  else
    show_line (self, NULL);
}

static void
on_row_selected (GtkListBox *list, GtkListBoxRow *row, gpointer data)
{
  RahnumaStudioWindow *self = data;

  if (row != NULL && self->lines != NULL)
    show_line (self, self->lines->pdata[gtk_list_box_row_get_index (row)]);
}

static void
on_language_toggled (GtkToggleButton *button, gpointer data)
{
  RahnumaStudioWindow *self = data;

  if (!gtk_toggle_button_get_active (button))
    return;
  g_free (self->lang);
  self->lang = g_strdup (g_object_get_data (G_OBJECT (button), "lang"));
  set_status (self, "");
  refresh_lines (self);
}

/* Recording and playing ------------------------------------------------- */

static void
on_level (double peak_db, gpointer data)
{
  RahnumaStudioWindow *self = data;
  double value = isfinite (peak_db) ? (peak_db - METER_FLOOR_DB) / -METER_FLOOR_DB : 0.0;

  gtk_level_bar_set_value (GTK_LEVEL_BAR (self->meter), CLAMP (value, 0.0, 1.0));
}

static void
on_checked (GObject *source, GAsyncResult *result, gpointer data)
{
  RahnumaStudioWindow *self = RAHNUMA_STUDIO_WINDOW (source);
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  if (self->recorder == NULL)
    {
      /* Closed while checking: the take is nobody's now. */
      g_unlink (g_task_get_task_data (G_TASK (result)));
      return;
    }
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      discard_take (self);
      set_status (self, error->message);
    }
  else
    /* Translators: after a recording was made and passed the level checks */
    set_status (self, _("Recorded. Press Play to listen to it, then Save it or record again."));
  update_buttons (self);
}

static void
check_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;

  if (rahnuma_narration_check_levels (data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
check_take (RahnumaStudioWindow *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_checked, NULL);

  self->busy = TRUE;
  /* Translators: the recording is being measured for silence and clipping */
  set_status (self, _("Checking the recording…"));
  g_task_set_task_data (task, g_strdup (self->take), g_free);
  g_task_run_in_thread (task, check_in_thread);
}

static void
on_recorder_done (const GError *error, gpointer data)
{
  RahnumaStudioWindow *self = data;
  gboolean was_recording = self->recording;

  self->recording = FALSE;
  gtk_level_bar_set_value (GTK_LEVEL_BAR (self->meter), 0.0);
  if (error != NULL)
    {
      if (was_recording)
        discard_take (self);
      set_status (self, error->message);
    }
  else if (was_recording)
    check_take (self);
  else
    /* Translators: after the trainer listened to the recording */
    set_status (self, _("Played back. Save it if it is clear, or record it again."));
  update_buttons (self);
}

static void
start_recording (RahnumaStudioWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (self->line->module_dir, self->line->relative, NULL);

  discard_take (self);
  self->take = rahnuma_narration_make_temp (path, &error);
  if (self->take == NULL || !rahnuma_studio_recorder_record (self->recorder, self->take, &error))
    {
      discard_take (self);
      set_status (self, error->message);
      return;
    }
  self->recording = TRUE;
  /* Translators: while recording */
  set_status (self, _("Recording… Read the line aloud, then press Stop."));
}

static void
on_record_clicked (GtkButton *button, gpointer data)
{
  RahnumaStudioWindow *self = data;

  if (self->recording)
    rahnuma_studio_recorder_stop (self->recorder);
  else if (self->line != NULL)
    start_recording (self);
  update_buttons (self);
}

static void
on_play_clicked (GtkButton *button, gpointer data)
{
  RahnumaStudioWindow *self = data;
  g_autoptr(GError) error = NULL;

  if (rahnuma_studio_recorder_is_busy (self->recorder))
    rahnuma_studio_recorder_stop (self->recorder);
  else if (self->take != NULL && !rahnuma_studio_recorder_play (self->recorder, self->take, &error))
    set_status (self, error->message);
  else if (self->take != NULL)
    /* Translators: while the recording plays */
    set_status (self, _("Playing the recording…"));
  update_buttons (self);
}

/* Saving ------------------------------------------------------------------ */

static void
on_saved (GObject *source, GAsyncResult *result, gpointer data)
{
  RahnumaStudioWindow *self = RAHNUMA_STUDIO_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->busy = FALSE;
  /* rahnuma_narration_save() renamed the take, or deleted it if refused. */
  g_clear_pointer (&self->take, g_free);
  if (self->recorder == NULL)
    return; /* closed while saving */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_status (self, error->message);
      update_buttons (self);
      return;
    }
  /* Translators: %s is a file in the package, e.g. audio/ps/scene-1.ogg */
  message = g_strdup_printf (_("Saved %s."), (const char *) g_task_get_task_data (G_TASK (result)));
  refresh_lines (self);
  set_status (self, message);
}

static void
save_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  RahnumaStudioLine *line = g_object_get_data (G_OBJECT (task), "line");
  const char *take = g_object_get_data (G_OBJECT (task), "take");
  GError *error = NULL;

  if (rahnuma_narration_save (line->module_dir, take, line->group, line->key, line->relative, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static RahnumaStudioLine *
copy_line (const RahnumaStudioLine *line)
{
  RahnumaStudioLine *copy = g_new0 (RahnumaStudioLine, 1);

  copy->module_dir = g_strdup (line->module_dir);
  copy->group = g_strdup (line->group);
  copy->key = g_strdup (line->key);
  copy->relative = g_strdup (line->relative);
  return copy;
}

static void
save_take (RahnumaStudioWindow *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_saved, NULL);

  self->busy = TRUE;
  /* The thread gets its own copies: the list may be rebuilt meanwhile. */
  g_object_set_data_full (G_OBJECT (task), "line", copy_line (self->line), (GDestroyNotify) rahnuma_studio_line_free);
  g_object_set_data_full (G_OBJECT (task), "take", g_strdup (self->take), g_free);
  g_task_set_task_data (task, g_strdup (self->line->relative), g_free);
  /* Translators: while the recording is checked and saved */
  set_status (self, _("Saving…"));
  update_buttons (self);
  g_task_run_in_thread (task, save_in_thread);
}

static void
on_replace_response (AdwMessageDialog *dialog, const char *response, gpointer data)
{
  RahnumaStudioWindow *self = data;

  if (g_str_equal (response, "replace") && self->take != NULL && !self->busy)
    save_take (self);
}

static void
ask_replace (RahnumaStudioWindow *self)
{
  /* Translators: the title of a question before an existing recording is replaced */
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace the recording?"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a file, e.g. audio/ps/scene-1.ogg */
                                  _("%s already exists. Replacing it loses the old recording for good."),
                                  self->line->relative);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    /* Translators: buttons of the question "Replace the recording?" */
                                    "cancel", _("Keep the old one"), "replace", _("Replace"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_replace_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_clicked (GtkButton *button, gpointer data)
{
  RahnumaStudioWindow *self = data;
  g_autofree char *path = NULL;

  if (self->take == NULL || self->line == NULL)
    return;
  path = g_build_filename (self->line->module_dir, self->line->relative, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    ask_replace (self);
  else
    save_take (self);
}

/* Building the window -------------------------------------------------- */

static GtkWidget *
make_language_box (RahnumaStudioWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *group = NULL;
  gsize n_languages;
  const RahnumaLanguage *languages = rahnuma_languages (&n_languages);

  gtk_widget_add_css_class (box, "linked");
  for (gsize i = 0; i < n_languages; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (languages[i].native_name);

      rahnuma_i18n_style_widget (gtk_button_get_child (GTK_BUTTON (button)), languages[i].code);
      gtk_widget_set_size_request (button, 96, 56);
      g_object_set_data (G_OBJECT (button), "lang", (gpointer) languages[i].code);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
      group = button;
      g_signal_connect (button, "toggled", G_CALLBACK (on_language_toggled), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static GtkWidget *
make_button (RahnumaStudioWindow *self, const char *label, GCallback callback)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_size_request (button, 160, 64);
  gtk_widget_add_css_class (button, "pill");
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
make_line_pane (RahnumaStudioWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->where_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->where_label, "dim-label");
  self->text_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->text_label, "title-1");
  gtk_label_set_wrap (GTK_LABEL (self->text_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->text_label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_vexpand (self->text_label, TRUE);
  self->meter = gtk_level_bar_new_for_interval (0.0, 1.0);
  gtk_widget_set_size_request (self->meter, -1, 24);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->meter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the accessible name of the live microphone meter */
                                  _("Microphone level"), -1);
  /* Translators: a button that starts recording from the microphone */
  self->record_button = make_button (self, _("Record"), G_CALLBACK (on_record_clicked));
  gtk_widget_add_css_class (self->record_button, "destructive-action");
  /* Translators: a button that plays the recording back */
  self->play_button = make_button (self, _("Play"), G_CALLBACK (on_play_clicked));
  /* Translators: a button that saves the recording into the lesson */
  self->save_button = make_button (self, _("Save"), G_CALLBACK (on_save_clicked));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), self->record_button);
  gtk_box_append (GTK_BOX (buttons), self->play_button);
  gtk_box_append (GTK_BOX (buttons), self->save_button);
  self->status_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->status_label), TRUE);
  gtk_box_append (GTK_BOX (box), self->where_label);
  gtk_box_append (GTK_BOX (box), self->text_label);
  gtk_box_append (GTK_BOX (box), self->meter);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (GTK_BOX (box), self->status_label);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  return box;
}

static GtkWidget *
make_list_pane (RahnumaStudioWindow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->list = gtk_list_box_new ();
  gtk_widget_add_css_class (self->list, "navigation-sidebar");
  g_signal_connect (self->list, "row-selected", G_CALLBACK (on_row_selected), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 360, -1);
  return scrolled;
}

static void
rahnuma_studio_window_init (RahnumaStudioWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *panes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->recorder = rahnuma_studio_recorder_new (on_level, on_recorder_done, self);
  /* Translators: the window title of rahnuma-studio */
  gtk_window_set_title (GTK_WINDOW (self), _("Rahnuma Narration Studio"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1200, 760);
  self->language_box = make_language_box (self);
  /* Translators: shown until the trainer picks one of the four languages above */
  self->progress_label = gtk_label_new (_("Choose the language you will record."));
  gtk_widget_add_css_class (self->progress_label, "title-4");
  gtk_box_append (GTK_BOX (top), self->language_box);
  gtk_box_append (GTK_BOX (top), self->progress_label);
  gtk_widget_set_margin_start (top, 12);
  gtk_widget_set_margin_end (top, 12);
  gtk_widget_set_margin_top (top, 12);
  gtk_widget_set_margin_bottom (top, 12);
  gtk_box_append (GTK_BOX (panes), make_list_pane (self));
  gtk_box_append (GTK_BOX (panes), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (panes), make_line_pane (self));
  gtk_widget_set_vexpand (panes, TRUE);
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), top);
  gtk_box_append (GTK_BOX (content), panes);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), content);
  update_buttons (self);
}

static void
rahnuma_studio_window_dispose (GObject *object)
{
  RahnumaStudioWindow *self = RAHNUMA_STUDIO_WINDOW (object);

  g_clear_pointer (&self->recorder, rahnuma_studio_recorder_free);
  /* A take being checked or saved is the worker's (on_checked(), on_saved()). */
  if (self->busy)
    g_clear_pointer (&self->take, g_free);
  else if (self->take != NULL)
    g_unlink (self->take);
  g_clear_pointer (&self->take, g_free);
  G_OBJECT_CLASS (rahnuma_studio_window_parent_class)->dispose (object);
}

static void
rahnuma_studio_window_finalize (GObject *object)
{
  RahnumaStudioWindow *self = RAHNUMA_STUDIO_WINDOW (object);

  g_strfreev (self->module_dirs);
  g_clear_pointer (&self->modules, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_free (self->lang);
  G_OBJECT_CLASS (rahnuma_studio_window_parent_class)->finalize (object);
}

static void
rahnuma_studio_window_class_init (RahnumaStudioWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rahnuma_studio_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = rahnuma_studio_window_finalize;
}

/**
 * rahnuma_studio_window_new:
 * @module_dirs: the module packages to narrate (copied)
 *
 * Returns: (transfer floating): the studio's window
 */
GtkWidget *
rahnuma_studio_window_new (AdwApplication *app, const char * const *module_dirs)
{
  RahnumaStudioWindow *self = g_object_new (RAHNUMA_TYPE_STUDIO_WINDOW, "application", app, NULL);

  self->module_dirs = g_strdupv ((GStrv) module_dirs);
  return GTK_WIDGET (self);
}
