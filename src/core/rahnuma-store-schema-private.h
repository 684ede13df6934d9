/* rahnuma-store-schema-private.h — the schema's version and the opening the store calls
 *
 * For rahnuma-store.c (and, through rahnuma-store-private.h, the files
 * that share the store's inside). rahnuma-store-schema.c includes no header
 * of the store's: calls go from the store down to the schema only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "rahnuma-store-schema.h"

G_BEGIN_DECLS

/* The schema version this build writes; a file with a newer one is refused.
 * It is the number of steps in migrations[] (rahnuma-store-schema.c). */
#define RAHNUMA_STORE_VERSION 9

gboolean  rahnuma_store_schema_open      (const char         *path,
                                          RahnumaStoreFlags   flags,
                                          sqlite3           **db,
                                          char              **copy_path,
                                          char              **journal_id,
                                          GError            **error);
void      rahnuma_store_schema_close     (sqlite3            *db,
                                          const char         *copy_path);

G_END_DECLS
