/* main.c — rahnuma, the pre-departure briefing kiosk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gst/gst.h>

#include "rahnuma-application.h"
#include "rahnuma-i18n.h"

int
main (int argc, char **argv)
{
  g_autoptr(RahnumaApplication) app = NULL;
  int status;

  rahnuma_i18n_init ();
  gst_init (&argc, &argv);

  app = rahnuma_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return status != 0 ? status : rahnuma_application_get_exit_status (app);
}
