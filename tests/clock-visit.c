/* clock-visit.c — records one completed visit at whatever the clock says
 *
 * For tests/test-clock.c, which runs it under faketime: the kiosk's way of
 * recording (begin, one module, finish with a code) with the real clock,
 * in a process of its own. Prints the completion code on standard output.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "rahnuma-code.h"
#include "rahnuma-store.h"

static gboolean
record_visit (RahnumaStore *store, const char *code, GError **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  RahnumaSessionStart start = { "LHE-POE", "K1", "ur", "v1", now, FALSE };
  g_autofree char *id = rahnuma_store_begin_session (store, &start, error);

  return id != NULL &&
         rahnuma_store_record_module (store, id, "contract", 1, 1.0, 3, 3, TRUE, error) &&
         rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_COMPLETED, code,
                                       g_get_real_time () / G_USEC_PER_SEC, error);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autofree char *code = rahnuma_code_generate ();

  if (argc != 2)
    {
      fprintf (stderr, "Usage: clock-visit JOURNAL\n");
      return 2;
    }
  store = rahnuma_store_new (argv[1], NULL, &error);
  if (store == NULL || !record_visit (store, code, &error))
    {
      fprintf (stderr, "clock-visit: %s\n", error->message);
      return 1;
    }
  printf ("%s\n", code);
  return 0;
}
