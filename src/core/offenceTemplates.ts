import type { OutlineNode } from './outline.ts';

/**
 * Case-map templates by charged offence. Offences and their elements change with the law, so they
 * are data with the date of the text they follow, never code; check them against the current text
 * (Penal Code 2015 as amended, in force from 1 July 2025) before relying on a detail.
 */

export interface OffenceTemplate {
  /** `BLHS-173`: the offence reference stored on the case. */
  id: string;
  article: number;
  name: string;
  /** What the objective side of this offence turns on: the branches a prosecutor fills in. */
  objectiveSide: string[];
}

export const TEMPLATES_EFFECTIVE = '2025-07-01';

export const OFFENCE_TEMPLATES: OffenceTemplate[] = [
  {
    id: 'BLHS-123',
    article: 123,
    name: 'Tội giết người',
    objectiveSide: [
      'Hành vi tước đoạt tính mạng người khác',
      'Hậu quả chết người',
      'Quan hệ nhân quả',
      'Công cụ, phương tiện, thủ đoạn',
    ],
  },
  {
    id: 'BLHS-134',
    article: 134,
    name: 'Tội cố ý gây thương tích hoặc gây tổn hại cho sức khỏe của người khác',
    objectiveSide: [
      'Hành vi gây thương tích',
      'Tỷ lệ tổn thương cơ thể (kết luận giám định)',
      'Hung khí, phương tiện',
      'Quan hệ nhân quả',
    ],
  },
  {
    id: 'BLHS-168',
    article: 168,
    name: 'Tội cướp tài sản',
    objectiveSide: [
      'Dùng vũ lực, đe dọa dùng vũ lực ngay tức khắc',
      'Làm người bị tấn công lâm vào tình trạng không thể chống cự',
      'Tài sản bị chiếm đoạt',
    ],
  },
  {
    id: 'BLHS-171',
    article: 171,
    name: 'Tội cướp giật tài sản',
    objectiveSide: [
      'Hành vi công khai, nhanh chóng giật tài sản',
      'Tài sản bị chiếm đoạt',
      'Phương tiện sử dụng',
    ],
  },
  {
    id: 'BLHS-173',
    article: 173,
    name: 'Tội trộm cắp tài sản',
    objectiveSide: [
      'Hành vi lén lút chiếm đoạt tài sản',
      'Giá trị tài sản (kết luận định giá)',
      'Thời điểm, địa điểm chiếm đoạt',
    ],
  },
  {
    id: 'BLHS-174',
    article: 174,
    name: 'Tội lừa đảo chiếm đoạt tài sản',
    objectiveSide: [
      'Thủ đoạn gian dối',
      'Người bị hại tin là thật và giao tài sản',
      'Giá trị tài sản bị chiếm đoạt',
    ],
  },
  {
    id: 'BLHS-175',
    article: 175,
    name: 'Tội lạm dụng tín nhiệm chiếm đoạt tài sản',
    objectiveSide: [
      'Tài sản được giao trên cơ sở hợp đồng',
      'Hành vi chiếm đoạt hoặc bỏ trốn',
      'Giá trị tài sản bị chiếm đoạt',
    ],
  },
  {
    id: 'BLHS-178',
    article: 178,
    name: 'Tội hủy hoại hoặc cố ý làm hư hỏng tài sản',
    objectiveSide: ['Hành vi hủy hoại, làm hư hỏng', 'Giá trị thiệt hại (kết luận định giá)'],
  },
  {
    id: 'BLHS-249',
    article: 249,
    name: 'Tội tàng trữ trái phép chất ma túy',
    objectiveSide: [
      'Hành vi cất giữ trái phép',
      'Loại và khối lượng chất ma túy (kết luận giám định)',
      'Không nhằm mục đích mua bán, vận chuyển',
    ],
  },
  {
    id: 'BLHS-250',
    article: 250,
    name: 'Tội vận chuyển trái phép chất ma túy',
    objectiveSide: [
      'Hành vi di chuyển chất ma túy',
      'Loại và khối lượng chất ma túy (kết luận giám định)',
      'Phương tiện, lộ trình',
    ],
  },
  {
    id: 'BLHS-251',
    article: 251,
    name: 'Tội mua bán trái phép chất ma túy',
    objectiveSide: [
      'Hành vi mua, bán, trao đổi',
      'Loại và khối lượng chất ma túy (kết luận giám định)',
      'Người mua, người bán, giá',
    ],
  },
  {
    id: 'BLHS-260',
    article: 260,
    name: 'Tội vi phạm quy định về tham gia giao thông đường bộ',
    objectiveSide: [
      'Hành vi vi phạm quy định giao thông',
      'Hậu quả (chết người, thương tích, thiệt hại tài sản)',
      'Quan hệ nhân quả',
      'Hiện trường, dấu vết, phương tiện',
    ],
  },
  {
    id: 'BLHS-290',
    article: 290,
    name: 'Tội sử dụng mạng máy tính, mạng viễn thông, phương tiện điện tử thực hiện hành vi chiếm đoạt tài sản',
    objectiveSide: [
      'Thủ đoạn sử dụng mạng, phương tiện điện tử',
      'Dòng tiền, tài khoản liên quan',
      'Giá trị tài sản bị chiếm đoạt',
      'Dữ liệu điện tử thu giữ',
    ],
  },
  {
    id: 'BLHS-318',
    article: 318,
    name: 'Tội gây rối trật tự công cộng',
    objectiveSide: ['Hành vi gây rối', 'Nơi công cộng bị ảnh hưởng', 'Hậu quả, mức độ ảnh hưởng'],
  },
  {
    id: 'BLHS-321',
    article: 321,
    name: 'Tội đánh bạc',
    objectiveSide: ['Hình thức đánh bạc', 'Số tiền, hiện vật dùng đánh bạc', 'Người tham gia'],
  },
  {
    id: 'BLHS-322',
    article: 322,
    name: 'Tội tổ chức đánh bạc hoặc gá bạc',
    objectiveSide: [
      'Hành vi tổ chức, gá bạc',
      'Quy mô, số người, số tiền',
      'Địa điểm, phương tiện',
    ],
  },
];

const leaves = (labels: string[]): OutlineNode[] =>
  labels.map((label) => ({ label, children: [] }));
const branch = (label: string, children: OutlineNode[] | string[]): OutlineNode => ({
  label,
  children:
    typeof children[0] === 'string' ? leaves(children as string[]) : (children as OutlineNode[]),
});

/**
 * The branches of a case map for an offence (Guidance 10/HD-VKSTC: the case content and the
 * evidence with its evaluation), or of a blank one.
 * @example caseMapOutline(OFFENCE_TEMPLATES[4]) // [{ label: 'Vụ án: Tội trộm cắp tài sản (Điều 173 BLHS)', children: […] }]
 */
export function caseMapOutline(offence: OffenceTemplate | null): OutlineNode[] {
  if (!offence) return [{ label: 'Vụ án', children: [] }];
  return [
    {
      label: `Vụ án: ${offence.name} (Điều ${offence.article} BLHS)`,
      children: [
        branch('Thông tin vụ án', [
          'Số vụ án, ngày khởi tố',
          'Cơ quan điều tra thụ lý',
          'Kiểm sát viên được phân công',
        ]),
        branch('Tiến trình tố tụng', [
          'Khởi tố vụ án',
          'Khởi tố bị can',
          'Biện pháp ngăn chặn',
          'Kết luận điều tra',
        ]),
        branch('Diễn biến hành vi phạm tội', [
          'Thời gian',
          'Địa điểm',
          'Ai làm gì, với ai',
          'Hậu quả',
        ]),
        branch('Người tham gia tố tụng', [
          'Bị can',
          'Bị hại',
          'Người làm chứng',
          'Người có quyền lợi, nghĩa vụ liên quan',
        ]),
        branch('Những vấn đề phải chứng minh (Điều 85 BLTTHS)', [
          'Có hành vi phạm tội, thời gian, địa điểm',
          'Người thực hiện, lỗi, năng lực, mục đích, động cơ',
          'Tình tiết tăng nặng, giảm nhẹ, nhân thân',
          'Tính chất, mức độ thiệt hại',
          'Nguyên nhân, điều kiện phạm tội',
          'Tình tiết loại trừ, miễn trách nhiệm',
        ]),
        branch('Cấu thành tội phạm', [
          branch('Khách thể', []),
          branch('Mặt khách quan', offence.objectiveSide),
          branch('Chủ thể', ['Độ tuổi', 'Năng lực trách nhiệm hình sự']),
          branch('Mặt chủ quan', ['Lỗi', 'Mục đích, động cơ']),
        ]),
        branch('Chứng cứ', [
          'Chứng cứ buộc tội',
          'Chứng cứ gỡ tội',
          'Vật chứng',
          'Kết luận giám định, định giá',
        ]),
        branch('Tình tiết tăng nặng (Điều 52 BLHS)', []),
        branch('Tình tiết giảm nhẹ (Điều 51 BLHS)', []),
        branch('Nhân thân bị can', []),
        branch('Thời hạn tố tụng', [
          'Thời hạn điều tra',
          'Thời hạn tạm giam',
          'Thời hạn quyết định truy tố',
        ]),
        branch('Đề xuất', []),
      ],
    },
  ];
}

/** An issue to prove that an evidence chart starts with. */
export interface FactSeed {
  name: string;
  factType:
    | 'issue-crime'
    | 'issue-offender'
    | 'issue-circumstances'
    | 'issue-damage'
    | 'issue-causes'
    | 'issue-exemption'
    | 'element-object'
    | 'element-objective'
    | 'element-subject'
    | 'element-subjective';
}

/**
 * The facts an evidence chart for an offence starts from: the elements of the offence, then the
 * issues every case must prove (Article 85 of the Criminal Procedure Code).
 * @example offenceFacts(OFFENCE_TEMPLATES[4])[0].name // 'Khách thể của tội trộm cắp tài sản (Điều 173 BLHS)'
 */
export function offenceFacts(offence: OffenceTemplate): FactSeed[] {
  return [
    {
      name: `Khách thể của ${offence.name.replace(/^Tội/, 'tội')} (Điều ${offence.article} BLHS)`,
      factType: 'element-object',
    },
    ...offence.objectiveSide.map((name) => ({
      name: `Mặt khách quan: ${name}`,
      factType: 'element-objective' as const,
    })),
    { name: 'Chủ thể: độ tuổi, năng lực trách nhiệm hình sự', factType: 'element-subject' },
    { name: 'Mặt chủ quan: lỗi, mục đích, động cơ', factType: 'element-subjective' },
    { name: 'Có hành vi phạm tội xảy ra; thời gian, địa điểm', factType: 'issue-crime' },
    { name: 'Người thực hiện hành vi phạm tội; lỗi, năng lực', factType: 'issue-offender' },
    { name: 'Tình tiết tăng nặng, giảm nhẹ, nhân thân', factType: 'issue-circumstances' },
    { name: 'Tính chất, mức độ thiệt hại', factType: 'issue-damage' },
    { name: 'Nguyên nhân, điều kiện phạm tội', factType: 'issue-causes' },
    { name: 'Tình tiết loại trừ, miễn trách nhiệm hình sự', factType: 'issue-exemption' },
  ];
}
