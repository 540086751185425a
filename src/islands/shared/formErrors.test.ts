import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { errorFieldsInOrder, errorsFromIssues } from './formErrors';

const Form = v.object({
  name: v.pipe(v.string(), v.maxLength(3, 'name.tooLong')),
  contact: v.object({ phone: v.pipe(v.string(), v.regex(/^\d+$/, 'phone'), v.minLength(5, 'phone.short')) }),
  other: v.string('other'),
});

type Field = 'name' | 'phone';
const fieldOf = (path: string): Field | null => (path === 'name' ? 'name' : path === 'contact.phone' ? 'phone' : null);
const messageOf = (field: Field, key: string) => `${field}:${key}`;

describe('errorsFromIssues', () => {
  it('gives one message per field, the first issue winning, and skips paths the form does not show', () => {
    const result = v.safeParse(Form, { name: 'abcd', contact: { phone: 'x' }, other: 1 });
    expect(result.success).toBe(false);
    const errors = errorsFromIssues(result.issues ?? [], { fieldOf, messageOf });
    expect(errors).toEqual({ name: 'name:name.tooLong', phone: 'phone:phone' });
  });

  it('is empty when the input is valid', () => {
    const result = v.safeParse(Form, { name: 'ab', contact: { phone: '12345' }, other: 'x' });
    expect(result.success).toBe(true);
    expect(errorsFromIssues([], { fieldOf, messageOf })).toEqual({});
  });
});

describe('errorFieldsInOrder', () => {
  it('lists fields in page order, not in the order the errors were found', () => {
    expect(errorFieldsInOrder<Field>({ phone: 'p', name: 'n' }, ['name', 'phone'])).toEqual(['name', 'phone']);
    expect(errorFieldsInOrder<Field>({ phone: 'p' }, ['name', 'phone'])).toEqual(['phone']);
  });
});
