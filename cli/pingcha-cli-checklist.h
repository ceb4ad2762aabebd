/* pingcha-cli-checklist.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

int pc_cli_checklist (int    argc,
                      char **argv);
