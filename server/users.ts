import { z } from 'zod';
import { newId } from '../src/core/ids.ts';
import { hashPassword } from './auth/passwords.ts';
import { toPublicUser, type PublicUser } from './auth/sessions.ts';
import { ApiError } from './errors.ts';
import type { Store } from './store/Store.ts';
import { printable, PRINTABLE_MESSAGE } from './text.ts';

export const newUserSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{2,64}$/, 'User names are 2–64 letters, digits, ".", "_" or "-".'),
  password: z.string().min(8, 'Passwords have at least 8 characters.').max(256),
  displayName: z
    .string()
    .refine(printable, PRINTABLE_MESSAGE)
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1).max(120))
    .optional(),
  admin: z.boolean().optional(),
});
export type NewUserInput = z.input<typeof newUserSchema>;

/**
 * Creates an account; the one way users are made (HTTP, first start and the `user` command).
 * @example await createUser(store, { username: 'ksv.lan', password: '…', displayName: 'Trần Thị Lan' })
 */
export async function createUser(store: Store, input: NewUserInput): Promise<PublicUser> {
  const parsed = newUserSchema.parse(input);
  if (await store.getUserByUsername(parsed.username)) throw new ApiError('user.exists');
  const record = {
    id: newId(),
    username: parsed.username,
    displayName: parsed.displayName ?? parsed.username,
    passwordHash: await hashPassword(parsed.password),
    admin: parsed.admin ?? false,
  };
  await store.createUser(record);
  return toPublicUser({ ...record, createdAt: new Date().toISOString() });
}
