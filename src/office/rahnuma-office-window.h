/* rahnuma-office-window.h — the officers' file on the office PC, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_OFFICE_WINDOW (rahnuma_office_window_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaOfficeWindow, rahnuma_office_window, RAHNUMA, OFFICE_WINDOW, AdwApplicationWindow)

RahnumaOfficeWindow *rahnuma_office_window_new  (AdwApplication      *app);
void                 rahnuma_office_window_open (RahnumaOfficeWindow *self,
                                                 const char          *path);

void                 rahnuma_office_window_set_trust_file (RahnumaOfficeWindow *self,
                                                           const char          *path);
void                 rahnuma_office_window_set_rates_file (RahnumaOfficeWindow *self,
                                                           const char          *path);
char                *rahnuma_office_dup_last_file (void);
char                *rahnuma_office_describe_open_error (const char   *path,
                                                         const GError *error);

G_END_DECLS
