/* rahnuma-hall-count.c — the head count, typed on a large number pad
 *
 * The one number a hall session records about its people: how many there
 * were, typed by the officer on the shared RahnumaNumberPad (src/ui/) or
 * the keyboard's digits. Save (action count.save) is on only for a count
 * the schema takes (RAHNUMA_HALL_MIN_HEAD_COUNT to _MAX_, hall_session's
 * CHECK), and emits "save".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-hall"

#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-hall-count.h"
#include "rahnuma-hall-session.h"
#include "rahnuma-number-pad.h"
#include "rahnuma-widget-util.h"

struct _RahnumaHallCount
{
  GtkWidget parent_instance;

  GtkLabel *count_label;
  GtkLabel *bound_label;
  RahnumaNumberPad *pad;
};

enum { SAVE, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RahnumaHallCount, rahnuma_hall_count, GTK_TYPE_WIDGET)

static gboolean
count_is_valid (guint64 count)
{
  return count >= RAHNUMA_HALL_MIN_HEAD_COUNT && count <= RAHNUMA_HALL_MAX_HEAD_COUNT;
}

static void
on_pad_changed (RahnumaNumberPad *pad, RahnumaHallCount *self)
{
  const char *digits = rahnuma_number_pad_get_digits (pad);
  guint64 count = rahnuma_number_pad_get_value (pad);

  gtk_label_set_label (self->count_label, *digits != '\0' ? digits : "0");
  /* Its room is kept when it is not shown (child-visible, not visible):
   * the keys do not jump down under the officer's finger when it comes. */
  gtk_widget_set_child_visible (GTK_WIDGET (self->bound_label), count > RAHNUMA_HALL_MAX_HEAD_COUNT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "count.save", count_is_valid (count));
}

static void
count_save (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[SAVE], 0);
}

static void
rahnuma_hall_count_dispose (GObject *object)
{
  rahnuma_widget_dispose_page (GTK_WIDGET (object), RAHNUMA_TYPE_HALL_COUNT);
  G_OBJECT_CLASS (rahnuma_hall_count_parent_class)->dispose (object);
}

static void
rahnuma_hall_count_class_init (RahnumaHallCountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rahnuma_hall_count_dispose;

  /**
   * RahnumaHallCount::save:
   *
   * The officer saved a head count within the bounds.
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (RAHNUMA_TYPE_NUMBER_PAD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/rahnuma/Kiosk/rahnuma-hall-count.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallCount, count_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallCount, bound_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallCount, pad);
  gtk_widget_class_install_action (widget_class, "count.save", NULL, count_save);
}

static void
rahnuma_hall_count_init (RahnumaHallCount *self)
{
  g_autofree char *bound = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Translators: hall mode, under the head count when it is too large; %u is the largest count taken */
  bound = g_strdup_printf (_("At most %u people: check the number."), RAHNUMA_HALL_MAX_HEAD_COUNT);
  gtk_label_set_label (self->bound_label, bound);
  g_signal_connect (self->pad, "changed", G_CALLBACK (on_pad_changed), self);
  on_pad_changed (self->pad, self);
}

/**
 * rahnuma_hall_count_new:
 *
 * Returns: (transfer floating): an empty head count, Save off
 */
GtkWidget *
rahnuma_hall_count_new (void)
{
  return g_object_new (RAHNUMA_TYPE_HALL_COUNT, NULL);
}

/**
 * rahnuma_hall_count_get_value:
 *
 * Returns: the count typed (0 if none)
 */
guint
rahnuma_hall_count_get_value (RahnumaHallCount *self)
{
  g_return_val_if_fail (RAHNUMA_IS_HALL_COUNT (self), 0);
  return (guint) MIN (rahnuma_number_pad_get_value (self->pad), G_MAXUINT);
}

/**
 * rahnuma_hall_count_clear:
 *
 * Empties the pad, for the next briefing.
 */
void
rahnuma_hall_count_clear (RahnumaHallCount *self)
{
  g_return_if_fail (RAHNUMA_IS_HALL_COUNT (self));
  rahnuma_number_pad_clear (self->pad);
}

/**
 * rahnuma_hall_count_handle_key:
 * @keyval: a key pressed while the head count is shown
 *
 * Digits and Backspace go to the pad; Enter saves a valid count.
 *
 * Returns: whether the key was used
 */
gboolean
rahnuma_hall_count_handle_key (RahnumaHallCount *self, guint keyval)
{
  g_return_val_if_fail (RAHNUMA_IS_HALL_COUNT (self), FALSE);

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    {
      if (count_is_valid (rahnuma_number_pad_get_value (self->pad)))
        g_signal_emit (self, signals[SAVE], 0);
      return TRUE;
    }
  return rahnuma_number_pad_handle_key (self->pad, keyval);
}
