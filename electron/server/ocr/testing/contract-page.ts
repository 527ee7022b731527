import fs from 'node:fs';

/**
 * A Chinese contract page for OCR tests and the bench, made up fresh by the caller's seed:
 * names, companies, amounts, dates, phone and contract number are drawn at random, the page is
 * rendered by Chromium with Noto CJK at 150 dpi (A4 = 1240 × 1754 px), and `scan` turns it into
 * what a scanner or phone gives: a little rotated, noisy, JPEG-compressed.
 */
export type ContractPage = { lines: string[]; amounts: string[]; dates: string[] };

const SURNAMES = '王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀英华平刚桂兰玉萍红娟建国志';
const CITIES = ['深圳', '广州', '上海', '北京', '杭州', '成都', '武汉', '南京', '苏州', '西安', '长沙', '郑州'];
const NAMES = ['华联', '恒信', '宏达', '鑫源', '瑞丰', '新世纪', '永盛', '金鼎', '利民', '百佳', '顺通', '天成'];
const TRADES = ['超市', '商贸', '科技', '餐饮管理', '家具', '建材', '物流', '文化传媒'];
const SERVICES = ['企业网站建设', '网站续费及维护', '小程序开发', '网络推广服务', '门店管理系统'];
const DIGITS_CN = '零壹贰叁肆伍陆柒捌玖';

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32: repeatable pages for one seed, different pages for different seeds.
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export function makeContract(seed: number): ContractPage {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[] | string): T => xs[Math.floor(rnd() * xs.length)] as T;
  const person = (): string => pick<string>(SURNAMES) + pick<string>(GIVEN) + (rnd() < 0.6 ? pick<string>(GIVEN) : '');
  const company = (): string => `${pick(CITIES)}市${pick(NAMES)}${pick(TRADES)}有限公司`;
  const year = 2024 + Math.floor(rnd() * 4);
  const date = (): string => `${year}年${1 + Math.floor(rnd() * 12)}月${1 + Math.floor(rnd() * 28)}日`;
  const money = (min: number, max: number): { fen: number; text: string } => {
    const yuan = Math.floor(min + rnd() * (max - min));
    const fen = yuan * 100 + (rnd() < 0.5 ? 0 : Math.floor(rnd() * 100));
    return { fen, text: `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}` };
  };
  const total = money(3000, 99000);
  const first = { fen: Math.round(total.fen / 2), text: '' };
  first.text = `¥${(first.fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
  const signed = date();
  const start = date();
  const paidBy = date();
  const number = `HT-${year}-${String(Math.floor(rnd() * 10000)).padStart(4, '0')}`;
  const phone = `1${3 + Math.floor(rnd() * 7)}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`;
  const service = pick(SERVICES);
  const upper = [...String(Math.floor(total.fen / 100))].map((d) => DIGITS_CN[Number(d)]).join('');
  const lines = [
    `${service}合同`,
    `合同编号:${number}`,
    `甲方(委托方):${company()}`,
    `乙方(服务方):${company()}`,
    `签订日期:${signed}`,
    `一、甲方委托乙方提供${service},服务自${start}起算,期限一年。`,
    `二、合同总金额为人民币${total.text}元(大写:${upper}元),分两期支付。`,
    `三、首期款${first.text}元于${paidBy}前支付,余款于验收后十个工作日内付清。`,
    `四、乙方联系人${person()},电话${phone};甲方联系人${person()}。`,
    '五、任何一方违约,应向对方支付合同总金额百分之十的违约金。',
    '六、本合同一式两份,甲乙双方各执一份,自双方签字盖章之日起生效。',
    `甲方代表:${person()}          乙方代表:${person()}`,
  ];
  return { lines, amounts: [total.text, first.text], dates: [signed, start, paidBy] };
}

export function contractHtml(page: ContractPage): string {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const [title, ...rest] = page.lines;
  return `<!doctype html><meta charset="utf-8"><style>
    body{margin:0;width:1240px;height:1754px;background:#fff;color:#111;font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif}
    .p{padding:130px 120px;font-size:24px;line-height:2.1} h1{text-align:center;font-size:38px;margin:0 0 44px}
    div{white-space:pre}
  </style><div class="p"><h1>${esc(title!)}</h1>${rest.map((l) => `<div>${esc(l)}</div>`).join('')}</div>`;
}

/** Render with Debian's (or Playwright's) Chromium: a 1240 × 1754 PNG, A4 at 150 dpi. */
export async function renderPng(html: string): Promise<Buffer> {
  const { chromium } = await import('@playwright/test');
  const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1240, height: 1754 } });
    await page.setContent(html);
    await page.evaluate('document.fonts.ready');
    return await page.screenshot({ type: 'png' });
  } finally {
    await browser.close();
  }
}

/** A scan of the page: rotated by `degrees`, grey paper, Gaussian-ish noise, JPEG at quality 70. */
export async function scan(png: Buffer, degrees: number, seed: number): Promise<Buffer> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f2f0ea';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.translate(img.width / 2, img.height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.globalCompositeOperation = 'multiply';
  ctx.drawImage(img, -img.width / 2, -img.height / 2);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height);
  const rnd = seededRandom(seed);
  for (let i = 0; i < data.data.length; i += 4) {
    // Sum of three uniforms ≈ normal, σ ≈ 14 grey levels, the same on all channels (sensor noise).
    const n = (rnd() + rnd() + rnd() - 1.5) * 28;
    for (let c = 0; c < 3; c++) data.data[i + c] = Math.max(0, Math.min(255, data.data[i + c]! + n));
  }
  ctx.putImageData(data, 0, 0);
  return canvas.encode('jpeg', 70);
}

/** Character accuracy: 1 − edit distance / length, after NFKC (full-width forms) and without whitespace. */
export function characterAccuracy(expected: string, got: string): number {
  const a = normalise(expected);
  const b = normalise(got);
  return 1 - editDistance(a, b) / a.length;
}

export function normalise(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

/** A scanned PDF: each JPEG a full A4 page, no text layer (what a copier's "scan to PDF" gives). */
export async function scannedPdf(jpegs: readonly Buffer[]): Promise<Buffer> {
  const { chromium } = await import('@playwright/test');
  const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    const imgs = jpegs.map((j) => `<img src="data:image/jpeg;base64,${j.toString('base64')}">`).join('');
    await page.setContent(
      `<style>@page{size:A4;margin:0}body{margin:0}img{display:block;width:210mm;height:297mm;page-break-after:always}</style>${imgs}`,
    );
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: 0, right: 0, bottom: 0, left: 0 } });
  } finally {
    await browser.close();
  }
}
