import { lockReason } from './console-lock';
import { consoleText } from './console-text';
import { tabAfterKey } from './preparation-tab';

describe('lockReason', () => {
  it('locks everything once the sitting is closed or cancelled', () => {
    expect(lockReason('CLOSED', 'open')).toBe('closed');
    expect(lockReason('CLOSED', 'notClosed')).toBe('closed');
    expect(lockReason('CANCELLED', 'notClosed')).toBe('cancelled');
    expect(consoleText.en.lock.closed).toBe('The sitting is closed.');
    expect(consoleText.de.lock.closed).toBe('Die Sitzung ist geschlossen.');
  });

  it('keeps what needs an open sitting locked before it opens and during a break, and nothing else', () => {
    expect(lockReason('SCHEDULED', 'open')).toBe('notYetOpen');
    expect(lockReason('SUSPENDED', 'open')).toBe('suspended');
    expect(lockReason('SCHEDULED', 'notClosed')).toBeNull();
    expect(lockReason('SUSPENDED', 'notClosed')).toBeNull();
    expect(lockReason('OPEN', 'open')).toBeNull();
    expect(lockReason('OPEN', 'notClosed')).toBeNull();
  });

  it('locks while the sitting is not loaded', () => {
    expect(lockReason(null, 'notClosed')).toBe('notYetOpen');
    expect(lockReason(undefined, 'open')).toBe('notYetOpen');
  });
});

describe('tabAfterKey', () => {
  it('moves with the arrows (wrapping), Home and End, and ignores other keys', () => {
    expect(tabAfterKey('votes', 'ArrowRight')).toBe('agenda');
    expect(tabAfterKey('attendance', 'ArrowRight')).toBe('votes');
    expect(tabAfterKey('votes', 'ArrowLeft')).toBe('attendance');
    expect(tabAfterKey('times', 'Home')).toBe('votes');
    expect(tabAfterKey('votes', 'End')).toBe('attendance');
    expect(tabAfterKey('votes', 'Enter')).toBeNull();
  });
});
