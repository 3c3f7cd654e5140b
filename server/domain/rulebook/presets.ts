/**
 * Rulebook presets: the Bundestag (BTGO 2025), the European Parliament (9th-term numbering) and a
 * German municipal council (NRW). Every value cites /work/shared/PROCEDURE.md; where that file says
 * "unverified" (or is silent) the value is our choice and the comment says so.
 *
 * Category ids are shared between presets where the motion is the same (closure_of_debate,
 * adjournment_of_debate, referral_to_committee, …), and the named-vote exclusions use the same ids
 * as the point-of-order categories, so a procedural vote opened for a point of order can be checked
 * against `votes.namedVote.excludedCategories` by its category id.
 */
import type { RulebookPresetId } from '@contract/forms/parliament-forms';
import type { Rulebook } from '../rulebook';

type Category = Rulebook['pointsOfOrder']['categories'][number];

function category(id: string, de: string, en: string): Category {
  return { id, label: { de, en } };
}

/** Deep-freezes a preset: presets are shared constants; overrides make copies (schema.ts). */
function freeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) freeze(inner);
    Object.freeze(value);
  }
  return value;
}

const MIN = 60;

// ---------------------------------------------------------------------------------------------
// German Bundestag, BTGO 2025 (PROCEDURE.md § 1, "BT25"; BT80 differences noted where they matter)
// ---------------------------------------------------------------------------------------------
export const bundestag2025: Rulebook = freeze<Rulebook>({
  preset: 'bundestag-2025',
  name: 'Deutscher Bundestag (BTGO 2025)',
  speech: {
    limits: {
      // § 35(1) BT25: no per-speech limit; the debate (≤ 60 min) is split among groups, and the chair
      // grants each speaker the group's allotted time. (BT80 § 35: 15 min per speaker, 45 for one.)
      speech: null,
      // § 27a(1) BT25: questions "short and precise", no time limit in the text.
      interjection: null,
      // § 27a(2) BT25: Kurzintervention max 2 min. (BT80 § 27(2) Zwischenbemerkung: 3 min.)
      short_intervention: 2 * MIN,
    },
    // Not limited by the GO (PROCEDURE.md § 1 names no cap).
    maxSpeechesPerItem: null,
    interjectionsEnabled: true,
    shortInterventionsEnabled: true,
    // § 27a(2) BT25: the speaker "may answer once briefly"; no number in the text. 2 min (the length
    // of the intervention itself) is our choice — unverified.
    shortInterventionAnswerSeconds: 2 * MIN,
  },
  pointsOfOrder: {
    // § 29(4) BT25: "as a rule" max 3 min. (BT80: 5 min.)
    limitSeconds: 3 * MIN,
    // § 29(2): the President may restrict the floor to the mover (Verlangen) or one speaker per group;
    // there is no council-style "one for, one against".
    hearOneAgainst: false,
    categories: [
      // § 25(2): on motion of a group or 5 % present; closure is voted before adjournment (§ 48(4))
      // and only after every group has spoken once.
      category('closure_of_debate', 'Schluss der Aussprache', 'Closure of the debate'),
      category('adjournment_of_debate', 'Vertagung der Beratung', 'Adjournment of the debate'),
      // § 26
      category('adjournment_of_sitting', 'Vertagung der Sitzung', 'Adjournment of the sitting'),
      category('referral_to_committee', 'Überweisung an einen Ausschuss', 'Referral to a committee'),
      // § 47 BT25: demanded by a group or 5 % for members' bills, otherwise decided.
      category('split_question', 'Teilung der Frage', 'Splitting the question'),
      // § 20(3), § 53 c)
      category('agenda', 'Sitzungszeit und Tagesordnung', 'Sitting time and agenda'),
      category('shorten_deadlines', 'Abkürzung der Fristen', 'Shortening of deadlines'),
      // § 49(1) BT25: secret election on motion of a group or 5 %.
      category('secret_vote', 'Geheime Wahl', 'Secret ballot'),
      // § 45(2): a group or 5 % present doubt the quorum before a vote.
      category('quorum_check', 'Bezweiflung der Beschlussfähigkeit', 'Quorum called into question'),
      category('other_procedural', 'Sonstiger Geschäftsordnungsantrag', 'Other procedural motion'),
      // § 29(3): asking for the floor on procedure without a motion (granted at discretion).
      category('procedure_remark', 'Zur Geschäftsordnung (ohne Antrag)', 'On procedure (no motion)'),
    ],
  },
  speakingTime: {
    // § 35(1) BT25: without an agreement the President decides; the debate "should not exceed 60 min".
    debateSeconds: 60 * MIN,
    // § 35(1) BT25: distribution "oriented at the relative strength of the groups".
    split: 'seats',
    equalShare: 0,
    // The GO sets no minimum per group; 0 keeps the split strictly by strength (our reading).
    minimumPerFaction: 0,
    // § 35(4) BT25: non-attached members' time case by case, oriented at the smallest group's share:
    // null = the smallest faction's time per seat × number of independents.
    perIndependentSeconds: null,
  },
  order: {
    // § 28(1) BT25: before a further member of a group speaks, all other groups should have spoken,
    // with regard to group strength — round-robin by group.
    defaultPolicy: 'alternate_factions',
  },
  floor: {
    // The GO-BT sets no warning; the lectern's light shows the end of the time. 30 s is our choice (unverified).
    warningSeconds: 30,
    // § 36 ff. BT25: the President calls an overrunning speaker to the point and may withdraw the floor;
    // nothing ends it by itself, so no grace period (our reading).
    graceSeconds: null,
    // The President gives the floor (§ 27(1) BT25): no talking stick.
    talkingStick: false,
    // Not in the GO: the time the President takes to restore order is not the speaker's (our choice, unverified).
    clocksDuringMuteAll: 'stop',
  },
  quorum: {
    // § 45(1): more than half of its members present (base: the statutory membership).
    fraction: 1 / 2,
    strictlyMore: true,
    base: 'statutory_members',
    // § 45(2): quorum is presumed and only established when doubted before a vote, so the chair is
    // warned rather than the vote refused.
    onVoteWithoutQuorum: 'warn',
    // § 45(2): doubted before a vote by a group or 5 % present (point of order quorum_check) and not
    // affirmed by the presiding board, the vote itself is counted; abstentions and invalid votes count.
    judgedAt: 'challenge',
    // § 45(3): not quorate, the President closes the sitting at once (and may convene another the same
    // day). Plenum suspends it, and the chair closes it: the record shows both steps.
    whenNotQuorate: 'suspend_sitting',
  },
  votes: {
    // § 48(2) BT25: simple majority; abstentions/invalid count for quorum only; tie = rejected.
    defaultMajority: 'simple',
    abstentionAllowed: true,
    tie: 'fails',
    namedVote: {
      // § 52 BT25: a group or 5 % of the members (who must be present).
      demandedByFaction: true,
      demandedByShareOfPresent: 0.05,
      // § 52 BT25: by the start of the sitting. (BT80: until the vote is opened.)
      deadline: 'sitting_start',
      // § 53 BT25 a)–j), ids matching the point-of-order categories where they coincide.
      excludedCategories: [
        'committee_size', // a) Stärke des Ausschusses
        'shorten_deadlines', // b)
        'agenda', // c) Sitzungszeit und Tagesordnung
        'adjournment_of_sitting', // d)
        'adjournment_of_debate', // e) Vertagung der Beratung
        'motion_for_debate', // e) Antrag auf Aussprache
        'closure_of_debate', // e) Schluss der Aussprache
        'split_question', // f)
        'referral_to_committee', // g)
        'objection_order_measure', // h) Einspruch nach § 39 — new in BT25
        'secret_vote', // i) Durchführung geheimer Wahlen — new in BT25
        'other_procedural', // j) sonstige Verfahrensanträge — new in BT25
      ],
    },
    // § 52: voting cards are collected until the President closes the vote, so members arriving
    // while the vote is open may still vote. (In a § 51 count late entrants are not counted.)
    lateJoinersMayVote: true,
  },
  // Elections: § 2(2) GO-BT, the election of the President (and, by § 2(2) as applied, of the Vice
  // Presidents). PROCEDURE.md says nothing of rounds: every value here is unverified against it.
  // Art. 63 GG (the Chancellor: majority of members in two phases, then the most votes, with the
  // Federal President's choice) follows another scheme and is not modelled.
  elections: {
    rounds: [
      // § 2(2) sentence 1: the first ballot needs the votes of the majority of the members.
      { majority: 'members', candidates: 'all', tie: 'next_round' },
      // § 2(2) sentence 2: so does the second ballot (the same candidates; new nominations are not modelled).
      { majority: 'members', candidates: 'all', tie: 'next_round' },
      // § 2(2) sentences 3–4: a third ballot between the two with the most votes in the second; the
      // most votes win; a tie is decided by lot drawn by the presiding member (here: by Plenum, recorded).
      { majority: 'most_votes', candidates: 'top_two', tie: 'lot' },
    ],
    // Unverified: ballots on several candidates offer "no" and abstention in practice (our reading).
    noToAll: true,
  },
  // Order measures, §§ 36–39 (PROCEDURE.md § 1 "Order measures"; numbering as in GO-BT 1980 and BT25 § 36/37).
  orderMeasures: {
    // § 36: the President may call a speaker who strays from the subject to the point (Sachruf).
    callToPoint: true,
    // § 37 (BT25 § 36/37, PROCEDURE.md): after the third call to the point (or to order) in one speech, the
    // floor is withdrawn. BT80 § 37 adds a warning at the second call: the chair gives it in words.
    withdrawAfterCalls: 3,
    callsCountedPer: 'speech',
    // § 38(1) BT80: exclusion for up to 30 sitting days. BT25 keeps "excluded for the sitting" after three
    // calls to order (PROCEDURE.md); its longest exclusion is unverified: 30 kept.
    maxExclusionSittingDays: 30,
    // § 39 BT80: the excluded member may object in writing by the next sitting day; the Bundestag decides
    // without debate. BT25 § 53 excludes named votes on objections to order measures, so objection remains.
    objection: true,
  },
});

// ---------------------------------------------------------------------------------------------
// European Parliament, 9th-term rule numbers (PROCEDURE.md § 2)
// ---------------------------------------------------------------------------------------------
export const europeanParliament: Rulebook = freeze<Rulebook>({
  preset: 'european-parliament',
  name: 'European Parliament',
  speech: {
    limits: {
      // Rule 171: speakers of the first part get their group's allocated time; catch-the-eye speeches
      // (≤ 1 min as a rule) are granted by the chair with a 60 s limit. No single default fits both.
      speech: null,
      // Blue card: a question of ≤ 30 s (secondary source [BC]).
      interjection: 30,
      short_intervention: null,
    },
    // Not regulated in PROCEDURE.md (unverified).
    maxSpeechesPerItem: null,
    // Blue card: only if the speaker accepts.
    interjectionsEnabled: true,
    // No short intervention in the EP; catch-the-eye takes its place.
    shortInterventionsEnabled: false,
    shortInterventionAnswerSeconds: null,
  },
  pointsOfOrder: {
    // Rule 195: point of order max 1 min; Rule 196: procedural motions 1 min each.
    limitSeconds: MIN,
    // Rule 196: besides the mover, one speaker against (plus committee chair or rapporteur).
    // (A Rule 195 point of order is ruled on by the President without a vote.)
    hearOneAgainst: true,
    categories: [
      // Rule 195: non-compliance with the Rules, naming the Rule; precedence over everything.
      category('point_of_order', 'Bemerkung zur Geschäftsordnung (Art. 195)', 'Point of order (Rule 195)'),
      // Rule 196 procedural motions:
      category('referral_to_committee', 'Rücküberweisung an den Ausschuss (Art. 198)', 'Referral back to committee (Rule 198)'),
      category('closure_of_debate', 'Schluss der Aussprache (Art. 199)', 'Closure of the debate (Rule 199)'),
      category('adjournment_of_debate', 'Vertagung der Aussprache und der Abstimmung (Art. 200)', 'Adjournment of debate and vote (Rule 200)'),
      category('suspension_of_sitting', 'Unterbrechung der Sitzung (Art. 201)', 'Suspension of the sitting (Rule 201)'),
      category('closure_of_sitting', 'Schluss der Sitzung (Art. 201)', 'Closure of the sitting (Rule 201)'),
      // Rule 178: request, before the vote, by at least 38 Members to establish the quorum.
      category('quorum_check', 'Antrag auf Feststellung der Beschlussfähigkeit (Art. 178)', 'Request to establish the quorum (Rule 178)'),
    ],
  },
  speakingTime: {
    // Rule 171(1): allocated per debate (Conference of Presidents, plenary decides); no default length.
    debateSeconds: null,
    // Rule 171(4): a first fraction equally among the groups, a second fraction by number of members.
    split: 'equal_plus_seats',
    // Unverified: the Rule does not fix the size of the two fractions (PROCEDURE.md § 2). 0.2 is our
    // choice: a floor for small groups while the split stays close to group size.
    equalShare: 0.2,
    minimumPerFaction: 0,
    // Rule 171(4)(c): non-attached Members get an overall time "based on the fractions allocated to
    // each group"; approximated as the smallest group's time per seat × non-attached Members.
    perIndependentSeconds: null,
  },
  order: {
    // Rule 171(3): rounds of speakers per group in the order of the groups' size.
    defaultPolicy: 'alternate_factions',
  },
  floor: {
    // Rule 171 sets the times, not a warning; 30 s is our choice (unverified).
    warningSeconds: 30,
    // In practice the President cuts the microphone once the time is up (PROCEDURE.md is silent on a
    // grace period): none is automatic here, the chair ends the floor (unverified).
    graceSeconds: null,
    // The President gives the floor (Rule 171): no talking stick.
    talkingStick: false,
    // Not in the Rules: the interruption is not charged to the speaker (our choice, unverified).
    clocksDuringMuteAll: 'stop',
  },
  quorum: {
    // Rule 178: one third of the component Members.
    fraction: 1 / 3,
    strictlyMore: false,
    base: 'statutory_members',
    // Rule 178: every vote is valid regardless of turnout unless 38 Members request a check before it.
    onVoteWithoutQuorum: 'warn',
    // Rule 178(2)–(3): established only on that request, made before the vote.
    judgedAt: 'challenge',
    // Rule 178(3): without a quorum the vote is placed on the agenda of the next sitting; the sitting
    // itself goes on (PROCEDURE.md names no suspension).
    whenNotQuorate: 'continue',
  },
  votes: {
    // Current Rule 194 / Art. 231 TFEU: majority of votes cast; only votes for and against count.
    defaultMajority: 'simple',
    abstentionAllowed: true,
    // Tie outcome unverified in PROCEDURE.md; a tie does not reach a majority of votes cast, so it fails.
    tie: 'fails',
    namedVote: {
      // Rule 190: roll call on written request of a political group or Members reaching the low
      // threshold (1/20 of component Members — unverified). Plenum measures the share against the
      // members present, which is the nearest field.
      demandedByFaction: true,
      demandedByShareOfPresent: 1 / 20,
      // Rule 190: by the evening before the vote (the President may set another deadline).
      deadline: 'evening_before',
      // PROCEDURE.md names no items excluded from roll-call votes.
      excludedCategories: [],
    },
    // Electronic voting is open to every Member present while the vote is open (our reading).
    lateJoinersMayVote: true,
  },
  // Elections: Rule 15 (9th-term numbering, as the brief gives it; unverified — not in PROCEDURE.md).
  elections: {
    rounds: [
      // The first three ballots need an absolute majority of the votes cast; blank and spoilt ballots
      // are not counted (unverified).
      { majority: 'votes', candidates: 'all', tie: 'next_round' },
      { majority: 'votes', candidates: 'all', tie: 'next_round' },
      { majority: 'votes', candidates: 'all', tie: 'next_round' },
      // The fourth ballot is confined to the two with the most votes in the third; the most votes win.
      // On a tie the Rule elects the elder candidate. Plenum holds no dates of birth, so a lot drawn
      // and recorded by Plenum stands in: a deviation the chair must know (and may correct by
      // cancelling and preparing a new vote).
      { majority: 'most_votes', candidates: 'top_two', tie: 'lot' },
    ],
    // Unverified: only votes for candidates count; there is no "no to all" on an EP ballot (our reading).
    noToAll: false,
  },
  // Order measures, Rules 175–176 (9th-term numbering, as the brief gives it; not in PROCEDURE.md, so every
  // value is unverified against it).
  orderMeasures: {
    // Rule 175(1): the President calls to order; the Rules know no separate call to the point (unverified).
    callToPoint: false,
    // Rule 175(2)–(3): a second call to order is recorded in the minutes; should the disturbance go on, the
    // member may be denied the right to speak: after two calls in the sitting (unverified).
    withdrawAfterCalls: 2,
    callsCountedPer: 'sitting',
    // Rule 176(4)(c): temporary suspension from participation for 2 to 30 consecutive sitting days (unverified).
    maxExclusionSittingDays: 30,
    // Rule 177: an internal appeal to the Bureau against a penalty (unverified); recorded as an objection.
    objection: true,
  },
});

// ---------------------------------------------------------------------------------------------
// German municipal council, NRW example: GO NRW §§ 49, 50 + Geschäftsordnung Nottuln (PROCEDURE.md § 3)
// ---------------------------------------------------------------------------------------------
export const municipalCouncil: Rulebook = freeze<Rulebook>({
  preset: 'municipal-council-nrw',
  name: 'Gemeinderat (NRW)',
  speech: {
    limits: {
      // [Nott]: a speech max 5 min (the council may lengthen or shorten).
      speech: 5 * MIN,
      interjection: null,
      short_intervention: null,
    },
    // [Nott]: a member may speak at most twice on one item.
    maxSpeechesPerItem: 2,
    // Interjection questions and short interventions are not regulated (unverified): off.
    interjectionsEnabled: false,
    shortInterventionsEnabled: false,
    shortInterventionAnswerSeconds: null,
  },
  pointsOfOrder: {
    // No typical GO-speech length (unverified; 2 min was proposed in Hilden and rejected [Hild]).
    // 2 min is our choice for the mover and the one speaker against.
    limitSeconds: 2 * MIN,
    // [Nott]: after the motion one member for and one against (Gegenrede), then the vote.
    hearOneAgainst: true,
    categories: [
      category('closure_of_debate', 'Schluss der Aussprache', 'Closure of the debate'),
      category('closure_of_speakers_list', 'Schluss der Rednerliste', "Closure of the speakers' list"),
      category('referral_to_committee', 'Verweisung an einen Ausschuss oder den Bürgermeister', 'Referral to a committee or the mayor'),
      category('adjournment_of_debate', 'Vertagung', 'Adjournment'),
      category('suspension_of_sitting', 'Unterbrechung der Sitzung', 'Interruption of the sitting'),
      category('adjournment_of_sitting', 'Vertagung der Sitzung', 'Adjournment of the sitting'),
      category('exclude_public', 'Ausschluss der Öffentlichkeit', 'Exclusion of the public'),
      category('restore_public', 'Wiederherstellung der Öffentlichkeit', 'Restoration of the public'),
      // § 50(1) GO NRW: named vote on request of members as set by the council's rules.
      category('named_vote', 'Namentliche Abstimmung', 'Named vote'),
      // § 50(1) GO NRW: secret vote on request of ≥ 1/5 of the members; beats a named vote.
      category('secret_vote', 'Geheime Abstimmung', 'Secret vote'),
      category('removal_from_agenda', 'Absetzung von der Tagesordnung', 'Removal from the agenda'),
    ],
  },
  speakingTime: {
    // Speaking time is per speaker, not per group (unverified): no faction quotas by default.
    debateSeconds: null,
    split: 'seats',
    equalShare: 0,
    minimumPerFaction: 0,
    perIndependentSeconds: null,
  },
  order: {
    // Typical council rules: the mayor gives the floor in the order of requests (our reading).
    defaultPolicy: 'first_come',
  },
  floor: {
    // A 5 min speech (Nottuln GO, PROCEDURE.md § 3) with a warning 30 s before the end: our choice (unverified).
    warningSeconds: 30,
    // The mayor ends the speech (typical GO); no automatic end (our reading, unverified).
    graceSeconds: null,
    // The mayor gives the floor in the order of requests: no talking stick.
    talkingStick: false,
    // Not regulated in GO NRW or the typical GO: the interruption is not the speaker's (our choice, unverified).
    clocksDuringMuteAll: 'stop',
  },
  quorum: {
    // § 49(1) GO NRW: more than half of the statutory membership present (the mayor counts).
    fraction: 1 / 2,
    strictlyMore: true,
    base: 'statutory_members',
    // PROCEDURE.md gives the quorum as a plain condition with no doubt procedure, and Plenum knows
    // who is present: the vote is refused. (GO NRW presumes the council quorate until the lack of
    // quorum is established — not in PROCEDURE.md, unverified; override to 'warn' if preferred.)
    onVoteWithoutQuorum: 'refuse',
    // Judged by the members present when a vote opens (or the ballots cast): our reading of § 49(1) as
    // a plain condition. Unverified: a council presumed quorate would set 'challenge'.
    judgedAt: 'opening',
    // Unverified: PROCEDURE.md names no consequence; a council that cannot decide stops (our choice).
    whenNotQuorate: 'suspend_sitting',
  },
  votes: {
    // § 50(1) GO NRW: majority of votes; tie = rejected; § 50(5): abstentions and invalid votes count
    // for the quorum only.
    defaultMajority: 'simple',
    abstentionAllowed: true,
    tie: 'fails',
    namedVote: {
      // § 50(1): the number of members is set by the council's own rules; Marl example: one group.
      demandedByFaction: true,
      demandedByShareOfPresent: null,
      deadline: 'until_vote_opens',
      // GO NRW excludes no items from a named vote.
      excludedCategories: [],
    },
    // Open votes are taken from the members present when the question is put (our reading).
    lateJoinersMayVote: false,
  },
  // Elections: § 50(2) GO NRW (not in PROCEDURE.md: unverified against it).
  elections: {
    rounds: [
      // Elected is who gets more than half of the valid votes; no-votes count as valid.
      { majority: 'votes', candidates: 'all', tie: 'next_round' },
      // Else a run-off (Stichwahl) between the two with the most votes; the most votes win; a tie is
      // decided by lot. A tie for second place before the run-off: all so tied stand (our choice).
      { majority: 'most_votes', candidates: 'top_two', tie: 'lot' },
    ],
    // § 50(2) sentence 2: no-votes are valid votes, so a ballot offers "no".
    noToAll: true,
  },
  // Order measures: GO NRW § 51(2)–(3) and the council's own Geschäftsordnung (not in PROCEDURE.md:
  // every value is unverified against it).
  orderMeasures: {
    // Council rules commonly let the mayor call a speaker "zur Sache" (unverified).
    callToPoint: true,
    // Commonly: the floor is withdrawn after the third call in the same speech (unverified).
    withdrawAfterCalls: 3,
    callsCountedPer: 'speech',
    // § 51(3) GO NRW: for a gross breach the council may exclude a member from one or more sittings; the
    // number is the council's rules' (unverified): 3 is our choice.
    maxExclusionSittingDays: 3,
    // The member may object, and the council decides (our reading of § 51(3); unverified).
    objection: true,
  },
});

/** Keyed by `Rulebook.preset`: one for each id the settings form offers (contract/forms/parliament-forms.ts). */
export const presets: Readonly<Record<RulebookPresetId, Rulebook>> = Object.freeze({
  'bundestag-2025': bundestag2025,
  'european-parliament': europeanParliament,
  'municipal-council-nrw': municipalCouncil,
});
