import type { ClientDetail } from '../../../shared/contract/clients';
import type { StaffRow } from '../../../shared/contract/staff';
import type { Actor } from '../../../shared/roles';
import { actorOf, callOk, type TestOffice } from './test-office';

/** A staff member with the given role, and the actor that signs in as them. */
export async function staffActor(
  office: TestOffice,
  code: string,
  name: string,
  role: Actor['role'] = 'salesperson',
): Promise<{ staff: StaffRow; actor: Actor }> {
  const staff = await callOk<StaffRow>(office, 'staff.create', {
    code,
    name,
    role,
    hiredOn: '2025-01-01',
    baseSalaryFen: 300000,
  });
  return { staff, actor: { ...actorOf(role, code), staffId: staff.id, name } };
}

export async function createClientOk(office: TestOffice, input: Record<string, unknown>, actor?: Actor): Promise<ClientDetail> {
  return callOk<ClientDetail>(office, 'clients.create', input, actor);
}
