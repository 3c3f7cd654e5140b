import { describe, expect, it } from 'vitest';
import { InputError } from '../errors';
import { bundestag2025, europeanParliament, municipalCouncil } from './presets';
import { applyOverrides, parseRulebook, rulebookSchema } from './schema';

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const paths = (error: InputError): string[] => error.issues.map((i) => i.path.join('.'));

describe('rulebookSchema', () => {
  it('accepts the presets and a JSON round trip of them', () => {
    for (const preset of [bundestag2025, europeanParliament, municipalCouncil]) {
      expect(parseRulebook(JSON.parse(JSON.stringify(preset)))).toEqual(preset);
    }
  });

  it('rejects out-of-range values with the path of each', () => {
    const bad = structuredClone(bundestag2025) as unknown as Record<string, Record<string, unknown>>;
    (bad['speakingTime'] as Record<string, unknown>)['equalShare'] = 1.5;
    (bad['quorum'] as Record<string, unknown>)['fraction'] = 0;
    (bad['pointsOfOrder'] as Record<string, unknown>)['limitSeconds'] = 2.5;
    (bad['speech'] as Record<string, unknown>)['maxSpeechesPerItem'] = 0;
    const error = inputError(() => parseRulebook(bad));
    expect(paths(error).sort()).toEqual(['pointsOfOrder.limitSeconds', 'quorum.fraction', 'speakingTime.equalShare', 'speech.maxSpeechesPerItem']);
  });

  it('needs at least one point-of-order category, each with a unique id and two labels', () => {
    expect(paths(inputError(() => parseRulebook({ ...bundestag2025, pointsOfOrder: { ...bundestag2025.pointsOfOrder, categories: [] } })))).toEqual([
      'pointsOfOrder.categories',
    ]);
    const twice = { id: 'closure_of_debate', label: { de: 'Schluss', en: 'Closure' } };
    expect(paths(inputError(() => parseRulebook({ ...bundestag2025, pointsOfOrder: { ...bundestag2025.pointsOfOrder, categories: [twice, twice] } })))).toEqual(
      ['pointsOfOrder.categories.1'],
    );
    const blank = { id: 'x', label: { de: ' ', en: 'X' } };
    expect(paths(inputError(() => parseRulebook({ ...bundestag2025, pointsOfOrder: { ...bundestag2025.pointsOfOrder, categories: [blank] } })))).toEqual([
      'pointsOfOrder.categories.0.label.de',
    ]);
  });

  it('refuses "more than all members" as a quorum and a named vote nobody may demand', () => {
    expect(paths(inputError(() => parseRulebook({ ...bundestag2025, quorum: { ...bundestag2025.quorum, fraction: 1 } })))).toEqual(['quorum.fraction']);
    expect(rulebookSchema.safeParse({ ...bundestag2025, quorum: { ...bundestag2025.quorum, fraction: 1, strictlyMore: false } }).success).toBe(true);
    const nobody = { ...bundestag2025.votes.namedVote, demandedByFaction: false, demandedByShareOfPresent: null };
    expect(paths(inputError(() => parseRulebook({ ...bundestag2025, votes: { ...bundestag2025.votes, namedVote: nobody } })))).toEqual([
      'votes.namedVote.demandedByShareOfPresent',
    ]);
  });

  it('rejects unknown fields and unknown enum values', () => {
    expect(paths(inputError(() => parseRulebook({ ...bundestag2025, extra: 1 })))).toEqual(['']);
    expect(paths(inputError(() => parseRulebook({ ...bundestag2025, order: { defaultPolicy: 'loudest_first' } })))).toEqual(['order.defaultPolicy']);
    expect(paths(inputError(() => parseRulebook({ ...bundestag2025, votes: { ...bundestag2025.votes, tie: 'chair_decides' } })))).toEqual(['votes.tie']);
  });
});

describe('applyOverrides', () => {
  it('deep-merges a partial rulebook and leaves the base alone', () => {
    const merged = applyOverrides(bundestag2025, { speech: { limits: { speech: 300 } }, quorum: { onVoteWithoutQuorum: 'refuse' } });
    expect(merged.speech.limits).toEqual({ speech: 300, interjection: null, short_intervention: 120 });
    expect(merged.quorum).toEqual({ ...bundestag2025.quorum, onVoteWithoutQuorum: 'refuse' });
    expect(merged.pointsOfOrder).toEqual(bundestag2025.pointsOfOrder);
    expect(bundestag2025.speech.limits.speech).toBeNull();
  });

  it('replaces arrays wholesale and lets null clear a nullable field', () => {
    const categories = [{ id: 'closure_of_debate', label: { de: 'Schluss der Debatte', en: 'Closure' } }];
    const merged = applyOverrides(municipalCouncil, { pointsOfOrder: { categories }, speech: { limits: { speech: null }, maxSpeechesPerItem: null } });
    expect(merged.pointsOfOrder.categories).toEqual(categories);
    expect(merged.speech.limits.speech).toBeNull();
    expect(merged.speech.maxSpeechesPerItem).toBeNull();
  });

  it('treats null and undefined as no overrides', () => {
    expect(applyOverrides(europeanParliament, null)).toEqual(europeanParliament);
    expect(applyOverrides(europeanParliament, undefined)).toEqual(europeanParliament);
    expect(applyOverrides(europeanParliament, {})).toEqual(europeanParliament);
  });

  it('names misspelt and unknown fields by their path, __proto__ included', () => {
    expect(paths(inputError(() => applyOverrides(bundestag2025, { quorom: { fraction: 0.4 }, speech: { limit: {} } })))).toEqual(['quorom', 'speech.limit']);
    const polluted = JSON.parse('{"__proto__": {"polluted": true}, "votes": {"constructor": 1}}') as unknown;
    expect(paths(inputError(() => applyOverrides(bundestag2025, polluted)))).toEqual(['__proto__', 'votes.constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('validates the merged result and reports the paths of bad values', () => {
    const error = inputError(() => applyOverrides(bundestag2025, { speakingTime: { equalShare: -0.1, minimumPerFaction: -5 }, speech: 'long' }));
    expect(paths(error).sort()).toEqual(['speakingTime.equalShare', 'speakingTime.minimumPerFaction', 'speech']);
    expect(error.message).toContain('speakingTime.equalShare');
  });

  it('rejects overrides that are not an object', () => {
    expect(paths(inputError(() => applyOverrides(bundestag2025, [1, 2])))).toEqual(['']);
    expect(paths(inputError(() => applyOverrides(bundestag2025, 'bundestag')))).toEqual(['']);
  });
});
