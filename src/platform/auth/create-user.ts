import type { Static } from 'typebox';
import type { Ctx } from '../context.js';
import { fieldError, invalid, type FieldProblem } from '../errors.js';
import { newId } from '../ids.js';
import { normalizeEmail, normalizePhone } from '../validation/contact.js';
import { audit } from './audit.js';
import { findUserByLogin, insertUser } from './auth.repository.js';
import type { CreateUserBody } from './auth.schemas.js';
import { generatePassword, hashPassword, passwordProblem } from './passwords.js';

export interface CreatedUser {
  id: string;
  /** Set when the platform chose the password: shown once to the administrator, never stored in clear. */
  initialPassword?: string;
}

/** An administrator creates an account that logs in with an e-mail address and/or a mobile number. */
export async function createUser(ctx: Ctx, input: Static<typeof CreateUserBody>): Promise<CreatedUser> {
  const problems: FieldProblem[] = [];
  const email = input.email ? normalizeEmail(input.email) : undefined;
  const phone = input.phone ? normalizePhone(input.phone) : undefined;
  if (input.email && !email) problems.push({ field: 'email', key: 'validation.format.email' });
  if (input.phone && !phone) problems.push({ field: 'phone', key: 'validation.phone' });
  if (!input.email && !input.phone) problems.push({ field: 'email', key: 'validation.emailOrPhone' });
  if (input.password) {
    const weak = passwordProblem(input.password, [email, phone, input.name]);
    if (weak) problems.push({ field: 'password', key: weak });
  }
  if (problems.length > 0) throw invalid(problems);

  if (email && (await findUserByLogin(ctx.trx, { email }))) {
    throw fieldError('email', 'validation.emailTaken', {}, 'duplicate_email');
  }
  if (phone && (await findUserByLogin(ctx.trx, { phone }))) {
    throw fieldError('phone', 'validation.phoneTaken', {}, 'duplicate_phone');
  }

  const initialPassword = input.password ? undefined : generatePassword();
  const now = ctx.now.toISOString();
  const id = newId(ctx.now);
  await insertUser(ctx.trx, {
    id,
    name: input.name,
    email: email ?? null,
    phone: phone ?? null,
    password_hash: await hashPassword(input.password ?? initialPassword!),
    locale: input.locale ?? 'zh-CN',
    status: 'active',
    failed_logins: 0,
    locked_until: null,
    last_login_at: null,
    password_changed_at: now,
    created_at: now,
    updated_at: now,
  });
  await audit(ctx, 'user.created', { type: 'user', id }, { name: input.name });
  return initialPassword ? { id, initialPassword } : { id };
}
