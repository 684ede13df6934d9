/* rahnuma-officer-dashboard.c — today at a glance, charts, reports and kiosk control
 *
 * Four tabs in an AdwViewStack: Today (big numbers, sync state, verify a
 * completion code), Charts (a range of days, charts drawn by rahnuma-chart),
 * Reports (CSV and PDF to a chosen folder) and Kiosk (sync, PIN, visitors'
 * settings, leave kiosk mode). The numbers are read on a worker thread
 * (rahnuma_officer_data_new_async); this file shows them, and
 * rahnuma-officer-dashboard-actions.c does what the buttons ask.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-officer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rahnuma-chart.h"
#include "rahnuma-officer-dashboard-private.h"
#include "rahnuma-officer-dashboard.h"
#include "rahnuma-officer-survey-view.h"
#include "rahnuma-widget-util.h"

#define DAY 86400
#define DEFAULT_DAYS 30

G_DEFINE_FINAL_TYPE (RahnumaOfficerDashboard, rahnuma_officer_dashboard, GTK_TYPE_WIDGET)

enum { LOADED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* What each drawing area shows. */
typedef struct
{
  const char *kind;         /* for labels: "day", "hour", "module", "missed", "language"… */
  RahnumaDashboardChart chart;
  RahnumaChartKind style;
} Drawn;

static const Drawn drawn[RAHNUMA_OFFICER_N_DRAWN] = {
  { "day", RAHNUMA_DASHBOARD_PER_DAY, RAHNUMA_CHART_COLUMNS },
  { "hour", RAHNUMA_DASHBOARD_PER_HOUR, RAHNUMA_CHART_COLUMNS },
  { "module", RAHNUMA_DASHBOARD_PER_MODULE, RAHNUMA_CHART_COUNTS },
  { "missed", RAHNUMA_DASHBOARD_MISSED, RAHNUMA_CHART_SHARE },
  { "language", RAHNUMA_DASHBOARD_BY_LANGUAGE, RAHNUMA_CHART_COUNTS },
  { "gender", RAHNUMA_DASHBOARD_BY_GENDER, RAHNUMA_CHART_COUNTS },
  { "destination", RAHNUMA_DASHBOARD_BY_DESTINATION, RAHNUMA_CHART_COUNTS },
};

static const char * const chart_ids[RAHNUMA_OFFICER_N_DRAWN] = {
  "day_chart", "hour_chart", "module_chart", "missed_chart", "language_chart", "gender_chart",
  "destination_chart",
};

/* ---- showing the numbers -------------------------------------------- */

static void
set_number (GtkLabel *label, gint64 value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  gtk_label_set_label (label, text);
}

/* Visits recorded with a wrong clock are in no day: say so above today's. */
static void
show_clock (RahnumaOfficerDashboard *self)
{
  g_autofree char *text = rahnuma_officer_format_wrong_clock (self->data->today.wrong_clock_sessions);

  gtk_label_set_label (self->clock_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->clock_label), text != NULL);
}

static void
show_today (RahnumaOfficerDashboard *self)
{
  const RahnumaDashboardTotals *today = &self->data->today;
  g_autofree char *rate = rahnuma_officer_format_rate (today->quizzes_passed, today->quizzes_taken);
  g_autofree char *day = rahnuma_officer_format_day (rahnuma_dashboard_day_start (g_get_real_time () / G_USEC_PER_SEC,
                                                                                  self->data->utc_offset),
                                                     self->data->utc_offset);
  g_autofree char *description = NULL;

  set_number (self->visitors_label, today->sessions);
  set_number (self->completed_label, today->completed);
  set_number (self->abandoned_label, today->abandoned);
  gtk_label_set_label (self->pass_label, rate);
  if (today->demo_sessions > 0)
    /* Translators: %s is today's date */
    description = g_strdup_printf (_("%s — includes demo data made for training"), day);
  adw_preferences_group_set_description (self->today_group, description != NULL ? description : day);
  show_clock (self);
}

static void
show_range (RahnumaOfficerDashboard *self)
{
  g_autofree char *from = rahnuma_officer_format_day (self->from, rahnuma_officer_utc_offset ());
  g_autofree char *to = rahnuma_officer_format_day (self->to, rahnuma_officer_utc_offset ());

  gtk_label_set_label (self->from_label, from);
  gtk_label_set_label (self->to_label, to);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.shift-from", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.shift-to", TRUE);
}

static void
show_range_totals (RahnumaOfficerDashboard *self)
{
  const RahnumaDashboardTotals *range = &self->data->range;
  g_autofree char *rate = rahnuma_officer_format_rate (range->quizzes_passed, range->quizzes_taken);
  /* Translators: the dashboard’s summary for a screen reader; %lld are counts, %s a
   * percentage */
  g_autofree char *text = g_strdup_printf (_("%lld visitors, %lld completed, %lld left early; quizzes passed: %s. "
                                             "Groups of fewer than 5 people are not shown."),
                                           (long long) range->sessions, (long long) range->completed,
                                           (long long) range->abandoned, rate);
  g_autofree char *paths = rahnuma_officer_format_paths (self->data->paths);
  g_autofree char *both = g_strconcat (text, "\n", paths, NULL);

  gtk_label_set_label (self->range_label, both);
}

/* Hall briefings (rahnuma --hall) over the days shown: sessions and people,
 * beside the kiosks' short-path visits. */
static void
show_hall (RahnumaOfficerDashboard *self)
{
  g_autofree char *text = rahnuma_officer_format_hall (&self->data->hall, self->data->paths);

  gtk_label_set_label (self->hall_label, text);
}

/* The anonymous survey's figures, shown only when someone answered. */
static void
show_survey (RahnumaOfficerDashboard *self)
{
  const RahnumaSurveyReport *survey = self->data->survey;
  gboolean shown = survey->all->n > 0 || survey->all->suppressed;

  gtk_widget_set_visible (self->survey_group, shown);
  if (shown)
    rahnuma_officer_survey_view_fill (self->survey_grid, self->data);
}

static GPtrArray *
bars_for (RahnumaOfficerDashboard *self, guint i)
{
  return g_ptr_array_ref (self->data->charts[drawn[i].chart]);
}

static void
draw_chart (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  RahnumaOfficerDashboard *self = g_object_get_data (G_OBJECT (area), "dashboard");
  guint i = GPOINTER_TO_UINT (user_data);
  g_autoptr(GPtrArray) bars = NULL;
  RahnumaOfficerLabels label = { drawn[i].kind, self->catalog };
  RahnumaChart chart = { drawn[i].style, NULL, rahnuma_officer_chart_label, &label, NULL, FALSE, { 0, 0, 0 } };
  GdkRGBA color;

  if (self->data == NULL)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  bars = bars_for (self, i);
  chart.bars = bars;
  chart.font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (area)));
  chart.rtl = gtk_widget_get_direction (GTK_WIDGET (area)) == GTK_TEXT_DIR_RTL;
  chart.foreground[0] = color.red;
  chart.foreground[1] = color.green;
  chart.foreground[2] = color.blue;
  cairo_translate (cr, 12, 8);
  rahnuma_chart_draw (&chart, cr, width - 24, height - 16);
}

static void
show_charts (RahnumaOfficerDashboard *self)
{
  for (guint i = 0; i < RAHNUMA_OFFICER_N_DRAWN; i++)
    {
      g_autoptr(GPtrArray) bars = bars_for (self, i);
      RahnumaChart chart = { drawn[i].style, bars, NULL, NULL, NULL, FALSE, { 0, 0, 0 } };

      gtk_drawing_area_set_content_height (self->charts[i], (int) rahnuma_chart_get_height (&chart) + 16);
      gtk_widget_queue_draw (GTK_WIDGET (self->charts[i]));
    }
}

static void load (RahnumaOfficerDashboard *self);

static void
on_data_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(RahnumaOfficerDashboard) self = user_data;
  g_autoptr(GError) error = NULL;
  RahnumaOfficerData *data = rahnuma_officer_data_new_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (data == NULL)
    {
      rahnuma_officer_dashboard_toast (self, error->message);
      g_signal_emit (self, signals[LOADED], 0);
      return;
    }
  g_clear_pointer (&self->data, rahnuma_officer_data_free);
  self->data = data;
  show_today (self);
  show_range_totals (self);
  show_charts (self);
  show_hall (self);
  show_survey (self);
  g_signal_emit (self, signals[LOADED], 0);
  if (self->reload)
    load (self);
}

/* The exchange-rate file for the survey's cost ÷ wage: rahnuma-officer's
 * --rates, else the kiosk's rates-file setting; on the office PC, else
 * rates.ini beside the officers' file if there is one. NULL: none. */
static char *
dup_rates_path (RahnumaOfficerDashboard *self)
{
  g_autofree char *setting = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *beside = NULL;

  if (self->rates_file != NULL)
    return g_strdup (self->rates_file);
  if (!self->office && self->settings != NULL)
    setting = g_settings_get_string (self->settings, "rates-file");
  if (setting != NULL && *setting != '\0')
    return g_steal_pointer (&setting);
  if (!self->office || rahnuma_store_get_path (self->store) == NULL)
    return NULL;
  dir = g_path_get_dirname (rahnuma_store_get_path (self->store));
  beside = g_build_filename (dir, "rates.ini", NULL);
  return g_file_test (beside, G_FILE_TEST_EXISTS) ? g_steal_pointer (&beside) : NULL;
}

static void
load (RahnumaOfficerDashboard *self)
{
  g_autofree char *rates = NULL;

  if (self->store == NULL)
    return;
  if (self->loading)
    {
      self->reload = TRUE;
      return;
    }
  self->loading = TRUE;
  self->reload = FALSE;
  gtk_spinner_set_spinning (self->spinner, TRUE);
  rates = dup_rates_path (self);
  rahnuma_officer_data_new_async (self->store, self->from, self->to + DAY, rates, self->cancellable,
                                  on_data_loaded, g_object_ref (self));
}

/* ---- the range of days ------------------------------------------------ */

static void
dashboard_shift (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaOfficerDashboard *self = RAHNUMA_OFFICER_DASHBOARD (widget);
  gint64 days = g_variant_get_int32 (parameter);
  gboolean from = g_str_equal (action_name, "dashboard.shift-from");
  gint64 *day = from ? &self->from : &self->to;

  *day += days * DAY;
  /* Keep from ≤ to by moving the other end along. */
  if (self->from > self->to)
    {
      if (from)
        self->to = self->from;
      else
        self->from = self->to;
    }
  show_range (self);
  load (self);
}

/* ---- GObject ------------------------------------------------------------ */

static void
rahnuma_officer_dashboard_dispose (GObject *object)
{
  RahnumaOfficerDashboard *self = RAHNUMA_OFFICER_DASHBOARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->toast);
  rahnuma_widget_dispose_page (GTK_WIDGET (self), RAHNUMA_TYPE_OFFICER_DASHBOARD);
  g_clear_object (&self->settings);
  if (self->auto_sync != NULL)
    g_clear_signal_handler (&self->auto_sync_handler, self->auto_sync);
  g_clear_object (&self->auto_sync);
  if (self->contacts != NULL)
    g_clear_signal_handler (&self->contacts_handler, self->contacts);
  g_clear_object (&self->contacts);
  if (self->card_printer != NULL)
    g_clear_signal_handler (&self->card_printer_handler, self->card_printer);
  g_clear_object (&self->card_printer);
  G_OBJECT_CLASS (rahnuma_officer_dashboard_parent_class)->dispose (object);
}

static void
rahnuma_officer_dashboard_finalize (GObject *object)
{
  RahnumaOfficerDashboard *self = RAHNUMA_OFFICER_DASHBOARD (object);

  g_clear_pointer (&self->data, rahnuma_officer_data_free);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->cancellable);
  g_free (self->trust_file);
  g_free (self->rates_file);
  G_OBJECT_CLASS (rahnuma_officer_dashboard_parent_class)->finalize (object);
}

static void
rahnuma_officer_dashboard_class_init (RahnumaOfficerDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const RahnumaLanguage *known;
  gsize n_known;

  object_class->dispose = rahnuma_officer_dashboard_dispose;
  object_class->finalize = rahnuma_officer_dashboard_finalize;

  /**
   * RahnumaOfficerDashboard::loaded:
   *
   * The numbers were read (or could not be: a toast says why), after each
   * refresh or change of dates.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
  g_type_ensure (RAHNUMA_TYPE_CODE_PAD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/rahnuma/Kiosk/rahnuma-officer-dashboard.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, spinner);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, kiosk_page);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, lock_button);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, sync_group);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, today_group);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, clock_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, visitors_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, completed_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, abandoned_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, pass_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, officer_file_row);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, last_sync_row);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, backlog_row);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, rejected_row);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, code_pad);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, sync_error_row);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, contacts_error_row);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, journal_aside_row);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, printer_group);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, printer_row);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, printer_error_row);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, code_result_row);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, from_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, to_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, range_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, hall_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, survey_group);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, survey_grid);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, officer_file_choice_row);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficerDashboard, idle_spin);
  for (guint i = 0; i < RAHNUMA_OFFICER_N_DRAWN; i++)
    gtk_widget_class_bind_template_child_full (widget_class, chart_ids[i], FALSE,
                                               G_STRUCT_OFFSET (RahnumaOfficerDashboard, charts)
                                               + i * sizeof (gpointer));
  known = rahnuma_languages (&n_known);
  for (gsize i = 0; i < n_known; i++)
    {
      g_autofree char *id = g_strdup_printf ("lang_%s_switch", known[i].code);

      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (id), FALSE,
                                                 G_STRUCT_OFFSET (RahnumaOfficerDashboard, language_switches)
                                                 + i * sizeof (gpointer));
    }
  gtk_widget_class_bind_template_callback_full (widget_class, "on_view_stack_visible_child",
                                                G_CALLBACK (rahnuma_officer_dashboard_on_view_stack_visible_child));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_code_pad_check",
                                                G_CALLBACK (rahnuma_officer_dashboard_on_code_pad_check));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_language_switch_toggled",
                                                G_CALLBACK (rahnuma_officer_dashboard_on_language_switch_toggled));

  gtk_widget_class_install_action (widget_class, "dashboard.shift-from", "i", dashboard_shift);
  gtk_widget_class_install_action (widget_class, "dashboard.shift-to", "i", dashboard_shift);
  rahnuma_officer_dashboard_init_actions (widget_class);
}

static void
rahnuma_officer_dashboard_init (RahnumaOfficerDashboard *self)
{
  gint64 today = rahnuma_dashboard_day_start (g_get_real_time () / G_USEC_PER_SEC, rahnuma_officer_utc_offset ());

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->to = today;
  self->from = today - (DEFAULT_DAYS - 1) * DAY;
  for (guint i = 0; i < RAHNUMA_OFFICER_N_DRAWN; i++)
    {
      g_object_set_data (G_OBJECT (self->charts[i]), "dashboard", self);
      gtk_drawing_area_set_draw_func (self->charts[i], draw_chart, GUINT_TO_POINTER (i), NULL);
    }
  show_range (self);
  rahnuma_officer_dashboard_bind_settings (self);
}

/**
 * rahnuma_officer_dashboard_set_sources:
 * @store: the journal whose records are shown
 * @catalog: (nullable): the modules, for their titles
 */
void
rahnuma_officer_dashboard_set_sources (RahnumaOfficerDashboard *self, RahnumaStore *store,
                                       RahnumaCatalog *catalog)
{
  g_return_if_fail (RAHNUMA_IS_OFFICER_DASHBOARD (self));
  g_return_if_fail (RAHNUMA_IS_STORE (store));

  g_set_object (&self->store, store);
  g_set_object (&self->catalog, catalog);
}

static void
show_sync_error (RahnumaOfficerDashboard *self)
{
  g_autofree char *message = NULL;

  if (self->auto_sync != NULL)
    g_object_get (self->auto_sync, "last-error", &message, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_error_row), message != NULL);
  adw_action_row_set_subtitle (self->sync_error_row, message != NULL ? message : "");
}

static void
on_auto_sync_notify (GObject *auto_sync, GParamSpec *pspec, RahnumaOfficerDashboard *self)
{
  show_sync_error (self);
  rahnuma_officer_dashboard_update_sync (self);
}

/**
 * rahnuma_officer_dashboard_set_auto_sync:
 * @auto_sync: (nullable): the kiosk's automatic sync: any object with a
 *   string property "last-error" (the reason its last try failed, in words,
 *   or %NULL) and optionally "target" (the officers' file it syncs into), as
 *   RahnumaAutoSync has; the officer library cannot name the kiosk's type
 *
 * Shows the automatic sync's last failure, and follows it while shown.
 */
void
rahnuma_officer_dashboard_set_auto_sync (RahnumaOfficerDashboard *self, GObject *auto_sync)
{
  g_return_if_fail (RAHNUMA_IS_OFFICER_DASHBOARD (self));
  g_return_if_fail (auto_sync == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (auto_sync),
                                                                       "last-error") != NULL);

  if (self->auto_sync != NULL)
    g_clear_signal_handler (&self->auto_sync_handler, self->auto_sync);
  g_set_object (&self->auto_sync, auto_sync);
  if (auto_sync != NULL)
    /* Any of its properties: the target, the backlog, the last sync, the last error. */
    self->auto_sync_handler = g_signal_connect (auto_sync, "notify", G_CALLBACK (on_auto_sync_notify), self);
  show_sync_error (self);
}

static void
show_contacts_problem (RahnumaOfficerDashboard *self)
{
  const char *problem = self->contacts != NULL ? rahnuma_contacts_watch_get_problem (self->contacts) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->contacts_error_row), problem != NULL);
  adw_action_row_set_subtitle (self->contacts_error_row, problem != NULL ? problem : "");
}

/**
 * rahnuma_officer_dashboard_set_contacts_watch:
 * @watch: (nullable): the kiosk's contacts file
 *
 * Shows why the contacts file on disk is not in force (broken or removed;
 * the kiosk keeps the last good one), and follows it while shown.
 */
void
rahnuma_officer_dashboard_set_contacts_watch (RahnumaOfficerDashboard *self, RahnumaContactsWatch *watch)
{
  g_return_if_fail (RAHNUMA_IS_OFFICER_DASHBOARD (self));
  g_return_if_fail (watch == NULL || RAHNUMA_IS_CONTACTS_WATCH (watch));

  if (self->contacts != NULL)
    g_clear_signal_handler (&self->contacts_handler, self->contacts);
  g_set_object (&self->contacts, watch);
  if (watch != NULL)
    self->contacts_handler = g_signal_connect_swapped (watch, "changed", G_CALLBACK (show_contacts_problem), self);
  show_contacts_problem (self);
}

/**
 * rahnuma_officer_dashboard_set_journal_set_aside:
 * @path: (nullable): where the kiosk kept its journal when it found it
 *   damaged and started a new one, or %NULL
 *
 * Shows, on the Today page, that the records file was set aside, where,
 * and what to do; hidden for %NULL. Told to the officer, never to a visitor.
 */
void
rahnuma_officer_dashboard_set_journal_set_aside (RahnumaOfficerDashboard *self, const char *path)
{
  g_autofree char *subtitle = NULL;

  g_return_if_fail (RAHNUMA_IS_OFFICER_DASHBOARD (self));

  if (path != NULL)
    /* Translators: on the officers' dashboard; %s is the old records file's path */
    subtitle = g_strdup_printf (_("It was kept as %s and a new one, with a new officer PIN, was started. "
                                  "Keep the old file for a technician: visits in it may not have reached "
                                  "the officers’ file yet."),
                                path);
  gtk_widget_set_visible (GTK_WIDGET (self->journal_aside_row), path != NULL);
  adw_action_row_set_subtitle (self->journal_aside_row, subtitle != NULL ? subtitle : "");
}

static void
show_card_printer (RahnumaOfficerDashboard *self)
{
  const char *fault = self->card_printer != NULL ? rahnuma_card_printer_get_last_error (self->card_printer) : NULL;
  const char *name = self->card_printer != NULL ? rahnuma_card_printer_get_name (self->card_printer) : "";
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (self->printer_group, self->card_printer != NULL);
  /* Translators: on the officers' dashboard: the printer's name (or "the default printer") and the paper */
  subtitle = g_strdup_printf (_("%s, on %s"), name[0] != '\0' ? name : _("the default printer"),
                              self->card_printer != NULL &&
                              rahnuma_card_printer_get_layout (self->card_printer) == RAHNUMA_CARD_LAYOUT_A6
                                ? _("A6 sheets") : _("an 80 mm roll"));
  adw_action_row_set_subtitle (self->printer_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->printer_error_row), fault != NULL);
  adw_action_row_set_subtitle (self->printer_error_row, fault != NULL ? fault : "");
}

static void
on_card_printer_notify (GObject *printer, GParamSpec *pspec, RahnumaOfficerDashboard *self)
{
  show_card_printer (self);
}

/**
 * rahnuma_officer_dashboard_set_card_printer:
 * @printer: (nullable): the kiosk's card printer, or %NULL for none
 *
 * Shows the printer, the last card's fault (followed while shown) and the
 * "Print a test card" button; hides the group with no printer.
 */
void
rahnuma_officer_dashboard_set_card_printer (RahnumaOfficerDashboard *self, RahnumaCardPrinter *printer)
{
  g_return_if_fail (RAHNUMA_IS_OFFICER_DASHBOARD (self));
  g_return_if_fail (printer == NULL || RAHNUMA_IS_CARD_PRINTER (printer));

  if (self->card_printer != NULL)
    g_clear_signal_handler (&self->card_printer_handler, self->card_printer);
  g_set_object (&self->card_printer, printer);
  if (printer != NULL)
    self->card_printer_handler = g_signal_connect (printer, "notify::last-error",
                                                   G_CALLBACK (on_card_printer_notify), self);
  show_card_printer (self);
}

/**
 * rahnuma_officer_dashboard_refresh:
 *
 * Reads the numbers again (on a worker thread) and the sync state.
 */
void
rahnuma_officer_dashboard_refresh (RahnumaOfficerDashboard *self)
{
  g_return_if_fail (RAHNUMA_IS_OFFICER_DASHBOARD (self));

  rahnuma_officer_dashboard_update_sync (self);
  show_sync_error (self);
  load (self);
  rahnuma_code_pad_focus_entry (self->code_pad);
}

/**
 * rahnuma_officer_dashboard_set_office:
 *
 * For the office PC (rahnuma-officer): the kiosk's own controls (Kiosk tab,
 * lock, this kiosk's sync) are hidden, and reports are saved where the
 * desktop file chooser says, not on a USB drive from the touch list. Call
 * before rahnuma_officer_dashboard_refresh().
 */
void
rahnuma_officer_dashboard_set_office (RahnumaOfficerDashboard *self)
{
  g_return_if_fail (RAHNUMA_IS_OFFICER_DASHBOARD (self));

  self->office = TRUE;
  adw_view_stack_page_set_visible (self->kiosk_page, FALSE);
  gtk_widget_set_visible (self->lock_button, FALSE);
  gtk_widget_set_visible (self->sync_group, FALSE);
}

/**
 * rahnuma_officer_dashboard_set_trust_file:
 * @path: (nullable): the trust file signed completion proofs are checked
 *   against (docs/completion-proof.md); %NULL for the kiosk's trust-file
 *   setting, or trust.txt beside the journal (rahnuma_trust_default_path())
 *
 * Read at each check, so a file edited meanwhile is in force at once.
 */
void
rahnuma_officer_dashboard_set_trust_file (RahnumaOfficerDashboard *self,
                                          const char              *path)
{
  g_return_if_fail (RAHNUMA_IS_OFFICER_DASHBOARD (self));

  g_free (self->trust_file);
  self->trust_file = g_strdup (path);
}

/**
 * rahnuma_officer_dashboard_set_rates_file:
 * @path: (nullable): the exchange-rate file for the survey's cost ÷ wage
 *   (docs/survey-data.md); %NULL for the kiosk's rates-file setting, or on
 *   the office PC rates.ini beside the officers' file if present
 *
 * Read at each load of the figures; a missing or broken file shows why in
 * the survey's section, and the rest of the dashboard as usual.
 */
void
rahnuma_officer_dashboard_set_rates_file (RahnumaOfficerDashboard *self,
                                          const char              *path)
{
  g_return_if_fail (RAHNUMA_IS_OFFICER_DASHBOARD (self));

  g_free (self->rates_file);
  self->rates_file = g_strdup (path);
}

/**
 * rahnuma_officer_dashboard_add_page:
 * @page: (transfer none): the tab's content
 * @name: its name in the view stack
 * @title: its tab label, translated
 * @icon_name: its icon
 *
 * Adds a tab after the dashboard's own (the office PC's kiosks).
 */
void
rahnuma_officer_dashboard_add_page (RahnumaOfficerDashboard *self, GtkWidget *page, const char *name,
                                    const char *title, const char *icon_name)
{
  g_return_if_fail (RAHNUMA_IS_OFFICER_DASHBOARD (self));
  g_return_if_fail (GTK_IS_WIDGET (page));

  adw_view_stack_add_titled_with_icon (self->view_stack, page, name, title, icon_name);
}
