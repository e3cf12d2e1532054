/**
 * Public holidays for civil servants (cán bộ, công chức, viên chức) in 2026 and 2027: the default
 * configuration of working-days.ts. This is CONFIGURATION, not law: the Ministry of Home Affairs
 * (Bộ Nội vụ) announces each year's Tết and National Day arrangement in the autumn before, and
 * the Sở TT&TT must add the next year here (or pass its own list) before it is needed —
 * maintenanceNoticeAllowed refuses ('holidays_unknown') dates in years not listed.
 *
 * The days off themselves are those of Bộ luật Lao động 2019, Điều 112: 1/1, Tết Âm lịch (5
 * days), Giỗ Tổ Hùng Vương (10/3 âm lịch), 30/4, 1/5, 2/9 and the day before or after it. A
 * holiday on a weekend is compensated on the next working day (Điều 112.3). Lunar dates were
 * computed for UTC+7, the Vietnamese calendar: Tết Bính Ngọ = 17/2/2026, Tết Đinh Mùi = 6/2/2027
 * (a Saturday), 10/3 âm lịch = 26/4/2026 (a Sunday) and 16/4/2027.
 *
 * Not in the list: 24/11 "Ngày Văn hóa Việt Nam", chosen by the Politburo (Nghị quyết
 * 80-NQ/TW, 2026) as a paid day off but not yet in the Labour Code when this list was written —
 * add it once the amendment is in force.
 */
import { type HolidayCalendar, type HolidayList, holidayCalendar } from './working-days';

const BNV_2026 = 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ';
const VPCP_2026 = 'Văn bản 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ';
const BLLD = 'Bộ luật Lao động 2019, Điều 112';
const ESTIMATE_2027 = 'ước tính theo Bộ luật Lao động 2019, Điều 112 — chưa có thông báo của Bộ Nội vụ';

export const VIETNAM_HOLIDAYS: HolidayList = {
  years: [2026, 2027],
  periods: [
    // 2026
    {
      // Thursday 1/1, and Friday 2/1 swapped with Saturday 10/1 (worked): 1/1–4/1 off.
      from: '2026-01-01',
      to: '2026-01-02',
      name: 'Tết Dương lịch 2026',
      source: VPCP_2026,
    },
    {
      // Mon 16/2 (29 tháng Chạp) to Fri 20/2 (mùng 4), with the weekends: 9 days off.
      from: '2026-02-14',
      to: '2026-02-22',
      name: 'Tết Nguyên đán Bính Ngọ',
      source: BNV_2026,
    },
    {
      // 10/3 âm lịch falls on Sunday 26/4: Monday 27/4 is the day in lieu.
      from: '2026-04-26',
      to: '2026-04-27',
      name: 'Giỗ Tổ Hùng Vương 2026 (nghỉ bù thứ Hai 27/4)',
      source: BLLD,
    },
    {
      from: '2026-04-30',
      to: '2026-05-01',
      name: 'Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5',
      source: BLLD,
    },
    {
      // 1/9 and 2/9, plus Monday 31/8 bridged and worked back on Saturday 22/8: 29/8–2/9 off.
      from: '2026-08-31',
      to: '2026-09-02',
      name: 'Quốc khánh 2/9/2026',
      source: BNV_2026,
    },
    // 2027 — estimates until the Ministry's notice (expected in autumn 2026).
    { from: '2027-01-01', to: '2027-01-01', name: 'Tết Dương lịch 2027', source: BLLD },
    {
      // Tết is Saturday 6/2; as for Tết Giáp Thìn 2024 (also a Saturday): Thu 4/2 (28 tháng
      // Chạp) to Wed 10/2 (mùng 5), five working days off.
      from: '2027-02-04',
      to: '2027-02-10',
      name: 'Tết Nguyên đán Đinh Mùi',
      provisional: true,
      source: ESTIMATE_2027,
    },
    { from: '2027-04-16', to: '2027-04-16', name: 'Giỗ Tổ Hùng Vương 2027', source: BLLD },
    { from: '2027-04-30', to: '2027-04-30', name: 'Ngày Chiến thắng 30/4/2027', source: BLLD },
    {
      // 1/5 is a Saturday: Monday 3/5 in lieu.
      from: '2027-05-01',
      to: '2027-05-03',
      name: 'Quốc tế Lao động 1/5/2027 (nghỉ bù thứ Hai 3/5)',
      source: BLLD,
    },
    {
      // 2/9 is a Thursday; the adjacent day chosen here is Friday 3/9.
      from: '2027-09-02',
      to: '2027-09-03',
      name: 'Quốc khánh 2/9/2027',
      provisional: true,
      source: ESTIMATE_2027,
    },
  ],
  makeUpDays: [
    { on: '2026-01-10', name: 'Làm bù cho thứ Sáu 2/1/2026', source: VPCP_2026 },
    { on: '2026-08-22', name: 'Làm bù cho thứ Hai 31/8/2026', source: BNV_2026 },
  ],
};

export const DEFAULT_HOLIDAY_CALENDAR: HolidayCalendar = holidayCalendar(VIETNAM_HOLIDAYS);
