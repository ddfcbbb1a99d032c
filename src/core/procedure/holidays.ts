/**
 * Public holidays of Vietnam on which public offices close (Bộ luật Lao động 2019, Điều 112): New
 * Year (1/1), Tết (five days around the lunar New Year, fixed by the Prime Minister each year), the
 * Hùng Kings' day (10/3 of the lunar calendar), 30/4, 1/5, National Day 2/9 and one day next to it;
 * a holiday on a weekend gives the next working day off (Điều 112 khoản 3). The lunar dates and the
 * days the government fixes each year are listed here by date, as data: add a year before it
 * starts. Weekends are not listed (calendar.ts treats every Saturday and Sunday as a day off).
 *
 * Days marked `verify` are computed from the lunar calendar or from the usual pattern and must be
 * checked against the government's notice for that year (docs/review.md lists them).
 */
export interface PublicHoliday {
  day: string;
  name: string;
  verify?: true;
}

export const PUBLIC_HOLIDAY_LIST: readonly PublicHoliday[] = [
  // 2025 (Tết Ất Tỵ: mùng 1 = 29/01/2025; Công văn 6150/TB-BLĐTBXH on Tết, Thông báo on 30/4–1/5)
  { day: '2025-01-01', name: 'Tết Dương lịch' },
  { day: '2025-01-27', name: 'Tết Nguyên đán' },
  { day: '2025-01-28', name: 'Tết Nguyên đán' },
  { day: '2025-01-29', name: 'Tết Nguyên đán' },
  { day: '2025-01-30', name: 'Tết Nguyên đán' },
  { day: '2025-01-31', name: 'Tết Nguyên đán' },
  { day: '2025-04-07', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
  { day: '2025-04-30', name: 'Ngày Chiến thắng' },
  { day: '2025-05-01', name: 'Ngày Quốc tế lao động' },
  { day: '2025-05-02', name: 'Nghỉ bù (hoán đổi ngày làm việc)', verify: true },
  { day: '2025-09-01', name: 'Quốc khánh' },
  { day: '2025-09-02', name: 'Quốc khánh' },
  // 2026 (Tết Bính Ngọ: mùng 1 = 17/02/2026)
  { day: '2026-01-01', name: 'Tết Dương lịch' },
  { day: '2026-02-16', name: 'Tết Nguyên đán', verify: true },
  { day: '2026-02-17', name: 'Tết Nguyên đán' },
  { day: '2026-02-18', name: 'Tết Nguyên đán' },
  { day: '2026-02-19', name: 'Tết Nguyên đán' },
  { day: '2026-02-20', name: 'Tết Nguyên đán', verify: true },
  { day: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)', verify: true },
  { day: '2026-04-30', name: 'Ngày Chiến thắng' },
  { day: '2026-05-01', name: 'Ngày Quốc tế lao động' },
  { day: '2026-09-01', name: 'Quốc khánh', verify: true },
  { day: '2026-09-02', name: 'Quốc khánh' },
  // 2027 (Tết Đinh Mùi: mùng 1 = 06/02/2027, a Saturday)
  { day: '2027-01-01', name: 'Tết Dương lịch' },
  { day: '2027-02-05', name: 'Tết Nguyên đán', verify: true },
  { day: '2027-02-08', name: 'Tết Nguyên đán', verify: true },
  { day: '2027-02-09', name: 'Tết Nguyên đán', verify: true },
  { day: '2027-02-10', name: 'Tết Nguyên đán', verify: true },
  { day: '2027-02-11', name: 'Tết Nguyên đán', verify: true },
  { day: '2027-04-16', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', verify: true },
  { day: '2027-04-30', name: 'Ngày Chiến thắng' },
  { day: '2027-05-03', name: 'Nghỉ bù Ngày Quốc tế lao động (1/5 là thứ Bảy)', verify: true },
  { day: '2027-09-02', name: 'Quốc khánh' },
  { day: '2027-09-03', name: 'Quốc khánh', verify: true },
];

/** The days of `PUBLIC_HOLIDAY_LIST`, for lookups. */
export const PUBLIC_HOLIDAYS: ReadonlySet<string> = new Set(PUBLIC_HOLIDAY_LIST.map((h) => h.day));
