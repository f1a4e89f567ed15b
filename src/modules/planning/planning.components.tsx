// The pieces the intention pages share: parameters, labels, the form's costs, the cost table.
import type { Static } from 'typebox';
import { Type } from 'typebox';
import { invalid, type FieldProblem } from '../../platform/errors.js';
import { type Translate } from '../../platform/views/i18n.js';
import { formatYuan, yuanToFen } from '../../platform/views/money.js';
import { COST_KINDS } from './planning.rules.js';
import { type IntentionForm, type IntentionBody } from './planning.schemas.js';

export const PAGE_SIZE = 25;
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const NoFields = Type.Object({});

export function labels(t: Translate): Record<string, string> {
  const out: Record<string, string> = {
    departmentId: t('planning.department'),
    catalogueItemId: t('planning.catalogueItem'),
    projectName: t('planning.projectName'),
    needs: t('planning.needs'),
    procurementFrom: t('planning.procurementFrom'),
    contractMonths: t('planning.contractMonths'),
    costs: t('planning.costs'),
    urgentReason: t('planning.urgentReason'),
  };
  for (const k of COST_KINDS) {
    const kind = t(`planning.cost.${k}`);
    out[`${k}Quantity`] = `${kind} ${t('planning.cost.quantity')}`;
    out[`${k}Unit`] = `${kind} ${t('planning.cost.unit')}`;
    out[`${k}UnitCost`] = `${kind} ${t('planning.cost.unitCost')}`;
    out[`${k}Note`] = `${kind} ${t('planning.cost.note')}`;
  }
  return out;
}

/** The form's flat fields as the use-case's input; a cost line half filled in is a problem of that line. */
export function toBody(form: Static<typeof IntentionForm>): Static<typeof IntentionBody> {
  const values = form as unknown as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const costs: Static<typeof IntentionBody>['costs'] = [];
  for (const k of COST_KINDS) {
    const quantity = values[`${k}Quantity`] as number | undefined;
    const unit = values[`${k}Unit`] as string | undefined;
    const unitCost = values[`${k}UnitCost`] as string | undefined;
    const note = values[`${k}Note`] as string | undefined;
    const given = [quantity, unit, unitCost].filter((v) => v !== undefined).length;
    if (given === 0) continue;
    if (given < 3) {
      const missing = quantity === undefined ? 'Quantity' : unit === undefined ? 'Unit' : 'UnitCost';
      problems.push({ field: `${k}${missing}`, key: 'planning.costIncomplete' });
      continue;
    }
    costs.push({
      kind: k,
      quantity: quantity!,
      unit: unit!,
      unitCostFen: yuanToFen(unitCost!),
      ...(note ? { note } : {}),
    });
  }
  if (problems.length > 0) throw invalid(problems);
  // The schema has checked these; its type is loose because the cost fields are generated.
  return {
    departmentId: values.departmentId as string,
    catalogueItemId: values.catalogueItemId as string,
    projectName: values.projectName as string,
    needs: values.needs as string,
    procurementFrom: values.procurementFrom as string,
    contractMonths: values.contractMonths as number,
    costs,
    ...(values.urgentReason ? { urgentReason: values.urgentReason as string } : {}),
  };
}

export function CostTable(props: {
  t: Translate;
  costs: {
    kind: string;
    quantity: number;
    unit: string;
    unitCostFen: number;
    amountFen: number;
    note: string | null;
  }[];
  totalFen: number;
}) {
  const { t } = props;
  return (
    <div class="table-scroll">
      <table class="striped">
        <thead>
          <tr>
            <th scope="col">{t('planning.cost.kind')}</th>
            <th scope="col">{t('planning.cost.quantity')}</th>
            <th scope="col">{t('planning.cost.unit')}</th>
            <th scope="col">{t('planning.cost.unitCost')}</th>
            <th scope="col">{t('planning.cost.amount')}</th>
            <th scope="col">{t('planning.cost.note')}</th>
          </tr>
        </thead>
        <tbody>
          {props.costs.map((c) => (
            <tr key={c.kind}>
              <th scope="row">{t(`planning.cost.${c.kind}`)}</th>
              <td>{c.quantity}</td>
              <td>{c.unit}</td>
              <td>{formatYuan(c.unitCostFen)}</td>
              <td>{formatYuan(c.amountFen)}</td>
              <td>{c.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('planning.total')}</th>
            <td colSpan={3} />
            <td>
              <strong>{formatYuan(props.totalFen)}</strong>
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
