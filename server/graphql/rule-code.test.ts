/**
 * A refusal names its rule twice: `rule`, the dotted code as text (as before), and `ruleCode`, the
 * same rule as a value of the GraphQL enum RuleCode, which lists exactly the codes of
 * contract/rule-codes.ts (the client's translations are keyed by that list).
 */
import { isEnumType, isInputObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRuleCodes, ruleCodeName } from '@contract/rule-codes';
import { gql, startTestApp, type TestApp } from '../../test/support/app';
import { testDatabaseKinds } from '../../test/support/database';
import { fetchAccessToken } from '../../test/support/oidc-login';
import { listAgendaItems } from '../db/agenda';
import { schema } from '.';

const S = 'sitting-42';

describe('the RuleCode enum', () => {
  it('lists exactly the contract’s codes, each under its own name and with the code as its value', () => {
    const type = schema.getType('RuleCode');
    if (!isEnumType(type)) throw new Error('RuleCode is not an enum');
    const values = type.getValues();
    expect(values.map((v) => v.value as string).sort()).toEqual([...allRuleCodes].sort());
    for (const v of values) expect(v.name).toBe(ruleCodeName(v.value as (typeof allRuleCodes)[number]));
    expect(new Set(values.map((v) => v.name)).size).toBe(allRuleCodes.length);
  });

  it('is output only: no argument or input field takes it, so a client cannot hand a rule code in', () => {
    const takesIt = (t: { toString(): string }) => t.toString().replace(/[[\]!]/g, '') === 'RuleCode';
    for (const type of Object.values(schema.getTypeMap())) {
      if (isInputObjectType(type)) for (const f of Object.values(type.getFields())) expect(takesIt(f.type), `${type.name}.${f.name}`).toBe(false);
    }
    for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      for (const f of Object.values(root?.getFields() ?? {})) for (const a of f.args) expect(takesIt(a.type), `${f.name}(${a.name})`).toBe(false);
    }
  });
});

describe.each(testDatabaseKinds())('the rule code of a refusal (%s)', (kind) => {
  let t: TestApp;
  let chair: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ database: kind });
    chair = { authorization: `Bearer ${await fetchAccessToken(t.baseUrl, 'a.keller')}` };
    admin = { authorization: `Bearer ${await fetchAccessToken(t.baseUrl, 'it.admin')}` };
  }, 300_000);
  afterAll(() => t?.stop());

  it('answers a refusal with the dotted rule and the same rule as an enum value', async () => {
    const open = await gql<{ r: { __typename: string } }>(t.baseUrl, `mutation { r: openSitting(sittingId: "${S}") { __typename } }`, {}, chair);
    expect(open.body.data?.r.__typename).toMatch(/Success$/);
    const item = (await listAgendaItems(t.app.database.db, [S]))[0]!;
    const q = `mutation { r: removeAgendaItem(id: "${item.id}") { __typename ... on RuleViolation { code rule ruleCode } } }`;
    const r = await gql<{ r: { __typename: string; code?: string; rule?: string; ruleCode?: string } }>(t.baseUrl, q, {}, admin);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data?.r).toEqual({
      __typename: 'RuleViolation',
      code: 'RULE_VIOLATION',
      rule: 'agenda.sitting_in_progress',
      ruleCode: 'AGENDA__SITTING_IN_PROGRESS',
    });
  });
});
