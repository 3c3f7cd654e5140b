import { ChangeDetectionStrategy, Component, ElementRef, input, output, signal, viewChild } from '@angular/core';

let nextId = 0;

/**
 * A modal dialog on the native <dialog>: the rest of the page is inert while it is open, Escape
 * closes it, focus goes to the first field (or `autofocus`) and back to where it was on closing.
 * The content is projected; the owner opens and closes it.
 */
@Component({
  selector: 'plenum-dialog-frame',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog [attr.aria-labelledby]="headingId" (close)="handleClosed()">
      <h2 [id]="headingId">{{ heading() }}</h2>
      @if (isOpen()) {
        <ng-content />
      }
    </dialog>
  `,
  styles: `
    dialog {
      max-width: min(32rem, calc(100vw - 2rem));
      padding: 1.25rem;
      border: 1px solid var(--border);
      border-radius: 0.5rem;
      color: var(--text);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    h2 {
      margin-top: 0;
    }
  `,
})
export class DialogFrame {
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  readonly heading = input.required<string>();
  /** Emitted however the dialog closed (a button, Escape). */
  readonly closed = output<void>();

  protected readonly headingId = `dialog-${++nextId}`;
  protected readonly isOpen = signal(false);
  private returnFocus: HTMLElement | null = null;

  open(): void {
    const active = this.dialog().nativeElement.ownerDocument.activeElement;
    this.returnFocus = active instanceof HTMLElement ? active : null;
    this.isOpen.set(true);
    this.dialog().nativeElement.showModal();
    // The content renders with the next change detection; focus its first field then.
    queueMicrotask(() => setTimeout(() => this.focusFirstField()));
  }

  close(): void {
    this.dialog().nativeElement.close();
  }

  protected handleClosed(): void {
    this.isOpen.set(false);
    this.returnFocus?.focus();
    this.returnFocus = null;
    this.closed.emit();
  }

  private focusFirstField(): void {
    const root = this.dialog().nativeElement;
    const target = root.querySelector<HTMLElement>('[autofocus]') ?? root.querySelector<HTMLElement>('input, select, textarea, button:not([disabled])');
    target?.focus();
  }
}
