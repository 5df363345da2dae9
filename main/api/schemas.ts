/**
 * zod schemas for every channel's input. Objects are strict (an extra field is an error, never
 * dropped), strings are bounded, ids are positive integers. Reports are checked by validateJson,
 * which gives precise Chinese messages.
 */
import { z } from 'zod';
import { agencyNameProblem, lineTextProblem } from '../../report/agency';
import './zod-zh';
import { AGENCY_LEVELS } from '../../report/lists';
import { UNIT_LEVELS, UNIT_STATUSES } from '../../report/rollup/types';
import type { ApiInput, Channel } from '../../report/api';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const year = z.number().int().min(1900).max(2100);
/** An agency name: the one rule of report/agency.ts (no controls, direction marks or paths; bounded). */
const agencyName = z
  .string()
  .max(1000, '机关名称过长')
  .superRefine((s, ctx) => {
    const problem = agencyNameProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((s) => s.trim());
const level = z.enum(AGENCY_LEVELS).nullable();
/** Days of each month in every year: a deadline is MM-DD of each year after a report year, so 02-29 is out too. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const deadline = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '截止日期应写成“月-日”，如 01-31')
  .refine((s) => Number(s.slice(3)) <= MONTH_DAYS[Number(s.slice(0, 2)) - 1]!, '截止日期不存在（如2月没有30日；2月29日也不是每年都有）');
const report = z.unknown();
const none = z.object({}).strict();
/** A file name as the browser reports it: a name, never a path. */
const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => !/[\u0000-\u001f\\/:]/.test(s) && s !== '.' && s !== '..', '文件名含有不允许的字符');
/** 150 MB of file as base64; an archive of township reports is a few MB. */
const upload = z
  .object({
    fileName,
    dataBase64: z
      .string()
      .max(200_000_000)
      .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), '文件内容编码有误'),
  })
  .strict();
/** Only names of the form the app gives its own backups (no separators, no '..'). */
const backupName = z.string().max(100).regex(/^nianbao-\d{8}-\d{6}(?:-\d+)?-[a-z-]+\.sqlite$/, '备份名称有误');
const planKey = z.string().max(200);
/** A cell named by its canonical path (report-json.md), e.g. requests.granted.0. */
const cellPath = z.string().max(60).regex(/^(active|requests|appeals)\.[A-Za-z]+\.[A-Za-z0-9]+$/, '单元格名称有误');

/** Roll-up (汇总): the collecting organ, a roster level and status (report/rollup/types.ts). */
const organ = agencyName;
const unitLevel = z.enum(UNIT_LEVELS, { message: '单位级别有误' });
const unitStatus = z.enum(UNIT_STATUSES, { message: '收取状态有误' });
const rollupKey = { organ, year };

/** 核对已发布's list sent back for the Word file: bounded strings and lists (report/verify). */
const shown = z.string().max(4000);
const verifyResult = z
  .object({
    same: z.boolean(),
    cells: z.array(z.object({ path: cellPath, label: z.string().max(200), archived: shown, published: shown }).strict()).max(400),
    text: z.array(z.object({ part: z.string().max(100), archived: shown, published: shown }).strict()).max(5000),
    uncertain: z.array(cellPath).max(400),
  })
  .strict();

type Schemas = { [C in Channel]: z.ZodType<ApiInput<C>, unknown> };

export const SCHEMAS: Schemas = {
  'archive:list': z.object({ deleted: z.boolean().optional() }).strict(),
  'report:open': z.object({ id }).strict(),
  'report:create': z.object({ agency: agencyName, year, carryOver: z.boolean().optional() }).strict(),
  'report:undoCarryOver': z.object({ id }).strict(),
  'report:save': z
    .object({
      id,
      report,
      baseVersion: z.number({ error: '缺少报告的版本号' }).int().min(0).max(Number.MAX_SAFE_INTEGER),
      origin: z.object({ editor: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, '编辑窗口标识有误'), seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict().optional(),
    })
    .strict() as z.ZodType<ApiInput<'report:save'>, unknown>,
  'report:check': z.object({ report, previousId: id.optional() }).strict() as z.ZodType<ApiInput<'report:check'>, unknown>,
  'report:setStatus': z.object({ id, status: z.enum(['draft', 'final']) }).strict(),
  'report:duplicate': z.object({ id, year }).strict(),
  'report:recompute': z.object({ id }).strict(),
  'report:delete': z.object({ id }).strict(),
  'report:undelete': z.object({ id }).strict(),
  'report:purge': z.object({ id }).strict(),
  'report:revisions': z.object({ id }).strict(),
  'report:revision': z.object({ id, revisionId: id }).strict(),
  'report:restore': z.object({ id, revisionId: id }).strict(),
  'export:save': z.object({ id, kind: z.enum(['docx', 'xlsx', 'html', 'json']) }).strict(),
  'export:reveal': z.object({}).strict(),
  'export:print': z.object({ id }).strict(),
  'export:fonts': z.object({}).strict(),
  'notice:seen': z.object({ key: z.enum(['missing-fonts']) }).strict(),
  'notice:mark': z.object({ key: z.enum(['missing-fonts']) }).strict(),
  'import:preview': z
    .object({
      file: upload.optional(),
      // Pasted page text: free text, bounded; the importer refuses what is not a report.
      text: z.string().max(20_000_000).optional(),
      agency: agencyName.optional(),
      year: year.optional(),
    })
    .strict()
    .refine((x) => (x.file ? 1 : 0) + (x.text !== undefined ? 1 : 0) === 1, '请提供一个文件或一段粘贴的文字'),
  'import:confirm': z
    .object({
      report,
      replace: z.boolean(),
      uncertain: z.array(cellPath).max(400),
      agency: agencyName.optional(),
      published: z.boolean().optional(),
      verify: z.array(cellPath).max(400).optional(),
      fileName: fileName.optional(),
    })
    .strict() as z.ZodType<ApiInput<'import:confirm'>, unknown>,
  'agency:update': z.object({ id, name: agencyName.optional(), level: level.optional(), deadline: deadline.optional(), own: z.boolean().optional(), finished: z.enum(['keep', 'reissue']).optional() }).strict(),
  'agency:mergePlan': z.object({ from: id, into: id }).strict(),
  'agency:merge': z
    .object({
      from: id,
      into: id,
      decisions: z.record(z.string().regex(/^\d{4}$/, '年度有误'), z.enum(['keep', 'incoming'])).refine((d) => Object.keys(d).length <= 200, '选择过多'),
    })
    .strict(),
  'report:move': z.object({ id, agency: agencyName }).strict(),
  'report:verify': z.object({ id, cells: z.array(cellPath).min(1).max(400) }).strict(),
  'report:recarry': z.object({ id }).strict(),
  'export:checks': z.object({ id, kind: z.enum(['docx', 'print']) }).strict(),
  'export:graphic': z.object({ id, kind: z.enum(['svg', 'png', 'pdf']), size: z.enum(['a4', 'long']).optional() }).strict(),
  'report:selfCheck': z.object({ id }).strict(),
  'archive:status': none,
  'backup:list': none,
  'backup:create': none,
  'backup:saveAs': none,
  'backup:restore': z
    .object({ name: backupName.optional(), upload: upload.optional() })
    .strict()
    .refine((v) => !(v.name && v.upload), '只能选择一个备份来源'),
  'archive:export': none,
  'archive:previewImport': z.object({ upload: upload.optional() }).strict(),
  'archive:applyImport': z
    .object({
      token: z.string().regex(/^[a-f0-9]{32}$/, '导入标识有误'),
      decisions: z.record(planKey, z.enum(['keep', 'incoming'])).refine((d) => Object.keys(d).length <= 10_000, '选择过多'),
    })
    .strict(),
  'trend:get': z.object({ agencyId: id }).strict(),
  'trend:export': z.object({ agencyId: id }).strict(),
  'trend:saveChart': z
    .object({
      agencyId: id,
      chart: z.enum(['applicants', 'outcomes', 'appeals', 'decisions']),
      kind: z.enum(['png', 'svg']),
      // A chart of a few hundred pixels is tens of KB; 8 MB of base64 bounds a hostile page.
      dataBase64: z
        .string()
        .min(1, '图表内容为空')
        .max(8_000_000, '图表文件过大')
        .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), '图表内容编码有误'),
    })
    .strict(),
  'rollup:rosters': none,
  'rollup:view': z.object(rollupKey).strict(),
  'rollup:addUnits': z.object({ ...rollupKey, names: z.array(agencyName).min(1, '请至少填写一个单位').max(2000, '一次最多添加2000个单位'), level: unitLevel }).strict(),
  'rollup:updateUnit': z
    .object({ ...rollupKey, agency: agencyName, level: unitLevel.optional(), status: unitStatus.optional(), reason: z.string().max(200, '原因过长').superRefine((s, ctx) => {
      // One line of text (the name rule's characters), and nothing path-like: no string from the page
      // carries a separator (test/security/ipc-input.test.ts holds every channel to that).
      const problem = lineTextProblem(s, '原因') ?? (/[\\/]/.test(s) ? '原因含有不允许的字符（/ 或 \\），可用顿号“、”' : null);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }).optional(), deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '期限应为日期，如 2026-02-10').optional() })
    .strict(),
  'rollup:acceptAll': z.object(rollupKey).strict(),
  'rollup:removeUnit': z.object({ ...rollupKey, agency: agencyName }).strict(),
  'rollup:collect': z
    .object({ ...rollupKey, file: upload, agency: agencyName.optional(), addLevel: unitLevel.optional(), acceptUncertain: z.boolean().optional() })
    .strict(),
  'rollup:contributions': z.object({ ...rollupKey, cell: cellPath }).strict(),
  'verify:published': z
    .object({ id, file: upload.optional(), text: z.string().max(20_000_000, '粘贴的内容过长').optional() })
    .strict()
    .refine((v) => !(v.file && v.text), '请只选择文件或只粘贴文字'),
  'verify:export': z.object({ id, result: verifyResult }).strict(),
  'rollup:export': z.object({ ...rollupKey, kind: z.enum(['docx', 'xlsx', 'detail', 'issues', 'board', 'sendback']), agency: agencyName.optional() }).strict(),
};
