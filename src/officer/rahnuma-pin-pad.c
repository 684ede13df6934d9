/* rahnuma-pin-pad.c — big digit keys to unlock the dashboard or choose a PIN
 *
 * Four modes: unlock (check the PIN), new (a change, from the dashboard),
 * confirm (the new PIN once more) and not set up. A kiosk with no PIN yet
 * does not let whoever holds the corner choose one (that would make any
 * visitor the officer): it says the kiosk is not set up, and the first PIN
 * comes from `rahnuma-admin pin set` (src/tools/admin-pin.c). The slow hash runs on a worker thread
 * (rahnuma_pin_*_async); while it runs, and while a delay after wrong tries
 * runs, the keys are off. The digits live only in this widget and are wiped
 * as soon as they have been used.
 *
 * Emits "unlocked" when the PIN was right or a new one was saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-officer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rahnuma-pin-pad.h"
#include "rahnuma-pin.h"
#include "rahnuma-widget-util.h"

typedef enum
{
  MODE_UNLOCK,
  MODE_NEW,
  MODE_CONFIRM,
  MODE_NOT_SET_UP,
} Mode;

struct _RahnumaPinPad
{
  GtkWidget parent_instance;

  RahnumaStore *store;
  GCancellable *cancellable;
  Mode mode;
  gboolean busy;
  char digits[RAHNUMA_PIN_MAX_LENGTH + 1];
  char first[RAHNUMA_PIN_MAX_LENGTH + 1]; /* the new PIN, until it is confirmed */
  gint64 wait_until;                      /* monotonic seconds */
  guint countdown_id;

  GtkLabel *title_label;
  GtkLabel *dots_label;
  GtkLabel *message_label;
  GtkSpinner *spinner;
  GtkWidget *keys;
  GtkWidget *close_button;
  char *set_aside_journal; /* nullable: where the kiosk put its damaged journal */
};

G_DEFINE_FINAL_TYPE (RahnumaPinPad, rahnuma_pin_pad, GTK_TYPE_WIDGET)

enum { SIGNAL_UNLOCKED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gint64
now_seconds (void)
{
  return g_get_monotonic_time () / G_USEC_PER_SEC;
}

static void
wipe (char *buffer)
{
  memset (buffer, 0, RAHNUMA_PIN_MAX_LENGTH + 1);
}

/* One place decides which keys work. */
static void
update_keys (RahnumaPinPad *self)
{
  gboolean waiting = self->countdown_id != 0 || self->mode == MODE_NOT_SET_UP;
  gsize length = strlen (self->digits);
  GString *dots = g_string_new (NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin.digit",
                                 !self->busy && !waiting && length < RAHNUMA_PIN_MAX_LENGTH);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin.erase", !self->busy && !waiting && length > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin.enter",
                                 !self->busy && !waiting && length >= RAHNUMA_PIN_MIN_LENGTH);
  for (gsize i = 0; i < length; i++)
    g_string_append (dots, i == 0 ? "●" : " ●");
  gtk_label_set_label (self->dots_label, length > 0 ? dots->str : "○");
  gtk_spinner_set_spinning (self->spinner, self->busy);
  g_string_free (dots, TRUE);
}

static void
set_mode (RahnumaPinPad *self, Mode mode, const char *message)
{
  self->mode = mode;
  wipe (self->digits);
  if (mode == MODE_UNLOCK)
    gtk_label_set_label (self->title_label, _("Enter the officer PIN"));
  else if (mode == MODE_NEW)
    gtk_label_set_label (self->title_label, _("Choose an officer PIN of 4 to 8 digits"));
  else if (mode == MODE_CONFIRM)
    gtk_label_set_label (self->title_label, _("Enter the same PIN again"));
  else
    gtk_label_set_label (self->title_label, _("This kiosk is not set up yet"));
  gtk_widget_set_visible (self->keys, mode != MODE_NOT_SET_UP);
  gtk_widget_set_visible (GTK_WIDGET (self->dots_label), mode != MODE_NOT_SET_UP);
  gtk_widget_set_visible (self->close_button, mode == MODE_NOT_SET_UP);
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  update_keys (self);
}

static void
set_not_set_up (RahnumaPinPad *self)
{
  g_autofree char *message = NULL;

  if (self->set_aside_journal != NULL)
    /* Translators: shown when someone holds the officer corner of a kiosk whose
     * records file was found damaged and replaced by a new one, which has no PIN;
     * %s is the old file's path; keep the command as it is */
    message = g_strdup_printf (_("The kiosk’s records file was damaged, so the kiosk kept it as %s and "
                                 "started a new one. The officer PIN was in the old file. A technician "
                                 "sets a new PIN with the command “rahnuma-admin pin set” and keeps the old "
                                 "file: visits in it may not have reached the officers’ file yet."),
                               self->set_aside_journal);
  set_mode (self, MODE_NOT_SET_UP,
            message != NULL ? message
            /* Translators: shown when someone holds the officer corner of a kiosk
             * that has no officer PIN; keep the command as it is */
            : _("No officer PIN has been set on this kiosk. A technician sets one with the command "
                "“rahnuma-admin pin set”; the dashboard opens after that."));
}

static gboolean
on_countdown_tick (gpointer user_data)
{
  RahnumaPinPad *self = user_data;
  gint64 left = self->wait_until - now_seconds ();
  g_autofree char *message = NULL;

  if (left <= 0)
    {
      self->countdown_id = 0;
      /* Translators: the officers’ PIN pad, after a wrong PIN */
      gtk_label_set_label (self->message_label, _("Try again."));
      update_keys (self);
      return G_SOURCE_REMOVE;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Too many wrong tries. Wait %d second.",
                                          "Too many wrong tries. Wait %d seconds.", left),
                             (int) left);
  gtk_label_set_label (self->message_label, message);
  return G_SOURCE_CONTINUE;
}

static void
start_countdown (RahnumaPinPad *self, gint64 wait)
{
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  if (wait <= 0)
    return;
  self->wait_until = now_seconds () + wait;
  self->countdown_id = g_timeout_add_seconds (1, on_countdown_tick, self);
  on_countdown_tick (self);
  update_keys (self);
}

static void
set_busy (RahnumaPinPad *self, gboolean busy)
{
  self->busy = busy;
  update_keys (self);
}

/* ---- results of the slow work ------------------------------------------ */

static void
on_pin_checked (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(RahnumaPinPad) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 wait = 0;
  gboolean right = rahnuma_pin_check_finish (result, &wait, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (right)
    {
      set_mode (self, MODE_UNLOCK, NULL);
      g_signal_emit (self, signals[SIGNAL_UNLOCKED], 0);
      return;
    }
  if (g_error_matches (error, RAHNUMA_PIN_ERROR, RAHNUMA_PIN_ERROR_NOT_SET))
    {
      set_not_set_up (self);
      return;
    }
  set_mode (self, MODE_UNLOCK,
            /* Translators: the officers’ PIN pad, after a wrong PIN */
            g_error_matches (error, RAHNUMA_PIN_ERROR, RAHNUMA_PIN_ERROR_WRONG) ? _("Wrong PIN.")
                                                                                : error->message);
  start_countdown (self, wait);
}

static void
on_pin_set (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(RahnumaPinPad) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rahnuma_pin_set_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      set_mode (self, MODE_NEW, error->message);
      return;
    }
  set_busy (self, FALSE);
  set_mode (self, MODE_UNLOCK, NULL);
  g_signal_emit (self, signals[SIGNAL_UNLOCKED], 0);
}

/* ---- actions ----------------------------------------------------------- */

static void
pin_digit (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaPinPad *self = RAHNUMA_PIN_PAD (widget);
  const char *digit = g_variant_get_string (parameter, NULL);
  gsize length = strlen (self->digits);

  if (length < RAHNUMA_PIN_MAX_LENGTH && g_ascii_isdigit (digit[0]))
    self->digits[length] = digit[0];
  gtk_label_set_label (self->message_label, "");
  update_keys (self);
}

static void
pin_erase (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaPinPad *self = RAHNUMA_PIN_PAD (widget);
  gsize length = strlen (self->digits);

  if (length > 0)
    self->digits[length - 1] = '\0';
  update_keys (self);
}

static void
enter_confirm (RahnumaPinPad *self)
{
  if (!g_str_equal (self->digits, self->first))
    {
      wipe (self->first);
      set_mode (self, MODE_NEW, _("The two PINs were not the same. Start again."));
      return;
    }
  set_busy (self, TRUE);
  rahnuma_pin_set_async (self->store, self->first, self->cancellable, on_pin_set, g_object_ref (self));
  wipe (self->first);
  wipe (self->digits);
}

static void
pin_enter (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaPinPad *self = RAHNUMA_PIN_PAD (widget);

  g_return_if_fail (self->store != NULL);

  if (!rahnuma_pin_is_well_formed (self->digits))
    return;
  switch (self->mode)
    {
    case MODE_UNLOCK:
      set_busy (self, TRUE);
      rahnuma_pin_check_async (self->store, self->digits, self->cancellable, on_pin_checked,
                               g_object_ref (self));
      wipe (self->digits);
      break;
    case MODE_NEW:
      memcpy (self->first, self->digits, sizeof self->first);
      set_mode (self, MODE_CONFIRM, NULL);
      break;
    case MODE_CONFIRM:
      enter_confirm (self);
      break;
    case MODE_NOT_SET_UP:
    default:
      break;
    }
  update_keys (self);
}

/* ---- GObject ----------------------------------------------------------- */

static void
rahnuma_pin_pad_dispose (GObject *object)
{
  RahnumaPinPad *self = RAHNUMA_PIN_PAD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  rahnuma_widget_dispose_page (GTK_WIDGET (self), RAHNUMA_TYPE_PIN_PAD);
  G_OBJECT_CLASS (rahnuma_pin_pad_parent_class)->dispose (object);
}

static void
rahnuma_pin_pad_finalize (GObject *object)
{
  RahnumaPinPad *self = RAHNUMA_PIN_PAD (object);

  wipe (self->digits);
  wipe (self->first);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_free (self->set_aside_journal);
  G_OBJECT_CLASS (rahnuma_pin_pad_parent_class)->finalize (object);
}

static void
rahnuma_pin_pad_class_init (RahnumaPinPadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rahnuma_pin_pad_dispose;
  object_class->finalize = rahnuma_pin_pad_finalize;

  signals[SIGNAL_UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rahnuma/Kiosk/rahnuma-pin-pad.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaPinPad, title_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaPinPad, dots_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaPinPad, message_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaPinPad, spinner);
  gtk_widget_class_bind_template_child (widget_class, RahnumaPinPad, keys);
  gtk_widget_class_bind_template_child (widget_class, RahnumaPinPad, close_button);

  gtk_widget_class_install_action (widget_class, "pin.digit", "s", pin_digit);
  gtk_widget_class_install_action (widget_class, "pin.erase", NULL, pin_erase);
  gtk_widget_class_install_action (widget_class, "pin.enter", NULL, pin_enter);
}

static void
rahnuma_pin_pad_init (RahnumaPinPad *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Digits run left to right in every language, as on a phone's keypad. */
  gtk_widget_set_direction (self->keys, GTK_TEXT_DIR_LTR);
  self->cancellable = g_cancellable_new ();
  set_mode (self, MODE_UNLOCK, NULL);
}

/**
 * rahnuma_pin_pad_set_store:
 * @store: the kiosk journal that keeps the PIN
 */
void
rahnuma_pin_pad_set_store (RahnumaPinPad *self, RahnumaStore *store)
{
  g_return_if_fail (RAHNUMA_IS_PIN_PAD (self));
  g_return_if_fail (RAHNUMA_IS_STORE (store));

  g_set_object (&self->store, store);
  rahnuma_pin_pad_reset (self);
}

/**
 * rahnuma_pin_pad_reset:
 *
 * Clears what was typed and asks for the PIN, or says the kiosk is not set
 * up if no PIN is set yet; a delay from earlier wrong tries (even before a
 * restart) goes on.
 */
void
rahnuma_pin_pad_reset (RahnumaPinPad *self)
{
  g_autoptr(GError) error = NULL;
  RahnumaPinState state = { FALSE, 0, 0 };

  g_return_if_fail (RAHNUMA_IS_PIN_PAD (self));
  g_return_if_fail (self->store != NULL);

  wipe (self->first);
  if (!rahnuma_pin_get_state (self->store, g_get_real_time () / G_USEC_PER_SEC, &state, &error))
    {
      set_mode (self, MODE_UNLOCK, error->message);
      return;
    }
  if (!state.is_set)
    {
      set_not_set_up (self);
      return;
    }
  set_mode (self, MODE_UNLOCK, NULL);
  start_countdown (self, state.wait);
}

/**
 * rahnuma_pin_pad_begin_change:
 *
 * Asks for a new PIN, twice; "unlocked" follows once it is saved.
 */
void
rahnuma_pin_pad_begin_change (RahnumaPinPad *self)
{
  g_return_if_fail (RAHNUMA_IS_PIN_PAD (self));

  wipe (self->first);
  set_mode (self, MODE_NEW, NULL);
}

/**
 * rahnuma_pin_pad_set_journal_set_aside:
 * @path: (nullable): where the kiosk kept its journal when it found it
 *   damaged and started a new one (rahnuma_journal_guard_open()), or %NULL
 *
 * The new journal has no PIN: the "not set up" words then say why, where
 * the old file is, and what a technician does. The visitor is never told.
 */
void
rahnuma_pin_pad_set_journal_set_aside (RahnumaPinPad *self, const char *path)
{
  g_return_if_fail (RAHNUMA_IS_PIN_PAD (self));

  if (g_strcmp0 (self->set_aside_journal, path) == 0)
    return;
  g_free (self->set_aside_journal);
  self->set_aside_journal = g_strdup (path);
  if (self->mode == MODE_NOT_SET_UP)
    set_not_set_up (self);
}
