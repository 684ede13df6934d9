/* admin-module.c — rahnuma-admin module … (placeholder until the module tooling lands) */
#include "rahnuma-admin.h"

int
rahnuma_admin_module (int argc, char **argv)
{
  g_printerr ("rahnuma-admin module: not built yet\n");
  return 2;
}
