// Unified social credit code (统一社会信用代码, GB 32100-2015), domain guide §9.
// 18 characters: registration authority · type · administrative division (6) · organization code (9,
// GB 11714) · check character. Only the overall check is a rejection; the inner GB 11714 check is a
// warning, because real codes issued before the standard do not always pass it.

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export type UsccProblem =
  | { problem: 'length'; length: number }
  | { problem: 'character'; position: number; character: string }
  | { problem: 'check'; expected: string; actual: string };

export interface UsccResult {
  ok: boolean;
  code: string;
  problem?: UsccProblem;
  /** The GB 11714 organization-code check failed (a warning, not a rejection). */
  orgCodeWarning?: { expected: string; actual: string };
}

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check character of the 8-character body of an organization code. */
export function orgCodeCheckCharacter(body8: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = ORG_CODE_ALPHABET.indexOf(body8[i]!);
    if (v < 0) return undefined;
    sum += v * ORG_CODE_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Checks a code. Accepts lowercase and surrounding spaces; `code` in the result is normalised. */
export function checkUscc(input: string): UsccResult {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, code, problem: { problem: 'length', length: code.length } };
  for (let i = 0; i < 18; i++) {
    if (!USCC_ALPHABET.includes(code[i]!)) {
      return { ok: false, code, problem: { problem: 'character', position: i + 1, character: code[i]! } };
    }
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (expected !== code[17])
    return { ok: false, code, problem: { problem: 'check', expected, actual: code[17]! } };
  const result: UsccResult = { ok: true, code };
  const orgExpected = orgCodeCheckCharacter(code.slice(8, 16));
  if (orgExpected !== code[16]) result.orgCodeWarning = { expected: orgExpected ?? '?', actual: code[16]! };
  return result;
}

/** A message key and parameters describing what is wrong with a code. */
export function usccProblemMessage(problem: UsccProblem): {
  key: string;
  params: Record<string, string | number>;
} {
  switch (problem.problem) {
    case 'length':
      return { key: 'validation.uscc.length', params: { length: problem.length } };
    case 'character':
      return {
        key: 'validation.uscc.character',
        params: { position: problem.position, character: problem.character },
      };
    case 'check':
      return { key: 'validation.uscc.check', params: { expected: problem.expected, actual: problem.actual } };
  }
}
