// The demo parliament from fixtures/parliament.json in the shape the GraphQL API answers with, so
// that specs render the same factions, people and agenda the server seeds (one source of truth).
import fixture from '../../fixtures/parliament.json';
import type { AgendaItemKind, Office, Role, SittingState } from '../app/shared/graphql-schema.generated';
import type { SittingOverviewResult, SittingProtocolFragment } from '../app/sitting/sitting-overview.generated';
import type { SittingsResult } from '../app/sitting/sittings.generated';

type Sitting = NonNullable<SittingOverviewResult['sitting']>;

function upper<T extends string>(value: string): T {
  return value.toUpperCase() as T;
}

/** People get their username as id here; the server's ids are opaque anyway. */
export function demoPeople(): SittingOverviewResult['people'] {
  return fixture.people.map((person) => ({
    id: person.username,
    name: `${person.givenName} ${person.familyName}`,
    familyName: person.familyName,
    title: 'title' in person && typeof person.title === 'string' ? person.title : null,
    office: 'office' in person && typeof person.office === 'string' ? upper<Office>(person.office) : null,
    roles: person.roles.map((role) => upper<Role>(role)),
    faction: person.factionId === null ? null : { id: person.factionId },
  }));
}

/** Where the server serves a sitting's protocol (the Sitting.protocol*Url fields). */
export function protocolUrls(sittingId: string): SittingProtocolFragment {
  const base = `/api/sittings/${encodeURIComponent(sittingId)}`;
  return {
    protocolJsonUrl: `${base}/protocol.json`,
    protocolPdfDe: `${base}/protocol.pdf?lang=de`,
    protocolPdfEn: `${base}/protocol.pdf?lang=en`,
  };
}

export function demoSitting(): Sitting {
  const sitting = fixture.sittings[0];
  if (sitting === undefined) {
    throw new Error('fixtures/parliament.json has no sitting');
  }
  return {
    id: sitting.id,
    number: sitting.number,
    title: sitting.title,
    startsAt: sitting.startsAt,
    state: upper<SittingState>(sitting.state),
    postponedFrom: null,
    cancelReason: null,
    ...protocolUrls(sitting.id),
    agenda: sitting.agenda.map((item, index) => ({
      id: `${sitting.id}-item-${index + 1}`,
      position: index + 1,
      title: item.title,
      kind: upper<AgendaItemKind>(item.kind),
      description: 'description' in item && typeof item.description === 'string' ? item.description : null,
      debateMinutes: null,
      documentLinks: [],
    })),
  };
}

export function demoOverview(): SittingOverviewResult {
  const people = demoPeople();
  return {
    sitting: demoSitting(),
    parliament: {
      name: fixture.parliament.name,
      statutoryMembers: fixture.parliament.statutoryMembers,
      seatsFilled: people.filter((person) => person.roles.includes('MEMBER')).length,
    },
    factions: fixture.factions.map((faction) => ({ ...faction })),
    people,
  };
}

export function demoSittings(): SittingsResult['sittings'] {
  return fixture.sittings.map((sitting) => ({
    id: sitting.id,
    number: sitting.number,
    title: sitting.title,
    startsAt: sitting.startsAt,
    state: upper<SittingState>(sitting.state),
  }));
}
