import type { MindMapModel } from '../core/interop/model.ts';

/** What the import worker answers: the map read from the file, or why it was refused. */
export type ParsedMap =
  | { model: MindMapModel; count: number }
  | {
      error:
        { code: string; params: Record<string, string | number> } | { code: null; message: string };
    };

/**
 * Reads a mind-map file into the exchange model in a Web Worker (in the page's thread where there
 * are no workers: Node, tests), with the same refusals (`ImportError`) as `importMindMap`.
 * @example const { model, count } = await parseMap('so-do.mm', bytes)
 */
export async function parseMap(
  name: string,
  bytes: Uint8Array,
): Promise<{ model: MindMapModel; count: number }> {
  const { ImportError, countTopics, importMindMap } = await import('../core/interop/index.ts');
  if (typeof Worker === 'undefined') {
    const model = importMindMap(name, bytes);
    return { model, count: countTopics(model.roots) };
  }
  const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  try {
    const answer = await new Promise<ParsedMap>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<ParsedMap>) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(event.message || 'the import worker failed'));
      worker.postMessage({ name, bytes }, [bytes.buffer]);
    });
    if (!('error' in answer)) return answer;
    const { error } = answer;
    throw error.code === null
      ? new Error(error.message)
      : new ImportError(error.code, error.params);
  } finally {
    worker.terminate();
  }
}
