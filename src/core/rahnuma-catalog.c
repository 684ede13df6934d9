/* rahnuma-catalog.c — the modules a kiosk offers, as a GListModel
 *
 * A catalog is every package folder directly under one modules folder. A
 * package that fails to load is left out and its problem kept, so one broken
 * package never takes the kiosk down with it.
 *
 * An installed package is a link to its current edition (rahnuma-install.c).
 * The catalog resolves it once and loads the edition by its real path, so
 * every file a module names stays in the edition that was loaded, whatever
 * installs happen next; it holds a shared flock(2) on each edition folder
 * for its lifetime, so no install removes one it still uses. A link to
 * anywhere else is left out: a package is regular files and folders only.
 * The kiosk takes a new catalog only between visits
 * (rahnuma_catalog_is_outdated()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-catalog"

#include "rahnuma-catalog.h"
#include "rahnuma-install.h"
#include "rahnuma-language.h"
#include "rahnuma-validator.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* Tries to resolve a link and lock its edition while no install switches it. */
#define MAX_RESOLVE_ATTEMPTS 20

struct _RahnumaCatalog
{
  GObject parent_instance;

  char *dir;
  char *version;
  char *stamp;         /* what the modules folder looked like before loading */
  GArray *locks;       /* of int: a file descriptor per edition folder, flock'd shared */
  RahnumaCatalogFlags flags;
  GPtrArray *modules;  /* of RahnumaModule, in order */
  GPtrArray *problems; /* of char*, one per package left out */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RahnumaCatalog, rahnuma_catalog, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Ids and versions of every module, hashed: records say which briefing a
 * visitor saw without storing the whole list in each session. */
static char *
compute_version (GPtrArray *modules)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char *version;

  for (guint i = 0; i < modules->len; i++)
    {
      RahnumaModule *module = g_ptr_array_index (modules, i);
      g_autofree char *entry = g_strdup_printf ("%s:%u;", rahnuma_module_get_id (module),
                                                rahnuma_module_get_version (module));
      g_checksum_update (checksum, (const guchar *) entry, -1);
    }
  version = g_strndup (g_checksum_get_string (checksum), 12);
  return version;
}

static gboolean
has_module (GPtrArray *modules, const char *id)
{
  for (guint i = 0; i < modules->len; i++)
    if (g_str_equal (rahnuma_module_get_id (g_ptr_array_index (modules, i)), id))
      return TRUE;
  return FALSE;
}

/* A lesson whose picture or voice was made from an older text still plays,
 * but says the old words: the technician's log says so. */
static void
log_stale_media (const char *path, RahnumaValidation *validation)
{
  guint n_stale = rahnuma_validation_count_code (validation, RAHNUMA_PROBLEM_STALE_MEDIA);

  if (n_stale > 0)
    g_message ("Module package %s: %u picture(s) or narration(s) were made from an older text; "
               "“rahnuma-admin module validate %s” lists them", path, n_stale, path);
}

/* Machine translations no native speaker has checked yet: the technician's
 * log says which languages of a lesson on offer they are. */
static void
log_unreviewed (const char *path, GKeyFile *key_file)
{
  gsize n_languages;
  const RahnumaLanguage *languages = rahnuma_languages (&n_languages);
  g_autoptr(GString) unreviewed = g_string_new (NULL);

  for (gsize i = 0; i < n_languages; i++)
    if (rahnuma_key_file_is_machine_translated (key_file, languages[i].code))
      g_string_append_printf (unreviewed, " %s", languages[i].code);
  if (unreviewed->len > 0)
    g_message ("Module package %s: machine-translated texts not yet reviewed in%s", path, unreviewed->str);
}

/* The validator's verdict without probing media (that needs GStreamer and
 * time): missing files, translations, narration and bad values are enough
 * to keep a package a trainer copied by hand, unchecked, off the kiosk. */
static char *
dup_validation_error (const char *path)
{
  g_autoptr(RahnumaValidation) validation = rahnuma_validate_module (path, NULL, NULL);

  for (guint i = 0; i < rahnuma_validation_get_n_problems (validation); i++)
    {
      const RahnumaProblem *problem = rahnuma_validation_get_problem (validation, i);

      /* A placeholder (TODO text, a crossed-out picture) never reaches a visitor. */
      if (problem->severity == RAHNUMA_SEVERITY_ERROR || problem->code == RAHNUMA_PROBLEM_PLACEHOLDER)
        return g_strdup_printf ("%s:%u: %s (and %u more)", problem->file, problem->line,
                                problem->message,
                                rahnuma_validation_count (validation, RAHNUMA_SEVERITY_ERROR) +
                                rahnuma_validation_count_code (validation, RAHNUMA_PROBLEM_PLACEHOLDER) - 1);
    }
  log_stale_media (path, validation);
  return NULL;
}

static void
load_package (RahnumaCatalog *self, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaModule) module = rahnuma_module_new_from_dir (path, &error);
  g_autofree char *invalid = NULL;

  if (module != NULL && (self->flags & RAHNUMA_CATALOG_VALIDATE))
    invalid = dup_validation_error (path);
  if (module != NULL && invalid == NULL && (self->flags & RAHNUMA_CATALOG_VALIDATE))
    log_unreviewed (path, rahnuma_module_get_key_file (module));

  if (invalid != NULL)
    {
      g_warning ("Leaving out module package %s: %s", path, invalid);
      g_ptr_array_add (self->problems, g_steal_pointer (&invalid));
    }
  else if (module == NULL)
    {
      g_warning ("Leaving out module package %s: %s", path, error->message);
      g_ptr_array_add (self->problems, g_strdup (error->message));
    }
  else if (has_module (self->modules, rahnuma_module_get_id (module)))
    {
      g_warning ("Leaving out module package %s: its id is used twice", path);
      g_ptr_array_add (self->problems,
                       g_strdup_printf ("%s: Id=%s is used by another package", path,
                                        rahnuma_module_get_id (module)));
    }
  else
    g_ptr_array_add (self->modules, g_steal_pointer (&module));
}

static char *
resolve (const char *path)
{
  char *real = realpath (path, NULL);
  char *copy = g_strdup (real);

  free (real);
  return copy;
}

/* Only links install made: into this folder's editions. */
static gboolean
check_link (RahnumaCatalog *self, const char *path, const char *real)
{
  g_autofree char *dir_real = resolve (self->dir);
  g_autofree char *editions = g_build_filename (dir_real != NULL ? dir_real : self->dir,
                                                RAHNUMA_EDITIONS_DIR, NULL);

  if (g_str_has_prefix (real, editions) && real[strlen (editions)] == G_DIR_SEPARATOR)
    return TRUE;
  g_warning ("Leaving out %s: a link to %s, outside the installed editions", path, real);
  g_ptr_array_add (self->problems,
                   g_strdup_printf ("%s: a link to %s, outside %s; install packages with "
                                    "rahnuma-admin module install", path, real, editions));
  return FALSE;
}

/* Locks what @path resolves to now and checks that it still resolves there:
 * an install switches a link before it removes the old edition, and never
 * removes one a catalog has locked. An edition gone between reading the
 * link and resolving it (an install switched the link, then removed the old
 * edition before we locked it) is resolved again: the link has moved on.
 * Returns %NULL with errno set when it still cannot be resolved. */
static char *
lock_resolved (const char *path, int *lock_fd)
{
  for (guint attempt = 0; attempt < MAX_RESOLVE_ATTEMPTS; attempt++)
    {
      g_autofree char *real = resolve (path);
      g_autofree char *again = NULL;
      int fd;

      if (real == NULL && errno == ENOENT)
        continue;
      if (real == NULL)
        return NULL;
      fd = open (real, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (fd >= 0 && flock (fd, LOCK_SH | LOCK_NB) == 0 &&
          g_strcmp0 (again = resolve (path), real) == 0)
        {
          *lock_fd = fd;
          return g_steal_pointer (&real);
        }
      if (fd >= 0)
        close (fd);
    }
  return NULL;
}

/* One entry of the modules folder: a package folder, or a link to an edition. */
static void
load_entry (RahnumaCatalog *self, const char *path)
{
  g_autofree char *real = NULL;
  struct stat st;
  int fd = -1;

  /* Plain files, and links to anything but a folder, are not packages. */
  if (lstat (path, &st) != 0 || !(S_ISDIR (st.st_mode) || S_ISLNK (st.st_mode)) ||
      !g_file_test (path, G_FILE_TEST_IS_DIR))
    return;
  real = lock_resolved (path, &fd);
  if (real == NULL)
    {
      g_warning ("Leaving out module package %s: %s", path, g_strerror (errno));
      g_ptr_array_add (self->problems, g_strdup_printf ("%s: %s", path, g_strerror (errno)));
      return;
    }
  g_array_append_val (self->locks, fd);
  if (S_ISLNK (st.st_mode) && !check_link (self, path, real))
    return;
  if (g_file_test (real, G_FILE_TEST_IS_DIR))
    load_package (self, real);
}

/* Names and link targets of the visible entries (and, for plain folders,
 * when they and their module.ini last changed): an install changes it. */
static char *
compute_stamp (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *ini = g_build_filename (path, RAHNUMA_MODULE_FILE, NULL);
      g_autofree char *target = g_file_read_link (path, NULL);
      struct stat st = { 0 }, ini_st = { 0 };

      if (name[0] == '.')
        continue;
      if (target == NULL)
        {
          stat (path, &st);
          stat (ini, &ini_st);
        }
      g_ptr_array_add (entries, g_strdup_printf ("%s>%s@%lld.%ld,%lld.%ld,%lld", name, target ? target : "",
                                                 (long long) st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                                                 (long long) ini_st.st_mtim.tv_sec, ini_st.st_mtim.tv_nsec,
                                                 (long long) ini_st.st_size));
    }
  g_ptr_array_sort (entries, compare_names);
  g_ptr_array_add (entries, NULL);
  return g_strjoinv ("\n", (char **) entries->pdata);
}

static gboolean
load_dir (RahnumaCatalog *self, GError **error)
{
  g_autoptr(GDir) dir = g_dir_open (self->dir, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return FALSE;

  /* Before loading: an install during the load makes the catalog outdated. */
  self->stamp = compute_stamp (self->dir);
  /* Sorted so that, of two packages with one id, the same one always wins. */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (self->dir, g_ptr_array_index (names, i), NULL);

      load_entry (self, path);
    }

  g_ptr_array_sort (self->modules, rahnuma_module_compare);
  self->version = compute_version (self->modules);
  return TRUE;
}

static GType
catalog_get_item_type (GListModel *model)
{
  return RAHNUMA_TYPE_MODULE;
}

static guint
catalog_get_n_items (GListModel *model)
{
  return RAHNUMA_CATALOG (model)->modules->len;
}

static gpointer
catalog_get_item (GListModel *model, guint position)
{
  RahnumaCatalog *self = RAHNUMA_CATALOG (model);

  if (position >= self->modules->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->modules, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = catalog_get_item_type;
  iface->get_n_items = catalog_get_n_items;
  iface->get_item = catalog_get_item;
}

static void
rahnuma_catalog_finalize (GObject *object)
{
  RahnumaCatalog *self = (RahnumaCatalog *) object;

  g_clear_pointer (&self->modules, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->stamp, g_free);
  /* Closing drops the shared locks: an install may now remove the editions. */
  for (guint i = 0; i < self->locks->len; i++)
    close (g_array_index (self->locks, int, i));
  g_clear_pointer (&self->locks, g_array_unref);

  G_OBJECT_CLASS (rahnuma_catalog_parent_class)->finalize (object);
}

static void
rahnuma_catalog_class_init (RahnumaCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rahnuma_catalog_finalize;
}

static void
rahnuma_catalog_init (RahnumaCatalog *self)
{
  self->modules = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->locks = g_array_new (FALSE, FALSE, sizeof (int));
}

/**
 * rahnuma_catalog_new:
 * @dir: a folder whose sub-folders are module packages
 * @error: return location for a #GFileError if @dir cannot be read
 *
 * Broken packages do not fail the catalog; see rahnuma_catalog_get_problems().
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error set
 */
RahnumaCatalog *
rahnuma_catalog_new (const char *dir, GError **error)
{
  return rahnuma_catalog_new_full (dir, RAHNUMA_CATALOG_NONE, error);
}

/**
 * rahnuma_catalog_new_full:
 * @dir: a folder whose sub-folders are module packages
 * @flags: %RAHNUMA_CATALOG_VALIDATE for a kiosk, which must never offer a
 *   package that fails validation
 * @error: return location for a #GFileError if @dir cannot be read
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error set
 */
RahnumaCatalog *
rahnuma_catalog_new_full (const char *dir, RahnumaCatalogFlags flags, GError **error)
{
  g_autoptr(RahnumaCatalog) self = NULL;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RAHNUMA_TYPE_CATALOG, NULL);
  self->flags = flags;
  self->dir = g_canonicalize_filename (dir, NULL);
  if (!load_dir (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

typedef struct
{
  char *dir;
  RahnumaCatalogFlags flags;
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_free (request->dir);
  g_free (request);
}

static void
load_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  GError *error = NULL;
  RahnumaCatalog *catalog = rahnuma_catalog_new_full (request->dir, request->flags, &error);

  if (catalog == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, catalog, g_object_unref);
}

/**
 * rahnuma_catalog_new_async:
 * @dir: a folder whose sub-folders are module packages
 * @flags: as for rahnuma_catalog_new_full()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's main context when loaded
 * @user_data: for @callback
 *
 * rahnuma_catalog_new_full() in a worker thread: reading and checking every
 * package must not freeze the kiosk's screen.
 */
void
rahnuma_catalog_new_async (const char *dir, RahnumaCatalogFlags flags, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LoadRequest *request = g_new0 (LoadRequest, 1);

  g_return_if_fail (dir != NULL);

  request->dir = g_strdup (dir);
  request->flags = flags;
  g_task_set_source_tag (task, rahnuma_catalog_new_async);
  g_task_set_task_data (task, request, (GDestroyNotify) load_request_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * rahnuma_catalog_new_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GFileError if the folder cannot be read
 *
 * Returns: (transfer full) (nullable): the catalog
 */
RahnumaCatalog *
rahnuma_catalog_new_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rahnuma_catalog_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rahnuma_catalog_new_for_module:
 * @module: one loaded module
 *
 * A catalog of just @module, for a trainer's preview.
 *
 * Returns: (transfer full): the catalog
 */
RahnumaCatalog *
rahnuma_catalog_new_for_module (RahnumaModule *module)
{
  RahnumaCatalog *self;

  g_return_val_if_fail (RAHNUMA_IS_MODULE (module), NULL);

  self = g_object_new (RAHNUMA_TYPE_CATALOG, NULL);
  self->dir = g_path_get_dirname (rahnuma_module_get_dir (module));
  g_ptr_array_add (self->modules, g_object_ref (module));
  self->version = compute_version (self->modules);
  return self;
}

/**
 * rahnuma_catalog_get_dir:
 * @self: a #RahnumaCatalog
 *
 * Returns: (transfer none) (nullable): the modules folder it was loaded
 *   from, or %NULL for a catalogue of one package (a trainer's preview)
 */
const char *
rahnuma_catalog_get_dir (RahnumaCatalog *self)
{
  g_return_val_if_fail (RAHNUMA_IS_CATALOG (self), NULL);
  return self->dir;
}

/**
 * rahnuma_catalog_get_version:
 *
 * Returns: (transfer none): 12 hex digits naming this set of module versions
 */
const char *
rahnuma_catalog_get_version (RahnumaCatalog *self)
{
  g_return_val_if_fail (RAHNUMA_IS_CATALOG (self), NULL);
  return self->version;
}

/**
 * rahnuma_catalog_lookup:
 *
 * Returns: (transfer none) (nullable): the module with @module_id
 */
RahnumaModule *
rahnuma_catalog_lookup (RahnumaCatalog *self, const char *module_id)
{
  g_return_val_if_fail (RAHNUMA_IS_CATALOG (self), NULL);
  g_return_val_if_fail (module_id != NULL, NULL);

  for (guint i = 0; i < self->modules->len; i++)
    {
      RahnumaModule *module = g_ptr_array_index (self->modules, i);

      if (g_str_equal (rahnuma_module_get_id (module), module_id))
        return module;
    }
  return NULL;
}

/**
 * rahnuma_catalog_get_problems:
 *
 * Returns: (transfer none) (element-type utf8): why each left-out package was left out
 */
GPtrArray *
rahnuma_catalog_get_problems (RahnumaCatalog *self)
{
  g_return_val_if_fail (RAHNUMA_IS_CATALOG (self), NULL);
  return self->problems;
}

/**
 * rahnuma_catalog_is_outdated:
 * @self: a #RahnumaCatalog
 *
 * Whether the modules folder has changed since @self was loaded: an install
 * switched a module to a new edition, or a package was added or removed.
 * Cheap (one folder listing, no module read), so the kiosk asks at the
 * welcome screen and loads a new catalog only then, never during a visit;
 * the visit in progress keeps its own catalog and editions.
 *
 * Returns: %TRUE if a catalog loaded now would differ; always %FALSE for
 *   rahnuma_catalog_new_for_module()
 */
gboolean
rahnuma_catalog_is_outdated (RahnumaCatalog *self)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (RAHNUMA_IS_CATALOG (self), FALSE);

  if (self->stamp == NULL)
    return FALSE;
  now = compute_stamp (self->dir);
  return g_strcmp0 (now, self->stamp) != 0;
}
