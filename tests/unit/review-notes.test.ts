import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import * as core from '../../src/core/index.ts';
import { addNote, replyToNote, setNoteState } from '../../src/core/commands/notes.ts';
import { anchorKey, listNotes, openNoteCounts, NOTE_TEXT_MAX } from '../../src/core/notes.ts';
import { reviewerProblems } from '../../src/core/reviewFilter.ts';
import { validateCaseDoc } from '../../src/core/validate.ts';
import { DocumentGuard } from '../../server/sync/DocumentGuard.ts';
import { wellFormedCase } from '../helpers/hostile.ts';

const lan = { id: 'u-lan', name: 'Trần Thị Lan' };
const an = { id: 'u-an', name: 'Nguyễn Văn Ấn' };

/** A change made on a copy of `room`, as a client would send it. */
function changeOf(room: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  const before = Y.encodeStateVector(client);
  change(client);
  return Y.encodeStateAsUpdate(client, before);
}

/** The reviewer filter's verdict on `update` over `room`. */
function reviewerVerdict(room: Y.Doc, update: Uint8Array, userId: string): string[] {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room));
  const problems: string[] = [];
  scratch.on('beforeObserverCalls', (tr: Y.Transaction) =>
    problems.push(...reviewerProblems(tr, room, userId)),
  );
  Y.applyUpdate(scratch, update);
  return problems;
}

function caseWithTopic() {
  const doc = wellFormedCase();
  const board = core.addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ' }, 'me');
  const topic = core.addTopic(doc, { boardId: board, parent: null, label: 'Vụ án' }, 'me');
  return { doc, board, topic };
}

describe('note commands', () => {
  it('adds a note in NFC with its author, mentions and an empty thread, then replies, resolves, reopens', () => {
    const { doc, board, topic } = caseWithTopic();
    const anchor = { kind: 'node' as const, board, node: topic };
    const id = addNote(
      doc,
      {
        anchor,
        text: '  Làm rõ lời khai ngu\u031bo\u031b\u0300i làm chứng ',
        author: lan,
        mentions: ['u-an', 'u-an'],
      },
      'me',
    );
    let [note] = listNotes(doc);
    expect(note).toMatchObject({
      id,
      anchor,
      author: 'u-lan',
      authorName: 'Trần Thị Lan',
      text: 'Làm rõ lời khai người làm chứng',
      mentions: ['u-an'],
      state: 'open',
      replies: [],
    });
    expect(openNoteCounts(doc).get(anchorKey(anchor))).toBe(1);

    replyToNote(doc, { note: id, text: 'Đã bổ sung BL 46', author: an }, 'me');
    setNoteState(doc, { note: id, state: 'resolved', by: an }, 'me');
    [note] = listNotes(doc);
    expect(note!.replies.map((r) => [r.author, r.text])).toEqual([['u-an', 'Đã bổ sung BL 46']]);
    expect(note).toMatchObject({ state: 'resolved', resolvedBy: 'u-an', resolvedByName: an.name });
    expect(openNoteCounts(doc).get(anchorKey(anchor))).toBeUndefined();

    setNoteState(doc, { note: id, state: 'reopened', by: lan }, 'me');
    [note] = listNotes(doc);
    expect(note!.state).toBe('reopened');
    expect(note!.resolvedBy).toBeUndefined();
    expect(openNoteCounts(doc).get(anchorKey(anchor))).toBe(1);
    expect(validateCaseDoc(doc)).toEqual([]);
  });

  it('refuses empty or overlong text, a bad anchor and an unknown note, changing nothing', () => {
    const { doc } = caseWithTopic();
    const before = Y.encodeStateVector(doc);
    const anchor = { kind: 'case' as const };
    expect(() => addNote(doc, { anchor, text: '   ', author: lan }, 'me')).toThrow(
      core.CommandError,
    );
    expect(() =>
      addNote(doc, { anchor, text: 'x'.repeat(NOTE_TEXT_MAX + 1), author: lan }, 'me'),
    ).toThrow(/at most/);
    expect(() =>
      addNote(doc, { anchor: { kind: 'node' } as never, text: 'a', author: lan }, 'me'),
    ).toThrow(core.CommandError);
    expect(() => replyToNote(doc, { note: 'nope', text: 'a', author: lan }, 'me')).toThrow(
      core.CommandError,
    );
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('counts open notes per anchor in one map', () => {
    const { doc, board, topic } = caseWithTopic();
    const a = { kind: 'node' as const, board, node: topic };
    addNote(doc, { anchor: a, text: '1', author: lan }, 'me');
    const second = addNote(doc, { anchor: a, text: '2', author: lan }, 'me');
    addNote(doc, { anchor: { kind: 'case' }, text: '3', author: lan }, 'me');
    setNoteState(doc, { note: second, state: 'resolved', by: lan }, 'me');
    expect([...openNoteCounts(doc)]).toEqual([
      [`node:${board}/${topic}`, 1],
      ['case', 1],
    ]);
  });

  it('validation refuses a note of the wrong shape, an overlong text and a bad state', () => {
    const doc = wellFormedCase();
    doc.transact(() => {
      const notes = doc.getMap('notes');
      notes.set('bad', 'not a record');
      const note = new Y.Map<unknown>();
      note.set('id', 'n');
      note.set('author', 'u');
      note.set('anchor', { kind: 'nowhere' });
      note.set('text', 'x'.repeat(NOTE_TEXT_MAX + 1));
      note.set('state', 'lost');
      note.set('replies', 'none');
      notes.set('n', note);
    });
    const paths = validateCaseDoc(doc).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'notes/bad',
        'notes/n.anchor',
        'notes/n.text',
        'notes/n.state',
        'notes/n.replies',
      ]),
    );
  });
});

describe('the reviewer update filter', () => {
  it('accepts a reviewer’s own note, reply, and the resolving of a colleague’s note', () => {
    const { doc: room, board, topic } = caseWithTopic();
    const colleague = addNote(
      room,
      { anchor: { kind: 'node', board, node: topic }, text: 'Của KSV', author: lan },
      'me',
    );
    const own = changeOf(room, (d) =>
      addNote(d, { anchor: { kind: 'case' }, text: 'Ý kiến chỉ đạo', author: an }, 'me'),
    );
    expect(reviewerVerdict(room, own, an.id)).toEqual([]);
    const reply = changeOf(room, (d) =>
      replyToNote(d, { note: colleague, text: 'Đồng ý', author: an }, 'me'),
    );
    expect(reviewerVerdict(room, reply, an.id)).toEqual([]);
    const resolve = changeOf(room, (d) =>
      setNoteState(d, { note: colleague, state: 'resolved', by: an }, 'me'),
    );
    expect(reviewerVerdict(room, resolve, an.id)).toEqual([]);
    Y.applyUpdate(room, resolve);
    const reopen = changeOf(room, (d) =>
      setNoteState(d, { note: colleague, state: 'reopened', by: an }, 'me'),
    );
    expect(reviewerVerdict(room, reopen, an.id)).toEqual([]);
  });

  it('refuses a topic change, a note in someone else’s name, editing or deleting a colleague’s note', () => {
    const { doc: room, board, topic } = caseWithTopic();
    const colleague = addNote(
      room,
      { anchor: { kind: 'case' }, text: 'Của KSV', author: lan },
      'me',
    );
    const topicEdit = changeOf(room, (d) =>
      core.setTopic(d, { boardId: board, id: topic, patch: { label: 'Đổi' } }, 'me'),
    );
    expect(reviewerVerdict(room, topicEdit, an.id)).toContainEqual(
      expect.stringMatching(/^boards.*outside the notes/),
    );
    const forged = changeOf(room, (d) =>
      addNote(d, { anchor: { kind: 'case' }, text: 'Giả danh', author: lan }, 'me'),
    );
    expect(reviewerVerdict(room, forged, an.id)).toEqual([expect.stringMatching(/someone else/)]);
    const forgedReply = changeOf(room, (d) =>
      replyToNote(d, { note: colleague, text: 'Giả', author: lan }, 'me'),
    );
    expect(reviewerVerdict(room, forgedReply, an.id)).toEqual([
      expect.stringMatching(/someone else/),
    ]);
    const edit = changeOf(room, (d) =>
      (d.getMap('notes').get(colleague) as Y.Map<unknown>).set('text', 'Sửa'),
    );
    expect(reviewerVerdict(room, edit, an.id)).toEqual([expect.stringMatching(/not the state/)]);
    const deletion = changeOf(room, (d) => d.getMap('notes').delete(colleague));
    expect(reviewerVerdict(room, deletion, an.id)).toEqual([expect.stringMatching(/someone else/)]);
    const both = changeOf(room, (d) => {
      addNote(d, { anchor: { kind: 'case' }, text: 'Ý kiến', author: an }, 'me');
      core.deleteTopics(d, { boardId: board, ids: [topic] }, 'me');
    });
    expect(reviewerVerdict(room, both, an.id).join()).toMatch(/outside the notes/);
  });

  it('the server guard refuses a reviewer’s topic change with a reviewer rule, and passes their note', () => {
    const { doc: room, board, topic } = caseWithTopic();
    const guard = new DocumentGuard(room);
    const topicEdit = changeOf(room, (d) =>
      core.setTopic(d, { boardId: board, id: topic, patch: { label: 'Đổi' } }, 'me'),
    );
    expect(guard.check(topicEdit, an.id)[0]).toMatchObject({ rule: 'reviewer' });
    // An editor's same change passes.
    expect(guard.check(topicEdit)).toEqual([]);
    const note = changeOf(room, (d) =>
      addNote(d, { anchor: { kind: 'case' }, text: 'Ý kiến', author: an }, 'me'),
    );
    expect(guard.check(note, an.id)).toEqual([]);
    guard.destroy();
  });
});
