import { publishedOptionLabel } from '../procedure/option-label';
import { streamNotice } from './stream-notice';
import { watchText } from './watch-text';

/** Every key path of a catalogue, functions and records included. */
function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === 'object' && inner !== null ? keys(inner as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('the public viewer’s texts', () => {
  it('has every text in German and English', () => {
    expect(keys(watchText.de).sort()).toEqual(keys(watchText.en).sort());
  });

  it('says how far behind live, in whole seconds', () => {
    expect(watchText.en.behindLive(12.4)).toBe('12 s behind live');
    expect(watchText.de.behindLive(3.6)).toBe('4 s hinter live');
    expect(watchText.de.item(2, 'Haushaltsgesetz 2027')).toBe('TOP 2: Haushaltsgesetz 2027');
    expect(watchText.de.sittingNumber(42)).toBe('42. Sitzung');
  });

  it('tells a broadcast still to come from one that will not come', () => {
    expect(streamNotice('not-started', 'SCHEDULED')).toBe('not-started');
    expect(streamNotice('not-started', null)).toBe('not-started');
    expect(streamNotice('not-started', 'CLOSED')).toBe('sitting-closed');
    expect(streamNotice('ready', 'OPEN')).toBeNull();
    expect(streamNotice('idle', 'OPEN')).toBe('loading');
    expect(streamNotice('recovering', 'OPEN')).toBe('recovering');
    expect(streamNotice('recovering', 'CLOSED')).toBe('sitting-closed');
    expect(streamNotice('unreachable', 'CLOSED')).toBe('unreachable');
    expect(watchText.de.notice['not-started']).toContain('noch nicht begonnen');
  });

  it('shows the standard options of a result in the interface language', () => {
    expect(publishedOptionLabel('Yes', 'de')).toBe('Ja');
    expect(publishedOptionLabel('abstain', 'de')).toBe('Enthaltung');
    expect(publishedOptionLabel('Nein', 'en')).toBe('No');
    expect(publishedOptionLabel('Referral to committee', 'de')).toBe('Referral to committee');
  });
});
