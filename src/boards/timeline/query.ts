import { readTimeline, type Timeline } from '../../core/timeline.ts';
import type { DocQuery } from '../../sync/useDoc.ts';
import { evidenceChartsWatch } from '../graph/queries.ts';

/**
 * The case timeline: register events, with the evidence linked to them on evidence charts. It
 * depends on the register and the evidence charts only, so typing in a mind map reruns nothing.
 */
export const timelineQuery: DocQuery<Timeline> = {
  watch: evidenceChartsWatch,
  read: readTimeline,
};
