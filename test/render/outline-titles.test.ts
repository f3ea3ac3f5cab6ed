import { describe, expect, it } from 'vitest';
import { repairOutlineTitles } from '../../src/render/outline-titles.js';

describe('repairOutlineTitles', () => {
  it('halves doubled titles without changing the byte length', () => {
    const pdf = Buffer.from('1 0 obj\n<</Title (AgendaAgenda) /Parent 2 0 R>>\n<</Title (Risks)>>\n<</Title (\\(a\\)\\(a\\))>>', 'latin1');
    const out = repairOutlineTitles(pdf);
    expect(out.length).toBe(pdf.length);
    expect(out.toString('latin1')).toContain('/Title (Agenda      )');
    expect(out.toString('latin1')).toContain('/Title (Risks)');
    expect(out.toString('latin1')).toContain('/Title (\\(a\\)     )');
  });

  it('leaves other PDFs untouched', () => {
    const pdf = Buffer.from('<</Title (Area 1: Weaknesses)>>', 'latin1');
    expect(repairOutlineTitles(pdf)).toBe(pdf);
  });
});
