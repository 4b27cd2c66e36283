/** Where a package lives in the file store, and the associated data that binds its ciphertext to the export. */
export const packageAad = (exportId: string) => `export-package:${exportId}`;
export const packageKey = (caseId: string, exportId: string) => `${caseId}/exports/${exportId}`;
