/** Which system font files the 图解 is drawn with: Chinese faces only, regular and bold, found in nested folders. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chineseFontFiles } from '../../main/graphic/raster';
import { tempDir } from '../helpers/temp';

const tmp = tempDir();
afterAll(tmp.cleanup);

describe('chineseFontFiles', () => {
  it('picks the Chinese faces (Windows names first, then Noto/WenQuanYi), skips Latin fonts and extra weights', () => {
    const root = tmp.file('fonts');
    for (const [dir, name] of [
      ['truetype/dejavu', 'DejaVuSans.ttf'],
      ['opentype/noto', 'NotoSansCJK-Regular.ttc'],
      ['opentype/noto', 'NotoSansCJK-Bold.ttc'],
      ['opentype/noto', 'NotoSansCJK-Light.ttc'],
      ['truetype/wqy', 'wqy-microhei.ttc'],
      ['win', 'msyh.ttc'],
    ] as const) {
      mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(join(root, dir, name), '');
    }
    const files = chineseFontFiles([root]).map((f) => f.slice(root.length + 1));
    expect(files).toEqual(['win/msyh.ttc', 'opentype/noto/NotoSansCJK-Bold.ttc', 'opentype/noto/NotoSansCJK-Regular.ttc', 'truetype/wqy/wqy-microhei.ttc']);
  });

  it('finds nothing in a folder without Chinese fonts (the export then says so in Chinese)', () => {
    const root = tmp.file('latin');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'DejaVuSans.ttf'), '');
    expect(chineseFontFiles([root, tmp.file('missing')])).toEqual([]);
  });
});
