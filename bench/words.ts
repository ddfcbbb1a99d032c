/** Words of Vietnamese case maps, for the benchmarks' generated labels. */
export const CASE_WORDS = [
  'Lời khai',
  'bị can',
  'Nguyễn Văn Hùng',
  'vật chứng',
  'biên bản',
  'khám nghiệm',
  'hiện trường',
  'giám định',
  'thương tích',
  'điện thoại',
  'camera',
  'tài khoản',
  'chuyển khoản',
  'nhân chứng',
];
