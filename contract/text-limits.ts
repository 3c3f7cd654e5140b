/**
 * How long each kind of text the house accepts may be: the server refuses longer text where it
 * enters (server/domain/text.ts re-exports this table), the browser stops typing at the same
 * length. Imports nothing.
 */

/** Maximum length (UTF-16 code units, as String#length counts) of each kind of text field. */
export const textLimits = {
  /** Ids of sittings, items, people, votes, options, requests… (uuids and fixture slugs are far shorter). */
  id: 128,
  sittingTitle: 200,
  agendaTitle: 300,
  agendaDescription: 5000,
  voteTitle: 300,
  optionLabel: 200,
  category: 64,
  pointOfOrderText: 500,
  note: 500,
  reason: 500,
  caption: 200,
  subroomName: 80,
  parliamentName: 200,
  parliamentShortName: 40,
  termName: 200,
  /** An interpretation booth's name (English, Deutsche Gebärdensprache, …). */
  boothName: 100,
  /** A BCP 47 language tag (de, en, de-CH, …). */
  languageTag: 35,
  /** An IANA time zone (America/Argentina/ComodRivadavia is among the longest). */
  timeZone: 64,
  /** A document link (https://…); long enough for a parliament's document server with query strings. */
  link: 2000,
  /** Anything not named above, e.g. the strings of a command below the API (the second guard). */
  any: 10_000,
} as const;
