import { describe, expect, it } from 'vitest';
import { fieldProblem } from '@contract/form-rules';
import { agendaItemForm, sittingForm } from '@contract/forms/sitting-forms';
import { formPatchSchema, formSchema } from './form-schema';

describe('form rules (contract/form-rules.ts), as the API applies them', () => {
  it('accepts a valid sitting and yields trimmed text and a Date', () => {
    const r = formSchema(sittingForm).safeParse({ number: 12, title: '  12th sitting ', startsAt: '2026-12-07T09:00:00+01:00' });
    expect(r.success && r.data).toEqual({ number: 12, title: '12th sitting', startsAt: new Date('2026-12-07T08:00:00Z') });
  });

  it('refuses each bad field with the reason, naming it', () => {
    const r = formSchema(sittingForm).safeParse({ number: 0, title: 'a\u0007b', startsAt: 'tomorrow' });
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['number', 'must be at least 1'],
      ['title', 'must not contain control characters (U+0007 at 1)'],
      ['startsAt', 'must be a date and time with a time zone offset'],
    ]);
  });

  it('refuses missing required fields and fields it does not know', () => {
    const r = formSchema(sittingForm).safeParse({ title: 'x', startsAt: new Date(), extra: 1 });
    expect(r.success).toBe(false);
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.') || i.code)).toEqual(expect.arrayContaining(['number']));
    expect(r.success ? [] : r.error.issues.map((i) => i.code)).toContain('unrecognized_keys');
  });

  it('a patch changes only the fields given; null clears an optional field and is refused for a required one', () => {
    const patch = formPatchSchema(agendaItemForm);
    expect(patch.safeParse({ description: null }).data).toEqual({ description: null });
    expect(patch.safeParse({ title: null }).success).toBe(false);
    expect(patch.safeParse({}).success).toBe(false);
  });

  it('checks each entry of a list and its format', () => {
    const links = agendaItemForm.documentLinks;
    expect(fieldProblem(links, ['https://example.org/drs/20/123.pdf'])).toBeNull();
    expect(fieldProblem(links, ['https://ok.example', 'javascript:alert(1)'])).toEqual({
      code: 'in_list',
      index: 1,
      problem: { code: 'format', format: 'link' },
    });
    expect(
      fieldProblem(
        links,
        Array.from({ length: 21 }, () => 'https://a.example'),
      ),
    ).toEqual({ code: 'too_many', count: 20 });
    expect(fieldProblem(links, 'https://a.example')).toEqual({ code: 'not_a_list' });
  });

  it('judges lengths after trimming, characters before', () => {
    const title = sittingForm.title;
    expect(fieldProblem(title, ` ${'x'.repeat(title.max)} `)).toBeNull();
    expect(fieldProblem(title, 'x'.repeat(title.max + 1))).toEqual({ code: 'too_long', max: title.max });
    expect(fieldProblem(title, 'x\u202e')).toMatchObject({ code: 'characters' });
    expect(fieldProblem(title, '   ')).toEqual({ code: 'required' });
  });

  it('takes only real calendar days and whole numbers', () => {
    expect(fieldProblem({ kind: 'day' }, '2026-02-29')).toEqual({ code: 'not_a_day' });
    expect(fieldProblem({ kind: 'day' }, '2028-02-29')).toBeNull();
    expect(fieldProblem(sittingForm.number, 1.5)).toEqual({ code: 'not_whole' });
    expect(fieldProblem(sittingForm.number, Number.NaN)).toEqual({ code: 'not_whole' });
    expect(fieldProblem(sittingForm.number, '3')).toEqual({ code: 'not_whole' });
  });
});
