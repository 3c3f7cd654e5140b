import type { BoothState } from '../media/arrangements-state';
import { handOverAction, partnersIn } from './booth-air';

describe('handOverAction', () => {
  const booth = (onAir: string | null, ids = ['en1', 'en2']): BoothState => ({
    booth: { id: 'en', language: 'en', name: 'English', kind: 'SPOKEN' },
    onAir: onAir === null ? null : { id: onAir },
    relayLanguage: null,
    interpreters: ids.map((id) => ({ id, givenName: 'Interpreter', familyName: id.toUpperCase() })),
  });

  it('goes on air when nobody is', () => {
    expect(handOverAction(booth(null), 'en1')).toEqual({ kind: 'go-on-air' });
  });

  it('hands over to the partner when on air, and takes over when the partner is', () => {
    expect(handOverAction(booth('en1'), 'en1')).toEqual({ kind: 'hand-over', to: { id: 'en2', name: 'Interpreter EN2' } });
    expect(handOverAction(booth('en2'), 'en1')).toEqual({ kind: 'take-over', from: { id: 'en2', name: 'Interpreter EN2' } });
  });

  it('has nobody to hand over to in a booth of one', () => {
    expect(handOverAction(booth('en1', ['en1']), 'en1')).toEqual({ kind: 'alone' });
    expect(partnersIn(booth('en1', ['en1']), 'en1')).toEqual([]);
  });
});
