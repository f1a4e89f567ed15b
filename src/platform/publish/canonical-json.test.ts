// RFC 8785 (JSON Canonicalization Scheme): examples from the RFC's §3.2.3 and Appendix B.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('RFC 8785 canonical JSON', () => {
  it('sorts members by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('serialises numbers as ECMAScript does (RFC 8785 Appendix B)', () => {
    // The RFC's own vector: 333333333.33333329 is meant to lose its last digits.
    // eslint-disable-next-line no-loss-of-precision
    expect(canonicalJson([0, -0, 1e21, 1e-7, 333333333.33333329, 4.5, 2e-3, 0.000001])).toBe(
      '[0,0,1e+21,1e-7,333333333.3333333,4.5,0.002,0.000001]',
    );
  });

  it('has no whitespace and nests', () => {
    expect(canonicalJson({ b: [1, { d: true, c: null }], a: '中文' })).toBe(
      '{"a":"中文","b":[1,{"c":null,"d":true}]}',
    );
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(Infinity)).toThrow();
    expect(() => canonicalJson(10n)).toThrow();
  });
});
