/** An agency read from a title without 人民政府 (issue 18 §4) resolved against the archive's agencies. */
import { describe, expect, it } from 'vitest';
import { suggestAgency } from '../../main/api/import-preview';
import { ensureAgency } from '../../main/db/agencies';
import { openArchive } from '../../main/db/open';

describe('suggestAgency', () => {
  it('「勐溪镇」 → the one archived government it names; an office of the town too → still the government', () => {
    const db = openArchive(':memory:');
    ensureAgency(db, '西盟县勐溪镇人民政府', '2025-01-01T00:00:00Z');
    expect(suggestAgency(db, '勐溪镇', undefined)).toBe('西盟县勐溪镇人民政府');
    ensureAgency(db, '勐溪镇财政所', '2025-01-01T00:00:00Z');
    expect(suggestAgency(db, '勐溪镇', undefined)).toBe('西盟县勐溪镇人民政府');
  });

  it('two governments it could be: no default, the clerk chooses', () => {
    const db = openArchive(':memory:');
    ensureAgency(db, '西盟县勐溪镇人民政府', '2025-01-01T00:00:00Z');
    ensureAgency(db, '孟连县勐溪镇人民政府', '2025-01-01T00:00:00Z');
    expect(suggestAgency(db, '勐溪镇', undefined)).toBeNull();
  });
});
