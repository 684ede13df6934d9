/* rahnuma-office-kiosks.h — the office PC's Kiosks tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rahnuma-store.h"

G_BEGIN_DECLS

GtkWidget *rahnuma_office_kiosks_new (RahnumaStore *store,
                                      const char   *path);

G_END_DECLS
