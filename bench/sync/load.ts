/**
 * One load process of the fan-out benchmark: the editors of some rooms, driven over IPC by the
 * benchmark (bench/sync/fanout.ts). Every room lives wholly in one load process, so a change and its
 * arrival in the room's other editors are timed on the same monotonic clock (this process's
 * `performance.now()`); no clocks of different processes are compared.
 *
 * Messages in: `open` (connect the editors, answers once all are synced), `run` (change the
 * document at a rate for a while, answers with the latencies), `close` (answers, then exits).
 */
import { performance } from 'node:perf_hooks';
import { connectEditor, type Editor, type ServerKind } from './clients.ts';

export type LoadCommand =
  | {
      cmd: 'open';
      kind: ServerKind;
      port: number;
      token: string | null;
      rooms: string[];
      editors: number;
    }
  | { cmd: 'run'; seconds: number; rate: number }
  | { cmd: 'close' };

export type LoadAnswer =
  | { answer: 'open' }
  | { answer: 'run'; samples: number[]; sent: number }
  | { answer: 'close' }
  | { answer: 'error'; message: string };

// Every y-websocket client in Node adds a process exit listener; hundreds run at once here.
process.setMaxListeners(0);

const editors: Editor[] = [];
let perRoom = 0;
/** Latencies (ms) seen since the last `run` began; receipt and send on this process's clock. */
let samples: number[] = [];

/** Connects `count` editors to each room; each timestamps the others' changes as they arrive. */
async function open(command: Extract<LoadCommand, { cmd: 'open' }>): Promise<void> {
  perRoom = command.editors;
  for (const room of command.rooms) {
    for (let e = 0; e < command.editors; e++) {
      const editor = connectEditor(command.kind, command.port, room, command.token);
      const key = `e${e}`;
      editor.doc.getMap<{ t: number }>('bench').observe((event, transaction) => {
        if (transaction.local) return;
        const now = performance.now();
        for (const changed of event.keysChanged) {
          if (changed === key) continue;
          const value = event.target.get(changed);
          if (value) samples.push(now - value.t);
        }
      });
      editors.push(editor);
    }
  }
  await Promise.all(editors.map((e) => e.synced));
}

/**
 * Every editor changes the document about `rate` times a second for `seconds`, each from its own
 * phase of the period (spread by the golden ratio), as independent people would: editors that all
 * started in step would arrive as bursts and measure the bursts' queue, not the server.
 */
async function run(seconds: number, rate: number): Promise<{ samples: number[]; sent: number }> {
  samples = [];
  let sent = 0;
  const timers: NodeJS.Timeout[] = [];
  editors.forEach((editor, i) => {
    const period = 1000 / rate + ((i * 7) % 11);
    const change = () => {
      editor.doc.getMap<{ t: number }>('bench').set(`e${i % perRoom}`, { t: performance.now() });
      sent++;
    };
    const phase = ((i * 0.618034) % 1) * period;
    timers.push(
      setTimeout(() => {
        change();
        timers.push(setInterval(change, period));
      }, phase),
    );
  });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  for (const timer of timers) clearTimeout(timer);
  // What is still on its way arrives.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const result = { samples, sent };
  samples = [];
  return result;
}

function answer(message: LoadAnswer): Promise<void> {
  return new Promise((resolve) => process.send!(message, () => resolve()));
}

process.on('message', (command: LoadCommand) => {
  void (async () => {
    try {
      if (command.cmd === 'open') {
        await open(command);
        await answer({ answer: 'open' });
      } else if (command.cmd === 'run') {
        await answer({ answer: 'run', ...(await run(command.seconds, command.rate)) });
      } else {
        for (const editor of editors) editor.destroy();
        await answer({ answer: 'close' });
        process.exit(0);
      }
    } catch (err) {
      await answer({ answer: 'error', message: String(err) });
    }
  })();
});
