import { demoOverview } from '../../testing/demo-parliament';
import { factionGroups, type PersonRow } from './faction-groups';

describe('factionGroups', () => {
  const { factions, people } = demoOverview();

  function names(members: readonly PersonRow[]): string[] {
    return members.map((member) => member.name);
  }

  it('keeps the factions in the given order and puts the independents last', () => {
    const groups = factionGroups(factions, people);

    expect(groups.map((group) => group.key)).toEqual(['faction-sda', 'faction-cvp', 'faction-grn', 'faction-lib', 'faction-lnk', 'independent']);
    expect(groups.at(-1)?.faction).toBeNull();
  });

  it('lists only members of parliament, not staff, guests or interpreters', () => {
    const groups = factionGroups(factions, people);
    const listed = groups.flatMap((group) => names(group.members));

    expect(listed.length).toBe(48);
    expect(listed).not.toContain('Miriam Falk');
    expect(listed).not.toContain('Dr. Ulrike Reinhardt');
    expect(names(groups.at(-1)?.members ?? [])).toEqual(['Leon Noack']);
  });

  it('puts office holders first, then orders by family name', () => {
    const sda = factionGroups(factions, people)[0];
    const members = sda?.members ?? [];

    expect(members[0]?.name).toBe('Anna Keller');
    expect(members[0]?.office).toBe('PRESIDENT');
    const rest = members.slice(1).map((member) => member.familyName);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));
  });

  it('counts a member of a faction the list does not know as independent, and drops empty groups', () => {
    const stray: PersonRow = {
      id: 'x',
      name: 'Xaver Stray',
      familyName: 'Stray',
      title: null,
      office: null,
      roles: ['MEMBER'],
      faction: { id: 'gone' },
    };
    const groups = factionGroups(factions.slice(0, 1), [stray]);

    expect(groups.map((group) => group.key)).toEqual(['independent']);
    expect(names(groups[0]?.members ?? [])).toEqual(['Xaver Stray']);
  });
});
