// The pieces the catalogue pages share: parameters, the item form's fields and labels, checkboxes.
import { Type } from 'typebox';
import {
  fieldId,
  SelectField,
  TextAreaField,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import { type Translate } from '../../platform/views/i18n.js';
import { type ItemView } from './catalogue.queries.js';
import { ITEM_DOMAINS, NEGATIVE_CHECKS } from './catalogue.rules.js';

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const ItemParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  itemId: Type.String({ minLength: 1, maxLength: 64 }),
});
export const NoFields = Type.Object({});

export const ITEM_LABELS = (t: Translate) => ({
  code: t('catalogue.code'),
  name: t('catalogue.name'),
  description: t('catalogue.description'),
  parentId: t('catalogue.parent'),
  domain: t('catalogue.domain'),
  community: t('catalogue.community'),
  forSocialOrganizations: t('catalogue.suitableFor'),
  forIndustryAssociations: t('catalogue.suitableFor'),
  standards: t('catalogue.standards'),
  negativeCheck: t('catalogue.negativeCheck'),
  negativeReason: t('catalogue.negativeReason'),
  purchasable: t('catalogue.purchasableLabel'),
});

/** A checkbox that sends `true` when ticked, with its errors tied to it. */
export function Checkbox(props: { name: string; label: string; form: FormState; hint?: string }) {
  const id = fieldId(props.name);
  const problem = props.form.problems.find((p) => p.field === props.name);
  const described = [props.hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean);
  return (
    <div class="field">
      <label for={id}>
        <input
          id={id}
          type="checkbox"
          name={props.name}
          value="true"
          checked={props.form.values[props.name] === 'true'}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={described.length > 0 ? described.join(' ') : undefined}
        />
        {props.label}
      </label>
      {props.hint ? <small id={`${id}-hint`}>{props.hint}</small> : null}
    </div>
  );
}

/** The errors of checkboxes, shown under the group (Checkbox shows none itself). */
export function CheckboxErrors(props: { names: string[]; form: FormState; t: Translate }) {
  const problems = props.form.problems.filter((p) => props.names.includes(p.field));
  return (
    <>
      {problems.map((p) => (
        <small key={p.field} id={`${fieldId(p.field)}-error`} class="field-error">
          {props.t(p.key, p.params)}
        </small>
      ))}
    </>
  );
}

export function itemFormValues(item: ItemView): Record<string, string> {
  return {
    code: item.code,
    name: item.name,
    description: item.description ?? '',
    parentId: item.parentId ?? '',
    domain: item.domain,
    community: item.community ? 'true' : '',
    forSocialOrganizations: item.forSocialOrganizations ? 'true' : '',
    forIndustryAssociations: item.forIndustryAssociations ? 'true' : '',
    standards: item.standards ?? '',
    negativeCheck: item.negativeCheck,
    negativeReason: item.negativeReason,
    purchasable: item.purchasable ? 'true' : '',
  };
}

export function ItemFields(props: { form: FormState; t: Translate; parents: ItemView[] }) {
  const { form, t } = props;
  return (
    <>
      <div class="grid">
        <TextField name="code" label={t('catalogue.code')} form={form} maxLength={20} required />
        <TextField name="name" label={t('catalogue.name')} form={form} maxLength={100} required />
      </div>
      <div class="grid">
        <SelectField
          name="parentId"
          label={t('catalogue.parent')}
          form={form}
          emptyLabel={t('catalogue.parentNone')}
          options={props.parents.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
        />
        <SelectField
          name="domain"
          label={t('catalogue.domain')}
          form={form}
          options={ITEM_DOMAINS.map((d) => ({ value: d, label: t(`catalogue.domain.${d}`) }))}
          required
        />
      </div>
      <TextAreaField name="description" label={t('catalogue.description')} form={form} rows={3} />
      <TextAreaField
        name="standards"
        label={t('catalogue.standards')}
        hint={t('catalogue.standardsHint')}
        form={form}
        rows={3}
      />
      <fieldset>
        <legend>{t('catalogue.suitableFor')}</legend>
        <Checkbox name="forSocialOrganizations" label={t('catalogue.forSocialOrganizations')} form={form} />
        <Checkbox name="forIndustryAssociations" label={t('catalogue.forIndustryAssociations')} form={form} />
        <Checkbox
          name="community"
          label={t('catalogue.community')}
          hint={t('catalogue.communityHint')}
          form={form}
        />
        <CheckboxErrors
          names={['forSocialOrganizations', 'forIndustryAssociations', 'community']}
          form={form}
          t={t}
        />
      </fieldset>
      <SelectField
        name="negativeCheck"
        label={t('catalogue.negativeCheck')}
        hint={t('catalogue.negativeCheckHint')}
        form={form}
        options={NEGATIVE_CHECKS.map((c) => ({
          value: c,
          label: c === 'none' ? t('catalogue.check.none') : t(`catalogue.ground.${c}`),
        }))}
        required
      />
      <TextField
        name="negativeReason"
        label={t('catalogue.negativeReason')}
        hint={t('catalogue.negativeReasonHint')}
        form={form}
        maxLength={500}
        required
      />
      <fieldset>
        <legend>{t('catalogue.purchasableLabel')}</legend>
        <Checkbox
          name="purchasable"
          label={t('catalogue.purchasableLabel')}
          hint={t('catalogue.purchasableHint')}
          form={form}
        />
        <CheckboxErrors names={['purchasable']} form={form} t={t} />
      </fieldset>
    </>
  );
}

export function suitable(t: Translate, i: ItemView): string {
  const who = [
    i.forSocialOrganizations ? t('catalogue.forSocialOrganizations') : null,
    i.forIndustryAssociations ? t('catalogue.forIndustryAssociations') : null,
  ].filter(Boolean);
  return who.length > 0 ? who.join(t('catalogue.listSeparator')) : '—';
}
