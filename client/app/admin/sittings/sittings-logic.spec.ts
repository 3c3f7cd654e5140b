import { ruleText } from '../../procedure/rule-text';
import type { AdminSittingFieldsFragment } from './admin-sittings.generated';
import {
  agendaItemInput,
  agendaItemProblems,
  arrangeable,
  editable,
  emptyAgendaItem,
  fieldOfPath,
  linesOf,
  nextNumber,
  postponeInput,
  postponeProblems,
  refusalOf,
  sittingGroups,
  sittingInput,
  sittingProblems,
} from './sittings-logic';

const sitting = (id: string, number: number, state: AdminSittingFieldsFragment['state'], startsAt: string): AdminSittingFieldsFragment => ({
  id,
  number,
  title: `${number}. Sitzung`,
  startsAt,
  state,
  postponedFrom: null,
  cancelReason: null,
  deletable: state === 'SCHEDULED',
});

describe('the back office’s sittings (logic)', () => {
  it('groups the sittings: planned and running soonest first, held and cancelled latest first', () => {
    const groups = sittingGroups([
      sitting('a', 40, 'CLOSED', '2026-11-01T08:00:00Z'),
      sitting('b', 44, 'SCHEDULED', '2027-01-20T08:00:00Z'),
      sitting('c', 42, 'OPEN', '2026-12-03T08:00:00Z'),
      sitting('d', 43, 'CANCELLED', '2026-12-17T08:00:00Z'),
      sitting('e', 41, 'CLOSED', '2026-11-15T08:00:00Z'),
    ]);
    expect(groups.planned.map((s) => s.id)).toEqual(['c', 'b']);
    expect(groups.done.map((s) => s.id)).toEqual(['d', 'e', 'a']);
    expect(nextNumber(groups.planned)).toBe(45);
    expect(nextNumber([])).toBe(1);
  });

  it('checks a new sitting with the server’s rules, its start in the parliament’s zone', () => {
    expect(sittingProblems({ number: '43', title: '43. Sitzung', startsAt: '2026-12-17T09:00' }, 'Europe/Berlin', 'de').size).toBe(0);
    expect([...sittingProblems({ number: '0', title: ' ', startsAt: '' }, 'Europe/Berlin', 'de')]).toEqual([
      ['number', 'Mindestens 1.'],
      ['title', 'Pflichtfeld.'],
      ['startsAt', 'Pflichtfeld.'],
    ]);
    expect(sittingProblems({ number: '4.5', title: 'x\u0007', startsAt: '2026-13-01T09:00' }, 'Europe/Berlin', 'en').get('startsAt')).toBe(
      'Enter a date and time.',
    );
    expect(sittingInput({ number: ' 43 ', title: ' 43. Sitzung ', startsAt: '2026-12-17T09:00' }, 'Europe/Berlin')).toEqual({
      number: 43,
      title: '43. Sitzung',
      startsAt: '2026-12-17T08:00:00.000Z',
    });
    expect(sittingInput({ number: '43', title: 'x', startsAt: '2026-12-17T09:00' }, 'America/New_York').startsAt).toBe('2026-12-17T14:00:00.000Z');
  });

  it('checks a postponement and a cancellation', () => {
    expect(postponeProblems({ startsAt: '', reason: '' }, 'Europe/Berlin', 'en').get('startsAt')).toBe('Required.');
    expect(postponeProblems({ startsAt: '2027-01-27T09:00', reason: '' }, 'Europe/Berlin', 'en').size).toBe(0);
    expect(postponeProblems({ startsAt: '2027-01-27T09:00', reason: 'x'.repeat(501) }, 'Europe/Berlin', 'en').get('reason')).toBe('At most 500 characters.');
    expect(postponeInput({ startsAt: '2027-01-27T09:00', reason: '  ' }, 'Europe/Berlin')).toEqual({ startsAt: '2027-01-27T08:00:00.000Z', reason: null });
  });

  it('checks an agenda item: kinds, debate minutes, one https link per line', () => {
    const typed = { ...emptyAgendaItem, title: 'Haushalt 2027', debateMinutes: '90', documentLinks: 'https://a.example/1.pdf\n\n  https://a.example/2.pdf  ' };
    expect(agendaItemProblems(typed, 'de').size).toBe(0);
    expect(linesOf(typed.documentLinks)).toEqual(['https://a.example/1.pdf', 'https://a.example/2.pdf']);
    expect(agendaItemInput(typed)).toEqual({
      title: 'Haushalt 2027',
      kind: 'DEBATE',
      debateMinutes: 90,
      description: null,
      documentLinks: ['https://a.example/1.pdf', 'https://a.example/2.pdf'],
    });
    const bad = agendaItemProblems({ ...typed, debateMinutes: '0', documentLinks: 'https://ok.example\njavascript:alert(1)' }, 'de');
    expect(bad.get('debateMinutes')).toBe('Mindestens 1.');
    expect(bad.get('documentLinks')).toBe('Eintrag 2: Ein Link, der mit https:// beginnt.');
    expect(agendaItemProblems({ ...typed, debateMinutes: '1441' }, 'en').get('debateMinutes')).toBe('At most 1440.');
    expect(agendaItemInput({ ...typed, debateMinutes: '' }).debateMinutes).toBeNull();
  });

  it('names the field of a server refusal, or says the rule in words', () => {
    expect(fieldOfPath(['input', 'documentLinks', '1'])).toBe('documentLinks');
    expect(fieldOfPath(['id'])).toBe('id');
    const rules = ruleText.en;
    const input = refusalOf(
      { __typename: 'InputError', code: 'INVALID_INPUT', message: 'x', issues: [{ path: ['input', 'reason'], message: 'must not be empty' }] },
      rules,
    );
    expect(input.fields.get('reason')).toBe('must not be empty');
    expect(input.general).toBeNull();
    const rule = refusalOf({ __typename: 'RuleViolation', code: 'RULE_VIOLATION', message: 'm', rule: 'sitting.not_later' }, rules);
    expect(rule.general).toContain('later start');
    expect(refusalOf({ __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'sitting x does not exist' }, rules).general).toBe('sitting x does not exist');
  });

  it('lets items be arranged only before the sitting opens, and edited until it is closed or cancelled', () => {
    expect(arrangeable('SCHEDULED')).toBeTrue();
    expect(arrangeable('OPEN')).toBeFalse();
    expect(editable('SUSPENDED')).toBeTrue();
    expect(editable('CLOSED')).toBeFalse();
    expect(editable('CANCELLED')).toBeFalse();
  });
});
