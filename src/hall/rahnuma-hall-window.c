/* rahnuma-hall-window.c — hall mode: one screen for a group briefing
 *
 * `rahnuma --hall` on the PC that drives a briefing hall's projector or TV.
 * Three screens in one stack: the officer's choices (RahnumaHallSetup), the
 * briefing (RahnumaHallShow) and the head count (RahnumaHallCount). Saving
 * the count records the hall session (rahnuma-hall-session.h, on a worker
 * thread) and emits "recorded", on which the application asks for a sync;
 * then the choices come back for the next group. Nothing about any person
 * in the hall is asked or kept, only how many there were.
 *
 * Without a journal (missing, read-only, or not opened for another reason:
 * the application passes no store and the error), the briefing is given all
 * the same: the choices and the head count say up front that the count
 * cannot be recorded and why, in words for the officer (never SQLite's
 * alone), and Save goes back to the choices saying it was not saved.
 *
 * Driving it: the bar's buttons (touch); from a keyboard or a presenter
 * remote, Page Down / Right / Down for Next and Page Up / Left / Up for
 * Previous (presenter remotes send Page Down and Page Up), Space to pause,
 * B or period to blank the whole screen (as presentation programs do; any
 * key or a tap brings it back). On the head count, Page Up, Left or Escape
 * go back to the briefing. "End hall mode", Escape on the choices and
 * Ctrl+Q anywhere close hall mode (asking first during a briefing whose
 * head count is not saved).
 *
 * The size rule (docs and README, "Hall mode"): every text shown to the room
 * has a font size of at least 1/20 of the screen's height; captions and
 * questions 1/15, so that a caption line (1.25 × the font size) is about 8%
 * of the height, as the BBC Subtitle Guidelines set a subtitle line. Why
 * these: halls are laid out by the 8H rule (the farthest seat at most eight
 * screen heights away); from there a font H/20 high subtends
 * 1/(20 × 8) rad ≈ 21 arcminutes (its capitals, about 0.7 of it, ≈ 15'),
 * near the 16' that ANSI/HFES 100 sets as the smallest character height
 * for reading, and a font H/15 ≈ 29' (capitals ≈ 20', its preferred
 * 20–22'). The sizes are computed from the window's height
 * whenever it changes (rahnuma_hall_text_px()): at 1920 × 1080 captions are
 * 72 px and answers 54 px; at 1280 × 720, 48 and 36.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-hall"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rahnuma-hall-count.h"
#include "rahnuma-hall-session.h"
#include "rahnuma-hall-setup.h"
#include "rahnuma-hall-show.h"
#include "rahnuma-hall-window.h"

struct _RahnumaHallWindow
{
  AdwApplicationWindow parent_instance;

  RahnumaCatalog *catalog;
  RahnumaStore *store;   /* nullable: briefing without recording */
  char *journal_path;
  GError *journal_error; /* why there is no store */
  char *centre;
  char *kiosk;
  GtkCssProvider *sizes; /* the size rule's CSS for the current height */
  int sized_height;
  guint resize_id;
  GCancellable *cancellable;
  gboolean saving;
  gint64 newest_good;    /* for the clock rule (rahnuma_hall_session_check()) */
  char *journal_problem; /* nullable: the journal's problem in the officer's words */

  GtkStack *stack;
  RahnumaHallSetup *setup;
  RahnumaHallShow *show; /* nullable: between briefings */
  RahnumaHallCount *count;
  char *narration;
  char *subtitles;
};

enum { RECORDED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RahnumaHallWindow, rahnuma_hall_window, ADW_TYPE_APPLICATION_WINDOW)

/* ---- the size rule ---------------------------------------------------- */

static gboolean
apply_sizes (gpointer user_data)
{
  RahnumaHallWindow *self = user_data;
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autofree char *css = NULL;

  self->resize_id = 0;
  if (height <= 0 || height == self->sized_height)
    return G_SOURCE_REMOVE;
  self->sized_height = height;
  css = g_strdup_printf (".hall-caption { font-size: %dpx; }\n"
                         ".hall-question { font-size: %dpx; }\n"
                         ".hall-answer, .hall-explanation { font-size: %dpx; }\n"
                         ".hall-title { font-size: %dpx; }\n",
                         rahnuma_hall_text_px (RAHNUMA_HALL_TEXT_CAPTION, height),
                         rahnuma_hall_text_px (RAHNUMA_HALL_TEXT_QUESTION, height),
                         rahnuma_hall_text_px (RAHNUMA_HALL_TEXT_ANSWER, height),
                         rahnuma_hall_text_px (RAHNUMA_HALL_TEXT_TITLE, height));
  gtk_css_provider_load_from_data (self->sizes, css, -1);
  g_debug ("Hall text sizes for a %d px high screen: caption %d px, answer %d px", height,
           rahnuma_hall_text_px (RAHNUMA_HALL_TEXT_CAPTION, height),
           rahnuma_hall_text_px (RAHNUMA_HALL_TEXT_ANSWER, height));
  return G_SOURCE_REMOVE;
}

/* Not in the allocation itself: new CSS there would resize during the resize. */
static void
rahnuma_hall_window_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RahnumaHallWindow *self = RAHNUMA_HALL_WINDOW (widget);

  GTK_WIDGET_CLASS (rahnuma_hall_window_parent_class)->size_allocate (widget, width, height, baseline);
  if (height != self->sized_height && self->resize_id == 0)
    self->resize_id = g_idle_add (apply_sizes, self);
}

/* ---- problems found before the briefing -------------------------------- */

/* The store's rule (rahnuma_store_clock_is_wrong()): a year before this
 * release or years after the newest good record. A hall session has no
 * clock_suspect flag, and its day is all it holds: with a wrong clock it
 * would count on a day nobody reports on (and be pruned at once if in the
 * past), so Save is refused until the clock is set, the count staying on
 * the pad. */
static char *
dup_clock_problem (RahnumaHallWindow *self, gint64 now)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *shown = NULL;

  if (!rahnuma_store_clock_is_wrong (now, self->newest_good))
    return NULL;
  time = g_date_time_new_from_unix_local (now);
  shown = time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("?");
  /* Translators: hall mode, on the start-up screen and after Save; %s is the date and time
     the PC's clock shows, "2035-03-01 10:00" */
  return g_strdup_printf (_("This PC’s clock says %s. Set the date and time before the briefing: "
                            "the head count cannot be saved while the clock is wrong."), shown);
}

/* What the officer reads about a journal that cannot take the head count:
 * what happened and what to do; SQLite's words go to the log only. */
/* A journal file that may be written in a folder that may not: SQLite
 * cannot make its -journal or -wal file there, and opens it read-only. */
static gboolean
folder_read_only (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (folder, W_OK) != 0;
}

static char *
dup_journal_problem (RahnumaHallWindow *self, const GError *error)
{
  const char *path = self->journal_path;
  g_autofree char *folder = g_path_get_dirname (path);

  g_warning ("The journal %s cannot be written: %s", path, error->message);
  if (g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_MISSING) ||
      g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_NOT_FOUND))
    /* Translators: hall mode's start-up screen and head count; %s is the journal's file name */
    return g_strdup_printf (_("The journal %s is missing (its drive may not be plugged in): the head count "
                              "of this briefing cannot be saved. You can still give the briefing; tell a "
                              "technician, and start hall mode again once the journal is back."), path);
  if (g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_READ_ONLY) && folder_read_only (path))
    /* Translators: hall mode's start-up screen and head count; %s is the journal's folder */
    return g_strdup_printf (_("The journal’s folder %s cannot be written (the journal needs files beside it "
                              "there): the head count of this briefing cannot be saved. You can still give "
                              "the briefing; tell a technician to make the folder writable."), folder);
  if (g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_READ_ONLY))
    /* Translators: hall mode's start-up screen; %s is the journal's file name */
    return g_strdup_printf (_("The journal %s is read-only: the head count of this briefing cannot be "
                              "saved. You can still give the briefing; tell a technician to make the "
                              "file writable."), path);
  if (self->store == NULL)
    /* Translators: hall mode's start-up screen and head count; %s is the journal's file name */
    return g_strdup_printf (_("The journal %s cannot be opened: the head count of this briefing cannot be "
                              "saved. You can still give the briefing; tell a technician (the reason is "
                              "in the log)."), path);
  /* Translators: hall mode's start-up screen; %s is the journal's file name */
  return g_strdup_printf (_("The journal %s cannot be written now: the head count of this briefing may "
                            "not be saved. You can still give the briefing; tell a technician (the "
                            "reason is in the log)."), path);
}

/* At the start and after each briefing: what the officer must know before
 * the next one, on the choices screen. */
static void
check_problems (RahnumaHallWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *text = NULL;
  const char *journal;

  g_clear_pointer (&self->journal_problem, g_free);
  if (self->store == NULL)
    self->journal_problem = dup_journal_problem (self, self->journal_error);
  else if (!rahnuma_hall_session_check (self->store, &self->newest_good, &error))
    self->journal_problem = dup_journal_problem (self, error);
  journal = self->journal_problem;
  /* With no journal nothing is saved: the clock does not matter. */
  if (self->store != NULL)
    clock = dup_clock_problem (self, g_get_real_time () / G_USEC_PER_SEC);
  if (clock != NULL)
    g_message ("The PC's clock is wrong: hall sessions are not saved until it is set");
  if (journal != NULL || clock != NULL)
    text = g_strjoin ("\n\n", journal != NULL ? journal : clock, journal != NULL ? clock : NULL, NULL);
  rahnuma_hall_setup_set_problem (self->setup, text);
}

/* ---- screens ---------------------------------------------------------- */

static void
show_screen (RahnumaHallWindow *self, GtkWidget *screen)
{
  gtk_stack_set_visible_child (self->stack, screen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hall.count", self->show != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hall.resume", self->show != NULL);
}

static void
end_briefing (RahnumaHallWindow *self)
{
  if (self->show != NULL)
    {
      gtk_stack_remove (self->stack, GTK_WIDGET (self->show));
      self->show = NULL;
    }
  rahnuma_hall_count_clear (self->count);
  check_problems (self);
  show_screen (self, GTK_WIDGET (self->setup));
}

/* What keeps the count from being saved, said above the pad before Save. */
static void
update_count_problem (RahnumaHallWindow *self)
{
  g_autofree char *clock = NULL;

  if (self->store == NULL)
    {
      rahnuma_hall_count_set_problem (self->count, self->journal_problem);
      return;
    }
  clock = dup_clock_problem (self, g_get_real_time () / G_USEC_PER_SEC);
  rahnuma_hall_count_set_problem (self->count, clock);
}

static void
open_count (RahnumaHallWindow *self)
{
  if (self->show == NULL)
    return;
  rahnuma_hall_show_stop (self->show);
  update_count_problem (self);
  show_screen (self, GTK_WIDGET (self->count));
}

static void
on_show_finished (RahnumaHallShow *show, RahnumaHallWindow *self)
{
  open_count (self);
}

static void
on_setup_start (RahnumaHallSetup *setup, RahnumaHallWindow *self)
{
  g_autoptr(GPtrArray) modules = rahnuma_hall_setup_dup_modules (setup);

  if (modules->len == 0 || self->show != NULL)
    return;
  g_free (self->narration);
  g_free (self->subtitles);
  self->narration = g_strdup (rahnuma_hall_setup_get_narration (setup));
  self->subtitles = g_strdup (rahnuma_hall_setup_get_subtitles (setup));
  g_message ("Hall briefing started: %u lesson(s), narration %s, subtitles %s", modules->len,
             self->narration, self->subtitles);
  self->show = RAHNUMA_HALL_SHOW (rahnuma_hall_show_new (modules, self->narration, self->subtitles));
  g_signal_connect (self->show, "finished", G_CALLBACK (on_show_finished), self);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->show), "show");
  show_screen (self, GTK_WIDGET (self->show));
}

static void
on_recorded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(RahnumaHallWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint count;

  self->saving = FALSE;
  if (!rahnuma_hall_session_record_finish (RAHNUMA_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The message says what could not be done, and SQLite's reason. */
      g_warning ("%s", error->message);
      /* Translators: hall mode, after Save failed; the count stays on screen to try again */
      rahnuma_hall_count_set_note (self->count, _("The head count could not be saved. Try Save again; "
                                                  "if it fails again, tell a technician."));
      return;
    }
  count = rahnuma_hall_count_get_value (self->count);
  /* Translators: hall mode, after Save; %u is the head count the officer typed */
  text = g_strdup_printf (ngettext ("Saved: %u person in the hall.", "Saved: %u people in the hall.", count),
                          count);
  g_signal_emit (self, signals[RECORDED], 0);
  end_briefing (self);
  /* Large, above Start, hiding nothing (a toast was small, over Start at 720). */
  rahnuma_hall_setup_set_status (self->setup, text, TRUE);
}

/* No journal: Save ends the briefing, the choices saying it was not saved
 * (the reason stays above them), and the next group can be briefed. */
static void
not_recorded (RahnumaHallWindow *self)
{
  guint count = rahnuma_hall_count_get_value (self->count);
  g_autofree char *text = NULL;

  g_message ("Hall briefing of %u people not recorded: no journal", count);
  /* Translators: hall mode, on the choices screen after Save when the journal cannot be written
     (the reason is said above); %u is the head count the officer typed */
  text = g_strdup_printf (ngettext ("Not saved: %u person in the hall. The journal cannot be used (see above).",
                                    "Not saved: %u people in the hall. The journal cannot be used (see above).", count),
                          count);
  end_briefing (self);
  rahnuma_hall_setup_set_status (self->setup, text, FALSE);
}

static void
on_count_save (RahnumaHallCount *count, RahnumaHallWindow *self)
{
  g_auto(GStrv) ids = NULL;
  RahnumaHallSession session = { 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *clock = NULL;

  if (self->show == NULL || self->saving)
    return;
  if (self->store == NULL)
    {
      not_recorded (self);
      return;
    }
  clock = dup_clock_problem (self, now);
  if (clock != NULL)
    {
      g_message ("Not saving the hall session: the PC's clock is wrong");
      rahnuma_hall_count_set_problem (self->count, clock);
      /* Translators: hall mode, under the head count after Save, when the PC's clock is wrong
         (said above the number pad); the count stays on the pad */
      rahnuma_hall_count_set_note (self->count, _("Not saved. Set the date and time, then tap Save again."));
      return;
    }
  ids = rahnuma_hall_show_dup_shown_ids (self->show);
  session.centre = self->centre;
  session.kiosk = self->kiosk;
  session.modules = (const char * const *) ids;
  session.narration = self->narration;
  session.subtitles = self->subtitles;
  session.head_count = rahnuma_hall_count_get_value (count);
  self->saving = TRUE;
  rahnuma_hall_setup_set_status (self->setup, NULL, TRUE);
  rahnuma_hall_session_record_async (self->store, &session, now,
                                     self->cancellable, on_recorded, g_object_ref (self));
}

static void
hall_count (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_count (RAHNUMA_HALL_WINDOW (widget));
}

static void
hall_resume (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaHallWindow *self = RAHNUMA_HALL_WINDOW (widget);

  if (self->show != NULL)
    show_screen (self, GTK_WIDGET (self->show));
}

/* ---- leaving hall mode ------------------------------------------------- */

static void
on_end_response (AdwMessageDialog *dialog, const char *response, RahnumaHallWindow *self)
{
  if (g_str_equal (response, "end"))
    gtk_window_close (GTK_WINDOW (self));
}

/* "End hall mode", Escape on the choices, Ctrl+Q anywhere. A briefing
 * whose head count is not saved asks first: it would not be recorded. */
static void
request_end (RahnumaHallWindow *self)
{
  AdwMessageDialog *dialog;

  if (self->show == NULL)
    {
      g_message ("Hall mode ended by the officer");
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  /* Translators: hall mode, asked when the officer ends hall mode during a briefing */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("End hall mode?"),
    /* Translators: hall mode, the question's explanation */
    _("The head count of this briefing has not been saved: it will not be recorded.")));
  /* Translators: hall mode, the answer that keeps the briefing */
  adw_message_dialog_add_response (dialog, "cancel", _("Go back"));
  /* Translators: hall mode, the answer that ends hall mode without saving */
  adw_message_dialog_add_response (dialog, "end", _("End without saving"));
  adw_message_dialog_set_response_appearance (dialog, "end", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_end_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
hall_end (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  request_end (RAHNUMA_HALL_WINDOW (widget));
}

/* ---- keys: keyboard and presenter remote ------------------------------ */

static gboolean
show_key (RahnumaHallShow *show, guint keyval)
{
  /* Blanked: any key brings the screen back (B as well, by toggling). */
  if (rahnuma_hall_show_is_blank (show) && keyval != GDK_KEY_b && keyval != GDK_KEY_B && keyval != GDK_KEY_period)
    {
      rahnuma_hall_show_toggle_blank (show);
      return TRUE;
    }
  switch (keyval)
    {
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down: case GDK_KEY_Right: case GDK_KEY_Down:
      rahnuma_hall_show_next (show);
      return TRUE;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up: case GDK_KEY_Left: case GDK_KEY_Up:
      rahnuma_hall_show_previous (show);
      return TRUE;
    case GDK_KEY_space:
      rahnuma_hall_show_play_pause (show);
      return TRUE;
    case GDK_KEY_b: case GDK_KEY_B: case GDK_KEY_period:
      rahnuma_hall_show_toggle_blank (show);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
                RahnumaHallWindow *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);

  if ((state & GDK_CONTROL_MASK) != 0 && (keyval == GDK_KEY_q || keyval == GDK_KEY_Q))
    {
      request_end (self);
      return GDK_EVENT_STOP;
    }
  if ((state & gtk_accelerator_get_default_mod_mask () & ~GDK_SHIFT_MASK) != 0)
    return GDK_EVENT_PROPAGATE;
  if (visible == GTK_WIDGET (self->setup) && keyval == GDK_KEY_Escape)
    {
      request_end (self);
      return GDK_EVENT_STOP;
    }
  if (self->show != NULL && visible == GTK_WIDGET (self->show))
    return show_key (self->show, keyval);
  if (visible == GTK_WIDGET (self->count))
    {
      /* Escape, or Previous on a presenter remote: back to the briefing. */
      if (keyval == GDK_KEY_Escape || keyval == GDK_KEY_Page_Up || keyval == GDK_KEY_KP_Page_Up ||
          keyval == GDK_KEY_Left)
        {
          hall_resume (GTK_WIDGET (self), NULL, NULL);
          return GDK_EVENT_STOP;
        }
      return rahnuma_hall_count_handle_key (self->count, keyval);
    }
  return GDK_EVENT_PROPAGATE;
}

/* ---- object ----------------------------------------------------------- */

static void
rahnuma_hall_window_dispose (GObject *object)
{
  RahnumaHallWindow *self = RAHNUMA_HALL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->resize_id, g_source_remove);
  if (self->sizes != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->sizes));
  g_clear_object (&self->sizes);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAHNUMA_TYPE_HALL_WINDOW);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->journal_error);
  G_OBJECT_CLASS (rahnuma_hall_window_parent_class)->dispose (object);
}

static void
rahnuma_hall_window_finalize (GObject *object)
{
  RahnumaHallWindow *self = RAHNUMA_HALL_WINDOW (object);

  g_free (self->journal_path);
  g_free (self->journal_problem);
  g_free (self->centre);
  g_free (self->kiosk);
  g_free (self->narration);
  g_free (self->subtitles);
  G_OBJECT_CLASS (rahnuma_hall_window_parent_class)->finalize (object);
}

static void
rahnuma_hall_window_class_init (RahnumaHallWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rahnuma_hall_window_dispose;
  object_class->finalize = rahnuma_hall_window_finalize;
  widget_class->size_allocate = rahnuma_hall_window_size_allocate;

  /**
   * RahnumaHallWindow::recorded:
   *
   * A hall session was committed to the journal: time to sync.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rahnuma/Kiosk/rahnuma-hall-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallWindow, stack);
  gtk_widget_class_install_action (widget_class, "hall.count", NULL, hall_count);
  gtk_widget_class_install_action (widget_class, "hall.resume", NULL, hall_resume);
  gtk_widget_class_install_action (widget_class, "hall.end", NULL, hall_end);
}

static void
rahnuma_hall_window_init (RahnumaHallWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->sizes = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->sizes),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  /* Before the focused button: Space pauses, it does not press the button. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  self->count = RAHNUMA_HALL_COUNT (rahnuma_hall_count_new ());
  g_signal_connect (self->count, "save", G_CALLBACK (on_count_save), self);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->count), "count");
}

/**
 * rahnuma_hall_window_new:
 * @application: the running application
 * @catalog: the installed lessons
 * @store: (nullable): the PC's journal, where hall sessions are recorded;
 *   %NULL to brief without recording, when it could not be opened
 * @journal_path: the journal's file name, said to the officer
 * @journal_error: (nullable): with no @store, why it could not be opened
 *   (a #RAHNUMA_STORE_ERROR: %RAHNUMA_STORE_ERROR_READ_ONLY,
 *   %RAHNUMA_STORE_ERROR_MISSING, …); copied. Put into the officer's words
 *   on the choices and the head count; its own message goes to the log.
 * @centre: the centre code written with each hall session (as on visits)
 * @kiosk: this PC's id, likewise
 *
 * Returns: (transfer floating): the hall window, on its start-up choices
 */
RahnumaHallWindow *
rahnuma_hall_window_new (GtkApplication *application, RahnumaCatalog *catalog, RahnumaStore *store,
                         const char *journal_path, const GError *journal_error,
                         const char *centre, const char *kiosk)
{
  RahnumaHallWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RAHNUMA_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (store == NULL || RAHNUMA_IS_STORE (store), NULL);
  g_return_val_if_fail (store != NULL || journal_error != NULL, NULL);
  g_return_val_if_fail (journal_path != NULL, NULL);
  g_return_val_if_fail (centre != NULL && kiosk != NULL, NULL);

  self = g_object_new (RAHNUMA_TYPE_HALL_WINDOW, "application", application, NULL);
  self->catalog = g_object_ref (catalog);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->journal_path = g_strdup (journal_path);
  self->journal_error = store == NULL ? g_error_copy (journal_error) : NULL;
  self->centre = g_strdup (centre);
  self->kiosk = g_strdup (kiosk);
  self->setup = RAHNUMA_HALL_SETUP (rahnuma_hall_setup_new (catalog));
  g_signal_connect (self->setup, "start", G_CALLBACK (on_setup_start), self);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->setup), "setup");
  check_problems (self);
  show_screen (self, GTK_WIDGET (self->setup));
  return self;
}
