import { TestBed } from '@angular/core/testing';
import { browserLanguages, languageStorage } from '../i18n/translation-state';
import { PublicResults } from './public-results';
import { SittingNow } from './sitting-now';
import type { PublicSitting } from './watch-state';

describe('what the public sees besides the picture', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        { provide: browserLanguages, useValue: ['de-DE'] },
        { provide: languageStorage, useValue: null },
      ],
    });
  });

  const sitting: PublicSitting = {
    id: 'sitting-42',
    number: 42,
    title: '42. Plenarsitzung',
    phase: 'OPEN',
    startsAt: '2026-12-03T08:00:00.000Z',
    suspension: null,
    broadcast: { live: true },
    currentItem: { position: 2, title: 'Haushaltsgesetz 2027 – erste Beratung' },
    currentSpeaker: { name: 'Jonas Brandt', factionShortName: 'SDA', factionColour: '#d7263d', kind: 'SPEECH', startedAt: '2026-12-03T09:10:00.000Z' },
    closedVotes: [
      {
        id: 'vote-1',
        title: 'Überweisung an den Haushaltsausschuss',
        outcome: 'TIE',
        elected: [],
        electionRound: null,
        eligible: 3,
        cast: 2,
        closedAt: '2026-12-03T09:30:00.000Z',
        counts: [
          { label: 'Yes', count: 1 },
          { label: 'No', count: 1 },
          { label: 'Abstain', count: 0 },
        ],
      },
    ],
  };

  it('shows the item and the speaker with the faction in readable colours', async () => {
    const fixture = TestBed.createComponent(SittingNow);
    fixture.componentRef.setInput('sitting', sitting);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[data-testid="public-item"]')?.textContent?.trim()).toBe('TOP 2: Haushaltsgesetz 2027 – erste Beratung');
    expect(page.querySelector('[data-testid="public-speaker"]')?.textContent).toContain('Jonas Brandt');
    const faction = page.querySelector<HTMLElement>('[data-testid="public-speaker-faction"]')!;
    expect(faction.textContent?.trim()).toBe('SDA');
    expect(faction.style.color).toBe('rgb(255, 255, 255)');
    expect(page.querySelector('[data-testid="public-speaker"]')?.textContent).toContain('Rede · seit');

    fixture.componentRef.setInput('sitting', { ...sitting, currentItem: null, currentSpeaker: null });
    await fixture.whenStable();
    expect(page.textContent).toContain('Niemand hat das Wort.');
  });

  it('shows each result with the options in the interface language', async () => {
    const fixture = TestBed.createComponent(PublicResults);
    fixture.componentRef.setInput('votes', sitting.closedVotes);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[data-testid="public-outcome"]')?.textContent).toContain('Abgelehnt (Stimmengleichheit)');
    expect(
      [...page.querySelectorAll('[data-testid="public-count"]')].map((row) => [...row.children].map((cell) => cell.textContent?.trim()).join(' ')),
    ).toEqual(['Ja 1', 'Nein 1', 'Enthaltung 0']);
  });

  it('says no vote was taken once the sitting has ended, not that none has closed yet', async () => {
    const fixture = TestBed.createComponent(PublicResults);
    fixture.componentRef.setInput('votes', []);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.textContent).toContain('Es wurde noch keine Abstimmung abgeschlossen.');
    fixture.componentRef.setInput('ended', true);
    await fixture.whenStable();
    expect(page.textContent).toContain('In dieser Sitzung wurde nicht abgestimmt.');
  });
});
