/* test-journal-guard.c — a journal drive not mounted at start (issue 13, item 9)
 *
 * Real files: the "drive" is a folder holding the journal; unmounting it is
 * renaming that folder away and leaving an empty one (the mount point) in
 * its place; mounting it again is renaming it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rahnuma-journal-guard.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *guard;   /* $XDG_STATE_HOME/rahnuma/journals.ini, in the test's folder */
  char *drive;   /* the mount point */
  char *away;    /* where the drive's contents go while it is "unmounted" */
  char *journal; /* on the drive */
} Fixture;

static const RahnumaSessionStart start = { "LHE-POE", "K1", "ur", "v1", 1764000000, FALSE };

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = rahnuma_test_make_tmpdir ("rahnuma-guard-XXXXXX");
  f->guard = g_build_filename (f->dir, "state", "rahnuma", "journals.ini", NULL);
  f->drive = g_build_filename (f->dir, "drive", NULL);
  f->away = g_build_filename (f->dir, "drive-unmounted", NULL);
  f->journal = g_build_filename (f->drive, "rahnuma", "journal.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  rahnuma_test_remove_tree (f->dir);
  g_free (f->guard);
  g_free (f->drive);
  g_free (f->away);
  g_free (f->journal);
  g_free (f->dir);
}

static void
unmount (Fixture *f)
{
  g_assert_cmpint (g_rename (f->drive, f->away), ==, 0);
  g_assert_cmpint (g_mkdir (f->drive, 0755), ==, 0);
}

static void
mount (Fixture *f)
{
  g_assert_cmpint (g_rmdir (f->drive), ==, 0);
  g_assert_cmpint (g_rename (f->away, f->drive), ==, 0);
}

/* Opens through the guard, records one visit, returns the journal id. */
static char *
first_start (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autofree char *session = NULL;

  g_assert_cmpint (rahnuma_journal_guard_check (f->guard, f->journal, NULL), ==, RAHNUMA_JOURNAL_CREATE);
  store = rahnuma_journal_guard_open (f->guard, f->journal, NULL, NULL, &error);
  g_assert_no_error (error);
  session = rahnuma_store_begin_session (store, &start, &error);
  g_assert_no_error (error);
  return g_strdup (rahnuma_store_get_journal_id (store));
}

/* The first start creates the journal (and its folder) and notes it. */
static void
test_first_start (Fixture *f, gconstpointer data)
{
  g_autofree char *id = first_start (f);
  g_autofree char *note = NULL;
  GStatBuf st;

  g_assert_true (g_file_test (f->journal, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_get_contents (f->guard, &note, NULL, NULL));
  g_assert_nonnull (strstr (note, id));
  g_assert_nonnull (strstr (note, f->journal));
  g_assert_cmpint (g_stat (f->guard, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (rahnuma_journal_guard_check (f->guard, f->journal, NULL), ==, RAHNUMA_JOURNAL_OPEN);
}

/* Later, with the drive not mounted: refused, and nothing is written into
 * the empty mount point. Once the drive is back, the same journal opens,
 * with its visit. */
static void
test_missing_then_back (Fixture *f, gconstpointer data)
{
  g_autofree char *id = first_start (f);
  g_autofree char *known_id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GDir) mount_point = NULL;

  unmount (f);
  g_assert_cmpint (rahnuma_journal_guard_check (f->guard, f->journal, &known_id), ==, RAHNUMA_JOURNAL_MISSING);
  g_assert_cmpstr (known_id, ==, id);
  store = rahnuma_journal_guard_open (f->guard, f->journal, NULL, NULL, &error);
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_MISSING);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, f->journal));
  g_assert_nonnull (strstr (error->message, id));
  mount_point = g_dir_open (f->drive, 0, NULL);
  g_assert_null (g_dir_read_name (mount_point));
  g_clear_error (&error);

  mount (f);
  store = rahnuma_journal_guard_open (f->guard, f->journal, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rahnuma_store_get_journal_id (store), ==, id);
  g_assert_cmpint (rahnuma_store_count_sessions (store, RAHNUMA_SESSION_ACTIVE, &error), ==, 1);
}

/* A journal set aside as damaged is replaced by a new one, and the note
 * follows it: the new one missing later is refused too. */
static void
test_set_aside_noted (Fixture *f, gconstpointer data)
{
  g_autofree char *id = first_start (f);
  g_autofree char *aside = NULL;
  g_autofree char *known_id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autofree char *wal = g_strconcat (f->journal, "-wal", NULL);

  g_remove (wal);
  g_assert_true (g_file_set_contents (f->journal, "not a database, but long enough to be read as a header."
                                      "................................................................", -1,
                                      NULL));
  store = rahnuma_journal_guard_open (f->guard, f->journal, &aside, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_cmpstr (rahnuma_store_get_journal_id (store), !=, id);
  g_clear_object (&store);
  unmount (f);
  g_assert_cmpint (rahnuma_journal_guard_check (f->guard, f->journal, &known_id), ==, RAHNUMA_JOURNAL_MISSING);
  g_assert_cmpstr (known_id, !=, id);
}

/* Another path is another journal: its first start creates it. */
static void
test_other_path (Fixture *f, gconstpointer data)
{
  g_autofree char *id = first_start (f);
  g_autofree char *other = g_build_filename (f->dir, "other", "journal.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;

  g_assert_cmpint (rahnuma_journal_guard_check (f->guard, other, NULL), ==, RAHNUMA_JOURNAL_CREATE);
  store = rahnuma_journal_guard_open (f->guard, other, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  unmount (f);
  g_assert_cmpint (rahnuma_journal_guard_check (f->guard, f->journal, NULL), ==, RAHNUMA_JOURNAL_MISSING);
  g_assert_cmpint (rahnuma_journal_guard_check (f->guard, other, NULL), ==, RAHNUMA_JOURNAL_OPEN);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rahnuma/journal-guard/first-start", test_first_start);
  ADD ("/rahnuma/journal-guard/missing-then-back", test_missing_then_back);
  ADD ("/rahnuma/journal-guard/set-aside-noted", test_set_aside_noted);
  ADD ("/rahnuma/journal-guard/other-path", test_other_path);
#undef ADD
  return g_test_run ();
}
