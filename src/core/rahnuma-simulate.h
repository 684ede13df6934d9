/* rahnuma-simulate.h — synthetic visits for training, demos and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint       n_sessions;
  const char *centre;   /* e.g. "DEMO" */
  const char *kiosk;
  guint32     seed;     /* 0: a random one */
  gint64      end_time; /* unix seconds; visits fall in the n_days before it */
  guint       n_days;
} RahnumaSimulateOptions;

gboolean rahnuma_simulate_run (RahnumaStore                 *store,
                               const RahnumaSimulateOptions *options,
                               GCancellable                 *cancellable,
                               GError                      **error);

G_END_DECLS
