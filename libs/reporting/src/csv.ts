import { tableCells, type CellValue, type Report } from './report-tables';

/** RFC 4180 CSV, UTF-8 with BOM (spreadsheet programs then show Chinese correctly), CRLF line ends. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  const cell = (v: string | number | null | undefined) => {
    let s = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`; // no formulas from user text
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A report's tables one after the other, a blank line between; ratios as fractions with four decimals, coefficients with four, measures with two. */
export function reportToCsv(report: Report): string {
  const rows: CellValue[][] = [];
  report.tables.forEach((table, i) => {
    if (i) rows.push([]);
    rows.push(table.columns.map((c) => c.header));
    for (const cells of tableCells(table))
      rows.push(cells.map(({ value, kind }) => (typeof value !== 'number' ? value : kind === 'ratio' || kind === 'coefficient' ? value.toFixed(4) : kind === 'decimal' ? Number(value.toFixed(2)) : value)));
  });
  return toCsv(rows);
}
