import { stringifyCsv } from '../../../shared/imports/csv';
import { PLACES, SOURCE_TEXTS as SOURCES, SURNAMES, TRADES, WORDS } from '../data/vocabulary';
import { callOk, type TestOffice } from '../../../electron/server/testing/test-office';

/**
 * Realistic client rows for benchmarks: Chinese company names built from common characters
 * (so 2-character queries such as 超市 match thousands), unique mobiles, regions, sources,
 * levels, join dates over ten years and 20 salespeople. Deterministic for a given seed.
 */
export const BENCH_STAFF = 20;

export type BenchClient = {
  name: string;
  contact: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  source: string;
  level: number;
  joinedOn: string;
  ownerCode: string;
};

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function benchClients(count: number, seed = 7): BenchClient[] {
  const r = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
  const clients: BenchClient[] = [];
  for (let i = 0; i < count; i++) {
    const [province, city, district] = pick(PLACES);
    const year = 2016 + Math.floor(r() * 10);
    const day = 1 + Math.floor(r() * 365);
    const joined = new Date(Date.UTC(year, 0, day)).toISOString().slice(0, 10);
    clients.push({
      // The index keeps every name unique, as 撞单 requires.
      name: `${city.slice(0, 2)}${pick(WORDS)}${pick(TRADES)}${i}号${r() < 0.5 ? '有限公司' : '店'}`,
      contact: `${pick([...SURNAMES])}${pick(['经理', '总', '先生', '女士', '伟', '芳', '娜', '强'])}`,
      phone: `1${3 + Math.floor(r() * 7)}${String(10_000_000 + i).padStart(9, '0')}`,
      province,
      city,
      district,
      source: pick(SOURCES),
      level: 1 + Math.floor(r() * 4),
      joinedOn: joined,
      ownerCode: `S${String(1 + Math.floor(r() * BENCH_STAFF)).padStart(3, '0')}`,
    });
  }
  return clients;
}

/** The rows as the CSV an office would import (UTF-8, Chinese headers). */
export function benchClientsCsv(clients: readonly BenchClient[]): Buffer {
  const header = ['客户名称', '联系人', '电话', '省', '市', '区县', '来源', '等级', '加入日期', '业务员工号'];
  const rows = clients.map((c) => [
    c.name,
    c.contact,
    c.phone,
    c.province,
    c.city,
    c.district,
    c.source,
    String(c.level),
    c.joinedOn,
    c.ownerCode,
  ]);
  return Buffer.from(stringifyCsv([header, ...rows]), 'utf8');
}

/** The salespeople S001…S020 the generated rows are assigned to. */
export async function addBenchStaff(office: TestOffice): Promise<void> {
  for (let i = 1; i <= BENCH_STAFF; i++) {
    const code = `S${String(i).padStart(3, '0')}`;
    await callOk(office, 'staff.create', {
      code,
      name: `业务员${i}`,
      role: 'salesperson',
      hiredOn: '2015-01-01',
      baseSalaryFen: 300000,
    });
  }
}
