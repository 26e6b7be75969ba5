import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** A sheet as text: the header row, then each data row with its number as Excel shows it (the header is row 1). */
export interface Sheet {
  headers: string[];
  rows: { row: number; cells: (string | null)[] }[];
}

/** Why a file could not be read at all: [zh-CN, en]. */
export class UnreadableFile extends Error {
  constructor(readonly messages: [string, string]) {
    super(messages[1]);
  }
}

const BOM = '\ufeff';

/** A cell's value as the user typed it: text trimmed, numbers without grouping, dates as YYYY-MM-DD, empty as null. */
function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  // Excel keeps the wall-clock time as typed, which exceljs hands over as UTC: a date, or a date and time
  if (value instanceof Date) return value.toISOString().slice(11, 16) === '00:00' ? value.toISOString().slice(0, 10) : value.toISOString().slice(0, 16).replace('T', ' ');
  if (typeof value === 'object') {
    if ('richText' in value) return cellText(value.richText.map((r) => r.text).join(''));
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue); // a formula: its last computed value
    if ('text' in value) return cellText(value.text as string); // a hyperlink
    if ('error' in value) return null;
  }
  const text = String(value).trim();
  return text === '' ? null : text;
}

function toSheet(ws: ExcelJS.Worksheet | undefined): Sheet {
  if (!ws) return { headers: [], rows: [] };
  const grid: { row: number; cells: (string | null)[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    const cells: (string | null)[] = [];
    r.eachCell({ includeEmpty: true }, (c, col) => (cells[col - 1] = cellText(c.value)));
    grid.push({ row: n, cells: Array.from(cells, (c) => c ?? null) });
  });
  const header = grid.shift();
  const headers = (header?.cells ?? []).map((h) => (h ?? '').replace(BOM, '').trim());
  return { headers, rows: grid.filter((r) => r.cells.some((c) => c !== null)) };
}

/** Reads the first sheet of an .xlsx, or a UTF-8 .csv (with or without BOM), with exceljs. */
export async function readSheet(file: Buffer, filename: string): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  const lower = filename.toLowerCase();
  if (lower.endsWith('.csv')) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file);
    } catch {
      throw new UnreadableFile(['CSV 文件不是 UTF-8 编码：请在 Excel 中“另存为 CSV UTF-8”后再导入', 'The CSV file is not UTF-8: save it as "CSV UTF-8" and import it again']);
    }
    if (text.startsWith(BOM)) text = text.slice(1);
    // every value stays text (staff numbers keep their leading zeros); empty cells are empty
    const ws = await wb.csv.read(Readable.from([text]), { map: (v: string) => (v === '' ? null : v) } as any);
    return toSheet(ws);
  }
  if (lower.endsWith('.xlsx')) {
    try {
      await wb.xlsx.load(file as any);
    } catch {
      throw new UnreadableFile(['无法读取该 Excel 文件：请使用 .xlsx 格式（Excel 2007 及以后）', 'The Excel file cannot be read: use the .xlsx format (Excel 2007 or later)']);
    }
    return toSheet(wb.worksheets[0]);
  }
  throw new UnreadableFile(['只能导入 .xlsx 或 .csv 文件', 'Only .xlsx and .csv files can be imported']);
}

/** A template: the headers in bold (zh-CN), an example row, and a sheet that explains each column. */
export async function templateWorkbook(
  sheetName: string,
  columns: { header: string; example: string; help: string }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'school-groups-platform';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  const example = ws.addRow([]);
  columns.forEach((c, i) => {
    const cell = example.getCell(i + 1);
    cell.value = c.example; // text cells: numbers such as staff numbers keep their zeros
    cell.numFmt = '@';
  });
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = Math.max(10, [...c.header].length * 2 + 4, [...c.example].length * 2)));
  const help = wb.addWorksheet('填写说明');
  help.addRow(['列', '说明']).font = { bold: true };
  for (const c of columns) help.addRow([c.header, c.help]);
  help.getColumn(1).width = 18;
  help.getColumn(2).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
