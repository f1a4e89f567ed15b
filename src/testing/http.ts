// What the HTTP tests share: the error body every 4xx answers with, and a JSON API client that sends a
// user's bearer token (instead of a copy of both in every suite).
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../platform/http/app-types.js';
import type { TestUser } from './harness.js';

/** `{"error":{"code","message","details"}}` (architecture rule 3). */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details: { field: string; message: string }[];
  };
}

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A client for `/api/v1`: `api(method, url, payload?, user?)` — `user` defaults to `defaultUser()`, and
 * `null` sends no token (an anonymous caller). Both are read when a request is sent, so a suite can make
 * the client before its `beforeAll` creates the app and the users.
 */
export function apiClient(
  app: () => App,
  defaultUser: () => TestUser | null = () => null,
): (
  method: ApiMethod,
  url: string,
  payload?: unknown,
  user?: TestUser | null,
) => Promise<LightMyRequestResponse> {
  return (method, url, payload, user) => {
    const who = user === undefined ? defaultUser() : user;
    return app().inject({
      method,
      url,
      ...(who ? { headers: { authorization: `Bearer ${who.token}` } } : {}),
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });
  };
}

/** The fields a 4xx names, in order. */
export const fieldsOf = (response: LightMyRequestResponse): string[] =>
  response.json<ErrorBody>().error.details.map((d) => d.field);
