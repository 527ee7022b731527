import { afterEach, describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../shared/contract/commission';
import type { ContractDetail } from '../../../shared/contract/contracts';
import type { PaymentRow } from '../../../shared/contract/contract-schemas';
import { staffActor } from '../testing/office-fixtures';
import { callOk, createTestOffice, owner, type TestOffice } from '../testing/test-office';

let office: TestOffice | null = null;
afterEach(async () => {
  await office?.dispose();
  office = null;
});

/** Method names, JSON, fen and bare ids are what the 操作日志 used to show; none may remain. */
const RAW = [
  /\b[a-z]+\.[a-zA-Z]+\b/, // dismissals.dismiss, plans.set
  /[{}"]/, // JSON
  /Fen\b|fen\b/, // salesFen, "fen"
  /#\d/, // staff #6
  /\blocal\b/, // local 于 … 月结
  /undefined|null|NaN|\[object/,
];

function expectReadable(rows: AuditRow[]): void {
  for (const row of rows) {
    for (const text of [row.text.zh, row.text.en, row.actorName.zh, row.actorName.en]) {
      for (const pattern of RAW) expect(text, `${row.action}: ${text}`).not.toMatch(pattern);
      expect(text.trim(), row.action).not.toBe('');
    }
  }
}

describe('操作日志 sentences', () => {
  it('describe a month of office work in both languages: who, what, on whom, yuan, before → after', async () => {
    office = createTestOffice({ now: () => new Date('2026-11-20T04:00:00Z') });
    await callOk(office, 'settings.completeSetup', { officeName: '阳光加盟店', officeAddress: '' });
    const { staff: zhang } = await staffActor(office, 'YW01', '张伟');
    const { staff: li } = await staffActor(office, 'YW02', '李娜');
    await callOk(office, 'staff.update', { id: zhang.id, baseSalaryFen: 350_000, phone: '13800138000' });
    const plan = { floorFen: 1_000_000, targetFen: 3_000_000, rateBp: 500, multiplierPct: 200, leaveReason: null };
    await callOk(office, 'plans.set', { month: '2026-09', staffId: null, plan });
    await callOk(office, 'plans.set', { month: '2026-09', staffId: zhang.id, plan: { ...plan, floorFen: 1_200_000 } });
    await callOk(office, 'plans.set', { month: '2026-10', staffId: null, plan });
    const client = await callOk<{ id: number }>(office, 'clients.create', {
      name: '杭州星光科技有限公司',
      ownerStaffId: zhang.id,
    });
    await callOk(office, 'clients.update', { id: client.id, contactName: '刘先生' });
    const contract = await callOk<ContractDetail>(office, 'contracts.create', {
      clientId: client.id,
      amountFen: 360_000,
      signedOn: '2026-09-03',
      status: 'signed',
    });
    await callOk(office, 'payments.create', { contractId: contract.id, paidOn: '2026-09-08', amountFen: 100_000 });
    const paid = await callOk<PaymentRow>(office, 'payments.create', {
      contractId: contract.id,
      paidOn: '2026-09-10',
      amountFen: 200_000,
    });
    await callOk(office, 'payments.create', { contractId: contract.id, paidOn: '2026-09-12', amountFen: -50_000 });
    await callOk(office, 'payments.delete', { id: paid.id, reason: '重复登记' });
    await callOk(office, 'followups.create', {
      clientId: client.id,
      happenedOn: '2026-09-05',
      way: 'phone',
      content: '电话沟通',
    });
    await callOk(office, 'clients.reassign', { clientIds: [client.id], toStaffId: li.id, reason: '张伟调岗' });
    await callOk(office, 'commission.updateSettings', { creditBasis: 'contracts' });
    await callOk(office, 'months.close', { month: '2026-09' });
    await callOk(office, 'months.close', { month: '2026-10' });
    const cases = await callOk<{ staffId: number }[]>(office, 'dismissals.list', {});
    expect(cases.map((c) => c.staffId)).toContain(zhang.id);
    await callOk(office, 'dismissals.decide', {
      staffId: zhang.id,
      month: '2026-10',
      decision: 'dismiss',
      reason: '连续两个月低于保底',
      reassignToStaffId: li.id,
    });
    await callOk(office, 'months.reopen', { month: '2026-10', reason: '补录收款' });

    const { rows } = await callOk<{ rows: AuditRow[] }>(office, 'audit.list', { limit: 200 }, owner);
    expectReadable(rows);
    const zh = rows.map((r) => r.text.zh);
    const en = rows.map((r) => r.text.en);
    expect(zh).toContain('修改员工 张伟(YW01):底薪 ¥3,000.00 → ¥3,500.00;电话 (空) → 13800138000');
    expect(en).toContain('Edited staff member 张伟 (YW01): base salary ¥3,000.00 → ¥3,500.00; phone (empty) → 13800138000');
    expect(zh).toContain('新增员工 李娜(YW02):角色 业务员,入职日期 2025-01-01,底薪 ¥3,000.00');
    expect(zh).toContain('设置 团队 2026-09 的指标:保底销售额 ¥10,000.00;目标销售额 ¥30,000.00;提成比例 5%;超额倍数 2×');
    expect(zh).toContain('设置 张伟(YW01) 2026-09 的指标:保底销售额 ¥12,000.00;目标销售额 ¥30,000.00;提成比例 5%;超额倍数 2×');
    expect(zh).toContain('确认辞退 张伟(YW01),离职日期 2026-11-20,理由:连续两个月低于保底');
    expect(en).toContain('Dismissed 张伟 (YW01), leaving on 2026-11-20; reason: 连续两个月低于保底');
    expect(zh).toContain('删除合同 ' + contract.number + '(杭州星光科技有限公司)的收款记录 ¥2,000.00(2026-09-10),原因:重复登记');
    expect(zh).toContain(`登记合同 ${contract.number}(杭州星光科技有限公司)的退款 ¥500.00(2026-09-12,转账)`);
    expect(zh).toContain('把 1 位客户转给 李娜(YW02),原因:张伟调岗');
    expect(zh).toContain('修改提成规则:业绩口径 按到账收款 → 按签约金额');
    expect(zh).toContain('撤销 2026-10 的月结,原因:补录收款');
    expect(zh.find((t) => t.startsWith('月结 2026-09'))).toMatch(
      /^月结 2026-09:\d+ 人,实际销售额合计 ¥[\d,.]+,提成合计 ¥[\d,.]+/,
    );
    expect(en.find((t) => t.startsWith('Closed 2026-09'))).toMatch(/^Closed 2026-09: \d+ people, sales ¥/);
    // The CLI and the test actor are named as people read them.
    expect(rows.every((r) => r.actorName.zh === 'T-owner' || r.actorName.zh === '命令行' || /\(/.test(r.actorName.zh))).toBe(
      true,
    );
  });

  it('names a deleted subject by its number and an unknown action by its contract summary', async () => {
    office = createTestOffice();
    await callOk(office, 'settings.completeSetup', { officeName: '阳光加盟店', officeAddress: '' });
    office.sqlite
      .prepare(
        `INSERT INTO audit_log (at, actor_code, actor_role, action, entity, entity_id, before_json, after_json)
         VALUES ('2026-11-01T00:00:00Z', 'local', 'owner', 'staff.update', 'staff', '999', '{"baseSalaryFen":100}', '{"baseSalaryFen":200}'),
                ('2026-11-01T00:00:00Z', 'cli', 'owner', 'clients.export', 'client', NULL, NULL, NULL)`,
      )
      .run();
    const { rows } = await callOk<{ rows: AuditRow[] }>(office, 'audit.list', { limit: 10 }, owner);
    expectReadable(rows);
    expect(rows.map((r) => r.text.zh)).toEqual(expect.arrayContaining(['修改员工 员工 999:底薪 ¥1.00 → ¥2.00', '导出客户']));
    expect(rows.map((r) => r.actorName.zh)).toEqual(expect.arrayContaining(['本机(未启用登录,以店长身份)', '命令行']));
  });
});
