import { emptyVoteDraftForm, voteDraftInput, voteDraftProblems } from './vote-draft-form';

describe('an election in the vote preparation form', () => {
  const form = { ...emptyVoteDraftForm(), title: 'Election of the President', optionSet: 'election' as const, candidates: 'Anna Berg\n\n Carl Dorn \n' };

  it('sends the candidates as YES options and the seats', () => {
    expect(voteDraftProblems(form)).toEqual([]);
    expect(voteDraftInput(form, null)).toEqual(
      jasmine.objectContaining({
        options: [
          { label: 'Anna Berg', meaning: 'YES' },
          { label: 'Carl Dorn', meaning: 'YES' },
        ],
        abstention: true,
        election: { seats: 1 },
      }),
    );
    expect(voteDraftInput(emptyVoteDraftForm(), null).election).toBeNull();
  });

  it('refuses no candidates, a candidate twice, and seats beyond the candidates', () => {
    expect(voteDraftProblems({ ...form, candidates: ' \n ' })).toContain('no-candidates');
    expect(voteDraftProblems({ ...form, candidates: 'Anna Berg\nanna berg' })).toContain('duplicate-candidates');
    expect(voteDraftProblems({ ...form, seats: 3 })).toContain('seats-invalid');
    expect(voteDraftProblems({ ...form, seats: 0 })).toContain('seats-invalid');
    expect(voteDraftProblems({ ...form, candidates: Array.from({ length: 51 }, (_, i) => `C ${i}`).join('\n') })).toContain('too-many-candidates');
  });
});
