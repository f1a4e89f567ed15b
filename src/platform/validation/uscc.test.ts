// Domain guide §9 (GB 32100-2015): public test vectors from python-stdnum.
import { describe, expect, it } from 'vitest';
import { checkUscc, orgCodeCheckCharacter, usccCheckCharacter } from './uscc.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts the public valid vectors', () => {
    expect(checkUscc('91110000600037341L').ok).toBe(true);
    expect(checkUscc('121200004013590816').ok).toBe(true);
  });

  it('rejects a wrong check character and says which one was expected', () => {
    const r = checkUscc('91110000600037341N');
    expect(r.ok).toBe(false);
    expect(r.problem).toEqual({ problem: 'check', expected: 'L', actual: 'N' });
  });

  it('rejects characters outside the alphabet (no I, O, Z, S, V) and names the position', () => {
    const r = checkUscc('9111000060003IOZSV');
    expect(r.ok).toBe(false);
    expect(r.problem).toEqual({ problem: 'character', position: 14, character: 'I' });
  });

  it('rejects a wrong length', () => {
    expect(checkUscc('91110000600037341').problem).toEqual({ problem: 'length', length: 17 });
  });

  it('normalises case and spaces', () => {
    const r = checkUscc(' 91110000600037341l ');
    expect(r).toMatchObject({ ok: true, code: '91110000600037341L' });
  });

  it('treats a failed GB 11714 organization-code check as a warning only', () => {
    const first17 = '5111010512345678' + '9';
    const code = first17 + usccCheckCharacter(first17);
    const r = checkUscc(code);
    expect(r.ok).toBe(true);
    expect(r.orgCodeWarning).toEqual({ expected: orgCodeCheckCharacter('12345678'), actual: '9' });
  });

  it('computes GB 11714 check characters including X and 0', () => {
    // Sum 3*6+7*0+9*0+10*0+5*3+8*7+4*3+2*4 = 109, 109 mod 11 = 10, 11-10 = 1
    expect(orgCodeCheckCharacter('60003734')).toBe('1');
    const bodies = Array.from({ length: 200 }, (_, i) => String(10000000 + i * 7));
    const checks = new Set(bodies.map((b) => orgCodeCheckCharacter(b)));
    expect(checks.has('X')).toBe(true);
    expect(checks.has('0')).toBe(true);
  });
});
