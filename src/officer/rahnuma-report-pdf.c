/* rahnuma-report-pdf.c — the printable report: figures and charts on A4
 *
 * A cairo PDF surface with Pango text, in the officer's language: in Urdu,
 * Pashto or Punjabi the page reads from the right (Pango shapes and orders
 * the text, the charts mirror). Figures are written as text, so that a
 * reader — or pdftotext in the tests — finds them; cells of fewer than 5
 * people say so instead of a number. The file is written beside its final
 * name and renamed into place, so a USB drive pulled out mid-way never holds
 * half a report under the real name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-officer"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <string.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "rahnuma-chart.h"
#include "rahnuma-file.h"
#include "rahnuma-language.h"
#include "rahnuma-report-pdf.h"

#define PAGE_WIDTH  595.0 /* A4 in points */
#define PAGE_HEIGHT 842.0
#define MARGIN      48.0

typedef struct
{
  cairo_t *cr;
  RahnumaCatalog *catalog;
  gboolean rtl;
  double y;
} Page;

static const char *chart_kinds[] = { "day", "hour", "module", "missed" };

static gboolean
is_rtl (void)
{
  const RahnumaLanguage *language = rahnuma_language_lookup (rahnuma_officer_ui_language ());

  return language != NULL && language->rtl;
}

static void
need_space (Page *page, double height)
{
  if (page->y + height <= PAGE_HEIGHT - MARGIN)
    return;
  cairo_show_page (page->cr);
  page->y = MARGIN;
}

static void
write_text (Page *page, const char *text, const char *font)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (page->cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  int height;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) ((PAGE_WIDTH - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, page->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  need_space (page, height);
  cairo_set_source_rgb (page->cr, 0.1, 0.1, 0.1);
  cairo_move_to (page->cr, MARGIN, page->y);
  pango_cairo_show_layout (page->cr, layout);
  page->y += height + 4;
}

static void
write_chart (Page *page, const char *title, const char *kind, GPtrArray *bars, RahnumaChartKind chart_kind)
{
  RahnumaOfficerLabels label = { kind, page->catalog };
  RahnumaChart chart = { chart_kind, bars, rahnuma_officer_chart_label, &label, NULL, page->rtl, { 0.1, 0.1, 0.1 } };
  double height = rahnuma_chart_get_height (&chart);

  need_space (page, height + 40);
  page->y += 10;
  write_text (page, title, "Sans Bold 12");
  cairo_save (page->cr);
  cairo_translate (page->cr, MARGIN, page->y);
  rahnuma_chart_draw (&chart, page->cr, PAGE_WIDTH - 2 * MARGIN, height);
  cairo_restore (page->cr);
  page->y += height + 6;
}

static void
write_totals (Page *page, const RahnumaOfficerData *data, const char *source_name)
{
  const RahnumaDashboardTotals *r = &data->range;
  g_autofree char *from = rahnuma_officer_format_day (data->from, data->utc_offset);
  g_autofree char *to = rahnuma_officer_format_day (data->to - 86400, data->utc_offset);
  g_autofree char *rate = rahnuma_officer_format_rate (r->quizzes_passed, r->quizzes_taken);
  /* Translators: each %s is a date, “2025-11-24” */
  g_autofree char *range = g_strdup_printf (_("From %s to %s"), from, to);
  g_autofree char *lines = NULL;
  g_autofree char *clock = rahnuma_officer_format_wrong_clock (r->wrong_clock_sessions);
  g_autofree char *paths = rahnuma_officer_format_paths (data->paths);
  g_autofree char *hall = NULL;

  /* Translators: the printed report’s title (and the PDF’s title) */
  write_text (page, _("Rahnuma report"), "Sans Bold 20");
  write_text (page, range, "Sans 11");
  write_text (page, source_name, "Sans 9");
  if (r->demo_sessions > 0)
    write_text (page, _("Includes demo data made for training: these are not real visits."), "Sans Bold 10");
  if (clock != NULL)
    write_text (page, clock, "Sans Bold 10");
  page->y += 8;
  /* Translators: the summary lines of the printed report; %lld are counts, %s a percentage */
  lines = g_strdup_printf (_("Visitors: %lld\nCompleted: %lld\nAbandoned: %lld\nQuiz pass rate: %s"),
                           (long long) r->sessions, (long long) r->completed, (long long) r->abandoned, rate);
  write_text (page, lines, "Sans 12");
  write_text (page, paths, "Sans 11");
  hall = rahnuma_officer_format_hall (&data->hall, data->paths);
  write_text (page, hall, "Sans 12");
  write_text (page, _("Groups of fewer than 5 people are not shown, so that no one can be recognised."), "Sans Italic 9");
}

static void
write_breakdown (Page *page, const RahnumaOfficerData *data, RahnumaDashboardChart chart, const char *name,
                 const char *title)
{
  write_chart (page, title, name, data->charts[chart], RAHNUMA_CHART_COUNTS);
}

/* The anonymous survey: the whole, each destination and each sector, as
 * text lines, and what cost ÷ wage rests on. */
static void
write_survey (Page *page, const RahnumaOfficerData *data)
{
  g_autofree char *lines = rahnuma_officer_format_survey (data->survey, data->rates_problem == NULL);
  g_autofree char *notes = NULL;

  if (lines == NULL)
    return;
  notes = rahnuma_officer_format_survey_notes (data);
  page->y += 8;
  write_text (page, _("Recruitment costs, from the anonymous survey"), "Sans Bold 13");
  write_text (page, lines, "Sans 10");
  write_text (page, notes, "Sans Italic 9");
  /* Translators: under the survey's figures in the printed report */
  write_text (page, _("By the week the answers were given. Groups of fewer than 5 answers are not shown."),
              "Sans Italic 9");
}

static void
write_pages (Page *page, const RahnumaOfficerData *data, const char *source_name)
{
  write_totals (page, data, source_name);
  write_chart (page, _("Visitors per day (completed inside)"), chart_kinds[0],
               data->charts[RAHNUMA_DASHBOARD_PER_DAY], RAHNUMA_CHART_COLUMNS);
  write_chart (page, _("Visitors per hour of the day"), chart_kinds[1],
               data->charts[RAHNUMA_DASHBOARD_PER_HOUR], RAHNUMA_CHART_COLUMNS);
  write_chart (page, _("Quizzes per module: passed / taken · mean score"), chart_kinds[2],
               data->charts[RAHNUMA_DASHBOARD_PER_MODULE], RAHNUMA_CHART_COUNTS);
  write_chart (page, _("Questions most often missed (share answered wrong)"), chart_kinds[3],
               data->charts[RAHNUMA_DASHBOARD_MISSED], RAHNUMA_CHART_SHARE);
  write_breakdown (page, data, RAHNUMA_DASHBOARD_BY_LANGUAGE, "language", _("By language (completed inside)"));
  write_breakdown (page, data, RAHNUMA_DASHBOARD_BY_GENDER, "gender", _("By gender, self-reported"));
  /* Translators: a chart's heading in the printed report: counted from the anonymous survey's answers
   * in the weeks the report covers, not from visits */
  write_breakdown (page, data, RAHNUMA_DASHBOARD_BY_DESTINATION, "destination",
                   _("By destination country (survey answers, by week)"));
  write_survey (page, data);
}

static void
sync_file (const char *path)
{
  int fd = g_open (path, O_RDONLY, 0);

  if (fd < 0)
    return;
  if (g_fsync (fd) != 0)
    g_debug ("Cannot fsync %s: %s", path, g_strerror (errno));
  close (fd);
}

/**
 * rahnuma_report_pdf_write:
 * @path: where to save the PDF
 * @data: the numbers
 * @catalog: (nullable): for module titles in the officer's language
 * @source_name: which file the records came from, printed under the title
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the whole report is saved at @path
 */
gboolean
rahnuma_report_pdf_write (const char *path, const RahnumaOfficerData *data, RahnumaCatalog *catalog,
                          const char *source_name, GError **error)
{
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
  Page page = { NULL, catalog, is_rtl (), MARGIN };

  g_return_val_if_fail (path != NULL && data != NULL, FALSE);

  /* Owner-only whatever the umask: cairo then writes into the file as it is. */
  g_unlink (partial);
  if (!rahnuma_file_create_private (partial, error))
    return FALSE;
  surface = cairo_pdf_surface_create (partial, PAGE_WIDTH, PAGE_HEIGHT);
  /* Translators: the printed report’s title (and the PDF’s title) */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Rahnuma report"));
  page.cr = cairo_create (surface);
  write_pages (&page, data, source_name != NULL ? source_name : "");
  cairo_show_page (page.cr);
  cairo_destroy (page.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (partial);
      /* Translators: %s is a file or folder path, then why (a system message) */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  /* On disk before it takes the real name: a USB drive may be pulled out next. */
  sync_file (partial);
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_unlink (partial);
      /* Translators: %s is a file or folder path, then why (a system message) */
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write %s: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
