import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { handleError } from './errors';

describe('the error handler', () => {
  it('answers a stray unique-constraint error with 409 and a JSON error, never 500', async () => {
    const app = new Hono();
    app.get('/unique', () => {
      throw new Error('D1_ERROR: UNIQUE constraint failed: notes.id: SQLITE_CONSTRAINT');
    });
    app.get('/other', () => {
      throw new TypeError('boom');
    });
    app.onError(handleError);
    const conflict = await app.request('/unique');
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toEqual({ error: { code: 'conflict', message: expect.stringContaining('reload') } });
    const internal = await app.request('/other');
    expect(internal.status).toBe(500);
    expect(JSON.stringify(await internal.json())).not.toContain('boom');
  });
});
