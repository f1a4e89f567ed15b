// Time is injected (architecture rule 5): nothing else calls Date.now() or new Date() without an argument.
import { readFileSync } from 'node:fs';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = {
  now: () => new Date(),
};

/**
 * The system clock moved by an offset read from a file (milliseconds, an integer; missing or empty
 * means 0), read on every reading of the clock. For browser tests only, which must see a deadline pass in a
 * running server (TEST_CLOCK_FILE; the server warns at start when it is set). Never in production.
 */
export class OffsetFileClock implements Clock {
  private offset = 0;
  private seen = '';

  constructor(private readonly file: string) {}

  now(): Date {
    let text = '';
    try {
      text = readFileSync(this.file, 'utf8').trim();
    } catch {
      text = '';
    }
    if (text !== this.seen) {
      this.seen = text;
      const offset = /^-?\d{1,15}$/.test(text) ? Number(text) : 0;
      this.offset = Number.isSafeInteger(offset) ? offset : 0;
    }
    return new Date(Date.now() + this.offset);
  }
}

/** A clock that only moves when told to; used by tests and by demo seeding. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
