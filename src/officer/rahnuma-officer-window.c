/* rahnuma-officer-window.c — the PIN pad, then the dashboard; locks itself when left alone
 *
 * Any input anywhere in the window counts as activity (a #RahnumaIdleWatch
 * sees it before the widgets do). After LOCK_AFTER seconds without any, the
 * dashboard goes back behind the PIN pad, so an officer who walks away never
 * leaves it open to the next visitor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-officer"

#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-idle-watch.h"
#include "rahnuma-officer-dashboard.h"
#include "rahnuma-officer-window.h"
#include "rahnuma-pin-pad.h"

#define LOCK_AFTER 120 /* seconds */

struct _RahnumaOfficerWindow
{
  AdwWindow parent_instance;

  RahnumaStore *store;
  RahnumaIdleWatch *idle_watch;

  GtkStack *stack;
  RahnumaPinPad *pin_pad;
  RahnumaOfficerDashboard *dashboard;
  GtkLabel *language_urdu_label;
};

G_DEFINE_FINAL_TYPE (RahnumaOfficerWindow, rahnuma_officer_window, ADW_TYPE_WINDOW)

enum {
  SIGNAL_LANGUAGE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Locks the dashboard, and also takes a half-done PIN change back to
 * "enter the PIN", so nobody can walk up and finish it. The watch then
 * stops until the next input: a window left alone wakes no one. */
static void
on_idle_timed_out (RahnumaIdleWatch *watch, RahnumaOfficerWindow *self)
{
  g_debug ("No input for %d s: locking the dashboard", LOCK_AFTER);
  rahnuma_officer_window_lock (self);
}

/* Locked for want of input: the next stretch gets its own timeout. */
static gboolean
on_idle_input (RahnumaIdleWatch *watch, GdkEventType type, RahnumaOfficerWindow *self)
{
  if (!rahnuma_idle_watch_is_running (watch))
    rahnuma_idle_watch_start (watch, LOCK_AFTER);
  return FALSE;
}

static void
on_pin_pad_unlocked (RahnumaPinPad *pin_pad, RahnumaOfficerWindow *self)
{
  rahnuma_idle_watch_note_activity (self->idle_watch);
  gtk_stack_set_visible_child_name (self->stack, "dashboard");
  rahnuma_officer_dashboard_refresh (self->dashboard);
}

static void
officer_lock (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rahnuma_officer_window_lock (RAHNUMA_OFFICER_WINDOW (widget));
}

static void
officer_change_pin (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaOfficerWindow *self = RAHNUMA_OFFICER_WINDOW (widget);

  rahnuma_pin_pad_begin_change (self->pin_pad);
  gtk_stack_set_visible_child_name (self->stack, "pin");
}

/* Whoever made the window builds it again in that language (rahnuma-officer.c). */
static void
officer_language (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_LANGUAGE_CHOSEN], 0, g_variant_get_string (parameter, NULL));
}

static void
rahnuma_officer_window_dispose (GObject *object)
{
  RahnumaOfficerWindow *self = RAHNUMA_OFFICER_WINDOW (object);

  if (self->idle_watch != NULL)
    g_signal_handlers_disconnect_by_data (self->idle_watch, self);
  g_clear_object (&self->idle_watch);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAHNUMA_TYPE_OFFICER_WINDOW);
  G_OBJECT_CLASS (rahnuma_officer_window_parent_class)->dispose (object);
}

static void
rahnuma_officer_window_class_init (RahnumaOfficerWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_officer_window_dispose;

  g_type_ensure (RAHNUMA_TYPE_PIN_PAD);
  g_type_ensure (RAHNUMA_TYPE_OFFICER_DASHBOARD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/rahnuma/Kiosk/rahnuma-officer-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerWindow, pin_pad);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerWindow, dashboard);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerWindow, language_urdu_label);
  gtk_widget_class_bind_template_callback (widget_class, on_pin_pad_unlocked);

  gtk_widget_class_install_action (widget_class, "officer.lock", NULL, officer_lock);
  gtk_widget_class_install_action (widget_class, "officer.change-pin", NULL, officer_change_pin);
  gtk_widget_class_install_action (widget_class, "officer.language", "s", officer_language);

  /**
   * RahnumaOfficerWindow::language-chosen:
   * @code: the language the officer chose, from rahnuma_languages()
   *
   * The officer asked for the window in another language.
   */
  signals[SIGNAL_LANGUAGE_CHOSEN] =
    g_signal_new ("language-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rahnuma_officer_window_init (RahnumaOfficerWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The Urdu word beside the translated one, unless they are the same word. */
  /* Translators: beside the icon of the menu of the officer dashboard's languages */
  gtk_widget_set_visible (GTK_WIDGET (self->language_urdu_label),
                          g_strcmp0 (_("Language"), gtk_label_get_label (self->language_urdu_label)) != 0);
  self->idle_watch = rahnuma_idle_watch_new (GTK_WIDGET (self));
  g_signal_connect (self->idle_watch, "timed-out", G_CALLBACK (on_idle_timed_out), self);
  g_signal_connect (self->idle_watch, "input", G_CALLBACK (on_idle_input), self);
  rahnuma_idle_watch_start (self->idle_watch, LOCK_AFTER);
}

/**
 * rahnuma_officer_window_new:
 * @store: the kiosk journal
 * @catalog: (nullable): the modules, for their titles
 *
 * Returns: (transfer full): a window showing the PIN pad
 */
RahnumaOfficerWindow *
rahnuma_officer_window_new (RahnumaStore *store, RahnumaCatalog *catalog)
{
  RahnumaOfficerWindow *self;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), NULL);

  self = g_object_new (RAHNUMA_TYPE_OFFICER_WINDOW, NULL);
  self->store = g_object_ref (store);
  rahnuma_pin_pad_set_store (self->pin_pad, store);
  rahnuma_officer_dashboard_set_sources (self->dashboard, store, catalog);
  return self;
}

/**
 * rahnuma_officer_window_lock:
 *
 * Hides the dashboard behind the PIN pad.
 */
void
rahnuma_officer_window_lock (RahnumaOfficerWindow *self)
{
  g_return_if_fail (RAHNUMA_IS_OFFICER_WINDOW (self));

  rahnuma_pin_pad_reset (self->pin_pad);
  gtk_stack_set_visible_child_name (self->stack, "pin");
}

/**
 * rahnuma_officer_window_set_contacts_watch:
 * @watch: (nullable): see rahnuma_officer_dashboard_set_contacts_watch()
 */
void
rahnuma_officer_window_set_contacts_watch (RahnumaOfficerWindow *self, RahnumaContactsWatch *watch)
{
  g_return_if_fail (RAHNUMA_IS_OFFICER_WINDOW (self));

  rahnuma_officer_dashboard_set_contacts_watch (self->dashboard, watch);
}

/**
 * rahnuma_officer_window_set_auto_sync:
 * @auto_sync: (nullable): see rahnuma_officer_dashboard_set_auto_sync()
 */
void
rahnuma_officer_window_set_auto_sync (RahnumaOfficerWindow *self, GObject *auto_sync)
{
  g_return_if_fail (RAHNUMA_IS_OFFICER_WINDOW (self));

  rahnuma_officer_dashboard_set_auto_sync (self->dashboard, auto_sync);
}

/**
 * rahnuma_officer_window_set_card_printer:
 * @printer: (nullable): see rahnuma_officer_dashboard_set_card_printer()
 */
void
rahnuma_officer_window_set_card_printer (RahnumaOfficerWindow *self, RahnumaCardPrinter *printer)
{
  g_return_if_fail (RAHNUMA_IS_OFFICER_WINDOW (self));

  rahnuma_officer_dashboard_set_card_printer (self->dashboard, printer);
}

/**
 * rahnuma_officer_window_set_journal_set_aside:
 * @path: (nullable): where the kiosk kept its damaged journal, or %NULL;
 *   see rahnuma_pin_pad_set_journal_set_aside() and
 *   rahnuma_officer_dashboard_set_journal_set_aside()
 */
void
rahnuma_officer_window_set_journal_set_aside (RahnumaOfficerWindow *self, const char *path)
{
  g_return_if_fail (RAHNUMA_IS_OFFICER_WINDOW (self));

  rahnuma_pin_pad_set_journal_set_aside (self->pin_pad, path);
  rahnuma_officer_dashboard_set_journal_set_aside (self->dashboard, path);
}
