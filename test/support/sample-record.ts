/**
 * A realistic record of a sitting, written by hand, for protocol tests: opening, attendance, agenda
 * items, speeches with an interjection (accepted and declined), an extension and an overrun, a short
 * intervention, a point of order heard and decided, a named vote and a pseudonymous election closed,
 * a cancelled vote, a coffee break, and the close. Times are Europe/Berlin (UTC+1 in December).
 */
import type { PersonRef, ProcedureEvent, VoteDefinition, VoteResult } from '../../server/domain/procedure/events';
import type { Rulebook } from '../../server/domain/rulebook';
import { chainEntries, GENESIS_HASH, type StoredEntry } from '../../server/domain/record';

const person = (personId: string, name: string, faction: string | null): PersonRef => ({
  personId,
  name,
  factionId: faction,
  factionShortName: faction ? faction.toUpperCase() : null,
});

export const people = {
  keller: person('p-keller', 'Anna Keller', 'sda'),
  brandt: person('p-brandt', 'Jonas Brandt', 'sda'),
  vogel: person('p-vogel', 'Leonie Vogel', 'sda'),
  sommer: person('p-sommer', 'Clara Sommer', 'cvp'),
  kuhn: person('p-kuhn', 'Finn Kuhn', 'cvp'),
  boehm: person('p-boehm', 'Ida Böhm', 'cvp'),
  busch: person('p-busch', 'Oskar Busch', 'grn'),
  jaeger: person('p-jaeger', 'Jakob Jäger', 'grn'),
  ludwig: person('p-ludwig', 'Nora Ludwig', 'lib'),
  peters: person('p-peters', 'David Peters', 'lnk'),
  noack: person('p-noack', 'Leon Noack', null),
  minister: person('p-reinhardt', 'Dr. Ulrike Reinhardt', null),
} as const;

const members = [
  people.keller,
  people.brandt,
  people.vogel,
  people.sommer,
  people.kuhn,
  people.boehm,
  people.busch,
  people.jaeger,
  people.ludwig,
  people.peters,
  people.noack,
];

export const rulebook: Rulebook = {
  preset: 'municipal-council-nrw',
  name: 'Gemeinderat (GO NRW)',
  speech: {
    limits: { speech: 300, interjection: 60, short_intervention: 120 },
    maxSpeechesPerItem: 2,
    interjectionsEnabled: true,
    shortInterventionsEnabled: true,
    shortInterventionAnswerSeconds: 60,
  },
  pointsOfOrder: {
    limitSeconds: 180,
    hearOneAgainst: true,
    categories: [
      { id: 'closure_of_debate', label: { de: 'Schluss der Aussprache', en: 'Closure of the debate' } },
      { id: 'referral_to_committee', label: { de: 'Überweisung an einen Ausschuss', en: 'Referral to a committee' } },
    ],
  },
  speakingTime: { debateSeconds: 3600, split: 'seats', equalShare: 0, minimumPerFaction: 180, perIndependentSeconds: null },
  order: { defaultPolicy: 'alternate_factions' },
  quorum: { fraction: 0.5, strictlyMore: true, base: 'statutory_members', onVoteWithoutQuorum: 'warn' },
  votes: {
    defaultMajority: 'simple',
    abstentionAllowed: true,
    tie: 'fails',
    namedVote: { demandedByFaction: true, demandedByShareOfPresent: 0.2, deadline: 'until_vote_opens', excludedCategories: [] },
    lateJoinersMayVote: false,
  },
};

const yesNoAbstain = [
  { id: 'yes', label: 'Yes', meaning: 'yes' },
  { id: 'no', label: 'No', meaning: 'no' },
  { id: 'abstain', label: 'Abstain', meaning: 'abstain' },
] as const;

export const agenda = [
  { id: 'item-1', position: 1, title: 'Eröffnung der Sitzung, Feststellung der Tagesordnung' },
  { id: 'item-2', position: 2, title: 'Haushaltsgesetz 2027 – erste Lesung' },
  { id: 'item-3', position: 3, title: 'Fragestunde: Energiepreise' },
  { id: 'item-4', position: 4, title: 'Wahl eines Mitglieds des Rechnungshofs' },
];

export const sitting = { id: 'sitting-42', number: 42, title: '42. Sitzung des Landtags', startsAt: '2026-12-03T08:00:00.000Z' };

/** The secret a pseudonymous vote keeps: who is behind which pseudonym. Never part of the record. */
export const electionPseudonyms: Readonly<Record<string, string>> = Object.fromEntries(
  members.map((m, i) => [
    m.personId,
    `${['kiwi', 'fern', 'opal', 'moss', 'teal', 'jade', 'sage', 'ruby', 'onyx', 'iris', 'lime'][i]!}-${(7 * i + 3) % 10}${i}`,
  ]),
);

/** Writes events at explicit times (Berlin wall clock on 2026-12-03) and chains them. */
export class RecordScript {
  private readonly items: { at: string; actorId: string | null; event: ProcedureEvent }[] = [];

  /** A script of given entries (to rechain an altered record). */
  static of(entries: readonly { at: string; actorId: string | null; event: ProcedureEvent }[]): RecordScript {
    const s = new RecordScript();
    s.items.push(...entries.map((e) => ({ at: e.at, actorId: e.actorId, event: e.event })));
    return s;
  }

  at(hhmmss: string, event: ProcedureEvent, actorId: string | null = people.keller.personId): this {
    this.items.push({ at: new Date(`2026-12-03T${hhmmss}.000+01:00`).toISOString(), actorId, event });
    return this;
  }

  entries(sittingId = sitting.id): StoredEntry[] {
    return chainEntries(GENESIS_HASH, 1, sittingId, this.items).map(({ content, prevHash, hash }) => ({ ...content, prevHash, hash }));
  }
}

function definition(
  voteId: string,
  title: string,
  kind: VoteDefinition['kind'],
  agendaItemId: string | null,
  options: VoteDefinition['options'] = yesNoAbstain,
): VoteDefinition {
  return {
    voteId,
    agendaItemId,
    title,
    kind,
    options,
    majority: 'simple',
    live: false,
    durationSeconds: 120,
    autoCloseWhenAllVoted: true,
    statutoryMembers: 49,
  };
}

function result(counts: Record<string, number>, perFaction: VoteResult['perFaction'], passed: boolean, eligible: number): VoteResult {
  const list = Object.entries(counts).map(([optionId, count]) => ({ optionId, count }));
  const cast = list.reduce((n, c) => n + c.count, 0);
  return {
    passed,
    reason: passed ? `${counts.yes ?? 0} yes > ${counts.no ?? 0} no (simple majority)` : `${counts.yes ?? 0} yes ≤ ${counts.no ?? 0} no (simple majority)`,
    reasonCode: passed ? 'majority_reached' : 'majority_missed',
    counts: list,
    perFaction,
    eligible,
    cast,
    quorate: true,
  };
}

/** The sample sitting. */
export function sampleRecord(): RecordScript {
  const s = new RecordScript();
  const { keller, brandt, vogel, sommer, kuhn, boehm, busch, jaeger, ludwig, peters, minister } = people;
  s.at('09:00:00', { kind: 'sitting.opened', rulebook, statutoryMembers: 49 });
  for (const [i, m] of [...members, minister].entries()) s.at(`09:00:${String(10 + i).padStart(2, '0')}`, { kind: 'attendance.joined', person: m }, m.personId);
  s.at('09:01:00', { kind: 'agenda.item_called', agendaItemId: 'item-1', position: 1, title: agenda[0]!.title });
  s.at('09:05:00', { kind: 'agenda.item_called', agendaItemId: 'item-2', position: 2, title: agenda[1]!.title });
  s.at('09:05:10', { kind: 'agenda.order_policy_set', agendaItemId: 'item-2', policy: 'alternate_factions' });
  s.at('09:05:20', {
    kind: 'agenda.speaking_time_allotted',
    agendaItemId: 'item-2',
    debateSeconds: 1800,
    perFaction: { sda: 600, cvp: 540, grn: 360, lib: 300, '': 120 },
  });
  s.at(
    '09:06:00',
    {
      kind: 'speaker.requested',
      requestId: 'r-brandt',
      agendaItemId: 'item-2',
      person: brandt,
      requestKind: 'speech',
      stance: 'pro',
      addressesRequestId: null,
      addedBy: null,
    },
    brandt.personId,
  );
  s.at(
    '09:06:30',
    {
      kind: 'speaker.requested',
      requestId: 'r-kuhn',
      agendaItemId: 'item-2',
      person: kuhn,
      requestKind: 'speech',
      stance: 'contra',
      addressesRequestId: null,
      addedBy: null,
    },
    kuhn.personId,
  );
  s.at('09:07:00', {
    kind: 'speaker.requested',
    requestId: 'r-minister',
    agendaItemId: 'item-2',
    person: minister,
    requestKind: 'speech',
    stance: null,
    addressesRequestId: null,
    addedBy: keller.personId,
  });
  // Speech 1: 09:12:00–09:18:30 (390 s), an interjection 09:14:00–09:14:45 (45 s) → 345 s counted, limit 300 + 60.
  s.at('09:12:00', {
    kind: 'floor.granted',
    floorId: 'f-1',
    agendaItemId: 'item-2',
    person: brandt,
    floorKind: 'speech',
    requestId: 'r-brandt',
    limitSeconds: 300,
  });
  s.at(
    '09:13:30',
    {
      kind: 'speaker.requested',
      requestId: 'r-int-jaeger',
      agendaItemId: 'item-2',
      person: jaeger,
      requestKind: 'interjection',
      stance: null,
      addressesRequestId: 'r-brandt',
      addedBy: null,
    },
    jaeger.personId,
  );
  s.at('09:14:00', { kind: 'interjection.accepted', requestId: 'r-int-jaeger', floorId: 'f-1' }, brandt.personId);
  s.at('09:14:45', { kind: 'interjection.ended', requestId: 'r-int-jaeger' });
  s.at(
    '09:15:10',
    {
      kind: 'speaker.requested',
      requestId: 'r-int-peters',
      agendaItemId: 'item-2',
      person: peters,
      requestKind: 'interjection',
      stance: null,
      addressesRequestId: 'r-brandt',
      addedBy: null,
    },
    peters.personId,
  );
  s.at('09:15:20', { kind: 'interjection.declined', requestId: 'r-int-peters' }, brandt.personId);
  s.at('09:17:00', { kind: 'floor.extended', floorId: 'f-1', seconds: 60 });
  s.at('09:18:30', { kind: 'floor.ended', floorId: 'f-1' });
  // Short intervention on speech 1: 09:19:00–09:21:10 (130 s, limit 120 → 10 s over).
  s.at(
    '09:18:40',
    {
      kind: 'speaker.requested',
      requestId: 'r-si-ludwig',
      agendaItemId: 'item-2',
      person: ludwig,
      requestKind: 'short_intervention',
      stance: null,
      addressesRequestId: 'r-brandt',
      addedBy: null,
    },
    ludwig.personId,
  );
  s.at('09:19:00', {
    kind: 'floor.granted',
    floorId: 'f-2',
    agendaItemId: 'item-2',
    person: ludwig,
    floorKind: 'short_intervention',
    requestId: 'r-si-ludwig',
    limitSeconds: 120,
  });
  s.at('09:21:10', { kind: 'floor.ended', floorId: 'f-2' });
  // Speech 2: 09:21:30–09:27:50 (380 s, limit 300 → 80 s over).
  s.at('09:21:30', {
    kind: 'floor.granted',
    floorId: 'f-3',
    agendaItemId: 'item-2',
    person: kuhn,
    floorKind: 'speech',
    requestId: 'r-kuhn',
    limitSeconds: 300,
  });
  // A point of order raised during speech 2, heard after it (mover, then one against), rejected.
  s.at(
    '09:25:00',
    {
      kind: 'point_of_order.raised',
      pointId: 'po-1',
      agendaItemId: 'item-2',
      person: busch,
      category: 'closure_of_debate',
      text: 'Ich beantrage den Schluss der Aussprache.',
    },
    busch.personId,
  );
  s.at('09:27:50', { kind: 'floor.ended', floorId: 'f-3' });
  s.at('09:28:00', {
    kind: 'floor.granted',
    floorId: 'f-4',
    agendaItemId: 'item-2',
    person: busch,
    floorKind: 'point_of_order',
    requestId: 'po-1',
    limitSeconds: 180,
  });
  s.at('09:29:30', { kind: 'floor.ended', floorId: 'f-4' });
  s.at('09:29:40', {
    kind: 'floor.granted',
    floorId: 'f-5',
    agendaItemId: 'item-2',
    person: sommer,
    floorKind: 'point_of_order',
    requestId: 'po-1',
    limitSeconds: 180,
  });
  s.at('09:30:40', { kind: 'floor.ended', floorId: 'f-5' });
  s.at('09:31:00', {
    kind: 'point_of_order.decided',
    pointId: 'po-1',
    decision: 'rejected',
    note: 'Noch nicht alle Fraktionen haben gesprochen.',
    voteId: null,
  });
  // The minister, added by the chair, without a limit: 09:31:30–09:40:00.
  s.at('09:31:30', {
    kind: 'floor.granted',
    floorId: 'f-6',
    agendaItemId: 'item-2',
    person: minister,
    floorKind: 'speech',
    requestId: 'r-minister',
    limitSeconds: null,
  });
  s.at('09:40:00', { kind: 'floor.ended', floorId: 'f-6' });
  s.at('09:40:05', { kind: 'speaker_list.closed', agendaItemId: 'item-2' });
  // Named vote on the bill: 11 eligible, 10 voted (Noack did not).
  s.at('09:41:00', {
    kind: 'vote.opened',
    definition: definition('v-bill', 'Überweisung des Haushaltsgesetzes an den Haushaltsausschuss', 'named', 'item-2'),
    eligible: members,
    closesAt: '2026-12-03T08:43:00.000Z',
    quorate: true,
  });
  const billVotes: [PersonRef, string][] = [
    [keller, 'yes'],
    [brandt, 'yes'],
    [vogel, 'yes'],
    [sommer, 'no'],
    [kuhn, 'no'],
    [boehm, 'abstain'],
    [busch, 'yes'],
    [jaeger, 'yes'],
    [ludwig, 'no'],
    [peters, 'yes'],
  ];
  billVotes.forEach(([m, optionId], i) =>
    s.at(`09:41:${String(10 + i * 3)}`, { kind: 'ballot.cast', voteId: 'v-bill', optionId, voter: m, pseudonym: null }, m.personId),
  );
  s.at(
    '09:43:00',
    {
      kind: 'vote.closed',
      voteId: 'v-bill',
      closedBy: 'expired',
      result: result(
        { yes: 6, no: 3, abstain: 1 },
        [
          {
            factionId: 'sda',
            counts: [
              { optionId: 'yes', count: 3 },
              { optionId: 'no', count: 0 },
              { optionId: 'abstain', count: 0 },
            ],
          },
          {
            factionId: 'cvp',
            counts: [
              { optionId: 'yes', count: 0 },
              { optionId: 'no', count: 2 },
              { optionId: 'abstain', count: 1 },
            ],
          },
          {
            factionId: 'grn',
            counts: [
              { optionId: 'yes', count: 2 },
              { optionId: 'no', count: 0 },
              { optionId: 'abstain', count: 0 },
            ],
          },
          {
            factionId: 'lib',
            counts: [
              { optionId: 'yes', count: 0 },
              { optionId: 'no', count: 1 },
              { optionId: 'abstain', count: 0 },
            ],
          },
          {
            factionId: 'lnk',
            counts: [
              { optionId: 'yes', count: 1 },
              { optionId: 'no', count: 0 },
              { optionId: 'abstain', count: 0 },
            ],
          },
          {
            factionId: null,
            counts: [
              { optionId: 'yes', count: 0 },
              { optionId: 'no', count: 0 },
              { optionId: 'abstain', count: 0 },
            ],
          },
        ],
        true,
        11,
      ),
    },
    null,
  );
  // A vote opened by mistake and cancelled.
  s.at('09:44:00', {
    kind: 'vote.opened',
    definition: definition('v-wrong', 'Entschließungsantrag (falsche Fassung)', 'named', 'item-2'),
    eligible: members,
    closesAt: null,
    quorate: true,
  });
  s.at('09:44:20', { kind: 'ballot.cast', voteId: 'v-wrong', optionId: 'yes', voter: vogel, pseudonym: null }, vogel.personId);
  s.at('09:45:00', { kind: 'vote.cancelled', voteId: 'v-wrong', reason: 'Falsche Vorlage aufgerufen' });
  // Coffee break.
  s.at('10:30:00', { kind: 'sitting.suspended', reason: 'Kaffeepause', resumesAt: '2026-12-03T09:45:00.000Z' });
  s.at('10:47:00', { kind: 'sitting.resumed' });
  s.at('10:47:30', { kind: 'attendance.left', personId: minister.personId }, minister.personId);
  // Pseudonymous election: 11 eligible, all vote; ballots carry no voter and no actor.
  s.at('10:50:00', { kind: 'agenda.item_called', agendaItemId: 'item-4', position: 4, title: agenda[3]!.title });
  s.at('10:51:00', {
    kind: 'vote.opened',
    definition: definition('v-election', 'Wahl von Dr. Hanna Lindqvist in den Rechnungshof', 'pseudonymous', 'item-4'),
    eligible: members,
    closesAt: null,
    quorate: true,
  });
  const electionVotes = ['yes', 'yes', 'no', 'yes', 'abstain', 'yes', 'no', 'yes', 'yes', 'no', 'yes'];
  members.forEach((m, i) =>
    s.at(
      `10:51:${String(10 + i * 4)}`,
      { kind: 'ballot.cast', voteId: 'v-election', optionId: electionVotes[i]!, voter: null, pseudonym: electionPseudonyms[m.personId]! },
      null,
    ),
  );
  s.at(
    '10:53:00',
    {
      kind: 'vote.closed',
      voteId: 'v-election',
      closedBy: 'all_voted',
      result: result({ yes: 7, no: 3, abstain: 1 }, [], true, 11),
    },
    null,
  );
  s.at('11:02:00', { kind: 'sitting.closed' });
  return s;
}
