/* rahnuma-officer-dashboard-settings.c — the Kiosk tab's settings
 *
 * The languages offered to visitors and the idle timeout, bound to the
 * kiosk's GSettings (org.rahnuma.Kiosk), where the officers' file is kept
 * too (rahnuma-officer-dashboard-actions.c sets it from a drive). When the
 * schema is not installed (a build tree, the office PC), those rows are
 * shown but off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-officer"

#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-officer-dashboard-private.h"

static void
show_languages (RahnumaOfficerDashboard *self)
{
  g_auto(GStrv) languages = g_settings_get_strv (self->settings, "languages");
  gsize n_known;
  const RahnumaLanguage *known = rahnuma_languages (&n_known);

  self->updating_switches = TRUE;
  for (gsize i = 0; i < n_known; i++)
    gtk_switch_set_active (self->language_switches[i],
                           languages[0] == NULL || g_strv_contains ((const char * const *) languages,
                                                                    known[i].code));
  self->updating_switches = FALSE;
}

/**
 * rahnuma_officer_dashboard_on_language_switch_toggled:
 * @button: one language's switch
 * @pspec: its "active"
 * @user_data: the #RahnumaOfficerDashboard
 *
 * The template's callback: writes the languages offered to the settings,
 * refusing to turn the last one off.
 */
void
rahnuma_officer_dashboard_on_language_switch_toggled (GtkSwitch *button, GParamSpec *pspec, gpointer user_data)
{
  RahnumaOfficerDashboard *self = user_data;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) languages = NULL;
  gsize n_known;
  const RahnumaLanguage *known = rahnuma_languages (&n_known);

  if (self->settings == NULL || self->updating_switches)
    return;
  for (gsize i = 0; i < n_known; i++)
    if (gtk_switch_get_active (self->language_switches[i]))
      g_strv_builder_add (builder, known[i].code);
  languages = g_strv_builder_end (builder);
  if (languages[0] == NULL)
    {
      /* At least one language: turn the last one back on. */
      rahnuma_officer_dashboard_toast (self, _("At least one language must be offered."));
      show_languages (self);
      return;
    }
  g_settings_set_strv (self->settings, "languages", (const char * const *) languages);
  rahnuma_officer_dashboard_toast (self, _("In force from the next visitor."));
}

static GSettings *
kiosk_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

/**
 * rahnuma_officer_dashboard_bind_settings:
 * @self: a #RahnumaOfficerDashboard
 *
 * Binds the Kiosk tab to the kiosk's GSettings; with no schema installed
 * (the office PC) its controls are made insensitive.
 */
void
rahnuma_officer_dashboard_bind_settings (RahnumaOfficerDashboard *self)
{
  self->settings = kiosk_settings ();
  if (self->settings == NULL)
    {
      g_debug ("No %s settings schema: kiosk settings are off", APP_ID);
      gtk_widget_set_sensitive (GTK_WIDGET (self->idle_spin), FALSE);
      for (guint i = 0; i < RAHNUMA_N_LANGUAGES; i++)
        gtk_widget_set_sensitive (GTK_WIDGET (self->language_switches[i]), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.choose-officer-file", FALSE);
      return;
    }
  g_settings_bind (self->settings, "idle-timeout", gtk_spin_button_get_adjustment (self->idle_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  show_languages (self);
}
