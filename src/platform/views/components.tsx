// Form and display components on top of Pico CSS's semantic styles. Labels are always visible, errors
// are tied to their fields (aria-describedby) and summarised at the top of the form, linking to them.
import { randomUUID } from 'node:crypto';
import { createContext, type ComponentChildren, type JSX } from 'preact';
import { useContext } from 'preact/hooks';
import type { FieldProblem } from '../errors.js';
import { formatBeijing } from '../time/dates.js';
import { usePage } from './page-context.js';

export interface FormState {
  values: Record<string, string | undefined>;
  problems: FieldProblem[];
}

export const emptyForm: FormState = { values: {}, problems: [] };

/** A field's element id: `field-<name>`, or `field-<scope>-<name>` inside a FieldScope. */
export function fieldId(name: string, scope = ''): string {
  return `field-${scope ? `${scope}-` : ''}${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

const FieldScopeContext = createContext('');

/**
 * Prefixes the ids of the fields (and the error summary's links to them) inside it, for a page with
 * several forms that have a field of the same name: every id stays unique, so every label names its own
 * field.
 */
export function FieldScope(props: { scope: string; children: ComponentChildren }) {
  return <FieldScopeContext.Provider value={props.scope}>{props.children}</FieldScopeContext.Provider>;
}

/** The element id of a field, within the FieldScope around it. */
function useFieldId(name: string): string {
  return fieldId(name, useContext(FieldScopeContext));
}

function problemFor(form: FormState | undefined, name: string): FieldProblem | undefined {
  return form?.problems.find((p) => p.field === name);
}

/**
 * The CSRF token, and the form's one-time submission key (platform/http/submissions.ts) unless the form
 * may be sent again to the same effect (logging in twice opens two sessions, which is no harm).
 */
export function CsrfField(props: { repeatable?: boolean }) {
  const { csrfToken } = usePage();
  return (
    <>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {props.repeatable ? null : <input type="hidden" name="_submission" value={randomUUID()} />}
    </>
  );
}

export function Form(props: {
  action: string;
  method?: 'get' | 'post';
  children: ComponentChildren;
  class?: string;
  'aria-label'?: string;
  /** Sent twice, it does no harm: no one-time submission key (see CsrfField). */
  repeatable?: boolean;
}) {
  const method = props.method ?? 'post';
  return (
    <form
      action={props.action}
      method={method}
      class={props.class}
      aria-label={props['aria-label']}
      novalidate
    >
      {method === 'post' ? <CsrfField repeatable={props.repeatable} /> : null}
      {props.children}
    </form>
  );
}

/** The list of problems at the top of a form, each linking to its field (GOV.UK's error summary pattern). */
export function ErrorSummary(props: { form: FormState | undefined; labels: Record<string, string> }) {
  const { t } = usePage();
  const scope = useContext(FieldScopeContext);
  const problems = props.form?.problems ?? [];
  if (problems.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{t('form.errorSummary', { count: problems.length })}</h2>
      <ul>
        {problems.map((p) => (
          <li key={p.field}>
            {p.field === '_form' ? (
              t(p.key, p.params)
            ) : (
              <a href={`#${fieldId(p.field, scope)}`}>
                {props.labels[p.field] ? `${props.labels[p.field]}${t('form.labelSeparator')}` : ''}
                {t(p.key, p.params)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  form?: FormState | undefined;
  hint?: string;
  required?: boolean;
}

function describedBy(
  id: string,
  hint: string | undefined,
  problem: FieldProblem | undefined,
): string | undefined {
  const ids = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldMessages(props: { id: string; hint: string | undefined; problem: FieldProblem | undefined }) {
  const { t } = usePage();
  return (
    <>
      {props.hint ? <small id={`${props.id}-hint`}>{props.hint}</small> : null}
      {props.problem ? (
        <small id={`${props.id}-error`} class="field-error">
          {t(props.problem.key, props.problem.params)}
        </small>
      ) : null}
    </>
  );
}

function RequiredMark(props: { required: boolean | undefined }) {
  const { t } = usePage();
  return props.required ? <span class="required"> ({t('form.required')})</span> : null;
}

/**
 * One field: the label holds only the field's name (and "required"); the hint and the error follow the
 * control and are tied to it with aria-describedby, so a screen reader says each once, after the name.
 */
function Field(props: {
  id: string;
  label: string;
  required: boolean | undefined;
  hint: string | undefined;
  problem: FieldProblem | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={props.id}>
        {props.label}
        <RequiredMark required={props.required} />
      </label>
      {props.children}
      <FieldMessages id={props.id} hint={props.hint} problem={props.problem} />
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'tel' | 'password' | 'number' | 'date' | 'search' | 'url';
    value?: string | undefined;
    autocomplete?: string;
    inputmode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode'];
    maxLength?: number;
  },
) {
  const id = useFieldId(props.name);
  const problem = problemFor(props.form, props.name);
  const value = props.type === 'password' ? undefined : (props.form?.values[props.name] ?? props.value);
  return (
    <Field id={id} label={props.label} required={props.required} hint={props.hint} problem={problem}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={value}
        required={props.required}
        autocomplete={props.autocomplete}
        inputMode={props.inputmode}
        maxLength={props.maxLength}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, problem)}
      />
    </Field>
  );
}

/** One checkbox that sends `true` when ticked (a declaration, a consent), with its hint and error. */
export function CheckboxField(props: FieldProps) {
  const id = useFieldId(props.name);
  const problem = problemFor(props.form, props.name);
  return (
    <div class="field">
      <label for={id}>
        <input
          id={id}
          type="checkbox"
          name={props.name}
          value="true"
          checked={props.form?.values[props.name] === 'true'}
          required={props.required}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={describedBy(id, props.hint, problem)}
        />
        {props.label}
        <RequiredMark required={props.required} />
      </label>
      <FieldMessages id={id} hint={props.hint} problem={problem} />
    </div>
  );
}

export function TextAreaField(props: FieldProps & { value?: string | undefined; rows?: number }) {
  const id = useFieldId(props.name);
  const problem = problemFor(props.form, props.name);
  return (
    <Field id={id} label={props.label} required={props.required} hint={props.hint} problem={problem}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 6}
        required={props.required}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, problem)}
      >
        {props.form?.values[props.name] ?? props.value ?? ''}
      </textarea>
    </Field>
  );
}

/** A file input (by default the document types the platform accepts), its error tied to it. */
export function FileField(props: Omit<FieldProps, 'required'> & { accept?: string }) {
  const id = useFieldId(props.name);
  const problem = problemFor(props.form, props.name);
  return (
    <Field id={id} label={props.label} required={false} hint={props.hint} problem={problem}>
      <input
        id={id}
        type="file"
        name={props.name}
        accept={props.accept ?? '.pdf,.docx,.xlsx,.png,.jpg,.jpeg'}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, problem)}
      />
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: FieldProps & { options: Option[]; value?: string | undefined; emptyLabel?: string },
) {
  const id = useFieldId(props.name);
  const problem = problemFor(props.form, props.name);
  const selected = props.form?.values[props.name] ?? props.value ?? '';
  return (
    <Field id={id} label={props.label} required={props.required} hint={props.hint} problem={problem}>
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, problem)}
      >
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === selected}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function SubmitButton(props: {
  children: ComponentChildren;
  secondary?: boolean;
  name?: string;
  value?: string;
}) {
  return (
    <button
      type="submit"
      class={props.secondary ? 'secondary' : undefined}
      name={props.name}
      value={props.value}
    >
      {props.children}
    </button>
  );
}

/** A button that posts a one-field form (log out, revoke, unlock): state changes never ride on links. */
export function PostButton(props: {
  action: string;
  children: ComponentChildren;
  secondary?: boolean;
  fields?: Record<string, string>;
  class?: string;
}) {
  return (
    <form action={props.action} method="post" class={`inline-form ${props.class ?? ''}`.trim()}>
      <CsrfField />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.secondary ? 'secondary outline' : 'outline'}>
        {props.children}
      </button>
    </form>
  );
}

export function BeijingTime(props: { at: string | null | undefined }) {
  const { t } = usePage();
  if (!props.at) return <span>—</span>;
  return (
    <time dateTime={props.at} title={t('time.beijing')}>
      {formatBeijing(props.at)}
    </time>
  );
}

export function Pager(props: {
  page: number;
  pageSize: number;
  total: number;
  href: (page: number) => string;
}) {
  const { t } = usePage();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('pager.label')} class="pager">
      <ul>
        <li>
          {props.page > 1 ? (
            <a href={props.href(props.page - 1)} rel="prev">
              {t('pager.previous')}
            </a>
          ) : null}
        </li>
        <li>{t('pager.position', { page: props.page, pages, total: props.total })}</li>
        <li>
          {props.page < pages ? (
            <a href={props.href(props.page + 1)} rel="next">
              {t('pager.next')}
            </a>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}

/** Key–value pairs (a record's facts), as a description list. */
export function Facts(props: { items: [string, ComponentChildren][] }) {
  return (
    <dl class="facts">
      {props.items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
