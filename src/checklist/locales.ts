import type { i18n as I18n } from 'i18next';

/** Texts of the case checklist (namespace `checklist`). */
const vi = {
  panel: 'Kiểm tra hồ sơ',
  title: 'Kiểm tra hồ sơ vụ án',
  intro:
    'Những điểm còn thiếu trong vụ án, tính lại mỗi khi vụ án thay đổi. Bấm một mục để đến chỗ của nó.',
  allClear: 'Không còn điểm nào cần kiểm tra.',
  clear: 'Không có',
  count_one: '{{count}} mục',
  count_other: '{{count}} mục',
  source: 'Căn cứ: {{source}}',
  rule: {
    'deadline-near': 'Thời hạn sắp hết hoặc đã quá',
    'issue-unproven': 'Vấn đề cần chứng minh chưa có chứng cứ hoặc có mâu thuẫn',
    'confession-alone': 'Tình tiết chỉ dựa vào lời khai',
    'statement-contradiction': 'Lời khai mâu thuẫn nhau chưa được làm rõ',
    'accused-age': 'Tuổi chịu trách nhiệm hình sự của bị can',
    'evidence-no-source': 'Chứng cứ chưa xác định nguồn',
    'evidence-uncited': 'Chứng cứ chưa trích dẫn bút lục',
    'marker-unlinked': 'Dấu vết trên sơ đồ hiện trường chưa gắn với chứng cứ',
    'file-uncited': 'Tài liệu trong hồ sơ chưa được trích dẫn',
  },
  reason: {
    'deadline-near': {
      soon: 'Còn {{days}} ngày, hết hạn {{due}}',
      overdue: 'Đã quá hạn {{days}} ngày (hết hạn {{due}})',
    },
    'issue-unproven': {
      unproven: 'Chưa có chứng cứ chứng minh',
      disputed: 'Có chứng cứ mâu thuẫn',
    },
    'confession-alone': {
      confession: 'Chỉ dựa vào lời nhận tội của bị can, chưa có chứng cứ khác phù hợp',
      statement: 'Chỉ dựa vào một lời khai, chưa có chứng cứ khác củng cố',
    },
    'accused-age': {
      under14: '{{age}} tuổi khi phạm tội: chưa đủ 14 tuổi thì không phải chịu trách nhiệm hình sự',
      under16:
        '{{age}} tuổi khi phạm tội: từ đủ 14 đến dưới 16 tuổi chỉ chịu trách nhiệm về tội rất nghiêm trọng, đặc biệt nghiêm trọng tại các điều khoản 2 Điều 12 liệt kê',
      uncertain14: 'Ngày sinh chưa rõ: khi phạm tội có thể {{age}} tuổi, có thể chưa đủ 14 tuổi',
      uncertain16: 'Ngày sinh chưa rõ: khi phạm tội có thể {{age}} tuổi, có thể chưa đủ 16 tuổi',
    },
    'statement-contradiction': {
      // Vietnamese has one plural form: "1 lời khai", "2 lời khai".
      contradicting_one: '{{count}} lời khai mâu thuẫn: {{statements}}',
      contradicting_other: '{{count}} lời khai mâu thuẫn: {{statements}}',
    },
    'evidence-no-source': { noType: 'Chưa chọn nguồn chứng cứ' },
    'evidence-uncited': { noPages: 'Chưa có số bút lục' },
    'marker-unlinked': {
      noEntity: 'Dấu số {{number}} trên “{{board}}” chưa gắn với chứng cứ nào',
      noEntityNoNumber: 'Dấu trên “{{board}}” chưa gắn với chứng cứ nào',
    },
    'file-uncited': { uncited: 'Chưa gắn với chứng cứ, chủ đề, sơ đồ hay trang chiếu nào' },
  },
};

const en: typeof vi = {
  panel: 'Checklist',
  title: 'Case checklist',
  intro: 'What the case still lacks, checked again on every change. Click an item to go to it.',
  allClear: 'Nothing left to check.',
  clear: 'None',
  count_one: '{{count}} item',
  count_other: '{{count}} items',
  source: 'Source: {{source}}',
  rule: {
    'deadline-near': 'Deadlines within 7 days or passed',
    'issue-unproven': 'Issues to prove without evidence, or disputed',
    'confession-alone': 'Facts resting on a statement alone',
    'statement-contradiction': 'Contradicting statements not yet resolved',
    'accused-age': 'Age of criminal responsibility of the accused',
    'evidence-no-source': 'Evidence without a source',
    'evidence-uncited': 'Evidence without a case-file citation (BL)',
    'marker-unlinked': 'Scene markers not linked to evidence',
    'file-uncited': 'Case-file documents cited nowhere',
  },
  reason: {
    'deadline-near': {
      soon: '{{days}} days left, due {{due}}',
      overdue: '{{days}} days overdue (due {{due}})',
    },
    'issue-unproven': {
      unproven: 'No evidence proves it',
      disputed: 'Evidence contradicts it',
    },
    'confession-alone': {
      confession: 'Rests on the accused’s confession alone, with no other evidence that agrees',
      statement: 'Rests on one statement alone, which no other evidence corroborates',
    },
    'accused-age': {
      under14: 'Aged {{age}} at the offence: under 14, not criminally liable',
      under16:
        'Aged {{age}} at the offence: from 14 to under 16, liable only for the very serious and especially serious offences Article 12(2) lists',
      uncertain14:
        'Birth date not precise: may have been {{age}} at the offence, possibly under 14',
      uncertain16:
        'Birth date not precise: may have been {{age}} at the offence, possibly under 16',
    },
    'statement-contradiction': {
      contradicting_one: 'Contradicting statement: {{statements}}',
      contradicting_other: '{{count}} contradicting statements: {{statements}}',
    },
    'evidence-no-source': { noType: 'No source of evidence chosen' },
    'evidence-uncited': { noPages: 'No case-file page (BL)' },
    'marker-unlinked': {
      noEntity: 'Marker {{number}} on “{{board}}” stands for no evidence item',
      noEntityNoNumber: 'A marker on “{{board}}” stands for no evidence item',
    },
    'file-uncited': { uncited: 'Not attached to any evidence, topic, scene or slide' },
  },
};

export function installChecklistTexts(i18n: I18n): void {
  i18n.addResourceBundle('vi', 'checklist', vi, true, true);
  i18n.addResourceBundle('en', 'checklist', en, true, true);
}
