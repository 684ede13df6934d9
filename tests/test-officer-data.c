/* test-officer-data.c — the centre's time zone: days and hours of the day
 * on the dashboard and in reports are Asia/Karachi's by default (or the
 * time-zone setting's), whatever the computer's own zone (TZ=UTC here)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "config.h"
#include "rahnuma-officer-data.h"
#include "test-util.h"

#define HOUR 3600
#define DAY 86400

static void
set_time_zone (const char *id)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "time-zone", id);
}

static void
test_offset (void)
{
  g_autofree char *id = rahnuma_officer_dup_time_zone ();

  g_assert_cmpstr (id, ==, "Asia/Karachi");
  g_assert_cmpint (rahnuma_officer_utc_offset (), ==, 5 * HOUR);
  set_time_zone ("Asia/Dubai");
  g_assert_cmpint (rahnuma_officer_utc_offset (), ==, 4 * HOUR);
  /* A name nobody knows: the computer's zone (UTC in the tests), not a crash. */
  set_time_zone ("Nowhere/Atlantis");
  g_assert_cmpint (rahnuma_officer_utc_offset (), ==, 0);
  set_time_zone ("Asia/Karachi");
}

/* Five visits at 04:00 UTC are in the 09 bar of the hours chart. */
static void
test_hours (void)
{
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-officer-data-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "officers.db", NULL);
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 at = now - now % DAY + 4 * HOUR;
  RahnumaOfficerData *data;
  GPtrArray *hours;
  gint64 at_nine = 0;

  if (at > now)
    at -= DAY;
  store = rahnuma_store_new (path, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      RahnumaSessionStart start = { "LHE-POE", "K1", "ur", "v1", at, FALSE };
      g_autofree char *id = rahnuma_store_begin_session (store, &start, &error);

      g_assert_no_error (error);
      g_assert_true (rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_COMPLETED, NULL, at + 600, &error));
    }
  data = rahnuma_officer_data_new (store, at - 2 * DAY, at + 2 * DAY, now, rahnuma_officer_utc_offset (), &error);
  g_assert_no_error (error);
  hours = data->charts[RAHNUMA_DASHBOARD_PER_HOUR];
  for (guint i = 0; i < hours->len; i++)
    {
      RahnumaDashboardBar *bar = g_ptr_array_index (hours, i);

      if (g_ascii_strtoll (bar->key, NULL, 10) == 9)
        at_nine = bar->count;
      else
        g_assert_cmpint (bar->count, ==, 0);
    }
  g_assert_cmpint (at_nine, ==, 5);
  rahnuma_officer_data_free (data);
  g_clear_object (&store);
  rahnuma_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rahnuma/officer-data/time-zone", test_offset);
  g_test_add_func ("/rahnuma/officer-data/hours", test_hours);
  return g_test_run ();
}
