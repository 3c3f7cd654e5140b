import { CaptionBook, keptCueSeconds, plainCueText } from './caption-cues';

describe('captions', () => {
  it('shows a cue as plain text', () => {
    expect(plainCueText('<v Jonas Brandt>Meine Damen und Herren</v>')).toBe('Meine Damen und Herren');
    expect(plainCueText('<c.yellow>Budget</c> &amp; <i>Finance</i> &lt;2027&gt;')).toBe('Budget & Finance <2027>');
  });

  it('says what the cues say at a moment, each once, in order', () => {
    const book = new CaptionBook();
    book.add([
      { startTime: 10, endTime: 12, text: 'Second line' },
      { startTime: 9, endTime: 11, text: 'First line' },
    ]);
    // The next segment repeats a cue that spans both.
    book.add([{ startTime: 10, endTime: 12, text: 'Second line' }]);
    expect(book.textAt(8)).toBe('');
    expect(book.textAt(10.5)).toBe('First line\nSecond line');
    expect(book.textAt(11)).toBe('Second line');
    expect(book.textAt(12)).toBe('');
  });

  it('forgets cues long past, and all of them when the rendition changes', () => {
    const book = new CaptionBook();
    book.add([{ startTime: 0, endTime: 2, text: 'Long ago' }]);
    book.textAt(2 + keptCueSeconds + 1);
    expect(book.textAt(1)).toBe('');
    book.add([{ startTime: 0, endTime: 2, text: 'Long ago' }]);
    expect(book.textAt(1)).toBe('Long ago');
    book.clear();
    expect(book.textAt(1)).toBe('');
  });
});
