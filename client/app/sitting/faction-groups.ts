import type { Office } from '../shared/graphql-schema.generated';
import type { SittingOverviewResult } from './sitting-overview.generated';

export type FactionRow = SittingOverviewResult['factions'][number];
export type PersonRow = SittingOverviewResult['people'][number];

/** The members of one faction, or of no faction (`faction` is null: the independents). */
export interface FactionGroup {
  /** Stable and unique across groups, usable in element ids. */
  readonly key: string;
  readonly faction: FactionRow | null;
  readonly members: readonly PersonRow[];
}

/** Holders of an office come first in their group, in this order. */
const officeRank: Readonly<Record<Office, number>> = { PRESIDENT: 0, VICE_PRESIDENT: 1 };

/** Members of parliament, as opposed to guests, interpreters and staff who are also people. */
export function isMember(person: PersonRow): boolean {
  return person.roles.includes('MEMBER');
}

function byOfficeThenName(a: PersonRow, b: PersonRow): number {
  const rankA = a.office === null ? Number.MAX_SAFE_INTEGER : officeRank[a.office];
  const rankB = b.office === null ? Number.MAX_SAFE_INTEGER : officeRank[b.office];
  return rankA - rankB || a.familyName.localeCompare(b.familyName) || a.name.localeCompare(b.name);
}

/**
 * Members grouped by faction, in the order the factions come (largest first from the server),
 * then one group of independents: members without a faction, or with one not in the list.
 * Empty groups are left out.
 */
export function factionGroups(factions: readonly FactionRow[], people: readonly PersonRow[]): FactionGroup[] {
  const members = people.filter(isMember);
  const known = new Set(factions.map((faction) => faction.id));
  const groups: FactionGroup[] = factions.map((faction) => ({
    key: `faction-${faction.id}`,
    faction,
    members: members.filter((member) => member.faction?.id === faction.id).sort(byOfficeThenName),
  }));
  const independents = members.filter((member) => member.faction === null || !known.has(member.faction.id));
  groups.push({ key: 'independent', faction: null, members: independents.sort(byOfficeThenName) });
  return groups.filter((group) => group.members.length > 0);
}
