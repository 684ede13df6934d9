/* rahnuma-officer.c — the one entry the kiosk needs: open the officers' dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-officer"

#include "config.h"

#include "rahnuma-officer-window.h"
#include "rahnuma-officer.h"

/* At most one officer window: a second long press brings it back. */
static GtkWindow *officer_window;

/**
 * rahnuma_officer_present:
 * @parent: (nullable): the kiosk window
 * @store: the kiosk journal (PIN, records)
 * @catalog: (nullable): the modules, for their titles
 *
 * Shows the PIN pad, over the kiosk; the dashboard follows the right PIN.
 */
void
rahnuma_officer_present (GtkWindow *parent, RahnumaStore *store, RahnumaCatalog *catalog)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (RAHNUMA_IS_STORE (store));

  if (officer_window == NULL)
    {
      officer_window = GTK_WINDOW (rahnuma_officer_window_new (store, catalog));
      g_object_add_weak_pointer (G_OBJECT (officer_window), (gpointer *) &officer_window);
      gtk_window_set_transient_for (officer_window, parent);
      if (parent != NULL)
        {
          gtk_window_set_application (officer_window, gtk_window_get_application (parent));
          if (gtk_window_is_fullscreen (parent))
            gtk_window_fullscreen (officer_window);
        }
    }
  gtk_window_present (officer_window);
}
