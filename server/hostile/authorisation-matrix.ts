/**
 * Who may call what: every mutation and subscription of the schema → the roles the API lets through
 * its authorisation check. One table for a reviewer; authorisation-matrix.test.ts calls every cell
 * against a running server and fails when the schema has an operation this table does not name.
 *
 * "Allowed" means "not refused for authorisation": the procedure (server/domain) may still refuse
 * with a RuleViolation (a member who is not speaking cannot accept an interjection, say).
 */
import type { Role } from '../domain/parliament';

/** The eight callers of the matrix: the seven roles of the identity provider and nobody signed in. */
export type Caller = Role | 'anonymous';

export const callers = ['anonymous', 'member', 'chair', 'moderator', 'podium_guest', 'interpreter', 'clerk', 'it_admin'] as const satisfies readonly Caller[];

/** The fixture user (fixtures/parliament.json, password "plenum") who signs in for each role. */
export const callerUsernames: Readonly<Record<Exclude<Caller, 'anonymous'>, string>> = {
  member: 'j.brandt',
  chair: 'a.keller',
  moderator: 'moderator',
  podium_guest: 'minister',
  interpreter: 'interpreter.en1',
  clerk: 'clerk',
  it_admin: 'it.admin',
};

const everyone: readonly Caller[] = callers;
const signedIn: readonly Caller[] = callers.filter((c) => c !== 'anonymous');
const chairTeam: readonly Caller[] = ['chair', 'moderator'];
const voteKeepers: readonly Caller[] = ['chair', 'moderator', 'clerk'];
const agendaKeepers: readonly Caller[] = ['chair', 'clerk', 'it_admin'];
const captioners: readonly Caller[] = ['chair', 'moderator', 'clerk'];
const itAdmin: readonly Caller[] = ['it_admin'];
/** The President and Vice-Presidents: moderators run the sitting, but neither preside nor approve its protocol. */
const presidingOfficers: readonly Caller[] = ['chair'];
const sittingKeepers: readonly Caller[] = ['clerk', 'it_admin'];

export type OperationKind = 'mutation' | 'subscription';

export interface Expectation {
  readonly kind: OperationKind;
  readonly allowed: readonly Caller[];
}

const m = (allowed: readonly Caller[]): Expectation => ({ kind: 'mutation', allowed });
const s = (allowed: readonly Caller[]): Expectation => ({ kind: 'subscription', allowed });

export const authorisationMatrix: Readonly<Record<string, Expectation>> = {
  // ---- the sitting's life (chair's team) ----
  openSitting: m(chairTeam),
  suspendSitting: m(chairTeam),
  resumeSitting: m(chairTeam),
  closeSitting: m(chairTeam),
  muteAll: m(chairTeam),
  liftMuteAll: m(chairTeam),

  // ---- order measures (chair's team; the rulebook decides what is allowed when) ----
  callToPoint: m(chairTeam),
  callToOrder: m(chairTeam),
  withdrawFloor: m(chairTeam),
  muteMember: m(chairTeam),
  unmuteMember: m(chairTeam),
  excludeMember: m(chairTeam),
  recordExclusionObjection: m(chairTeam),
  decideExclusionObjection: m(chairTeam),
  // ---- admission: anyone signed in asks at the door; the chair's team admits, declines, removes ----
  askToEnter: m(signedIn),
  admitEntrant: m(chairTeam),
  declineEntrant: m(chairTeam),
  removeParticipant: m(chairTeam),

  // ---- attendance and one's own requests (anyone signed in; the procedure decides who counts) ----
  joinSitting: m(signedIn),
  leaveSitting: m(signedIn),
  requestToSpeak: m(signedIn),
  withdrawRequest: m(signedIn),
  acceptInterjection: m(signedIn),
  declineInterjection: m(signedIn),
  raisePointOfOrder: m(signedIn),
  withdrawPointOfOrder: m(signedIn),
  demandNamedVote: m(signedIn),
  castVote: m(signedIn),
  issueBallotToken: m(signedIn),

  // ---- the agenda and the speaker list ----
  callAgendaItem: m(chairTeam),
  setOrderPolicy: m(chairTeam),
  allotSpeakingTime: m(chairTeam),
  amendAgenda: m(chairTeam),
  addSpeaker: m(chairTeam),
  removeSpeaker: m(chairTeam),
  reorderSpeakers: m(chairTeam),
  closeSpeakerList: m(chairTeam),
  reopenSpeakerList: m(chairTeam),
  nextSpeaker: m(chairTeam),
  grantFloor: m(chairTeam),
  extendFloor: m(chairTeam),
  endFloor: m(chairTeam),
  // The speaker passes the floor (talking stick): anyone signed in; the procedure checks it is the speaker.
  passFloor: m(signedIn),
  endInterjection: m(chairTeam),
  decidePointOfOrder: m(chairTeam),
  addAgendaItem: m(agendaKeepers),
  updateAgendaItem: m(agendaKeepers),
  moveAgendaItem: m(agendaKeepers),
  removeAgendaItem: m(agendaKeepers),

  // ---- votes ----
  prepareVote: m(voteKeepers),
  deleteVoteDraft: m(voteKeepers),
  openVote: m(chairTeam),
  openNextElectionRound: m(chairTeam),
  closeVote: m(chairTeam),
  enterVoteCounts: m(chairTeam),
  cancelVote: m(chairTeam),

  // ---- the chamber: booths and subrooms (anyone signed in; the chamber's rules decide) ----
  handOverBooth: m(signedIn),
  setBoothSource: m(signedIn),
  openSubroom: m(signedIn),
  inviteToSubroom: m(signedIn),
  acceptSubroomInvitation: m(signedIn),
  declineSubroomInvitation: m(signedIn),
  leaveSubroom: m(signedIn),
  closeSubroom: m(signedIn),

  // ---- the broadcast ----
  addCaption: m(captioners),
  // ---- the clerk's desk and the protocol: notes and corrections by the record keepers, approval and presidency by a chair ----
  noteMinutes: m(captioners),
  correctProtocol: m(captioners),
  approveProtocol: m(presidingOfficers),
  takeChair: m(presidingOfficers),

  // ---- parliament IT: roster and schedule ----
  createFaction: m(itAdmin),
  updateFaction: m(itAdmin),
  deleteFaction: m(itAdmin),
  createPerson: m(itAdmin),
  updatePerson: m(itAdmin),
  deletePerson: m(itAdmin),
  endPerson: m(itAdmin),
  applyRosterImport: m(itAdmin),
  createBooth: m(itAdmin),
  updateBooth: m(itAdmin),
  removeBooth: m(itAdmin),
  assignInterpreter: m(itAdmin),
  // sittings are scheduled by parliament IT and the clerks
  createSitting: m(sittingKeepers),
  updateSitting: m(sittingKeepers),
  postponeSitting: m(sittingKeepers),
  cancelSitting: m(sittingKeepers),
  deleteSitting: m(sittingKeepers),
  updateParliamentSettings: m(itAdmin),

  // ---- subscriptions: refused when they start, not at the first event ----
  publicSittingUpdates: s(everyone),
  procedureUpdates: s(signedIn),
  chamberUpdates: s(signedIn),
  sittingEvents: s(signedIn),
};

/** The GraphQL error codes of a refusal by the authorisation check (server/graphql/builder.ts). */
export const authorisationErrorCodes: readonly string[] = ['UNAUTHENTICATED', 'FORBIDDEN'];
