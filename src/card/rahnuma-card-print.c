/* rahnuma-card-print.c — printing the card with no dialog
 *
 * A GtkPrintOperation with GTK_PRINT_OPERATION_ACTION_PRINT: no dialog, the
 * printer named in the settings (or the default one), through GTK's print
 * backends (CUPS on a kiosk; the file backend in the tests). The roll's
 * paper is as long as the card (a custom paper size, 80 mm wide with 4 mm
 * margins); A6 is two pages.
 *
 * To a file: with an output-uri in the settings, the operation exports the
 * PDF itself (GTK_PRINT_OPERATION_ACTION_EXPORT) through the same page
 * setup and draw-page handler. GTK's no-dialog print skips virtual
 * printers when it looks for the named one (printer_added_cb() in
 * gtkprintoperation-unix.c), so the file backend's "Print to File" can only
 * be reached that way; the tests print so.
 *
 * The job is followed to its end (track-print-status): the operation's
 * "done" with an error (no such printer, refused job), or a job status that
 * says the printer stopped (out of paper, cover open) or the job was
 * aborted, each ends the task with an error the caller shows. A printer
 * not found within FIND_PATIENCE_S (GTK's lookup never ends when no CUPS
 * server runs) or a job not finished within PRINT_PATIENCE_S ends it too,
 * so a visitor is never left waiting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-card"

#include "config.h"

#include "rahnuma-card-print.h"

/* How long a visitor may wait: for GTK to find the printer (CUPS answers a
 * local lookup in well under a second; with no CUPS server running, GTK's
 * lookup never ends), and for the whole job. */
#define FIND_PATIENCE_S 15
#define PRINT_PATIENCE_S 90

G_DEFINE_QUARK (rahnuma-card-print-error-quark, rahnuma_card_print_error)

typedef struct
{
  RahnumaCard *card;  /* owned copy */
  RahnumaCardLayout layout;
  GtkPrintOperation *operation;
  guint timeout_id;
  guint find_timeout_id;
  GtkPrintOperationAction action;
  gboolean done;      /* "done" was emitted without an error */
  gboolean ended;     /* the task has returned */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_handle_id (&job->timeout_id, g_source_remove);
  g_clear_handle_id (&job->find_timeout_id, g_source_remove);
  g_clear_object (&job->operation);
  g_clear_pointer (&job->card, rahnuma_card_free);
  g_free (job);
}

/* Ends @task once; later signals of the operation find it already ended. */
static void
finish (GTask *task, GError *error)
{
  PrintJob *job = g_task_get_task_data (task);

  if (job->ended)
    {
      g_clear_error (&error);
      return;
    }
  job->ended = TRUE;
  g_clear_handle_id (&job->timeout_id, g_source_remove);
  g_clear_handle_id (&job->find_timeout_id, g_source_remove);
  /* The operation may be emitting one of these signals now: it is only
   * disconnected here, and dropped with the task, after the callback. */
  g_signal_handlers_disconnect_by_data (job->operation, task);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static GtkPageSetup *
create_page_setup (const RahnumaCard *card, RahnumaCardLayout layout)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  double width, height, margin;

  rahnuma_card_get_paper (card, layout, &width, &height, &margin);
  if (layout == RAHNUMA_CARD_LAYOUT_A6)
    paper = gtk_paper_size_new ("iso_a6") /* PWG name; GTK 4.8 has no macro for A6 */;
  else
    paper = gtk_paper_size_new_custom ("rahnuma-roll-80mm", "80 mm roll", width, height, GTK_UNIT_POINTS);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_top_margin (setup, margin, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, margin, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, margin, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, margin, GTK_UNIT_POINTS);
  return setup;
}

static void
on_operation_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page, GTask *task)
{
  PrintJob *job = g_task_get_task_data (task);

  rahnuma_card_draw (job->card, job->layout, (guint) page, gtk_print_context_get_cairo_context (context),
                     gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static void
on_operation_done (GtkPrintOperation *operation, GtkPrintOperationResult result, GTask *task)
{
  PrintJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  g_debug ("Print operation done: result %d, status %s", result, gtk_print_operation_get_status_string (operation));
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      finish (task, g_error_new (RAHNUMA_CARD_PRINT_ERROR, RAHNUMA_CARD_PRINT_ERROR_FAILED,
                                 "The printer refused the card: %s",
                                 error != NULL ? error->message : "no reason given"));
      g_clear_error (&error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_CANCEL)
    finish (task, g_error_new (RAHNUMA_CARD_PRINT_ERROR, RAHNUMA_CARD_PRINT_ERROR_NO_PRINTER,
                               "The card was not printed: no printer took it"));
  else
    {
      /* An export is over when "done" comes (its status is never set to
       * finished); a print job when its status says so. */
      job->done = TRUE;
      if (job->action == GTK_PRINT_OPERATION_ACTION_EXPORT || gtk_print_operation_is_finished (operation))
        finish (task, NULL);
    }
}

static void
on_operation_status_changed (GtkPrintOperation *operation, GTask *task)
{
  PrintJob *job = g_task_get_task_data (task);
  GtkPrintStatus status = gtk_print_operation_get_status (operation);

  g_debug ("Print job: %s", gtk_print_operation_get_status_string (operation));
  /* Pages are drawn once the printer is found. */
  if (status >= GTK_PRINT_STATUS_GENERATING_DATA)
    g_clear_handle_id (&job->find_timeout_id, g_source_remove);
  /* PENDING_ISSUE is how GTK reports a CUPS printer that stopped: out of
   * paper, cover open, offline. */
  if (status == GTK_PRINT_STATUS_PENDING_ISSUE)
    finish (task, g_error_new (RAHNUMA_CARD_PRINT_ERROR, RAHNUMA_CARD_PRINT_ERROR_STOPPED,
                               "The printer has stopped (%s)", gtk_print_operation_get_status_string (operation)));
  else if (status == GTK_PRINT_STATUS_FINISHED_ABORTED)
    finish (task, g_error_new (RAHNUMA_CARD_PRINT_ERROR, RAHNUMA_CARD_PRINT_ERROR_FAILED,
                               "The print job was aborted"));
  else if (status == GTK_PRINT_STATUS_FINISHED && job->done)
    finish (task, NULL);
}

static gboolean
on_patience_over (gpointer data)
{
  GTask *task = data;
  PrintJob *job = g_task_get_task_data (task);

  job->timeout_id = 0;
  finish (task, g_error_new (RAHNUMA_CARD_PRINT_ERROR, RAHNUMA_CARD_PRINT_ERROR_NO_PRINTER,
                             "The printer did not finish the card within %d s", PRINT_PATIENCE_S));
  return G_SOURCE_REMOVE;
}

static gboolean
on_find_patience_over (gpointer data)
{
  GTask *task = data;
  PrintJob *job = g_task_get_task_data (task);

  job->find_timeout_id = 0;
  finish (task, g_error_new (RAHNUMA_CARD_PRINT_ERROR, RAHNUMA_CARD_PRINT_ERROR_NO_PRINTER,
                             "No printer was found within %d s (is CUPS running?)", FIND_PATIENCE_S));
  return G_SOURCE_REMOVE;
}

static GtkPrintOperation *
create_operation (PrintJob *job, GtkPrintSettings *settings)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = create_page_setup (job->card, job->layout);

  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, (int) rahnuma_card_get_n_pages (job->layout));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_track_print_status (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, FALSE);
  /* The queue shows this name: never the code. */
  gtk_print_operation_set_job_name (operation, "Rahnuma card");
  return operation;
}

/* PRINT to the printer; EXPORT when the settings name a file to write. */
static GtkPrintOperationAction
choose_action (GtkPrintOperation *operation, GtkPrintSettings *settings)
{
  const char *uri = settings != NULL ? gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI) : NULL;
  g_autofree char *path = uri != NULL ? g_filename_from_uri (uri, NULL, NULL) : NULL;

  if (path == NULL)
    return GTK_PRINT_OPERATION_ACTION_PRINT;
  gtk_print_operation_set_export_filename (operation, path);
  return GTK_PRINT_OPERATION_ACTION_EXPORT;
}

/**
 * rahnuma_card_print_async:
 * @card: the card (copied: it may go once this returns)
 * @layout: the paper in the printer
 * @settings: (nullable): the printer (gtk_print_settings_set_printer(); none
 *   for the default printer) and any other setting; with an output-uri
 *   (file://…) the card is written there as a PDF instead
 * @parent: (nullable): the window the job belongs to
 * @cancellable: (nullable): not used to stop a job already sent
 * @callback: called on the main context when the job has printed or failed
 * @user_data: for @callback
 *
 * Prints the card with no dialog and follows the job to its end.
 */
void
rahnuma_card_print_async (const RahnumaCard *card, RahnumaCardLayout layout, GtkPrintSettings *settings,
                          GtkWindow *parent, GCancellable *cancellable, GAsyncReadyCallback callback,
                          gpointer user_data)
{
  GTask *task;
  PrintJob *job;
  GError *error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (card != NULL);
  g_return_if_fail (settings == NULL || GTK_IS_PRINT_SETTINGS (settings));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rahnuma_card_print_async);
  if (!rahnuma_card_check (card, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  job = g_new0 (PrintJob, 1);
  job->card = rahnuma_card_copy (card);
  job->layout = layout;
  job->operation = create_operation (job, settings);
  g_task_set_task_data (task, job, (GDestroyNotify) print_job_free);
  g_signal_connect (job->operation, "draw-page", G_CALLBACK (on_operation_draw_page), task);
  g_signal_connect (job->operation, "done", G_CALLBACK (on_operation_done), task);
  g_signal_connect (job->operation, "status-changed", G_CALLBACK (on_operation_status_changed), task);
  job->timeout_id = g_timeout_add_seconds (PRINT_PATIENCE_S, on_patience_over, task);
  job->find_timeout_id = g_timeout_add_seconds (FIND_PATIENCE_S, on_find_patience_over, task);
  job->action = choose_action (job->operation, settings);
  result = gtk_print_operation_run (job->operation, job->action, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    finish (task, g_error_new (RAHNUMA_CARD_PRINT_ERROR, RAHNUMA_CARD_PRINT_ERROR_FAILED,
                               "The card could not be printed: %s", error != NULL ? error->message : "?"));
  g_clear_error (&error);
}

/**
 * rahnuma_card_print_finish:
 * @error: a %RAHNUMA_CARD_PRINT_ERROR: no printer, printer stopped, job failed
 *
 * Returns: %TRUE if the printer took and finished the job
 */
gboolean
rahnuma_card_print_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rahnuma_card_print_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
