/* rahnuma-store-sql.h — the store's error domain
 *
 * Apart from rahnuma-store.h so that the SQL helpers (rahnuma-store-sql.c)
 * and the schema (rahnuma-store-schema.c), which the store calls, can name
 * these errors without including the store's own header: includes and calls
 * point down only (HACKING.md, "Includes point one way"). rahnuma-store.h
 * includes it, so users of the store see no difference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RAHNUMA_STORE_ERROR (rahnuma_store_error_quark ())

typedef enum
{
  RAHNUMA_STORE_ERROR_FAILED,
  RAHNUMA_STORE_ERROR_DAMAGED,        /* not SQLite, truncated, malformed */
  RAHNUMA_STORE_ERROR_FUTURE_VERSION, /* user_version newer than this build knows */
  RAHNUMA_STORE_ERROR_BUSY,           /* locked by another writer: try later */
  RAHNUMA_STORE_ERROR_FULL,           /* disk full */
  RAHNUMA_STORE_ERROR_READ_ONLY,
  RAHNUMA_STORE_ERROR_NOT_FOUND,
  RAHNUMA_STORE_ERROR_EMPTY,          /* opened read-only, and holds nothing at all */
  RAHNUMA_STORE_ERROR_WRONG_PATH,     /* a folder, the same file twice, a folder missing: the message says which */
  RAHNUMA_STORE_ERROR_MISSING,        /* a kiosk's journal that existed is gone (rahnuma-journal-guard.c) */
} RahnumaStoreError;

GQuark        rahnuma_store_error_quark     (void);

G_END_DECLS
