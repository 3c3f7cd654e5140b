// Prints the GraphQL schema to schema/schema.graphql (committed); `--check` exits 1 when the file is stale.
import fs from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../server/graphql';

const file = new URL('../schema/schema.graphql', import.meta.url);
const printed = printSchema(schema) + '\n';
if (process.argv.includes('--check')) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current !== printed) {
    console.error('schema/schema.graphql is stale: run `npm run schema:print` and commit it.');
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date');
} else {
  fs.writeFileSync(file, printed);
  console.log(`wrote ${file.pathname}`);
}
