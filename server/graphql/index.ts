import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder';
import './scalars';
import './errors';
import './roster';
import './sittings';
import './viewer';

/** The schema, types sorted so the printed file diffs cleanly. */
export const schema = lexicographicSortSchema(builder.toSchema());
