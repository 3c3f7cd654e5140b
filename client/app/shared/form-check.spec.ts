import { agendaItemForm, sittingForm } from '@contract/forms/sitting-forms';
import { apiValue, checkForm, maxLengthOf } from './form-check';

describe('form check (the server rules, in the browser)', () => {
  it('says nothing about a valid form', () => {
    expect(checkForm(sittingForm, { number: '3', title: '3. Sitzung', startsAt: '2026-12-07T09:00' }, 'de').size).toBe(0);
  });

  it('names each wrong field in the reader language', () => {
    const de = checkForm(sittingForm, { number: '0', title: '', startsAt: '' }, 'de');
    expect([...de]).toEqual([
      ['number', 'Mindestens 1.'],
      ['title', 'Pflichtfeld.'],
      ['startsAt', 'Pflichtfeld.'],
    ]);
    const en = checkForm(agendaItemForm, { title: 'x', kind: 'debate', debateMinutes: '2.5', documentLinks: ['http://a.example'] }, 'en');
    expect(en.get('debateMinutes')).toBe('Enter a whole number.');
    expect(en.get('documentLinks')).toBe('Entry 1: A link starting with https://.');
  });

  it('checks only the fields given when partial', () => {
    expect(checkForm(sittingForm, { title: 'x' }, 'en', true).size).toBe(0);
  });

  it('sends what the API takes', () => {
    expect(apiValue(sittingForm.number, ' 12 ')).toBe(12);
    expect(apiValue(agendaItemForm.description, '  ')).toBeNull();
    expect(apiValue(agendaItemForm.documentLinks, ['https://a.example', ' '])).toEqual(['https://a.example']);
    expect(maxLengthOf(sittingForm.title)).toBe(sittingForm.title.max);
  });
});
