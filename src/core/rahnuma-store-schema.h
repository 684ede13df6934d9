/* rahnuma-store-schema.h — how a store's file is opened
 *
 * Apart from rahnuma-store.h so that the opening (rahnuma-store-schema.c),
 * which the store calls, can take these flags without including the store's
 * own header (HACKING.md, "Includes point one way"). rahnuma-store.h
 * includes it, so users of the store see no difference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How to open a store. */
typedef enum
{
  RAHNUMA_STORE_FLAGS_NONE = 0,
  RAHNUMA_STORE_MUST_EXIST = 1 << 0, /* fail with NOT_FOUND instead of creating */
  RAHNUMA_STORE_SHARED     = 1 << 1, /* an officers' file, maybe on a shared folder or USB drive */
  RAHNUMA_STORE_READ_ONLY  = 1 << 2, /* for reading only: never created, migrated or written (implies MUST_EXIST) */
} RahnumaStoreFlags;

G_END_DECLS
