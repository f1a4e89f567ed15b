// A scheduled task's lifecycle (architecture rule 4). Only the scheduler and the use-cases that schedule
// or cancel a task move it. Claiming a due task is not a transition: it is a read that holds the row
// (FOR UPDATE SKIP LOCKED, one statement, so that several nodes share the work), and the task stays
// `pending` while its handler runs. A recurring task, or one whose handler asks to be checked again,
// stays `pending` too: only its next check moves, so the scheduler's routine work writes no events.
import { defineLifecycle } from '../lifecycle/lifecycle.js';

export const taskLifecycle = defineLifecycle({
  name: 'scheduled_task',
  table: 'scheduled_tasks',
  states: ['pending', 'done', 'failed'],
  initial: ['pending'],
  final: [],
  labels: 'task.status',
  transitions: {
    complete: {
      from: ['pending'],
      to: 'done',
      by: 'system',
      means: 'Its handler ran and asked for nothing more.',
    },
    cancel: {
      from: ['pending'],
      to: 'done',
      by: 'system',
      means: 'The record it waited for no longer needs it (the use-case that changed the record cancels it).',
    },
    giveUp: {
      from: ['pending'],
      to: 'failed',
      by: 'system',
      means: 'Its handler failed ten times in a row; it stays for an operator to read its last error.',
    },
    reschedule: {
      from: ['done', 'failed'],
      to: 'pending',
      by: 'system',
      means: 'A use-case scheduled the same record and kind again.',
    },
  },
});
