// npm run token -- --name "SEND programme manager" --role editor
// Creates an API token directly in DATABASE_PATH (for a first admin when ADMIN_TOKEN is not used) and
// prints its secret once.
import { parseArgs } from 'node:util';
import { loadEnv } from '../config.js';
import { connect } from '../db/client.js';
import { Store, SYSTEM_ACTOR } from '../db/store.js';
import { TokensRepo } from '../db/repos/tokens.js';

const { values } = parseArgs({ options: { name: { type: 'string' }, role: { type: 'string', default: 'admin' } } });
const role = values.role;
if (!values.name || (role !== 'viewer' && role !== 'editor' && role !== 'admin')) {
  console.error('usage: npm run token -- --name "<who it is for>" --role viewer|editor|admin');
  process.exit(2);
}
const env = loadEnv();
const database = await connect({ path: env.DATABASE_PATH, url: env.DATABASE_URL });
try {
  const { row, secret } = await new TokensRepo(new Store(database, () => new Date())).create(values.name, role, { ...SYSTEM_ACTOR, name: 'npm run token' });
  console.log(`Created ${row.role} token ${row.id} for "${row.name}". The secret is shown only now:\n${secret}`);
} finally {
  await database.close();
}
