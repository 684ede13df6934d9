/* rahnuma-officer-dashboard.h — today at a glance, charts, reports and kiosk control
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rahnuma-card-printer.h"

#include "rahnuma-catalog.h"
#include "rahnuma-contacts-watch.h"
#include "rahnuma-store.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_OFFICER_DASHBOARD (rahnuma_officer_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaOfficerDashboard, rahnuma_officer_dashboard, RAHNUMA, OFFICER_DASHBOARD, GtkWidget)

void rahnuma_officer_dashboard_set_sources (RahnumaOfficerDashboard *self,
                                            RahnumaStore            *store,
                                            RahnumaCatalog          *catalog);
void rahnuma_officer_dashboard_refresh     (RahnumaOfficerDashboard *self);

void rahnuma_officer_dashboard_set_journal_set_aside (RahnumaOfficerDashboard *self,
                                                      const char              *path);
void rahnuma_officer_dashboard_set_card_printer (RahnumaOfficerDashboard *self,
                                                 RahnumaCardPrinter      *printer);
void rahnuma_officer_dashboard_set_auto_sync (RahnumaOfficerDashboard *self,
                                              GObject                 *auto_sync);
void rahnuma_officer_dashboard_set_contacts_watch (RahnumaOfficerDashboard *self,
                                                   RahnumaContactsWatch    *watch);

void rahnuma_officer_dashboard_set_office   (RahnumaOfficerDashboard *self);
void rahnuma_officer_dashboard_set_trust_file (RahnumaOfficerDashboard *self,
                                               const char              *path);
void rahnuma_officer_dashboard_set_rates_file (RahnumaOfficerDashboard *self,
                                               const char              *path);
void rahnuma_officer_dashboard_add_page     (RahnumaOfficerDashboard *self,
                                             GtkWidget               *page,
                                             const char              *name,
                                             const char              *title,
                                             const char              *icon_name);

G_END_DECLS
