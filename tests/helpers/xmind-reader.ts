import { unzipSync } from 'fflate';
import { validator, Workbook } from 'xmind-model';

/**
 * What XMind's own model library (xmind-model, the core model of XMind Zen, from XMind Ltd) reads
 * from an .xmind archive's content.json: the first sheet's topics with their markers, labels,
 * notes, folds, links, positions, boundaries and summaries, the relationships, and the errors its
 * JSON schema finds.
 */
export interface XMindTopicRead {
  title: string;
  markers: string[];
  labels: string[];
  note?: string;
  folded: boolean;
  href?: string;
  position?: { x: number; y: number };
  boundaries: number;
  summaries: number;
  children: XMindTopicRead[];
  detached: XMindTopicRead[];
}

interface TopicModel {
  getTitle(): string;
  getChildrenByType(type: string): TopicModel[];
  getMarkers(): Array<{ toJSON(): { markerId: string } }>;
  getLabels(): string[];
  getNotes(): { toJSON(): { plain?: { content?: string } } } | undefined;
  isFolded(): boolean;
  getHref(): string | undefined;
  getPosition(): { x: number; y: number } | undefined;
  getBoundaries(): unknown[];
  getSummaries(): unknown[];
}

export function readWithXMindModel(archive: Uint8Array): {
  sheets: number;
  root: XMindTopicRead;
  relationships: Array<{ end1Id: string; end2Id: string; title?: string }>;
  schemaErrors: string[];
} {
  const data = JSON.parse(new TextDecoder().decode(unzipSync(archive)['content.json'])) as unknown;
  const check = validator(data) as { errors: Array<{ dataPath: string; message: string }> | null };
  const workbook = new Workbook(data as never) as unknown as {
    _sheets: Array<{
      getRootTopic(): TopicModel;
      getRelationships(): Array<{ toJSON(): { end1Id: string; end2Id: string; title?: string } }>;
    }>;
  };
  const read = (t: TopicModel): XMindTopicRead => {
    const note = t.getNotes()?.toJSON().plain?.content;
    const href = t.getHref();
    const position = t.getPosition();
    return {
      title: t.getTitle(),
      markers: t.getMarkers().map((m) => m.toJSON().markerId),
      labels: t.getLabels() ?? [],
      ...(note ? { note } : {}),
      folded: t.isFolded(),
      ...(href ? { href } : {}),
      ...(position ? { position } : {}),
      boundaries: t.getBoundaries().length,
      summaries: t.getSummaries().length,
      children: t.getChildrenByType('attached').map(read),
      detached: t.getChildrenByType('detached').map(read),
    };
  };
  const sheet = workbook._sheets[0]!;
  return {
    sheets: workbook._sheets.length,
    root: read(sheet.getRootTopic()),
    relationships: sheet.getRelationships().map((r) => r.toJSON()),
    schemaErrors: (check.errors ?? []).map((e) => `${e.dataPath}: ${e.message}`),
  };
}
