/* rahnuma-hall-count.c — the head count, typed on a large number pad
 *
 * The one number a hall session records about its people: how many there
 * were, typed by the officer on the shared RahnumaNumberPad (src/ui/) or
 * the keyboard's digits. Save (action count.save) is on only for a count
 * the schema takes (RAHNUMA_HALL_MIN_HEAD_COUNT to _MAX_, hall_session's
 * CHECK), and emits "save". What stands in the way of saving (a wrong
 * clock, no journal) is said above the pad (rahnuma_hall_count_set_problem())
 * and why a Save did not record under the count (rahnuma_hall_count_set_note()):
 * in the page, never over its buttons.
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

  GtkLabel *problem_label;
  GtkLabel *count_label;
  GtkLabel *note_label;
  RahnumaNumberPad *pad;
  char *bound; /* "At most 1000 people: check the number." */
  char *note;  /* nullable: why the last Save did not record */
};

enum { SAVE, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RahnumaHallCount, rahnuma_hall_count, GTK_TYPE_WIDGET)

static gboolean
count_is_valid (guint64 count)
{
  return count >= RAHNUMA_HALL_MIN_HEAD_COUNT && count <= RAHNUMA_HALL_MAX_HEAD_COUNT;
}

/* The line under the count: the bound when the count is over it, else the
 * last Save's note. An empty label keeps a line's room: the keys do not
 * jump down under the officer's finger when the bound comes. (Hiding it
 * with child-visible kept the room, but in GTK 4.8 it was not drawn again
 * once shown.) */
static void
update_note (RahnumaHallCount *self)
{
  gboolean over = rahnuma_number_pad_get_value (self->pad) > RAHNUMA_HALL_MAX_HEAD_COUNT;

  gtk_label_set_label (self->note_label, over ? self->bound : self->note != NULL ? self->note : "");
}

static void
on_pad_changed (RahnumaNumberPad *pad, RahnumaHallCount *self)
{
  const char *digits = rahnuma_number_pad_get_digits (pad);
  guint64 count = rahnuma_number_pad_get_value (pad);

  gtk_label_set_label (self->count_label, *digits != '\0' ? digits : "0");
  g_clear_pointer (&self->note, g_free); /* a new count: the last Save's note is old */
  update_note (self);
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
rahnuma_hall_count_finalize (GObject *object)
{
  RahnumaHallCount *self = RAHNUMA_HALL_COUNT (object);

  g_free (self->bound);
  g_free (self->note);
  G_OBJECT_CLASS (rahnuma_hall_count_parent_class)->finalize (object);
}

static void
rahnuma_hall_count_class_init (RahnumaHallCountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rahnuma_hall_count_dispose;
  object_class->finalize = rahnuma_hall_count_finalize;

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
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallCount, problem_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallCount, count_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallCount, note_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaHallCount, pad);
  gtk_widget_class_install_action (widget_class, "count.save", NULL, count_save);
}

static void
rahnuma_hall_count_init (RahnumaHallCount *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Translators: hall mode, under the head count when it is too large; %u is the largest count taken */
  self->bound = g_strdup_printf (_("At most %u people: check the number."), RAHNUMA_HALL_MAX_HEAD_COUNT);
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

/**
 * rahnuma_hall_count_set_problem:
 * @text: (nullable): what keeps this count from being saved (a wrong
 *   clock, a journal that cannot be written), or %NULL for none
 *
 * Shows @text above the number pad, in the page (a toast there covered
 * Save and "Back to the briefing" at 1280 × 720).
 */
void
rahnuma_hall_count_set_problem (RahnumaHallCount *self, const char *text)
{
  g_return_if_fail (RAHNUMA_IS_HALL_COUNT (self));
  gtk_label_set_label (self->problem_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), text != NULL);
}

/**
 * rahnuma_hall_count_get_problem:
 *
 * Returns: (transfer none) (nullable): the text rahnuma_hall_count_set_problem() shows
 */
const char *
rahnuma_hall_count_get_problem (RahnumaHallCount *self)
{
  g_return_val_if_fail (RAHNUMA_IS_HALL_COUNT (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->problem_label))
           ? gtk_label_get_label (self->problem_label) : NULL;
}

/**
 * rahnuma_hall_count_set_note:
 * @text: (nullable): why the last Save did not record, or %NULL
 *
 * Shows @text under the count until the count changes (the bound, "At
 * most 1000 people", comes first while the count is over it).
 */
void
rahnuma_hall_count_set_note (RahnumaHallCount *self, const char *text)
{
  g_return_if_fail (RAHNUMA_IS_HALL_COUNT (self));
  g_free (self->note);
  self->note = g_strdup (text);
  update_note (self);
}

/**
 * rahnuma_hall_count_get_note:
 *
 * Returns: (transfer none) (nullable): the line shown under the count
 *   (the bound or the last Save's note), %NULL when it is empty
 */
const char *
rahnuma_hall_count_get_note (RahnumaHallCount *self)
{
  const char *text;

  g_return_val_if_fail (RAHNUMA_IS_HALL_COUNT (self), NULL);
  text = gtk_label_get_label (self->note_label);
  return *text != '\0' ? text : NULL;
}
