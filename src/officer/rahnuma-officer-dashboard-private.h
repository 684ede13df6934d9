/* rahnuma-officer-dashboard-private.h — what the dashboard's actions and settings files share with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rahnuma-catalog.h"
#include "rahnuma-card-printer.h"
#include "rahnuma-code-pad.h"
#include "rahnuma-contacts-watch.h"
#include "rahnuma-language.h"
#include "rahnuma-officer-data.h"
#include "rahnuma-store.h"

G_BEGIN_DECLS

/* The dashboard's files (rahnuma-officer-dashboard.c, -actions.c and
 * -settings.c) all include this header and nothing of each other's; it
 * includes none of their public headers, so no include goes round in a circle.
 * G_DECLARE_FINAL_TYPE in rahnuma-officer-dashboard.h repeats the typedef. */
typedef struct _RahnumaOfficerDashboard RahnumaOfficerDashboard;

#define RAHNUMA_OFFICER_N_DRAWN 7
/* Seconds a toast stays up: long enough to read it (a line at 15 characters
 * a second, a slow reader's pace), short enough not to sit over a control
 * the officer needs next; libadwaita's default is 5 for any length. */
#define RAHNUMA_OFFICER_TOAST_MIN_SECONDS 3
#define RAHNUMA_OFFICER_TOAST_MAX_SECONDS 10
#define RAHNUMA_OFFICER_TOAST_CHARS_PER_SECOND 15

struct _RahnumaOfficerDashboard
{
  GtkWidget parent_instance;

  RahnumaStore *store;
  RahnumaCatalog *catalog;       /* nullable */
  GSettings *settings;           /* nullable: the schema is not installed */
  GCancellable *cancellable;
  RahnumaOfficerData *data;      /* nullable until the first load */
  gint64 from;                   /* first day shown, unix start of the local day */
  gint64 to;                     /* last day shown, likewise */
  gboolean loading;
  gboolean reload;               /* the range changed while loading */
  gboolean updating_switches;
  GObject *auto_sync;            /* nullable: the kiosk's automatic sync ("last-error") */
  gulong auto_sync_handler;
  RahnumaContactsWatch *contacts; /* nullable: the kiosk's contacts file and its problem */
  gulong contacts_handler;
  RahnumaCardPrinter *card_printer; /* nullable: the kiosk's card printer ("last-error") */
  gulong card_printer_handler;
  gboolean office;               /* on the office PC: reports through the file chooser, no kiosk tab */
  char *trust_file;              /* nullable: rahnuma-officer --trust; else the setting or the default */
  char *rates_file;              /* nullable: rahnuma-officer --rates; else the setting or the default */
  AdwToast *toast;               /* nullable, weak: the toast shown now, dismissed when the tab changes */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwViewStack *view_stack;
  AdwViewStackPage *kiosk_page;
  GtkWidget *lock_button;
  GtkWidget *sync_group;
  GtkSpinner *spinner;
  AdwPreferencesGroup *today_group;
  GtkLabel *clock_label;         /* "the kiosk's clock is wrong", hidden when it is not */
  GtkLabel *visitors_label;
  GtkLabel *completed_label;
  GtkLabel *abandoned_label;
  GtkLabel *pass_label;
  AdwActionRow *officer_file_row;
  AdwActionRow *last_sync_row;
  AdwActionRow *backlog_row;
  AdwActionRow *rejected_row;
  AdwActionRow *sync_error_row;  /* the automatic sync's last failure, hidden when none */
  AdwActionRow *journal_aside_row;  /* where a damaged journal was kept, hidden when none was */
  AdwActionRow *contacts_error_row; /* why the contacts file on disk is not in force, hidden when it is */
  GtkWidget *printer_group;      /* hidden with no card printer */
  AdwActionRow *printer_row;
  AdwActionRow *printer_error_row; /* the last card's fault, hidden when none */
  RahnumaCodePad *code_pad;
  AdwActionRow *code_result_row;
  GtkLabel *from_label;
  GtkLabel *to_label;
  GtkLabel *range_label;
  GtkLabel *hall_label;
  GtkWidget *survey_group;
  GtkGrid *survey_grid;
  GtkDrawingArea *charts[RAHNUMA_OFFICER_N_DRAWN];
  AdwActionRow *officer_file_choice_row;
  GtkSpinButton *idle_spin;
  GtkSwitch *language_switches[RAHNUMA_N_LANGUAGES]; /* in rahnuma_languages() order */
};

void  rahnuma_officer_dashboard_toast        (RahnumaOfficerDashboard *self,
                                              const char              *message);
char *rahnuma_officer_dashboard_dup_officer_file (RahnumaOfficerDashboard *self);
void  rahnuma_officer_dashboard_update_sync  (RahnumaOfficerDashboard *self);
void  rahnuma_officer_dashboard_init_actions (GtkWidgetClass          *widget_class);
void  rahnuma_officer_dashboard_bind_settings (RahnumaOfficerDashboard *self); /* -settings.c */

/* Template callbacks */
void  rahnuma_officer_dashboard_on_view_stack_visible_child (AdwViewStack *stack,
                                                             GParamSpec   *pspec,
                                                             gpointer      user_data);
void  rahnuma_officer_dashboard_on_code_pad_check           (RahnumaCodePad *pad,
                                                             gpointer        user_data);
void  rahnuma_officer_dashboard_on_language_switch_toggled  (GtkSwitch    *button,
                                                             GParamSpec   *pspec,
                                                             gpointer      user_data);

G_END_DECLS
