// The rule for text the database can store, and the strict UTF-8 decoding of bodies and query strings.
import { describe, expect, it } from 'vitest';
import {
  checkText,
  decodeUtf8,
  jsonUtf8Problems,
  parseUrlencoded,
  queryUtf8Problems,
  stripUnstorable,
  unstorableCharacter,
} from './text-input.js';

describe('text the database can store', () => {
  it('refuses C0 controls but tab, LF and CR; DEL and C1; lone surrogates; U+FFFE and U+FFFF', () => {
    for (const bad of ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F']) {
      expect(unstorableCharacter(`a${bad}b`)).toBe(
        `U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
      );
    }
    for (const bad of ['\u0080', '\u0085', '\u009F', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', 'x\uDC00'])
      expect(unstorableCharacter(bad), JSON.stringify(bad)).toBeDefined();
    for (const good of ['a\tb\nc\rd', '中文，标点。', '😀 \uD83D\uDE00', '\u00A0\u00E9', '\uFFFD', ''])
      expect(unstorableCharacter(good), JSON.stringify(good)).toBeUndefined();
  });

  it('names every bad string by its path, through objects and arrays, keys included', () => {
    const value = {
      title: 'ok',
      lots: [{ name: 'a\u0000' }, { name: 'fine' }],
      tags: ['x', 'y\u007F'],
      ['k\u0001']: 'v',
      file: Buffer.from([0, 1, 2]),
      n: 3,
    };
    expect(checkText(value)).toEqual([
      { field: 'lots.0.name', key: 'validation.controlCharacter', params: { char: 'U+0000' } },
      { field: 'tags.1', key: 'validation.controlCharacter', params: { char: 'U+007F' } },
      { field: 'k\\u0001', key: 'validation.controlCharacter', params: { char: 'U+0001' } },
    ]);
    expect(checkText('a\u0000', 'q')).toEqual([
      { field: 'q', key: 'validation.controlCharacter', params: { char: 'U+0000' } },
    ]);
  });

  it('turns CRLF and a lone CR into LF in place', () => {
    const value = { body: '一\r\n二\r三\n', list: ['a\r\nb'] };
    expect(checkText(value)).toEqual([]);
    expect(value).toEqual({ body: '一\n二\n三\n', list: ['a\nb'] });
  });

  it('takes the bad characters out of a form shown again', () => {
    const value = { title: 'a\u0000b\u0085c', list: ['\u0007x'] };
    stripUnstorable(value);
    expect(value).toEqual({ title: 'abc', list: ['x'] });
  });
});

describe('strict UTF-8', () => {
  it('decodes UTF-8 and refuses what is not, instead of putting U+FFFD in its place', () => {
    expect(decodeUtf8(Buffer.from('公示 ✓', 'utf8'))).toBe('公示 ✓');
    expect(decodeUtf8(Buffer.from([0x61, 0xff]))).toBeUndefined();
    expect(decodeUtf8(Buffer.from([0xc3, 0x28]))).toBeUndefined();
    expect(decodeUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBeUndefined(); // an encoded surrogate
  });

  it('reads a urlencoded form strictly, naming the field whose bytes are not UTF-8', () => {
    const { fields, problems } = parseUrlencoded(Buffer.from('a=1&b=%E5%85%AC+%E7%A4%BA&b=2&c=%ff&d=50%&e'));
    expect({ ...fields }).toEqual({ a: '1', b: ['公 示', '2'], c: '\uFFFD', d: '50%', e: '' });
    expect(problems).toEqual([{ field: 'c', key: 'validation.invalidUtf8' }]);
    expect(parseUrlencoded(Buffer.from([0x61, 0x3d, 0xff])).problems).toEqual([
      { field: '_form', key: 'validation.invalidUtf8' },
    ]);
  });

  it('names the query parameters whose %-escapes are not UTF-8', () => {
    expect(queryUtf8Problems('/api/v1/search?q=%ff&page=1&x=%c3%28')).toEqual([
      { field: 'q', key: 'validation.invalidUtf8' },
      { field: 'x', key: 'validation.invalidUtf8' },
    ]);
    expect(queryUtf8Problems('/search?q=%E5%85%AC&r=%zz')).toEqual([]);
    expect(queryUtf8Problems('/search')).toEqual([]);
  });

  it('names the JSON fields that held bytes that are not UTF-8', () => {
    const body = Buffer.concat([
      Buffer.from('{"title":"ok","lots":[{"name":"a'),
      Buffer.from([0xff]),
      Buffer.from('"}]}'),
    ]);
    expect(jsonUtf8Problems(body)).toEqual([{ field: 'lots.0.name', key: 'validation.invalidUtf8' }]);
    expect(jsonUtf8Problems(Buffer.from([0x7b, 0xff, 0x7d]))).toEqual([
      { field: '_body', key: 'validation.invalidUtf8' },
    ]);
  });
});
