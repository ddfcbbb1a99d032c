import { useEffect, useState } from 'react';
import { readingProgress, type ReadingState } from './searchApi.ts';

export interface Reading {
  /** Whether the server reads scans (tesseract with Vietnamese); null until it has answered. */
  ocr: boolean | null;
  files: ReadonlyMap<string, ReadingState>;
}

const BUSY_POLL_MS = 2000;

/**
 * How far the server got reading each file of the case, asked again every 2 s while some file is
 * waiting or being read, and whenever the case's files change (`filesKey`).
 */
export function useReading(caseId: string, filesKey: string, lang: string): Reading {
  const [reading, setReading] = useState<Reading>({ ocr: null, files: new Map() });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      readingProgress(caseId, lang).then(
        (answer) => {
          if (stopped) return;
          setReading({ ocr: answer.ocr, files: new Map(answer.files.map((f) => [f.hash, f])) });
          const busy = answer.files.some((f) => f.state === 'queued' || f.state === 'reading');
          if (busy) timer = setTimeout(ask, BUSY_POLL_MS);
        },
        () => {
          if (!stopped) timer = setTimeout(ask, BUSY_POLL_MS * 5);
        },
      );
    };
    ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [caseId, filesKey, lang]);
  return reading;
}
