// The pure rules of survey questions and answers, without a database.
import { describe, expect, it } from 'vitest';
import { checkQuestion } from './question-rules.js';
import { checkAnswers } from './submit-response.js';
import type { QuestionView } from './survey-view.js';

describe('checkQuestion', () => {
  it('trims the prompt and the options, drops empty options, and is required unless said otherwise', () => {
    expect(checkQuestion({ kind: 'single', prompt: ' 需要吗？ ', options: [' 是 ', '', '否'] })).toEqual({
      question: { kind: 'single', prompt: '需要吗？', required: true, options: ['是', '否'] },
      problems: [],
    });
    expect(checkQuestion({ kind: 'rating', prompt: '满意度', required: false }).question.required).toBe(
      false,
    );
  });

  it('asks a choice for two different options, and nothing else for options', () => {
    const fields = (input: Parameters<typeof checkQuestion>[0], prefix?: string) =>
      checkQuestion(input, prefix).problems.map((p) => `${p.field} ${p.key}`);
    expect(fields({ kind: 'multiple', prompt: 'a', options: ['x'] })).toEqual([
      'options survey.optionsTooFew',
    ]);
    expect(fields({ kind: 'single', prompt: 'a', options: ['x', 'x'] })).toEqual([
      'options survey.optionsRepeated',
    ]);
    expect(fields({ kind: 'text', prompt: ' ', options: ['x'] }, 'questions.2.')).toEqual([
      'questions.2.prompt validation.required',
      'questions.2.options survey.optionsNotAllowed',
    ]);
  });
});

describe('checkAnswers', () => {
  const questions: QuestionView[] = [
    { number: 1, kind: 'single', prompt: 'a', required: true, options: ['x', 'y'] },
    { number: 2, kind: 'multiple', prompt: 'b', required: false, options: ['x', 'y', 'z'] },
    { number: 3, kind: 'rating', prompt: 'c', required: false, options: [] },
    { number: 4, kind: 'text', prompt: 'd', required: false, options: [] },
  ];
  const fields = (answers: Record<string, unknown>) =>
    checkAnswers(questions, answers).problems.map((p) => `${p.field} ${p.key}`);

  it('reads numbers sent as text, sorts multiple choices and trims text', () => {
    expect(checkAnswers(questions, { 1: '1', 2: ['2', 0], 3: '5', 4: ' 好 ' })).toEqual({
      clean: { 1: 1, 2: [0, 2], 3: 5, 4: '好' },
      problems: [],
    });
  });

  it('requires what is required, and only that', () => {
    expect(fields({})).toEqual(['answers.1 survey.answerRequired']);
    expect(fields({ 1: 0, 2: [], 4: '' })).toEqual([]);
  });

  it('refuses unknown questions, options out of range, repeated choices and ratings outside 1–5', () => {
    expect(fields({ 1: 2, 2: [1, 1], 3: 6, 9: 'x' })).toEqual([
      'answers.9 survey.unknownQuestion',
      'answers.1 survey.answerChoice',
      'answers.2 survey.answerChoice',
      'answers.3 survey.answerRating',
    ]);
    expect(fields({ 1: 0, 4: 'x'.repeat(2001) })).toEqual(['answers.4 validation.maxLength']);
  });
});
