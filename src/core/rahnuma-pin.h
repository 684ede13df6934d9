/* rahnuma-pin.h — the officers' PIN: a slow salted hash and growing delays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-store.h"

G_BEGIN_DECLS

#define RAHNUMA_PIN_ERROR (rahnuma_pin_error_quark ())

typedef enum
{
  RAHNUMA_PIN_ERROR_FAILED,
  RAHNUMA_PIN_ERROR_INVALID, /* not 4 to 8 digits */
  RAHNUMA_PIN_ERROR_NOT_SET, /* no PIN yet: first-run setup */
  RAHNUMA_PIN_ERROR_WRONG,
  RAHNUMA_PIN_ERROR_LOCKED,  /* too many wrong tries: wait */
} RahnumaPinError;

#define RAHNUMA_PIN_MIN_LENGTH 4
#define RAHNUMA_PIN_MAX_LENGTH 8

/* What the PIN pad needs to know before it asks. */
typedef struct
{
  gboolean is_set;
  guint    n_failures; /* wrong tries in a row */
  gint64   wait;       /* seconds before the next try is allowed, 0 if now */
} RahnumaPinState;

GQuark   rahnuma_pin_error_quark       (void);

gboolean rahnuma_pin_is_well_formed    (const char       *pin);
guint    rahnuma_pin_delay_for_failures (guint            n_failures);

gboolean rahnuma_pin_get_state         (RahnumaStore     *store,
                                        gint64            now,
                                        RahnumaPinState  *state,
                                        GError          **error);
gboolean rahnuma_pin_set               (RahnumaStore     *store,
                                        const char       *pin,
                                        GError          **error);
gboolean rahnuma_pin_check             (RahnumaStore     *store,
                                        const char       *pin,
                                        gint64            now,
                                        gint64           *wait,
                                        GError          **error);

void     rahnuma_pin_check_async       (RahnumaStore     *store,
                                        const char       *pin,
                                        GCancellable     *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer          user_data);
gboolean rahnuma_pin_check_finish      (GAsyncResult     *result,
                                        gint64           *wait,
                                        GError          **error);
void     rahnuma_pin_set_async         (RahnumaStore     *store,
                                        const char       *pin,
                                        GCancellable     *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer          user_data);
gboolean rahnuma_pin_set_finish        (GAsyncResult     *result,
                                        GError          **error);

G_END_DECLS
