/* rahnuma-number-pad.c — big digit keys for a number typed by touch
 *
 * Ten digits and "remove the last digit" (class number-key: the window's
 * CSS sizes them, at least 64 px), laid out as a phone's pad: 1 2 3 on top,
 * read from the left in every language, ⌫ 0 and an owner's key (the
 * "extra" property: the survey's OK) on the last row. It holds the digits
 * typed (no leading zero, at most max-digits) and emits "digit" for each
 * one accepted (the kiosk says it aloud) and "changed"; what the number
 * means, and how it is shown, is its owner's. Used by the "about you"
 * step's amounts (src/kiosk/rahnuma-about-page.c) and the hall's head count
 * (src/hall/rahnuma-hall-count.c); its template is ui/rahnuma-number-pad.ui
 * in the kiosk's GResource.
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
  GtkWidget *extra;
};

enum { PROP_0, PROP_EXTRA, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { DIGIT, CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RahnumaNumberPad, rahnuma_number_pad, GTK_TYPE_WIDGET)

static void
add_digit (RahnumaNumberPad *self, char digit)
{
  if (self->digits->len >= self->max_digits || (self->digits->len == 0 && digit == '0'))
    return;
  g_string_append_c (self->digits, digit);
  g_signal_emit (self, signals[CHANGED], 0);
  g_signal_emit (self, signals[DIGIT], 0, (char[]) { digit, '\0' });
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
set_extra (RahnumaNumberPad *self, GtkWidget *extra)
{
  if (self->extra == extra)
    return;
  if (self->extra != NULL)
    gtk_grid_remove (GTK_GRID (self->keys), self->extra);
  self->extra = extra;
  if (extra != NULL)
    gtk_grid_attach (GTK_GRID (self->keys), extra, 2, 3, 1, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTRA]);
}

static void
rahnuma_number_pad_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RahnumaNumberPad *self = RAHNUMA_NUMBER_PAD (object);

  switch (prop_id)
    {
    case PROP_EXTRA:
      g_value_set_object (value, self->extra);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rahnuma_number_pad_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RahnumaNumberPad *self = RAHNUMA_NUMBER_PAD (object);

  switch (prop_id)
    {
    case PROP_EXTRA:
      set_extra (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rahnuma_number_pad_dispose (GObject *object)
{
  RAHNUMA_NUMBER_PAD (object)->extra = NULL; /* a child of the grid: goes with it */
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
  object_class->get_property = rahnuma_number_pad_get_property;
  object_class->set_property = rahnuma_number_pad_set_property;

  /**
   * RahnumaNumberPad:extra:
   *
   * A key of the owner's in the last row, after 0 (the survey's OK).
   */
  properties[PROP_EXTRA] = g_param_spec_object ("extra", NULL, NULL, GTK_TYPE_WIDGET,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RahnumaNumberPad::digit:
   * @digit: the digit typed, "0" to "9"
   *
   * A digit was typed and taken (after "changed").
   */
  signals[DIGIT] = g_signal_new ("digit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

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
 * rahnuma_number_pad_set_max_digits:
 * @max_digits: how many digits it takes from now on (1 to 18)
 *
 * Digits already typed stay; more are ignored.
 */
void
rahnuma_number_pad_set_max_digits (RahnumaNumberPad *self, guint max_digits)
{
  g_return_if_fail (RAHNUMA_IS_NUMBER_PAD (self));
  g_return_if_fail (max_digits >= 1 && max_digits <= 18);
  self->max_digits = max_digits;
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
