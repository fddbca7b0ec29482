import Papa from 'papaparse';
import type { GlossaryEntry, GlossaryInput } from './types';

const COLUMNS = ['sourceLanguage', 'targetLanguage', 'source', 'target'] as const;
const LANGUAGES = new Set(['th', 'en']);

/**
 * The glossary as CSV: UTF-8 with a byte-order mark (spreadsheet programs then read Thai correctly), one header
 * row `sourceLanguage,targetLanguage,source,target`, fields quoted where needed.
 */
export function glossaryToCsv(entries: GlossaryEntry[]): string {
  const rows = entries.map((e) => COLUMNS.map((c) => e[c]));
  return `\uFEFF${Papa.unparse({ fields: [...COLUMNS], data: rows }, { newline: '\r\n' })}\r\n`;
}

export interface CsvProblem {
  /** The row as a spreadsheet numbers it (1 is the header; a quoted line break stays in its row). */
  row: number;
  message: string;
}

/** Rows of a glossary CSV (the export's format; a BOM and blank lines are fine), each checked before it is sent. */
export function glossaryFromCsv(text: string): {
  rows: { row: number; entry: GlossaryInput }[];
  problems: CsvProblem[];
} {
  // Blank rows are kept while parsing (and skipped below) so that row numbers match the spreadsheet's.
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: false,
    transformHeader: (h) => h.trim(),
  });
  const blank = (r: Record<string, string> | undefined) => !r || Object.values(r).every((v) => !String(v ?? '').trim());
  const problems: CsvProblem[] = [];
  const missing = COLUMNS.filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length) return { rows: [], problems: [{ row: 1, message: `missing column(s): ${missing.join(', ')}` }] };
  const broken = new Set<number>();
  for (const e of parsed.errors) {
    if (e.row === undefined || blank(parsed.data[e.row])) continue;
    broken.add(e.row);
    problems.push({ row: e.row + 2, message: e.message });
  }
  const rows: { row: number; entry: GlossaryInput }[] = [];
  parsed.data.forEach((r, i) => {
    if (blank(r) || broken.has(i)) return;
    const row = i + 2;
    const [sourceLanguage, targetLanguage, source, target] = COLUMNS.map((c) => (r[c] ?? '').trim());
    if (!LANGUAGES.has(sourceLanguage!) || !LANGUAGES.has(targetLanguage!) || sourceLanguage === targetLanguage) {
      problems.push({
        row,
        message: `languages must be th and en, in either order (got "${sourceLanguage}", "${targetLanguage}")`,
      });
    } else if (!source || !target) {
      problems.push({ row, message: 'source and target must not be empty' });
    } else {
      rows.push({
        row,
        entry: { sourceLanguage, targetLanguage, source, target } as GlossaryInput,
      });
    }
  });
  return { rows, problems };
}
