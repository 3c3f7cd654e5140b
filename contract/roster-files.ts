/**
 * Roster files too large for a GraphQL request (the API takes at most 64 KB a request and 10,000
 * characters a string: about 80 rows) are uploaded first, as JSON, and then named by their id in
 * previewRosterImport and applyRosterImport. Shared by the server's route and the back office.
 */

export const rosterFilePath = '/api/admin/roster-files';

/** The largest file, in characters: the import's own bound (a roster of 10,000 rows fits). */
export const rosterFileMaxChars = 5_000_000;

/** The body of the upload (application/json, with the x-plenum-csrf header when signed in by cookie). */
export interface RosterFileUpload {
  readonly format: 'csv' | 'json';
  readonly content: string;
}

/** The answer (201): the id to give the import; it is kept for `keptSeconds`, for the uploader only. */
export interface RosterFileUploaded {
  readonly fileId: string;
  readonly characters: number;
  readonly keptSeconds: number;
}
