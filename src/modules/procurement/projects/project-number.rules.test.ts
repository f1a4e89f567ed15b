import { describe, expect, it } from 'vitest';
import { METHODS } from '../methods.js';
import { METHOD_CODES, numberScope, projectNumber } from './project-number.rules.js';

describe('the project number (项目编号)', () => {
  it('reads district, year, method and sequence', () => {
    expect(projectNumber(numberScope('110102', 2026, 'openTender'), 7)).toBe('110102-2026-GK-0007');
    expect(projectNumber(numberScope(null, 2027, 'singleSource'), 12345)).toBe('110000-2027-DY-12345');
  });

  it('gives every method its own code', () => {
    const codes = METHODS.map((m) => METHOD_CODES[m]);
    expect(new Set(codes).size).toBe(METHODS.length);
  });
});
