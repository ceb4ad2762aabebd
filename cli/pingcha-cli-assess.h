/* pingcha-cli-assess.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

int pc_cli_assess (int    argc,
                   char **argv);
int pc_cli_compare (int    argc,
                    char **argv);
