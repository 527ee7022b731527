import { toHalfWidth } from './normalise';

/** 省 → 市 → 区/县 → 乡镇, as stored on a client. */
export type Region = { province: string; city: string; district: string; township: string };

export const EMPTY_REGION: Region = { province: '', city: '', district: '', township: '' };

const MUNICIPALITIES = ['北京', '上海', '天津', '重庆'];
const PROVINCE = /^(.+?(?:省|自治区|特别行政区)|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)/;
const CITY = /^(.+?(?:自治州|地区|盟|市))/;
const DISTRICT = /^(.+?(?:新区|自治县|自治旗|区|县|市|旗))/;
const TOWNSHIP = /^(.+?(?:街道|镇|乡|苏木))/;

/**
 * Read a region as offices write it in a spreadsheet: "广东省深圳市南山区粤海街道",
 * "广东 深圳 南山", "北京市朝阳区", "广东/深圳/南山区". Separated parts are taken in order;
 * run-together text is split on the administrative suffixes. A municipality (北京, 上海, 天津,
 * 重庆) is both province and city.
 */
export function parseRegion(raw: string): Region {
  const text = toHalfWidth(raw).trim();
  if (!text) return { ...EMPTY_REGION };
  const parts = text.split(/[\s/,、|>-]+/).filter(Boolean);
  if (parts.length > 1) {
    const [province = '', second = '', third = '', fourth = ''] = parts;
    if (isMunicipality(province) && (second === province || isMunicipality(second))) {
      return { province: withCitySuffix(province), city: withCitySuffix(province), district: third, township: fourth };
    }
    if (isMunicipality(province))
      return { province: withCitySuffix(province), city: withCitySuffix(province), district: second, township: third };
    return { province, city: second, district: third, township: fourth };
  }
  let rest = text;
  const take = (pattern: RegExp): string => {
    const m = pattern.exec(rest);
    if (!m) return '';
    rest = rest.slice(m[1]!.length);
    return m[1]!;
  };
  const municipality = MUNICIPALITIES.find((m) => rest.startsWith(m));
  let province: string;
  let city: string;
  if (municipality) {
    rest = rest.slice(municipality.length).replace(/^市/, '');
    province = `${municipality}市`;
    city = province;
    if (rest.startsWith(province)) rest = rest.slice(province.length);
  } else {
    province = take(PROVINCE);
    city = take(CITY);
  }
  const district = take(DISTRICT);
  const township = take(TOWNSHIP) || rest;
  if (!province && !city && !district) return { ...EMPTY_REGION, province: text };
  return { province, city, district, township };
}

function isMunicipality(part: string): boolean {
  return MUNICIPALITIES.includes(part.replace(/市$/, ''));
}

function withCitySuffix(part: string): string {
  return part.endsWith('市') ? part : `${part}市`;
}

/** One line for lists: 广东省 深圳市 南山区. */
export function formatRegion(region: Region): string {
  const parts = [region.province, region.city === region.province ? '' : region.city, region.district, region.township];
  return parts.filter(Boolean).join(' ');
}
