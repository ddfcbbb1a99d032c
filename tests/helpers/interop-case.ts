import * as Y from 'yjs';
import {
  addBoard,
  addEntity,
  addRelationship,
  addSummary,
  addTopic,
  childrenOf,
  eachTopic,
  listRelationships,
  listSummaries,
  listTopics,
  setTopic,
  type MapTopic,
  type MindMapModel,
  type TopicPatch,
} from '../../src/core/index.ts';

const O = 'test';

/**
 * A case map that uses every topic feature: Vietnamese labels (one multi-line, one with markup
 * characters, one empty), notes with blank lines and lines that look like Markdown structure,
 * every marker, branch colours, boundaries with and without a label, summaries, register links,
 * page references, a picture, folds, relationships with and without a label, and two floating
 * topics. Returns the document, the board and the register entry it links to.
 */
export function buildCaseMap(): { doc: Y.Doc; boardId: string; entity: string } {
  const doc = new Y.Doc();
  const boardId = addBoard(doc, { kind: 'mindmap', title: 'Vụ án trộm cắp tài sản' }, O);
  const entity = addEntity(doc, { kind: 'person', fields: { name: 'Nguyễn Văn Ấn' } }, O);
  const add = (parent: string | null, label: string, patch: TopicPatch = {}) => {
    const id = addTopic(doc, { boardId, parent, label }, O);
    if (Object.keys(patch).length) setTopic(doc, { boardId, id, patch }, O);
    return id;
  };
  const root = add(null, 'Vụ án trộm cắp tài sản', {
    note: 'Khởi tố ngày 12/3/2025.\n\nĐiều 173 BLHS.',
  });
  const suspects = add(root, 'Bị can', { markers: ['suspect'], color: '#c0392b' });
  const an = add(suspects, 'Nguyễn Văn Ấn\nSinh năm 1990', {
    entity,
    pages: 'BL 12-15',
    markers: ['suspect', 'warning'],
    note: '- Tiền án: 1\n# không phải đề mục\n1. không phải danh sách',
  });
  add(an, 'Lời khai ngày 15/3', { pages: 'BL 20', markers: ['document'] });
  add(an, 'Lời khai ngày 20/3', { markers: ['question'] });
  add(an, 'Đối chất', { markers: ['done'] });
  const victims = add(root, 'Bị hại', { markers: ['victim'], boundary: 'Người bị hại' });
  add(victims, 'Trần Thị Bình', { color: '#2e86c1' });
  const witnesses = add(root, 'Người làm chứng', { markers: ['witness'], collapsed: true });
  add(witnesses, 'Lê Văn Cường');
  add(witnesses, 'Phạm Thị Dung', { boundary: '' });
  const evidence = add(root, 'Vật chứng & "tài liệu" <BL>', {
    markers: ['physical-evidence'],
  });
  const knife = add(evidence, 'Con dao', { image: 'file-anh-con-dao', markers: ['expert'] });
  const phone = add(evidence, 'Điện thoại C# ###', { markers: ['deadline'] });
  add(evidence, '~~Xe máy~~ **biển số** 59-X1');
  add(evidence, '');
  addSummary(doc, { boardId, topics: [knife, phone], label: 'Thu giữ tại hiện trường' }, O);
  const floating = add(null, 'Việc cần làm', { note: 'Trước 30/4' });
  add(floating, 'Trưng cầu giám định');
  add(null, 'Ghi nhớ');
  addRelationship(doc, { boardId, source: an, target: knife, label: 'sử dụng' }, O);
  addRelationship(doc, { boardId, source: phone, target: floating }, O);
  return { doc, boardId, entity };
}

/** A topic and everything CaseBoard keeps of it, in a fixed order, for comparing maps. */
export interface TopicView {
  label: string;
  note?: string;
  collapsed?: true;
  markers?: string[];
  color?: string;
  boundary?: string;
  entity?: string;
  pages?: string;
  image?: string;
  summaries?: string[];
  children: TopicView[];
}

/** A board as roots of `TopicView`s plus its relationships and summaries by labels. */
export function viewBoard(
  doc: Y.Doc,
  boardId: string,
): {
  roots: TopicView[];
  relationships: string[];
} {
  const topics = listTopics(doc, boardId);
  const summaries = listSummaries(doc, boardId, topics);
  const labelOf = new Map(topics.map((t) => [t.id, t.label]));
  const build = (id: string): TopicView => {
    const t = topics.find((x) => x.id === id)!;
    const view: TopicView = { label: t.label, children: [] };
    if (t.note) view.note = t.note;
    if (t.collapsed) view.collapsed = true;
    if (t.markers.length) view.markers = [...t.markers].sort();
    for (const key of ['color', 'boundary', 'entity', 'pages', 'image'] as const)
      if (t[key] !== undefined) view[key] = t[key];
    const own = summaries
      .filter((s) => s.parent === id)
      .map((s) => `${s.label} [${labelOf.get(s.from)} … ${labelOf.get(s.to)}]`);
    if (own.length) view.summaries = own.sort();
    view.children = childrenOf(topics, id).map((c) => build(c.id));
    return view;
  };
  return {
    roots: childrenOf(topics, null).map((t) => build(t.id)),
    relationships: listRelationships(doc, boardId)
      .map((r) => `${labelOf.get(r.source)} → ${labelOf.get(r.target)}: ${r.label ?? ''}`)
      .sort(),
  };
}

/** The same view of an exchange model (what an importer returned). */
export function viewModel(model: MindMapModel): { roots: TopicView[]; relationships: string[] } {
  const labelOf = new Map<string, string>();
  eachTopic(model.roots, (t) => {
    if (t.ref) labelOf.set(t.ref, t.label);
  });
  const build = (t: MapTopic): TopicView => {
    const view: TopicView = { label: t.label, children: [] };
    if (t.note) view.note = t.note;
    if (t.collapsed && t.children.length) view.collapsed = true;
    if (t.markers?.length) view.markers = [...t.markers].sort();
    for (const key of ['color', 'boundary', 'entity', 'pages', 'image'] as const)
      if (t[key] !== undefined) view[key] = t[key];
    const own = (t.summaries ?? []).map(
      (s) => `${s.topic.label} [${t.children[s.from]?.label} … ${t.children[s.to]?.label}]`,
    );
    if (own.length) view.summaries = own.sort();
    view.children = t.children.map(build);
    return view;
  };
  return {
    roots: model.roots.map(build),
    relationships: model.relationships
      .map((r) => `${labelOf.get(r.from)} → ${labelOf.get(r.to)}: ${r.label ?? ''}`)
      .sort(),
  };
}
