/* picture-fixtures.h — pictures whose headers lie about nothing but are huge,
 * written byte by byte (no decoder involved)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void rahnuma_fixture_write_huge_png   (const char *path,
                                       guint       width,
                                       guint       height);
void rahnuma_fixture_write_jpeg_header (const char *path,
                                        guint       width,
                                        guint       height);

G_END_DECLS
