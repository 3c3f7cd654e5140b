/**
 * The protocol as a PDF (pdfkit, A4): header, agenda, proceedings per agenda item with a time column,
 * vote results as tables, attendance, speaking times, and the record's head hash at the end; page
 * numbers in the footer. Labels in German or English (labels.ts). The same protocol gives the same
 * bytes: the document date is the sitting's close (or its last entry), not the time of printing.
 */
import { parenthesised } from '@contract/minutes-words';
import { suspensionReasonText } from '@contract/vote-outcomes';
import PDFDocument from 'pdfkit';
import type { PersonRef } from '../../domain/procedure/events';
import type {
  Protocol,
  Actor,
  ProtocolAgendaAmendment,
  ProtocolCorrection,
  ProtocolFloor,
  ProtocolMinutesNote,
  ProtocolPointOfOrder,
  ProtocolVote,
  Proceeding,
  ProtocolOptionCount,
} from '../../domain/protocol/protocol';
import { protocolLabels, type ProtocolLabels, type ProtocolLanguage } from './labels';
import { protocolFonts, type PdfFonts } from './pdf-fonts';
import { ALERT, GREY, PdfLayout, type Run } from './pdf-layout';

const MARGIN = { top: 56, bottom: 70, left: 62, right: 56 };

export async function protocolPdf(p: Protocol, lang: ProtocolLanguage, opts: { fonts?: PdfFonts } = {}): Promise<Buffer> {
  const L = protocolLabels[lang];
  const fonts = opts.fonts ?? protocolFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang,
    displayTitle: true,
    info: {
      // Info strings are written as UTF-16: any text, whatever the fonts.
      Title: `${L.documentTitle} – ${L.sittingNumber(p.sitting.number)}: ${p.sitting.title}`,
      Author: p.parliament,
      Subject: `${p.sitting.id} · head ${p.record.head}`,
      Creator: 'Plenum',
      Producer: 'Plenum',
      CreationDate: new Date(p.closedAt ?? p.record.lastAt ?? p.sitting.startsAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (fonts.embedded) {
    doc.registerFont('regular', fonts.regular);
    doc.registerFont('bold', fonts.bold);
    doc.registerFont('italic', fonts.italic);
    doc.registerFont('mono', fonts.mono);
  }
  new ProtocolWriter(new PdfLayout(doc, fonts, MARGIN), p, L).write();
  doc.end();
  return done;
}

class ProtocolWriter {
  private readonly time: Intl.DateTimeFormat;
  private readonly clock: Intl.DateTimeFormat;
  private readonly date: Intl.DateTimeFormat;

  constructor(
    private readonly out: PdfLayout,
    private readonly p: Protocol,
    private readonly L: ProtocolLabels,
  ) {
    const zone = { timeZone: p.timeZone, hourCycle: 'h23' } as const;
    this.time = new Intl.DateTimeFormat(L.locale, { ...zone, hour: '2-digit', minute: '2-digit', second: '2-digit' });
    this.clock = new Intl.DateTimeFormat(L.locale, { ...zone, hour: '2-digit', minute: '2-digit' });
    this.date = new Intl.DateTimeFormat(L.locale, { timeZone: p.timeZone, dateStyle: 'full' });
  }

  write(): void {
    this.header();
    this.agenda();
    this.proceedings();
    this.attendance();
    this.speakingTimes();
    this.correctionList();
    this.verification();
    this.out.footers(`${this.p.parliament} · ${this.L.sittingNumber(this.p.sitting.number)}`, this.L.page);
  }

  /** One proceeding: its time in the left column, the body beside it. */
  private entry(at: string | null, body: (x: number, width: number) => void): void {
    this.out.entry(at ? this.time.format(new Date(at)) : null, body);
  }

  private clockOf(at: string): string {
    return this.L.clock(this.clock.format(new Date(at)));
  }

  private span(from: string, to: string | null): string {
    return `${this.time.format(new Date(from))}–${to ? this.time.format(new Date(to)) : '…'}`;
  }

  private person(p: PersonRef): string {
    const name = p.name || this.L.someone;
    return p.factionShortName ? `${name} (${p.factionShortName})` : name;
  }

  /** Who acted, by name: never an id (the roster names whom the record does not). */
  private nameOf(a: Actor | null): string {
    return a?.name ?? this.L.someone;
  }

  private stamp(at: string): string {
    return `${this.date.format(new Date(at))}, ${this.clockOf(at)}`;
  }

  /** "[corrected 10:32 by …; previously: “…”]", italic, under the corrected text. */
  private correctionNotes(cs: readonly ProtocolCorrection[], x: number, width: number): void {
    for (const c of cs)
      this.out.runs([['italic', this.L.corrected(this.time.format(new Date(c.at)), this.nameOf(c.by), c.previous)]], { x, width, size: 8.5, color: GREY });
  }

  // ---- sections ----

  private header(): void {
    const { p, L } = this;
    this.out.runs([['regular', p.parliament]], { size: 10, color: GREY });
    this.out.doc.moveDown(0.2);
    this.out.runs([['bold', L.documentTitle]], { size: 22 });
    this.out.runs([['bold', `${L.sittingNumber(p.sitting.number)} · ${p.sitting.title}`]], { size: 13.5, gap: 0.2 });
    this.out.runs([['regular', this.date.format(new Date(p.openedAt ?? p.sitting.startsAt))]], { size: 10.5, color: GREY, gap: 0.6 });
    if (p.phase !== 'closed') this.out.runs([['bold', L.provisional(p.phase)]], { color: ALERT, gap: 0.4 });
    if (!p.record.chain.ok) this.out.runs([['bold', L.chainBroken(p.record.chain.seq, p.record.chain.problem)]], { color: ALERT, gap: 0.4 });
    if (p.phase === 'closed')
      this.out.runs([['bold', p.approval ? L.approved(this.nameOf(p.approval.by), this.stamp(p.approval.at), p.approval.seq) : L.awaitingApproval]], {
        gap: 0.4,
      });
    const facts: [string, string][] = [];
    if (!p.openedAt) facts.push([L.scheduledFor, `${this.date.format(new Date(p.sitting.startsAt))}, ${this.clockOf(p.sitting.startsAt)}`], ['', L.notOpened]);
    if (p.openedAt) facts.push([L.opened, this.clockOf(p.openedAt)]);
    for (const s of p.suspensions)
      facts.push([
        L.suspensions,
        `${this.clockOf(s.at)} – ${s.resumedAt ? this.clockOf(s.resumedAt) : L.notResumed}${s.reason ? ` (${this.suspensionReason(s.reason)})` : ''}`,
      ]);
    if (p.closedAt) facts.push([L.closed, this.clockOf(p.closedAt)]);
    for (const c of p.presidency) facts.push([L.presiding, `${this.nameOf(c.person)} (${this.clockOf(c.from)} – ${c.to ? this.clockOf(c.to) : '…'})`]);
    if (p.rulebook) facts.push([L.rulebook, p.rulebook.name]);
    if (p.statutoryMembers !== null) facts.push([L.statutoryMembers, String(p.statutoryMembers)]);
    for (const [k, v] of facts)
      this.out.runs(
        [
          ['bold', k ? `${k}: ` : ''],
          ['regular', v],
        ],
        { size: 10 },
      );
  }

  private agenda(): void {
    const { p, L } = this;
    this.out.heading(L.agenda, 1);
    for (const a of p.agenda) {
      const called = a.calledAt.length ? `${L.calledAt} ${a.calledAt.map((t) => this.clockOf(t)).join(', ')}` : L.notCalled;
      this.out.ensure(26);
      this.out.runs(
        [
          ['bold', `${L.item(a.position)}  `],
          ['regular', a.title],
          ['italic', `  — ${called}`],
        ],
        { gap: 0.25 },
      );
    }
    if (p.sections.some((s) => s.proceedings.some((x) => x.kind === 'agenda_amendment'))) {
      this.out.runs([['italic', L.agendaAmendment.amendedNote]], { size: 9, color: GREY, gap: 0.25 });
    }
  }

  private proceedings(): void {
    const { p, L } = this;
    this.out.heading(L.proceedings, 1);
    for (const s of p.sections) {
      this.out.heading(s.agendaItem ? `${L.item(s.agendaItem.position)} · ${s.agendaItem.title}` : L.beforeAgenda, 2);
      if (s.calledAt) this.out.runs([['italic', `${L.calledAt} ${this.clockOf(s.calledAt)}`]], { size: 9, color: GREY, gap: 0.4 });
      for (const x of s.proceedings) this.proceeding(x);
    }
  }

  private proceeding(x: Proceeding): void {
    const { L } = this;
    switch (x.kind) {
      case 'floor':
        return this.floor(x);
      case 'point_of_order':
        return this.point(x);
      case 'vote':
        return this.vote(x);
      case 'suspension':
        return this.entry(x.at, (bx, w) => {
          const resumed = x.resumedAt ? `${L.resumedAt} ${this.clockOf(x.resumedAt)} (${duration(x.durationSeconds)})` : L.notResumed;
          const planned = x.resumesAt ? `; ${L.resumesAt} ${this.clockOf(x.resumesAt)}` : '';
          this.out.runs(
            [
              ['bold', L.suspended],
              ['regular', `${x.reason ? ` (${this.suspensionReason(x.reason)})` : ''}${planned}; ${resumed}.`],
            ],
            { x: bx, width: w },
          );
        });
      case 'speaker_list':
        return this.entry(x.at, (bx, w) => this.out.runs([['italic', L.speakerList[x.change]]], { x: bx, width: w }));
      case 'order_policy':
        return this.entry(x.at, (bx, w) =>
          this.out.runs(
            [
              ['regular', `${L.orderPolicy}: `],
              ['italic', L.orderPolicies[x.policy]],
            ],
            { x: bx, width: w },
          ),
        );
      case 'speaking_time':
        return this.entry(x.at, (bx, w) => {
          const shares = x.perFaction.map((f) => `${f.factionShortName ?? f.factionId ?? L.noFaction} ${duration(f.seconds)}`).join(', ');
          this.out.runs(
            [
              ['regular', `${L.debateTime}: `],
              ['bold', duration(x.debateSeconds)],
              ['regular', shares ? ` — ${shares}` : ''],
            ],
            { x: bx, width: w },
          );
        });
      case 'agenda_amendment':
        return this.entry(x.at, (bx, w) => this.amendment(x, bx, w));
      case 'quorum_count':
        return this.entry(x.at, (bx, w) => this.out.runs([['bold', L.quorumCount(x.present, x.required, x.quorate)]], { x: bx, width: w }));
      case 'order_measure':
        return this.entry(x.at, (bx, w) => this.out.runs(this.orderMeasure(x), { x: bx, width: w }));
      case 'minutes_note':
        return this.minutesNote(x);
      case 'presidency':
        return this.entry(x.at, (bx, w) => this.out.runs([['italic', L.presidencyTaken(this.nameOf(x.person))]], { x: bx, width: w }));
      case 'admission':
        return this.entry(x.at, (bx, w) =>
          this.out.runs(
            [
              ['bold', `${L.admission.title}: `],
              ['regular', this.admission(x)],
            ],
            { x: bx, width: w },
          ),
        );
      case 'roster_change':
        return this.entry(x.at, (bx, w) =>
          this.out.runs(
            [
              ['bold', `${L.rosterChange.title}: `],
              ['regular', this.rosterChange(x)],
            ],
            { x: bx, width: w },
          ),
        );
      default: {
        const unknown: never = x;
        void unknown;
      }
    }
  }

  /** The parliament's convention: a note in parentheses, in italics, at its moment. */
  private minutesNote(n: ProtocolMinutesNote): void {
    this.entry(n.moment, (x, width) => {
      this.out.runs([['italic', parenthesised(n.text)]], { x, width });
      this.correctionNotes(n.corrections, x, width);
    });
  }

  /** Every correction once more at the end: which entry, what it said, what it says now, who corrected it and when. */
  private correctionList(): void {
    const { p, L } = this;
    if (p.corrections.length === 0) return;
    this.out.heading(L.corrections, 1);
    for (const c of p.corrections) {
      this.out.ensure(36);
      this.out.runs(
        [
          ['bold', `${this.time.format(new Date(c.at))} · ${L.correctionOf(c.target.seq, L.correctable[c.target.kind])}: `],
          ['regular', c.text],
        ],
        { size: 9.5 },
      );
      this.out.runs([['italic', L.corrected(this.time.format(new Date(c.at)), this.nameOf(c.by), c.previous)]], { size: 8.5, color: GREY });
      this.out.runs([['mono', c.target.hash]], { size: 7.5, color: GREY, gap: 0.3 });
    }
  }

  /** "Agenda amended: item 3 “…” moved to position 2", then the decision it carries out and who carried it out. */
  private amendment(x: ProtocolAgendaAmendment, bx: number, w: number): void {
    const A = this.L.agendaAmendment;
    const c = x.change;
    const what =
      c.kind === 'move'
        ? A.move(c.title, c.from, c.to)
        : c.kind === 'insert'
          ? A.insert(c.title, c.position)
          : c.kind === 'remove'
            ? A.remove(c.title, c.position)
            : A.retitle(c.position, c.previousTitle, c.title);
    this.out.runs(
      [
        ['bold', `${A.title}: `],
        ['regular', `${what}.`],
      ],
      { x: bx, width: w },
    );
    const a = x.authority;
    const lang = this.L.locale.startsWith('de') ? 'de' : 'en';
    const on = a.kind === 'point_of_order' ? A.onPoint(a.category.label?.[lang] ?? a.category.id, this.person(a.mover), a.reference) : A.onVote(a.reference);
    const when = a.decidedAt ? ` (${A.decidedAt} ${this.time.format(new Date(a.decidedAt))})` : '';
    const by = x.by ? `; ${A.by} ${this.nameOf(x.by)}` : '';
    this.out.runs([['italic', `${on}${when}${by}`]], { x: bx, width: w, size: 9.5 });
  }

  /** "Eva Presse admitted as press (by Anna Keller)"; a decline or removal with its reason. */
  private admission(x: Extract<Proceeding, { kind: 'admission' }>): string {
    const A = this.L.admission;
    const role = x.role ? ` ${A.as} ${A.roles[x.role]}` : '';
    const stands = x.substituteFor ? ` ${A.substituteFor} ${this.person(x.substituteFor)}` : '';
    const item = x.forItem && x.change === 'admitted' ? `, ${A.forItem}` : '';
    const reason = x.reason ? ` (${x.reason})` : '';
    const by = x.by ? ` (${A.by} ${x.by.name ?? x.by.personId})` : '';
    return `${x.name} ${A.change[x.change]}${x.change === 'admitted' ? `${role}${stands}${item}` : ''}${reason}${by}`;
  }

  /** "Jonas Brandt (SDA): voting right yes → no; roles member → member, chair (by Ina Admin)". */
  /** "Call to order: Name (Faction) — reason", with the days of an exclusion and the decision on an objection. */
  private orderMeasure(x: Extract<Proceeding, { kind: 'order_measure' }>): Run[] {
    const M = this.L.orderMeasure;
    const details = [
      x.sittingDays === null ? null : M.sittingDays(x.sittingDays),
      x.upheld === null ? null : x.upheld ? M.upheld : M.rejected,
      x.reason,
      x.by?.name ? `${M.by} ${x.by.name}` : null,
    ].filter((d): d is string => d !== null);
    return [
      ['bold', `${M.measures[x.measure]}: `],
      ['regular', `${this.person(x.person)}${details.length ? ` — ${details.join('; ')}` : ''}`],
    ];
  }

  private rosterChange(x: Extract<Proceeding, { kind: 'roster_change' }>): string {
    const R = this.L.rosterChange;
    const yesNo = (v: boolean) => (v ? R.yes : R.no);
    const parts: string[] = [];
    if (x.before === null) parts.push(R.added);
    if (x.after === null) parts.push(R.removed);
    const before = x.before;
    const after = x.after;
    const field = (label: string, from: string | undefined, to: string | undefined) => {
      if (from !== to) parts.push(`${label} ${from ?? '—'} → ${to ?? '—'}`);
    };
    field(R.votingRight, before ? yesNo(before.votingRights) : undefined, after ? yesNo(after.votingRights) : undefined);
    field(R.roles, before?.roles.join(', '), after?.roles.join(', '));
    field(R.username, before?.username, after?.username);
    const by = x.by ? ` (${R.by} ${this.nameOf(x.by)})` : '';
    return `${this.person(x.person)}: ${parts.join('; ')}${by}`;
  }

  private floor(f: ProtocolFloor): void {
    const { L } = this;
    this.entry(f.startedAt, (x, width) => {
      const what = [L.floorKind[f.floorKind], f.stance ? L.stance[f.stance] : null].filter(Boolean).join(', ');
      const extra = [f.repliesTo ? `${L.repliesTo} ${this.person(f.repliesTo)}` : null, f.addedByChair ? L.addedByChair : null].filter(Boolean).join('; ');
      this.out.runs(
        [
          ['bold', this.person(f.person)],
          ['regular', ` — ${what}`],
          ['italic', extra ? ` (${extra})` : ''],
        ],
        { x, width },
      );
      const timing: Run[] = [['regular', this.span(f.startedAt, f.endedAt)]];
      if (f.endedAt === null) timing.push(['italic', ` · ${L.stillSpeaking}`]);
      else {
        timing.push(['regular', ` · ${L.duration} ${duration(f.durationSeconds)}`]);
        if (f.speakingSeconds !== f.durationSeconds) timing.push(['regular', ` · ${L.speakingTime} ${duration(f.speakingSeconds)}`]);
        timing.push(['regular', ` · ${L.allowed} ${f.limitSeconds === null ? L.noLimit : duration(f.limitSeconds)}`]);
        if (f.extendedSeconds > 0) timing.push(['regular', ` (${L.extendedBy} ${duration(f.extendedSeconds)})`]);
        if (f.overrunSeconds) timing.push(['bold', ` · ${L.overrun} ${duration(f.overrunSeconds)}`]);
      }
      this.out.runs(timing, { x, width, size: 8.5, color: GREY });
      for (const i of f.interjections) {
        const when = i.outcome === 'accepted' && i.startedAt ? `, ${this.span(i.startedAt, i.endedAt)} (${duration(i.durationSeconds)})` : '';
        this.out.runs(
          [
            ['regular', `${L.interjection} `],
            ['bold', this.person(i.person)],
            ['regular', `: ${L.interjectionOutcome[i.outcome]}${when}`],
          ],
          { x: x + 12, width: width - 12, size: 9 },
        );
      }
    });
  }

  private point(po: ProtocolPointOfOrder): void {
    const { L } = this;
    const lang = L.locale.startsWith('de') ? 'de' : 'en';
    const [open, close] = lang === 'de' ? ['„', '“'] : ['“', '”'];
    this.entry(po.raisedAt, (x, width) => {
      const category = po.category.label?.[lang] ?? po.category.id;
      this.out.runs(
        [
          ['bold', `${L.pointOfOrder}: ${category}`],
          ['regular', ` — ${this.person(po.person)}`],
        ],
        { x, width },
      );
      if (po.text.trim()) this.out.runs([['italic', `${open}${po.text.trim()}${close}`]], { x, width, size: 9.5 });
      for (const f of po.floors) {
        this.out.runs(
          [
            ['regular', `${L.pointRole[f.role]}: `],
            ['bold', this.person(f.person)],
            ['regular', `, ${this.span(f.startedAt, f.endedAt)} (${duration(f.durationSeconds)})`],
          ],
          { x: x + 12, width: width - 12, size: 9 },
        );
      }
      const d = po.decision;
      const by = d?.by ? ` ${L.by} ${this.nameOf(d.by)}` : '';
      if (d) {
        const vote = d.voteId
          ? this.p.sections.flatMap((s) => s.proceedings).find((v): v is ProtocolVote => v.kind === 'vote' && v.voteId === d.voteId)
          : undefined;
        this.out.runs(
          [
            ['regular', `${L.decision} ${this.time.format(new Date(d.at))}${by}: `],
            ['bold', L.decisions[d.decision]],
            ['regular', `${vote ? ` — ${vote.title}` : ''}${d.note ? ` — ${d.note}` : ''}`],
          ],
          { x, width, size: 9.5 },
        );
        this.correctionNotes(po.corrections, x, width);
      } else if (po.withdrawnAt) {
        this.out.runs([['italic', `${L.withdrawn} ${this.time.format(new Date(po.withdrawnAt))}`]], { x, width, size: 9.5 });
      } else {
        this.out.runs([['italic', L.undecided]], { x, width, size: 9.5 });
      }
    });
  }

  private suspensionReason(reason: string): string {
    return suspensionReasonText(reason, this.L.locale.startsWith('de') ? 'de' : 'en');
  }

  private optionLabel(v: ProtocolVote, c: Pick<ProtocolOptionCount, 'optionId' | 'label'>): string {
    const option = v.options.find((o) => o.id === c.optionId);
    const standard = ['yes', 'no', 'abstain', 'abstention', 'ja', 'nein', 'enthaltung'];
    if (option && option.meaning !== 'other' && standard.includes(option.label.trim().toLowerCase())) return this.L.optionWords[option.meaning];
    return option?.label ?? c.label;
  }

  /** How a vote was closed; counts entered by show of hands name who of the chair's team entered them. */
  private closedBy(closed: NonNullable<ProtocolVote['closed']>): string {
    const how = this.L.closedBy[closed.by];
    return closed.by === 'counts_entered' && closed.actor ? `${how} (${this.nameOf(closed.actor)})` : how;
  }

  private vote(v: ProtocolVote): void {
    const { L } = this;
    this.entry(v.openedAt, (x, width) => {
      const round = v.election;
      this.out.runs([['bold', round ? `${L.election.title}: ${v.title} — ${L.election.round(round.round)}` : `${L.vote}: ${v.title}`]], { x, width });
      const point = v.forPointId
        ? this.p.sections.flatMap((s) => s.proceedings).find((q): q is ProtocolPointOfOrder => q.kind === 'point_of_order' && q.pointId === v.forPointId)
        : undefined;
      // An election's round names its own bar (and seats), not the yes/no majority its definition carries.
      const majority = round
        ? `${L.election.majority[round.rule.majority]}${round.seats > 1 ? `, ${L.election.seats(round.seats)}` : ''}`
        : L.majority[v.majority];
      const meta = [L.voteKind[v.voteKind], majority, point ? `${L.forPoint} ${this.person(point.person)}` : null].filter(Boolean).join(' · ');
      const when = v.closed
        ? `${L.voteOpened} ${this.time.format(new Date(v.openedAt))}, ${L.voteClosed} ${this.time.format(new Date(v.closed.at))} (${this.closedBy(v.closed)})`
        : `${L.voteOpened} ${this.time.format(new Date(v.openedAt))}`;
      this.out.runs([['regular', `${meta} · ${when}`]], { x, width, size: 8.5, color: GREY, gap: 0.3 });
      if (round) {
        const names = v.options.filter((o) => o.meaning === 'yes').map((o) => o.label);
        this.out.runs([['regular', `${L.election.candidates}: ${names.join(', ')}`]], { x, width, size: 9.5 });
      }
      if (v.status === 'cancelled' && v.cancelled) {
        const by = v.cancelled.actor ? ` ${L.by} ${this.nameOf(v.cancelled.actor)}` : '';
        this.out.runs(
          [
            ['bold', `${L.cancelled} ${this.time.format(new Date(v.cancelled.at))}${by}: `],
            ['regular', `${v.cancelled.reason}. ${L.ballotsBeforeCancel(v.ballotsCast)} ${L.resultInvalid}`],
          ],
          { x, width, size: 9.5 },
        );
        return;
      }
      if (v.status === 'open' || !v.result) {
        this.out.runs([['italic', L.stillOpen(v.ballotsCast)]], { x, width, size: 9.5 });
        return;
      }
      const r = v.result;
      const optionWidth = Math.min(78, (width - 110) / Math.max(1, r.counts.length));
      // Per faction only for named votes: other ballots carry no faction, so only the totals stand.
      const columns = [
        { title: r.perFaction.length > 0 ? L.faction : '', width: 110 },
        ...r.counts.map((c) => ({ title: this.optionLabel(v, c), width: optionWidth, align: 'right' as const })),
      ];
      const rows = r.perFaction.map((f) => ({
        cells: [
          f.factionShortName ?? f.factionId ?? L.independent,
          ...r.counts.map((c) => String(f.counts.find((k) => k.optionId === c.optionId)?.count ?? 0)),
        ],
      }));
      rows.push({ cells: [L.total, ...r.counts.map((c) => String(c.count))], bold: true } as (typeof rows)[number] & { bold: boolean });
      this.out.table(x, columns, rows);
      const percent = r.turnoutPercent === null ? '–' : r.turnoutPercent.toLocaleString(L.locale, { maximumFractionDigits: 1 });
      this.out.runs([['regular', `${L.turnout(r.cast, r.eligible, percent)} ${r.quorate ? L.quorate : L.notQuorate}`]], { x, width, size: 9.5 });
      if (v.quorumChallenged) this.out.runs([['italic', L.quorumChallenged]], { x, width, size: 9.5 });
      const outcome = v.outcome ?? 'rejected';
      const elected = (r.elected ?? []).map((id) => this.optionLabel(v, { optionId: id, label: id })).join(', ');
      const reason = `${L.outcomeReason[outcome]} (${majority})${L.locale.startsWith('en') ? ` — ${r.reason}` : ''}`;
      this.out.runs(
        [
          ['bold', `${L.outcome[outcome]}${elected ? `: ${elected}` : ''}. `],
          ['regular', reason],
        ],
        { x, width, size: 10, gap: 0.2 },
      );
      if (r.election) this.electionRound(v, r.election, x, width);
      if (!r.recountMatches) this.out.runs([['bold', L.recountMismatch]], { x, width, size: 9.5, color: ALERT });
      this.ballots(v, x, width);
    });
  }

  /** The bar, a lot drawn and what the rules allowed next: every round of an election stands in the protocol with its own. */
  private electionRound(v: ProtocolVote, e: NonNullable<NonNullable<ProtocolVote['result']>['election']>, x: number, width: number): void {
    const { L } = this;
    const names = (ids: readonly string[]) => ids.map((id) => this.optionLabel(v, { optionId: id, label: id })).join(', ');
    const lines = [L.election.needed(e.needed)];
    if (e.lot) lines.push(L.election.lot(names(e.lot.among), names(e.lot.drawn)));
    if (e.next) lines.push(L.election.next(L.election.round(e.next.round), L.election.majority[e.next.rule.majority], names(e.next.candidates)));
    else if ((v.result?.elected ?? []).length === 0 && v.result?.quorate) lines.push(L.election.noFurtherRound);
    this.out.runs([['regular', lines.join(' ')]], { x, width, size: 9.5 });
  }

  private ballots(v: ProtocolVote, x: number, width: number): void {
    const { L } = this;
    const b = v.ballots;
    if (!b || !v.result) return;
    this.out.runs([['italic', b.kind === 'named' ? L.namedVotes : b.kind === 'secret' ? L.secretVotes : L.pseudonymousVotes]], {
      x,
      width,
      size: 9,
      color: GREY,
    });
    for (const c of v.result.counts) {
      const names =
        b.kind === 'named'
          ? b.votes.filter((z) => z.optionId === c.optionId).map((z) => this.person(z.voter))
          : b.kind === 'secret'
            ? b.votes.filter((z) => z.optionId === c.optionId).map((z) => z.tokenHash.slice(0, 12))
            : b.votes.filter((z) => z.optionId === c.optionId).map((z) => z.pseudonym);
      if (names.length === 0) continue;
      this.out.runs(
        [
          ['bold', `${this.optionLabel(v, c)} (${names.length}): `],
          ['regular', names.join(', ')],
        ],
        { x: x + 12, width: width - 12, size: 8.5 },
      );
    }
    if (b.kind === 'named' && b.notVoted.length) {
      this.out.runs(
        [
          ['bold', `${L.notVoted} (${b.notVoted.length}): `],
          ['regular', b.notVoted.map((q) => this.person(q)).join(', ')],
        ],
        { x: x + 12, width: width - 12, size: 8.5 },
      );
    }
  }

  private attendance(): void {
    const { p, L } = this;
    if (p.attendance.length === 0) return;
    this.out.heading(L.attendance, 1);
    const groups = new Map<string, string[]>();
    for (const a of p.attendance) {
      const key = a.person.factionShortName ?? '';
      const marks = [a.presiding ? L.presiding : null, a.presentAtEnd ? null : L.leftEarly].filter(Boolean).join(', ');
      groups.set(key, [...(groups.get(key) ?? []), `${a.person.name || L.someone}${marks ? ` (${marks})` : ''}`]);
    }
    const keys = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
    for (const k of keys) {
      this.out.ensure(24);
      this.out.runs(
        [
          ['bold', `${k || L.noFaction} (${groups.get(k)!.length}): `],
          ['regular', groups.get(k)!.join(', ')],
        ],
        { size: 9.5, gap: 0.25 },
      );
    }
  }

  private speakingTimes(): void {
    const { p, L } = this;
    if (p.speakingTime.perPerson.length === 0) return;
    this.out.heading(L.speakingTimes, 1);
    this.out.table(
      this.out.left,
      [
        { title: L.faction, width: 180 },
        { title: L.contributions, width: 90, align: 'right' },
        { title: L.speakingTime, width: 90, align: 'right' },
      ],
      p.speakingTime.perFaction.map((f) => ({ cells: [f.factionShortName ?? f.factionId ?? L.noFaction, String(f.floors), duration(f.seconds)] })),
    );
    this.out.doc.moveDown(0.4);
    this.out.table(
      this.out.left,
      [
        { title: '', width: 180 },
        { title: L.faction, width: 90 },
        { title: L.contributions, width: 90, align: 'right' },
        { title: L.speakingTime, width: 90, align: 'right' },
      ],
      p.speakingTime.perPerson.map((s) => ({ cells: [s.person.name, s.person.factionShortName ?? '', String(s.floors), duration(s.seconds)] })),
    );
  }

  private verification(): void {
    const { p, L } = this;
    this.out.heading(L.verification, 1);
    this.out.ensure(110);
    this.out.runs([['regular', L.derivedFrom(p.record.entries)]], { size: 9.5, gap: 0.2 });
    if (p.record.chain.ok) this.out.runs([['regular', L.chainIntact]], { size: 9.5, gap: 0.4 });
    else this.out.runs([['bold', L.chainBroken(p.record.chain.seq, p.record.chain.problem)]], { size: 9.5, color: ALERT, gap: 0.4 });
    this.out.runs([['bold', `${L.headHash}:`]], { size: 9.5 });
    this.out.runs([['mono', p.record.head]], { size: 9, gap: 0.4 });
    if (p.approval) {
      this.out.runs([['bold', L.approved(this.nameOf(p.approval.by), this.stamp(p.approval.at), p.approval.seq)]], { size: 9.5 });
      this.out.runs([['regular', `${L.approvedHead}:`]], { size: 9.5 });
      this.out.runs([['mono', p.approval.head]], { size: 9, gap: 0.4 });
    } else if (p.phase === 'closed') this.out.runs([['regular', L.awaitingApproval]], { size: 9.5, gap: 0.4 });
    for (const a of p.lapsedApprovals)
      this.out.runs([['italic', L.approvalLapsed(this.nameOf(a.by), this.stamp(a.at), this.stamp(a.lapsedAt))]], { size: 9, color: GREY, gap: 0.2 });
    this.out.runs([['bold', `${L.verifyWith}:`]], { size: 9.5 });
    this.out.runs([['mono', `npm run verify-record -- ${p.sitting.id} --head ${p.record.head}`]], { size: 8 });
  }
}

/** m:ss, or h:mm:ss from an hour on; "–" for unknown. */
export function duration(totalSeconds: number | null): string {
  if (totalSeconds === null) return '–';
  const sign = totalSeconds < 0 ? '-' : '';
  const s = Math.abs(totalSeconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${sign}${h}:${String(m).padStart(2, '0')}:${sec}` : `${sign}${m}:${sec}`;
}
