/** 国办公开办函〔2019〕60号, 格式（试行）: report years 2019 and 2020 (format.md §5). */
import {
  APPEALS,
  APPLICANT_HEADER,
  OTHER_HANDLING,
  PREAMBLE_HINT,
  REQUEST_COLUMNS,
  REQUEST_ROWS_HEAD,
  REQUEST_ROWS_TAIL,
  REQUEST_WIDTHS,
  REQUESTS_NOTE,
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
    contentLabel: '信息内容',
    gridColumns: 4,
    widths: [219, 150, 101, 89],
    blocks: [
      {
        title: '第二十条第（一）项',
        fields: [
          { key: 'made', label: '本年新制作数量', type: 'count', span: 1 },
          { key: 'published', label: '本年新公开数量', type: 'count', span: 1 },
          { key: 'totalPublished', label: '对外公开总数量', type: 'count', span: 1 },
        ],
        rows: [
          { key: 'rules', label: '规章' },
          { key: 'normativeDocs', label: '规范性文件', aliases: ['行政规范性文件'] },
        ],
      },
      {
        title: '第二十条第（五）项',
        fields: ITEM_FIELDS,
        rows: [
          { key: 'licensing', label: '行政许可' },
          { key: 'otherServices', label: '其他对外管理服务事项' },
        ],
      },
      {
        title: '第二十条第（六）项',
        fields: ITEM_FIELDS,
        rows: [
          { key: 'punishment', label: '行政处罚' },
          { key: 'enforcement', label: '行政强制' },
        ],
      },
      {
        // Only two value columns: the second spans the last two grid columns [SH2019][YY2019].
        title: '第二十条第（八）项',
        fields: [PREVIOUS, { ...CHANGE, span: 2 }],
        rows: [{ key: 'fees', label: '行政事业性收费' }],
      },
      {
        title: '第二十条第（九）项',
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
    rows: [...REQUEST_ROWS_HEAD, { key: 'otherHandling', group: '三、本年度办理结果', label: OTHER_HANDLING }, ...REQUEST_ROWS_TAIL],
  },
  appeals: APPEALS,
};
