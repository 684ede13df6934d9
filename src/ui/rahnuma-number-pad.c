/* rahnuma-number-pad.c — big digit keys for a number typed by touch
 *
 * Ten digits and "remove the last digit", at least 64 px each (the size of
 * the kiosk's other targets), laid out as a phone's pad: 1 2 3 on top,
 * read from the left in every language. It holds the digits typed (no
 * leading zero, at most max-digits) and emits "changed"; what the number
 * means, and how it is shown, is its owner's. The hall's head count uses
 * it (src/hall/rahnuma-hall-count.c); its template is
 * ui/rahnuma-number-pad.ui in the kiosk's GResource.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-ui"

#include "config.h"

#include "rahnuma-number-pad.h"
#include "rahnuma-widget-util.h"

struct _RahnumaNumberPad
{
  GtkWidget parent_instance;

  GString *digits;
  guint max_digits;
  GtkWidget *keys;
};

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RahnumaNumberPad, rahnuma_number_pad, GTK_TYPE_WIDGET)

static void
add_digit (RahnumaNumberPad *self, char digit)
{
  if (self->digits->len >= self->max_digits || (self->digits->len == 0 && digit == '0'))
    return;
  g_string_append_c (self->digits, digit);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
erase_digit (RahnumaNumberPad *self)
{
  if (self->digits->len == 0)
    return;
  g_string_truncate (self->digits, self->digits->len - 1);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
pad_digit (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  add_digit (RAHNUMA_NUMBER_PAD (widget), *g_variant_get_string (parameter, NULL));
}

static void
pad_erase (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  erase_digit (RAHNUMA_NUMBER_PAD (widget));
}

static void
rahnuma_number_pad_dispose (GObject *object)
{
  rahnuma_widget_dispose_page (GTK_WIDGET (object), RAHNUMA_TYPE_NUMBER_PAD);
  G_OBJECT_CLASS (rahnuma_number_pad_parent_class)->dispose (object);
}

static void
rahnuma_number_pad_finalize (GObject *object)
{
  RahnumaNumberPad *self = RAHNUMA_NUMBER_PAD (object);

  g_string_free (self->digits, TRUE);
  G_OBJECT_CLASS (rahnuma_number_pad_parent_class)->finalize (object);
}

static void
rahnuma_number_pad_class_init (RahnumaNumberPadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rahnuma_number_pad_dispose;
  object_class->finalize = rahnuma_number_pad_finalize;

  /**
   * RahnumaNumberPad::changed:
   *
   * A digit was typed or removed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rahnuma/Kiosk/rahnuma-number-pad.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaNumberPad, keys);
  gtk_widget_class_install_action (widget_class, "pad.digit", "s", pad_digit);
  gtk_widget_class_install_action (widget_class, "pad.erase", NULL, pad_erase);
}

static void
rahnuma_number_pad_init (RahnumaNumberPad *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->digits = g_string_new (NULL);
  self->max_digits = 4;
  /* A number pad reads 1 2 3 from the left in every language, as phones do. */
  gtk_widget_set_direction (self->keys, GTK_TEXT_DIR_LTR);
}

/**
 * rahnuma_number_pad_new:
 * @max_digits: how many digits it takes (1 to 18); more are ignored
 *
 * Returns: (transfer floating): an empty pad
 */
GtkWidget *
rahnuma_number_pad_new (guint max_digits)
{
  RahnumaNumberPad *self;

  g_return_val_if_fail (max_digits >= 1 && max_digits <= 18, NULL);

  self = g_object_new (RAHNUMA_TYPE_NUMBER_PAD, NULL);
  self->max_digits = max_digits;
  return GTK_WIDGET (self);
}

/**
 * rahnuma_number_pad_get_digits:
 *
 * Returns: (transfer none): the digits typed, "" if none (never a leading 0)
 */
const char *
rahnuma_number_pad_get_digits (RahnumaNumberPad *self)
{
  g_return_val_if_fail (RAHNUMA_IS_NUMBER_PAD (self), "");
  return self->digits->str;
}

/**
 * rahnuma_number_pad_get_value:
 *
 * Returns: the number typed, 0 if none
 */
guint64
rahnuma_number_pad_get_value (RahnumaNumberPad *self)
{
  g_return_val_if_fail (RAHNUMA_IS_NUMBER_PAD (self), 0);
  return g_ascii_strtoull (self->digits->str, NULL, 10);
}

/**
 * rahnuma_number_pad_clear:
 *
 * Forgets the digits typed (emits "changed" if there were any).
 */
void
rahnuma_number_pad_clear (RahnumaNumberPad *self)
{
  g_return_if_fail (RAHNUMA_IS_NUMBER_PAD (self));
  if (self->digits->len == 0)
    return;
  g_string_truncate (self->digits, 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * rahnuma_number_pad_handle_key:
 * @keyval: a key pressed where the pad is shown
 *
 * The keyboard's digits (top row and keypad) and Backspace do what the
 * keys on screen do, for an officer with a keyboard.
 *
 * Returns: whether the key was the pad's
 */
gboolean
rahnuma_number_pad_handle_key (RahnumaNumberPad *self, guint keyval)
{
  gunichar c = gdk_keyval_to_unicode (keyval);

  g_return_val_if_fail (RAHNUMA_IS_NUMBER_PAD (self), FALSE);
  if (keyval == GDK_KEY_BackSpace)
    {
      erase_digit (self);
      return TRUE;
    }
  if (c >= '0' && c <= '9')
    {
      add_digit (self, (char) c);
      return TRUE;
    }
  return FALSE;
}
