import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder';
import './scalars';
import './errors';
import './roster';
import './roster-import';
import './booths';
import './sittings';
import './viewer';
import './votes';
import './procedure';
import './procedure-mutations';
import './procedure-fields';
import './order-measures';
import './protocol-desk';
import './named-vote-demands';
import './lobby';
import './public';
import './public-sittings';
import './arrangements';
import './broadcast';
import './parliament-settings';
import './admin-log';

/** The schema, types sorted so the printed file diffs cleanly. */
export const schema = lexicographicSortSchema(builder.toSchema());
