// Money is integer fen (architecture rule 6); people read and type yuan.

/** 1234567 fen → "12,345.67"; null → "—". */
export function formatYuan(fen: number | null): string {
  return fen === null
    ? '—'
    : (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
}

/** "12345.6" yuan (digits, at most two decimals, already validated) → 1234560 fen, without floating point. */
export function yuanToFen(yuan: string): number {
  const [whole, fraction = ''] = yuan.trim().split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}
