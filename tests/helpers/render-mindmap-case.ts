import * as Y from 'yjs';
import {
  addBoard,
  addEntity,
  addFileRecord,
  addRelationship,
  addSummary,
  addTopic,
  setBoardSetting,
  setTopic,
} from '../../src/core/index.ts';
import type { MindMapLayoutKind } from '../../src/boards/mindmap/layout.ts';

const O = 'test';
/** A picture in the case file (its bytes are not needed to draw the map). */
export const IMAGE_HASH = 'b'.repeat(64);

/**
 * A Vietnamese case map for the renderer's tests and for looking at: 31 topics on three levels, a
 * label typed in NFD, a long label, markers, a register link, a page reference, a note, an image, a
 * folded branch, a floating topic, a relationship, a summary and two boundaries.
 */
export function caseMap(layout: MindMapLayoutKind = 'balanced') {
  const doc = new Y.Doc();
  const boardId = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ vụ án trộm cắp' }, O);
  setBoardSetting(doc, { id: boardId, key: 'layout', value: layout }, O);
  const add = (parent: string | null, label: string) =>
    addTopic(doc, { boardId, parent, label }, O);
  const root = add(null, 'Vụ trộm cắp tài sản tại phường Bến Nghé');
  const people = add(root, 'Người tham gia tố tụng');
  const suspect = add(people, 'Nguyễn Văn Hùng'.normalize('NFD'));
  const victim = add(people, 'Trần Thị Mỹ Linh');
  const witness = add(people, 'Lê Quốc Việt');
  add(people, 'Phạm Đức Anh (người làm chứng)');
  const evidence = add(root, 'Vật chứng');
  const knife = add(evidence, 'Con dao dài 25 cm');
  const phone = add(evidence, 'Điện thoại iPhone 13 màu xanh');
  const bike = add(evidence, 'Xe máy Honda Wave biển số 59-X1 234.56');
  add(evidence, 'Ảnh hiện trường');
  const events = add(root, 'Diễn biến');
  const timeline = [
    '22 giờ 15: bị can đột nhập qua cửa sổ phía sau',
    '22 giờ 40: lấy điện thoại và ví tiền',
    '23 giờ 05: bỏ trốn bằng xe máy',
  ].map((label) => add(events, label));
  const documents = add(root, 'Tài liệu');
  const record = add(documents, 'Biên bản khám nghiệm hiện trường');
  add(documents, 'Kết luận giám định số 123/KL-KTHS');
  add(documents, 'Lời khai của bị hại ngày 12/3/2024');
  const tasks = add(root, 'Việc cần làm');
  const long = add(
    tasks,
    'Yêu cầu Phòng Kỹ thuật hình sự giám định dấu vân tay thu được trên khung cửa sổ và đối chiếu với dữ liệu của bị can',
  );
  add(tasks, 'Triệu tập người làm chứng');
  add(tasks, 'Xác minh camera an ninh khu vực');
  const folded = add(root, 'Tiền án, tiền sự');
  add(folded, 'Năm 2019: trộm cắp tài sản');
  add(folded, 'Năm 2021: cố ý gây thương tích');
  add(folded, 'Năm 2022: tàng trữ trái phép chất ma tuý');
  const floating = add(null, 'Ghi chú riêng của kiểm sát viên');

  const person = addEntity(doc, { kind: 'person', fields: { name: 'Nguyễn Văn Hùng' } }, O);
  addFileRecord(doc, { hash: IMAGE_HASH, name: 'Hiện trường.png', mime: 'image/png', size: 10 }, O);
  const set = (id: string, patch: Parameters<typeof setTopic>[1]['patch']) =>
    setTopic(doc, { boardId, id, patch }, O);
  set(suspect, { markers: ['suspect', 'warning'], entity: person });
  set(victim, { markers: ['victim'] });
  set(witness, { markers: ['witness', 'question'] });
  set(knife, { markers: ['physical-evidence'], pages: '12-14' });
  set(phone, { image: IMAGE_HASH });
  set(record, { markers: ['document'], note: 'Lập lúc 6 giờ sáng 13/3' });
  set(long, { markers: ['deadline'] });
  set(people, { color: '#b91c1c', boundary: 'Con người' });
  set(evidence, { color: '#047857' });
  set(events, { boundary: '' });
  set(folded, { collapsed: true });
  addRelationship(doc, { boardId, source: suspect, target: knife, label: 'để lại dấu vân tay' }, O);
  addSummary(doc, { boardId, topics: timeline, label: 'Khoảng 50 phút' }, O);
  return {
    doc,
    boardId,
    ids: {
      root,
      people,
      suspect,
      victim,
      witness,
      evidence,
      knife,
      phone,
      bike,
      events,
      documents,
    },
    ids2: { record, tasks, long, folded, floating, timeline },
  };
}
