import { writeFileSync } from 'node:fs';
import { auditCsv } from '../audit.ts';
import { loadConfig } from '../config.ts';
import { openStore } from '../store/open.ts';

const usage = `Usage:
  npm run audit -- verify              check that the stored audit trail is intact (exit 1 if not)
  npm run audit -- export FILE.csv     write the whole trail to a CSV file

Reads DATA_DIR (or DATABASE_URL) like the server. Run it with the server stopped or running.`;

async function main(args: string[]): Promise<number> {
  const [command, file] = args;
  if (command !== 'verify' && !(command === 'export' && file)) {
    console.error(usage);
    return 2;
  }
  const config = loadConfig(process.env);
  const store = await openStore(config);
  try {
    if (command === 'verify') {
      const check = await store.verifyAudit();
      if (check.ok) {
        console.log(`Audit trail intact: ${check.checked} entries checked.`);
        console.log(`Newest hash: ${check.head}`);
        console.log('Write the newest hash down elsewhere: it also shows if newest entries vanish.');
        return 0;
      }
      console.error(
        `Audit trail BROKEN at entry ${check.brokenAt}: it was altered, removed or inserted outside CaseBoard (${check.checked} entries checked before it).`,
      );
      return 1;
    }
    const events = await store.queryAudit({ limit: Number.MAX_SAFE_INTEGER });
    const titles = new Map<string, string>();
    for (const id of new Set(events.map((e) => e.caseId)))
      if (id) titles.set(id, (await store.getCase(id))?.title ?? '');
    writeFileSync(file!, auditCsv(events, titles));
    console.log(`Wrote ${events.length} entries to ${file}.`);
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(String(err));
    process.exit(1);
  },
);
