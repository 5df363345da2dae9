/** 国办公开办函〔2021〕30号: report years 2021 on (format.md §4). */
import {
  ACTIVE_CONTENT_LABEL,
  ACTIVE_GRID_COLUMNS,
  ACTIVE_ROWS,
  ACTIVE_WIDTHS,
  APPEALS,
  article20,
  APPLICANT_HEADER,
  OTHER_HANDLING,
  PLACEHOLDER,
  PREAMBLE_HINT,
  REQUEST_COLUMNS,
  REQUEST_ROWS_HEAD,
  REQUEST_ROWS_TAIL,
  REQUEST_WIDTHS,
  REQUESTS_NOTE,
  RESULTS,
  sections,
} from './common';
import type { FormatDef } from './model';

const DECISIONS = { key: 'decisions', label: '本年处理决定数量', type: 'count', span: 3 } as const;

export const GOV_2021: FormatDef = {
  id: 'gov-2021',
  notice: '国办公开办函〔2021〕30号',
  noticeTitle: '《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》',
  firstYear: 2021,
  lastYear: null,
  preambleHint: PREAMBLE_HINT,
  sections: sections(
    '写明依据《政府信息公开信息处理费管理办法》收取信息处理费的情况（发出收费通知的件数和总金额、实际收取的总金额；未收取的也应写明）；可写落实上级年度政务公开工作要点、人大代表建议和政协提案办理结果公开、政务公开工作创新等情况。',
    [
      `本机关依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），{year}年度共发出收费通知${PLACEHOLDER}件、总金额${PLACEHOLDER}元，实际收取信息处理费${PLACEHOLDER}元。`,
    ],
  ),
  active: {
    contentLabel: ACTIVE_CONTENT_LABEL,
    gridColumns: ACTIVE_GRID_COLUMNS,
    widths: ACTIVE_WIDTHS,
    blocks: [
      {
        title: article20('一'),
        fields: [
          { key: 'issued', label: '本年制发件数', type: 'count', span: 1 },
          { key: 'repealed', label: '本年废止件数', type: 'count', span: 1 },
          { key: 'inForce', label: '现行有效件数', type: 'count', span: 1 },
        ],
        rows: [
          ACTIVE_ROWS.rules,
          { key: 'normativeDocs', label: '行政规范性文件', aliases: ['规范性文件'] },
        ],
      },
      { title: article20('五'), fields: [DECISIONS], rows: [ACTIVE_ROWS.licensing] },
      {
        title: article20('六'),
        fields: [DECISIONS],
        rows: [
          ACTIVE_ROWS.punishment,
          ACTIVE_ROWS.enforcement,
        ],
      },
      {
        title: article20('八'),
        fields: [{ key: 'amount', label: '本年收费金额（单位：万元）', type: 'money', span: 3 }],
        rows: [ACTIVE_ROWS.fees],
      },
    ],
  },
  requests: {
    note: REQUESTS_NOTE,
    applicantHeader: APPLICANT_HEADER,
    columns: REQUEST_COLUMNS,
    widths: REQUEST_WIDTHS,
    rows: [
      ...REQUEST_ROWS_HEAD,
      {
        key: 'otherOverdueCorrection',
        group: RESULTS,
        subgroup: OTHER_HANDLING,
        label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      },
      {
        key: 'otherOverdueFee',
        group: RESULTS,
        subgroup: OTHER_HANDLING,
        label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      },
      { key: 'otherOther', group: RESULTS, subgroup: OTHER_HANDLING, label: '3.其他' },
      ...REQUEST_ROWS_TAIL,
    ],
  },
  appeals: APPEALS,
};
