// Record kinds for tests that publish records of their own (the harness's publishNotice, the publish
// pipeline's tests): any JSON content, shown and summarised as JSON. Imported by test code only, so
// the running platform refuses these kinds like any other undeclared one.
import { Type } from 'typebox';
import { defineRecordKind, isDeclaredKind } from '../platform/publish/record-kinds.js';

declare module '../platform/publish/record-kinds.js' {
  interface RecordContents {
    testNotice: unknown;
  }
}

/** Declares a test kind that takes any content (once; a second call is a no-op). */
export function declareTestKind(kind: string): void {
  if (isDeclaredKind(kind)) return;
  defineRecordKind({
    kind: kind as 'testNotice',
    schema: Type.Unknown(),
    render: (content) => JSON.stringify(content),
    summary: (content) => JSON.stringify(content).slice(0, 200),
  });
}

declareTestKind('testNotice');
