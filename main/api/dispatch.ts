/**
 * One entry for every caller of the services (IPC, the browser bridge): validates the input with
 * the channel's zod schema and turns every outcome into `{ ok, value } | { ok: false, error }`.
 * Invalid input is rejected with a message, never dropped; an unexpected failure is logged with
 * the channel only (no report contents) and reported in one Chinese sentence.
 */
import type { z } from 'zod';
import { CHANNELS, type ApiInput, type ApiOutput, type Channel, type Result } from '../../report/api';
import { ArchiveError } from '../db/errors';
import type { HandlerMap } from './handlers';
import { SCHEMAS } from './schemas';
import { describePath } from './zod-zh';

export type Logger = (message: string, details?: Record<string, unknown>) => void;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as string[]).includes(name);
}

function describeZod(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${describePath(i.path)}：${i.message}`)
    .join('；');
}

export async function dispatch<C extends Channel>(handlers: HandlerMap, channel: C, raw: unknown, log?: Logger): Promise<Result<ApiOutput<C>>> {
  const parsed = SCHEMAS[channel].safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: 'BAD_INPUT', message: `请求参数有误：${describeZod(parsed.error)}` } };
  const handler = handlers[channel] as ((input: ApiInput<C>) => ApiOutput<C> | Promise<ApiOutput<C>>) | undefined;
  if (!handler) return { ok: false, error: { code: 'UNAVAILABLE', message: '这项功能在当前模式下不可用' } };
  try {
    return { ok: true, value: await handler(parsed.data) };
  } catch (e) {
    if (e instanceof ArchiveError) return { ok: false, error: { code: e.code, message: e.message } };
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && typeof (e as Error).message === 'string' && /[\u4e00-\u9fff]/.test((e as Error).message))
      return { ok: false, error: { code, message: (e as Error).message } };
    log?.('handler failed', { channel, error: (e as Error).stack ?? String(e) });
    return { ok: false, error: { code: 'INTERNAL', message: '操作没有完成，出现了意外错误。数据没有改动；详情已记入日志。' } };
  }
}
