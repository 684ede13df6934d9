/* rahnuma-watched.h — the parts of a scene actually played
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The parts of a scene's timeline actually played, as a union of
 * intervals: each part counts once, however often it is watched. */
typedef struct _RahnumaWatched RahnumaWatched;

RahnumaWatched *rahnuma_watched_new   (void);
void            rahnuma_watched_free  (RahnumaWatched *watched);
void            rahnuma_watched_clear (RahnumaWatched *watched);
void            rahnuma_watched_add   (RahnumaWatched *watched,
                                       gint64          start,
                                       gint64          end);
gint64          rahnuma_watched_total (RahnumaWatched *watched);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaWatched, rahnuma_watched_free)

G_END_DECLS
