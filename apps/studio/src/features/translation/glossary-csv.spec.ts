import { describe, expect, it } from 'vitest';
import { glossaryFromCsv, glossaryToCsv } from './glossary-csv';

const entry = (source: string, target: string) => ({
  id: 'th-en-0123456789abcdef',
  sourceLanguage: 'th' as const,
  targetLanguage: 'en' as const,
  source,
  target,
  updatedBy: 'u',
  updatedAt: '2026-12-01T00:00:00.000Z',
});

describe('glossary CSV', () => {
  it('round-trips Thai, commas and quotes through export and import', () => {
    const csv = glossaryToCsv([
      entry('พอช.', 'CODI'),
      entry('สภาองค์กรชุมชน', 'Community Organization Council, local'),
      entry('บ้าน "มั่นคง"', 'Baan "Mankong"'),
    ]);
    expect(csv.startsWith('\uFEFFsourceLanguage,targetLanguage,source,target\r\n')).toBe(true);
    const { rows, problems } = glossaryFromCsv(csv);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.row, r.entry.source, r.entry.target])).toEqual([
      [2, 'พอช.', 'CODI'],
      [3, 'สภาองค์กรชุมชน', 'Community Organization Council, local'],
      [4, 'บ้าน "มั่นคง"', 'Baan "Mankong"'],
    ]);
  });

  it('names the row of each bad one and keeps the good ones', () => {
    const { rows, problems } = glossaryFromCsv(
      'sourceLanguage,targetLanguage,source,target\nth,en,พอช.,CODI\nth,th,ก,ข\n\nth,en,,x\n',
    );
    expect(rows.map((r) => r.entry.source)).toEqual(['พอช.']);
    expect(problems.map((p) => p.row)).toEqual([3, 5]);
  });

  it('refuses a file without the columns', () => {
    expect(glossaryFromCsv('term,translation\nพอช.,CODI\n').problems).toEqual([
      { row: 1, message: 'missing column(s): sourceLanguage, targetLanguage, source, target' },
    ]);
  });
});
