/* rahnuma-application.c — the kiosk application
 *
 * Opens the module catalog and the journal once, then keeps one window for
 * visitor after visitor. Kiosk mode (fullscreen) is the default; --windowed
 * is for development, screenshots and trainers; --preview plays one module
 * package without writing any record.
 *
 * A journal this kiosk had that is missing at start (its drive not
 * mounted) is a fault, not a fresh start (rahnuma-journal-guard.c): the
 * kiosk shows an out-of-service page with the reason, logs it, and tries
 * again every JOURNAL_RETRY_S seconds until the journal is back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-application"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "rahnuma-application.h"
#include "rahnuma-auto-sync.h"
#include "rahnuma-card-print.h"
#include "rahnuma-hall-window.h"
#include "rahnuma-i18n.h"
#include "rahnuma-kiosk-context.h"
#include "rahnuma-journal-guard.h"
#include "rahnuma-journal-missing-page.h"
#include "rahnuma-language-page.h"
#include "rahnuma-language.h"
#include "rahnuma-proof.h"
#include "rahnuma-retention.h"
#include "rahnuma-settings.h"
#include "rahnuma-window.h"

struct _RahnumaApplication
{
  AdwApplication parent_instance;

  RahnumaCatalog *catalog;
  RahnumaStore *store;
  RahnumaSound *sound;
  RahnumaAutoSync *auto_sync;
  RahnumaSettings *settings;
  RahnumaKioskContext *context; /* what the window gets: the services above, kept current */
  char *set_aside_path; /* where a damaged journal was put, if it was */
  char *media_dir;
  char *modules_dir;
  char *db_path;
  char *preview_dir;
  gboolean windowed;
  gboolean hall;        /* --hall: the screen of a group briefing (src/hall/) */
  gboolean leaving;     /* the officer (or the system) ends the kiosk */
  gboolean reloading_catalog; /* an install changed the modules; the new catalog is loading */
  GFileMonitor *modules_monitor; /* tells of an install while the kiosk waits at the welcome screen */
  guint sigterm_id;
  guint sigint_id;
  GtkWindow *out_of_service; /* while the journal is missing; owned by the application */
  guint journal_retry_id;
  GCancellable *check_cancellable; /* the background integrity check */
  GCancellable *prune_cancellable; /* while old records are deleted */
  gint64 pruned_at;          /* monotonic µs of the last prune started */
  guint replace_id;          /* waits for the damaged journal to be free */
  GError *settings_error; /* a setting the journal would refuse: the kiosk does not start */
  RahnumaContactsWatch *contacts; /* the centre's contacts.ini, followed while the kiosk runs */
  int exit_status;
};

/* sysexits.h's EX_CONFIG: the kiosk stopped on a setting, not a fault. */
#define EXIT_BAD_SETTING 78

/* How often the kiosk looks again for a missing journal. */
#define JOURNAL_RETRY_S 10

/* How often the kiosk looks whether a journal found damaged in the
 * background is free to be set aside (no visit, sync or officer on it). */
#define REPLACE_RETRY_S 2

/* Deleting old synced records follows a sync, at most this often. */
#define PRUNE_INTERVAL_S (60 * 60)

/* How often the kiosk tries to sync on its own, besides after every visit. */
#define AUTO_SYNC_INTERVAL_S (5 * 60)

G_DEFINE_FINAL_TYPE (RahnumaApplication, rahnuma_application, ADW_TYPE_APPLICATION)

static char *
default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rahnuma", "journal.db", NULL);
}

static gboolean
open_catalog (RahnumaApplication *self, GError **error)
{
  if (self->preview_dir != NULL)
    {
      /* A catalog of one: the package's parent folder would offer its siblings too. */
      g_autoptr(RahnumaModule) module = rahnuma_module_new_from_dir (self->preview_dir, error);

      if (module == NULL)
        return FALSE;
      self->catalog = rahnuma_catalog_new_for_module (module);
      return TRUE;
    }
  self->catalog = rahnuma_catalog_new_full (self->modules_dir, RAHNUMA_CATALOG_VALIDATE, error);
  return self->catalog != NULL;
}

static const char *
officer_file_or_null (RahnumaSettings *settings)
{
  const char *path = rahnuma_settings_get_officer_file (settings);

  return *path != '\0' ? path : NULL;
}

/* A visit still "active" has no visitor any more: the kiosk stopped under
 * it (a crash, a power cut, the system shutting down). */
static void
abandon_interrupted (RahnumaApplication *self, const char *why)
{
  g_autoptr(GError) error = NULL;
  gint64 n_active = rahnuma_store_count_sessions (self->store, RAHNUMA_SESSION_ACTIVE, &error);

  if (n_active > 0 &&
      rahnuma_store_abandon_active (self->store, g_get_real_time () / G_USEC_PER_SEC, &error))
    g_message ("Recorded %d interrupted visit(s) as abandoned (%s)", (int) MIN (n_active, G_MAXINT), why);
  if (error != NULL)
    g_warning ("Cannot record interrupted visits as abandoned: %s", error->message);
}

static void
on_pruned (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(RahnumaApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 n = rahnuma_store_prune_finish (RAHNUMA_STORE (source), result, &error);

  g_clear_object (&self->prune_cancellable);
  if (n > 0)
    g_message ("Deleted %" G_GINT64_FORMAT " visit record(s) already in the officers' file and older than %u days",
               n, rahnuma_settings_get_keep_days (self->settings));
  else if (n < 0 && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Cannot delete old records from the journal, they stay: %s", error->message);
}

/* After a sync the officers' file holds more: what it holds and is older
 * than keep-days leaves the kiosk (rahnuma-retention.c), in a worker. */
static void
on_synced (RahnumaAutoSync *auto_sync, GParamSpec *pspec, RahnumaApplication *self)
{
  const char *target = rahnuma_auto_sync_get_target (auto_sync);
  gint64 now = g_get_monotonic_time ();

  if (target == NULL || self->prune_cancellable != NULL || self->replace_id != 0 ||
      (self->pruned_at != 0 && now - self->pruned_at < (gint64) PRUNE_INTERVAL_S * G_USEC_PER_SEC))
    return;
  self->pruned_at = now;
  self->prune_cancellable = g_cancellable_new ();
  rahnuma_store_prune_async (self->store, target, rahnuma_settings_get_keep_days (self->settings),
                             self->prune_cancellable, on_pruned, g_object_ref (self));
}

/* The window reads the services through the context: keep it current
 * whenever one of them is replaced. */
static void
update_context (RahnumaApplication *self)
{
  rahnuma_kiosk_context_set_store (self->context, self->store);
  rahnuma_kiosk_context_set_catalog (self->context, self->catalog);
  rahnuma_kiosk_context_set_auto_sync (self->context, self->auto_sync);
  rahnuma_kiosk_context_set_set_aside_journal (self->context, self->set_aside_path);
}

static void
start_auto_sync (RahnumaApplication *self)
{
  self->auto_sync = rahnuma_auto_sync_new (self->store, AUTO_SYNC_INTERVAL_S);
  rahnuma_auto_sync_set_target (self->auto_sync, officer_file_or_null (self->settings));
  g_signal_connect_object (self->auto_sync, "notify::last-sync", G_CALLBACK (on_synced), self, 0);
  update_context (self);
}

static gboolean
open_store (RahnumaApplication *self, GError **error)
{
  g_autofree char *guard = NULL;

  /* A preview writes no record: its journal lives in memory only. */
  if (self->preview_dir != NULL)
    {
      self->store = rahnuma_store_new (":memory:", NULL, error);
      return self->store != NULL;
    }

  /* A damaged or too-new journal is set aside, never overwritten, and the
   * kiosk goes on with a fresh one: the next visitor is not turned away.
   * A missing one is not replaced: RAHNUMA_STORE_ERROR_MISSING. */
  guard = rahnuma_journal_guard_default_path ();
  self->store = rahnuma_journal_guard_open (guard, self->db_path, &self->set_aside_path, NULL, error);
  if (self->store == NULL)
    return FALSE;
  if (self->set_aside_path != NULL)
    g_warning ("The journal %s could not be used; it was kept as %s and a fresh journal started",
               self->db_path, self->set_aside_path);
  abandon_interrupted (self, "left by a crash or power cut");
  start_auto_sync (self);
  return TRUE;
}

static void
show_fatal (RahnumaApplication *self, const char *message)
{
  /* Translators: title of the message when hall mode (rahnuma --hall) cannot start */
  GtkWidget *dialog = adw_message_dialog_new (NULL, self->hall ? _("The hall briefing cannot start")
                                                               : _("The kiosk cannot start"), message);

  /* Translators: button of the message “The kiosk cannot start” */
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What failed, which file, and what to do: SQLite's words alone ("Cannot
 * run SQL: …") tell an officer nothing. */
static void
show_start_failure (RahnumaApplication *self, const GError *error)
{
  g_autofree char *message = NULL;

  if (self->catalog == NULL)
    /* Translators: the message when the kiosk or hall mode cannot start; the first %s is the
       lessons' folder, the second the reason */
    message = g_strdup_printf (_("The lessons in %s cannot be read: %s\n\nCheck that the folder is "
                                 "there, or reinstall the lessons; then start again."),
                               self->modules_dir, error->message);
  else
    /* Translators: the message when the kiosk or hall mode cannot start; the first %s is the
       journal's file name, the second the reason */
    message = g_strdup_printf (_("The journal %s cannot be opened: %s\n\nCheck that the disk is "
                                 "there, has space and can be written to, or tell a technician; "
                                 "then start again."), self->db_path, error->message);
  show_fatal (self, message);
}

/* The setting's file, else the bundled one. A file broken at start shows
 * the bundled contacts, a new setting naming a broken file the contacts in
 * force, until it is fixed (rahnuma-contacts-watch.c). */
static void
watch_contacts (RahnumaApplication *self)
{
  const char *setting = rahnuma_settings_get_contacts_file (self->settings);
  g_autofree char *bundled = g_build_filename (self->media_dir, "contacts.ini", NULL);
  g_autofree char *path = *setting != '\0' ? g_canonicalize_filename (setting, NULL) : g_strdup (bundled);
  RahnumaContacts *last_good = self->contacts != NULL ? rahnuma_contacts_watch_get_contacts (self->contacts) : NULL;
  g_autoptr(RahnumaContactsWatch) fresh = NULL;

  fresh = rahnuma_contacts_watch_new (path, last_good != NULL ? rahnuma_contacts_get_path (last_good) : bundled);
  g_set_object (&self->contacts, fresh);
  rahnuma_kiosk_context_set_contacts_watch (self->context, fresh);
}

/* What the officer changed on the dashboard, in force at once: the next
 * sync goes to the new officers' file. (The window follows the languages
 * and the idle timeouts itself.) */
static void
on_settings_changed (RahnumaSettings *settings, const char *key, RahnumaApplication *self)
{
  if (g_str_equal (key, "officer-file") && self->auto_sync != NULL)
    rahnuma_auto_sync_set_target (self->auto_sync, officer_file_or_null (settings));
  if (g_str_equal (key, "contacts-file"))
    watch_contacts (self);
}

/* Kiosk mode: only rahnuma_application_leave_kiosk() closes the window. */
static gboolean
on_close_request (GtkWindow *window, RahnumaApplication *self)
{
  if (self->leaving)
    return FALSE;
  g_message ("Refused to close the kiosk window: only an officer can leave kiosk mode");
  return TRUE;
}

/* Full screen is the kiosk's only state; a window manager's F11 or
 * double-click must not leave the desktop showing. */
static void
on_fullscreened (GtkWindow *window, GParamSpec *pspec, RahnumaApplication *self)
{
  if (!self->leaving && !gtk_window_is_fullscreen (window))
    gtk_window_fullscreen (window);
}

/* The kiosk needs no keyboard: any shortcut (Alt+F4, Ctrl+Q, Ctrl+W, F11,
 * Escape, the inspector's Ctrl+Shift+I…) is a way out and goes nowhere,
 * except those the application itself binds to an action (an officer's). */
static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, RahnumaApplication *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  g_autofree char *accel = gtk_accelerator_name (keyval, mods);
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (self), accel);

  if (actions != NULL && actions[0] != NULL)
    return GDK_EVENT_PROPAGATE;
  if ((mods & ~GDK_SHIFT_MASK) != 0 || keyval == GDK_KEY_Escape ||
      (keyval >= GDK_KEY_F1 && keyval <= GDK_KEY_F35))
    {
      g_debug ("Ignored the shortcut %s in kiosk mode", accel);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
lock_window (RahnumaApplication *self, GtkWindow *window)
{
  GtkEventController *keys;

  if (self->windowed)
    return;
  gtk_window_set_deletable (window, FALSE);
  g_signal_connect_object (window, "close-request", G_CALLBACK (on_close_request), self, 0);
  g_signal_connect_object (window, "notify::fullscreened", G_CALLBACK (on_fullscreened), self, 0);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  gtk_window_fullscreen (window);
}

/* What a technician needs to know from the journal, and nothing about anyone. */
static void
log_start (RahnumaApplication *self)
{
  GPtrArray *problems = rahnuma_catalog_get_problems (self->catalog);

  g_message ("Rahnuma %s starting %s", PACKAGE_VERSION,
             self->preview_dir != NULL ? "a preview" : self->hall ? "in hall mode"
             : self->windowed ? "in a window" : "in kiosk mode");
  g_message ("Modules: %u on offer from %s, %u left out%s",
             g_list_model_get_n_items (G_LIST_MODEL (self->catalog)),
             self->preview_dir != NULL ? self->preview_dir : self->modules_dir,
             problems != NULL ? problems->len : 0,
             problems != NULL && problems->len > 0 ? " (reasons above)" : "");
  if (g_list_model_get_n_items (G_LIST_MODEL (self->catalog)) == 0)
    g_warning ("Out of service: no lesson is on offer from %s (%u package(s) left out%s), so visitors "
               "see the out-of-service screen and no visit can start. Install a valid package with "
               "`rahnuma-admin module install PACKAGE --into %s`, then restart the kiosk.",
               self->modules_dir, problems != NULL ? problems->len : 0,
               problems != NULL && problems->len > 0 ? ", reasons above" : "", self->modules_dir);
  g_message ("Journal: %s", self->preview_dir != NULL ? "none (a preview records nothing)" : self->db_path);
  rahnuma_settings_log (self->settings);
}

static void watch_modules (RahnumaApplication *self);

/* A fresh journal instead of the damaged one, once nothing holds the old
 * one: closing it later would delete its WAL by name, the fresh one's. */
static gboolean
on_replace_damaged (gpointer user_data)
{
  RahnumaApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  g_clear_object (&self->auto_sync); /* no new sync of a damaged journal */
  rahnuma_kiosk_context_set_auto_sync (self->context, NULL);
  if (g_atomic_int_get (&G_OBJECT (self->store)->ref_count) > 1)
    return G_SOURCE_CONTINUE; /* a visit, a sync or the officer still has it */
  self->replace_id = 0;
  g_clear_object (&self->store);
  self->store = rahnuma_store_recover (self->db_path, &aside, NULL, &error);
  if (self->store == NULL)
    {
      /* Set aside or not, a journal must be there for the next visitor. */
      g_warning ("Cannot start a fresh journal, going on with %s: %s", self->db_path, error->message);
      g_clear_error (&error);
      self->store = rahnuma_store_new (self->db_path, NULL, &error);
      g_assert (self->store != NULL || error != NULL);
      if (self->store == NULL)
        g_error ("The kiosk has no journal left: %s", error->message);
    }
  else
    {
      g_autofree char *guard = rahnuma_journal_guard_default_path ();

      g_warning ("The journal %s was found damaged; it was kept as %s and a fresh journal started",
                 self->db_path, aside);
      rahnuma_journal_guard_remember (guard, self->db_path, rahnuma_store_get_journal_id (self->store), NULL);
      g_free (self->set_aside_path);
      self->set_aside_path = g_steal_pointer (&aside);
      /* The officer hears of it at the corner (the PIN pad, the dashboard):
       * the visitor at the screen is told nothing technical. */
      update_context (self);
    }
  start_auto_sync (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_checked (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(RahnumaApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (rahnuma_store_check_finish (RAHNUMA_STORE (source), result, &error))
    {
      g_debug ("The journal %s passed its integrity check", self->db_path);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || RAHNUMA_STORE (source) != self->store)
    return;
  if (!g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_DAMAGED))
    {
      g_warning ("Cannot check the journal %s: %s", self->db_path, error->message);
      return;
    }
  g_message ("Setting the journal aside once no one uses it: %s", error->message);
  if (self->replace_id == 0 && on_replace_damaged (self) == G_SOURCE_CONTINUE)
    self->replace_id = g_timeout_add_seconds (REPLACE_RETRY_S, on_replace_damaged, self);
}

/* Ticks before each frame: at the second, the first one is on screen, and
 * the check may take the disk and a core for its seconds. */
static gboolean
on_window_tick (GtkWidget *window, GdkFrameClock *clock, gpointer user_data)
{
  RahnumaApplication *self = user_data;

  if (gdk_frame_clock_get_frame_counter (clock) < 2)
    return G_SOURCE_CONTINUE;
  self->check_cancellable = g_cancellable_new ();
  rahnuma_store_check_async (self->store, self->check_cancellable, on_store_checked, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* The key pair that signs completion proofs, made at the first start in
 * "keys" beside the journal (once the journal is there: never on a drive
 * not mounted yet). A few hundred bytes read or written once: not worth a
 * thread. Without it the result page's QR code holds the bare code, and
 * the visitor is never held up. */
static void
load_keys (RahnumaApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *label = NULL;
  g_autofree char *key_id = NULL;
  RahnumaKeys *keys;

  if (self->preview_dir != NULL || rahnuma_kiosk_context_has_keys (self->context))
    return;
  dir = rahnuma_keys_default_dir (self->db_path);
  label = g_strdup_printf ("centre %s, kiosk %s", rahnuma_settings_get_centre (self->settings),
                           rahnuma_settings_get_kiosk_id (self->settings));
  keys = rahnuma_keys_load_or_create (dir, label, &error);
  if (keys == NULL)
    {
      g_warning ("Completion proofs are not signed: the QR code holds the bare code. %s", error->message);
      return;
    }
  key_id = rahnuma_keys_dup_key_id (keys);
  g_message ("Signing key for completion proofs: %s in %s", key_id, dir);
  rahnuma_kiosk_context_set_keys (self->context, keys);
}

static void
on_hall_recorded (RahnumaHallWindow *window, RahnumaApplication *self)
{
  if (self->auto_sync != NULL)
    rahnuma_auto_sync_request (self->auto_sync);
}

/* The screen's size, for an X server with no window manager to carry out
 * the full screen (a hall PC started without a desktop). */
static void
size_to_screen (GtkWindow *window)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle area;

  if (monitor == NULL)
    return;
  gdk_monitor_get_geometry (monitor, &area);
  gtk_window_set_default_size (window, area.width, area.height);
}

/* Hall mode: an officer drives it, so it is full screen (unless
 * --windowed) but not locked as the kiosk is; it records hall sessions in
 * the same journal and syncs them after each one. With no journal
 * (@journal_error), it briefs without recording and says so. */
static GtkWindow *
new_hall_window (RahnumaApplication *self, const GError *journal_error)
{
  RahnumaHallWindow *window;

  window = rahnuma_hall_window_new (GTK_APPLICATION (self), self->catalog, self->store,
                                    self->db_path, journal_error,
                                    rahnuma_settings_get_centre (self->settings),
                                    rahnuma_settings_get_kiosk_id (self->settings));
  g_signal_connect_object (window, "recorded", G_CALLBACK (on_hall_recorded), self, 0);
  if (!self->windowed)
    {
      size_to_screen (GTK_WINDOW (window));
      gtk_window_fullscreen (GTK_WINDOW (window));
    }
  return GTK_WINDOW (window);
}

/* The journal is open: the visitors' window (or the hall's). */
static void
start_visits (RahnumaApplication *self)
{
  GtkWindow *window;

  log_start (self);
  if (!self->hall)
    load_keys (self); /* signed completion proofs: the hall gives no code */
  watch_modules (self);
  update_context (self);
  if (self->hall)
    window = new_hall_window (self, NULL);
  else
    {
      window = GTK_WINDOW (rahnuma_window_new (GTK_APPLICATION (self), self->context));
      lock_window (self, window);
    }
  if (rahnuma_store_needs_check (self->store) && self->check_cancellable == NULL)
    gtk_widget_add_tick_callback (GTK_WIDGET (window), on_window_tick, self, NULL);
  gtk_window_present (window);
}

/* Hall mode whose journal cannot be opened (missing, read-only, …): the
 * briefing matters more than its head count, so it is given all the same,
 * the window saying up front that the count cannot be recorded and why
 * (rahnuma-hall-window.c). A kiosk instead stays out of service: a visit
 * must be recorded to give its code. Not retried: the officer starts hall
 * mode again once the journal is back. */
static void
start_hall_unrecorded (RahnumaApplication *self, const GError *error)
{
  GtkWindow *window;

  log_start (self);
  g_warning ("Hall mode without recording: the journal %s cannot be used: %s", self->db_path, error->message);
  watch_modules (self);
  window = new_hall_window (self, error);
  gtk_window_present (window);
}

static RahnumaJournalMissingPage *
missing_page (RahnumaApplication *self)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (self->out_of_service));

  return RAHNUMA_JOURNAL_MISSING_PAGE (content);
}

static gboolean
on_journal_retry (gpointer user_data)
{
  RahnumaApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!open_store (self, &error))
    {
      if (g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_MISSING))
        {
          g_debug ("The journal %s is still missing", self->db_path);
          return G_SOURCE_CONTINUE;
        }
      /* Some other fault (damaged drive, no permission): say it and stop trying. */
      g_warning ("%s", error->message);
      rahnuma_journal_missing_page_set_reason (missing_page (self), error->message);
      self->journal_retry_id = 0;
      return G_SOURCE_REMOVE;
    }
  g_message ("The journal %s is back: the kiosk starts", self->db_path);
  self->journal_retry_id = 0;
  /* The visitors' window first, so the application never has none. */
  start_visits (self);
  gtk_window_destroy (g_steal_pointer (&self->out_of_service));
  return G_SOURCE_REMOVE;
}

/* Out of service until the journal is back; the technician log says why. */
static void
show_journal_missing (RahnumaApplication *self, const char *reason)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));

  /* Translators: in the technician log; %s is why (a sentence), %d a number of seconds */
  g_warning (ngettext ("Out of service: %s Trying again every %d second.",
                       "Out of service: %s Trying again every %d seconds.", JOURNAL_RETRY_S),
             reason, JOURNAL_RETRY_S);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), rahnuma_journal_missing_page_new (reason));
  gtk_window_set_title (GTK_WINDOW (window), "Rahnuma");
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  self->out_of_service = GTK_WINDOW (window);
  lock_window (self, self->out_of_service);
  gtk_window_present (self->out_of_service);
  self->journal_retry_id = g_timeout_add_seconds (JOURNAL_RETRY_S, on_journal_retry, self);
}

/* A setting the journal would refuse: no visit may start, and the
 * technician reads why on screen and in the log. The kiosk stays on this
 * page (so a restart loop does not flicker) and ends with
 * EXIT_BAD_SETTING when it is stopped. */
static void
show_bad_setting (RahnumaApplication *self)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));

  self->exit_status = EXIT_BAD_SETTING;
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                      rahnuma_journal_missing_page_new (self->settings_error->message));
  gtk_window_set_title (GTK_WINDOW (window), "Rahnuma");
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  self->out_of_service = GTK_WINDOW (window);
  lock_window (self, self->out_of_service);
  gtk_window_present (self->out_of_service);
}

static void
on_catalog_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(RahnumaApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  RahnumaCatalog *fresh = rahnuma_catalog_new_finish (result, &error);

  self->reloading_catalog = FALSE;
  if (fresh == NULL)
    {
      g_warning ("Keeping the modules on offer: cannot read %s: %s", self->modules_dir, error->message);
      return;
    }
  g_message ("Modules changed: %u on offer from %s, %u left out",
             g_list_model_get_n_items (G_LIST_MODEL (fresh)), self->modules_dir,
             rahnuma_catalog_get_problems (fresh)->len);
  g_clear_object (&self->catalog);
  self->catalog = fresh;
  update_context (self); /* the context tells the window: catalog-changed */
  /* Another install may have come while this one loaded. */
  rahnuma_application_refresh_catalog (self);
}

static void
on_modules_changed (RahnumaApplication *self)
{
  rahnuma_application_refresh_catalog (self);
}

/* An install switches a link in the modules folder: load the new catalog
 * then, not when the next visitor taps. Best effort; the window also asks
 * between visits. */
static void
watch_modules (RahnumaApplication *self)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;

  if (self->preview_dir != NULL || self->modules_monitor != NULL)
    return;
  dir = g_file_new_for_path (self->modules_dir);
  self->modules_monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->modules_monitor == NULL)
    {
      g_debug ("Not watching %s for installs: %s", self->modules_dir, error->message);
      return;
    }
  g_signal_connect_object (self->modules_monitor, "changed", G_CALLBACK (on_modules_changed), self,
                           G_CONNECT_SWAPPED);
}

static void
rahnuma_application_activate (GApplication *app)
{
  RahnumaApplication *self = RAHNUMA_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->settings_error != NULL)
    {
      show_bad_setting (self);
      return;
    }
  if ((self->catalog == NULL && !open_catalog (self, &error)) ||
      (self->store == NULL && !open_store (self, &error)))
    {
      if (self->hall && self->catalog != NULL)
        {
          start_hall_unrecorded (self, error);
          return;
        }
      if (g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_MISSING))
        {
          show_journal_missing (self, error->message);
          return;
        }
      g_warning ("%s", error->message);
      show_start_failure (self, error);
      return;
    }
  start_visits (self);
}

static void
load_css (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/org/rahnuma/Kiosk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The last write of the run, then the note that lets the next start skip
 * the integrity check (rahnuma-store-health.c). */
static void
mark_clean_stop (RahnumaApplication *self)
{
  g_autoptr(GError) error = NULL;

  abandon_interrupted (self, "the kiosk stopped");
  if (self->replace_id == 0 && !rahnuma_store_mark_clean_stop (self->store, &error))
    g_warning ("The next start will check the journal first: %s", error->message);
}

static gboolean
on_stop_signal (gpointer user_data)
{
  RahnumaApplication *self = user_data;

  g_message ("Stopping on a signal from the system");
  self->leaving = TRUE;
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_CONTINUE;
}

/* "app.leave-kiosk": what the officers' dashboard activates once the PIN
 * was right (src/officer/rahnuma-officer-dashboard-actions.c). */
static void
on_leave_kiosk_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  rahnuma_application_leave_kiosk (RAHNUMA_APPLICATION (user_data));
}

static void
rahnuma_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { .name = "leave-kiosk", .activate = on_leave_kiosk_activated },
  };
  RahnumaApplication *self = RAHNUMA_APPLICATION (app);

  G_APPLICATION_CLASS (rahnuma_application_parent_class)->startup (app);

  /* The kiosk has its own calm look; a dark desktop theme must not change it. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  load_css ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);

  /* systemd stops the kiosk with SIGTERM: end as an officer would, so a
   * visit under way is recorded as abandoned now rather than at the next start. */
  self->sigterm_id = g_unix_signal_add (SIGTERM, on_stop_signal, self);
  self->sigint_id = g_unix_signal_add (SIGINT, on_stop_signal, self);
}

static void
rahnuma_application_shutdown (GApplication *app)
{
  RahnumaApplication *self = RAHNUMA_APPLICATION (app);

  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->sigint_id, g_source_remove);
  g_clear_handle_id (&self->journal_retry_id, g_source_remove);
  g_clear_handle_id (&self->replace_id, g_source_remove);
  g_cancellable_cancel (self->check_cancellable);
  g_cancellable_cancel (self->prune_cancellable);
  if (self->store != NULL && self->preview_dir == NULL)
    mark_clean_stop (self);
  g_message ("Rahnuma stopped");

  G_APPLICATION_CLASS (rahnuma_application_parent_class)->shutdown (app);
}

/* Command-line options win over the settings, for this run only. */
static void
apply_options (RahnumaSettings *settings, GVariantDict *options)
{
  const char *value = NULL;

  if (g_variant_dict_lookup (options, "centre", "&s", &value))
    rahnuma_settings_override_centre (settings, value);
  if (g_variant_dict_lookup (options, "kiosk-id", "&s", &value))
    rahnuma_settings_override_kiosk_id (settings, value);
  if (g_variant_dict_lookup (options, "officer-file", "^&ay", &value))
    rahnuma_settings_override_officer_file (settings, value);
  if (g_variant_dict_lookup (options, "db", "^&ay", &value))
    rahnuma_settings_override_journal (settings, value);
  if (g_variant_dict_lookup (options, "modules", "^&ay", &value))
    rahnuma_settings_override_modules_dir (settings, value);
}

static int
rahnuma_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  RahnumaApplication *self = RAHNUMA_APPLICATION (app);
  const char *modules_dir;
  const char *journal;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("rahnuma %s\n", PACKAGE_VERSION);
      return 0;
    }

  self->windowed = g_variant_dict_contains (options, "windowed");
  self->hall = g_variant_dict_contains (options, "hall");
  g_variant_dict_lookup (options, "preview", "^ay", &self->preview_dir);
  self->settings = rahnuma_settings_new ();
  apply_options (self->settings, options);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self, G_CONNECT_DEFAULT);
  if (!rahnuma_settings_check (self->settings, &self->settings_error))
    /* Translators: in the technician log; %s says which setting and how to correct it */
    g_warning (_("The kiosk cannot start: %s"), self->settings_error->message);
  self->context = rahnuma_kiosk_context_new (self->media_dir, self->sound, self->settings,
                                             self->preview_dir != NULL);
  g_signal_connect_object (self->context, "refresh-catalog", G_CALLBACK (rahnuma_application_refresh_catalog),
                           self, G_CONNECT_SWAPPED);

  modules_dir = rahnuma_settings_get_modules_dir (self->settings);
  self->modules_dir = *modules_dir != '\0' ? g_canonicalize_filename (modules_dir, NULL)
                                           : g_build_filename (self->media_dir, "modules", NULL);
  watch_contacts (self);
  journal = rahnuma_settings_get_journal (self->settings);
  self->db_path = *journal != '\0' ? g_canonicalize_filename (journal, NULL) : default_db_path ();
  if (self->preview_dir != NULL)
    self->windowed = TRUE;

  return -1;
}

static void
rahnuma_application_dispose (GObject *object)
{
  RahnumaApplication *self = (RahnumaApplication *) object;

  if (self->modules_monitor != NULL)
    g_file_monitor_cancel (self->modules_monitor);
  g_clear_object (&self->modules_monitor);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  g_clear_object (&self->sound);
  g_clear_object (&self->auto_sync);
  g_clear_object (&self->settings);
  g_clear_object (&self->contacts);
  g_clear_object (&self->context);
  g_clear_object (&self->check_cancellable);
  g_clear_object (&self->prune_cancellable);

  G_OBJECT_CLASS (rahnuma_application_parent_class)->dispose (object);
}

static void
rahnuma_application_finalize (GObject *object)
{
  RahnumaApplication *self = (RahnumaApplication *) object;

  g_free (self->media_dir);
  g_free (self->modules_dir);
  g_free (self->db_path);
  g_free (self->preview_dir);
  g_free (self->set_aside_path);
  g_clear_error (&self->settings_error);

  G_OBJECT_CLASS (rahnuma_application_parent_class)->finalize (object);
}

static void
rahnuma_application_class_init (RahnumaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rahnuma_application_dispose;
  object_class->finalize = rahnuma_application_finalize;
  app_class->activate = rahnuma_application_activate;
  app_class->startup = rahnuma_application_startup;
  app_class->shutdown = rahnuma_application_shutdown;
  app_class->handle_local_options = rahnuma_application_handle_local_options;
}

static void
rahnuma_application_init (RahnumaApplication *self)
{
  static const GOptionEntry entries[] = {
    { "windowed", 'w', 0, G_OPTION_ARG_NONE, NULL,
      N_("Run in a window instead of full screen (development, trainers)"), NULL },
    { "modules", 'm', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Folder of module packages to offer"), N_("DIR") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The kiosk's journal (SQLite file)"), N_("FILE") },
    { "hall", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Hall mode: show the lessons to a room on a projector or TV, driven by an officer"), NULL },
    { "preview", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Play one module package, writing no record (for trainers)"), N_("MODULE_DIR") },
    { "centre", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Centre code written with each visit"),
      N_("CODE") },
    { "kiosk-id", 0, 0, G_OPTION_ARG_STRING, NULL, N_("This kiosk's id"), N_("ID") },
    { "officer-file", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The officers' SQLite file to sync records into after every visit"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  if (rahnuma_i18n_running_uninstalled ())
    {
      /* The build tree's compiled schema (data/), before GTK reads any
       * settings and fixes the list of schema folders for good. */
      g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_ROOT G_DIR_SEPARATOR_S "data", FALSE);
      self->media_dir = g_strdup (SOURCE_MEDIA_DIR);
    }
  else
    self->media_dir = g_build_filename (PKGDATADIR, "media", NULL);
  self->sound = rahnuma_sound_new ();
}

/**
 * rahnuma_application_new:
 *
 * Returns: (transfer full): the kiosk application (org.rahnuma.Kiosk, not
 *   unique: a trainer's preview never goes to a running kiosk)
 */
RahnumaApplication *
rahnuma_application_new (void)
{
  /* NON_UNIQUE: a trainer's preview must not be handed to a running kiosk. */
  return g_object_new (RAHNUMA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}

/**
 * rahnuma_application_get_catalog:
 *
 * Returns: (transfer none): the modules on offer
 */
RahnumaCatalog *
rahnuma_application_get_catalog (RahnumaApplication *self)
{
  g_return_val_if_fail (RAHNUMA_IS_APPLICATION (self), NULL);
  return self->catalog;
}

/**
 * rahnuma_application_get_context:
 * @self: a #RahnumaApplication
 *
 * Returns: (transfer none) (nullable): what the kiosk window is given (the
 *   catalogue, the journal, the settings, the spoken prompts), or %NULL
 *   before the command line is handled
 */
RahnumaKioskContext *
rahnuma_application_get_context (RahnumaApplication *self)
{
  g_return_val_if_fail (RAHNUMA_IS_APPLICATION (self), NULL);
  return self->context;
}

/**
 * rahnuma_application_refresh_catalog:
 * @self: a #RahnumaApplication
 *
 * If an install has changed the modules folder since the catalog was loaded,
 * loads a new one in a worker thread, offered from the next visit on. The
 * kiosk calls it between visits (at the welcome screen). A visit in progress
 * is never touched: it keeps the catalog it started with, whose files stay
 * in the editions it loaded (see rahnuma-catalog.c). If the folder cannot
 * be read, the current catalog stays.
 */
void
rahnuma_application_refresh_catalog (RahnumaApplication *self)
{
  g_return_if_fail (RAHNUMA_IS_APPLICATION (self));

  if (self->catalog == NULL || self->preview_dir != NULL || self->reloading_catalog ||
      !rahnuma_catalog_is_outdated (self->catalog))
    return;
  self->reloading_catalog = TRUE;
  rahnuma_catalog_new_async (self->modules_dir, RAHNUMA_CATALOG_VALIDATE, NULL, on_catalog_loaded,
                             g_object_ref (self));
}

/**
 * rahnuma_application_get_exit_status:
 *
 * What the process should end with once the application has run: 0, or
 * 78 (EX_CONFIG) when a setting kept the kiosk from starting
 * (rahnuma_settings_check()), so a supervisor or a test sees why.
 *
 * Returns: the exit status
 */
int
rahnuma_application_get_exit_status (RahnumaApplication *self)
{
  g_return_val_if_fail (RAHNUMA_IS_APPLICATION (self), 1);
  return self->exit_status;
}

/**
 * rahnuma_application_leave_kiosk:
 *
 * Ends the kiosk for real: the one way out of kiosk mode, for the officer
 * who gave the PIN. A visit still under way is recorded as abandoned.
 */
void
rahnuma_application_leave_kiosk (RahnumaApplication *self)
{
  g_return_if_fail (RAHNUMA_IS_APPLICATION (self));

  g_message ("Leaving kiosk mode: an officer closed the kiosk");
  self->leaving = TRUE;
  g_application_quit (G_APPLICATION (self));
}
