/** X-8 (issue 21 #2): a text naming the agency otherwise than the report's agency (former name, another agency). */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../report';
import { checkAgencyNames, nameForms } from '../../report/checks/agency-name';
import { qingshi2024 } from '../helpers/fixtures';

const OLD = '示例县青石镇人民政府';
const NEW = '示例县青石街道办事处';

/** The 2024 fixture renamed to the new name in its body, its 导语 still as written under the old one. */
function renamed() {
  const r = qingshi2024();
  r.agency = NEW;
  r.closing.agency = NEW;
  r.text.preamble = '本报告由青石镇人民政府根据《中华人民共和国政府信息公开条例》编制。';
  return r;
}

describe('X-8: the agency named otherwise in the text', () => {
  it('name forms drop the county before the place, never down to a bare 人民政府', () => {
    expect(nameForms(OLD)).toEqual([OLD, '青石镇人民政府']);
    expect(nameForms('淮安市洪泽区人民政府')).toEqual(['淮安市洪泽区人民政府', '洪泽区人民政府']);
    expect(nameForms('示例县人民政府')).toEqual(['示例县人民政府']);
    expect(nameForms('示例县人民政府办公室')).toEqual(['示例县人民政府办公室']);
  });

  it('a former name left in the 导语 after 更正名称 (short form) is a 提醒; without the archive names nothing is said', () => {
    const r = renamed();
    const f = checkAgencyNames(r, [NEW, OLD]);
    expect(f).toEqual([expect.objectContaining({ rule: 'X-8', severity: 'warning', cells: ['text.preamble'], actual: '青石镇人民政府', expected: NEW })]);
    expect(f[0]!.message).toContain('导语写的机关名称是“青石镇人民政府”');
    expect(runChecks(r, { agencyNames: [NEW, OLD] }).map((x) => x.rule)).toContain('X-8');
    expect(runChecks(r).map((x) => x.rule)).not.toContain('X-8');
  });

  it('another agency of the archive in a copied text, and in the 落款', () => {
    const r = qingshi2024();
    r.text.other = '石门乡人民政府本年度未收取信息处理费。';
    r.closing.agency = '示例县石门乡人民政府';
    const f = checkAgencyNames(r, [OLD, '示例县石门乡人民政府']);
    expect(f.map((x) => x.cells[0])).toEqual(['text.other', 'closing.agency']);
  });

  it('the own name, its short form and the county government above it are not another name', () => {
    const r = qingshi2024();
    r.text.preamble = '示例县青石镇人民政府按照示例县人民政府办公室的要求编制本报告，青石镇人民政府对报告负责。';
    expect(checkAgencyNames(r, [OLD, '示例县人民政府', '示例县人民政府办公室'])).toEqual([]);
    // A unit whose name does not repeat the county names the county's government rightly too.
    const unit = qingshi2024();
    unit.agency = '第3镇人民政府';
    unit.text.preamble = '按照测试县人民政府办公室的要求，第3镇人民政府编制本报告。';
    expect(checkAgencyNames(unit, ['第3镇人民政府', '测试县人民政府办公室', '测试县人民政府'])).toEqual([]);
  });

  it('a county government renamed keeps its former name checked', () => {
    const r = qingshi2024();
    r.agency = '淮安市洪泽区人民政府';
    r.text.preamble = '洪泽县人民政府根据《条例》编制本报告。';
    expect(checkAgencyNames(r, ['淮安市洪泽区人民政府', '洪泽县人民政府']).map((f) => f.actual)).toEqual(['洪泽县人民政府']);
  });
});

describe('placeOf / samePlace (issue 21 #7)', () => {
  it('the same place in other forms, and what is not', async () => {
    const { placeOf, samePlace } = await import('../../report/agency');
    expect(['淮安市洪泽区人民政府', '洪泽县人民政府', '洪泽区政府', '江苏省淮安市洪泽区人民政府办公室'].map(placeOf)).toEqual(['洪泽', '洪泽', '洪泽', '洪泽']);
    expect(placeOf('示例县青石镇人民政府')).toBe('青石');
    expect(placeOf('示例县青石街道办事处')).toBe('青石');
    expect(placeOf('示例县财政局')).toBeNull();
    expect(samePlace('示例县青石镇人民政府', '示例县白沙镇人民政府')).toBe(false);
    expect(samePlace('示例县青石镇人民政府', '示例县人民政府')).toBe(false);
    expect(samePlace('淮安市淮阴区人民政府', '淮安市洪泽区人民政府')).toBe(false);
  });
});
