/* pingcha-cli-export.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

int pc_cli_export (int    argc,
                   char **argv);
