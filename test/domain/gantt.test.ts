import { describe, expect, it } from 'vitest';
import { financialYearOf, ganttBar, positionPct } from '../../src/domain/gantt.js';

describe('financial year', () => {
  it('runs April to March around the date', () => {
    expect(financialYearOf('2022-11-18')).toMatchObject({ start: '2022-04-01', end: '2023-03-31', label: '2022/23' });
    expect(financialYearOf('2023-03-31')).toMatchObject({ start: '2022-04-01', label: '2022/23' });
    expect(financialYearOf('2023-04-01')).toMatchObject({ start: '2023-04-01', label: '2023/24' });
  });

  it('has twelve month columns that tile the year', () => {
    const fy = financialYearOf('2022-11-18');
    expect(fy.months.map((m) => m.label)).toEqual(['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar']);
    expect(fy.months[8]!.year).toBe(2022);
    expect(fy.months[9]!.year).toBe(2023);
    const total = fy.months.reduce((s, m) => s + m.widthPct, 0);
    expect(total).toBeCloseTo(100, 6);
    expect(fy.years).toEqual([{ year: 2022, months: 9 }, { year: 2023, months: 3 }]);
  });
});

describe('ganttBar', () => {
  const fy = financialYearOf('2022-11-18');

  it('clips a bar that started before the year and marks it', () => {
    const g = ganttBar(fy, '2021-07-01', '2022-07-15', false);
    expect(g.bar!.leftPct).toBe(0);
    expect(g.bar!.continuesBefore).toBe(true);
    expect(g.bar!.continuesAfter).toBe(false);
    expect(g.bar!.widthPct).toBeCloseTo((106 / 365) * 100, 5);
  });

  it('clips a bar that ends after the year', () => {
    const g = ganttBar(fy, '2021-11-29', '2024-03-29', false);
    expect(g.bar).toMatchObject({ leftPct: 0, continuesBefore: true, continuesAfter: true });
    expect(g.bar!.widthPct).toBeCloseTo(100, 5);
  });

  it('places a milestone without a start date at its end date', () => {
    const g = ganttBar(fy, null, '2022-07-22', true);
    expect(g.bar).toBeNull();
    expect(g.milestonePct).toBeCloseTo(positionPct(fy, '2022-07-22'), 6);
    expect(g.milestonePct! > fy.months[3]!.startPct && g.milestonePct! < fy.months[4]!.startPct).toBe(true); // in July
  });

  it('reports tasks outside the year', () => {
    expect(ganttBar(fy, '2021-01-01', '2022-03-31', false).outside).toBe('before');
    expect(ganttBar(fy, '2023-04-01', '2023-06-30', false).outside).toBe('after');
  });
});
