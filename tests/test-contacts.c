/* test-contacts.c — contacts.ini: a good file, each kind of fault with its
 * line, Notepad's BOM and CRLF, the language fallback, placeholders never
 * shown, and a file broken or removed while the kiosk runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "rahnuma-contacts.h"
#include "rahnuma-contacts-watch.h"
#include "test-util.h"

#define GOOD \
  "# a centre's contacts\n" \
  "[PK/protector]\n" \
  "Name=Protector office\n" \
  "Name[ur]=پروٹیکٹر دفتر\n" \
  "Name[ps]=د پروټیکټر دفتر\n" \
  "Name[pa_PK]=پروٹیکٹر دا دفتر\n" \
  "HelpsWith=Complaints\n" \
  "HelpsWith[ur]=شکایات\n" \
  "HelpsWith[ps]=شکایتونه\n" \
  "HelpsWith[pa_PK]=شکایتاں\n" \
  "Phone=+92 (51) 123-4567\n" \
  "\n" \
  "[SA/cwa]\n" \
  "Name=Welfare attaché\n" \
  "Name[ur]=ویلفیئر اتاشی\n" \
  "Name[ps]=د هوساینې اتاشه\n" \
  "Name[pa_PK]=ویلفیئر اتاشی\n" \
  "HelpsWith=Complaints abroad\n" \
  "HelpsWith[ur]=بیرون ملک شکایات\n" \
  "HelpsWith[ps]=بهر شکایتونه\n" \
  "HelpsWith[pa_PK]=باہر شکایتاں\n" \
  "\n" \
  "[AE/cwa]\n" \
  "Name=Other attaché\n" \
  "Name[ur]=دوسرا اتاشی\n" \
  "Name[ps]=بل اتاشه\n" \
  "Name[pa_PK]=دوجا اتاشی\n" \
  "HelpsWith=Elsewhere\n" \
  "HelpsWith[ur]=کہیں اور\n" \
  "HelpsWith[ps]=بل ځای\n" \
  "HelpsWith[pa_PK]=کتے ہور\n"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->dir = rahnuma_test_make_tmpdir ("rahnuma-contacts-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "contacts.ini", NULL);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  rahnuma_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
write_file (const char *path, const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static GPtrArray *
validate_text (const char *text)
{
  return rahnuma_contacts_validate_data (text, strlen (text));
}

/* The one problem of @code in @problems; fails unless there is exactly one. */
static const RahnumaContactsProblem *
only_problem (GPtrArray *problems, RahnumaContactsProblemCode code)
{
  const RahnumaContactsProblem *found = NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      const RahnumaContactsProblem *problem = g_ptr_array_index (problems, i);

      if (problem->code != code)
        continue;
      g_assert_null (found);
      found = problem;
    }
  g_assert_nonnull (found);
  return found;
}

static void
test_good (void)
{
  g_autoptr(GPtrArray) problems = validate_text (GOOD);

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", ((RahnumaContactsProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_lookup (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaContacts) contacts = NULL;
  g_autoptr(GPtrArray) ur = NULL;
  g_autoptr(GPtrArray) home = NULL;
  RahnumaContact *first;

  write_file (fixture->path, GOOD);
  contacts = rahnuma_contacts_new_from_file (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rahnuma_contacts_get_n_entries (contacts), ==, 3);

  /* The destination's entries first, then Pakistan's; not another country's. */
  ur = rahnuma_contacts_lookup (contacts, "sa", "ur");
  g_assert_cmpuint (ur->len, ==, 2);
  first = g_ptr_array_index (ur, 0);
  g_assert_cmpstr (first->country, ==, "SA");
  g_assert_cmpstr (first->id, ==, "cwa");
  g_assert_cmpstr (first->text[RAHNUMA_CONTACT_NAME], ==, "ویلفیئر اتاشی");
  g_assert_cmpstr (first->lang[RAHNUMA_CONTACT_NAME], ==, "ur");
  g_assert_null (first->text[RAHNUMA_CONTACT_PHONE]);
  g_assert_false (first->ask_officer[RAHNUMA_CONTACT_PHONE]);
  first = g_ptr_array_index (ur, 1);
  g_assert_cmpstr (first->country, ==, "PK");
  g_assert_cmpstr (first->text[RAHNUMA_CONTACT_PHONE], ==, "+92 (51) 123-4567");

  /* No destination known: Pakistan's only. */
  home = rahnuma_contacts_lookup (contacts, NULL, "en");
  g_assert_cmpuint (home->len, ==, 1);
  first = g_ptr_array_index (home, 0);
  g_assert_cmpstr (first->text[RAHNUMA_CONTACT_NAME], ==, "Protector office");
  g_assert_cmpstr (first->lang[RAHNUMA_CONTACT_NAME], ==, "en");
  g_assert_finalize_object (g_steal_pointer (&contacts));
}

/* Pashto missing → Urdu; Urdu missing too → English; a placeholder → ask the officer. */
static void
test_fallback (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaContacts) contacts = NULL;
  g_autoptr(GPtrArray) ps = NULL;
  RahnumaContact *entry;

  write_file (fixture->path, "[PK/opf]\nName=OPF cell\nName[ur]=او پی ایف سیل\nHelpsWith=Complaints\n"
                             "Phone=@FILL-IN: the number@\nAddress=Somewhere\nAddress[ps]=@FILL-IN: x@\n"
                             "[PK/helpline]\nName=@FILL-IN: name@\nHelpsWith=Help\n");
  contacts = rahnuma_contacts_new_from_file (fixture->path, &error);
  g_assert_no_error (error);
  ps = rahnuma_contacts_lookup (contacts, "PK", "ps");
  g_assert_cmpuint (ps->len, ==, 1); /* the helpline's name is a placeholder: left out */
  entry = g_ptr_array_index (ps, 0);
  g_assert_cmpstr (entry->text[RAHNUMA_CONTACT_NAME], ==, "او پی ایف سیل");
  g_assert_cmpstr (entry->lang[RAHNUMA_CONTACT_NAME], ==, "ur");
  g_assert_cmpstr (entry->text[RAHNUMA_CONTACT_HELPS_WITH], ==, "Complaints");
  g_assert_cmpstr (entry->lang[RAHNUMA_CONTACT_HELPS_WITH], ==, "en");
  g_assert_null (entry->text[RAHNUMA_CONTACT_PHONE]);
  g_assert_true (entry->ask_officer[RAHNUMA_CONTACT_PHONE]);
  /* A placeholder in one language falls back to a real value in another. */
  g_assert_cmpstr (entry->text[RAHNUMA_CONTACT_ADDRESS], ==, "Somewhere");
  g_assert_false (entry->ask_officer[RAHNUMA_CONTACT_ADDRESS]);
  for (guint i = 0; i < ps->len; i++)
    for (guint f = 0; f < RAHNUMA_CONTACT_N_FIELDS; f++)
      g_assert_false (rahnuma_contacts_is_placeholder (((RahnumaContact *) g_ptr_array_index (ps, i))->text[f]));
}

static void
test_syntax_line (void)
{
  g_autoptr(GPtrArray) problems = validate_text ("[PK/a]\nName=A\nHelpsWith=B\n\nthis line is wrong\n");
  const RahnumaContactsProblem *problem = only_problem (problems, RAHNUMA_CONTACTS_PROBLEM_SYNTAX);

  g_assert_cmpuint (problem->line, ==, 5);
  g_assert_cmpint (problem->severity, ==, RAHNUMA_SEVERITY_ERROR);
}

static void
test_bad_phone (void)
{
  static const struct { const char *phone; gboolean good; } cases[] = {
    { "+92 51 1234567", TRUE }, { "(051) 123-4567", TRUE }, { "1234", TRUE },
    { "051 123 4567 ext 2", FALSE }, { "92+51", FALSE }, { "12", FALSE },
    { "(051 1234", FALSE }, { "1234567890123456", FALSE }, { "051/1234567", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("[PK/a]\nName=A\nHelpsWith=B\nPhone=%s\n", cases[i].phone);
      g_autoptr(GPtrArray) problems = validate_text (text);

      for (guint p = 0; p < problems->len; p++)
        {
          const RahnumaContactsProblem *problem = g_ptr_array_index (problems, p);

          if (problem->code != RAHNUMA_CONTACTS_PROBLEM_BAD_PHONE)
            continue;
          if (cases[i].good)
            g_error ("%s refused: %s", cases[i].phone, problem->message);
          g_assert_cmpuint (problem->line, ==, 4);
          g_assert_cmpstr (problem->key, ==, "Phone");
          goto next;
        }
      if (!cases[i].good)
        g_error ("%s accepted", cases[i].phone);
    next:
      ;
    }
}

static void
test_missing_language (void)
{
  g_autoptr(GPtrArray) problems = validate_text ("\n[PK/a]\nName=A\nName[ur]=ا\nName[pa_PK]=ا\n"
                                                 "HelpsWith=B\nHelpsWith[ur]=ب\nHelpsWith[ps]=ب\n"
                                                 "HelpsWith[pa_PK]=ب\n");
  const RahnumaContactsProblem *problem = only_problem (problems, RAHNUMA_CONTACTS_PROBLEM_MISSING_LANGUAGE);

  g_assert_cmpint (problem->severity, ==, RAHNUMA_SEVERITY_WARNING);
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_nonnull (strstr (problem->message, "Name[ps]"));
  g_assert_null (strstr (problem->message, "HelpsWith"));
}

static void
test_unknown_key (void)
{
  g_autoptr(GPtrArray) problems = validate_text ("[PK/a]\nName=A\nHelpsWith=B\nPhon=123\nName[fr]=A\n"
                                                 "Phone[ur]=123\nName[en]=A\n[Pakistan]\nName=X\n");
  guint n_keys = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      const RahnumaContactsProblem *problem = g_ptr_array_index (problems, i);

      if (problem->code == RAHNUMA_CONTACTS_PROBLEM_UNKNOWN_KEY)
        {
          g_assert_cmpuint (problem->line, ==, 4 + n_keys);
          g_assert_cmpint (problem->severity, ==, RAHNUMA_SEVERITY_ERROR);
          n_keys++;
        }
    }
  g_assert_cmpuint (n_keys, ==, 4);
  g_assert_cmpuint (only_problem (problems, RAHNUMA_CONTACTS_PROBLEM_UNKNOWN_GROUP)->line, ==, 8);
}

static void
test_placeholder (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(RahnumaContacts) contacts = NULL;
  g_autoptr(GError) error = NULL;
  const RahnumaContactsProblem *problem;

  write_file (fixture->path, "[PK/a]\nName=A\nHelpsWith=B\nPhone=@FILL-IN: the number@\n");
  problems = rahnuma_contacts_validate (fixture->path);
  problem = only_problem (problems, RAHNUMA_CONTACTS_PROBLEM_PLACEHOLDER);
  g_assert_cmpint (problem->severity, ==, RAHNUMA_SEVERITY_WARNING);
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_nonnull (strstr (problem->message, "@FILL-IN: the number@"));
  /* A warning: the kiosk takes the file and hides the placeholder. */
  contacts = rahnuma_contacts_new_from_file (fixture->path, &error);
  g_assert_no_error (error);
}

/* Windows Notepad: a byte order mark and CRLF line ends. */
static void
test_notepad (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GString) text = g_string_new ("\xef\xbb\xbf");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(RahnumaContacts) contacts = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  RahnumaContact *entry;

  for (const char *p = GOOD; *p != '\0'; p++)
    g_string_append (text, *p == '\n' ? "\r\n" : (char[]) { *p, '\0' });
  g_string_append (text, "bad line\r\n");
  problems = rahnuma_contacts_validate_data (text->str, text->len);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpuint (only_problem (problems, RAHNUMA_CONTACTS_PROBLEM_SYNTAX)->line, ==, 32);

  g_string_truncate (text, text->len - strlen ("bad line\r\n"));
  write_file (fixture->path, text->str);
  contacts = rahnuma_contacts_new_from_file (fixture->path, &error);
  g_assert_no_error (error);
  entries = rahnuma_contacts_lookup (contacts, NULL, "en");
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->id, ==, "protector");
  g_assert_cmpstr (entry->text[RAHNUMA_CONTACT_PHONE], ==, "+92 (51) 123-4567");
}

static void
test_refused (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  write_file (fixture->path, "[PK/a]\nName=A\nHelpsWith=B\nPhone=call us\n");
  g_assert_null (rahnuma_contacts_new_from_file (fixture->path, &error));
  g_assert_error (error, RAHNUMA_CONTACTS_ERROR, RAHNUMA_CONTACTS_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, ":4: Phone “call us”"));
  g_clear_error (&error);
  g_assert_null (rahnuma_contacts_new_from_file ("/nonexistent/contacts.ini", &error));
  g_assert_error (error, RAHNUMA_CONTACTS_ERROR, RAHNUMA_CONTACTS_ERROR_NOT_FOUND);
}

static void
on_changed (RahnumaContactsWatch *watch, guint *count)
{
  (*count)++;
}

/* Broken or removed while in use: the last good contacts stay; fixed: in force again. */
static void
test_watch (Fixture *fixture, gconstpointer data)
{
  g_autoptr(RahnumaContactsWatch) watch = NULL;
  RahnumaContacts *good;
  guint changes = 0;

  write_file (fixture->path, GOOD);
  watch = rahnuma_contacts_watch_new (fixture->path, NULL);
  good = rahnuma_contacts_watch_get_contacts (watch);
  g_assert_nonnull (good);
  g_assert_null (rahnuma_contacts_watch_get_problem (watch));
  g_signal_connect (watch, "changed", G_CALLBACK (on_changed), &changes);

  write_file (fixture->path, "[PK/a]\nName=A\n");
  g_test_expect_message ("rahnuma-contacts", G_LOG_LEVEL_WARNING, "*error*");
  g_assert_false (rahnuma_contacts_watch_reload (watch));
  g_test_assert_expected_messages ();
  g_assert_true (rahnuma_contacts_watch_get_contacts (watch) == good);
  /* The missing HelpsWith= is reported at its entry's [group] line. */
  g_assert_nonnull (strstr (rahnuma_contacts_watch_get_problem (watch), ":1: [PK/a] has no HelpsWith="));

  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  g_test_expect_message ("rahnuma-contacts", G_LOG_LEVEL_WARNING, "*missing*");
  g_assert_false (rahnuma_contacts_watch_reload (watch));
  g_test_assert_expected_messages ();
  g_assert_true (rahnuma_contacts_watch_get_contacts (watch) == good);
  g_assert_cmpuint (rahnuma_contacts_get_n_entries (good), ==, 3);
  g_assert_nonnull (strstr (rahnuma_contacts_watch_get_problem (watch), "missing"));
  g_assert_cmpuint (changes, ==, 2);

  write_file (fixture->path, "[PK/a]\nName=A\nHelpsWith=B\n");
  g_assert_true (rahnuma_contacts_watch_reload (watch));
  g_assert_null (rahnuma_contacts_watch_get_problem (watch));
  g_assert_cmpuint (rahnuma_contacts_get_n_entries (rahnuma_contacts_watch_get_contacts (watch)), ==, 1);
  g_assert_cmpuint (changes, ==, 3);
}

/* Broken at start: the bundled file stands in as the last good one. */
static void
test_watch_fallback (Fixture *fixture, gconstpointer data)
{
  g_autoptr(RahnumaContactsWatch) watch = NULL;
  g_autofree char *bundled = g_build_filename (g_getenv ("RAHNUMA_SOURCE_DIR"), "media", "contacts.ini", NULL);
  g_autoptr(GPtrArray) entries = NULL;

  write_file (fixture->path, "[PK/a\n");
  g_test_expect_message ("rahnuma-contacts", G_LOG_LEVEL_WARNING, "*:1: not a [group]*");
  watch = rahnuma_contacts_watch_new (fixture->path, bundled);
  g_test_assert_expected_messages ();
  g_assert_nonnull (rahnuma_contacts_watch_get_problem (watch));
  entries = rahnuma_contacts_lookup (rahnuma_contacts_watch_get_contacts (watch), NULL, "en");
  g_assert_cmpstr (((RahnumaContact *) g_ptr_array_index (entries, 0))->id, ==, "protector");
}

static gboolean
on_watch_changed_quit (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @watch has, or has not, a problem: the GFileMonitor's
 * events are what reload it. Gives up (and fails) after 20 s, inside meson's 30 s. */
static void
wait_for_problem (RahnumaContactsWatch *watch, gboolean problem)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gint64 give_up = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gulong handler = g_signal_connect_swapped (watch, "changed", G_CALLBACK (on_watch_changed_quit), loop);

  while ((rahnuma_contacts_watch_get_problem (watch) != NULL) != problem && g_get_monotonic_time () < give_up)
    {
      guint guard = g_timeout_add_seconds (1, on_watch_changed_quit, loop);

      g_main_loop_run (loop);
      g_source_remove (guard);
    }
  g_signal_handler_disconnect (watch, handler);
  g_assert_true ((rahnuma_contacts_watch_get_problem (watch) != NULL) == problem);
}

/* The real monitor: an edit that breaks the file, a removal, a fix. */
static void
test_watch_monitor (Fixture *fixture, gconstpointer data)
{
  g_autoptr(RahnumaContactsWatch) watch = NULL;
  RahnumaContacts *good;
  GLogLevelFlags fatal;

  write_file (fixture->path, GOOD);
  watch = rahnuma_contacts_watch_new (fixture->path, NULL);
  good = rahnuma_contacts_watch_get_contacts (watch);

  /* Each event may log the problem again: a warning here is not a failure. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);

  write_file (fixture->path, "[PK/a]\nName=A\nHelpsWith=B\nPhone=call us\n");
  wait_for_problem (watch, TRUE);
  g_assert_true (rahnuma_contacts_watch_get_contacts (watch) == good);
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  wait_for_problem (watch, TRUE);
  g_assert_true (rahnuma_contacts_watch_get_contacts (watch) == good);
  write_file (fixture->path, "[PK/a]\nName=A\nHelpsWith=B\n");
  wait_for_problem (watch, FALSE);
  g_assert_cmpuint (rahnuma_contacts_get_n_entries (rahnuma_contacts_watch_get_contacts (watch)), ==, 1);
  g_log_set_always_fatal (fatal);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rahnuma/contacts/good", test_good);
  g_test_add ("/rahnuma/contacts/lookup", Fixture, NULL, fixture_set_up, test_lookup, fixture_tear_down);
  g_test_add ("/rahnuma/contacts/fallback", Fixture, NULL, fixture_set_up, test_fallback, fixture_tear_down);
  g_test_add_func ("/rahnuma/contacts/syntax-line", test_syntax_line);
  g_test_add_func ("/rahnuma/contacts/bad-phone", test_bad_phone);
  g_test_add_func ("/rahnuma/contacts/missing-language", test_missing_language);
  g_test_add_func ("/rahnuma/contacts/unknown-key", test_unknown_key);
  g_test_add ("/rahnuma/contacts/placeholder", Fixture, NULL, fixture_set_up, test_placeholder, fixture_tear_down);
  g_test_add ("/rahnuma/contacts/notepad", Fixture, NULL, fixture_set_up, test_notepad, fixture_tear_down);
  g_test_add ("/rahnuma/contacts/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/rahnuma/contacts/watch", Fixture, NULL, fixture_set_up, test_watch, fixture_tear_down);
  g_test_add ("/rahnuma/contacts/watch-fallback", Fixture, NULL, fixture_set_up, test_watch_fallback,
              fixture_tear_down);
  g_test_add ("/rahnuma/contacts/watch-monitor", Fixture, NULL, fixture_set_up, test_watch_monitor,
              fixture_tear_down);
  return g_test_run ();
}
