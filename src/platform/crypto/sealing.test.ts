// Sealed envelopes: what seals opens only with the right unwrapped key, and any change is refused.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  boxForHolder,
  newSealingKeyPair,
  openEnvelope,
  openHolderBox,
  seal,
  SealingError,
  unwrapSealingKey,
} from './sealing.js';

describe('sealed envelopes', () => {
  const kek = randomBytes(32);
  const pair = newSealingKeyPair(kek, 'project:a');
  const parts = new Map([
    ['content', Buffer.from('{"price":100}')],
    ['file:0', randomBytes(1000)],
  ]);

  it('opens with the unwrapped key what was sealed for its public key', () => {
    const envelope = seal(pair.publicKey, 'bid:1', parts);
    expect(envelope.parts.get('content')!.includes(Buffer.from('price'))).toBe(false);
    const opened = openEnvelope(
      unwrapSealingKey(kek, pair.wrappedPrivateKey, 'project:a'),
      'bid:1',
      envelope,
    );
    expect(opened).toEqual(parts);
  });

  it('does not unwrap a project key under another key, or for another project', () => {
    expect(() => unwrapSealingKey(randomBytes(32), pair.wrappedPrivateKey, 'project:a')).toThrow(
      SealingError,
    );
    expect(() => unwrapSealingKey(kek, pair.wrappedPrivateKey, 'project:b')).toThrow(SealingError);
  });

  it('refuses an altered part, parts swapped, another record’s envelope, or another project’s key', () => {
    const key = unwrapSealingKey(kek, pair.wrappedPrivateKey, 'project:a');
    const envelope = seal(pair.publicKey, 'bid:1', parts);
    const altered = Buffer.from(envelope.parts.get('file:0')!);
    altered[40] = altered[40]! ^ 1;
    expect(() =>
      openEnvelope(key, 'bid:1', { ...envelope, parts: new Map([...envelope.parts, ['file:0', altered]]) }),
    ).toThrow(SealingError);
    const swapped = new Map([
      ['content', envelope.parts.get('file:0')!],
      ['file:0', envelope.parts.get('content')!],
    ]);
    expect(() => openEnvelope(key, 'bid:1', { ...envelope, parts: swapped })).toThrow(SealingError);
    expect(() => openEnvelope(key, 'bid:2', envelope)).toThrow(SealingError);
    const other = newSealingKeyPair(kek, 'project:b');
    expect(() =>
      openEnvelope(unwrapSealingKey(kek, other.wrappedPrivateKey, 'project:b'), 'bid:1', envelope),
    ).toThrow(SealingError);
  });

  it('gives every envelope its own ephemeral key, so equal bids do not look equal', () => {
    const a = seal(pair.publicKey, 'bid:1', parts);
    const b = seal(pair.publicKey, 'bid:1', parts);
    expect(a.ephemeralPublicKey).not.toBe(b.ephemeralPublicKey);
    expect(a.parts.get('content')).not.toEqual(b.parts.get('content'));
  });
});

describe('a box for its holder', () => {
  it('opens only with its key and its context, and refuses altered bytes', () => {
    const { key, box } = boxForHolder(Buffer.from('收据 receipt'), 'bid-receipt|b1');
    expect(openHolderBox(key, box, 'bid-receipt|b1').toString()).toBe('收据 receipt');
    expect(() => openHolderBox(key, box, 'bid-receipt|b2')).toThrow(SealingError);
    const other = boxForHolder(Buffer.from('x'), 'bid-receipt|b1').key;
    expect(() => openHolderBox(other, box, 'bid-receipt|b1')).toThrow(SealingError);
    const altered = Buffer.from(box);
    altered[20] = altered[20]! ^ 1;
    expect(() => openHolderBox(key, altered, 'bid-receipt|b1')).toThrow(SealingError);
    expect(() => openHolderBox('short', box, 'bid-receipt|b1')).toThrow(SealingError);
    expect(box.includes(Buffer.from('receipt'))).toBe(false);
  });
});
