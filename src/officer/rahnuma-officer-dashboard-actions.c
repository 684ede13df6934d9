/* rahnuma-officer-dashboard-actions.c — what the dashboard's buttons do
 *
 * Sync now, verify a code, save CSV and PDF reports to a USB drive chosen
 * from a touch list (rahnuma-drive-picker.c), keep the officers' file on one
 * and leave kiosk mode. The Kiosk tab's settings are bound in
 * rahnuma-officer-dashboard-settings.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-officer"

#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-code.h"
#include "rahnuma-drive-picker.h"
#include "rahnuma-export.h"
#include "rahnuma-file.h"
#include "rahnuma-officer-dashboard-private.h"
#include "rahnuma-officer-dashboard.h"
#include "rahnuma-officer-proof.h"
#include "rahnuma-report-pdf.h"
#include "rahnuma-sync.h"


/* ---- sync ----------------------------------------------------------------- */

/**
 * rahnuma_officer_dashboard_dup_officer_file:
 *
 * The file the kiosk really syncs into: the automatic sync's target when
 * there is one (it follows the setting, or --officer-file for this run),
 * else the setting.
 *
 * Returns: (transfer full) (nullable): the officers' file
 */
char *
rahnuma_officer_dashboard_dup_officer_file (RahnumaOfficerDashboard *self)
{
  g_autofree char *path = NULL;

  if (self->auto_sync != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (self->auto_sync), "target"))
    {
      g_object_get (self->auto_sync, "target", &path, NULL);
      return path != NULL && path[0] != '\0' ? g_steal_pointer (&path) : NULL;
    }
  path = self->settings != NULL ? g_settings_get_string (self->settings, "officer-file") : NULL;

  return path != NULL && path[0] != '\0' ? g_steal_pointer (&path) : NULL;
}

/* In the centre's time zone, as every day and hour on the dashboard. */
/**
 * rahnuma_officer_dashboard_toast:
 * @self: a #RahnumaOfficerDashboard
 * @message: what happened, translated
 *
 * Shows @message at the bottom of the dashboard for as long as it takes to
 * read (3 to 10 s, RAHNUMA_OFFICER_TOAST_*), in place of any toast still
 * shown, and only until the officer
 * changes tab: a toast floats over the page and must not stay over a
 * control of another one (tester's report: "In force from the next
 * visitor." over the Today tab's Check button). Here, with the actions that
 * report most of what happens, so that the dashboard's parts call one way
 * only (dashboard.c → settings.c → actions.c).
 */
void
rahnuma_officer_dashboard_toast (RahnumaOfficerDashboard *self, const char *message)
{
  AdwToast *toast = adw_toast_new (message);
  glong seconds = g_utf8_strlen (message, -1) / RAHNUMA_OFFICER_TOAST_CHARS_PER_SECOND + 1;

  adw_toast_set_timeout (toast, CLAMP (seconds, RAHNUMA_OFFICER_TOAST_MIN_SECONDS, RAHNUMA_OFFICER_TOAST_MAX_SECONDS));
  /* High priority: the newest message replaces the one shown, rather than queue behind it. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_set_weak_pointer (&self->toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * rahnuma_officer_dashboard_on_view_stack_visible_child:
 *
 * Another tab is shown: the toast about the last one goes.
 */
void
rahnuma_officer_dashboard_on_view_stack_visible_child (AdwViewStack *stack, GParamSpec *pspec, gpointer user_data)
{
  RahnumaOfficerDashboard *self = RAHNUMA_OFFICER_DASHBOARD (user_data);

  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_clear_weak_pointer (&self->toast);
}

static char *
format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds + rahnuma_officer_utc_offset ());

  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

/* Records the officers' file refused (see rahnuma_sync_run()): shown only
 * when there are some, since the sync itself succeeded without them. */
static void
update_rejected (RahnumaOfficerDashboard *self, const char *target)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 n = 0;

  if (target != NULL && self->store != NULL &&
      !rahnuma_dashboard_count_rejected (self->store, target, &n, &error))
    g_debug ("Cannot count the records left out: %s", error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->rejected_row), n > 0);
  if (n <= 0)
    return;
  /* Translators: %lld is a number of records; they broke the officers' file's rules */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%lld record broke the rules and was left out. It stays in this "
                                       "kiosk’s journal: ask a technician to look at it.",
                                       "%lld records broke the rules and were left out. They stay in this "
                                       "kiosk’s journal: ask a technician to look at them.",
                                       (gulong) n),
                          (long long) n);
  adw_action_row_set_subtitle (self->rejected_row, text);
}

/**
 * rahnuma_officer_dashboard_update_sync:
 * @self: a #RahnumaOfficerDashboard
 *
 * Shows the officers' file, the last sync, the backlog and the rows a sync
 * refused, as the journal says now.
 */
void
rahnuma_officer_dashboard_update_sync (RahnumaOfficerDashboard *self)
{
  g_autofree char *target = rahnuma_officer_dashboard_dup_officer_file (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *backlog = NULL;
  g_autofree char *last = NULL;
  gint64 n, synced_at = 0;

  /* Translators: the officers’ file setting when no file is chosen */
  adw_action_row_set_subtitle (self->officer_file_row, target != NULL ? target : _("None chosen"));
  /* Translators: the officers’ file setting when no file is chosen */
  adw_action_row_set_subtitle (self->officer_file_choice_row, target != NULL ? target : _("None chosen"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.sync", target != NULL);
  update_rejected (self, target);
  if (target == NULL || self->store == NULL)
    {
      adw_action_row_set_subtitle (self->last_sync_row, "—");
      adw_action_row_set_subtitle (self->backlog_row, _("Choose an officers’ file on the Kiosk tab"));
      return;
    }
  n = rahnuma_store_count_backlog (self->store, target, &error);
  if (rahnuma_dashboard_last_sync (self->store, target, &synced_at, error == NULL ? &error : NULL) && synced_at > 0)
    last = format_time (synced_at);
  backlog = n >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, n) : g_strdup (error->message);
  adw_action_row_set_subtitle (self->backlog_row, backlog);
  /* Translators: when the last sync was, if there was none */
  adw_action_row_set_subtitle (self->last_sync_row, last != NULL ? last : _("Never"));
}

static void
on_synced (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(RahnumaOfficerDashboard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  RahnumaSyncStats stats = { 0 };

  if (!rahnuma_sync_run_finish (result, &stats, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = rahnuma_sync_describe_error (error);
    }
  else if (stats.n_rejected_sessions + stats.n_rejected_modules + stats.n_rejected_answers +
           stats.n_rejected_survey + stats.n_rejected_hall > 0)
    /* Translators: %d is a number of visits copied; the records left out are shown on the dashboard */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Synced %d visit; some records broke the rules and were left out.",
                                            "Synced %d visits; some records broke the rules and were left out.",
                                            (gulong) stats.n_sessions),
                               (int) stats.n_sessions);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Synced %d visit.", "Synced %d visits.",
                                            (gulong) stats.n_sessions),
                               (int) stats.n_sessions);
  rahnuma_officer_dashboard_toast (self, message);
  rahnuma_officer_dashboard_update_sync (self);
}

static void
dashboard_sync (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaOfficerDashboard *self = RAHNUMA_OFFICER_DASHBOARD (widget);
  g_autofree char *target = rahnuma_officer_dashboard_dup_officer_file (self);

  if (target == NULL || self->store == NULL)
    return;
  rahnuma_sync_run_async (rahnuma_store_get_path (self->store), target, self->cancellable, on_synced,
                          g_object_ref (self));
}

/* ---- verify a completion code ------------------------------------------ */

static char *
dup_module_title (const char *module_id, gpointer catalog)
{
  return rahnuma_officer_label ("module", module_id, catalog);
}

/* When, and the outcome as `rahnuma-admin verify` says it: lessons passed
 * of lessons, the path, the lessons to go over (nothing of the survey). */
static char *
describe_session (RahnumaOfficerDashboard *self, const RahnumaSessionInfo *info)
{
  g_autofree char *ended = format_time (info->ended_at);
  g_autofree char *outcome = rahnuma_session_info_describe_outcome (info, dup_module_title, self->catalog);

  if (info->clock_suspect)
    /* Translators: %s is the visit's outcome, e.g. "0 of 7 lessons passed. …" */
    return g_strdup_printf (_("Completed on an unknown day: the kiosk’s clock was wrong. %s"), outcome);
  /* Translators: first %s is a date and time, second the visit's outcome, e.g.
   * "0 of 7 lessons passed. …" */
  return g_strdup_printf (_("Completed %s. %s"), ended, outcome);
}

static void
show_code_result (RahnumaOfficerDashboard *self, const char *title, const char *subtitle)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->code_result_row), title);
  adw_action_row_set_subtitle (self->code_result_row, subtitle);
}

/* The trust file in force: rahnuma-officer's --trust, else the kiosk's
 * setting, else trust.txt beside the journal or officers' file. */
static char *
dup_trust_path (RahnumaOfficerDashboard *self)
{
  g_autofree char *setting = NULL;

  if (self->trust_file != NULL)
    return g_strdup (self->trust_file);
  if (!self->office && self->settings != NULL)
    setting = g_settings_get_string (self->settings, "trust-file");
  if (setting != NULL && *setting != '\0')
    return g_steal_pointer (&setting);
  return rahnuma_trust_default_path (self->office ? NULL : rahnuma_store_get_path (self->store));
}

/* A scanned signed proof (RHN1.…): checked offline, no look-up. */
static void
verify_proof (RahnumaOfficerDashboard *self, const char *text)
{
  g_autofree char *trust_path = dup_trust_path (self);
  g_autofree char *keys_dir = NULL;
  g_autoptr(RahnumaTrust) trust = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* On a kiosk, its own key is trusted too: its proofs check with no file. */
  if (!self->office)
    keys_dir = rahnuma_keys_default_dir (rahnuma_store_get_path (self->store));
  trust = rahnuma_officer_load_trust (trust_path, keys_dir, &error);
  if (trust == NULL)
    {
      show_code_result (self, _("Cannot read the trust file"), error->message);
      return;
    }
  rahnuma_officer_describe_proof (text, trust, trust_path, &title, &subtitle);
  show_code_result (self, title, subtitle);
}

static void
dashboard_verify (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaOfficerDashboard *self = RAHNUMA_OFFICER_DASHBOARD (widget);
  const char *text = rahnuma_code_pad_get_text (self->code_pad);
  g_autofree char *code = NULL;
  g_autoptr(RahnumaSessionInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;

  if (rahnuma_officer_is_proof_text (text))
    {
      verify_proof (self, text);
      return;
    }
  code = rahnuma_code_normalize (text);
  if (code == NULL || !rahnuma_code_is_valid (code))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->code_result_row), _("Not a valid code"));
      adw_action_row_set_subtitle (self->code_result_row, _("Check each letter and number; a typo is always caught."));
      return;
    }
  info = rahnuma_store_lookup_code (self->store, code, &error);
  if (info == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->code_result_row), _("Code not found"));
      adw_action_row_set_subtitle (self->code_result_row, error != NULL ? error->message : "");
      return;
    }
  /* The rule `rahnuma-admin verify` applies too: demo data and a visit of
   * no lessons prove no briefing. */
  if (rahnuma_session_info_get_standing (info) == RAHNUMA_CODE_DEMO)
    /* Translators: checking a completion code made by `rahnuma-admin simulate` */
    details = g_strdup (_("Not a real visit: this code comes from demo data (simulated visits)."));
  else if (rahnuma_session_info_get_standing (info) == RAHNUMA_CODE_NO_LESSONS)
    /* Translators: checking a completion code an old kiosk gave with no lesson on offer */
    details = g_strdup (_("Not a real completion code: no lesson was watched in this visit (the kiosk "
                          "had no lesson on offer)."));
  else
    details = describe_session (self, info);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->code_result_row), code);
  adw_action_row_set_subtitle (self->code_result_row, details);
}

/**
 * rahnuma_officer_dashboard_on_code_pad_check:
 * @pad: the code pad
 * @user_data: the #RahnumaOfficerDashboard
 *
 * The template's callback: a code entered, checked with "dashboard.verify".
 */
void
rahnuma_officer_dashboard_on_code_pad_check (RahnumaCodePad *pad, gpointer user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (user_data), "dashboard.verify", NULL);
}

/* ---- saving reports ------------------------------------------------------ */

/* Saves to @file: a report's (extension "csv", "pdf"), or the chosen drive's
 * folder itself (extension NULL). */
typedef void (*SaveFunc) (RahnumaOfficerDashboard *self, GFile *file);

static char *report_name (RahnumaOfficerDashboard *self, const char *extension);

static void
on_drive_chosen (RahnumaDrivePicker *picker, const char *path, RahnumaOfficerDashboard *self)
{
  SaveFunc save = g_object_get_data (G_OBJECT (picker), "save");
  const char *extension = g_object_get_data (G_OBJECT (picker), "extension");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *name = extension != NULL ? report_name (self, extension) : NULL;
  g_autoptr(GFile) file = name != NULL ? g_file_get_child (folder, name) : g_object_ref (folder);

  save (self, file);
}

/* A touch list of the USB drives plugged in (rahnuma-drive-picker.c), not
 * the desktop file chooser. */
static void
choose_drive (RahnumaOfficerDashboard *self, const char *title, const char *extension, SaveFunc save)
{
  RahnumaDrivePicker *picker = rahnuma_drive_picker_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                         title);

  g_object_set_data (G_OBJECT (picker), "save", save);
  g_object_set_data (G_OBJECT (picker), "extension", (gpointer) extension);
  g_signal_connect_object (picker, "chosen", G_CALLBACK (on_drive_chosen), self, G_CONNECT_DEFAULT);
}

static void
on_file_chosen (GtkNativeDialog *chooser, int response, RahnumaOfficerDashboard *self)
{
  SaveFunc save = g_object_get_data (G_OBJECT (chooser), "save");
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    save (self, file);
  g_object_unref (chooser);
}

/* On the office PC (rahnuma_officer_dashboard_set_office()): the desktop's
 * own file chooser, a keyboard and a mouse. GTK 4.8 has no GtkFileDialog. */
static void
choose_file (RahnumaOfficerDashboard *self, const char *title, const char *extension, SaveFunc save)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = report_name (self, extension);

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "save", save);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chosen), self, G_CONNECT_DEFAULT);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
choose_target (RahnumaOfficerDashboard *self, const char *title, const char *extension, SaveFunc save)
{
  if (self->office)
    choose_file (self, title, extension, save);
  else
    choose_drive (self, title, extension, save);
}

static char *
report_name (RahnumaOfficerDashboard *self, const char *extension)
{
  g_autofree char *from = rahnuma_officer_format_day (self->from, rahnuma_officer_utc_offset ());
  g_autofree char *to = rahnuma_officer_format_day (self->to, rahnuma_officer_utc_offset ());

  return g_strdup_printf ("rahnuma-%s-to-%s.%s", from, to, extension);
}

static void
saved_toast (RahnumaOfficerDashboard *self, GFile *file, const GError *error)
{
  g_autofree char *path = g_file_get_parse_name (file);
  g_autofree char *message = NULL;

  if (error == NULL)
    /* Translators: %s is a file path */
    message = g_strdup_printf (_("Saved %s"), path);
  else
    /* Translators: %s is a file name, then the technical reason. A USB drive
     * pulled out or write-protected is the usual cause. */
    message = g_strdup_printf (_("The report was not saved: the drive was taken out, is full or cannot be "
                                 "written to. Nothing half-written was left on it. Put the drive back, or use "
                                 "another, and save again. (%s: %s)"),
                               path, error->message);
  rahnuma_officer_dashboard_toast (self, message);
}

typedef struct
{
  GFile *file;
  RahnumaOfficerData *data;
  RahnumaCatalog *catalog; /* immutable: a new catalogue replaces it */
  char *source_name;
} PdfJob;

static void
pdf_job_free (PdfJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->data, rahnuma_officer_data_free);
  g_clear_object (&job->catalog);
  g_free (job->source_name);
  g_free (job);
}

/* Drawing and fsyncing a report takes long enough on a slow USB stick to
 * freeze the dashboard: it is done here, on a worker thread. */
static void
pdf_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PdfJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  GError *error = NULL;

  if (rahnuma_report_pdf_write (path, job->data, job->catalog, job->source_name, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* A PDF or spreadsheet written, or not: @source is the file (the task's
 * source object). Nothing is said when the dashboard went away first. */
static void
on_saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(RahnumaOfficerDashboard) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  saved_toast (self, G_FILE (source), error);
}

static void
save_pdf (RahnumaOfficerDashboard *self, GFile *file)
{
  g_autoptr(GTask) task = NULL;
  PdfJob *job;

  if (self->data == NULL)
    return;
  task = g_task_new (file, self->cancellable, on_saved, g_object_ref (self));
  job = g_new0 (PdfJob, 1);
  job->file = g_object_ref (file);
  job->data = rahnuma_officer_data_ref (self->data);
  job->catalog = self->catalog != NULL ? g_object_ref (self->catalog) : NULL;
  job->source_name = g_strdup (rahnuma_store_get_path (self->store));
  g_task_set_source_tag (task, save_pdf);
  g_task_set_task_data (task, job, (GDestroyNotify) pdf_job_free);
  g_task_run_in_thread (task, pdf_thread);
}

typedef struct
{
  RahnumaStore *store;
  GFile *file;
  gint64 from;
  gint64 to;
  int utc_offset; /* the centre's, read on the main thread */
} CsvJob;

static void
csv_job_free (CsvJob *job)
{
  g_clear_object (&job->store);
  g_clear_object (&job->file);
  g_free (job);
}

/* Written under a ".part" name and renamed once whole and on the disk
 * (rahnuma_file_commit_partial()): a drive pulled mid-write never holds half
 * a spreadsheet under the real name. */
static void
csv_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  CsvJob *job = task_data;
  GError *error = NULL;
  g_autoptr(GFile) partial = rahnuma_file_dup_partial (job->file);
  /* Owner-only, as every export (rahnuma-file.c). */
  g_autoptr(GFileOutputStream) stream = rahnuma_file_replace_private (partial, cancellable, &error);

  if (stream == NULL ||
      rahnuma_export_write (job->store, RAHNUMA_EXPORT_CSV, job->from, job->to, job->utc_offset,
                            G_OUTPUT_STREAM (stream),
                            cancellable, &error) < 0 ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &error) ||
      !rahnuma_file_commit_partial (job->file, &error))
    {
      g_file_delete (partial, NULL, NULL);
      g_task_return_error (task, error);
    }
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_csv (RahnumaOfficerDashboard *self, GFile *file)
{
  g_autoptr(GTask) task = g_task_new (file, self->cancellable, on_saved, g_object_ref (self));
  CsvJob *job = g_new0 (CsvJob, 1);

  job->store = g_object_ref (self->store);
  job->file = g_object_ref (file);
  job->from = self->from;
  job->to = self->to + 86400;
  job->utc_offset = rahnuma_officer_utc_offset ();
  g_task_set_source_tag (task, save_csv);
  g_task_set_task_data (task, job, (GDestroyNotify) csv_job_free);
  g_task_run_in_thread (task, csv_thread);
}

static void
dashboard_save_csv (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  /* Translators: title of the list of USB drives */
  choose_target (RAHNUMA_OFFICER_DASHBOARD (widget), _("Save the spreadsheet to…"), "csv", save_csv);
}

static void
dashboard_save_pdf (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  /* Translators: title of the list of USB drives */
  choose_target (RAHNUMA_OFFICER_DASHBOARD (widget), _("Save the printable report to…"), "pdf", save_pdf);
}

/* A card marked DEMO in the officer's language, to the kiosk's printer: a
 * fault shows in the printer group, as a visitor's card's would. */
static void
dashboard_print_test_card (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaOfficerDashboard *self = RAHNUMA_OFFICER_DASHBOARD (widget);

  if (self->card_printer == NULL)
    return;
  rahnuma_card_printer_print_test_card (self->card_printer, rahnuma_officer_ui_language (),
                                        GTK_WINDOW (gtk_widget_get_root (widget)));
  /* Translators: a toast on the officers' dashboard */
  rahnuma_officer_dashboard_toast (self, _("A test card is on its way to the printer."));
}

/* ---- kiosk control ------------------------------------------------------- */

/* The officers' file on a drive: always this name at its top, so that every
 * kiosk of a centre syncs into the same file on the same stick. */
#define OFFICER_FILE_NAME "rahnuma-officers.db"

static void
use_officer_drive (RahnumaOfficerDashboard *self, GFile *folder)
{
  g_autoptr(GFile) file = g_file_get_child (folder, OFFICER_FILE_NAME);
  g_autofree char *path = g_file_get_path (file);

  g_autofree char *message = NULL;

  if (self->settings == NULL || path == NULL)
    return;
  g_settings_set_string (self->settings, "officer-file", path);
  /* Translators: %s is a file on a USB drive; the kiosk follows the change at once */
  message = g_strdup_printf (_("From now on the kiosk copies its records to %s."), path);
  rahnuma_officer_dashboard_toast (self, message);
  rahnuma_officer_dashboard_update_sync (self);
}

static void
dashboard_choose_officer_file (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  /* Translators: title of the list of USB drives; the officers' file is kept on the chosen one */
  choose_drive (RAHNUMA_OFFICER_DASHBOARD (widget), _("Keep the officers’ file on…"), NULL, use_officer_drive);
}

static void
dashboard_leave_kiosk (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GApplication *application = g_application_get_default ();

  /* The kiosk application owns kiosk mode; it offers "app.leave-kiosk". */
  if (application != NULL && g_action_group_has_action (G_ACTION_GROUP (application), "leave-kiosk"))
    g_action_group_activate_action (G_ACTION_GROUP (application), "leave-kiosk", NULL);
  else
    rahnuma_officer_dashboard_toast (RAHNUMA_OFFICER_DASHBOARD (widget),
                                     _("This kiosk cannot leave kiosk mode from here."));
}

/**
 * rahnuma_officer_dashboard_init_actions:
 * @widget_class: the dashboard's class
 *
 * Installs the "dashboard.*" actions of this file (export, print, sync,
 * verify, settings); called from class_init.
 */
void
rahnuma_officer_dashboard_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "dashboard.sync", NULL, dashboard_sync);
  gtk_widget_class_install_action (widget_class, "dashboard.print-test-card", NULL, dashboard_print_test_card);
  gtk_widget_class_install_action (widget_class, "dashboard.verify", NULL, dashboard_verify);
  gtk_widget_class_install_action (widget_class, "dashboard.save-csv", NULL, dashboard_save_csv);
  gtk_widget_class_install_action (widget_class, "dashboard.save-pdf", NULL, dashboard_save_pdf);
  gtk_widget_class_install_action (widget_class, "dashboard.choose-officer-file", NULL,
                                   dashboard_choose_officer_file);
  gtk_widget_class_install_action (widget_class, "dashboard.leave-kiosk", NULL, dashboard_leave_kiosk);
}
