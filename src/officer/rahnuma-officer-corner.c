/* rahnuma-officer-corner.c — the hidden press-and-hold target that opens the officer PIN pad
 *
 * An invisible 96 × 96 px square, placed by the welcome page in its
 * top-start corner. Held for three seconds without moving, it activates
 * "kiosk.officer". A visitor's tap does nothing. GtkGestureLongPress cannot
 * wait that long (its delay factor stops at 2) and GtkGestureClick stops
 * at the double-click time, so a drag gesture starts a timer that a
 * release, a slide or a cancel stops.
 *
 * It is left out of the accessibility tree (role "presentation"): a screen
 * reader must not announce a secret corner to a visitor. UI tests find it
 * where an officer does, by its place on the screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rahnuma-officer-corner.h"

#define HOLD_MS 3000
#define SIZE_PX 96
#define MAX_MOVE_PX 24

struct _RahnumaOfficerCorner
{
  GtkWidget parent_instance;

  guint hold_id;
};

G_DEFINE_FINAL_TYPE (RahnumaOfficerCorner, rahnuma_officer_corner, GTK_TYPE_WIDGET)

static gboolean
on_hold_elapsed (gpointer user_data)
{
  RahnumaOfficerCorner *self = user_data;

  self->hold_id = 0;
  g_debug ("Officer corner held: opening the PIN pad");
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.officer", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_drag_begin (GtkGestureDrag *gesture, double x, double y, RahnumaOfficerCorner *self)
{
  g_clear_handle_id (&self->hold_id, g_source_remove);
  self->hold_id = g_timeout_add (HOLD_MS, on_hold_elapsed, self);
}

/* A finger that slides is not a hold. */
static void
on_drag_update (GtkGestureDrag *gesture, double dx, double dy, RahnumaOfficerCorner *self)
{
  if (dx * dx + dy * dy > MAX_MOVE_PX * MAX_MOVE_PX)
    g_clear_handle_id (&self->hold_id, g_source_remove);
}

static void
on_drag_end (GtkGestureDrag *gesture, double dx, double dy, RahnumaOfficerCorner *self)
{
  g_clear_handle_id (&self->hold_id, g_source_remove);
}

static void
on_drag_cancel (GtkGesture *gesture, GdkEventSequence *sequence, RahnumaOfficerCorner *self)
{
  g_clear_handle_id (&self->hold_id, g_source_remove);
}

static void
rahnuma_officer_corner_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                                int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = *natural = SIZE_PX;
}

static void
rahnuma_officer_corner_dispose (GObject *object)
{
  RahnumaOfficerCorner *self = RAHNUMA_OFFICER_CORNER (object);

  g_clear_handle_id (&self->hold_id, g_source_remove);
  G_OBJECT_CLASS (rahnuma_officer_corner_parent_class)->dispose (object);
}

static void
rahnuma_officer_corner_class_init (RahnumaOfficerCornerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_officer_corner_dispose;
  widget_class->measure = rahnuma_officer_corner_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
  gtk_widget_class_set_css_name (widget_class, "officer-corner");
}

static void
rahnuma_officer_corner_init (RahnumaOfficerCorner *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}
