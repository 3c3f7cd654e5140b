import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { browserLanguages, languageStorage } from '../i18n/translation-state';
import type { SittingState } from '../shared/graphql-schema.generated';
import type { LockNeed } from './console-lock';
import { LockFrame } from './lock-frame';

@Component({
  imports: [LockFrame],
  template: `
    <plenum-lock-frame [phase]="phase()" [needs]="needs()">
      <button type="button" data-testid="act">Act</button>
      <select data-testid="choose">
        <option>One</option>
      </select>
    </plenum-lock-frame>
  `,
})
class Host {
  readonly phase = signal<SittingState>('OPEN');
  readonly needs = signal<LockNeed>('open');
}

describe('LockFrame', () => {
  async function render(language: string, phase: SittingState, needs: LockNeed) {
    TestBed.configureTestingModule({
      providers: [
        { provide: browserLanguages, useValue: [language] },
        { provide: languageStorage, useValue: null },
      ],
    });
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.phase.set(phase);
    fixture.componentInstance.needs.set(needs);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    return {
      fixture,
      element,
      button: element.querySelector<HTMLButtonElement>('[data-testid="act"]')!,
      select: element.querySelector<HTMLSelectElement>('[data-testid="choose"]')!,
      reason: () => element.querySelector('[data-testid="lock-reason"]')?.textContent?.trim() ?? null,
    };
  }

  it('disables every control inside with the reason shown once the sitting is closed', async () => {
    const { element, button, select, reason } = await render('en', 'CLOSED', 'notClosed');

    expect(reason()).toBe('The sitting is closed.');
    expect(button.matches(':disabled')).toBeTrue();
    expect(select.matches(':disabled')).toBeTrue();
    const fieldset = element.querySelector('fieldset')!;
    expect(element.querySelector(`#${fieldset.getAttribute('aria-describedby')}`)?.textContent).toContain('The sitting is closed.');
  });

  it('says why in German, and locks what needs an open sitting during a break', async () => {
    const { button, reason } = await render('de', 'SUSPENDED', 'open');

    expect(reason()).toBe('Die Sitzung ist unterbrochen.');
    expect(button.matches(':disabled')).toBeTrue();
  });

  it('leaves the controls alone while the state allows them, and locks them when it changes', async () => {
    const { fixture, button, reason } = await render('en', 'SUSPENDED', 'notClosed');
    expect(reason()).toBeNull();
    expect(button.matches(':disabled')).toBeFalse();

    fixture.componentInstance.phase.set('CLOSED');
    await fixture.whenStable();
    expect(reason()).toBe('The sitting is closed.');
    expect(button.matches(':disabled')).toBeTrue();
  });
});
