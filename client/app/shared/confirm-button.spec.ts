import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ConfirmButton } from './confirm-button';

@Component({
  imports: [ConfirmButton],
  template: `
    <plenum-confirm-button
      testId="close-vote"
      label="Close the vote"
      heading="Close the vote “Budget”?"
      question="Nobody can vote after closing."
      keepLabel="Keep it open"
      [disabled]="disabled()"
      (confirmed)="confirmed = confirmed + 1"
    />
  `,
})
class Host {
  confirmed = 0;
  readonly disabled = signal(false);
}

describe('ConfirmButton', () => {
  async function render() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const by = <T extends HTMLElement>(id: string) => element.querySelector<T>(`[data-testid="${id}"]`);
    return { fixture, element, by };
  }

  it('asks before acting: the click opens a modal dialog, and only "confirm" emits', async () => {
    const { fixture, element, by } = await render();
    by<HTMLButtonElement>('close-vote')!.click();
    await fixture.whenStable();

    const dialog = element.querySelector('dialog')!;
    expect(dialog.open).toBeTrue();
    expect(dialog.textContent).toContain('Close the vote “Budget”?');
    expect(dialog.textContent).toContain('Nobody can vote after closing.');
    expect(fixture.componentInstance.confirmed).toBe(0);

    by<HTMLButtonElement>('confirm-close-vote')!.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.confirmed).toBe(1);
    expect(dialog.open).toBeFalse();
  });

  it('does nothing when the safe answer is chosen', async () => {
    const { fixture, element, by } = await render();
    by<HTMLButtonElement>('close-vote')!.click();
    await fixture.whenStable();

    by<HTMLButtonElement>('keep-close-vote')!.click();
    await fixture.whenStable();
    expect(element.querySelector('dialog')!.open).toBeFalse();
    expect(fixture.componentInstance.confirmed).toBe(0);
  });

  it('is disabled when its owner says so', async () => {
    const { fixture, by } = await render();
    fixture.componentInstance.disabled.set(true);
    await fixture.whenStable();
    expect(by<HTMLButtonElement>('close-vote')!.disabled).toBeTrue();
  });
});
