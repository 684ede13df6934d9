/* admin-report-pdf.c — rahnuma-admin report --pdf FILE: the printable report
 *
 * The same figures and charts the dashboard saves (src/officer), for an
 * officer who works from the command line or a script.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-admin.h"
#include "rahnuma-report-pdf.h"

#define DAY 86400

enum {
  EXIT_OK = 0,
  EXIT_USAGE = 2,
};

/* Without --from or --to, the report covers the days that have records. */
static gboolean
whole_days (RahnumaStore *store, gint64 *from, gint64 *to, int utc_offset, GError **error)
{
  gint64 first = 0, last = 0;

  if (!rahnuma_dashboard_get_span (store, *from, *to, &first, &last, error))
    return FALSE;
  if (*from == G_MININT64)
    *from = rahnuma_dashboard_day_start (first, utc_offset);
  if (*to == G_MAXINT64)
    *to = rahnuma_dashboard_day_start (last, utc_offset) + DAY;
  return TRUE;
}

/**
 * rahnuma_admin_report_pdf:
 * @store: the journal or officers' file
 * @db: its path, printed on the report
 * @from: first second, or %G_MININT64 for the first record's day
 * @to: first second not included, or %G_MAXINT64 for after the last record's day
 * @rates: (nullable): the exchange-rate file for the survey's cost ÷ wage
 *   (--rates); without it, or if it cannot be read, the report says why
 * @output: where to save the PDF
 *
 * Returns: the exit status
 */
int
rahnuma_admin_report_pdf (RahnumaStore *store, const char *db, gint64 from, gint64 to, const char *rates,
                          const char *output)
{
  g_autoptr(RahnumaOfficerData) data = NULL;
  g_autoptr(RahnumaCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  int utc_offset = rahnuma_officer_utc_offset ();

  /* Module titles from the installed modules; ids if they cannot be read. */
  catalog = rahnuma_catalog_new (PKGDATADIR "/media/modules", NULL);
  if (catalog == NULL)
    catalog = rahnuma_catalog_new (SOURCE_MEDIA_DIR "/modules", NULL);
  if (!whole_days (store, &from, &to, utc_offset, &error) ||
      (data = rahnuma_officer_data_new (store, from, to, g_get_real_time () / G_USEC_PER_SEC,
                                        utc_offset, rates, &error)) == NULL ||
      !rahnuma_report_pdf_write (output, data, catalog, db, &error))
    {
      /* Translators: %s is a file path, then why (a system message) */
      g_printerr (_("Cannot write the PDF report %s: %s\n"), output, error->message);
      return EXIT_USAGE;
    }
  /* Translators: %s is a folder or file path */
  g_printerr (_("Saved the printable report to %s.\n"), output);
  return EXIT_OK;
}
