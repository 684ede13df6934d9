/* rahnuma-settings.h — the kiosk's configuration, as it is in force
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_SETTINGS (rahnuma_settings_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaSettings, rahnuma_settings, RAHNUMA, SETTINGS, GObject)

#define RAHNUMA_SETTINGS_ERROR (rahnuma_settings_error_quark ())

typedef enum
{
  RAHNUMA_SETTINGS_ERROR_INVALID, /* a value the journal or the schema refuses */
} RahnumaSettingsError;

/* The pass mark setting that means "use each module's own". */
#define RAHNUMA_SETTINGS_PASS_MARK_MODULE (-1)

GQuark              rahnuma_settings_error_quark          (void);

RahnumaSettings    *rahnuma_settings_new                  (void);
RahnumaSettings    *rahnuma_settings_new_for_gsettings    (GSettings       *gsettings);

const char         *rahnuma_settings_get_centre           (RahnumaSettings *self);
const char         *rahnuma_settings_get_kiosk_id         (RahnumaSettings *self);
const char         *rahnuma_settings_get_officer_file     (RahnumaSettings *self);
const char         *rahnuma_settings_get_trust_file       (RahnumaSettings *self);
const char         *rahnuma_settings_get_journal          (RahnumaSettings *self);
const char         *rahnuma_settings_get_modules_dir      (RahnumaSettings *self);
const char         *rahnuma_settings_get_contacts_file    (RahnumaSettings *self);
const char * const *rahnuma_settings_get_languages        (RahnumaSettings *self);
gboolean            rahnuma_settings_offers_language      (RahnumaSettings *self,
                                                           const char      *code);
guint               rahnuma_settings_get_idle_timeout     (RahnumaSettings *self);
guint               rahnuma_settings_get_keep_days        (RahnumaSettings *self);
guint               rahnuma_settings_get_still_there_countdown (RahnumaSettings *self);
guint               rahnuma_settings_get_result_timeout   (RahnumaSettings *self);
int                 rahnuma_settings_get_pass_mark_percent (RahnumaSettings *self);
guint               rahnuma_settings_get_volume           (RahnumaSettings *self);
const char         *rahnuma_settings_get_printer          (RahnumaSettings *self);
const char         *rahnuma_settings_get_card_paper       (RahnumaSettings *self);
gboolean            rahnuma_settings_get_about_you        (RahnumaSettings *self);
guint               rahnuma_settings_get_short_path_questions (RahnumaSettings *self);
gboolean            rahnuma_settings_get_hall_briefing    (RahnumaSettings *self);

void                rahnuma_settings_override_centre      (RahnumaSettings *self,
                                                           const char      *centre);
void                rahnuma_settings_override_kiosk_id    (RahnumaSettings *self,
                                                           const char      *kiosk_id);
void                rahnuma_settings_override_officer_file (RahnumaSettings *self,
                                                           const char      *path);
void                rahnuma_settings_override_journal     (RahnumaSettings *self,
                                                           const char      *path);
void                rahnuma_settings_override_modules_dir (RahnumaSettings *self,
                                                           const char      *dir);

gboolean            rahnuma_settings_check                (RahnumaSettings *self,
                                                           GError         **error);

void                rahnuma_settings_log                  (RahnumaSettings *self);

G_END_DECLS
