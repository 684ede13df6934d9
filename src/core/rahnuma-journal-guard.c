/* rahnuma-journal-guard.c — a kiosk's journal that goes missing is a fault, not a fresh start
 *
 * A kiosk's journal may live on a drive of its own. If that drive is not
 * mounted when the kiosk starts, the journal's path points into an empty
 * mount point; opening it there would quietly start a new journal, which
 * the drive hides again once it is mounted, and the visits recorded in
 * between would be out of everyone's sight (issue 13, item 9).
 *
 * So the kiosk keeps a note, in its own state folder
 * ($XDG_STATE_HOME/rahnuma/journals.ini), of each journal it has opened:
 * its path and its journal id. A journal the note knows that is not there
 * is missing: the kiosk does not start a new one, says it is out of
 * service and tries again (src/kiosk/rahnuma-application.c). Only a path
 * the note does not know is created: the kiosk's first start.
 *
 * The note is in the kiosk user's home, not beside the journal, because it
 * must be there when the journal's drive is not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rahnuma-journal-guard.h"

#define GROUP_PREFIX "Journal "

/**
 * rahnuma_journal_guard_default_path:
 *
 * Returns: (transfer full): where the kiosk notes its journals,
 *   $XDG_STATE_HOME/rahnuma/journals.ini
 */
char *
rahnuma_journal_guard_default_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "rahnuma", "journals.ini", NULL);
}

/* The group that notes @key (a canonical journal path), or %NULL. */
static char *
find_group (GKeyFile *keys, const char *key)
{
  g_auto(GStrv) groups = g_key_file_get_groups (keys, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *path = g_key_file_get_string (keys, groups[i], "Path", NULL);

      if (g_str_has_prefix (groups[i], GROUP_PREFIX) && g_strcmp0 (path, key) == 0)
        return g_strdup (groups[i]);
    }
  return NULL;
}

/* The note, empty if there is none yet (or it cannot be read: said so). */
static GKeyFile *
load_guard (const char *guard_path)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  if (!g_key_file_load_from_file (keys, guard_path, G_KEY_FILE_KEEP_COMMENTS, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    /* Translators: in the technician log; the first %s is a file, the second why */
    g_warning (_("Cannot read %s, where the kiosk notes its journals: %s"), guard_path, error->message);
  return g_steal_pointer (&keys);
}

/**
 * rahnuma_journal_guard_check:
 * @guard_path: the note, from rahnuma_journal_guard_default_path()
 * @journal_path: the kiosk's journal
 * @known_id: (out) (optional) (nullable) (transfer full): for
 *   %RAHNUMA_JOURNAL_MISSING, the id of the journal that was there
 *
 * Decides what the kiosk may do at start-up, from the file system and the
 * note alone; nothing is written.
 *
 * Returns: %RAHNUMA_JOURNAL_OPEN if @journal_path exists,
 *   %RAHNUMA_JOURNAL_MISSING if not but the note knows it,
 *   %RAHNUMA_JOURNAL_CREATE otherwise
 */
RahnumaJournalStart
rahnuma_journal_guard_check (const char *guard_path, const char *journal_path, char **known_id)
{
  g_autofree char *key = NULL;
  g_autofree char *group = NULL;
  g_autoptr(GKeyFile) keys = NULL;

  g_return_val_if_fail (guard_path != NULL && journal_path != NULL, RAHNUMA_JOURNAL_OPEN);

  if (known_id != NULL)
    *known_id = NULL;
  if (g_file_test (journal_path, G_FILE_TEST_EXISTS))
    return RAHNUMA_JOURNAL_OPEN;
  key = g_canonicalize_filename (journal_path, NULL);
  keys = load_guard (guard_path);
  group = find_group (keys, key);
  if (group == NULL)
    return RAHNUMA_JOURNAL_CREATE;
  if (known_id != NULL)
    *known_id = g_key_file_get_string (keys, group, "JournalId", NULL);
  return RAHNUMA_JOURNAL_MISSING;
}

static char *
new_group_name (GKeyFile *keys)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *name = g_strdup_printf (GROUP_PREFIX "%u", n);

      if (!g_key_file_has_group (keys, name))
        return g_steal_pointer (&name);
    }
}

static gboolean
save_guard (GKeyFile *keys, const char *guard_path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (guard_path);
  g_autofree char *data = NULL;
  gsize length;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   /* Translators: %s is a file or folder path, then why (a system message) */
                   _("Cannot create %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  data = g_key_file_to_data (keys, &length, NULL);
  return g_file_set_contents_full (guard_path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/**
 * rahnuma_journal_guard_remember:
 * @guard_path: the note
 * @journal_path: a journal the kiosk has opened or created
 * @journal_id: its id, rahnuma_store_get_journal_id()
 * @error: return location for a #GFileError
 *
 * Notes that this kiosk has a journal at @journal_path, so that its absence
 * at a later start is a fault. The note is replaced atomically, readable by
 * its owner only; it is not written when it already says this.
 *
 * Returns: whether the note says so now
 */
gboolean
rahnuma_journal_guard_remember (const char *guard_path, const char *journal_path,
                                const char *journal_id, GError **error)
{
  g_autofree char *key = NULL;
  g_autofree char *group = NULL;
  g_autofree char *old_id = NULL;
  g_autoptr(GKeyFile) keys = NULL;

  g_return_val_if_fail (guard_path != NULL && journal_path != NULL && journal_id != NULL, FALSE);

  key = g_canonicalize_filename (journal_path, NULL);
  keys = load_guard (guard_path);
  group = find_group (keys, key);
  if (group == NULL)
    group = new_group_name (keys);
  old_id = g_key_file_get_string (keys, group, "JournalId", NULL);
  if (g_strcmp0 (old_id, journal_id) == 0)
    return TRUE;
  if (old_id != NULL)
    g_message ("The journal at %s is now %s (it was %s)", key, journal_id, old_id);
  g_key_file_set_string (keys, group, "Path", key);
  g_key_file_set_string (keys, group, "JournalId", journal_id);
  return save_guard (keys, guard_path, error);
}

static void
make_parent (const char *journal_path)
{
  g_autofree char *dir = g_path_get_dirname (journal_path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    /* Translators: %s is a file or folder path, then why (a system message) */
    g_warning (_("Cannot create %s: %s"), dir, g_strerror (errno));
}

/**
 * rahnuma_journal_guard_open:
 * @guard_path: the note, from rahnuma_journal_guard_default_path()
 * @journal_path: the kiosk's journal
 * @set_aside_path: (out) (optional) (nullable) (transfer full): as for
 *   rahnuma_store_open_or_recover()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * What the kiosk calls at start-up: opens (or recovers) the journal if it
 * is there, creates it (and its folder) if this kiosk never had one at
 * @journal_path, and notes it. A journal this kiosk had that is gone fails
 * with %RAHNUMA_STORE_ERROR_MISSING, creating nothing: the caller says so
 * and tries again later.
 *
 * Returns: (transfer full) (nullable): the store
 */
RahnumaStore *
rahnuma_journal_guard_open (const char *guard_path, const char *journal_path, char **set_aside_path,
                            GCancellable *cancellable, GError **error)
{
  g_autofree char *known_id = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  RahnumaJournalStart start;

  g_return_val_if_fail (guard_path != NULL && journal_path != NULL, NULL);

  start = rahnuma_journal_guard_check (guard_path, journal_path, &known_id);
  if (start == RAHNUMA_JOURNAL_MISSING)
    {
      /* Translators: shown to the officer on the out-of-service screen and logged; the first
       * %s is the journal's path, the second its 32-letter id, the third the note's path */
      g_set_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_MISSING,
                   _("The journal %s (id %s) is missing. This kiosk has recorded visits in it, so it will "
                     "not start a new one: is the drive that holds it plugged in and mounted? The kiosk "
                     "tries again by itself. If the journal was removed on purpose, delete %s."),
                   journal_path, known_id != NULL ? known_id : "?", guard_path);
      return NULL;
    }
  if (start == RAHNUMA_JOURNAL_CREATE)
    make_parent (journal_path);
  store = rahnuma_store_open_or_recover (journal_path, set_aside_path, cancellable, error);
  if (store == NULL)
    return NULL;
  if (!rahnuma_journal_guard_remember (guard_path, journal_path, rahnuma_store_get_journal_id (store),
                                       &local_error))
    /* Translators: in the technician log; the first %s is a file, the second why */
    g_warning (_("Cannot note the journal in %s: %s. If its drive is missing at a later start, "
                 "the kiosk cannot tell."), guard_path, local_error->message);
  return g_steal_pointer (&store);
}
