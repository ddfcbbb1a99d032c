/**
 * Reads a mind-map file off the page's thread: a 6,000-topic FreeMind file takes a few hundred ms
 * to parse, during which the page would not draw. Answers `ParsedMap` (see `parseMap.ts`).
 */
import { countTopics, ImportError, importMindMap } from '../core/interop/index.ts';
import type { ParsedMap } from './parseMap.ts';

self.onmessage = (event: MessageEvent<{ name: string; bytes: Uint8Array }>) => {
  const { name, bytes } = event.data;
  let answer: ParsedMap;
  try {
    const model = importMindMap(name, bytes);
    answer = { model, count: countTopics(model.roots) };
  } catch (err) {
    answer = {
      error:
        err instanceof ImportError
          ? { code: err.code, params: err.params }
          : { code: null, message: String(err) },
    };
  }
  self.postMessage(answer);
};
