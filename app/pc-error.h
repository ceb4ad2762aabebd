/* pc-error.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PC_IMPORT_ERROR (pc_import_error_quark ())
#define PC_PROJECT_ERROR (pc_project_error_quark ())

typedef enum
{
  PC_IMPORT_ERROR_EMPTY,        /* the file holds no text at all */
  PC_IMPORT_ERROR_BINARY,       /* not a document we can read */
  PC_IMPORT_ERROR_ENCODING,     /* text whose encoding cannot be told with confidence */
  PC_IMPORT_ERROR_CORRUPT,      /* a damaged or truncated DOCX/PDF/HTML */
  PC_IMPORT_ERROR_TOO_LARGE,    /* far larger than any annual report */
  PC_IMPORT_ERROR_UNSUPPORTED,  /* a format we do not import */
  PC_IMPORT_ERROR_NO_TEXT,      /* e.g. a scanned PDF without a text layer */
  PC_IMPORT_ERROR_DUPLICATE,    /* the same content is already in the project */
} PcImportError;

typedef enum
{
  PC_PROJECT_ERROR_OPEN,        /* not a database, or damaged */
  PC_PROJECT_ERROR_TOO_NEW,     /* written by a newer Pingcha */
  PC_PROJECT_ERROR_SQL,         /* a statement failed */
  PC_PROJECT_ERROR_NOT_FOUND,
  PC_PROJECT_ERROR_CHECKLIST_CHANGED,  /* a stored checklist version with another definition */
  PC_PROJECT_ERROR_READ_ONLY,   /* the file can be read but not written */
} PcProjectError;

GQuark pc_import_error_quark  (void);
GQuark pc_project_error_quark (void);

G_END_DECLS
