import { loadConfig } from '../config.ts';
import { openStore } from '../store/open.ts';
import { createUser } from '../users.ts';
import { ApiError } from '../errors.ts';
import { ZodError } from 'zod';

const usage = `Usage:
  npm run user -- add NAME --password-stdin [--admin] [--display-name "Full Name"]
  npm run user -- list

Reads the password from standard input, e.g.
  printf '%s' "$PASSWORD" | npm run user -- add ksv.lan --password-stdin --display-name "Trần Thị Lan"`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(args: string[]): Promise<number> {
  const config = loadConfig(process.env);
  const [command, name] = args;
  if (command === 'list') {
    const store = await openStore(config);
    for (const u of await store.listUsers())
      console.log(`${u.username}\t${u.displayName}${u.admin ? '\tadmin' : ''}`);
    await store.close();
    return 0;
  }
  if (command !== 'add' || !name || !args.includes('--password-stdin')) {
    console.error(usage);
    return 2;
  }
  const displayIndex = args.indexOf('--display-name');
  const displayName = displayIndex >= 0 ? args[displayIndex + 1] : undefined;
  const password = await readStdin();
  const store = await openStore(config);
  try {
    const user = await createUser(store, {
      username: name,
      password,
      displayName,
      admin: args.includes('--admin'),
    });
    console.log(`Created ${user.admin ? 'administrator' : 'user'} ${user.username}.`);
    return 0;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'user.exists')
      console.error(`User ${name} already exists.`);
    else if (err instanceof ZodError) console.error(err.issues.map((i) => i.message).join('\n'));
    else throw err;
    return 1;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
