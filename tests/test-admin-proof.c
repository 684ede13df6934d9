/* test-admin-proof.c — rahnuma-admin keys new|export and verify --qr, run
 * as an officer would: real key files, a trust file made of "keys export"
 * lines, one exit status per answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "rahnuma-code.h"
#include "rahnuma-proof.h"
#include "test-util.h"

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_admin (Run *run, const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  int status;

  g_ptr_array_add (argv, g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools", "rahnuma-admin", NULL));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err, &status,
                &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

typedef struct
{
  char *tmpdir;
  char *keys_dir;
  char *other_dir;
  char *trust;
  char *code;
} Fixture;

/* Two kiosks' keys made with keys new; only the first one's line,
 * exported with keys export, goes into the trust file, with a comment. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_auto(Run) made = { 0 };
  g_auto(Run) other = { 0 };
  g_auto(Run) exported = { 0 };
  g_autofree char *contents = NULL;

  f->tmpdir = rahnuma_test_make_tmpdir ("rahnuma-admin-proof-XXXXXX");
  f->keys_dir = g_build_filename (f->tmpdir, "kiosk-1", "keys", NULL);
  f->other_dir = g_build_filename (f->tmpdir, "kiosk-2", "keys", NULL);
  f->trust = g_build_filename (f->tmpdir, "trust.txt", NULL);
  f->code = rahnuma_code_generate ();
  run_admin (&made, (const char *[]) { "keys", "new", "--keys", f->keys_dir, "--centre", "LHR",
                                       "--kiosk", "kiosk-1", NULL });
  g_assert_cmpint (made.status, ==, 0);
  run_admin (&other, (const char *[]) { "keys", "new", "--keys", f->other_dir, NULL });
  g_assert_cmpint (other.status, ==, 0);
  run_admin (&exported, (const char *[]) { "keys", "export", "--keys", f->keys_dir, NULL });
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_nonnull (strstr (exported.out, "# centre LHR, kiosk kiosk-1"));
  contents = g_strconcat ("# Lahore centre\n", exported.out, NULL);
  g_assert_true (g_file_set_contents (f->trust, contents, -1, NULL));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  rahnuma_test_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->keys_dir);
  g_free (f->other_dir);
  g_free (f->trust);
  g_free (f->code);
}

/* Signs as the kiosk does, with the key pair keys new wrote in @dir. */
static char *
sign_with (Fixture *f, const char *dir, gboolean demo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaKeys) keys = rahnuma_keys_load (dir, &error);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 30, 9, 15, 0);
  char *text;

  g_assert_no_error (error);
  text = rahnuma_proof_sign_visit (keys, "LHR", "kiosk-1", when, f->code, 5, 7, TRUE, demo, &error);
  g_assert_no_error (error);
  return text;
}

/* The --json answer, parsed as a JSON parser would: one object. */
static JsonObject *
parse_answer (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
verify (Fixture *f, Run *run, const char *text, gboolean json)
{
  run_admin (run, (const char *[]) { "verify", "--qr", text, "--trust", f->trust, json ? "--json" : NULL, NULL });
}

static void
test_valid (Fixture *f, gconstpointer data)
{
  g_autofree char *text = sign_with (f, f->keys_dir, FALSE);
  g_autofree char *normal = rahnuma_code_normalize (f->code);
  g_auto(Run) run = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonObject) answer = NULL;

  verify (f, &run, text, FALSE);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Valid: "));
  g_assert_nonnull (strstr (run.out, normal));
  g_assert_nonnull (strstr (run.out, "2026-11-30"));
  g_assert_nonnull (strstr (run.out, "5 of 7 passed"));
  g_assert_nonnull (strstr (run.out, "centre LHR, kiosk kiosk-1"));
  verify (f, &json, text, TRUE);
  g_assert_cmpint (json.status, ==, 0);
  answer = parse_answer (json.out);
  g_assert_cmpstr (json_object_get_string_member (answer, "verdict"), ==, "valid");
  g_assert_cmpstr (json_object_get_string_member (answer, "code"), ==, normal);
  g_assert_cmpstr (json_object_get_string_member (answer, "centre"), ==, "LHR");
  g_assert_cmpint (json_object_get_int_member (answer, "lessons_passed"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (answer, "lessons"), ==, 7);
  g_assert_true (json_object_get_boolean_member (answer, "signature_checked"));
  g_assert_false (json_object_get_boolean_member (answer, "demo"));
}

static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autofree char *text = sign_with (f, f->keys_dir, TRUE);
  g_auto(Run) run = { 0 };

  verify (f, &run, text, FALSE);
  g_assert_cmpint (run.status, ==, 5);
  g_assert_true (g_str_has_prefix (run.out, "Valid, demo: "));
}

static void
test_changed (Fixture *f, gconstpointer data)
{
  g_autofree char *text = sign_with (f, f->keys_dir, FALSE);
  g_auto(Run) run = { 0 };
  /* Ten letters from the end: within the signature, so the record still reads. */
  char *last = text + strlen (text) - 10;

  *last = *last == 'A' ? 'B' : 'A';
  verify (f, &run, text, FALSE);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_true (g_str_has_prefix (run.out, "NOT VALID: "));
}

static void
test_untrusted (Fixture *f, gconstpointer data)
{
  g_autofree char *text = sign_with (f, f->other_dir, FALSE);
  g_auto(Run) run = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonObject) answer = NULL;

  verify (f, &run, text, FALSE);
  g_assert_cmpint (run.status, ==, 4);
  g_assert_true (g_str_has_prefix (run.out, "Key not trusted: "));
  verify (f, &json, text, TRUE);
  g_assert_cmpint (json.status, ==, 4);
  answer = parse_answer (json.out);
  g_assert_cmpstr (json_object_get_string_member (answer, "verdict"), ==, "untrusted");
  g_assert_false (json_object_get_boolean_member (answer, "signature_checked"));
}

static void
test_not_a_proof (Fixture *f, gconstpointer data)
{
  g_autofree char *text = sign_with (f, f->keys_dir, FALSE);
  g_autofree char *cut = g_strndup (text, strlen (text) - 7);
  g_auto(Run) truncated = { 0 };
  g_auto(Run) prefix = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonObject) answer = NULL;

  verify (f, &truncated, cut, FALSE);
  g_assert_cmpint (truncated.status, ==, 1);
  g_assert_nonnull (strstr (truncated.err, "Not a Rahnuma completion proof: The text is cut short"));
  verify (f, &prefix, f->code, FALSE);
  g_assert_cmpint (prefix.status, ==, 1);
  g_assert_nonnull (strstr (prefix.err, "does not start with RHN1."));
  verify (f, &json, cut, TRUE);
  g_assert_cmpint (json.status, ==, 1);
  answer = parse_answer (json.out);
  g_assert_cmpstr (json_object_get_string_member (answer, "verdict"), ==, "not-a-proof");
  g_assert_cmpstr (json_object_get_string_member (answer, "reason"), ==, "truncated");
  g_assert_nonnull (strstr (json_object_get_string_member (answer, "message"), "cut short"));
}

/* No trust file: the check cannot run, which is not a "not valid". */
static void
test_no_trust_file (Fixture *f, gconstpointer data)
{
  g_autofree char *text = sign_with (f, f->keys_dir, FALSE);
  g_auto(Run) run = { 0 };

  g_assert_cmpint (g_unlink (f->trust), ==, 0);
  verify (f, &run, text, FALSE);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "Cannot read the trust file"));
}

static void
test_keys_new_refuses (Fixture *f, gconstpointer data)
{
  g_autofree char *secret = g_build_filename (f->keys_dir, "proof-secret.key", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) again = { 0 };
  g_auto(Run) forced = { 0 };
  GStatBuf st;

  g_assert_cmpint (g_stat (secret, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (secret, &before, NULL, NULL));
  run_admin (&again, (const char *[]) { "keys", "new", "--keys", f->keys_dir, NULL });
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "--force"));
  g_assert_true (g_file_get_contents (secret, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  run_admin (&forced, (const char *[]) { "keys", "new", "--keys", f->keys_dir, "--force", NULL });
  g_assert_cmpint (forced.status, ==, 0);
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (secret, &after, NULL, NULL));
  g_assert_cmpstr (after, !=, before);
}

static void
test_help (void)
{
  static const char * const commands[][3] = {
    { "keys", "--help", NULL }, { "keys", "new", "--help" }, { "keys", "export", "--help" },
  };
  g_auto(Run) verify_help = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };
      const char *args[] = { commands[i][0], commands[i][1], commands[i][2], NULL };

      run_admin (&run, args);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.out, !=, "");
    }
  run_admin (&verify_help, (const char *[]) { "verify", "--help", NULL });
  g_assert_cmpint (verify_help.status, ==, 0);
  g_assert_nonnull (strstr (verify_help.out, "4 its key is not in the trust file"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rahnuma/admin-proof/help", test_help);
#define ADD(path, func) \
  g_test_add ("/rahnuma/admin-proof/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("valid", test_valid);
  ADD ("demo", test_demo);
  ADD ("changed", test_changed);
  ADD ("untrusted", test_untrusted);
  ADD ("not-a-proof", test_not_a_proof);
  ADD ("no-trust-file", test_no_trust_file);
  ADD ("keys-new-refuses", test_keys_new_refuses);
#undef ADD
  return g_test_run ();
}
