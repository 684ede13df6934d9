/* rahnuma-admin.h — subcommands of rahnuma-admin, one file per area
 *
 * Each takes the arguments after its own name (argv[0] is the subcommand)
 * and returns the process exit status: 0 success, 1 the input has errors,
 * 2 the command could not run (bad usage, unreadable file).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rahnuma-report.h"
#include "rahnuma-store.h"
#include "rahnuma-survey.h"
#include "rahnuma-validator.h"

G_BEGIN_DECLS

gboolean rahnuma_admin_parse_options (int                *argc,
                                      char             ***argv,
                                      const GOptionEntry *entries,
                                      const char         *parameters,
                                      const char         *summary);
int      rahnuma_admin_usage_error   (const char         *message);
gboolean rahnuma_admin_require       (const char         *value,
                                      const char         *option);
void     rahnuma_admin_json_add_string (JsonBuilder      *builder,
                                        const char       *name,
                                        const char       *value);
void     rahnuma_admin_json_add_problem (JsonBuilder     *builder,
                                         const char      *file,
                                         guint            line,
                                         RahnumaSeverity  severity,
                                         const char      *code,
                                         const char      *group,
                                         const char      *key,
                                         const char      *message);
void     rahnuma_admin_json_print    (JsonBuilder        *builder);
void     rahnuma_admin_print_report_json (RahnumaReport  *report);        /* admin-report-json.c */
void     rahnuma_admin_print_survey_report_json (RahnumaSurveyReport *report);

int rahnuma_admin_module (int argc, char **argv); /* admin-module.c: validate|new|list|install|import-media; admin-record.c: record */
int rahnuma_admin_sync   (int argc, char **argv); /* admin-records.c */
int rahnuma_admin_export (int argc, char **argv); /* admin-records.c */
int rahnuma_admin_report (int argc, char **argv); /* admin-records.c */
int rahnuma_admin_verify (int argc, char **argv); /* admin-records.c */
int rahnuma_admin_simulate (int argc, char **argv); /* admin-records.c */
int rahnuma_admin_pin    (int argc, char **argv); /* admin-pin.c: set|status */
int rahnuma_admin_contacts (int argc, char **argv); /* admin-contacts.c: validate */
int rahnuma_admin_card   (int argc, char **argv); /* admin-card.c: card --demo */
int rahnuma_admin_survey (int argc, char **argv); /* admin-survey.c: report|export */
int rahnuma_admin_module_po (int argc, char **argv); /* admin-po.c: module po export|import */
int rahnuma_admin_keys   (int argc, char **argv); /* admin-keys.c: new|export */

/* admin-keys.c: verify --qr TEXT --trust FILE [--json]; exit codes there */
int rahnuma_admin_verify_proof (const char *text, const char *trust_path, gboolean json);

/* admin-report-pdf.c: report --pdf FILE */
int rahnuma_admin_report_pdf (RahnumaStore *store, const char *db, gint64 from, gint64 to,
                              const char *rates, const char *output);

/* admin-records.c: what the records subcommands share with admin-survey.c. */
gboolean       rahnuma_admin_parse_range   (const char *from_text, const char *to_text, gint64 *from,
                                            gint64 *to);
RahnumaStore  *rahnuma_admin_open_existing (const char *path, int *status);
GOutputStream *rahnuma_admin_open_output   (const char *output, GError **error);

G_END_DECLS
