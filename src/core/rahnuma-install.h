/* rahnuma-install.h — put a module package on a kiosk without ever breaking it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-validator.h"

G_BEGIN_DECLS

#define RAHNUMA_INSTALL_ERROR (rahnuma_install_error_quark ())

typedef enum
{
  RAHNUMA_INSTALL_ERROR_INVALID, /* the package has errors: nothing was changed */
  RAHNUMA_INSTALL_ERROR_BUSY,    /* another install into the same folder is running */
  RAHNUMA_INSTALL_ERROR_FAILED,  /* copying or swapping failed: the old module is intact */
} RahnumaInstallError;

/* Hidden folders an install works in; the catalog skips dot-folders. */
#define RAHNUMA_INSTALL_PREFIX ".install-"
/* Where installed editions live, one folder per module id (rahnuma-install.c). */
#define RAHNUMA_EDITIONS_DIR ".editions"

GQuark    rahnuma_install_error_quark (void);

gboolean  rahnuma_install_package     (const char             *package_dir,
                                       const char             *modules_dir,
                                       RahnumaMediaProbeFunc   probe_func,
                                       gpointer                probe_data,
                                       RahnumaValidation     **validation,
                                       char                  **installed_dir,
                                       GError                **error);
gboolean  rahnuma_install_checked_package (const char         *package_dir,
                                           const char         *modules_dir,
                                           RahnumaValidation  *validation,
                                           char              **installed_dir,
                                           GError            **error);

G_END_DECLS
