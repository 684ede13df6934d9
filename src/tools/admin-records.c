/* admin-records.c — sync, export, report, verify, simulate (placeholder until the records work lands) */
#include "rahnuma-admin.h"

static int
not_yet (const char *name)
{
  g_printerr ("rahnuma-admin %s: not built yet\n", name);
  return 2;
}

int rahnuma_admin_sync (int argc, char **argv) { return not_yet ("sync"); }
int rahnuma_admin_export (int argc, char **argv) { return not_yet ("export"); }
int rahnuma_admin_report (int argc, char **argv) { return not_yet ("report"); }
int rahnuma_admin_verify (int argc, char **argv) { return not_yet ("verify"); }
int rahnuma_admin_simulate (int argc, char **argv) { return not_yet ("simulate"); }
