import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../test/support/database';
import { createLogger } from '../log';
import { createPlenumPubSub } from './pubsub';
import { createServices } from '.';
import type { Actor } from '../domain/procedure/commands';
import { ConflictError, NotFoundError, RuleViolation } from '../domain/errors';

describe.each(testDatabaseKinds())('roster service on %s', (kind) => {
  let h: TestDatabase;
  let roster: ReturnType<typeof createServices>['roster'];
  const it_admin: Actor = { personId: null, roles: ['it_admin'] };
  beforeEach(async () => {
    h = await createTestDatabase(kind);
    roster = createServices({ db: h.db, pubsub: createPlenumPubSub(), log: createLogger('silent'), now: () => new Date() }).roster;
  });
  afterEach(() => h.close());

  it('has the demo parliament', async () => {
    const factions = await roster.factions();
    expect(factions.map((f) => f.shortName)).toEqual(['SDA', 'CVP', 'GRN', 'LIB', 'LNK']);
    expect(await roster.seatsFilled()).toBe(48);
    expect((await roster.parliament())?.statutoryMembers).toBe(49);
  });

  it('refuses a duplicate short name with a conflict and changes nothing', async () => {
    await expect(roster.updateFaction('grn', { shortName: 'SDA' })).rejects.toBeInstanceOf(ConflictError);
    expect((await roster.factionsByIds(['grn']))[0]?.shortName).toBe('GRN');
  });

  it('refuses seats below the members and above the statutory membership, atomically', async () => {
    await expect(roster.updateFaction('grn', { seats: 8 })).rejects.toBeInstanceOf(RuleViolation);
    await expect(roster.createFaction({ shortName: 'NEW', name: 'New', colour: '#123456', seats: 2 })).rejects.toThrow(/more than the statutory/);
    expect((await roster.factions()).length).toBe(5);
    expect((await roster.factionsByIds(['grn']))[0]?.seats).toBe(9);
  });

  it('fills the vacant seat with a new member and reports unknown ids', async () => {
    const p = await roster.createPerson(it_admin, {
      username: 'new.member',
      givenName: 'New',
      familyName: 'Member',
      title: null,
      email: null,
      factionId: 'cvp',
      office: null,
      roles: ['member'],
      votingRights: true,
      boothId: null,
    });
    expect(p.factionId).toBe('cvp');
    expect(await roster.seatsFilled()).toBe(49);
    await expect(roster.updatePerson(it_admin, 'nope', { title: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps a faction with members', async () => {
    await expect(roster.deleteFaction('lnk')).rejects.toBeInstanceOf(ConflictError);
  });
});
