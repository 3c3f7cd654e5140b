/** The languages the record's words are kept in (protocol, browser). Imports nothing. */
export type WordLanguage = 'de' | 'en';
