import type { GraphQLContext } from './context';
import type { PersonRef as RecordedPerson } from '../domain/procedure/events';
import type { Person } from '../domain/parliament';

/** The roster's person behind a recorded reference (the record keeps name and faction as they were). */
export async function personOf(ref: RecordedPerson, ctx: GraphQLContext): Promise<Person> {
  const p = await ctx.loaders.person(ref.personId);
  if (!p) throw new Error(`person ${ref.personId} of the record is no longer in the roster`);
  return p;
}
