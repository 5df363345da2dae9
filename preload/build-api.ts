import { API_METHODS, type Api } from '../report/api';

/** `window.api`: one method per channel of the contract, each calling exactly its own channel. */
export function buildApi(invoke: (channel: string, input: unknown) => Promise<unknown>): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [method, channel] of Object.entries(API_METHODS)) api[method] = (input: unknown) => invoke(channel, input ?? {});
  return Object.freeze(api) as unknown as Api;
}
