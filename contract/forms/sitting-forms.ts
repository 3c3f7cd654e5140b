/** The forms of sittings and their agendas (back office: parliament IT, clerks, the chair). */
import type { FormRules } from '../form-rules';
import { numberLimits } from '../number-limits';
import { textLimits } from '../text-limits';

export const sittingForm = {
  number: { kind: 'whole', min: 1, max: numberLimits.sittingNumber },
  title: { kind: 'text', max: textLimits.sittingTitle },
  startsAt: { kind: 'instant' },
} as const satisfies FormRules;

/** A scheduled sitting moved to a later start; the reason is optional (it goes to the admin log). */
export const postponeSittingForm = {
  startsAt: { kind: 'instant' },
  reason: { kind: 'text', max: textLimits.reason, optional: true },
} as const satisfies FormRules;

/** A scheduled sitting called off: it will not take place, and says why. */
export const cancelSittingForm = {
  reason: { kind: 'text', max: textLimits.reason },
} as const satisfies FormRules;

export const agendaItemForm = {
  title: { kind: 'text', max: textLimits.agendaTitle },
  kind: { kind: 'choice', options: ['procedure', 'debate', 'question_time', 'election', 'vote', 'other'] },
  description: { kind: 'text', max: textLimits.agendaDescription, optional: true },
  /** The debate time planned for the item; the chair allots it when calling the item. */
  debateMinutes: { kind: 'whole', min: 1, max: numberLimits.debateMinutes, optional: true },
  documentLinks: { kind: 'list', item: { kind: 'text', max: textLimits.link, format: 'link' }, count: numberLimits.documentLinks },
} as const satisfies FormRules;
