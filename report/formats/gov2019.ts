/** 国办公开办函〔2019〕60号, 格式（试行）: report years 2019 and 2020 (format.md §5). */
import {
  ACTIVE_CONTENT_LABEL,
  ACTIVE_GRID_COLUMNS,
  ACTIVE_ROWS,
  ACTIVE_WIDTHS,
  APPEALS,
  article20,
  APPLICANT_HEADER,
  OTHER_HANDLING,
  PREAMBLE_HINT,
  REQUEST_COLUMNS,
  REQUEST_ROWS_HEAD,
  REQUEST_ROWS_TAIL,
  REQUEST_WIDTHS,
  REQUESTS_NOTE,
  RESULTS,
  sections,
} from './common';
import type { ActiveField, FormatDef } from './model';

const PREVIOUS = { key: 'previousItems', label: '上一年项目数量', type: 'count', span: 1 } as const;
const CHANGE = { key: 'change', label: '本年增/减', type: 'signedCount', span: 1 } as const;
const ITEM_FIELDS: readonly ActiveField[] = [
  PREVIOUS,
  CHANGE,
  { key: 'decisions', label: '处理决定数量', type: 'count', span: 1 },
];

export const GOV_2019: FormatDef = {
  id: 'gov-2019',
  notice: '国办公开办函〔2019〕60号',
  noticeTitle: '《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》',
  firstYear: 2019,
  lastYear: 2020,
  preambleHint: PREAMBLE_HINT,
  // The 信息处理费 measure (国办函〔2020〕109号) applies from the 2021 reports on, so 六 has no scaffold here.
  sections: sections('写明其他需要报告的事项（《条例》第五十条第（五）项）；没有的可写“无”。', []),
  active: {
    contentLabel: ACTIVE_CONTENT_LABEL,
    gridColumns: ACTIVE_GRID_COLUMNS,
    widths: ACTIVE_WIDTHS,
    blocks: [
      {
        title: article20('一'),
        fields: [
          { key: 'made', label: '本年新制作数量', type: 'count', span: 1 },
          { key: 'published', label: '本年新公开数量', type: 'count', span: 1 },
          { key: 'totalPublished', label: '对外公开总数量', type: 'count', span: 1 },
        ],
        rows: [
          ACTIVE_ROWS.rules,
          { key: 'normativeDocs', label: '规范性文件', aliases: ['行政规范性文件'] },
        ],
      },
      {
        title: article20('五'),
        fields: ITEM_FIELDS,
        rows: [
          ACTIVE_ROWS.licensing,
          { key: 'otherServices', label: '其他对外管理服务事项' },
        ],
      },
      {
        title: article20('六'),
        fields: ITEM_FIELDS,
        rows: [
          ACTIVE_ROWS.punishment,
          ACTIVE_ROWS.enforcement,
        ],
      },
      {
        // Only two value columns: the second spans the last two grid columns [SH2019][YY2019].
        title: article20('八'),
        fields: [PREVIOUS, { ...CHANGE, span: 2 }],
        rows: [ACTIVE_ROWS.fees],
      },
      {
        title: article20('九'),
        fields: [
          { key: 'projects', label: '采购项目数量', type: 'count', span: 1 },
          { key: 'amount', label: '采购总金额', type: 'amount', span: 2 },
        ],
        rows: [{ key: 'procurement', label: '政府集中采购', unitProperty: true }],
      },
    ],
  },
  requests: {
    note: REQUESTS_NOTE,
    applicantHeader: APPLICANT_HEADER,
    columns: REQUEST_COLUMNS,
    widths: REQUEST_WIDTHS,
    rows: [...REQUEST_ROWS_HEAD, { key: 'otherHandling', group: RESULTS, label: OTHER_HANDLING }, ...REQUEST_ROWS_TAIL],
  },
  appeals: APPEALS,
};
