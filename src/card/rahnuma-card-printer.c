/* rahnuma-card-printer.c — the kiosk's card printer and its last fault
 *
 * One object per kiosk, made from the `printer` and `card-paper` settings
 * (the application makes none for `printer` = "none"). Every card goes
 * through it, so it knows how the last job ended: "last-error" holds the
 * fault in words (no printer, stopped, refused) until a card prints, and
 * the officers' dashboard shows it, as it shows the automatic sync's.
 * Nothing of the visitor is kept: not the code, not the language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-card"

#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-card-print.h"
#include "rahnuma-card-printer.h"
#include "rahnuma-code.h"

struct _RahnumaCardPrinter
{
  GObject parent_instance;

  char *name;        /* "" for the default printer */
  RahnumaCardLayout layout;
  char *last_error;  /* nullable */
  RahnumaCardSignFunc sign; /* nullable: signs the test card's proof */
  gpointer sign_data;       /* unowned: the kiosk application, which outlives the printer's use */
};

enum {
  PROP_0,
  PROP_LAST_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RahnumaCardPrinter, rahnuma_card_printer, G_TYPE_OBJECT)

static void
set_last_error (RahnumaCardPrinter *self, const char *message)
{
  if (g_strcmp0 (self->last_error, message) == 0)
    return;
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

/* The fault in the officer's words, with the time it happened. */
static char *
describe_fault (const GError *error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M");
  const char *what;

  if (g_error_matches (error, RAHNUMA_CARD_PRINT_ERROR, RAHNUMA_CARD_PRINT_ERROR_STOPPED))
    /* Translators: on the officers' dashboard, a printer fault */
    what = _("The printer has stopped: check its paper and its cover.");
  else if (g_error_matches (error, RAHNUMA_CARD_PRINT_ERROR, RAHNUMA_CARD_PRINT_ERROR_NO_PRINTER))
    /* Translators: on the officers' dashboard, a printer fault */
    what = _("The printer cannot be found: check that it is on and plugged in, and the printer setting.");
  else
    /* Translators: on the officers' dashboard, a printer fault */
    what = _("The printer refused the card.");
  /* Translators: on the officers' dashboard: the fault, the time (14:05) and the system's reason */
  return g_strdup_printf (_("%s (at %s; %s)"), what, time, error->message);
}

static void
on_printed (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GTask) task = data;
  RahnumaCardPrinter *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (rahnuma_card_print_finish (result, &error))
    {
      set_last_error (self, NULL);
      g_task_return_boolean (task, TRUE);
      return;
    }
  {
    g_autofree char *fault = describe_fault (error);

    /* A message, not a warning: a printer out of paper is the centre's
     * daily life, not a fault of the kiosk's. */
    g_message ("A card was not printed: %s", error->message);
    set_last_error (self, fault);
  }
  g_task_return_error (task, error);
}

static void
rahnuma_card_printer_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RahnumaCardPrinter *self = RAHNUMA_CARD_PRINTER (object);

  switch (prop_id)
    {
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rahnuma_card_printer_finalize (GObject *object)
{
  RahnumaCardPrinter *self = RAHNUMA_CARD_PRINTER (object);

  g_free (self->name);
  g_free (self->last_error);
  G_OBJECT_CLASS (rahnuma_card_printer_parent_class)->finalize (object);
}

static void
rahnuma_card_printer_class_init (RahnumaCardPrinterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rahnuma_card_printer_finalize;
  object_class->get_property = rahnuma_card_printer_get_property;
  /**
   * RahnumaCardPrinter:last-error:
   *
   * The last job's fault, for the officer, or %NULL once a card printed.
   */
  properties[PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rahnuma_card_printer_init (RahnumaCardPrinter *self)
{
}

/**
 * rahnuma_card_printer_new:
 * @name: the printer's CUPS name, or "" for the default printer
 * @layout: the paper it holds
 *
 * Returns: (transfer full): a printer with no fault yet
 */
RahnumaCardPrinter *
rahnuma_card_printer_new (const char *name, RahnumaCardLayout layout)
{
  RahnumaCardPrinter *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (RAHNUMA_TYPE_CARD_PRINTER, NULL);
  self->name = g_strdup (name);
  self->layout = layout;
  return self;
}

const char *
rahnuma_card_printer_get_name (RahnumaCardPrinter *self)
{
  g_return_val_if_fail (RAHNUMA_IS_CARD_PRINTER (self), NULL);
  return self->name;
}

RahnumaCardLayout
rahnuma_card_printer_get_layout (RahnumaCardPrinter *self)
{
  g_return_val_if_fail (RAHNUMA_IS_CARD_PRINTER (self), RAHNUMA_CARD_LAYOUT_ROLL);
  return self->layout;
}

/**
 * rahnuma_card_printer_get_last_error:
 *
 * Returns: (nullable): the last job's fault, in the officer's words
 */
const char *
rahnuma_card_printer_get_last_error (RahnumaCardPrinter *self)
{
  g_return_val_if_fail (RAHNUMA_IS_CARD_PRINTER (self), NULL);
  return self->last_error;
}

/**
 * rahnuma_card_printer_print_async:
 * @card: the card (copied)
 * @parent: (nullable): the kiosk window
 *
 * Prints @card with no dialog (rahnuma_card_print_async()); a fault is
 * kept in "last-error" and logged (without the card's contents).
 */
void
rahnuma_card_printer_print_async (RahnumaCardPrinter *self, const RahnumaCard *card, GtkWindow *parent,
                                  GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  GTask *task;

  g_return_if_fail (RAHNUMA_IS_CARD_PRINTER (self));
  g_return_if_fail (card != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rahnuma_card_printer_print_async);
  if (self->name[0] != '\0')
    gtk_print_settings_set_printer (settings, self->name);
  rahnuma_card_print_async (card, self->layout, settings, parent, cancellable, on_printed, task);
}

/**
 * rahnuma_card_printer_print_finish:
 * @error: a %RAHNUMA_CARD_PRINT_ERROR
 *
 * Returns: %TRUE if the card printed
 */
gboolean
rahnuma_card_printer_print_finish (RahnumaCardPrinter *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rahnuma_card_printer_print_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rahnuma_card_printer_set_test_signer:
 * @sign: (nullable) (scope notified): signs a test card's proof, marked demo
 * @user_data: (nullable): for @sign; not owned, it must outlive the printer
 *
 * The test card's QR code then carries a proof signed with the kiosk's key
 * (the printer library knows no keys); without @sign, the bare code.
 */
void
rahnuma_card_printer_set_test_signer (RahnumaCardPrinter *self, RahnumaCardSignFunc sign, gpointer user_data)
{
  g_return_if_fail (RAHNUMA_IS_CARD_PRINTER (self));

  self->sign = sign;
  self->sign_data = user_data;
}

/**
 * rahnuma_card_printer_print_test_card:
 * @language: the card's language (its words follow the language in effect)
 * @parent: (nullable): the window the officer uses
 *
 * Prints a test card marked DEMO, with a fresh random code that is no
 * visitor's, for setting up the printer. How it went shows in "last-error".
 */
void
rahnuma_card_printer_print_test_card (RahnumaCardPrinter *self, const char *language, GtkWindow *parent)
{
  g_autofree char *code = rahnuma_code_generate ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *proof = NULL;
  RahnumaCard card = { language, code, code, now, 7, 7, TRUE, TRUE, NULL, 0 };

  g_return_if_fail (RAHNUMA_IS_CARD_PRINTER (self));

  /* Signed and marked demo, so "verify --qr" says "valid, demo" for it. */
  if (self->sign != NULL && (proof = self->sign (code, card.n_passed, card.n_total, self->sign_data)) != NULL)
    card.qr_payload = proof;

  rahnuma_card_printer_print_async (self, &card, parent, NULL, NULL, NULL);
}
