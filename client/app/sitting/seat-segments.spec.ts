import { demoOverview } from '../../testing/demo-parliament';
import { independentColour, seatSegments, vacantColour } from './seat-segments';

describe('seatSegments', () => {
  const { factions } = demoOverview();

  it('gives each faction its seats and colour, then the independents', () => {
    const segments = seatSegments(49, factions, 1);

    expect(segments.map((segment) => [segment.label, segment.seats])).toEqual([
      ['SDA', 14],
      ['CVP', 12],
      ['GRN', 9],
      ['LIB', 7],
      ['LNK', 6],
      ['Ind.', 1],
    ]);
    expect(segments[0]?.colour).toBe('#d7263d');
    expect(segments[5]?.colour).toBe(independentColour);
  });

  it('shows statutory seats that nobody holds as vacant', () => {
    const segments = seatSegments(52, factions, 1);

    expect(segments.at(-1)).toEqual({ key: 'vacant', label: 'Vacant', name: 'Vacant seats', colour: vacantColour, seats: 3 });
  });

  it('leaves out factions without seats and an empty independent group', () => {
    const segments = seatSegments(0, [{ id: 'new', shortName: 'NEW', name: 'New list', colour: '#000000', seats: 0 }], 0);

    expect(segments).toEqual([]);
  });
});
