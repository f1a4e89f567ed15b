// The pieces every record renderer uses: money in yuan, Beijing time, codes as words, ids as links.
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { translator } from '../views/i18n.js';
import { beijingText, Fields, Instant, RecordLink, excerpt, line, word, yuan } from './record-parts.js';

const zh = translator('zh-CN');
const en = translator('en');

describe('record parts', () => {
  it('show fen as yuan, in the house format', () => {
    expect(yuan(zh, 40000000)).toBe('400,000 元');
    expect(yuan(en, 123456)).toBe('1,234.56 yuan');
    expect(yuan(zh, null)).toBe('—');
  });

  it('show UTC instants as Beijing wall-clock time, keeping the instant for machines', () => {
    expect(beijingText(zh, '2026-11-26T16:30:00.000Z')).toBe('2026-11-27 00:30 北京时间');
    expect(beijingText(en, '2026-11-26T02:00:00.000Z')).toBe('2026-11-26 10:00 Beijing time');
    expect(renderToString(<Instant t={en} at="2026-11-26T02:00:00.000Z" />)).toBe(
      '<time datetime="2026-11-26T02:00:00.000Z">2026-11-26 10:00 Beijing time</time>',
    );
  });

  it('show codes as words, and a code with no words as itself', () => {
    expect(word(zh, 'weekday', '0')).toBe('星期日');
    expect(word(en, 'weekday', '0')).toBe('Sunday');
    expect(word(zh, 'weekday', 'nine')).toBe('nine');
  });

  it('link ids to their pages with words, not the id', () => {
    const html = renderToString(<RecordLink t={zh} id="01ABC/x" />);
    expect(html).toBe('<a href="/records/01ABC%2Fx">查看公示记录</a>');
    expect(renderToString(<RecordLink t={en} id={null} />)).toBe('<span>—</span>');
  });

  it('leave out fields without a value, and join summary parts', () => {
    const html = renderToString(
      <Fields
        items={[
          ['A', 'a'],
          ['B', null],
          ['C', undefined],
        ]}
      />,
    );
    expect(html).toContain('<dt>A</dt>');
    expect(html).not.toContain('<dt>B</dt>');
    expect(line('a', null, '', 'b', false)).toBe('a · b');
    expect(excerpt('一二三四五六', 4)).toBe('一二三…');
  });
});
