// The checks a question must pass before it is added to a survey.
import type { Static } from 'typebox';
import type { FieldProblem } from '../../platform/errors.js';
import type { QuestionBody } from './surveys.schemas.js';
import type { QuestionKind } from './surveys.rules.js';

export interface QuestionInput {
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  options: string[];
}

/** Trims, drops empty options, and lists the problems, each under `prefix` + its field name. */
export function checkQuestion(
  input: Static<typeof QuestionBody>,
  prefix = '',
): { question: QuestionInput; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const prompt = input.prompt.trim();
  const options = (input.options ?? []).map((o) => o.trim()).filter((o) => o !== '');
  if (prompt === '') problems.push({ field: `${prefix}prompt`, key: 'validation.required' });
  const choice = input.kind === 'single' || input.kind === 'multiple';
  if (choice && options.length < 2) problems.push({ field: `${prefix}options`, key: 'survey.optionsTooFew' });
  if (choice && new Set(options).size !== options.length)
    problems.push({ field: `${prefix}options`, key: 'survey.optionsRepeated' });
  if (!choice && options.length > 0)
    problems.push({
      field: `${prefix}options`,
      key: 'survey.optionsNotAllowed',
      params: { kind: `@survey.kind.${input.kind}` },
    });
  return {
    question: { kind: input.kind, prompt, required: input.required ?? true, options },
    problems,
  };
}
