/* module-fixtures.h — copies of tests/fixtures/modules/ packages with real media,
 * made by GStreamer at test time, for the validator and install tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        rahnuma_test_fixtures_init     (void);
void        rahnuma_test_fixtures_cleanup  (void);
const char *rahnuma_test_tmp_dir           (void);
char       *rahnuma_test_prepare_package   (const char *fixture);
void        rahnuma_test_copy_tree         (const char *from,
                                            const char *to);
void        rahnuma_test_remove_tree       (const char *path);

G_END_DECLS
