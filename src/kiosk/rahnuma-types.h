/* rahnuma-types.h — the kiosk's types, declared without their headers
 *
 * A header that only passes one of these along includes this file, not the
 * type's own header, so that headers never include each other in a circle
 * (HACKING.md, "Includes point one way"). As GNOME Calendar's gcal-types.h.
 * G_DECLARE_FINAL_TYPE in each type's header repeats the same typedef,
 * which C11 allows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RahnumaApplication  RahnumaApplication;
typedef struct _RahnumaIdle         RahnumaIdle;
typedef struct _RahnumaKioskContext RahnumaKioskContext;
typedef struct _RahnumaWindow       RahnumaWindow;

G_END_DECLS
