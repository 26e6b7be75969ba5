import ExcelJS from 'exceljs';
import { tableCells, type CellKind, type Report } from './report-tables';

const FORMATS: Record<CellKind, string | undefined> = { text: undefined, count: '#,##0', ratio: '0.0%', decimal: '#,##0.00', coefficient: '0.000' };

/** Columns as wide as their longest shown value; CJK characters count twice. */
const widthOf = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uFFFF]/.test(ch) ? 2 : 1), 0);
const shown = (value: unknown, kind: CellKind) =>
  value === null || value === undefined
    ? ''
    : kind === 'ratio' && typeof value === 'number'
      ? `${(value * 100).toFixed(1)}%`
      : kind === 'count'
        ? Number(value).toLocaleString('en')
        : kind === 'decimal' || kind === 'coefficient'
          ? Number(value).toFixed(kind === 'decimal' ? 2 : 3)
          : String(value);

/**
 * One sheet per table: a bold, frozen header row, numbers as numbers (counts #,##0, ratios 0.0%), text always as
 * a string cell, so user text that starts with = + - @ is never a formula.
 */
export async function reportToXlsx(report: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'school-groups-platform';
  for (const table of report.tables) {
    const ws = wb.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    const widths = table.columns.map((c) => widthOf(c.header));
    for (const cells of tableCells(table)) {
      const row = ws.addRow([]);
      cells.forEach(({ value, kind }, i) => {
        if (value === null || value === undefined || value === '') return;
        const cell = row.getCell(i + 1);
        cell.value = kind === 'text' ? String(value) : Number(value);
        if (FORMATS[kind]) cell.numFmt = FORMATS[kind]!;
        widths[i] = Math.max(widths[i], widthOf(shown(value, kind)));
      });
    }
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = Math.min(60, Math.max(8, w + 2))));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
