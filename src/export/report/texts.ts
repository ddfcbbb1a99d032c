import type { ReportSectionId } from '../../core/report/settings.ts';
import type { DeadlineStage, DeadlineStatus } from '../../core/procedure/index.ts';

/**
 * The words of the case report in Vietnamese and English. The report is drawn in Node (the export
 * worker), where i18next is not loaded, so they live here beside the export's other words
 * (documents/texts.ts); the labels of roles, sources and issues are those of src/register/locales.ts.
 */
export interface ReportTexts {
  title: string;
  sections: Record<ReportSectionId, string>;
  cover: {
    procuracy: string;
    caseNumber: string;
    caseTitle: string;
    offences: string;
    offenceClass: string;
    classification: string;
    prosecutor: string;
    date: string;
    unclassified: string;
  };
  none: string;
  columns: {
    number: string;
    name: string;
    role: string;
    birthDate: string;
    idNumber: string;
    address: string;
    pages: string;
    time: string;
    event: string;
    place: string;
    people: string;
    description: string;
    source: string;
    foundAt: string;
    files: string;
    element: string;
    status: string;
    issue: string;
    evidenceFor: string;
    evidenceAgainst: string;
    marker: string;
    evidence: string;
    position: string;
    distances: string;
    stage: string;
    start: string;
    due: string;
    legalBasis: string;
  };
  roles: Record<string, string>;
  evidenceTypes: Record<string, string>;
  factTypes: Record<string, string>;
  proofStatus: Record<'proven' | 'disputed' | 'unproven', string>;
  stages: Record<DeadlineStage, string>;
  deadlineStatus: Record<DeadlineStatus, string>;
  untimed: string;
  coverage: (proven: number, total: number) => string;
  singleStatement: (names: string) => string;
  conflict: (a: string, b: string) => string;
  elementsOf: (offence: string) => string;
  generalIssues: string;
  sceneOf: (title: string) => string;
  figure: (n: number, title: string) => string;
  missingBoard: string;
  noScene: string;
  noFigures: string;
  daysLeft: (days: number) => string;
}

const VI: ReportTexts = {
  title: 'BÁO CÁO ÁN',
  sections: {
    summary: 'Tóm tắt nội dung vụ án',
    people: 'Những người tham gia tố tụng',
    chronology: 'Diễn biến sự việc',
    elements: 'Các yếu tố cấu thành tội phạm',
    proof: 'Các vấn đề cần chứng minh và đánh giá chứng cứ',
    evidence: 'Bảng chứng cứ',
    scene: 'Sơ đồ hiện trường',
    figures: 'Sơ đồ minh họa',
    deadlines: 'Thời hạn tố tụng',
  },
  cover: {
    procuracy: 'Viện kiểm sát',
    caseNumber: 'Số vụ án',
    caseTitle: 'Vụ án',
    offences: 'Tội danh',
    offenceClass: 'Loại tội phạm',
    classification: 'Độ mật',
    prosecutor: 'Kiểm sát viên',
    date: 'Ngày báo cáo',
    unclassified: 'Không mật',
  },
  none: 'Chưa có dữ liệu.',
  columns: {
    number: 'STT',
    name: 'Họ tên',
    role: 'Tư cách tố tụng',
    birthDate: 'Ngày sinh',
    idNumber: 'Số định danh',
    address: 'Địa chỉ',
    pages: 'Bút lục',
    time: 'Thời gian',
    event: 'Sự việc',
    place: 'Địa điểm',
    people: 'Người liên quan',
    description: 'Chứng cứ, mô tả',
    source: 'Nguồn (Điều 87 BLTTHS)',
    foundAt: 'Nơi thu giữ',
    files: 'Tệp (SHA-256)',
    element: 'Yếu tố',
    status: 'Đánh giá',
    issue: 'Vấn đề cần chứng minh',
    evidenceFor: 'Chứng cứ chứng minh',
    evidenceAgainst: 'Chứng cứ mâu thuẫn',
    marker: 'Số',
    evidence: 'Dấu vết, vật chứng',
    position: 'Vị trí (m)',
    distances: 'Khoảng cách tới điểm mốc (m)',
    stage: 'Giai đoạn',
    start: 'Bắt đầu',
    due: 'Hết hạn',
    legalBasis: 'Căn cứ',
  },
  roles: {
    suspect: 'Bị can',
    defendant: 'Bị cáo',
    victim: 'Bị hại',
    witness: 'Người làm chứng',
    related: 'Người có quyền lợi, nghĩa vụ liên quan',
    'civil-plaintiff': 'Nguyên đơn dân sự',
    'civil-defendant': 'Bị đơn dân sự',
    arrested: 'Người bị bắt, bị tạm giữ',
    other: 'Khác',
  },
  evidenceTypes: {
    physical: 'Vật chứng',
    statement: 'Lời khai, lời trình bày',
    electronic: 'Dữ liệu điện tử',
    expert: 'Kết luận giám định, định giá tài sản',
    record: 'Biên bản',
    'judicial-assistance': 'Kết quả tương trợ tư pháp',
    document: 'Tài liệu, đồ vật khác',
  },
  factTypes: {
    'issue-crime': '(1) Có hành vi phạm tội, thời gian, địa điểm',
    'issue-offender': '(2) Người thực hiện, lỗi, năng lực, mục đích, động cơ',
    'issue-circumstances': '(3) Tình tiết tăng nặng, giảm nhẹ, nhân thân',
    'issue-damage': '(4) Tính chất, mức độ thiệt hại',
    'issue-causes': '(5) Nguyên nhân, điều kiện phạm tội',
    'issue-exemption': '(6) Tình tiết loại trừ, miễn trách nhiệm',
    'element-object': 'Khách thể',
    'element-objective': 'Mặt khách quan',
    'element-subject': 'Chủ thể',
    'element-subjective': 'Mặt chủ quan',
  },
  proofStatus: { proven: 'Đã chứng minh', disputed: 'Có mâu thuẫn', unproven: 'Chưa chứng minh' },
  stages: {
    custody: 'Tạm giữ',
    detention: 'Tạm giam',
    investigation: 'Điều tra',
    'supplementary-investigation': 'Điều tra bổ sung',
    'resumed-investigation': 'Điều tra (phục hồi)',
    prosecution: 'Quyết định việc truy tố',
  },
  deadlineStatus: {
    ok: 'Trong hạn',
    soon7: 'Sắp hết hạn',
    soon3: 'Gấp',
    overdue: 'Quá hạn',
    done: 'Đã xong',
  },
  untimed: 'Chưa rõ thời gian',
  coverage: (proven, total) => `Đã chứng minh ${proven}/${total} vấn đề.`,
  singleStatement: (names) => `Chỉ dựa vào một lời khai, chưa có chứng cứ khác củng cố: ${names}.`,
  conflict: (a, b) => `Mâu thuẫn giữa ${a} và ${b}.`,
  elementsOf: (offence) => `Cấu thành ${offence}`,
  generalIssues: 'Các vấn đề phải chứng minh (Điều 85 BLTTHS)',
  sceneOf: (title) => `Sơ đồ hiện trường: ${title}`,
  figure: (n, title) => `Hình ${n}. ${title}`,
  missingBoard: 'Sơ đồ đã bị xoá',
  noScene: 'Vụ án chưa có sơ đồ hiện trường.',
  noFigures: 'Chưa chọn sơ đồ nào để minh họa.',
  daysLeft: (days) => (days < 0 ? `quá hạn ${-days} ngày` : `còn ${days} ngày`),
};

const EN: ReportTexts = {
  title: 'CASE REPORT',
  sections: {
    summary: 'Summary of the facts',
    people: 'People in the proceedings',
    chronology: 'Chronology',
    elements: 'Elements of the offence',
    proof: 'Issues to prove and the evidence',
    evidence: 'Evidence table',
    scene: 'Scene sketch',
    figures: 'Figures',
    deadlines: 'Procedural deadlines',
  },
  cover: {
    procuracy: 'Procuracy',
    caseNumber: 'Case number',
    caseTitle: 'Case',
    offences: 'Charges',
    offenceClass: 'Class of offence',
    classification: 'Classification',
    prosecutor: 'Prosecutor',
    date: 'Date of report',
    unclassified: 'Unclassified',
  },
  none: 'Nothing recorded yet.',
  columns: {
    number: 'No.',
    name: 'Name',
    role: 'Role',
    birthDate: 'Born',
    idNumber: 'ID number',
    address: 'Address',
    pages: 'BL pages',
    time: 'Time',
    event: 'Event',
    place: 'Place',
    people: 'People',
    description: 'Evidence, description',
    source: 'Source (Art. 87 CPC)',
    foundAt: 'Where found',
    files: 'Files (SHA-256)',
    element: 'Element',
    status: 'Assessment',
    issue: 'Issue to prove',
    evidenceFor: 'Evidence for',
    evidenceAgainst: 'Evidence against',
    marker: 'No.',
    evidence: 'Trace, exhibit',
    position: 'Position (m)',
    distances: 'Distances to reference points (m)',
    stage: 'Stage',
    start: 'Start',
    due: 'Due',
    legalBasis: 'Legal basis',
  },
  roles: {
    suspect: 'Suspect',
    defendant: 'Defendant',
    victim: 'Victim',
    witness: 'Witness',
    related: 'Related party',
    'civil-plaintiff': 'Civil plaintiff',
    'civil-defendant': 'Civil defendant',
    arrested: 'Arrested or in custody',
    other: 'Other',
  },
  evidenceTypes: {
    physical: 'Physical evidence',
    statement: 'Statement',
    electronic: 'Electronic data',
    expert: 'Expert or valuation conclusion',
    record: 'Official record',
    'judicial-assistance': 'Judicial assistance result',
    document: 'Other document or object',
  },
  factTypes: {
    'issue-crime': '(1) Whether a crime happened, time, place',
    'issue-offender': '(2) Offender, fault, capacity, purpose, motive',
    'issue-circumstances': '(3) Aggravating, mitigating circumstances, background',
    'issue-damage': '(4) Nature and extent of the damage',
    'issue-causes': '(5) Causes and conditions',
    'issue-exemption': '(6) Excluding or exempting circumstances',
    'element-object': 'Object of the offence',
    'element-objective': 'Objective side',
    'element-subject': 'Subject',
    'element-subjective': 'Subjective side',
  },
  proofStatus: { proven: 'Proven', disputed: 'Disputed', unproven: 'Unproven' },
  stages: {
    custody: 'Custody',
    detention: 'Detention',
    investigation: 'Investigation',
    'supplementary-investigation': 'Supplementary investigation',
    'resumed-investigation': 'Investigation (resumed)',
    prosecution: 'Decision on prosecution',
  },
  deadlineStatus: {
    ok: 'On time',
    soon7: 'Due soon',
    soon3: 'Urgent',
    overdue: 'Overdue',
    done: 'Done',
  },
  untimed: 'Time unknown',
  coverage: (proven, total) => `${proven} of ${total} issues proven.`,
  singleStatement: (names) => `Rests on one uncorroborated statement only: ${names}.`,
  conflict: (a, b) => `${a} contradicts ${b}.`,
  elementsOf: (offence) => `Elements of ${offence}`,
  generalIssues: 'Issues to prove (Article 85 CPC)',
  sceneOf: (title) => `Scene sketch: ${title}`,
  figure: (n, title) => `Figure ${n}. ${title}`,
  missingBoard: 'The board was deleted',
  noScene: 'The case has no scene sketch.',
  noFigures: 'No board chosen as a figure.',
  daysLeft: (days) => (days < 0 ? `${-days} days overdue` : `${days} days left`),
};

/** The report's words in a language; English for 'en…', Vietnamese otherwise. */
export function reportTexts(language: string): ReportTexts {
  return language.startsWith('en') ? EN : VI;
}
