import { TestBed } from '@angular/core/testing';
import { browserLanguages, languageStorage } from '../i18n/translation-state';
import { ChapterList } from './chapter-list';
import { currentChapter, formatOffset, type RecordingChapter } from './chapters';

const chapters: RecordingChapter[] = [
  { kind: 'ITEM', title: 'Haushaltsgesetz 2027', agendaPosition: 2, factionShortName: null, at: '2026-12-03T08:05:00.000Z', offsetSeconds: 300 },
  { kind: 'SPEECH', title: 'Jonas Brandt', agendaPosition: 2, factionShortName: 'SDA', at: '2026-12-03T08:06:00.000Z', offsetSeconds: 360 },
  { kind: 'SPEECH', title: 'Lena Vogel', agendaPosition: 2, factionShortName: null, at: '2026-12-03T09:10:05.000Z', offsetSeconds: 4205 },
];

describe('the recording’s chapters', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        { provide: browserLanguages, useValue: ['de-DE'] },
        { provide: languageStorage, useValue: null },
      ],
    });
  });

  it('writes places in the recording as players do', () => {
    expect(formatOffset(0)).toBe('0:00');
    expect(formatOffset(65.9)).toBe('1:05');
    expect(formatOffset(3723)).toBe('1:02:03');
    expect(formatOffset(-3)).toBe('0:00');
  });

  it('knows the chapter playing now', () => {
    expect(currentChapter(chapters, 10)).toBe(-1);
    expect(currentChapter(chapters, 300)).toBe(0);
    expect(currentChapter(chapters, 359.9)).toBe(1);
    expect(currentChapter(chapters, 5000)).toBe(2);
    expect(currentChapter([], 5000)).toBe(-1);
  });

  it('lists items and speeches as buttons that jump, and marks the current one', () => {
    const fixture = TestBed.createComponent(ChapterList);
    fixture.componentRef.setInput('chapters', chapters);
    fixture.componentRef.setInput('current', 1);
    const jumps: number[] = [];
    fixture.componentInstance.jump.subscribe((s) => jumps.push(s));
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('[data-testid="chapter"]')];
    expect(buttons.map((b) => `${b.querySelector('.time')?.textContent} ${b.querySelector('.title')?.textContent}`)).toEqual([
      '5:00 TOP 2: Haushaltsgesetz 2027',
      '6:00 Jonas Brandt (SDA)',
      '1:10:05 Lena Vogel',
    ]);
    expect(buttons[1]?.getAttribute('aria-current')).toBe('true');
    expect(buttons[0]?.getAttribute('aria-current')).toBeNull();
    // The visible time and title are the button's name (axe: label-content-name-mismatch); the list is labelled Kapitel.
    expect(buttons[1]?.getAttribute('aria-label')).toBeNull();
    expect(el.querySelector('nav')?.getAttribute('aria-label')).toBe('Kapitel');
    buttons[2]?.click();
    expect(jumps).toEqual([4205]);
  });

  it('says when there are none', () => {
    const fixture = TestBed.createComponent(ChapterList);
    fixture.componentRef.setInput('chapters', []);
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Für diese Aufzeichnung gibt es keine Kapitel.');
  });
});
