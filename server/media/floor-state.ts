import type { Arrangements } from '../domain/arrangements';
import type { ProcedureState } from '../domain/procedure/state';
import { exclusionOf } from '../domain/procedure/evolve-order';
import type { FloorState } from './topology';

/**
 * The media's floor state from what procedure and the chamber decided: the holder of the floor
 * (and an interjection's asker beside them), "mute all", the chair's individual mutes and exclusions,
 * booths on air, relays and subrooms.
 * A mapping only; nothing here decides.
 */
export function floorStateOf(procedure: ProcedureState, chamber: Arrangements): FloorState {
  const floor = procedure.phase === 'open' ? procedure.floor : null;
  const speakers = floor ? [floor.person.personId, ...(floor.interjection ? [floor.interjection.person.personId] : [])] : [];
  const subrooms = new Map<string, string>();
  for (const room of chamber.subrooms) for (const id of room.members) subrooms.set(id, room.id);
  return {
    speakers,
    mutedAll: procedure.mutedAll,
    liveInterpreters: new Map(Object.entries(chamber.onAir)),
    relays: new Map(Object.entries(chamber.relays)),
    subrooms,
    // Sorted: the same measures compare equal whatever order the record gave them.
    muted: Object.keys(procedure.order.muted).sort(),
    excluded: [...new Set(Object.values(procedure.order.exclusions).map((x) => x.person.personId))].filter((id) => exclusionOf(procedure, id)).sort(),
  };
}
