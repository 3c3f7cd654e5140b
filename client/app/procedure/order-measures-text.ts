import type { Translations } from '../i18n/translation-state';

const en = {
  // The chair's panel
  heading: 'Order measures',
  member: 'Member',
  chooseMember: 'Choose a member…',
  reason: 'Reason (optional)',
  callToPoint: 'Call to the point',
  callToOrder: 'Call to order',
  withdrawFloor: 'Withdraw the floor',
  mute: 'Mute microphone',
  unmute: 'Unmute microphone',
  exclude: 'Exclude…',
  sittingDays: 'Sitting days (this one the first)',
  maxDays: (n: number) => `at most ${n}`,
  floorCalls: (name: string, calls: number, needed: number | null) =>
    needed === null ? `${name}: ${calls} calls in this speech.` : `${name}: ${calls} of ${needed} calls before the floor may be withdrawn.`,
  floorCallsSitting: (name: string, calls: number, needed: number | null) =>
    needed === null ? `${name}: ${calls} calls in this sitting.` : `${name}: ${calls} of ${needed} calls in this sitting before the floor may be withdrawn.`,
  withdrawNeedsCalls: 'The rules allow withdrawing the floor only after more calls.',
  calls: 'Calls in this sitting',
  callCounts: (toPoint: number, toOrder: number) => `${toPoint} to the point, ${toOrder} to order`,
  muted: 'Muted by the chair',
  exclusions: 'Exclusions',
  exclusionLine: (days: number, remaining: number, carried: boolean) =>
    carried ? `excluded in an earlier sitting, ${remaining} of ${days} sitting days left` : `excluded for ${days} sitting days`,
  lifted: 'lifted on objection',
  objection: 'Objection',
  objectionText: 'Objection (optional text)',
  recordObjection: 'Record objection',
  objectionPending: 'Objection lodged, not yet decided.',
  uphold: 'Objection upheld',
  reject: 'Objection rejected',
  upheld: 'Objection upheld: the exclusion is lifted.',
  rejected: 'Objection rejected.',
  confirmWithdrawHeading: 'Withdraw the floor?',
  confirmWithdraw: (name: string) => `${name} loses the floor at once; their microphone is closed.`,
  confirmExcludeHeading: 'Exclude the member?',
  confirmExclude: (name: string, days: number) =>
    `${name} leaves the chamber at once and may not return for ${days === 1 ? 'the rest of this sitting' : `${days} sitting days`}. Their ballots are refused.`,
  confirm: 'Yes, carry it out',
  back: 'Back',
  none: 'No order measure in this sitting.',
  // The member's notice
  noticeHeading: 'Order measures concerning you',
  youCalled: (toPoint: number, toOrder: number) =>
    [
      toPoint ? `called to the point ${toPoint === 1 ? 'once' : `${toPoint} times`}` : '',
      toOrder ? `called to order ${toOrder === 1 ? 'once' : `${toOrder} times`}` : '',
    ]
      .filter(Boolean)
      .join(' and ')
      .replace(/^./, (c) => `You were ${c}`) + '.',
  youMuted: 'The chair has muted your microphone.',
  youExcluded: (remaining: number) =>
    `You are excluded from this sitting${remaining > 1 ? ` and the next ${remaining - 1} sitting days` : ''}. You cannot speak, vote or join its audio and video.`,
  youFloorWithdrawn: 'The chair withdrew the floor from you.',
};

const de: typeof en = {
  heading: 'Ordnungsmaßnahmen',
  member: 'Mitglied',
  chooseMember: 'Mitglied wählen …',
  reason: 'Begründung (optional)',
  callToPoint: 'Sachruf',
  callToOrder: 'Ordnungsruf',
  withdrawFloor: 'Wort entziehen',
  mute: 'Mikrofon stummschalten',
  unmute: 'Mikrofon freigeben',
  exclude: 'Ausschließen …',
  sittingDays: 'Sitzungstage (diese Sitzung als erster)',
  maxDays: (n) => `höchstens ${n}`,
  floorCalls: (name, calls, needed) =>
    needed === null ? `${name}: ${calls} Rufe in dieser Rede.` : `${name}: ${calls} von ${needed} Rufen, bevor das Wort entzogen werden kann.`,
  floorCallsSitting: (name, calls, needed) =>
    needed === null
      ? `${name}: ${calls} Rufe in dieser Sitzung.`
      : `${name}: ${calls} von ${needed} Rufen in dieser Sitzung, bevor das Wort entzogen werden kann.`,
  withdrawNeedsCalls: 'Das Wort kann nach der Geschäftsordnung erst nach weiteren Rufen entzogen werden.',
  calls: 'Rufe in dieser Sitzung',
  callCounts: (toPoint, toOrder) => `${toPoint} zur Sache, ${toOrder} zur Ordnung`,
  muted: 'Vom Vorsitz stummgeschaltet',
  exclusions: 'Ausschlüsse',
  exclusionLine: (days, remaining, carried) =>
    carried ? `in einer früheren Sitzung ausgeschlossen, noch ${remaining} von ${days} Sitzungstagen` : `für ${days} Sitzungstage ausgeschlossen`,
  lifted: 'auf Einspruch aufgehoben',
  objection: 'Einspruch',
  objectionText: 'Einspruch (optionaler Text)',
  recordObjection: 'Einspruch erfassen',
  objectionPending: 'Einspruch eingelegt, noch nicht entschieden.',
  uphold: 'Einspruch stattgegeben',
  reject: 'Einspruch zurückgewiesen',
  upheld: 'Dem Einspruch wurde stattgegeben: Der Ausschluss ist aufgehoben.',
  rejected: 'Der Einspruch wurde zurückgewiesen.',
  confirmWithdrawHeading: 'Das Wort entziehen?',
  confirmWithdraw: (name) => `${name} verliert sofort das Wort; das Mikrofon wird geschlossen.`,
  confirmExcludeHeading: 'Das Mitglied ausschließen?',
  confirmExclude: (name, days) =>
    `${name} verlässt sofort den Saal und darf ${days === 1 ? 'für den Rest dieser Sitzung' : `für ${days} Sitzungstage`} nicht zurückkehren. Stimmen werden zurückgewiesen.`,
  confirm: 'Ja, ausführen',
  back: 'Zurück',
  none: 'Keine Ordnungsmaßnahme in dieser Sitzung.',
  noticeHeading: 'Ordnungsmaßnahmen, die Sie betreffen',
  youCalled: (toPoint, toOrder) =>
    'Sie wurden ' +
    [toPoint ? `${toPoint === 1 ? 'einmal' : `${toPoint}-mal`} zur Sache` : '', toOrder ? `${toOrder === 1 ? 'einmal' : `${toOrder}-mal`} zur Ordnung` : '']
      .filter(Boolean)
      .join(' und ') +
    ' gerufen.',
  youMuted: 'Der Vorsitz hat Ihr Mikrofon stummgeschaltet.',
  youExcluded: (remaining) =>
    `Sie sind von dieser Sitzung${remaining > 1 ? ` und den nächsten ${remaining - 1} Sitzungstagen` : ''} ausgeschlossen. Sie können weder sprechen noch abstimmen noch Ton und Bild beitreten.`,
  youFloorWithdrawn: 'Der Vorsitz hat Ihnen das Wort entzogen.',
};

export const orderMeasuresText: Translations<typeof en> = { en, de };
