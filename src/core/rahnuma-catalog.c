/* rahnuma-catalog.c — the modules a kiosk offers, as a GListModel
 *
 * A catalog is every package folder directly under one modules folder. A
 * package that fails to load is left out and its problem kept, so one broken
 * package never takes the kiosk down with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-catalog"

#include "rahnuma-catalog.h"
#include "rahnuma-validator.h"

struct _RahnumaCatalog
{
  GObject parent_instance;

  char *dir;
  char *version;
  RahnumaCatalogFlags flags;
  GPtrArray *modules;  /* of RahnumaModule, in order */
  GPtrArray *problems; /* of char*, one per package left out */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RahnumaCatalog, rahnuma_catalog, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static int
compare_modules (gconstpointer a, gconstpointer b)
{
  RahnumaModule *ma = *(RahnumaModule **) a;
  RahnumaModule *mb = *(RahnumaModule **) b;
  int oa = rahnuma_module_get_order (ma);
  int ob = rahnuma_module_get_order (mb);

  if (oa != ob)
    return oa < ob ? -1 : 1;
  return g_strcmp0 (rahnuma_module_get_id (ma), rahnuma_module_get_id (mb));
}

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

      if (problem->severity == RAHNUMA_SEVERITY_ERROR)
        return g_strdup_printf ("%s:%u: %s (and %u more)", problem->file, problem->line,
                                problem->message,
                                rahnuma_validation_count (validation, RAHNUMA_SEVERITY_ERROR) - 1);
    }
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

static gboolean
load_dir (RahnumaCatalog *self, GError **error)
{
  g_autoptr(GDir) dir = g_dir_open (self->dir, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return FALSE;

  /* Sorted so that, of two packages with one id, the same one always wins. */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (self->dir, g_ptr_array_index (names, i), NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        load_package (self, path);
    }

  g_ptr_array_sort (self->modules, compare_modules);
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
