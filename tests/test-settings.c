/* test-settings.c — the kiosk's configuration: schema defaults, persistence
 * across restarts (a real keyfile backend on disk), overrides and checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <string.h>

#include "config.h"
#include "rahnuma-settings.h"

static GSettingsSchema *
lookup_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  GSettingsSchema *schema;

  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  g_assert_nonnull (schema); /* GSETTINGS_SCHEMA_DIR: the build tree's data/ */
  return schema;
}

static GSettings *
settings_for_backend (GSettingsBackend *backend)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();

  return g_settings_new_full (schema, backend, NULL);
}

static void
assert_same_settings (RahnumaSettings *a, RahnumaSettings *b)
{
  g_assert_cmpstr (rahnuma_settings_get_centre (a), ==, rahnuma_settings_get_centre (b));
  g_assert_cmpstr (rahnuma_settings_get_kiosk_id (a), ==, rahnuma_settings_get_kiosk_id (b));
  g_assert_cmpstr (rahnuma_settings_get_officer_file (a), ==, rahnuma_settings_get_officer_file (b));
  g_assert_cmpstr (rahnuma_settings_get_journal (a), ==, rahnuma_settings_get_journal (b));
  g_assert_cmpstr (rahnuma_settings_get_modules_dir (a), ==, rahnuma_settings_get_modules_dir (b));
  g_assert_cmpstr (rahnuma_settings_get_contacts_file (a), ==, rahnuma_settings_get_contacts_file (b));
  g_assert_true (g_strv_equal (rahnuma_settings_get_languages (a), rahnuma_settings_get_languages (b)));
  g_assert_cmpuint (rahnuma_settings_get_idle_timeout (a), ==, rahnuma_settings_get_idle_timeout (b));
  g_assert_cmpuint (rahnuma_settings_get_keep_days (a), ==, rahnuma_settings_get_keep_days (b));
  g_assert_cmpuint (rahnuma_settings_get_still_there_countdown (a), ==,
                    rahnuma_settings_get_still_there_countdown (b));
  g_assert_cmpint (rahnuma_settings_get_pass_mark_percent (a), ==, rahnuma_settings_get_pass_mark_percent (b));
  g_assert_cmpuint (rahnuma_settings_get_result_timeout (a), ==, rahnuma_settings_get_result_timeout (b));
  g_assert_cmpuint (rahnuma_settings_get_volume (a), ==, rahnuma_settings_get_volume (b));
  g_assert_cmpuint (rahnuma_settings_get_short_path_questions (a), ==,
                    rahnuma_settings_get_short_path_questions (b));
  g_assert_true (rahnuma_settings_get_hall_briefing (a) == rahnuma_settings_get_hall_briefing (b));
}

/* A kiosk without its schema runs on exactly the schema's defaults. */
static void
test_defaults (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) gsettings = settings_for_backend (backend);
  g_autoptr(RahnumaSettings) from_schema = rahnuma_settings_new_for_gsettings (gsettings);
  g_autoptr(RahnumaSettings) built_in = rahnuma_settings_new_for_gsettings (NULL);
  const char *all[] = { "ur", "ps", "pa_PK", "en", NULL };

  assert_same_settings (from_schema, built_in);
  g_assert_true (g_strv_equal (rahnuma_settings_get_languages (built_in), all));
  g_assert_cmpint (rahnuma_settings_get_pass_mark_percent (built_in), ==, RAHNUMA_SETTINGS_PASS_MARK_MODULE);
  g_assert_cmpstr (rahnuma_settings_get_modules_dir (built_in), ==, "");
  g_assert_cmpstr (rahnuma_settings_get_contacts_file (built_in), ==, "");
  /* Issue 20: a hall briefing is offered, and checked with one question per lesson. */
  g_assert_true (rahnuma_settings_get_hall_briefing (built_in));
  g_assert_cmpuint (rahnuma_settings_get_short_path_questions (built_in), ==, 1);
  g_assert_cmpuint (rahnuma_settings_get_idle_timeout (built_in), >,
                    rahnuma_settings_get_still_there_countdown (built_in));
  /* The code outlasts the idle question by default (issue 12): the visitor
   * may be fetching the officer. */
  g_assert_cmpuint (rahnuma_settings_get_result_timeout (built_in), >,
                    rahnuma_settings_get_idle_timeout (built_in) +
                      rahnuma_settings_get_still_there_countdown (built_in));
}

static void
write_kiosk_settings (const char *path)
{
  g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (path, "/", NULL);
  g_autoptr(GSettings) gsettings = settings_for_backend (backend);
  const char *languages[] = { "ur", "en", NULL };

  g_assert_true (g_settings_set_string (gsettings, "centre-code", "LHE-POE"));
  g_assert_true (g_settings_set_string (gsettings, "kiosk-id", "hall-2"));
  g_assert_true (g_settings_set_string (gsettings, "officer-file", "/srv/officers/records.db"));
  g_assert_true (g_settings_set_strv (gsettings, "languages", languages));
  g_assert_true (g_settings_set_uint (gsettings, "idle-timeout", 45));
  g_assert_true (g_settings_set_uint (gsettings, "still-there-countdown", 12));
  g_assert_true (g_settings_set_int (gsettings, "pass-mark", 80));
  g_assert_true (g_settings_set_uint (gsettings, "result-timeout", 900));
  g_assert_true (g_settings_set_uint (gsettings, "volume", 35));
  g_assert_true (g_settings_set_uint (gsettings, "short-path-questions", 3));
  g_assert_true (g_settings_set_boolean (gsettings, "hall-briefing", FALSE));
  g_settings_sync ();
}

/* What a technician sets survives a restart: a new backend, as a new
 * process would open, reads it back from the file. */
static void
test_persist (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rahnuma-settings-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autoptr(GSettings) gsettings = NULL;
  g_autoptr(RahnumaSettings) settings = NULL;
  const char *languages[] = { "ur", "en", NULL };

  g_assert_no_error (error);
  path = g_build_filename (dir, "keyfile", NULL);
  write_kiosk_settings (path);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "[org/rahnuma/Kiosk]"));
  g_assert_nonnull (strstr (contents, "idle-timeout=45"));

  backend = g_keyfile_settings_backend_new (path, "/", NULL);
  gsettings = settings_for_backend (backend);
  settings = rahnuma_settings_new_for_gsettings (gsettings);
  g_assert_cmpstr (rahnuma_settings_get_centre (settings), ==, "LHE-POE");
  g_assert_cmpstr (rahnuma_settings_get_kiosk_id (settings), ==, "hall-2");
  g_assert_cmpstr (rahnuma_settings_get_officer_file (settings), ==, "/srv/officers/records.db");
  g_assert_true (g_strv_equal (rahnuma_settings_get_languages (settings), languages));
  g_assert_false (rahnuma_settings_offers_language (settings, "ps"));
  g_assert_true (rahnuma_settings_offers_language (settings, "en"));
  g_assert_cmpuint (rahnuma_settings_get_idle_timeout (settings), ==, 45);
  g_assert_cmpuint (rahnuma_settings_get_still_there_countdown (settings), ==, 12);
  g_assert_cmpint (rahnuma_settings_get_pass_mark_percent (settings), ==, 80);
  g_assert_cmpuint (rahnuma_settings_get_result_timeout (settings), ==, 900);
  g_assert_cmpuint (rahnuma_settings_get_volume (settings), ==, 35);
  g_assert_cmpuint (rahnuma_settings_get_short_path_questions (settings), ==, 3);
  g_assert_false (rahnuma_settings_get_hall_briefing (settings));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static RahnumaSettings *
settings_with_languages (const char * const *languages)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) gsettings = settings_for_backend (backend);

  g_settings_set_strv (gsettings, "languages", languages);
  return rahnuma_settings_new_for_gsettings (gsettings);
}

/* Repeats are kept once; an empty list means all; an unknown code is a
 * setup mistake the kiosk refuses to start with. */
static void
test_languages (void)
{
  const char *repeated[] = { "en", "pa_PK", "en", NULL };
  const char *clean[] = { "en", "pa_PK", NULL };
  const char *unknown[] = { "en", "pa", NULL };
  const char *none[] = { NULL };
  const char *all[] = { "ur", "ps", "pa_PK", "en", NULL };
  g_autoptr(RahnumaSettings) a = settings_with_languages (repeated);
  g_autoptr(RahnumaSettings) b = settings_with_languages (unknown);
  g_autoptr(RahnumaSettings) c = settings_with_languages (none);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_strv_equal (rahnuma_settings_get_languages (a), clean));
  g_assert_true (rahnuma_settings_check (a, &error));
  g_assert_no_error (error);
  g_assert_true (g_strv_equal (rahnuma_settings_get_languages (c), all));
  g_assert_true (rahnuma_settings_check (c, &error));
  g_assert_false (rahnuma_settings_check (b, &error));
  g_assert_error (error, RAHNUMA_SETTINGS_ERROR, RAHNUMA_SETTINGS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“pa”"));
}

static void
assert_refused (RahnumaSettings *settings, const char *mentions)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rahnuma_settings_check (settings, &error));
  g_assert_error (error, RAHNUMA_SETTINGS_ERROR, RAHNUMA_SETTINGS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, mentions));
}

/* Every value the journal would refuse stops the kiosk at start-up, with
 * the value and the setting to correct in the message; a good one passes. */
static void
test_check (void)
{
  g_autoptr(RahnumaSettings) settings = rahnuma_settings_new_for_gsettings (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rahnuma-settings-XXXXXX", &error);
  g_autofree char *journal = g_build_filename (dir, "journal.db", NULL);

  g_assert_no_error (error);
  g_assert_true (rahnuma_settings_check (settings, &error));
  g_assert_no_error (error);

  rahnuma_settings_override_centre (settings, "LHE PROTECTOR");
  assert_refused (settings, "“LHE PROTECTOR”");
  rahnuma_settings_override_centre (settings, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"); /* 33 */
  assert_refused (settings, "centre-code");
  rahnuma_settings_override_centre (settings, "LHE-PROTECTOR");
  g_assert_true (rahnuma_settings_check (settings, NULL));

  rahnuma_settings_override_kiosk_id (settings, "hall 2");
  assert_refused (settings, "--kiosk-id");
  rahnuma_settings_override_kiosk_id (settings, "hall-2");
  g_assert_true (rahnuma_settings_check (settings, NULL));

  rahnuma_settings_override_journal (settings, dir);
  assert_refused (settings, "is a folder");
  rahnuma_settings_override_journal (settings, journal);
  rahnuma_settings_override_officer_file (settings, journal);
  assert_refused (settings, "the same file");
  rahnuma_settings_override_officer_file (settings, "/srv/officers/records.db");
  rahnuma_settings_override_modules_dir (settings, "/etc/hostname");
  assert_refused (settings, "is a file");
  rahnuma_settings_override_modules_dir (settings, dir);
  g_assert_true (rahnuma_settings_check (settings, NULL));

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A command-line option wins for one run; an empty one changes nothing,
 * and an empty centre in the settings falls back to the default. */
static void
test_override (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) gsettings = settings_for_backend (backend);
  g_autoptr(RahnumaSettings) settings = NULL;
  g_autofree char *stored = NULL;

  g_settings_set_string (gsettings, "centre-code", "");
  g_settings_set_string (gsettings, "modules-dir", "/srv/modules");
  settings = rahnuma_settings_new_for_gsettings (gsettings);
  g_assert_cmpstr (rahnuma_settings_get_centre (settings), ==, "CENTRE");

  rahnuma_settings_override_centre (settings, "ISB-OEC");
  rahnuma_settings_override_kiosk_id (settings, "");
  rahnuma_settings_override_modules_dir (settings, "/media/usb/modules");
  rahnuma_settings_override_journal (settings, NULL);
  g_assert_cmpstr (rahnuma_settings_get_centre (settings), ==, "ISB-OEC");
  g_assert_cmpstr (rahnuma_settings_get_kiosk_id (settings), ==, "kiosk-1");
  g_assert_cmpstr (rahnuma_settings_get_modules_dir (settings), ==, "/media/usb/modules");
  g_assert_cmpstr (rahnuma_settings_get_journal (settings), ==, "");
  /* The stored value is untouched: the override is for this run only. */
  stored = g_settings_get_string (gsettings, "modules-dir");
  g_assert_cmpstr (stored, ==, "/srv/modules");
}

/* The schema, not the kiosk, refuses a timeout that would lock visitors
 * out (0 s) or a pass mark over 100 %. */
static void
test_ranges (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(GSettingsSchemaKey) idle = g_settings_schema_get_key (schema, "idle-timeout");
  g_autoptr(GSettingsSchemaKey) pass_mark = g_settings_schema_get_key (schema, "pass-mark");
  g_autoptr(GVariant) zero = g_variant_ref_sink (g_variant_new_uint32 (0));
  g_autoptr(GVariant) minute = g_variant_ref_sink (g_variant_new_uint32 (60));
  g_autoptr(GVariant) too_high = g_variant_ref_sink (g_variant_new_int32 (101));
  g_autoptr(GVariant) module = g_variant_ref_sink (g_variant_new_int32 (-1));
  g_autoptr(GSettingsSchemaKey) questions = g_settings_schema_get_key (schema, "short-path-questions");
  g_autoptr(GVariant) twenty_one = g_variant_ref_sink (g_variant_new_uint32 (21));

  g_assert_false (g_settings_schema_key_range_check (idle, zero));
  g_assert_true (g_settings_schema_key_range_check (idle, minute));
  g_assert_false (g_settings_schema_key_range_check (pass_mark, too_high));
  g_assert_true (g_settings_schema_key_range_check (pass_mark, module));
  /* 0 (every question) is in range, more than a lesson holds is not. */
  g_assert_true (g_settings_schema_key_range_check (questions, zero));
  g_assert_false (g_settings_schema_key_range_check (questions, twenty_one));
}

static void
on_changed (RahnumaSettings *settings, const char *key, GPtrArray *keys)
{
  g_ptr_array_add (keys, g_strdup (key));
}

/* What the dashboard changes is in force at once ("changed", new values in
 * the getters, over a command-line override); what names the records
 * (centre, journal) waits for a restart. */
static void
test_live (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) gsettings = settings_for_backend (backend);
  /* The dashboard's own GSettings object, as in the kiosk. */
  g_autoptr(GSettings) dashboard = settings_for_backend (backend);
  g_autoptr(RahnumaSettings) settings = rahnuma_settings_new_for_gsettings (gsettings);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  const char * const languages[] = { "en", "xx", "ur", NULL };
  const char * const expected[] = { "en", "ur", NULL };

  rahnuma_settings_override_officer_file (settings, "/from/the/command/line.db");
  g_signal_connect (settings, "changed", G_CALLBACK (on_changed), keys);
  g_settings_set_uint (dashboard, "idle-timeout", 45);
  g_settings_set_strv (dashboard, "languages", languages);
  g_settings_set_string (dashboard, "officer-file", "/media/kiosk/USB/rahnuma-officers.db");
  g_settings_set_string (dashboard, "centre-code", "ELSEWHERE");
  g_settings_set_string (dashboard, "contacts-file", "/etc/rahnuma/contacts.ini");
  g_assert_cmpuint (keys->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (keys, 3), ==, "contacts-file");
  g_assert_cmpstr (rahnuma_settings_get_contacts_file (settings), ==, "/etc/rahnuma/contacts.ini");
  g_assert_cmpstr (g_ptr_array_index (keys, 0), ==, "idle-timeout");
  g_assert_cmpuint (rahnuma_settings_get_idle_timeout (settings), ==, 45);
  g_assert_true (g_strv_equal (rahnuma_settings_get_languages (settings), expected));
  g_assert_cmpstr (rahnuma_settings_get_officer_file (settings), ==, "/media/kiosk/USB/rahnuma-officers.db");
  g_assert_cmpstr (rahnuma_settings_get_centre (settings), ==, "CENTRE");
  /* The path settings are in force from the next visit. */
  g_settings_set_boolean (dashboard, "hall-briefing", FALSE);
  g_settings_set_uint (dashboard, "short-path-questions", 2);
  g_assert_false (rahnuma_settings_get_hall_briefing (settings));
  g_assert_cmpuint (rahnuma_settings_get_short_path_questions (settings), ==, 2);
  g_signal_handlers_disconnect_by_data (settings, keys);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rahnuma/settings/defaults", test_defaults);
  g_test_add_func ("/rahnuma/settings/persist", test_persist);
  g_test_add_func ("/rahnuma/settings/languages", test_languages);
  g_test_add_func ("/rahnuma/settings/override", test_override);
  g_test_add_func ("/rahnuma/settings/check", test_check);
  g_test_add_func ("/rahnuma/settings/ranges", test_ranges);
  g_test_add_func ("/rahnuma/settings/live", test_live);

  return g_test_run ();
}
